//! Flows are shown by what people recognise: a resource code such as `heat-medium` appears as
//! its label in the reader's language, never as the code, in the text of the flow lists.

use axum::http::StatusCode;
use axum_test::TestServer;

use super::{firm_in_both_languages, signed_in_firm};
use crate::accounts::csrf_of;
use crate::common::TestApp;

/// The text a person reads: the page without its tags and their attributes.
pub fn visible_text(page: &str) -> String {
    let mut text = String::with_capacity(page.len());
    let mut in_tag = false;
    for c in page.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

async fn post_flow(server: &TestServer, kind: &str, fields: &[(&str, &str)]) {
    let csrf = csrf_of(&server.get(&format!("/{kind}/new")).await.text());
    let mut form = vec![("csrf", csrf.as_str())];
    form.extend_from_slice(fields);
    server
        .post(&format!("/{kind}"))
        .form(&form)
        .await
        .assert_status(StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn heat_medium_is_shown_as_its_label_on_the_offers_and_needs_lists() {
    let app = TestApp::spawn().await;
    let (dutch, english) = firm_in_both_languages(&app, "info@bakkerij.nl", "Bakkerij").await;
    let grower = signed_in_firm(&app, "info@kas.nl", "Kwekerij").await;
    post_flow(
        &dutch,
        "offers",
        &[
            ("material", "heat-medium"),
            ("description", "Ovenwarmte"),
            ("quantity_per_year", "400"),
            ("unit", "MWh"),
            ("regularity", "recurring"),
            ("disposal_cost_eur_per_unit", "0"),
            ("confidentiality", "anonymous"),
        ],
    )
    .await;
    post_flow(
        &grower,
        "needs",
        &[
            ("accepts", "heat-medium"),
            ("description", "Kasverwarming"),
            ("quantity_per_year", "300"),
            ("unit", "MWh"),
            ("virgin_price_eur_per_unit", "40"),
            ("max_distance_km", "20"),
            ("licensed_for_hazardous", "false"),
            ("confidentiality", "anonymous"),
        ],
    )
    .await;

    let pages = [
        (dutch.get("/offers").await.text(), "Restwarmte 60–120 °C"),
        (english.get("/offers").await.text(), "Waste heat 60–120 °C"),
        (grower.get("/needs").await.text(), "Restwarmte 60–120 °C"),
    ];

    for (page, label) in pages {
        let text = visible_text(&page);
        assert!(text.contains(label), "{label} missing: {text}");
        assert!(!text.contains("heat-medium"), "the code is shown: {text}");
    }
}
