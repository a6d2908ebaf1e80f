//! Offer.

use super::*;

#[test]
fn a_valid_offer_builds_and_returns_its_values() {
    let draft = OfferDraft {
        unit: Some("t".into()),
        regularity: Some("one-off".into()),
        confidentiality: Some("public".into()),
        available_from: Some("2027-03-01".into()),
        available_until: Some("2027-12-31".into()),
        last_confirmed: Some("2026-11-01".into()),
        disposal_cost_eur_per_unit: -10.0,
        ..offer_draft()
    };

    let offer = accept_offer(draft);

    assert_eq!(offer.id().as_str(), "O1");
    assert_eq!(offer.firm().as_str(), "EGG");
    assert_eq!(offer.material().code(), "02 02 03");
    assert_eq!(offer.declared_hazardous(), None);
    assert_eq!(offer.description(), "eggshells");
    assert_eq!(offer.quantity().amount(), 10.0);
    assert_eq!(offer.quantity().unit(), Unit::Tonnes);
    assert_eq!(offer.disposal_cost_eur_per_unit(), -10.0);
    assert_eq!(offer.regularity(), Regularity::OneOff);
    assert_eq!(offer.available_from(), Some(date(2027, 3, 1)));
    assert_eq!(offer.available_until(), Some(date(2027, 12, 31)));
    assert_eq!(offer.confidentiality(), Confidentiality::Public);
    assert_eq!(offer.last_confirmed(), date(2026, 11, 1));
}

#[test]
fn an_offer_without_optional_fields_gets_the_defaults() {
    let offer = accept_offer(offer_draft());

    assert_eq!(offer.quantity().unit(), Unit::Tonnes);
    assert_eq!(offer.regularity(), Regularity::Recurring);
    assert_eq!(offer.confidentiality(), Confidentiality::Anonymous);
    assert_eq!(offer.available_from(), None);
    assert_eq!(offer.available_until(), None);
}

#[test]
fn an_offer_of_zero_quantity_is_refused() {
    let problems = refuse_offer(OfferDraft {
        quantity_per_year: 0.0,
        ..offer_draft()
    });

    assert_problem(
        only_problem(&problems),
        "quantity_per_year",
        "0 must be greater than 0",
    );
}

#[test]
fn an_offer_of_negative_quantity_is_refused() {
    let problems = refuse_offer(OfferDraft {
        quantity_per_year: -5.0,
        ..offer_draft()
    });

    assert_problem(
        only_problem(&problems),
        "quantity_per_year",
        "-5 must be greater than 0",
    );
}

#[test]
fn an_offer_with_a_nan_disposal_cost_is_refused() {
    let problems = refuse_offer(OfferDraft {
        disposal_cost_eur_per_unit: f64::NAN,
        ..offer_draft()
    });

    assert_problem(
        only_problem(&problems),
        "disposal_cost_eur_per_unit",
        "NaN is not a finite number",
    );
}

#[test]
fn an_offer_without_a_company_is_refused() {
    let problems = refuse_offer(OfferDraft {
        firm: String::new(),
        ..offer_draft()
    });

    assert_problem(only_problem(&problems), "company", "must not be empty");
}

#[test]
fn an_offer_of_an_unknown_material_is_refused() {
    let problems = refuse_offer(OfferDraft {
        material: "99 99 99".into(),
        ..offer_draft()
    });

    assert_problem(
        only_problem(&problems),
        "material",
        "is not in the European List of Waste",
    );
}

#[test]
fn waste_heat_in_tonnes_is_refused() {
    let problems = refuse_offer(OfferDraft {
        material: "heat-low".into(),
        unit: Some("t".into()),
        ..offer_draft()
    });

    assert_problem(
        only_problem(&problems),
        "unit",
        "heat-low is measured in MWh, not t",
    );
}

#[test]
fn waste_in_megawatt_hours_is_refused() {
    let problems = refuse_offer(OfferDraft {
        unit: Some("MWh".into()),
        ..offer_draft()
    });

    assert_problem(
        only_problem(&problems),
        "unit",
        "02 02 03 is measured in t or m3 or pieces, not MWh",
    );
}

