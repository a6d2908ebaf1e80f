//! The matching-quality benchmark (issue #11 item 6): `cargo bench --bench matching_quality`.
//! Judges the 176 labelled pairs of `fixtures/matching_quality/` with the code-only matcher
//! and the fit matcher and prints precision@5, nDCG@10, recall of the good pairs, the
//! same-code trap rate and legal false positives and negatives. Quality, not speed: the
//! figures are exact and the same on every machine.

use symbiose::domain::matching_quality::Dataset;
use symbiose::matching::quality::{Matcher, Scores, evaluate};

fn main() {
    let dataset = match Dataset::load() {
        Ok(dataset) => dataset,
        Err(problems) => {
            eprintln!("the benchmark set does not load:\n{}", problems.join("\n"));
            std::process::exit(1);
        }
    };
    println!(
        "{} labelled pairs ({} good), {} offers, {} needs",
        dataset.pairs.len(),
        dataset.pairs.iter().filter(|p| p.good).count(),
        dataset.offers.len(),
        dataset.needs.len()
    );
    println!(
        "{:<10} {:>8} {:>8} {:>12} {:>11} {:>9} {:>9}",
        "matcher", "P@5", "nDCG@10", "good found", "trap rate", "legal FP", "legal FN"
    );
    for (name, matcher) in [("code-only", Matcher::CodeOnly), ("fit", Matcher::Fit)] {
        row(name, &evaluate(&dataset, matcher));
    }
}

fn row(name: &str, scores: &Scores) {
    println!(
        "{:<10} {:>8.3} {:>8.3} {:>12} {:>11} {:>9} {:>9}",
        name,
        scores.precision_at_5,
        scores.ndcg_at_10,
        format!("{}/{}", scores.good_proposed, scores.good),
        format!(
            "{}/{} {:.0}%",
            scores.traps_proposed,
            scores.traps,
            100.0 * scores.trap_rate()
        ),
        scores.legal_false_positives.len(),
        scores.legal_false_negatives.len()
    );
}
