//! The region's exchanges as coordinators list them: both firms by name, the material, the
//! stage and the date of the latest step, filtered in the database and read a page at a time.

use chrono::NaiveDateTime;
use sea_orm::sea_query::{
    Alias, Condition, Expr, ExprTrait, Func, JoinType, Order, Query, QueryStatementBuilder,
    SelectStatement,
};
use sea_orm::{ConnectionTrait, DatabaseConnection, QueryResult};

use super::firm_list::contains;
use crate::domain::exchange::{ExchangeId, Stage};
use crate::storage::StorageError;
use crate::storage::entities::{companies, exchange_events, exchanges, needs, offers};

/// The filters of the list; each one given narrows it.
#[derive(Debug, Clone, Default)]
pub struct ExchangeFilter {
    pub stage: Option<Stage>,
    /// Either firm is in this municipality.
    pub municipality: Option<String>,
    /// Every word occurs in the name of either firm.
    pub firm_words: Vec<String>,
    /// The offer's material is one of these codes, or every one of `material_words` occurs
    /// in the offer's description. Both empty: no condition.
    pub material_codes: Vec<String>,
    pub material_words: Vec<String>,
    /// Either firm is this one (database id).
    pub company: Option<i64>,
}

/// One firm of an exchange.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExchangeFirm {
    pub key: String,
    pub name: String,
    pub municipality: String,
}

/// One exchange of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExchangeLineItem {
    pub id: ExchangeId,
    pub stage: Stage,
    pub supplier: ExchangeFirm,
    pub receiver: ExchangeFirm,
    /// The offer's material as stored.
    pub material: String,
    pub offer_description: String,
    pub need_description: String,
    /// The latest recorded step, else when the exchange was opened.
    pub last_step: NaiveDateTime,
}

fn supplier() -> Alias {
    Alias::new("supplier")
}

fn receiver() -> Alias {
    Alias::new("receiver")
}

/// Exchanges `offset..offset + limit` under the filter, newest first; and how many in all.
pub async fn exchange_list(
    db: &DatabaseConnection,
    filter: &ExchangeFilter,
    offset: u64,
    limit: u64,
) -> Result<(Vec<ExchangeLineItem>, u64), StorageError> {
    let txn = crate::storage::consistent_read(db).await?;
    let mut count = joined();
    count
        .expr_as(
            Expr::col((exchanges::Entity, exchanges::Column::Id)).count(),
            Alias::new("n"),
        )
        .cond_where(condition_of(filter));
    let total: i64 = match txn.query_one(&count).await? {
        Some(row) => row.try_get("", "n")?,
        None => 0,
    };
    let mut query = joined();
    query
        .expr_as(
            Expr::col((exchanges::Entity, exchanges::Column::Id)),
            Alias::new("id"),
        )
        .expr_as(
            Expr::col((exchanges::Entity, exchanges::Column::Stage)),
            Alias::new("stage"),
        )
        .expr_as(
            Expr::col((exchanges::Entity, exchanges::Column::CreatedAt)),
            Alias::new("opened"),
        )
        .expr_as(
            Expr::col((offers::Entity, offers::Column::Material)),
            Alias::new("material"),
        )
        .expr_as(
            Expr::col((offers::Entity, offers::Column::Description)),
            Alias::new("offer_text"),
        )
        .expr_as(
            Expr::col((needs::Entity, needs::Column::Description)),
            Alias::new("need_text"),
        )
        .expr_as(latest_step(), Alias::new("last_step"))
        .cond_where(condition_of(filter))
        .order_by((exchanges::Entity, exchanges::Column::Id), Order::Desc)
        .offset(offset)
        .limit(limit);
    for (alias, prefix) in [(supplier(), "s"), (receiver(), "r")] {
        for column in [
            companies::Column::Key,
            companies::Column::Name,
            companies::Column::Municipality,
        ] {
            let name = format!("{prefix}_{}", sea_orm::sea_query::Iden::to_string(&column));
            query.expr_as(Expr::col((alias.clone(), column)), Alias::new(name));
        }
    }
    let mut lines = Vec::new();
    for row in txn.query_all(&query).await? {
        lines.push(line_of(&row)?);
    }
    txn.commit().await?;
    Ok((lines, u64::try_from(total).unwrap_or(0)))
}

