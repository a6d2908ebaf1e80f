//! Identifiers checked as records arrive: each id used once (in the input and the database),
//! and each flow naming a firm that exists, in the input or the database. What is kept per
//! record is its id and a compact place (12 bytes), not the record: a preview of a large
//! upload checks its ids without holding every firm, offer and need.

use std::collections::HashSet;

use super::key_table::KeyTable;
use super::{ImportProblem, Origin};
use crate::storage::ExistingKeys;

/// The kinds of record with ids, and the element name JSON places them under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Firm,
    Offer,
    Need,
}

impl Kind {
    /// As the problem messages name it.
    fn what(self) -> &'static str {
        match self {
            Kind::Firm => "firm",
            Kind::Offer => "offer",
            Kind::Need => "need",
        }
    }

    /// The JSON array holding records of this kind.
    fn elements(self) -> &'static str {
        match self {
            Kind::Firm => "companies",
            Kind::Offer => "offers",
            Kind::Need => "needs",
        }
    }
}

/// Where a record is within its file: a CSV line, a JSON element, or any other place text.
#[derive(Debug, Clone, Copy)]
enum Spot {
    Line(u32),
    Element(u32),
    Other(u32),
}

/// An [`Origin`] compactly: the file and the spot as indices.
#[derive(Debug, Clone, Copy)]
struct At {
    file: u32,
    spot: Spot,
}

/// The ids read so far. `F` is what a caller keeps with each firm (for a preview: where it
/// sits); `()` when nothing.
pub(crate) struct References<'e, F> {
    existing: &'e ExistingKeys,
    files: Vec<String>,
    other_places: Vec<String>,
    firms: KeyTable<(At, F)>,
    offers: KeyTable<At>,
    needs: KeyTable<At>,
    refused_firms: KeyTable<()>,
    /// Every firm has been read: a flow naming an unknown one is reported at once.
    firms_complete: bool,
    /// Flows naming a firm not read yet, decided when all files have been read.
    pending: Vec<(Kind, Box<str>, At)>,
}

