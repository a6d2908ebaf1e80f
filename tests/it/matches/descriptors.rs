//! Descriptors in the live matcher (issue #11): a flow's class and a need's accepted classes,
//! written through storage, decide what `/matches` suggests and the reasons say why, in Dutch
//! and in English; a firm across the border sees the procedure and its lead time.

use axum::http::StatusCode;
use axum_test::TestServer;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
use symbiose::domain::descriptors::{NeedDescriptorFields, NeedDescriptors};
use symbiose::storage::entities::{companies, needs, offers};

use super::{firm, offer_coffee_grounds};
use crate::accounts::csrf_of;
use crate::common::TestApp;
use crate::exchanges::in_english;

/// A need for 02 03 04 with this description and virgin price.
pub(super) async fn need_for_02_03_04(server: &TestServer, description: &str, virgin: &str) {
    let csrf = csrf_of(&server.get("/needs/new").await.text());
    server
        .post("/needs")
        .form(&[
            ("csrf", csrf.as_str()),
            ("accepts", "02 03 04"),
            ("description", description),
            ("quantity_per_year", "20"),
            ("unit", "t"),
            ("virgin_price_eur_per_unit", virgin),
            ("max_distance_km", "25"),
            ("licensed_for_hazardous", "false"),
            ("confidentiality", "anonymous"),
        ])
        .await
        .assert_status(StatusCode::SEE_OTHER);
}

/// Writes a need's accepted classes (and its key back), found by its description.
async fn need_accepting(app: &TestApp, description: &str, classes: &str) -> String {
    let descriptors = NeedDescriptors::parse(&NeedDescriptorFields {
        accepted_classes: classes.into(),
        ..Default::default()
    })
    .unwrap();
    needs::Entity::update_many()
        .col_expr(
            needs::Column::Descriptors,
            Expr::value(serde_json::to_string(&descriptors).unwrap()),
        )
        .filter(needs::Column::Description.eq(description))
        .exec(&app.db)
        .await
        .unwrap();
    let row = needs::Entity::find()
        .filter(needs::Column::Description.eq(description))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    row.key
}

/// A roaster's coffee grounds (class stated), a care kitchen taking only edible vegetable
/// off-cuts at €700/t and a digester taking coffee grounds at €30/t; the two need keys.
pub(super) async fn roaster_kitchen_digester(app: &TestApp) -> (TestServer, String, String) {
    let roaster = firm(app, "info@deboon.nl", "Koffiebranderij De Boon").await;
    let kitchen = firm(app, "keuken@delinde.nl", "Zorgkeuken De Linde").await;
    let digester = firm(app, "info@vergister.nl", "Vergisting Weert").await;
    offer_coffee_grounds(&roaster, "anonymous").await;
    need_for_02_03_04(&kitchen, "Verse groenteresten voor de zorgkeuken", "700").await;
    need_for_02_03_04(&digester, "Koffiedik voor vergisting", "30").await;
    offers::Entity::update_many()
        .col_expr(
            offers::Column::MaterialClass,
            Expr::value("food.coffee-grounds"),
        )
        .exec(&app.db)
        .await
        .unwrap();
    let kitchen_need = need_accepting(
        app,
        "Verse groenteresten voor de zorgkeuken",
        "food.vegetable-offcuts",
    )
    .await;
    let digester_need =
        need_accepting(app, "Koffiedik voor vergisting", "food.coffee-grounds").await;
    // Written behind the app's back (the forms for descriptors are another change's).
    app.app.app.snapshot.invalidate().await;
    (roaster, kitchen_need, digester_need)
}

#[tokio::test]
async fn coffee_grounds_go_to_the_digester_not_the_care_kitchen_with_the_fit_in_the_reasons() {
    let app = TestApp::spawn().await;
    let (roaster, kitchen_need, digester_need) = roaster_kitchen_digester(&app).await;

    let page = roaster.get("/matches").await.text();

    assert!(
        page.contains(&format!("name=\"need\" value=\"{digester_need}\"")),
        "{page}"
    );
    assert!(
        !page.contains(&format!("value=\"{kitchen_need}\"")),
        "the kitchen pays more but takes no coffee grounds: {page}"
    );
    assert!(
        page.contains("technische fit 0,"),
        "the fit is among the reasons: {page}"
    );
    assert!(page.contains("materiaalklasse 1,"), "{page}");
    assert!(page.contains("eerdere uitwisselingen onbekend"), "{page}");
    assert!(!page.contains("matches-"), "no raw locale keys: {page}");
    let english = in_english(roaster.get("/matches")).await.text();
    assert!(english.contains("technical fit 0."), "{english}");
    assert!(english.contains("material class 1,"), "{english}");
}

#[tokio::test]
async fn a_receiver_across_the_border_sees_the_notification_and_its_lead_time() {
    let app = TestApp::spawn().await;
    let (roaster, _, digester_need) = roaster_kitchen_digester(&app).await;
    companies::Entity::update_many()
        .col_expr(companies::Column::Country, Expr::value("DE"))
        .filter(companies::Column::Name.eq("Vergisting Weert"))
        .exec(&app.db)
        .await
        .unwrap();
    app.app.app.snapshot.invalidate().await;

    let page = roaster.get("/matches").await.text();

    assert!(
        page.contains(&format!("value=\"{digester_need}\"")),
        "a notification is amber, not refused: {page}"
    );
    assert!(
        page.contains(
            "over de grens van Nederland naar Duitsland: vooraf schriftelijke kennisgeving"
        ),
        "{page}"
    );
    assert!(page.contains("reken op ongeveer 30 dagen"), "{page}");
    let english = in_english(roaster.get("/matches")).await.text();
    assert!(
        english.contains("across the border from the Netherlands to Germany"),
        "{english}"
    );
    assert!(english.contains("allow about 30 days"), "{english}");
}
