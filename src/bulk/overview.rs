//! What an import would add, kept small whatever the size of its files: the first rows of each
//! kind, how many there are, and those counts by where the firms sit. Reading a 45 MB upload
//! into an [`Overview`] holds the files and the ids of their records (to check them), not every
//! parsed record, so that a preview costs about twice the upload's size in memory, not ten
//! times.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::key_table::KeyTable;
use super::references::References;
use super::{Collect, ImportProblem, Located, Origin, read_bytes_into};
use crate::domain::{Firm, Need, Offer, Parameters, Region};
use crate::storage::ExistingKeys;

/// Rows of each kind an overview keeps in full.
pub const FIRST_ROWS: usize = 10;

/// Problems an overview keeps (the first found) and a page lists; the rest are counted. A
/// 45 MB file with a problem on every line has 300,000: listed in full they made a page of
/// 250 MB that no one reads.
pub const KEPT_PROBLEMS: usize = 1000;

/// Why an import was refused: its problems (at most [`KEPT_PROBLEMS`] when read into an
/// overview) and how many were found in all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Refused {
    pub problems: Vec<ImportProblem>,
    pub total: usize,
}

impl From<Vec<ImportProblem>> for Refused {
    fn from(problems: Vec<ImportProblem>) -> Refused {
        Refused {
            total: problems.len(),
            problems,
        }
    }
}

/// Firms, offers and needs, counted.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub firms: usize,
    pub offers: usize,
    pub needs: usize,
}

impl Counts {
    /// Adds another count to this one.
    pub fn add(&mut self, other: Counts) {
        self.firms += other.firms;
        self.offers += other.offers;
        self.needs += other.needs;
    }
}

/// A municipality and a NACE section (`None`: no sector given).
pub type Place = (String, Option<char>);

/// What an import adds.
#[derive(Debug, Default)]
pub struct Overview {
    /// The first [`FIRST_ROWS`] firms, offers and needs, in the order read.
    pub first_firms: Vec<Firm>,
    pub first_offers: Vec<Offer>,
    pub first_needs: Vec<Need>,
    /// How many there are of each.
    pub total: Counts,
    /// The import sets the region's parameters.
    pub has_parameters: bool,
    /// Firms of the import and their flows, by the firm's municipality and section.
    pub by_place: BTreeMap<Place, Counts>,
    /// Flows of firms that are not in the import (but in the database), by firm id.
    pub by_outside_firm: BTreeMap<String, Counts>,
}

impl Overview {
    /// The overview of a region that was checked already: what an import added.
    pub fn of_region(region: &Region) -> Overview {
        let existing = ExistingKeys::default();
        let mut reader = OverviewReader::new(&existing);
        let at = |i: usize| Origin::new("", i.to_string());
        for (i, firm) in region.firms.iter().enumerate() {
            reader.firm(firm, &at(i));
        }
        for (i, offer) in region.offers.iter().enumerate() {
            reader.offer(offer, &at(i));
        }
        for (i, need) in region.needs.iter().enumerate() {
            reader.need(need, &at(i));
        }
        reader.overview.has_parameters = region.parameters.is_some();
        reader.overview.first_firms = first(&region.firms);
        reader.overview.first_offers = first(&region.offers);
        reader.overview.first_needs = first(&region.needs);
        reader.into_overview()
    }
}

/// Where a firm of the import sits: an index into the municipalities read, and its section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct FirmSpot {
    municipality: u32,
    section: Option<char>,
}

/// Reads files one after the other into an [`Overview`], checking them as
/// [`read_in_memory`](super::read_in_memory) does.
pub struct OverviewReader<'e> {
    references: References<'e, FirmSpot>,
    municipalities: Vec<String>,
    municipality_index: HashMap<String, u32>,
    firms_by_spot: HashMap<FirmSpot, usize>,
    flows_by_firm: KeyTable<Counts>,
    overview: Overview,
    problems: Vec<ImportProblem>,
    problem_total: usize,
}

