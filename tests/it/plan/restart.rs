//! The region plan kept across restarts: a new app on the same database computes the kept run
//! again and shows the same plan, proposals and run number.

use std::sync::Arc;

use axum::http::StatusCode;
use axum_test::TestServer;
use symbiose::app::plan_runner::PlanResult;

use super::{PASSWORD, coordinator_on_demo, last_run, run_plan};
use crate::accounts::csrf_of;
use crate::common::TestApp;
/// What a run found, in comparable form: every planned link with its quantity, in plan
/// order, and the proposals' sizes.
type Found = (Vec<(String, String, String)>, Vec<usize>, [usize; 5]);

fn found_of(result: &PlanResult) -> Found {
    let instance = &result.snapshot.instance;
    let links = (result.found.plan.exchanges.iter())
        .map(|x| {
            (
                instance.offers[x.offer].id.clone(),
                instance.needs[x.need].id.clone(),
                format!("{:.6}", x.quantity),
            )
        })
        .collect();
    let found = &result.found;
    let sizes = [
        found.loops.len(),
        found.chains.len(),
        found.pools.len(),
        found.purchasing_pools.len(),
        found.clusters.len(),
    ];
    (links, found.by_value.clone(), sizes)
}

#[tokio::test]
async fn the_last_plan_survives_a_restart_with_its_run_number_and_proposals() {
    let (app, coordinator) = coordinator_on_demo().await;
    run_plan(&coordinator).await;
    let before = last_run(&app);

    // A new app on the same database, as after a restart.
    let restarted = Arc::new(symbiose::app::App::with_clock(
        app.db.clone(),
        app.clock.clone(),
    ));
    assert!(restarted.plan.last().is_none());
    assert!(symbiose::app::plan_runner::restore(&restarted).await);
    let mut after = None;
    for _ in 0..100_000 {
        let status = restarted.plan.status();
        if status.running.is_none() {
            after = status.last;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    let after = after.expect("the kept run is restored");

    assert_eq!(after.run, before.run);
    assert_eq!(after.started_at, before.started_at);
    assert_eq!(after.finished_at, before.finished_at);
    assert_eq!(after.stage_seconds, before.stage_seconds);
    assert_eq!(found_of(&after), found_of(&before));
    assert!(!before.found.plan.exchanges.is_empty());
    assert_eq!(
        after.found.plan.objective_eur_per_year,
        before.found.plan.objective_eur_per_year
    );

    // The restored app numbers its next run after the kept one.
    let web = Arc::new(symbiose::web::WebApp::on(restarted.clone()));
    let mut server = TestServer::new(symbiose::web::router(symbiose::web::AppState(web)));
    server.save_cookies();
    let csrf = csrf_of(&server.get("/login").await.text());
    server
        .post("/login")
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", "regio@keyport.nl"),
            ("password", PASSWORD),
        ])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let page = server.get("/plan").await.text();
    assert!(page.contains(&format!(
        "action=\"/plan/exchanges/{}\"",
        before.found.by_value[0] + 1
    )));
    run_plan(&server).await;
    assert_eq!(restarted.plan.last().unwrap().run, before.run + 1);
}

#[tokio::test]
async fn without_a_kept_run_nothing_is_restored() {
    let app = TestApp::spawn().await;
    assert!(!symbiose::app::plan_runner::restore(&app.app.app).await);
}
