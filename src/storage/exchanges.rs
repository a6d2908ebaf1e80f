//! Exchanges with their recorded steps and tonnes.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, TransactionTrait,
};

use super::StorageError;
use super::entities::{
    companies, exchange_events, exchange_tonnes, exchanges, needs, offers, users,
};
use crate::domain::exchange::{ExchangeStatus, Stage};
use crate::domain::{Confidentiality, Role};

/// One recorded step.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRecord {
    pub step: String,
    pub from: String,
    pub to: String,
    pub note: String,
    pub at: NaiveDateTime,
    /// The user who took the step; `None` when the account no longer exists.
    pub by: Option<EventAuthor>,
}

/// The user behind a recorded step: pages decide how much of it a viewer may see.
#[derive(Debug, Clone, PartialEq)]
pub struct EventAuthor {
    pub user_id: i64,
    pub email: String,
    pub role: Role,
    /// The user's firm (none for coordinators and administrators).
    pub company_id: Option<i64>,
}

/// An exchange as its pages need it.
#[derive(Debug, Clone, PartialEq)]
pub struct ExchangeRecord {
    pub id: i64,
    pub offer_key: String,
    pub supplier_company: i64,
    pub need_key: String,
    pub receiver_company: i64,
    /// How the supplier's offer and the receiver's need may be shown to the other side
    /// before both said interested.
    pub offer_confidentiality: Confidentiality,
    pub need_confidentiality: Confidentiality,
    /// The offer's material as stored (an EWC code or a resource name).
    pub material: String,
    pub status: ExchangeStatus,
    pub decline_reason: Option<String>,
    pub events: Vec<EventRecord>,
    /// `(period YYYY-MM, tonnes)` in the order recorded.
    pub tonnes: Vec<(String, f64)>,
}

/// A stored confidentiality; an unreadable one counts as the strictest.
fn confidentiality_of(stored: &str) -> Confidentiality {
    Confidentiality::parse(stored).unwrap_or(Confidentiality::CoordinatorOnly)
}

fn status_of(row: &exchanges::Model) -> ExchangeStatus {
    ExchangeStatus {
        stage: Stage::parse(&row.stage).unwrap_or(Stage::Proposed),
        supplier_interested: row.supplier_interested,
        receiver_interested: row.receiver_interested,
    }
}

/// The exchange of an offer and a need, created when there is none yet. `None` when either
/// flow does not exist. Runs on a connection or inside the caller's transaction.
pub async fn open(
    db: &impl ConnectionTrait,
    offer_key: &str,
    need_key: &str,
    now: NaiveDateTime,
) -> Result<Option<i64>, StorageError> {
    let offer = offers::Entity::find()
        .filter(offers::Column::Key.eq(offer_key))
        .one(db)
        .await?;
    let need = needs::Entity::find()
        .filter(needs::Column::Key.eq(need_key))
        .one(db)
        .await?;
    let (Some(offer), Some(need)) = (offer, need) else {
        return Ok(None);
    };
    let existing = exchanges::Entity::find()
        .filter(exchanges::Column::OfferId.eq(offer.id))
        .filter(exchanges::Column::NeedId.eq(need.id))
        .one(db)
        .await?;
    if let Some(row) = existing {
        return Ok(Some(row.id));
    }
    let proposed = ExchangeStatus::proposed();
    let inserted = exchanges::Entity::insert(exchanges::ActiveModel {
        id: NotSet,
        offer_id: Set(offer.id),
        need_id: Set(need.id),
        stage: Set(proposed.stage.as_str().to_string()),
        supplier_interested: Set(false),
        receiver_interested: Set(false),
        decline_reason: Set(None),
        created_at: Set(now),
    })
    .exec(db)
    .await?;
    Ok(Some(inserted.last_insert_id))
}

/// An exchange with its history and tonnes.
pub async fn get(db: &DatabaseConnection, id: i64) -> Result<Option<ExchangeRecord>, StorageError> {
    let Some(row) = exchanges::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let offer = offers::Entity::find_by_id(row.offer_id).one(db).await?;
    let need = needs::Entity::find_by_id(row.need_id).one(db).await?;
    let (Some(offer), Some(need)) = (offer, need) else {
        return Ok(None);
    };
    let rows = exchange_events::Entity::find()
        .filter(exchange_events::Column::ExchangeId.eq(id))
        .order_by_asc(exchange_events::Column::Id)
        .all(db)
        .await?;
    let authors = authors(db, rows.iter().filter_map(|e| e.user_id)).await?;
    let events = rows
        .into_iter()
        .map(|e| EventRecord {
            by: e.user_id.and_then(|user| authors.get(&user).cloned()),
            step: e.step,
            from: e.from_stage,
            to: e.to_stage,
            note: e.note,
            at: e.at,
        })
        .collect();
    let tonnes = exchange_tonnes::Entity::find()
        .filter(exchange_tonnes::Column::ExchangeId.eq(id))
        .order_by_asc(exchange_tonnes::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.period, t.tonnes))
        .collect();
    Ok(Some(ExchangeRecord {
        id,
        status: status_of(&row),
        offer_confidentiality: confidentiality_of(&offer.confidentiality),
        need_confidentiality: confidentiality_of(&need.confidentiality),
        material: offer.material,
        offer_key: offer.key,
        supplier_company: offer.company_id,
        need_key: need.key,
        receiver_company: need.company_id,
        decline_reason: row.decline_reason,
        events,
        tonnes,
    }))
}

