//! Database migrations for Symbiose, written once in Rust for SQLite and PostgreSQL.
//! Each migration lives in its own file; its name comes from the file name.
#![forbid(unsafe_code)]

pub use sea_orm_migration::prelude::*;

mod m20261128_000001_create_companies;
mod m20261128_000002_create_offers;
mod m20261128_000003_create_needs;
mod m20261128_000004_create_region_settings;
mod m20261128_000005_create_accounts;
mod m20261128_000006_create_exchanges;
mod m20261128_000007_pause_flows;
mod m20261128_000008_create_notifications;
mod m20261128_000010_create_collection_rounds;
mod m20261128_000011_create_partnerships;
mod m20261128_000012_create_import_previews;
mod m20261204_000013_login_throttle_and_idle_sessions;
mod m20261204_000014_import_preview_chunks;
mod m20261205_000015_exchange_confirmations;
mod m20261205_000016_material_descriptors;
mod m20261205_000017_exchange_messages;
mod m20261205_000018_outbox_delivery;
mod m20261205_000019_password_resets;
mod m20261205_000020_saved_searches;
mod m20261205_000021_firm_contacts;
mod m20261205_000022_flow_photos;
mod m20261205_000023_plan_runs;
mod m20261205_000024_pickup_terms;
mod shared;

/// Applies every migration in order.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261128_000001_create_companies::Migration),
            Box::new(m20261128_000002_create_offers::Migration),
            Box::new(m20261128_000003_create_needs::Migration),
            Box::new(m20261128_000004_create_region_settings::Migration),
            Box::new(m20261128_000005_create_accounts::Migration),
            Box::new(m20261128_000006_create_exchanges::Migration),
            Box::new(m20261128_000007_pause_flows::Migration),
            Box::new(m20261128_000008_create_notifications::Migration),
            Box::new(m20261128_000010_create_collection_rounds::Migration),
            Box::new(m20261128_000011_create_partnerships::Migration),
            Box::new(m20261128_000012_create_import_previews::Migration),
            Box::new(m20261204_000013_login_throttle_and_idle_sessions::Migration),
            Box::new(m20261204_000014_import_preview_chunks::Migration),
            Box::new(m20261205_000015_exchange_confirmations::Migration),
            Box::new(m20261205_000016_material_descriptors::Migration),
            Box::new(m20261205_000017_exchange_messages::Migration),
            Box::new(m20261205_000018_outbox_delivery::Migration),
            Box::new(m20261205_000019_password_resets::Migration),
            Box::new(m20261205_000020_saved_searches::Migration),
            Box::new(m20261205_000021_firm_contacts::Migration),
            Box::new(m20261205_000022_flow_photos::Migration),
            Box::new(m20261205_000023_plan_runs::Migration),
            Box::new(m20261205_000024_pickup_terms::Migration),
        ]
    }
}
