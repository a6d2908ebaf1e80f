//! The case history in the ranking: it reorders pairs of similar value, explains itself, and
//! without history (or with history about other sectors) changes nothing at all.

use symbiose::matching::history::{CaseHistory, Outcome};
use symbiose::matching::suggest::{Reason, Suggestion, suggest_with_history};

use super::properties::random_instance;
use super::*;

/// A producer (manufacturing) and two receivers at one point with identical needs: a shop
/// (trade, first in the input) and a farm (agriculture).
fn two_equal_receivers() -> (Builder, usize) {
    let mut b = Builder::default();
    let producer = b.firm(51.25, 5.70);
    let shop = b.firm(51.26, 5.70);
    let farm = b.firm(51.26, 5.70);
    for (firm, nace) in [(producer, "C10"), (shop, "G47"), (farm, "A01")] {
        b.instance.firms[firm as usize].nace = Some(nace.into());
    }
    let offer = b.offer(producer, "02 03 04", 40.0, 45.0);
    b.need(shop, &["02 03 04"], 100.0, 30.0, 25.0);
    b.need(farm, &["02 03 04"], 100.0, 30.0, 25.0);
    (b, offer)
}

fn ranked(b: &Builder, offer: usize, history: &CaseHistory) -> Vec<Suggestion> {
    let index = SpatialIndex::build(&b.instance);
    suggest_with_history(
        &b.instance,
        &index,
        FlowRef::Offer(&b.instance.offers[offer]),
        Rules::default(),
        5,
        history,
    )
}

fn order(found: &[Suggestion]) -> Vec<&str> {
    found.iter().map(|s| s.counterpart_id.as_str()).collect()
}

#[test]
fn a_completed_case_of_the_material_between_the_sectors_puts_the_equal_farm_first() {
    let (b, offer) = two_equal_receivers();
    let before = ranked(&b, offer, &CaseHistory::default());
    let mut history = CaseHistory::default();
    history.record(key("02 03 04"), 'C', 'A', &Outcome::Completed);
    history.record(key("02 03 04"), 'C', 'A', &Outcome::Completed);

    let after = ranked(&b, offer, &history);

    assert_eq!(
        order(&before),
        ["N0", "N1"],
        "ties go to the first in the input"
    );
    assert_eq!(order(&after), ["N1", "N0"]);
    assert_eq!(
        after[0].economics, before[1].economics,
        "the benefit is not changed"
    );
    assert!((after[0].ranking - 1.3).abs() < 1e-12);
    assert_eq!(after[1].ranking, 1.0);
    assert_eq!(
        after[0].reasons[5],
        Reason::WorkedBefore {
            completed: 2,
            same_material: true,
            supplier: 'C',
            receiver: 'A',
            raised: 0.3
        }
    );
    assert!(
        after[0].reasons[5]
            .to_string()
            .starts_with("worked before: 2 completed exchange(s) of this material")
    );
    assert_eq!(after[1].reasons.len(), 5, "no history, no extra reason");
}

#[test]
fn a_declined_case_puts_the_shop_last_with_its_reason() {
    let (b, offer) = two_equal_receivers();
    let mut history = CaseHistory::default();
    history.record(
        key("02 03 04"),
        'C',
        'G',
        &Outcome::Declined("geen opslagruimte".into()),
    );

    let after = ranked(&b, offer, &history);

    assert_eq!(order(&after), ["N1", "N0"]);
    assert!((after[1].ranking - 0.8).abs() < 1e-12);
    let Reason::DeclinedBefore { reasons, .. } = &after[1].reasons[5] else {
        panic!("{:?}", after[1].reasons);
    };
    assert_eq!(reasons, &["geen opslagruimte"]);
}

#[test]
fn the_most_history_can_add_does_not_lift_a_pair_over_one_worth_twice_as_much() {
    let (mut b, offer) = two_equal_receivers();
    // The shop's pair is worth about twice the farm's.
    b.instance.needs[0].virgin_price = 30.0 + 75.0;
    let mut history = CaseHistory::default();
    for _ in 0..10 {
        history.record(key("02 03 04"), 'C', 'A', &Outcome::Completed);
        history.record(key("15 01 01"), 'C', 'A', &Outcome::Completed);
    }

    let after = ranked(&b, offer, &history);

    assert_eq!(order(&after), ["N0", "N1"]);
    assert!(
        (after[1].ranking - 1.45 * 1.15).abs() < 1e-12,
        "the largest factor"
    );
    assert!(
        after[0].economics.benefit_eur_per_year
            > after[1].ranking * after[1].economics.benefit_eur_per_year
    );
}

/// A history about sectors none of `instance`'s firms have, from both directions.
fn history_of_other_sectors() -> CaseHistory {
    let mut history = CaseHistory::default();
    for code in ["02 02 03", "15 01 01", "13 02 05*", "12 01 01"] {
        history.record(key(code), 'C', 'A', &Outcome::Completed);
        history.record(key(code), 'A', 'C', &Outcome::Declined("te ver".into()));
    }
    history
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn an_empty_history_changes_nothing(instance in random_instance()) {
        let index = SpatialIndex::build(&instance);
        let empty = CaseHistory::default();
        // The random firms have no sector: a history about sectors cannot touch them either.
        let elsewhere = history_of_other_sectors();
        for offer in &instance.offers {
            let flow = FlowRef::Offer(offer);
            let plain = suggest(&instance, &index, flow, Rules::default(), 4);
            prop_assert_eq!(&plain, &suggest_with_history(&instance, &index, flow, Rules::default(), 4, &empty));
            prop_assert_eq!(&plain, &suggest_with_history(&instance, &index, flow, Rules::default(), 4, &elsewhere));
            prop_assert!(plain.iter().all(|s| s.ranking == 1.0));
        }
        for need in &instance.needs {
            let flow = FlowRef::Need(need);
            let plain = suggest(&instance, &index, flow, Rules::default(), 4);
            prop_assert_eq!(&plain, &suggest_with_history(&instance, &index, flow, Rules::default(), 4, &empty));
        }
    }
}
