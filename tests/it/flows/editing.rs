//! Changing an own flow: the add form again, filled, checked by the same rules; only the owner.

use axum::http::StatusCode;
use axum_test::TestServer;
use sea_orm::ConnectionTrait;

use super::{add_cardboard_offer, firm_in_both_languages, signed_in_firm, the_need, the_offer};
use crate::accounts::csrf_of;
use crate::common::TestApp;

/// The cardboard offer's edit form as posted, with `quantity` and `description` changed.
async fn edit_cardboard_offer(
    server: &TestServer,
    offer_id: &str,
    quantity: &str,
    description: &str,
) -> axum_test::TestResponse {
    let path = format!("/offers/{offer_id}/edit");
    let csrf = csrf_of(&server.get(&path).await.text());
    server
        .post(&path)
        .form(&[
            ("csrf", csrf.as_str()),
            ("zoek", ""),
            ("material", "15 01 01"),
            ("description", description),
            ("quantity_per_year", quantity),
            ("unit", "t"),
            ("regularity", "one-off"),
            ("disposal_cost_eur_per_unit", "15"),
            ("confidentiality", "public"),
        ])
        .await
}

async fn add_pig_feed_need(server: &TestServer) {
    let csrf = csrf_of(&server.get("/needs/new").await.text());
    server
        .post("/needs")
        .form(&[
            ("csrf", csrf.as_str()),
            ("accepts", "02 06 01"),
            ("description", "Natvoer voor varkens"),
            ("quantity_per_year", "300"),
            ("unit", "t"),
            ("min_lot_per_year", "10"),
            ("virgin_price_eur_per_unit", "120"),
            ("max_distance_km", "40"),
            ("licensed_for_hazardous", "false"),
            ("confidentiality", "anonymous"),
        ])
        .await
        .assert_status(StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn the_edit_form_is_filled_with_the_offers_current_values() {
    let app = TestApp::spawn().await;
    let owner = signed_in_firm(&app, "a@bakkerij.nl", "Bakkerij").await;
    add_cardboard_offer(&owner, "12,5").await;
    let offer_id = the_offer(&app).await.id().to_string();

    let page = owner.get(&format!("/offers/{offer_id}/edit")).await;

    page.assert_status_ok();
    let html = page.text();
    assert!(html.contains("Reststroom wijzigen"), "{html}");
    assert!(html.contains("value=\"Dozen van de inpak\""), "{html}");
    assert!(
        html.contains("value=\"12,5\""),
        "in the reader's notation: {html}"
    );
    assert!(
        html.contains("type=\"radio\" name=\"material\" value=\"15 01 01\" checked"),
        "the stored material is chosen without a search: {html}"
    );
    assert!(html.contains(&format!("action=\"/offers/{offer_id}/edit\"")));
}

#[tokio::test]
async fn the_owner_edits_an_offer_and_the_stored_offer_changes() {
    let app = TestApp::spawn().await;
    let owner = signed_in_firm(&app, "a@bakkerij.nl", "Bakkerij").await;
    add_cardboard_offer(&owner, "5").await;
    let offer_id = the_offer(&app).await.id().to_string();

    let response = edit_cardboard_offer(&owner, &offer_id, "7,5", "Gevouwen dozen").await;

    response.assert_status(StatusCode::SEE_OTHER);
    assert_eq!(response.header("location"), "/offers");
    let offer = the_offer(&app).await;
    assert_eq!(offer.id().as_str(), offer_id, "the same offer, changed");
    assert_eq!(offer.quantity().amount(), 7.5);
    assert_eq!(offer.description(), "Gevouwen dozen");
    assert_eq!(offer.disposal_cost_eur_per_unit(), 15.0);
    assert_eq!(offer.regularity().as_str(), "one-off");
    assert_eq!(offer.confidentiality().as_str(), "public");
    assert!(owner.get("/offers").await.text().contains("Gevouwen dozen"));
}

#[tokio::test]
async fn a_refused_edit_shows_the_field_message_in_dutch_and_english_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let (owner, browser) = firm_in_both_languages(&app, "a@bakkerij.nl", "Bakkerij").await;
    add_cardboard_offer(&owner, "5").await;
    let before = the_offer(&app).await;
    let offer_id = before.id().to_string();

    let dutch = edit_cardboard_offer(&owner, &offer_id, "-3", "Gevouwen dozen").await;
    let english = edit_cardboard_offer(&browser, &offer_id, "nul", "Gevouwen dozen").await;

    dutch.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        dutch
            .text()
            .contains("Vul een hoeveelheid groter dan 0 in."),
        "{}",
        dutch.text()
    );
    english.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    let english = english.text();
    assert!(
        english.contains("Enter a quantity greater than 0."),
        "{english}"
    );
    assert!(
        english.contains("value=\"Gevouwen dozen\""),
        "what was typed stays in the form"
    );
    assert_eq!(the_offer(&app).await, before, "nothing changed");
}

