use proptest::prelude::*;

use super::*;
use crate::domain::descriptors::{NeedDescriptorFields, OfferDescriptorFields, Treatment};

fn offer_descriptors(properties: &str) -> OfferDescriptors {
    OfferDescriptors::parse(&OfferDescriptorFields {
        properties: properties.into(),
        ..Default::default()
    })
    .unwrap()
}

fn need_descriptors(accepted: &str, specs: &str) -> NeedDescriptors {
    NeedDescriptors::parse(&NeedDescriptorFields {
        accepted_classes: accepted.into(),
        specs: specs.into(),
        ..Default::default()
    })
    .unwrap()
}

fn fit_of(
    code: &str,
    class: Option<&str>,
    properties: &str,
    offer_text: &str,
    need: &NeedDescriptors,
    need_text: &str,
) -> Fit {
    let material = Material::parse(code).unwrap();
    let class = class.map(|key| Taxonomy::get().class(key).unwrap());
    let descriptors = offer_descriptors(properties);
    let offer = OfferSide {
        material: &material,
        class,
        descriptors: &descriptors,
        text: offer_text,
    };
    let need = NeedSide {
        descriptors: need,
        text: need_text,
    };
    fit(offer, need, CaseHistory::default())
}

#[test]
fn a_pair_known_only_by_its_code_keeps_a_neutral_fit_above_the_minimum() {
    let need = need_descriptors("", "");
    let fit = fit_of("02 03 04", None, "", "", &need, "");
    assert_eq!(fit.score, 0.5);
    assert!(!fit.class.known && !fit.spec.known && !fit.text.known && !fit.history.known);
    assert!(fit.is_enough());
}

#[test]
fn the_accepted_class_beats_its_group_and_a_foreign_class_scores_nothing() {
    let need = need_descriptors("food.coffee-grounds;wood", "");
    let exact = fit_of("02 03 04", Some("food.coffee-grounds"), "", "", &need, "");
    let group = fit_of("03 01 05", Some("wood.a-clean"), "", "", &need, "");
    let other = fit_of(
        "02 03 04",
        Some("food.vegetable-offcuts"),
        "",
        "",
        &need,
        "",
    );
    assert_eq!(exact.class, Part::known(1.0));
    assert_eq!(group.class, Part::known(0.8));
    assert_eq!(other.class, Part::known(0.0));
    assert!(exact.score > group.score && group.score > other.score);
}

#[test]
fn an_unstated_class_is_guessed_from_the_code_and_never_counts_as_stated() {
    let need = need_descriptors("food.coffee-grounds", "");
    let guessed = fit_of("02 03 04", None, "", "", &need, "");
    let candidates = Taxonomy::get().classes_for_code("02 03 04").len() as f64;
    assert_eq!(guessed.class.value, 0.2 + 0.5 / candidates);
    assert!(guessed.class.value < 0.7);
}

#[test]
fn a_soft_range_missed_by_a_little_costs_a_little_and_unknown_values_are_neutral() {
    let need = need_descriptors("", "moisture<=60 soft; foreign-matter<=2 soft");
    let inside = fit_of(
        "02 03 04",
        None,
        "moisture=55; foreign-matter=1",
        "",
        &need,
        "",
    );
    let near = fit_of(
        "02 03 04",
        None,
        "moisture=63; foreign-matter=1",
        "",
        &need,
        "",
    );
    let far = fit_of(
        "02 03 04",
        None,
        "moisture=95; foreign-matter=1",
        "",
        &need,
        "",
    );
    let unknown = fit_of("02 03 04", None, "", "", &need, "");
    assert_eq!(inside.spec, Part::known(1.0));
    assert_eq!(near.spec, Part::known((0.9 + 1.0) / 2.0));
    assert_eq!(far.spec, Part::known(0.5));
    assert_eq!(unknown.spec, Part::UNKNOWN);
}

#[test]
fn class_labels_let_a_german_text_meet_a_dutch_one() {
    let need = need_descriptors("food.coffee-grounds", "");
    let fit = fit_of(
        "02 03 04",
        Some("food.coffee-grounds"),
        "",
        "Kaffeesatz aus der Rösterei",
        &need,
        "Oesterzwamkweker zoekt vers koffiedik",
    );
    assert!(fit.text.known);
    assert!(fit.text.value >= 0.5, "{:?}", fit.text);
}

#[test]
fn sorting_residue_to_another_sorting_line_counts_half() {
    let mut need = need_descriptors("mixed", "");
    let plain = fit_of("19 12 12", Some("mixed.sorting-residue"), "", "", &need, "");
    need.treatment = Treatment::parse("R12").unwrap();
    let again = fit_of("19 12 12", Some("mixed.sorting-residue"), "", "", &need, "");
    assert!(!plain.second_pass && again.second_pass);
    assert_eq!(again.score, plain.score / 2.0);
    need.treatment = Treatment::parse("R3").unwrap();
    assert!(!fit_of("19 12 12", None, "", "", &need, "").second_pass);
}

#[test]
fn history_follows_laplaces_rule() {
    assert_eq!(history_part(CaseHistory::default()), Part::UNKNOWN);
    let once = CaseHistory {
        completed: 1,
        declined: 0,
    };
    assert_eq!(history_part(once).value, 2.0 / 3.0);
    let badly = CaseHistory {
        completed: 0,
        declined: 3,
    };
    assert_eq!(history_part(badly).value, 0.2);
}

proptest! {
    #[test]
    fn the_score_stays_between_0_and_1_and_rises_with_every_part(
        moisture in 0.0f64..100.0,
        completed in 0u32..20,
        declined in 0u32..20,
    ) {
        let need = need_descriptors("food", "moisture<=60 soft");
        let material = Material::parse("02 03 04").unwrap();
        let descriptors = offer_descriptors(&format!("moisture={moisture}"));
        let offer = OfferSide {
            material: &material,
            class: Taxonomy::get().class("food.coffee-grounds"),
            descriptors: &descriptors,
            text: "koffiedik",
        };
        let need_side = NeedSide { descriptors: &need, text: "koffiedik" };
        let history = CaseHistory { completed, declined };
        let base = fit(offer, need_side, history);
        prop_assert!((0.0..=1.0).contains(&base.score));
        let more = fit(
            offer,
            need_side,
            CaseHistory { completed: completed + 1, declined },
        );
        prop_assert!(more.score > base.score);
        // Deterministic: the same input, the same answer.
        prop_assert_eq!(base, fit(offer, need_side, history));
    }
}
