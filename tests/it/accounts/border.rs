//! Firms across the border register with their own town: the municipality list is grouped
//! per country, and a town must lie in the country chosen.

use axum::http::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use symbiose::storage::entities::companies;

use super::{csrf_of, registration, saving_cookies};
use crate::common::TestApp;

fn with(
    mut fields: Vec<(String, String)>,
    municipality: &str,
    country: &str,
) -> Vec<(String, String)> {
    for (name, value) in fields.iter_mut() {
        if name == "municipality" {
            *value = municipality.to_string();
        }
    }
    fields.push(("country".into(), country.into()));
    fields
}

#[tokio::test]
async fn a_belgian_firm_registers_in_bocholt_and_starts_at_its_centre() {
    let app = TestApp::spawn().await;
    let server = saving_cookies(&app);
    let form = server.get("/register").await.text();
    assert!(form.contains("<optgroup label=\"België\">"), "{form}");
    assert!(
        form.contains("<option value=\"Übach-Palenberg\">"),
        "{form}"
    );

    let csrf = csrf_of(&form);
    let fields = with(
        registration(&csrf, "info@kempenland.be", "Groenten Kempenland"),
        "Bocholt",
        "BE",
    );
    server
        .post("/register")
        .form(&fields)
        .await
        .assert_status(StatusCode::SEE_OTHER);

    let firm = companies::Entity::find()
        .filter(companies::Column::Name.eq("Groenten Kempenland"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(firm.municipality, "Bocholt");
    assert_eq!(firm.country, "BE");
    assert_eq!((firm.lat, firm.lon), (51.1717, 5.5789));
}

#[tokio::test]
async fn a_german_town_with_the_netherlands_chosen_is_refused_at_the_municipality() {
    let app = TestApp::spawn().await;
    let server = saving_cookies(&app);
    let csrf = csrf_of(&server.get("/register").await.text());
    let fields = with(
        registration(&csrf, "info@heinsberg.de", "Kompost Heinsberg"),
        "Heinsberg",
        "NL",
    );

    let response = server.post("/register").form(&fields).await;

    response.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text();
    assert!(
        page.contains("id=\"municipality-error\" role=\"alert\">Heinsberg ligt in Duitsland, niet in Nederland."),
        "{page}"
    );
    let saved = companies::Entity::find()
        .filter(companies::Column::Name.eq("Kompost Heinsberg"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(saved, 0, "nothing saved");
}
