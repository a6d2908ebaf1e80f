//! Notices to firms and the outbox of mail about them.
//!
//! A notice is stored as its kind and facts (JSON), never as text: the dashboard renders it in
//! the reader's language. At the moment a notice is created, one mail per user of the firm is
//! rendered in that user's stored language and put in the `outbox` table, which the mail
//! sender drains (`storage::outbox`, `app::mail`).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDateTime;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};

use super::StorageError;
use super::entities::{companies, exchanges, needs, notifications, offers, outbox, users};
use super::exchanges::StepRecord;
#[doc(inline)]
pub use super::outbox::{PendingMail, mark_sent, pending_mail};
use crate::domain::exchange::{Actor, Side};
use crate::domain::notification::{Notice, on_step};
use crate::domain::{FieldProblem, Language, Problems};
use crate::i18n::notices;

/// A stored notice as the dashboard shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct NotificationRecord {
    pub id: i64,
    pub notice: Notice,
    pub created_at: NaiveDateTime,
    pub read_at: Option<NaiveDateTime>,
}

/// Which notices to mark as read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which<'a> {
    All,
    Ids(&'a [i64]),
}

/// Tells the firm `company_id` about `notice`: stores it for the dashboard and puts a mail to
/// each of the firm's users in the outbox. Runs on a connection or inside the caller's
/// transaction. Returns the notice's id.
pub async fn notify(
    conn: &impl ConnectionTrait,
    company_id: i64,
    notice: &Notice,
    at: NaiveDateTime,
) -> Result<i64, StorageError> {
    let inserted = notifications::Entity::insert(notifications::ActiveModel {
        id: NotSet,
        company_id: Set(company_id),
        kind: Set(notice.kind().to_string()),
        exchange_id: Set(notice.exchange_id()),
        params: Set(notice.params()),
        created_at: Set(at),
        read_at: Set(None),
    })
    .exec(conn)
    .await?;
    let notification_id = inserted.last_insert_id;
    let readers = users::Entity::find()
        .filter(users::Column::CompanyId.eq(company_id))
        .order_by_asc(users::Column::Id)
        .all(conn)
        .await?;
    let mails: Vec<outbox::ActiveModel> = readers
        .into_iter()
        .map(|user| {
            let lang = Language::parse(&user.language).unwrap_or_default();
            let (subject, body) = notices::mail(lang, notice);
            outbox::ActiveModel {
                id: NotSet,
                user_id: Set(user.id),
                notification_id: Set(Some(notification_id)),
                subject: Set(subject),
                body: Set(body),
                created_at: Set(at),
                ..Default::default()
            }
        })
        .collect();
    if !mails.is_empty() {
        outbox::Entity::insert_many(mails)
            .exec_without_returning(conn)
            .await?;
    }
    Ok(notification_id)
}

/// Tells the firm `company_id` about a new match unless it heard of the same pair before;
/// returns whether it was told. The check and the notice are one transaction with the firm's
/// row locked (on SQLite the write lock), so that a flow saved twice in the same moment (a
/// double click) tells the firm once. Other notices are stored as [`notify`] does.
pub async fn notify_once(
    db: &DatabaseConnection,
    company_id: i64,
    notice: &Notice,
    at: NaiveDateTime,
) -> Result<bool, StorageError> {
    let txn = super::write_transaction(db).await?;
    companies::Entity::find_by_id(company_id)
        .lock_exclusive()
        .one(&txn)
        .await?;
    if let Notice::NewMatch {
        own_flow,
        counterpart_flow,
        ..
    } = notice
    {
        let pair = (own_flow.clone(), counterpart_flow.clone());
        if announced_matches(&txn, company_id).await?.contains(&pair) {
            return Ok(false);
        }
    }
    notify(&txn, company_id, notice, at).await?;
    txn.commit().await?;
    Ok(true)
}

/// Tells the parties of exchange `id` about a step just saved (see
/// [`on_step`](crate::domain::notification::on_step) for who hears what). Call it inside the
/// transaction that saves the step.
pub async fn exchange_step(
    conn: &impl ConnectionTrait,
    id: i64,
    step: &StepRecord<'_>,
) -> Result<(), StorageError> {
    let Some((supplier, receiver)) = parties(conn, id).await? else {
        return Ok(());
    };
    let actor_company = users::Entity::find_by_id(step.user_id)
        .one(conn)
        .await?
        .and_then(|user| user.company_id);
    let actor = match actor_company {
        Some(company) if company == supplier => Actor::Party(Side::Supplier),
        Some(company) if company == receiver => Actor::Party(Side::Receiver),
        _ => Actor::Coordinator,
    };
    // The acting firm's name, for "your turn" notices: both sides know it by then.
    let by_firm = match actor_company {
        Some(company) if actor != Actor::Coordinator => companies::Entity::find_by_id(company)
            .one(conn)
            .await?
            .map(|row| row.name)
            .unwrap_or_default(),
        _ => String::new(),
    };
    for (side, notice) in on_step(id, step.before, step.after, actor, &by_firm) {
        let company = match side {
            Side::Supplier => supplier,
            Side::Receiver => receiver,
        };
        notify(conn, company, &notice, step.at).await?;
    }
    Ok(())
}

