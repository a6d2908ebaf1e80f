//! The exchanges as the coordinator's pages need them: which pairs somebody has acted on, and
//! the open and running ones as lines on the map with their firms' places.

use std::collections::{HashMap, HashSet};

use sea_orm::sea_query::{Alias, Expr, ExprTrait, JoinType, Query, SelectStatement};
use sea_orm::{ConnectionTrait, DatabaseConnection};

use super::under_way;
use crate::domain::Unit;
use crate::domain::exchange::Stage;
use crate::storage::StorageError;
use crate::storage::entities::{companies, exchange_tonnes, exchanges, needs, offers};

/// `(offer id, need id)` of every exchange in the region, whatever its stage: pairs somebody
/// has acted on (declined ones included).
pub async fn exchange_pairs(
    db: &DatabaseConnection,
) -> Result<HashSet<(String, String)>, StorageError> {
    let query = pair_keys(Query::select().from(exchanges::Entity).to_owned());
    let mut pairs = HashSet::new();
    for row in db.query_all(&query).await? {
        pairs.insert((row.try_get("", "offer_key")?, row.try_get("", "need_key")?));
    }
    Ok(pairs)
}

/// The exchange of an offer and a need (by their ids), if there is one.
pub async fn exchange_of_pair(
    db: &DatabaseConnection,
    offer_key: &str,
    need_key: &str,
) -> Result<Option<i64>, StorageError> {
    let mut query = pair_keys(Query::select().from(exchanges::Entity).to_owned());
    query
        .expr_as(
            Expr::col((exchanges::Entity, exchanges::Column::Id)),
            Alias::new("id"),
        )
        .and_where(Expr::col((offers::Entity, offers::Column::Key)).eq(offer_key))
        .and_where(Expr::col((needs::Entity, needs::Column::Key)).eq(need_key));
    match db.query_one(&query).await? {
        Some(row) => Ok(Some(row.try_get("", "id")?)),
        None => Ok(None),
    }
}

/// Joins an exchanges query to its offer and need and selects their keys as `offer_key` and
/// `need_key`.
pub(in crate::storage) fn pair_keys(mut query: SelectStatement) -> SelectStatement {
    query
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
        .expr_as(
            Expr::col((offers::Entity, offers::Column::Key)),
            Alias::new("offer_key"),
        )
        .expr_as(
            Expr::col((needs::Entity, needs::Column::Key)),
            Alias::new("need_key"),
        );
    query
}

/// A firm at one end of an exchange line.
#[derive(Debug, Clone, PartialEq)]
pub struct LineEnd {
    pub name: String,
    pub lat: f64,
    pub lon: f64,
}

/// An open or running exchange, as the map draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct ExchangeLine {
    pub id: i64,
    pub stage: Stage,
    /// The offer's material code (`02 03 04`, `heat-low`).
    pub material: String,
    pub supplier: LineEnd,
    pub receiver: LineEnd,
    /// What fits both sides per year: the smaller of the offer's and the need's quantity.
    pub quantity_per_year: f64,
    pub unit: Unit,
    /// Tonnes recorded so far on a running exchange; `None` when nothing was recorded.
    pub recorded_tonnes: Option<f64>,
}

/// Every open and running exchange with both firms' places, by id.
pub async fn exchange_lines(db: &DatabaseConnection) -> Result<Vec<ExchangeLine>, StorageError> {
    let recorded = recorded_tonnes(db).await?;
    let mut lines = Vec::new();
    for row in db.query_all(&lines_query()).await? {
        let id: i64 = row.try_get("", "id")?;
        let stage: String = row.try_get("", "stage")?;
        let unit: String = row.try_get("", "unit")?;
        let offered: f64 = row.try_get("", "offered")?;
        let needed: f64 = row.try_get("", "needed")?;
        let end = |prefix: &str| -> Result<LineEnd, StorageError> {
            Ok(LineEnd {
                name: row.try_get("", &format!("{prefix}_name"))?,
                lat: row.try_get("", &format!("{prefix}_lat"))?,
                lon: row.try_get("", &format!("{prefix}_lon"))?,
            })
        };
        lines.push(ExchangeLine {
            id,
            stage: Stage::parse(&stage).unwrap_or(Stage::Proposed),
            material: row.try_get("", "material")?,
            supplier: end("supplier")?,
            receiver: end("receiver")?,
            quantity_per_year: offered.min(needed),
            unit: Unit::parse(&unit).unwrap_or(Unit::Tonnes),
            recorded_tonnes: recorded.get(&id).copied(),
        });
    }
    Ok(lines)
}

