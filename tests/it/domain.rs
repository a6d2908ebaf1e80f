//! Domain rules: every constructor refuses invalid input and names the field and the reason.

use chrono::NaiveDate;
use symbiose::domain::firm::MAX_EMPLOYEES;
use symbiose::domain::flow::MAX_DESCRIPTION;
use symbiose::domain::parameters::ParametersDraft;
use symbiose::domain::{
    Accepted, Confidentiality, EwcCode, FieldProblem, Firm, FirmDraft, Material, NaceCode, Need,
    NeedDraft, Offer, OfferDraft, Parameters, Problems, RecordId, Regularity, Resource, Unit,
};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).expect("valid date")
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// Asserts that `problems` holds a problem with exactly this field whose reason contains
/// `part`.
#[track_caller]
fn assert_refused(problems: &Problems, field: &str, part: &str) {
    assert!(
        problems
            .0
            .iter()
            .any(|p| p.field == field && p.reason.contains(part)),
        "expected a problem `{field}` containing \"{part}\", got: {problems}"
    );
}

/// Asserts that a single problem names this field and contains `part` in its reason.
#[track_caller]
fn assert_problem(problem: &FieldProblem, field: &str, part: &str) {
    assert_eq!(problem.field, field, "wrong field in: {problem}");
    assert!(
        problem.reason.contains(part),
        "expected \"{part}\" in the reason of: {problem}"
    );
}

/// The only problem of a refused record.
#[track_caller]
fn only_problem(problems: &Problems) -> &FieldProblem {
    assert_eq!(problems.0.len(), 1, "expected one problem, got: {problems}");
    &problems.0[0]
}

fn firm_draft() -> FirmDraft {
    FirmDraft {
        id: "EGG".into(),
        name: "Eiproducten Weert B.V.".into(),
        nace: Some("C10.89".into()),
        employees: 60,
        address: Some("Industrieweg 1".into()),
        municipality: "Weert".into(),
        lat: 51.2517,
        lon: 5.7069,
    }
}

fn refuse_firm(draft: FirmDraft) -> Problems {
    Firm::parse(draft).expect_err("the firm should be refused")
}

fn offer_draft() -> OfferDraft {
    OfferDraft {
        id: "O1".into(),
        firm: "EGG".into(),
        material: "02 02 03".into(),
        description: "eggshells".into(),
        quantity_per_year: 10.0,
        disposal_cost_eur_per_unit: 60.0,
        ..OfferDraft::default()
    }
}

fn refuse_offer(draft: OfferDraft) -> Problems {
    Offer::parse(draft, today()).expect_err("the offer should be refused")
}

fn accept_offer(draft: OfferDraft) -> Offer {
    Offer::parse(draft, today()).unwrap_or_else(|p| panic!("offer refused: {p}"))
}

fn need_draft() -> NeedDraft {
    NeedDraft {
        id: "N1".into(),
        firm: "FEED".into(),
        accepts: vec!["02 02 03".into(), "02 03 04".into()],
        description: "calcium and wet feed".into(),
        quantity_per_year: 10.0,
        min_lot_per_year: Some(2.0),
        virgin_price_eur_per_unit: 40.0,
        max_distance_km: 50.0,
        ..NeedDraft::default()
    }
}

fn refuse_need(draft: NeedDraft) -> Problems {
    Need::parse(draft, today()).expect_err("the need should be refused")
}

fn parameters_draft() -> ParametersDraft {
    ParametersDraft {
        transport_eur_per_tkm: 0.12,
        road_factor: 1.3,
        co2_kg_per_tkm: 0.1,
        co2_avoided_kg_per_t_default: Some(200.0),
        co2_avoided_kg_per_t_by_ewc: Some(vec![("020203".into(), 150.0)]),
    }
}

fn refuse_parameters(draft: ParametersDraft) -> Problems {
    Parameters::parse(draft).expect_err("the parameters should be refused")
}

