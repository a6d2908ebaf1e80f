//! `/cases`: the knowledge base of completed and declined exchanges, for coordinators.

use std::collections::HashMap;

use axum::extract::{Query, State};
use maud::Markup;

use super::home::viewer_of;
use crate::domain::nace_search;
use crate::i18n::Lang;
use crate::outcomes::case::{Case, CaseFilter, CaseOutcome, MaterialFilter, summary};
use crate::storage;
use crate::t;
use crate::views::cases::{CasesView, Chosen, page};
use crate::web::auth::RequireCoordinator;
use crate::web::{AppError, AppState};

/// Cases per page.
pub const PAGE_SIZE: usize = 25;

/// `GET /cases?sector=C&materiaal=koffiedik&uitkomst=declined&pagina=2`.
pub async fn show(
    State(app): State<AppState>,
    RequireCoordinator(user): RequireCoordinator,
    lang: Lang,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Markup, AppError> {
    let (chosen, page_number) = chosen_of(lang, &params)?;
    let filter = CaseFilter {
        section: chosen.section,
        material: chosen.material.as_deref().and_then(MaterialFilter::parse),
        outcome: chosen.outcome,
    };
    let cases = storage::cases::all(&app.db).await?;
    let selected: Vec<&Case> = cases.iter().filter(|c| filter.matches(c)).collect();
    let pages = selected.len().div_ceil(PAGE_SIZE).max(1);
    if page_number > pages {
        return Err(AppError::BadRequest(t!(
            lang,
            "cases-bad-page",
            text = page_number.to_string()
        )));
    }
    let start = (page_number - 1) * PAGE_SIZE;
    let shown = &selected[start..selected.len().min(start + PAGE_SIZE)];
    Ok(page(&CasesView {
        viewer: viewer_of(&Some(user), lang),
        summary: summary(selected.iter().copied()),
        total: cases.len(),
        matching: selected.len(),
        cases: shown,
        material_filter: filter.material.as_ref(),
        chosen: &chosen,
        page: page_number,
        pages,
    }))
}

/// `?sector=`, `?materiaal=`, `?uitkomst=` and `?pagina=`, each optional; a sector that is no
/// NACE section, an unknown outcome or a page that is not a positive number is refused with
/// a message naming the field.
fn chosen_of(lang: Lang, params: &HashMap<String, String>) -> Result<(Chosen, usize), AppError> {
    let given = |name: &str| params.get(name).map(|v| v.trim()).filter(|v| !v.is_empty());
    let section = match given("sector") {
        None => None,
        Some(text) => Some(
            section_of(text)
                .ok_or_else(|| AppError::BadRequest(t!(lang, "cases-bad-sector", text = text)))?,
        ),
    };
    let outcome = match given("uitkomst") {
        None => None,
        Some(text) => Some(
            CaseOutcome::parse(text)
                .ok_or_else(|| AppError::BadRequest(t!(lang, "cases-bad-outcome", text = text)))?,
        ),
    };
    let page = match given("pagina") {
        None => 1,
        Some(text) => text
            .parse::<usize>()
            .ok()
            .filter(|&p| p >= 1)
            .ok_or_else(|| AppError::BadRequest(t!(lang, "cases-bad-page", text = text)))?,
    };
    let chosen = Chosen {
        section,
        material: given("materiaal").map(str::to_string),
        outcome,
    };
    Ok((chosen, page))
}

/// A NACE section letter that the catalogue knows (`C`, or `c`).
fn section_of(text: &str) -> Option<char> {
    let mut letters = text.chars();
    let letter = letters.next()?.to_ascii_uppercase();
    (letters.next().is_none() && letter.is_ascii_uppercase())
        .then_some(letter)
        .filter(|l| nace_search::names(&l.to_string()).is_some())
}
