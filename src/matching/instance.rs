//! The matcher's input: a compact snapshot of a region. Firms, offers and needs refer to each
//! other by index; materials are small integer keys so that acceptance tests are cheap.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use super::economics::Params;
use super::fit::{self, text::StemmedText};
use crate::domain::cross_border::Country;
use crate::domain::descriptors::{NeedDescriptors, OfferDescriptors};
use crate::domain::material_class::{ClassKey, MaterialClass, Taxonomy};
use crate::domain::{Accepted, Catalogue, Material, Need, Offer, Region, Resource, Unit};

/// A material as a small integer: List-of-Waste codes in official order, then the resource
/// vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MaterialKey(pub u16);

impl MaterialKey {
    /// The key of a material.
    pub fn of(material: &Material) -> MaterialKey {
        match material {
            Material::Waste(code) => MaterialKey(
                Catalogue::get()
                    .index_of(code.digits())
                    .expect("an EwcCode always names a catalogue entry") as u16,
            ),
            Material::Resource(resource) => {
                let position = Resource::ALL
                    .iter()
                    .position(|r| r == resource)
                    .expect("every resource is listed");
                MaterialKey((Catalogue::get().entries().len() + position) as u16)
            }
        }
    }

    /// The code as written in files (`02 02 03`, `heat-low`).
    pub fn code(self) -> &'static str {
        let entries = Catalogue::get().entries();
        let index = self.0 as usize;
        match entries.get(index) {
            Some(entry) => &entry.code,
            None => Resource::ALL[index - entries.len()].code(),
        }
    }

    /// Every key an acceptance-list entry covers (a chapter covers all its codes).
    pub fn covered_by(accepted: &Accepted) -> Vec<MaterialKey> {
        match accepted {
            Accepted::Material(material) => vec![MaterialKey::of(material)],
            Accepted::Chapter(prefix) | Accepted::SubChapter(prefix) => Catalogue::get()
                .entries()
                .iter()
                .enumerate()
                .filter(|(_, e)| e.digits.starts_with(prefix.as_str()))
                .map(|(i, _)| MaterialKey(i as u16))
                .collect(),
        }
    }
}

/// A firm: where it is and what it is.
#[derive(Debug, Clone, PartialEq)]
pub struct FirmSite {
    pub id: String,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    /// NACE Rev.2 code, when known.
    pub nace: Option<String>,
    pub employees: u32,
    pub municipality: String,
    /// The country the firm sits in (the border procedure depends on it).
    pub country: Country,
}

/// What the hard rules, the border procedure and the technical fit read of an offer beyond
/// its code. Shared, so that clones of an instance stay cheap; an instance whose flows carry
/// no descriptors and whose firms all sit in one country carries none of these at all.
#[derive(Debug, Clone, PartialEq)]
pub struct OfferTraits {
    /// The code, as the border procedure and the second-pass rule read it.
    pub material: Material,
    /// The material class, if stated.
    pub class: Option<&'static MaterialClass>,
    /// The descriptors (each may be unknown).
    pub descriptors: OfferDescriptors,
    /// The description with the class labels, stemmed once.
    pub text: StemmedText,
    /// True when a class or a descriptor is stated.
    pub described: bool,
}

impl OfferTraits {
    /// The traits of an offer of the region.
    pub fn of(offer: &Offer) -> OfferTraits {
        let class = offer.material_class();
        OfferTraits {
            material: offer.material(),
            class,
            descriptors: offer.descriptors().clone(),
            text: fit::offer_text(offer.description(), class),
            described: class.is_some() || *offer.descriptors() != OfferDescriptors::default(),
        }
    }
}

/// What the hard rules, the border procedure and the technical fit read of a need beyond the
/// codes it accepts.
#[derive(Debug, Clone, PartialEq)]
pub struct NeedTraits {
    /// The descriptors (accepted classes, specs, treatment, use, licences).
    pub descriptors: NeedDescriptors,
    /// The description with the labels of the accepted classes, stemmed once.
    pub text: StemmedText,
    /// True when a descriptor is stated.
    pub described: bool,
    /// Codes the need reaches only through its accepted classes (candidate codes of those
    /// classes that its own code list lacks), sorted. An offer of such a code is a candidate
    /// only when its stated class is accepted: the code alone may hold another material.
    pub class_codes: Vec<MaterialKey>,
}

