//! The firm's journey, as two users do it in one browser: a roaster in Weert offers its
//! coffee grounds, a composter in Roermond needs them; both see the match, both say
//! interested, see each other's contact details, and carry the exchange to completed.

use crate::exchange::take_step;
use crate::page::Page;
use crate::shots::Shots;

/// The List-of-Waste entry the search for "koffiedik" must offer: waste from coffee processing.
pub const COFFEE_GROUNDS: &str = "02 03 04";
/// The password both firms register with.
const PASSWORD: &str = "koffiedik-2026";

/// A firm as it registers.
pub struct Firm {
    pub name: &'static str,
    pub email: &'static str,
    pub municipality: &'static str,
    pub employees: &'static str,
    /// SBI/NACE division (food products; waste treatment), given only if the form asks.
    pub nace: &'static str,
    /// The language chosen on the registration form.
    pub language: &'static str,
}

/// Firm A: offers coffee grounds.
pub const ROASTER: Firm = Firm {
    name: "Koffiebranderij De Boon",
    email: "inkoop@deboon.nl",
    municipality: "Weert",
    employees: "14",
    nace: "C10",
    language: "nl",
};

/// Firm B: needs them. Registers in English so that the English screenshots show its pages.
pub const COMPOSTER: Firm = Firm {
    name: "Composteerbedrijf Roerdal",
    email: "grondstof@roerdalcompost.nl",
    municipality: "Roermond",
    employees: "31",
    nace: "E38",
    language: "en",
};

/// What the journey made, for the checks and pictures that follow it.
pub struct Outcome {
    /// `/exchanges/{id}`.
    pub exchange: String,
}

/// The whole journey; panics at the first step that did not happen.
pub async fn run(page: &Page, shots: Option<&Shots>) -> Outcome {
    page.open("/").await;
    register(page, &ROASTER, shots).await;
    let offer = add_offer(page, shots).await;
    log_out(page).await;

    register(page, &COMPOSTER, None).await;
    let need = add_need(page).await;
    open_matches(page, &offer, &need).await;
    log_out(page).await;

    log_in(page, &ROASTER).await;
    open_matches(page, &offer, &need).await;
    if let Some(shots) = shots {
        shots.take(page, "matches").await;
    }
    let exchange = say_interested(page, &offer, &need).await;
    assert_anonymous(page, &COMPOSTER).await;
    log_out(page).await;

    log_in(page, &COMPOSTER).await;
    // The pair has its exchange now: /matches links to it instead of offering "interested".
    open_pairs_exchange(page, &exchange).await;
    take_step(page, &exchange, "interested").await;
    assert_contact(page, &ROASTER).await;
    // Agreeing, starting and completing need both firms: each waits for the other's click.
    take_step(page, &exchange, "negotiate").await;
    take_step(page, &exchange, "agree").await;
    log_out(page).await;
    log_in(page, &ROASTER).await;
    crate::exchange::open_from_list(page, &exchange).await;
    take_step(page, &exchange, "agree").await;
    take_step(page, &exchange, "start").await;
    log_out(page).await;
    log_in(page, &COMPOSTER).await;
    crate::exchange::open_from_list(page, &exchange).await;
    take_step(page, &exchange, "start").await;
    crate::exchange::record_tonnes(page, &exchange, "2026-11", "0.7", 0.7).await;
    log_out(page).await;

    log_in(page, &ROASTER).await;
    crate::exchange::open_from_list(page, &exchange).await;
    assert_contact(page, &COMPOSTER).await;
    if let Some(shots) = shots {
        shots.take(page, "exchange").await;
    }
    take_step(page, &exchange, "complete").await;
    log_out(page).await;
    log_in(page, &COMPOSTER).await;
    crate::exchange::open_from_list(page, &exchange).await;
    crate::exchange::complete(page, &exchange).await;
    log_out(page).await;
    // Only now: the composter chose English at registration, and its login set the browser's
    // language cookie until the roaster's login set it back to Dutch.
    if let Some(shots) = shots {
        shots.take(page, "home").await;
    }
    Outcome { exchange }
}

/// From the home page's header link through the registration form to the firm's own page.
pub async fn register(page: &Page, firm: &Firm, shots: Option<&Shots>) {
    page.click("a[href=\"/register\"]").await;
    let form = "form[action=\"/register\"]";
    page.type_into(&format!("{form} [name=firm_name]"), firm.name)
        .await;
    page.choose(
        &format!("{form} select[name=municipality]"),
        firm.municipality,
    )
    .await;
    page.type_into(&format!("{form} [name=employees]"), firm.employees)
        .await;
    fill_nace_if_asked(page, firm).await;
    page.type_into(&format!("{form} [name=email]"), firm.email)
        .await;
    page.type_into(&format!("{form} [name=password]"), PASSWORD)
        .await;
    page.type_into(&format!("{form} [name=password_confirm]"), PASSWORD)
        .await;
    page.choose(&format!("{form} select[name=language]"), firm.language)
        .await;
    if let Some(shots) = shots {
        shots.take(page, "register").await;
    }
    page.submit("/register").await;
    page.wait_for("/firm").await;
    assert!(
        page.source().await.contains(firm.name),
        "the firm's page names {}",
        firm.name
    );
    assert_eq!(page.count("form[action=\"/logout\"]").await, 1, "signed in");
}

