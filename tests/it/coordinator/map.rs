//! `/map` and `/map.svg`: municipalities, a titled dot per firm, exchanges as lines, zoom,
//! the material filter, layers, escaping and English.

use std::collections::BTreeSet;

use axum::http::StatusCode;
use symbiose::domain::keyport::MUNICIPALITIES;
use symbiose::domain::staleness::{Freshness, freshness};
use symbiose::domain::{Accepted, Material, Region};
use symbiose::storage;

use super::{coordinator, demo, start, today};
use crate::common::TestApp;
use crate::exchanges::{firm, pair, post_form};

/// One group of the drawing (`points`, `lines`, `polylines`), as text.
fn group<'a>(svg: &'a str, class: &str) -> &'a str {
    let start = svg
        .find(&format!("<g class=\"{class}\">"))
        .unwrap_or_else(|| panic!("a {class} group"));
    let end = start + svg[start..].find("</g>").unwrap();
    &svg[start..end]
}

/// `(class, title)` of each dot.
fn dots(svg: &str) -> Vec<(String, String)> {
    let attribute = |element: &str, name: &str| {
        let marker = format!("{name}=\"");
        let start = element.find(&marker).unwrap() + marker.len();
        element[start..start + element[start..].find('"').unwrap()].to_string()
    };
    (group(svg, "points").split("<circle").skip(1))
        .map(|circle| {
            let title = &circle[circle.find("<title>").expect("a title") + 7..];
            let title = title[..title.find("</title>").unwrap()]
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
            (attribute(circle, "class"), title)
        })
        .collect()
}

/// The firm name of a dot's title (`name — sector (municipality)`).
fn name_of(title: &str) -> &str {
    title.split(" — ").next().unwrap()
}

#[tokio::test]
async fn the_map_draws_every_municipality_a_titled_dot_per_firm_and_exchanges_as_weighted_lines() {
    let app = TestApp::spawn().await;
    let region = demo(&app).await;
    let (server, coordinator_id) = coordinator(&app).await;
    let now = crate::common::now();
    let (o, n) = (&region.offers, &region.needs);
    storage::exchanges::open(&app.db, o[0].id().as_str(), n[3].id().as_str(), now)
        .await
        .unwrap();
    let running = storage::exchanges::open(&app.db, o[1].id().as_str(), n[4].id().as_str(), now)
        .await
        .unwrap()
        .unwrap();
    start(&app, running, coordinator_id).await;
    storage::exchanges::record_tonnes(&app.db, running, "2026-10", 400.0, coordinator_id, now)
        .await
        .unwrap();

    let page = server.get("/map").await;

    page.assert_status_ok();
    let page = page.text();
    let svg = &page[page.find("<svg").unwrap()..page.find("</svg>").unwrap()];
    for (name, _, _) in MUNICIPALITIES {
        assert!(
            group(svg, "municipality-names").contains(&format!(">{name}</text>")),
            "{name}"
        );
    }
    let drawn = dots(svg);
    assert_eq!(drawn.len(), region.firms.len());
    let names: BTreeSet<&str> = drawn.iter().map(|(_, title)| name_of(title)).collect();
    for firm in &region.firms {
        assert!(names.contains(firm.name()), "{}", firm.name());
    }
    assert!(
        drawn
            .iter()
            .all(|(class, _)| class.starts_with("sector-") || class == "firm")
    );
    let lines = group(svg, "lines");
    assert_eq!(lines.matches("<line").count(), 2, "{lines}");
    assert!(lines.contains("class=\"exchange\"") && lines.contains("class=\"muted\""));
    // 400 t recorded: 1 + √400 / 5 = 5 px.
    assert!(lines.contains("stroke-width=\"5\""), "{lines}");
    assert!(lines.contains("400 t geregistreerd"), "{lines}");
    assert!(page.contains("Legenda") && page.contains("C — Industrie"));

    let no_firms = server.get("/map?lagen=1&uitwisselingen=1").await.text();
    assert_eq!(group(&no_firms, "points").matches("<circle").count(), 0);
    assert_eq!(group(&no_firms, "lines").matches("<line").count(), 2);
    assert!(!no_firms.contains("name=\"bedrijven\" value=\"1\" checked"));
}

#[tokio::test]
async fn zooming_to_a_municipality_centres_the_frame_on_it() {
    let app = TestApp::spawn().await;
    let region = demo(&app).await;
    let (server, _) = coordinator(&app).await;

    let whole = server.get("/map.svg").await.text();
    let weert = server.get("/map.svg?gemeente=Weert").await;

    weert.assert_status_ok();
    assert_eq!(
        weert.header("content-type").to_str().unwrap(),
        "image/svg+xml; charset=utf-8"
    );
    let weert = weert.text();
    // 1080 × 720 pixels: Weert's centre square (6 px) sits in the middle.
    assert!(
        weert.contains("<rect x=\"537\" y=\"357\" width=\"6\" height=\"6\">"),
        "{weert}"
    );
    assert!(!whole.contains("<rect x=\"537\" y=\"357\""));
    assert!(dots(&weert).len() < dots(&whole).len());
    let in_weert = region
        .firms
        .iter()
        .filter(|f| f.municipality() == "Weert")
        .count();
    assert!(dots(&weert).len() >= in_weert);
    server
        .get("/map?gemeente=Atlantis")
        .await
        .assert_status(StatusCode::BAD_REQUEST);
    let refused = server.get("/map?hoofdstuk=99").await;
    refused.assert_status(StatusCode::BAD_REQUEST);
    assert!(refused.text().contains("Hoofdstuk: „99”"));
}

