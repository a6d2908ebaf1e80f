//! Page latency while the region plan runs in the background.
//!
//! `cargo bench --bench plan_latency -- INSTANCE.json [DATABASE.db] [--interval-ms 25]
//! [--idle-rounds 100]` imports a generated instance (`gen_instance.py`, see
//! /work/shared/bench/README.md) into a fresh SQLite database (or reuses DATABASE.db when it
//! already holds a region), starts the app on a real port with the production runtime, signs
//! a coordinator in, and requests `/`, `/healthz`, `/dashboard` (signed in) and `/plan` over
//! HTTP, one request every `--interval-ms`: first while idle, then while a plan run started
//! with `POST /plan/run` goes on. It prints the median, 95th percentile and maximum latency of
//! each page idle and during the run, the latency per stage of the run, and the run's
//! duration per stage. The client is plain blocking HTTP/1.1 on its own thread, so it takes
//! nothing from the server's runtime.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use symbiose::app::plan_runner::RunStage;
use symbiose::domain::{Email, NewPassword, Role};
use symbiose::storage;
use symbiose::web::{AppState, WebApp, router};

const EMAIL: &str = "bench@keyport.nl";
const PASSWORD: &str = "plan-latency-2026";
const PAGES: [&str; 4] = ["/", "/healthz", "/dashboard", "/plan"];

struct Options {
    instance: PathBuf,
    database: Option<PathBuf>,
    interval: Duration,
    idle_rounds: usize,
}

fn options() -> Options {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let mut positional = Vec::new();
    let (mut interval_ms, mut idle_rounds) = (25u64, 100usize);
    let mut k = 0;
    while k < args.len() {
        match args[k].as_str() {
            "--interval-ms" => interval_ms = parse(args.get(k + 1)),
            "--idle-rounds" => idle_rounds = parse(args.get(k + 1)),
            other => {
                positional.push(PathBuf::from(other));
                k += 1;
                continue;
            }
        }
        k += 2;
    }
    let Some(instance) = positional.first().cloned() else {
        eprintln!(
            "usage: cargo bench --bench plan_latency -- INSTANCE.json [DATABASE.db] [--interval-ms 25] [--idle-rounds 100]"
        );
        std::process::exit(2);
    };
    Options {
        instance,
        database: positional.get(1).cloned(),
        interval: Duration::from_millis(interval_ms),
        idle_rounds,
    }
}

fn parse<T: std::str::FromStr>(value: Option<&String>) -> T {
    value.and_then(|v| v.parse().ok()).unwrap_or_else(|| {
        eprintln!("--interval-ms and --idle-rounds take a number");
        std::process::exit(2);
    })
}

