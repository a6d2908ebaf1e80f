//! Pausing an own flow: it stays on the firm's list and leaves everyone's matches until resumed.

use axum::http::StatusCode;
use axum_test::TestServer;

use super::{add_cardboard_offer, firm_in_both_languages, signed_in_firm, the_need, the_offer};
use crate::accounts::csrf_of;
use crate::common::TestApp;

#[tokio::test]
async fn a_paused_flow_stays_listed_as_paused_with_a_resume_button() {
    let app = TestApp::spawn().await;
    let (owner, browser) = firm_in_both_languages(&app, "a@bakkerij.nl", "Bakkerij").await;
    add_cardboard_offer(&owner, "5").await;
    let id = the_offer(&app).await.id().to_string();
    let csrf = csrf_of(&owner.get("/offers").await.text());

    owner
        .post(&format!("/offers/{id}/pause"))
        .form(&[("csrf", csrf.as_str())])
        .await
        .assert_status(StatusCode::SEE_OTHER);

    let list = owner.get("/offers").await.text();
    assert!(
        list.contains("Dozen van de inpak") && list.contains("Gepauzeerd"),
        "{list}"
    );
    assert!(list.contains(&format!("action=\"/offers/{id}/resume\"")));
    assert!(!list.contains(&format!("action=\"/offers/{id}/pause\"")));
    let english = browser.get("/offers").await.text();
    assert!(
        english.contains("Paused") && english.contains("Resume"),
        "{english}"
    );
}

// Pausing and matching: a roaster's coffee grounds and a mushroom grower who needs them.

async fn offer_coffee_grounds(server: &TestServer) {
    let csrf = csrf_of(&server.get("/offers/new").await.text());
    server
        .post("/offers")
        .form(&[
            ("csrf", csrf.as_str()),
            ("material", "02 03 04"),
            ("description", "Koffiedik uit de branderij"),
            ("quantity_per_year", "8"),
            ("unit", "t"),
            ("regularity", "recurring"),
            ("disposal_cost_eur_per_unit", "45"),
            ("confidentiality", "anonymous"),
        ])
        .await
        .assert_status(StatusCode::SEE_OTHER);
}

async fn need_coffee_grounds(server: &TestServer) {
    let csrf = csrf_of(&server.get("/needs/new").await.text());
    server
        .post("/needs")
        .form(&[
            ("csrf", csrf.as_str()),
            ("accepts", "02 03 04"),
            ("description", "Substraat voor oesterzwammen"),
            ("quantity_per_year", "20"),
            ("unit", "t"),
            ("virgin_price_eur_per_unit", "30"),
            ("max_distance_km", "25"),
            ("licensed_for_hazardous", "false"),
            ("confidentiality", "anonymous"),
        ])
        .await
        .assert_status(StatusCode::SEE_OTHER);
}

/// Posts the list's pause or resume button of the flow `kind`/`id`.
async fn press(server: &TestServer, kind: &str, id: &str, action: &str) {
    let csrf = csrf_of(&server.get(&format!("/{kind}")).await.text());
    server
        .post(&format!("/{kind}/{id}/{action}"))
        .form(&[("csrf", csrf.as_str())])
        .await
        .assert_status(StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn pausing_an_offer_takes_it_out_of_the_counterparts_matches_and_resuming_brings_it_back() {
    let app = TestApp::spawn().await;
    let roaster = signed_in_firm(&app, "info@deboon.nl", "Koffiebranderij De Boon").await;
    let grower = signed_in_firm(&app, "info@zwam.nl", "Zwammerij Het Mycelium").await;
    offer_coffee_grounds(&roaster).await;
    need_coffee_grounds(&grower).await;
    let offer_id = the_offer(&app).await.id().to_string();
    let the_match = format!("name=\"offer\" value=\"{offer_id}\"");
    // The first visit builds the matcher's snapshot; the pause must not be hidden by it.
    assert!(grower.get("/matches").await.text().contains(&the_match));

    press(&roaster, "offers", &offer_id, "pause").await;

    let grower_view = grower.get("/matches").await.text();
    assert!(!grower_view.contains(&the_match), "{grower_view}");
    let roaster_view = roaster.get("/matches").await.text();
    assert!(
        roaster_view.contains("Deze stroom is gepauzeerd"),
        "{roaster_view}"
    );

    press(&roaster, "offers", &offer_id, "resume").await;

    assert!(grower.get("/matches").await.text().contains(&the_match));
    assert!(!roaster.get("/matches").await.text().contains("gepauzeerd"));
}

#[tokio::test]
async fn a_paused_need_leaves_the_suppliers_matches_until_resumed() {
    let app = TestApp::spawn().await;
    let roaster = signed_in_firm(&app, "info@deboon.nl", "Koffiebranderij De Boon").await;
    let (grower, browser) = firm_in_both_languages(&app, "info@zwam.nl", "Zwammerij").await;
    offer_coffee_grounds(&roaster).await;
    need_coffee_grounds(&grower).await;
    let need_id = the_need(&app).await.id().to_string();
    let the_match = format!("name=\"need\" value=\"{need_id}\"");
    assert!(roaster.get("/matches").await.text().contains(&the_match));

    press(&grower, "needs", &need_id, "pause").await;

    assert!(!roaster.get("/matches").await.text().contains(&the_match));
    let english = browser.get("/matches").await.text();
    assert!(english.contains("This flow is paused"), "{english}");

    press(&grower, "needs", &need_id, "resume").await;

    assert!(roaster.get("/matches").await.text().contains(&the_match));
}

#[tokio::test]
async fn interest_from_a_page_loaded_before_the_pause_is_refused() {
    let app = TestApp::spawn().await;
    let roaster = signed_in_firm(&app, "info@deboon.nl", "Koffiebranderij De Boon").await;
    let grower = signed_in_firm(&app, "info@zwam.nl", "Zwammerij Het Mycelium").await;
    offer_coffee_grounds(&roaster).await;
    need_coffee_grounds(&grower).await;
    let (offer_id, need_id) = (
        the_offer(&app).await.id().to_string(),
        the_need(&app).await.id().to_string(),
    );
    // The grower's page still shows the match when the roaster pauses.
    let csrf = csrf_of(&grower.get("/matches").await.text());
    press(&roaster, "offers", &offer_id, "pause").await;

    let answer = grower
        .post("/exchanges")
        .form(&[
            ("csrf", csrf.as_str()),
            ("offer", offer_id.as_str()),
            ("need", need_id.as_str()),
        ])
        .await;
    answer.assert_status(StatusCode::NOT_FOUND);
    assert!(
        !grower
            .get("/exchanges")
            .await
            .text()
            .contains("/exchanges/1"),
        "no exchange was opened"
    );
}
