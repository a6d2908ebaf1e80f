//! CSV files are opened in spreadsheets: text that a spreadsheet would run as a formula is
//! written with a quote in front (OWASP's advice against CSV injection), numbers are written
//! as numbers, and reading a file undoes the quote, so exports still import to the same region.

use super::*;

const HYPERLINK: &str = "=HYPERLINK(\"http://x\",\"y\")";

/// A region whose text starts with every character a spreadsheet reads as a formula.
fn hostile_region() -> Region {
    let firm = with(company("@home"), "name", json!(HYPERLINK));
    let firm = with(firm, "municipality", json!("+Weert"));
    let firm = with(firm, "address", json!("-Markt 1"));
    let eggs = with(offer("=O1", "@home"), "description", json!("@SUM(1)"));
    let eggs = with(eggs, "disposal_cost_eur_per_t", json!(-5.0));
    let shells = with(
        offer("O2", "@home"),
        "description",
        json!("'=already quoted"),
    );
    let lime = with(need("N1", "@home"), "description", json!("+31 6 1234 5678"));
    let mut region = region_of(read_json(&instance(
        vec![firm],
        vec![eggs, shells],
        vec![lime],
    )));
    region.meta = None; // CSV has no place for provenance
    region.parameters = Some(Default::default()); // parameters.csv always holds some
    region
}

/// The cells of a written file by column name, one map per row.
fn rows_of(path: &std::path::Path) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = ::csv::Reader::from_path(path).expect("a written file");
    let headers = reader.headers().expect("a header").clone();
    reader
        .records()
        .map(|record| {
            let record = record.expect("a record");
            headers
                .iter()
                .zip(record.iter())
                .map(|(h, c)| (h.to_string(), c.to_string()))
                .collect()
        })
        .collect()
}

fn read_dir(dir: &std::path::Path) -> Batch {
    let mut batch = Batch::default();
    for name in ["companies.csv", "offers.csv", "needs.csv", "parameters.csv"] {
        let text = std::fs::read_to_string(dir.join(name)).expect("written file");
        let part = read_csv(name, &text, today());
        batch.firms.extend(part.firms);
        batch.offers.extend(part.offers);
        batch.needs.extend(part.needs);
        batch.problems.extend(part.problems);
        batch.parameters = batch.parameters.or(part.parameters);
    }
    batch
}

#[test]
fn text_a_spreadsheet_would_run_as_a_formula_is_written_with_a_quote_in_front() {
    let dir = tempfile::tempdir().expect("temporary directory");

    write_csv_dir(&hostile_region(), dir.path()).expect("write the four files");

    let firm = &rows_of(&dir.path().join("companies.csv"))[0];
    assert_eq!(firm["id"], "'@home");
    assert_eq!(firm["name"], format!("'{HYPERLINK}"));
    assert_eq!(firm["municipality"], "'+Weert");
    assert_eq!(firm["address"], "'-Markt 1");
    let offers = rows_of(&dir.path().join("offers.csv"));
    assert_eq!(offers[0]["id"], "'=O1");
    assert_eq!(offers[0]["company"], "'@home");
    assert_eq!(offers[0]["description"], "'@SUM(1)");
    assert_eq!(offers[1]["description"], "''=already quoted");
    let needs = rows_of(&dir.path().join("needs.csv"));
    assert_eq!(needs[0]["description"], "'+31 6 1234 5678");
}

#[test]
fn numbers_stay_numbers_even_when_negative() {
    let dir = tempfile::tempdir().expect("temporary directory");

    write_csv_dir(&hostile_region(), dir.path()).expect("write the four files");

    let offers = rows_of(&dir.path().join("offers.csv"));
    assert_eq!(offers[0]["disposal_cost_eur_per_unit"], "-5");
    assert_eq!(offers[0]["quantity_per_year"], "10");
    let firm = &rows_of(&dir.path().join("companies.csv"))[0];
    assert_eq!(firm["lat"], "51.25");
}

#[test]
fn quoted_formulas_read_back_to_the_text_that_was_written() {
    let region = hostile_region();
    let (first, second) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());

    write_csv_dir(&region, first.path()).expect("write the four files");
    let again = region_of(read_dir(first.path()));
    write_csv_dir(&again, second.path()).expect("write them again");

    assert_eq!(again, region);
    assert_eq!(again.firms[0].name(), HYPERLINK);
    assert_eq!(again.offers[1].description(), "'=already quoted");
    for name in ["companies.csv", "offers.csv", "needs.csv", "parameters.csv"] {
        assert_eq!(
            std::fs::read_to_string(first.path().join(name)).unwrap(),
            std::fs::read_to_string(second.path().join(name)).unwrap(),
            "{name} differs after a round trip"
        );
    }
}

#[test]
fn a_quote_before_a_number_is_not_taken_for_an_escaped_formula() {
    let text = "id,company,material,quantity_per_year,disposal_cost_eur_per_unit\n\
                O1,C1,02 02 03,10,'-5\n";

    let batch = read_csv("offers.csv", text, today());

    let lines: Vec<String> = batch.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        ["offers.csv:2: disposal_cost_eur_per_unit: \"'-5\" is not a number"]
    );
}
