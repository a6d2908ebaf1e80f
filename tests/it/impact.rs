//! Impact monitoring: tonnes recorded on running and completed exchanges in, exact totals
//! out — on the page (Dutch and English numbers) and in the CSV; only coordinators see it.

pub mod scene;

use axum::http::StatusCode;
use symbiose::i18n::{Lang, number};

use self::scene::{coordinator, expected, record_coffee, road_km, scene};
use crate::common::TestApp;
use crate::exchanges::in_english;

/// The headline figures of an impact page.
fn headline(page: &str) -> &str {
    let start = page.find("impact-headline").expect("the headline figures");
    &page[start..start + page[start..].find("</ul>").expect("their end")]
}

#[tokio::test]
async fn with_no_recorded_tonnes_the_page_says_so_and_shows_zeros() {
    let app = TestApp::spawn().await;
    let coordinator = coordinator(&app).await;

    let page = coordinator.get("/impact").await;

    page.assert_status_ok();
    let html = page.text();
    assert!(
        html.contains("Er zijn nog geen tonnen vastgelegd"),
        "{html}"
    );
    let figures = headline(&html);
    assert_eq!(
        figures.matches("<strong>0</strong>").count(),
        4,
        "{figures}"
    );
    assert!(figures.contains("<strong>€ 0</strong>"), "{figures}");
    assert!(!html.contains("<svg"), "no chart without data");
    assert!(html.contains("Methode en bronnen") && html.contains("0,12"));
}

#[tokio::test]
async fn recorded_tonnes_give_exactly_the_hand_computed_totals_on_the_page() {
    let scene = scene().await;
    let coordinator = coordinator(&scene.app).await;
    let before = coordinator.get("/impact").await.text();
    assert!(
        headline(&before).contains("<strong>6,3</strong>"),
        "only the pallets"
    );

    record_coffee(&scene).await;
    let page = coordinator.get("/impact").await.text();

    let want = expected();
    let figures = headline(&page);
    assert!(figures.contains("<strong>86,3</strong> ton"), "{figures}");
    let eur = number(Lang::Dutch, want.eur, 0);
    assert!(
        figures.contains(&format!("<strong>€ {eur}</strong>")),
        "{eur} in {figures}"
    );
    assert!(eur.contains('.'), "a Dutch thousands separator: {eur}");
    let co2 = number(Lang::Dutch, want.co2_kg / 1000.0, 1);
    assert!(
        figures.contains(&format!("<strong>{co2}</strong> ton CO₂")),
        "{co2} in {figures}"
    );
    assert!(
        figures.contains("<strong>2</strong> bedrijven"),
        "{figures}"
    );
    assert!(
        figures.contains("<strong>2</strong> uitwisselingen"),
        "{figures}"
    );
    assert_eq!(want.tonnes, 86.3);
    assert!(page.contains("Eén maand van een uitwisseling telt niet mee in de CO₂-cijfers"));
    for shown in [
        "2026-10",
        "2026-11",
        "2025",
        "Weert",
        "Nederweert",
        "C Industrie",
        "A Landbouw",
    ] {
        assert!(page.contains(shown), "{shown} missing");
    }
    assert!(page.matches("<svg").count() >= 6, "a chart per breakdown");
    assert!(
        page.contains("CO₂ vermeden per ton 02 03 04"),
        "the factor used is listed"
    );
}

