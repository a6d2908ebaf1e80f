//! What the impact page counts: the tonnes recorded on running and completed exchanges with
//! the flows and firms behind them, how many exchanges stand at each stage, and the region's
//! parameters.

use std::collections::{HashMap, HashSet};

use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use super::StorageError;
use super::entities::{companies, exchange_tonnes, exchanges, needs, offers, region_settings};
use crate::bulk::json_settings;
use crate::domain::exchange::Stage;
use crate::domain::{FieldProblem, Parameters, Problems, Unit};
use crate::outcomes::impact::{Month, Party, RecordedTonnes};

/// Stages whose recorded tonnes count: material has moved.
const COUNTED: [Stage; 2] = [Stage::Running, Stage::Completed];

/// Every record of tonnes on an exchange that runs or has completed, in the order recorded.
pub async fn recorded_tonnes(db: &DatabaseConnection) -> Result<Vec<RecordedTonnes>, StorageError> {
    let exchanges: HashMap<i64, exchanges::Model> = exchanges::Entity::find()
        .filter(exchanges::Column::Stage.is_in(COUNTED.map(Stage::as_str)))
        .all(db)
        .await?
        .into_iter()
        .map(|row| (row.id, row))
        .collect();
    if exchanges.is_empty() {
        return Ok(Vec::new());
    }
    let tonnes = exchange_tonnes::Entity::find()
        .filter(exchange_tonnes::Column::ExchangeId.is_in(exchanges.keys().copied()))
        .order_by_asc(exchange_tonnes::Column::Id)
        .all(db)
        .await?;
    let offers = rows_by_id::<offers::Entity>(
        db,
        offers::Column::Id,
        exchanges.values().map(|e| e.offer_id),
        |o| o.id,
    )
    .await?;
    let needs = rows_by_id::<needs::Entity>(
        db,
        needs::Column::Id,
        exchanges.values().map(|e| e.need_id),
        |n| n.id,
    )
    .await?;
    let firm_ids = (offers.values().map(|o| o.company_id))
        .chain(needs.values().map(|n| n.company_id))
        .collect::<HashSet<i64>>();
    let firms =
        rows_by_id::<companies::Entity>(db, companies::Column::Id, firm_ids, |c| c.id).await?;
    let flows = Flows {
        exchanges: &exchanges,
        offers: &offers,
        needs: &needs,
        firms: &firms,
    };
    tonnes
        .into_iter()
        .filter_map(|row| flows.record(row).transpose())
        .collect()
}

/// The rows of an entity whose `column` is among `ids`, by their id.
async fn rows_by_id<E: EntityTrait>(
    db: &DatabaseConnection,
    column: E::Column,
    ids: impl IntoIterator<Item = i64>,
    id: impl Fn(&E::Model) -> i64,
) -> Result<HashMap<i64, E::Model>, StorageError> {
    let rows = E::find().filter(column.is_in(ids)).all(db).await?;
    Ok(rows.into_iter().map(|row| (id(&row), row)).collect())
}

/// The rows a record of tonnes refers to.
struct Flows<'a> {
    exchanges: &'a HashMap<i64, exchanges::Model>,
    offers: &'a HashMap<i64, offers::Model>,
    needs: &'a HashMap<i64, needs::Model>,
    firms: &'a HashMap<i64, companies::Model>,
}

