//! Properties of the rules beyond the code: unknown descriptors change nothing, the fit stays
//! in range and the ranking is deterministic and ordered by fit × net benefit.

use proptest::prelude::*;

use super::tests::{describe_need, describe_offer};
use crate::domain::descriptors::{NeedDescriptorFields, OfferDescriptorFields};
use crate::matching::candidates::Rules;
use crate::matching::fit::MIN_FIT;
use crate::matching::index::SpatialIndex;
use crate::matching::instance::Instance;
use crate::matching::loops::testkit::Builder;
use crate::matching::plan::candidate_edges;
use crate::matching::suggest::{FlowRef, Suggestion, suggest};

/// Random firms and flows of a few codes, every flow code-only.
fn random_instance(seed: &[(f64, f64, u8, bool)]) -> Instance {
    const CODES: [&str; 3] = ["02 03 04", "02 01 03", "20 01 08"];
    let mut b = Builder::new();
    for (k, &(east, north, code, offer)) in seed.iter().enumerate() {
        let firm = b.firm(east, north);
        let code = CODES[code as usize % CODES.len()];
        if offer {
            b.offer(firm, code, 10.0 + k as f64, 30.0 + k as f64);
        } else {
            b.need(
                firm,
                &CODES[..2],
                20.0 + k as f64,
                25.0 + 2.0 * k as f64,
                40.0,
            );
        }
    }
    b.build()
}

fn all_suggestions(instance: &Instance) -> Vec<Vec<Suggestion>> {
    let index = SpatialIndex::build(instance);
    let offers = instance.offers.iter().map(FlowRef::Offer);
    let needs = instance.needs.iter().map(FlowRef::Need);
    (offers.chain(needs))
        .map(|flow| suggest(instance, &index, flow, Rules::default(), 4))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn unknown_descriptors_change_nothing(
        seed in proptest::collection::vec((0.0..30.0f64, 0.0..30.0f64, 0u8..3, any::<bool>()), 2..16),
        words in proptest::sample::subsequence(vec!["koffiedik", "groente", "schillen", "meel", "hout"], 0..4),
    ) {
        let plain = random_instance(&seed);
        let mut described = plain.clone();
        let text = words.join(" ");
        for k in 0..described.offers.len() {
            describe_offer(&mut described, k, None, Default::default(), &text);
        }
        for k in 0..described.needs.len() {
            describe_need(&mut described, k, Default::default(), &text);
        }
        prop_assert_eq!(all_suggestions(&plain), all_suggestions(&described));
        let (a, b) = (SpatialIndex::build(&plain), SpatialIndex::build(&described));
        let (x, y) = (candidate_edges(&plain, &a, Rules::default()), candidate_edges(&described, &b, Rules::default()));
        prop_assert_eq!((x.need_start, x.offer, x.cost), (y.need_start, y.offer, y.cost));
    }

    #[test]
    fn the_fit_stays_in_range_and_the_ranking_is_deterministic(
        seed in proptest::collection::vec((0.0..30.0f64, 0.0..30.0f64, 0u8..3, any::<bool>()), 2..12),
        moisture in 0.0..100.0f64,
        limit in 0.0..100.0f64,
        hard in any::<bool>(),
    ) {
        let mut instance = random_instance(&seed);
        let fields = || OfferDescriptorFields { properties: format!("moisture={moisture:.1}"), ..Default::default() };
        for k in 0..instance.offers.len() {
            describe_offer(&mut instance, k, None, fields(), "groente schillen");
        }
        let strength = if hard { "hard" } else { "soft" };
        for k in 0..instance.needs.len() {
            let specs = NeedDescriptorFields { specs: format!("moisture<={limit:.1} {strength}"), ..Default::default() };
            describe_need(&mut instance, k, specs, "groente");
        }
        let first = all_suggestions(&instance);
        prop_assert_eq!(&first, &all_suggestions(&instance));
        for found in first.iter().flatten() {
            let fit = found.assessment.fit;
            prop_assert!((MIN_FIT..=1.0).contains(&fit.score), "{:?}", fit);
            for part in [fit.class, fit.spec, fit.text, fit.history] {
                prop_assert!((0.0..=1.0).contains(&part.value));
            }
        }
        for list in &first {
            let scores: Vec<f64> = list.iter().map(|s| s.assessment.fit.score * s.economics.benefit_eur_per_year).collect();
            prop_assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{:?}", scores);
        }
    }
}
