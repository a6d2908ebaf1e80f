//! Accounts: password hashing (argon2id, salted by the library), session and CSRF tokens, and
//! the buckets that slow down repeated logins. Pure functions; storage keeps the rows.

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use sha2::{Digest, Sha256};

use crate::domain::NewPassword;

/// Why a password could not be hashed (the operating system's randomness failed).
#[derive(Debug, thiserror::Error)]
#[error("cannot hash the password: {0}")]
pub struct HashError(String);

/// An argon2id hash in PHC string form, with its own random salt.
pub fn hash_password(password: &NewPassword) -> Result<String, HashError> {
    Argon2::default()
        .hash_password(password.expose().as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|e| HashError(e.to_string()))
}

/// True when `candidate` matches the stored hash (in constant time, by argon2).
pub fn verify_password(stored_hash: &str, candidate: &str) -> bool {
    Argon2::default()
        .verify_password(candidate.as_bytes(), stored_hash)
        .is_ok()
}

/// A hash of a password nobody can know, verified against when an e-mail address is unknown so
/// that a login takes as long whether or not the account exists.
pub fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| {
        let secret = new_token();
        NewPassword::parse(&secret)
            .ok()
            .and_then(|p| hash_password(&p).ok())
            .unwrap_or_default()
    })
}

/// 32 random bytes as 64 hex characters: session cookies and CSRF tokens.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    // The OS random source failing is not recoverable for a web server; sessions without
    // randomness would be guessable.
    getrandom::fill(&mut bytes).expect("the operating system provides randomness");
    hex::encode(bytes)
}

/// What the database keeps of a session token: its SHA-256, so a leaked table reveals no
/// usable cookie.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Compares two tokens in time independent of where they differ.
pub fn tokens_match(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// A leaky bucket of login attempts: `capacity` attempts in a row, then one more every
/// `drain_seconds`. A correct password takes its attempt back out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bucket {
    pub capacity: f64,
    pub drain_seconds: f64,
}

/// Attempts on one address from one client: three tries, then one a minute. Only that client
/// waits; the owner signing in from elsewhere does not.
pub const ADDRESS_AT_CLIENT: Bucket = Bucket {
    capacity: 3.0,
    drain_seconds: 60.0,
};

/// Attempts from one client across all addresses (credential stuffing): twenty, then four a
/// minute. Successful logins do not fill it, so an office behind one address is not slowed.
pub const CLIENT: Bucket = Bucket {
    capacity: 20.0,
    drain_seconds: 15.0,
};

/// The stored key of the bucket for `email` (as typed) tried from `client`: a digest, so the
/// table holds neither addresses nor whatever text was typed into the field.
pub fn address_at_client_key(email: &str, client: &str) -> String {
    let address = email.trim().to_lowercase();
    token_hash(&format!("address-at-client\0{address}\0{client}"))
}

/// The stored key of the bucket for every attempt from `client`.
pub fn client_key(client: &str) -> String {
    token_hash(&format!("client\0{client}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_verifies_against_its_own_hash_only() {
        let password = NewPassword::parse("correct horse battery").unwrap();
        let hash = hash_password(&password).unwrap();

        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password(&hash, "correct horse battery"));
        assert!(!verify_password(&hash, "correct horse batterY"));
        assert!(!verify_password("not a hash", "correct horse battery"));
    }

    #[test]
    fn two_hashes_of_one_password_differ_by_their_salt() {
        let password = NewPassword::parse("correct horse battery").unwrap();

        assert_ne!(
            hash_password(&password).unwrap(),
            hash_password(&password).unwrap()
        );
    }

    #[test]
    fn tokens_are_random_hex_and_their_hashes_are_stable() {
        let (a, b) = (new_token(), new_token());

        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_eq!(token_hash(&a), token_hash(&a));
        assert_ne!(token_hash(&a), a);
        assert!(tokens_match(&a, &a.clone()) && !tokens_match(&a, &b));
    }

    #[test]
    fn bucket_keys_are_digests_that_tell_addresses_and_clients_apart() {
        let key = address_at_client_key(" Info@Bakkerij.nl ", "10.0.0.1");

        assert_eq!(key.len(), 64);
        assert_eq!(key, address_at_client_key("info@bakkerij.nl", "10.0.0.1"));
        assert_ne!(key, address_at_client_key("info@bakkerij.nl", "10.0.0.2"));
        assert_ne!(client_key("10.0.0.1"), client_key("10.0.0.2"));
        assert_eq!(
            address_at_client_key(&"x".repeat(2_000_000), "ip").len(),
            64
        );
    }
}
