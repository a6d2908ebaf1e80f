//! `/data`: the coordinator's import and export. An upload is checked and shown as a preview
//! (or as every problem found, with its file and place) before anything is written.

mod preview;

use maud::{Markup, Render, html};

pub use preview::{AddedPage, PreviewPage, Summary, added_page, preview_page};

use super::layout::{self, Viewer};
use crate::bulk::{ImportProblem, KEPT_PROBLEMS, Refused};
use crate::i18n::{Lang, number};
use crate::t;

/// The largest upload, in megabytes, as the page states it.
pub const UPLOAD_LIMIT_MB: usize = 50;

/// What the upload page says above its form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A preview was cancelled; nothing was written.
    Cancelled,
    /// The upload was refused as a whole; the message is translated already.
    Refused(String),
}

/// What the upload page shows.
pub struct DataPage<'a> {
    pub viewer: Viewer,
    pub csrf: &'a str,
    pub notice: Option<Notice>,
    /// The problems of the files just uploaded, when there were any.
    pub refused: Option<&'a Refused>,
}

/// The upload form, the problems of a refused upload, and the exports.
pub fn page(view: &DataPage<'_>) -> Markup {
    let lang = view.viewer.lang;
    layout::page(
        &t!(lang, "data-title"),
        &view.viewer,
        html! {
            h1 { (t!(lang, "data-heading")) }
            p.lead { (t!(lang, "data-lead")) }
            @match &view.notice {
                Some(Notice::Cancelled) => p.status role="status" { (t!(lang, "data-cancelled")) },
                Some(Notice::Refused(message)) => p.error role="alert" { (message) },
                None => {},
            }
            @if let Some(refused) = view.refused {
                (ProblemTable { lang, refused, heading: t!(lang, "data-upload-refused") })
            }
            (UploadForm { lang, csrf: view.csrf })
            (exports(lang))
        },
    )
}

struct UploadForm<'a> {
    lang: Lang,
    csrf: &'a str,
}

impl Render for UploadForm<'_> {
    fn render(&self) -> Markup {
        let lang = self.lang;
        html! {
            section.data-import {
                h2 { (t!(lang, "data-import-heading")) }
                form.stack method="post" action="/data" enctype="multipart/form-data" {
                    input type="hidden" name="csrf" value=(self.csrf);
                    div.field {
                        label for="files" { (t!(lang, "data-files")) }
                        input #files type="file" name="files" multiple
                            accept=".csv,.json,text/csv,application/json"
                            aria-describedby="files-hint";
                        p.hint #files-hint {
                            (t!(lang, "data-files-hint", megabytes = UPLOAD_LIMIT_MB))
                        }
                    }
                    button type="submit" { (t!(lang, "data-show-preview")) }
                }
                p.note { (t!(lang, "data-import-adds")) }
            }
        }
    }
}

fn exports(lang: Lang) -> Markup {
    html! {
        section.data-export {
            h2 { (t!(lang, "data-export-heading")) }
            p.confidential role="note" { (t!(lang, "data-export-confidential")) }
            ul.downloads {
                li {
                    a.download href="/data/export.json" download="symbiose-export.json" {
                        (t!(lang, "data-export-json"))
                    }
                    " " span.context { (t!(lang, "data-export-json-hint")) }
                }
                @for (kind, label) in [
                    ("companies", t!(lang, "data-export-companies")),
                    ("offers", t!(lang, "data-export-offers")),
                    ("needs", t!(lang, "data-export-needs")),
                    ("parameters", t!(lang, "data-export-parameters")),
                ] {
                    li {
                        a.download href={ "/data/export/" (kind) ".csv" } download={ (kind) ".csv" } { (label) }
                        " " span.code { (kind) ".csv" }
                    }
                }
            }
            p.note { (t!(lang, "data-export-cli")) }
        }
    }
}

/// The problems of an upload: file, line or element, field and reason; at most
/// [`KEPT_PROBLEMS`] are listed, with how many there are in all.
pub struct ProblemTable<'a> {
    pub lang: Lang,
    pub refused: &'a Refused,
    pub heading: String,
}

impl Render for ProblemTable<'_> {
    fn render(&self) -> Markup {
        let lang = self.lang;
        let total = self.refused.total.max(self.refused.problems.len());
        let mut listed = in_reading_order(&self.refused.problems);
        listed.truncate(KEPT_PROBLEMS);
        html! {
            section.import-problems {
                h2 { (self.heading) }
                p.error role="alert" {
                    (t!(lang, "data-problem-count", count = total,
                        shown = number(lang, total as f64, 0)))
                }
                @if listed.len() < total {
                    p.note { (t!(lang, "data-problems-not-listed",
                        listed = number(lang, listed.len() as f64, 0))) }
                }
                table.calls.problems {
                    thead { tr {
                        th scope="col" { (t!(lang, "data-col-file")) }
                        th scope="col" { (t!(lang, "data-col-place")) }
                        th scope="col" { (t!(lang, "data-col-field")) }
                        th scope="col" { (t!(lang, "data-col-reason")) }
                    } }
                    tbody {
                        @for problem in &listed {
                            tr {
                                td { (problem.origin.file) }
                                td.place { (problem.origin.place) }
                                td { span.code { (problem.field) } }
                                td { (problem.reason) }
                            }
                        }
                    }
                }
                p.note { (t!(lang, "data-problems-in-english")) }
            }
        }
    }
}

/// Problems by file (in the order the files came) and then by line, as a reader goes through
/// the files; problems at JSON element paths keep the order they were found in.
fn in_reading_order(problems: &[ImportProblem]) -> Vec<&ImportProblem> {
    let mut files: Vec<&str> = Vec::new();
    for problem in problems {
        if !files.contains(&problem.origin.file.as_str()) {
            files.push(&problem.origin.file);
        }
    }
    let mut ordered: Vec<&ImportProblem> = problems.iter().collect();
    ordered.sort_by_key(|problem| {
        let file = files.iter().position(|f| *f == problem.origin.file);
        (
            file,
            problem.origin.place.parse::<u64>().unwrap_or(u64::MAX),
        )
    });
    ordered
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bulk::Origin;

    fn at(file: &str, place: &str) -> ImportProblem {
        ImportProblem {
            origin: Origin::new(file, place),
            field: "id".into(),
            reason: "r".into(),
        }
    }

    #[test]
    fn problems_read_by_file_then_line_and_json_paths_keep_their_order() {
        let problems = [
            at("b.csv", "6"),
            at("a.json", "offers[2]"),
            at("b.csv", "10"),
            at("a.json", "companies[0]"),
            at("b.csv", "4"),
        ];
        let places: Vec<String> = in_reading_order(&problems)
            .iter()
            .map(|p| format!("{}:{}", p.origin.file, p.origin.place))
            .collect();
        assert_eq!(
            places,
            [
                "b.csv:4",
                "b.csv:6",
                "b.csv:10",
                "a.json:offers[2]",
                "a.json:companies[0]"
            ]
        );
    }
}