/// The registration form has no sector field yet; when one named `nace` appears (a text
/// field, a select or radio buttons with division codes), fill it in.
async fn fill_nace_if_asked(page: &Page, firm: &Firm) {
    let form = "form[action=\"/register\"]";
    let select = format!("{form} select[name=nace]");
    let radio = format!(
        "{form} input[type=radio][name=nace][value=\"{}\"]",
        firm.nace
    );
    let text = format!("{form} input[name=nace]:not([type=hidden]):not([type=radio])");
    if page.count(&select).await > 0 {
        page.choose(&select, firm.nace).await;
    } else if page.count(&radio).await > 0 {
        page.click(&radio).await;
    } else if page.count(&text).await > 0 {
        page.type_into(&text, firm.nace).await;
    }
}

/// From the home page's header link through the login form to the firm's own page.
pub async fn log_in(page: &Page, firm: &Firm) {
    page.click("a[href=\"/login\"]").await;
    page.type_into("form[action=\"/login\"] [name=email]", firm.email)
        .await;
    page.type_into("form[action=\"/login\"] [name=password]", PASSWORD)
        .await;
    page.submit("/login").await;
    page.wait_for("/firm").await;
}

/// The header's logout button; back on the home page, signed out.
pub async fn log_out(page: &Page) {
    page.submit("/logout").await;
    page.wait_for("/").await;
    page.find("a[href=\"/login\"]").await;
    assert_eq!(
        page.count("form[action=\"/logout\"]").await,
        0,
        "signed out"
    );
}

/// Searches `words` with the material search inside the flow form posting to `form`.
pub async fn search_materials(page: &Page, form: &str, words: &str) {
    page.type_into(&format!("form[action=\"{form}\"] [name=zoek]"), words)
        .await;
    page.click(&format!(
        "form[action=\"{form}\"] button[name=action][value=search]"
    ))
    .await;
}

/// Searches the material in everyday words on a new-flow page (whose form posts to `form`)
/// and waits for the hit.
pub async fn search_coffee_grounds(page: &Page, form: &str, choice: &str) {
    search_materials(page, form, "koffiedik").await;
    page.find(&format!("input[name={choice}][value=\"{COFFEE_GROUNDS}\"]"))
        .await;
}

/// `/offers/new`: search, pick coffee grounds, fill in and save; returns the offer's id.
pub async fn add_offer(page: &Page, shots: Option<&Shots>) -> String {
    add_offer_as(page, shots, "anonymous").await
}

/// [`add_offer`] with the confidentiality `level` (`public`, `anonymous`, …).
pub async fn add_offer_as(page: &Page, shots: Option<&Shots>, level: &str) -> String {
    page.click("a[href=\"/offers\"]").await;
    page.click("a[href=\"/offers/new\"]").await;
    page.wait_for("/offers/new").await;
    search_coffee_grounds(page, "/offers", "material").await;
    if let Some(shots) = shots {
        shots.take(page, "new-flow").await;
    }
    let grounds = format!("input[name=material][value=\"{COFFEE_GROUNDS}\"]");
    page.click(&grounds).await;
    assert!(page.is_checked(&grounds).await, "coffee grounds chosen");
    let form = "form[action=\"/offers\"]";
    page.type_into(
        &format!("{form} [name=description]"),
        "Koffiedik uit de branderij",
    )
    .await;
    // A Dutch decimal comma on a Dutch page: a number field dropped it, 9,5 became 95 (#10).
    page.type_into(&format!("{form} [name=quantity_per_year]"), "9,5")
        .await;
    page.choose(&format!("{form} [name=unit]"), "t").await;
    page.choose(&format!("{form} [name=regularity]"), "recurring")
        .await;
    page.type_into(&format!("{form} [name=disposal_cost_eur_per_unit]"), "45")
        .await;
    page.choose(&format!("{form} [name=confidentiality]"), level)
        .await;
    page.submit("/offers").await;
    page.wait_for("/offers").await;
    // The search answered on /offers too: wait for the list itself, not just its address.
    page.find("form[action^=\"/offers/\"][action$=\"/delete\"]")
        .await;
    let listed = page.text("main").await;
    assert!(
        listed.contains("9,5 t"),
        "the quantity as understood: {listed}"
    );
    flow_id(page, "offers").await
}

