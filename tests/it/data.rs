//! `/data`: imports from the page go through a preview that writes nothing until confirmed,
//! show every problem with its file and line, and exports import again to the same region.

use axum::http::StatusCode;
use axum_test::multipart::{MultipartForm, Part};
use axum_test::{TestResponse, TestServer};
use sea_orm::{EntityTrait, PaginatorTrait};
use symbiose::domain::{Email, NewPassword, Role};
use symbiose::storage::{self, entities::import_previews};

mod access;
mod export;
mod preview;

use crate::accounts::{csrf_of, saving_cookies};
use crate::common::TestApp;

const PASSWORD: &str = "regio-keyport-2026";

const COMPANIES: &str = "id,name,lat,lon,nace,employees,municipality,address\n\
    F1,Branderij De Boon,51.2517,5.7069,C10.83,12,Weert,Markt 1\n\
    F2,Zwammerij Het Veld,51.2300,5.8000,A01.13,6,Nederweert,Veldweg 4\n";
const OFFERS: &str = "id,company,material,description,quantity_per_year,disposal_cost_eur_per_unit,confidentiality\n\
    O1,F1,02 03 04,Koffiedik van de branderij,40,45,public\n";
const NEEDS: &str = "id,company,accepts,description,quantity_per_year,virgin_price_eur_per_unit,max_distance_km\n\
    N1,F2,02 03 04,Substraat voor oesterzwammen,30,25,40\n";

/// A signed-in coordinator (or administrator) with its own cookies.
async fn staff(app: &TestApp, email: &str) -> TestServer {
    let hash = symbiose::accounts::hash_password(&NewPassword::parse(PASSWORD).unwrap()).unwrap();
    storage::accounts::create_staff_user(
        &app.db,
        &Email::parse(email).unwrap(),
        &hash,
        Role::Coordinator,
        crate::common::now(),
    )
    .await
    .unwrap();
    let server = saving_cookies(app);
    let csrf = csrf_of(&server.get("/login").await.text());
    server
        .post("/login")
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", email),
            ("password", PASSWORD),
        ])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    server
}

async fn coordinator(app: &TestApp) -> TestServer {
    staff(app, "regio@keyport.nl").await
}

fn form(csrf: Option<&str>, files: &[(&str, &[u8])]) -> MultipartForm {
    let mut form = MultipartForm::new();
    if let Some(csrf) = csrf {
        form = form.add_text("csrf", csrf);
    }
    for (name, content) in files {
        let part = Part::bytes(content.to_vec())
            .file_name(*name)
            .mime_type("text/csv");
        form = form.add_part("files", part);
    }
    form
}

/// Uploads files with the session's CSRF token, as the page's form does.
async fn upload(server: &TestServer, files: &[(&str, &str)]) -> TestResponse {
    let csrf = csrf_of(&server.get("/data").await.text());
    let files: Vec<(&str, &[u8])> = files.iter().map(|(n, c)| (*n, c.as_bytes())).collect();
    server
        .post("/data")
        .multipart(form(Some(&csrf), &files))
        .await
}

/// The preview's address after a valid upload.
async fn preview_of(server: &TestServer, files: &[(&str, &str)]) -> String {
    let response = upload(server, files).await;
    response.assert_status(StatusCode::SEE_OTHER);
    let location = response.header("location").to_str().unwrap().to_string();
    assert!(location.starts_with("/data/"), "{location}");
    location
}

async fn post_with_csrf(server: &TestServer, page: &str, action: &str) -> TestResponse {
    let csrf = csrf_of(&server.get(page).await.text());
    server.post(action).form(&[("csrf", csrf.as_str())]).await
}

async fn previews(app: &TestApp) -> u64 {
    import_previews::Entity::find()
        .count(&app.db)
        .await
        .unwrap()
}

async fn nothing_imported(app: &TestApp) {
    assert!(storage::counts(&app.db).await.unwrap().is_empty());
}

const THREE_FILES: [(&str, &str); 3] = [
    ("companies.csv", COMPANIES),
    ("offers.csv", OFFERS),
    ("needs.csv", NEEDS),
];

