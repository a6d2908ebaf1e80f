//! Material classes and descriptors through the flow forms (issue #11): saved, shown back on
//! the edit form and the list, refused with a message naming the field, and seen by other
//! firms only where the flow itself is.

use axum::http::StatusCode;
use axum_test::{TestResponse, TestServer};
use symbiose::domain::descriptors::{LegalStatus, PhysicalForm, Property, Strength};

use super::{firm_in_both_languages, signed_in_firm, the_need, the_offer};
use crate::accounts::csrf_of;
use crate::common::TestApp;

/// Coffee grounds under 02 03 04 with the fields of `extra` added (or replaced).
async fn add_grounds(server: &TestServer, extra: &[(&str, &str)]) -> TestResponse {
    let csrf = csrf_of(&server.get("/offers/new").await.text());
    let mut fields: Vec<(String, String)> = [
        ("csrf", csrf.as_str()),
        ("material", "02 03 04"),
        ("description", "Koffiedik uit de branderij"),
        ("quantity_per_year", "40"),
        ("unit", "t"),
        ("regularity", "recurring"),
        ("disposal_cost_eur_per_unit", "60"),
        ("confidentiality", "anonymous"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    for (name, value) in extra {
        fields.retain(|(k, _)| k != name);
        fields.push((name.to_string(), value.to_string()));
    }
    server.post("/offers").form(&fields).await
}

const DESCRIBED: [(&str, &str); 6] = [
    ("material_class", "food.coffee-grounds"),
    ("legal_status", "waste"),
    ("food_grade_origin", "no"),
    ("physical_form", "sludge"),
    ("moisture_pct", "55,5"),
    ("foreign_matter_pct", "2"),
];

#[tokio::test]
async fn an_offers_descriptors_are_saved_shown_on_the_list_and_filled_into_the_edit_form() {
    let app = TestApp::spawn().await;
    let owner = signed_in_firm(&app, "a@branderij.nl", "Branderij").await;

    add_grounds(&owner, &DESCRIBED)
        .await
        .assert_status(StatusCode::SEE_OTHER);

    let offer = the_offer(&app).await;
    assert_eq!(
        offer.material_class_key().map(|k| k.as_str()),
        Some("food.coffee-grounds")
    );
    let stated = offer.descriptors();
    assert_eq!(stated.legal_status, Some(LegalStatus::Waste));
    assert_eq!(stated.food_grade_origin, Some(false));
    assert_eq!(stated.form, Some(PhysicalForm::Sludge));
    assert_eq!(stated.properties.get(Property::Moisture), Some(55.5));
    assert_eq!(stated.properties.get(Property::ForeignMatter), Some(2.0));
    let list = owner.get("/offers").await.text();
    assert!(
        list.contains("Koffiedik") && list.contains("Afvalstof"),
        "{list}"
    );
    assert!(list.contains("Vocht (%) 55,5"), "{list}");
    let form = owner
        .get(&format!("/offers/{}/edit", offer.id()))
        .await
        .text();
    assert!(
        form.contains("value=\"food.coffee-grounds\" selected"),
        "{form}"
    );
    assert!(form.contains("value=\"sludge\" selected"), "{form}");
    assert!(
        form.contains("value=\"55,5\""),
        "in the reader's notation: {form}"
    );
    assert!(form.contains("Beschrijving van het materiaal"), "{form}");
}

#[tokio::test]
async fn an_offer_without_descriptors_stays_unknown() {
    let app = TestApp::spawn().await;
    let owner = signed_in_firm(&app, "a@branderij.nl", "Branderij").await;

    add_grounds(&owner, &[("legal_status", ""), ("moisture_pct", "")])
        .await
        .assert_status(StatusCode::SEE_OTHER);

    let offer = the_offer(&app).await;
    assert!(offer.material_class_key().is_none());
    assert!(offer.descriptors().is_unknown());
}

#[tokio::test]
async fn bad_descriptors_are_refused_with_a_message_at_each_field_and_nothing_is_saved() {
    let app = TestApp::spawn().await;
    let owner = signed_in_firm(&app, "a@branderij.nl", "Branderij").await;

    let refused = add_grounds(
        &owner,
        &[
            ("moisture_pct", "140"),
            ("hazard_properties", "HP4"),
            ("legal_status", "contraband"),
        ],
    )
    .await;

    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text();
    assert!(html.contains("Vul een getal in van 0 tot 100 %"), "{html}");
    assert!(
        html.contains("alleen bij een gevaarlijke (*) afvalcode"),
        "{html}"
    );
    assert!(html.contains("Kies een status uit de lijst."), "{html}");
    assert!(
        html.contains("value=\"140\""),
        "the typed value is shown again: {html}"
    );
    let region = symbiose::storage::load_region(&app.db).await.unwrap();
    assert!(region.offers.is_empty(), "nothing saved");
}

#[tokio::test]
async fn a_class_of_another_code_is_refused_at_the_class_field_in_english_too() {
    let app = TestApp::spawn().await;
    let (dutch, english) = firm_in_both_languages(&app, "a@branderij.nl", "Branderij").await;
    let cardboard = [
        ("material", "15 01 01"),
        ("material_class", "food.coffee-grounds"),
    ];

    let refused = add_grounds(&dutch, &cardboard).await;

    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .text()
            .contains("Deze klasse past niet bij de gekozen afvalcode")
    );
    let again = add_grounds(&english, &cardboard).await;
    again.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        again
            .text()
            .contains("This class does not fit the chosen waste code")
    );
    let region = symbiose::storage::load_region(&app.db).await.unwrap();
    assert!(region.offers.is_empty(), "nothing saved");
}