fn material(code: &str) -> Material {
    Material::parse(code).unwrap_or_else(|reason| panic!("{code}: {reason}"))
}

// ---------------------------------------------------------------------------------------------
// RecordId
// ---------------------------------------------------------------------------------------------

#[test]
fn a_record_id_keeps_its_text() {
    let id = RecordId::parse("id", "C000123").expect("valid id");

    assert_eq!(id.as_str(), "C000123");
    assert_eq!(id.to_string(), "C000123");
}

#[test]
fn an_empty_record_id_is_refused() {
    let problem = RecordId::parse("id", "").unwrap_err();

    assert_problem(&problem, "id", "must not be empty");
}

#[test]
fn a_record_id_of_spaces_only_is_refused_as_empty() {
    let problem = RecordId::parse("company", "   ").unwrap_err();

    assert_problem(&problem, "company", "must not be empty");
}

#[test]
fn a_record_id_with_surrounding_spaces_is_refused() {
    let problem = RecordId::parse("id", " C1 ").unwrap_err();

    assert_problem(&problem, "id", "spaces at the start or end");
}

#[test]
fn a_record_id_of_sixty_four_characters_is_accepted() {
    let text = "x".repeat(RecordId::MAX_LEN);

    let id = RecordId::parse("id", &text).expect("64 characters are allowed");

    assert_eq!(id.as_str().chars().count(), 64);
}

#[test]
fn a_record_id_longer_than_sixty_four_characters_is_refused() {
    let text = "x".repeat(RecordId::MAX_LEN + 1);

    let problem = RecordId::parse("id", &text).unwrap_err();

    assert_problem(&problem, "id", "longer than 64 characters");
}

#[test]
fn a_record_id_with_control_characters_is_refused() {
    let problem = RecordId::parse("id", "C\u{7}1").unwrap_err();

    assert_problem(&problem, "id", "control characters");
}

#[test]
fn a_record_id_with_a_line_break_inside_is_refused() {
    let problem = RecordId::parse("id", "C\n1").unwrap_err();

    assert_problem(&problem, "id", "control characters");
}

// ---------------------------------------------------------------------------------------------
// Firm
// ---------------------------------------------------------------------------------------------

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
        "-1 must be between 0 and 1000000",
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
        "1000001 must be between 0",
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
    });

    let fields: Vec<&str> = problems.0.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(
        fields,
        ["id", "name", "nace", "employees", "municipality", "lat"]
    );
}

// ---------------------------------------------------------------------------------------------
// Unit, Regularity, Confidentiality
// ---------------------------------------------------------------------------------------------

#[test]
fn units_are_read_in_their_common_spellings() {
    for (text, unit) in [
        ("t", Unit::Tonnes),
        ("Tonnes", Unit::Tonnes),
        ("m3", Unit::CubicMetres),
        ("m³", Unit::CubicMetres),
        ("MWh", Unit::MegawattHours),
        ("mwh", Unit::MegawattHours),
        ("stuks", Unit::Pieces),
        (" pieces ", Unit::Pieces),
    ] {
        assert_eq!(Unit::parse(text), Ok(unit), "{text}");
    }
}

#[test]
fn an_unknown_unit_is_refused() {
    let problem = Unit::parse("kg").unwrap_err();

    assert_problem(
        &problem,
        "unit",
        "\"kg\" is not a unit; use t, m3, MWh or pieces",
    );
}

#[test]
fn regularity_reads_recurring_and_one_off() {
    assert_eq!(Regularity::parse("Recurring"), Ok(Regularity::Recurring));
    assert_eq!(Regularity::parse("one-off"), Ok(Regularity::OneOff));
    assert_eq!(Regularity::parse("one_off"), Ok(Regularity::OneOff));
}

#[test]
fn an_unknown_regularity_is_refused() {
    let problem = Regularity::parse("weekly").unwrap_err();

    assert_problem(
        &problem,
        "regularity",
        "\"weekly\" must be recurring or one-off",
    );
}