#[tokio::test]
async fn a_valid_csv_upload_shows_a_preview_and_writes_nothing_until_confirmed() {
    let app = TestApp::spawn().await;
    let coordinator = coordinator(&app).await;

    let preview = preview_of(&coordinator, &THREE_FILES).await;
    let page = coordinator.get(&preview).await;

    page.assert_status_ok();
    let html = page.text();
    for expected in [
        "Voorvertoning van de import",
        "companies.csv, offers.csv, needs.csv",
        "Branderij De Boon",
        "Nederweert",
        "Koffiedik van de branderij",
        "Substraat voor oesterzwammen",
        "Import bevestigen",
        "Annuleren",
    ] {
        assert!(html.contains(expected), "preview lacks {expected}");
    }
    nothing_imported(&app).await;
    assert_eq!(previews(&app).await, 1);

    let added = post_with_csrf(&coordinator, &preview, &format!("{preview}/confirm")).await;

    added.assert_status_ok();
    assert!(added.text().contains("De import is opgeslagen"));
    let region = storage::load_region(&app.db).await.unwrap();
    let firms: Vec<&str> = region.firms.iter().map(|f| f.name()).collect();
    assert_eq!(firms, ["Branderij De Boon", "Zwammerij Het Veld"]);
    assert_eq!(region.offers[0].id().as_str(), "O1");
    assert_eq!(region.needs[0].id().as_str(), "N1");
    assert_eq!(previews(&app).await, 0, "a confirmed preview is deleted");
    let overview = app.server().get("/firms").await.text();
    assert!(overview.contains("Branderij De Boon") && overview.contains("Zwammerij Het Veld"));
    assert!(
        overview.contains("Koffiedik van de branderij"),
        "the public offer is listed"
    );
}

#[tokio::test]
async fn a_file_with_bad_rows_shows_every_problem_with_its_line_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let coordinator = coordinator(&app).await;
    let offers = "id,company,material,quantity_per_year,disposal_cost_eur_per_unit\n\
        O1,F1,02 03 04,40,45\n\
        O2,F1,99 99 99,5,10\n\
        O3,NOBODY,02 03 04,5,10\n\
        O4,F1,02 03 04,-5,10\n";

    let response = upload(
        &coordinator,
        &[("companies.csv", COMPANIES), ("offers.csv", offers)],
    )
    .await;

    response.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text();
    assert!(
        html.contains("3 problemen gevonden; er is niets opgeslagen."),
        "{html}"
    );
    let rows: Vec<&str> = html.split("<tr>").skip(2).collect();
    for (line, field, reason) in [
        (
            "3",
            "material",
            "\"99 99 99\" is not in the European List of Waste",
        ),
        ("4", "company", "\"NOBODY\" is not a known company id"),
        ("5", "quantity_per_year", "-5 must be greater than 0"),
    ] {
        let reason = reason.replace('"', "&quot;");
        assert!(
            rows.iter().any(|row| row.contains("offers.csv")
                && row.contains(&format!(">{line}</td>"))
                && row.contains(field)
                && row.contains(&reason)),
            "no row for line {line}, {field}: {reason}"
        );
    }
    assert!(
        !html.contains("/confirm"),
        "a refused upload cannot be confirmed"
    );
    assert_eq!(previews(&app).await, 0);
    nothing_imported(&app).await;
}

#[tokio::test]
async fn cancelling_a_preview_deletes_it_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let coordinator = coordinator(&app).await;
    let preview = preview_of(&coordinator, &THREE_FILES).await;

    let cancelled = post_with_csrf(&coordinator, &preview, &format!("{preview}/cancel")).await;

    cancelled.assert_status(StatusCode::SEE_OTHER);
    let back = cancelled.header("location").to_str().unwrap().to_string();
    assert!(
        coordinator
            .get(&back)
            .await
            .text()
            .contains("De import is geannuleerd")
    );
    assert_eq!(previews(&app).await, 0);
    coordinator.get(&preview).await.assert_status_not_found();
    let confirm = post_with_csrf(&coordinator, "/data", &format!("{preview}/confirm")).await;
    confirm.assert_status_not_found();
    nothing_imported(&app).await;
}

