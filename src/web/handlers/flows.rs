//! `/offers`, `/needs` and their forms: a firm adds and deletes its own flows.

use std::collections::HashMap;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::home::viewer_of;
use crate::accounts::new_token;
use crate::domain::flow::{NeedDraft, OfferDraft};
use crate::domain::material_search::{SearchLanguage, search_materials};
use crate::domain::{Need, Offer, Problems};
use crate::storage;
use crate::views::accounts::FormState;
use crate::views::flows::{flows_page, new_need_page, new_offer_page};
use crate::web::auth::{RequireSignedIn, SignedIn};
use crate::web::{AppError, AppState};

/// Hits shown for a material search.
const SEARCH_HITS: usize = 12;

/// The firm of a signed-in user; staff accounts have none.
fn own_company(user: &SignedIn) -> Result<i64, AppError> {
    user.account
        .company_id
        .ok_or_else(|| AppError::BadRequest("Dit account hoort niet bij een bedrijf.".into()))
}

/// `GET /offers` and `GET /needs`.
pub async fn list(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
) -> Result<Response, AppError> {
    let company = own_company(&user)?;
    let firm = storage::firm_with_flows(&app.db, company)
        .await?
        .ok_or(AppError::NotFound)?;
    let csrf = user.csrf.clone();
    let today = chrono::Local::now().date_naive();
    Ok(flows_page(
        &viewer_of(&Some(user), crate::web::language::current()),
        &csrf,
        &firm,
        today,
    )
    .into_response())
}

fn query_of(params: &HashMap<String, String>) -> String {
    params
        .get("zoek")
        .map(|q| q.trim().to_string())
        .unwrap_or_default()
}

/// `GET /offers/new?zoek=karton`.
pub async fn new_offer(
    RequireSignedIn(user): RequireSignedIn,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    own_company(&user)?;
    let query = query_of(&params);
    let hits = search_materials(&query, SearchLanguage::Dutch, SEARCH_HITS);
    let csrf = user.csrf.clone();
    Ok(new_offer_page(
        &viewer_of(&Some(user), crate::web::language::current()),
        &csrf,
        &FormState::default(),
        &query,
        &hits,
    )
    .into_response())
}

/// `GET /needs/new?zoek=koffiedik`.
pub async fn new_need(
    RequireSignedIn(user): RequireSignedIn,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    own_company(&user)?;
    let query = query_of(&params);
    let hits = search_materials(&query, SearchLanguage::Dutch, SEARCH_HITS);
    let csrf = user.csrf.clone();
    Ok(new_need_page(
        &viewer_of(&Some(user), crate::web::language::current()),
        &csrf,
        &FormState::default(),
        &[],
        &query,
        &hits,
    )
    .into_response())
}

/// A number as typed in a Dutch form: `12,5` or `12.5`.
fn number(fields: &HashMap<String, String>, name: &str, problems: &mut Problems) -> f64 {
    let text = fields.get(name).map_or("", |v| v.trim());
    match text.replace(',', ".").parse::<f64>() {
        Ok(value) => value,
        Err(_) => {
            problems.push(name, "not a number");
            0.0
        }
    }
}

fn optional(fields: &HashMap<String, String>, name: &str) -> Option<String> {
    fields
        .get(name)
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// A Dutch message for a field the domain refused.
fn dutch_message(field: &str) -> &'static str {
    match field.split('[').next().unwrap_or(field) {
        "material" => "Kies een materiaal uit de zoekresultaten.",
        "quantity_per_year" => "Vul een hoeveelheid groter dan 0 in.",
        "unit" => "Deze eenheid past niet bij het gekozen materiaal.",
        "disposal_cost_eur_per_unit" => {
            "Vul een bedrag in euro in (negatief als u het nu verkoopt)."
        }
        "description" => "De omschrijving is te lang (hoogstens 2.000 tekens).",
        "accepts" => "Kies minstens één materiaal dat past bij de gekozen eenheid.",
        "min_lot_per_year" => {
            "De kleinste partij is 0 of meer en niet groter dan de hoeveelheid per jaar."
        }
        "virgin_price_eur_per_unit" => "Vul de huidige prijs per eenheid in euro in.",
        "max_distance_km" => "Vul een afstand groter dan 0 km in.",
        _ => "Controleer dit veld.",
    }
}

fn refused(fields: &HashMap<String, String>, problems: &Problems) -> FormState {
    let mut form = FormState {
        values: fields.clone(),
        ..FormState::default()
    };
    for problem in &problems.0 {
        let field = problem
            .field
            .split('[')
            .next()
            .unwrap_or(&problem.field)
            .to_string();
        form.errors
            .entry(field)
            .or_insert_with(|| dutch_message(&problem.field).to_string());
    }
    form
}

fn merge(mut extraction: Problems, parsed: Result<impl Sized, Problems>) -> Problems {
    if let Err(problems) = parsed {
        for problem in problems.0 {
            if !extraction.0.iter().any(|p| p.field == problem.field) {
                extraction.0.push(problem);
            }
        }
    }
    extraction
}

