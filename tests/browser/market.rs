//! The market in the browser: on the demo region, a signed-in firm searches "koffiedik" on the
//! home page, opens a listing and saves the search.

use sea_orm::DatabaseConnection;

use crate::journey::{self, ROASTER};
use crate::page::Page;
use crate::shots::Shots;

/// The search form on the home page and the market.
const FORM: &str = "form.market";
/// The links of the flows found.
const FOUND: &str = "ul.market a[href^=\"/listings/\"]";

/// The demo region, for a market with something in it.
pub async fn prepare(db: &DatabaseConnection) {
    symbiose::demo::load_demo(db, chrono::Local::now().date_naive())
        .await
        .expect("load the demo region");
}

/// Search, listing, saved search; panics at the first step that did not happen.
pub async fn run(page: &Page, shots: Option<&Shots>) {
    page.open("/").await;
    journey::register(page, &ROASTER, None).await;
    page.open("/").await;
    page.type_into(&format!("{FORM} [name=woorden]"), "koffiedik")
        .await;
    page.click(&format!("{FORM} button[type=submit]")).await;
    page.wait_for("/market").await;
    assert!(page.count(FOUND).await > 0, "koffiedik finds flows");
    if let Some(shots) = shots {
        shots.take(page, "market").await;
    }
    let listing = page.attr(FOUND, "href").await;
    page.click(FOUND).await;
    page.wait_for(&listing).await;
    page.find("section.photos").await;
    page.find("dl.facts").await;
    if let Some(shots) = shots {
        shots.take(page, "listing").await;
    }
    page.open("/market?woorden=koffiedik").await;
    page.type_into("#saved-name", "Koffiedik in de regio").await;
    page.submit("/market/saved").await;
    page.wait_for("/market").await;
    let saved = page.texts("ul.saved li a").await;
    assert!(
        saved.iter().any(|name| name == "Koffiedik in de regio"),
        "the saved search is listed: {saved:?}"
    );
}

/// The home page's market and a listing, as a visitor, for the pictures in another language.
pub async fn tour(page: &Page, shots: &Shots) {
    page.open("/").await;
    page.find(FORM).await;
    shots.take(page, "home-market").await;
    page.open("/market?woorden=koffiedik").await;
    page.click(FOUND).await;
    page.find("dl.facts").await;
    shots.take(page, "listing").await;
}