#[tokio::test]
async fn an_unknown_token_answers_not_found() {
    let app = TestApp::spawn().await;
    let coordinator = coordinator(&app).await;
    let unknown = format!("/data/{}", "ab".repeat(32));

    coordinator.get(&unknown).await.assert_status_not_found();
    for action in ["confirm", "cancel"] {
        let response = post_with_csrf(&coordinator, "/data", &format!("{unknown}/{action}")).await;
        response.assert_status_not_found();
    }
    coordinator
        .get("/data/export/secrets.csv")
        .await
        .assert_status_not_found();
}

#[tokio::test]
async fn another_coordinator_may_confirm_a_preview() {
    let app = TestApp::spawn().await;
    let first = coordinator(&app).await;
    let second = staff(&app, "collega@keyport.nl").await;
    let preview = preview_of(&first, &THREE_FILES).await;

    let added = post_with_csrf(&second, &preview, &format!("{preview}/confirm")).await;

    added.assert_status_ok();
    assert_eq!(storage::counts(&app.db).await.unwrap().firms, 2);
}

#[tokio::test]
async fn a_preview_that_no_longer_fits_the_database_shows_why_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let coordinator = coordinator(&app).await;
    let first = preview_of(&coordinator, &[("companies.csv", COMPANIES)]).await;
    let second = preview_of(&coordinator, &THREE_FILES).await;
    post_with_csrf(&coordinator, &first, &format!("{first}/confirm"))
        .await
        .assert_status_ok();
    let before = storage::load_region(&app.db).await.unwrap();

    let refused = post_with_csrf(&coordinator, &second, &format!("{second}/confirm")).await;

    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text();
    assert!(html.contains("Deze import past niet meer bij de database"));
    assert!(html.contains("firm &quot;F1&quot; exists already in the database"));
    assert!(
        !html.contains("/confirm\""),
        "it can no longer be confirmed"
    );
    assert_eq!(storage::load_region(&app.db).await.unwrap(), before);
    assert_eq!(
        previews(&app).await,
        1,
        "the refused preview can still be cancelled"
    );
}

#[tokio::test]
async fn uploads_without_files_or_with_other_files_are_refused_with_a_message() {
    let app = TestApp::spawn().await;
    let coordinator = coordinator(&app).await;

    let none = upload(&coordinator, &[]).await;
    let sheet = upload(&coordinator, &[("bedrijven.xlsx", "PK")]).await;

    none.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(none.text().contains("Kies ten minste één bestand"));
    sheet.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        sheet
            .text()
            .contains("„bedrijven.xlsx” is geen CSV- of JSON-bestand")
    );
    assert_eq!(previews(&app).await, 0);
}

#[tokio::test]
async fn an_upload_over_fifty_megabytes_is_refused_with_a_message() {
    let app = TestApp::spawn().await;
    let coordinator = coordinator(&app).await;
    let mut big = COMPANIES.to_string();
    big.push_str(&" ".repeat(50 * 1024 * 1024));

    let response = upload(&coordinator, &[("companies.csv", &big)]).await;

    response.assert_status(StatusCode::PAYLOAD_TOO_LARGE);
    assert!(response.text().contains("De upload is groter dan 50 MB"));
    assert_eq!(previews(&app).await, 0);
}

#[tokio::test]
async fn previews_older_than_a_day_are_removed_when_a_new_one_is_made() {
    let app = TestApp::spawn().await;
    let coordinator = coordinator(&app).await;
    let hash = symbiose::accounts::hash_password(&NewPassword::parse(PASSWORD).unwrap()).unwrap();
    let email = Email::parse("vorige@keyport.nl").unwrap();
    let now = crate::common::now();
    let user = storage::accounts::create_staff_user(&app.db, &email, &hash, Role::Coordinator, now)
        .await
        .unwrap();
    let old = "cd".repeat(32);
    let two_days_ago = now - chrono::Duration::days(2);
    let files = [("companies.csv".to_string(), COMPANIES.as_bytes().to_vec())];
    storage::import_previews::create(&app.db, &old, user, &files, two_days_ago)
        .await
        .unwrap();
    coordinator
        .get(&format!("/data/{old}"))
        .await
        .assert_status_not_found();

    preview_of(&coordinator, &THREE_FILES).await;

    assert_eq!(previews(&app).await, 1, "only the new preview is left");
}