#[tokio::test]
async fn the_csv_has_every_input_and_the_exact_figures_of_each_exchange_month() {
    let scene = scene().await;
    record_coffee(&scene).await;
    let coordinator = coordinator(&scene.app).await;

    let response = coordinator.get("/impact.csv").await;

    response.assert_status_ok();
    assert!(
        response
            .header("content-type")
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let text = response.text();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let column = |name: &str| header.iter().position(|h| h == name).expect(name);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let cells = |name: &str| {
        rows.iter()
            .map(|r| r[column(name)].to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(cells("month"), ["2025-06", "2026-10", "2026-11"]);
    assert_eq!(cells("stage"), ["completed", "running", "running"]);
    assert_eq!(cells("tonnes"), ["6.300", "35.500", "44.500"]);
    let road = road_km();
    let saved = |t: f64, value: f64| format!("{:.2}", t * (value - 0.12 * road));
    assert_eq!(
        cells("saved_eur"),
        [saved(6.3, 32.0), saved(35.5, 75.0), saved(44.5, 75.0)]
    );
    let co2 = |t: f64| format!("{:.3}", t * (400.0 - 0.1 * road));
    assert_eq!(cells("co2_net_kg"), [String::new(), co2(35.5), co2(44.5)]);
    assert_eq!(cells("road_km")[0], format!("{road:.4}"));
    assert_eq!(
        cells("supplier_municipality"),
        ["Nederweert", "Weert", "Weert"]
    );
    let total: f64 = cells("saved_eur")
        .iter()
        .map(|c| c.parse::<f64>().unwrap())
        .sum();
    assert!(
        (total - expected().eur).abs() < 0.02,
        "{total} vs {}",
        expected().eur
    );
}

#[tokio::test]
async fn a_year_filter_counts_that_year_only_and_a_bad_year_is_refused() {
    let scene = scene().await;
    record_coffee(&scene).await;
    let coordinator = coordinator(&scene.app).await;

    let page = coordinator.get("/impact?year=2025").await.text();
    let csv = coordinator.get("/impact.csv?year=2025").await.text();
    let refused = coordinator.get("/impact?year=vorig").await;

    assert!(
        headline(&page).contains("<strong>6,3</strong>"),
        "{}",
        headline(&page)
    );
    assert_eq!(
        csv.lines().count(),
        2,
        "the header and the pallets' month: {csv}"
    );
    refused.assert_status(StatusCode::BAD_REQUEST);
    assert!(refused.text().contains("„vorig” is geen jaartal"));
}

#[tokio::test]
async fn the_english_page_shows_english_numbers() {
    let scene = scene().await;
    record_coffee(&scene).await;
    let coordinator = coordinator(&scene.app).await;

    let page = in_english(coordinator.get("/impact")).await.text();

    let figures = headline(&page);
    let eur = number(Lang::English, expected().eur, 0);
    assert!(eur.contains(','), "an English thousands separator: {eur}");
    assert!(
        figures.contains("<strong>86.3</strong> tonnes diverted"),
        "{figures}"
    );
    assert!(
        figures.contains(&format!("<strong>€ {eur}</strong>")),
        "{figures}"
    );
    assert!(page.contains("Method and sources") && page.contains("Tonnes per month"));
}

#[tokio::test]
async fn only_coordinators_see_impact_firms_get_not_found_and_visitors_the_login() {
    let scene = scene().await;
    let visitor = scene.app.server();

    for path in ["/impact", "/impact.csv"] {
        scene
            .roaster
            .get(path)
            .await
            .assert_status(StatusCode::NOT_FOUND);
        let response = visitor.get(path).await;
        response.assert_status(StatusCode::SEE_OTHER);
        assert_eq!(response.header("location"), "/login");
    }
}

/// The `width` and `height` of every `<rect>` of a page's SVG charts.
fn rect_sizes(page: &str) -> Vec<(f64, f64)> {
    let attribute = |tag: &str, name: &str| -> f64 {
        let start = tag.find(&format!(" {name}=\"")).expect(name) + name.len() + 3;
        let end = start + tag[start..].find('"').expect("closing quote");
        tag[start..end].parse().expect("a number")
    };
    page.split("<rect")
        .skip(1)
        .map(|rest| &rest[..rest.find('>').expect("tag end")])
        .map(|tag| (attribute(tag, "width"), attribute(tag, "height")))
        .collect()
}

#[tokio::test]
async fn with_one_completed_exchange_every_chart_draws_its_one_bar() {
    let scene = scene().await;
    let coordinator = coordinator(&scene.app).await;

    let page = coordinator.get("/impact").await.text();

    assert_eq!(page.matches("<svg").count(), 6, "a chart per breakdown");
    let sizes = rect_sizes(&page);
    let negative: Vec<_> = sizes.iter().filter(|(w, h)| *w < 0.0 || *h < 0.0).collect();
    assert!(negative.is_empty(), "negative rects: {negative:?}");
    // Each chart: its white background and one bar, all with an area but the CO₂ bar of
    // the municipality: no CO₂ figure is stated for pallets, so that bar has no length.
    assert_eq!(sizes.len(), 12, "{sizes:?}");
    let drawn = sizes.iter().filter(|(w, h)| *w > 0.0 && *h > 0.0).count();
    assert_eq!(drawn, 11, "{sizes:?}");
}
