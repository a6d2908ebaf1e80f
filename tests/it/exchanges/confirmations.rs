//! Agreeing, starting and completing need both firms (or a coordinator): one side alone only
//! records its confirmation, and the page says whose turn it is.

use axum::http::StatusCode;
use axum_test::TestServer;

use super::{in_english, interested, pair, post_form, step};
use crate::common::TestApp;
use symbiose::domain::exchange::{ExchangeId, Side, Stage};

/// The stage and the confirming side of the exchange at `path`, as stored.
async fn stored(app: &TestApp, path: &str) -> (Stage, Option<Side>) {
    let id = ExchangeId::parse(path.rsplit('/').next().unwrap()).unwrap();
    let record = symbiose::storage::exchanges::get(&app.db, id)
        .await
        .unwrap()
        .unwrap();
    (record.status.stage, record.status.confirmed_by)
}

/// Both firms say interested and the grower starts negotiating; the exchange's path.
async fn negotiating(roaster: &TestServer, grower: &TestServer, offer: &str, need: &str) -> String {
    let path = interested(roaster, offer, need).await;
    interested(grower, offer, need).await;
    step(grower, &path, "negotiate").await;
    path
}

#[tokio::test]
async fn one_firm_alone_cannot_agree_start_or_complete_and_both_together_can() {
    let app = TestApp::spawn().await;
    let (roaster, grower, offer, need) = pair(&app).await;
    let path = negotiating(&roaster, &grower, &offer, &need).await;

    for (kind, before, after) in [
        ("agree", Stage::Negotiating, Stage::Agreed),
        ("start", Stage::Agreed, Stage::Running),
        ("complete", Stage::Running, Stage::Completed),
    ] {
        step(&grower, &path, kind).await;
        assert_eq!(
            stored(&app, &path).await,
            (before, Some(Side::Receiver)),
            "{kind} by one side only waits"
        );
        let own = grower.get(&path).await.text();
        assert!(
            own.contains("Wacht op bevestiging van Koffiebranderij De Boon."),
            "{own}"
        );
        let other = roaster.get(&path).await.text();
        assert!(
            other.contains("Wacht op bevestiging van jouw bedrijf."),
            "{other}"
        );
        let twice = post_form(&grower, &path, &format!("{path}/step"), &[("step", kind)]).await;
        twice.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(twice.text().contains("al bevestigd"), "{}", twice.text());
        assert_eq!(stored(&app, &path).await, (before, Some(Side::Receiver)));

        step(&roaster, &path, kind).await;
        assert_eq!(stored(&app, &path).await, (after, None), "{kind} by both");
        assert!(
            !grower
                .get(&path)
                .await
                .text()
                .contains("Wacht op bevestiging")
        );
    }
}

#[tokio::test]
async fn a_coordinator_confirms_for_both_firms() {
    let app = TestApp::spawn().await;
    let (roaster, grower, offer, need) = pair(&app).await;
    let path = negotiating(&roaster, &grower, &offer, &need).await;
    let coordinator = crate::accounts::signed_in_coordinator(&app).await.0;

    step(&coordinator, &path, "agree").await;
    assert_eq!(stored(&app, &path).await, (Stage::Agreed, None));
    step(&roaster, &path, "start").await;
    let waiting = coordinator.get(&path).await.text();
    assert!(
        waiting.contains("Wacht op bevestiging van Zwammerij Het Mycelium."),
        "{waiting}"
    );
    step(&coordinator, &path, "start").await;
    assert_eq!(stored(&app, &path).await, (Stage::Running, None));
}

#[tokio::test]
async fn whose_turn_it_is_reads_in_english() {
    let app = TestApp::spawn().await;
    let (roaster, grower, offer, need) = pair(&app).await;
    let path = negotiating(&roaster, &grower, &offer, &need).await;

    step(&roaster, &path, "agree").await;

    let page = in_english(roaster.get(&path)).await.text();
    assert!(
        page.contains("Waiting for confirmation from Zwammerij Het Mycelium."),
        "{page}"
    );
    let other = in_english(grower.get(&path)).await.text();
    assert!(
        other.contains("Waiting for confirmation from your firm."),
        "{other}"
    );
}
