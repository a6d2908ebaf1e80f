//! Messages inside an exchange, in the browser: closed while only one firm said interested;
//! then the composter writes (two lines), the roaster sees "1 unread message" on its list of
//! exchanges, reads the thread, which clears the count, and answers; the composter reads the
//! answer. With `SYMBIOSE_SCREENSHOTS` the exchange page with its thread is saved in Dutch
//! (the roaster's) and in English (the composter's language).

use std::path::PathBuf;

use crate::driver::Lang;
use crate::exchange::take_step;
use crate::journey::{self, COMPOSTER, Firm, ROASTER};
use crate::page::Page;
use crate::shots::Shots;

const THREAD: &str = "ol.thread > li.message";

/// The whole path; panics at the first step that did not happen.
pub async fn run(page: &Page, shots: Option<PathBuf>) {
    page.open("/").await;
    journey::register(page, &ROASTER, None).await;
    let offer = journey::add_offer(page, None).await;
    journey::log_out(page).await;
    journey::register(page, &COMPOSTER, None).await;
    let need = journey::add_need(page).await;
    journey::log_out(page).await;

    journey::log_in(page, &ROASTER).await;
    journey::open_matches(page, &offer, &need).await;
    let exchange = journey::say_interested(page, &offer, &need).await;
    page.find("section.messages p.none").await;
    assert_eq!(page.count("textarea[name=text]").await, 0, "not open yet");
    journey::log_out(page).await;

    journey::log_in(page, &COMPOSTER).await;
    journey::open_pairs_exchange(page, &exchange).await;
    take_step(page, &exchange, "interested").await;
    write(page, &exchange, "Hello,\nTuesday at ten suits us.").await;
    journey::log_out(page).await;

    journey::log_in(page, &ROASTER).await;
    if let Some(dir) = &shots {
        // The dashboard with the unread message and its notice.
        page.click("a[href=\"/dashboard\"]").await;
        page.wait_for("/dashboard").await;
        page.find("section.unread-messages").await;
        Shots::new(dir, Lang::Dutch)
            .take(page, "dashboard-messages")
            .await;
    }
    read_unread(page, &exchange, "1 ongelezen bericht").await;
    assert_message(page, 1, &COMPOSTER, "Tuesday at ten suits us.").await;
    write(page, &exchange, "Prima, tot dinsdag!").await;
    assert_no_unread(page, &exchange).await;
    if let Some(dir) = &shots {
        show_thread(page, &exchange).await;
        Shots::new(dir, Lang::Dutch).take(page, "messages").await;
    }
    journey::log_out(page).await;

    journey::log_in(page, &COMPOSTER).await;
    read_unread(page, &exchange, "1 unread message").await;
    assert_message(page, 2, &ROASTER, "Prima, tot dinsdag!").await;
    if let Some(dir) = &shots {
        Shots::new(dir, Lang::English).take(page, "messages").await;
    }
    journey::log_out(page).await;
}

/// Types `text` into the message form and sends it; waits for it at the end of the thread.
async fn write(page: &Page, exchange: &str, text: &str) {
    let before = page.count(THREAD).await;
    page.type_into("form textarea[name=text]", text).await;
    page.submit(&format!("{exchange}/messages")).await;
    let last = format!("{THREAD}:nth-child({})", before + 1);
    page.find(&last).await;
    let shown = page.text(&format!("{last} p.text")).await;
    let first_line = text.lines().next().unwrap();
    assert!(
        shown.contains(first_line),
        "the message is shown: {shown:?}"
    );
}

/// From the header's list of exchanges, the unread badge (`label`) to the thread.
async fn read_unread(page: &Page, exchange: &str, label: &str) {
    page.click("a[href=\"/exchanges\"]").await;
    page.wait_for("/exchanges").await;
    let badge = format!("a.badge[href=\"{exchange}#messages\"]");
    let shown = page.text(&badge).await;
    assert_eq!(shown.trim(), label);
    page.click(&badge).await;
    page.wait_for(exchange).await;
    page.find(THREAD).await;
}

/// The `n`th message names `from` and reads `text`.
async fn assert_message(page: &Page, n: usize, from: &Firm, text: &str) {
    let message = format!("{THREAD}:nth-child({n})");
    let sender = page.text(&format!("{message} .sender")).await;
    assert_eq!(sender.trim(), from.name);
    let body = page.text(&format!("{message} p.text")).await;
    assert!(body.contains(text), "message {n} reads {body:?}");
}

/// Once read, the list shows no unread badge for the exchange.
async fn assert_no_unread(page: &Page, exchange: &str) {
    page.click("a[href=\"/exchanges\"]").await;
    page.wait_for("/exchanges").await;
    page.find(&format!("a[href=\"{exchange}\"]")).await;
    let badge = format!("a.badge[href=\"{exchange}#messages\"]");
    assert_eq!(page.count(&badge).await, 0, "read messages are not counted");
    page.click(&format!("a[href=\"{exchange}\"]")).await;
    page.wait_for(exchange).await;
}

/// Scrolls the thread into view for the picture.
async fn show_thread(page: &Page, exchange: &str) {
    page.wait_for(exchange).await;
    page.scroll_to("section.messages").await;
}
