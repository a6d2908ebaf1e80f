//! The coordinator's region overview (`/coordinator`); its next best calls and "Propose"
//! (`calls`); the map of the region (`/map`, `/map.svg`, `map`).

mod calls;
mod contacts;
mod exchange_list;
mod firm_page;
mod map;

use axum::http::StatusCode;
use axum_test::TestServer;
use symbiose::domain::Region;
use symbiose::domain::exchange::{ExchangeStatus, Stage};
use symbiose::domain::staleness::{Freshness, freshness};
use symbiose::storage::{self, exchanges::StepRecord};

use crate::common::TestApp;
use crate::exchanges::{pair, post_form};

/// The day the pages count with.
pub fn today() -> chrono::NaiveDate {
    crate::common::today()
}

/// A signed-in coordinator of the region and its user id.
pub async fn coordinator(app: &TestApp) -> (TestServer, i64) {
    crate::accounts::signed_in_coordinator(app).await
}

/// The demo region, as of today.
pub async fn demo(app: &TestApp) -> Region {
    symbiose::demo::load_demo(&app.db, today()).await.unwrap();
    storage::load_region(&app.db).await.unwrap()
}

/// The text of each cell of a table row, tags removed.
fn cells(row: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut rest = row;
    while let Some(at) = rest.find(['<']) {
        let tag_end = at + rest[at..].find('>').expect("a closed tag");
        let tag = &rest[at..=tag_end];
        rest = &rest[tag_end + 1..];
        if tag.starts_with("<td") || tag.starts_with("<th") {
            let close = rest.find("</t").expect("a closed cell");
            cells.push(strip_tags(&rest[..close]));
            rest = &rest[close..];
        }
    }
    cells
}

fn strip_tags(html: &str) -> String {
    let mut text = String::new();
    let mut inside = false;
    for c in html.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => text.push(c),
            _ => {}
        }
    }
    text
}

/// A tally table: `(label, six counts)` per body row, and the total row's counts.
fn tally_table(page: &str, nth: usize) -> (Vec<(String, Vec<u64>)>, Vec<u64>) {
    let start = page
        .match_indices("<table class=\"tally stacked\">")
        .nth(nth)
        .expect("a tally table")
        .0;
    let table = &page[start..start + page[start..].find("</table>").unwrap()];
    let counts = |cells: &[String]| -> Vec<u64> {
        (cells[1..].iter())
            .map(|c| c.replace(['.', ','], "").parse().expect("a count"))
            .collect()
    };
    let body = &table[table.find("<tbody>").unwrap()..table.find("</tbody>").unwrap()];
    let rows = (body.split("<tr>").skip(1))
        .map(|row| {
            let cells = cells(row);
            (cells[0].clone(), counts(&cells))
        })
        .collect();
    let total = cells(&table[table.find("<tfoot>").unwrap()..]);
    (rows, counts(&total))
}

fn column_sums(rows: &[(String, Vec<u64>)]) -> Vec<u64> {
    (0..6)
        .map(|i| rows.iter().map(|(_, c)| c[i]).sum())
        .collect()
}

/// Sets a proposed exchange running, as if both firms had taken every step.
pub async fn start(app: &TestApp, id: i64, user_id: i64) {
    let proposed = ExchangeStatus::proposed();
    let running = ExchangeStatus {
        stage: Stage::Running,
        supplier_interested: true,
        receiver_interested: true,
        confirmed_by: None,
    };
    let step = StepRecord {
        before: proposed,
        after: running,
        step: "started",
        note: "",
        decline_reason: None,
        user_id,
        at: crate::common::now(),
    };
    assert!(
        storage::exchanges::save_step(&app.db, id, step)
            .await
            .unwrap()
    );
}

/// Recurring flows unconfirmed too long, counted from the region as the pages must.
fn outdated_flows(region: &Region) -> u64 {
    let stale =
        |regularity, confirmed| freshness(regularity, confirmed, today()) != Freshness::Current;
    let offers = (region.offers.iter()).filter(|o| stale(o.regularity(), o.last_confirmed()));
    let needs = (region.needs.iter()).filter(|n| stale(n.regularity(), n.last_confirmed()));
    (offers.count() + needs.count()) as u64
}