#[test]
fn confidentiality_reads_its_three_levels() {
    assert_eq!(
        Confidentiality::parse("public"),
        Ok(Confidentiality::Public)
    );
    assert_eq!(
        Confidentiality::parse("Anonymous"),
        Ok(Confidentiality::Anonymous)
    );
    assert_eq!(
        Confidentiality::parse("coordinator_only"),
        Ok(Confidentiality::CoordinatorOnly)
    );
}

#[test]
fn an_unknown_confidentiality_is_refused() {
    let problem = Confidentiality::parse("secret").unwrap_err();

    assert_problem(
        &problem,
        "confidentiality",
        "\"secret\" must be public, anonymous or coordinator-only",
    );
}

#[test]
fn an_offer_with_an_unknown_unit_regularity_and_confidentiality_reports_all_three() {
    let problems = refuse_offer(OfferDraft {
        unit: Some("kg".into()),
        regularity: Some("weekly".into()),
        confidentiality: Some("secret".into()),
        ..offer_draft()
    });

    assert_eq!(problems.0.len(), 3, "{problems}");
    assert_refused(&problems, "unit", "\"kg\" is not a unit");
    assert_refused(&problems, "regularity", "\"weekly\"");
    assert_refused(&problems, "confidentiality", "\"secret\"");
}

// ---------------------------------------------------------------------------------------------
// EwcCode
// ---------------------------------------------------------------------------------------------

#[test]
fn an_ewc_code_is_read_in_its_usual_spellings() {
    for text in ["02 02 03", "020203", "02.02.03", " 02 02 03 "] {
        let code = EwcCode::parse(text).unwrap_or_else(|r| panic!("{text}: {r}"));

        assert_eq!(code.as_str(), "02 02 03");
        assert_eq!(code.digits(), "020203");
        assert!(!code.is_hazardous());
    }
}

#[test]
fn an_ewc_code_that_is_not_six_digits_is_refused() {
    for text in ["02 02", "02 02 033", "02 02 0X", "", "abcdef"] {
        let reason = EwcCode::parse(text).expect_err(text);

        assert!(
            reason.contains("is not a List-of-Waste code; write six digits"),
            "{text}: {reason}"
        );
    }
}

#[test]
fn an_unknown_ewc_code_is_refused() {
    let reason = EwcCode::parse("99 99 99").unwrap_err();

    assert!(
        reason.contains("\"99 99 99\" is not in the European List of Waste"),
        "{reason}"
    );
}

#[test]
fn a_star_on_a_non_hazardous_code_is_refused() {
    let reason = EwcCode::parse("02 02 03*").unwrap_err();

    assert!(
        reason.contains("02 02 03 is not a hazardous code"),
        "{reason}"
    );
    assert!(reason.contains("remove the '*'"), "{reason}");
}

#[test]
fn a_hazardous_code_with_its_star_is_accepted() {
    let code = EwcCode::parse("13 02 05*").expect("valid hazardous code");

    assert_eq!(code.as_str(), "13 02 05*");
    assert!(code.is_hazardous());
}

#[test]
fn a_hazardous_code_without_its_star_is_accepted_and_written_with_it() {
    let code = EwcCode::parse("13 02 05").expect("the digits identify the entry");

    assert_eq!(code.as_str(), "13 02 05*");
    assert_eq!(code.to_string(), "13 02 05*");
    assert!(code.is_hazardous());
    assert_eq!(code, EwcCode::parse("130205*").unwrap());
}

// ---------------------------------------------------------------------------------------------
// Material
// ---------------------------------------------------------------------------------------------

#[test]
fn resource_codes_parse_as_resources() {
    for resource in Resource::ALL {
        assert_eq!(
            Material::parse(resource.code()),
            Ok(Material::Resource(resource))
        );
    }
    assert_eq!(
        Material::parse(" Heat-Low "),
        Ok(Material::Resource(Resource::HeatLow))
    );
}

