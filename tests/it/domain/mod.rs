//! Domain rules: every constructor refuses invalid input and names the field and the reason.

use chrono::NaiveDate;
use symbiose::domain::firm::MAX_EMPLOYEES;
use symbiose::domain::flow::{MAX_DESCRIPTION, MAX_PICKUP_TERMS};
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
        country: None,
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

mod firm;
mod limits;
mod material;
mod need;
mod offer;
mod parameters;
mod values;