impl NeedTraits {
    /// The traits of a need of the region.
    pub fn of(need: &Need, accepts: &[MaterialKey]) -> NeedTraits {
        NeedTraits::new(
            need.descriptors().clone(),
            fit::need_text(need.description(), need.descriptors()),
            accepts,
        )
    }

    /// The traits of a need with these descriptors, stemmed text and accepted codes (sorted).
    pub fn new(
        descriptors: NeedDescriptors,
        text: StemmedText,
        accepts: &[MaterialKey],
    ) -> NeedTraits {
        NeedTraits {
            class_codes: class_codes(&descriptors.accepted_classes, accepts),
            described: descriptors != NeedDescriptors::default(),
            descriptors,
            text,
        }
    }
}

/// The candidate codes of the accepted classes that the need's own sorted list lacks.
///
/// Only classes named one by one count: a whole group ("organic") is a filter on the need's
/// own codes, never a licence to search every code of the group (compost offered to a
/// compost works because both sit in the group).
fn class_codes(accepted: &[ClassKey], own: &[MaterialKey]) -> Vec<MaterialKey> {
    let taxonomy = Taxonomy::get();
    let mut codes: Vec<MaterialKey> = accepted
        .iter()
        .filter_map(|key| taxonomy.class(key.as_str()))
        .flat_map(|class| &class.codes)
        .filter_map(|code| Material::parse(code).ok())
        .map(|material| MaterialKey::of(&material))
        .filter(|key| own.binary_search(key).is_err())
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes
}

/// A residual flow on offer.
#[derive(Debug, Clone, PartialEq)]
pub struct OfferFlow {
    pub id: String,
    /// Index into [`Instance::firms`].
    pub firm: u32,
    pub material: MaterialKey,
    pub hazardous: bool,
    pub unit: Unit,
    /// Units per year.
    pub quantity: f64,
    /// € per unit paid today to get rid of it (negative when sold).
    pub disposal_cost: f64,
    pub available_from: Option<NaiveDate>,
    pub available_until: Option<NaiveDate>,
    /// Class, descriptors and stemmed text; `None` in a region without descriptors or
    /// borders (the code alone decides, as before descriptors existed).
    pub traits: Option<Arc<OfferTraits>>,
}

impl OfferFlow {
    /// True when a class or a descriptor is stated.
    pub fn is_described(&self) -> bool {
        self.traits.as_ref().is_some_and(|t| t.described)
    }
}

/// An input needed.
#[derive(Debug, Clone, PartialEq)]
pub struct NeedFlow {
    pub id: String,
    /// Index into [`Instance::firms`].
    pub firm: u32,
    /// Accepted materials, sorted, without duplicates (chapters expanded).
    pub accepts: Vec<MaterialKey>,
    pub unit: Unit,
    /// Units per year it can take.
    pub quantity: f64,
    /// Smallest yearly supply it takes from a single supplier.
    pub min_lot: f64,
    /// € per unit paid today for the virgin input.
    pub virgin_price: f64,
    /// Farthest road distance it collects from, km.
    pub max_road_km: f64,
    pub licensed_for_hazardous: bool,
    /// Descriptors and stemmed text; `None` in a region without descriptors or borders.
    pub traits: Option<Arc<NeedTraits>>,
}

impl NeedFlow {
    /// True when a descriptor is stated.
    pub fn is_described(&self) -> bool {
        self.traits.as_ref().is_some_and(|t| t.described)
    }

    /// Codes reached only through the accepted classes (see [`NeedTraits::class_codes`]).
    pub fn class_codes(&self) -> &[MaterialKey] {
        self.traits.as_deref().map_or(&[], |t| &t.class_codes)
    }

