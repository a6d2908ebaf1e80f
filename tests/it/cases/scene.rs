//! The scene of the knowledge-base tests: firms with sectors at their municipality's centre,
//! flows posted through the forms, exchanges taken to completed or declined by the parties.

use axum::http::StatusCode;
use axum_test::TestServer;

use crate::common::TestApp;
use crate::exchanges::{confirmed_by_both, exchange_path, firm, post_form, to_running};

/// A signed-in coordinator of the region.
pub async fn coordinator(app: &TestApp) -> TestServer {
    crate::accounts::signed_in_coordinator(app).await.0
}

/// A registered firm with a sector, at its municipality's centre.
pub async fn firm_in(
    app: &TestApp,
    email: &str,
    name: &str,
    municipality: &str,
    nace: &str,
) -> TestServer {
    let server = firm(app, email, name).await;
    post_form(
        &server,
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
    server
}

/// An offer of 40 t/yr; returns its id.
pub async fn offer(
    app: &TestApp,
    server: &TestServer,
    material: &str,
    description: &str,
) -> String {
    post_form(
        server,
        "/offers/new",
        "/offers",
        &[
            ("material", material),
            ("description", description),
            ("quantity_per_year", "40"),
            ("unit", "t"),
            ("regularity", "recurring"),
            ("disposal_cost_eur_per_unit", "45"),
            ("confidentiality", "anonymous"),
        ],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    let region = symbiose::storage::load_region(&app.db).await.unwrap();
    let offer = region
        .offers
        .iter()
        .find(|o| o.description() == description);
    offer.expect("the offer just posted").id().to_string()
}

/// A need of 100 t/yr collected up to 25 km; returns its id.
pub async fn need(app: &TestApp, server: &TestServer, accepts: &str, description: &str) -> String {
    post_form(
        server,
        "/needs/new",
        "/needs",
        &[
            ("accepts", accepts),
            ("description", description),
            ("quantity_per_year", "100"),
            ("unit", "t"),
            ("virgin_price_eur_per_unit", "30"),
            ("max_distance_km", "25"),
            ("licensed_for_hazardous", "false"),
            ("confidentiality", "anonymous"),
        ],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    let region = symbiose::storage::load_region(&app.db).await.unwrap();
    let need = region.needs.iter().find(|n| n.description() == description);
    need.expect("the need just posted").id().to_string()
}

/// Both sides say interested, the receiver takes the exchange to running, the supplier
/// records `tonnes` in October 2026 and completes it.
pub async fn complete(
    supplier: &TestServer,
    receiver: &TestServer,
    pair: (&str, &str),
    tonnes: &str,
) {
    let fields = [("offer", pair.0), ("need", pair.1)];
    let path = exchange_path(&post_form(supplier, "/matches", "/exchanges", &fields).await);
    post_form(receiver, "/matches", "/exchanges", &fields)
        .await
        .assert_status(StatusCode::SEE_OTHER);
    to_running(receiver, supplier, &path).await;
    post_form(
        supplier,
        &path,
        &format!("{path}/tonnes"),
        &[("period", "2026-10"), ("tonnes", tonnes)],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    confirmed_by_both(supplier, receiver, &path, "complete").await;
}

/// "Not for us" on a match, with a reason.
pub async fn decline(server: &TestServer, pair: (&str, &str), reason: &str) {
    post_form(
        server,
        "/matches",
        "/exchanges/decline",
        &[("offer", pair.0), ("need", pair.1), ("reason", reason)],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
}

/// Where a need is first named on a matches page (its match's form); panics when absent.
pub fn position(page: &str, need: &str) -> usize {
    page.find(&format!("name=\"need\" value=\"{need}\""))
        .unwrap_or_else(|| panic!("{need} is not on the page: {page}"))
}

/// Great-circle km between two points, written out so the test does not lean on the code
/// it checks.
pub fn haversine_km((lat1, lon1): (f64, f64), (lat2, lon2): (f64, f64)) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let (dp, dl) = ((lat2 - lat1).to_radians(), (lon2 - lon1).to_radians());
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0088 * a.sqrt().asin()
}
