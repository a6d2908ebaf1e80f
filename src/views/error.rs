//! The error page.

use axum::http::StatusCode;
use maud::{Markup, html};

use super::layout::{self, Viewer};
use crate::i18n::Lang;
use crate::t;

/// A page that explains what went wrong, in the reader's language.
pub fn page(lang: Lang, status: StatusCode, message: &str) -> Markup {
    let title = match status {
        StatusCode::NOT_FOUND => t!(lang, "error-title-not-found"),
        s if s.is_client_error() => t!(lang, "error-title-client"),
        _ => t!(lang, "error-title-server"),
    };
    layout::page(
        &title,
        &Viewer::anonymous(lang),
        html! {
            h1 { (title) }
            p.error role="alert" { (message) }
            p { a href="/" { (t!(lang, "common-back-home")) } }
        },
    )
}
