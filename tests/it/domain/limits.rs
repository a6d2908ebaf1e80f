//! The bounds of `domain::limits`: a value past one is refused with the field and the bound
//! named (the number shown short, not in 300 digits); a value exactly at one is accepted.

use super::*;
use symbiose::domain::Email;

#[test]
fn an_offer_of_1e16_tonnes_is_refused_naming_the_field_and_the_bound() {
    let problems = refuse_offer(OfferDraft {
        quantity_per_year: 1e16,
        ..offer_draft()
    });

    assert_problem(
        only_problem(&problems),
        "quantity_per_year",
        "1e16 is more than 10000000 t per year",
    );
}

#[test]
fn a_disposal_cost_beyond_100000_euros_either_way_is_refused() {
    let dear = refuse_offer(OfferDraft {
        disposal_cost_eur_per_unit: 1e300,
        ..offer_draft()
    });
    let paid = refuse_offer(OfferDraft {
        disposal_cost_eur_per_unit: -100_000.5,
        ..offer_draft()
    });

    assert_problem(
        only_problem(&dear),
        "disposal_cost_eur_per_unit",
        "1e300 is more than 100000 € per unit",
    );
    assert_problem(
        only_problem(&paid),
        "disposal_cost_eur_per_unit",
        "-100000.5 is less than -100000 € per unit",
    );
}

#[test]
fn an_offer_exactly_at_the_bounds_is_accepted() {
    for cost in [100_000.0, -100_000.0] {
        let offer = accept_offer(OfferDraft {
            quantity_per_year: 10_000_000.0,
            disposal_cost_eur_per_unit: cost,
            ..offer_draft()
        });

        assert_eq!(offer.quantity().amount(), 1e7);
        assert_eq!(offer.disposal_cost_eur_per_unit(), cost);
    }
}

#[test]
fn a_need_past_the_bounds_of_lot_price_and_distance_names_each_field() {
    let problems = refuse_need(NeedDraft {
        min_lot_per_year: Some(1e16),
        virgin_price_eur_per_unit: 1e300,
        max_distance_km: 5000.0,
        ..need_draft()
    });

    assert_eq!(problems.0.len(), 3, "{problems}");
    assert_refused(
        &problems,
        "min_lot_per_year",
        "1e16 is more than 10000000 per year",
    );
    assert_refused(
        &problems,
        "virgin_price_eur_per_unit",
        "1e300 is more than 100000 € per unit",
    );
    assert_refused(&problems, "max_distance_km", "5000 is more than 1000 km");
}

#[test]
fn a_need_exactly_at_the_bounds_is_accepted() {
    let need = Need::parse(
        NeedDraft {
            quantity_per_year: 10_000_000.0,
            min_lot_per_year: Some(10_000_000.0),
            virgin_price_eur_per_unit: -100_000.0,
            max_distance_km: 1000.0,
            ..need_draft()
        },
        today(),
    )
    .unwrap_or_else(|p| panic!("need refused: {p}"));

    assert_eq!(need.max_distance_km(), 1000.0);
    assert_eq!(need.min_lot_per_year(), 1e7);
}

#[test]
fn a_firm_of_more_than_100000_employees_is_refused() {
    let problems = refuse_firm(FirmDraft {
        employees: 100_001,
        ..firm_draft()
    });

    assert_problem(
        only_problem(&problems),
        "employees",
        "100001 must be between 0 and 100000",
    );
}

#[test]
fn an_email_longer_than_254_characters_is_refused_without_repeating_it() {
    let long = format!("{}@keyport.nl", "a".repeat(2_000_000));

    let problem = Email::parse(&long).expect_err("too long");
    let longest = Email::parse(&format!("{}@keyport.nl", "é".repeat(243)));

    assert_problem(&problem, "email", "is longer than 254 characters");
    assert!(problem.reason.len() < 100, "the address is not repeated");
    assert!(longest.is_ok(), "254 characters are accepted: {longest:?}");
}

#[test]
fn region_parameters_past_their_bounds_are_refused() {
    let problems = refuse_parameters(ParametersDraft {
        transport_eur_per_tkm: 1e300,
        road_factor: 1e300,
        co2_kg_per_tkm: 1e300,
        co2_avoided_kg_per_t_default: Some(-1e300),
        co2_avoided_kg_per_t_by_ewc: Some(vec![("020203".into(), 1e300)]),
    });

    assert_eq!(problems.0.len(), 5, "{problems}");
    assert_refused(
        &problems,
        "transport_eur_per_tkm",
        "1e300 is more than 1000",
    );
    assert_refused(&problems, "road_factor", "1e300 is more than 10");
    assert_refused(&problems, "co2_kg_per_tkm", "1e300 is more than 1000");
    assert_refused(
        &problems,
        "co2_avoided_kg_per_t_default",
        "-1e300 is less than -100000000",
    );
    assert_refused(
        &problems,
        "co2_avoided_kg_per_t_by_ewc.020203",
        "1e300 is more than 100000000",
    );
}
