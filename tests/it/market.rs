//! The market (`/`, `/market`): search and filters with known answers, who sees what, refused
//! filters, pages; listing pages; saved searches and their notices.

use axum::http::StatusCode;
use axum_test::TestServer;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use symbiose::storage::entities::users;

use crate::accounts::{csrf_of, saving_cookies};
use crate::common::TestApp;
use crate::exchanges::post_form;

mod listing;
mod saved;
mod search;
mod terms;

/// A signed-in firm of the test region: its browser and database id.
pub struct Firm {
    pub server: TestServer,
    pub company: i64,
}

/// Registers a firm in `municipality` (it starts at the municipality's centre).
pub async fn firm_in(app: &TestApp, email: &str, name: &str, municipality: &str) -> Firm {
    let server = saving_cookies(app);
    let csrf = csrf_of(&server.get("/register").await.text());
    server
        .post("/register")
        .form(&[
            ("csrf", csrf.as_str()),
            ("firm_name", name),
            ("municipality", municipality),
            ("employees", "12"),
            ("email", email),
            ("password", "koffiedik-2026"),
            ("password_confirm", "koffiedik-2026"),
            ("language", "nl"),
        ])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let company = users::Entity::find()
        .filter(users::Column::Email.eq(email))
        .one(&app.db)
        .await
        .unwrap()
        .and_then(|user| user.company_id)
        .expect("a firm user");
    Firm { server, company }
}

/// Adds an offer through the form; returns its key.
pub async fn offer(
    app: &TestApp,
    firm: &Firm,
    material: &str,
    description: &str,
    tonnes: &str,
    level: &str,
) -> String {
    post_form(
        &firm.server,
        "/offers/new",
        "/offers",
        &[
            ("material", material),
            ("description", description),
            ("quantity_per_year", tonnes),
            ("unit", "t"),
            ("regularity", "recurring"),
            ("disposal_cost_eur_per_unit", "45"),
            ("confidentiality", level),
        ],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    newest_key(app, "offers").await
}

/// Adds a need through the form; returns its key.
pub async fn need(
    app: &TestApp,
    firm: &Firm,
    accepts: &str,
    description: &str,
    tonnes: &str,
    level: &str,
) -> String {
    post_form(
        &firm.server,
        "/needs/new",
        "/needs",
        &[
            ("accepts", accepts),
            ("description", description),
            ("quantity_per_year", tonnes),
            ("unit", "t"),
            ("virgin_price_eur_per_unit", "30"),
            ("max_distance_km", "50"),
            ("licensed_for_hazardous", "false"),
            ("confidentiality", level),
        ],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    newest_key(app, "needs").await
}

async fn newest_key(app: &TestApp, table: &str) -> String {
    use sea_orm::{ConnectionTrait, Statement};
    let backend = app.db.get_database_backend();
    let row = app
        .db
        .query_one_raw(Statement::from_string(
            backend,
            format!("SELECT key FROM {table} ORDER BY id DESC LIMIT 1"),
        ))
        .await
        .unwrap()
        .expect("a flow");
    row.try_get::<String>("", "key").unwrap()
}

/// The listing addresses on a market page, in order.
pub fn listed(html: &str) -> Vec<String> {
    html.split("href=\"/listings/")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_string())
        .collect()
}

/// The listing address of an offer or need key.
pub fn offer_path(key: &str) -> String {
    format!("offers/{key}")
}

/// The listing address of a need key.
pub fn need_path(key: &str) -> String {
    format!("needs/{key}")
}