fn main() {
    let options = options();
    let scratch = tempfile::tempdir().expect("temporary directory");
    let database = options
        .database
        .clone()
        .unwrap_or_else(|| scratch.path().join("plan-latency.db"));
    // The server runs as `symbiose serve` does: a multi-threaded runtime, one worker per core.
    let runtime = tokio::runtime::Runtime::new().expect("tokio runtime");
    let (addr, app) = runtime.block_on(start(&options, &database));
    let client = Client::sign_in(addr);

    let idle = client.rounds(options.idle_rounds, options.interval);
    let started = Instant::now();
    client.start_run();
    let during = client.while_running(&app, options.interval);
    let seconds = started.elapsed().as_secs_f64();

    let result = app.plan.last().expect("the run finished with a plan");
    println!(
        "plan run: {seconds:.1} s until /plan showed it done; stages: {}",
        result
            .stage_seconds
            .iter()
            .map(|(stage, s)| format!("{stage:?} {s:.2} s"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!(
        "plan: {} exchanges, {} candidate edges, {} loops, {} chains, {} pools, {} clusters",
        result.found.plan.exchanges.len(),
        result.found.plan.candidate_edges,
        result.found.loops.len(),
        result.found.chains.len(),
        result.found.pools.len(),
        result.found.clusters.len()
    );
    report(&idle, &during);
}

/// Imports the instance when the database holds no region yet, creates the coordinator and
/// serves the app on a free port.
async fn start(options: &Options, database: &std::path::Path) -> (SocketAddr, Arc<WebApp>) {
    let url = format!("sqlite://{}?mode=rwc", database.display());
    let db = storage::connect_and_migrate(&url).await.expect("database");
    if storage::counts(&db).await.expect("counts").is_empty() {
        let started = Instant::now();
        let today = chrono::Local::now().date_naive();
        let mut batch = symbiose::bulk::read_file(&options.instance, today);
        let existing = storage::existing_keys(&db).await.expect("keys");
        let region =
            symbiose::bulk::check_batch(&mut batch, &existing).unwrap_or_else(|problems| {
                for problem in problems.iter().take(20) {
                    eprintln!("{problem}");
                }
                std::process::exit(1);
            });
        let summary = storage::insert_region(&db, &region, &|_| {})
            .await
            .expect("import");
        println!(
            "imported {}: {} firms, {} offers, {} needs in {:.1} s",
            options.instance.display(),
            summary.firms,
            summary.offers,
            summary.needs,
            started.elapsed().as_secs_f64()
        );
    }
    let hash = symbiose::accounts::hash_password(&NewPassword::parse(PASSWORD).unwrap()).unwrap();
    let now = chrono::Utc::now().naive_utc();
    // A reused database has the coordinator already.
    let _ = storage::accounts::create_staff_user(
        &db,
        &Email::parse(EMAIL).unwrap(),
        &hash,
        Role::Coordinator,
        now,
    )
    .await;
    let app = Arc::new(WebApp::new(db));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port");
    let addr = listener.local_addr().expect("address");
    let service = router(AppState(app.clone()));
    tokio::spawn(async move { axum::serve(listener, service).await });
    (addr, app)
}

/// One measured request.
struct Sample {
    page: &'static str,
    ms: f64,
    /// The run's stage when the request was sent; `None` when idle.
    stage: Option<RunStage>,
}

/// A blocking HTTP/1.1 client with the coordinator's session.
struct Client {
    addr: SocketAddr,
    cookie: String,
}

impl Client {
    fn sign_in(addr: SocketAddr) -> Client {
        let anonymous = Client {
            addr,
            cookie: String::new(),
        };
        let form = anonymous.request("GET", "/login", None);
        let form_cookie = form.cookie("symbiose_form");
        let csrf = csrf_of(&form.body);
        let with_form = Client {
            addr,
            cookie: format!("symbiose_form={form_cookie}"),
        };
        let body = format!(
            "csrf={csrf}&email={}&password={PASSWORD}",
            EMAIL.replace('@', "%40")
        );
        let login = with_form.request("POST", "/login", Some(&body));
        assert_eq!(login.status, 303, "login: {}", login.body);
        Client {
            addr,
            cookie: format!("symbiose_session={}", login.cookie("symbiose_session")),
        }
    }

    fn request(&self, method: &str, path: &str, body: Option<&str>) -> Response {
        let mut stream = TcpStream::connect(self.addr).expect("connect");
        let body = body.unwrap_or("");
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nCookie: {}\r\nAccept-Language: nl\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\
             Connection: close\r\n\r\n{body}",
            self.addr,
            self.cookie,
            body.len()
        );
        stream.write_all(request.as_bytes()).expect("send");
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).expect("receive");
        let text = String::from_utf8_lossy(&raw);
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        Response {
            status,
            head: head.to_string(),
            body: body.to_string(),
        }
    }

    /// Requests every page once, timing each.
    fn round(&self, stage: impl Fn() -> Option<RunStage>, samples: &mut Vec<Sample>) {
        for page in PAGES {
            let at = stage();
            let started = Instant::now();
            let response = self.request("GET", page, None);
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            assert_eq!(response.status, 200, "{page}: {}", response.head);
            samples.push(Sample {
                page,
                ms,
                stage: at,
            });
        }
    }

    fn rounds(&self, rounds: usize, interval: Duration) -> Vec<Sample> {
        let mut samples = Vec::new();
        for _ in 0..rounds {
            self.round(|| None, &mut samples);
            std::thread::sleep(interval);
        }
        samples
    }

    fn start_run(&self) {
        let csrf = csrf_of(&self.request("GET", "/plan", None).body);
        let started = self.request("POST", "/plan/run", Some(&format!("csrf={csrf}")));
        assert_eq!(started.status, 303, "{}", started.head);
        assert_eq!(
            started.header("location"),
            Some("/plan"),
            "a run was going already"
        );
    }

    fn while_running(&self, app: &WebApp, interval: Duration) -> Vec<Sample> {
        let mut samples = Vec::new();
        let stage = || app.plan.status().running.map(|r| r.stage);
        while stage().is_some() {
            self.round(stage, &mut samples);
            std::thread::sleep(interval);
        }
        samples.retain(|s| s.stage.is_some());
        samples
    }
}

struct Response {
    status: u16,
    head: String,
    body: String,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.head
            .lines()
            .filter_map(|l| l.split_once(':'))
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.trim())
    }

    fn cookie(&self, name: &str) -> String {
        self.head
            .lines()
            .filter(|l| l.to_ascii_lowercase().starts_with("set-cookie:"))
            .filter_map(|l| l.split_once(':').map(|(_, v)| v.trim()))
            .filter_map(|v| v.split(';').next()?.split_once('='))
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.to_string())
            .unwrap_or_else(|| panic!("no {name} cookie in {}", self.head))
    }
}

fn csrf_of(html: &str) -> String {
    let start = html
        .find("name=\"csrf\" value=\"")
        .expect("a form with a CSRF field")
        + 19;
    html[start..start + 64].to_string()
}

/// `(median, p95, max)` in ms.
fn spread(samples: &[&Sample]) -> (f64, f64, f64) {
    let mut ms: Vec<f64> = samples.iter().map(|s| s.ms).collect();
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.95), at(1.0))
}

fn report(idle: &[Sample], during: &[Sample]) {
    println!(
        "{:<11} {:<6} {:>6} {:>9} {:>9} {:>9}",
        "page", "phase", "n", "median ms", "p95 ms", "max ms"
    );
    for page in PAGES {
        for (phase, samples) in [("idle", idle), ("run", during)] {
            let of_page: Vec<&Sample> = samples.iter().filter(|s| s.page == page).collect();
            if of_page.is_empty() {
                continue;
            }
            let (median, p95, max) = spread(&of_page);
            println!(
                "{page:<11} {phase:<6} {:>6} {median:>9.1} {p95:>9.1} {max:>9.1}",
                of_page.len()
            );
        }
    }
    println!("during the run, all pages, by stage:");
    for stage in RunStage::ALL {
        let of_stage: Vec<&Sample> = during.iter().filter(|s| s.stage == Some(stage)).collect();
        if of_stage.is_empty() {
            continue;
        }
        let (median, p95, max) = spread(&of_stage);
        println!(
            "{:<11} {:>13} {median:>9.1} {p95:>9.1} {max:>9.1}",
            format!("{stage:?}"),
            of_stage.len()
        );
    }
}
