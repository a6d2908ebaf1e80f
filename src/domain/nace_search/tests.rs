//! Known answers for the sector search and the catalogue's integrity.
use super::*;

fn codes(query: &str, limit: usize) -> Vec<String> {
    search(query, limit)
        .into_iter()
        .map(|hit| hit.code)
        .collect()
}

fn top(query: &str, n: usize) -> Vec<String> {
    codes(query, n)
}

#[test]
fn bakkerij_finds_food_manufacturing_among_the_first_three() {
    assert!(top("bakkerij", 3).contains(&"C10".to_string()));
    assert_eq!(top("Bakkerijen", 1), ["C10"]);
}

#[test]
fn koffie_includes_food_manufacturing_for_coffee_roasters() {
    assert!(codes("koffie", 10).contains(&"C10".to_string()));
}

#[test]
fn brouwerij_finds_beverages_first() {
    assert_eq!(top("brouwerij", 1), ["C11"]);
    assert_eq!(top("brewery", 1), ["C11"]);
}

#[test]
fn metaal_includes_basic_metals_and_metal_products() {
    let found = codes("metaal", 10);
    assert!(found.contains(&"C24".to_string()), "{found:?}");
    assert!(found.contains(&"C25".to_string()), "{found:?}");
}

#[test]
fn garage_finds_motor_trade_first() {
    assert_eq!(top("garage", 1), ["G45"]);
    assert_eq!(top("autogarage", 1), ["G45"]);
}

#[test]
fn afval_finds_waste_collection_first() {
    assert_eq!(top("afval", 1), ["E38"]);
}

#[test]
fn a_code_comes_first() {
    assert_eq!(top("C25", 1), ["C25"]);
    assert_eq!(top("c25.62", 1), ["C25"]);
    assert_eq!(top("25", 1), ["C25"]);
    assert_eq!(top("10.83", 1), ["C10"]);
}

#[test]
fn a_section_letter_lists_the_section_then_its_divisions() {
    let found = codes("C", 30);
    assert_eq!(found[0], "C");
    assert_eq!(found.len(), 25, "{found:?}");
    assert!(found[1..].iter().all(|code| code.starts_with('C')));
}

#[test]
fn zorg_includes_all_three_care_divisions() {
    let found = codes("zorg", 10);
    for code in ["Q86", "Q87", "Q88"] {
        assert!(found.contains(&code.to_string()), "{code} in {found:?}");
    }
}

#[test]
fn everyday_words_find_their_sector() {
    let cases = [
        ("transport", "H49"),
        ("bouw", "F41"),
        ("kunststof", "C22"),
        ("drukkerij", "C18"),
        ("restaurant", "I56"),
        ("kantine", "I56"),
        ("sloop", "F43"),
        ("installateur", "F43"),
        ("ziekenhuis", "Q86"),
        ("verpleeghuis", "Q87"),
        ("draaierij", "C25"),
        ("trucking", "H49"),
    ];
    for (query, code) in cases {
        assert!(
            top(query, 3).contains(&code.to_string()),
            "{query} → {code}: {:?}",
            top(query, 3)
        );
    }
}

#[test]
fn search_ignores_case_accents_and_filler_words() {
    assert_eq!(top("CAFÉ", 1), ["I56"]);
    assert_eq!(top("cafe", 1), ["I56"]);
    assert_eq!(top("de brouwerij bv", 1), ["C11"]);
}

#[test]
fn every_query_word_must_match() {
    assert_eq!(top("bakkerij brood", 1), ["C10"]);
    assert!(codes("bakkerij xyzzyq", 10).is_empty());
}

#[test]
fn nonsense_and_empty_queries_find_nothing() {
    assert!(codes("xyzzyq", 10).is_empty());
    assert!(codes("", 10).is_empty());
    assert!(codes("   ", 10).is_empty());
    assert!(codes("de het", 10).is_empty());
    assert!(codes("A25", 10).is_empty());
}

#[test]
fn results_are_deterministic_and_limited() {
    assert_eq!(search("metaal", 5), search("metaal", 5));
    assert_eq!(codes("metaal", 2).len(), 2);
}

#[test]
fn the_catalogue_has_every_section_and_division_once() {
    let sections = catalogue().filter(|entry| entry.is_section()).count();
    let divisions = catalogue().filter(|entry| !entry.is_section()).count();
    assert_eq!((sections, divisions), (21, 88));
    let mut all: Vec<&str> = catalogue().map(|entry| entry.code).collect();
    all.sort_unstable();
    all.dedup();
    assert_eq!(all.len(), 109);
}

#[test]
fn every_code_parses_and_sits_in_its_nace_section() {
    for entry in catalogue() {
        let parsed = NaceCode::parse(entry.code)
            .unwrap_or_else(|problem| panic!("{}: {problem:?}", entry.code));
        assert_eq!(parsed.as_str(), entry.code);
        assert!(
            !entry.name_nl.is_empty() && !entry.name_en.is_empty(),
            "{}",
            entry.code
        );
    }
    // Every division follows its own section in the catalogue, so grouping was right too.
    let mut section = ' ';
    for entry in catalogue() {
        if entry.is_section() {
            section = parsed_section(entry.code);
        } else {
            assert_eq!(parsed_section(entry.code), section, "{}", entry.code);
        }
    }
}

fn parsed_section(code: &str) -> char {
    NaceCode::parse(code).expect("valid").section()
}

#[test]
fn names_give_section_division_and_the_division_of_a_class() {
    assert_eq!(names("C"), Some(("Industrie", "Manufacturing")));
    assert_eq!(
        names("C10").map(|n| n.1),
        Some("Manufacture of food products")
    );
    assert_eq!(names("c25.62"), names("C25"));
    assert_eq!(
        names("C10.83").map(|n| n.0),
        Some("Vervaardiging van voedingsmiddelen")
    );
    assert_eq!(names("C45"), None);
    assert_eq!(names(""), None);
}
