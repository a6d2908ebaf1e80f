//! The suggested clusters of small firms on a coordinator's `/partnerships`, and `POST
//! /partnerships`, which starts a partnership from one. Which clusters are suggested and
//! which posted firms make one are the app's rules ([`crate::app::partnerships::suggestions`]).

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::membership::text_problem;
use crate::app::partnerships::suggestions::{StartRequest, page_of};
use crate::app::partnerships::{self, Error, StartRefused};
use crate::i18n::Lang;
use crate::t;
use crate::views::partnerships::{
    CoordinatorList, FieldErrors, StartForm, coordinator_list, reason_text,
};
use crate::web::auth::SignedIn;
use crate::web::forms::{self, CoordinatorForm};
use crate::web::handlers::home::viewer_of;
use crate::web::{AppError, AppState};

/// The `pagina` parameter: 1 when absent.
pub(super) fn page_param(lang: Lang, pagina: Option<&str>) -> Result<usize, AppError> {
    match pagina.map(str::trim) {
        None | Some("") => Ok(1),
        Some(text) => text
            .parse::<usize>()
            .ok()
            .filter(|&p| p >= 1)
            .ok_or_else(|| AppError::BadRequest(t!(lang, "partnerships-bad-page", text = text))),
    }
}

/// What a refused start form brings back.
pub(super) enum Refusal {
    /// The posted firms are no suggested cluster (any more).
    Message(String),
    /// The cluster was found; its form's fields were not right.
    Form(StartForm),
}

/// A coordinator's `/partnerships`: its partnerships and one page of suggested clusters;
/// answered as refused when it shows a refusal.
pub(super) async fn render(
    app: &AppState,
    user: SignedIn,
    lang: Lang,
    page: usize,
    refusal: Option<Refusal>,
) -> Result<Response, AppError> {
    let shown = partnerships::coordinator_page(app, page).await?;
    let (message, form) = match refusal {
        None => (None, None),
        Some(Refusal::Message(message)) => (Some(message), None),
        Some(Refusal::Form(form)) => (None, Some(form)),
    };
    let refused = message.is_some() || form.is_some();
    let body = coordinator_list(&CoordinatorList {
        viewer: viewer_of(&Some(user), lang),
        partnerships: &shown.partnerships,
        clusters: &shown.clusters,
        total_clusters: shown.total_clusters,
        page: shown.page,
        pages: shown.pages,
        message,
        form: form.as_ref(),
    });
    Ok(if refused {
        forms::refused(body)
    } else {
        body.into_response()
    })
}

/// The start form: the cluster's firms, the kind and name of the partnership.
#[derive(Debug, Deserialize)]
pub struct StartPosted {
    /// One id per firm of the cluster (`F068`).
    #[serde(default)]
    firm: Vec<String>,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    name: String,
}

/// The page to show a refused start form on, with its message or the form with the
/// messages next to its fields.
fn start_form(lang: Lang, posted: StartPosted, refused: StartRefused) -> (usize, Refusal) {
    let not_a_cluster = || Refusal::Message(t!(lang, "partnerships-not-a-cluster"));
    let (number, unknown_kind, name) = match refused {
        StartRefused::NotACluster => return (1, not_a_cluster()),
        StartRefused::FirmGone { number } => return (page_of(number), not_a_cluster()),
        StartRefused::Fields {
            number,
            unknown_kind,
            name,
        } => (number, unknown_kind, name),
    };
    let mut errors = FieldErrors::new();
    if unknown_kind {
        errors.insert("kind", t!(lang, "partnerships-kind-unknown"));
    }
    if let Some(problem) = name {
        let label = t!(lang, "partnerships-field-name");
        errors.insert("name", text_problem(lang, &label, problem));
    }
    let form = StartForm {
        number,
        kind: posted.kind,
        name: posted.name,
        errors,
    };
    (page_of(number), Refusal::Form(form))
}

/// `POST /partnerships` with the cluster's `firm` ids, `kind` and `name`: starts the
/// partnership and invites every firm of the cluster. The firms must be exactly those of a
/// cluster the matcher suggests now; anything else is refused and nothing is written.
pub async fn create(
    State(app): State<AppState>,
    lang: Lang,
    CoordinatorForm { user, form }: CoordinatorForm<StartPosted>,
) -> Result<Response, AppError> {
    let request = StartRequest {
        firms: &form.firm,
        kind: &form.kind,
        name: &form.name,
        created_by: user.account.id,
    };
    let started = partnerships::start(&app, request, |cluster| reason_text(lang, cluster)).await;
    match started {
        Ok(id) => Ok(Redirect::to(&format!("/partnerships/{id}")).into_response()),
        Err(Error::NotFound) => Err(AppError::NotFound),
        Err(Error::Storage(error)) => Err(error.into()),
        Err(Error::Refused(refused)) => {
            let (page, refusal) = start_form(lang, form, refused);
            render(&app, user, lang, page, Some(refusal)).await
        }
    }
}
