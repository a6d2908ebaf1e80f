//! A flow's photo page (`/offers/{id}/photo`, `/needs/{id}/photo`): the photo as others see
//! it, a form to upload a new one, and a button to remove it.

use maud::{Markup, html};

use super::layout::{self, Viewer};
use crate::app::photos::{MAX_SIDE, MAX_UPLOAD_MB};
use crate::domain::FlowKind;
use crate::t;

/// What the photo page shows.
pub struct PhotoPage<'a> {
    pub viewer: &'a Viewer,
    pub csrf: &'a str,
    pub kind: FlowKind,
    /// The flow's id.
    pub flow: &'a str,
    /// The flow's description, or its material where it has none.
    pub title: &'a str,
    /// True when others see the flow's listing (and so its photo).
    pub public: bool,
    /// When the photo was last uploaded (`None`: no photo yet); also makes its address new
    /// after every upload, so no browser shows the old one from its cache.
    pub uploaded: Option<i64>,
    /// Why the last upload was refused, in the reader's language.
    pub problem: Option<String>,
}

/// The path segment of a kind: `offers` or `needs`.
pub fn segment(kind: FlowKind) -> &'static str {
    match kind {
        FlowKind::Offer => "offers",
        FlowKind::Need => "needs",
    }
}

/// The address of a flow's photo.
pub fn photo_src(kind: FlowKind, flow: &str, uploaded: i64) -> String {
    format!("/photos/{}/{flow}?v={uploaded}", segment(kind))
}

/// The photo page.
pub fn page(view: &PhotoPage<'_>) -> Markup {
    let lang = view.viewer.lang;
    let base = format!("/{}/{}", segment(view.kind), view.flow);
    layout::page(
        &t!(lang, "photos-title"),
        view.viewer,
        html! {
            h1 { (t!(lang, "photos-title")) }
            p.lead { (view.title) }
            @if let Some(uploaded) = view.uploaded {
                figure.flow-photo {
                    img src=(photo_src(view.kind, view.flow, uploaded)) alt=(view.title);
                }
                form method="post" action={ (base) "/photo/delete" } {
                    input type="hidden" name="csrf" value=(view.csrf);
                    button.secondary type="submit" { (t!(lang, "photos-remove")) }
                }
            } @else {
                p.empty { (t!(lang, "photos-none")) }
            }
            form.photo method="post" action={ (base) "/photo" } enctype="multipart/form-data" {
                input type="hidden" name="csrf" value=(view.csrf);
                label for="photo" { (t!(lang, "photos-choose")) }
                input #photo type="file" name="photo" accept="image/jpeg,image/png,image/webp"
                    aria-describedby="photo-help" aria-invalid=[view.problem.as_ref().map(|_| "true")];
                @if let Some(problem) = &view.problem {
                    p.error role="alert" { (problem) }
                }
                p.hint #photo-help {
                    (t!(lang, "photos-help", mb = MAX_UPLOAD_MB as i64, side = i64::from(MAX_SIDE)))
                }
                p.hint {
                    @if view.public { (t!(lang, "photos-who-public")) }
                    @else { (t!(lang, "photos-who-private")) }
                }
                button type="submit" { (t!(lang, "photos-upload")) }
            }
            p { a href={ "/" (segment(view.kind)) } { (t!(lang, "photos-back")) } }
        },
    )
}
