//! The error page.

use axum::http::StatusCode;
use maud::{Markup, html};

use super::layout::{self, Viewer};

/// A page that explains what went wrong.
pub fn page(status: StatusCode, message: &str) -> Markup {
    let title = match status {
        StatusCode::NOT_FOUND => "Pagina niet gevonden",
        s if s.is_client_error() => "Dat ging niet goed",
        _ => "Er ging iets mis",
    };
    layout::page(
        title,
        &Viewer::Anonymous,
        html! {
            h1 { (title) }
            p.error role="alert" { (message) }
            p { a href="/" { "Terug naar het overzicht" } }
        },
    )
}
