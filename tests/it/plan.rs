//! The region plan for coordinators: a run in the background with its progress, the plan's
//! totals as the matcher computes them, the plan against reality, and who may see it.

mod proposals;
mod restart;

use std::sync::Arc;

use axum::http::StatusCode;
use axum_test::TestServer;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use symbiose::app::plan_runner::PlanResult;
use symbiose::domain::{Email, NewPassword, Role, Unit};
use symbiose::i18n::{Lang, number, percent};
use symbiose::matching::candidates::Rules;
use symbiose::matching::plan::{Plan, candidate_edges, solve_plan};
use symbiose::storage::entities::{companies, exchanges, users};

use crate::accounts::{csrf_of, saving_cookies};
use crate::common::TestApp;
use crate::exchanges::firm;

const PASSWORD: &str = "regio-keyport-2026";

/// The demo region, dated today so that none of its flows counts as unconfirmed.
async fn demo(app: &TestApp) {
    symbiose::demo::load_demo(&app.db, crate::common::today())
        .await
        .unwrap();
}

async fn log_in(app: &TestApp, email: &str) -> TestServer {
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

fn password_hash() -> String {
    symbiose::accounts::hash_password(&NewPassword::parse(PASSWORD).unwrap()).unwrap()
}

/// A test app with the demo region and its signed-in coordinator.
pub async fn coordinator_on_demo() -> (TestApp, TestServer) {
    let app = TestApp::spawn().await;
    demo(&app).await;
    let coordinator = coordinator(&app).await;
    (app, coordinator)
}

/// A signed-in coordinator of the region.
pub async fn coordinator(app: &TestApp) -> TestServer {
    symbiose::storage::accounts::create_staff_user(
        &app.db,
        &Email::parse("regio@keyport.nl").unwrap(),
        &password_hash(),
        Role::Coordinator,
        crate::common::now(),
    )
    .await
    .unwrap();
    log_in(app, "regio@keyport.nl").await
}

/// A signed-in user of a firm of the demo region, by the firm's key.
pub async fn demo_firm_user(app: &TestApp, firm_key: &str) -> TestServer {
    let company = companies::Entity::find()
        .filter(companies::Column::Key.eq(firm_key))
        .one(&app.db)
        .await
        .unwrap()
        .expect("a demo firm");
    let email = format!("{}@demo.example", firm_key.to_lowercase());
    users::Entity::insert(users::ActiveModel {
        id: NotSet,
        email: Set(email.clone()),
        password_hash: Set(password_hash()),
        role: Set(Role::Firm.as_str().to_string()),
        company_id: Set(Some(company.id)),
        language: Set("nl".to_string()),
        created_at: Set(crate::common::now()),
    })
    .exec(&app.db)
    .await
    .unwrap();
    log_in(app, &email).await
}

/// True while `/plan` shows a run in progress.
fn running(page: &str) -> bool {
    page.contains("class=\"progress\"")
}

/// `/plan` once no run is in progress any more.
pub async fn finished(server: &TestServer) -> String {
    for _ in 0..100_000 {
        let page = server.get("/plan").await.text();
        if !running(&page) {
            return page;
        }
    }
    panic!("the plan run never finished");
}

/// Starts a run as `server` and returns `/plan` once it is done.
pub async fn run_plan(server: &TestServer) -> String {
    let csrf = csrf_of(&server.get("/plan").await.text());
    server
        .post("/plan/run")
        .form(&[("csrf", csrf.as_str())])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    finished(server).await
}

/// The last finished run, as the app keeps it.
pub fn last_run(app: &TestApp) -> Arc<PlanResult> {
    app.app.plan.last().expect("a finished run")
}

/// The matcher's plan on the same snapshot of the region, computed here with the library.
async fn library_plan(app: &TestApp) -> Plan {
    let snapshot = app.app.region().await.unwrap();
    let edges = candidate_edges(&snapshot.instance, &snapshot.index, Rules::default());
    solve_plan(&snapshot.instance, &edges).unwrap()
}

#[tokio::test]
async fn a_coordinator_runs_the_plan_and_sees_the_matchers_totals_loops_and_pools() {
    let (app, coordinator) = coordinator_on_demo().await;
    let before = coordinator.get("/plan").await.text();
    assert!(before.contains("Er is nog geen plan berekend"), "{before}");

    let page = run_plan(&coordinator).await;

    let plan = library_plan(&app).await;
    assert!(!plan.exchanges.is_empty());
    let nl = |value: f64, decimals| number(Lang::Dutch, value, decimals);
    let net_co2_t = (plan.co2_avoided_kg_per_year - plan.co2_transport_kg_per_year) / 1000.0;
    let snapshot = app.app.region().await.unwrap();
    let tonnes: f64 = plan
        .exchanges
        .iter()
        .filter(|x| snapshot.instance.offers[x.offer].unit == Unit::Tonnes)
        .map(|x| x.quantity)
        .sum();
    for expected in [
        format!("€ {}/jaar", nl(plan.objective_eur_per_year, 0)),
        // The common message keeps a number and its unit together.
        format!("{}\u{a0}t/jaar", nl(tonnes, 1)),
        format!("{} t CO₂/jaar", nl(net_co2_t, 1)),
        format!("{} geplande uitwisselingen", plan.exchanges.len()),
    ] {
        assert!(page.contains(&expected), "{expected} not in {page}");
    }
    let result = last_run(&app);
    assert_eq!(result.found.plan, plan);
    assert!(!result.found.loops.is_empty() && !result.found.pools.is_empty());
    assert!(page.contains("Berekend op"), "{page}");
    let loops = coordinator.get("/plan/loops").await.text();
    assert!(loops.contains("id=\"loops-1\""), "{loops}");
    assert!(loops.contains("action=\"/plan/loops/1\""), "{loops}");
    let pools = coordinator.get("/plan/pools").await.text();
    assert!(pools.contains("id=\"pool-1\""), "{pools}");
    assert!(pools.contains("action=\"/plan/pools/1\""), "{pools}");
}

#[tokio::test]
async fn other_pages_answer_while_the_plan_runs_and_a_second_run_waits_its_turn() {
    let (app, coordinator) = coordinator_on_demo().await;
    let csrf = csrf_of(&coordinator.get("/plan").await.text());
    let start = || {
        coordinator
            .post("/plan/run")
            .form(&[("csrf", csrf.as_str())])
    };

    start().await.assert_status(StatusCode::SEE_OTHER);
    let second = start().await;

    assert_eq!(second.header("location"), "/plan?bezig=1");
    let told = coordinator.get("/plan?bezig=1").await.text();
    assert!(told.contains("Er loopt al een berekening"), "{told}");
    let mut answered_while_running = 0;
    loop {
        let plan = coordinator.get("/plan").await.text();
        if !running(&plan) {
            break;
        }
        assert!(plan.contains("http-equiv=\"refresh\""), "{plan}");
        coordinator.get("/").await.assert_status_ok();
        coordinator.get("/healthz").await.assert_status_ok();
        coordinator.get("/dashboard").await.assert_status_ok();
        if running(&coordinator.get("/plan").await.text()) {
            answered_while_running += 1;
        }
    }
    assert!(
        answered_while_running > 0,
        "no page was asked for while the run was in progress"
    );
    assert!(last_run(&app).run == 1, "the second request started no run");
}

#[tokio::test]
async fn the_plan_shows_which_planned_exchanges_run_and_which_running_ones_it_lacks() {
    let (app, coordinator) = coordinator_on_demo().await;
    run_plan(&coordinator).await;
    let result = last_run(&app);
    let instance = &result.snapshot.instance;
    let best = &result.found.plan.exchanges[result.found.by_value[0]];
    let planned = running_exchange(
        &app,
        &instance.offers[best.offer].id,
        &instance.needs[best.need].id,
    )
    .await;
    // A pair the plan does not use: the best offer to a need it is not planned for.
    let other_need = instance
        .needs
        .iter()
        .enumerate()
        .find(|(j, _)| {
            !result
                .found
                .plan
                .exchanges
                .iter()
                .any(|x| x.offer == best.offer && x.need == *j)
        })
        .map(|(_, n)| n.id.clone())
        .unwrap();
    let outside = running_exchange(&app, &instance.offers[best.offer].id, &other_need).await;

    let page = coordinator.get("/plan").await.text();

    let share = best.benefit_eur_per_year / result.found.plan.objective_eur_per_year;
    let expected = format!(
        "{} van de waarde van het plan loopt al: € {}",
        percent(Lang::Dutch, share),
        number(Lang::Dutch, best.benefit_eur_per_year, 0)
    );
    assert!(page.contains(&expected), "{expected} not in {page}");
    assert!(
        page.contains("1 lopende uitwisseling buiten het plan"),
        "{page}"
    );
    assert!(
        page.contains(&format!("href=\"/exchanges/{outside}\"")),
        "{page}"
    );
    assert!(
        page.contains(&format!("href=\"/exchanges/{planned}\"")),
        "{page}"
    );
}

/// An exchange of the pair, set running.
async fn running_exchange(app: &TestApp, offer: &str, need: &str) -> i64 {
    let id = symbiose::storage::exchanges::open(&app.db, offer, need, crate::common::now())
        .await
        .unwrap()
        .unwrap();
    exchanges::Entity::update_many()
        .col_expr(
            exchanges::Column::Stage,
            sea_orm::sea_query::Expr::value("running"),
        )
        .filter(exchanges::Column::Id.eq(id))
        .exec(&app.db)
        .await
        .unwrap();
    id
}

#[tokio::test]
async fn firm_users_get_not_found_on_the_plan_and_its_buttons() {
    let app = TestApp::spawn().await;
    demo(&app).await;
    let firm = firm(&app, "info@deboon.nl", "Koffiebranderij De Boon").await;
    let csrf = csrf_of(&firm.get("/firm").await.text());
    let form = [("csrf", csrf.as_str()), ("run", "1")];

    for page in ["/plan", "/plan/loops", "/plan/pools"] {
        firm.get(page).await.assert_status(StatusCode::NOT_FOUND);
    }
    for action in [
        "/plan/run",
        "/plan/loops/1",
        "/plan/chains/1",
        "/plan/pools/1",
    ] {
        firm.post(action)
            .form(&form)
            .await
            .assert_status(StatusCode::NOT_FOUND);
    }
    assert!(app.app.plan.last().is_none() && app.app.plan.status().running.is_none());
    let anonymous = app.server();
    let response = anonymous.get("/plan").await;
    response.assert_status(StatusCode::SEE_OTHER);
    assert_eq!(response.header("location"), "/login");
}

#[tokio::test]
async fn plan_forms_without_their_token_or_from_an_older_run_are_refused() {
    let (app, coordinator) = coordinator_on_demo().await;

    coordinator
        .post("/plan/run")
        .form(&[("csrf", "")])
        .await
        .assert_status(StatusCode::FORBIDDEN);
    assert!(app.app.plan.status().running.is_none() && app.app.plan.last().is_none());
    run_plan(&coordinator).await;
    let csrf = csrf_of(&coordinator.get("/plan/loops").await.text());
    for action in ["/plan/loops/1", "/plan/chains/1", "/plan/pools/1"] {
        coordinator
            .post(action)
            .form(&[("run", "1")])
            .await
            .assert_status(StatusCode::FORBIDDEN);
        let stale = coordinator
            .post(action)
            .form(&[("csrf", csrf.as_str()), ("run", "7")])
            .await;
        // A form from an older run is refused by the rules (422), not malformed.
        stale.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            stale.text().contains("opnieuw berekend"),
            "{}",
            stale.text()
        );
    }
    let count = exchanges::Entity::find().all(&app.db).await.unwrap().len();
    assert_eq!(count, 0, "a refused form changed nothing");
}

#[tokio::test]
async fn the_plan_and_its_proposals_answer_in_english() {
    let (app, coordinator) = coordinator_on_demo().await;
    run_plan(&coordinator).await;
    let english = |path: &str| {
        coordinator
            .get(path)
            .add_cookie(("symbiose_lang", "en").into())
    };

    let plan = english("/plan").await.text();
    let loops = english("/plan/loops").await.text();
    let pools = english("/plan/pools").await.text();

    let result = last_run(&app);
    let objective = number(Lang::English, result.found.plan.objective_eur_per_year, 0);
    assert!(plan.contains("<html lang=\"en\""), "{plan}");
    assert!(plan.contains("Region plan"), "{plan}");
    assert!(plan.contains(&format!("€ {objective}/year")), "{plan}");
    assert!(plan.contains("Plan and reality"), "{plan}");
    assert!(plan.contains("Compute the plan again"), "{plan}");
    assert!(
        loops.contains("Loops and chains") && loops.contains("Loop 1:"),
        "{loops}"
    );
    assert!(pools.contains("Form the collection round"), "{pools}");
}