fn line_of(row: &QueryResult) -> Result<ExchangeLineItem, StorageError> {
    let firm = |prefix: &str| -> Result<ExchangeFirm, StorageError> {
        Ok(ExchangeFirm {
            key: row.try_get("", &format!("{prefix}_key"))?,
            name: row.try_get("", &format!("{prefix}_name"))?,
            municipality: row.try_get("", &format!("{prefix}_municipality"))?,
        })
    };
    let stage: String = row.try_get("", "stage")?;
    let last_step: Option<NaiveDateTime> = row.try_get("", "last_step")?;
    Ok(ExchangeLineItem {
        id: ExchangeId(row.try_get("", "id")?),
        // An unreadable stage counts as the start, never as running.
        stage: Stage::parse(&stage).unwrap_or(Stage::Proposed),
        supplier: firm("s")?,
        receiver: firm("r")?,
        material: row.try_get("", "material")?,
        offer_description: row.try_get("", "offer_text")?,
        need_description: row.try_get("", "need_text")?,
        last_step: last_step.unwrap_or(row.try_get("", "opened")?),
    })
}

/// `exchanges` joined to its offer, need and both firms (`supplier`, `receiver`).
fn joined() -> SelectStatement {
    let mut query = Query::select();
    query
        .from(exchanges::Entity)
        .inner_join(
            offers::Entity,
            Expr::col((offers::Entity, offers::Column::Id))
                .equals((exchanges::Entity, exchanges::Column::OfferId)),
        )
        .inner_join(
            needs::Entity,
            Expr::col((needs::Entity, needs::Column::Id))
                .equals((exchanges::Entity, exchanges::Column::NeedId)),
        )
        .join_as(
            JoinType::InnerJoin,
            companies::Entity,
            supplier(),
            Expr::col((supplier(), companies::Column::Id))
                .equals((offers::Entity, offers::Column::CompanyId)),
        )
        .join_as(
            JoinType::InnerJoin,
            companies::Entity,
            receiver(),
            Expr::col((receiver(), companies::Column::Id))
                .equals((needs::Entity, needs::Column::CompanyId)),
        );
    query
}

/// `LOWER(alias.name) LIKE %word%`.
fn name_has(alias: Alias, word: &str) -> Expr {
    Expr::expr(Func::lower(Expr::col((alias, companies::Column::Name)))).like(contains(word))
}

fn condition_of(filter: &ExchangeFilter) -> Condition {
    let mut condition = Condition::all();
    if let Some(stage) = filter.stage {
        condition = condition
            .add(Expr::col((exchanges::Entity, exchanges::Column::Stage)).eq(stage.as_str()));
    }
    if let Some(municipality) = &filter.municipality {
        condition = condition.add(
            Condition::any()
                .add(Expr::col((supplier(), companies::Column::Municipality)).eq(municipality))
                .add(Expr::col((receiver(), companies::Column::Municipality)).eq(municipality)),
        );
    }
    for word in &filter.firm_words {
        condition = condition.add(
            Condition::any()
                .add(name_has(supplier(), word))
                .add(name_has(receiver(), word)),
        );
    }
    if let Some(material) = material_condition(filter) {
        condition = condition.add(material);
    }
    if let Some(company) = filter.company {
        condition = condition.add(
            Condition::any()
                .add(Expr::col((supplier(), companies::Column::Id)).eq(company))
                .add(Expr::col((receiver(), companies::Column::Id)).eq(company)),
        );
    }
    condition
}

/// The material filter: one of the codes found, or the words in the offer's description.
fn material_condition(filter: &ExchangeFilter) -> Option<Condition> {
    if filter.material_codes.is_empty() && filter.material_words.is_empty() {
        return None;
    }
    let mut either = Condition::any();
    if !filter.material_codes.is_empty() {
        either = either.add(
            Expr::col((offers::Entity, offers::Column::Material))
                .is_in(filter.material_codes.iter().cloned()),
        );
    }
    if !filter.material_words.is_empty() {
        let mut all = Condition::all();
        for word in &filter.material_words {
            all = all.add(
                Expr::expr(Func::lower(Expr::col((
                    offers::Entity,
                    offers::Column::Description,
                ))))
                .like(contains(word)),
            );
        }
        either = either.add(all);
    }
    Some(either)
}

/// When the exchange's latest step was recorded.
fn latest_step() -> Expr {
    let mut latest = Query::select();
    latest
        .expr(Expr::col((exchange_events::Entity, exchange_events::Column::At)).max())
        .from(exchange_events::Entity)
        .and_where(
            Expr::col((exchange_events::Entity, exchange_events::Column::ExchangeId))
                .equals((exchanges::Entity, exchanges::Column::Id)),
        );
    Expr::SubQuery(None, Box::new(latest.into_sub_query_statement()))
}