impl Flows<'_> {
    /// A record with its flows and firms. Foreign keys cascade, so every reference resolves;
    /// `None` only covers a row deleted between two of the reads above.
    fn record(&self, row: exchange_tonnes::Model) -> Result<Option<RecordedTonnes>, StorageError> {
        let Some(exchange) = self.exchanges.get(&row.exchange_id) else {
            return Ok(None);
        };
        let offer = self.offers.get(&exchange.offer_id);
        let need = self.needs.get(&exchange.need_id);
        let (Some(offer), Some(need)) = (offer, need) else {
            return Ok(None);
        };
        let supplier = self.firms.get(&offer.company_id);
        let receiver = self.firms.get(&need.company_id);
        let (Some(supplier), Some(receiver)) = (supplier, receiver) else {
            return Ok(None);
        };
        let corrupt =
            |table: &'static str, key: &str, field: &str, value: &str| StorageError::Corrupt {
                table,
                key: key.to_string(),
                problems: Problems(vec![FieldProblem::new(
                    field,
                    format!("\"{value}\" is unreadable"),
                )]),
            };
        let month = Month::parse(&row.period).ok_or_else(|| {
            corrupt(
                "exchange_tonnes",
                &row.id.to_string(),
                "period",
                &row.period,
            )
        })?;
        let offer_unit = Unit::parse(&offer.unit)
            .map_err(|_| corrupt("offers", &offer.key, "unit", &offer.unit))?;
        let need_unit =
            Unit::parse(&need.unit).map_err(|_| corrupt("needs", &need.key, "unit", &need.unit))?;
        Ok(Some(RecordedTonnes {
            exchange_id: exchange.id,
            stage: Stage::parse(&exchange.stage).unwrap_or(Stage::Running),
            month,
            tonnes: row.tonnes,
            material: offer.material.clone(),
            offer_unit,
            need_unit,
            disposal_eur_per_unit: offer.disposal_cost_eur_per_unit,
            virgin_eur_per_unit: need.virgin_price_eur_per_unit,
            supplier: party(supplier),
            receiver: party(receiver),
        }))
    }
}

fn party(row: &companies::Model) -> Party {
    Party {
        company_id: row.id,
        key: row.key.clone(),
        name: row.name.clone(),
        municipality: row.municipality.clone(),
        nace: row.nace.clone(),
        lat: row.lat,
        lon: row.lon,
    }
}

/// How many exchanges stand at each stage today, every stage listed in the order of an
/// exchange's life; with a municipality, only exchanges whose supplier is there.
pub async fn exchanges_per_stage(
    db: &DatabaseConnection,
    municipality: Option<&str>,
) -> Result<Vec<(Stage, usize)>, StorageError> {
    let rows: Vec<(String, i64)> = exchanges::Entity::find()
        .select_only()
        .column(exchanges::Column::Stage)
        .column(exchanges::Column::OfferId)
        .into_tuple()
        .all(db)
        .await?;
    let suppliers_there: Option<HashSet<i64>> = match municipality {
        None => None,
        Some(name) => Some(offers_of_firms_in(db, name).await?),
    };
    let mut counts: Vec<(Stage, usize)> = Stage::ALL.iter().map(|&stage| (stage, 0)).collect();
    for (stage, offer_id) in rows {
        if suppliers_there
            .as_ref()
            .is_some_and(|offers| !offers.contains(&offer_id))
        {
            continue;
        }
        if let Some(count) = counts.iter_mut().find(|(s, _)| s.as_str() == stage) {
            count.1 += 1;
        }
    }
    Ok(counts)
}

/// Ids of the offers of the firms in a municipality.
async fn offers_of_firms_in(
    db: &DatabaseConnection,
    municipality: &str,
) -> Result<HashSet<i64>, StorageError> {
    let firms: Vec<i64> = companies::Entity::find()
        .select_only()
        .column(companies::Column::Id)
        .filter(companies::Column::Municipality.eq(municipality))
        .into_tuple()
        .all(db)
        .await?;
    let offers: Vec<i64> = offers::Entity::find()
        .select_only()
        .column(offers::Column::Id)
        .filter(offers::Column::CompanyId.is_in(firms))
        .into_tuple()
        .all(db)
        .await?;
    Ok(offers.into_iter().collect())
}

/// The region's economic parameters, when an import set them.
pub async fn region_parameters(
    db: &impl ConnectionTrait,
) -> Result<Option<Parameters>, StorageError> {
    let Some(row) = region_settings::Entity::find_by_id("parameters".to_string())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let corrupt = |problems| StorageError::Corrupt {
        table: "region_settings",
        key: "parameters".into(),
        problems,
    };
    let value: serde_json::Value = serde_json::from_str(&row.value)
        .map_err(|e| corrupt(Problems(vec![FieldProblem::new("value", e)])))?;
    json_settings::parameters_from_json(&value)
        .map(Some)
        .map_err(corrupt)
}
