//! The knowledge base: completed and declined exchanges kept as cases, browsed and searched by
//! coordinators, and fed back into the ranking of every firm's matches.

mod scene;

use axum::http::StatusCode;
use symbiose::domain::{Material, Unit};
use symbiose::i18n::{Lang, number};
use symbiose::outcomes::case::{CaseOutcome, DeclinedBy};

use self::scene::{complete, coordinator, decline, firm_in, haversine_km, need, offer, position};
use crate::common::TestApp;
use crate::exchanges::in_english;

/// The region's municipality centres the firms sit at.
const WEERT: (f64, f64) = (51.2517, 5.7069);
const NEDERWEERT: (f64, f64) = (51.2858, 5.7486);

/// Coffee grounds completed from a roaster in Weert (C) to a grower in Nederweert (A), with
/// 35.5 t recorded; cardboard declined by a recycler in Nederweert (E) from a shop in Weert
/// (G).
async fn two_cases(app: &TestApp) {
    let roaster = firm_in(
        app,
        "info@deboon.nl",
        "Koffiebranderij De Boon",
        "Weert",
        "C10",
    )
    .await;
    let grower = firm_in(
        app,
        "info@zwam.nl",
        "Zwammerij Het Mycelium",
        "Nederweert",
        "A01",
    )
    .await;
    let shop = firm_in(app, "info@winkel.nl", "Bouwmarkt Weert", "Weert", "G47").await;
    let recycler = firm_in(
        app,
        "info@recycling.nl",
        "Recycling Nederweert",
        "Nederweert",
        "E38",
    )
    .await;
    let coffee = offer(app, &roaster, "02 03 04", "Koffiedik").await;
    let substrate = need(app, &grower, "02 03 04", "Substraat").await;
    let cardboard = offer(app, &shop, "15 01 01", "Karton").await;
    let paper = need(app, &recycler, "15 01", "Papier en karton").await;
    complete(&roaster, &grower, (&coffee, &substrate), "35,5").await;
    decline(&recycler, (&cardboard, &paper), "Te vochtig om te persen").await;
}

#[tokio::test]
async fn a_completed_and_a_declined_exchange_are_kept_as_cases_with_their_facts() {
    let app = TestApp::spawn().await;
    two_cases(&app).await;

    let cases = symbiose::storage::cases::all(&app.db).await.unwrap();

    assert_eq!(cases.len(), 2);
    let declined = &cases[0];
    let completed = &cases[1];
    let road_km = 1.3 * haversine_km(WEERT, NEDERWEERT);
    assert_eq!(completed.outcome, CaseOutcome::Completed);
    assert_eq!(completed.material, Material::parse("02 03 04").unwrap());
    assert_eq!(completed.unit, Unit::Tonnes);
    assert_eq!(completed.supplier.nace.as_deref(), Some("C10"));
    assert_eq!(completed.supplier.municipality, "Weert");
    assert_eq!(completed.receiver.nace.as_deref(), Some("A01"));
    assert_eq!(completed.receiver.municipality, "Nederweert");
    assert!(
        (completed.road_km - road_km).abs() < 1e-6,
        "{}",
        completed.road_km
    );
    assert_eq!(completed.tonnes_recorded, 35.5);
    assert_eq!(completed.quantity_per_year, 40.0);
    let value = 40.0 * (45.0 + 30.0 - 0.12 * road_km);
    assert!((completed.value_eur_per_year - value).abs() < 1e-6);
    assert_eq!(completed.decline_reason, None);
    assert_eq!(declined.outcome, CaseOutcome::Declined);
    assert_eq!(declined.material, Material::parse("15 01 01").unwrap());
    assert_eq!(
        declined.decline_reason.as_deref(),
        Some("Te vochtig om te persen")
    );
    assert_eq!(declined.declined_by, Some(DeclinedBy::Receiver));
    assert_eq!(declined.tonnes_recorded, 0.0);
    assert!(declined.closed_at >= completed.closed_at, "newest first");

    let coordinator = coordinator(&app).await;
    let page = coordinator.get("/cases").await;
    page.assert_status_ok();
    let html = page.text();
    for shown in [
        "<strong>1</strong> afgerond",
        "<strong>1</strong> afgewezen",
        "<strong>35,5</strong> ton vastgelegd",
        &format!("€ {}", number(Lang::Dutch, value, 0)),
        "Industrie, Weert → Landbouw, bosbouw en visserij, Nederweert",
        "Handel en autoreparatie, Weert → Water, afval en recycling, Nederweert",
        &format!("{} km", number(Lang::Dutch, road_km, 1)),
        "35,5 t",
        "Reden: “Te vochtig om te persen”",
        "afgewezen door de afnemer",
        "Koffiedik",
        "02 03 04",
        "<a class=\"context\" href=\"/exchanges/1\">uitwisseling 1</a>",
    ] {
        assert!(html.contains(shown), "{shown} missing in {html}");
    }
    assert!(html.find("15 01 01").unwrap() < html.find("02 03 04</span>").unwrap());
}

