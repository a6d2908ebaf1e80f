//! The `symbiose` binary: exit codes and messages of every command.

use std::process::{Command, Output};

use symbiose::storage;

use crate::common::{TINY_JSON, TestApp, binary};
use crate::import::BAD_JSON;

fn run(app: &TestApp, args: &[&str]) -> Output {
    Command::new(binary())
        .args(args)
        .env("DATABASE_URL", &app.database_url)
        .env("RUST_LOG", "off")
        .output()
        .expect("run symbiose")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[tokio::test]
async fn every_command_has_help() {
    let app = TestApp::spawn().await;
    for command in ["serve", "migrate", "import", "export", "demo"] {
        let output = run(&app, &[command, "--help"]);

        assert_eq!(output.status.code(), Some(0), "{command} --help");
        assert!(String::from_utf8_lossy(&output.stdout).contains("Usage: symbiose"));
    }
}

#[tokio::test]
async fn an_unknown_command_is_a_usage_error() {
    let app = TestApp::spawn().await;

    let output = run(&app, &["frobnicate"]);

    assert_eq!(output.status.code(), Some(2));
}

#[tokio::test]
async fn a_valid_import_exits_zero_and_says_what_it_wrote() {
    let app = TestApp::spawn().await;
    let file = app.write("tiny.json", TINY_JSON);

    let output = run(&app, &["import", file.to_str().unwrap()]);

    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("imported 8 firms, 4 offers, 6 needs")
    );
    assert_eq!(storage::counts(&app.db).await.unwrap().firms, 8);
}

#[tokio::test]
async fn a_refused_import_exits_one_with_a_line_per_problem_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let file = app.write("bad.json", BAD_JSON);

    let output = run(&app, &["import", file.to_str().unwrap()]);

    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    let problem_lines = text.lines().filter(|l| l.contains("bad.json:")).count();
    assert_eq!(problem_lines, 4, "{text}");
    assert!(text.contains("nothing was written"));
    assert!(storage::counts(&app.db).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_missing_file_is_reported_by_name() {
    let app = TestApp::spawn().await;

    let output = run(&app, &["import", "/nonexistent/region.json"]);

    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("/nonexistent/region.json:0: file:"));
}

#[tokio::test]
async fn export_to_csv_and_json_then_import_elsewhere_round_trips() {
    let app = TestApp::spawn().await;
    let file = app.write("tiny.json", TINY_JSON);
    assert_eq!(
        run(&app, &["import", file.to_str().unwrap()]).status.code(),
        Some(0)
    );
    let json = app.path("out.json");
    let csv = app.path("out-csv");

    let json_out = run(&app, &["export", "--out", json.to_str().unwrap()]);
    let csv_out = run(
        &app,
        &["export", "--format", "csv", "--out", csv.to_str().unwrap()],
    );

    assert_eq!(json_out.status.code(), Some(0), "{}", stderr(&json_out));
    assert_eq!(csv_out.status.code(), Some(0), "{}", stderr(&csv_out));
    let other = TestApp::spawn().await;
    let back = run(&other, &["import", csv.to_str().unwrap()]);
    assert_eq!(back.status.code(), Some(0), "{}", stderr(&back));
    let again = other.path("again.json");
    assert_eq!(
        run(&other, &["export", "--out", again.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
    let first: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(json).unwrap()).unwrap();
    let mut second: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(again).unwrap()).unwrap();
    // CSV carries no provenance (`meta`); everything else must survive.
    second["meta"] = first["meta"].clone();
    let mut first = first;
    first.as_object_mut().unwrap().shift_remove("meta");
    second.as_object_mut().unwrap().shift_remove("meta");
    assert_eq!(first, second);
}

#[tokio::test]
async fn an_unknown_export_format_is_a_usage_error() {
    let app = TestApp::spawn().await;

    let output = run(&app, &["export", "--format", "xml", "--out", "x"]);

    assert_eq!(output.status.code(), Some(2));
}

#[tokio::test]
async fn migrate_reports_an_up_to_date_database() {
    let app = TestApp::spawn().await;

    let output = run(&app, &["migrate"]);

    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).contains("up to date"));
}

#[tokio::test]
async fn demo_loads_once_and_refuses_a_second_time() {
    let app = TestApp::spawn().await;

    let first = run(&app, &["demo"]);
    let second = run(&app, &["demo"]);

    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert_eq!(second.status.code(), Some(1));
    assert!(stderr(&second).contains("already in this database"));
}

#[tokio::test]
async fn an_unreachable_database_is_a_failure_with_exit_three() {
    let app = TestApp::spawn().await;

    let output = Command::new(binary())
        .args([
            "migrate",
            "--database-url",
            "postgres://nobody@127.0.0.1:1/none",
        ])
        .env("RUST_LOG", "off")
        .output()
        .unwrap();

    assert_eq!(output.status.code(), Some(3));
    assert!(stderr(&output).contains("cannot open the database"));
    drop(app);
}

#[tokio::test]
async fn match_on_an_instance_file_writes_the_report_and_a_solution() {
    let app = TestApp::spawn().await;
    let file = app.write("tiny.json", TINY_JSON);
    let solution = app.path("solution.json");

    let output = run(
        &app,
        &[
            "match",
            "--instance",
            file.to_str().unwrap(),
            "--json",
            "--solution-out",
            solution.to_str().unwrap(),
        ],
    );

    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["plan"]["exchanges"].as_array().unwrap().len(), 3);
    assert!((report["plan"]["tonnes_per_year"].as_f64().unwrap() - 19.0).abs() < 1e-9);
    for key in ["loops", "pools", "clusters"] {
        assert!(report[key].is_array(), "{key}");
    }
    for key in ["load", "candidates", "solve", "total"] {
        assert!(report["timings_s"][key].is_number(), "{key}");
    }
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(solution).unwrap()).unwrap();
    assert_eq!(written["allocation"].as_array().unwrap().len(), 3);
    assert_eq!(written["instance"], "tiny.json");
}

