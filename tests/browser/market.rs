//! The market in the browser: on the demo region, a firm puts a photo on its public offer and
//! sees it on the offer's listing, searches "koffiedik" on the home page, opens a listing and
//! saves the search.

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
    photo_on_listing(page).await;
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

/// A photo uploaded on the firm's public offer shows, loaded, on the offer's listing.
async fn photo_on_listing(page: &Page) {
    let offer = journey::add_offer_as(page, None, "public").await;
    let file = std::env::temp_dir().join(format!("symbiose-photo-{}.png", std::process::id()));
    image::RgbImage::from_pixel(48, 32, image::Rgb([120, 80, 40]))
        .save(&file)
        .expect("write the test photo");
    let action = format!("/offers/{offer}/photo");
    page.open(&action).await;
    page.attach("#photo", &file).await;
    page.submit(&action).await;
    page.find("figure.flow-photo img").await;
    let _ = std::fs::remove_file(&file);
    page.open(&format!("/listings/offers/{offer}")).await;
    let width = page
        .image_width("section.photos figure.flow-photo img")
        .await;
    assert_eq!(
        width, 48,
        "the listing shows the photo, re-encoded at its own size"
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
