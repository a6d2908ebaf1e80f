//! What the recorded exchanges achieved, for coordinators: the query read into a filter (a
//! year, a supplier's municipality), the tonnes it selects with the factors in force, and the
//! exchanges per stage. The counting itself is in [`crate::outcomes::impact`].

use serde::Deserialize;

use super::App;
use super::query::given;
use crate::domain::exchange::Stage;
use crate::outcomes::impact::{self, Factors, Filter, Impact};
use crate::storage::{self, StorageError};

/// `/impact?year=2026&municipality=Weert`: each field as typed; empty ones count as absent.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ImpactQuery {
    pub year: Option<String>,
    pub municipality: Option<String>,
}

/// A query the report refuses, naming what it does not understand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImpactRefused {
    /// Not a year of four digits.
    NotAYear(String),
    /// The region has no firm in this municipality.
    UnknownMunicipality(String),
}

/// The impact of the recorded tonnes a query selects.
#[derive(Debug)]
pub struct Report {
    pub filter: Filter,
    /// The region's municipalities with their number of firms, to choose from.
    pub municipalities: Vec<(String, i64)>,
    pub impact: Impact,
    /// The factors the impact was computed with.
    pub factors: Factors,
}

/// The report the query asks for.
pub async fn report(
    app: &App,
    query: &ImpactQuery,
) -> Result<Result<Report, ImpactRefused>, StorageError> {
    let municipalities = storage::municipalities(&app.db).await?;
    let filter = match filter_of(query, &municipalities) {
        Ok(filter) => filter,
        Err(refused) => return Ok(Err(refused)),
    };
    let records = storage::impact::recorded_tonnes(&app.db).await?;
    let parameters = storage::impact::region_parameters(&app.db).await?;
    let factors = Factors::of_region(parameters.as_ref());
    Ok(Ok(Report {
        impact: impact::compute(&records, &factors, &filter),
        filter,
        municipalities,
        factors,
    }))
}

/// How many exchanges stand at each stage today, in the filter's municipality if it has one.
pub async fn exchanges_per_stage(
    app: &App,
    filter: &Filter,
) -> Result<Vec<(Stage, usize)>, StorageError> {
    storage::impact::exchanges_per_stage(&app.db, filter.municipality.as_deref()).await
}

/// The query read into a filter: a year that is not one, or a municipality the region does
/// not have, is refused.
pub fn filter_of(
    query: &ImpactQuery,
    municipalities: &[(String, i64)],
) -> Result<Filter, ImpactRefused> {
    let year = match given(&query.year) {
        None => None,
        Some(text) => Some(
            text.parse::<i32>()
                .ok()
                .filter(|y| (1000..=9999).contains(y))
                .ok_or(ImpactRefused::NotAYear(text))?,
        ),
    };
    let municipality = match given(&query.municipality) {
        None => None,
        Some(name) if municipalities.iter().any(|(m, _)| *m == name) => Some(name),
        Some(name) => return Err(ImpactRefused::UnknownMunicipality(name)),
    };
    Ok(Filter { year, municipality })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(year: &str, municipality: &str) -> ImpactQuery {
        ImpactQuery {
            year: Some(year.to_string()),
            municipality: Some(municipality.to_string()),
        }
    }

    #[test]
    fn a_year_and_a_municipality_of_the_region_filter_and_blanks_do_not() {
        let towns = [("Weert".to_string(), 3)];
        let filter = filter_of(&query(" 2026 ", "Weert"), &towns).unwrap();
        assert_eq!(filter.year, Some(2026));
        assert_eq!(filter.municipality.as_deref(), Some("Weert"));
        assert_eq!(filter_of(&query("", " "), &towns), Ok(Filter::default()));
    }

    #[test]
    fn a_year_that_is_none_or_a_municipality_without_firms_is_refused_by_name() {
        let towns = [("Weert".to_string(), 3)];
        assert_eq!(
            filter_of(&query("vorig", ""), &towns),
            Err(ImpactRefused::NotAYear("vorig".into()))
        );
        assert_eq!(
            filter_of(&query("12", ""), &towns),
            Err(ImpactRefused::NotAYear("12".into()))
        );
        assert_eq!(
            filter_of(&query("", "Atlantis"), &towns),
            Err(ImpactRefused::UnknownMunicipality("Atlantis".into()))
        );
    }
}