impl<'e, F> References<'e, F> {
    /// Checks against the identifiers already in the database.
    pub(crate) fn new(existing: &'e ExistingKeys) -> References<'e, F> {
        References {
            existing,
            files: Vec::new(),
            other_places: Vec::new(),
            firms: KeyTable::default(),
            offers: KeyTable::default(),
            needs: KeyTable::default(),
            refused_firms: KeyTable::default(),
            firms_complete: false,
            pending: Vec::new(),
        }
    }

    /// Every firm of the input has been read (and every refused one told): flows are decided
    /// as they come, so their problems follow in order.
    pub(crate) fn all_firms_read(&mut self) {
        self.firms_complete = true;
    }

    /// A company that was refused: flows naming it are not reported again.
    pub(crate) fn refused_firm(&mut self, id: &str) {
        self.refused_firms.get_or_insert(id, || ());
    }

    /// A firm read at `origin`, kept with `payload` unless its id was used before.
    pub(crate) fn firm(
        &mut self,
        key: &str,
        origin: &Origin,
        payload: F,
        problems: &mut Vec<ImportProblem>,
    ) {
        let at = self.at(origin, Kind::Firm);
        let first = self.firms.get(key).map(|(first, _)| *first);
        if let Some(problem) = self.clash(Kind::Firm, key, first, origin) {
            problems.push(problem);
        } else {
            self.firms.get_or_insert(key, || (at, payload));
        }
    }

    /// An offer read at `origin`, of the firm `firm`.
    pub(crate) fn offer(
        &mut self,
        key: &str,
        firm: &str,
        origin: &Origin,
        problems: &mut Vec<ImportProblem>,
    ) {
        self.flow(Kind::Offer, key, firm, origin, problems);
    }

    /// A need read at `origin`, of the firm `firm`.
    pub(crate) fn need(
        &mut self,
        key: &str,
        firm: &str,
        origin: &Origin,
        problems: &mut Vec<ImportProblem>,
    ) {
        self.flow(Kind::Need, key, firm, origin, problems);
    }

    /// What was kept with the firm `key` of the input.
    pub(crate) fn firm_payload(&self, key: &str) -> Option<&F> {
        self.firms.get(key).map(|(_, payload)| payload)
    }

    /// Reports the flows that name a firm found nowhere, once every file has been read.
    pub(crate) fn finish(&mut self, problems: &mut Vec<ImportProblem>) {
        for (kind, firm, at) in std::mem::take(&mut self.pending) {
            if !self.known_firm(&firm) {
                problems.push(unknown_firm(self.origin(at, kind), &firm));
            }
        }
    }

    fn flow(
        &mut self,
        kind: Kind,
        key: &str,
        firm: &str,
        origin: &Origin,
        problems: &mut Vec<ImportProblem>,
    ) {
        let at = self.at(origin, kind);
        let seen = match kind {
            Kind::Offer => &self.offers,
            _ => &self.needs,
        };
        let first = seen.get(key).copied();
        if let Some(problem) = self.clash(kind, key, first, origin) {
            problems.push(problem);
        } else {
            let seen = match kind {
                Kind::Offer => &mut self.offers,
                _ => &mut self.needs,
            };
            seen.get_or_insert(key, || at);
        }
        if self.known_firm(firm) {
            return;
        }
        if self.firms_complete {
            problems.push(unknown_firm(origin.clone(), firm));
        } else {
            self.pending.push((kind, firm.into(), at));
        }
    }

    fn known_firm(&self, firm: &str) -> bool {
        self.firms.contains(firm)
            || self.existing.firms.contains(firm)
            || self.refused_firms.contains(firm)
    }

    /// The problem when `key` was read before (at `first`) or is in the database.
    fn clash(
        &self,
        kind: Kind,
        key: &str,
        first: Option<At>,
        origin: &Origin,
    ) -> Option<ImportProblem> {
        let what = kind.what();
        let reason = if let Some(first) = first {
            let first = self.origin(first, kind);
            format!(
                "{what} \"{key}\" appears twice (first at {}:{})",
                first.file, first.place
            )
        } else if self.existing_keys(kind).contains(key) {
            format!("{what} \"{key}\" exists already in the database")
        } else {
            return None;
        };
        Some(ImportProblem {
            origin: origin.clone(),
            field: "id".into(),
            reason,
        })
    }

    fn existing_keys(&self, kind: Kind) -> &HashSet<String> {
        match kind {
            Kind::Firm => &self.existing.firms,
            Kind::Offer => &self.existing.offers,
            Kind::Need => &self.existing.needs,
        }
    }

    fn at(&mut self, origin: &Origin, kind: Kind) -> At {
        let file = match self.files.iter().rposition(|f| *f == origin.file) {
            Some(index) => index,
            None => {
                self.files.push(origin.file.clone());
                self.files.len() - 1
            }
        };
        let element = origin
            .place
            .strip_prefix(kind.elements())
            .and_then(|rest| rest.strip_prefix('['))
            .and_then(|rest| rest.strip_suffix(']'))
            .and_then(|index| index.parse().ok());
        let spot = if let Ok(line) = origin.place.parse() {
            Spot::Line(line)
        } else if let Some(index) = element {
            Spot::Element(index)
        } else {
            self.other_places.push(origin.place.clone());
            Spot::Other(index_u32(self.other_places.len() - 1))
        };
        At {
            file: index_u32(file),
            spot,
        }
    }

    fn origin(&self, at: At, kind: Kind) -> Origin {
        let place = match at.spot {
            Spot::Line(line) => line.to_string(),
            Spot::Element(index) => format!("{}[{index}]", kind.elements()),
            Spot::Other(index) => self.other_places[index as usize].clone(),
        };
        Origin::new(&self.files[at.file as usize], place)
    }
}

fn unknown_firm(origin: Origin, firm: &str) -> ImportProblem {
    ImportProblem {
        origin,
        field: "company".into(),
        reason: format!("\"{firm}\" is not a known company id"),
    }
}

// Files, lines and elements of one upload are far fewer than 4 billion (50 MB at most).
fn index_u32(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}
