//! The exchange journey: interested on both sides, introduction, steps to completed, tonnes;
//! and who may see or move an exchange.

use axum::http::StatusCode;
use axum_test::TestServer;

use crate::accounts::{csrf_of, register, saving_cookies};
use crate::common::TestApp;

mod confirmations;
mod disclosure;
mod labels;
mod languages;
mod layer;
mod limits;
mod messages;
mod your_turn;

pub async fn firm(app: &TestApp, email: &str, name: &str) -> TestServer {
    let server = saving_cookies(app);
    register(&server, email, name)
        .await
        .assert_status(StatusCode::SEE_OTHER);
    server
}

pub async fn post_form(
    server: &TestServer,
    page: &str,
    action: &str,
    extra: &[(&str, &str)],
) -> axum_test::TestResponse {
    let csrf = csrf_of(&server.get(page).await.text());
    let mut fields: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
    fields.extend_from_slice(extra);
    server.post(action).form(&fields).await
}

/// A roaster offering coffee grounds and a grower needing them; returns both and the ids.
pub async fn pair(app: &TestApp) -> (TestServer, TestServer, String, String) {
    pair_marked(app, "anonymous", "anonymous").await
}

/// `pair`, with the offer and the need marked public, anonymous or coordinator-only.
pub async fn pair_marked(
    app: &TestApp,
    offer_level: &str,
    need_level: &str,
) -> (TestServer, TestServer, String, String) {
    let roaster = firm(app, "info@deboon.nl", "Koffiebranderij De Boon").await;
    let grower = firm(app, "info@zwam.nl", "Zwammerij Het Mycelium").await;
    post_form(
        &roaster,
        "/offers/new",
        "/offers",
        &[
            ("material", "02 03 04"),
            ("description", "Koffiedik"),
            ("quantity_per_year", "8"),
            ("unit", "t"),
            ("regularity", "recurring"),
            ("disposal_cost_eur_per_unit", "45"),
            ("confidentiality", offer_level),
        ],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    post_form(
        &grower,
        "/needs/new",
        "/needs",
        &[
            ("accepts", "02 03 04"),
            ("description", "Substraat"),
            ("quantity_per_year", "20"),
            ("unit", "t"),
            ("virgin_price_eur_per_unit", "30"),
            ("max_distance_km", "25"),
            ("licensed_for_hazardous", "false"),
            ("confidentiality", need_level),
        ],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    let region = symbiose::storage::load_region(&app.db).await.unwrap();
    (
        roaster,
        grower,
        region.offers[0].id().to_string(),
        region.needs[0].id().to_string(),
    )
}

/// A request from a browser that asks for English and has made no choice of its own on the
/// site (signing in stores the user's language in a cookie, which would win).
pub fn in_english(request: axum_test::TestRequest) -> axum_test::TestRequest {
    request
        .add_cookie(("symbiose_lang", "").into())
        .add_header("accept-language", "en")
}

/// "Interested" on the pair's match, as `server`'s firm; the address of the exchange.
pub async fn interested(server: &TestServer, offer: &str, need: &str) -> String {
    let response = post_form(
        server,
        "/matches",
        "/exchanges",
        &[("offer", offer), ("need", need)],
    )
    .await;
    exchange_path(&response)
}

/// `step` on the exchange at `path`, as `server`'s firm; it must be taken.
pub async fn step(server: &TestServer, path: &str, step: &str) {
    post_form(server, path, &format!("{path}/step"), &[("step", step)])
        .await
        .assert_status(StatusCode::SEE_OTHER);
}

/// A step both sides confirm (agree, start, complete): `first`, then `second`.
pub async fn confirmed_by_both(first: &TestServer, second: &TestServer, path: &str, kind: &str) {
    step(first, path, kind).await;
    step(second, path, kind).await;
}

/// Introduced → negotiating (by `first`) → agreed → running (both confirm, `first` first).
pub async fn to_running(first: &TestServer, second: &TestServer, path: &str) {
    step(first, path, "negotiate").await;
    for kind in ["agree", "start"] {
        confirmed_by_both(first, second, path, kind).await;
    }
}

pub fn exchange_path(response: &axum_test::TestResponse) -> String {
    response.header("location").to_str().unwrap().to_string()
}

#[tokio::test]
async fn two_firms_carry_an_exchange_from_interested_to_completed_with_tonnes_recorded() {
    let app = TestApp::spawn().await;
    let (roaster, grower, offer, need) = pair(&app).await;
    let matches = roaster.get("/matches").await.text();
    assert!(
        matches.contains(&format!("name=\"need\" value=\"{need}\"")),
        "{matches}"
    );

    let first = post_form(
        &roaster,
        "/matches",
        "/exchanges",
        &[("offer", &offer), ("need", &need)],
    )
    .await;
    first.assert_status(StatusCode::SEE_OTHER);
    let path = exchange_path(&first);
    let before = roaster.get(&path).await.text();
    assert!(
        before.contains("interesse van één kant") && !before.contains("Zwammerij"),
        "{before}"
    );
    post_form(
        &grower,
        "/matches",
        "/exchanges",
        &[("offer", &offer), ("need", &need)],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);

    let introduced = roaster.get(&path).await.text();
    assert!(introduced.contains("voorgesteld aan elkaar"));
    assert!(introduced.contains("Zwammerij Het Mycelium") && introduced.contains("info@zwam.nl"));
    assert!(grower.get(&path).await.text().contains("info@deboon.nl"));
    to_running(&grower, &roaster, &path).await;
    post_form(
        &roaster,
        &path,
        &format!("{path}/tonnes"),
        &[("period", "2026-11"), ("tonnes", "0,7")],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    confirmed_by_both(&roaster, &grower, &path, "complete").await;

    let done = grower.get(&path).await.text();
    assert!(
        done.contains("afgerond") && done.contains("2026-11") && done.contains("0,7"),
        "{done}"
    );
    assert!(
        done.matches("<li>").count() >= 6,
        "the history lists every step"
    );
}

#[tokio::test]
async fn a_third_firm_cannot_see_or_move_an_exchange() {
    let app = TestApp::spawn().await;
    let (roaster, _grower, offer, need) = pair(&app).await;
    let path = interested(&roaster, &offer, &need).await;
    let outsider = firm(&app, "info@concurrent.nl", "Concurrent").await;

    outsider
        .get(&path)
        .await
        .assert_status(StatusCode::NOT_FOUND);
    let csrf = csrf_of(&outsider.get("/matches").await.text());
    outsider
        .post(&format!("{path}/step"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("step", "decline"),
            ("reason", "sabotage"),
        ])
        .await
        .assert_status(StatusCode::NOT_FOUND);
    outsider
        .post("/exchanges")
        .form(&[
            ("csrf", csrf.as_str()),
            ("offer", offer.as_str()),
            ("need", need.as_str()),
        ])
        .await
        .assert_status(StatusCode::NOT_FOUND);
    assert!(!roaster.get(&path).await.text().contains("afgewezen"));
}

#[tokio::test]
async fn an_illegal_step_is_refused_with_a_message_and_a_decline_needs_a_reason() {
    let app = TestApp::spawn().await;
    let (roaster, _grower, offer, need) = pair(&app).await;
    let path = interested(&roaster, &offer, &need).await;

    let early = post_form(
        &roaster,
        &path,
        &format!("{path}/step"),
        &[("step", "complete")],
    )
    .await;
    let no_reason = post_form(
        &roaster,
        &path,
        &format!("{path}/step"),
        &[("step", "decline"), ("reason", " ")],
    )
    .await;
    let declined = post_form(
        &roaster,
        &path,
        &format!("{path}/step"),
        &[("step", "decline"), ("reason", "te ver weg")],
    )
    .await;

    early.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    no_reason.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    declined.assert_status(StatusCode::SEE_OTHER);
    assert!(
        roaster
            .get(&path)
            .await
            .text()
            .contains("Reden van afwijzing: te ver weg")
    );
}

#[tokio::test]
async fn tonnes_need_a_running_exchange_and_a_valid_month() {
    let app = TestApp::spawn().await;
    let (roaster, _grower, offer, need) = pair(&app).await;
    let path = interested(&roaster, &offer, &need).await;

    let response = post_form(
        &roaster,
        &path,
        &format!("{path}/tonnes"),
        &[("period", "2026-11"), ("tonnes", "3")],
    )
    .await;

    response.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text().contains("zolang de uitwisseling loopt"));
}

#[tokio::test]
async fn not_for_us_takes_a_reason_and_the_pair_is_not_proposed_again() {
    let app = TestApp::spawn().await;
    let (roaster, _grower, offer, need) = pair(&app).await;
    let pair_field = format!("name=\"need\" value=\"{need}\"");
    assert!(roaster.get("/matches").await.text().contains(&pair_field));

    let without = post_form(
        &roaster,
        "/matches",
        "/exchanges/decline",
        &[("offer", &offer), ("need", &need), ("reason", "")],
    )
    .await;
    let with = post_form(
        &roaster,
        "/matches",
        "/exchanges/decline",
        &[
            ("offer", &offer),
            ("need", &need),
            ("reason", "wij leveren al aan een kweker"),
        ],
    )
    .await;

    without.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    with.assert_status(StatusCode::SEE_OTHER);
    assert!(!roaster.get("/matches").await.text().contains(&pair_field));
    let listed = roaster.get("/exchanges").await.text();
    assert!(listed.contains("afgewezen"), "{listed}");
}

async fn age_offers(app: &TestApp, days: i64) {
    use sea_orm::{ConnectionTrait, Statement};
    let date = (crate::common::today() - chrono::Duration::days(days)).to_string();
    app.db
        .execute_raw(Statement::from_string(
            app.db.get_database_backend(),
            format!("UPDATE offers SET last_confirmed = '{date}'"),
        ))
        .await
        .unwrap();
    app.app.snapshot.invalidate().await;
}

#[tokio::test]
async fn an_outdated_offer_asks_its_owner_and_one_click_makes_it_current_again() {
    let app = TestApp::spawn().await;
    let (roaster, grower, offer, _need) = pair(&app).await;
    age_offers(&app, 120).await;

    let list = roaster.get("/offers").await.text();
    assert!(
        list.contains("Verouderd") && list.contains("Nog actueel"),
        "{list}"
    );
    let csrf = csrf_of(&grower.get("/offers").await.text());
    grower
        .post(&format!("/offers/{offer}/confirm"))
        .form(&[("csrf", csrf.as_str())])
        .await
        .assert_status(StatusCode::NOT_FOUND);
    let confirmed = post_form(
        &roaster,
        "/offers",
        &format!("/offers/{offer}/confirm"),
        &[],
    )
    .await;

    confirmed.assert_status(StatusCode::SEE_OTHER);
    assert!(!roaster.get("/offers").await.text().contains("Verouderd"));
}

#[tokio::test]
async fn an_offer_unconfirmed_for_half_a_year_leaves_other_firms_matches() {
    let app = TestApp::spawn().await;
    let (_roaster, grower, offer, _need) = pair(&app).await;
    let offer_field = format!("name=\"offer\" value=\"{offer}\"");
    assert!(grower.get("/matches").await.text().contains(&offer_field));

    age_offers(&app, 200).await;

    assert!(!grower.get("/matches").await.text().contains(&offer_field));
}

#[tokio::test]
async fn time_passing_on_the_apps_clock_ages_an_offer_without_touching_the_database() {
    let app = TestApp::spawn().await;
    let (roaster, grower, offer, _need) = pair(&app).await;
    let offer_field = format!("name=\"offer\" value=\"{offer}\"");
    assert!(!roaster.get("/offers").await.text().contains("Verouderd"));

    app.clock.advance(chrono::Duration::days(120));
    // Four months idle end both sessions on the same clock.
    roaster
        .get("/offers")
        .await
        .assert_status(StatusCode::SEE_OTHER);
    for (server, email) in [(&roaster, "info@deboon.nl"), (&grower, "info@zwam.nl")] {
        crate::accounts::login(server, email, "koffiedik-2026")
            .await
            .assert_status(StatusCode::SEE_OTHER);
    }
    assert!(roaster.get("/offers").await.text().contains("Verouderd"));
    assert!(grower.get("/matches").await.text().contains(&offer_field));

    app.clock.advance(chrono::Duration::days(80));
    crate::accounts::login(&grower, "info@zwam.nl", "koffiedik-2026").await;
    assert!(!grower.get("/matches").await.text().contains(&offer_field));
}

#[tokio::test]
async fn a_new_need_through_the_form_tells_the_supplier_on_its_dashboard() {
    let app = TestApp::spawn().await;
    let (roaster, _grower, _, _) = pair(&app).await;
    let dashboard = roaster.get("/dashboard").await.text();
    assert!(
        dashboard.contains("Nieuwe afnemer voor uw reststroom"),
        "the roaster hears of the grower's new need: {dashboard}"
    );
    assert!(
        !dashboard.contains("Zwammerij Het Mycelium") && !dashboard.contains("info@zwam.nl"),
        "a new-match notice never names the other firm"
    );
}

#[tokio::test]
async fn a_flow_in_an_exchange_is_not_deleted_so_its_history_and_tonnes_stay() {
    let app = TestApp::spawn().await;
    let (roaster, _grower, offer, need) = pair(&app).await;
    let opened = post_form(
        &roaster,
        "/matches",
        "/exchanges",
        &[("offer", offer.as_str()), ("need", need.as_str())],
    )
    .await;
    opened.assert_status(StatusCode::SEE_OTHER);
    let refused = post_form(&roaster, "/offers", &format!("/offers/{offer}/delete"), &[]).await;
    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().contains("hoort bij een uitwisseling"));
    let region = symbiose::storage::load_region(&app.db).await.unwrap();
    assert_eq!(region.offers.len(), 1, "the offer is still there");
    roaster
        .get(&exchange_path(&opened))
        .await
        .assert_status_ok();
}
