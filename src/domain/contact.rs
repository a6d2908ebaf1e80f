//! The coordinator's contact log of a firm: contact people and dated notes. Parse, don't
//! validate: a [`Contact`] or [`NoteText`] that exists has passed every rule, and a refusal
//! names its field and what is wrong, for the form to word in the reader's language.

use super::Email;

/// Longest name or role of a contact person.
pub const MAX_NAME: usize = 100;
/// Longest phone number as typed (spaces and signs included).
pub const MAX_PHONE: usize = 30;
/// Fewest and most digits of a phone number (E.164 allows 15; a Dutch one has 10).
pub const PHONE_DIGITS: (usize, usize) = (6, 15);
/// Longest note.
pub const MAX_NOTE: usize = 2000;

/// What is wrong with one field of a contact or note form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// A required field is empty.
    Missing,
    /// Longer than `max` characters.
    TooLong { max: usize },
    /// A phone number with a character other than digits, spaces, `+ - ( )`, or a `+` that
    /// does not lead.
    PhoneCharacters,
    /// A phone number with too few or too many digits.
    PhoneDigits,
    /// Not an e-mail address.
    Email,
    /// Neither a phone number nor an e-mail address: a contact must be reachable.
    Unreachable,
}

/// A refused field: its form name and its problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refusal {
    pub field: &'static str,
    pub problem: Problem,
}

/// A contact person as typed into the form.
#[derive(Debug, Clone, Default)]
pub struct ContactFields<'a> {
    pub name: &'a str,
    pub role: &'a str,
    pub phone: &'a str,
    pub email: &'a str,
}

/// A contact person that passed every rule: a name, and a phone number or an e-mail address
/// (empty strings when not given).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub name: String,
    pub role: String,
    pub phone: String,
    pub email: String,
}

impl Contact {
    /// Reads the form; every refused field is named, in the form's order.
    pub fn parse(fields: &ContactFields<'_>) -> Result<Contact, Vec<Refusal>> {
        let mut refusals = Vec::new();
        let mut refuse = |field, problem| refusals.push(Refusal { field, problem });
        let name = fields.name.trim();
        if name.is_empty() {
            refuse("name", Problem::Missing);
        } else if name.chars().count() > MAX_NAME {
            refuse("name", Problem::TooLong { max: MAX_NAME });
        }
        let role = fields.role.trim();
        if role.chars().count() > MAX_NAME {
            refuse("role", Problem::TooLong { max: MAX_NAME });
        }
        let phone = fields.phone.trim();
        if let Err(problem) = check_phone(phone) {
            refuse("phone", problem);
        }
        let email = fields.email.trim();
        let email = if email.is_empty() {
            String::new()
        } else {
            match Email::parse(email) {
                Ok(email) => email.as_str().to_string(),
                Err(_) => {
                    refuse("email", Problem::Email);
                    String::new()
                }
            }
        };
        if phone.is_empty() && fields.email.trim().is_empty() {
            refuse("phone", Problem::Unreachable);
        }
        if !refusals.is_empty() {
            return Err(refusals);
        }
        Ok(Contact {
            name: name.to_string(),
            role: role.to_string(),
            phone: phone.split_whitespace().collect::<Vec<_>>().join(" "),
            email,
        })
    }
}

/// A phone number as people write it: digits, spaces, `-`, `(`, `)` and one leading `+`;
/// between 6 and 15 digits; an empty one is allowed (then an e-mail address must be given).
fn check_phone(phone: &str) -> Result<(), Problem> {
    if phone.is_empty() {
        return Ok(());
    }
    if phone.chars().count() > MAX_PHONE {
        return Err(Problem::TooLong { max: MAX_PHONE });
    }
    let allowed = |(i, c): (usize, char)| {
        c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')') || (c == '+' && i == 0)
    };
    if !phone.chars().enumerate().all(allowed) {
        return Err(Problem::PhoneCharacters);
    }
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    if digits < PHONE_DIGITS.0 || digits > PHONE_DIGITS.1 {
        return Err(Problem::PhoneDigits);
    }
    Ok(())
}

/// The text of a note: not empty, at most [`MAX_NOTE`] characters, trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteText(String);

impl NoteText {
    /// Reads the note field.
    pub fn parse(text: &str) -> Result<NoteText, Refusal> {
        let text = text.trim();
        let problem = if text.is_empty() {
            Problem::Missing
        } else if text.chars().count() > MAX_NOTE {
            Problem::TooLong { max: MAX_NOTE }
        } else {
            return Ok(NoteText(text.to_string()));
        };
        Err(Refusal {
            field: "text",
            problem,
        })
    }

    /// The note.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(name: &str, phone: &str, email: &str) -> Result<Contact, Vec<Refusal>> {
        Contact::parse(&ContactFields {
            name,
            role: "inkoper",
            phone,
            email,
        })
    }

    fn problems(result: Result<Contact, Vec<Refusal>>) -> Vec<(&'static str, Problem)> {
        result
            .unwrap_err()
            .into_iter()
            .map(|r| (r.field, r.problem))
            .collect()
    }

    #[test]
    fn phone_numbers_as_people_write_them_are_accepted_and_spaces_tidied() {
        for phone in [
            "0495 123456",
            "+31 (0)495-123 456",
            "06-12345678",
            "+32 11 22 33 44",
        ] {
            assert!(contact("Anja", phone, "").is_ok(), "{phone}");
        }
        let tidy = contact("Anja", " 0495   123456 ", "").unwrap();
        assert_eq!(tidy.phone, "0495 123456");
    }

    #[test]
    fn a_phone_number_with_letters_a_late_plus_or_too_few_digits_is_refused() {
        assert_eq!(
            problems(contact("Anja", "0495-12ab", "")),
            [("phone", Problem::PhoneCharacters)]
        );
        assert_eq!(
            problems(contact("Anja", "0495+123456", "")),
            [("phone", Problem::PhoneCharacters)]
        );
        assert_eq!(
            problems(contact("Anja", "12 34", "")),
            [("phone", Problem::PhoneDigits)]
        );
        assert_eq!(
            problems(contact("Anja", &"1".repeat(31), "")),
            [("phone", Problem::TooLong { max: MAX_PHONE })]
        );
    }

    #[test]
    fn a_contact_needs_a_name_and_a_way_to_reach_it() {
        assert_eq!(
            problems(contact(" ", "", "")),
            [("name", Problem::Missing), ("phone", Problem::Unreachable)]
        );
        assert_eq!(
            problems(contact("Anja", "", "geen-adres")),
            [("email", Problem::Email)]
        );
        assert_eq!(contact("Anja", "", "A@B.nl").unwrap().email, "a@b.nl");
    }

    #[test]
    fn a_note_is_trimmed_and_neither_empty_nor_too_long() {
        assert_eq!(NoteText::parse("  gebeld ").unwrap().as_str(), "gebeld");
        assert_eq!(NoteText::parse(" ").unwrap_err().problem, Problem::Missing);
        let long = "x".repeat(MAX_NOTE + 1);
        assert_eq!(
            NoteText::parse(&long).unwrap_err().problem,
            Problem::TooLong { max: MAX_NOTE }
        );
    }
}
