//! The words of a suggestion: why it is made, and who the other side is when it stays
//! anonymous (a sector and a municipality).

use crate::domain::Material;
use crate::i18n::{Lang, number, percent};
use crate::matching::suggest::Reason;
use crate::t;

use super::super::format::{material_label, unit};

/// The name of a firm's sector (the NACE section of its code), or "sector unknown".
pub fn sector(lang: Lang, nace: Option<&str>) -> String {
    let section = nace
        .and_then(|code| code.chars().next())
        .filter(char::is_ascii_uppercase)
        .map_or_else(|| "none".to_string(), String::from);
    t!(lang, "matches-sector", section = section)
}

/// `Industrie in Weert`: an anonymous firm as a page may show it.
pub fn sector_in(lang: Lang, nace: Option<&str>, municipality: &str) -> String {
    t!(
        lang,
        "matches-sector-in",
        sector = sector(lang, nace),
        municipality = municipality
    )
}

/// One reason of a suggestion, in the reader's language.
pub fn reason(lang: Lang, reason: &Reason) -> String {
    match reason {
        Reason::Accepted {
            material,
            hazardous,
        } => {
            // A waste by its code and label, a resource (`heat-medium`) by its label alone.
            let shown = match Material::parse(material) {
                Ok(known @ Material::Waste(_)) => {
                    format!("{material} ({})", material_label(lang, &known))
                }
                Ok(resource) => material_label(lang, &resource),
                Err(_) => material.to_string(),
            };
            if *hazardous {
                t!(lang, "matches-reason-accepts-hazardous", material = shown)
            } else {
                t!(lang, "matches-reason-accepts", material = shown)
            }
        }
        Reason::Distance {
            road_km,
            max_road_km,
        } => t!(
            lang,
            "matches-reason-distance",
            km = number(lang, *road_km, 1),
            max = number(lang, *max_road_km, 0)
        ),
        Reason::Quantity {
            fits,
            offered,
            needed,
            unit: u,
        } => t!(
            lang,
            "matches-reason-quantity",
            fits = number(lang, *fits, 1),
            offered = number(lang, *offered, 1),
            needed = number(lang, *needed, 1),
            unit = unit(lang, *u)
        ),
        Reason::Money {
            disposal,
            virgin,
            transport,
            benefit,
            unit: u,
        } => t!(
            lang,
            "matches-reason-money",
            disposal = number(lang, *disposal, 2),
            virgin = number(lang, *virgin, 2),
            transport = number(lang, *transport, 2),
            benefit = number(lang, *benefit, 2),
            unit = unit(lang, *u)
        ),
        Reason::Co2 {
            avoided_kg,
            transport_kg,
        } => t!(
            lang,
            "matches-reason-co2",
            avoided = number(lang, avoided_kg / 1000.0, 1),
            transport = number(lang, transport_kg / 1000.0, 1)
        ),
        Reason::WorkedBefore { .. } | Reason::DeclinedBefore { .. } => history(lang, reason),
        Reason::Fit(found) => super::fit::fit(lang, found),
        Reason::CrossBorder(crossing) => super::fit::crossing(lang, crossing),
    }
}

/// What earlier exchanges between the same sectors say: worked before, or declined before
/// with the reasons given.
fn history(lang: Lang, reason: &Reason) -> String {
    let named = |section: &char| sector(lang, Some(&section.to_string()));
    match reason {
        Reason::WorkedBefore {
            completed,
            same_material,
            supplier,
            receiver,
            raised,
        } => {
            let (count, supplier, receiver) = (*completed as i64, named(supplier), named(receiver));
            let percent = percent(lang, *raised);
            if *same_material {
                t!(
                    lang,
                    "matches-reason-worked-before-material",
                    count = count,
                    supplier = supplier,
                    receiver = receiver,
                    percent = percent
                )
            } else {
                t!(
                    lang,
                    "matches-reason-worked-before-sectors",
                    count = count,
                    supplier = supplier,
                    receiver = receiver,
                    percent = percent
                )
            }
        }
        Reason::DeclinedBefore {
            declined,
            same_material,
            supplier,
            receiver,
            reasons,
            lowered,
        } => {
            let (count, supplier, receiver) = (*declined as i64, named(supplier), named(receiver));
            let percent = percent(lang, *lowered);
            // The words of another firm's decline stay with the region's coordinators (on
            // /cases): free text may name a firm or a person. Firms read that a reason was given.
            let reasons = if reasons.is_empty() {
                t!(lang, "matches-reason-no-reason-given")
            } else {
                t!(lang, "matches-reason-reason-given")
            };
            if *same_material {
                t!(
                    lang,
                    "matches-reason-declined-before-material",
                    count = count,
                    supplier = supplier,
                    receiver = receiver,
                    percent = percent,
                    reasons = reasons
                )
            } else {
                t!(
                    lang,
                    "matches-reason-declined-before-sectors",
                    count = count,
                    supplier = supplier,
                    receiver = receiver,
                    percent = percent,
                    reasons = reasons
                )
            }
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sectors_are_named_in_both_languages_and_an_unknown_one_says_so() {
        assert_eq!(sector(Lang::Dutch, Some("C10.71")), "Industrie");
        assert_eq!(sector(Lang::English, Some("C10.71")), "Manufacturing");
        assert_eq!(
            sector(Lang::English, Some("E38")),
            "Water, waste and recycling"
        );
        assert_eq!(sector(Lang::Dutch, None), "Sector onbekend");
        assert_eq!(sector(Lang::English, Some("")), "Sector unknown");
        assert_eq!(
            sector_in(Lang::English, Some("A01"), "Weert"),
            "Agriculture in Weert"
        );
    }

    #[test]
    fn earlier_exchanges_are_explained_with_sectors_counts_reasons_and_their_effect() {
        let worked = Reason::WorkedBefore {
            completed: 2,
            same_material: true,
            supplier: 'C',
            receiver: 'A',
            raised: 0.3,
        };
        let declined = Reason::DeclinedBefore {
            declined: 1,
            same_material: false,
            supplier: 'C',
            receiver: 'A',
            reasons: vec!["te nat".into()],
            lowered: 0.05,
        };

        assert_eq!(
            reason(Lang::Dutch, &worked),
            "werkte eerder: 2 afgeronde uitwisselingen van dit materiaal tussen deze sectoren \
             (Industrie → Landbouw, bosbouw en visserij); daarom hoger gerangschikt (+30%)"
        );
        assert_eq!(
            reason(Lang::English, &worked),
            "worked before: 2 completed exchanges of this material between these sectors \
             (Manufacturing → Agriculture); ranked higher for it (+30%)"
        );
        assert_eq!(
            reason(Lang::Dutch, &declined),
            "eerder afgewezen voor ander materiaal tussen deze sectoren \
             (Industrie → Landbouw, bosbouw en visserij): om een opgegeven reden — 1 keer; \
             daarom lager gerangschikt (−5%)"
        );
        assert_eq!(
            reason(Lang::English, &declined),
            "declined before for other materials between these sectors \
             (Manufacturing → Agriculture): for a stated reason — once; ranked lower for it (−5%)"
        );
    }

    #[test]
    fn reasons_use_the_readers_numbers() {
        let distance = Reason::Distance {
            road_km: 1234.56,
            max_road_km: 1500.0,
        };
        assert_eq!(
            reason(Lang::Dutch, &distance),
            "1.234,6 km over de weg (ontvanger haalt op tot 1.500 km)"
        );
        assert_eq!(
            reason(Lang::English, &distance),
            "1,234.6 km by road (receiver collects up to 1,500 km)"
        );
    }
}
