//! The busiest pages read the region from memory, kept until it changes: every change made
//! through the app shows on them at once.

use axum::http::StatusCode;

use crate::accounts::{register, saving_cookies, signed_in_coordinator};
use crate::common::TestApp;
use crate::exchanges::{pair, pair_marked, post_form};

/// The figure in `<strong>…</strong> {label}` on a page.
fn figure(page: &str, label: &str) -> u64 {
    let end = page
        .find(&format!("</strong> {label}"))
        .unwrap_or_else(|| panic!("no figure for {label}"));
    let start = page[..end].rfind("<strong>").expect("the figure's start") + "<strong>".len();
    page[start..end].parse().expect("a number")
}

#[tokio::test]
async fn the_overview_shows_a_new_firm_and_its_public_offer_at_once() {
    let app = TestApp::spawn().await;
    let visitor = app.server();
    let before = visitor.get("/firms").await.text();
    assert!(!before.contains("Koffiebranderij De Boon"));

    pair_marked(&app, "public", "anonymous").await;

    let after = visitor.get("/firms").await.text();
    assert!(after.contains("Koffiebranderij De Boon"), "{after}");
    assert!(after.contains("Koffiedik"), "the public offer is listed");
    assert_eq!(
        figure(&after, "bedrijven"),
        figure(&before, "bedrijven") + 2
    );
}

#[tokio::test]
async fn the_coordinator_counts_new_flows_at_once_and_exchanges_as_they_open() {
    let app = TestApp::spawn().await;
    let (coordinator, _) = signed_in_coordinator(&app).await;
    let before = coordinator.get("/coordinator").await.text();

    let (roaster, _grower, offer, need) = pair(&app).await;
    let with_flows = coordinator.get("/coordinator").await.text();
    post_form(
        &roaster,
        "/matches",
        "/exchanges",
        &[("offer", &offer), ("need", &need)],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    let with_exchange = coordinator.get("/coordinator").await.text();

    assert_eq!(
        figure(&with_flows, "reststromen"),
        figure(&before, "reststromen") + 1
    );
    assert_eq!(
        figure(&with_flows, "bedrijven"),
        figure(&before, "bedrijven") + 2
    );
    assert_eq!(figure(&with_exchange, "open uitwisselingen"), 1);
}

#[tokio::test]
async fn a_firm_sees_its_new_need_on_its_matches_page_at_once() {
    let app = TestApp::spawn().await;
    let firm = saving_cookies(&app);
    register(&firm, "info@zwam.nl", "Zwammerij Het Mycelium")
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let before = firm.get("/matches").await.text();
    assert!(!before.contains("Substraat voor oesterzwammen"));

    post_form(
        &firm,
        "/needs/new",
        "/needs",
        &[
            ("accepts", "02 03 04"),
            ("description", "Substraat voor oesterzwammen"),
            ("quantity_per_year", "20"),
            ("unit", "t"),
            ("virgin_price_eur_per_unit", "30"),
            ("max_distance_km", "25"),
            ("licensed_for_hazardous", "false"),
            ("confidentiality", "anonymous"),
        ],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);

    let after = firm.get("/matches").await.text();
    assert!(after.contains("Substraat voor oesterzwammen"), "{after}");
}
