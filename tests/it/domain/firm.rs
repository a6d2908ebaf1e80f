//! Firm.

use super::*;

#[test]
fn a_valid_firm_builds_and_returns_its_values() {
    let firm = Firm::parse(firm_draft()).expect("valid firm");

    assert_eq!(firm.id().as_str(), "EGG");
    assert_eq!(firm.name(), "Eiproducten Weert B.V.");
    assert_eq!(firm.nace().map(NaceCode::as_str), Some("C10.89"));
    assert_eq!(firm.nace().map(NaceCode::section), Some('C'));
    assert_eq!(firm.employees(), 60);
    assert_eq!(firm.address(), "Industrieweg 1");
    assert_eq!(firm.municipality(), "Weert");
    assert_eq!(firm.location().lat(), 51.2517);
    assert_eq!(firm.location().lon(), 5.7069);
}

#[test]
fn a_firm_without_nace_or_address_builds() {
    let draft = FirmDraft {
        nace: None,
        address: None,
        ..firm_draft()
    };

    let firm = Firm::parse(draft).expect("nace and address are optional");

    assert_eq!(firm.nace(), None);
    assert_eq!(firm.address(), "");
}

#[test]
fn a_blank_nace_counts_as_absent() {
    let draft = FirmDraft {
        nace: Some("  ".into()),
        ..firm_draft()
    };

    let firm = Firm::parse(draft).expect("a blank NACE code is no code");

    assert_eq!(firm.nace(), None);
}

#[test]
fn a_firm_name_is_trimmed() {
    let draft = FirmDraft {
        name: "  Eiproducten  ".into(),
        ..firm_draft()
    };

    let firm = Firm::parse(draft).expect("valid firm");

    assert_eq!(firm.name(), "Eiproducten");
}

#[test]
fn a_firm_with_an_empty_name_is_refused() {
    let problems = refuse_firm(FirmDraft {
        name: "   ".into(),
        ..firm_draft()
    });

    assert_problem(only_problem(&problems), "name", "must not be empty");
}

#[test]
fn a_firm_name_longer_than_two_hundred_characters_is_refused() {
    let problems = refuse_firm(FirmDraft {
        name: "n".repeat(201),
        ..firm_draft()
    });

    assert_problem(
        only_problem(&problems),
        "name",
        "longer than 200 characters",
    );
}

#[test]
fn a_firm_with_a_bad_id_reports_the_id() {
    let problems = refuse_firm(FirmDraft {
        id: String::new(),
        ..firm_draft()
    });

    assert_problem(only_problem(&problems), "id", "must not be empty");
}

#[test]
fn nace_codes_at_every_level_are_accepted_and_written_in_capitals() {
    for (text, expected) in [
        ("C", "C"),
        ("C25", "C25"),
        ("c25.6", "C25.6"),
        (" C10.89 ", "C10.89"),
        ("A01.46", "A01.46"),
        ("U99", "U99"),
    ] {
        let code = NaceCode::parse(text).unwrap_or_else(|p| panic!("{text}: {p}"));

        assert_eq!(code.as_str(), expected);
    }
}

#[test]
fn nace_codes_of_the_wrong_shape_are_refused() {
    for text in [
        "C2", "C250", "C25.", "C25.123", "CAB", "C2A", "C25,6", "C.25",
    ] {
        let problem = NaceCode::parse(text).expect_err(text);

        assert_problem(&problem, "nace", "is not a NACE code like C25");
        assert!(problem.reason.contains(text), "{problem}");
    }
}

#[test]
fn a_nace_code_without_a_section_letter_is_refused() {
    for text in ["25.62", "Z12", "-"] {
        let problem = NaceCode::parse(text).expect_err(text);

        assert_problem(&problem, "nace", "section letter A–U");
    }
}

#[test]
fn an_empty_nace_code_is_refused_by_the_code_itself() {
    let problem = NaceCode::parse("").unwrap_err();

    assert_problem(&problem, "nace", "is empty");
}

#[test]
fn a_nace_division_outside_its_section_is_refused() {
    let problem = NaceCode::parse("C05").unwrap_err();

    assert_problem(&problem, "nace", "division 05");
    assert!(
        problem.reason.contains("not in section C (10–33)"),
        "{problem}"
    );
}

