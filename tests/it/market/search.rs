//! Searching the market: words, kind, chapter, municipality, distance and quantity each narrow
//! the results to a known answer; confidentiality; refused filters; pages.

use super::*;
use symbiose::domain::{Flow, Offer, OfferDraft};

/// Three firms: a roaster in Weert, a cardboard maker in Nederweert and a grower in Roermond.
struct Scene {
    roaster: Firm,
    grower: Firm,
    koffie: String,
    koffie_anon: String,
    karton: String,
    secret: String,
    substraat: String,
}

async fn scene(app: &TestApp) -> Scene {
    let roaster = firm_in(app, "info@deboon.nl", "Koffiebranderij De Boon", "Weert").await;
    let boxes = firm_in(app, "info@doos.nl", "Dozenfabriek Nederweert", "Nederweert").await;
    let grower = firm_in(app, "info@zwam.nl", "Zwammerij Het Mycelium", "Roermond").await;
    let koffie = offer(
        app,
        &roaster,
        "02 03 04",
        "Koffiedik van de branderij",
        "8",
        "public",
    )
    .await;
    let koffie_anon = offer(
        app,
        &boxes,
        "02 03 04",
        "Restpartij kantine",
        "3",
        "anonymous",
    )
    .await;
    let karton = offer(app, &boxes, "15 01 01", "Karton en dozen", "40", "public").await;
    let secret = offer(
        app,
        &roaster,
        "02 03 04",
        "Geheime koffiedik",
        "5",
        "coordinator-only",
    )
    .await;
    let substraat = need(
        app,
        &grower,
        "02 03 04",
        "Substraat voor mycelia",
        "20",
        "anonymous",
    )
    .await;
    Scene {
        roaster,
        grower,
        koffie,
        koffie_anon,
        karton,
        secret,
        substraat,
    }
}

async fn found(server: &TestServer, query: &str) -> Vec<String> {
    let response = server.get(&format!("/market?{query}")).await;
    response.assert_status_ok();
    listed(&response.text())
}

#[tokio::test]
async fn words_find_descriptions_and_materials_whole_words_first() {
    let app = TestApp::spawn().await;
    let s = scene(&app).await;
    let visitor = app.server();

    let koffiedik = found(&visitor, "woorden=koffiedik").await;

    // The description's whole word and the material rank before the material alone; the
    // coordinator-only offer and the cardboard are not there.
    assert_eq!(
        koffiedik,
        [
            offer_path(&s.koffie),
            offer_path(&s.koffie_anon),
            need_path(&s.substraat)
        ]
    );
    assert_eq!(
        found(&visitor, "woorden=dozen").await,
        [offer_path(&s.karton)]
    );
    assert_eq!(
        found(&visitor, "woorden=mycelia").await,
        [need_path(&s.substraat)]
    );
    assert!(found(&visitor, "woorden=staalkrullen").await.is_empty());
}

#[tokio::test]
async fn each_filter_narrows_the_market_to_a_known_answer() {
    let app = TestApp::spawn().await;
    let s = scene(&app).await;
    let visitor = app.server();

    assert_eq!(
        found(&visitor, "soort=needs").await,
        [need_path(&s.substraat)]
    );
    assert_eq!(
        found(&visitor, "hoofdstuk=15").await,
        [offer_path(&s.karton)]
    );
    assert_eq!(
        found(&visitor, "gemeente=Roermond").await,
        [need_path(&s.substraat)]
    );
    assert_eq!(found(&visitor, "min=30").await, [offer_path(&s.karton)]);
    assert_eq!(
        found(&visitor, "soort=offers&max=5").await,
        [offer_path(&s.koffie_anon)]
    );
    assert_eq!(
        found(&visitor, "soort=offers&min=3&max=8&hoofdstuk=02").await,
        [offer_path(&s.koffie), offer_path(&s.koffie_anon)]
    );
    // Nederweert is about 9 km by road from Weert, Roermond about 26.
    let near = found(&s.roaster.server, "afstand=15").await;
    assert_eq!(
        near,
        [
            offer_path(&s.koffie),
            offer_path(&s.secret),
            offer_path(&s.koffie_anon),
            offer_path(&s.karton),
        ]
    );
    assert!(found(&s.roaster.server, "afstand=40&soort=needs").await == [need_path(&s.substraat)]);
}

