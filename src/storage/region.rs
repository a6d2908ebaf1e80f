//! Whole-region reads and writes: imports insert a [`Region`] in one transaction, exports
//! read it back in insertion order.

use std::collections::{HashMap, HashSet};

use sea_orm::ActiveValue::Set;
use sea_orm::{
    ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryOrder, QuerySelect,
    TransactionTrait,
};

use super::StorageError;
use super::entities::{companies, need_accepts, needs, offers, region_settings};
use super::rows::{
    accepts_to_rows, firm_from_row, firm_to_row, need_from_row, need_to_row, offer_from_row,
    offer_to_row,
};
use crate::bulk::json_settings;
use crate::domain::Region;

// Rows per INSERT statement: 1,000 rows of at most 14 columns stay under SQLite's limit of
// 32,766 bound variables and PostgreSQL's 65,535.
const BATCH: usize = 1000;

/// What an import wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub firms: usize,
    pub offers: usize,
    pub needs: usize,
}

/// How many records the database holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RegionCounts {
    pub firms: u64,
    pub offers: u64,
    pub needs: u64,
}

impl RegionCounts {
    /// True when the database holds no firm.
    pub fn is_empty(&self) -> bool {
        self.firms == 0
    }
}

/// Identifiers already taken, so that an import can report clashes before writing.
#[derive(Debug, Default)]
pub struct ExistingKeys {
    pub firms: HashSet<String>,
    pub offers: HashSet<String>,
    pub needs: HashSet<String>,
}

/// Counts firms, offers and needs.
pub async fn counts(db: &impl ConnectionTrait) -> Result<RegionCounts, StorageError> {
    Ok(RegionCounts {
        firms: companies::Entity::find().count(db).await?,
        offers: offers::Entity::find().count(db).await?,
        needs: needs::Entity::find().count(db).await?,
    })
}

/// Every identifier in use.
pub async fn existing_keys(db: &DatabaseConnection) -> Result<ExistingKeys, StorageError> {
    Ok(ExistingKeys {
        firms: keys_of::<companies::Entity>(db, companies::Column::Key).await?,
        offers: keys_of::<offers::Entity>(db, offers::Column::Key).await?,
        needs: keys_of::<needs::Entity>(db, needs::Column::Key).await?,
    })
}

async fn keys_of<E: EntityTrait>(
    db: &impl ConnectionTrait,
    column: E::Column,
) -> Result<HashSet<String>, StorageError> {
    let keys: Vec<String> = E::find()
        .select_only()
        .column(column)
        .into_tuple()
        .all(db)
        .await?;
    Ok(keys.into_iter().collect())
}

