//! The market's filters as typed in the GET form (`?woorden=koffiedik&soort=offers&…`), read
//! into a [`MarketFilter`] or refused with a problem per field; and written back as the
//! canonical query string that pager links and saved searches use.

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, read_number};

/// The form's fields as typed, each optional (Dutch names, as the site's other addresses).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarketQuery {
    pub woorden: Option<String>,
    pub soort: Option<String>,
    pub hoofdstuk: Option<String>,
    pub gemeente: Option<String>,
    pub afstand: Option<String>,
    pub min: Option<String>,
    pub max: Option<String>,
    pub pagina: Option<String>,
}

/// Offers, needs or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KindChoice {
    #[default]
    Both,
    Offers,
    Needs,
}

impl KindChoice {
    /// As in the address: `both`, `offers`, `needs`.
    pub fn as_str(self) -> &'static str {
        match self {
            KindChoice::Both => "both",
            KindChoice::Offers => "offers",
            KindChoice::Needs => "needs",
        }
    }
}

/// A material chapter: a List-of-Waste chapter 01–20 or our own resources (energy, water, CO₂).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chapter {
    Waste(u8),
    Resources,
}

impl Chapter {
    /// Every chapter, in the form's order.
    pub fn all() -> impl Iterator<Item = Chapter> {
        (1..=20).map(Chapter::Waste).chain([Chapter::Resources])
    }

    /// As in the address: `02`, `resources`.
    pub fn code(self) -> String {
        match self {
            Chapter::Waste(n) => format!("{n:02}"),
            Chapter::Resources => "resources".to_string(),
        }
    }
}

/// A market search, every part checked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MarketFilter {
    pub words: Option<String>,
    pub kind: KindChoice,
    pub chapter: Option<Chapter>,
    pub municipality: Option<String>,
    /// Road km from the viewer's firm.
    pub within_km: Option<f64>,
    pub quantity_min: Option<f64>,
    pub quantity_max: Option<f64>,
}

/// Why a field of the form is refused.
#[derive(Debug, Clone, PartialEq)]
pub enum FilterProblem {
    /// Not a number (`afstand=abc`).
    NotANumber {
        field: &'static str,
        text: String,
    },
    /// A distance or quantity below zero (or a distance of zero).
    NotPositive {
        field: &'static str,
    },
    /// The smallest quantity is above the largest.
    MinAboveMax,
    UnknownKind(String),
    UnknownChapter(String),
    UnknownMunicipality(String),
    /// A distance asked without a firm to measure from.
    DistanceWithoutFirm,
    NotAPage(String),
}

impl FilterProblem {
    /// The form field the problem is about.
    pub fn field(&self) -> &'static str {
        match self {
            FilterProblem::NotANumber { field, .. } | FilterProblem::NotPositive { field } => field,
            FilterProblem::MinAboveMax => "max",
            FilterProblem::UnknownKind(_) => "soort",
            FilterProblem::UnknownChapter(_) => "hoofdstuk",
            FilterProblem::UnknownMunicipality(_) => "gemeente",
            FilterProblem::DistanceWithoutFirm => "afstand",
            FilterProblem::NotAPage(_) => "pagina",
        }
    }
}

/// What the reader of a form needs to know about the region and the viewer.
pub struct FormContext<'a> {
    pub lang: Lang,
    pub municipalities: &'a [String],
    /// The viewer is a firm, so distances can be measured from it.
    pub has_firm: bool,
}

/// The filter and page asked for, or every problem of the form.
pub fn read(
    query: &MarketQuery,
    context: &FormContext<'_>,
) -> Result<(MarketFilter, usize), Vec<FilterProblem>> {
    let mut problems = Vec::new();
    let mut filter = MarketFilter {
        words: given(&query.woorden),
        ..MarketFilter::default()
    };
    filter.kind = match given(&query.soort).as_deref() {
        None | Some("both") => KindChoice::Both,
        Some("offers") => KindChoice::Offers,
        Some("needs") => KindChoice::Needs,
        Some(other) => {
            problems.push(FilterProblem::UnknownKind(other.to_string()));
            KindChoice::Both
        }
    };
    if let Some(text) = given(&query.hoofdstuk) {
        filter.chapter = Chapter::all().find(|c| c.code() == text);
        if filter.chapter.is_none() {
            problems.push(FilterProblem::UnknownChapter(text));
        }
    }
    if let Some(name) = given(&query.gemeente) {
        match context
            .municipalities
            .iter()
            .find(|m| m.eq_ignore_ascii_case(&name))
        {
            Some(known) => filter.municipality = Some(known.clone()),
            None => problems.push(FilterProblem::UnknownMunicipality(name)),
        }
    }
    read_numbers(query, context, &mut filter, &mut problems);
    let page = match given(&query.pagina) {
        None => 1,
        Some(text) => match text.parse::<usize>() {
            Ok(page) if page >= 1 => page,
            _ => {
                problems.push(FilterProblem::NotAPage(text));
                1
            }
        },
    };
    if problems.is_empty() {
        Ok((filter, page))
    } else {
        Err(problems)
    }
}