#[tokio::test]
async fn match_refuses_an_instance_with_a_1e16_tonne_offer_naming_the_field_and_the_bound() {
    let app = TestApp::spawn().await;
    let huge = TINY_JSON.replacen(
        "\"quantity_t_per_year\": 10.0",
        "\"quantity_t_per_year\": 1e16",
        1,
    );
    assert_ne!(huge, TINY_JSON);
    let file = app.write("huge.json", &huge);

    let output = run(&app, &["match", "--instance", file.to_str().unwrap()]);

    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = stderr(&output);
    assert!(
        text.contains(
            "huge.json:offers[0]: quantity_t_per_year: 1e16 is more than 10000000 t per year"
        ),
        "{text}"
    );
}

#[tokio::test]
async fn match_without_an_instance_plans_the_database_region() {
    let app = TestApp::spawn().await;
    assert_eq!(run(&app, &["demo"]).status.code(), Some(0));

    let output = run(&app, &["match"]);

    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("region plan:") && text.contains("loops:"),
        "{text}"
    );
}

#[tokio::test]
async fn match_and_suggest_refuse_an_invalid_instance_line_by_line() {
    let app = TestApp::spawn().await;
    let file = app.write("bad.json", crate::import::BAD_JSON);

    for args in [
        vec!["match", "--instance"],
        vec!["suggest", "--flow", "O1", "--instance"],
    ] {
        let mut args = args.clone();
        args.push(file.to_str().unwrap());
        let output = run(&app, &args);

        assert_eq!(output.status.code(), Some(1));
        let text = stderr(&output);
        assert_eq!(
            text.lines().filter(|l| l.contains("bad.json:")).count(),
            4,
            "{text}"
        );
    }
}

#[tokio::test]
async fn suggest_lists_the_best_counterparts_with_reasons() {
    let app = TestApp::spawn().await;
    let file = app.write("tiny.json", TINY_JSON);

    let output = run(
        &app,
        &[
            "suggest",
            "--instance",
            file.to_str().unwrap(),
            "--flow",
            "A",
            "--json",
        ],
    );

    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let suggestions = value["suggestions"].as_array().unwrap();
    let counterparts: Vec<&str> = suggestions
        .iter()
        .map(|s| s["counterpart"].as_str().unwrap())
        .collect();
    assert_eq!(counterparts, vec!["X", "Y"]);
    assert!(
        suggestions[0]["benefit_eur_per_year"].as_f64().unwrap()
            >= suggestions[1]["benefit_eur_per_year"].as_f64().unwrap()
    );
    assert!(!suggestions[0]["reasons"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn suggest_says_its_reasons_in_dutch_or_english() {
    let app = TestApp::spawn().await;
    let file = app.write("tiny.json", TINY_JSON);
    let reasons_in = |lang: &str| {
        let args = [
            "suggest",
            "--instance",
            file.to_str().unwrap(),
            "--flow",
            "A",
        ];
        let output = run(&app, &[&args[..], &["--lang", lang]].concat());
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        String::from_utf8(output.stdout).unwrap()
    };

    let dutch = reasons_in("nl");
    let english = reasons_in("en");

    assert!(dutch.contains("· de ontvanger neemt "), "{dutch}");
    assert!(english.contains("· the receiver accepts "), "{english}");
    assert!(!dutch.contains("matches-") && !english.contains("matches-"));
}

#[tokio::test]
async fn suggest_for_an_unknown_flow_is_refused() {
    let app = TestApp::spawn().await;
    let file = app.write("tiny.json", TINY_JSON);

    let output = run(
        &app,
        &[
            "suggest",
            "--instance",
            file.to_str().unwrap(),
            "--flow",
            "NOPE",
        ],
    );

    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("\"NOPE\" is neither an offer nor a need"));
}

fn run_with_stdin(app: &TestApp, args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(binary())
        .args(args)
        .env("DATABASE_URL", &app.database_url)
        .env("RUST_LOG", "off")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run symbiose");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[tokio::test]
async fn admin_create_makes_an_account_that_can_log_in_and_refuses_a_second_one() {
    let app = TestApp::spawn().await;

    let first = run_with_stdin(
        &app,
        &["admin", "create", "--email", "beheer@keyport.nl"],
        "lang-genoeg-wachtwoord\n",
    );
    let again = run_with_stdin(
        &app,
        &["admin", "create", "--email", "beheer@keyport.nl"],
        "lang-genoeg-wachtwoord\n",
    );
    let short = run_with_stdin(
        &app,
        &["admin", "create", "--email", "ander@keyport.nl"],
        "kort\n",
    );

    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert!(
        String::from_utf8_lossy(&first.stdout).contains("created administrator beheer@keyport.nl")
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("exists already"));
    assert_eq!(short.status.code(), Some(1));
    assert!(stderr(&short).contains("password: must be at least 10 characters"));
    let email = symbiose::domain::Email::parse("beheer@keyport.nl").unwrap();
    let credentials = symbiose::storage::accounts::credentials(&app.db, &email)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        credentials.account.role,
        symbiose::domain::Role::Administrator
    );
    assert!(symbiose::accounts::verify_password(
        &credentials.password_hash,
        "lang-genoeg-wachtwoord"
    ));
}