#[test]
fn a_waste_code_parses_as_waste() {
    let parsed = material("17 05 04");

    assert!(matches!(parsed, Material::Waste(code) if code.as_str() == "17 05 04"));
    assert_eq!(parsed.code(), "17 05 04");
    assert!(!parsed.is_hazardous());
}

#[test]
fn an_unknown_resource_like_word_is_refused_with_the_list_of_resources() {
    let reason = Material::parse("heat-lukewarm").unwrap_err();

    assert!(
        reason.contains("\"heat-lukewarm\" is neither a List-of-Waste code nor one of"),
        "{reason}"
    );
    assert!(reason.contains("heat-low"), "{reason}");
    assert!(reason.contains("cooling-water"), "{reason}");
}

#[test]
fn an_unknown_numeric_material_is_refused_as_an_ewc_code() {
    let reason = Material::parse("99 99 99").unwrap_err();

    assert!(
        reason.contains("is not in the European List of Waste"),
        "{reason}"
    );
}

#[test]
fn resources_declare_their_units() {
    assert_eq!(material("heat-low").units(), [Unit::MegawattHours]);
    assert_eq!(
        material("steam").units(),
        [Unit::MegawattHours, Unit::Tonnes]
    );
    assert_eq!(material("process-water").units(), [Unit::CubicMetres]);
    assert!(!material("02 02 03").units().contains(&Unit::MegawattHours));
}

// ---------------------------------------------------------------------------------------------
// Accepted
// ---------------------------------------------------------------------------------------------

#[test]
fn a_two_digit_entry_is_a_chapter() {
    let accepted = Accepted::parse("15").expect("chapter 15 exists");

    assert_eq!(accepted, Accepted::Chapter("15".into()));
    assert_eq!(accepted.to_code(), "15");
}

#[test]
fn a_four_digit_entry_is_a_sub_chapter() {
    let accepted = Accepted::parse("15 01").expect("sub-chapter 15 01 exists");

    assert_eq!(accepted, Accepted::SubChapter("1501".into()));
    assert_eq!(accepted.to_code(), "15 01");
    assert_eq!(Accepted::parse("1501"), Ok(accepted));
}

#[test]
fn an_unknown_chapter_is_refused() {
    let reason = Accepted::parse("42").unwrap_err();

    assert!(
        reason.contains("\"42\" is not a chapter of the European List of Waste"),
        "{reason}"
    );
}

#[test]
fn an_unknown_sub_chapter_is_refused() {
    let reason = Accepted::parse("15 09").unwrap_err();

    assert!(
        reason.contains("\"15 09\" is not a sub-chapter of the European List of Waste"),
        "{reason}"
    );
}

#[test]
fn a_chapter_covers_every_code_that_starts_with_it() {
    let chapter = Accepted::parse("15").unwrap();

    assert!(chapter.covers(&material("15 01 01")));
    assert!(chapter.covers(&material("15 02 02*")));
    assert!(!chapter.covers(&material("02 02 03")));
    assert!(!chapter.covers(&material("heat-low")));
}

#[test]
fn a_sub_chapter_covers_only_its_own_codes() {
    let sub_chapter = Accepted::parse("15 01").unwrap();

    assert!(sub_chapter.covers(&material("15 01 01")));
    assert!(sub_chapter.covers(&material("15 01 10*")));
    assert!(!sub_chapter.covers(&material("15 02 02*")));
}

#[test]
fn an_exact_entry_covers_only_that_material() {
    let exact = Accepted::parse("02 02 03").unwrap();
    let resource = Accepted::parse("heat-low").unwrap();

    assert!(exact.covers(&material("020203")));
    assert!(!exact.covers(&material("02 02 04")));
    assert!(resource.covers(&material("heat-low")));
    assert!(!resource.covers(&material("heat-medium")));
}

