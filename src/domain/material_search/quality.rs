//! The search-quality set: everyday queries of small firms with the code a good search puts in
//! its top three (`fixtures/material-search-queries.csv`).
//!
//! The test prints every miss and the hit rate, fails below [`MIN_HIT_RATE`], and fails when a
//! query marked `must_pass` misses.
use super::*;

const QUERIES_CSV: &str = include_str!("../../../fixtures/material-search-queries.csv");

/// The share of queries with an expected code in the top three below which the test fails.
const MIN_HIT_RATE: f64 = 0.95;
/// How many hits count as found: the material picker shows these without scrolling.
const TOP: usize = 3;

struct Case {
    query: String,
    language: SearchLanguage,
    /// Any of these codes in the top three counts as a hit.
    expected: Vec<String>,
    must_pass: bool,
}

fn cases() -> Vec<Case> {
    let mut reader = csv::Reader::from_reader(QUERIES_CSV.as_bytes());
    reader
        .records()
        .map(|record| {
            let record = record.expect("the query set is well-formed CSV");
            let language = match &record[1] {
                "nl" => SearchLanguage::Dutch,
                "en" => SearchLanguage::English,
                other => panic!("{}: unknown language {other}", &record[0]),
            };
            Case {
                query: record[0].to_string(),
                language,
                expected: record[2].split('|').map(str::to_string).collect(),
                must_pass: &record[3] == "yes",
            }
        })
        .collect()
}

#[test]
fn everyday_queries_find_the_expected_code_in_the_top_three() {
    let cases = cases();
    assert!(cases.len() >= 80, "the set needs at least 80 queries");
    let mut misses = Vec::new();
    for case in &cases {
        let top: Vec<&str> = search_materials(&case.query, case.language, TOP)
            .iter()
            .map(|hit| hit.material.code())
            .collect();
        if !case
            .expected
            .iter()
            .any(|code| top.contains(&code.as_str()))
        {
            misses.push((case, top));
        }
    }
    for (case, top) in &misses {
        println!(
            "miss: {:?} expected {:?}, got {top:?}",
            case.query, case.expected
        );
    }
    let rate = 1.0 - misses.len() as f64 / cases.len() as f64;
    println!(
        "search quality: {} of {} queries hit ({:.1} %)",
        cases.len() - misses.len(),
        cases.len(),
        rate * 100.0
    );
    let must: Vec<&str> = misses
        .iter()
        .filter(|(case, _)| case.must_pass)
        .map(|(case, _)| case.query.as_str())
        .collect();
    assert!(must.is_empty(), "must-pass queries missed: {must:?}");
    assert!(
        rate >= MIN_HIT_RATE,
        "hit rate {rate:.3} below {MIN_HIT_RATE}"
    );
}

#[test]
fn every_expected_code_exists() {
    for case in cases() {
        for code in &case.expected {
            let material = Material::parse(code).unwrap_or_else(|e| panic!("{code}: {e}"));
            assert_eq!(
                material.code(),
                code,
                "{}: write the official spelling",
                case.query
            );
        }
    }
}