fn lines_query() -> SelectStatement {
    let (supplier, receiver) = (Alias::new("supplier"), Alias::new("receiver"));
    let stages = under_way();
    let mut query = pair_keys(Query::select().from(exchanges::Entity).to_owned());
    query
        .join_as(
            JoinType::InnerJoin,
            companies::Entity,
            supplier.clone(),
            Expr::col((supplier.clone(), companies::Column::Id))
                .equals((offers::Entity, offers::Column::CompanyId)),
        )
        .join_as(
            JoinType::InnerJoin,
            companies::Entity,
            receiver.clone(),
            Expr::col((receiver.clone(), companies::Column::Id))
                .equals((needs::Entity, needs::Column::CompanyId)),
        )
        .expr_as(Expr::col((exchanges::Entity, exchanges::Column::Id)), "id")
        .expr_as(
            Expr::col((exchanges::Entity, exchanges::Column::Stage)),
            "stage",
        )
        .expr_as(
            Expr::col((offers::Entity, offers::Column::Material)),
            "material",
        )
        .expr_as(Expr::col((offers::Entity, offers::Column::Unit)), "unit")
        .expr_as(
            Expr::col((offers::Entity, offers::Column::Quantity)),
            "offered",
        )
        .expr_as(
            Expr::col((needs::Entity, needs::Column::Quantity)),
            "needed",
        );
    for (alias, prefix) in [(supplier, "supplier"), (receiver, "receiver")] {
        for (column, name) in [
            (companies::Column::Name, "name"),
            (companies::Column::Lat, "lat"),
            (companies::Column::Lon, "lon"),
        ] {
            query.expr_as(
                Expr::col((alias.clone(), column)),
                Alias::new(format!("{prefix}_{name}")),
            );
        }
    }
    query
        .and_where(Expr::col((exchanges::Entity, exchanges::Column::Stage)).is_in(stages))
        .order_by(
            (exchanges::Entity, exchanges::Column::Id),
            sea_orm::Order::Asc,
        );
    query
}

/// Tonnes recorded per running exchange.
async fn recorded_tonnes(db: &DatabaseConnection) -> Result<HashMap<i64, f64>, StorageError> {
    let query = Query::select()
        .expr_as(
            Expr::col((exchange_tonnes::Entity, exchange_tonnes::Column::ExchangeId)),
            Alias::new("id"),
        )
        .expr_as(
            Expr::col((exchange_tonnes::Entity, exchange_tonnes::Column::Tonnes)).sum(),
            Alias::new("tonnes"),
        )
        .from(exchange_tonnes::Entity)
        .inner_join(
            exchanges::Entity,
            Expr::col((exchanges::Entity, exchanges::Column::Id))
                .equals((exchange_tonnes::Entity, exchange_tonnes::Column::ExchangeId)),
        )
        .and_where(
            Expr::col((exchanges::Entity, exchanges::Column::Stage)).eq(Stage::Running.as_str()),
        )
        .add_group_by([Expr::col((
            exchange_tonnes::Entity,
            exchange_tonnes::Column::ExchangeId,
        ))])
        .to_owned();
    let mut tonnes = HashMap::new();
    for row in db.query_all(&query).await? {
        tonnes.insert(row.try_get::<i64>("", "id")?, row.try_get("", "tonnes")?);
    }
    Ok(tonnes)
}
