//! When one firm confirms a step both must confirm, the other firm is told it is its turn,
//! with the confirming firm's name and the step, instead of a step notice with the old stage.

use axum_test::TestServer;

use super::{interested, pair, step};
use crate::common::TestApp;
use symbiose::storage;

/// The firm's notices as the dashboard shows them (newest first).
async fn notices(server: &TestServer) -> String {
    server.get("/dashboard").await.text()
}

#[tokio::test]
async fn the_first_confirmation_tells_the_other_firm_it_is_its_turn_naming_the_firm() {
    let app = TestApp::spawn().await;
    let (roaster, grower, offer, need) = pair(&app).await;
    let path = interested(&roaster, &offer, &need).await;
    interested(&grower, &offer, &need).await;
    step(&grower, &path, "negotiate").await;
    let id = path.rsplit('/').next().unwrap();

    for (kind, words) in [
        ("agree", "het akkoord"),
        ("start", "de start"),
        ("complete", "de afronding"),
    ] {
        step(&grower, &path, kind).await;
        let told = notices(&roaster).await;
        assert!(
            told.contains(&format!(
                "Zwammerij Het Mycelium heeft {words} van uitwisseling {id} bevestigd. Nu bent u aan de beurt om {words} te bevestigen."
            )),
            "{kind}: {told}"
        );
        step(&roaster, &path, kind).await;
    }
    let told = notices(&roaster).await;
    assert_eq!(
        told.matches("aan de beurt").count(),
        6,
        "three titles, three texts"
    );
    // Only the step to negotiating itself; no step notice repeats the old stage.
    let old_stage = format!("Uitwisseling {id}: in onderhandeling");
    assert_eq!(told.matches(&old_stage).count(), 1, "{told}");
    assert!(
        notices(&grower)
            .await
            .contains(&format!("Uitwisseling {id}: afgerond"))
    );
    let mails = storage::notifications::pending_mail(&app.db, 100)
        .await
        .unwrap();
    let turns = mails
        .iter()
        .filter(|m| m.to == "info@deboon.nl" && m.subject.ends_with("u bent aan de beurt"))
        .count();
    assert_eq!(turns, 3);
}
