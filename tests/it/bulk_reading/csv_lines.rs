//! Problems in CSV files are placed at the line a spreadsheet or an editor shows, whatever the
//! line endings and however many lines a quoted cell spans.

use super::*;

const COMPANY_HEADER: &str = "id,name,lat,lon,nace,employees,municipality,address";

/// Lines joined with `ending`, with one after the last line too.
fn joined(lines: &[&str], ending: &str) -> String {
    lines.iter().map(|line| format!("{line}{ending}")).collect()
}

fn problem_places(batch: &Batch) -> Vec<String> {
    batch
        .problems
        .iter()
        .map(|p| format!("{}:{}", p.origin.place, p.field))
        .collect()
}

#[test]
fn a_problem_in_a_crlf_companies_csv_is_reported_at_its_line() {
    let text = joined(
        &[
            COMPANY_HEADER,
            "C1,Bakkerij,51.25,5.70,C10.71,12,Weert,Markt 1",
            "C2,Brouwerij,200,5.70,C11.05,8,Weert,Markt 2",
            "C3,Slagerij,51.26,5.71,C10.11,4,Weert,Markt 3",
        ],
        "\r\n",
    );

    let batch = read_csv("companies.csv", &text, today());

    assert_eq!(problem_places(&batch), ["3:lat"]);
    let places: Vec<&str> = batch
        .firms
        .iter()
        .map(|f| f.origin.place.as_str())
        .collect();
    assert_eq!(places, ["2", "4"]);
}

#[test]
fn crlf_and_lf_files_place_every_record_on_the_same_lines() {
    let lines = [
        COMPANY_HEADER,
        "C1,\"Bakkerij\r\nde Korenbloem\",51.25,5.70,C10.71,12,Weert,Markt 1",
        "C2,Brouwerij,51.25,5.70,C11.05,8,Weert,\"Markt 2\r\n\r\nachterom\"",
        "C3,Slagerij,51.26,5.71,C10.11,-4,Weert,Markt 3",
        "C4,Visserij,51.27,5.72,C10.20,4,Weert,Markt 4",
    ];
    let crlf = joined(&lines, "\r\n");
    let lf = joined(&lines, "\n").replace("\r\n", "\n");

    let from_crlf = read_csv("companies.csv", &crlf, today());
    let from_lf = read_csv("companies.csv", &lf, today());

    for batch in [&from_crlf, &from_lf] {
        assert_eq!(problem_places(batch), ["7:employees"]);
        let places: Vec<&str> = batch
            .firms
            .iter()
            .map(|f| f.origin.place.as_str())
            .collect();
        assert_eq!(places, ["2", "4", "8"]);
    }
}

#[test]
fn a_row_with_too_many_cells_in_a_crlf_file_is_reported_at_its_line() {
    let text = joined(
        &[
            COMPANY_HEADER,
            "C1,Bakkerij,51.25,5.70,C10.71,12,Weert,Markt 1",
            "C2,Brouwerij,51.25,5.70,C11.05,8,Weert,Markt 2",
            "C3,Slagerij,51.26,5.71,C10.11,4,Weert,Markt 3,extra",
        ],
        "\r\n",
    );

    let batch = read_csv("companies.csv", &text, today());

    assert_eq!(problem_places(&batch), ["4:row"]);
}

#[test]
fn a_file_with_only_carriage_returns_counts_them_as_line_ends() {
    let text = joined(
        &[
            COMPANY_HEADER,
            "C1,Bakkerij,51.25,5.70,C10.71,12,Weert,Markt 1",
            "C2,Brouwerij,200,5.70,C11.05,8,Weert,Markt 2",
        ],
        "\r",
    );

    let batch = read_csv("companies.csv", &text, today());

    assert_eq!(problem_places(&batch), ["3:lat"]);
}
