//! `/firm`, `/firm/edit` and `/firm/map.svg`: the signed-in firm's profile, its change form
//! and the small map on which the firm places its point. The firm is always the session's:
//! no address names a firm, so no firm can reach another's profile.

mod form;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;

use serde::Deserialize;

use super::home::viewer_of;
use crate::app::firms::{self, FirmError};
use crate::domain::nace_search::{self, NaceHit};
use crate::domain::{Firm, Language};
use crate::i18n::Lang;
use crate::storage;
use crate::t;
use crate::views::accounts::FormState;
use crate::views::firm::{EditPage, edit_page, firm_page, map_svg};
use crate::web::auth::{RequireSignedIn, SignedIn};
use crate::web::forms::{SignedForm, refused};
use crate::web::language::{self, language_cookie};
use crate::web::{AppError, AppState};
use form::{Intent, ProfileFields};

/// Sectors shown for a search.
const SECTOR_HITS: usize = 8;
/// Longest sector search looked at, in characters.
const MAX_QUERY: usize = 100;

/// `GET /firm`: the signed-in user's firm, its profile and its flows.
pub async fn show(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
) -> Result<Markup, AppError> {
    let firm = match user.account.company_id {
        Some(id) => storage::firm_with_flows(&app.db, id).await?,
        None => None,
    };
    let language = user.account.language;
    Ok(firm_page(
        &viewer_of(&Some(user), lang),
        firm.as_ref(),
        language,
    ))
}

/// The user's firm as stored; `None` for staff accounts, which have none.
async fn own_firm(app: &AppState, user: &SignedIn) -> Result<Option<(i64, Firm)>, AppError> {
    let Some(company) = user.account.company_id else {
        return Ok(None);
    };
    Ok(Some((company, firms::own_firm(app, company).await?)))
}

impl From<FirmError> for AppError {
    fn from(error: FirmError) -> AppError {
        match error {
            FirmError::NotFound => AppError::NotFound,
            FirmError::Refused(_) => AppError::Refused(t!(language::current(), "firm-error-field")),
            FirmError::Storage(error) => error.into(),
        }
    }
}

/// `?sector=bakkerij`: the sector search's words.
#[derive(Debug, Default, Deserialize)]
pub struct SectorSearch {
    sector: Option<String>,
}

/// `GET /firm/edit?sector=bakkerij`: the form, filled with the stored profile, with the
/// sectors matching the search words when there are any.
pub async fn edit(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Query(search): Query<SectorSearch>,
) -> Result<Markup, AppError> {
    let Some((_, firm)) = own_firm(&app, &user).await? else {
        return Ok(firm_page(&viewer_of(&Some(user), lang), None, lang));
    };
    let mut form = form::stored_values(lang, &firm, user.account.language);
    let query = search.sector.as_deref().map_or("", str::trim);
    form.values.insert("sector".into(), query.to_string());
    Ok(render_form(user, lang, &firm, &form, false))
}

/// `POST /firm/edit`: saves the profile, or shows the form again with the sectors found or
/// the point clicked on the map, keeping everything typed.
pub async fn update(
    State(app): State<AppState>,
    lang: Lang,
    headers: HeaderMap,
    SignedForm { user, mut form }: SignedForm<ProfileFields>,
) -> Result<Response, AppError> {
    let Some((company, firm)) = own_firm(&app, &user).await? else {
        return Err(AppError::BadRequest(t!(lang, "firm-no-firm")));
    };
    form.take_sector_choice();
    let intent = form
        .intent()
        .ok_or_else(|| AppError::BadRequest(t!(lang, "firm-error-map")))?;
    match intent {
        Intent::PlaceOnMap { x, y } => {
            let placed = form.placed_on_map(lang, x, y);
            let chosen = placed.errors.is_empty();
            Ok(render_form(user, lang, &firm, &placed, chosen).into_response())
        }
        Intent::SearchSector => {
            Ok(render_form(user, lang, &firm, &form.typed(), false).into_response())
        }
        Intent::Save => {
            let user_id = user.account.id;
            match firms::update_profile(&app, company, user_id, &form.draft()).await {
                Ok(profile) => Ok(to_firm_page(&headers, profile.language)),
                Err(FirmError::Refused(problems)) => {
                    let again = form.refused(lang, &problems);
                    Ok(refused(render_form(user, lang, &firm, &again, false)))
                }
                Err(other) => Err(other.into()),
            }
        }
    }
}

