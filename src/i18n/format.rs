//! Quantities, units and materials in the reader's language: `1.234,5 t/jaar`, `1,234.5 t/year`.

use crate::domain::{Accepted, Material, Quantity, Unit};
use crate::i18n::{self, Lang};
use crate::t;

/// The abbreviation of a unit in the reader's language.
pub fn unit(lang: Lang, unit: Unit) -> String {
    match unit {
        Unit::Tonnes => t!(lang, "unit-tonnes"),
        Unit::CubicMetres => t!(lang, "unit-cubic-metres"),
        Unit::MegawattHours => t!(lang, "unit-megawatt-hours"),
        Unit::Pieces => t!(lang, "unit-pieces"),
    }
}

/// `1.234,5 t/jaar` or `1,234.5 t/year`.
pub fn quantity(lang: Lang, quantity: Quantity) -> String {
    t!(
        lang,
        "quantity-per-year",
        amount = i18n::number(lang, quantity.amount(), 1),
        unit = unit(lang, quantity.unit())
    )
}

/// The name of a material in the reader's language (English where the Dutch law text has
/// none).
pub fn material_label(lang: Lang, material: &Material) -> String {
    match material {
        Material::Waste(code) => {
            let entry = code.entry();
            if lang == Lang::English || entry.description_nl.is_empty() {
                entry.description_en.clone()
            } else {
                entry.description_nl.clone()
            }
        }
        Material::Resource(resource) => match lang {
            Lang::Dutch => resource.label_nl().to_string(),
            Lang::English => resource.label_en().to_string(),
        },
    }
}

/// The label of an acceptance-list entry in the reader's language.
pub fn accepted_label(lang: Lang, accepted: &Accepted) -> String {
    match accepted {
        Accepted::Material(material) => material_label(lang, material),
        Accepted::Chapter(_) => t!(lang, "accepted-chapter", code = accepted.to_string()),
        Accepted::SubChapter(_) => t!(lang, "accepted-sub-chapter", code = accepted.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Quantity;

    #[test]
    fn quantities_read_in_the_readers_language() {
        let q = Quantity::new("q", 1234.5, Unit::Tonnes).unwrap();
        assert_eq!(quantity(Lang::Dutch, q), "1.234,5\u{a0}t/jaar");
        assert_eq!(quantity(Lang::English, q), "1,234.5\u{a0}t/year");
        assert_eq!(unit(Lang::English, Unit::Pieces), "pieces");
    }
}
