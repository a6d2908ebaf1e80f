//! `/plan`: the region plan run in the background while the page refreshes itself, its totals
//! and planned exchanges; the first loop turned into exchanges and the first pool into a
//! collection round.

use std::time::{Duration, Instant};

use crate::coordinator::snap;
use crate::page::Page;
use crate::shots::Shots;

/// How long the plan of the demo region may take (well under a second in the library; the
/// page refreshes every two seconds while it runs).
const RUN_LIMIT: Duration = Duration::from_secs(60);
/// The plan's totals: € per year, tonnes, CO₂ and exchanges.
const TOTALS: &str = "ul.stats > li > strong";

/// Runs the plan and turns the first loop and pool into exchanges; returns the round's path.
pub async fn run(page: &Page, shots: Option<&Shots>) -> String {
    page.click("a[href=\"/plan\"]").await;
    page.wait_for("/plan").await;
    page.find("form[action=\"/plan/run\"]").await;
    assert_eq!(page.count(TOTALS).await, 0, "no plan before the first run");
    page.submit("/plan/run").await;
    wait_for_totals(page).await;
    let totals = page.texts(TOTALS).await;
    assert_eq!(totals.len(), 4, "the plan's totals: {totals:?}");
    let planned = crate::coordinator::whole(&totals[3]);
    assert!(planned > 0, "the plan has exchanges: {totals:?}");
    assert!(
        page.count("table.plan tbody tr").await > 0,
        "and lists them"
    );
    page.find("section.reality").await;

    open_loops(page).await;
    open_first_loop(page).await;
    snap(shots, page, "plan-loops").await;
    let round = form_first_round(page).await;
    snap(shots, page, "round").await;

    page.click("a[href=\"/plan\"]").await;
    page.wait_for("/plan").await;
    page.find(TOTALS).await;
    snap(shots, page, "plan").await;
    round
}

/// Waits, past the page's own refreshes, until the finished plan's totals show.
async fn wait_for_totals(page: &Page) {
    let deadline = Instant::now() + RUN_LIMIT;
    while page.count(TOTALS).await == 0 {
        if Instant::now() > deadline {
            page.fail(&format!("the plan did not finish within {RUN_LIMIT:?}"))
                .await
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(
        page.count("section.progress").await,
        0,
        "no progress shown beside a finished plan"
    );
}

/// From `/plan` to its loops and chains.
pub async fn open_loops(page: &Page) {
    page.click("a[href=\"/plan/loops\"]").await;
    page.wait_for("/plan/loops").await;
    page.find("article.proposal, p.empty").await;
}

/// The first loop's button: afterwards every link of the loop names its exchange.
async fn open_first_loop(page: &Page) {
    let first = "article#loops-1";
    page.find(first).await;
    let links = page.count(&format!("{first} ol.links > li")).await;
    assert!(links >= 2, "a loop has two links or more, has {links}");
    page.submit("/plan/loops/1").await;
    page.find("p.status").await;
    page.find(first).await;
    assert_eq!(
        page.count(&format!(
            "{first} ol.links > li a.badge[href^=\"/exchanges/\"]"
        ))
        .await,
        links,
        "an exchange for every link"
    );
    assert_eq!(
        page.count("form[action=\"/plan/loops/1\"]").await,
        0,
        "nothing left to open"
    );
}

/// The first pool's button: a collection round with a member and an exchange per offer.
async fn form_first_round(page: &Page) -> String {
    page.click("a[href=\"/plan/pools\"]").await;
    page.wait_for("/plan/pools").await;
    let first = "article#pool-1";
    page.find(first).await;
    let members = page.count(&format!("{first} table tbody tr")).await;
    assert!(
        members >= 2,
        "a pool has two members or more, has {members}"
    );
    page.submit("/plan/pools/1").await;
    let round = page
        .wait_for_path("a collection round", |p| {
            p.strip_prefix("/rounds/")
                .is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
        })
        .await;
    page.find("table.round").await;
    assert_eq!(page.count("table.round tbody tr").await, members);
    assert_eq!(
        page.count("table.round tbody a[href^=\"/exchanges/\"]")
            .await,
        members,
        "an exchange for every member"
    );
    round
}