#[test]
fn waste_heat_in_megawatt_hours_is_accepted() {
    let offer = accept_offer(OfferDraft {
        material: "heat-low".into(),
        unit: Some("MWh".into()),
        ..offer_draft()
    });

    assert_eq!(offer.material(), Material::Resource(Resource::HeatLow));
    assert_eq!(offer.quantity().unit(), Unit::MegawattHours);
    assert_eq!(offer.declared_hazardous(), None);
}

#[test]
fn a_hazardous_declaration_contradicting_a_non_hazardous_mirror_entry_is_refused() {
    let problems = refuse_offer(OfferDraft {
        material: "17 05 04".into(),
        declared_hazardous: Some(true),
        ..offer_draft()
    });

    let problem = only_problem(&problems);
    assert_problem(
        problem,
        "declared_hazardous",
        "true contradicts 17 05 04, which is not hazardous",
    );
    assert!(
        problem
            .reason
            .contains("choose the other code of this mirror pair"),
        "{problem}"
    );
}

#[test]
fn a_declaration_contradicting_an_absolute_entry_is_refused() {
    let problems = refuse_offer(OfferDraft {
        material: "13 02 05*".into(),
        declared_hazardous: Some(false),
        ..offer_draft()
    });

    let problem = only_problem(&problems);
    assert_problem(
        problem,
        "declared_hazardous",
        "false contradicts 13 02 05*, which is hazardous",
    );
    assert!(
        problem.reason.contains("it is an absolute entry"),
        "{problem}"
    );
}

#[test]
fn a_resource_declared_hazardous_is_refused() {
    let problems = refuse_offer(OfferDraft {
        material: "heat-high".into(),
        unit: Some("MWh".into()),
        declared_hazardous: Some(true),
        ..offer_draft()
    });

    assert_problem(
        only_problem(&problems),
        "declared_hazardous",
        "heat-high is not a List-of-Waste code and cannot be hazardous waste",
    );
}

#[test]
fn a_resource_declared_not_hazardous_is_accepted_without_a_declaration() {
    let offer = accept_offer(OfferDraft {
        material: "co2".into(),
        declared_hazardous: Some(false),
        ..offer_draft()
    });

    assert_eq!(offer.declared_hazardous(), None);
}

#[test]
fn a_mirror_entry_without_declaration_takes_the_flag_of_its_code() {
    let safe = accept_offer(OfferDraft {
        material: "17 05 04".into(),
        ..offer_draft()
    });
    let hazardous = accept_offer(OfferDraft {
        material: "17 05 03*".into(),
        ..offer_draft()
    });

    assert_eq!(safe.declared_hazardous(), Some(false));
    assert_eq!(hazardous.declared_hazardous(), Some(true));
}

#[test]
fn a_matching_declaration_on_an_absolute_entry_is_dropped() {
    let offer = accept_offer(OfferDraft {
        material: "13 02 05*".into(),
        declared_hazardous: Some(true),
        ..offer_draft()
    });

    assert_eq!(offer.declared_hazardous(), None);
    assert!(offer.material().is_hazardous());
}

#[test]
fn an_offer_available_from_after_its_end_is_refused() {
    let problems = refuse_offer(OfferDraft {
        available_from: Some("2027-06-01".into()),
        available_until: Some("2027-05-31".into()),
        ..offer_draft()
    });

    assert_problem(
        only_problem(&problems),
        "available_until",
        "2027-05-31 comes before available_from 2027-06-01",
    );
}

#[test]
fn an_offer_available_for_a_single_day_is_accepted() {
    let offer = accept_offer(OfferDraft {
        available_from: Some("2027-06-01".into()),
        available_until: Some("2027-06-01".into()),
        ..offer_draft()
    });

    assert_eq!(offer.available_from(), offer.available_until());
}

