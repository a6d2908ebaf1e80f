//! `/exchanges` for coordinators: the region's exchanges with both firms' names and filters
//! (`?fase=running&gemeente=Weert&bedrijf=boon&materiaal=koffie&pagina=2`), from
//! [`crate::app::workspace::exchanges`].

use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::app::visibility::Viewer;
use crate::app::workspace::{self, ExchangeQuery};
use crate::domain::exchange::Stage;
use crate::domain::material_search::SearchLanguage;
use crate::i18n::Lang;
use crate::t;
use crate::views::exchanges::coordinator_list::{CoordinatorListView, coordinator_list_page};
use crate::web::auth::SignedIn;
use crate::web::handlers::coordinator::firms::{given, page_number};
use crate::web::handlers::home::viewer_of;
use crate::web::{AppError, AppState};

/// The list's query; firms' users have no filters and ignore it.
#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    fase: Option<String>,
    gemeente: Option<String>,
    bedrijf: Option<String>,
    materiaal: Option<String>,
    pagina: Option<String>,
}

/// The coordinator's list page.
pub async fn show(
    app: &AppState,
    user: SignedIn,
    lang: Lang,
    query: ListQuery,
) -> Result<Response, AppError> {
    let stage = match given(&query.fase) {
        None => None,
        Some(text) => Some(Stage::parse(&text).ok_or_else(|| {
            AppError::BadRequest(t!(lang, "workspace-bad-stage", text = text.as_str()))
        })?),
    };
    let asked = ExchangeQuery {
        stage,
        municipality: given(&query.gemeente),
        firm: given(&query.bedrijf).unwrap_or_default(),
        material: given(&query.materiaal).unwrap_or_default(),
        page: page_number(&query.pagina),
    };
    let language = match lang {
        Lang::Dutch => SearchLanguage::Dutch,
        Lang::English => SearchLanguage::English,
    };
    let page = workspace::exchanges(app, &Viewer::of(&user.account), &asked, language).await?;
    Ok(coordinator_list_page(&CoordinatorListView {
        viewer: viewer_of(&Some(user), lang),
        query: &asked,
        page: &page,
    })
    .into_response())
}
