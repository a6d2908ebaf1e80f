use super::*;
use crate::domain::descriptors::{NeedDescriptorFields, OfferDescriptorFields};
use crate::domain::material_class::Taxonomy;

fn offer(status: &str, food_grade: &str, properties: &str) -> OfferDescriptors {
    OfferDescriptors::parse(&OfferDescriptorFields {
        legal_status: status.into(),
        food_grade_origin: food_grade.into(),
        properties: properties.into(),
        ..Default::default()
    })
    .unwrap()
}

fn need(classes: &str, specs: &str, intended_use: &str, licences: &str) -> NeedDescriptors {
    NeedDescriptors::parse(&NeedDescriptorFields {
        accepted_classes: classes.into(),
        specs: specs.into(),
        intended_use: intended_use.into(),
        licences: licences.into(),
        ..Default::default()
    })
    .unwrap()
}

fn class(key: &str) -> Option<&'static MaterialClass> {
    Some(Taxonomy::get().class(key).unwrap())
}

#[test]
fn coffee_grounds_to_a_kitchen_wanting_vegetables_is_refused_by_class() {
    let reasons = infeasibilities(
        class("food.coffee-grounds"),
        &offer("waste", "no", ""),
        &need("food.vegetable-offcuts", "", "", ""),
    );
    assert_eq!(
        reasons,
        vec![Infeasibility::ClassNotAccepted {
            class: "food.coffee-grounds".into()
        }]
    );
}

#[test]
fn a_group_key_accepts_its_leaves() {
    let reasons = infeasibilities(
        class("food.vegetable-offcuts"),
        &OfferDescriptors::default(),
        &need("food", "", "", ""),
    );
    assert!(reasons.is_empty());
}

#[test]
fn all_unknown_refuses_nothing() {
    let reasons = infeasibilities(
        None,
        &OfferDescriptors::default(),
        &NeedDescriptors::default(),
    );
    assert!(reasons.is_empty());
}

#[test]
fn declared_category_3_needs_a_licence_and_category_1_covers_it() {
    let abp = offer("abp-3", "yes", "");
    let unlicensed = infeasibilities(class("animal.meat-offcuts"), &abp, &need("", "", "", ""));
    assert_eq!(unlicensed[0].key(), "abp-unlicensed");
    assert!(infeasibilities(None, &abp, &need("", "", "", "abp-1")).is_empty());
}

#[test]
fn an_animal_class_with_unknown_status_still_needs_the_licence() {
    let reasons = infeasibilities(
        class("animal.blood"),
        &OfferDescriptors::default(),
        &need("", "", "", "feed"),
    );
    assert_eq!(
        reasons,
        vec![Infeasibility::AnimalByProductUnlicensed {
            category: AbpCategory::Three,
            inferred: true
        }]
    );
}

#[test]
fn a_declared_non_abp_status_is_believed_over_the_class() {
    let reasons = infeasibilities(
        class("animal.shells-eggs"),
        &offer("by-product", "", ""),
        &need("", "", "", ""),
    );
    assert!(reasons.is_empty());
}

#[test]
fn catering_waste_never_goes_to_feed() {
    let reasons = infeasibilities(
        class("food.catering-waste"),
        &offer("abp-3", "yes", ""),
        &need("", "", "feed", "feed; abp-3"),
    );
    assert_eq!(
        reasons,
        vec![Infeasibility::NotFeedGrade {
            intended_use: IntendedUse::Feed,
            cause: FeedBlock::CateringWaste
        }]
    );
    assert_eq!(
        reasons[0].legal_source(),
        Some("Reg. (EC) 1069/2009 Art. 11(1)(b)")
    );
}

#[test]
fn feed_use_refuses_waste_non_food_grade_and_unknown_origin() {
    let feed = need("", "", "feed", "feed");
    let cause = |o: &OfferDescriptors, c| {
        infeasibilities(c, o, &feed)
            .iter()
            .find_map(|reason| match reason {
                Infeasibility::NotFeedGrade { cause, .. } => Some(*cause),
                _ => None,
            })
    };
    let veg = class("food.vegetable-offcuts");
    assert_eq!(
        cause(&offer("waste", "yes", ""), veg),
        Some(FeedBlock::StatusIsWaste)
    );
    assert_eq!(
        cause(&offer("", "no", ""), veg),
        Some(FeedBlock::NotFoodGradeOrigin)
    );
    assert_eq!(
        cause(&offer("", "", ""), veg),
        Some(FeedBlock::OriginUnknown)
    );
    assert_eq!(
        cause(&offer("abp-2", "yes", ""), None),
        Some(FeedBlock::AbpCategory1Or2)
    );
    assert_eq!(
        cause(
            &offer("by-product", "yes", ""),
            class("food.coffee-grounds")
        ),
        Some(FeedBlock::ClassNotFoodGrade)
    );
    assert_eq!(cause(&offer("by-product", "yes", ""), veg), None);
}

#[test]
fn a_hard_spec_refuses_a_known_value_outside_but_not_an_unknown_one() {
    let kiln = need("", "calorific-value>=15 hard; moisture<=20 soft", "", "");
    let reasons = infeasibilities(
        None,
        &offer("", "", "calorific-value=6; moisture=40"),
        &kiln,
    );
    assert_eq!(
        reasons,
        vec![Infeasibility::HardSpecViolated {
            property: Property::CalorificValue,
            value: 6.0,
            min: Some(15.0),
            max: None
        }]
    );
    assert!(infeasibilities(None, &offer("", "", "moisture=40"), &kiln).is_empty());
}

#[test]
fn reasons_serialise_with_their_key() {
    let reason = Infeasibility::ClassNotAccepted {
        class: "food.coffee-grounds".into(),
    };
    let json = serde_json::to_string(&reason).unwrap();
    assert!(json.contains("\"reason\":\"class-not-accepted\""), "{json}");
}
