//! The coordinator's overview: the region counted by municipality and sector, narrowed by the
//! filters the coordinator chose, and the next best calls under those filters.

use std::sync::Arc;

use super::{Call, Wanted, best_calls};
use crate::app::App;
use crate::app::region::Snapshot;
use crate::storage::coordinator::Overview;
use crate::storage::{self, StorageError};

/// A filter the region does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterRefused {
    /// No firm of the region lies in a municipality of this name.
    UnknownMunicipality(String),
    /// Not a NACE section letter (A to U).
    NotASection(String),
}

/// Why the overview could not be made.
#[derive(Debug, thiserror::Error)]
pub enum OverviewError {
    /// A filter names something the region does not have.
    #[error("refused filter: {0:?}")]
    Refused(FilterRefused),
    /// The database failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// Ranking the calls stopped (a panic on its thread).
    #[error("ranking the calls stopped: {0}")]
    Stopped(String),
}

/// The overview as the coordinator asked for it.
pub struct CallsOverview {
    /// The whole region with its exchanges counted; narrow it with the filters below.
    pub overview: Overview,
    /// The municipality chosen, one of the region's.
    pub municipality: Option<String>,
    /// The NACE section chosen (upper case).
    pub section: Option<char>,
    /// The snapshot the calls index into.
    pub snapshot: Arc<Snapshot>,
    /// The next best calls under the filters, best first.
    pub calls: Vec<Call>,
}

impl CallsOverview {
    /// The region's counts under the chosen filters.
    pub fn narrowed(&self) -> Overview {
        (self.overview).narrowed(self.municipality.as_deref(), self.section)
    }
}

/// The overview for a municipality and a NACE section as given (blank: all), each checked
/// against the region.
pub async fn overview(
    app: &App,
    municipality: Option<&str>,
    section: Option<&str>,
) -> Result<CallsOverview, OverviewError> {
    // Firms and flows are counted once per change of the region; exchanges move on their
    // own, so they are counted per visit.
    let counted = app.snapshot.region_overview(&app.db, app.today()).await?;
    let mut overview = Overview::clone(&counted);
    storage::coordinator::count_exchanges(&app.db, &mut overview).await?;
    let (municipality, section) =
        chosen_filters(&overview, municipality, section).map_err(OverviewError::Refused)?;
    let snapshot = app.region().await?;
    let wanted = Wanted {
        excluded: storage::coordinator::exchange_pairs(&app.db).await?,
        municipality: municipality.clone(),
        section,
    };
    let calls = best_calls(app, &snapshot, wanted)
        .await
        .map_err(|e| OverviewError::Stopped(e.to_string()))?;
    Ok(CallsOverview {
        overview,
        municipality,
        section,
        snapshot,
        calls,
    })
}

/// The municipality and section chosen (blank: none), checked against those of the region.
pub fn chosen_filters(
    overview: &Overview,
    municipality: Option<&str>,
    section: Option<&str>,
) -> Result<(Option<String>, Option<char>), FilterRefused> {
    let municipality = given(municipality);
    if let Some(name) = municipality
        && !overview.municipalities().contains(&name)
    {
        return Err(FilterRefused::UnknownMunicipality(name.to_string()));
    }
    let section = match given(section) {
        None => None,
        Some(text) => {
            Some(section_letter(text).ok_or_else(|| FilterRefused::NotASection(text.into()))?)
        }
    };
    Ok((municipality.map(str::to_string), section))
}

/// The value without surrounding blanks; `None` when blank.
fn given(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

/// `C` (or `c`) for a NACE section; `None` for anything else.
fn section_letter(text: &str) -> Option<char> {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(letter), None) if ('A'..='U').contains(&letter.to_ascii_uppercase()) => {
            Some(letter.to_ascii_uppercase())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::coordinator::{OverviewCell, Tally};

    fn weert() -> Overview {
        Overview {
            cells: vec![OverviewCell {
                municipality: "Weert".into(),
                section: Some('C'),
                tally: Tally::default(),
            }],
        }
    }

    #[test]
    fn blank_filters_choose_nothing_and_a_section_letter_is_read_in_either_case() {
        let overview = weert();
        assert_eq!(chosen_filters(&overview, Some(" "), None), Ok((None, None)));
        assert_eq!(
            chosen_filters(&overview, Some(" Weert "), Some("c")),
            Ok((Some("Weert".into()), Some('C')))
        );
    }

    #[test]
    fn a_municipality_outside_the_region_or_a_wrong_letter_is_refused_by_name() {
        let overview = weert();
        assert_eq!(
            chosen_filters(&overview, Some("Atlantis"), None),
            Err(FilterRefused::UnknownMunicipality("Atlantis".into()))
        );
        for text in ["Z", "CC", "3"] {
            assert_eq!(
                chosen_filters(&overview, None, Some(text)),
                Err(FilterRefused::NotASection(text.into()))
            );
        }
    }
}