#[tokio::test]
async fn saving_an_edit_confirms_an_outdated_flow_as_current() {
    let app = TestApp::spawn().await;
    let owner = signed_in_firm(&app, "a@bakkerij.nl", "Bakkerij").await;
    add_cardboard_offer(&owner, "5").await;
    let offer_id = the_offer(&app).await.id().to_string();
    let long_ago = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    app.db
        .execute_unprepared("UPDATE offers SET last_confirmed = '2020-01-01'")
        .await
        .unwrap();
    assert!(owner.get("/offers").await.text().contains("Verouderd"));

    edit_cardboard_offer(&owner, &offer_id, "5", "Dozen van de inpak")
        .await
        .assert_status(StatusCode::SEE_OTHER);

    assert!(the_offer(&app).await.last_confirmed() > long_ago);
    assert!(!owner.get("/offers").await.text().contains("Verouderd"));
}

#[tokio::test]
async fn the_owner_edits_a_need_and_its_accepted_materials_are_replaced() {
    let app = TestApp::spawn().await;
    let owner = signed_in_firm(&app, "boer@varkens.nl", "Varkenshouderij").await;
    add_pig_feed_need(&owner).await;
    let need_id = the_need(&app).await.id().to_string();
    let path = format!("/needs/{need_id}/edit");
    let form = owner
        .get(&path)
        .add_query_param("zoek", "brood")
        .await
        .text();
    assert!(
        form.contains("name=\"accepts\" value=\"02 06 01\" checked"),
        "{form}"
    );
    assert!(form.contains("value=\"300\"") && form.contains("value=\"40\""));

    let response = owner
        .post(&path)
        .form(&[
            ("csrf", csrf_of(&form).as_str()),
            ("zoek", "brood"),
            ("accepts", "02 07 04"),
            ("accepts", "02 03 04"),
            ("description", "Droogvoer"),
            ("quantity_per_year", "250"),
            ("unit", "t"),
            ("min_lot_per_year", "5"),
            ("virgin_price_eur_per_unit", "110"),
            ("max_distance_km", "30"),
            ("licensed_for_hazardous", "false"),
            ("confidentiality", "anonymous"),
        ])
        .await;

    response.assert_status(StatusCode::SEE_OTHER);
    let need = the_need(&app).await;
    let accepts: Vec<String> = need.accepts().iter().map(|a| a.to_code()).collect();
    assert_eq!(accepts, ["02 07 04", "02 03 04"]);
    assert_eq!(need.quantity().amount(), 250.0);
    assert_eq!(need.max_distance_km(), 30.0);
    assert_eq!(need.description(), "Droogvoer");
}

#[tokio::test]
async fn a_need_edit_without_materials_is_refused_and_keeps_the_old_list() {
    let app = TestApp::spawn().await;
    let owner = signed_in_firm(&app, "boer@varkens.nl", "Varkenshouderij").await;
    add_pig_feed_need(&owner).await;
    let before = the_need(&app).await;
    let path = format!("/needs/{}/edit", before.id());
    let csrf = csrf_of(&owner.get(&path).await.text());

    let response = owner
        .post(&path)
        .form(&[
            ("csrf", csrf.as_str()),
            ("description", "Natvoer"),
            ("quantity_per_year", "300"),
            ("unit", "t"),
            ("virgin_price_eur_per_unit", "120"),
            ("max_distance_km", "0"),
            ("licensed_for_hazardous", "false"),
            ("confidentiality", "anonymous"),
        ])
        .await;

    response.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text();
    assert!(
        html.contains("Kies minstens één materiaal dat past bij de gekozen eenheid."),
        "{html}"
    );
    assert!(html.contains("Vul een afstand groter dan 0 km in."));
    assert_eq!(the_need(&app).await, before);
}