impl<'e> OverviewReader<'e> {
    /// A reader checking ids against those already in the database.
    pub fn new(existing: &'e ExistingKeys) -> OverviewReader<'e> {
        OverviewReader {
            references: References::new(existing),
            municipalities: Vec::new(),
            municipality_index: HashMap::new(),
            firms_by_spot: HashMap::new(),
            flows_by_firm: KeyTable::default(),
            overview: Overview::default(),
            problems: Vec::new(),
            problem_total: 0,
        }
    }

    /// Reads one file's contents; the format follows from the name, as in
    /// [`read_bytes`](super::read_bytes).
    pub fn read(&mut self, name: &str, bytes: &[u8], today: NaiveDate) {
        read_bytes_into(name, bytes, today, self);
    }

    /// The overview of every file read, or the problems found in them.
    pub fn finish(mut self) -> Result<Overview, Refused> {
        let mut last = Vec::new();
        self.references.finish(&mut last);
        self.add_problems(last);
        if self.problem_total == 0 {
            Ok(self.into_overview())
        } else {
            Err(Refused {
                problems: self.problems,
                total: self.problem_total,
            })
        }
    }

    fn into_overview(self) -> Overview {
        let mut overview = self.overview;
        let place_of = |spot: FirmSpot| {
            let municipality = self.municipalities[spot.municipality as usize].clone();
            (municipality, spot.section)
        };
        for (spot, firms) in self.firms_by_spot {
            let counts = Counts {
                firms,
                ..Counts::default()
            };
            overview
                .by_place
                .entry(place_of(spot))
                .or_default()
                .add(counts);
        }
        for (firm, counts) in self.flows_by_firm.iter() {
            match self.references.firm_payload(firm) {
                Some(spot) => overview.by_place.entry(place_of(*spot)).or_default(),
                None => overview
                    .by_outside_firm
                    .entry(firm.to_string())
                    .or_default(),
            }
            .add(*counts);
        }
        overview
    }

    fn firm(&mut self, firm: &Firm, origin: &Origin) {
        let municipality = match self.municipality_index.get(firm.municipality()) {
            Some(index) => *index,
            None => {
                let index = u32::try_from(self.municipalities.len()).unwrap_or(u32::MAX);
                self.municipalities.push(firm.municipality().to_string());
                self.municipality_index
                    .insert(firm.municipality().to_string(), index);
                index
            }
        };
        let spot = FirmSpot {
            municipality,
            section: firm.nace().map(|n| n.section()),
        };
        let key = firm.id().as_str();
        let mut found = Vec::new();
        self.references.firm(key, origin, spot, &mut found);
        self.add_problems(found);
        *self.firms_by_spot.entry(spot).or_default() += 1;
        self.overview.total.firms += 1;
    }

    fn offer(&mut self, offer: &Offer, origin: &Origin) {
        let (key, firm) = (offer.id().as_str(), offer.firm().as_str());
        let mut found = Vec::new();
        self.references.offer(key, firm, origin, &mut found);
        self.add_problems(found);
        self.flows_of(firm).offers += 1;
        self.overview.total.offers += 1;
    }

    fn need(&mut self, need: &Need, origin: &Origin) {
        let (key, firm) = (need.id().as_str(), need.firm().as_str());
        let mut found = Vec::new();
        self.references.need(key, firm, origin, &mut found);
        self.add_problems(found);
        self.flows_of(firm).needs += 1;
        self.overview.total.needs += 1;
    }

    fn add_problems(&mut self, found: Vec<ImportProblem>) {
        for problem in found {
            self.add_problem(problem);
        }
    }

    fn flows_of(&mut self, firm: &str) -> &mut Counts {
        self.flows_by_firm.get_or_insert(firm, Counts::default)
    }
}

impl Collect for OverviewReader<'_> {
    fn add_firm(&mut self, firm: Located<Firm>) {
        self.firm(&firm.value, &firm.origin);
        keep_first(&mut self.overview.first_firms, firm.value);
    }

    fn add_offer(&mut self, offer: Located<Offer>) {
        self.offer(&offer.value, &offer.origin);
        keep_first(&mut self.overview.first_offers, offer.value);
    }

    fn add_need(&mut self, need: Located<Need>) {
        self.need(&need.value, &need.origin);
        keep_first(&mut self.overview.first_needs, need.value);
    }

    fn set_parameters(&mut self, _: Located<Parameters>) {
        self.overview.has_parameters = true;
    }

    fn add_refused_firm(&mut self, id: String) {
        self.references.refused_firm(&id);
    }

    fn add_problem(&mut self, problem: ImportProblem) {
        self.problem_total += 1;
        if self.problems.len() < KEPT_PROBLEMS {
            self.problems.push(problem);
        }
    }
}

fn first<T: Clone>(all: &[T]) -> Vec<T> {
    all.iter().take(FIRST_ROWS).cloned().collect()
}

fn keep_first<T>(first: &mut Vec<T>, value: T) {
    if first.len() < FIRST_ROWS {
        first.push(value);
    }
}
