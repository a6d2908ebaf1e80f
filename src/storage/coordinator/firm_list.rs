//! `/coordinator/firms`: the region's firms with filters, a page at a time, each with its
//! number of flows and the day of its latest note in the contact log.

use chrono::NaiveDateTime;
use sea_orm::sea_query::{
    Alias, Condition, Expr, ExprTrait, Func, LikeExpr, Order, Query, QueryStatementBuilder,
    SelectStatement,
};
use sea_orm::{ConnectionTrait, DatabaseConnection};

use crate::storage::StorageError;
use crate::storage::entities::{companies, firm_notes, needs, offers};

/// The filters of the list; each one given narrows it.
#[derive(Debug, Clone, Default)]
pub struct FirmFilter {
    /// Every word must occur in the firm's name (any case).
    pub name_words: Vec<String>,
    pub municipality: Option<String>,
    /// A NACE section letter, `A` to `U`.
    pub section: Option<char>,
    /// Only firms without any offer or need.
    pub without_flows: bool,
    /// Only firms without a note in the contact log since this moment.
    pub no_note_since: Option<NaiveDateTime>,
}

/// One firm of the list.
#[derive(Debug, Clone, PartialEq)]
pub struct FirmLine {
    pub key: String,
    pub name: String,
    pub municipality: String,
    pub nace: Option<String>,
    pub employees: i32,
    pub offers: i64,
    pub needs: i64,
    /// When the latest note was written, if any.
    pub last_note: Option<NaiveDateTime>,
}

/// Firms `offset..offset + limit` under the filter, by name; and how many there are in all.
pub async fn firm_lines(
    db: &DatabaseConnection,
    filter: &FirmFilter,
    offset: u64,
    limit: u64,
) -> Result<(Vec<FirmLine>, u64), StorageError> {
    let txn = crate::storage::consistent_read(db).await?;
    let condition = condition_of(filter);
    let mut count = Query::select();
    count
        .expr_as(
            Expr::col((companies::Entity, companies::Column::Id)).count(),
            Alias::new("n"),
        )
        .from(companies::Entity)
        .cond_where(condition.clone());
    let total: i64 = match txn.query_one(&count).await? {
        Some(row) => row.try_get("", "n")?,
        None => 0,
    };
    let mut query = Query::select();
    query
        .columns([
            (companies::Entity, companies::Column::Key),
            (companies::Entity, companies::Column::Name),
            (companies::Entity, companies::Column::Municipality),
            (companies::Entity, companies::Column::Nace),
            (companies::Entity, companies::Column::Employees),
        ])
        .expr_as(
            flows_of(offers::Entity, offers::Column::CompanyId),
            Alias::new("offer_count"),
        )
        .expr_as(
            flows_of(needs::Entity, needs::Column::CompanyId),
            Alias::new("need_count"),
        )
        .expr_as(latest_note(), Alias::new("last_note"))
        .from(companies::Entity)
        .cond_where(condition)
        // By name whatever its case, the same on SQLite and PostgreSQL.
        .order_by_expr(
            Func::lower(Expr::col((companies::Entity, companies::Column::Name))).into(),
            Order::Asc,
        )
        .order_by((companies::Entity, companies::Column::Id), Order::Asc)
        .offset(offset)
        .limit(limit);
    let mut lines = Vec::new();
    for row in txn.query_all(&query).await? {
        lines.push(FirmLine {
            key: row.try_get("", "key")?,
            name: row.try_get("", "name")?,
            municipality: row.try_get("", "municipality")?,
            nace: row.try_get("", "nace")?,
            employees: row.try_get("", "employees")?,
            offers: row.try_get("", "offer_count")?,
            needs: row.try_get("", "need_count")?,
            last_note: row.try_get("", "last_note")?,
        });
    }
    txn.commit().await?;
    Ok((lines, u64::try_from(total).unwrap_or(0)))
}

/// The filter as a condition on `companies`.
fn condition_of(filter: &FirmFilter) -> Condition {
    let mut condition = Condition::all();
    for word in &filter.name_words {
        condition = condition.add(
            Expr::expr(Func::lower(Expr::col((
                companies::Entity,
                companies::Column::Name,
            ))))
            .like(contains(word)),
        );
    }
    if let Some(municipality) = &filter.municipality {
        condition = condition
            .add(Expr::col((companies::Entity, companies::Column::Municipality)).eq(municipality));
    }
    if let Some(section) = filter.section {
        condition = condition.add(
            Expr::expr(Func::upper(
                Func::cust("SUBSTR")
                    .arg(Expr::col((companies::Entity, companies::Column::Nace)))
                    .arg(1)
                    .arg(1),
            ))
            .eq(section.to_ascii_uppercase().to_string()),
        );
    }
    if filter.without_flows {
        condition = condition
            .add(Expr::exists(any_of(offers::Entity, offers::Column::CompanyId)).not())
            .add(Expr::exists(any_of(needs::Entity, needs::Column::CompanyId)).not());
    }
    if let Some(since) = filter.no_note_since {
        let mut recent = any_of(firm_notes::Entity, firm_notes::Column::CompanyId);
        recent.and_where(Expr::col((firm_notes::Entity, firm_notes::Column::At)).gte(since));
        condition = condition.add(Expr::exists(recent).not());
    }
    condition
}

/// `%word%` for `LIKE`, its own `%`, `_` and `\` escaped.
pub(in crate::storage) fn contains(word: &str) -> LikeExpr {
    let mut pattern = String::from("%");
    for c in word.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    LikeExpr::new(pattern).escape('\\')
}

/// `SELECT 1 FROM table WHERE table.company = companies.id`.
fn any_of<T, C>(table: T, company: C) -> SelectStatement
where
    T: sea_orm::sea_query::IntoTableRef + sea_orm::sea_query::Iden + Copy + 'static,
    C: sea_orm::sea_query::IntoIden + Copy + 'static,
{
    Query::select()
        .expr(Expr::val(1))
        .from(table)
        .and_where(Expr::col((table, company)).equals((companies::Entity, companies::Column::Id)))
        .to_owned()
}

/// How many rows of a flow table belong to the firm.
fn flows_of<T, C>(table: T, company: C) -> Expr
where
    T: sea_orm::sea_query::IntoTableRef + sea_orm::sea_query::Iden + Copy + 'static,
    C: sea_orm::sea_query::IntoIden + Copy + 'static,
{
    let mut count = Query::select();
    count
        .expr(Expr::col((table, company)).count())
        .from(table)
        .and_where(Expr::col((table, company)).equals((companies::Entity, companies::Column::Id)));
    Expr::SubQuery(None, Box::new(count.into_sub_query_statement()))
}

/// When the firm's latest note was written.
fn latest_note() -> Expr {
    let mut latest = Query::select();
    latest
        .expr(Expr::col((firm_notes::Entity, firm_notes::Column::At)).max())
        .from(firm_notes::Entity)
        .and_where(
            Expr::col((firm_notes::Entity, firm_notes::Column::CompanyId))
                .equals((companies::Entity, companies::Column::Id)),
        );
    Expr::SubQuery(None, Box::new(latest.into_sub_query_statement()))
}
