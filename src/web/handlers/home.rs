//! `/firms`: the region's firms and their public flows, a page at a time (the market took
//! `/`).

use axum::extract::{Query, State};
use maud::Markup;
use serde::Deserialize;

use crate::i18n::Lang;
use crate::t;
use crate::views;
use crate::views::layout::{Viewer, ViewerUser};
use crate::web::auth::{MaybeSignedIn, SignedIn};
use crate::web::{AppError, AppState};

/// Firms per page.
pub const PAGE_SIZE: u64 = 50;

/// `?gemeente=Weert&pagina=2`: the municipality shown and the page.
#[derive(Debug, Default, Deserialize)]
pub struct Browse {
    gemeente: Option<String>,
    pagina: Option<String>,
}

/// `/firms?gemeente=Weert&pagina=2`.
pub async fn show(
    State(app): State<AppState>,
    MaybeSignedIn(user): MaybeSignedIn,
    lang: Lang,
    Query(params): Query<Browse>,
) -> Result<Markup, AppError> {
    let page = match params.pagina.as_deref().map(str::trim) {
        None | Some("") => 1,
        Some(text) => text
            .parse::<u64>()
            .ok()
            .filter(|&p| p >= 1)
            .ok_or_else(|| AppError::BadRequest(t!(lang, "home-bad-page", text = text)))?,
    };
    let municipality = params
        .gemeente
        .as_deref()
        .map(str::trim)
        .filter(|m| !m.is_empty());
    // Figures and pages are read once per change of the region, not per visit.
    let summary = app.snapshot.summary(&app.db).await?;
    let counts = summary.counts;
    let municipalities = &summary.municipalities;
    if let Some(name) = municipality
        && !municipalities.iter().any(|(m, _)| m == name)
    {
        return Err(AppError::BadRequest(t!(
            lang,
            "home-bad-municipality",
            name = name
        )));
    }
    let listing = app
        .snapshot
        .firm_page(&app.db, municipality, (page - 1) * PAGE_SIZE, PAGE_SIZE)
        .await?;
    Ok(views::home::page(&views::home::HomeView {
        viewer: viewer_of(&user, lang),
        counts,
        municipalities,
        municipality,
        page,
        page_size: PAGE_SIZE,
        listing: &listing,
    }))
}

/// Any unknown address.
pub async fn not_found() -> AppError {
    AppError::NotFound
}

/// The header's view of a visitor.
pub fn viewer_of(user: &Option<SignedIn>, lang: Lang) -> Viewer {
    Viewer {
        lang,
        user: user.as_ref().map(|user| ViewerUser {
            email: user.account.email.clone(),
            role: user.account.role,
            csrf: user.csrf.clone(),
        }),
    }
}
