//! Read models for the coordinator's pages: the region counted by municipality and sector
//! (here), and the exchanges as the next best calls and the map need them (`known_exchanges`).
//!
//! Counting happens in the database (`GROUP BY` municipality and NACE section), so the overview
//! reads a few hundred grouped rows whether the region has 300 firms or 100,000.

mod exchange_list;
mod firm_list;
mod known_exchanges;

use std::collections::BTreeMap;
use std::ops::AddAssign;

use chrono::NaiveDate;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, Iden, Query, SelectStatement};
use sea_orm::{ConnectionTrait, DatabaseConnection, QueryResult};

use super::StorageError;
use super::entities::{companies, exchanges, needs, offers};
use crate::domain::Regularity;
use crate::domain::exchange::Stage;
use crate::domain::staleness::OUTDATED_AFTER_DAYS;

pub use exchange_list::{ExchangeFilter, ExchangeFirm, ExchangeLineItem, exchange_list};
pub use firm_list::{FirmFilter, FirmLine, firm_lines};
pub(super) use known_exchanges::pair_keys;
pub use known_exchanges::{
    ExchangeLine, LineEnd, exchange_lines, exchange_of_pair, exchange_pairs,
};

/// The stored stages of the exchanges the coordinator's pages show: every stage of
/// [`Stage::ALL`] that is not final, from proposed (open) to running.
fn under_way() -> impl Iterator<Item = &'static str> {
    (Stage::ALL.into_iter())
        .filter(|stage| !stage.is_final())
        .map(Stage::as_str)
}

/// What the overview counts for one group of firms.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub firms: u64,
    pub offers: u64,
    pub needs: u64,
    /// Recurring offers and needs not confirmed for more than
    /// [`OUTDATED_AFTER_DAYS`] days (those left out of matching included).
    pub outdated_flows: u64,
    /// Exchanges under way but not running yet (proposed up to agreed), counted with their supplier's firm.
    pub open_exchanges: u64,
    /// Running exchanges, counted with their supplier's firm.
    pub running_exchanges: u64,
}

impl AddAssign for Tally {
    fn add_assign(&mut self, other: Tally) {
        self.firms += other.firms;
        self.offers += other.offers;
        self.needs += other.needs;
        self.outdated_flows += other.outdated_flows;
        self.open_exchanges += other.open_exchanges;
        self.running_exchanges += other.running_exchanges;
    }
}

/// The firms of one municipality in one NACE section, counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverviewCell {
    pub municipality: String,
    /// The NACE section letter (`C`); `None` for firms without a sector.
    pub section: Option<char>,
    pub tally: Tally,
}

/// The region counted by municipality and section: every figure of the overview derives
/// from these cells, so the rows of a table always add up to its total.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overview {
    /// By municipality, then section (no sector first).
    pub cells: Vec<OverviewCell>,
}

impl Overview {
    /// The cells in their order: by municipality, then section (no sector first).
    fn from_cells(cells: BTreeMap<(String, Option<char>), Tally>) -> Overview {
        let cells = cells
            .into_iter()
            .map(|((municipality, section), tally)| OverviewCell {
                municipality,
                section,
                tally,
            })
            .collect();
        Overview { cells }
    }

    /// The municipalities with firms, by name.
    pub fn municipalities(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.cells.iter().map(|c| c.municipality.as_str()).collect();
        names.dedup();
        names
    }

    /// The NACE sections with firms, in alphabetical order.
    pub fn sections(&self) -> Vec<char> {
        let sections: std::collections::BTreeSet<char> =
            self.cells.iter().filter_map(|c| c.section).collect();
        sections.into_iter().collect()
    }

    /// Only the cells of a municipality and/or a section.
    pub fn narrowed(&self, municipality: Option<&str>, section: Option<char>) -> Overview {
        let cells = self
            .cells
            .iter()
            .filter(|c| municipality.is_none_or(|m| c.municipality == m))
            .filter(|c| section.is_none_or(|s| c.section == Some(s)))
            .cloned()
            .collect();
        Overview { cells }
    }

