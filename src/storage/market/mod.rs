//! The market's reads: the offers and needs a viewer may see that pass the filters the
//! database can apply (kind, confidentiality, material chapter, municipality, a box around the
//! viewer's firm, quantity, words as `LIKE` pieces or material codes), as light rows; and the
//! full flows of one page of them. The app ranks the light rows and cuts the page, so a large
//! region is never read whole.

use std::collections::HashMap;

use sea_orm::sea_query::{
    Alias, Cond, Condition, Expr, ExprTrait, Func, Iden, IntoColumnRef, Query, SelectStatement,
};
use sea_orm::{ConnectionTrait, DatabaseConnection};

use super::StorageError;
use super::entities::{companies, need_accepts, needs, offers};
use crate::domain::{Confidentiality, FlowKind, Resource};

/// Whose flows a viewer may see on the market.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Coordinators and administrators: every flow.
    Staff,
    /// A visitor or a firm (`Some(company id)`): public and anonymous flows of every firm, and
    /// all of the firm's own.
    Firms(Option<i64>),
}

/// A material chapter: one of the List of Waste (`"02"`) or our own resources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChapterSelection {
    Waste(String),
    Resources,
}

/// What the words of a search select in the database: flows whose description holds every
/// piece, or whose material (an offer's code, a need's accepted entry) is listed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WordSelection {
    pub pieces: Vec<String>,
    /// Materials the words name (offers' `material` values).
    pub materials: Vec<String>,
    /// Entries of needs' acceptance lists that cover those materials (codes, sub-chapters,
    /// chapters).
    pub accepted: Vec<String>,
}

/// A box of latitude and longitude, in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    pub lat: (f64, f64),
    pub lon: (f64, f64),
}

/// The market's filters as the database applies them.
#[derive(Debug, Clone, PartialEq)]
pub struct MarketSelection {
    pub audience: Audience,
    pub offers: bool,
    pub needs: bool,
    pub chapter: Option<ChapterSelection>,
    pub municipality: Option<String>,
    pub area: Option<Area>,
    pub quantity_min: Option<f64>,
    pub quantity_max: Option<f64>,
    pub words: Option<WordSelection>,
    /// Only this flow (by key): to ask whether one flow fits a saved search.
    pub only_key: Option<String>,
}

/// One flow on the market, as light as ranking needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct MarketRow {
    pub kind: FlowKind,
    pub key: String,
    pub company_id: i64,
    /// An offer's material, or a need's accepted entries.
    pub materials: Vec<String>,
    pub description: String,
    pub lat: f64,
    pub lon: f64,
}

/// The flows passing `selection`, offers first, each kind by id.
pub async fn market_rows(
    db: &DatabaseConnection,
    selection: &MarketSelection,
) -> Result<Vec<MarketRow>, StorageError> {
    let mut rows = Vec::new();
    if selection.offers {
        let query = flows_query(offers::Entity, selection, FlowKind::Offer);
        for row in db.query_all(&query).await? {
            let material: String = row.try_get("", "material")?;
            rows.push(light_row(&row, FlowKind::Offer, vec![material])?);
        }
    }
    if selection.needs {
        let query = flows_query(needs::Entity, selection, FlowKind::Need);
        let found = db.query_all(&query).await?;
        let mut accepted = accepted_of(db, selection).await?;
        for row in found {
            let id: i64 = row.try_get("", "id")?;
            let codes = accepted.remove(&id).unwrap_or_default();
            rows.push(light_row(&row, FlowKind::Need, codes)?);
        }
    }
    Ok(rows)
}

fn light_row(
    row: &sea_orm::QueryResult,
    kind: FlowKind,
    materials: Vec<String>,
) -> Result<MarketRow, StorageError> {
    Ok(MarketRow {
        kind,
        key: row.try_get("", "key")?,
        company_id: row.try_get("", "company_id")?,
        materials,
        description: row.try_get("", "description")?,
        lat: row.try_get("", "lat")?,
        lon: row.try_get("", "lon")?,
    })
}

/// The accepted entries of every need passing `selection`, by need id.
async fn accepted_of(
    db: &DatabaseConnection,
    selection: &MarketSelection,
) -> Result<HashMap<i64, Vec<String>>, StorageError> {
    let mut ids = flows_query(needs::Entity, selection, FlowKind::Need);
    ids.clear_selects()
        .column((needs::Entity, needs::Column::Id));
    let query = Query::select()
        .columns([need_accepts::Column::NeedId, need_accepts::Column::Code])
        .from(need_accepts::Entity)
        .and_where(Expr::col(need_accepts::Column::NeedId).in_subquery(ids))
        .order_by(need_accepts::Column::NeedId, sea_orm::Order::Asc)
        .order_by(need_accepts::Column::Position, sea_orm::Order::Asc)
        .to_owned();
    let mut accepted: HashMap<i64, Vec<String>> = HashMap::new();
    for row in db.query_all(&query).await? {
        let id: i64 = row.try_get("", "need_id")?;
        accepted
            .entry(id)
            .or_default()
            .push(row.try_get("", "code")?);
    }
    Ok(accepted)
}