#[test]
fn a_firm_with_a_bad_nace_code_reports_the_nace_field() {
    let problems = refuse_firm(FirmDraft {
        nace: Some("A10.1".into()),
        ..firm_draft()
    });

    assert_problem(only_problem(&problems), "nace", "not in section A (01–03)");
}

#[test]
fn a_firm_with_negative_employees_is_refused() {
    let problems = refuse_firm(FirmDraft {
        employees: -1,
        ..firm_draft()
    });

    assert_problem(
        only_problem(&problems),
        "employees",
        "-1 must be between 0 and 100000",
    );
}

#[test]
fn a_firm_with_too_many_employees_is_refused() {
    let problems = refuse_firm(FirmDraft {
        employees: MAX_EMPLOYEES + 1,
        ..firm_draft()
    });

    assert_problem(
        only_problem(&problems),
        "employees",
        "100001 must be between 0",
    );
}

#[test]
fn a_firm_with_zero_or_the_maximum_of_employees_is_accepted() {
    for employees in [0, MAX_EMPLOYEES] {
        let firm = Firm::parse(FirmDraft {
            employees,
            ..firm_draft()
        })
        .expect("bounds are inclusive");

        assert_eq!(i64::from(firm.employees()), employees);
    }
}

#[test]
fn a_firm_at_latitude_200_is_refused() {
    let problems = refuse_firm(FirmDraft {
        lat: 200.0,
        ..firm_draft()
    });

    assert_problem(only_problem(&problems), "lat", "200 is outside [-90, 90]");
}

#[test]
fn a_firm_at_longitude_minus_181_is_refused() {
    let problems = refuse_firm(FirmDraft {
        lon: -181.0,
        ..firm_draft()
    });

    assert_problem(
        only_problem(&problems),
        "lon",
        "-181 is outside [-180, 180]",
    );
}

#[test]
fn a_firm_at_a_nan_latitude_is_refused() {
    let problems = refuse_firm(FirmDraft {
        lat: f64::NAN,
        ..firm_draft()
    });

    assert_problem(only_problem(&problems), "lat", "NaN is outside [-90, 90]");
}

#[test]
fn a_firm_at_an_infinite_longitude_is_refused() {
    let problems = refuse_firm(FirmDraft {
        lon: f64::INFINITY,
        ..firm_draft()
    });

    assert_problem(only_problem(&problems), "lon", "outside [-180, 180]");
}

#[test]
fn a_firm_on_the_edges_of_the_map_is_accepted() {
    let firm = Firm::parse(FirmDraft {
        lat: -90.0,
        lon: 180.0,
        ..firm_draft()
    })
    .expect("the bounds are inclusive");

    assert_eq!(
        (firm.location().lat(), firm.location().lon()),
        (-90.0, 180.0)
    );
}

#[test]
fn a_firm_with_an_empty_municipality_is_refused() {
    let problems = refuse_firm(FirmDraft {
        municipality: String::new(),
        ..firm_draft()
    });

    assert_problem(only_problem(&problems), "municipality", "must not be empty");
}

#[test]
fn a_firm_address_longer_than_three_hundred_characters_is_refused() {
    let problems = refuse_firm(FirmDraft {
        address: Some("a".repeat(301)),
        ..firm_draft()
    });

    assert_problem(
        only_problem(&problems),
        "address",
        "longer than 300 characters",
    );
}

#[test]
fn a_firm_with_both_coordinates_wrong_reports_lat_and_lon_together() {
    let problems = refuse_firm(FirmDraft {
        lat: 200.0,
        lon: -181.0,
        ..firm_draft()
    });

    assert_eq!(problems.0.len(), 2, "{problems}");
    assert_refused(&problems, "lat", "200 is outside");
    assert_refused(&problems, "lon", "-181 is outside");
}

#[test]
fn a_firm_with_several_mistakes_reports_each_of_them() {
    let problems = refuse_firm(FirmDraft {
        id: " X".into(),
        name: String::new(),
        nace: Some("C05".into()),
        employees: -3,
        address: None,
        municipality: String::new(),
        lat: 91.0,
        lon: 0.0,
        country: Some("FR".into()),
    });

    let fields: Vec<&str> = problems.0.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "id",
            "name",
            "nace",
            "employees",
            "municipality",
            "lat",
            "country"
        ]
    );
}