/// Firms with an offer of chapter 15 or a need accepting something of it, among the flows
/// in matching.
fn packaging_firms(region: &Region) -> BTreeSet<String> {
    let live =
        |regularity, confirmed| freshness(regularity, confirmed, today()) != Freshness::Dropped;
    let packaging = |m: &Material| m.code().starts_with("15");
    let accepts_packaging = |a: &Accepted| match a {
        Accepted::Material(m) => packaging(m),
        Accepted::Chapter(digits) | Accepted::SubChapter(digits) => digits.starts_with("15"),
    };
    let offering = (region.offers.iter())
        .filter(|o| live(o.regularity(), o.last_confirmed()) && packaging(&o.material()))
        .map(|o| o.firm().clone());
    let needing = (region.needs.iter())
        .filter(|n| live(n.regularity(), n.last_confirmed()))
        .filter(|n| n.accepts().iter().any(accepts_packaging))
        .map(|n| n.firm().clone());
    let ids: BTreeSet<_> = offering.chain(needing).collect();
    (region.firms.iter())
        .filter(|f| ids.contains(f.id()))
        .map(|f| f.name().to_string())
        .collect()
}

#[tokio::test]
async fn a_chapter_filter_highlights_exactly_the_firms_with_that_material() {
    let app = TestApp::spawn().await;
    let region = demo(&app).await;
    let (server, _) = coordinator(&app).await;

    let svg = server.get("/map.svg?hoofdstuk=15").await.text();

    let highlighted: BTreeSet<String> = (dots(&svg).iter())
        .filter(|(class, _)| class != "muted")
        .map(|(_, title)| name_of(title).to_string())
        .collect();
    let expected = packaging_firms(&region);
    assert!(!expected.is_empty() && expected.len() < region.firms.len());
    assert_eq!(highlighted, expected);
}

#[tokio::test]
async fn typed_material_words_highlight_the_firms_offering_or_needing_it() {
    let app = TestApp::spawn().await;
    let (_, _, _, _) = pair(&app).await;
    let baker = firm(&app, "info@bakker.nl", "Bakkerij Brood").await;
    post_form(
        &baker,
        "/offers/new",
        "/offers",
        &[
            ("material", "15 01 01"),
            ("description", "Karton"),
            ("quantity_per_year", "5"),
            ("unit", "t"),
            ("regularity", "recurring"),
            ("disposal_cost_eur_per_unit", "20"),
            ("confidentiality", "anonymous"),
        ],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    let (server, _) = coordinator(&app).await;

    let page = server.get("/map?materiaal=koffiedik").await.text();

    let classes: Vec<(String, String)> = dots(&page)
        .into_iter()
        .map(|(class, title)| (name_of(&title).to_string(), class))
        .collect();
    let class_of = |name: &str| &classes.iter().find(|(n, _)| n == name).unwrap().1;
    assert_ne!(class_of("Koffiebranderij De Boon"), "muted");
    assert_ne!(class_of("Zwammerij Het Mycelium"), "muted");
    assert_eq!(class_of("Bakkerij Brood"), "muted");
    assert!(page.contains("02 03 04"), "the filter names its material");
    let nothing = server.get("/map?materiaal=xyzzyqq").await.text();
    assert!(nothing.contains("„xyzzyqq”"), "{nothing}");
    assert!(dots(&nothing).iter().all(|(class, _)| class != "muted"));
}

#[tokio::test]
async fn a_firm_name_with_markup_is_only_text_on_the_map() {
    let app = TestApp::spawn().await;
    firm(&app, "info@evil.nl", "<script>alert(1)</script> & Zn").await;
    let (server, _) = coordinator(&app).await;

    for path in ["/map", "/map.svg"] {
        let text = server.get(path).await.text();
        assert!(
            text.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Zn"),
            "{path}: {text}"
        );
        assert!(!text.contains("<script>"), "{path}");
    }
}

#[tokio::test]
async fn the_map_answers_in_english() {
    let app = TestApp::spawn().await;
    demo(&app).await;
    let (server, _) = coordinator(&app).await;

    let page = server
        .get("/map?hoofdstuk=15")
        .add_cookie(("symbiose_lang", "en").into())
        .await
        .text();

    for text in [
        "The region on the map",
        "Map of the region with firms",
        "Collection rounds",
        "Download as SVG",
        "Legend",
        "C — Manufacturing",
        "PACKAGING",
    ] {
        assert!(
            page.to_uppercase().contains(&text.to_uppercase()),
            "{text}: {page}"
        );
    }
    assert!(!page.contains("Kaart van de regio"));
}
