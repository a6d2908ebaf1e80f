//! The help pages: how Symbiose works (`/help`) and what others see of a firm (`/privacy`).
//! Every sentence lives in `locales/*/help.ftl`, so both languages say the same.

use maud::{Markup, html};

use super::layout::{self, Viewer};
use crate::i18n::text;
use crate::t;

/// The five steps of a firm's journey and the coordinator's part.
const STEPS: [(&str, &str); 5] = [
    ("help-step1-title", "help-step1-text"),
    ("help-step2-title", "help-step2-text"),
    ("help-step3-title", "help-step3-text"),
    ("help-step4-title", "help-step4-text"),
    ("help-step5-title", "help-step5-text"),
];

/// `/help`: how it works.
pub fn how_it_works(viewer: &Viewer) -> Markup {
    let lang = viewer.lang;
    layout::page(
        &t!(lang, "help-title"),
        viewer,
        html! {
            article.help {
                h1 { (t!(lang, "help-title")) }
                p.lead { (t!(lang, "help-lead")) }
                @for (title, body) in STEPS {
                    section {
                        h2 { (text(lang, title, &[])) }
                        p { (text(lang, body, &[])) }
                    }
                }
                section {
                    h2 { (t!(lang, "help-coordinator-title")) }
                    p { (t!(lang, "help-coordinator-text")) }
                }
                section {
                    h2 { (t!(lang, "help-questions-title")) }
                    p { (t!(lang, "help-questions-text")) " "
                        a href="/privacy" { (t!(lang, "help-privacy-link")) } }
                }
            }
        },
    )
}

/// One row of the privacy table: a confidentiality level and what each audience sees.
struct LevelRow {
    level: &'static str,
    visitor: &'static str,
    firms: &'static str,
}

/// The confidentiality levels, in the order the flow form offers them. What the other side
/// of an exchange and the coordinators see is the same for every level.
const LEVELS: [LevelRow; 3] = [
    LevelRow {
        level: "privacy-public",
        visitor: "privacy-public-visitor",
        firms: "privacy-public-firms",
    },
    LevelRow {
        level: "privacy-anonymous",
        visitor: "privacy-anonymous-visitor",
        firms: "privacy-anonymous-firms",
    },
    LevelRow {
        level: "privacy-coordinator-only",
        visitor: "privacy-coordinator-only-visitor",
        firms: "privacy-coordinator-only-firms",
    },
];

/// `/privacy`: what others see per confidentiality level, contact details, what is kept.
pub fn privacy(viewer: &Viewer) -> Markup {
    let lang = viewer.lang;
    let audiences = [
        "privacy-audience-visitor",
        "privacy-audience-firms",
        "privacy-audience-counterpart",
        "privacy-audience-coordinator",
    ];
    layout::page(
        &t!(lang, "privacy-title"),
        viewer,
        html! {
            article.help {
                h1 { (t!(lang, "privacy-title")) }
                p.lead { (t!(lang, "privacy-lead")) }
                table.privacy.stacked {
                    thead { tr {
                        th scope="col" { (t!(lang, "privacy-level")) }
                        @for audience in audiences { th scope="col" { (text(lang, audience, &[])) } }
                    } }
                    tbody {
                        @for row in &LEVELS {
                            tr {
                                th scope="row" { (text(lang, row.level, &[])) }
                                td data-label=(text(lang, audiences[0], &[])) { (text(lang, row.visitor, &[])) }
                                td data-label=(text(lang, audiences[1], &[])) { (text(lang, row.firms, &[])) }
                                td data-label=(text(lang, audiences[2], &[])) { (t!(lang, "privacy-counterpart")) }
                                td data-label=(text(lang, audiences[3], &[])) { (t!(lang, "privacy-coordinator")) }
                            }
                        }
                    }
                }
                @for (title, body) in [
                    ("privacy-contact-title", "privacy-contact-text"),
                    ("privacy-stored-title", "privacy-stored-text"),
                    ("privacy-cookies-title", "privacy-cookies-text"),
                    ("privacy-staff-title", "privacy-staff-text"),
                ] {
                    section {
                        h2 { (text(lang, title, &[])) }
                        p { (text(lang, body, &[])) }
                    }
                }
            }
        },
    )
}