/// The users behind recorded steps, by id.
async fn authors(
    db: &DatabaseConnection,
    user_ids: impl Iterator<Item = i64>,
) -> Result<HashMap<i64, EventAuthor>, StorageError> {
    let mut ids: Vec<i64> = user_ids.collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(users::Entity::find()
        .filter(users::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| {
            let author = EventAuthor {
                user_id: u.id,
                // An unreadable role gets no staff rights on the page either.
                role: Role::parse(&u.role).unwrap_or(Role::Firm),
                email: u.email,
                company_id: u.company_id,
            };
            (author.user_id, author)
        })
        .collect())
}

/// A step taken: the new status and its record, written only if nobody changed the exchange
/// in between (returns false then).
pub struct StepRecord<'a> {
    pub before: ExchangeStatus,
    pub after: ExchangeStatus,
    pub step: &'a str,
    pub note: &'a str,
    pub decline_reason: Option<&'a str>,
    pub user_id: i64,
    pub at: NaiveDateTime,
}

/// Saves a step in one transaction.
pub async fn save_step(
    db: &DatabaseConnection,
    id: i64,
    record: StepRecord<'_>,
) -> Result<bool, StorageError> {
    let txn = db.begin().await?;
    let updated = exchanges::Entity::update_many()
        .col_expr(
            exchanges::Column::Stage,
            Expr::value(record.after.stage.as_str()),
        )
        .col_expr(
            exchanges::Column::SupplierInterested,
            Expr::value(record.after.supplier_interested),
        )
        .col_expr(
            exchanges::Column::ReceiverInterested,
            Expr::value(record.after.receiver_interested),
        )
        .col_expr(
            exchanges::Column::DeclineReason,
            Expr::value(record.decline_reason.map(str::to_string)),
        )
        .filter(exchanges::Column::Id.eq(id))
        .filter(exchanges::Column::Stage.eq(record.before.stage.as_str()))
        .filter(exchanges::Column::SupplierInterested.eq(record.before.supplier_interested))
        .filter(exchanges::Column::ReceiverInterested.eq(record.before.receiver_interested))
        .exec(&txn)
        .await?;
    if updated.rows_affected != 1 {
        return Ok(false);
    }
    exchange_events::Entity::insert(exchange_events::ActiveModel {
        id: NotSet,
        exchange_id: Set(id),
        user_id: Set(Some(record.user_id)),
        step: Set(record.step.to_string()),
        from_stage: Set(record.before.stage.as_str().to_string()),
        to_stage: Set(record.after.stage.as_str().to_string()),
        note: Set(record.note.to_string()),
        at: Set(record.at),
    })
    .exec_without_returning(&txn)
    .await?;
    // The other party hears of it in the same transaction: no step without its notice.
    super::notifications::exchange_step(&txn, id, &record).await?;
    txn.commit().await?;
    Ok(true)
}

