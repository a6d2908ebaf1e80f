//! The coordinator's path through the demo region, in one browser: the overview with a
//! municipality filter and a proposal from the next best calls, the map zoomed and filtered,
//! the region plan with a loop turned into exchanges and a pool into a collection round, an
//! introduced exchange carried to running with tonnes that show on the impact page, a decline
//! that becomes a case, the data page, and a partnership started from a suggested cluster
//! that a registered firm accepts.

use crate::journey::{self, ROASTER};
use crate::page::Page;
use crate::region::{self, Prepared};
use crate::shots::Shots;
use crate::{map, partnership, plan};

/// What the path made, for the pictures that follow it.
pub struct Outcome {
    /// `/partnerships/{id}`.
    pub partnership: String,
    /// `/rounds/{id}`.
    pub round: String,
}

/// The overview's counts: firms, offers, needs, outdated flows, open and running exchanges.
const STATS: &str = "ul.stats > li > strong";
/// The "Propose" forms of the next best calls.
const CALLS: &str = "form[action=\"/coordinator/propose\"]";
/// The history entries of an exchange page.
const HISTORY: &str = "ol.history > li";

/// The whole path; panics at the first step that did not happen.
pub async fn run(page: &Page, prepared: &Prepared, shots: Option<&Shots>) -> Outcome {
    page.open("/").await;
    // A firm with an account, to invite into a partnership: the demo's firms have none.
    journey::register(page, &ROASTER, None).await;
    journey::log_out(page).await;

    log_in(page).await;
    let (firms, proposed) = overview(page, shots).await;
    map::explore(page, firms, shots).await;
    let round = plan::run(page, shots).await;
    impact(page, prepared, shots).await;
    cases(page, &proposed, shots).await;
    data(page, shots).await;
    let partnership = partnership::start(page, &ROASTER).await;
    journey::log_out(page).await;

    journey::log_in(page, &ROASTER).await;
    partnership::accept(page, &partnership).await;
    journey::log_out(page).await;

    log_in(page).await;
    partnership::check_accepted(page, &partnership, shots).await;
    journey::log_out(page).await;
    Outcome { partnership, round }
}

/// Saves a picture of the page when pictures were asked for.
pub async fn snap(shots: Option<&Shots>, page: &Page, name: &str) {
    if let Some(shots) = shots {
        shots.take(page, name).await;
    }
}

/// Through the login form; staff land on `/coordinator` with the region's pages in the header.
pub async fn log_in(page: &Page) {
    page.click("a[href=\"/login\"]").await;
    page.type_into("form[action=\"/login\"] [name=email]", region::EMAIL)
        .await;
    page.type_into("form[action=\"/login\"] [name=password]", region::PASSWORD)
        .await;
    page.submit("/login").await;
    page.wait_for("/coordinator").await;
    page.find("a[href=\"/coordinator\"]").await;
}

/// A whole number as the pages write it (`1.234` in Dutch).
pub fn whole(text: &str) -> u64 {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("{text:?} is not a count"))
}

/// A Dutch decimal as the pages write it (`1.234,5`).
fn decimal(text: &str) -> f64 {
    let plain = text.trim().replace('.', "").replace(',', ".");
    plain
        .parse()
        .unwrap_or_else(|_| panic!("{text:?} is not a number"))
}

/// The path of a link's address, whether the browser reports it relative or absolute.
pub fn path_of(href: &str) -> String {
    match href.split_once("://") {
        Some((_, rest)) => rest
            .find('/')
            .map_or("/", |slash| &rest[slash..])
            .to_string(),
        None => href.to_string(),
    }
}

/// The overview's six counts.
async fn stats(page: &Page) -> Vec<u64> {
    page.find(STATS).await;
    let counts: Vec<u64> = page.texts(STATS).await.iter().map(|t| whole(t)).collect();
    assert_eq!(counts.len(), 6, "six counts on the overview: {counts:?}");
    counts
}

