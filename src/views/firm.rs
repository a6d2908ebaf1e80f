//! `/firm`: the signed-in firm's profile (with its point on a small map of the region) and its
//! flows; the change form is in [`edit`].

mod edit;

use maud::{Markup, html};

use super::format::quantity;
use super::layout::{self, Viewer};
use super::map::{MapFrame, MapLayers, render_svg};
use crate::domain::nace_search;
use crate::domain::{Firm, Language};
use crate::i18n::{Lang, number};
use crate::storage::FirmWithFlows;
use crate::t;

pub use edit::{EditPage, edit_page};

/// The firm's map in pixels: small, and the region's own shape (about 3 : 2).
pub const MAP_WIDTH: u32 = 480;
/// See [`MAP_WIDTH`].
pub const MAP_HEIGHT: u32 = 320;

/// The frame of every firm map, the clickable one included: a click's pixels turn back into
/// a point through this same frame.
pub fn map_frame() -> MapFrame {
    MapFrame::region(MAP_WIDTH, MAP_HEIGHT)
}

/// The region with a marker at `marker` (`(lat, lon)`) titled `name`; no marker when `None`.
pub fn map_svg(lang: Lang, marker: Option<(f64, f64)>, name: &str) -> Markup {
    let layers = match marker {
        Some((lat, lon)) => MapLayers::default().marker(lat, lon, name),
        None => MapLayers::default(),
    };
    render_svg(&map_frame(), &layers, &t!(lang, "firm-map-label"))
}

/// A coordinate as pages and the form show it: five decimals (about a metre) with the
/// reader's decimal separator, `51,25170` or `51.25170`.
pub fn coordinate_text(lang: Lang, value: f64) -> String {
    let text = format!("{value:.5}");
    match lang {
        Lang::Dutch => text.replace('.', ","),
        Lang::English => text,
    }
}

/// `51,25170° N, 5,70690° O` in the reader's language.
fn coordinates(lang: Lang, lat: f64, lon: f64) -> String {
    t!(
        lang,
        "firm-coordinates",
        lat = coordinate_text(lang, lat),
        lon = coordinate_text(lang, lon)
    )
}

/// The title of a sector code in the reader's language.
fn sector_name(lang: Lang, code: &str) -> Option<&'static str> {
    nace_search::names(code).map(|(nl, en)| match lang {
        Lang::Dutch => nl,
        Lang::English => en,
    })
}

/// A language by its own name, as language pickers show it.
fn language_name(language: Language) -> &'static str {
    match language {
        Language::Dutch => "Nederlands",
        Language::English => "English",
    }
}

/// `/firm`: the profile and the flows; for a staff account, why there is none. `language` is
/// the signed-in user's stored language.
pub fn firm_page(viewer: &Viewer, firm: Option<&FirmWithFlows>, language: Language) -> Markup {
    let lang = viewer.lang;
    layout::page(
        &t!(lang, "nav-firm"),
        viewer,
        html! {
            @match firm {
                None => {
                    h1 { (t!(lang, "nav-firm")) }
                    p { (t!(lang, "firm-no-firm")) }
                }
                Some(entry) => {
                    h1 { (entry.firm.name()) }
                    (profile(lang, &entry.firm, language))
                    p { a href="/firm/edit" { (t!(lang, "firm-edit-link")) } }
                    (flows(lang, entry))
                }
            }
        },
    )
}

fn profile(lang: Lang, firm: &Firm, language: Language) -> Markup {
    let (lat, lon) = (firm.location().lat(), firm.location().lon());
    html! {
        div.firm-profile {
            dl.profile {
                dt { (t!(lang, "firm-label-address")) }
                dd {
                    @if firm.address().is_empty() { span.none { (t!(lang, "firm-no-address")) } }
                    @else { (firm.address()) }
                }
                dt { (t!(lang, "firm-label-municipality")) }
                dd { (firm.municipality()) }
                dt { (t!(lang, "desc-field-country")) }
                dd { (super::descriptors::country(lang, firm.country())) }
                dt { (t!(lang, "firm-label-location")) }
                dd { (coordinates(lang, lat, lon)) }
                dt { (t!(lang, "firm-label-sector")) }
                dd {
                    @match firm.nace() {
                        None => span.none { (t!(lang, "firm-no-sector")) },
                        Some(code) => {
                            span.code { (code.as_str()) }
                            @if let Some(name) = sector_name(lang, code.as_str()) { " " (name) }
                        }
                    }
                }
                dt { (t!(lang, "firm-label-employees")) }
                dd { (number(lang, f64::from(firm.employees()), 0)) }
                dt { (t!(lang, "firm-label-language")) }
                dd { (language_name(language)) }
            }
            figure.firm-map { (map_svg(lang, Some((lat, lon)), firm.name())) }
        }
    }
}

fn flows(lang: Lang, entry: &FirmWithFlows) -> Markup {
    html! {
        p { a href="/offers" { (t!(lang, "firm-manage-flows")) } }
        h2 { (t!(lang, "firm-offers")) }
        @if entry.offers.is_empty() { p.none { (t!(lang, "firm-no-offers")) } }
        ul { @for offer in &entry.offers {
            li {
                (super::material::material(lang, &offer.material())) " — " (quantity(lang, offer.quantity()))
                (super::descriptors::offer_summary(lang, offer))
            }
        } }
        h2 { (t!(lang, "firm-needs")) }
        @if entry.needs.is_empty() { p.none { (t!(lang, "firm-no-needs")) } }
        ul { @for need in &entry.needs {
            li {
                (need.description()) " — " (quantity(lang, need.quantity()))
                (super::descriptors::need_summary(lang, need))
            }
        } }
    }
}
