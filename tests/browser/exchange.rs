//! One exchange page, `/exchanges/{id}`: its step buttons, the tonnes form and the history.
//! Each step is proven by the history growing by one entry and the next button appearing.

use crate::page::Page;

/// The history entries of the exchange page.
const HISTORY: &str = "ol.history > li";

/// The submit button of the step form that carries `step`.
fn step_button(exchange: &str, step: &str) -> String {
    format!(
        "form[action=\"{exchange}/step\"]:has(input[name=step][value=\"{step}\"]) \
         button[type=submit]"
    )
}

fn tonnes_form(exchange: &str) -> String {
    format!("form[action=\"{exchange}/tonnes\"]")
}

/// Clicks the button of `step` and waits for the page on which it is recorded.
pub async fn take_step(page: &Page, exchange: &str, step: &str) {
    page.find("ol.history").await;
    let before = page.count(HISTORY).await;
    page.click(&step_button(exchange, step)).await;
    page.find(&format!("{HISTORY}:nth-child({})", before + 1))
        .await;
    assert_eq!(
        page.count(&step_button(exchange, step)).await,
        0,
        "after {step}, its button is gone"
    );
}

/// Introduced → negotiating → agreed → running; tonnes can be recorded only at the end.
pub async fn carry_to_running(page: &Page, exchange: &str) {
    for step in ["negotiate", "agree", "start"] {
        assert_eq!(
            page.count(&tonnes_form(exchange)).await,
            0,
            "no tonnes before the exchange runs (before {step})"
        );
        take_step(page, exchange, step).await;
    }
    page.find(&tonnes_form(exchange)).await;
}

/// Fills the tonnes form of a running exchange and checks the month's row shows `expected`.
pub async fn record_tonnes(page: &Page, exchange: &str, period: &str, typed: &str, expected: f64) {
    let form = tonnes_form(exchange);
    page.type_into(&format!("{form} [name=period]"), period)
        .await;
    page.type_into(&format!("{form} [name=tonnes]"), typed)
        .await;
    page.submit(&format!("{exchange}/tonnes")).await;
    let (month, tonnes) = tonnes_row(page, period).await;
    assert_eq!(month, period);
    assert!(
        (tonnes - expected).abs() < 1e-9,
        "{expected} t recorded for {period}, the page shows {tonnes}"
    );
}

/// The month and tonnes of the recorded row for `period` (written `0,7` or `0.7`).
async fn tonnes_row(page: &Page, period: &str) -> (String, f64) {
    // The page has one table: the tonnes moved per month.
    let row = "table tbody tr";
    page.find(row).await;
    let cells = format!("{row} td");
    let month = page.text(&format!("{row} td:first-child")).await;
    let shown = page.text(&format!("{row} td:nth-child(2)")).await;
    let tonnes = shown
        .trim()
        .replace(',', ".")
        .parse::<f64>()
        .unwrap_or_else(|_| {
            panic!("the tonnes cell for {period} reads {shown:?} ({cells})");
        });
    (month.trim().to_string(), tonnes)
}

/// From the header's "exchanges" link to the exchange in the list.
pub async fn open_from_list(page: &Page, exchange: &str) {
    page.click("a[href=\"/exchanges\"]").await;
    page.wait_for("/exchanges").await;
    page.click(&format!("a[href=\"{exchange}\"]")).await;
    page.wait_for(exchange).await;
    page.find("ol.history").await;
}

/// Running → completed: afterwards no step, decline or tonnes form is left, the tonnes stay.
pub async fn complete(page: &Page, exchange: &str) {
    page.find(&tonnes_form(exchange)).await;
    let (month, _) = tonnes_row(page, "the recorded month").await;
    take_step(page, exchange, "complete").await;
    let steps = format!("form[action=\"{exchange}/step\"]");
    assert_eq!(
        page.count(&steps).await,
        0,
        "a completed exchange takes no step"
    );
    assert_eq!(page.count(&tonnes_form(exchange)).await, 0, "nor tonnes");
    assert_eq!(
        tonnes_row(page, &month).await.0,
        month,
        "the tonnes stay shown"
    );
    // interested, introduced, negotiating, agreed, running, completed.
    let history = page.count(HISTORY).await;
    assert!(history >= 6, "the history lists every step, has {history}");
}
