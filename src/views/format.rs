//! Numbers, quantities and materials as Dutch readers expect them: `1.234,5 t`.

use crate::domain::{Accepted, Material, Quantity, Unit};

/// A number with Dutch separators and at most `decimals` decimals (trailing zeros dropped).
pub fn number_nl(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    let fraction = fraction.trim_end_matches('0');
    let sign = if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "−"
    } else {
        ""
    };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{fraction}")
    }
}

/// The Dutch abbreviation of a unit.
pub fn unit_nl(unit: Unit) -> &'static str {
    match unit {
        Unit::Tonnes => "t",
        Unit::CubicMetres => "m³",
        Unit::MegawattHours => "MWh",
        Unit::Pieces => "stuks",
    }
}

/// `1.234,5 t/jaar`.
pub fn quantity_nl(quantity: Quantity) -> String {
    // A non-breaking space keeps the number and its unit on one line.
    format!(
        "{}\u{a0}{}/jaar",
        number_nl(quantity.amount(), 1),
        unit_nl(quantity.unit())
    )
}

/// The Dutch name of a material (English where the Dutch law text has none).
pub fn material_label_nl(material: &Material) -> String {
    match material {
        Material::Waste(code) => {
            let entry = code.entry();
            if entry.description_nl.is_empty() {
                entry.description_en.clone()
            } else {
                entry.description_nl.clone()
            }
        }
        Material::Resource(resource) => resource.label_nl().to_string(),
    }
}

/// The Dutch label of an acceptance-list entry.
pub fn accepted_label_nl(accepted: &Accepted) -> String {
    match accepted {
        Accepted::Material(material) => material_label_nl(material),
        Accepted::Chapter(_) => format!("heel hoofdstuk {accepted}"),
        Accepted::SubChapter(_) => format!("hele subgroep {accepted}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_numbers_group_thousands_with_dots_and_use_a_decimal_comma() {
        assert_eq!(number_nl(1234.5, 1), "1.234,5");
        assert_eq!(number_nl(1_000_000.0, 1), "1.000.000");
        assert_eq!(number_nl(12.0, 2), "12");
        assert_eq!(number_nl(-250.25, 2), "−250,25");
        assert_eq!(number_nl(-0.001, 1), "0");
    }
}
