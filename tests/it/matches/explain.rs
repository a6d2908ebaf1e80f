//! "Past dit bij uw stromen?" on a listing (issue #11): a firm reads, for each of its own flows
//! of the other kind, whether `/matches` suggests the pair and why (not), in Dutch and
//! English, without values of the other firm that its listing does not show.

use axum_test::TestServer;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
use symbiose::domain::descriptors::{
    NeedDescriptorFields, NeedDescriptors, OfferDescriptorFields, OfferDescriptors,
};
use symbiose::storage::entities::{companies, needs, offers};

use super::descriptors::roaster_kitchen_digester;
use crate::accounts::{login, saving_cookies};
use crate::common::TestApp;
use crate::coordinator::coordinator;
use crate::exchanges::in_english;

const HEADING: &str = "Past dit bij uw stromen?";

/// The roaster's coffee-grounds offer key.
pub(super) async fn offer_key(app: &TestApp) -> String {
    offers::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .key
}

/// The section "Past dit bij uw stromen?" of a page (empty when it has none).
fn section(page: &str) -> &str {
    let Some(start) = page.find("<section class=\"pair-fit\">") else {
        return "";
    };
    let rest = &page[start..];
    &rest[..rest.find("</section>").unwrap()]
}

async fn listing(server: &TestServer, kind: &str, key: &str) -> String {
    let response = server.get(&format!("/listings/{kind}/{key}")).await;
    response.assert_status_ok();
    response.text()
}

/// Moves a firm across the border.
async fn move_to(app: &TestApp, firm: &str, country: &str) {
    companies::Entity::update_many()
        .col_expr(companies::Column::Country, Expr::value(country))
        .filter(companies::Column::Name.eq(firm))
        .exec(&app.db)
        .await
        .unwrap();
    app.app.app.snapshot.invalidate().await;
}

#[tokio::test]
async fn the_roaster_reads_on_the_care_kitchens_need_that_its_class_is_not_accepted() {
    let app = TestApp::spawn().await;
    let (roaster, kitchen_need, _) = roaster_kitchen_digester(&app).await;

    let page = listing(&roaster, "needs", &kitchen_need).await;
    let fits = section(&page);

    assert!(fits.contains(HEADING), "{page}");
    assert!(fits.contains("Wordt niet voorgesteld"), "{fits}");
    assert!(
        fits.contains("de ontvanger neemt de materiaalklasse Koffiedik niet af"),
        "the class is the roaster's own, so it is named: {fits}"
    );
    assert!(
        !fits.contains("market-") && !fits.contains("matches-"),
        "{fits}"
    );
    let english = in_english(roaster.get(&format!("/listings/needs/{kitchen_need}")))
        .await
        .text();
    assert!(
        section(&english)
            .contains("the receiver does not accept the material class Spent coffee grounds"),
        "{english}"
    );
}

#[tokio::test]
async fn the_care_kitchen_reads_on_the_offer_that_the_class_misses_without_learning_it() {
    let app = TestApp::spawn().await;
    let (_, _, _) = roaster_kitchen_digester(&app).await;
    let kitchen = saving_cookies(&app);
    login(&kitchen, "keuken@delinde.nl", "koffiedik-2026").await;
    let offer = offer_key(&app).await;

    let page = listing(&kitchen, "offers", &offer).await;
    let fits = section(&page);

    assert!(
        fits.contains("Uw vraag: Verse groenteresten voor de zorgkeuken"),
        "{fits}"
    );
    assert!(
        fits.contains(
            "de materiaalklasse van dit aanbod hoort niet bij de klassen die uw vraag accepteert"
        ),
        "{fits}"
    );
    assert!(
        !fits.contains("Koffiedik"),
        "the offer's class is not on its listing, so not in the reason: {fits}"
    );
}

