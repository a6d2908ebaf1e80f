//! Every text a user reads, in Dutch and English, with Project Fluent.
//!
//! The messages live in `locales/{nl,en}/*.ftl`, one file per area of the product, embedded
//! in the binary. Pages ask for a message with [`t!`](crate::t): `t!(lang, "flows-title")` or
//! `t!(lang, "matches-distance", km = distance)`. Numbers, quantities and dates are formatted
//! here for the reader's locale (`1.234,5 t` in Dutch, `1,234.5 t` in English) and passed to
//! messages as ready strings, because Fluent's own number formatting does not group digits.

pub mod format;
pub mod notices;
mod numbers;

use std::borrow::Cow;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub use crate::domain::Language as Lang;
pub use numbers::{date, date_time, number, number_field, percent, read_number};

/// The areas of the product, one message file each per language.
const AREAS: [&str; 20] = [
    "common",
    "accounts",
    "firm",
    "flows",
    "matches",
    "exchanges",
    "notifications",
    "home",
    "coordinator",
    "map",
    "impact",
    "cases",
    "plan",
    "partnerships",
    "data",
    "help",
    "photos",
    "descriptors",
    "market",
    "workspace",
];

macro_rules! area_files {
    ($lang:literal) => {
        [
            include_str!(concat!("../../locales/", $lang, "/common.ftl")),
            include_str!(concat!("../../locales/", $lang, "/accounts.ftl")),
            include_str!(concat!("../../locales/", $lang, "/firm.ftl")),
            include_str!(concat!("../../locales/", $lang, "/flows.ftl")),
            include_str!(concat!("../../locales/", $lang, "/matches.ftl")),
            include_str!(concat!("../../locales/", $lang, "/exchanges.ftl")),
            include_str!(concat!("../../locales/", $lang, "/notifications.ftl")),
            include_str!(concat!("../../locales/", $lang, "/home.ftl")),
            include_str!(concat!("../../locales/", $lang, "/coordinator.ftl")),
            include_str!(concat!("../../locales/", $lang, "/map.ftl")),
            include_str!(concat!("../../locales/", $lang, "/impact.ftl")),
            include_str!(concat!("../../locales/", $lang, "/cases.ftl")),
            include_str!(concat!("../../locales/", $lang, "/plan.ftl")),
            include_str!(concat!("../../locales/", $lang, "/partnerships.ftl")),
            include_str!(concat!("../../locales/", $lang, "/data.ftl")),
            include_str!(concat!("../../locales/", $lang, "/help.ftl")),
            include_str!(concat!("../../locales/", $lang, "/photos.ftl")),
            include_str!(concat!("../../locales/", $lang, "/descriptors.ftl")),
            include_str!(concat!("../../locales/", $lang, "/market.ftl")),
            include_str!(concat!("../../locales/", $lang, "/workspace.ftl")),
        ]
    };
}

/// The message files of a language, with their area names (for error messages and tests).
pub fn sources(lang: Lang) -> Vec<(&'static str, &'static str)> {
    let texts = match lang {
        Lang::Dutch => area_files!("nl"),
        Lang::English => area_files!("en"),
    };
    AREAS.into_iter().zip(texts).collect()
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("nl and en are valid");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Pages are HTML, not bidirectional text: the isolation marks would only get in the way
    // of tests and copy-paste.
    bundle.set_use_isolating(false);
    for (area, text) in sources(lang) {
        let resource = FluentResource::try_new(text.to_string())
            .unwrap_or_else(|(_, errors)| panic!("locales/{}/{area}.ftl: {errors:?}", lang.code()));
        bundle
            .add_resource(resource)
            .unwrap_or_else(|errors| panic!("locales/{}/{area}.ftl: {errors:?}", lang.code()));
    }
    bundle
}

static DUTCH: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| bundle(Lang::Dutch));
static ENGLISH: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| bundle(Lang::English));

fn bundle_of(lang: Lang) -> &'static FluentBundle<FluentResource> {
    match lang {
        Lang::Dutch => &DUTCH,
        Lang::English => &ENGLISH,
    }
}

/// A value handed to a message: text (already formatted for the locale) or a count (for
/// plural forms).
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Count(i64),
}

impl From<&str> for Arg {
    fn from(value: &str) -> Arg {
        Arg::Text(value.to_string())
    }
}

impl From<String> for Arg {
    fn from(value: String) -> Arg {
        Arg::Text(value)
    }
}

impl From<&String> for Arg {
    fn from(value: &String) -> Arg {
        Arg::Text(value.clone())
    }
}

impl From<i64> for Arg {
    fn from(value: i64) -> Arg {
        Arg::Count(value)
    }
}

impl From<usize> for Arg {
    fn from(value: usize) -> Arg {
        Arg::Count(i64::try_from(value).unwrap_or(i64::MAX))
    }
}

impl From<i32> for Arg {
    fn from(value: i32) -> Arg {
        Arg::Count(i64::from(value))
    }
}

/// The message `id` in `lang` with its arguments. A missing message shows its id (and the
/// tests in `tests/it/i18n.rs` make sure none is missing).
pub fn text(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let bundle = bundle_of(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        tracing::warn!(id, lang = lang.code(), "missing message");
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.as_str())),
            Arg::Count(count) => fluent_args.set(*name, FluentValue::from(*count)),
        }
    }
    let mut errors = Vec::new();
    let formatted: Cow<str> = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    if !errors.is_empty() {
        tracing::warn!(
            id,
            lang = lang.code(),
            ?errors,
            "message formatted with errors"
        );
    }
    formatted.into_owned()
}

/// True when `lang` has a message `id`.
pub fn has_message(lang: Lang, id: &str) -> bool {
    bundle_of(lang).has_message(id)
}

/// A translated text: `t!(lang, "id")` or `t!(lang, "id", name = value, …)` where each
/// value converts into an [`Arg`](crate::i18n::Arg).
#[macro_export]
macro_rules! t {
    ($lang:expr, $id:literal) => {
        $crate::i18n::text($lang, $id, &[])
    };
    ($lang:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text(
            $lang,
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}

/// The best of our languages for an `Accept-Language` header, by its quality values.
pub fn from_accept_language(header: &str) -> Option<Lang> {
    let mut best: Option<(f32, Lang)> = None;
    for part in header.split(',') {
        let mut pieces = part.split(';');
        let tag = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
        let quality = pieces
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        let primary = tag.split('-').next().unwrap_or("");
        let Some(lang) = Lang::parse(primary) else {
            continue;
        };
        // The first of equal qualities wins, as the browser listed them.
        if quality > 0.0 && best.is_none_or(|(q, _)| quality > q) {
            best = Some((quality, lang));
        }
    }
    best.map(|(_, lang)| lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_preferred_language_we_have() {
        assert_eq!(from_accept_language("en-US,en;q=0.9"), Some(Lang::English));
        assert_eq!(
            from_accept_language("de-DE,nl;q=0.8,en;q=0.5"),
            Some(Lang::Dutch)
        );
        assert_eq!(
            from_accept_language("en;q=0.4, nl-BE;q=0.9"),
            Some(Lang::Dutch)
        );
        assert_eq!(from_accept_language("fr,de"), None);
        assert_eq!(from_accept_language("en;q=0"), None);
        assert_eq!(from_accept_language(""), None);
    }

    #[test]
    fn messages_take_arguments_in_both_languages() {
        assert_eq!(
            t!(Lang::Dutch, "common-page-of", page = 2, pages = 5),
            "Pagina 2 van 5"
        );
        assert_eq!(
            t!(Lang::English, "common-page-of", page = 2, pages = 5),
            "Page 2 of 5"
        );
    }
}