/// The supplier's and the receiver's company ids of an exchange.
pub(super) async fn parties(
    conn: &impl ConnectionTrait,
    id: i64,
) -> Result<Option<(i64, i64)>, StorageError> {
    let Some(row) = exchanges::Entity::find_by_id(id).one(conn).await? else {
        return Ok(None);
    };
    let offer = offers::Entity::find_by_id(row.offer_id).one(conn).await?;
    let need = needs::Entity::find_by_id(row.need_id).one(conn).await?;
    Ok(offer.zip(need).map(|(o, n)| (o.company_id, n.company_id)))
}

fn record_of(row: notifications::Model) -> Result<NotificationRecord, StorageError> {
    let notice =
        Notice::from_stored(&row.kind, &row.params).map_err(|e| StorageError::Corrupt {
            table: "notifications",
            key: row.id.to_string(),
            problems: Problems(vec![FieldProblem::new("params", e)]),
        })?;
    Ok(NotificationRecord {
        id: row.id,
        notice,
        created_at: row.created_at,
        read_at: row.read_at,
    })
}

/// A firm's notices: unread ones first, then read ones, each newest first; at most `limit`.
pub async fn for_company(
    db: &DatabaseConnection,
    company_id: i64,
    limit: u64,
) -> Result<Vec<NotificationRecord>, StorageError> {
    let of_company = || {
        notifications::Entity::find()
            .filter(notifications::Column::CompanyId.eq(company_id))
            .order_by_desc(notifications::Column::Id)
    };
    let mut rows = of_company()
        .filter(notifications::Column::ReadAt.is_null())
        .limit(limit)
        .all(db)
        .await?;
    let room = limit.saturating_sub(rows.len() as u64);
    if room > 0 {
        rows.extend(
            of_company()
                .filter(notifications::Column::ReadAt.is_not_null())
                .limit(room)
                .all(db)
                .await?,
        );
    }
    rows.into_iter().map(record_of).collect()
}

/// How many notices the firm has not read.
pub async fn unread_count(db: &DatabaseConnection, company_id: i64) -> Result<u64, StorageError> {
    Ok(notifications::Entity::find()
        .filter(notifications::Column::CompanyId.eq(company_id))
        .filter(notifications::Column::ReadAt.is_null())
        .count(db)
        .await?)
}

/// Marks the firm's own notices as read. `None` when some of the `ids` are not the firm's
/// notices (then nothing changes); otherwise how many were newly marked.
pub async fn mark_read(
    db: &DatabaseConnection,
    company_id: i64,
    which: Which<'_>,
    at: NaiveDateTime,
) -> Result<Option<u64>, StorageError> {
    let mut update = notifications::Entity::update_many()
        .col_expr(notifications::Column::ReadAt, Expr::value(Some(at)))
        .filter(notifications::Column::CompanyId.eq(company_id))
        .filter(notifications::Column::ReadAt.is_null());
    if let Which::Ids(ids) = which {
        let wanted: HashSet<i64> = ids.iter().copied().collect();
        let own = notifications::Entity::find()
            .filter(notifications::Column::CompanyId.eq(company_id))
            .filter(notifications::Column::Id.is_in(wanted.iter().copied()))
            .count(db)
            .await?;
        if own != wanted.len() as u64 {
            return Ok(None);
        }
        update = update.filter(notifications::Column::Id.is_in(wanted));
    }
    Ok(Some(update.exec(db).await?.rows_affected))
}

/// The pairs `(own flow, other flow)` a firm has been told about as a new match already.
pub async fn announced_matches(
    db: &impl ConnectionTrait,
    company_id: i64,
) -> Result<HashSet<(String, String)>, StorageError> {
    let rows = notifications::Entity::find()
        .filter(notifications::Column::CompanyId.eq(company_id))
        .filter(notifications::Column::Kind.eq("new-match"))
        .all(db)
        .await?;
    let mut pairs = HashSet::new();
    for row in rows {
        if let Notice::NewMatch {
            own_flow,
            counterpart_flow,
            ..
        } = record_of(row)?.notice
        {
            pairs.insert((own_flow, counterpart_flow));
        }
    }
    Ok(pairs)
}

/// The database ids of firms, by their keys (unknown keys are left out).
pub async fn company_ids(
    db: &DatabaseConnection,
    keys: &[String],
) -> Result<HashMap<String, i64>, StorageError> {
    Ok(companies::Entity::find()
        .filter(companies::Column::Key.is_in(keys.iter().cloned()))
        .all(db)
        .await?
        .into_iter()
        .map(|row| (row.key, row.id))
        .collect())
}
