//! `/map`: the region drawn on the server for its coordinators — municipality centres, firms
//! as dots by sector, open and running exchanges as lines weighted by tonnes, collection rounds
//! as paths — with a material filter, a zoom to one municipality and layer switches, all plain
//! GET forms. The same drawing is served alone at `/map.svg` for download.

mod layers;

use maud::{Markup, Render, html};

pub use crate::app::map::{FirmDot, Layers, MapChoice, RegionMap, Round};

use super::coordinator::{query_string, section_name};
use super::layout::{self, Viewer};
use super::map::{Tone, render_svg};
use crate::i18n::Lang;
use crate::t;

/// The `<svg>` of the map, in the reader's language.
pub fn svg(lang: Lang, map: &RegionMap) -> Markup {
    render_svg(
        &map.frame,
        &layers::layers(lang, map),
        &t!(lang, "map-label"),
    )
}

/// The map page.
pub fn page(viewer: &Viewer, map: &RegionMap) -> Markup {
    let lang = viewer.lang;
    let download = format!("/map.svg{}", query_string(&map.choice.pairs()));
    layout::page(
        &t!(lang, "map-title"),
        viewer,
        html! {
            h1 { (t!(lang, "map-heading")) }
            (MapForm { map, lang })
            (FilterSummary { map, lang })
            figure.region-map {
                (svg(lang, map))
                figcaption {
                    (t!(lang, "map-firms-drawn", drawn = map.firms.len(), total = map.firms_in_frame))
                    " · " a href=(download) download="symbiose-kaart.svg" { (t!(lang, "map-download")) }
                }
            }
            (Legend { map, lang })
        },
    )
}

struct MapForm<'a> {
    map: &'a RegionMap,
    lang: Lang,
}

impl Render for MapForm<'_> {
    fn render(&self) -> Markup {
        let (lang, choice) = (self.lang, &self.map.choice);
        let layer = |name: &str, on: bool, label: String| {
            html! { label.check { input type="checkbox" name=(name) value="1" checked[on]; " " (label) } }
        };
        html! {
            form.region-filters.map-form method="get" action="/map" {
                div.field {
                    label for="gemeente" { (t!(lang, "map-zoom")) }
                    select id="gemeente" name="gemeente" {
                        option value="" { (t!(lang, "map-whole-region")) }
                        @for name in &self.map.municipalities {
                            option value=(name) selected[choice.municipality.as_deref() == Some(name.as_str())] { (name) }
                        }
                    }
                }
                div.field {
                    label for="materiaal" { (t!(lang, "map-material")) }
                    input id="materiaal" name="materiaal" type="search" value=(choice.material_text)
                        placeholder=(t!(lang, "map-material-example"));
                }
                div.field {
                    label for="hoofdstuk" { (t!(lang, "map-chapter")) }
                    select id="hoofdstuk" name="hoofdstuk" {
                        option value="" { (t!(lang, "map-all-chapters")) }
                        @for (digits, title) in &self.map.chapters {
                            option value=(digits) selected[choice.chapter.as_deref() == Some(digits.as_str())] {
                                (digits) " " (title)
                            }
                        }
                    }
                }
                fieldset.layers {
                    legend { (t!(lang, "map-layers")) }
                    input type="hidden" name="lagen" value="1";
                    (layer("bedrijven", choice.layers.firms, t!(lang, "map-layer-firms")))
                    (layer("uitwisselingen", choice.layers.exchanges, t!(lang, "map-layer-exchanges")))
                    (layer("rondes", choice.layers.rounds, t!(lang, "map-layer-rounds")))
                }
                button type="submit" { (t!(lang, "map-apply")) }
                @if *choice != MapChoice::default() {
                    a href="/map" { (t!(lang, "map-reset")) }
                }
            }
        }
    }
}

/// Which materials the filter stands for, or that it found none.
struct FilterSummary<'a> {
    map: &'a RegionMap,
    lang: Lang,
}

impl Render for FilterSummary<'_> {
    fn render(&self) -> Markup {
        let (lang, map) = (self.lang, self.map);
        let highlighted = map.firms.iter().filter(|f| f.highlighted).count();
        let chosen = map.choice.chapter.as_deref();
        let chapter = map
            .chapters
            .iter()
            .find(|(digits, _)| Some(digits.as_str()) == chosen);
        html! {
            @if map.material_not_found {
                p.status role="status" {
                    (t!(lang, "map-material-not-found", text = &map.choice.material_text))
                }
            }
            @if map.filtered() {
                p.summary {
                    (t!(lang, "map-highlighted", count = highlighted)) " "
                    @if let (true, Some((digits, title))) = (map.choice.material_text.is_empty(), chapter) {
                        // A whole chapter is named by its title rather than by its many codes.
                        span.code { (digits) } " " (title)
                    } @else {
                        @for (i, material) in map.materials.iter().enumerate() {
                            @if i > 0 { "; " }
                            (super::material::material(lang, material))
                        }
                    }
                }
            }
        }
    }
}

/// The colours of the sectors on the map and of its lines.
struct Legend<'a> {
    map: &'a RegionMap,
    lang: Lang,
}

impl Render for Legend<'_> {
    fn render(&self) -> Markup {
        let (lang, map) = (self.lang, self.map);
        let mut sections: Vec<Option<char>> = map.firms.iter().map(|f| f.section).collect();
        sections.sort_by_key(|s| (s.is_none(), *s));
        sections.dedup();
        // The colours are our own constants (hex codes), never user text.
        let swatch = |tone: Tone| format!("background:{}", tone.colour());
        html! {
            section.legend aria-label=(t!(lang, "map-legend")) {
                h2 { (t!(lang, "map-legend")) }
                ul.swatches {
                    @for section in &sections {
                        li { span.swatch.dot style=(swatch(layers::firm_tone(*section))) {} (section_name(lang, *section)) }
                    }
                    @if map.filtered() {
                        li { span.swatch.dot style=(swatch(Tone::Muted)) {} (t!(lang, "map-legend-other-firms")) }
                    }
                }
                ul.swatches {
                    li { span.swatch.line style=(swatch(layers::OPEN_TONE)) {} (t!(lang, "map-legend-open")) }
                    li { span.swatch.line style=(swatch(layers::RUNNING_TONE)) {} (t!(lang, "map-legend-running")) }
                    li { span.swatch.line style=(swatch(Tone::Pool)) {} (t!(lang, "map-legend-round")) }
                    li { span.swatch.square {} (t!(lang, "map-legend-centre")) }
                }
                p.note { (t!(lang, "map-legend-width")) }
            }
        }
    }
}
