//! RecordId.

use super::*;

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