/// The distance and the quantity bounds.
fn read_numbers(
    query: &MarketQuery,
    context: &FormContext<'_>,
    filter: &mut MarketFilter,
    problems: &mut Vec<FilterProblem>,
) {
    let mut number = |field: &'static str, value: &Option<String>, zero_allowed: bool| {
        let text = given(value)?;
        match read_number(context.lang, &text) {
            None => problems.push(FilterProblem::NotANumber { field, text }),
            Some(n) if n < 0.0 || (n == 0.0 && !zero_allowed) => {
                problems.push(FilterProblem::NotPositive { field })
            }
            Some(n) => return Some(n),
        }
        None
    };
    filter.within_km = number("afstand", &query.afstand, false);
    filter.quantity_min = number("min", &query.min, true);
    filter.quantity_max = number("max", &query.max, true);
    if filter.within_km.is_some() && !context.has_firm {
        problems.push(FilterProblem::DistanceWithoutFirm);
    }
    if let (Some(min), Some(max)) = (filter.quantity_min, filter.quantity_max)
        && min > max
    {
        problems.push(FilterProblem::MinAboveMax);
    }
}

impl MarketFilter {
    /// The filter as the form's fields, numbers written so that every language reads them
    /// back (`2.5`, no thousands separator); the page is left out.
    pub fn to_query(&self) -> MarketQuery {
        let number = |n: Option<f64>| n.map(|n| n.to_string());
        MarketQuery {
            woorden: self.words.clone(),
            soort: (self.kind != KindChoice::Both).then(|| self.kind.as_str().to_string()),
            hoofdstuk: self.chapter.map(Chapter::code),
            gemeente: self.municipality.clone(),
            afstand: number(self.within_km),
            min: number(self.quantity_min),
            max: number(self.quantity_max),
            pagina: None,
        }
    }

    /// The filter as a query string without the page (`woorden=koffiedik&soort=offers`).
    pub fn query_string(&self) -> String {
        serde_html_form::to_string(self.to_query()).unwrap_or_default()
    }

    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        *self == MarketFilter::default()
    }
}

/// A field's value without the spaces around it; `None` when absent or blank.
fn given(value: &Option<String>) -> Option<String> {
    crate::app::query::given(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context(has_firm: bool) -> FormContext<'static> {
        static TOWNS: [String; 0] = [];
        FormContext {
            lang: Lang::Dutch,
            municipalities: &TOWNS,
            has_firm,
        }
    }

    #[test]
    fn a_filter_reads_back_from_its_own_query_string() {
        let query = MarketQuery {
            woorden: Some(" koffiedik ".into()),
            soort: Some("offers".into()),
            hoofdstuk: Some("02".into()),
            afstand: Some("12,5".into()),
            min: Some("1".into()),
            ..MarketQuery::default()
        };
        let (filter, page) = read(&query, &context(true)).unwrap();

        assert_eq!(page, 1);
        assert_eq!(filter.within_km, Some(12.5));
        let text = filter.query_string();
        assert_eq!(
            text,
            "woorden=koffiedik&soort=offers&hoofdstuk=02&afstand=12.5&min=1"
        );
        let again: MarketQuery = serde_html_form::from_str(&text).unwrap();
        assert_eq!(read(&again, &context(true)).unwrap().0, filter);
    }

    #[test]
    fn bad_values_are_refused_field_by_field() {
        let query = MarketQuery {
            soort: Some("alles".into()),
            hoofdstuk: Some("21".into()),
            gemeente: Some("Atlantis".into()),
            afstand: Some("abc".into()),
            min: Some("-1".into()),
            pagina: Some("0".into()),
            ..MarketQuery::default()
        };

        let problems = read(&query, &context(false)).unwrap_err();

        let fields: Vec<&str> = problems.iter().map(FilterProblem::field).collect();
        assert_eq!(
            fields,
            ["soort", "hoofdstuk", "gemeente", "afstand", "min", "pagina"]
        );
        let range = MarketQuery {
            min: Some("5".into()),
            max: Some("2".into()),
            afstand: Some("10".into()),
            ..MarketQuery::default()
        };
        let problems = read(&range, &context(false)).unwrap_err();
        assert_eq!(
            problems,
            vec![
                FilterProblem::DistanceWithoutFirm,
                FilterProblem::MinAboveMax
            ]
        );
    }
}
