//! Offers: residual flows a firm wants to get rid of.

use chrono::NaiveDate;

use super::{FlowBasics, common_draft, deref_to_basics, parse_common, units_text};
use crate::domain::descriptors::{HazardSet, OfferDescriptorFields, OfferDescriptors, is_unknown};
use crate::domain::material::Material;
use crate::domain::material_class::{ClassKey, MaterialClass, Taxonomy};
use crate::domain::problem::Problems;
use crate::domain::values::{eur_per_unit, parse_date};

/// An offer as it arrives from a file or a form, before validation. Quantities and money are
/// per unit of `unit` (tonnes when `unit` is absent).
#[derive(Debug, Clone, Default)]
pub struct OfferDraft {
    pub id: String,
    pub firm: String,
    pub material: String,
    pub declared_hazardous: Option<bool>,
    pub description: String,
    pub quantity_per_year: f64,
    pub unit: Option<String>,
    pub disposal_cost_eur_per_unit: f64,
    pub regularity: Option<String>,
    pub available_from: Option<String>,
    pub available_until: Option<String>,
    pub confidentiality: Option<String>,
    pub last_confirmed: Option<String>,
    /// The material class key (`food.coffee-grounds`); absent or `unknown` = not stated.
    pub material_class: Option<String>,
    /// The descriptors as text (forms and files); every field empty = all unknown.
    pub descriptors: OfferDescriptorFields,
    /// Pickup terms (offer) or delivery terms (need) as free text; absent or blank = none.
    pub pickup_terms: Option<String>,
}

/// A residual flow a firm wants to get rid of. What every flow has (its id, firm, quantity,
/// confidentiality…) is read through [`FlowBasics`].
#[derive(Debug, Clone, PartialEq)]
pub struct Offer {
    basics: FlowBasics,
    material: Material,
    declared_hazardous: Option<bool>,
    disposal_cost_eur_per_unit: f64,
    available_from: Option<NaiveDate>,
    available_until: Option<NaiveDate>,
    /// The material class, when the firm stated one (issue #11); a leaf of the taxonomy.
    material_class: Option<ClassKey>,
    /// What the law and the firm's measurements say of the stream; all unknown by default.
    descriptors: OfferDescriptors,
}

deref_to_basics!(Offer);

impl Offer {
    /// Validates a draft, reporting every problem. `today` fills a missing `last_confirmed`
    /// and bounds it (a confirmation cannot lie in the future).
    pub fn parse(draft: OfferDraft, today: NaiveDate) -> Result<Offer, Problems> {
        let mut problems = Problems::default();
        let common = parse_common(&mut problems, common_draft!(draft), today);
        let material = match Material::parse(&draft.material) {
            Ok(material) => Some(material),
            Err(reason) => {
                problems.push("material", reason);
                None
            }
        };
        if let (Some(material), Some(unit)) = (material, common.unit)
            && !material.units().contains(&unit)
        {
            problems.push(
                "unit",
                format!(
                    "{material} is measured in {}, not {unit}",
                    units_text(material.units())
                ),
            );
        }
        let declared_hazardous = material.and_then(|material| {
            check_declaration(&mut problems, material, draft.declared_hazardous)
        });
        let disposal_cost = problems.take(eur_per_unit(
            "disposal_cost_eur_per_unit",
            draft.disposal_cost_eur_per_unit,
        ));
        let available_from = draft
            .available_from
            .as_deref()
            .and_then(|text| problems.take(parse_date("available_from", text)));
        let available_until = draft
            .available_until
            .as_deref()
            .and_then(|text| problems.take(parse_date("available_until", text)));
        if let (Some(from), Some(until)) = (available_from, available_until)
            && from > until
        {
            problems.push(
                "available_until",
                format!("{until} comes before available_from {from}"),
            );
        }
        let stated = parse_stated(&mut problems, &draft, material);
        let offer = problems.into_result(|| Offer {
            basics: common.into_basics(),
            material: material.expect("checked"),
            declared_hazardous,
            disposal_cost_eur_per_unit: disposal_cost.expect("checked"),
            available_from,
            available_until,
            material_class: None,
            descriptors: OfferDescriptors::default(),
        })?;
        let (class, descriptors) = stated.expect("checked");
        offer.with_descriptors(class, descriptors)
    }