async fn add_kitchen_need(server: &TestServer, specs: &str) -> TestResponse {
    let csrf = csrf_of(&server.get("/needs/new").await.text());
    server
        .post("/needs")
        .form(&[
            ("csrf", csrf.as_str()),
            ("accepts", "02 03 04"),
            ("description", "Groente voor de soep"),
            ("quantity_per_year", "12"),
            ("unit", "t"),
            ("min_lot_per_year", "0"),
            ("virgin_price_eur_per_unit", "900"),
            ("max_distance_km", "30"),
            ("licensed_for_hazardous", "false"),
            ("confidentiality", "public"),
            ("accepted_classes", "food.vegetable-offcuts"),
            ("accepted_classes", "fats"),
            ("specs", specs),
            ("treatment", "R3"),
            ("intended_use", "food"),
            ("licences", "abp-3"),
            ("licences", "feed"),
        ])
        .await
}

#[tokio::test]
async fn a_needs_descriptors_are_saved_and_shown_back() {
    let app = TestApp::spawn().await;
    let kitchen = signed_in_firm(&app, "k@zorgkeuken.nl", "Zorgkeuken").await;

    add_kitchen_need(&kitchen, "vocht<=90 hard; foreign-matter<=1")
        .await
        .assert_status(StatusCode::SEE_OTHER);

    let need = the_need(&app).await;
    let stated = need.descriptors();
    let classes: Vec<&str> = stated.accepted_classes.iter().map(|k| k.as_str()).collect();
    assert_eq!(classes, ["food.vegetable-offcuts", "fats"]);
    assert_eq!(stated.specs.len(), 2);
    assert_eq!(stated.specs[0].max, Some(90.0));
    assert_eq!(stated.specs[0].strength, Strength::Hard);
    assert_eq!(stated.specs[1].strength, Strength::Soft);
    assert_eq!(
        stated.treatment.map(|t| t.to_string()).as_deref(),
        Some("R3")
    );
    assert_eq!(stated.licences.len(), 2);
    let list = kitchen.get("/needs").await.text();
    assert!(list.contains("Eetbare groenteresten"), "{list}");
    assert!(list.contains("Gebruik: Voedsel"), "{list}");
    let form = kitchen
        .get(&format!("/needs/{}/edit", need.id()))
        .await
        .text();
    assert!(
        form.contains("value=\"food.vegetable-offcuts\" selected"),
        "{form}"
    );
    assert!(form.contains("value=\"fats\" selected"), "{form}");
    assert!(form.contains("value=\"R3\" selected"), "{form}");
    assert!(form.contains("value=\"abp-3\" checked"), "{form}");
    assert!(
        form.contains("moisture&lt;=90 hard; foreign-matter&lt;=1 soft"),
        "{form}"
    );
}

#[tokio::test]
async fn a_bad_spec_is_refused_at_its_field_and_nothing_is_saved() {
    let app = TestApp::spawn().await;
    let kitchen = signed_in_firm(&app, "k@zorgkeuken.nl", "Zorgkeuken").await;

    let refused = add_kitchen_need(&kitchen, "kleur=rood hard").await;

    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().contains("Schrijf per eigenschap een grens"));
    let region = symbiose::storage::load_region(&app.db).await.unwrap();
    assert!(region.needs.is_empty(), "nothing saved");
}

#[tokio::test]
async fn other_firms_see_descriptors_only_where_they_see_the_flow() {
    let app = TestApp::spawn().await;
    let owner = signed_in_firm(&app, "a@branderij.nl", "Branderij").await;
    let other = signed_in_firm(&app, "b@kwekerij.nl", "Kwekerij").await;
    add_grounds(&owner, &DESCRIBED)
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let offer_id = the_offer(&app).await.id().to_string();

    let overview = other.get("/firms").await.text();
    assert!(
        overview.contains("Branderij"),
        "the firm is listed: {overview}"
    );
    assert!(
        !overview.contains("Koffiedik") && !overview.contains("Vocht (%)"),
        "an anonymous flow's class and descriptors stay hidden: {overview}"
    );
    other
        .get(&format!("/offers/{offer_id}/edit"))
        .await
        .assert_status(StatusCode::NOT_FOUND);

    let mut public: Vec<(&str, &str)> = DESCRIBED.to_vec();
    public.push(("confidentiality", "public"));
    add_grounds(&owner, &public)
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let overview = other.get("/firms").await.text();
    assert!(
        overview.contains("Koffiedik"),
        "a public flow's class shows: {overview}"
    );
    assert!(overview.contains("Vocht (%) 55,5"), "{overview}");
}
