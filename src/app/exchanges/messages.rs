//! Messages inside an exchange: who may read and write them, and the unread counts.
//!
//! Only the two firms of the exchange and coordinators see an exchange at all
//! ([`actor_of`](crate::app::visibility::actor_of); anyone else gets "not found"). Its messages
//! open once both firms said interested — from then on both know each other's name — and a
//! declined exchange takes no new ones. A firm's reading the thread marks it read for its
//! firm (all its users share one mark, as they share notices).

use std::collections::HashMap;

use super::steps::visible_in;
use super::{ExchangeError, Refused};
use crate::app::App;
use crate::app::visibility::Viewer;
use crate::domain::exchange::{ExchangeId, ExchangeStatus, Stage};
use crate::domain::message::message_text;
use crate::storage::exchanges::messages::{self, MessageRecord, NewMessage};
use crate::storage::exchanges::{ExchangeRecord, ListedExchange};
use crate::storage::{self, StorageError};

/// Whether the thread of an exchange can be read: once both firms said interested.
pub fn messages_readable(status: ExchangeStatus) -> bool {
    status.supplier_interested && status.receiver_interested
}

/// Whether a new message may be written: readable, and not declined.
pub fn messages_writable(status: ExchangeStatus) -> bool {
    messages_readable(status) && status.stage != Stage::Declined
}

/// The thread of an exchange the viewer may see (the caller checked that with
/// [`visible`](super::visible)), oldest first; `None` while messaging has not opened. A firm
/// that reads it has read every message in it.
pub async fn read_thread(
    app: &App,
    viewer: &Viewer,
    record: &ExchangeRecord,
) -> Result<Option<Vec<MessageRecord>>, StorageError> {
    if !messages_readable(record.status) {
        return Ok(None);
    }
    let thread = messages::thread(&app.db, record.id).await?;
    if let (Some(company), Some(last)) = (viewer.company, thread.last()) {
        messages::mark_read(&app.db, record.id, company, last.id).await?;
    }
    Ok(Some(thread))
}

/// Posts the message `typed` on exchange `id` for the viewer, in one write transaction: "not
/// found" when it may not see the exchange; refused (nothing stored) while messaging is not
/// open or when the text is empty or too long. The other firm is told.
pub async fn post(
    app: &App,
    viewer: &Viewer,
    id: ExchangeId,
    typed: &str,
) -> Result<(), ExchangeError> {
    let txn = storage::write_transaction(&app.db).await?;
    let (record, _) = visible_in(&txn, viewer, id).await?;
    let refused = |why| ExchangeError::Refused { exchange: id, why };
    if !messages_writable(record.status) {
        return Err(refused(Refused::MessagesClosed));
    }
    let body = message_text(typed).map_err(|why| refused(Refused::Message(why)))?;
    let message = NewMessage {
        exchange: id,
        user_id: viewer.user_id,
        company: viewer.company,
        parties: (record.supplier_company, record.receiver_company),
        body: &body,
        at: app.now(),
    };
    messages::post_in(&txn, message).await?;
    txn.commit().await.map_err(StorageError::from)?;
    Ok(())
}

/// Per listed exchange, how many messages of others the viewer's firm has not read; empty
/// for coordinators, who have no firm to keep a mark for.
pub async fn unread(
    app: &App,
    viewer: &Viewer,
    listed: &[ListedExchange],
) -> Result<HashMap<ExchangeId, u64>, StorageError> {
    let Some(company) = viewer.company else {
        return Ok(HashMap::new());
    };
    let ids: Vec<ExchangeId> = listed.iter().map(|l| l.id).collect();
    messages::unread_counts(&app.db, company, &ids).await
}