    /// Everything added up.
    pub fn total(&self) -> Tally {
        let mut total = Tally::default();
        for cell in &self.cells {
            total += cell.tally;
        }
        total
    }

    /// One tally per municipality, by name.
    pub fn by_municipality(&self) -> Vec<(String, Tally)> {
        let mut rows: BTreeMap<&str, Tally> = BTreeMap::new();
        for cell in &self.cells {
            *rows.entry(&cell.municipality).or_default() += cell.tally;
        }
        rows.into_iter().map(|(m, t)| (m.to_string(), t)).collect()
    }

    /// One tally per section, firms without a sector last.
    pub fn by_section(&self) -> Vec<(Option<char>, Tally)> {
        let mut rows: BTreeMap<(bool, Option<char>), Tally> = BTreeMap::new();
        for cell in &self.cells {
            *rows
                .entry((cell.section.is_none(), cell.section))
                .or_default() += cell.tally;
        }
        rows.into_iter().map(|((_, s), t)| (s, t)).collect()
    }
}

/// `UPPER(SUBSTR(companies.nace, 1, 1))`: a firm's NACE section letter. The literals are
/// written into the SQL rather than bound, so that PostgreSQL sees the same expression in
/// `SELECT` and `GROUP BY`.
fn section_of_company() -> Expr {
    Func::upper(
        Func::cust("SUBSTR")
            .arg(Expr::col((companies::Entity, companies::Column::Nace)))
            .arg(Expr::cust("1"))
            .arg(Expr::cust("1")),
    )
    .into()
}

/// Selects a firm's municipality and section and groups by both; the caller joins
/// `companies` to what it counts.
fn grouped_by_firm(query: &mut SelectStatement) -> &mut SelectStatement {
    query
        .expr_as(
            Expr::col((companies::Entity, companies::Column::Municipality)),
            Alias::new("municipality"),
        )
        .expr_as(section_of_company(), Alias::new("section"))
        .add_group_by([
            Expr::col((companies::Entity, companies::Column::Municipality)),
            section_of_company(),
        ])
}

/// Joins each row of `table` to its firm through `company_id`.
fn firm_of(company_id: Expr) -> Expr {
    Expr::col((companies::Entity, companies::Column::Id)).eq(company_id)
}

/// The grouping key of a row.
fn key_of(row: &QueryResult) -> Result<(String, Option<char>), StorageError> {
    let municipality: String = row.try_get("", "municipality")?;
    let section: Option<String> = row.try_get("", "section")?;
    Ok((municipality, section.and_then(|s| s.chars().next())))
}

fn count(row: &QueryResult, column: &str) -> Result<u64, StorageError> {
    let value: i64 = row.try_get("", column)?;
    Ok(u64::try_from(value).unwrap_or(0))
}

/// The region counted by municipality and NACE section; flows count as outdated from the
/// day after they turn [`OUTDATED_AFTER_DAYS`] days unconfirmed on `today`.
pub async fn overview(db: &DatabaseConnection, today: NaiveDate) -> Result<Overview, StorageError> {
    let mut overview = region_overview(db, today).await?;
    count_exchanges(db, &mut overview).await?;
    Ok(overview)
}

