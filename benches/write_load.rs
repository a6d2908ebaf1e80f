//! Concurrent writers against the real server.
//!
//! `cargo bench --bench write_load -- [SECONDS] [--clients 16] [--binary PATH]` starts the
//! release binary `symbiose serve` on a fresh SQLite file (it loads the Keyport demo region),
//! registers one firm per client and lets every client write for SECONDS (default 60) as a firm
//! would: add an offer, add a need, change an offer, pause and resume a need, say "interested"
//! on a match, confirm an offer as still current, over and over. A write that fails with a
//! server error or no answer is retried once, as a user would. It prints the requests, their
//! statuses per action, the server errors, and the flows stored twice (each added flow has its
//! own description, so a retried write that had been saved shows up as a duplicate). `--binary`
//! measures another build instead, e.g. one from before a change, as a reference.

#[allow(dead_code)] // each benchmark uses its own part of the shared harness
mod support;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sea_orm::{ConnectionTrait, Statement};
use support::{Browser, Failed, Page, Server, forms_to, http, quantile_ms};

/// The actions each client cycles through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Action {
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
struct Tally {
    statuses: BTreeMap<(Action, String), usize>,
    latencies: BTreeMap<Action, Vec<Duration>>,
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

    fn merge(&mut self, other: Tally) {
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

struct Client {
    browser: Browser,
    number: usize,
    added: usize,
    tally: Tally,
    /// The first error message seen, to print.
    first_error: Arc<Mutex<Option<String>>>,
}

impl Client {
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

    async fn run(mut self, until: Instant) -> Tally {
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

struct Options {
    seconds: u64,
    clients: usize,
    /// Another build of `symbiose` to measure, e.g. one from before a change.
    binary: Option<std::path::PathBuf>,
}

fn options() -> Options {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let mut options = Options {
        seconds: 60,
        clients: 16,
        binary: None,
    };
    let mut k = 0;
    while k < args.len() {
        let number = |at: usize| -> u64 {
            args.get(at)
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| {
                    eprintln!("usage: cargo bench --bench write_load -- [SECONDS] [--clients 16] [--binary PATH]");
                    std::process::exit(2)
                })
        };
        if args[k] == "--clients" {
            options.clients = number(k + 1) as usize;
            k += 2;
        } else if args[k] == "--binary" {
            options.binary = args.get(k + 1).map(std::path::PathBuf::from);
            k += 2;
        } else {
            options.seconds = number(k);
            k += 1;
        }
    }
    options
}

fn main() {
    let options = options();
    let scratch = tempfile::tempdir().expect("temporary directory");
    let server = Server::start(scratch.path(), options.binary.as_deref());
    let runtime = tokio::runtime::Runtime::new().expect("tokio runtime");
    let tally = runtime.block_on(load(&server, &options));
    let duplicates = runtime.block_on(duplicates(&server));
    report(&tally, &duplicates, &options);
    for line in server.error_lines(10) {
        println!("server: {line}");
    }
}

async fn load(server: &Server, options: &Options) -> Tally {
    let http = http();
    let first_error = Arc::new(Mutex::new(None));
    let mut clients = Vec::new();
    for number in 0..options.clients {
        let mut browser = Browser::new(&http, server.addr);
        let email = format!("last{number}@proef.nl");
        let registered = browser
            .register(&email, &format!("Lastproef {number}"))
            .await
            .unwrap_or_else(|e| panic!("registering {email}: {}", e.0));
        assert!(
            registered.status.is_redirection(),
            "registering {email}: {}",
            registered.status
        );
        clients.push(Client {
            browser,
            number,
            added: 0,
            tally: Tally::default(),
            first_error: first_error.clone(),
        });
    }
    let until = Instant::now() + Duration::from_secs(options.seconds);
    let started = Instant::now();
    let tasks: Vec<_> = clients
        .into_iter()
        .map(|client| tokio::spawn(client.run(until)))
        .collect();
    let mut tally = Tally::default();
    for task in tasks {
        tally.merge(task.await.expect("client task"));
    }
    println!(
        "{} clients wrote for {:.1} s",
        options.clients,
        started.elapsed().as_secs_f64()
    );
    if let Some(error) = first_error.lock().unwrap().as_ref() {
        println!("first failure: {error}");
    }
    tally
}

/// Flows the clients added that are stored more than once.
async fn duplicates(server: &Server) -> Vec<(String, i64)> {
    let db = symbiose::storage::connect(&support::database_url(&server.database))
        .await
        .expect("open the benchmark's database");
    let backend = db.get_database_backend();
    let sql = "SELECT description, COUNT(*) FROM offers WHERE description LIKE 'Lastproef%' \
               GROUP BY description HAVING COUNT(*) > 1 \
               UNION ALL \
               SELECT description, COUNT(*) FROM needs WHERE description LIKE 'Lastproef%' \
               GROUP BY description HAVING COUNT(*) > 1";
    db.query_all_raw(Statement::from_string(backend, sql))
        .await
        .expect("count duplicates")
        .iter()
        .map(|row| {
            (
                row.try_get_by_index::<String>(0).unwrap_or_default(),
                row.try_get_by_index::<i64>(1).unwrap_or_default(),
            )
        })
        .collect()
}

fn report(tally: &Tally, duplicates: &[(String, i64)], options: &Options) {
    let requests: usize = tally.statuses.values().sum();
    let errors: usize = tally
        .statuses
        .iter()
        .filter(|((_, status), _)| status.starts_with('5') || status == "no answer")
        .map(|(_, n)| n)
        .sum();
    println!(
        "requests: {requests} ({:.0}/s), server errors or no answer: {errors} ({:.2} %), \
         flows stored twice: {}",
        requests as f64 / options.seconds as f64,
        100.0 * errors as f64 / requests.max(1) as f64,
        duplicates.len()
    );
    println!(
        "{:<13} {:>8}  {:>8} {:>8} {:>8}  statuses",
        "action", "requests", "p50 ms", "p95 ms", "p99 ms"
    );
    for (action, times) in &tally.latencies {
        let mut sorted = times.clone();
        sorted.sort();
        let statuses: Vec<String> = tally
            .statuses
            .iter()
            .filter(|((a, _), _)| a == action)
            .map(|((_, status), n)| format!("{status}×{n}"))
            .collect();
        println!(
            "{:<13} {:>8}  {:>8.1} {:>8.1} {:>8.1}  {}",
            format!("{action:?}"),
            sorted.len(),
            quantile_ms(&sorted, 0.50),
            quantile_ms(&sorted, 0.95),
            quantile_ms(&sorted, 0.99),
            statuses.join(" ")
        );
    }
    for (description, n) in duplicates.iter().take(10) {
        println!("stored {n}×: {description}");
    }
}
