//! Reading into an overview (a preview of a large upload) finds exactly the problems a full
//! read finds, and counts what a full read would import.

use symbiose::bulk::{OverviewReader, read_in_memory};

use super::*;

const COMPANIES: &str = "id,name,lat,lon,employees,municipality,nace\n\
    C1,Bakkerij,51.25,5.70,12,Weert,C10.71\n\
    C2,Brouwerij,51.25,5.70,8,Nederweert,C11.05\n\
    C1,Bakkerij again,51.25,5.70,12,Weert,C10.71\n\
    C3,Slagerij,200,5.71,4,Weert,C10.11\n";

/// Offers read before the companies they name: some of C1, one of the refused C3, one of a
/// firm in the database, one of a firm found nowhere, and an id used twice.
const OFFERS: &str = "id,company,material,quantity_per_year,disposal_cost_eur_per_unit\n\
    O1,C1,02 03 04,40,45\n\
    O2,C3,02 03 04,5,10\n\
    O3,OLD,02 03 04,5,10\n\
    O4,NOBODY,02 03 04,5,10\n\
    O1,C2,02 03 04,5,10\n\
    TAKEN,C2,02 03 04,5,10\n";

fn files(list: &[(&str, &str)]) -> Vec<(String, Vec<u8>)> {
    list.iter()
        .map(|(name, text)| (name.to_string(), text.as_bytes().to_vec()))
        .collect()
}

fn existing() -> ExistingKeys {
    let mut existing = ExistingKeys::default();
    existing.firms.insert("OLD".into());
    existing.offers.insert("TAKEN".into());
    existing
}

fn sorted(problems: &[ImportProblem]) -> Vec<String> {
    let mut lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    lines.sort();
    lines
}

#[test]
fn an_overview_finds_the_problems_a_full_read_finds_whatever_the_order_of_the_files() {
    let existing = existing();
    let files = files(&[("offers.csv", OFFERS), ("companies.csv", COMPANIES)]);
    let full = read_in_memory(&files, &existing, today()).unwrap_err();
    let mut reader = OverviewReader::new(&existing);

    for (name, bytes) in &files {
        reader.read(name, bytes, today());
    }
    let refused = reader.finish().unwrap_err();

    assert_eq!(refused.total, full.len());
    assert_eq!(sorted(&refused.problems), sorted(&full));
    let lines = sorted(&full).join("\n");
    for expected in [
        "companies.csv:4: id: firm \"C1\" appears twice (first at companies.csv:2)",
        "companies.csv:5: lat:",
        "offers.csv:5: company: \"NOBODY\" is not a known company id",
        "offers.csv:6: id: offer \"O1\" appears twice (first at offers.csv:2)",
        "offers.csv:7: id: offer \"TAKEN\" exists already in the database",
    ] {
        assert!(lines.contains(expected), "{expected} not in\n{lines}");
    }
    assert!(!lines.contains("\"C3\" is not a known company"), "{lines}");
}

#[test]
fn an_overview_counts_what_a_full_read_would_import_by_place() {
    let existing = existing();
    let companies = "id,name,lat,lon,employees,municipality,nace\n\
        C1,Bakkerij,51.25,5.70,12,Weert,C10.71\n\
        C2,Brouwerij,51.25,5.70,8,Nederweert,\n";
    let offers = "id,company,material,quantity_per_year,disposal_cost_eur_per_unit\n\
        O1,C1,02 03 04,40,45\n\
        O2,C1,02 03 04,5,10\n\
        O3,OLD,02 03 04,5,10\n";
    let files = files(&[("offers.csv", offers), ("companies.csv", companies)]);
    let region = read_in_memory(&files, &existing, today()).unwrap();
    let mut reader = OverviewReader::new(&existing);

    for (name, bytes) in &files {
        reader.read(name, bytes, today());
    }
    let overview = reader.finish().unwrap();

    assert_eq!(overview.total.firms, region.firms.len());
    assert_eq!(overview.total.offers, region.offers.len());
    assert_eq!(overview.first_firms, region.firms);
    assert_eq!(overview.first_offers, region.offers);
    let by_place: Vec<(String, Option<char>, usize, usize)> = overview
        .by_place
        .iter()
        .map(|((m, s), c)| (m.clone(), *s, c.firms, c.offers))
        .collect();
    assert_eq!(
        by_place,
        [
            ("Nederweert".to_string(), None, 1, 0),
            ("Weert".to_string(), Some('C'), 1, 2),
        ]
    );
    let outside: Vec<(&str, usize)> = overview
        .by_outside_firm
        .iter()
        .map(|(firm, c)| (firm.as_str(), c.offers))
        .collect();
    assert_eq!(outside, [("OLD", 1)]);
}
