//! Messages inside an exchange, and how far each firm has read them. Posting a message tells
//! the exchange's other firm(s) through a notice and mail, in the same transaction.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDateTime;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use crate::domain::exchange::ExchangeId;
use crate::domain::message::mail_excerpt;
use crate::domain::notification::Notice;
use crate::storage::StorageError;
use crate::storage::entities::{companies, exchange_message_reads, exchange_messages};
use crate::storage::notifications::notify;

/// A message as the thread shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct MessageRecord {
    pub id: i64,
    /// The sending firm's id and name; `None` when a coordinator wrote it.
    pub firm: Option<(i64, String)>,
    pub body: String,
    pub at: NaiveDateTime,
}

/// A message about to be stored: who writes, on which exchange, and who hears of it.
pub struct NewMessage<'a> {
    pub exchange: ExchangeId,
    pub user_id: i64,
    /// The sender's firm; `None` for a coordinator.
    pub company: Option<i64>,
    /// The exchange's supplier and receiver firms: the ones that are not the sender are told.
    pub parties: (i64, i64),
    pub body: &'a str,
    pub at: NaiveDateTime,
}

/// Stores a message inside the caller's transaction, marks it read for the sender's own firm
/// and tells each other firm of the exchange (a notice and one mail per user). Coordinators
/// have no dashboard of notices, so a coordinator is never told. Returns the message's id.
pub async fn post_in(
    conn: &impl ConnectionTrait,
    message: NewMessage<'_>,
) -> Result<i64, StorageError> {
    let inserted = exchange_messages::Entity::insert(exchange_messages::ActiveModel {
        id: NotSet,
        exchange_id: Set(message.exchange.0),
        user_id: Set(message.user_id),
        company_id: Set(message.company),
        body: Set(message.body.to_string()),
        created_at: Set(message.at),
    })
    .exec(conn)
    .await?;
    let id = inserted.last_insert_id;
    let from = match message.company {
        Some(company) => {
            mark_read(conn, message.exchange, company, id).await?;
            let firm = companies::Entity::find_by_id(company).one(conn).await?;
            firm.map(|row| row.name)
        }
        None => None,
    };
    let notice = Notice::NewMessage {
        exchange_id: message.exchange.0,
        from,
        excerpt: Some(mail_excerpt(message.body)),
    };
    let (supplier, receiver) = message.parties;
    let told: HashSet<i64> = [supplier, receiver].into_iter().collect();
    for company in told {
        if Some(company) != message.company {
            notify(conn, company, &notice, message.at).await?;
        }
    }
    Ok(id)
}

/// The messages of an exchange, oldest first, with the sending firm's name.
pub async fn thread(
    db: &impl ConnectionTrait,
    exchange: ExchangeId,
) -> Result<Vec<MessageRecord>, StorageError> {
    let rows = exchange_messages::Entity::find()
        .filter(exchange_messages::Column::ExchangeId.eq(exchange.0))
        .order_by_asc(exchange_messages::Column::Id)
        .all(db)
        .await?;
    let firms: HashSet<i64> = rows.iter().filter_map(|row| row.company_id).collect();
    let names: HashMap<i64, String> = companies::Entity::find()
        .filter(companies::Column::Id.is_in(firms))
        .all(db)
        .await?
        .into_iter()
        .map(|row| (row.id, row.name))
        .collect();
    Ok(rows
        .into_iter()
        .map(|row| MessageRecord {
            id: row.id,
            firm: (row.company_id)
                .map(|company| (company, names.get(&company).cloned().unwrap_or_default())),
            body: row.body,
            at: row.created_at,
        })
        .collect())
}

/// Records that the firm `company` has read the exchange's messages up to `up_to` (a message
/// id); a mark never moves back, so an older page loaded late changes nothing.
pub async fn mark_read(
    conn: &impl ConnectionTrait,
    exchange: ExchangeId,
    company: i64,
    up_to: i64,
) -> Result<(), StorageError> {
    // Insert the first mark, or leave an existing one to the update below: both statements
    // may run twice at the same moment (two tabs) without an error or a step back.
    exchange_message_reads::Entity::insert(exchange_message_reads::ActiveModel {
        exchange_id: Set(exchange.0),
        company_id: Set(company),
        last_read_id: Set(up_to),
    })
    .on_conflict(
        OnConflict::columns([
            exchange_message_reads::Column::ExchangeId,
            exchange_message_reads::Column::CompanyId,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    exchange_message_reads::Entity::update_many()
        .col_expr(
            exchange_message_reads::Column::LastReadId,
            sea_orm::sea_query::Expr::value(up_to),
        )
        .filter(exchange_message_reads::Column::ExchangeId.eq(exchange.0))
        .filter(exchange_message_reads::Column::CompanyId.eq(company))
        .filter(exchange_message_reads::Column::LastReadId.lt(up_to))
        .exec(conn)
        .await?;
    Ok(())
}

/// Per exchange of `exchanges`, how many messages of others the firm `company` has not read
/// yet; exchanges without unread messages are left out.
pub async fn unread_counts(
    db: &DatabaseConnection,
    company: i64,
    exchanges: &[ExchangeId],
) -> Result<HashMap<ExchangeId, u64>, StorageError> {
    if exchanges.is_empty() {
        return Ok(HashMap::new());
    }
    let ids = exchanges.iter().map(|id| id.0);
    let read: HashMap<i64, i64> = exchange_message_reads::Entity::find()
        .filter(exchange_message_reads::Column::CompanyId.eq(company))
        .filter(exchange_message_reads::Column::ExchangeId.is_in(ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|row| (row.exchange_id, row.last_read_id))
        .collect();
    let others: Vec<(i64, i64, Option<i64>)> = exchange_messages::Entity::find()
        .select_only()
        .column(exchange_messages::Column::Id)
        .column(exchange_messages::Column::ExchangeId)
        .column(exchange_messages::Column::CompanyId)
        .filter(exchange_messages::Column::ExchangeId.is_in(ids))
        .into_tuple()
        .all(db)
        .await?;
    let mut counts: HashMap<ExchangeId, u64> = HashMap::new();
    for (id, exchange, sender) in others {
        let unseen = read.get(&exchange).is_none_or(|&last| id > last);
        if sender != Some(company) && unseen {
            *counts.entry(ExchangeId(exchange)).or_default() += 1;
        }
    }
    Ok(counts)
}
