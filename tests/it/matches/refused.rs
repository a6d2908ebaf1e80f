//! No exchange for a pair a hard rule or the border refuses (issue #11): the listing offers
//! no "Interesse" for it, and a crafted form is answered 422 with the reason, opening nothing.

use axum::http::StatusCode;
use axum_test::TestServer;
use sea_orm::{EntityTrait, PaginatorTrait};
use symbiose::storage::entities::exchanges;

use super::descriptors::roaster_kitchen_digester;
use super::explain::offer_key;
use crate::accounts::{csrf_of, login, saving_cookies};
use crate::common::TestApp;

/// Says "interested" on the pair through the form, as a crafted request would.
async fn interested(
    firm: &TestServer,
    page: &str,
    offer: &str,
    need: &str,
) -> (StatusCode, String) {
    let csrf = csrf_of(&firm.get(page).await.text());
    let answer = firm
        .post("/exchanges")
        .form(&[("csrf", csrf.as_str()), ("offer", offer), ("need", need)])
        .expect_failure()
        .await;
    (answer.status_code(), answer.text())
}

async fn exchanges_count(app: &TestApp) -> u64 {
    exchanges::Entity::find().count(&app.db).await.unwrap()
}

#[tokio::test]
async fn the_roaster_gets_no_interest_button_for_the_kitchen_and_a_crafted_form_is_refused() {
    let app = TestApp::spawn().await;
    let (roaster, kitchen_need, digester_need) = roaster_kitchen_digester(&app).await;
    let offer = offer_key(&app).await;

    let kitchen_listing = roaster
        .get(&format!("/listings/needs/{kitchen_need}"))
        .await
        .text();
    assert!(
        !kitchen_listing.contains("action=\"/exchanges\""),
        "no interest for a class the kitchen does not take: {kitchen_listing}"
    );
    assert!(
        kitchen_listing.contains("Geen van uw stromen mag met deze stroom worden gekoppeld"),
        "{kitchen_listing}"
    );
    let digester_listing = roaster
        .get(&format!("/listings/needs/{digester_need}"))
        .await
        .text();
    assert!(
        digester_listing.contains("action=\"/exchanges\""),
        "the digester's listing keeps its button: {digester_listing}"
    );

    let page = format!("/listings/needs/{digester_need}");
    let (status, text) = interested(&roaster, &page, &offer, &kitchen_need).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{text}");
    assert!(
        text.contains("Voor deze combinatie kan geen uitwisseling worden geopend")
            && text.contains("de ontvanger neemt de materiaalklasse Koffiedik niet af"),
        "{text}"
    );
    assert_eq!(exchanges_count(&app).await, 0, "nothing was opened");
}

#[tokio::test]
async fn the_kitchen_is_refused_without_learning_the_offers_class() {
    let app = TestApp::spawn().await;
    let (_, kitchen_need, _) = roaster_kitchen_digester(&app).await;
    let kitchen = saving_cookies(&app);
    login(&kitchen, "keuken@delinde.nl", "koffiedik-2026").await;
    let offer = offer_key(&app).await;
    let page = format!("/listings/offers/{offer}");

    let listing = kitchen.get(&page).await.text();
    assert!(!listing.contains("action=\"/exchanges\""), "{listing}");

    let (status, text) = interested(&kitchen, &page, &offer, &kitchen_need).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{text}");
    assert!(
        text.contains("hoort niet bij de klassen die uw vraag accepteert"),
        "{text}"
    );
    assert!(
        !text.contains("Koffiedik"),
        "the class stays hidden: {text}"
    );
    assert_eq!(exchanges_count(&app).await, 0);
}

#[tokio::test]
async fn a_suggested_pair_still_opens_its_exchange() {
    let app = TestApp::spawn().await;
    let (roaster, _, digester_need) = roaster_kitchen_digester(&app).await;
    let offer = offer_key(&app).await;
    let csrf = csrf_of(&roaster.get("/matches").await.text());

    let answer = roaster
        .post("/exchanges")
        .form(&[
            ("csrf", csrf.as_str()),
            ("offer", offer.as_str()),
            ("need", digester_need.as_str()),
        ])
        .await;

    answer.assert_status(StatusCode::SEE_OTHER);
    assert_eq!(exchanges_count(&app).await, 1);
}