    /// The same offer with a material class and descriptors. A class must be a leaf of the
    /// taxonomy (not a group) and, when the code lists candidate classes, one of them.
    pub fn with_descriptors(
        mut self,
        material_class: Option<ClassKey>,
        descriptors: OfferDescriptors,
    ) -> Result<Offer, Problems> {
        if let Some(key) = &material_class {
            let taxonomy = Taxonomy::get();
            match taxonomy.class(key.as_str()) {
                None => {
                    let mut problems = Problems::default();
                    problems.push(
                        "material_class",
                        format!("\"{key}\" is a group of classes; pick one class in it"),
                    );
                    return Err(problems);
                }
                Some(class) => {
                    let code = self.material.code();
                    let candidates = taxonomy.classes_for_code(code);
                    if !candidates.is_empty() && !class.has_code(code) {
                        let mut problems = Problems::default();
                        problems.push(
                            "material_class",
                            format!("\"{key}\" is not a class of code {code}"),
                        );
                        return Err(problems);
                    }
                }
            }
        }
        self.material_class = material_class;
        self.descriptors = descriptors;
        Ok(self)
    }

    /// The stated material class key, if any.
    pub fn material_class_key(&self) -> Option<&ClassKey> {
        self.material_class.as_ref()
    }
    /// The stated material class, if any.
    pub fn material_class(&self) -> Option<&'static MaterialClass> {
        self.material_class
            .as_ref()
            .and_then(|key| Taxonomy::get().class(key.as_str()))
    }
    /// Legal status, origin, hazards, form and measured properties (each may be unknown).
    pub fn descriptors(&self) -> &OfferDescriptors {
        &self.descriptors
    }

    /// What the flow is made of.
    pub fn material(&self) -> Material {
        self.material
    }
    /// For a mirror entry: whether the holder declared it hazardous (agrees with the code).
    pub fn declared_hazardous(&self) -> Option<bool> {
        self.declared_hazardous
    }
    /// What the firm pays today per unit to get rid of it; negative when it is sold today.
    pub fn disposal_cost_eur_per_unit(&self) -> f64 {
        self.disposal_cost_eur_per_unit
    }
    /// First day it is available; `None` means now.
    pub fn available_from(&self) -> Option<NaiveDate> {
        self.available_from
    }
    /// Last day it is available; `None` means open-ended.
    pub fn available_until(&self) -> Option<NaiveDate> {
        self.available_until
    }
}

/// The class and descriptors the draft states as text, each problem at its field: a class
/// key that is no class, a descriptor that does not read, hazardous properties on a
/// non-hazardous code. Whether the class fits the code is [`Offer::with_descriptors`]' check.
fn parse_stated(
    problems: &mut Problems,
    draft: &OfferDraft,
    material: Option<Material>,
) -> Option<(Option<ClassKey>, OfferDescriptors)> {
    let class = match draft.material_class.as_deref() {
        Some(text) if !is_unknown(text) => match ClassKey::parse(text) {
            Ok(key) => Some(Some(key)),
            Err(problem) => {
                problems.push("material_class", problem.reason);
                None
            }
        },
        _ => Some(None),
    };
    let descriptors = match OfferDescriptors::parse(&draft.descriptors) {
        Ok(descriptors) => Some(descriptors),
        Err(found) => {
            problems.0.extend(found.0);
            None
        }
    };
    // Checked on its own: a refused neighbour (the legal status) must not hide this problem.
    if let (Some(Material::Waste(code)), Ok(hazards)) = (
        material,
        HazardSet::parse(&draft.descriptors.hazard_properties),
    ) {
        problems.take(hazards.check_against(code.entry()));
    }
    Some((class?, descriptors?))
}

/// A mirror entry records its holder's declaration; it must agree with the half of the pair
/// chosen. Absolute entries need none, so a matching declaration is dropped.
fn check_declaration(
    problems: &mut Problems,
    material: Material,
    declared: Option<bool>,
) -> Option<bool> {
    let Material::Waste(code) = material else {
        if declared == Some(true) {
            problems.push(
                "declared_hazardous",
                format!("{material} is not a List-of-Waste code and cannot be hazardous waste"),
            );
        }
        return None;
    };
    let hazardous = code.is_hazardous();
    let mirror = code.entry().entry_type.is_mirror();
    match declared {
        Some(value) if value != hazardous => {
            let hint = if mirror {
                "choose the other code of this mirror pair"
            } else {
                "it is an absolute entry"
            };
            let state = if hazardous {
                "hazardous"
            } else {
                "not hazardous"
            };
            problems.push(
                "declared_hazardous",
                format!("{value} contradicts {code}, which is {state}; {hint}"),
            );
            None
        }
        _ if mirror => Some(hazardous),
        _ => None,
    }
}