/// `/coordinator`: the counts, the Weert filter and a proposal from the first next best call,
/// after which the whole region counts one more open exchange. Returns the region's firms and
/// the proposed exchange's path.
async fn overview(page: &Page, shots: Option<&Shots>) -> (u64, String) {
    page.click("a[href=\"/coordinator\"]").await;
    page.wait_for("/coordinator").await;
    let region = stats(page).await;
    assert!(
        region[..3].iter().all(|&n| n > 0),
        "firms, offers and needs counted: {region:?}"
    );
    assert_eq!(region[4], 1, "the introduced exchange is the one open");
    assert_eq!(
        page.count("table.tally").await,
        2,
        "by municipality, by sector"
    );
    assert!(page.count(CALLS).await > 0, "next best calls offered");
    snap(shots, page, "coordinator").await;

    page.choose("form[action=\"/coordinator\"] select#gemeente", "Weert")
        .await;
    page.submit("/coordinator").await;
    page.find("select#gemeente option[value=\"Weert\"][selected]")
        .await;
    let weert = stats(page).await;
    assert!(
        weert[0] > 0 && weert[0] < region[0],
        "Weert's firms are some of the region's: {weert:?} of {region:?}"
    );
    let rows = "div.overview-tables > section:first-child table.tally tbody tr";
    assert_eq!(page.count(rows).await, 1, "one municipality left");

    let exchange = propose_first_call(page).await;

    page.click("a[href=\"/coordinator\"]").await;
    page.wait_for("/coordinator").await;
    let after = stats(page).await;
    assert_eq!(
        page.count("form.region-filters a[href=\"/coordinator\"]")
            .await,
        0,
        "the whole region again, without a filter to clear"
    );
    assert_eq!(after[4], region[4] + 1, "one more open exchange");
    (region[0], exchange)
}

/// "Propose" on the first call of the filtered overview: the overview comes back with its
/// filter, without that call and with a link to the new exchange, whose history holds the
/// proposal. Returns the exchange's path.
async fn propose_first_call(page: &Page) -> String {
    let offer = page
        .attr(&format!("{CALLS} input[name=offer]"), "value")
        .await;
    let need = page
        .attr(&format!("{CALLS} input[name=need]"), "value")
        .await;
    let the_call = format!(
        "{CALLS}:has(input[name=offer][value=\"{offer}\"]):has(input[name=need][value=\"{need}\"])"
    );
    assert_eq!(
        page.count(&format!("{the_call} input[name=gemeente][value=\"Weert\"]"))
            .await,
        1,
        "the proposal keeps the filter"
    );
    page.submit("/coordinator/propose").await;
    let notice = "p.status a[href^=\"/exchanges/\"]";
    let exchange = path_of(&page.attr(notice, "href").await);
    page.find("select#gemeente option[value=\"Weert\"][selected]")
        .await;
    assert_eq!(
        page.count(&the_call).await,
        0,
        "a proposed pair is no call any more"
    );
    page.click(notice).await;
    page.wait_for(&exchange).await;
    page.find(HISTORY).await;
    assert_eq!(page.count(HISTORY).await, 1, "proposed by the coordinator");
    exchange
}

/// Tonnes and exchanges of the impact page's headline.
async fn headline(page: &Page) -> (f64, u64) {
    let figures = page.texts("ul.impact-headline > li > strong").await;
    assert_eq!(figures.len(), 5, "the headline's figures: {figures:?}");
    (decimal(&figures[0]), whole(&figures[4]))
}

/// `/impact` shows nothing recorded; the introduced exchange is carried to running and
/// 12.5 t recorded; `/impact` then shows exactly those tonnes on one exchange.
async fn impact(page: &Page, prepared: &Prepared, shots: Option<&Shots>) {
    page.click("a[href=\"/impact\"]").await;
    page.wait_for("/impact").await;
    page.find("ul.impact-headline").await;
    assert_eq!(headline(page).await, (0.0, 0), "nothing recorded yet");
    let tables = page.count("table.figures").await;

    let exchange = &prepared.introduced;
    crate::exchange::open_from_list(page, exchange).await;
    crate::exchange::carry_to_running(page, exchange).await;
    let month = chrono::Local::now().format("%Y-%m").to_string();
    crate::exchange::record_tonnes(page, exchange, &month, "12.5", 12.5).await;

    page.click("a[href=\"/impact\"]").await;
    page.wait_for("/impact").await;
    page.find("ul.impact-headline").await;
    assert_eq!(headline(page).await, (12.5, 1), "the recorded tonnes");
    assert!(
        page.count("table.figures").await > tables,
        "breakdowns appear once tonnes are recorded"
    );
    page.find("#method").await;
    snap(shots, page, "impact").await;
}