/// Records tonnes moved in a period.
pub async fn record_tonnes(
    db: &DatabaseConnection,
    id: i64,
    period: &str,
    tonnes: f64,
    user_id: i64,
    at: NaiveDateTime,
) -> Result<(), StorageError> {
    exchange_tonnes::Entity::insert(exchange_tonnes::ActiveModel {
        id: NotSet,
        exchange_id: Set(id),
        period: Set(period.to_string()),
        tonnes: Set(tonnes),
        user_id: Set(Some(user_id)),
        at: Set(at),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// The exchanges a firm is a party to: `(id, stage, offer key, need key)`, newest first.
pub async fn for_company(
    db: &DatabaseConnection,
    company_id: i64,
) -> Result<Vec<(i64, String, String, String)>, StorageError> {
    let own_offers: Vec<offers::Model> = offers::Entity::find()
        .filter(offers::Column::CompanyId.eq(company_id))
        .all(db)
        .await?;
    let own_needs: Vec<needs::Model> = needs::Entity::find()
        .filter(needs::Column::CompanyId.eq(company_id))
        .all(db)
        .await?;
    let rows = exchanges::Entity::find()
        .filter(
            Condition::any()
                .add(exchanges::Column::OfferId.is_in(own_offers.iter().map(|o| o.id)))
                .add(exchanges::Column::NeedId.is_in(own_needs.iter().map(|n| n.id))),
        )
        .order_by_desc(exchanges::Column::Id)
        .all(db)
        .await?;
    let mut listed = Vec::with_capacity(rows.len());
    for row in rows {
        if let Some(record) = get(db, row.id).await? {
            listed.push((row.id, row.stage, record.offer_key, record.need_key));
        }
    }
    Ok(listed)
}

/// The region's most recent exchanges (for coordinators): `(id, stage, offer key, need key)`,
/// newest first, at most `limit`.
pub async fn recent(
    db: &DatabaseConnection,
    limit: u64,
) -> Result<Vec<(i64, String, String, String)>, StorageError> {
    let rows = exchanges::Entity::find()
        .order_by_desc(exchanges::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    let offer_keys: HashMap<i64, String> = offers::Entity::find()
        .filter(offers::Column::Id.is_in(rows.iter().map(|r| r.offer_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o.key))
        .collect();
    let need_keys: HashMap<i64, String> = needs::Entity::find()
        .filter(needs::Column::Id.is_in(rows.iter().map(|r| r.need_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|n| (n.id, n.key))
        .collect();
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let offer = offer_keys.get(&row.offer_id)?.clone();
            let need = need_keys.get(&row.need_id)?.clone();
            Some((row.id, row.stage, offer, need))
        })
        .collect())
}

/// A firm's name and its users' e-mail addresses: what is revealed after an introduction.
pub async fn contact(
    db: &DatabaseConnection,
    company_id: i64,
) -> Result<Option<(String, Vec<String>)>, StorageError> {
    let Some(company) = companies::Entity::find_by_id(company_id).one(db).await? else {
        return Ok(None);
    };
    let emails = users::Entity::find()
        .filter(users::Column::CompanyId.eq(company_id))
        .order_by_asc(users::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|u| u.email)
        .collect();
    Ok(Some((company.name, emails)))
}

/// What a firm on the other side of an exchange is, before any contact details: its name
/// (shown only where its flow is public), sector and municipality.
#[derive(Debug, Clone, PartialEq)]
pub struct PartyRecord {
    pub name: String,
    /// NACE Rev.2 code, when known.
    pub nace: Option<String>,
    pub municipality: String,
}

/// A firm as a party to an exchange.
pub async fn party(
    db: &DatabaseConnection,
    company_id: i64,
) -> Result<Option<PartyRecord>, StorageError> {
    Ok(companies::Entity::find_by_id(company_id)
        .one(db)
        .await?
        .map(|company| PartyRecord {
            name: company.name,
            nace: company.nace,
            municipality: company.municipality,
        }))
}

/// The owners of an offer and a need, and how each flow may be shown to the other side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairOwners {
    pub supplier: i64,
    pub receiver: i64,
    pub offer_confidentiality: Confidentiality,
    pub need_confidentiality: Confidentiality,
    /// Either flow is paused: off the market until its firm resumes it.
    pub paused: bool,
}

/// The owners of an offer and a need; `None` when either flow does not exist.
pub async fn pair_owners(
    db: &DatabaseConnection,
    offer_key: &str,
    need_key: &str,
) -> Result<Option<PairOwners>, StorageError> {
    let offer = offers::Entity::find()
        .filter(offers::Column::Key.eq(offer_key))
        .one(db)
        .await?;
    let need = needs::Entity::find()
        .filter(needs::Column::Key.eq(need_key))
        .one(db)
        .await?;
    Ok(offer.zip(need).map(|(o, n)| PairOwners {
        supplier: o.company_id,
        receiver: n.company_id,
        offer_confidentiality: confidentiality_of(&o.confidentiality),
        need_confidentiality: confidentiality_of(&n.confidentiality),
        paused: o.paused || n.paused,
    }))
}

/// The firms owning an offer and a need: `(supplier, receiver)` company ids.
pub async fn owners(
    db: &DatabaseConnection,
    offer_key: &str,
    need_key: &str,
) -> Result<Option<(i64, i64)>, StorageError> {
    Ok(pair_owners(db, offer_key, need_key)
        .await?
        .map(|pair| (pair.supplier, pair.receiver)))
}

/// `(offer key, need key)` of every declined exchange a firm is a party to: pairs that are
/// not proposed to it again.
pub async fn declined_pairs(
    db: &DatabaseConnection,
    company_id: i64,
) -> Result<std::collections::HashSet<(String, String)>, StorageError> {
    Ok(for_company(db, company_id)
        .await?
        .into_iter()
        .filter(|(_, stage, _, _)| stage == Stage::Declined.as_str())
        .map(|(_, _, offer, need)| (offer, need))
        .collect())
}
