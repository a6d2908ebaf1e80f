//! Firms: who holds flows, and where.

use super::cross_border::Country;
use super::limits::{MAX_ADDRESS, MAX_FIRM_NAME, MAX_MUNICIPALITY};
use super::problem::{Exceeded, FieldProblem, Problems};
use super::values::{Location, RecordId, optional_text, required_text};

/// A NACE Rev.2 activity code at section, division, group or class level: `C`, `C25`,
/// `C25.6`, `C10.89`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NaceCode(String);

/// NACE Rev.2 sections with their first and last division.
const NACE_SECTIONS: [(char, u8, u8); 21] = [
    ('A', 1, 3),
    ('B', 5, 9),
    ('C', 10, 33),
    ('D', 35, 35),
    ('E', 36, 39),
    ('F', 41, 43),
    ('G', 45, 47),
    ('H', 49, 53),
    ('I', 55, 56),
    ('J', 58, 63),
    ('K', 64, 66),
    ('L', 68, 68),
    ('M', 69, 75),
    ('N', 77, 82),
    ('O', 84, 84),
    ('P', 85, 85),
    ('Q', 86, 88),
    ('R', 90, 93),
    ('S', 94, 96),
    ('T', 97, 98),
    ('U', 99, 99),
];

impl NaceCode {
    /// Parses a NACE code; the division must belong to the section's letter.
    pub fn parse(text: &str) -> Result<NaceCode, FieldProblem> {
        let code = text.trim().to_uppercase();
        let refuse = |why: &str| FieldProblem::new("nace", format!("\"{text}\" {why}"));
        let mut chars = code.chars();
        let Some(letter) = chars.next() else {
            return Err(refuse("is empty"));
        };
        let Some(&(_, first, last)) = NACE_SECTIONS.iter().find(|(l, _, _)| *l == letter) else {
            return Err(refuse("does not start with a NACE section letter A–U"));
        };
        let rest: &str = &code[1..];
        if rest.is_empty() {
            return Ok(NaceCode(code));
        }
        let (division, detail) = rest.split_once('.').unwrap_or((rest, ""));
        let shape_ok = division.len() == 2
            && division.chars().all(|c| c.is_ascii_digit())
            && detail.len() <= 2
            && detail.chars().all(|c| c.is_ascii_digit())
            && !(rest.contains('.') && detail.is_empty());
        if !shape_ok {
            return Err(refuse("is not a NACE code like C25, C25.6 or C10.89"));
        }
        let division: u8 = division.parse().unwrap_or(0);
        if !(first..=last).contains(&division) {
            return Err(refuse(&format!(
                "has division {division:02}, which is not in section {letter} ({first:02}–{last:02})"
            )));
        }
        Ok(NaceCode(code))
    }

    /// The code as written: `C25.62`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The section letter, e.g. `C` for manufacturing.
    pub fn section(&self) -> char {
        self.0.chars().next().unwrap_or('?')
    }
}

/// A firm as it arrives from a file or a form, before validation.
#[derive(Debug, Clone, Default)]
pub struct FirmDraft {
    pub id: String,
    pub name: String,
    pub nace: Option<String>,
    pub employees: i64,
    pub address: Option<String>,
    pub municipality: String,
    pub lat: f64,
    pub lon: f64,
    /// `NL`, `BE` or `DE`; absent = NL.
    pub country: Option<String>,
}

/// A registered firm.
#[derive(Debug, Clone, PartialEq)]
pub struct Firm {
    id: RecordId,
    name: String,
    nace: Option<NaceCode>,
    employees: u32,
    address: String,
    municipality: String,
    location: Location,
    /// Where the firm sits: the region borders Belgium and Germany (issue #11).
    country: Country,
}

/// Largest number of employees accepted (a sanity bound, far above any single site).
pub use super::limits::MAX_EMPLOYEES;

impl Firm {
    /// Validates a draft, reporting every problem.
    pub fn parse(draft: FirmDraft) -> Result<Firm, Problems> {
        let mut problems = Problems::default();
        let id = problems.take(RecordId::parse("id", &draft.id));
        let name = problems.take(required_text("name", &draft.name, MAX_FIRM_NAME));
        let nace = match draft.nace.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(text) => problems.take(NaceCode::parse(text)),
        };
        if !(0..=MAX_EMPLOYEES).contains(&draft.employees) {
            let reason = format!("{} must be between 0 and {MAX_EMPLOYEES}", draft.employees);
            problems.0.push(if draft.employees > MAX_EMPLOYEES {
                FieldProblem::exceeding("employees", reason, Exceeded::Value(MAX_EMPLOYEES as u64))
            } else {
                FieldProblem::new("employees", reason)
            });
        }
        let address = problems.take(optional_text(
            "address",
            draft.address.as_deref().unwrap_or(""),
            MAX_ADDRESS,
        ));
        let municipality = problems.take(required_text(
            "municipality",
            &draft.municipality,
            MAX_MUNICIPALITY,
        ));
        let location = match Location::new(draft.lat, draft.lon) {
            Ok(location) => Some(location),
            Err(found) => {
                problems.0.extend(found);
                None
            }
        };
        let country = match draft.country.as_deref().map(str::trim) {
            None | Some("") => Some(Country::NL),
            Some(text) => problems.take(Country::parse(text)),
        };
        problems.into_result(|| Firm {
            id: id.expect("checked"),
            name: name.expect("checked"),
            nace: draft.nace.and(nace),
            employees: draft.employees as u32,
            address: address.expect("checked"),
            municipality: municipality.expect("checked"),
            location: location.expect("checked"),
            country: country.expect("checked"),
        })
    }

    /// The same firm in another country of the border region.
    pub fn with_country(mut self, country: Country) -> Firm {
        self.country = country;
        self
    }

    /// The firm's identifier.
    pub fn id(&self) -> &RecordId {
        &self.id
    }
    /// The firm's name.
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The firm's activity code, when known.
    pub fn nace(&self) -> Option<&NaceCode> {
        self.nace.as_ref()
    }
    /// Number of employees.
    pub fn employees(&self) -> u32 {
        self.employees
    }
    /// Street address; may be empty when only a point is known.
    pub fn address(&self) -> &str {
        &self.address
    }
    /// Municipality.
    pub fn municipality(&self) -> &str {
        &self.municipality
    }
    /// Where the firm is.
    pub fn location(&self) -> Location {
        self.location
    }
    /// The country the firm sits in (NL unless stated).
    pub fn country(&self) -> Country {
        self.country
    }
}
