//! Who sees what of the other side of an exchange before and after both said interested,
//! and who took each step of its history.

use axum::http::StatusCode;
use axum_test::TestServer;

use super::{exchange_path, in_english, interested, pair_marked, post_form};
use crate::accounts::csrf_of;
use crate::common::TestApp;

/// The history list of an exchange page (the header shows the viewer's own address too).
fn history(page: &str) -> &str {
    let start = page.find("<ol class=\"history\">").expect("a history list");
    let end = start + page[start..].find("</ol>").expect("the list's end");
    &page[start..end]
}

/// A signed-in coordinator of the region.
async fn coordinator(app: &TestApp) -> TestServer {
    crate::accounts::signed_in_coordinator(app).await.0
}

#[tokio::test]
async fn before_both_say_interested_a_public_flow_shows_its_firms_name_and_an_anonymous_one_does_not()
 {
    let app = TestApp::spawn().await;
    let (roaster, grower, offer, need) = pair_marked(&app, "public", "anonymous").await;
    let path = interested(&roaster, &offer, &need).await;

    let grower_view = grower.get(&path).await.text();
    let roaster_view = roaster.get(&path).await.text();

    assert!(
        grower_view.contains("Aanbieder: </strong>Koffiebranderij De Boon"),
        "{grower_view}"
    );
    assert!(!grower_view.contains("info@deboon.nl"), "{grower_view}");
    assert!(
        roaster_view.contains("Afnemer: </strong>Sector onbekend in Weert"),
        "{roaster_view}"
    );
    assert!(!roaster_view.contains("Zwammerij"), "{roaster_view}");
    assert!(!roaster_view.contains("info@zwam.nl"), "{roaster_view}");
}

#[tokio::test]
async fn a_coordinator_only_flow_cannot_be_reached_by_a_hand_made_form_and_stays_hidden() {
    let app = TestApp::spawn().await;
    let (roaster, grower, offer, need) = pair_marked(&app, "coordinator-only", "anonymous").await;

    let forged = post_form(
        &grower,
        "/matches",
        "/exchanges",
        &[("offer", &offer), ("need", &need)],
    )
    .await;
    let forged_decline = post_form(
        &grower,
        "/matches",
        "/exchanges/decline",
        &[("offer", &offer), ("need", &need), ("reason", "te ver")],
    )
    .await;

    forged.assert_status(StatusCode::NOT_FOUND);
    forged_decline.assert_status(StatusCode::NOT_FOUND);
    assert!(!grower.get("/exchanges").await.text().contains(&offer));
    // The owner of the coordinator-only flow may still reach out; the other side then sees
    // an exchange without anything of who it is.
    let path = interested(&roaster, &offer, &need).await;
    let grower_view = grower.get(&path).await.text();
    assert!(
        grower_view.contains("De andere partij blijft anoniem"),
        "{grower_view}"
    );
    assert!(!grower_view.contains("De Boon") && !grower_view.contains("info@deboon.nl"));
    assert!(!grower_view.contains("Aanbieder:"), "{grower_view}");
}

#[tokio::test]
async fn the_history_shows_who_took_each_step_as_far_as_the_viewer_may_know() {
    let app = TestApp::spawn().await;
    let (roaster, grower, offer, need) = pair_marked(&app, "anonymous", "anonymous").await;
    let path = interested(&roaster, &offer, &need).await;
    let grower_before = grower.get(&path).await.text();
    post_form(
        &grower,
        "/matches",
        "/exchanges",
        &[("offer", &offer), ("need", &need)],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    let staff = coordinator(&app).await;
    post_form(
        &staff,
        &path,
        &format!("{path}/step"),
        &[("step", "negotiate")],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);

    let roaster_after = roaster.get(&path).await.text();
    let english = in_english(roaster.get(&path)).await.text();
    let staff_view = staff.get(&path).await.text();

    let before = history(&grower_before);
    assert!(before.contains("de andere partij"), "{before}");
    assert!(!before.contains("info@deboon.nl") && !before.contains("De Boon"));
    let after = history(&roaster_after);
    assert!(after.contains("info@deboon.nl"), "{after}");
    assert!(after.contains("Zwammerij Het Mycelium"), "{after}");
    assert!(after.contains("coördinator"), "{after}");
    assert!(!after.contains("regio@keyport.nl"), "{after}");
    assert!(history(&english).contains("coordinator"), "{english}");
    let staff_history = history(&staff_view);
    assert!(
        staff_history.contains("Koffiebranderij De Boon")
            && staff_history.contains("Zwammerij Het Mycelium"),
        "{staff_history}"
    );
}

#[tokio::test]
async fn a_coordinator_follows_every_exchange_of_the_region_from_the_list() {
    let app = TestApp::spawn().await;
    let (roaster, _grower, offer, need) = pair_marked(&app, "anonymous", "anonymous").await;
    let opened = post_form(
        &roaster,
        "/matches",
        "/exchanges",
        &[("offer", offer.as_str()), ("need", need.as_str())],
    )
    .await;
    let path = exchange_path(&opened);
    let staff = coordinator(&app).await;
    let list = staff.get("/exchanges").await.text();
    assert!(
        list.contains(&format!("href=\"{path}\"")),
        "the list links {path}: {list}"
    );
    staff.get(&path).await.assert_status_ok();
}

#[tokio::test]
async fn staff_land_on_the_region_after_login() {
    let app = TestApp::spawn().await;
    let staff = coordinator(&app).await;
    // The helper signed in; a second login shows where staff land.
    let csrf = csrf_of(&staff.get("/login").await.text());
    let landed = staff
        .post("/login")
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", "regio@keyport.nl"),
            ("password", "regio-keyport-2026"),
        ])
        .await;
    assert_eq!(landed.header("location"), "/coordinator");
}
