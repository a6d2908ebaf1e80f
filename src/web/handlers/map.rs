//! `/map` and `/map.svg`: the region on a map for its coordinators. What is drawn for a query
//! is decided in [`crate::app::map`]; here the query is read and the page or image answered.

use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use maud::Markup;

use super::home::viewer_of;
use crate::app::map::{self, MapQuery, MapRefused, RegionMap};
use crate::i18n::Lang;
use crate::t;
use crate::views::region_map;
use crate::web::auth::RequireCoordinator;
use crate::web::{AppError, AppState};

/// `GET /map?gemeente=Weert&materiaal=karton&hoofdstuk=15&lagen=1&bedrijven=1`.
pub async fn page(
    State(app): State<AppState>,
    RequireCoordinator(user): RequireCoordinator,
    lang: Lang,
    Query(query): Query<MapQuery>,
) -> Result<Markup, AppError> {
    let map = region_map(&app, lang, &query).await?;
    Ok(region_map::page(&viewer_of(&Some(user), lang), &map))
}

/// `GET /map.svg` with the same query: the drawing alone, to download.
pub async fn svg(
    State(app): State<AppState>,
    RequireCoordinator(_): RequireCoordinator,
    lang: Lang,
    Query(query): Query<MapQuery>,
) -> Result<Response, AppError> {
    let map = region_map(&app, lang, &query).await?;
    let svg = region_map::svg(lang, &map).into_string();
    let headers = [
        (
            header::CONTENT_TYPE,
            HeaderValue::from_static("image/svg+xml; charset=utf-8"),
        ),
        (
            header::CONTENT_DISPOSITION,
            HeaderValue::from_static("attachment; filename=\"symbiose-kaart.svg\""),
        ),
        // The image draws with its own style sheet and runs nothing.
        (
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'"),
        ),
        (
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        ),
    ];
    Ok((headers, svg).into_response())
}

/// The map the query asks for; a query naming what the region does not have is a bad
/// address (400), with a message naming it.
async fn region_map(app: &AppState, lang: Lang, query: &MapQuery) -> Result<RegionMap, AppError> {
    map::region_map(app, lang, query).await?.map_err(|refused| {
        AppError::BadRequest(match refused {
            MapRefused::UnknownMunicipality(name) => {
                t!(lang, "map-bad-municipality", name = name)
            }
            MapRefused::UnknownChapter(digits) => t!(lang, "map-bad-chapter", text = digits),
        })
    })
}
