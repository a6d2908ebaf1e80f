//! Known answers for the material search.
use super::*;

fn codes(query: &str, language: SearchLanguage, limit: usize) -> Vec<&'static str> {
    search_materials(query, language, limit)
        .iter()
        .map(|hit| hit.material.code())
        .collect()
}

fn dutch(query: &str) -> Vec<&'static str> {
    codes(query, SearchLanguage::Dutch, 10)
}

fn top3(query: &str) -> Vec<&'static str> {
    codes(query, SearchLanguage::Dutch, 3)
}

#[test]
fn karton_finds_cardboard_packaging_first() {
    assert_eq!(dutch("karton")[0], "15 01 01");
    assert_eq!(dutch("Karton")[0], "15 01 01");
}

#[test]
fn koffiedik_finds_food_residues() {
    let top = top3("koffiedik");
    assert!(
        top.contains(&"02 03 04") || top.contains(&"20 01 08"),
        "{top:?}"
    );
}

#[test]
fn eierschalen_finds_eggshells_first() {
    assert_eq!(dutch("eierschalen")[0], "02 02 03");
    assert_eq!(
        codes("eggshells", SearchLanguage::English, 5)[0],
        "02 02 03"
    );
}

#[test]
fn steel_turnings_are_found_as_one_or_two_words() {
    for query in ["staal krullen", "staalkrullen", "Staal-krullen", "draaisel"] {
        assert!(
            top3(query).contains(&"12 01 01"),
            "{query}: {:?}",
            dutch(query)
        );
    }
}

#[test]
fn unknown_compounds_are_split() {
    // Not in the synonym table: the halves are found separately.
    assert_eq!(dutch("messingkrullen")[0], "12 01 03");
    assert_eq!(dutch("kunststofkrullen")[0], "12 01 05");
}

#[test]
fn restwarmte_finds_the_heat_resources() {
    let hits = search_materials("restwarmte", SearchLanguage::Dutch, 10);
    let heat = [Resource::HeatLow, Resource::HeatMedium, Resource::HeatHigh];
    assert_eq!(hits.len(), 3);
    for (hit, resource) in hits.iter().zip(heat) {
        assert_eq!(hit.material, Material::Resource(resource));
        assert!(hit.label.starts_with("Restwarmte"));
    }
    assert_eq!(dutch("stoom")[0], "steam");
    assert_eq!(
        codes("waste heat", SearchLanguage::English, 3)[0],
        "heat-low"
    );
}

#[test]
fn a_hit_names_the_everyday_term_that_found_it() {
    let hits = search_materials("koffiedik", SearchLanguage::Dutch, 3);
    assert_eq!(hits[0].term.as_deref(), Some("koffiedik"));
    let hits = search_materials("oude jute zakken", SearchLanguage::Dutch, 3);
    assert_eq!(hits[0].term.as_deref(), Some("jute zakken"));
    let hits = search_materials("fermentatie", SearchLanguage::Dutch, 3);
    assert_eq!(hits[0].term, None, "found through the legal text only");
}

#[test]
fn english_cardboard_finds_cardboard_packaging_with_english_label() {
    let hits = search_materials("cardboard", SearchLanguage::English, 5);
    assert_eq!(hits[0].material.code(), "15 01 01");
    assert_eq!(hits[0].label, "Paper and cardboard packaging");
    assert!(hits[0].context.starts_with("Packaging"));
    let dutch_hits = search_materials("cardboard", SearchLanguage::Dutch, 5);
    assert_eq!(dutch_hits[0].label, "Papieren en kartonnen verpakking");
}

#[test]
fn used_oil_is_flagged_hazardous() {
    let hits = search_materials("afgewerkte olie", SearchLanguage::Dutch, 5);
    assert_eq!(hits[0].material.code(), "13 02 05*");
    assert!(hits[0].hazardous);
    assert!(
        !dutch("afgewerkte").is_empty(),
        "a phrase being typed still matches"
    );
    assert!(!search_materials("karton", SearchLanguage::Dutch, 1)[0].hazardous);
}

#[test]
fn soil_is_flagged_as_mirror_entry() {
    let hits = search_materials("grond", SearchLanguage::Dutch, 5);
    assert_eq!(hits[0].material.code(), "17 05 04");
    assert_eq!(hits[1].material.code(), "17 05 03*");
    assert!(hits[0].mirror && !hits[0].hazardous);
    assert!(hits[1].mirror && hits[1].hazardous);
    assert!(!search_materials("oliefilters", SearchLanguage::Dutch, 1)[0].mirror);
}

#[test]
fn case_and_accents_are_ignored() {
    assert_eq!(dutch("kooldioxide"), dutch("KOOLDIOXÍDE"));
    assert_eq!(dutch("kooldioxíde"), ["co2"]);
    assert_eq!(dutch("CO₂")[0], "co2");
    assert_eq!(dutch("accu's")[0], "16 06 01*");
}

#[test]
fn empty_and_nonsense_queries_find_nothing() {
    for query in ["", "   ", "xyzzy", "karton qwrtzp", "-- !!", "de het"] {
        assert!(dutch(query).is_empty(), "{query}: {:?}", dutch(query));
    }
}

