//! The rules a registration must meet: a valid address, a password hard to guess and typed
//! twice alike, a firm name, a municipality of the region and a sensible number of employees.

use crate::accounts::new_token;
use crate::app::firms::employees_allowed;
use crate::domain::cross_border::Country;
use crate::domain::places::{self, PlaceProblem};
use crate::domain::{Email, Firm, FirmDraft, Language, NewPassword, PasswordProblem};

/// The country a form chose: empty is the Netherlands (Keyport's side of the border); `None`
/// when it is not a country of the region.
pub fn chosen_country(text: &str) -> Option<Country> {
    if text.trim().is_empty() {
        Some(Country::NL)
    } else {
        Country::parse(text).ok()
    }
}

/// A registration as the form gives it, numbers read, not yet checked.
#[derive(Debug, Clone, Default)]
pub struct RegistrationDraft {
    pub firm_name: String,
    pub email: String,
    pub password: String,
    pub password_confirm: String,
    pub municipality: String,
    /// `None` when not a whole number.
    pub employees: Option<i64>,
    /// The language code chosen (`nl`, `en`), if any.
    pub language: String,
    /// `NL`, `BE` or `DE`; empty = NL (the region's own side of the border).
    pub country: String,
}

/// A rule a registration breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistrationProblem {
    Email,
    /// An account with this address exists already.
    EmailTaken,
    /// Long enough, but too easily guessed (or made of the address or the firm's name).
    PasswordTooGuessable,
    /// Shorter or longer than [`NewPassword::MIN_LEN`]…[`NewPassword::MAX_LEN`].
    PasswordLength,
    /// The second password differs from the first.
    PasswordConfirm,
    Employees,
    Municipality,
    /// The municipality lies in another country than the one chosen.
    MunicipalityAbroad {
        municipality: &'static str,
        lies_in: Country,
        chosen: Country,
    },
    FirmName,
    /// Not a country of the border region.
    Country,
}

impl RegistrationProblem {
    /// The form field the problem belongs to.
    pub fn field(self) -> &'static str {
        match self {
            RegistrationProblem::Email | RegistrationProblem::EmailTaken => "email",
            RegistrationProblem::PasswordTooGuessable | RegistrationProblem::PasswordLength => {
                "password"
            }
            RegistrationProblem::PasswordConfirm => "password_confirm",
            RegistrationProblem::Employees => "employees",
            RegistrationProblem::Municipality | RegistrationProblem::MunicipalityAbroad { .. } => {
                "municipality"
            }
            RegistrationProblem::FirmName => "firm_name",
            RegistrationProblem::Country => "country",
        }
    }
}

/// A registration that meets every rule.
#[derive(Debug)]
pub struct Registration {
    /// The new firm, at its municipality's centre, under a fresh id.
    pub firm: Firm,
    pub email: Email,
    pub password: NewPassword,
    pub language: Language,
}

