//! Known answers: figures worked out by hand from the documented factors.

use std::collections::BTreeMap;

use super::*;
use crate::matching::economics::EARTH_RADIUS_KM;

/// Degrees of latitude that make `km` along a meridian.
fn degrees_for(km: f64) -> f64 {
    km / (EARTH_RADIUS_KM * std::f64::consts::PI / 180.0)
}

fn party(company_id: i64, municipality: &str, nace: Option<&str>, lat: f64) -> Party {
    Party {
        company_id,
        key: format!("F{company_id}"),
        name: format!("Firm {company_id}"),
        municipality: municipality.into(),
        nace: nace.map(str::to_string),
        lat,
        lon: 5.0,
    }
}

fn month(text: &str) -> Month {
    Month::parse(text).expect("a valid month")
}

#[allow(clippy::too_many_arguments)]
fn record(
    exchange_id: i64,
    period: &str,
    tonnes: f64,
    material: &str,
    unit: Unit,
    (disposal, virgin): (f64, f64),
    supplier: &Party,
    receiver: &Party,
) -> RecordedTonnes {
    RecordedTonnes {
        exchange_id,
        stage: Stage::Running,
        month: month(period),
        tonnes,
        material: material.into(),
        offer_unit: unit,
        need_unit: unit,
        disposal_eur_per_unit: disposal,
        virgin_eur_per_unit: virgin,
        supplier: supplier.clone(),
        receiver: receiver.clone(),
    }
}

/// Coffee grounds 10 km apart (two records in October, one in November); pallets counted
/// in pieces at one spot in 2025; a heat exchange in MWh.
fn region() -> Vec<RecordedTonnes> {
    let roaster = party(1, "Weert", Some("C10.83"), 51.0);
    let grower = party(2, "Roermond", Some("A01"), 51.0 + degrees_for(10.0));
    let warehouse = party(3, "Leudal", None, 51.0);
    let dairy = party(4, "Weert", Some("C10"), 51.0);
    vec![
        record(
            7,
            "2026-10",
            3.0,
            "02 03 04",
            Unit::Tonnes,
            (45.0, 30.0),
            &roaster,
            &grower,
        ),
        record(
            7,
            "2026-11",
            2.0,
            "02 03 04",
            Unit::Tonnes,
            (45.0, 30.0),
            &roaster,
            &grower,
        ),
        record(
            7,
            "2026-10",
            1.0,
            "02 03 04",
            Unit::Tonnes,
            (45.0, 30.0),
            &roaster,
            &grower,
        ),
        record(
            9,
            "2025-03",
            10.0,
            "15 01 03",
            Unit::Pieces,
            (0.5, 0.25),
            &warehouse,
            &roaster,
        ),
        record(
            11,
            "2026-01",
            50.0,
            "heat-low",
            Unit::MegawattHours,
            (0.0, 40.0),
            &dairy,
            &grower,
        ),
    ]
}

fn factors() -> Factors {
    Factors {
        co2_avoided_kg_per_t_by_code: BTreeMap::from([("02 03 04".to_string(), 400.0)]),
        ..Factors::documented()
    }
}

fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "{actual} is not {expected}"
    );
}

#[test]
fn months_are_read_as_year_dash_two_digit_month() {
    assert_eq!(
        month("2026-03"),
        Month {
            year: 2026,
            month: 3
        }
    );
    assert_eq!(month("2026-03").to_string(), "2026-03");
    for bad in [
        "2026-13", "2026-00", "26-03", "2026-3", "2026/03", "+202-03", "",
    ] {
        assert_eq!(Month::parse(bad), None, "{bad}");
    }
}

#[test]
fn the_documented_factors_are_the_matchers_defaults() {
    let factors = Factors::documented();
    assert_eq!(factors.transport_eur_per_tkm, 0.12);
    assert_eq!(factors.road_factor, 1.3);
    assert_eq!(factors.co2_kg_per_tkm, 0.1);
    assert_eq!(factors.tonnes_per_m3, 1.0);
    assert_eq!(factors.tonnes_per_piece, 0.025);
    assert_eq!(factors.co2_avoided_kg_per_t_default, None);
    assert_eq!(factors.co2_avoided_kg_per_t("02 03 04"), None);
}

#[test]
fn one_exchange_month_sums_its_records_and_nets_transport_out_of_euros_and_co2() {
    let impact = compute(&region(), &factors(), &Filter::default());
    let october = &impact.months[1];
    assert_eq!(
        (october.input.exchange_id, october.input.month),
        (7, month("2026-10"))
    );
    close(october.input.tonnes, 4.0);
    close(october.crow_km, 10.0);
    close(october.road_km, 13.0);
    // 0.12 €/tkm × 13 km; 0.1 kg/tkm × 13 km.
    close(october.transport_eur_per_t, 1.56);
    close(october.transport_co2_kg_per_t, 1.3);
    // (45 + 30 − 1.56) × 4 t; (400 − 1.3) × 4 t.
    close(october.saved_eur, 293.76);
    close(october.co2_net_kg.unwrap(), 1594.8);
}

