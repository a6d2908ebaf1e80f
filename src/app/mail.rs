//! Sending the outbox: the rules of delivery. Every mail due is handed to a transport (SMTP
//! in production, see `crate::mail`); a mail sent is marked sent; a failure that may pass (no
//! connection, a 4xx answer) is tried again later, waiting twice as long each time; a mail the
//! server refuses for good (a 5xx answer), or that failed [`MAX_ATTEMPTS`] times, is marked
//! failed and never tried again.

use std::future::Future;

use chrono::Duration;

use super::App;
use crate::storage::outbox::{self, Failure, PendingMail};
use crate::storage::{self, StorageError};

/// Mails taken from the outbox at a time.
pub const BATCH: u64 = 50;

/// After this many failed attempts (about a day of waiting in all) a mail counts as failed.
pub const MAX_ATTEMPTS: i32 = 12;

/// The first wait after a failure; each further failure doubles it.
const FIRST_WAIT_SECONDS: i64 = 60;

/// The longest wait between two attempts.
const LONGEST_WAIT_SECONDS: i64 = 6 * 3600;

/// Why a transport did not send a mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendFailure {
    /// The server refused this mail for good; trying again would change nothing.
    pub permanent: bool,
    /// What went wrong, for the log and the outbox row.
    pub message: String,
}

/// Something that sends one mail: SMTP in production.
pub trait MailTransport: Send + Sync {
    /// Sends `mail` (its links still in the outbox's form) or says why not.
    fn send(&self, mail: &PendingMail) -> impl Future<Output = Result<(), SendFailure>> + Send;
}

/// What one drain of the outbox did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Drained {
    pub sent: usize,
    /// Failed for now; tried again later.
    pub postponed: usize,
    /// Refused for good, or failed too often: not tried again.
    pub failed: usize,
}

/// How long to wait before the next attempt, after a mail failed `attempts` times in all.
pub fn wait_after(attempts: i32) -> Duration {
    let doublings = u32::try_from(attempts.saturating_sub(1))
        .unwrap_or(0)
        .min(20);
    let seconds = FIRST_WAIT_SECONDS.saturating_mul(1 << doublings);
    Duration::seconds(seconds.min(LONGEST_WAIT_SECONDS))
}

/// Sends every mail due now, oldest first, in batches of [`BATCH`], until none is due.
/// A mail that fails is recorded and waits; the others are still sent.
pub async fn drain(app: &App, transport: &impl MailTransport) -> Result<Drained, StorageError> {
    let mut drained = Drained::default();
    loop {
        let now = app.now();
        let batch = outbox::due(&app.db, now, BATCH).await?;
        if batch.is_empty() {
            return Ok(drained);
        }
        for mail in &batch {
            match transport.send(mail).await {
                Ok(()) => {
                    storage::outbox::mark_sent(&app.db, &[mail.id], app.now()).await?;
                    drained.sent += 1;
                }
                Err(failure) => {
                    if record(app, mail, &failure).await? {
                        drained.failed += 1;
                    } else {
                        drained.postponed += 1;
                    }
                }
            }
        }
        // A batch that sent nothing would be taken again at once: leave it to the next drain.
        if drained.sent == 0 || batch.len() < BATCH as usize {
            return Ok(drained);
        }
    }
}

/// Records a failed attempt; true when the mail is now failed for good.
async fn record(
    app: &App,
    mail: &PendingMail,
    failure: &SendFailure,
) -> Result<bool, StorageError> {
    let attempts = mail.attempts + 1;
    let now = app.now();
    let give_up = failure.permanent || attempts >= MAX_ATTEMPTS;
    let outcome = if give_up {
        tracing::error!(
            mail = mail.id,
            attempts,
            error = %failure.message,
            "mail failed for good; it is not tried again"
        );
        Failure::Refused {
            error: &failure.message,
            at: now,
        }
    } else {
        let retry_at = now + wait_after(attempts);
        tracing::warn!(
            mail = mail.id,
            attempts,
            %retry_at,
            error = %failure.message,
            "mail not sent; it stays queued and is tried again"
        );
        Failure::Postponed {
            error: &failure.message,
            retry_at,
        }
    };
    storage::outbox::record_failure(&app.db, mail.id, outcome).await?;
    Ok(give_up)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_doubles_from_a_minute_up_to_six_hours() {
        assert_eq!(wait_after(1), Duration::minutes(1));
        assert_eq!(wait_after(2), Duration::minutes(2));
        assert_eq!(wait_after(5), Duration::minutes(16));
        assert_eq!(wait_after(10), Duration::hours(6));
        assert_eq!(wait_after(1000), Duration::hours(6));
    }
}
