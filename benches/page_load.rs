//! Page latency under many concurrent readers, against the real server.
//!
//! `cargo bench --bench page_load -- [SECONDS] [--clients 64] [--page PATH]… [--binary PATH]`
//! starts the release binary `symbiose serve` on a fresh SQLite file (it loads the Keyport demo
//! region), makes a coordinator with `symbiose admin create --role coordinator`, registers a
//! firm with a few flows that have counterparts in the region, and then, page by page, lets 64
//! clients ask for it back to back for SECONDS (default 15): `/` (anonymous), `/matches`
//! (signed in as the firm) and `/coordinator` (signed in as the coordinator). Each client waits
//! for its answer before asking again, as `wrk -c 64` does. It prints, per page, the requests,
//! the throughput, the 50th, 95th and 99th percentile latency and every answer that was not 200
//! OK. `--page` measures only the pages named; `--binary` another build of `symbiose`.

#[allow(dead_code)] // each benchmark uses its own part of the shared harness
mod support;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use support::{Browser, Server, http, quantile_ms};

const COORDINATOR: &str = "coordinator@laadproef.nl";
const FIRM: &str = "firma@laadproef.nl";

/// Each client's latencies and the statuses it got that were not 200.
struct Measured {
    latencies: Vec<Duration>,
    failures: BTreeMap<String, usize>,
}

struct Options {
    seconds: u64,
    clients: usize,
    /// Another build of `symbiose` to measure, e.g. one from before a change.
    binary: Option<std::path::PathBuf>,
    /// Only these pages (all three when none is named).
    pages: Vec<String>,
}

fn options() -> Options {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let mut options = Options {
        seconds: 15,
        clients: 64,
        binary: None,
        pages: Vec::new(),
    };
    let mut k = 0;
    while k < args.len() {
        let number = |at: usize| -> u64 {
            args.get(at)
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| {
                    eprintln!("usage: cargo bench --bench page_load -- [SECONDS] [--clients 64] [--page PATH]… [--binary PATH]");
                    std::process::exit(2)
                })
        };
        if args[k] == "--clients" {
            options.clients = number(k + 1) as usize;
            k += 2;
        } else if args[k] == "--page" {
            options.pages.extend(args.get(k + 1).cloned());
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
    server.create_coordinator(COORDINATOR);
    let runtime = tokio::runtime::Runtime::new().expect("tokio runtime");
    runtime.block_on(run(&server, &options));
    for line in server.error_lines(10) {
        println!("server: {line}");
    }
}

async fn run(server: &Server, options: &Options) {
    let http = http();
    let anonymous = Browser::new(&http, server.addr);
    let firm = firm_with_flows(&http, server).await;
    let mut coordinator = Browser::new(&http, server.addr);
    let signed_in = coordinator
        .login(COORDINATOR)
        .await
        .expect("coordinator login");
    assert!(
        signed_in.status.is_redirection(),
        "coordinator login: {}",
        signed_in.status
    );
    println!(
        "{} clients per page, {} s each, release build, SQLite, Keyport demo region",
        options.clients, options.seconds
    );
    println!(
        "{:<13} {:>8} {:>8}  {:>7} {:>7} {:>7} {:>7}  not 200",
        "page", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms"
    );
    for (path, browser) in [
        ("/", &anonymous),
        ("/matches", &firm),
        ("/coordinator", &coordinator),
    ] {
        if !options.pages.is_empty() && !options.pages.iter().any(|p| p == path) {
            continue;
        }
        let mut warm = browser.clone();
        let first = warm.get(path).await.expect("first request");
        assert_eq!(
            first.status.as_u16(),
            200,
            "{path} answered {}",
            first.status
        );
        let started = Instant::now();
        let measured = hammer(browser, path, options).await;
        report(path, measured, started.elapsed());
    }
}

/// A firm with two offers and a need that the demo region has counterparts for.
async fn firm_with_flows(http: &support::Http, server: &Server) -> Browser {
    let mut firm = Browser::new(http, server.addr);
    let registered = firm
        .register(FIRM, "Verpakkingen Laadproef")
        .await
        .expect("register");
    assert!(
        registered.status.is_redirection(),
        "register: {}",
        registered.status
    );
    for material in ["15 01 01", "15 01 02"] {
        let fields = [
            ("material", material),
            ("description", "Verpakkingsafval"),
            ("quantity_per_year", "30"),
            ("unit", "t"),
            ("regularity", "recurring"),
            ("disposal_cost_eur_per_unit", "25"),
            ("confidentiality", "anonymous"),
        ];
        let added = firm.submit("/offers/new", "/offers", &fields).await;
        assert!(
            added.is_ok_and(|page| page.status.is_redirection()),
            "add offer"
        );
    }
    let fields = [
        ("accepts", "20 01 08"),
        ("description", "Groente- en fruitafval"),
        ("quantity_per_year", "60"),
        ("unit", "t"),
        ("virgin_price_eur_per_unit", "40"),
        ("max_distance_km", "40"),
        ("licensed_for_hazardous", "false"),
        ("confidentiality", "anonymous"),
    ];
    let added = firm.submit("/needs/new", "/needs", &fields).await;
    assert!(
        added.is_ok_and(|page| page.status.is_redirection()),
        "add need"
    );
    let matches = firm.get("/matches").await.expect("matches");
    let shown = support::forms_to(&matches.body, "/exchanges").len();
    assert!(
        shown > 0,
        "the firm's flows have no matches in the demo region"
    );
    firm
}

/// `clients` copies of `browser` asking for `path` back to back until the time is up.
async fn hammer(browser: &Browser, path: &str, options: &Options) -> Measured {
    let until = Instant::now() + Duration::from_secs(options.seconds);
    let tasks: Vec<_> = (0..options.clients)
        .map(|_| {
            let mut browser = browser.clone();
            let path = path.to_string();
            tokio::spawn(async move {
                let mut measured = Measured {
                    latencies: Vec::new(),
                    failures: BTreeMap::new(),
                };
                while Instant::now() < until {
                    let started = Instant::now();
                    let outcome = browser.get(&path).await;
                    measured.latencies.push(started.elapsed());
                    let failure = match outcome {
                        Ok(page) if page.status.as_u16() == 200 => continue,
                        Ok(page) => page.status.as_u16().to_string(),
                        Err(_) => "no answer".to_string(),
                    };
                    *measured.failures.entry(failure).or_default() += 1;
                }
                measured
            })
        })
        .collect();
    let mut all = Measured {
        latencies: Vec::new(),
        failures: BTreeMap::new(),
    };
    for task in tasks {
        let mut measured = task.await.expect("client task");
        all.latencies.append(&mut measured.latencies);
        for (status, n) in measured.failures {
            *all.failures.entry(status).or_default() += n;
        }
    }
    all
}

fn report(path: &str, mut measured: Measured, took: Duration) {
    measured.latencies.sort();
    let sorted = &measured.latencies;
    let failures: Vec<String> = measured
        .failures
        .iter()
        .map(|(status, n)| format!("{status}×{n}"))
        .collect();
    println!(
        "{:<13} {:>8} {:>8.0}  {:>7.1} {:>7.1} {:>7.1} {:>7.1}  {}",
        path,
        sorted.len(),
        sorted.len() as f64 / took.as_secs_f64(),
        quantile_ms(sorted, 0.50),
        quantile_ms(sorted, 0.95),
        quantile_ms(sorted, 0.99),
        quantile_ms(sorted, 1.0),
        if failures.is_empty() {
            "none".to_string()
        } else {
            failures.join(" ")
        }
    );
}
