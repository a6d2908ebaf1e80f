//! The browser tests: the real app on a real port, driven through headless Chromium by
//! chromedriver like a user would — a firm's journey (registering, adding flows, matching,
//! carrying an exchange to completed) and a coordinator's path through the demo region
//! (overview, map, plan, impact, cases, data, partnerships); two firms writing and reading
//! messages in an exchange. Needs Debian's `chromium` and
//! `chromium-driver`; without them the tests say they are skipped, unless
//! `SYMBIOSE_REQUIRE_BROWSER=1` (CI) makes that a failure.
//!
//! `SYMBIOSE_SCREENSHOTS=<dir>` also saves pictures of the key pages (`scripts/screenshots`).

mod coordinator;
mod descriptors;
mod driver;
mod exchange;
mod journey;
mod map;
mod market;
mod messages;
mod page;
mod partnership;
mod plan;
mod region;
mod reset;
mod shots;
// The SMTP sink of the integration tests, compiled into this binary too.
#[path = "../it/mail/sink.rs"]
mod sink;
mod site;

use std::future::Future;
use std::time::Duration;

use driver::{Chromedriver, Lang};
use page::Page;
use sea_orm::DatabaseConnection;
use shots::Shots;
use site::Site;

/// The most a whole browser test may take before it is stopped as hanging.
const LIMIT: Duration = Duration::from_secs(240);