#[test]
fn pieces_become_tonnes_and_a_material_without_a_co2_figure_is_left_out_of_co2() {
    let impact = compute(&region(), &factors(), &Filter::default());
    let pallets = &impact.months[0];
    assert_eq!(pallets.input.exchange_id, 9);
    // 0.5 €/piece ÷ 0.025 t/piece = 20 €/t; 0.25 €/piece = 10 €/t; no distance.
    close(pallets.disposal_eur_per_t, 20.0);
    close(pallets.virgin_eur_per_t, 10.0);
    close(pallets.saved_eur, 300.0);
    assert_eq!(pallets.co2_avoided_kg_per_t, None);
    assert_eq!(pallets.co2_net_kg, None);
}

#[test]
fn totals_and_breakdowns_add_up_to_the_hand_computed_sums() {
    let impact = compute(&region(), &factors(), &Filter::default());
    let totals = &impact.totals;
    close(totals.tonnes, 16.0);
    // 293.76 + 146.88 (November: 73.44 × 2) + 300.
    close(totals.saved_eur, 740.64);
    // 1594.8 + 797.4; the pallets have no CO₂ figure.
    close(totals.co2_net_kg.unwrap(), 2392.2);
    assert_eq!(totals.months_without_co2, 1);
    assert_eq!((totals.exchanges, totals.firms), (2, 3));
    assert_eq!(
        impact.months_without_tonnes, 1,
        "the heat exchange has no tonnes"
    );
    assert_eq!(impact.years, vec![2025, 2026]);

    let years: Vec<(i32, f64)> = impact.by_year.iter().map(|(y, t)| (*y, t.tonnes)).collect();
    assert_eq!(years, vec![(2025, 10.0), (2026, 6.0)]);
    let months: Vec<String> = impact.by_month.iter().map(|(m, _)| m.to_string()).collect();
    assert_eq!(months, ["2025-03", "2026-10", "2026-11"]);
    let places: Vec<(&str, f64)> = impact
        .by_municipality
        .iter()
        .map(|(m, t)| (m.as_str(), t.tonnes))
        .collect();
    assert_eq!(places, vec![("Leudal", 10.0), ("Weert", 6.0)]);
    let sectors: Vec<(Option<char>, f64)> = impact
        .by_sector
        .iter()
        .map(|(s, t)| (*s, t.tonnes))
        .collect();
    assert_eq!(sectors, vec![(None, 10.0), (Some('C'), 6.0)]);
    let materials: Vec<&MaterialGroup> = impact.by_material.iter().map(|(m, _)| m).collect();
    assert_eq!(
        materials,
        [
            &MaterialGroup::Chapter("15".into()),
            &MaterialGroup::Chapter("02".into())
        ]
    );
    close(impact.by_material[1].1.co2_net_kg.unwrap(), 2392.2);
    assert_eq!(impact.by_material[0].1.co2_net_kg, None);
}

#[test]
fn a_filter_keeps_only_its_year_or_the_suppliers_municipality() {
    let by_year = compute(
        &region(),
        &factors(),
        &Filter {
            year: Some(2026),
            municipality: None,
        },
    );
    close(by_year.totals.tonnes, 6.0);
    close(by_year.totals.saved_eur, 440.64);
    assert_eq!(by_year.years, vec![2025, 2026], "every year stays a choice");

    let leudal = Filter {
        year: None,
        municipality: Some("Leudal".into()),
    };
    let by_place = compute(&region(), &factors(), &leudal);
    close(by_place.totals.tonnes, 10.0);
    assert_eq!(by_place.totals.firms, 2);
}

#[test]
fn a_regions_default_co2_figure_applies_to_materials_without_their_own() {
    let with_default = Factors {
        co2_avoided_kg_per_t_default: Some(200.0),
        ..factors()
    };
    let impact = compute(&region(), &with_default, &Filter::default());
    // The pallets: 200 kg/t × 10 t, no transport; the coffee grounds keep their own 400.
    close(impact.months[0].co2_net_kg.unwrap(), 2000.0);
    close(impact.totals.co2_net_kg.unwrap(), 4392.2);
    assert_eq!(impact.totals.months_without_co2, 0);
}

#[test]
fn nothing_recorded_gives_zeros() {
    let impact = compute(&[], &factors(), &Filter::default());
    assert_eq!(impact.totals, Totals::default());
    assert!(impact.months.is_empty() && impact.years.is_empty());
}