#[tokio::test]
async fn another_firm_gets_not_found_on_edit_pause_and_resume() {
    let app = TestApp::spawn().await;
    let owner = signed_in_firm(&app, "a@bakkerij.nl", "Bakkerij").await;
    add_cardboard_offer(&owner, "5").await;
    add_pig_feed_need(&owner).await;
    let (offer, need) = (the_offer(&app).await, the_need(&app).await);
    let intruder = signed_in_firm(&app, "b@concurrent.nl", "Concurrent").await;
    let csrf = csrf_of(&intruder.get("/offers").await.text());

    for (kind, id) in [("offers", offer.id()), ("needs", need.id())] {
        let edit = format!("/{kind}/{id}/edit");
        let page = intruder.get(&edit).await;
        page.assert_status(StatusCode::NOT_FOUND);
        assert!(!page.text().contains("Dozen van de inpak"));
        let posts = [
            (
                edit.clone(),
                vec![
                    ("csrf", csrf.as_str()),
                    ("material", "15 01 01"),
                    ("accepts", "15 01 01"),
                    ("quantity_per_year", "1"),
                    ("disposal_cost_eur_per_unit", "0"),
                    ("virgin_price_eur_per_unit", "1"),
                    ("max_distance_km", "5"),
                ],
            ),
            (format!("/{kind}/{id}/pause"), vec![("csrf", csrf.as_str())]),
            (
                format!("/{kind}/{id}/resume"),
                vec![("csrf", csrf.as_str())],
            ),
        ];
        for (path, form) in posts {
            intruder
                .post(&path)
                .form(&form)
                .await
                .assert_status(StatusCode::NOT_FOUND);
        }
    }

    assert_eq!(the_offer(&app).await, offer);
    assert_eq!(the_need(&app).await, need);
    let paused = symbiose::storage::flows::paused_flows(&app.db, None)
        .await
        .unwrap();
    assert!(paused.offers.is_empty() && paused.needs.is_empty());
}

#[tokio::test]
async fn without_the_csrf_token_edit_pause_and_resume_are_refused_and_change_nothing() {
    let app = TestApp::spawn().await;
    let owner = signed_in_firm(&app, "a@bakkerij.nl", "Bakkerij").await;
    add_cardboard_offer(&owner, "5").await;
    let offer = the_offer(&app).await;
    let id = offer.id();

    let edit = owner
        .post(&format!("/offers/{id}/edit"))
        .form(&[
            ("material", "15 01 01"),
            ("description", "Vervalst"),
            ("quantity_per_year", "99"),
            ("disposal_cost_eur_per_unit", "1"),
        ])
        .await;
    let pause = owner
        .post(&format!("/offers/{id}/pause"))
        .form(&[("csrf", "forged")])
        .await;

    edit.assert_status(StatusCode::FORBIDDEN);
    pause.assert_status(StatusCode::FORBIDDEN);
    assert_eq!(the_offer(&app).await, offer);
    let paused = symbiose::storage::flows::paused_flows(&app.db, None)
        .await
        .unwrap();
    assert!(paused.offers.is_empty());
    // Paused properly, a forged resume leaves it paused.
    let csrf = csrf_of(&owner.get("/offers").await.text());
    owner
        .post(&format!("/offers/{id}/pause"))
        .form(&[("csrf", csrf.as_str())])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    owner
        .post(&format!("/offers/{id}/resume"))
        .form(&[("csrf", "")])
        .await
        .assert_status(StatusCode::FORBIDDEN);
    let paused = symbiose::storage::flows::paused_flows(&app.db, None)
        .await
        .unwrap();
    assert!(paused.offer(id.as_str()));
}

#[tokio::test]
async fn a_description_with_a_script_tag_shows_as_text_on_the_edit_page() {
    let app = TestApp::spawn().await;
    let owner = signed_in_firm(&app, "a@bakkerij.nl", "Bakkerij").await;
    add_cardboard_offer(&owner, "5").await;
    let offer_id = the_offer(&app).await.id().to_string();
    edit_cardboard_offer(&owner, &offer_id, "5", "<script>alert(1)</script>")
        .await
        .assert_status(StatusCode::SEE_OTHER);

    let html = owner.get(&format!("/offers/{offer_id}/edit")).await.text();

    assert!(!html.contains("<script>alert(1)</script>"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
}
