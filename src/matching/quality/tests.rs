use super::*;

fn dataset() -> Dataset {
    Dataset::load().unwrap_or_else(|problems| panic!("{}", problems.join("\n")))
}

#[test]
fn precision_and_ndcg_have_their_textbook_values() {
    assert_eq!(
        precision_at(&[true, false, true, false, false, true], 5),
        0.4
    );
    assert_eq!(precision_at(&[true, false], 5), 0.5);
    assert_eq!(precision_at(&[], 5), 0.0);
    assert_eq!(ndcg_at(&[true, true], 2, 10), 1.0);
    // One good pair at rank 2 of 2: (1/log2 3) / (1/log2 2).
    let expected = 1.0 / 3f64.log2();
    assert!((ndcg_at(&[false, true], 1, 10) - expected).abs() < 1e-12);
    assert_eq!(ndcg_at(&[false, false], 1, 10), 0.0);
}

#[test]
fn every_town_of_the_set_has_coordinates() {
    let places = places();
    let dataset = dataset();
    let towns = dataset
        .offers
        .values()
        .map(|o| &o.place)
        .chain(dataset.needs.values().map(|n| &n.place));
    for town in towns {
        assert!(places.contains_key(town), "{town} is missing in places.csv");
    }
}

#[test]
fn the_code_only_matcher_falls_into_every_trap() {
    let scores = evaluate(&dataset(), Matcher::CodeOnly);
    assert_eq!(scores.traps_proposed, scores.traps);
    assert!(!scores.legal_false_positives.is_empty());
}

#[test]
fn the_fit_matcher_avoids_every_trap_and_every_legal_error_and_ranks_better() {
    let dataset = dataset();
    let code_only = evaluate(&dataset, Matcher::CodeOnly);
    let fit = evaluate(&dataset, Matcher::Fit);
    assert_eq!(fit.traps_proposed, 0, "trap rate {}", fit.trap_rate());
    assert_eq!(fit.legal_false_positives, Vec::<String>::new());
    assert_eq!(fit.legal_false_negatives, Vec::<String>::new());
    assert!(
        fit.precision_at_5 > code_only.precision_at_5,
        "fit {:.3} vs code-only {:.3}",
        fit.precision_at_5,
        code_only.precision_at_5
    );
    assert!(fit.ndcg_at_10 > code_only.ndcg_at_10);
}

#[test]
fn judging_is_deterministic() {
    let dataset = dataset();
    assert_eq!(
        evaluate(&dataset, Matcher::Fit),
        evaluate(&dataset, Matcher::Fit)
    );
}