#[tokio::test]
async fn the_cases_page_answers_in_english_with_english_numbers() {
    let app = TestApp::spawn().await;
    two_cases(&app).await;
    let coordinator = coordinator(&app).await;

    let html = in_english(coordinator.get("/cases")).await.text();

    let road_km = 1.3 * haversine_km(WEERT, NEDERWEERT);
    let value = number(Lang::English, 40.0 * (45.0 + 30.0 - 0.12 * road_km), 0);
    assert!(
        value.contains(','),
        "an English thousands separator: {value}"
    );
    for shown in [
        &format!("€{value}"),
        "35.5 t",
        "Knowledge base: completed and declined exchanges",
        "<strong>1</strong> completed",
        "Manufacturing, Weert → Agriculture, Nederweert",
        "Reason: “Te vochtig om te persen”",
        "declined by the receiver",
        "How cases steer the matches",
        "+ 15% per completed exchange of the same material",
    ] {
        assert!(html.contains(shown), "{shown} missing in {html}");
    }
}

/// The materials of the cases a coordinator's search finds, in page order.
async fn found(server: &axum_test::TestServer, query: &str) -> Vec<&'static str> {
    let response = server.get(&format!("/cases{query}")).await;
    response.assert_status_ok();
    let html = response.text();
    let mut shown: Vec<(usize, &'static str)> = ["02 03 04", "15 01 01"]
        .into_iter()
        .filter_map(|code| {
            Some((
                html.find(&format!("<span class=\"code\">{code}</span>"))?,
                code,
            ))
        })
        .collect();
    shown.sort_unstable();
    shown.into_iter().map(|(_, code)| code).collect()
}

#[tokio::test]
async fn filters_by_sector_material_and_outcome_narrow_the_list() {
    let app = TestApp::spawn().await;
    two_cases(&app).await;
    let coordinator = coordinator(&app).await;

    assert_eq!(found(&coordinator, "").await, ["15 01 01", "02 03 04"]);
    assert_eq!(found(&coordinator, "?sector=C").await, ["02 03 04"]);
    assert_eq!(found(&coordinator, "?sector=A").await, ["02 03 04"]);
    assert_eq!(found(&coordinator, "?sector=E").await, ["15 01 01"]);
    assert!(found(&coordinator, "?sector=Q").await.is_empty());
    assert_eq!(
        found(&coordinator, "?materiaal=koffiedik").await,
        ["02 03 04"]
    );
    assert_eq!(found(&coordinator, "?materiaal=karton").await, ["15 01 01"]);
    assert_eq!(found(&coordinator, "?materiaal=15+01").await, ["15 01 01"]);
    assert_eq!(found(&coordinator, "?materiaal=02").await, ["02 03 04"]);
    assert_eq!(
        found(&coordinator, "?uitkomst=declined").await,
        ["15 01 01"]
    );
    assert!(
        found(&coordinator, "?sector=C&uitkomst=declined")
            .await
            .is_empty()
    );
    let narrowed = coordinator.get("/cases?sector=E").await.text();
    assert!(
        narrowed.contains("1 van in totaal 2 casussen"),
        "{narrowed}"
    );
    assert!(narrowed.contains("<strong>0</strong> afgerond"));
    assert!(narrowed.contains("<option value=\"E\" selected>E — "));
}

#[tokio::test]
async fn a_bad_filter_is_refused_with_a_message_naming_the_field() {
    let app = TestApp::spawn().await;
    let coordinator = coordinator(&app).await;

    let sector = coordinator.get("/cases?sector=Z").await;
    let outcome = coordinator.get("/cases?uitkomst=misschien").await;
    let page = coordinator.get("/cases?pagina=0").await;

    sector.assert_status(StatusCode::BAD_REQUEST);
    assert!(sector.text().contains("Sector: “Z” is geen NACE-sectie"));
    outcome.assert_status(StatusCode::BAD_REQUEST);
    assert!(outcome.text().contains("Uitkomst: “misschien”"));
    page.assert_status(StatusCode::BAD_REQUEST);
    let empty = coordinator.get("/cases").await.text();
    assert!(empty.contains("Nog geen afgeronde of afgewezen uitwisselingen."));
}

#[tokio::test]
async fn a_firm_gets_not_found_and_a_visitor_is_sent_to_log_in() {
    let app = TestApp::spawn().await;
    let firm = firm_in(
        &app,
        "info@deboon.nl",
        "Koffiebranderij De Boon",
        "Weert",
        "C10",
    )
    .await;

    firm.get("/cases")
        .await
        .assert_status(StatusCode::NOT_FOUND);
    let visitor = app.server().get("/cases").await;

    visitor.assert_status(StatusCode::SEE_OTHER);
    assert_eq!(visitor.header("location"), "/login");
}