/// `POST /offers`.
pub async fn create_offer(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let fields: HashMap<String, String> = pairs.into_iter().collect();
    user.check_csrf(fields.get("csrf"))?;
    let company = own_company(&user)?;
    let mut problems = Problems::default();
    let draft = OfferDraft {
        id: format!("O-{}", &new_token()[..12]),
        firm: "self".into(),
        material: fields.get("material").cloned().unwrap_or_default(),
        declared_hazardous: None,
        description: fields.get("description").cloned().unwrap_or_default(),
        quantity_per_year: number(&fields, "quantity_per_year", &mut problems),
        unit: optional(&fields, "unit"),
        disposal_cost_eur_per_unit: number(&fields, "disposal_cost_eur_per_unit", &mut problems),
        regularity: optional(&fields, "regularity"),
        available_from: None,
        available_until: None,
        confidentiality: optional(&fields, "confidentiality"),
        last_confirmed: None,
    };
    let today = chrono::Local::now().date_naive();
    let parsed = Offer::parse(draft, today);
    match parsed {
        Ok(offer) if problems.is_empty() => {
            storage::flows::add_offer(&app.db, company, &offer).await?;
            app.snapshot.invalidate().await;
            Ok(Redirect::to("/offers").into_response())
        }
        other => {
            let problems = merge(problems, other);
            let form = refused(&fields, &problems);
            let csrf = user.csrf.clone();
            // Show the same search hits again, so the material chosen stays on screen.
            let query = fields.get("zoek").map_or("", |q| q.trim());
            let hits = search_materials(query, SearchLanguage::Dutch, SEARCH_HITS);
            let page = new_offer_page(
                &viewer_of(&Some(user), crate::web::language::current()),
                &csrf,
                &form,
                query,
                &hits,
            );
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// `POST /needs`.
pub async fn create_need(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let accepts: Vec<String> = pairs
        .iter()
        .filter(|(k, _)| k == "accepts")
        .map(|(_, v)| v.clone())
        .collect();
    let fields: HashMap<String, String> =
        pairs.into_iter().filter(|(k, _)| k != "accepts").collect();
    user.check_csrf(fields.get("csrf"))?;
    let company = own_company(&user)?;
    let mut problems = Problems::default();
    let min_lot = optional(&fields, "min_lot_per_year")
        .map(|_| number(&fields, "min_lot_per_year", &mut problems));
    let draft = NeedDraft {
        id: format!("N-{}", &new_token()[..12]),
        firm: "self".into(),
        accepts: accepts.clone(),
        description: fields.get("description").cloned().unwrap_or_default(),
        quantity_per_year: number(&fields, "quantity_per_year", &mut problems),
        unit: optional(&fields, "unit"),
        min_lot_per_year: min_lot,
        virgin_price_eur_per_unit: number(&fields, "virgin_price_eur_per_unit", &mut problems),
        max_distance_km: number(&fields, "max_distance_km", &mut problems),
        licensed_for_hazardous: Some(
            fields
                .get("licensed_for_hazardous")
                .is_some_and(|v| v == "true"),
        ),
        regularity: None,
        confidentiality: optional(&fields, "confidentiality"),
        last_confirmed: None,
    };
    let today = chrono::Local::now().date_naive();
    match Need::parse(draft, today) {
        Ok(need) if problems.is_empty() => {
            storage::flows::add_need(&app.db, company, &need).await?;
            app.snapshot.invalidate().await;
            Ok(Redirect::to("/needs").into_response())
        }
        other => {
            let problems = merge(problems, other);
            let form = refused(&fields, &problems);
            let csrf = user.csrf.clone();
            let query = fields.get("zoek").map_or("", |q| q.trim());
            let hits = search_materials(query, SearchLanguage::Dutch, SEARCH_HITS);
            let page = new_need_page(
                &viewer_of(&Some(user), crate::web::language::current()),
                &csrf,
                &form,
                &accepts,
                query,
                &hits,
            );
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// Runs `change` on one of the signed-in firm's own flows (CSRF checked) and goes back to
/// `back`; a flow of another firm, or none, answers "not found".
async fn own_flow_change<F, Fut>(
    app: AppState,
    user: SignedIn,
    fields: HashMap<String, String>,
    back: &str,
    change: F,
) -> Result<Response, AppError>
where
    F: FnOnce(AppState, i64) -> Fut,
    Fut: std::future::Future<Output = Result<bool, storage::StorageError>>,
{
    user.check_csrf(fields.get("csrf"))?;
    let company = own_company(&user)?;
    if change(app.clone(), company).await? {
        app.snapshot.invalidate().await;
        Ok(Redirect::to(back).into_response())
    } else {
        Err(AppError::NotFound)
    }
}

/// `POST /offers/{id}/delete`.
pub async fn delete_offer(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    Path(id): Path<String>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    own_flow_change(app, user, fields, "/offers", |app, company| async move {
        storage::flows::delete_offer(&app.db, company, &id).await
    })
    .await
}

/// `POST /needs/{id}/delete`.
pub async fn delete_need(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    Path(id): Path<String>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    own_flow_change(app, user, fields, "/needs", |app, company| async move {
        storage::flows::delete_need(&app.db, company, &id).await
    })
    .await
}

/// `POST /offers/{id}/confirm`: "still current" on an own offer.
pub async fn confirm_offer(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    Path(id): Path<String>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let today = chrono::Local::now().date_naive();
    own_flow_change(app, user, fields, "/offers", |app, company| async move {
        storage::flows::confirm_offer(&app.db, company, &id, today).await
    })
    .await
}

/// `POST /needs/{id}/confirm`: "still current" on an own need.
pub async fn confirm_need(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    Path(id): Path<String>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let today = chrono::Local::now().date_naive();
    own_flow_change(app, user, fields, "/needs", |app, company| async move {
        storage::flows::confirm_need(&app.db, company, &id, today).await
    })
    .await
}