#[test]
fn limit_is_respected() {
    assert_eq!(dutch("afval").len(), 10);
    assert_eq!(codes("verpakking", SearchLanguage::Dutch, 3).len(), 3);
    assert!(codes("verpakking", SearchLanguage::Dutch, 0).is_empty());
}

#[test]
fn order_is_deterministic_with_ties_in_catalogue_order() {
    let first = search_materials("verpakking", SearchLanguage::Dutch, 50);
    assert_eq!(
        first,
        search_materials("verpakking", SearchLanguage::Dutch, 50)
    );
    for pair in first.windows(2) {
        let position = |hit: &MaterialHit| {
            Catalogue::get()
                .index_of(&hit.material.code().replace([' ', '*'], ""))
                .unwrap_or(usize::MAX)
        };
        assert!(
            pair[0].score > pair[1].score
                || (pair[0].score == pair[1].score && position(&pair[0]) < position(&pair[1]))
        );
    }
}

#[test]
fn dutch_label_falls_back_to_english() {
    let hits = search_materials("mercury", SearchLanguage::Dutch, 10);
    let metallic = hits
        .iter()
        .find(|h| h.material.code() == "16 03 07*")
        .unwrap();
    assert_eq!(metallic.label, "Metallic mercury");
}

#[test]
fn a_code_lists_the_codes_under_it() {
    assert_eq!(codes("15 01", SearchLanguage::Dutch, 50).len(), 10);
    assert_eq!(dutch("020203"), ["02 02 03"]);
}

#[test]
fn typing_the_start_of_a_word_already_finds_it() {
    assert!(
        top3("koffie").contains(&"02 03 04"),
        "{:?}",
        dutch("koffie")
    );
    assert_eq!(dutch("eierscha")[0], "02 02 03");
}

#[test]
fn pallets_find_wooden_packaging_and_not_palletising() {
    let hits = dutch("pallets");
    assert_eq!(hits[0], "15 01 03");
    for hit in search_materials("pallets", SearchLanguage::Dutch, 50) {
        assert!(
            !hit.label.to_lowercase().contains("palletiseren"),
            "{}",
            hit.label
        );
        assert!(
            !hit.context.to_lowercase().contains("palletiseren"),
            "{}",
            hit.context
        );
    }
}

#[test]
fn plural_and_singular_find_the_same_entry_through_their_stem() {
    assert_eq!(dutch("bloempot")[0], dutch("bloempotten")[0]);
    // Not in the vocabulary: the Dutch stem of `oliefilter` meets the text's `oliefilters`.
    assert_eq!(dutch("remblok")[0], "16 01 12");
    assert_eq!(
        codes("brake pad", SearchLanguage::English, 3)[0],
        "16 01 12"
    );
}

#[test]
fn whole_words_rank_before_words_that_only_start_with_the_query() {
    // `beton` is a whole word of 17 01 01 and only the start of `betonafval` (10 13 14).
    let hits = search_materials("beton", SearchLanguage::Dutch, 10);
    assert_eq!(hits[0].material.code(), "17 01 01");
    // `glas`: a whole word in the description beats `glasvezel`-like prefixes.
    let text_only = search_materials("kwik", SearchLanguage::Dutch, 20);
    let first_prefix_only = text_only
        .iter()
        .position(|h| !words_of(&h.label).iter().any(|w| w == "kwik"))
        .unwrap_or(text_only.len());
    assert!(
        text_only[..first_prefix_only]
            .iter()
            .all(|h| words_of(&h.label).iter().any(|w| w == "kwik")),
        "{text_only:?}"
    );
}

#[test]
fn a_compound_holding_a_vocabulary_term_is_found() {
    assert!(
        top3("koffiedikresten").contains(&"02 03 04"),
        "{:?}",
        dutch("koffiedikresten")
    );
    assert!(
        top3("pallethout").contains(&"15 01 03"),
        "{:?}",
        dutch("pallethout")
    );
}

#[test]
fn amounts_and_qualifiers_do_not_block_a_match() {
    assert_eq!(dutch("oude pallets")[0], "15 01 03");
    assert_eq!(dutch("20 ton koffiedik")[0], dutch("koffiedik")[0]);
    assert_eq!(
        codes("used cooking oil", SearchLanguage::English, 3)[0],
        "20 01 25"
    );
    assert!(dutch("oude").len() <= dutch("afval").len());
}

#[test]
fn repaired_dutch_legal_texts_have_no_broken_words() {
    for entry in Catalogue::get().entries() {
        for text in [
            &entry.chapter_nl,
            &entry.sub_chapter_nl,
            &entry.description_nl,
        ] {
            assert!(!text.contains("fer-mentatie"), "{}: {text}", entry.code);
            assert!(!text.ends_with("hydrometallu"), "{}: {text}", entry.code);
        }
    }
    assert!(
        top3("fermentatie").contains(&"02 03 01"),
        "{:?}",
        dutch("fermentatie")
    );
}
