use proptest::prelude::*;

use super::*;

#[test]
fn an_offer_reads_from_form_fields() {
    let fields = OfferDescriptorFields {
        legal_status: "bijproduct".into(),
        food_grade_origin: "ja".into(),
        hazard_properties: String::new(),
        physical_form: "vast".into(),
        properties: "moisture=80; foreign-matter=0,5".into(),
    };
    let offer = OfferDescriptors::parse(&fields).unwrap();
    assert_eq!(offer.legal_status, Some(LegalStatus::ByProduct));
    assert_eq!(offer.food_grade_origin, Some(true));
    assert_eq!(offer.properties.get(Property::ForeignMatter), Some(0.5));
}

#[test]
fn empty_fields_give_all_unknown() {
    let offer = OfferDescriptors::parse(&OfferDescriptorFields::default()).unwrap();
    assert_eq!(offer, OfferDescriptors::default());
    let need = NeedDescriptors::parse(&NeedDescriptorFields::default()).unwrap();
    assert_eq!(need, NeedDescriptors::default());
}

#[test]
fn every_wrong_field_is_named() {
    let fields = OfferDescriptorFields {
        legal_status: "compost".into(),
        food_grade_origin: "maybe".into(),
        hazard_properties: "HP20".into(),
        physical_form: "plasma".into(),
        properties: "moisture=120".into(),
    };
    let problems = OfferDescriptors::parse(&fields).unwrap_err();
    let names: Vec<&str> = problems.0.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(
        names,
        [
            "legal_status",
            "food_grade_origin",
            "hazard_properties",
            "physical_form",
            "properties"
        ]
    );
}

#[test]
fn a_need_reads_classes_specs_treatment_use_and_licences() {
    let fields = NeedDescriptorFields {
        accepted_classes: "food.vegetable-offcuts; agri".into(),
        specs: "moisture<=90 hard; foreign-matter<=1 soft".into(),
        treatment: "R3".into(),
        intended_use: "veevoer".into(),
        licences: "feed; abp-3".into(),
    };
    let need = NeedDescriptors::parse(&fields).unwrap();
    assert_eq!(need.accepted_classes.len(), 2);
    assert_eq!(need.specs[0].strength, Strength::Hard);
    assert_eq!(need.intended_use, Some(IntendedUse::Feed));
    assert!(need.licensed_for(AbpCategory::Three));
    assert!(!need.licensed_for(AbpCategory::Two));
}

#[test]
fn a_category_1_licence_covers_category_3_but_not_the_reverse() {
    let fields = NeedDescriptorFields {
        licences: "abp-1".into(),
        ..Default::default()
    };
    let need = NeedDescriptors::parse(&fields).unwrap();
    assert!(need.licensed_for(AbpCategory::Three));
    let fields = NeedDescriptorFields {
        licences: "abp-3".into(),
        ..Default::default()
    };
    assert!(
        !NeedDescriptors::parse(&fields)
            .unwrap()
            .licensed_for(AbpCategory::One)
    );
}

#[test]
fn descriptors_round_trip_through_json() {
    let fields = OfferDescriptorFields {
        legal_status: "abp-3".into(),
        hazard_properties: "HP4;HP14".into(),
        properties: "fat=12".into(),
        ..Default::default()
    };
    let offer = OfferDescriptors::parse(&fields).unwrap();
    let json = serde_json::to_string(&offer).unwrap();
    assert!(
        json.contains("\"HP4\"") && json.contains("\"fat\":12"),
        "{json}"
    );
    assert_eq!(
        serde_json::from_str::<OfferDescriptors>(&json).unwrap(),
        offer
    );
    let need = NeedDescriptors::parse(&NeedDescriptorFields {
        accepted_classes: "food".into(),
        treatment: "D10".into(),
        licences: "abp-2".into(),
        ..Default::default()
    })
    .unwrap();
    let json = serde_json::to_string(&need).unwrap();
    assert_eq!(
        serde_json::from_str::<NeedDescriptors>(&json).unwrap(),
        need
    );
    assert!(serde_json::from_str::<NeedDescriptors>(r#"{"treatment":"R99"}"#).is_err());
}

proptest! {
    #[test]
    fn parsing_never_panics_on_any_text(text in ".{0,40}") {
        let _ = LegalStatus::parse(&text);
        let _ = Treatment::parse(&text);
        let _ = HazardSet::parse(&text);
        let _ = PropertyValues::parse(&text);
        let _ = SpecRange::parse(&text);
    }

    #[test]
    fn every_treatment_code_round_trips(recovery in any::<bool>(), number in 1u8..=13) {
        let text = format!("{}{number}", if recovery { 'R' } else { 'D' });
        let treatment = Treatment::parse(&text).unwrap().unwrap();
        prop_assert_eq!(treatment.to_string(), text);
    }

    #[test]
    fn a_parsed_range_admits_its_own_bounds(low in 0.0f64..50.0, width in 0.0f64..50.0) {
        let high = low + width;
        let spec = SpecRange::parse(&format!("moisture={low}..{high} hard")).unwrap();
        prop_assert!(spec.admits(low) && spec.admits(high));
        prop_assert!(!spec.admits(high + 1.0));
    }

    #[test]
    fn in_bounds_values_are_read_back(value in 0.0f64..100.0) {
        let values = PropertyValues::parse(&format!("ash={value}")).unwrap();
        prop_assert_eq!(values.get(Property::Ash), Some(value));
    }
}