#[test]
fn a_sub_chapter_with_hazardous_codes_may_be_hazardous() {
    assert!(Accepted::parse("15 01").unwrap().may_be_hazardous());
    assert!(!Accepted::parse("02 02").unwrap().may_be_hazardous());
    assert!(!Accepted::parse("heat-low").unwrap().may_be_hazardous());
}

// ---------------------------------------------------------------------------------------------
// Offer
// ---------------------------------------------------------------------------------------------

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
            "quantity_per_year",
            "regularity",
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Need
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------

#[test]
fn valid_parameters_build_and_canonicalise_their_ewc_keys() {
    let parameters = Parameters::parse(parameters_draft()).expect("valid parameters");

    assert_eq!(parameters.transport_eur_per_tkm(), 0.12);
    assert_eq!(parameters.road_factor(), 1.3);
    assert_eq!(parameters.co2_kg_per_tkm(), 0.1);
    assert_eq!(parameters.co2_avoided_kg_per_t_default(), Some(200.0));
    let by_ewc = parameters
        .co2_avoided_kg_per_t_by_ewc()
        .expect("set in the draft");
    assert_eq!(by_ewc.len(), 1);
    assert_eq!(by_ewc.get("02 02 03"), Some(&150.0));
}

#[test]
fn default_parameters_are_the_benchmark_generator_values() {
    let parameters = Parameters::default();

    assert_eq!(parameters.transport_eur_per_tkm(), 0.12);
    assert_eq!(parameters.road_factor(), 1.3);
    assert_eq!(parameters.co2_kg_per_tkm(), 0.1);
    assert_eq!(parameters.co2_avoided_kg_per_t_default(), None);
    assert_eq!(parameters.co2_avoided_kg_per_t_by_ewc(), None);
}

#[test]
fn a_road_factor_below_one_is_refused() {
    let problems = refuse_parameters(ParametersDraft {
        road_factor: 0.9,
        ..parameters_draft()
    });

    assert_problem(
        only_problem(&problems),
        "road_factor",
        "0.9 must be at least 1",
    );
}

#[test]
fn a_road_factor_of_exactly_one_is_accepted() {
    let parameters = Parameters::parse(ParametersDraft {
        road_factor: 1.0,
        ..parameters_draft()
    })
    .expect("crow-fly distances are allowed");

    assert_eq!(parameters.road_factor(), 1.0);
}

#[test]
fn a_negative_transport_cost_is_refused() {
    let problems = refuse_parameters(ParametersDraft {
        transport_eur_per_tkm: -0.12,
        ..parameters_draft()
    });

    assert_problem(
        only_problem(&problems),
        "transport_eur_per_tkm",
        "-0.12 must not be negative",
    );
}

#[test]
fn a_negative_transport_emission_is_refused() {
    let problems = refuse_parameters(ParametersDraft {
        co2_kg_per_tkm: -0.1,
        ..parameters_draft()
    });

    assert_problem(
        only_problem(&problems),
        "co2_kg_per_tkm",
        "must not be negative",
    );
}

#[test]
fn an_unknown_ewc_key_in_the_co2_table_is_refused() {
    let problems = refuse_parameters(ParametersDraft {
        co2_avoided_kg_per_t_by_ewc: Some(vec![
            ("02 02 03".into(), 150.0),
            ("99 99 99".into(), 10.0),
        ]),
        ..parameters_draft()
    });

    assert_problem(
        only_problem(&problems),
        "co2_avoided_kg_per_t_by_ewc.99 99 99",
        "is not in the European List of Waste",
    );
}

#[test]
fn a_nan_in_the_co2_table_is_refused() {
    let problems = refuse_parameters(ParametersDraft {
        co2_avoided_kg_per_t_by_ewc: Some(vec![("02 02 03".into(), f64::NAN)]),
        ..parameters_draft()
    });

    assert_problem(
        only_problem(&problems),
        "co2_avoided_kg_per_t_by_ewc.02 02 03",
        "not a finite number",
    );
}
