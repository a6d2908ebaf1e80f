//! The scene of the impact tests: a coordinator, the region's parameters, two firms with
//! two exchanges taken through the web forms, and the totals worked out by hand.

use axum::http::StatusCode;
use axum_test::TestServer;
use symbiose::domain::parameters::ParametersDraft;
use symbiose::domain::{Parameters, Region};

use crate::common::TestApp;
use crate::exchanges::{confirmed_by_both, exchange_path, firm, post_form, to_running};

/// A signed-in coordinator of the region.
pub async fn coordinator(app: &TestApp) -> TestServer {
    crate::accounts::signed_in_coordinator(app).await.0
}

/// The region's parameters: the documented road factors, and a CO₂ saving stated for
/// coffee grounds only.
async fn region_parameters(app: &TestApp) {
    let parameters = Parameters::parse(ParametersDraft {
        transport_eur_per_tkm: 0.12,
        road_factor: 1.3,
        co2_kg_per_tkm: 0.1,
        co2_avoided_kg_per_t_default: None,
        co2_avoided_kg_per_t_by_ewc: Some(vec![("02 03 04".into(), 400.0)]),
    })
    .unwrap();
    let region = Region {
        parameters: Some(parameters),
        ..Region::default()
    };
    symbiose::storage::insert_region(&app.db, &region, &|_| {})
        .await
        .unwrap();
}

/// Great-circle km between two points, written out here so the test does not lean on the
/// code it checks.
fn haversine_km((lat1, lon1): (f64, f64), (lat2, lon2): (f64, f64)) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let (dp, dl) = ((lat2 - lat1).to_radians(), (lon2 - lon1).to_radians());
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0088 * a.sqrt().asin()
}

/// Road km between the centres of Weert (the roaster) and Nederweert (the grower).
pub fn road_km() -> f64 {
    1.3 * haversine_km((51.2517, 5.7069), (51.2858, 5.7486))
}

/// Moves a firm to its municipality's centre with a sector.
async fn profile(server: &TestServer, name: &str, municipality: &str, nace: &str) {
    post_form(
        server,
        "/firm/edit",
        "/firm/edit",
        &[
            ("name", name),
            ("address", "Markt 1"),
            ("municipality", municipality),
            ("lat", ""),
            ("lon", ""),
            ("nace", nace),
            ("employees", "12"),
            ("language", "nl"),
            ("action", "save"),
        ],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
}

/// A flow form posted by a firm.
async fn flow(server: &TestServer, kind: &str, fields: &[(&str, &str)]) {
    post_form(server, &format!("/{kind}/new"), &format!("/{kind}"), fields)
        .await
        .assert_status(StatusCode::SEE_OTHER);
}

/// Both firms say interested and the receiver starts the exchange; returns its path.
async fn started(supplier: &TestServer, receiver: &TestServer, offer: &str, need: &str) -> String {
    let pair = [("offer", offer), ("need", need)];
    let opened = post_form(supplier, "/matches", "/exchanges", &pair).await;
    let path = exchange_path(&opened);
    post_form(receiver, "/matches", "/exchanges", &pair)
        .await
        .assert_status(StatusCode::SEE_OTHER);
    to_running(receiver, supplier, &path).await;
    path
}

async fn record(server: &TestServer, path: &str, period: &str, tonnes: &str) {
    post_form(
        server,
        path,
        &format!("{path}/tonnes"),
        &[("period", period), ("tonnes", tonnes)],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
}

/// A roaster in Weert (C10) and a grower in Nederweert (A01): coffee grounds from the
/// roaster to the grower (running), pallets from the grower to the roaster (completed).
pub struct Scene {
    pub app: TestApp,
    pub roaster: TestServer,
    pub coffee: String,
}

pub async fn scene() -> Scene {
    let app = TestApp::spawn().await;
    region_parameters(&app).await;
    let roaster = firm(&app, "info@deboon.nl", "Koffiebranderij De Boon").await;
    let grower = firm(&app, "info@zwam.nl", "Zwammerij Het Mycelium").await;
    profile(&roaster, "Koffiebranderij De Boon", "Weert", "C10").await;
    profile(&grower, "Zwammerij Het Mycelium", "Nederweert", "A01").await;
    let common = [
        ("regularity", "recurring"),
        ("confidentiality", "anonymous"),
    ];
    let offer = |material, description, disposal| {
        let mut fields = vec![
            ("material", material),
            ("description", description),
            ("quantity_per_year", "100"),
            ("unit", "t"),
            ("disposal_cost_eur_per_unit", disposal),
        ];
        fields.extend(common);
        fields
    };
    let need = |accepts, description, virgin| {
        let mut fields = vec![
            ("accepts", accepts),
            ("description", description),
            ("quantity_per_year", "100"),
            ("unit", "t"),
            ("virgin_price_eur_per_unit", virgin),
            ("max_distance_km", "25"),
            ("licensed_for_hazardous", "false"),
        ];
        fields.extend(common);
        fields
    };
    flow(&roaster, "offers", &offer("02 03 04", "Koffiedik", "45")).await;
    flow(&grower, "needs", &need("02 03 04", "Substraat", "30")).await;
    flow(&grower, "offers", &offer("15 01 03", "Pallets", "20")).await;
    flow(&roaster, "needs", &need("15 01 03", "Pallets", "12")).await;
    let region = symbiose::storage::load_region(&app.db).await.unwrap();
    let id = |i: usize, offers: bool| match offers {
        true => region.offers[i].id().to_string(),
        false => region.needs[i].id().to_string(),
    };

    let coffee = started(&roaster, &grower, &id(0, true), &id(0, false)).await;
    let pallets = started(&grower, &roaster, &id(1, true), &id(1, false)).await;
    record(&grower, &pallets, "2025-06", "6,3").await;
    confirmed_by_both(&grower, &roaster, &pallets, "complete").await;
    Scene {
        app,
        roaster,
        coffee,
    }
}

/// Hand-computed totals: coffee grounds 35.5 t (October) + 42.25 t and 2.25 t (November),
/// pallets 6.3 t (June 2025, no CO₂ figure stated for them).
pub struct Expected {
    pub tonnes: f64,
    pub eur: f64,
    pub co2_kg: f64,
}

pub fn expected() -> Expected {
    let road = road_km();
    let coffee_t = 35.5 + 42.25 + 2.25;
    let pallets_t = 6.3;
    Expected {
        tonnes: coffee_t + pallets_t,
        eur: coffee_t * (45.0 + 30.0 - 0.12 * road) + pallets_t * (20.0 + 12.0 - 0.12 * road),
        co2_kg: coffee_t * (400.0 - 0.1 * road),
    }
}

pub async fn record_coffee(scene: &Scene) {
    record(&scene.roaster, &scene.coffee, "2026-10", "35,5").await;
    record(&scene.roaster, &scene.coffee, "2026-11", "42,25").await;
    record(&scene.roaster, &scene.coffee, "2026-11", "2,25").await;
}
