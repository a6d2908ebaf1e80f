//! Materials: a List-of-Waste code or a code of our own resource vocabulary, and what a need
//! accepts (a code, a sub-chapter or a whole chapter).

use std::fmt;

use super::catalogue::{Catalogue, CatalogueEntry};
use super::problem::FieldProblem;

/// Units a flow is measured in, per year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    /// Tonnes.
    Tonnes,
    /// Cubic metres.
    CubicMetres,
    /// Megawatt-hours (heat, steam).
    MegawattHours,
    /// Countable items (pallets, crates).
    Pieces,
}

impl Unit {
    /// Every unit, in the order forms list them.
    pub const ALL: [Unit; 4] = [
        Unit::Tonnes,
        Unit::CubicMetres,
        Unit::MegawattHours,
        Unit::Pieces,
    ];

    /// The spelling used in files: `t`, `m3`, `MWh`, `pieces`.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Tonnes => "t",
            Unit::CubicMetres => "m3",
            Unit::MegawattHours => "MWh",
            Unit::Pieces => "pieces",
        }
    }

    /// Reads a unit as written in files and forms (a few common spellings accepted).
    pub fn parse(text: &str) -> Result<Unit, FieldProblem> {
        match text.trim().to_lowercase().as_str() {
            "t" | "ton" | "tonne" | "tonnes" => Ok(Unit::Tonnes),
            "m3" | "m³" => Ok(Unit::CubicMetres),
            "mwh" => Ok(Unit::MegawattHours),
            "pieces" | "piece" | "stuks" | "pcs" => Ok(Unit::Pieces),
            _ => Err(FieldProblem::new(
                "unit",
                format!("\"{text}\" is not a unit; use t, m3, MWh or pieces"),
            )),
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A code of the European List of Waste, known to exist in the shipped catalogue.
#[derive(Debug, Clone, Copy)]
pub struct EwcCode {
    entry: &'static CatalogueEntry,
}

impl EwcCode {
    /// Parses `02 02 03`, `020203`, `02.02.03` or `13 02 05*`. A `*` on a non-hazardous code is
    /// refused (it signals a mix-up); a hazardous code without its `*` is accepted and
    /// written with it, since the six digits identify the entry.
    pub fn parse(text: &str) -> Result<EwcCode, String> {
        let trimmed = text.trim();
        let (body, starred) = match trimmed.strip_suffix('*') {
            Some(body) => (body.trim_end(), true),
            None => (trimmed, false),
        };
        let digits: String = body.chars().filter(|c| !matches!(c, ' ' | '.')).collect();
        if digits.len() != 6 || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(format!(
                "\"{text}\" is not a List-of-Waste code; write six digits like 02 02 03"
            ));
        }
        let Some(entry) = Catalogue::get().entry(&digits) else {
            return Err(format!("\"{text}\" is not in the European List of Waste"));
        };
        if starred && !entry.hazardous {
            return Err(format!(
                "\"{text}\": {} is not a hazardous code; remove the '*'",
                entry.code
            ));
        }
        Ok(EwcCode { entry })
    }

    /// The official spelling, `02 02 03` or `13 02 05*`.
    pub fn as_str(&self) -> &'static str {
        &self.entry.code
    }

    /// The six digits, `020203`.
    pub fn digits(&self) -> &'static str {
        &self.entry.digits
    }

    /// Hazardous waste (`*`).
    pub fn is_hazardous(&self) -> bool {
        self.entry.hazardous
    }

    /// The catalogue entry with its labels and entry type.
    pub fn entry(&self) -> &'static CatalogueEntry {
        self.entry
    }
}

impl PartialEq for EwcCode {
    fn eq(&self, other: &Self) -> bool {
        self.entry.digits == other.entry.digits
    }
}
impl Eq for EwcCode {}

impl fmt::Display for EwcCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Our own small vocabulary for flows the List of Waste does not cover: energy, water and CO₂.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Resource {
    /// Waste heat below 60 °C (cooling circuits, condensers).
    HeatLow,
    /// Waste heat from 60 to 120 °C (ovens, compressors, CHP jacket water).
    HeatMedium,
    /// Waste heat above 120 °C (flue gas, kilns).
    HeatHigh,
    /// Steam.
    Steam,
    /// Cooling water.
    CoolingWater,
    /// Process water (rinse water, condensate).
    ProcessWater,
    /// Carbon dioxide (biogas upgrading, fermentation).
    Co2,
}

impl Resource {
    /// Every resource code, in documentation order.
    pub const ALL: [Resource; 7] = [
        Resource::HeatLow,
        Resource::HeatMedium,
        Resource::HeatHigh,
        Resource::Steam,
        Resource::CoolingWater,
        Resource::ProcessWater,
        Resource::Co2,
    ];

