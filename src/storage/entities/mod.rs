//! sea-orm entities, one per table. Rows only; conversion to domain types lives in the
//! parent module.

pub mod collection_round_members;
pub mod collection_rounds;
pub mod companies;
pub mod exchange_events;
pub mod exchange_tonnes;
pub mod exchanges;
pub mod firm_contacts;
pub mod firm_notes;
pub mod import_preview_chunks;
pub mod import_previews;
pub mod login_throttle;
pub mod need_accepts;
pub mod needs;
pub mod notifications;
pub mod offers;
pub mod outbox;
pub mod partnership_activities;
pub mod partnership_members;
pub mod partnerships;
pub mod region_settings;
pub mod sessions;
pub mod users;
