//! The firm's country (issue #11): chosen at registration (NL unless changed), changed on the
//! profile form, refused when not of the border region, shown when not NL.

use axum::http::StatusCode;
use symbiose::domain::cross_border::Country;

use super::{signed_in_firm, stored_firm, submit};
use crate::accounts::{csrf_of, saving_cookies};
use crate::common::TestApp;

#[tokio::test]
async fn the_profile_form_changes_the_country_and_the_pages_show_it() {
    let app = TestApp::spawn().await;
    let server = signed_in_firm(&app, "info@korenaar.nl", "Korenaar").await;
    assert_eq!(stored_firm(&app).await.country(), Country::NL);
    let form = server.get("/firm/edit").await.text();
    assert!(
        form.contains("<option value=\"NL\" selected>Nederland</option>"),
        "{form}"
    );

    // A Belgian firm sits in a Belgian town: the municipality moves with the country.
    submit(&server, &[("country", "BE"), ("municipality", "Bocholt")])
        .await
        .assert_status(StatusCode::SEE_OTHER);

    assert_eq!(stored_firm(&app).await.country(), Country::BE);
    assert!(server.get("/firm").await.text().contains("<dd>België</dd>"));
    assert!(server.get("/firms").await.text().contains("(België)"));
    let form = server.get("/firm/edit").await.text();
    assert!(
        form.contains("<option value=\"BE\" selected>België</option>"),
        "{form}"
    );
}

#[tokio::test]
async fn a_country_outside_the_region_is_refused_and_nothing_changes() {
    let app = TestApp::spawn().await;
    let server = signed_in_firm(&app, "info@korenaar.nl", "Korenaar").await;

    let refused = submit(&server, &[("country", "FR"), ("employees", "30")]).await;

    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .text()
            .contains("Kies Nederland, België of Duitsland.")
    );
    let firm = stored_firm(&app).await;
    assert_eq!((firm.country(), firm.employees()), (Country::NL, 12));
}

#[tokio::test]
async fn a_firm_registers_in_germany() {
    let app = TestApp::spawn().await;
    let server = saving_cookies(&app);
    let page = server.get("/register").await.text();
    assert!(
        page.contains("<option value=\"NL\" selected>"),
        "NL by default: {page}"
    );
    let csrf = csrf_of(&page);

    server
        .post("/register")
        .form(&[
            ("csrf", csrf.as_str()),
            ("firm_name", "Kompostwerk Heinsberg"),
            ("municipality", "Heinsberg"),
            ("country", "DE"),
            ("employees", "20"),
            ("email", "info@kompostwerk.de"),
            ("password", "koffiedik-2026"),
            ("password_confirm", "koffiedik-2026"),
            ("language", "nl"),
        ])
        .await
        .assert_status(StatusCode::SEE_OTHER);

    let firm = stored_firm(&app).await;
    assert_eq!(
        (firm.country(), firm.municipality()),
        (Country::DE, "Heinsberg")
    );
}

#[tokio::test]
async fn the_profile_refuses_a_country_its_town_does_not_lie_in() {
    let app = TestApp::spawn().await;
    let server = signed_in_firm(&app, "info@korenaar.nl", "Korenaar").await;

    let refused = submit(&server, &[("country", "DE")]).await;

    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .text()
            .contains("Weert ligt in Nederland, niet in Duitsland."),
        "{}",
        refused.text()
    );
    assert_eq!(stored_firm(&app).await.country(), Country::NL);
}
