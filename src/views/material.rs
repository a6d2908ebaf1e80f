//! A material as people read it: the official List-of-Waste code beside its label
//! (`02 03 04 Koffiedik…`), and for our own resources (`heat-medium`) the label alone — their
//! codes are for files, not for people.

use maud::{Markup, html};

use super::format::{accepted_label, material_label};
use crate::domain::{Accepted, Material};
use crate::i18n::Lang;

/// The EWC code (when it has one) and the label of `material` in `lang`.
pub fn material(lang: Lang, material: &Material) -> Markup {
    html! {
        @if let Material::Waste(code) = material { span.code { (code.as_str()) } " " }
        (material_label(lang, material))
    }
}

/// An acceptance entry: a chapter or code with its label, a resource by its label.
pub fn accepted(lang: Lang, accepted: &Accepted) -> Markup {
    html! {
        @match accepted {
            Accepted::Material(chosen) => (material(lang, chosen)),
            _ => { span.code { (accepted.to_code()) } " " (accepted_label(lang, accepted)) }
        }
    }
}

/// The start of a flow's description, enough to recognise it in a sentence.
pub fn snippet(description: &str) -> String {
    const CHARS: usize = 60;
    if description.chars().count() <= CHARS {
        return description.to_string();
    }
    let cut: String = description.chars().take(CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_resource_shows_its_label_and_not_its_code() {
        let heat = Material::parse("heat-medium").unwrap();
        let shown = material(Lang::Dutch, &heat).into_string();
        assert!(!shown.contains("heat-medium"), "{shown}");
        assert!(
            shown.contains(&material_label(Lang::Dutch, &heat)),
            "{shown}"
        );
        let english = accepted(Lang::English, &Accepted::Material(heat)).into_string();
        assert!(!english.contains("heat-medium"), "{english}");
    }

    #[test]
    fn a_waste_code_shows_beside_its_label() {
        let coffee = Material::parse("02 03 04").unwrap();
        let shown = material(Lang::Dutch, &coffee).into_string();
        assert!(
            shown.starts_with("<span class=\"code\">02 03 04</span> "),
            "{shown}"
        );
    }
}