/// The proposed exchange is declined with a reason and becomes a case on `/cases`.
async fn cases(page: &Page, exchange: &str, shots: Option<&Shots>) {
    page.click("a[href=\"/cases\"]").await;
    page.wait_for("/cases").await;
    page.find("form[action=\"/cases\"]").await;
    let listed = format!("table.cases a[href=\"{exchange}\"]");
    assert_eq!(page.count(&listed).await, 0, "no case before the decline");

    crate::exchange::open_from_list(page, exchange).await;
    let decline = format!("form[action=\"{exchange}/step\"]:has(input[name=step][value=decline])");
    page.type_into(
        &format!("{decline} [name=reason]"),
        "De afnemer heeft al een vaste leverancier",
    )
    .await;
    let before = page.count(HISTORY).await;
    page.click(&format!("{decline} button[type=submit]")).await;
    page.find(&format!("{HISTORY}:nth-child({})", before + 1))
        .await;
    assert_eq!(
        page.count(&decline).await,
        0,
        "a declined exchange is final"
    );

    page.click("a[href=\"/cases\"]").await;
    page.wait_for("/cases").await;
    page.find(&listed).await;
    snap(shots, page, "cases").await;
}

/// `/data`: the upload form and the exports.
async fn data(page: &Page, shots: Option<&Shots>) {
    page.click("a[href=\"/data\"]").await;
    page.wait_for("/data").await;
    page.find("form[action=\"/data\"] input[type=file][name=files]")
        .await;
    page.find("a[href=\"/data/export.json\"]").await;
    snap(shots, page, "data").await;
}

/// The coordinator's pages in the English session after the path: the account's stored
/// language is Dutch, so the header's language switch makes the session English first.
pub async fn tour(page: &Page, shots: &Shots, outcome: &Outcome) {
    page.open("/").await;
    log_in(page).await;
    page.click("a.language[href=\"/language/en\"]").await;
    page.find("html[lang=\"en\"]").await;
    let pages = [
        ("/coordinator", "ul.stats", "coordinator"),
        ("/map", "figure.region-map svg", "map"),
        ("/plan", "ul.stats", "plan"),
        ("/partnerships", "article.cluster", "partnerships"),
        ("/impact", "ul.impact-headline", "impact"),
        ("/cases", "table.cases", "cases"),
        ("/data", "form[action=\"/data\"]", "data"),
    ];
    for (path, ready, name) in pages {
        page.click(&format!("header a[href=\"{path}\"]")).await;
        page.wait_for(path).await;
        page.find(ready).await;
        page.find("html[lang=\"en\"]").await;
        shots.take(page, name).await;
        match path {
            "/map" => {
                map::zoom(page, "Weert", "cardboard").await;
                page.scroll_to("figure.region-map").await;
                shots.take(page, "map-weert").await;
            }
            "/plan" => {
                plan::open_loops(page).await;
                shots.take(page, "plan-loops").await;
                page.click("a[href=\"/plan/pools\"]").await;
                page.click(&format!("a[href=\"{}\"]", outcome.round)).await;
                page.wait_for(&outcome.round).await;
                shots.take(page, "round").await;
            }
            "/partnerships" => {
                page.click(&format!("a[href=\"{}\"]", outcome.partnership))
                    .await;
                page.wait_for(&outcome.partnership).await;
                shots.take(page, "partnership").await;
            }
            _ => {}
        }
    }
    journey::log_out(page).await;
}