/// `SELECT` the light columns of offers or needs (`table`, whose shared columns are named
/// alike) with their firm's point, filtered by `selection`.
fn flows_query<T: Iden + Copy + 'static>(
    table: T,
    selection: &MarketSelection,
    kind: FlowKind,
) -> SelectStatement {
    let column = |name: &'static str| Expr::col((table, Alias::new(name)));
    let firm = |column: companies::Column| Expr::col((companies::Entity, column));
    let mut query = Query::select();
    query
        .from(table)
        .inner_join(
            companies::Entity,
            firm(companies::Column::Id).equals((table, Alias::new("company_id"))),
        )
        .expr_as(column("id"), Alias::new("id"))
        .expr_as(column("key"), Alias::new("key"))
        .expr_as(column("company_id"), Alias::new("company_id"))
        .expr_as(column("description"), Alias::new("description"))
        .expr_as(firm(companies::Column::Lat), Alias::new("lat"))
        .expr_as(firm(companies::Column::Lon), Alias::new("lon"))
        // Paused flows are off the market until their firm resumes them.
        .and_where(column("paused").eq(false))
        .cond_where(audience(
            selection.audience,
            column("confidentiality"),
            column("company_id"),
        ))
        .order_by((table, Alias::new("id")), sea_orm::Order::Asc);
    if kind == FlowKind::Offer {
        query.expr_as(column("material"), Alias::new("material"));
    }
    if let Some(key) = &selection.only_key {
        query.and_where(column("key").eq(key.as_str()));
    }
    if let Some(name) = &selection.municipality {
        query.and_where(firm(companies::Column::Municipality).eq(name.as_str()));
    }
    if let Some(area) = selection.area {
        query
            .and_where(firm(companies::Column::Lat).between(area.lat.0, area.lat.1))
            .and_where(firm(companies::Column::Lon).between(area.lon.0, area.lon.1));
    }
    if let Some(min) = selection.quantity_min {
        query.and_where(column("quantity").gte(min));
    }
    if let Some(max) = selection.quantity_max {
        query.and_where(column("quantity").lte(max));
    }
    if let Some(chapter) = &selection.chapter {
        query.cond_where(chapter_condition(chapter, table, kind));
    }
    if let Some(words) = &selection.words {
        query.cond_where(words_condition(words, table, kind));
    }
    query
}

/// Staff see everything; others what is not coordinator-only, and their firm's own flows.
fn audience(audience: Audience, confidentiality: Expr, company: Expr) -> Condition {
    match audience {
        Audience::Staff => Cond::all(),
        Audience::Firms(own) => {
            let shown =
                Cond::any().add(confidentiality.ne(Confidentiality::CoordinatorOnly.as_str()));
            match own {
                Some(id) => shown.add(company.eq(id)),
                None => shown,
            }
        }
    }
}

/// An offer's material, or one of a need's accepted entries, within the chapter.
fn chapter_condition<T: Iden + Copy + 'static>(
    chapter: &ChapterSelection,
    table: T,
    kind: FlowKind,
) -> Condition {
    let resources = Resource::ALL.map(Resource::code);
    let fits = |code: Expr| match chapter {
        ChapterSelection::Waste(digits) => Cond::any()
            .add(code.clone().eq(digits.as_str()))
            .add(code.like(format!("{digits} %"))),
        ChapterSelection::Resources => Cond::all().add(code.is_in(resources)),
    };
    match kind {
        FlowKind::Offer => fits(Expr::col((table, Alias::new("material")))),
        FlowKind::Need => Cond::all().add(Expr::col((table, Alias::new("id"))).in_subquery(
            accepting(fits(Expr::col((
                need_accepts::Entity,
                need_accepts::Column::Code,
            )))),
        )),
    }
}

/// `SELECT need_id FROM need_accepts WHERE condition`.
fn accepting(condition: Condition) -> SelectStatement {
    Query::select()
        .column(need_accepts::Column::NeedId)
        .from(need_accepts::Entity)
        .cond_where(condition)
        .to_owned()
}

/// The description holds every piece, or the material is one the words name.
fn words_condition<T: Iden + Copy + 'static>(
    words: &WordSelection,
    table: T,
    kind: FlowKind,
) -> Condition {
    let description = (table, Alias::new("description")).into_column_ref();
    let mut in_text = Cond::all();
    for piece in &words.pieces {
        in_text =
            in_text.add(Func::lower(Expr::col(description.clone())).like(format!("%{piece}%")));
    }
    let by_material = match kind {
        FlowKind::Offer => Expr::col((table, Alias::new("material")))
            .is_in(words.materials.iter().map(String::as_str)),
        FlowKind::Need => Expr::col((table, Alias::new("id"))).in_subquery(accepting(
            Cond::all().add(
                Expr::col((need_accepts::Entity, need_accepts::Column::Code))
                    .is_in(words.accepted.iter().map(String::as_str)),
            ),
        )),
    };
    let mut either = Cond::any().add(by_material);
    if !words.pieces.is_empty() {
        either = either.add(in_text);
    }
    either
}

mod page;

pub use page::{MarketFlow, firm_point, market_flows};
