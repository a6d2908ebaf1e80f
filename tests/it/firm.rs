//! "My firm": the profile page, its change form with the sector search and the clickable map,
//! and who may see and change what.

use axum::http::StatusCode;
use axum_test::{TestResponse, TestServer};
use symbiose::domain::{Email, Firm, Language};

use crate::accounts::{csrf_of, register, saving_cookies};
use crate::common::TestApp;

mod access;
mod country;
mod location;
mod sector;

async fn signed_in_firm(app: &TestApp, email: &str, name: &str) -> TestServer {
    let server = saving_cookies(app);
    register(&server, email, name)
        .await
        .assert_status(StatusCode::SEE_OTHER);
    server
}

/// A new firm signed in twice: a browser keeping its cookies (Dutch, as chosen at
/// registration), and one sending only the session and `Accept-Language: en`.
async fn firm_in_both_languages(
    app: &TestApp,
    email: &str,
    name: &str,
) -> (TestServer, TestServer) {
    let dutch = saving_cookies(app);
    let registered = register(&dutch, email, name).await;
    registered.assert_status(StatusCode::SEE_OTHER);
    let mut english = app.server();
    english.add_cookie(registered.cookie("symbiose_session"));
    english.add_header("accept-language", "en");
    (dutch, english)
}

/// A complete, valid profile form; `changes` replace or add fields.
fn profile(csrf: &str, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = [
        ("csrf", csrf),
        ("name", "Bakkerij Het Korenaar"),
        ("address", "Molenstraat 12, 6001 AB Weert"),
        ("municipality", "Weert"),
        ("lat", "51.2517"),
        ("lon", "5.7069"),
        ("nace", "C10.71"),
        ("sector", ""),
        ("sector_shown", ""),
        ("employees", "12"),
        ("language", "nl"),
        ("action", "save"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    for (name, value) in changes {
        match fields.iter_mut().find(|(k, _)| k == name) {
            Some(field) => field.1 = value.to_string(),
            None => fields.push((name.to_string(), value.to_string())),
        }
    }
    fields
}

async fn submit(server: &TestServer, changes: &[(&str, &str)]) -> TestResponse {
    let csrf = csrf_of(&server.get("/firm/edit").await.text());
    server
        .post("/firm/edit")
        .form(&profile(&csrf, changes))
        .await
}

/// The only firm in the database, as stored.
async fn stored_firm(app: &TestApp) -> Firm {
    let region = symbiose::storage::load_region(&app.db).await.unwrap();
    region
        .firms
        .into_iter()
        .next()
        .expect("one registered firm")
}

/// The `value` of the input named `name` in a page.
fn input_value(html: &str, name: &str) -> String {
    let at = html
        .find(&format!("name=\"{name}\""))
        .unwrap_or_else(|| panic!("no input {name}"));
    let tag_end = at + html[at..].find('>').unwrap();
    let tag = &html[html[..at].rfind('<').unwrap()..tag_end];
    let value = tag.split(" value=\"").nth(1).expect("a value attribute");
    value[..value.find('"').unwrap()].to_string()
}

#[tokio::test]
async fn editing_saves_every_field_and_the_firm_page_shows_them() {
    let app = TestApp::spawn().await;
    let server = signed_in_firm(&app, "info@korenaar.nl", "Korenaar").await;
    let id_before = stored_firm(&app).await.id().clone();

    let saved = submit(
        &server,
        &[
            ("name", "Bakkerij Het Korenaar BV"),
            ("address", "Kapelaniestraat 3, 6041 KV Roermond"),
            ("municipality", "Roermond"),
            ("lat", "51.19"),
            ("lon", "5.98"),
            ("nace", "c10.71"),
            ("employees", "25"),
        ],
    )
    .await;

    saved.assert_status(StatusCode::SEE_OTHER);
    assert_eq!(saved.header("location"), "/firm");
    let firm = stored_firm(&app).await;
    assert_eq!(firm.id(), &id_before, "the external id stays");
    assert_eq!(firm.name(), "Bakkerij Het Korenaar BV");
    assert_eq!(firm.address(), "Kapelaniestraat 3, 6041 KV Roermond");
    assert_eq!(firm.municipality(), "Roermond");
    assert_eq!(
        (firm.location().lat(), firm.location().lon()),
        (51.19, 5.98)
    );
    assert_eq!(firm.nace().map(|n| n.as_str()), Some("C10.71"));
    assert_eq!(firm.employees(), 25);
    let page = server.get("/firm").await.text();
    for shown in [
        "Bakkerij Het Korenaar BV",
        "Kapelaniestraat 3, 6041 KV Roermond",
        "Roermond",
        "51,19000° N, 5,98000° O",
        "C10.71",
        "Vervaardiging van voedingsmiddelen",
        "<dd>25</dd>",
        "Nederlands",
        "<svg",
        "href=\"/firm/edit\"",
    ] {
        assert!(page.contains(shown), "/firm lacks {shown}");
    }
}

#[tokio::test]
async fn saving_rebuilds_the_matchers_view_of_the_firm() {
    let app = TestApp::spawn().await;
    let server = signed_in_firm(&app, "info@korenaar.nl", "Korenaar").await;
    let before = app.app.region().await.unwrap();
    assert_eq!(before.instance.firms[0].lat, 51.2517);

    submit(&server, &[("lat", "51.2"), ("lon", "5.9")])
        .await
        .assert_status(StatusCode::SEE_OTHER);

    let after = app.app.region().await.unwrap();
    assert_eq!(
        (after.instance.firms[0].lat, after.instance.firms[0].lon),
        (51.2, 5.9)
    );
}

#[tokio::test]
async fn invalid_fields_are_refused_with_a_message_each_in_dutch_and_english_and_nothing_changes() {
    let app = TestApp::spawn().await;
    let (dutch, english) = firm_in_both_languages(&app, "info@korenaar.nl", "Korenaar").await;
    let before = stored_firm(&app).await;
    let long_address = "x".repeat(301);
    let bad = [
        ("name", "  "),
        ("address", long_address.as_str()),
        ("municipality", "Amsterdam"),
        ("lat", "noord"),
        ("lon", "200"),
        ("nace", "C99"),
        ("employees", "veel"),
        ("language", "fr"),
    ];

    let nl = submit(&dutch, &bad).await;
    let en = submit(&english, &bad).await;

    nl.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    en.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    let (nl, en) = (nl.text(), en.text());
    for message in [
        "Vul de naam van het bedrijf in (hoogstens 200 tekens).",
        "Het adres mag hoogstens 300 tekens lang zijn.",
        "Kies een gemeente uit de lijst.",
        "Vul de breedtegraad in als getal tussen -90 en 90",
        "Vul de lengtegraad in als getal tussen -180 en 180",
        "Vul een SBI/NACE-code in zoals C10 of C10.83",
        "geheel getal van 1 tot 100.000",
        "Kies Nederlands of English.",
    ] {
        assert!(nl.contains(message), "Dutch page lacks {message}");
    }
    for message in [
        "Enter the name of the firm (at most 200 characters).",
        "The address may be at most 300 characters long.",
        "Choose a municipality from the list.",
        "Enter the latitude as a number between -90 and 90",
        "Enter the longitude as a number between -180 and 180",
        "Enter a NACE code such as C10 or C10.83",
        "whole number from 1 to 100,000",
        "Choose Nederlands or English.",
    ] {
        assert!(en.contains(message), "English page lacks {message}");
    }
    // What was typed is shown again.
    assert_eq!(input_value(&nl, "lat"), "noord");
    assert_eq!(input_value(&nl, "employees"), "veel");
    assert_eq!(input_value(&nl, "nace"), "C99");
    assert_eq!(stored_firm(&app).await, before);
}

#[tokio::test]
async fn the_language_choice_is_stored_and_sets_the_language_cookie() {
    let app = TestApp::spawn().await;
    let server = signed_in_firm(&app, "info@korenaar.nl", "Korenaar").await;

    let saved = submit(&server, &[("language", "en")]).await;

    saved.assert_status(StatusCode::SEE_OTHER);
    assert_eq!(saved.cookie("symbiose_lang").value(), "en");
    let email = Email::parse("info@korenaar.nl").unwrap();
    let stored = symbiose::storage::accounts::credentials(&app.db, &email)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.account.language, Language::English);
    let page = server.get("/firm").await.text();
    assert!(page.contains("<html lang=\"en\""));
    assert!(page.contains("<dd>English</dd>"));
}

#[tokio::test]
async fn the_profile_and_its_form_answer_in_english() {
    let app = TestApp::spawn().await;
    let (_, english) = firm_in_both_languages(&app, "info@korenaar.nl", "Korenaar").await;

    let page = english.get("/firm").await.text();
    let form = english.get("/firm/edit").await.text();

    assert!(page.contains("Edit firm details") && page.contains("Municipality"));
    assert!(page.contains("51.25170° N, 5.70690° E"));
    assert!(page.contains("No sector chosen yet."));
    assert!(form.contains("Find your sector by a word") && form.contains("Latitude"));
    assert_eq!(input_value(&form, "lat"), "51.25170");
    assert!(!form.contains("Breedtegraad"));
}
