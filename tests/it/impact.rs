//! Impact monitoring: tonnes recorded on running and completed exchanges in, exact totals
//! out — on the page (Dutch and English numbers) and in the CSV; only coordinators see it.

use axum::http::StatusCode;
use axum_test::TestServer;
use symbiose::domain::parameters::ParametersDraft;
use symbiose::domain::{Email, NewPassword, Parameters, Region, Role};
use symbiose::i18n::{Lang, number};

use crate::accounts::{csrf_of, saving_cookies};
use crate::common::TestApp;
use crate::exchanges::{exchange_path, firm, in_english, post_form};

/// A signed-in coordinator of the region.
async fn coordinator(app: &TestApp) -> TestServer {
    let password = "regio-keyport-2026";
    let hash = symbiose::accounts::hash_password(&NewPassword::parse(password).unwrap()).unwrap();
    symbiose::storage::accounts::create_staff_user(
        &app.db,
        &Email::parse("regio@keyport.nl").unwrap(),
        &hash,
        Role::Coordinator,
        chrono::Utc::now().naive_utc(),
    )
    .await
    .unwrap();
    let server = saving_cookies(app);
    let csrf = csrf_of(&server.get("/login").await.text());
    server
        .post("/login")
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", "regio@keyport.nl"),
            ("password", password),
        ])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    server
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
fn road_km() -> f64 {
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
    for step in ["negotiate", "agree", "start"] {
        post_form(receiver, &path, &format!("{path}/step"), &[("step", step)])
            .await
            .assert_status(StatusCode::SEE_OTHER);
    }
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
struct Scene {
    app: TestApp,
    roaster: TestServer,
    coffee: String,
}

async fn scene() -> Scene {
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
    post_form(
        &grower,
        &pallets,
        &format!("{pallets}/step"),
        &[("step", "complete")],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    Scene {
        app,
        roaster,
        coffee,
    }
}

/// The headline figures of an impact page.
fn headline(page: &str) -> &str {
    let start = page.find("impact-headline").expect("the headline figures");
    &page[start..start + page[start..].find("</ul>").expect("their end")]
}

/// Hand-computed totals: coffee grounds 35.5 t (October) + 42.25 t and 2.25 t (November),
/// pallets 6.3 t (June 2025, no CO₂ figure stated for them).
struct Expected {
    tonnes: f64,
    eur: f64,
    co2_kg: f64,
}

fn expected() -> Expected {
    let road = road_km();
    let coffee_t = 35.5 + 42.25 + 2.25;
    let pallets_t = 6.3;
    Expected {
        tonnes: coffee_t + pallets_t,
        eur: coffee_t * (45.0 + 30.0 - 0.12 * road) + pallets_t * (20.0 + 12.0 - 0.12 * road),
        co2_kg: coffee_t * (400.0 - 0.1 * road),
    }
}

async fn record_coffee(scene: &Scene) {
    record(&scene.roaster, &scene.coffee, "2026-10", "35,5").await;
    record(&scene.roaster, &scene.coffee, "2026-11", "42,25").await;
    record(&scene.roaster, &scene.coffee, "2026-11", "2,25").await;
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
