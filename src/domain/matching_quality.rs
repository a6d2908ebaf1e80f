//! The labelled pairs of the matching-quality benchmark (issue #11 item 6), shipped in
//! `fixtures/matching_quality/` as three CSV files: offers, needs and labelled pairs with the
//! hard-rule reasons and cross-border procedure each pair is expected to get.

use std::collections::HashMap;

use super::cross_border::Country;
use super::descriptors::{NeedDescriptors, OfferDescriptors};
use super::material::Material;

const OFFERS_CSV: &str = include_str!("../../fixtures/matching_quality/offers.csv");
const NEEDS_CSV: &str = include_str!("../../fixtures/matching_quality/needs.csv");
const PAIRS_CSV: &str = include_str!("../../fixtures/matching_quality/pairs.csv");

/// An offer of the benchmark.
#[derive(Debug, Clone)]
pub struct BenchOffer {
    /// Its id, `o-...`.
    pub id: String,
    /// Country of the firm.
    pub country: Country,
    /// Town.
    pub place: String,
    /// The code.
    pub material: Material,
    /// The material class key.
    pub class: String,
    /// Typed descriptors.
    pub descriptors: OfferDescriptors,
    /// Language of the text (`nl`, `en`, `de`).
    pub language: String,
    /// Free description.
    pub text: String,
}

/// A need of the benchmark.
#[derive(Debug, Clone)]
pub struct BenchNeed {
    /// Its id, `n-...`.
    pub id: String,
    /// Country of the firm.
    pub country: Country,
    /// Town.
    pub place: String,
    /// Codes accepted (what a code-only matcher sees).
    pub codes: Vec<Material>,
    /// Typed descriptors.
    pub descriptors: NeedDescriptors,
    /// Language of the text.
    pub language: String,
    /// Free description.
    pub text: String,
}

/// A labelled pair.
#[derive(Debug, Clone)]
pub struct LabelledPair {
    /// Offer id.
    pub offer: String,
    /// Need id.
    pub need: String,
    /// True for a good fit.
    pub good: bool,
    /// The same-code trap this pair belongs to (`02 03 04`), if any.
    pub trap: Option<String>,
    /// Hard-rule keys the pair must get, in rule order.
    pub expected_hard: Vec<String>,
    /// The cross-border classification key the pair must get.
    pub expected_cross_border: String,
    /// Why, in words.
    pub why: String,
}

/// The whole dataset.
#[derive(Debug)]
pub struct Dataset {
    /// Offers by id.
    pub offers: HashMap<String, BenchOffer>,
    /// Needs by id.
    pub needs: HashMap<String, BenchNeed>,
    /// Labelled pairs in file order.
    pub pairs: Vec<LabelledPair>,
}

impl Dataset {
    /// Loads the shipped files; every problem comes back, one line each.
    pub fn load() -> Result<Dataset, Vec<String>> {
        let mut problems = Vec::new();
        let offers = read::offers(OFFERS_CSV, &mut problems);
        let needs = read::needs(NEEDS_CSV, &mut problems);
        let pairs = read::pairs(PAIRS_CSV, &mut problems);
        for pair in &pairs {
            if !offers.contains_key(&pair.offer) || !needs.contains_key(&pair.need) {
                problems.push(format!(
                    "{} -> {}: unknown offer or need",
                    pair.offer, pair.need
                ));
            }
        }
        if problems.is_empty() {
            Ok(Dataset {
                offers,
                needs,
                pairs,
            })
        } else {
            Err(problems)
        }
    }
}

mod read;

#[cfg(test)]
mod tests;
