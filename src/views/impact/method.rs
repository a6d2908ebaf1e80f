//! "Method and sources": the formulas in words and every factor with its value, unit and
//! source, so that a board member can check any figure on the page.

use std::collections::BTreeSet;

use maud::{Markup, html};

use crate::domain::Material;
use crate::i18n::{Lang, number};
use crate::outcomes::impact::{Factors, Impact};
use crate::t;

/// One line of the factor table.
struct Line {
    name: String,
    value: String,
    unit: String,
    source: String,
}

/// The section.
pub fn section(lang: Lang, factors: &Factors, impact: &Impact) -> Markup {
    html! {
        section.impact.method id="method" {
            h2 { (t!(lang, "impact-method-heading")) }
            p { (t!(lang, "impact-method-intro")) }
            ul {
                li { (t!(lang, "impact-method-tonnes")) }
                li { (t!(lang, "impact-method-eur")) }
                li { (t!(lang, "impact-method-co2")) }
                li { (t!(lang, "impact-method-distance")) }
                li { (t!(lang, "impact-method-units")) }
                li { (t!(lang, "impact-method-inputs")) }
                li { (t!(lang, "impact-method-co2-missing")) }
            }
            table.figures.factors {
                thead { tr {
                    th { (t!(lang, "impact-col-factor")) }
                    th.number { (t!(lang, "impact-col-value")) }
                    th { (t!(lang, "impact-col-unit")) }
                    th { (t!(lang, "impact-col-source")) }
                } }
                tbody {
                    @for line in lines(lang, factors, impact) {
                        tr { td { (line.name) } td.number { (line.value) } td { (line.unit) } td { (line.source) } }
                    }
                }
            }
            @if factors.co2_avoided_kg_per_t_default.is_none() && factors.co2_avoided_kg_per_t_by_code.is_empty() {
                p.context { (t!(lang, "impact-co2-none-stated")) }
            }
            p.context { (t!(lang, "impact-method-same-as-matching")) }
        }
    }
}

/// Every factor in force, and the CO₂ figure of each material the counted months use.
fn lines(lang: Lang, factors: &Factors, impact: &Impact) -> Vec<Line> {
    let documented = Factors::documented();
    // A factor the region left at the documented value keeps the documented source.
    let source = |value: f64, default: f64, documented_source: String| {
        if value == default {
            documented_source
        } else {
            t!(lang, "impact-source-region")
        }
    };
    let value = |v: f64| number(lang, v, 4);
    let mut lines = vec![
        Line {
            name: t!(lang, "impact-factor-transport"),
            value: value(factors.transport_eur_per_tkm),
            unit: t!(lang, "impact-unit-eur-per-tkm"),
            source: source(
                factors.transport_eur_per_tkm,
                documented.transport_eur_per_tkm,
                t!(lang, "impact-source-transport"),
            ),
        },
        Line {
            name: t!(lang, "impact-factor-road"),
            value: value(factors.road_factor),
            unit: t!(lang, "impact-unit-road"),
            source: source(
                factors.road_factor,
                documented.road_factor,
                t!(lang, "impact-source-road"),
            ),
        },
        Line {
            name: t!(lang, "impact-factor-co2-transport"),
            value: value(factors.co2_kg_per_tkm),
            unit: t!(lang, "impact-unit-kg-per-tkm"),
            source: source(
                factors.co2_kg_per_tkm,
                documented.co2_kg_per_tkm,
                t!(lang, "impact-source-co2-transport"),
            ),
        },
        Line {
            name: t!(lang, "impact-factor-tonnes-per-m3"),
            value: value(factors.tonnes_per_m3),
            unit: t!(lang, "impact-unit-t-per-m3"),
            source: t!(lang, "impact-source-tonnes-per-m3"),
        },
        Line {
            name: t!(lang, "impact-factor-tonnes-per-piece"),
            value: value(factors.tonnes_per_piece),
            unit: t!(lang, "impact-unit-t-per-piece"),
            source: t!(lang, "impact-source-tonnes-per-piece"),
        },
    ];
    if let Some(default) = factors.co2_avoided_kg_per_t_default {
        lines.push(co2_line(
            lang,
            t!(lang, "impact-factor-co2-default"),
            default,
        ));
    }
    let used: BTreeSet<&str> = impact
        .months
        .iter()
        .filter_map(|m| Material::parse(&m.input.material).ok())
        .map(|m| m.code())
        .collect();
    for (code, kg) in &factors.co2_avoided_kg_per_t_by_code {
        if used.contains(code.as_str()) {
            lines.push(co2_line(
                lang,
                t!(lang, "impact-factor-co2-code", code = code),
                *kg,
            ));
        }
    }
    lines
}

fn co2_line(lang: Lang, name: String, kg: f64) -> Line {
    Line {
        name,
        value: number(lang, kg, 4),
        unit: t!(lang, "impact-unit-kg-per-t"),
        source: t!(lang, "impact-source-region"),
    }
}
