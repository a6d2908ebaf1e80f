//! Parameters.

use super::*;

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
