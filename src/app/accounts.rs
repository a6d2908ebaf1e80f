//! Accounts: registering a firm with its first user, signing in (throttled, and as slow for
//! an unknown address as for a known one), signing out and resetting a forgotten password by
//! a mailed link ([`reset_password`]). Passwords are hashed and checked
//! in the web app's bounded hashing lane, which the caller passes in.

mod password_reset;
mod registration;

pub use password_reset::{
    LinkProblem, NewPasswordProblem, RESET_HOURS, RESET_PER_ADDRESS, RESET_PER_CLIENT, ResetError,
    check_link, request_reset, reset_password,
};
pub use registration::{
    Registration, RegistrationDraft, RegistrationProblem, check_registration, chosen_country,
};

use chrono::Duration;

use super::App;
use crate::accounts::{self, new_token, token_hash};
use crate::app::hashing::{HashingError, PasswordHashing};
use crate::domain::{Email, Language, NewPassword, Role};
use crate::storage::login_throttle::{self, Admission};
use crate::storage::{self, StorageError};

/// How long a session lasts at most, in days.
pub const SESSION_DAYS: i64 = 14;

/// Why an account was not registered or signed in.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// The registration breaks these rules.
    #[error("the registration breaks {} rule(s)", .0.len())]
    Refused(Vec<RegistrationProblem>),
    /// No account has this address and password.
    #[error("wrong address or password")]
    WrongCredentials,
    /// Too many failed sign-ins: wait this many seconds.
    #[error("too many attempts; wait {0} s")]
    TooManyAttempts(i64),
    /// The hashing lane is full (or failed); its own answer.
    #[error(transparent)]
    Hashing(#[from] HashingError),
    /// The database failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// A session just started: its token (for the cookie), whose language and role.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub token: String,
    pub language: Language,
    pub role: Role,
}

/// Registers the firm and its first user, the password hashed in `hashing`'s lane, and signs
/// the user in. `language` is the page's, for a registration that names none.
pub async fn register(
    app: &App,
    hashing: &PasswordHashing,
    draft: &RegistrationDraft,
    language: Language,
) -> Result<NewSession, AccountError> {
    let registration = check_registration(draft, language).map_err(AccountError::Refused)?;
    let Registration {
        firm,
        email,
        password,
        language,
    } = registration;
    let hash = hash_in_lane(hashing, password).await?;
    let stored =
        storage::accounts::register_firm(&app.db, &firm, &email, &hash, language, app.now()).await;
    let user_id = match stored {
        Ok(id) => id,
        Err(StorageError::Duplicate {
            what: "account", ..
        }) => {
            return Err(AccountError::Refused(vec![RegistrationProblem::EmailTaken]));
        }
        Err(error) => return Err(error.into()),
    };
    // A new firm on the map: the matcher must look again.
    app.snapshot.invalidate().await;
    Ok(start_session(app, user_id, language, Role::Firm).await?)
}

async fn hash_in_lane(
    hashing: &PasswordHashing,
    password: NewPassword,
) -> Result<String, AccountError> {
    // argon2 takes 19 MiB and tens of milliseconds of CPU: bounded, off the async threads.
    hashing
        .run(move || accounts::hash_password(&password))
        .await?
        .map_err(|e| AccountError::Hashing(HashingError::Failed(e.to_string())))
}

/// Starts a new session (a fresh token: no fixation) for the user, seen now.
async fn start_session(
    app: &App,
    user_id: i64,
    language: Language,
    role: Role,
) -> Result<NewSession, StorageError> {
    let token = new_token();
    let now = app.now();
    let expires = now + Duration::days(SESSION_DAYS);
    let csrf = new_token();
    storage::accounts::create_session(&app.db, &token_hash(&token), user_id, &csrf, expires, now)
        .await?;
    Ok(NewSession {
        token,
        language,
        role,
    })
}

/// Signs in with the address `typed` and `password` from the client `client`. Each try is
/// counted in two buckets before the password is checked (this address from this client, and
/// this client across addresses); a full bucket refuses without checking anything.
pub async fn sign_in(
    app: &App,
    hashing: &PasswordHashing,
    client: &str,
    typed: &str,
    password: String,
) -> Result<NewSession, AccountError> {
    let client_key = accounts::client_key(client);
    let pair_key = accounts::address_at_client_key(typed, client);
    // A place in the hashing lane first: a crowd beyond it is answered without a database
    // write, so it does not queue for the connections that pages need.
    let place = hashing.reserve()?;
    admit(app, &client_key, &pair_key).await?;
    let credentials = match Email::parse(typed) {
        Ok(email) => storage::accounts::credentials(&app.db, &email).await?,
        Err(_) => None,
    };
    let stored = credentials.as_ref().map(|c| c.password_hash.clone());
    // Verify against a decoy when the address is unknown, so both cases take as long.
    let valid = place
        .run(move || {
            let hash = stored.unwrap_or_else(|| accounts::decoy_hash().to_string());
            accounts::verify_password(&hash, &password)
        })
        .await?;
    let Some(credentials) = credentials.filter(|_| valid) else {
        return Err(AccountError::WrongCredentials);
    };
    login_throttle::clear(&app.db, &pair_key).await?;
    login_throttle::refund(&app.db, &client_key).await?;
    let account = credentials.account;
    Ok(start_session(app, account.id, account.language, account.role).await?)
}

/// Counts one sign-in attempt in the client's bucket and in the address-at-client bucket,
/// each in one atomic statement; refuses when either is full.
async fn admit(app: &App, client_key: &str, pair_key: &str) -> Result<(), AccountError> {
    let now_ms = app.now().and_utc().timestamp_millis();
    let client = login_throttle::admit(&app.db, client_key, accounts::CLIENT, now_ms).await?;
    if let Admission::Refused { wait_seconds } = client {
        return Err(AccountError::TooManyAttempts(wait_seconds));
    }
    let pair = login_throttle::admit(&app.db, pair_key, accounts::ADDRESS_AT_CLIENT, now_ms);
    if let Admission::Refused { wait_seconds } = pair.await? {
        login_throttle::refund(&app.db, client_key).await?;
        return Err(AccountError::TooManyAttempts(wait_seconds));
    }
    Ok(())
}

/// Ends the session whose token hashes to `token_hash`.
pub async fn sign_out(app: &App, token_hash: &str) -> Result<(), StorageError> {
    storage::accounts::delete_session(&app.db, token_hash).await
}

/// Ends every session of the user, on every device; returns how many there were.
pub async fn sign_out_everywhere(app: &App, user_id: i64) -> Result<u64, StorageError> {
    storage::accounts::delete_sessions_of_user(&app.db, user_id).await
}
