//! The plan at the domain's bounds: maximal quantities and prices, and many maximal flows in
//! one component, solve without overflow to a feasible plan with a non-negative objective.
//! And a quantity far past the bounds (which the domain refuses, but the matcher takes plain
//! data) no longer overflows the solver's integers.

use chrono::NaiveDate;
use symbiose::domain::limits::{MAX_DISTANCE_KM, MAX_EUR_PER_UNIT, MAX_QUANTITY_PER_YEAR};
use symbiose::domain::{Firm, FirmDraft, Need, NeedDraft, Offer, OfferDraft, Region};
use symbiose::matching::plan::Plan;

use super::properties::greedy_objective;
use super::*;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

/// Offers and needs the plan may use: every exchange feasible, within both quantities, and
/// earning (so the objective is the sum of non-negative terms).
fn assert_feasible(instance: &Instance, plan: &Plan) {
    let mut sent = vec![0.0; instance.offers.len()];
    let mut taken = vec![0.0; instance.needs.len()];
    for x in &plan.exchanges {
        assert!(check_pair(instance, x.offer, x.need, Rules::default()).is_ok());
        assert!(x.quantity > 0.0 && x.benefit_eur_per_unit > 0.0, "{x:?}");
        sent[x.offer] += x.quantity;
        taken[x.need] += x.quantity;
    }
    for (o, offer) in instance.offers.iter().enumerate() {
        assert!(sent[o] <= offer.quantity * (1.0 + 1e-12), "offer {o}");
    }
    for (n, need) in instance.needs.iter().enumerate() {
        assert!(taken[n] <= need.quantity * (1.0 + 1e-12), "need {n}");
    }
    assert!(plan.objective_eur_per_year.is_finite() && plan.objective_eur_per_year >= 0.0);
}

#[test]
fn offers_of_1e16_tonnes_built_past_the_domain_are_planned_without_overflow() {
    let mut b = Builder::default();
    let (a, c) = (b.firm(51.25, 5.70), b.firm(51.26, 5.71));
    b.offer(a, "02 02 03", 1e16, 50.0);
    b.offer(a, "02 02 03", 1e16, 50.0);
    b.need(c, &["02 02 03"], 1e16, 40.0, 50.0);
    b.need(c, &["02 02 03"], 3e15, 40.0, 50.0);

    let plan = plan_of(&b.instance);

    assert_feasible(&b.instance, &plan);
    let moved = plan.quantity_per_year;
    assert!((moved - 1.3e16).abs() <= 1.3e16 * 1e-9, "{moved}");
}

#[test]
fn three_hundred_maximal_offers_and_needs_at_maximal_prices_fill_each_other() {
    let mut b = Builder::default();
    let firms: Vec<u32> = (0..20)
        .map(|i| b.firm(51.25 + 0.001 * f64::from(i), 5.70))
        .collect();
    for k in 0..300 {
        let firm = firms[k % 20];
        b.offer(firm, "02 02 03", MAX_QUANTITY_PER_YEAR, MAX_EUR_PER_UNIT);
        let other = firms[(k + 1) % 20];
        b.need(
            other,
            &["02 02 03"],
            MAX_QUANTITY_PER_YEAR,
            MAX_EUR_PER_UNIT,
            MAX_DISTANCE_KM,
        );
    }

    let plan = plan_of(&b.instance);

    assert_feasible(&b.instance, &plan);
    assert_eq!(plan.components, 1);
    assert_eq!(plan.quantity_per_year, 300.0 * MAX_QUANTITY_PER_YEAR);
    // Each tonne earns twice the largest price, less a few km of transport.
    let per_unit = plan.objective_eur_per_year / plan.quantity_per_year;
    assert!(per_unit > 2.0 * MAX_EUR_PER_UNIT - 10.0, "{per_unit}");
}

fn firm(id: usize, lat: f64, lon: f64) -> Firm {
    Firm::parse(FirmDraft {
        id: format!("F{id}"),
        name: format!("Firm {id}"),
        employees: 10,
        municipality: "Weert".into(),
        lat,
        lon,
        ..FirmDraft::default()
    })
    .unwrap()
}

/// A quantity, a money amount and a distance anywhere in their accepted ranges, the bounds
/// themselves often.
fn quantity() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(MAX_QUANTITY_PER_YEAR),
        0.001f64..=MAX_QUANTITY_PER_YEAR
    ]
}
fn money() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(MAX_EUR_PER_UNIT),
        Just(-MAX_EUR_PER_UNIT),
        -MAX_EUR_PER_UNIT..=MAX_EUR_PER_UNIT
    ]
}
fn distance() -> impl Strategy<Value = f64> {
    prop_oneof![Just(MAX_DISTANCE_KM), 0.1f64..=MAX_DISTANCE_KM]
}

/// A region built through the domain, so only accepted values occur.
fn region_at_the_bounds() -> impl Strategy<Value = Region> {
    let firms = proptest::collection::vec((51.0f64..51.5, 5.5f64..6.0), 2..6);
    let offers = proptest::collection::vec((0usize..6, quantity(), money()), 1..40);
    let needs = proptest::collection::vec(
        (0usize..6, quantity(), 0.0f64..=1.0, money(), distance()),
        1..40,
    );
    (firms, offers, needs).prop_map(|(firms, offers, needs)| {
        let firm_of = |k: usize| format!("F{}", k % firms.len());
        let offers = (offers.into_iter().enumerate())
            .map(|(i, (f, quantity, cost))| {
                let draft = OfferDraft {
                    id: format!("O{i}"),
                    firm: firm_of(f),
                    material: "02 02 03".into(),
                    quantity_per_year: quantity,
                    disposal_cost_eur_per_unit: cost,
                    ..OfferDraft::default()
                };
                Offer::parse(draft, day()).unwrap()
            })
            .collect();
        let needs = (needs.into_iter().enumerate())
            .map(|(i, (f, quantity, lot_share, price, km))| {
                let draft = NeedDraft {
                    id: format!("N{i}"),
                    firm: firm_of(f + 1),
                    accepts: vec!["02 02".into()],
                    quantity_per_year: quantity,
                    min_lot_per_year: Some(quantity * lot_share),
                    virgin_price_eur_per_unit: price,
                    max_distance_km: km,
                    ..NeedDraft::default()
                };
                Need::parse(draft, day()).unwrap()
            })
            .collect();
        Region {
            firms: (firms.iter().enumerate())
                .map(|(i, &(lat, lon))| firm(i, lat, lon))
                .collect(),
            offers,
            needs,
            ..Region::default()
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_region_at_the_bounds_plans_feasibly_and_never_worse_than_greedy(
        region in region_at_the_bounds()
    ) {
        let instance = Instance::from_region(&region);

        let plan = plan_of(&instance);

        assert_feasible(&instance, &plan);
        // Integer scaling costs at most a cent per unit moved (by either plan) and a
        // thousandth of a unit, worth at most twice the largest price, per offer and need.
        let supplied: f64 = instance.offers.iter().map(|o| o.quantity).sum();
        let nodes = (instance.offers.len() + instance.needs.len()) as f64;
        let slack = 0.01 * supplied + nodes * 2.0 * MAX_EUR_PER_UNIT * 1e-3;
        prop_assert!(plan.objective_eur_per_year + slack >= greedy_objective(&instance));
    }
}
