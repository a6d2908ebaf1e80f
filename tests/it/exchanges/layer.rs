//! The exchanges' application layer called directly, without the web: one exchange per pair
//! however many open it at once, refusals that change nothing, and who may act at all.

use symbiose::app::exchanges::{self, ExchangeError, FirmIntent, Proposed, Refused, StepChoice};
use symbiose::app::visibility::Viewer;
use symbiose::domain::exchange::{Month, Stage, StepKind};
use symbiose::domain::{Email, Role};
use symbiose::storage;
use symbiose::storage::proposals::Link;

use super::{firm, pair};
use crate::common::TestApp;

/// The rules' view of the account with this address.
async fn viewer(app: &TestApp, email: &str) -> Viewer {
    let credentials = storage::accounts::credentials(&app.db, &Email::parse(email).unwrap())
        .await
        .unwrap()
        .expect("an account");
    Viewer::of(&credentials.account)
}

/// A coordinator of the region, as the rules see it.
async fn coordinator(app: &TestApp) -> Viewer {
    Viewer {
        user_id: crate::accounts::signed_in_coordinator(app).await.1,
        company: None,
        role: Role::Coordinator,
    }
}

#[tokio::test]
async fn two_opens_of_the_same_pair_at_once_give_one_exchange_and_each_step_once() {
    let app = TestApp::spawn().await;
    let (_roaster, _grower, offer, need) = pair(&app).await;
    let roaster = viewer(&app, "info@deboon.nl").await;
    let grower = viewer(&app, "info@zwam.nl").await;

    let (first, again, other) = tokio::join!(
        exchanges::open_as_firm(&app.app, &roaster, &offer, &need, FirmIntent::Interested),
        exchanges::open_as_firm(&app.app, &roaster, &offer, &need, FirmIntent::Interested),
        exchanges::open_as_firm(&app.app, &grower, &offer, &need, FirmIntent::Interested),
    );

    let id = first.unwrap();
    assert_eq!(again.unwrap(), id);
    assert_eq!(other.unwrap(), id);
    let record = storage::exchanges::get(&app.db, id).await.unwrap().unwrap();
    assert_eq!(record.status.stage, Stage::Introduced);
    assert_eq!(record.events.len(), 2, "one 'interested' per side");
    assert_eq!(exchanges::list(&app.app, &roaster).await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_step_out_of_order_is_refused_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let (_roaster, _grower, offer, need) = pair(&app).await;
    let roaster = viewer(&app, "info@deboon.nl").await;
    let id = exchanges::open_as_firm(&app.app, &roaster, &offer, &need, FirmIntent::Interested)
        .await
        .unwrap();
    let before = storage::exchanges::get(&app.db, id).await.unwrap().unwrap();

    let complete = StepChoice {
        kind: Some(StepKind::Complete),
        ..StepChoice::default()
    };
    let refused = exchanges::take_step(&app.app, &roaster, id, complete).await;
    let tonnes = exchanges::record_tonnes(
        &app.app,
        &roaster,
        id,
        Month::parse("2026-11").unwrap(),
        3.0,
    )
    .await;

    assert!(
        matches!(
            refused,
            Err(ExchangeError::Refused { exchange, why: Refused::Step(_) }) if exchange == id
        ),
        "{refused:?}"
    );
    assert!(matches!(
        tonnes,
        Err(ExchangeError::Refused {
            why: Refused::NotRunning,
            ..
        })
    ));
    let after = storage::exchanges::get(&app.db, id).await.unwrap().unwrap();
    assert_eq!(after, before);
}

#[tokio::test]
async fn a_firm_outside_the_exchange_finds_nothing_and_a_bad_reason_opens_nothing() {
    let app = TestApp::spawn().await;
    let (_roaster, _grower, offer, need) = pair(&app).await;
    let _outsider = firm(&app, "info@derde.nl", "Derde Partij").await;
    let roaster = viewer(&app, "info@deboon.nl").await;
    let outsider = viewer(&app, "info@derde.nl").await;

    let no_reason = FirmIntent::NotForUs {
        reason: "  ".into(),
    };
    let bad = exchanges::open_as_firm(&app.app, &roaster, &offer, &need, no_reason).await;
    let strange =
        exchanges::open_as_firm(&app.app, &outsider, &offer, &need, FirmIntent::Interested).await;
    let id = exchanges::open_as_firm(&app.app, &roaster, &offer, &need, FirmIntent::Interested)
        .await
        .unwrap();
    let seen = exchanges::visible(&app.app, &outsider, id).await;

    assert!(matches!(bad, Err(ExchangeError::BadReason(_))), "{bad:?}");
    assert!(matches!(strange, Err(ExchangeError::NotFound)));
    assert!(matches!(seen, Err(ExchangeError::NotFound)));
    assert_eq!(
        storage::exchanges::recent(&app.db, 10).await.unwrap().len(),
        1,
        "neither the bad reason nor the outsider opened an exchange"
    );
}

#[tokio::test]
async fn a_coordinator_proposes_a_pair_once_and_a_firm_cannot_propose() {
    let app = TestApp::spawn().await;
    let (_roaster, _grower, offer, need) = pair(&app).await;
    let roaster = viewer(&app, "info@deboon.nl").await;
    let coordinator = coordinator(&app).await;

    let by_firm = exchanges::propose_pair(&app.app, &roaster, &offer, &need).await;
    let (first, second) = tokio::join!(
        exchanges::propose_pair(&app.app, &coordinator, &offer, &need),
        exchanges::propose_pair(&app.app, &coordinator, &offer, &need),
    );

    assert!(matches!(by_firm, Err(ExchangeError::NotFound)));
    let mut outcomes = [first.unwrap(), second.unwrap()];
    outcomes.sort_by_key(|p| matches!(p, Proposed::Existing(_)));
    let [Proposed::Opened(id), Proposed::Existing(same)] = outcomes else {
        panic!("one opened, one found: {outcomes:?}");
    };
    assert_eq!(id, same);
    let record = storage::exchanges::get(&app.db, id).await.unwrap().unwrap();
    assert_eq!(record.status.stage, Stage::Proposed);
    assert_eq!(record.events.len(), 1, "the proposal is recorded once");
}

#[tokio::test]
async fn a_plans_links_open_once_each_and_a_missing_flow_is_counted() {
    let app = TestApp::spawn().await;
    let (_roaster, _grower, offer, need) = pair(&app).await;
    let coordinator = coordinator(&app).await;
    let links = [
        Link {
            offer: offer.clone(),
            need: need.clone(),
        },
        Link {
            offer: "O-gone".into(),
            need: need.clone(),
        },
    ];

    let first = exchanges::propose_links(&app.app, &coordinator, &links, "een lus")
        .await
        .unwrap();
    let again = exchanges::propose_links(&app.app, &coordinator, &links, "een lus")
        .await
        .unwrap();

    assert_eq!(
        (first.created.len(), first.existing.len(), first.missing),
        (1, 0, 1)
    );
    assert_eq!(again.created, Vec::<i64>::new());
    assert_eq!(again.existing, first.created);
    let id = symbiose::domain::exchange::ExchangeId(first.created[0]);
    let record = storage::exchanges::get(&app.db, id).await.unwrap().unwrap();
    assert_eq!(record.events.len(), 1);
    assert_eq!(record.events[0].note, "een lus");
}
