//! Cases: filters, totals, the history the matcher reads, and a pair's value.

use chrono::NaiveDate;

use super::*;

fn at(day: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, day)
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap()
}

fn case(id: i64, material: &str, sectors: (&str, &str), outcome: CaseOutcome) -> Case {
    let party = |nace: &str, municipality: &str| CaseParty {
        nace: (!nace.is_empty()).then(|| nace.to_string()),
        municipality: municipality.to_string(),
    };
    Case {
        exchange_id: id,
        offer_key: format!("O-{id}"),
        need_key: format!("N-{id}"),
        outcome,
        closed_at: at(id as u32),
        material: Material::parse(material).unwrap(),
        description: String::new(),
        unit: Unit::Tonnes,
        supplier: party(sectors.0, "Weert"),
        receiver: party(sectors.1, "Nederweert"),
        road_km: 5.0,
        quantity_per_year: 10.0,
        tonnes_recorded: id as f64,
        value_eur_per_year: 100.0 * id as f64,
        decline_reason: (outcome == CaseOutcome::Declined).then(|| format!("reden {id}")),
        declined_by: (outcome == CaseOutcome::Declined).then_some(DeclinedBy::Receiver),
    }
}

fn sample() -> Vec<Case> {
    vec![
        case(1, "02 03 04", ("C10", "A01"), CaseOutcome::Completed),
        case(2, "15 01 01", ("G47", "E38"), CaseOutcome::Declined),
        case(3, "02 03 04", ("C10", "A01"), CaseOutcome::Declined),
        case(4, "heat-low", ("D35", "A01"), CaseOutcome::Completed),
    ]
}

fn ids(filter: &CaseFilter) -> Vec<i64> {
    (sample().iter())
        .filter(|c| filter.matches(c))
        .map(|c| c.exchange_id)
        .collect()
}

#[test]
fn a_sector_matches_either_side_of_a_case() {
    let receiving_farms = CaseFilter {
        section: Some('A'),
        ..CaseFilter::default()
    };
    let shops = CaseFilter {
        section: Some('G'),
        ..CaseFilter::default()
    };

    assert_eq!(ids(&receiving_farms), [1, 3, 4]);
    assert_eq!(ids(&shops), [2]);
    assert_eq!(ids(&CaseFilter::default()), [1, 2, 3, 4]);
}

#[test]
fn a_material_is_found_by_code_chapter_words_or_resource_code() {
    let by = |text: &str| {
        ids(&CaseFilter {
            material: MaterialFilter::parse(text),
            ..CaseFilter::default()
        })
    };

    assert_eq!(by("02 03 04"), [1, 3]);
    assert_eq!(by("020304"), [1, 3]);
    assert_eq!(by("02"), [1, 3]);
    assert_eq!(by("15 01"), [2]);
    assert_eq!(by("koffiedik"), [1, 3]);
    assert_eq!(by("karton"), [2]);
    assert_eq!(by("heat-low"), [4]);
    assert_eq!(by("restwarmte"), [4]);
    assert!(by("zzzqqq").is_empty());
    assert_eq!(MaterialFilter::parse("  "), None);
}

#[test]
fn filters_combine_and_an_outcome_narrows_further() {
    let filter = CaseFilter {
        section: Some('A'),
        material: MaterialFilter::parse("02"),
        outcome: Some(CaseOutcome::Declined),
    };

    assert_eq!(ids(&filter), [3]);
    assert_eq!(
        CaseOutcome::parse("completed"),
        Some(CaseOutcome::Completed)
    );
    assert_eq!(CaseOutcome::parse("afgerond"), None);
}

#[test]
fn the_summary_counts_outcomes_and_adds_up_completed_cases_only() {
    let totals = summary(&sample());

    assert_eq!(totals.completed, 2);
    assert_eq!(totals.declined, 2);
    assert_eq!(totals.tonnes_recorded, 1.0 + 4.0);
    assert_eq!(totals.value_eur_per_year, 100.0 + 400.0);
}

#[test]
fn newest_first_orders_by_the_day_an_exchange_ended() {
    let mut cases = sample();
    cases[0].closed_at = at(30);

    sort_newest_first(&mut cases);

    let order: Vec<i64> = cases.iter().map(|c| c.exchange_id).collect();
    assert_eq!(order, [1, 4, 3, 2]);
}

#[test]
fn the_history_counts_per_material_and_sectors_with_the_newest_reasons_first() {
    let mut cases = sample();
    cases.push(case(5, "02 03 04", ("C10", "A01"), CaseOutcome::Declined));
    cases.push(case(6, "02 03 04", ("", "A01"), CaseOutcome::Completed));

    let history = history_of(&cases);

    let coffee = MaterialKey::of(&Material::parse("02 03 04").unwrap());
    let outcomes = history.of_material(coffee, 'C', 'A').unwrap();
    assert_eq!(
        outcomes.completed, 1,
        "the case without a sector is left out"
    );
    assert_eq!(outcomes.declined, 2);
    assert_eq!(outcomes.decline_reasons, ["reden 5", "reden 3"]);
    let verdict = history.verdict(coffee, Some('C'), Some('A')).unwrap();
    assert!((verdict.factor - 1.15 * 0.6).abs() < 1e-12);
    assert_eq!(history.verdict(coffee, Some('G'), Some('A')), None);
}

#[test]
fn a_pairs_value_is_the_matchers_net_benefit_of_what_fits_both_sides() {
    let params = Params::default();
    let figures = PairFigures {
        unit: Unit::Tonnes,
        offered: 8.0,
        needed: 20.0,
        disposal_eur_per_unit: 45.0,
        virgin_eur_per_unit: 30.0,
        crow_km: 10.0,
    };

    let (road_km, quantity, value) =
        pair_value(&params, &Material::parse("02 03 04").unwrap(), &figures);

    assert!((road_km - 13.0).abs() < 1e-12);
    assert_eq!(quantity, 8.0);
    assert!((value - 8.0 * (45.0 + 30.0 - 0.12 * 13.0)).abs() < 1e-9);
}

#[test]
fn a_pairs_own_case_does_not_rank_the_pair_itself_only_other_pairs_do() {
    let cases = vec![
        case(1, "02 03 04", ("C10", "A01"), CaseOutcome::Completed),
        case(2, "02 03 04", ("C10", "A01"), CaseOutcome::Completed),
    ];
    let history = history_of(&cases);
    let coffee = MaterialKey::of(&Material::parse("02 03 04").unwrap());

    let own = history
        .verdict_of_pair(("O-1", "N-1"), coffee, Some('C'), Some('A'))
        .unwrap();
    let stranger = history
        .verdict_of_pair(("O-9", "N-9"), coffee, Some('C'), Some('A'))
        .unwrap();

    assert_eq!(own.same_material.completed, 1, "only the other pair's case");
    assert!((own.factor - 1.15).abs() < 1e-12);
    assert_eq!(stranger.same_material.completed, 2);
    assert!((stranger.factor - 1.30).abs() < 1e-12);
    let alone = history_of(&cases[..1]);
    assert_eq!(
        alone.verdict_of_pair(("O-1", "N-1"), coffee, Some('C'), Some('A')),
        None,
        "a pair's own case alone teaches nothing about it"
    );
}