#[tokio::test(flavor = "multi_thread")]
async fn a_roaster_and_a_composter_carry_an_exchange_to_completed_in_the_browser() {
    with_browsers(&[Lang::Dutch], |pages, _| async move {
        journey::run(&pages[0], None).await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn two_firms_write_and_read_messages_in_an_exchange_in_the_browser() {
    with_browsers(&[Lang::Dutch], |pages, _| async move {
        messages::run(&pages[0], shots::dir_from_env()).await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_coordinator_runs_the_region_from_the_browser() {
    with_browsers(&[Lang::Dutch], |pages, db| async move {
        let prepared = region::prepare(&db).await;
        coordinator::run(&pages[0], &prepared, None).await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn screenshots() {
    let Some(dir) = shots::dir_from_env() else {
        return;
    };
    with_browsers(&[Lang::Dutch, Lang::English], move |pages, _| async move {
        let dutch = Shots::new(&dir, Lang::Dutch);
        let outcome = journey::run(&pages[0], Some(&dutch)).await;
        shots::tour(
            &pages[1],
            &Shots::new(&dir, Lang::English),
            &outcome.exchange,
        )
        .await;
        eprintln!("screenshots written to {}", dir.display());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_firm_searches_the_market_opens_a_listing_and_saves_the_search() {
    with_browsers(&[Lang::Dutch], |pages, db| async move {
        market::prepare(&db).await;
        market::run(&pages[0], None).await;
    })
    .await;
}

/// The market and a listing in both languages, on a site of their own with the demo region.
#[tokio::test(flavor = "multi_thread")]
async fn market_screenshots() {
    let Some(dir) = shots::dir_from_env() else {
        return;
    };
    with_browsers(&[Lang::Dutch, Lang::English], move |pages, db| async move {
        market::prepare(&db).await;
        market::run(&pages[0], Some(&Shots::new(&dir, Lang::Dutch))).await;
        market::tour(&pages[1], &Shots::new(&dir, Lang::English)).await;
        shots_of_dutch_home(&pages[0], &Shots::new(&dir, Lang::Dutch)).await;
    })
    .await;
}

/// The Dutch home page with the market, after the run.
async fn shots_of_dutch_home(page: &Page, shots: &Shots) {
    page.open("/").await;
    page.find("form.market").await;
    shots.take(page, "home-market").await;
}

/// The coordinator's pages, on a site of their own with the demo region.
#[tokio::test(flavor = "multi_thread")]
async fn coordinator_screenshots() {
    let Some(dir) = shots::dir_from_env() else {
        return;
    };
    with_browsers(&[Lang::Dutch, Lang::English], move |pages, db| async move {
        let prepared = region::prepare(&db).await;
        let dutch = Shots::new(&dir, Lang::Dutch);
        let outcome = coordinator::run(&pages[0], &prepared, Some(&dutch)).await;
        coordinator::tour(&pages[1], &Shots::new(&dir, Lang::English), &outcome).await;
        eprintln!("coordinator screenshots written to {}", dir.display());
    })
    .await;
}

/// A forgotten password: the site mails the link to the test's SMTP sink, the test follows
/// it and sets a new password (with `SYMBIOSE_SCREENSHOTS`, the pages in nl and en too).
#[tokio::test(flavor = "multi_thread")]
async fn a_forgotten_password_is_replaced_through_a_mailed_link_in_the_browser() {
    let dir = shots::dir_from_env();
    let languages: &[Lang] = match dir {
        Some(_) => &[Lang::Dutch, Lang::English],
        None => &[Lang::Dutch],
    };
    let sink = std::sync::Arc::new(sink::Sink::start(sink::Mode::Accept).await);
    let smtp = Some(sink.url());
    with_browsers_mailing(languages, smtp, move |pages, _| async move {
        let dutch = dir.as_ref().map(|dir| Shots::new(dir, Lang::Dutch));
        reset::run(&pages[0], &sink, dutch.as_ref()).await;
        if let Some(dir) = &dir {
            reset::tour(&pages[1], &sink, &Shots::new(dir, Lang::English)).await;
        }
    })
    .await;
}

/// Starts chromedriver, the site and one browser session per language, runs `body` on them
/// and the site's database, and — whether `body` passed, panicked or hung — closes the
/// sessions and stops chromedriver before passing the outcome on.
async fn with_browsers<F, Fut>(languages: &[Lang], body: F)
where
    F: FnOnce(Vec<Page>, DatabaseConnection) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    with_browsers_mailing(languages, None, body).await;
}

/// [`with_browsers`] on a site that sends its mail to `smtp_url`, when given.
async fn with_browsers_mailing<F, Fut>(languages: &[Lang], smtp_url: Option<String>, body: F)
where
    F: FnOnce(Vec<Page>, DatabaseConnection) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let Some(mut driver) = Chromedriver::start_or_skip().await else {
        return;
    };
    let site = Site::start_mailing(smtp_url).await;
    let mut pages = Vec::new();
    for language in languages {
        match driver.session(*language).await {
            Ok(client) => pages.push(Page::new(client, &site.base)),
            Err(problem) => {
                close_all(pages).await;
                panic!("{problem}");
            }
        }
    }
    // In a task of its own, so that a panic in the journey still lets us close the browsers.
    let mut run = tokio::spawn(body(pages.clone(), site.db.clone()));
    let outcome = tokio::time::timeout(LIMIT, &mut run).await;
    if outcome.is_err() {
        run.abort();
    }
    close_all(pages).await;
    if !matches!(outcome, Ok(Ok(()))) {
        eprintln!("--- end of chromedriver's log ---\n{}", driver.log_tail());
    }
    drop(site);
    drop(driver);
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(failed)) if failed.is_panic() => std::panic::resume_unwind(failed.into_panic()),
        Ok(Err(failed)) => panic!("the browser test did not finish: {failed}"),
        Err(_) => panic!("the browser test hung for more than {LIMIT:?}"),
    }
}

async fn close_all(pages: Vec<Page>) {
    for page in pages {
        page.close().await;
    }
}

/// Issue #11: an offer with descriptors through the form, the right match, and why the care
/// kitchen is not suggested (with `SYMBIOSE_SCREENSHOTS`, pictures in nl and en).
#[tokio::test(flavor = "multi_thread")]
async fn a_described_offer_finds_the_grower_and_the_kitchens_listing_says_why_not() {
    let dir = shots::dir_from_env();
    let languages: &[Lang] = match dir {
        Some(_) => &[Lang::Dutch, Lang::English],
        None => &[Lang::Dutch],
    };
    with_browsers(languages, move |pages, _| async move {
        let dutch = dir.as_ref().map(|dir| Shots::new(dir, Lang::Dutch));
        descriptors::run(&pages[0], dutch.as_ref()).await;
        if let Some(dir) = &dir {
            descriptors::tour(&pages[1], &Shots::new(dir, Lang::English)).await;
        }
    })
    .await;
}
