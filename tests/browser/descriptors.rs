//! Issue #11's done-criterion in the browser: a roaster lists its coffee grounds through the
//! real form with a material class and descriptors, sees on `/matches` the mushroom grower
//! whose need accepts that class and not the care kitchen that takes only edible vegetable
//! off-cuts (the same code 02 03 04), and reads on the kitchen's listing why not.

use crate::journey::{self, COFFEE_GROUNDS, Firm, ROASTER};
use crate::page::Page;
use crate::shots::Shots;

/// Takes only edible vegetable off-cuts, and pays well for them.
const KITCHEN: Firm = Firm {
    name: "Zorgkeuken De Linde",
    email: "keuken@delinde.nl",
    municipality: "Weert",
    employees: "40",
    nace: "Q87",
    language: "nl",
};

/// Grows oyster mushrooms on coffee grounds.
const GROWER: Firm = Firm {
    name: "Zwammerij Het Mycelium",
    email: "teelt@mycelium.nl",
    municipality: "Roermond",
    employees: "9",
    nace: "A01",
    language: "nl",
};

/// The whole run; panics at the first step that did not happen.
pub async fn run(page: &Page, shots: Option<&Shots>) {
    page.open("/").await;
    let kitchen = need_of(
        page,
        &KITCHEN,
        "Verse groenteresten voor de zorgkeuken",
        "700",
        "food.vegetable-offcuts",
    )
    .await;
    let grower = need_of(
        page,
        &GROWER,
        "Koffiedik als substraat voor oesterzwammen",
        "30",
        "food.coffee-grounds",
    )
    .await;
    journey::register(page, &ROASTER, None).await;
    described_offer(page).await;

    page.click("a[href=\"/matches\"]").await;
    page.wait_for("/matches").await;
    page.find("main").await;
    let matches = page.source().await;
    assert!(
        matches.contains(&format!("name=\"need\" value=\"{grower}\"")),
        "the grower's need, which accepts coffee grounds, is suggested"
    );
    assert!(
        !matches.contains(&format!("value=\"{kitchen}\"")),
        "the care kitchen's need (same code, other class) is not"
    );
    if let Some(shots) = shots {
        shots.take(page, "descriptors-matches").await;
    }

    page.open(&format!("/listings/needs/{kitchen}")).await;
    let verdict = page.text("section.pair-fit").await;
    assert!(verdict.contains("Wordt niet voorgesteld"), "{verdict}");
    assert!(
        verdict.contains("de ontvanger neemt de materiaalklasse Koffiedik niet af"),
        "{verdict}"
    );
    if let Some(shots) = shots {
        page.scroll_to("section.pair-fit").await;
        shots.take(page, "descriptors-listing").await;
    }
    page.open(&format!("/listings/needs/{grower}")).await;
    let verdict = page.text("section.pair-fit").await;
    assert!(verdict.contains("Wordt voorgesteld"), "{verdict}");
    assert!(verdict.contains("technische fit"), "{verdict}");
}

/// The same listing in English, signed in as the roaster: its stored language is Dutch, so
/// the header's language switch makes the session English first.
pub async fn tour(page: &Page, shots: &Shots) {
    page.open("/").await;
    journey::log_in(page, &ROASTER).await;
    page.click("a.language[href=\"/language/en\"]").await;
    page.find("html[lang=\"en\"]").await;
    page.open("/market?woorden=groenteresten").await;
    page.click("ul.market a[href^=\"/listings/needs/\"]").await;
    page.find("section.pair-fit").await;
    page.scroll_to("section.pair-fit").await;
    shots.take(page, "descriptors-listing").await;
}

/// Registers `firm`, lists a public need for 02 03 04 accepting only `class`, signs out;
/// returns the need's id.
async fn need_of(page: &Page, firm: &Firm, description: &str, virgin: &str, class: &str) -> String {
    journey::register(page, firm, None).await;
    page.click("a[href=\"/offers\"]").await;
    page.click("a[href=\"/needs/new\"]").await;
    page.wait_for("/needs/new").await;
    journey::search_coffee_grounds(page, "/needs", "accepts").await;
    page.click(&format!("input[name=accepts][value=\"{COFFEE_GROUNDS}\"]"))
        .await;
    let form = "form[action=\"/needs\"]";
    for (field, value) in [
        ("description", description),
        ("quantity_per_year", "20"),
        ("min_lot_per_year", "0"),
        ("virgin_price_eur_per_unit", virgin),
        ("max_distance_km", "50"),
    ] {
        page.type_into(&format!("{form} [name={field}]"), value)
            .await;
    }
    page.choose(&format!("{form} [name=unit]"), "t").await;
    page.choose(&format!("{form} [name=licensed_for_hazardous]"), "false")
        .await;
    page.choose(&format!("{form} [name=confidentiality]"), "public")
        .await;
    page.choose(&format!("{form} select[name=accepted_classes]"), class)
        .await;
    page.choose(&format!("{form} select[name=treatment]"), "R3")
        .await;
    page.submit("/needs").await;
    page.wait_for("/needs").await;
    page.find("form[action^=\"/needs/\"][action$=\"/delete\"]")
        .await;
    let id = journey::flow_id(page, "needs").await;
    journey::log_out(page).await;
    id
}

/// The roaster's coffee grounds with their class, legal status and moisture, through the form.
async fn described_offer(page: &Page) {
    page.click("a[href=\"/offers\"]").await;
    page.click("a[href=\"/offers/new\"]").await;
    page.wait_for("/offers/new").await;
    journey::search_coffee_grounds(page, "/offers", "material").await;
    page.click(&format!("input[name=material][value=\"{COFFEE_GROUNDS}\"]"))
        .await;
    let form = "form[action=\"/offers\"]";
    for (field, value) in [
        ("description", "Koffiedik uit de branderij"),
        ("quantity_per_year", "12"),
        ("disposal_cost_eur_per_unit", "45"),
        ("moisture_pct", "55"),
    ] {
        page.type_into(&format!("{form} [name={field}]"), value)
            .await;
    }
    page.choose(&format!("{form} [name=unit]"), "t").await;
    page.choose(&format!("{form} [name=regularity]"), "recurring")
        .await;
    page.choose(&format!("{form} [name=confidentiality]"), "public")
        .await;
    page.choose(
        &format!("{form} select[name=material_class]"),
        "food.coffee-grounds",
    )
    .await;
    page.choose(&format!("{form} select[name=legal_status]"), "waste")
        .await;
    page.submit("/offers").await;
    page.wait_for("/offers").await;
    page.find("form[action^=\"/offers/\"][action$=\"/delete\"]")
        .await;
}