#[tokio::test]
async fn the_roaster_reads_on_the_digesters_need_that_it_is_suggested_with_its_fit() {
    let app = TestApp::spawn().await;
    let (roaster, _, digester_need) = roaster_kitchen_digester(&app).await;

    let page = listing(&roaster, "needs", &digester_need).await;
    let fits = section(&page);

    assert!(fits.contains("Uw aanbod:"), "{fits}");
    assert!(fits.contains("Wordt voorgesteld"), "{fits}");
    assert!(!fits.contains("Wordt niet voorgesteld"), "{fits}");
    assert!(fits.contains("technische fit 0,"), "{fits}");
    assert!(fits.contains("materiaalklasse 1,"), "{fits}");
    assert!(fits.contains("netto voordeel €"), "{fits}");
    assert!(fits.contains("href=\"/matches\""), "{fits}");
    let english = in_english(roaster.get(&format!("/listings/needs/{digester_need}")))
        .await
        .text();
    assert!(section(&english).contains("Suggested"), "{english}");
    assert!(section(&english).contains("technical fit 0."), "{english}");
}

#[tokio::test]
async fn a_receiver_across_the_border_is_suggested_with_the_amber_notification() {
    let app = TestApp::spawn().await;
    let (roaster, _, digester_need) = roaster_kitchen_digester(&app).await;
    move_to(&app, "Vergisting Weert", "DE").await;

    let page = listing(&roaster, "needs", &digester_need).await;
    let fits = section(&page);

    assert!(fits.contains("Wordt voorgesteld"), "{fits}");
    assert!(fits.contains("class=\"border amber\""), "{fits}");
    assert!(
        fits.contains(
            "over de grens van Nederland naar Duitsland: vooraf schriftelijke kennisgeving"
        ),
        "{fits}"
    );
    assert!(fits.contains("reken op ongeveer 30 dagen"), "{fits}");
}

#[tokio::test]
async fn disposal_across_the_border_is_refused_on_the_listing() {
    let app = TestApp::spawn().await;
    let (roaster, _, digester_need) = roaster_kitchen_digester(&app).await;
    let disposal = NeedDescriptors::parse(&NeedDescriptorFields {
        accepted_classes: "food.coffee-grounds".into(),
        treatment: "D10".into(),
        ..Default::default()
    })
    .unwrap();
    needs::Entity::update_many()
        .col_expr(
            needs::Column::Descriptors,
            Expr::value(serde_json::to_string(&disposal).unwrap()),
        )
        .filter(needs::Column::Key.eq(digester_need.as_str()))
        .exec(&app.db)
        .await
        .unwrap();
    // Stated waste: the treatment then decides (unknown status would need a notification).
    let waste = OfferDescriptors::parse(&OfferDescriptorFields {
        legal_status: "waste".into(),
        ..Default::default()
    })
    .unwrap();
    offers::Entity::update_many()
        .col_expr(
            offers::Column::Descriptors,
            Expr::value(serde_json::to_string(&waste).unwrap()),
        )
        .exec(&app.db)
        .await
        .unwrap();
    move_to(&app, "Vergisting Weert", "BE").await;

    let page = listing(&roaster, "needs", &digester_need).await;
    let fits = section(&page);

    assert!(fits.contains("Wordt niet voorgesteld"), "{fits}");
    assert!(
        fits.contains("verwijdering over de grens van Nederland naar België wordt geweigerd"),
        "{fits}"
    );
}

#[tokio::test]
async fn visitors_coordinators_and_the_listings_own_firm_see_no_verdicts() {
    let app = TestApp::spawn().await;
    let (roaster, kitchen_need, _) = roaster_kitchen_digester(&app).await;
    let offer = offer_key(&app).await;
    let (coordinator, _) = coordinator(&app).await;

    let own = listing(&roaster, "offers", &offer).await;
    let visitor = listing(&app.server(), "needs", &kitchen_need).await;
    let by_coordinator = listing(&coordinator, "needs", &kitchen_need).await;

    for page in [own, visitor, by_coordinator] {
        assert!(!page.contains(HEADING), "{page}");
        assert!(!page.contains("Wordt voorgesteld"), "{page}");
    }
}