/// Inserts a whole region in one transaction: either everything is written or nothing.
/// `progress` is told how many records have been written so far.
pub async fn insert_region(
    db: &DatabaseConnection,
    region: &Region,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<ImportSummary, StorageError> {
    let txn = db.begin().await?;
    let summary = write_region(&txn, region, progress).await?;
    txn.commit().await?;
    Ok(summary)
}

/// Writes a whole region within the caller's transaction, which commits it (or not) with
/// whatever else it writes. `progress` is told how many records have been written so far.
pub(super) async fn write_region(
    txn: &impl ConnectionTrait,
    region: &Region,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<ImportSummary, StorageError> {
    if let Some(parameters) = &region.parameters {
        put_setting(
            txn,
            "parameters",
            json_settings::parameters_to_json(parameters),
        )
        .await?;
    }
    if let Some(meta) = &region.meta {
        put_setting(txn, "meta", serde_json::Value::Object(meta.clone())).await?;
    }
    let mut written = 0;
    for chunk in region.firms.chunks(BATCH) {
        companies::Entity::insert_many(chunk.iter().map(firm_to_row))
            .exec_without_returning(txn)
            .await
            .map_err(|e| StorageError::from_db(e, "firm", chunk[0].id().as_str()))?;
        written += chunk.len();
        progress(written);
    }
    let firm_ids =
        id_map::<companies::Entity>(txn, companies::Column::Key, companies::Column::Id).await?;
    let firm_id = |what: &'static str, key: &str, firm: &str| {
        firm_ids
            .get(firm)
            .copied()
            .ok_or_else(|| StorageError::UnknownFirm {
                what,
                key: key.to_string(),
                firm: firm.to_string(),
            })
    };
    for chunk in region.offers.chunks(BATCH) {
        let rows = chunk
            .iter()
            .map(|o| {
                Ok(offer_to_row(
                    o,
                    firm_id("offer", o.id().as_str(), o.firm().as_str())?,
                ))
            })
            .collect::<Result<Vec<_>, StorageError>>()?;
        offers::Entity::insert_many(rows)
            .exec_without_returning(txn)
            .await
            .map_err(|e| StorageError::from_db(e, "offer", chunk[0].id().as_str()))?;
        written += chunk.len();
        progress(written);
    }
    for chunk in region.needs.chunks(BATCH) {
        let rows = chunk
            .iter()
            .map(|n| {
                Ok(need_to_row(
                    n,
                    firm_id("need", n.id().as_str(), n.firm().as_str())?,
                ))
            })
            .collect::<Result<Vec<_>, StorageError>>()?;
        needs::Entity::insert_many(rows)
            .exec_without_returning(txn)
            .await
            .map_err(|e| StorageError::from_db(e, "need", chunk[0].id().as_str()))?;
        written += chunk.len();
        progress(written);
    }
    let need_ids = id_map::<needs::Entity>(txn, needs::Column::Key, needs::Column::Id).await?;
    let accepts: Vec<need_accepts::ActiveModel> = region
        .needs
        .iter()
        .flat_map(|need| accepts_to_rows(need, need_ids[need.id().as_str()]))
        .collect();
    for chunk in accepts.chunks(BATCH) {
        need_accepts::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(txn)
            .await?;
    }
    Ok(ImportSummary {
        firms: region.firms.len(),
        offers: region.offers.len(),
        needs: region.needs.len(),
    })
}

async fn put_setting(
    txn: &impl ConnectionTrait,
    name: &str,
    value: serde_json::Value,
) -> Result<(), StorageError> {
    region_settings::Entity::delete_by_id(name.to_string())
        .exec(txn)
        .await?;
    region_settings::Entity::insert(region_settings::ActiveModel {
        name: Set(name.to_string()),
        value: Set(value.to_string()),
    })
    .exec_without_returning(txn)
    .await?;
    Ok(())
}

async fn get_setting(
    db: &impl ConnectionTrait,
    name: &str,
) -> Result<Option<serde_json::Value>, StorageError> {
    let Some(row) = region_settings::Entity::find_by_id(name.to_string())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    serde_json::from_str(&row.value)
        .map(Some)
        .map_err(|e| StorageError::Corrupt {
            table: "region_settings",
            key: name.to_string(),
            problems: crate::domain::Problems(vec![crate::domain::FieldProblem::new("value", e)]),
        })
}

async fn id_map<E: EntityTrait>(
    db: &impl ConnectionTrait,
    key: E::Column,
    id: E::Column,
) -> Result<HashMap<String, i64>, StorageError> {
    let pairs: Vec<(String, i64)> = E::find()
        .select_only()
        .column(key)
        .column(id)
        .into_tuple()
        .all(db)
        .await?;
    Ok(pairs.into_iter().collect())
}

/// Reads the whole region back, in the order it was written, as of one moment: firms, flows
/// and accepted codes written meanwhile are either all in it or not at all.
pub async fn load_region(db: &DatabaseConnection) -> Result<Region, StorageError> {
    let txn = super::consistent_read(db).await?;
    let region = read_region(&txn).await?;
    txn.commit().await?;
    Ok(region)
}

/// Reads the whole region on `conn`; consistent only inside a [`super::consistent_read`].
pub(super) async fn read_region(db: &impl ConnectionTrait) -> Result<Region, StorageError> {
    let parameters =
        match get_setting(db, "parameters").await? {
            None => None,
            Some(value) => Some(json_settings::parameters_from_json(&value).map_err(
                |problems| StorageError::Corrupt {
                    table: "region_settings",
                    key: "parameters".into(),
                    problems,
                },
            )?),
        };
    let meta = match get_setting(db, "meta").await? {
        Some(serde_json::Value::Object(map)) => Some(map),
        _ => None,
    };
    let company_rows = companies::Entity::find()
        .order_by_asc(companies::Column::Id)
        .all(db)
        .await?;
    let firm_keys: HashMap<i64, String> = company_rows
        .iter()
        .map(|row| (row.id, row.key.clone()))
        .collect();
    let firm_key = |id: i64| firm_keys.get(&id).cloned().unwrap_or_default();
    let firms = company_rows
        .into_iter()
        .map(firm_from_row)
        .collect::<Result<Vec<_>, _>>()?;
    let offers = offers::Entity::find()
        .order_by_asc(offers::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|row| {
            let firm = firm_key(row.company_id);
            offer_from_row(row, firm)
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut accepts: HashMap<i64, Vec<String>> = HashMap::new();
    for row in need_accepts::Entity::find()
        .order_by_asc(need_accepts::Column::NeedId)
        .order_by_asc(need_accepts::Column::Position)
        .all(db)
        .await?
    {
        accepts.entry(row.need_id).or_default().push(row.code);
    }
    let needs = needs::Entity::find()
        .order_by_asc(needs::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|row| {
            let firm = firm_key(row.company_id);
            let codes = accepts.remove(&row.id).unwrap_or_default();
            need_from_row(row, firm, codes)
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Region {
        meta,
        parameters,
        firms,
        offers,
        needs,
    })
}