    /// Every code to search offers of: the accepted codes, then the codes of the accepted
    /// classes. No code comes twice.
    pub fn searched_materials(&self) -> impl Iterator<Item = MaterialKey> + '_ {
        self.accepts.iter().chain(self.class_codes()).copied()
    }

    /// True when the need takes the offer's material: its code is accepted, or the code
    /// belongs to an accepted class and the offer states that class.
    pub fn takes(&self, offer: &OfferFlow) -> bool {
        if self.accepts.binary_search(&offer.material).is_ok() {
            return true;
        }
        self.class_codes().binary_search(&offer.material).is_ok() && self.takes_class_of(offer)
    }

    /// True when the offer states a class that the need accepts.
    fn takes_class_of(&self, offer: &OfferFlow) -> bool {
        let (Some(need), Some(class)) = (
            self.traits.as_deref(),
            offer.traits.as_deref().and_then(|t| t.class),
        ) else {
            return false;
        };
        need.descriptors
            .accepted_classes
            .iter()
            .any(|key| key.covers(class))
    }
}

/// A region snapshot as the matcher sees it.
#[derive(Debug, Clone, Default)]
pub struct Instance {
    pub params: Params,
    pub firms: Vec<FirmSite>,
    pub offers: Vec<OfferFlow>,
    pub needs: Vec<NeedFlow>,
}

impl Instance {
    /// Builds the snapshot of a validated region. Flows of firms missing from the region are
    /// left out (a validated region has none).
    pub fn from_region(region: &Region) -> Instance {
        let params = region
            .parameters
            .as_ref()
            .map(Params::from_parameters)
            .unwrap_or_default();
        let firm_index: HashMap<&str, u32> = region
            .firms
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id().as_str(), i as u32))
            .collect();
        let firms = region
            .firms
            .iter()
            .map(|f| FirmSite {
                id: f.id().to_string(),
                name: f.name().to_string(),
                lat: f.location().lat(),
                lon: f.location().lon(),
                nace: f.nace().map(|n| n.as_str().to_string()),
                employees: f.employees(),
                municipality: f.municipality().to_string(),
                country: f.country(),
            })
            .collect();
        let traits = carries_traits(region);
        let offers = region
            .offers
            .iter()
            .filter_map(|o| {
                Some(OfferFlow {
                    id: o.id().to_string(),
                    firm: *firm_index.get(o.firm().as_str())?,
                    material: MaterialKey::of(&o.material()),
                    hazardous: o.material().is_hazardous(),
                    unit: o.quantity().unit(),
                    quantity: o.quantity().amount(),
                    disposal_cost: o.disposal_cost_eur_per_unit(),
                    available_from: o.available_from(),
                    available_until: o.available_until(),
                    traits: traits.then(|| Arc::new(OfferTraits::of(o))),
                })
            })
            .collect();
        let needs = region
            .needs
            .iter()
            .filter_map(|n| {
                let mut accepts: Vec<MaterialKey> = n
                    .accepts()
                    .iter()
                    .flat_map(MaterialKey::covered_by)
                    .collect();
                accepts.sort_unstable();
                accepts.dedup();
                let need_traits = traits.then(|| Arc::new(NeedTraits::of(n, &accepts)));
                Some(NeedFlow {
                    id: n.id().to_string(),
                    firm: *firm_index.get(n.firm().as_str())?,
                    accepts,
                    unit: n.quantity().unit(),
                    quantity: n.quantity().amount(),
                    min_lot: n.min_lot_per_year(),
                    virgin_price: n.virgin_price_eur_per_unit(),
                    max_road_km: n.max_distance_km(),
                    licensed_for_hazardous: n.licensed_for_hazardous(),
                    traits: need_traits,
                })
            })
            .collect();
        Instance {
            params,
            firms,
            offers,
            needs,
        }
    }

    /// The firm of an offer.
    pub fn offer_firm(&self, offer: usize) -> &FirmSite {
        &self.firms[self.offers[offer].firm as usize]
    }

    /// The firm of a need.
    pub fn need_firm(&self, need: usize) -> &FirmSite {
        &self.firms[self.needs[need].firm as usize]
    }
}

/// Flows carry traits only when the region needs them: some flow is described or some firm
/// sits across a border. A region known only by codes (every older one, and the generated
/// benchmark instances) stems no text and keeps its memory.
fn carries_traits(region: &Region) -> bool {
    let first = region.firms.first().map(|f| f.country());
    region.firms.iter().any(|f| Some(f.country()) != first)
        || region.offers.iter().any(|o| {
            o.material_class_key().is_some() || *o.descriptors() != OfferDescriptors::default()
        })
        || region
            .needs
            .iter()
            .any(|n| *n.descriptors() != NeedDescriptors::default())
}
