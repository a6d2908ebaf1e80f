//! `/cases`: the knowledge base of completed and declined exchanges, for coordinators. The
//! rules of selecting and paging live in [`app::exchanges::cases`](crate::app::exchanges::cases).

use axum::extract::{Query, State};
use maud::Markup;
use serde::Deserialize;

use super::home::viewer_of;
use crate::app::exchanges::cases::{CasesError, cases_page};
use crate::app::visibility::Viewer;
use crate::domain::nace_search;
use crate::i18n::Lang;
use crate::outcomes::case::{Case, CaseFilter, CaseOutcome, MaterialFilter};
use crate::t;
use crate::views::cases::{CasesView, Chosen, page};
use crate::web::auth::RequireCoordinator;
use crate::web::{AppError, AppState};

/// `?sector=`, `?materiaal=`, `?uitkomst=` and `?pagina=`, each optional.
#[derive(Deserialize, Default)]
pub struct CasesQuery {
    sector: Option<String>,
    materiaal: Option<String>,
    uitkomst: Option<String>,
    pagina: Option<String>,
}

/// `GET /cases?sector=C&materiaal=koffiedik&uitkomst=declined&pagina=2`.
pub async fn show(
    State(app): State<AppState>,
    RequireCoordinator(user): RequireCoordinator,
    lang: Lang,
    Query(query): Query<CasesQuery>,
) -> Result<Markup, AppError> {
    let (chosen, page_number) = chosen_of(lang, &query)?;
    let filter = CaseFilter {
        section: chosen.section,
        material: chosen.material.as_deref().and_then(MaterialFilter::parse),
        outcome: chosen.outcome,
    };
    let found = cases_page(&app, &Viewer::of(&user.account), &filter, page_number)
        .await
        .map_err(|error| match error {
            CasesError::NotFound => AppError::NotFound,
            CasesError::NoSuchPage { page } => {
                AppError::BadRequest(t!(lang, "cases-bad-page", text = page.to_string()))
            }
            CasesError::Storage(error) => AppError::Storage(error),
        })?;
    let shown: Vec<&Case> = found.cases.iter().collect();
    Ok(page(&CasesView {
        viewer: viewer_of(&Some(user), lang),
        summary: found.summary,
        total: found.total,
        matching: found.matching,
        cases: &shown,
        material_filter: filter.material.as_ref(),
        chosen: &chosen,
        page: found.page,
        pages: found.pages,
    }))
}

/// The filters and page asked for; a sector that is no NACE section, an unknown outcome or a
/// page that is not a positive number is refused with a message naming the field.
fn chosen_of(lang: Lang, query: &CasesQuery) -> Result<(Chosen, usize), AppError> {
    let given = |value: &Option<String>| {
        (value.as_deref())
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    let section = match given(&query.sector) {
        None => None,
        Some(text) => Some(
            section_of(&text)
                .ok_or_else(|| AppError::BadRequest(t!(lang, "cases-bad-sector", text = text)))?,
        ),
    };
    let outcome = match given(&query.uitkomst) {
        None => None,
        Some(text) => Some(
            CaseOutcome::parse(&text)
                .ok_or_else(|| AppError::BadRequest(t!(lang, "cases-bad-outcome", text = text)))?,
        ),
    };
    let page = match given(&query.pagina) {
        None => 1,
        Some(text) => text
            .parse::<usize>()
            .ok()
            .filter(|&p| p >= 1)
            .ok_or_else(|| AppError::BadRequest(t!(lang, "cases-bad-page", text = text)))?,
    };
    let chosen = Chosen {
        section,
        material: given(&query.materiaal),
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