#[test]
fn an_offer_with_a_date_in_another_format_is_refused() {
    let problems = refuse_offer(OfferDraft {
        available_from: Some("01-03-2027".into()),
        available_until: Some("2027-02-30".into()),
        ..offer_draft()
    });

    assert_eq!(problems.0.len(), 2, "{problems}");
    assert_refused(
        &problems,
        "available_from",
        "\"01-03-2027\" is not a date written YYYY-MM-DD",
    );
    assert_refused(&problems, "available_until", "\"2027-02-30\" is not a date");
}

#[test]
fn an_offer_confirmed_in_the_future_is_refused() {
    let problems = refuse_offer(OfferDraft {
        last_confirmed: Some("2026-11-29".into()),
        ..offer_draft()
    });

    assert_problem(
        only_problem(&problems),
        "last_confirmed",
        "2026-11-29 lies in the future (today is 2026-11-28)",
    );
}

#[test]
fn an_offer_confirmed_today_is_accepted() {
    let offer = accept_offer(OfferDraft {
        last_confirmed: Some("2026-11-28".into()),
        ..offer_draft()
    });

    assert_eq!(offer.last_confirmed(), today());
}

#[test]
fn an_offer_with_an_unreadable_confirmation_date_is_refused() {
    let problems = refuse_offer(OfferDraft {
        last_confirmed: Some("yesterday".into()),
        ..offer_draft()
    });

    assert_problem(
        only_problem(&problems),
        "last_confirmed",
        "\"yesterday\" is not a date",
    );
}

#[test]
fn an_offer_without_confirmation_date_is_confirmed_today() {
    let offer = accept_offer(OfferDraft {
        last_confirmed: None,
        ..offer_draft()
    });

    assert_eq!(offer.last_confirmed(), today());
}

#[test]
fn an_offer_description_longer_than_the_maximum_is_refused() {
    let problems = refuse_offer(OfferDraft {
        description: "d".repeat(MAX_DESCRIPTION + 1),
        ..offer_draft()
    });

    assert_problem(
        only_problem(&problems),
        "description",
        "longer than 2000 characters",
    );
}

#[test]
fn an_offer_description_of_the_maximum_length_with_line_breaks_is_accepted() {
    let description = format!("line one\nline two\t{}", "d".repeat(MAX_DESCRIPTION - 18));

    let offer = accept_offer(OfferDraft {
        description: description.clone(),
        ..offer_draft()
    });

    assert_eq!(offer.description(), description);
    assert_eq!(offer.description().chars().count(), MAX_DESCRIPTION);
}

#[test]
fn an_offer_description_with_control_characters_is_refused() {
    let problems = refuse_offer(OfferDraft {
        description: "eggs\u{0}hells".into(),
        ..offer_draft()
    });

    assert_problem(only_problem(&problems), "description", "control characters");
}

#[test]
fn an_offer_draft_with_several_errors_reports_all_of_them() {
    let draft = OfferDraft {
        id: String::new(),
        firm: " EGG".into(),
        material: "17 05 04".into(),
        declared_hazardous: Some(true),
        description: "d".repeat(MAX_DESCRIPTION + 1),
        quantity_per_year: -1.0,
        unit: None,
        disposal_cost_eur_per_unit: f64::INFINITY,
        regularity: Some("weekly".into()),
        available_from: Some("2027-06-01".into()),
        available_until: Some("2027-01-01".into()),
        confidentiality: Some("secret".into()),
        last_confirmed: Some("2030-01-01".into()),
        material_class: None,
        descriptors: Default::default(),
        pickup_terms: Some("p".repeat(MAX_PICKUP_TERMS + 1)),
    };

    let problems = refuse_offer(draft);

    let mut fields: Vec<&str> = problems.0.iter().map(|p| p.field.as_str()).collect();
    fields.sort_unstable();
    assert_eq!(
        fields,
        [
            "available_until",
            "company",
            "confidentiality",
            "declared_hazardous",
            "description",
            "disposal_cost_eur_per_unit",
            "id",
            "last_confirmed",
            "pickup_terms",
            "quantity_per_year",
            "regularity",
        ]
    );
}
