//! One simulated firm of the write load: what it does, and what it saw.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::support::{Browser, Failed, Page, forms_to};

/// The actions each client cycles through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Action {
    AddOffer,
    AddNeed,
    EditOffer,
    PauseNeed,
    ResumeNeed,
    Interested,
    ConfirmOffer,
    /// The pages read on the way (forms, lists, matches).
    Page,
}

/// What one client saw: per action, the status of each request and its latency.
#[derive(Default)]
pub struct Tally {
    pub statuses: BTreeMap<(Action, String), usize>,
    pub latencies: BTreeMap<Action, Vec<Duration>>,
}

impl Tally {
    fn record(&mut self, action: Action, outcome: &Result<Page, Failed>, took: Duration) {
        let status = match outcome {
            Ok(page) => page.status.as_u16().to_string(),
            Err(_) => "no answer".to_string(),
        };
        *self.statuses.entry((action, status)).or_default() += 1;
        self.latencies.entry(action).or_default().push(took);
    }

    pub fn merge(&mut self, other: Tally) {
        for (key, n) in other.statuses {
            *self.statuses.entry(key).or_default() += n;
        }
        for (action, mut times) in other.latencies {
            self.latencies.entry(action).or_default().append(&mut times);
        }
    }
}

/// A failure of ours: a server error or no answer at all.
fn failed(outcome: &Result<Page, Failed>) -> bool {
    match outcome {
        Ok(page) => page.status.is_server_error(),
        Err(_) => true,
    }
}

pub struct Client {
    browser: Browser,
    number: usize,
    added: usize,
    tally: Tally,
    /// The first error message seen, to print.
    first_error: Arc<Mutex<Option<String>>>,
}

impl Client {
    /// Client `number`, writing as the firm `browser` is signed in as; the first failure
    /// any client sees goes to `first_error`.
    pub fn new(browser: Browser, number: usize, first_error: Arc<Mutex<Option<String>>>) -> Client {
        Client {
            browser,
            number,
            added: 0,
            tally: Tally::default(),
            first_error,
        }
    }

    async fn timed(
        &mut self,
        action: Action,
        request: impl AsyncFnOnce(&mut Browser) -> Result<Page, Failed>,
    ) -> Result<Page, Failed> {
        let started = Instant::now();
        let outcome = request(&mut self.browser).await;
        self.tally.record(action, &outcome, started.elapsed());
        if failed(&outcome) {
            let mut first = self.first_error.lock().unwrap();
            if first.is_none() {
                *first = Some(match &outcome {
                    Ok(page) => format!("{action:?}: {}", page.status),
                    Err(e) => format!("{action:?}: {}", e.0),
                });
            }
        }
        outcome
    }

    async fn page(&mut self, path: &str) -> Result<Page, Failed> {
        self.timed(Action::Page, async |b| b.get(path).await).await
    }

    /// Posts `fields` (with the token of `form_page`) to `action`; a server error or no answer
    /// is retried once.
    async fn write(
        &mut self,
        action: Action,
        form_page: &str,
        target: &str,
        fields: &[(&str, &str)],
    ) -> Result<Page, Failed> {
        let form = self.page(form_page).await?;
        let csrf = form
            .csrf()
            .ok_or_else(|| Failed(format!("no form on {form_page}")))?;
        let mut all = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        let first = self
            .timed(action, async |b| b.post(target, &all).await)
            .await;
        if !failed(&first) {
            return first;
        }
        self.timed(action, async |b| b.post(target, &all).await)
            .await
    }

    fn description(&mut self, kind: &str) -> String {
        self.added += 1;
        format!("Lastproef {kind} c{} #{}", self.number, self.added)
    }

    async fn add_offer(&mut self) {
        let description = self.description("aanbod");
        let fields = offer_fields(&description, "12");
        let _ = self
            .write(Action::AddOffer, "/offers/new", "/offers", &fields)
            .await;
    }

    async fn add_need(&mut self) {
        let description = self.description("vraag");
        let fields = need_fields(&description);
        let _ = self
            .write(Action::AddNeed, "/needs/new", "/needs", &fields)
            .await;
    }