/// [`overview`] without its exchanges: the firms and flows, which change only when the
/// region does (the web app keeps this part between changes).
pub async fn region_overview(
    db: &DatabaseConnection,
    today: NaiveDate,
) -> Result<Overview, StorageError> {
    let mut cells: BTreeMap<(String, Option<char>), Tally> = BTreeMap::new();
    let mut firms = Query::select();
    grouped_by_firm(firms.from(companies::Entity)).expr_as(
        Expr::col((companies::Entity, companies::Column::Id)).count(),
        Alias::new("firms"),
    );
    for row in db.query_all(&firms).await? {
        cells.entry(key_of(&row)?).or_default().firms = count(&row, "firms")?;
    }
    let cutoff = today - chrono::Duration::days(OUTDATED_AFTER_DAYS);
    for (offers_side, rows) in [
        (
            true,
            db.query_all(&flow_counts(offers::Entity, cutoff)).await?,
        ),
        (
            false,
            db.query_all(&flow_counts(needs::Entity, cutoff)).await?,
        ),
    ] {
        for row in rows {
            let tally = cells.entry(key_of(&row)?).or_default();
            let (flows, outdated) = (count(&row, "flows")?, count(&row, "outdated")?);
            if offers_side {
                tally.offers = flows;
            } else {
                tally.needs = flows;
            }
            tally.outdated_flows += outdated;
        }
    }
    Ok(Overview::from_cells(cells))
}

/// Adds the open and running exchanges to an overview of the region's firms and flows.
pub async fn count_exchanges(
    db: &DatabaseConnection,
    overview: &mut Overview,
) -> Result<(), StorageError> {
    let mut cells: BTreeMap<(String, Option<char>), Tally> = std::mem::take(&mut overview.cells)
        .into_iter()
        .map(|cell| ((cell.municipality, cell.section), cell.tally))
        .collect();
    for row in db.query_all(&exchange_counts()).await? {
        let tally = cells.entry(key_of(&row)?).or_default();
        let stage: String = row.try_get("", "stage")?;
        let exchanges = count(&row, "exchanges")?;
        // The query reads only the stages under way: any but running is open.
        if Stage::parse(&stage) == Some(Stage::Running) {
            tally.running_exchanges += exchanges;
        } else {
            tally.open_exchanges += exchanges;
        }
    }
    *overview = Overview::from_cells(cells);
    Ok(())
}

/// `COUNT(CASE WHEN recurring AND unconfirmed since before cutoff THEN 1 END)`.
fn outdated_count(regularity: Expr, last_confirmed: Expr, cutoff: NaiveDate) -> Expr {
    let outdated = regularity
        .ne(Regularity::OneOff.as_str())
        .and(last_confirmed.lt(cutoff));
    let case: Expr = Expr::case(outdated, 1).into();
    case.count()
}

/// Offers or needs (`table`, whose columns are named alike) counted by their firm's
/// municipality and section, with how many of them are outdated on `cutoff`.
fn flow_counts<T: Iden + Copy + 'static>(table: T, cutoff: NaiveDate) -> SelectStatement {
    let column = |name: &'static str| Expr::col((table, Alias::new(name)));
    let mut query = Query::select();
    query
        .from(table)
        .inner_join(companies::Entity, firm_of(column("company_id")));
    grouped_by_firm(&mut query)
        .expr_as(column("id").count(), Alias::new("flows"))
        .expr_as(
            outdated_count(column("regularity"), column("last_confirmed"), cutoff),
            Alias::new("outdated"),
        );
    query
}

/// Open and running exchanges by their supplier's municipality and section, and stage.
fn exchange_counts() -> SelectStatement {
    let mut query = Query::select();
    let stages = under_way();
    // The firm is reached through the offer, so the offer is joined first.
    query
        .from(exchanges::Entity)
        .inner_join(
            offers::Entity,
            Expr::col((offers::Entity, offers::Column::Id))
                .equals((exchanges::Entity, exchanges::Column::OfferId)),
        )
        .inner_join(
            companies::Entity,
            firm_of(Expr::col((offers::Entity, offers::Column::CompanyId))),
        );
    grouped_by_firm(&mut query)
        .expr_as(
            Expr::col((exchanges::Entity, exchanges::Column::Stage)),
            Alias::new("stage"),
        )
        .expr_as(
            Expr::col((exchanges::Entity, exchanges::Column::Id)).count(),
            Alias::new("exchanges"),
        )
        .and_where(Expr::col((exchanges::Entity, exchanges::Column::Stage)).is_in(stages))
        .add_group_by([Expr::col((exchanges::Entity, exchanges::Column::Stage))]);
    query
}
