//! New matches: a new or changed flow tells each fitting firm once, never by name; flows only
//! coordinators see, and paused flows, tell nobody.

use super::*;

#[tokio::test]
async fn a_new_flow_tells_each_fitting_firm_once_and_never_names_the_other_firm() {
    let app = TestApp::spawn().await;
    let roaster = firm(&app, "info@deboon.nl", ROASTER, "nl").await;
    let grower = firm(&app, "info@zwam.nl", GROWER, "nl").await;
    companies::Entity::update_many()
        .col_expr(companies::Column::Nace, Expr::value("C10.83"))
        .filter(companies::Column::Id.eq(roaster.company))
        .exec(&app.db)
        .await
        .unwrap();
    for id in ["N-SUBSTRAAT", "N-KWEEKBED"] {
        storage::flows::add_flow(&app.db, grower.company, &Flow::Need(need(id)))
            .await
            .unwrap();
    }
    storage::flows::add_flow(
        &app.db,
        roaster.company,
        &Flow::Offer(offer("O-KOFFIE", "anonymous")),
    )
    .await
    .unwrap();
    app.app.snapshot.invalidate().await;

    let told = notify_new_matches(&app.app, "O-KOFFIE").await.unwrap();

    assert_eq!(told, 1, "two fitting needs, one firm: one notice");
    let dutch = grower.server.get("/dashboard").await.text();
    assert!(
        dutch.contains("Nieuwe leverancier voor uw vraag"),
        "{dutch}"
    );
    assert!(
        dutch.contains("Een bedrijf in Weert (sector: Industrie) heeft"),
        "{dutch}"
    );
    assert!(dutch.contains("href=\"/matches\""));
    let english = english_dashboard(&app, &grower).await;
    assert!(english.contains("New supplier for your need"), "{english}");
    assert!(english.contains("(sector: Manufacturing)"));
    let mails = storage::notifications::pending_mail(&app.db, 10)
        .await
        .unwrap();
    assert_eq!(mails.len(), 1);
    for text in [&dutch, &english, &mails[0].body, &mails[0].subject] {
        assert!(!text.contains(ROASTER) && !text.contains("Koffiebranderij"));
    }
    assert_eq!(
        storage::notifications::unread_count(&app.db, roaster.company)
            .await
            .unwrap(),
        0
    );
    let again = notify_new_matches(&app.app, "O-KOFFIE").await.unwrap();
    assert_eq!(
        again, 0,
        "an edited flow does not announce the same match twice"
    );
}

#[tokio::test]
async fn coordinator_only_and_paused_flows_tell_nobody() {
    let app = TestApp::spawn().await;
    let roaster = firm(&app, "info@deboon.nl", ROASTER, "nl").await;
    let grower = firm(&app, "info@zwam.nl", GROWER, "nl").await;
    storage::flows::add_flow(&app.db, grower.company, &Flow::Need(need("N-SUBSTRAAT")))
        .await
        .unwrap();
    storage::flows::add_flow(
        &app.db,
        roaster.company,
        &Flow::Offer(offer("O-STIL", "coordinator-only")),
    )
    .await
    .unwrap();
    storage::flows::add_flow(
        &app.db,
        roaster.company,
        &Flow::Offer(offer("O-PAUZE", "anonymous")),
    )
    .await
    .unwrap();
    assert!(
        storage::flows::set_flow_paused(&app.db, roaster.company, FlowKind::Offer, "O-PAUZE", true)
            .await
            .unwrap()
    );
    app.app.snapshot.invalidate().await;

    let told = notify_new_matches(&app.app, "O-STIL").await.unwrap()
        + notify_new_matches(&app.app, "O-PAUZE").await.unwrap()
        + notify_new_matches(&app.app, "O-BESTAAT-NIET")
            .await
            .unwrap();

    assert_eq!(told, 0);
    assert_eq!(
        storage::notifications::unread_count(&app.db, grower.company)
            .await
            .unwrap(),
        0
    );
    // The grower's need itself does fit the public offers of the region: the check above
    // is not empty for want of a match.
    storage::flows::add_flow(
        &app.db,
        roaster.company,
        &Flow::Offer(offer("O-KOFFIE", "anonymous")),
    )
    .await
    .unwrap();
    app.app.snapshot.invalidate().await;
    assert_eq!(notify_new_matches(&app.app, "O-KOFFIE").await.unwrap(), 1);
}
