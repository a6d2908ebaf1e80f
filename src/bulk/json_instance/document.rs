//! The shape of an instance file as read: a root object whose `companies`, `offers` and
//! `needs` are arrays of records, each record a list of `(field, value)` pairs.
//!
//! Reading into this instead of one `serde_json::Value` tree saves a hash map per record and
//! a `String` per field name (names are borrowed from the text unless they hold escapes):
//! at 10,000 firms that was half the time of reading the file. Field values stay
//! `serde_json::Value`s, so every check and message on them is unchanged.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

/// The root of an instance file, or the news that it is not a JSON object.
pub(super) enum Root<'a> {
    Object(Box<Document<'a>>),
    NotObject,
}

/// The members of the root object that the reader looks at; others are skipped. As in a
/// JSON object read into a map, a member given twice counts with its last value.
#[derive(Default)]
pub(super) struct Document<'a> {
    pub format: Option<Value>,
    pub meta: Option<Value>,
    pub parameters: Option<Value>,
    pub companies: Elements<'a>,
    pub offers: Elements<'a>,
    pub needs: Elements<'a>,
}

/// A member that should hold an array of records.
#[derive(Default)]
pub(super) enum Elements<'a> {
    /// Absent or `null`.
    #[default]
    Absent,
    Array(Vec<Element<'a>>),
    /// Present, but not an array.
    NotArray,
}

/// One element of such an array.
pub(super) enum Element<'a> {
    Object(Record<'a>),
    NotObject,
}

/// The fields of one record in file order.
pub(super) struct Record<'a>(Vec<(Cow<'a, str>, Value)>);

impl Record<'_> {
    /// The value of a field; the last one when the name appears twice.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0
            .iter()
            .rev()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value)
    }
}

/// Parses the text of an instance file.
pub(super) fn parse(text: &str) -> serde_json::Result<Root<'_>> {
    serde_json::from_str(text)
}

/// Drains a JSON value of the wrong kind, so that its syntax is still checked.
fn skip_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

/// Implements every `visit_*` of a visitor except `visit_map` as "the wrong kind": `$other`.
macro_rules! other_kinds {
    ($other:expr) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok($other)
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok($other)
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok($other)
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok($other)
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok($other)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok($other)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
            skip_seq(seq)?;
            Ok($other)
        }
    };
}

impl<'de> Deserialize<'de> for Root<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RootVisitor;
        impl<'de> Visitor<'de> for RootVisitor {
            type Value = Root<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an instance object")
            }
            other_kinds!(Root::NotObject);
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Root<'de>, A::Error> {
                let mut document = Document::default();
                while let Some(Key(key)) = map.next_key()? {
                    match key.as_ref() {
                        "format" => document.format = Some(map.next_value()?),
                        "meta" => document.meta = Some(map.next_value()?),
                        "parameters" => document.parameters = Some(map.next_value()?),
                        "companies" => document.companies = map.next_value()?,
                        "offers" => document.offers = map.next_value()?,
                        "needs" => document.needs = map.next_value()?,
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(Root::Object(Box::new(document)))
            }
        }
        deserializer.deserialize_any(RootVisitor)
    }
}

impl<'de> Deserialize<'de> for Elements<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ElementsVisitor;
        impl<'de> Visitor<'de> for ElementsVisitor {
            type Value = Elements<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array of records")
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok(Elements::NotArray)
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
                Ok(Elements::NotArray)
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
                Ok(Elements::NotArray)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
                Ok(Elements::NotArray)
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
                Ok(Elements::NotArray)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Elements::Absent)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Elements::NotArray)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut elements = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(element) = seq.next_element()? {
                    elements.push(element);
                }
                Ok(Elements::Array(elements))
            }
        }
        deserializer.deserialize_any(ElementsVisitor)
    }
}

impl<'de> Deserialize<'de> for Element<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ElementVisitor;
        impl<'de> Visitor<'de> for ElementVisitor {
            type Value = Element<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a record")
            }
            other_kinds!(Element::NotObject);
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut fields = Vec::with_capacity(12);
                while let Some(Key(key)) = map.next_key()? {
                    fields.push((key, map.next_value()?));
                }
                Ok(Element::Object(Record(fields)))
            }
        }
        deserializer.deserialize_any(ElementVisitor)
    }
}

/// A field name, borrowed from the text when it holds no escape.
struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Owned(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(text: &str) -> Document<'_> {
        match parse(text).unwrap() {
            Root::Object(document) => *document,
            Root::NotObject => panic!("not an object: {text}"),
        }
    }

    fn records<'d, 'a>(elements: &'d Elements<'a>) -> Vec<Option<&'d Record<'a>>> {
        let Elements::Array(items) = elements else {
            panic!("not an array");
        };
        items
            .iter()
            .map(|item| match item {
                Element::Object(record) => Some(record),
                Element::NotObject => None,
            })
            .collect()
    }

    #[test]
    fn a_field_given_twice_counts_with_its_last_value_as_in_a_json_map() {
        let doc = document(r#"{"offers": [{"id": "O1", "id": "O2"}], "offers": [{"id": "O3"}]}"#);
        let offers = records(&doc.offers);
        assert_eq!(offers.len(), 1);
        assert_eq!(offers[0].unwrap().get("id"), Some(&Value::from("O3")));
        let doc = document(r#"{"offers": [{"id": "O1", "id": "O2"}]}"#);
        assert_eq!(
            records(&doc.offers)[0].unwrap().get("id"),
            Some(&Value::from("O2"))
        );
    }

    #[test]
    fn a_field_name_with_an_escape_reads_like_the_plain_name() {
        let doc = document(r#"{"needs": [{"i\u0064": "N1"}]}"#);
        assert_eq!(
            records(&doc.needs)[0].unwrap().get("id"),
            Some(&Value::from("N1"))
        );
    }

    #[test]
    fn members_of_the_wrong_kind_are_told_apart_from_absent_ones() {
        let doc =
            document(r#"{"companies": null, "offers": {"a": 1}, "needs": [1, {}, [2], "x"]}"#);
        assert!(matches!(doc.companies, Elements::Absent));
        assert!(matches!(doc.offers, Elements::NotArray));
        let needs: Vec<bool> = records(&doc.needs).iter().map(Option::is_some).collect();
        assert_eq!(needs, [false, true, false, false]);
        assert!(matches!(parse("[1, 2]").unwrap(), Root::NotObject));
        assert!(matches!(parse("null").unwrap(), Root::NotObject));
    }

    #[test]
    fn syntax_errors_inside_skipped_members_are_still_errors() {
        assert!(parse(r#"{"extra": [1, 2,]}"#).is_err());
        assert!(parse(r#"{"offers": [{"id": 1e999}]}"#).is_err());
        assert!(parse(r#"{} x"#).is_err());
    }
}