/// The region of the ranking tests: a roaster (C) and a grower (A) whose coffee-grounds
/// exchange will end one way or another, and a second roaster whose offer two otherwise equal
/// receivers in Nederweert want — a shop (G) and a farm (A), in the order `shop_first` says.
struct Ranking {
    app: TestApp,
    roaster: axum_test::TestServer,
    grower: axum_test::TestServer,
    second: axum_test::TestServer,
    pair: (String, String),
    shop_need: String,
    farm_need: String,
}

async fn ranking(shop_first: bool) -> Ranking {
    let app = TestApp::spawn().await;
    let roaster = firm_in(
        &app,
        "info@deboon.nl",
        "Koffiebranderij De Boon",
        "Weert",
        "C10",
    )
    .await;
    let grower = firm_in(
        &app,
        "info@zwam.nl",
        "Zwammerij Het Mycelium",
        "Nederweert",
        "A01",
    )
    .await;
    let second = firm_in(&app, "info@bonen.nl", "Branderij Bonen", "Weert", "C10").await;
    let shop = firm_in(
        &app,
        "info@tuincentrum.nl",
        "Tuincentrum",
        "Nederweert",
        "G47",
    )
    .await;
    let farm = firm_in(&app, "info@boer.nl", "Boerderij", "Nederweert", "A01").await;
    let coffee = offer(&app, &roaster, "02 03 04", "Koffiedik").await;
    let substrate = need(&app, &grower, "02 03 04", "Substraat").await;
    offer(&app, &second, "02 03 04", "Koffiedik van Bonen").await;
    let (shop_need, farm_need) = if shop_first {
        let shop_need = need(&app, &shop, "02 03 04", "Potgrond").await;
        (shop_need, need(&app, &farm, "02 03 04", "Strooisel").await)
    } else {
        let farm_need = need(&app, &farm, "02 03 04", "Strooisel").await;
        (need(&app, &shop, "02 03 04", "Potgrond").await, farm_need)
    };
    Ranking {
        app,
        roaster,
        grower,
        second,
        pair: (coffee, substrate),
        shop_need,
        farm_need,
    }
}

#[tokio::test]
async fn a_completed_case_ranks_the_same_kind_of_match_higher_and_says_why() {
    let scene = ranking(true).await;
    let before = scene.second.get("/matches").await.text();
    assert!(
        position(&before, &scene.shop_need) < position(&before, &scene.farm_need),
        "equal matches keep the order of the input"
    );
    assert!(!before.contains("werkte eerder"));

    let pair = (scene.pair.0.as_str(), scene.pair.1.as_str());
    complete(&scene.roaster, &scene.grower, pair, "12").await;
    let after = scene.second.get("/matches").await.text();
    let english = in_english(scene.second.get("/matches")).await.text();

    assert!(position(&after, &scene.farm_need) < position(&after, &scene.shop_need));
    assert!(
        after.contains(
            "werkte eerder: 1 afgeronde uitwisseling van dit materiaal tussen deze sectoren \
             (Industrie → Landbouw, bosbouw en visserij); daarom hoger gerangschikt (+15%)"
        ),
        "{after}"
    );
    assert!(
        english.contains(
            "worked before: 1 completed exchange of this material between these sectors \
             (Manufacturing → Agriculture); ranked higher for it (+15%)"
        ),
        "{english}"
    );
    assert_eq!(
        after.matches("werkte eerder").count(),
        2,
        "the grower's and the farm's needs, not the shop's"
    );
}

#[tokio::test]
async fn a_declined_case_ranks_the_same_kind_of_match_lower_and_shows_the_reason() {
    let scene = ranking(false).await;
    let before = scene.second.get("/matches").await.text();
    assert!(position(&before, &scene.farm_need) < position(&before, &scene.shop_need));

    let pair = (scene.pair.0.as_str(), scene.pair.1.as_str());
    decline(&scene.grower, pair, "Te nat voor ons substraat").await;
    let after = scene.second.get("/matches").await.text();
    let english = in_english(scene.second.get("/matches")).await.text();

    assert!(position(&after, &scene.shop_need) < position(&after, &scene.farm_need));
    assert!(
        after.contains(
            "eerder afgewezen: om een opgegeven reden — 1 keer voor dit materiaal tussen \
             deze sectoren (Industrie → Landbouw, bosbouw en visserij); daarom lager \
             gerangschikt (−20%)"
        ),
        "{after}"
    );
    assert!(
        english.contains(
            "declined before: for a stated reason — once for this material between \
             these sectors (Manufacturing → Agriculture); ranked lower for it (−20%)"
        ),
        "{english}"
    );
    assert!(
        !after.contains("Te nat voor ons substraat"),
        "another firm's own words stay with the coordinators"
    );
    let cases = symbiose::storage::cases::all(&scene.app.db).await.unwrap();
    assert_eq!(cases[0].declined_by, Some(DeclinedBy::Receiver));
}
