//! Accounts: who signs in, in which role and language.

use std::fmt;

use super::limits::MAX_EMAIL;
use super::problem::FieldProblem;
use super::values::too_long;

/// An e-mail address, trimmed and lower-cased; one `@` with text on both sides and a dot in
/// the domain. (Deliverability is not checked: no mail server is assumed.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    /// Longest address accepted (RFC 5321).
    pub const MAX_LEN: usize = MAX_EMAIL;

    /// Parses an address. One longer than [`Email::MAX_LEN`] is refused before anything else
    /// is done with it, and its problem does not repeat it (a login form may be sent
    /// megabytes).
    pub fn parse(text: &str) -> Result<Email, FieldProblem> {
        let trimmed = text.trim();
        if trimmed.chars().count() > Self::MAX_LEN {
            return Err(too_long("email", Self::MAX_LEN));
        }
        let email = trimmed.to_lowercase();
        // Lower-casing a few letters lengthens them (`İ`): count again.
        let valid = email.chars().count() <= Self::MAX_LEN
            && !email.chars().any(|c| c.is_whitespace() || c.is_control())
            && match email.split_once('@') {
                Some((local, domain)) => {
                    !local.is_empty()
                        && !domain.contains('@')
                        && domain.contains('.')
                        && !domain.starts_with('.')
                        && !domain.ends_with('.')
                }
                None => false,
            };
        if valid {
            Ok(Email(email))
        } else {
            Err(FieldProblem::new(
                "email",
                format!("\"{}\" is not an e-mail address", text.trim()),
            ))
        }
    }

    /// The address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A new password: at least 10 characters (NIST SP 800-63B asks at least 8; length beats
/// composition rules), at most 200.
pub struct NewPassword(String);

impl NewPassword {
    /// Fewest characters accepted.
    pub const MIN_LEN: usize = 10;

    /// Checks a chosen password.
    pub fn parse(text: &str) -> Result<NewPassword, FieldProblem> {
        let length = text.chars().count();
        if length < Self::MIN_LEN {
            Err(FieldProblem::new(
                "password",
                format!("must be at least {} characters", Self::MIN_LEN),
            ))
        } else if length > 200 {
            Err(FieldProblem::new(
                "password",
                "must be at most 200 characters",
            ))
        } else {
            Ok(NewPassword(text.to_string()))
        }
    }

    /// The password, for hashing only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

/// What a user may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Works for one firm and sees its data.
    Firm,
    /// Works for the region: sees every flow of the region.
    Coordinator,
    /// Runs the installation.
    Administrator,
}

impl Role {
    /// As stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Firm => "firm",
            Role::Coordinator => "coordinator",
            Role::Administrator => "administrator",
        }
    }

    /// Reads a stored role.
    pub fn parse(text: &str) -> Option<Role> {
        match text {
            "firm" => Some(Role::Firm),
            "coordinator" => Some(Role::Coordinator),
            "administrator" => Some(Role::Administrator),
            _ => None,
        }
    }
}

/// The language a user reads the product in; Dutch first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    #[default]
    Dutch,
    English,
}

impl Language {
    /// ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Language::Dutch => "nl",
            Language::English => "en",
        }
    }

    /// Reads `nl` or `en`.
    pub fn parse(text: &str) -> Option<Language> {
        match text.trim() {
            "nl" => Some(Language::Dutch),
            "en" => Some(Language::English),
            _ => None,
        }
    }
}