#[tokio::test]
async fn the_overview_counts_the_demo_region_as_stored_and_its_rows_add_up_to_the_totals() {
    let app = TestApp::spawn().await;
    let region = demo(&app).await;
    let (server, coordinator_id) = coordinator(&app).await;
    let now = crate::common::now();
    let pair_of = |i: usize| {
        (
            region.offers[i].id().to_string(),
            region.needs[i].id().to_string(),
        )
    };
    storage::exchanges::open(&app.db, &pair_of(0).0, &pair_of(0).1, now)
        .await
        .unwrap();
    let running = storage::exchanges::open(&app.db, &pair_of(1).0, &pair_of(1).1, now)
        .await
        .unwrap()
        .unwrap();
    start(&app, running, coordinator_id).await;

    let page = server.get("/coordinator").await;

    page.assert_status_ok();
    let page = page.text();
    let counts = storage::counts(&app.db).await.unwrap();
    let expected_total = vec![
        counts.firms,
        counts.offers,
        counts.needs,
        outdated_flows(&region),
        1,
        1,
    ];
    for table in [0, 1] {
        let (rows, total) = tally_table(&page, table);
        assert_eq!(total, expected_total, "table {table}");
        assert_eq!(column_sums(&rows), total, "table {table}");
    }
    let (by_municipality, _) = tally_table(&page, 0);
    // The seven Keyport municipalities and five towns across the border (issue #11).
    assert_eq!(by_municipality.len(), 12, "{by_municipality:?}");
    assert!(
        outdated_flows(&region) > 0,
        "the demo plants outdated flows"
    );
}

#[tokio::test]
async fn the_filters_narrow_the_overview_to_a_municipality_and_a_sector() {
    let app = TestApp::spawn().await;
    let region = demo(&app).await;
    let (server, _) = coordinator(&app).await;
    let in_weert = |f: &&symbiose::domain::Firm| f.municipality() == "Weert";
    let manufacturing =
        |f: &&symbiose::domain::Firm| f.nace().is_some_and(|n| n.as_str().starts_with('C'));

    let weert = server.get("/coordinator?gemeente=Weert").await.text();
    let (rows, total) = tally_table(&weert, 0);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, "Weert");
    assert_eq!(
        total[0],
        region.firms.iter().filter(in_weert).count() as u64
    );
    assert!(total[0] < region.firms.len() as u64);
    assert_eq!(column_sums(&tally_table(&weert, 1).0), total);

    let sector = server.get("/coordinator?sector=C").await.text();
    let (rows, total) = tally_table(&sector, 1);
    assert_eq!(rows.len(), 1);
    assert!(rows[0].0.starts_with("C — Industrie"), "{rows:?}");
    assert_eq!(
        total[0],
        region.firms.iter().filter(manufacturing).count() as u64
    );

    let both = server
        .get("/coordinator?gemeente=Weert&sector=C")
        .await
        .text();
    let expected = (region.firms.iter())
        .filter(|f| in_weert(f) && manufacturing(f))
        .count() as u64;
    assert_eq!(tally_table(&both, 0).1[0], expected);
    assert!(both.contains("<option value=\"Weert\" selected>"), "{both}");

    let refused = server.get("/coordinator?gemeente=Atlantis").await;
    refused.assert_status(StatusCode::BAD_REQUEST);
    assert!(refused.text().contains("Atlantis"));
    let refused = server.get("/coordinator?sector=Z").await;
    refused.assert_status(StatusCode::BAD_REQUEST);
    assert!(refused.text().contains("„Z” is geen NACE-sectie"));
}

#[tokio::test]
async fn a_firm_gets_not_found_and_a_visitor_the_login_on_every_coordinator_page() {
    let app = TestApp::spawn().await;
    let (roaster, _, offer, need) = pair(&app).await;
    let visitor = app.server();

    for path in [
        "/coordinator",
        "/map",
        "/map.svg",
        "/map.svg?gemeente=Weert",
    ] {
        roaster.get(path).await.assert_status(StatusCode::NOT_FOUND);
        let anonymous = visitor.get(path).await;
        anonymous.assert_status(StatusCode::SEE_OTHER);
        assert_eq!(anonymous.header("location"), "/login");
    }
    post_form(
        &roaster,
        "/offers",
        "/coordinator/propose",
        &[("offer", &offer), ("need", &need)],
    )
    .await
    .assert_status(StatusCode::NOT_FOUND);
    let anonymous = visitor
        .post("/coordinator/propose")
        .form(&[("offer", offer.as_str()), ("need", need.as_str())])
        .await;
    assert_eq!(anonymous.header("location"), "/login");
    assert!(
        storage::coordinator::exchange_pairs(&app.db)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn the_overview_answers_in_english() {
    let app = TestApp::spawn().await;
    demo(&app).await;
    let (server, _) = coordinator(&app).await;

    let page = server
        .get("/coordinator?sector=C")
        .add_cookie(("symbiose_lang", "en").into())
        .await
        .text();

    for text in [
        "The region at a glance",
        "By municipality",
        "C — Manufacturing",
        "Next best calls",
        ">Propose<",
        "Value per year",
    ] {
        assert!(page.contains(text), "{text}: {page}");
    }
    assert!(!page.contains("Volgende beste"));
}
