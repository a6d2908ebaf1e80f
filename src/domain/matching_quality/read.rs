//! Reading the three benchmark files.

use std::collections::HashMap;

use serde::Deserialize;

use super::{BenchNeed, BenchOffer, LabelledPair};
use crate::domain::cross_border::Country;
use crate::domain::descriptors::{
    NeedDescriptorFields, NeedDescriptors, OfferDescriptorFields, OfferDescriptors,
};
use crate::domain::material::Material;
use crate::domain::material_class::Taxonomy;

#[derive(Deserialize)]
struct OfferRow {
    id: String,
    country: String,
    place: String,
    code: String,
    class: String,
    #[serde(flatten)]
    fields: OfferDescriptorFields,
    language: String,
    text: String,
}

#[derive(Deserialize)]
struct NeedRow {
    id: String,
    country: String,
    place: String,
    codes: String,
    #[serde(flatten)]
    fields: NeedDescriptorFields,
    language: String,
    text: String,
}

#[derive(Deserialize)]
struct PairRow {
    offer: String,
    need: String,
    label: String,
    trap: String,
    expected_hard: String,
    expected_cross_border: String,
    why: String,
}

fn rows<T: for<'de> Deserialize<'de>>(
    text: &str,
    file: &str,
    problems: &mut Vec<String>,
) -> Vec<T> {
    csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .enumerate()
        .filter_map(|(i, row)| {
            row.map_err(|e| problems.push(format!("{file} row {}: {e}", i + 1)))
                .ok()
        })
        .collect()
}

pub(super) fn offers(text: &str, problems: &mut Vec<String>) -> HashMap<String, BenchOffer> {
    let mut offers = HashMap::new();
    for row in rows::<OfferRow>(text, "offers.csv", problems) {
        let id = row.id.clone();
        let country = Country::parse(&row.country).map_err(|p| p.to_string());
        let material = Material::parse(&row.code);
        let descriptors = OfferDescriptors::parse(&row.fields).map_err(|p| p.to_string());
        let class_ok = Taxonomy::get()
            .class(&row.class)
            .is_some_and(|class| class.has_code(&row.code));
        if !class_ok {
            problems.push(format!(
                "{id}: class {} unknown or without code {}",
                row.class, row.code
            ));
        }
        match (country, material, descriptors) {
            (Ok(country), Ok(material), Ok(descriptors)) => {
                let offer = BenchOffer {
                    id: row.id,
                    country,
                    place: row.place,
                    material,
                    class: row.class,
                    descriptors,
                    language: row.language,
                    text: row.text,
                };
                if offers.insert(id.clone(), offer).is_some() {
                    problems.push(format!("{id}: duplicate id"));
                }
            }
            (c, m, d) => problems.push(format!("{id}: {:?} {:?} {:?}", c.err(), m.err(), d.err())),
        }
    }
    offers
}

pub(super) fn needs(text: &str, problems: &mut Vec<String>) -> HashMap<String, BenchNeed> {
    let mut needs = HashMap::new();
    for row in rows::<NeedRow>(text, "needs.csv", problems) {
        let id = row.id.clone();
        let codes: Result<Vec<Material>, String> = row
            .codes
            .split(';')
            .map(|c| Material::parse(c.trim()))
            .collect();
        let country = Country::parse(&row.country).map_err(|p| p.to_string());
        let descriptors = NeedDescriptors::parse(&row.fields).map_err(|p| p.to_string());
        match (country, codes, descriptors) {
            (Ok(country), Ok(codes), Ok(descriptors)) => {
                let need = BenchNeed {
                    id: row.id,
                    country,
                    place: row.place,
                    codes,
                    descriptors,
                    language: row.language,
                    text: row.text,
                };
                if needs.insert(id.clone(), need).is_some() {
                    problems.push(format!("{id}: duplicate id"));
                }
            }
            (c, m, d) => problems.push(format!("{id}: {:?} {:?} {:?}", c.err(), m.err(), d.err())),
        }
    }
    needs
}

pub(super) fn pairs(text: &str, problems: &mut Vec<String>) -> Vec<LabelledPair> {
    let mut pairs = Vec::new();
    for row in rows::<PairRow>(text, "pairs.csv", problems) {
        let good = match row.label.as_str() {
            "good" => true,
            "bad" => false,
            other => {
                problems.push(format!("{} -> {}: label \"{other}\"", row.offer, row.need));
                continue;
            }
        };
        if row.why.trim().is_empty() {
            problems.push(format!("{} -> {}: no why", row.offer, row.need));
        }
        pairs.push(LabelledPair {
            offer: row.offer,
            need: row.need,
            good,
            trap: Some(row.trap).filter(|t| !t.is_empty()),
            expected_hard: row
                .expected_hard
                .split(';')
                .filter(|k| !k.is_empty())
                .map(str::to_string)
                .collect(),
            expected_cross_border: row.expected_cross_border,
            why: row.why,
        });
    }
    pairs
}
