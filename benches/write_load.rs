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

#[path = "write_load/firm.rs"]
mod firm;
#[allow(dead_code)] // each benchmark uses its own part of the shared harness
mod support;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use firm::{Client, Tally};
use sea_orm::{ConnectionTrait, Statement};
use support::{Browser, Server, http, quantile_ms};

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
        clients.push(Client::new(browser, number, first_error.clone()));
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