    /// The id of one own flow (`offers` or `needs`) on the firm's list, chosen by `turn`.
    async fn own_flow(&mut self, kind: &str, turn: usize) -> Option<String> {
        let list = self.page("/offers").await.ok()?;
        let marker = format!("href=\"/{kind}/");
        let ids: Vec<&str> = list
            .body
            .match_indices(&marker)
            .filter_map(|(at, _)| {
                let rest = &list.body[at + marker.len()..];
                let id = &rest[..rest.find('/')?];
                rest[id.len()..].starts_with("/edit").then_some(id)
            })
            .collect();
        (!ids.is_empty()).then(|| ids[turn % ids.len()].to_string())
    }

    async fn edit_offer(&mut self, turn: usize) {
        let Some(id) = self.own_flow("offers", turn).await else {
            return;
        };
        let edit = format!("/offers/{id}/edit");
        let Ok(form) = self.page(&edit).await else {
            return;
        };
        let description = field_value(&form.body, "description").unwrap_or_default();
        let quantity = (10 + turn % 50).to_string();
        let fields = offer_fields(&description, &quantity);
        let _ = self.write(Action::EditOffer, &edit, &edit, &fields).await;
    }

    async fn pause_and_resume_need(&mut self, turn: usize) {
        let Some(id) = self.own_flow("needs", turn).await else {
            return;
        };
        for (action, step) in [(Action::PauseNeed, "pause"), (Action::ResumeNeed, "resume")] {
            let target = format!("/needs/{id}/{step}");
            let _ = self.write(action, "/offers", &target, &[]).await;
        }
    }

    async fn confirm_offer(&mut self, turn: usize) {
        let Some(id) = self.own_flow("offers", turn).await else {
            return;
        };
        let target = format!("/offers/{id}/confirm");
        let _ = self
            .write(Action::ConfirmOffer, "/offers", &target, &[])
            .await;
    }

    async fn interested(&mut self, turn: usize) {
        let Ok(matches) = self.page("/matches").await else {
            return;
        };
        let forms = forms_to(&matches.body, "/exchanges");
        if forms.is_empty() {
            return;
        }
        let form = &forms[turn % forms.len()];
        let (Some(offer), Some(need)) = (form.get("offer"), form.get("need")) else {
            return;
        };
        let fields = [("offer", offer.as_str()), ("need", need.as_str())];
        let _ = self
            .write(Action::Interested, "/matches", "/exchanges", &fields)
            .await;
    }

    pub async fn run(mut self, until: Instant) -> Tally {
        let mut turn = self.number;
        while Instant::now() < until {
            match turn % 6 {
                0 => self.add_offer().await,
                1 => self.add_need().await,
                2 => self.edit_offer(turn).await,
                3 => self.pause_and_resume_need(turn).await,
                4 => self.interested(turn).await,
                _ => self.confirm_offer(turn).await,
            }
            turn += 1;
        }
        self.tally
    }
}

/// Cardboard, as the offer form posts it.
fn offer_fields<'a>(description: &'a str, quantity: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("material", "15 01 01"),
        ("description", description),
        ("quantity_per_year", quantity),
        ("unit", "t"),
        ("regularity", "recurring"),
        ("disposal_cost_eur_per_unit", "20"),
        ("confidentiality", "anonymous"),
    ]
}

/// Plastic packaging or wood, as the need form posts it.
fn need_fields(description: &str) -> Vec<(&str, &str)> {
    vec![
        ("accepts", "15 01 02"),
        ("accepts", "15 01 03"),
        ("description", description),
        ("quantity_per_year", "40"),
        ("unit", "t"),
        ("virgin_price_eur_per_unit", "120"),
        ("max_distance_km", "40"),
        ("licensed_for_hazardous", "false"),
        ("confidentiality", "anonymous"),
    ]
}

/// The value of the input or textarea `name` in a form page.
fn field_value(body: &str, name: &str) -> Option<String> {
    let at = body.find(&format!("name=\"{name}\""))?;
    let rest = &body[at..];
    if let Some(v) = rest.find("value=\"") {
        let value = &rest[v + 7..];
        let close = rest.find('>')?;
        if v < close {
            return Some(value[..value.find('"')?].to_string());
        }
    }
    // A textarea: the text up to its end tag.
    let text = &rest[rest.find('>')? + 1..];
    Some(text[..text.find("</textarea>")?].to_string())
}
