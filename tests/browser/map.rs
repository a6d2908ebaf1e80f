//! `/map`: the region drawn inline as SVG, a dot per firm with its name in a `<title>`, then
//! zoomed to a municipality with a material filter that picks out the firms of that material.

use crate::coordinator::snap;
use crate::page::Page;
use crate::shots::Shots;

/// The firms' dots on the page's map.
const DOTS: &str = "figure.region-map svg g.points circle";

/// The whole region (every firm a dot, every municipality named), then Weert with cardboard.
pub async fn explore(page: &Page, firms: u64, shots: Option<&Shots>) {
    page.click("a[href=\"/map\"]").await;
    page.wait_for("/map").await;
    page.find(DOTS).await;
    let whole = page.count(DOTS).await;
    assert_eq!(whole as u64, firms, "a dot for every firm of the overview");
    let names = page
        .texts("figure.region-map svg g.municipality-names text")
        .await;
    assert!(
        names.iter().any(|n| n == "Weert"),
        "the municipalities are named: {names:?}"
    );
    assert_eq!(page.count(&format!("{DOTS}.muted")).await, 0, "no filter");
    snap(shots, page, "map").await;

    zoom(page, "Weert", "karton").await;
    let zoomed = page.count(DOTS).await;
    assert!(
        zoomed > 0 && zoomed < whole,
        "Weert and its surroundings: {zoomed} of {whole} firms"
    );
    let picked = format!("{DOTS}:not(.muted)");
    let titles = page.texts(&format!("{picked} > title")).await;
    assert!(!titles.is_empty(), "the filter picks out firms");
    assert!(
        page.count(&format!("{DOTS}.muted")).await > 0,
        "and passes others by"
    );
    assert_eq!(
        titles.len(),
        page.count(&picked).await,
        "every dot has a title"
    );
    assert!(
        titles.iter().any(|t| t.ends_with("(Weert)")),
        "firms in Weert among them: {titles:?}"
    );
    let codes = page.texts("p.summary span.code").await;
    assert!(
        codes.iter().any(|c| c == "15 01 01"),
        "cardboard packaging (15 01 01) among the filter's materials: {codes:?}"
    );
    if let Some(shots) = shots {
        // The map itself rather than the form above it.
        page.scroll_to("figure.region-map").await;
        shots.take(page, "map-weert").await;
    }
}

/// The map's form: zoom to `municipality`, filter on `material` words.
pub async fn zoom(page: &Page, municipality: &str, material: &str) {
    let form = "form[action=\"/map\"]";
    page.choose(&format!("{form} select#gemeente"), municipality)
        .await;
    page.type_into(&format!("{form} input#materiaal"), material)
        .await;
    page.submit("/map").await;
    // Attributes, unlike what was typed or chosen, come only with the new page.
    page.find(&format!("{form} input#materiaal[value=\"{material}\"]"))
        .await;
    page.find(&format!(
        "{form} select#gemeente option[value=\"{municipality}\"][selected]"
    ))
    .await;
    page.find(DOTS).await;
}
