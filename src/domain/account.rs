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
/// composition rules), at most 200, and not one that attackers guess early: zxcvbn's estimate
/// (dictionaries of common passwords, names and words, keyboard walks, dates, repeats) must be
/// at least [`NewPassword::MIN_STRENGTH`] of 4.
pub struct NewPassword(String);

/// Why a chosen password is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    /// Among the passwords guessed first, or built from the user's own name or address.
    TooGuessable,
}

impl NewPassword {
    /// Fewest characters accepted.
    pub const MIN_LEN: usize = 10;
    /// Most characters accepted.
    pub const MAX_LEN: usize = 200;
    /// Lowest zxcvbn score accepted (3: "safely unguessable", ~10^8 guesses or more).
    pub const MIN_STRENGTH: u8 = 3;

    /// Checks a chosen password.
    pub fn parse(text: &str) -> Result<NewPassword, FieldProblem> {
        NewPassword::check(text, &[]).map_err(|problem| {
            let reason = match problem {
                PasswordProblem::TooShort => {
                    format!("must be at least {} characters", Self::MIN_LEN)
                }
                PasswordProblem::TooLong => format!("must be at most {} characters", Self::MAX_LEN),
                PasswordProblem::TooGuessable => "is too easy to guess".to_string(),
            };
            FieldProblem::new("password", reason)
        })
    }

    /// Checks a chosen password, also against what the user typed elsewhere in the form (their
    /// address, their firm's name), which makes a password easy to guess for them.
    pub fn check(text: &str, user_inputs: &[&str]) -> Result<NewPassword, PasswordProblem> {
        let length = text.chars().count();
        if length < Self::MIN_LEN {
            return Err(PasswordProblem::TooShort);
        }
        if length > Self::MAX_LEN {
            return Err(PasswordProblem::TooLong);
        }
        // zxcvbn matches user inputs as whole dictionary words: give it each word.
        let words: Vec<String> = user_inputs
            .iter()
            .flat_map(|input| input.split(|c: char| !c.is_alphanumeric()))
            .filter(|word| word.chars().count() >= 3)
            .map(str::to_lowercase)
            .collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let strength = zxcvbn::zxcvbn(text, &words);
        if (strength.score() as u8) < Self::MIN_STRENGTH {
            return Err(PasswordProblem::TooGuessable);
        }
        Ok(NewPassword(text.to_string()))
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

#[cfg(test)]
mod password_tests {
    use super::*;

    #[test]
    fn the_passwords_guessed_first_are_refused_however_long() {
        for weak in [
            "password123",
            "Welkom01!!",
            "qwertyuiop",
            "1234567890",
            "aaaaaaaaaaaa",
            "Wachtwoord1",
            "iloveyou2026",
        ] {
            assert_eq!(
                NewPassword::check(weak, &[]).err(),
                Some(PasswordProblem::TooGuessable),
                "{weak}"
            );
        }
    }

    #[test]
    fn a_password_built_from_the_users_own_firm_is_refused() {
        assert!(NewPassword::check("korenaar2026!", &[]).is_ok());
        assert_eq!(
            NewPassword::check("korenaar2026!", &["Bakkerij Korenaar", "info@korenaar.nl"]).err(),
            Some(PasswordProblem::TooGuessable)
        );
    }

    #[test]
    fn length_and_strength_decide_and_good_passphrases_pass() {
        assert_eq!(
            NewPassword::check("kort", &[]).err(),
            Some(PasswordProblem::TooShort)
        );
        assert_eq!(
            NewPassword::check(&"x7".repeat(101), &[]).err(),
            Some(PasswordProblem::TooLong)
        );
        for strong in [
            "koffiedik-2026",
            "regio-keyport-2026",
            "correct horse battery",
            "paarse fiets op de Maas",
        ] {
            assert!(NewPassword::check(strong, &[]).is_ok(), "{strong}");
        }
    }
}