/// To the firm's page, in the language just chosen.
fn to_firm_page(headers: &HeaderMap, language: Language) -> Response {
    let mut response = Redirect::to("/firm").into_response();
    response
        .headers_mut()
        .append(header::SET_COOKIE, language_cookie(headers, language));
    response
}

/// The change form with `form`'s values and messages, the map marking the point typed (or
/// else the stored one) and the sectors matching the search box.
fn render_form(
    user: SignedIn,
    lang: Lang,
    firm: &Firm,
    form: &FormState,
    point_chosen: bool,
) -> Markup {
    let value = |name: &str| form.values.get(name).map_or("", |v| v.trim());
    let typed_point = (
        form::parse_coordinate(value("lat")).filter(|v| (-90.0..=90.0).contains(v)),
        form::parse_coordinate(value("lon")).filter(|v| (-180.0..=180.0).contains(v)),
    );
    let point = match typed_point {
        (Some(lat), Some(lon)) => (lat, lon),
        _ => (firm.location().lat(), firm.location().lon()),
    };
    // A sector is found by a word or two; a pasted essay is cut rather than scored.
    let query: String = value("sector").chars().take(MAX_QUERY).collect();
    let hits: Vec<NaceHit> = nace_search::search(&query, SECTOR_HITS);
    let csrf = user.csrf.clone();
    let viewer = viewer_of(&Some(user), lang);
    edit_page(&EditPage {
        viewer: &viewer,
        csrf: &csrf,
        form,
        point,
        query: &query,
        hits: &hits,
        point_chosen,
    })
}

/// `?lat=51.25&lon=5.71`: the point the map marks.
#[derive(Debug, Default, Deserialize)]
pub struct MapPoint {
    lat: Option<String>,
    lon: Option<String>,
}

/// `GET /firm/map.svg?lat=51.25&lon=5.71`: the region with a marker at the point given, or
/// at the firm's own point; the image the change form's map shows and takes clicks on.
pub async fn map(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Query(point): Query<MapPoint>,
) -> Result<Response, AppError> {
    let firm = own_firm(&app, &user).await?.map(|(_, firm)| firm);
    let coordinate =
        |name: &str, typed: &Option<String>, limit: f64, stored: Option<f64>| match typed {
            None => Ok(stored),
            Some(text) => form::parse_coordinate(text)
                .filter(|v| (-limit..=limit).contains(v))
                .map(Some)
                .ok_or_else(|| {
                    AppError::BadRequest(t!(
                        lang,
                        "firm-error-map-coordinate",
                        field = name,
                        text = text.as_str()
                    ))
                }),
        };
    let lat = coordinate(
        "lat",
        &point.lat,
        90.0,
        firm.as_ref().map(|f| f.location().lat()),
    )?;
    let lon = coordinate(
        "lon",
        &point.lon,
        180.0,
        firm.as_ref().map(|f| f.location().lon()),
    )?;
    let marker = lat.zip(lon);
    let name = firm.as_ref().map_or("", |f| f.name());
    let svg = map_svg(lang, marker, name).into_string();
    let headers = [
        (
            header::CONTENT_TYPE,
            HeaderValue::from_static("image/svg+xml; charset=utf-8"),
        ),
        // The image draws with its own style sheet and runs nothing.
        (
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'"),
        ),
        (
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, max-age=300"),
        ),
    ];
    Ok((headers, svg).into_response())
}
