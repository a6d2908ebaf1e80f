use super::*;
use crate::domain::cross_border::{Shipment, classify};
use crate::domain::hard_rules::infeasibilities;
use crate::domain::material_class::Taxonomy;

fn dataset() -> Dataset {
    Dataset::load().unwrap_or_else(|problems| panic!("{}", problems.join("\n")))
}

#[test]
fn the_dataset_has_at_least_150_labelled_pairs_with_reasons() {
    let dataset = dataset();
    assert!(dataset.pairs.len() >= 150, "{}", dataset.pairs.len());
    let good = dataset.pairs.iter().filter(|p| p.good).count();
    assert!(good >= 50 && dataset.pairs.len() - good >= 50);
    assert!(dataset.pairs.iter().all(|p| !p.why.is_empty()));
}

#[test]
fn every_trap_code_has_bad_pairs_sharing_the_code() {
    let dataset = dataset();
    for code in ["02 03 04", "20 01 08", "19 12 12", "15 01 06", "02 01 03"] {
        let traps: Vec<&LabelledPair> = dataset
            .pairs
            .iter()
            .filter(|p| p.trap.as_deref() == Some(code))
            .collect();
        assert!(traps.len() >= 5, "{code}: {}", traps.len());
        for pair in traps {
            let offer = &dataset.offers[&pair.offer];
            let need = &dataset.needs[&pair.need];
            // A trap is a pair the code-only matcher proposes: the need accepts the code.
            assert_eq!(
                offer.material.code(),
                code,
                "{} -> {}",
                pair.offer,
                pair.need
            );
            assert!(
                need.codes.contains(&offer.material),
                "{} -> {}",
                pair.offer,
                pair.need
            );
            assert!(!pair.good);
        }
    }
}

#[test]
fn every_class_and_code_exists_and_firms_sit_in_all_three_countries() {
    let dataset = dataset();
    let taxonomy = Taxonomy::get();
    for offer in dataset.offers.values() {
        assert!(
            taxonomy
                .class(&offer.class)
                .unwrap()
                .has_code(offer.material.code())
        );
        assert!(["nl", "en", "de"].contains(&offer.language.as_str()));
    }
    for country in [Country::NL, Country::BE, Country::DE] {
        assert!(dataset.offers.values().any(|o| o.country == country));
        assert!(dataset.needs.values().any(|n| n.country == country));
    }
    let cross_border = dataset
        .pairs
        .iter()
        .filter(|p| p.expected_cross_border != "same-country");
    assert!(cross_border.count() >= 30);
}

#[test]
fn the_hard_rules_give_every_pair_its_expected_reasons() {
    let dataset = dataset();
    let mut wrong = Vec::new();
    for pair in &dataset.pairs {
        let offer = &dataset.offers[&pair.offer];
        let need = &dataset.needs[&pair.need];
        let class = Taxonomy::get().class(&offer.class);
        let got: Vec<&str> = infeasibilities(class, &offer.descriptors, &need.descriptors)
            .iter()
            .map(|r| r.key())
            .collect();
        if got != pair.expected_hard {
            wrong.push(format!(
                "{} -> {}: got {got:?}, expected {:?}",
                pair.offer, pair.need, pair.expected_hard
            ));
        }
        if pair.good && !got.is_empty() {
            wrong.push(format!("{} -> {}: good but refused", pair.offer, pair.need));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_cross_border_rules_give_every_pair_its_expected_procedure() {
    let dataset = dataset();
    let mut wrong = Vec::new();
    for pair in &dataset.pairs {
        let offer = &dataset.offers[&pair.offer];
        let need = &dataset.needs[&pair.need];
        let shipment = Shipment {
            from: offer.country,
            to: need.country,
            material: &offer.material,
            class: Taxonomy::get().class(&offer.class),
            offer: &offer.descriptors,
            treatment: need.descriptors.treatment,
        };
        let got = classify(&shipment).key();
        if got != pair.expected_cross_border {
            wrong.push(format!(
                "{} -> {}: got {got}, expected {}",
                pair.offer, pair.need, pair.expected_cross_border
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