    /// The code used in files: `heat-low`, `cooling-water`, `co2`.
    pub fn code(self) -> &'static str {
        match self {
            Resource::HeatLow => "heat-low",
            Resource::HeatMedium => "heat-medium",
            Resource::HeatHigh => "heat-high",
            Resource::Steam => "steam",
            Resource::CoolingWater => "cooling-water",
            Resource::ProcessWater => "process-water",
            Resource::Co2 => "co2",
        }
    }

    /// Dutch label.
    pub fn label_nl(self) -> &'static str {
        match self {
            Resource::HeatLow => "Restwarmte onder 60 °C",
            Resource::HeatMedium => "Restwarmte 60–120 °C",
            Resource::HeatHigh => "Restwarmte boven 120 °C",
            Resource::Steam => "Stoom",
            Resource::CoolingWater => "Koelwater",
            Resource::ProcessWater => "Proceswater",
            Resource::Co2 => "CO₂",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Resource::HeatLow => "Waste heat below 60 °C",
            Resource::HeatMedium => "Waste heat 60–120 °C",
            Resource::HeatHigh => "Waste heat above 120 °C",
            Resource::Steam => "Steam",
            Resource::CoolingWater => "Cooling water",
            Resource::ProcessWater => "Process water",
            Resource::Co2 => "Carbon dioxide",
        }
    }

    /// The units this resource can be measured in.
    pub fn units(self) -> &'static [Unit] {
        match self {
            Resource::HeatLow | Resource::HeatMedium | Resource::HeatHigh => &[Unit::MegawattHours],
            Resource::Steam => &[Unit::MegawattHours, Unit::Tonnes],
            Resource::CoolingWater | Resource::ProcessWater => &[Unit::CubicMetres],
            Resource::Co2 => &[Unit::Tonnes],
        }
    }

    /// The resource with this code, if any.
    pub fn from_code(code: &str) -> Option<Resource> {
        let code = code.trim().to_lowercase();
        Resource::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// Units a List-of-Waste material may be measured in (not MWh: that is energy).
pub const WASTE_UNITS: [Unit; 3] = [Unit::Tonnes, Unit::CubicMetres, Unit::Pieces];

/// What a flow is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Material {
    /// A List-of-Waste code.
    Waste(EwcCode),
    /// A code of our resource vocabulary.
    Resource(Resource),
}

impl Material {
    /// Parses a List-of-Waste code or a resource code.
    pub fn parse(text: &str) -> Result<Material, String> {
        if let Some(resource) = Resource::from_code(text) {
            return Ok(Material::Resource(resource));
        }
        EwcCode::parse(text).map(Material::Waste).map_err(|reason| {
            if text.trim().chars().any(|c| c.is_ascii_alphabetic()) {
                format!(
                    "\"{text}\" is neither a List-of-Waste code nor one of {}",
                    resource_codes()
                )
            } else {
                reason
            }
        })
    }

    /// The code as written in files.
    pub fn code(&self) -> &'static str {
        match self {
            Material::Waste(code) => code.as_str(),
            Material::Resource(resource) => resource.code(),
        }
    }

    /// Hazardous waste: only licensed receivers may take it.
    pub fn is_hazardous(&self) -> bool {
        matches!(self, Material::Waste(code) if code.is_hazardous())
    }

    /// The units this material may be measured in.
    pub fn units(&self) -> &'static [Unit] {
        match self {
            Material::Waste(_) => &WASTE_UNITS,
            Material::Resource(resource) => resource.units(),
        }
    }
}

impl fmt::Display for Material {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

fn resource_codes() -> String {
    Resource::ALL.map(Resource::code).join(", ")
}

/// One entry of a need's acceptance list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Accepted {
    /// Exactly this material.
    Material(Material),
    /// A whole List-of-Waste chapter, two digits (`15`).
    Chapter(String),
    /// A List-of-Waste sub-chapter, four digits (`1501`, written `15 01`).
    SubChapter(String),
}

impl Accepted {
    /// Parses `15`, `15 01`, a full code or a resource code.
    pub fn parse(text: &str) -> Result<Accepted, String> {
        let digits: String = text
            .trim()
            .chars()
            .filter(|c| !matches!(c, ' ' | '.'))
            .collect();
        let all_digits = !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit());
        if all_digits && (digits.len() == 2 || digits.len() == 4) {
            if !Catalogue::get().has_prefix(&digits) {
                let what = if digits.len() == 2 {
                    "chapter"
                } else {
                    "sub-chapter"
                };
                return Err(format!(
                    "\"{text}\" is not a {what} of the European List of Waste"
                ));
            }
            return Ok(if digits.len() == 2 {
                Accepted::Chapter(digits)
            } else {
                Accepted::SubChapter(digits)
            });
        }
        Material::parse(text).map(Accepted::Material)
    }

    /// True when a flow of `material` falls under this entry.
    pub fn covers(&self, material: &Material) -> bool {
        match (self, material) {
            (Accepted::Material(accepted), _) => accepted == material,
            (Accepted::Chapter(prefix) | Accepted::SubChapter(prefix), Material::Waste(code)) => {
                code.digits().starts_with(prefix.as_str())
            }
            _ => false,
        }
    }

    /// The units materials under this entry may be measured in.
    pub fn units(&self) -> &'static [Unit] {
        match self {
            Accepted::Material(material) => material.units(),
            Accepted::Chapter(_) | Accepted::SubChapter(_) => &WASTE_UNITS,
        }
    }

    /// True when some material under this entry is hazardous.
    pub fn may_be_hazardous(&self) -> bool {
        match self {
            Accepted::Material(material) => material.is_hazardous(),
            Accepted::Chapter(prefix) | Accepted::SubChapter(prefix) => Catalogue::get()
                .entries()
                .iter()
                .any(|e| e.hazardous && e.digits.starts_with(prefix.as_str())),
        }
    }

    /// As written in files: `15`, `15 01`, `15 01 01`, `heat-low`.
    pub fn to_code(&self) -> String {
        match self {
            Accepted::Material(material) => material.code().to_string(),
            Accepted::Chapter(digits) => digits.clone(),
            Accepted::SubChapter(digits) => format!("{} {}", &digits[..2], &digits[2..]),
        }
    }
}

impl fmt::Display for Accepted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_code())
    }
}
