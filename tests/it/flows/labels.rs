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

/// The internal ids in a text: `O-5d65…`/`N-5d65…` flow keys, `N0009` and `F068`.
pub fn ids_in(text: &str) -> Vec<String> {
    let is_hex = |s: &str| s.len() >= 4 && s.chars().all(|c| c.is_ascii_hexdigit());
    let digits = |s: &str, n: usize| s.len() == n && s.chars().all(|c| c.is_ascii_digit());
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|word| {
            let hex_key = ["O-", "N-"].iter().any(|p| {
                word.strip_prefix(p)
                    .is_some_and(|rest| is_hex(&rest[..rest.len().min(4)]))
            });
            let numbered = word.strip_prefix('N').is_some_and(|rest| digits(rest, 4))
                || word.strip_prefix('F').is_some_and(|rest| digits(rest, 3));
            hex_key || numbered
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn ids_in_finds_the_internal_ids_and_not_codes_or_words() {
    let text = "O-5d65a1 en N-0a1b, N0009 F068 — 02 03 04 Koffiedik N-Brabant F1 2026-10";
    assert_eq!(ids_in(text), ["O-5d65a1", "N-0a1b", "N0009", "F068"]);
}
