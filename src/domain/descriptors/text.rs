//! Descriptors written back as text, in the notation [`OfferDescriptors::parse`] and
//! [`NeedDescriptors::parse`] read: edit forms show stored values, exports write them, and a
//! written value reads back to the same descriptor.

use super::{
    AbpCategory, IntendedUse, Licence, NeedDescriptorFields, NeedDescriptors,
    OfferDescriptorFields, OfferDescriptors, PropertyValues, SpecRange, Strength,
};

impl IntendedUse {
    /// Every use, in the order forms list them.
    pub const ALL: [IntendedUse; 6] = [
        IntendedUse::Food,
        IntendedUse::Feed,
        IntendedUse::Fertiliser,
        IntendedUse::Fuel,
        IntendedUse::Material,
        IntendedUse::Heat,
    ];

    /// The key used in files and forms: `food`, `feed`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            IntendedUse::Food => "food",
            IntendedUse::Feed => "feed",
            IntendedUse::Fertiliser => "fertiliser",
            IntendedUse::Fuel => "fuel",
            IntendedUse::Material => "material",
            IntendedUse::Heat => "heat",
        }
    }
}

impl Licence {
    /// Every licence, in the order forms list them.
    pub const ALL: [Licence; 5] = [
        Licence::AnimalByProducts(AbpCategory::One),
        Licence::AnimalByProducts(AbpCategory::Two),
        Licence::AnimalByProducts(AbpCategory::Three),
        Licence::Feed,
        Licence::NotifiedImport,
    ];
}

/// A number as files write it: no trailing zeros, a decimal point.
fn number(value: f64) -> String {
    format!("{value}")
}

impl PropertyValues {
    /// `moisture=55; foreign-matter=1.5`; empty when nothing is known.
    pub fn to_text(&self) -> String {
        self.iter()
            .map(|(property, value)| format!("{}={}", property.key(), number(value)))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

impl SpecRange {
    /// `moisture<=60 hard`, `calorific-value>=12 soft`, `particle-size=0..50 soft`.
    pub fn to_text(&self) -> String {
        let key = self.property.key();
        let bounds = match (self.min, self.max) {
            (Some(min), Some(max)) => format!("{key}={}..{}", number(min), number(max)),
            (Some(min), None) => format!("{key}>={}", number(min)),
            (None, Some(max)) => format!("{key}<={}", number(max)),
            // A range without bounds admits everything; written as the widest plausible.
            (None, None) => {
                let (low, high) = self.property.bounds();
                format!("{key}={}..{}", number(low), number(high))
            }
        };
        let strength = match self.strength {
            Strength::Hard => "hard",
            Strength::Soft => "soft",
        };
        format!("{bounds} {strength}")
    }
}

impl OfferDescriptors {
    /// True when nothing is known (every field unknown).
    pub fn is_unknown(&self) -> bool {
        *self == OfferDescriptors::default()
    }

    /// The descriptors as text fields; unknown ones are empty.
    pub fn to_fields(&self) -> OfferDescriptorFields {
        OfferDescriptorFields {
            legal_status: self
                .legal_status
                .map(|s| s.as_str().to_string())
                .unwrap_or_default(),
            food_grade_origin: match self.food_grade_origin {
                Some(true) => "yes".into(),
                Some(false) => "no".into(),
                None => String::new(),
            },
            hazard_properties: self.hazards.to_string(),
            physical_form: self
                .form
                .map(|f| f.as_str().to_string())
                .unwrap_or_default(),
            properties: self.properties.to_text(),
        }
    }
}

impl NeedDescriptors {
    /// True when nothing is known (every field unknown).
    pub fn is_unknown(&self) -> bool {
        *self == NeedDescriptors::default()
    }

    /// The descriptors as text fields; unknown ones are empty.
    pub fn to_fields(&self) -> NeedDescriptorFields {
        let joined = |parts: Vec<String>| parts.join("; ");
        NeedDescriptorFields {
            accepted_classes: joined(
                self.accepted_classes
                    .iter()
                    .map(|k| k.as_str().to_string())
                    .collect(),
            ),
            specs: joined(self.specs.iter().map(SpecRange::to_text).collect()),
            treatment: self.treatment.map(|t| t.to_string()).unwrap_or_default(),
            intended_use: self
                .intended_use
                .map(|u| u.as_str().to_string())
                .unwrap_or_default(),
            licences: joined(
                self.licences
                    .iter()
                    .map(|l| l.as_str().to_string())
                    .collect(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offer_descriptors_read_back_from_their_text() {
        let fields = OfferDescriptorFields {
            legal_status: "bijproduct".into(),
            food_grade_origin: "ja".into(),
            hazard_properties: "HP14, HP4".into(),
            physical_form: "slib".into(),
            properties: "moisture=55,5; foreign-matter=2".into(),
        };
        let parsed = OfferDescriptors::parse(&fields).unwrap();
        let written = parsed.to_fields();
        assert_eq!(written.legal_status, "by-product");
        assert_eq!(written.properties, "moisture=55.5; foreign-matter=2");
        assert_eq!(OfferDescriptors::parse(&written).unwrap(), parsed);
        assert!(
            OfferDescriptors::default()
                .to_fields()
                .legal_status
                .is_empty()
        );
    }

    #[test]
    fn need_descriptors_read_back_from_their_text() {
        let fields = NeedDescriptorFields {
            accepted_classes: "food; food.coffee-grounds".into(),
            specs: "moisture<=60 hard; particle-size=0..50".into(),
            treatment: "r3".into(),
            intended_use: "veevoer".into(),
            licences: "abp-3; feed".into(),
        };
        let parsed = NeedDescriptors::parse(&fields).unwrap();
        let written = parsed.to_fields();
        assert_eq!(written.specs, "moisture<=60 hard; particle-size=0..50 soft");
        assert_eq!(written.intended_use, "feed");
        assert_eq!(NeedDescriptors::parse(&written).unwrap(), parsed);
    }
}
