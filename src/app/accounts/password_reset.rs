//! Password reset by a mailed one-time link. Asking for a link answers the same whether or
//! not the address has an account (nobody learns which addresses exist), and is throttled per
//! address and per client. The link carries a random token, of which only the SHA-256 is
//! stored; it is good for [`RESET_HOURS`] and once. Setting a new password follows the rules
//! of registration, closes every other link of the user and ends all of the user's sessions.

use chrono::Duration;

use super::{AccountError, hash_in_lane};
use crate::accounts::{Bucket, new_token, token_hash};
use crate::app::App;
use crate::app::hashing::PasswordHashing;
use crate::domain::{Email, NewPassword, PasswordProblem};
use crate::mail::links::site_link;
use crate::storage::login_throttle::{self, Admission};
use crate::storage::password_resets::{self, Reset};
use crate::storage::{self, StorageError};
use crate::t;

/// How long a mailed link is good for.
pub const RESET_HOURS: i64 = 1;

/// Links asked for one address (from anywhere): three, then one every twenty minutes. Keeps
/// anyone from filling a mailbox.
pub const RESET_PER_ADDRESS: Bucket = Bucket {
    capacity: 3.0,
    drain_seconds: 1200.0,
};

/// Links asked from one client (across addresses): ten, then one every six minutes.
pub const RESET_PER_CLIENT: Bucket = Bucket {
    capacity: 10.0,
    drain_seconds: 360.0,
};

/// Why a link cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkProblem {
    /// No link has this token (mistyped, cut off, or purged long after its end).
    Unknown,
    /// Older than [`RESET_HOURS`].
    Expired,
    /// Used already (or closed by another link's use).
    Used,
}

/// A rule the new password breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewPasswordProblem {
    /// Shorter or longer than [`NewPassword::MIN_LEN`]…[`NewPassword::MAX_LEN`].
    Length,
    /// Too easily guessed (or made of the address).
    TooGuessable,
    /// The second password differs from the first.
    Confirm,
}

impl NewPasswordProblem {
    /// The form field the problem belongs to.
    pub fn field(self) -> &'static str {
        match self {
            NewPasswordProblem::Length | NewPasswordProblem::TooGuessable => "password",
            NewPasswordProblem::Confirm => "password_confirm",
        }
    }
}

/// Why a reset did not happen.
#[derive(Debug, thiserror::Error)]
pub enum ResetError {
    #[error("the link cannot be used: {0:?}")]
    Link(LinkProblem),
    #[error("the new password breaks a rule: {0:?}")]
    Refused(NewPasswordProblem),
    #[error(transparent)]
    Account(#[from] AccountError),
}

impl From<StorageError> for ResetError {
    fn from(error: StorageError) -> ResetError {
        ResetError::Account(AccountError::Storage(error))
    }
}

/// The stored key of a reset bucket.
fn bucket_key(kind: &str, value: &str) -> String {
    token_hash(&format!(
        "password-reset-{kind}\0{}",
        value.trim().to_lowercase()
    ))
}

/// Asks for a reset link for the address `email` from the client `client`: when the address
/// has an account, a link is stored and mailed (through the outbox, in the user's language).
/// The answer is the same either way; only a full bucket (which counts unknown addresses too)
/// answers otherwise.
pub async fn request_reset(app: &App, client: &str, email: &Email) -> Result<(), AccountError> {
    let now = app.now();
    let now_ms = now.and_utc().timestamp_millis();
    let client_key = bucket_key("client", client);
    let address_key = bucket_key("address", email.as_str());
    if let Admission::Refused { wait_seconds } =
        login_throttle::admit(&app.db, &client_key, RESET_PER_CLIENT, now_ms).await?
    {
        return Err(AccountError::TooManyAttempts(wait_seconds));
    }
    if let Admission::Refused { wait_seconds } =
        login_throttle::admit(&app.db, &address_key, RESET_PER_ADDRESS, now_ms).await?
    {
        login_throttle::refund(&app.db, &client_key).await?;
        return Err(AccountError::TooManyAttempts(wait_seconds));
    }
    let Some(credentials) = storage::accounts::credentials(&app.db, email).await? else {
        tracing::info!("password reset asked for an address without an account");
        return Ok(());
    };
    let account = credentials.account;
    let token = new_token();
    let lang = account.language;
    let link = site_link(&format!("/password/reset?token={token}"));
    let subject = t!(lang, "password-mail-subject");
    let body = format!(
        "{}\n\n{}\n\n{link}\n\n{}\n",
        t!(lang, "notifications-mail-greeting"),
        t!(lang, "password-mail-body", hours = RESET_HOURS),
        t!(lang, "password-mail-ignore"),
    );
    let expires = now + Duration::hours(RESET_HOURS);
    password_resets::create(
        &app.db,
        account.id,
        &token_hash(&token),
        (now, expires),
        (&subject, &body),
    )
    .await?;
    Ok(())
}

/// Whether the link with `token` can be used now.
pub async fn check_link(app: &App, token: &str) -> Result<(), ResetError> {
    let Some(link) = password_resets::find(&app.db, &token_hash(token.trim())).await? else {
        return Err(ResetError::Link(LinkProblem::Unknown));
    };
    if link.used_at.is_some() {
        return Err(ResetError::Link(LinkProblem::Used));
    }
    if link.expires_at <= app.now() {
        return Err(ResetError::Link(LinkProblem::Expired));
    }
    Ok(())
}

/// Sets a new password with the link `token`: the link must be usable, the password meet the
/// registration's rules and be typed twice alike. The hash is made in `hashing`'s lane; the
/// link is used, the user's other links closed and all the user's sessions ended in one
/// transaction.
pub async fn reset_password(
    app: &App,
    hashing: &PasswordHashing,
    token: &str,
    password: &str,
    confirm: &str,
) -> Result<Reset, ResetError> {
    check_link(app, token).await?;
    let hash = token_hash(token.trim());
    let link = password_resets::find(&app.db, &hash)
        .await?
        .ok_or(ResetError::Link(LinkProblem::Unknown))?;
    let email = storage::accounts::email_of(&app.db, link.user_id)
        .await?
        .unwrap_or_default();
    let password = match NewPassword::check(password, &[email.as_str()]) {
        Ok(_) if password != confirm => {
            return Err(ResetError::Refused(NewPasswordProblem::Confirm));
        }
        Ok(password) => password,
        Err(PasswordProblem::TooGuessable) => {
            return Err(ResetError::Refused(NewPasswordProblem::TooGuessable));
        }
        Err(PasswordProblem::TooShort | PasswordProblem::TooLong) => {
            return Err(ResetError::Refused(NewPasswordProblem::Length));
        }
    };
    let password_hash = hash_in_lane(hashing, password).await?;
    // Used in the meantime (a second tab) or expired while hashing: the link tells which.
    match password_resets::use_link(&app.db, &hash, app.now(), &password_hash).await? {
        Some(reset) => {
            tracing::info!(
                user = reset.user_id,
                sessions = reset.sessions_ended,
                "password reset; every session ended"
            );
            Ok(reset)
        }
        None => Err(check_link(app, token)
            .await
            .err()
            .unwrap_or(ResetError::Link(LinkProblem::Used))),
    }
}
