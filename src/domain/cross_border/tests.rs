use super::*;
use crate::domain::descriptors::OfferDescriptorFields;
use crate::domain::material_class::Taxonomy;

struct Case {
    code: &'static str,
    class: Option<&'static str>,
    status: &'static str,
    hazards: &'static str,
    form: &'static str,
    treatment: &'static str,
}

const PAPER: Case = Case {
    code: "15 01 01",
    class: Some("paper.corrugated"),
    status: "waste",
    hazards: "",
    form: "",
    treatment: "R3",
};

fn classify_case(from: Country, to: Country, case: &Case) -> Classification {
    let material = Material::parse(case.code).unwrap();
    let offer = OfferDescriptors::parse(&OfferDescriptorFields {
        legal_status: case.status.into(),
        hazard_properties: case.hazards.into(),
        physical_form: case.form.into(),
        ..Default::default()
    })
    .unwrap();
    let shipment = Shipment {
        from,
        to,
        material: &material,
        class: case.class.map(|key| Taxonomy::get().class(key).unwrap()),
        offer: &offer,
        treatment: Treatment::parse(case.treatment).unwrap(),
    };
    classify(&shipment)
}

fn nl_to_be(case: &Case) -> Classification {
    classify_case(Country::NL, Country::BE, case)
}

#[test]
fn same_country_needs_no_procedure_even_for_disposal() {
    let case = Case {
        treatment: "D1",
        ..PAPER
    };
    assert_eq!(
        classify_case(Country::DE, Country::DE, &case),
        Classification::SameCountry
    );
}

#[test]
fn a_by_product_needs_no_waste_shipment_procedure() {
    let case = Case {
        code: "02 07 01",
        class: Some("drinks.brewers-grains"),
        status: "by-product",
        ..PAPER
    };
    let classification = nl_to_be(&case);
    assert_eq!(
        classification,
        Classification::NotWaste {
            status: LegalStatus::ByProduct
        }
    );
    assert!(classification.is_allowed_without_consent());
}

#[test]
fn waste_heat_is_outside_waste_law() {
    let case = Case {
        code: "heat-medium",
        class: None,
        status: "",
        ..PAPER
    };
    assert_eq!(
        classify_case(Country::NL, Country::DE, &case).key(),
        "not-waste"
    );
}

#[test]
fn an_animal_by_product_follows_its_own_rules_with_traces() {
    let case = Case {
        code: "02 02 02",
        class: Some("animal.meat-offcuts"),
        status: "abp-3",
        ..PAPER
    };
    let classification = nl_to_be(&case);
    assert_eq!(
        classification,
        Classification::AnimalByProduct {
            category: AbpCategory::Three
        }
    );
    assert!(classification.rule().source.contains("1069/2009"));
    let unknown = Case { status: "", ..case };
    assert_eq!(nl_to_be(&unknown).key(), "animal-by-product");
}

#[test]
fn disposal_across_the_border_is_refused() {
    let case = Case {
        treatment: "D10",
        ..PAPER
    };
    let classification = nl_to_be(&case);
    assert_eq!(classification, Classification::DisposalRefused);
    assert!(!classification.is_allowed_without_consent());
}

#[test]
fn hazardous_waste_needs_notification_with_a_30_day_lead_time() {
    let case = Case {
        code: "13 02 05*",
        class: Some("oils.used-lube-oil"),
        treatment: "R9",
        ..PAPER
    };
    let classification = nl_to_be(&case);
    assert_eq!(
        classification,
        Classification::Notification {
            cause: NotificationCause::Hazardous
        }
    );
    assert_eq!(classification.lead_time_days(), Some(30));
    assert!(!classification.is_allowed_without_consent());
}

#[test]
fn unlisted_waste_needs_notification() {
    let case = Case {
        code: "17 04 03",
        class: Some("metals.lead"),
        treatment: "R4",
        ..PAPER
    };
    assert_eq!(
        nl_to_be(&case),
        Classification::Notification {
            cause: NotificationCause::Unlisted
        }
    );
}

#[test]
fn mixed_waste_needs_notification() {
    let case = Case {
        code: "15 01 06",
        class: Some("packaging.pmd"),
        ..PAPER
    };
    assert_eq!(
        nl_to_be(&case),
        Classification::Notification {
            cause: NotificationCause::Mixed
        }
    );
    let declared = Case {
        class: None,
        form: "mixed",
        ..PAPER
    };
    assert_eq!(nl_to_be(&declared).key(), "notification");
    let municipal = Case {
        code: "20 03 01",
        class: None,
        treatment: "R1",
        ..PAPER
    };
    let classification = nl_to_be(&municipal);
    assert_eq!(classification.rule().key, "mixed-municipal");
}

#[test]
fn green_listed_waste_for_recovery_goes_with_the_annex_vii_document() {
    let classification = classify_case(Country::BE, Country::NL, &PAPER);
    assert_eq!(
        classification,
        Classification::GreenListed { entry: "B3020" }
    );
    assert!(classification.rule().source.contains("Annexes III and VII"));
    assert!(classification.is_allowed_without_consent());
}

#[test]
fn stated_hazardous_properties_turn_green_into_notification() {
    // HP on a non-hazardous code is refused at parse time; a hazardous mirror code is used.
    let case = Case {
        code: "17 02 04*",
        class: Some("wood.c-impregnated"),
        hazards: "HP14",
        ..PAPER
    };
    assert_eq!(nl_to_be(&case).key(), "notification");
}

#[test]
fn unknown_status_or_treatment_defaults_to_notification() {
    let status = Case {
        status: "",
        ..PAPER
    };
    assert_eq!(
        nl_to_be(&status),
        Classification::Notification {
            cause: NotificationCause::StatusUnknown
        }
    );
    let treatment = Case {
        treatment: "",
        ..PAPER
    };
    assert_eq!(
        nl_to_be(&treatment),
        Classification::Notification {
            cause: NotificationCause::TreatmentUnknown
        }
    );
}

#[test]
fn every_rule_has_a_source_a_date_and_the_2024_regulation_applies_from_21_may_2026() {
    for rule in rules::ALL {
        assert!(
            !rule.source.is_empty() && rule.applies_from.len() == 10,
            "{}",
            rule.key
        );
        assert!(chrono::NaiveDate::parse_from_str(rule.applies_from, "%Y-%m-%d").is_ok());
    }
    assert_eq!(rules::GREEN_LISTED.applies_from, "2026-05-21");
    assert!(rules::NOTIFICATION.history.unwrap().contains("1013/2006"));
}

#[test]
fn countries_read_iso_codes() {
    assert_eq!(Country::parse(" be "), Ok(Country::BE));
    assert_eq!(Country::parse("FR").unwrap_err().field, "country");
}
