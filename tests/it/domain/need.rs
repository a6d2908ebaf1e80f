//! Need.

use super::*;

#[test]
fn a_valid_need_builds_and_returns_its_values() {
    let draft = NeedDraft {
        licensed_for_hazardous: Some(true),
        regularity: Some("one-off".into()),
        confidentiality: Some("coordinator-only".into()),
        last_confirmed: Some("2026-10-01".into()),
        ..need_draft()
    };

    let need = Need::parse(draft, today()).expect("valid need");

    assert_eq!(need.id().as_str(), "N1");
    assert_eq!(need.firm().as_str(), "FEED");
    let accepts: Vec<String> = need.accepts().iter().map(Accepted::to_code).collect();
    assert_eq!(accepts, ["02 02 03", "02 03 04"]);
    assert_eq!(need.description(), "calcium and wet feed");
    assert_eq!(need.quantity().amount(), 10.0);
    assert_eq!(need.quantity().unit(), Unit::Tonnes);
    assert_eq!(need.min_lot_per_year(), 2.0);
    assert_eq!(need.virgin_price_eur_per_unit(), 40.0);
    assert_eq!(need.max_distance_km(), 50.0);
    assert!(need.licensed_for_hazardous());
    assert_eq!(need.regularity(), Regularity::OneOff);
    assert_eq!(need.confidentiality(), Confidentiality::CoordinatorOnly);
    assert_eq!(need.last_confirmed(), date(2026, 10, 1));
    assert!(need.accepts_material(&material("02 03 04")));
    assert!(!need.accepts_material(&material("02 02 04")));
}

#[test]
fn a_need_without_optional_fields_gets_the_defaults() {
    let need = Need::parse(
        NeedDraft {
            min_lot_per_year: None,
            ..need_draft()
        },
        today(),
    )
    .expect("valid need");

    assert_eq!(need.min_lot_per_year(), 0.0);
    assert!(!need.licensed_for_hazardous());
    assert_eq!(need.regularity(), Regularity::Recurring);
    assert_eq!(need.confidentiality(), Confidentiality::Anonymous);
    assert_eq!(need.last_confirmed(), today());
}

#[test]
fn a_need_that_accepts_a_chapter_accepts_its_codes() {
    let need = Need::parse(
        NeedDraft {
            accepts: vec!["15".into()],
            ..need_draft()
        },
        today(),
    )
    .expect("valid need");

    assert!(need.accepts_material(&material("15 01 04")));
    assert!(!need.accepts_material(&material("16 01 03")));
}

#[test]
fn a_need_that_accepts_nothing_is_refused() {
    let problems = refuse_need(NeedDraft {
        accepts: Vec::new(),
        ..need_draft()
    });

    assert_problem(
        only_problem(&problems),
        "accepts",
        "lists no material; a need must accept at least one",
    );
}

#[test]
fn a_bad_acceptance_entry_is_reported_with_its_index() {
    let problems = refuse_need(NeedDraft {
        accepts: vec!["02 02 03".into(), "99 99 99".into()],
        ..need_draft()
    });

    assert_problem(
        only_problem(&problems),
        "accepts[1]",
        "\"99 99 99\" is not in the European List of Waste",
    );
}

#[test]
fn a_duplicate_acceptance_entry_is_refused() {
    let problems = refuse_need(NeedDraft {
        accepts: vec!["02 02 03".into(), "020203".into()],
        ..need_draft()
    });

    assert_problem(
        only_problem(&problems),
        "accepts[1]",
        "02 02 03 is listed twice",
    );
}

#[test]
fn a_resource_accepted_in_the_wrong_unit_is_refused() {
    let problems = refuse_need(NeedDraft {
        accepts: vec!["heat-low".into()],
        unit: Some("t".into()),
        ..need_draft()
    });

    assert_problem(
        only_problem(&problems),
        "accepts[0]",
        "heat-low is measured in MWh, not t",
    );
}

#[test]
fn a_chapter_accepted_in_megawatt_hours_is_refused() {
    let problems = refuse_need(NeedDraft {
        accepts: vec!["heat-medium".into(), "15".into()],
        unit: Some("MWh".into()),
        ..need_draft()
    });

    assert_problem(
        only_problem(&problems),
        "accepts[1]",
        "15 is measured in t or m3 or pieces, not MWh",
    );
}

#[test]
fn a_need_with_a_negative_min_lot_is_refused() {
    let problems = refuse_need(NeedDraft {
        min_lot_per_year: Some(-1.0),
        ..need_draft()
    });

    assert_problem(
        only_problem(&problems),
        "min_lot_per_year",
        "-1 must not be negative",
    );
}

#[test]
fn a_need_with_a_min_lot_above_its_quantity_is_refused() {
    let problems = refuse_need(NeedDraft {
        min_lot_per_year: Some(10.5),
        ..need_draft()
    });

    assert_problem(
        only_problem(&problems),
        "min_lot_per_year",
        "10.5 is more than the quantity per year 10",
    );
}

#[test]
fn a_need_with_a_min_lot_equal_to_its_quantity_is_accepted() {
    let need = Need::parse(
        NeedDraft {
            min_lot_per_year: Some(10.0),
            ..need_draft()
        },
        today(),
    )
    .expect("min lot may equal the quantity");

    assert_eq!(need.min_lot_per_year(), need.quantity().amount());
}

#[test]
fn a_need_with_a_max_distance_of_zero_is_refused() {
    let problems = refuse_need(NeedDraft {
        max_distance_km: 0.0,
        ..need_draft()
    });

    assert_problem(
        only_problem(&problems),
        "max_distance_km",
        "0 must be greater than 0",
    );
}

#[test]
fn a_need_with_a_nan_virgin_price_is_refused() {
    let problems = refuse_need(NeedDraft {
        virgin_price_eur_per_unit: f64::NAN,
        ..need_draft()
    });

    assert_problem(
        only_problem(&problems),
        "virgin_price_eur_per_unit",
        "NaN is not a finite number",
    );
}

#[test]
fn a_need_of_zero_quantity_is_refused() {
    let problems = refuse_need(NeedDraft {
        quantity_per_year: 0.0,
        min_lot_per_year: None,
        ..need_draft()
    });

    assert_problem(
        only_problem(&problems),
        "quantity_per_year",
        "must be greater than 0",
    );
}

#[test]
fn a_need_confirmed_in_the_future_is_refused() {
    let problems = refuse_need(NeedDraft {
        last_confirmed: Some("2027-01-01".into()),
        ..need_draft()
    });

    assert_problem(
        only_problem(&problems),
        "last_confirmed",
        "lies in the future",
    );
}

#[test]
fn a_need_draft_with_several_errors_reports_all_of_them() {
    let problems = refuse_need(NeedDraft {
        id: String::new(),
        accepts: vec!["42".into(), "42".into()],
        max_distance_km: -1.0,
        virgin_price_eur_per_unit: f64::NAN,
        ..need_draft()
    });

    assert_eq!(problems.0.len(), 5, "{problems}");
    assert_refused(&problems, "id", "must not be empty");
    assert_refused(&problems, "accepts[0]", "\"42\" is not a chapter");
    assert_refused(&problems, "accepts[1]", "\"42\" is not a chapter");
    assert_refused(&problems, "max_distance_km", "must be greater than 0");
    assert_refused(
        &problems,
        "virgin_price_eur_per_unit",
        "not a finite number",
    );
}