#[tokio::test]
async fn hidden_flows_stay_hidden_and_anonymous_ones_show_no_name() {
    let app = TestApp::spawn().await;
    let s = scene(&app).await;
    let (coordinator, _) = crate::coordinator::coordinator(&app).await;

    let visitor = app.server().get("/market?woorden=koffiedik").await.text();
    let other = s
        .grower
        .server
        .get("/market?woorden=koffiedik")
        .await
        .text();
    let owner = found(&s.roaster.server, "woorden=koffiedik").await;
    let staff = found(&coordinator, "woorden=koffiedik").await;

    for page in [&visitor, &other] {
        assert!(!listed(page).contains(&offer_path(&s.secret)));
        assert!(!page.contains("Geheime koffiedik"));
        assert!(
            !page.contains("Dozenfabriek"),
            "the anonymous offer names no firm"
        );
        assert!(page.contains("anonieme firma"));
        assert!(
            page.contains("Koffiebranderij De Boon"),
            "a public offer names its firm"
        );
    }
    assert!(
        owner.contains(&offer_path(&s.secret)),
        "a firm sees its own"
    );
    assert!(
        staff.contains(&offer_path(&s.secret)),
        "coordinators see all"
    );
    let home = app.server().get("/").await.text();
    assert!(!home.contains("Geheime koffiedik") && home.contains("bedrijven"));
}

#[tokio::test]
async fn bad_filters_come_back_with_a_message_naming_the_field() {
    let app = TestApp::spawn().await;
    let s = scene(&app).await;

    let response = s
        .roaster
        .server
        .get("/market?afstand=abc&min=-1&hoofdstuk=99&woorden=koffiedik")
        .await;

    response.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text();
    assert!(
        html.contains("Afstand vanaf mijn bedrijf (km over de weg): &quot;abc&quot; is geen getal"),
        "{html}"
    );
    assert!(html.contains("Hoeveelheid per jaar, vanaf: mag niet kleiner dan nul zijn"));
    assert!(html.contains("Materiaalgroep: &quot;99&quot; is geen materiaalgroep"));
    assert!(
        html.contains("value=\"koffiedik\""),
        "the form keeps what was typed"
    );
    assert!(listed(&html).is_empty(), "no results for a refused search");
    let visitor = app
        .server()
        .get("/market?afstand=10&min=5&max=2")
        .add_header("accept-language", "en")
        .await;
    visitor.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    let english = visitor.text();
    assert!(
        english.contains("sign in as a firm to measure from your firm"),
        "{english}"
    );
    assert!(english.contains("Quantity per year, up to: is smaller than"));
    app.server()
        .get("/market?pagina=0")
        .await
        .assert_status(StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_market_pages_by_twenty_and_keeps_the_filters_in_its_links() {
    let app = TestApp::spawn().await;
    let roaster = firm_in(&app, "info@deboon.nl", "Koffiebranderij De Boon", "Weert").await;
    for i in 0..25 {
        let draft = OfferDraft {
            id: format!("O-KOFFIE-{i:02}"),
            firm: "self".into(),
            material: "02 03 04".into(),
            description: format!("Koffiedik partij {i}"),
            quantity_per_year: 1.0 + f64::from(i),
            disposal_cost_eur_per_unit: 45.0,
            confidentiality: Some("public".into()),
            ..OfferDraft::default()
        };
        let offer = Offer::parse(draft, crate::common::today()).unwrap();
        symbiose::storage::flows::add_flow(&app.db, roaster.company, &Flow::Offer(offer))
            .await
            .unwrap();
    }
    app.app.snapshot.invalidate().await;
    let visitor = app.server();

    let first = visitor.get("/market?woorden=koffiedik").await.text();
    let second = visitor
        .get("/market?woorden=koffiedik&pagina=2")
        .await
        .text();

    assert!(first.contains("25 stromen gevonden"));
    assert_eq!(listed(&first).len(), 20);
    assert_eq!(listed(&second).len(), 5);
    assert!(first.contains("href=\"/market?woorden=koffiedik&amp;pagina=2\""));
    let all: std::collections::HashSet<String> =
        listed(&first).into_iter().chain(listed(&second)).collect();
    assert_eq!(all.len(), 25, "no flow twice, none lost");
    assert!(listed(&visitor.get("/market?pagina=3").await.text()).is_empty());
}