/// The registration `draft` describes, or every rule it breaks. `language` is taken when
/// the draft names none.
pub fn check_registration(
    draft: &RegistrationDraft,
    language: Language,
) -> Result<Registration, Vec<RegistrationProblem>> {
    let mut problems = Vec::new();
    let email = Email::parse(&draft.email).ok();
    if email.is_none() {
        problems.push(RegistrationProblem::Email);
    }
    let context = [draft.email.as_str(), draft.firm_name.as_str()];
    let password = match NewPassword::check(&draft.password, &context) {
        Ok(password) => Some(password),
        Err(PasswordProblem::TooGuessable) => {
            problems.push(RegistrationProblem::PasswordTooGuessable);
            None
        }
        Err(PasswordProblem::TooShort | PasswordProblem::TooLong) => {
            problems.push(RegistrationProblem::PasswordLength);
            None
        }
    };
    if password.is_some() && draft.password != draft.password_confirm {
        problems.push(RegistrationProblem::PasswordConfirm);
    }
    let employees = draft.employees.filter(|&n| employees_allowed(n));
    if employees.is_none() {
        problems.push(RegistrationProblem::Employees);
    }
    let Some(place) = places::find(&draft.municipality) else {
        problems.push(RegistrationProblem::Municipality);
        return Err(problems);
    };
    // An unreadable country is the firm's own problem below; the town is checked against a
    // country that is one of the region's.
    if let Some(chosen) = chosen_country(&draft.country)
        && let Err(PlaceProblem::OtherCountry { lies_in }) = places::locate(&place.name, chosen)
    {
        problems.push(RegistrationProblem::MunicipalityAbroad {
            municipality: &place.name,
            lies_in,
            chosen,
        });
    }
    let (lat, lon) = (place.lat, place.lon);
    let firm = Firm::parse(FirmDraft {
        id: format!("firm-{}", &new_token()[..12]),
        name: draft.firm_name.clone(),
        nace: None,
        employees: employees.unwrap_or(1),
        address: None,
        municipality: draft.municipality.clone(),
        lat,
        lon,
        country: Some(draft.country.clone()),
    });
    if let Err(found) = &firm {
        if found.0.iter().any(|p| p.field == "name") {
            problems.push(RegistrationProblem::FirmName);
        }
        if found.0.iter().any(|p| p.field == "country") {
            problems.push(RegistrationProblem::Country);
        }
    }
    match (firm, email, password) {
        (Ok(firm), Some(email), Some(password)) if problems.is_empty() => Ok(Registration {
            firm,
            email,
            password,
            language: Language::parse(&draft.language).unwrap_or(language),
        }),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> RegistrationDraft {
        RegistrationDraft {
            firm_name: "Koffiebranderij De Boon".into(),
            email: "info@deboon.nl".into(),
            password: "gebrande bonen uit Weert".into(),
            password_confirm: "gebrande bonen uit Weert".into(),
            municipality: "Weert".into(),
            employees: Some(12),
            language: String::new(),
            country: String::new(),
        }
    }

    #[test]
    fn a_valid_registration_places_the_firm_at_its_municipalitys_centre() {
        let registration = check_registration(&draft(), Language::English).expect("valid");
        assert_eq!(registration.firm.location().lat(), 51.2517);
        assert_eq!(registration.firm.employees(), 12);
        assert_eq!(registration.language, Language::English);
        assert!(registration.firm.id().as_str().starts_with("firm-"));
    }

    #[test]
    fn each_broken_rule_is_named_at_its_field() {
        let broken = RegistrationDraft {
            email: "geen adres".into(),
            password_confirm: "iets anders".into(),
            employees: Some(0),
            ..draft()
        };
        let problems = check_registration(&broken, Language::Dutch).unwrap_err();
        assert_eq!(
            problems,
            vec![
                RegistrationProblem::Email,
                RegistrationProblem::PasswordConfirm,
                RegistrationProblem::Employees
            ]
        );
        let elsewhere = RegistrationDraft {
            municipality: "Utrecht".into(),
            ..draft()
        };
        assert_eq!(
            check_registration(&elsewhere, Language::Dutch).unwrap_err(),
            vec![RegistrationProblem::Municipality]
        );
    }

    #[test]
    fn a_firm_across_the_border_starts_at_its_towns_centre_in_its_own_country() {
        let belgian = RegistrationDraft {
            municipality: "Bocholt".into(),
            country: "BE".into(),
            ..draft()
        };
        let firm = check_registration(&belgian, Language::Dutch)
            .expect("valid")
            .firm;
        assert_eq!(
            (firm.location().lat(), firm.location().lon()),
            (51.1717, 5.5789)
        );
        let german_town_dutch_firm = RegistrationDraft {
            municipality: "Heinsberg".into(),
            country: "NL".into(),
            ..draft()
        };
        assert_eq!(
            check_registration(&german_town_dutch_firm, Language::Dutch).unwrap_err(),
            vec![RegistrationProblem::MunicipalityAbroad {
                municipality: "Heinsberg",
                lies_in: Country::DE,
                chosen: Country::NL
            }]
        );
    }
}