/// `/needs/new`: search, tick coffee grounds, fill in and save; returns the need's id.
pub async fn add_need(page: &Page) -> String {
    page.click("a[href=\"/offers\"]").await;
    page.click("a[href=\"/needs/new\"]").await;
    page.wait_for("/needs/new").await;
    search_coffee_grounds(page, "/needs", "accepts").await;
    let grounds = format!("input[name=accepts][value=\"{COFFEE_GROUNDS}\"]");
    page.click(&grounds).await;
    assert!(page.is_checked(&grounds).await, "coffee grounds ticked");
    let form = "form[action=\"/needs\"]";
    for (field, value) in [
        ("description", "Structuurmateriaal voor compost"),
        ("quantity_per_year", "20"),
        ("min_lot_per_year", "0"),
        ("virgin_price_eur_per_unit", "30"),
        // Weert–Roermond is some 27 km over the road.
        ("max_distance_km", "50"),
    ] {
        page.type_into(&format!("{form} [name={field}]"), value)
            .await;
    }
    // A second search keeps what was ticked and typed (issue #10).
    search_materials(page, "/needs", "brood").await;
    page.find(&format!("{form} input[name=accepts][value=\"02 06 01\"]"))
        .await;
    assert!(
        page.is_checked(&grounds).await,
        "coffee grounds still ticked"
    );
    let description = page
        .attr(&format!("{form} [name=description]"), "value")
        .await;
    assert_eq!(description, "Structuurmateriaal voor compost");
    page.choose(&format!("{form} [name=unit]"), "t").await;
    page.choose(&format!("{form} [name=licensed_for_hazardous]"), "false")
        .await;
    page.choose(&format!("{form} [name=confidentiality]"), "anonymous")
        .await;
    page.submit("/needs").await;
    page.wait_for("/needs").await;
    page.find("form[action^=\"/needs/\"][action$=\"/delete\"]")
        .await;
    flow_id(page, "needs").await
}

/// The id of the one saved flow of `kind` (`offers` or `needs`), read off its delete form.
pub async fn flow_id(page: &Page, kind: &str) -> String {
    let delete = format!("form[action^=\"/{kind}/\"][action$=\"/delete\"]");
    let action = page.attr(&delete, "action").await;
    assert_eq!(
        page.count(&delete).await,
        1,
        "one of the firm's {kind} listed"
    );
    let id = action
        .strip_prefix(&format!("/{kind}/"))
        .and_then(|rest| rest.strip_suffix("/delete"))
        .unwrap_or_else(|| panic!("unexpected delete action {action}"));
    assert!(
        page.source().await.contains(COFFEE_GROUNDS),
        "the saved flow shows its List-of-Waste code"
    );
    id.to_string()
}

/// The "interested" form of the match between `offer` and `need`.
fn match_form(offer: &str, need: &str) -> String {
    format!(
        "form[action=\"/exchanges\"]:has(input[name=offer][value=\"{offer}\"])\
         :has(input[name=need][value=\"{need}\"])"
    )
}

/// `/matches` through the header link; the pair must be among the suggestions.
pub async fn open_matches(page: &Page, offer: &str, need: &str) {
    page.click("a[href=\"/matches\"]").await;
    page.wait_for("/matches").await;
    page.find(&match_form(offer, need)).await;
}

/// From /matches, the link of a pair that has its exchange already, to that exchange.
pub async fn open_pairs_exchange(page: &Page, exchange: &str) {
    page.click("a[href=\"/matches\"]").await;
    page.wait_for("/matches").await;
    page.click(&format!("p.existing-exchange a[href=\"{exchange}\"]"))
        .await;
    page.wait_for(exchange).await;
    page.find("ol.history").await;
}

/// Clicks "interested" on the match; returns the exchange page's path it leads to.
pub async fn say_interested(page: &Page, offer: &str, need: &str) -> String {
    page.click(&format!("{} button[type=submit]", match_form(offer, need)))
        .await;
    let path = page
        .wait_for_path("an exchange page", |p| {
            p.strip_prefix("/exchanges/")
                .is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
        })
        .await;
    page.find("ol.history").await;
    path
}

/// Before both sides said interested, nothing on the page names the other firm.
async fn assert_anonymous(page: &Page, other: &Firm) {
    let html = page.source().await;
    assert_eq!(page.count("p.contact").await, 0, "no contact details yet");
    assert!(
        !html.contains(other.name) && !html.contains(other.email),
        "the other firm stays anonymous until both said interested"
    );
}

/// Once both said interested, the page shows the other firm's name and e-mail address.
async fn assert_contact(page: &Page, other: &Firm) {
    let contact = page.text("p.contact").await;
    assert!(
        contact.contains(other.name) && contact.contains(other.email),
        "the contact details name {} <{}>: {contact:?}",
        other.name,
        other.email
    );
}
