//! Known answers of the search by class (issue #11): a need that states the classes it
//! accepts finds offers of those classes under every candidate code of the class, also codes
//! its own list lacks; such a code alone is never enough.

use super::tests::{describe_need, describe_offer};
use super::*;
use crate::domain::descriptors::NeedDescriptorFields;
use crate::matching::candidates::{Rules, check_pair};
use crate::matching::fit;
use crate::matching::index::SpatialIndex;
use crate::matching::instance::{MaterialKey, NeedTraits};
use crate::matching::loops::testkit::Builder;
use crate::matching::plan::candidate_edges;
use crate::matching::suggest::{FlowRef, suggest};

/// A mushroom grower listing only code 20 01 08 but accepting the class coffee grounds, and
/// three offers of code 02 03 04 a few km away: coffee grounds, vegetable off-cuts and one
/// without a class.
fn grower_and_three_offers() -> (Instance, [usize; 3], usize) {
    let mut b = Builder::new();
    let (roaster, kitchen, baker, grower) = (
        b.firm(0.0, 0.0),
        b.firm(2.0, 0.0),
        b.firm(0.0, 2.0),
        b.firm(4.0, 4.0),
    );
    let grounds = b.offer(roaster, "02 03 04", 120.0, 60.0);
    let offcuts = b.offer(kitchen, "02 03 04", 80.0, 60.0);
    let unknown = b.offer(baker, "02 03 04", 90.0, 60.0);
    let need = b.need(grower, &["20 01 08"], 200.0, 30.0, 50.0);
    let mut instance = b.build();
    let text = "koffiedik";
    describe_offer(
        &mut instance,
        grounds,
        Some("food.coffee-grounds"),
        Default::default(),
        text,
    );
    describe_offer(
        &mut instance,
        offcuts,
        Some("food.vegetable-offcuts"),
        Default::default(),
        "",
    );
    describe_offer(&mut instance, unknown, None, Default::default(), text);
    let fields = NeedDescriptorFields {
        accepted_classes: "food.coffee-grounds".into(),
        ..Default::default()
    };
    describe_need(&mut instance, need, fields, "koffiedik als teeltsubstraat");
    (instance, [grounds, offcuts, unknown], need)
}

#[test]
fn a_class_reaches_a_code_the_need_does_not_list() {
    let (instance, [grounds, offcuts, unknown], need) = grower_and_three_offers();
    assert_eq!(
        instance.needs[need].class_codes(),
        [MaterialKey::of(&Material::parse("02 03 04").unwrap())]
    );
    assert!(check_pair(&instance, grounds, need, Rules::default()).is_ok());
    // The same code holding another class, or no class at all, is not taken.
    for other in [offcuts, unknown] {
        assert_eq!(
            check_pair(&instance, other, need, Rules::default()),
            Err(Infeasible::NotAccepted),
            "offer {other}"
        );
    }
}

#[test]
fn suggestions_and_the_plan_find_the_class_from_both_sides() {
    let (instance, [grounds, ..], need) = grower_and_three_offers();
    let index = SpatialIndex::build(&instance);
    let of_need = suggest(
        &instance,
        &index,
        FlowRef::Need(&instance.needs[need]),
        Rules::default(),
        5,
    );
    let found: Vec<usize> = of_need.iter().map(|s| s.counterpart).collect();
    assert_eq!(found, [grounds]);
    let of_offer = suggest(
        &instance,
        &index,
        FlowRef::Offer(&instance.offers[grounds]),
        Rules::default(),
        5,
    );
    let found: Vec<usize> = of_offer.iter().map(|s| s.counterpart).collect();
    assert_eq!(found, [need]);
    let edges = candidate_edges(&instance, &index, Rules::default());
    assert_eq!(edges.len(), 1, "the plan sees only the coffee grounds");
}

#[test]
fn a_code_in_both_lists_is_searched_once() {
    let (mut instance, [grounds, _, unknown], need) = grower_and_three_offers();
    let text = fit::need_text(
        "",
        &instance.needs[need].traits.as_ref().unwrap().descriptors,
    );
    let descriptors = instance.needs[need]
        .traits
        .as_ref()
        .unwrap()
        .descriptors
        .clone();
    let key = MaterialKey::of(&Material::parse("02 03 04").unwrap());
    instance.needs[need].accepts.push(key);
    instance.needs[need].accepts.sort_unstable();
    let accepts = instance.needs[need].accepts.clone();
    instance.needs[need].traits = Some(std::sync::Arc::new(NeedTraits::new(
        descriptors,
        text,
        &accepts,
    )));
    assert!(instance.needs[need].class_codes().is_empty());
    let index = SpatialIndex::build(&instance);
    let found = suggest(
        &instance,
        &index,
        FlowRef::Need(&instance.needs[need]),
        Rules::default(),
        5,
    );
    let mut ids: Vec<usize> = found.iter().map(|s| s.counterpart).collect();
    ids.sort_unstable();
    // Listed by code, the offer without a class is taken as before; the vegetable off-cuts
    // stay refused by their class; nothing comes twice.
    assert_eq!(ids, [grounds, unknown]);
}

#[test]
fn a_whole_group_does_not_widen_the_search() {
    let (mut instance, [grounds, ..], need) = grower_and_three_offers();
    let fields = NeedDescriptorFields {
        accepted_classes: "food".into(),
        ..Default::default()
    };
    describe_need(&mut instance, need, fields, "koffiedik");
    assert!(instance.needs[need].class_codes().is_empty());
    assert_eq!(
        check_pair(&instance, grounds, need, Rules::default()),
        Err(Infeasible::NotAccepted)
    );
}
