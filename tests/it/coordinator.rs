//! The coordinator's region overview (`/coordinator`), its next best calls and "Propose", and
//! the map of the region (`/map`, `/map.svg`).

mod map;

use axum::http::StatusCode;
use axum_test::TestServer;
use symbiose::domain::exchange::{ExchangeStatus, Stage};
use symbiose::domain::notification::Notice;
use symbiose::domain::staleness::{Freshness, freshness};
use symbiose::domain::{Email, NewPassword, Region, Role};
use symbiose::storage::{self, exchanges::StepRecord};

use crate::accounts::{csrf_of, saving_cookies};
use crate::common::TestApp;
use crate::exchanges::{pair, post_form};

/// The day the pages count with.
fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// A signed-in coordinator of the region and its user id.
pub async fn coordinator(app: &TestApp) -> (TestServer, i64) {
    let password = "regio-keyport-2026";
    let hash = symbiose::accounts::hash_password(&NewPassword::parse(password).unwrap()).unwrap();
    let id = storage::accounts::create_staff_user(
        &app.db,
        &Email::parse("regio@keyport.nl").unwrap(),
        &hash,
        Role::Coordinator,
        chrono::Utc::now().naive_utc(),
    )
    .await
    .unwrap();
    let server = saving_cookies(app);
    let csrf = csrf_of(&server.get("/login").await.text());
    server
        .post("/login")
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", "regio@keyport.nl"),
            ("password", password),
        ])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    (server, id)
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
        .match_indices("<table class=\"tally\">")
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
    (0..6).map(|i| rows.iter().map(|(_, c)| c[i]).sum()).collect()
}

/// `(offer, need)` of each next best call, in order.
fn calls(page: &str) -> Vec<(String, String)> {
    let value = |form: &str, name: &str| {
        let marker = format!("name=\"{name}\" value=\"");
        let start = form.find(&marker).expect("a hidden field") + marker.len();
        form[start..start + form[start..].find('"').unwrap()].to_string()
    };
    (page.split("action=\"/coordinator/propose\"").skip(1))
        .map(|form| (value(form, "offer"), value(form, "need")))
        .collect()
}

/// Sets a proposed exchange running, as if both firms had taken every step.
pub async fn start(app: &TestApp, id: i64, user_id: i64) {
    let proposed = ExchangeStatus::proposed();
    let running = ExchangeStatus {
        stage: Stage::Running,
        supplier_interested: true,
        receiver_interested: true,
    };
    let step = StepRecord {
        before: proposed,
        after: running,
        step: "started",
        note: "",
        decline_reason: None,
        user_id,
        at: chrono::Utc::now().naive_utc(),
    };
    assert!(storage::exchanges::save_step(&app.db, id, step).await.unwrap());
}

/// Recurring flows unconfirmed too long, counted from the region as the pages must.
fn outdated_flows(region: &Region) -> u64 {
    let stale = |regularity, confirmed| freshness(regularity, confirmed, today()) != Freshness::Current;
    let offers = (region.offers.iter()).filter(|o| stale(o.regularity(), o.last_confirmed()));
    let needs = (region.needs.iter()).filter(|n| stale(n.regularity(), n.last_confirmed()));
    (offers.count() + needs.count()) as u64
}

#[tokio::test]
async fn the_overview_counts_the_demo_region_as_stored_and_its_rows_add_up_to_the_totals() {
    let app = TestApp::spawn().await;
    let region = demo(&app).await;
    let (server, coordinator_id) = coordinator(&app).await;
    let now = chrono::Utc::now().naive_utc();
    let pair_of = |i: usize| (region.offers[i].id().to_string(), region.needs[i].id().to_string());
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
    assert_eq!(by_municipality.len(), 7, "{by_municipality:?}");
    assert!(outdated_flows(&region) > 0, "the demo plants outdated flows");
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
    assert_eq!(total[0], region.firms.iter().filter(in_weert).count() as u64);
    assert!(total[0] < region.firms.len() as u64);
    assert_eq!(column_sums(&tally_table(&weert, 1).0), total);

    let sector = server.get("/coordinator?sector=C").await.text();
    let (rows, total) = tally_table(&sector, 1);
    assert_eq!(rows.len(), 1);
    assert!(rows[0].0.starts_with("C — Industrie"), "{rows:?}");
    assert_eq!(total[0], region.firms.iter().filter(manufacturing).count() as u64);

    let both = server.get("/coordinator?gemeente=Weert&sector=C").await.text();
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

/// The best feasible one-to-one pair of the region, computed here with the matcher's own
/// functions on the flows in matching.
fn best_pair(mut region: Region) -> (String, String) {
    use symbiose::matching::candidates::Rules;
    use symbiose::matching::index::SpatialIndex;
    use symbiose::matching::suggest::{FlowRef, suggest};
    region
        .offers
        .retain(|o| freshness(o.regularity(), o.last_confirmed(), today()) != Freshness::Dropped);
    region
        .needs
        .retain(|n| freshness(n.regularity(), n.last_confirmed(), today()) != Freshness::Dropped);
    let instance = symbiose::matching::Instance::from_region(&region);
    let index = SpatialIndex::build(&instance);
    let rules = Rules {
        as_of: Some(today()),
        enforce_min_lot: true,
    };
    let mut best: Option<(f64, String, String)> = None;
    for offer in &instance.offers {
        for s in suggest(&instance, &index, FlowRef::Offer(offer), rules, 1) {
            let eur = s.economics.benefit_eur_per_year;
            if best.as_ref().is_none_or(|(b, _, _)| eur > *b) {
                best = Some((eur, offer.id.clone(), s.counterpart_id));
            }
        }
    }
    let (_, offer, need) = best.expect("the demo has suggestions");
    (offer, need)
}

#[tokio::test]
async fn next_best_calls_start_with_the_best_pair_and_leave_out_pairs_with_an_exchange_or_declined()
 {
    let app = TestApp::spawn().await;
    let region = demo(&app).await;
    let (server, coordinator_id) = coordinator(&app).await;

    let before = calls(&server.get("/coordinator").await.text());
    assert_eq!(before.len(), 20);
    assert_eq!(before[0], best_pair(region.clone()));
    let (opened, declined) = (before[0].clone(), before[1].clone());
    let now = chrono::Utc::now().naive_utc();
    storage::exchanges::open(&app.db, &opened.0, &opened.1, now)
        .await
        .unwrap();
    let id = storage::exchanges::open(&app.db, &declined.0, &declined.1, now)
        .await
        .unwrap()
        .unwrap();
    let proposed = ExchangeStatus::proposed();
    let decline = StepRecord {
        before: proposed,
        after: ExchangeStatus {
            stage: Stage::Declined,
            ..proposed
        },
        step: "declined",
        note: "",
        decline_reason: Some("Niet voor ons: te nat"),
        user_id: coordinator_id,
        at: now,
    };
    assert!(storage::exchanges::save_step(&app.db, id, decline).await.unwrap());

    let after = calls(&server.get("/coordinator").await.text());

    assert_eq!(after.len(), 20);
    assert!(!after.contains(&opened) && !after.contains(&declined), "{after:?}");
    assert_eq!(after[..18], before[2..]);
    let weert = calls(&server.get("/coordinator?gemeente=Weert").await.text());
    assert!(!weert.is_empty() && weert != after);
    let municipality_of = |firm: &symbiose::domain::RecordId| {
        let firm = region.firms.iter().find(|f| f.id() == firm).unwrap();
        firm.municipality().to_string()
    };
    for (offer, need) in &weert {
        let offer = region.offers.iter().find(|o| o.id().as_str() == offer).unwrap();
        let need = region.needs.iter().find(|n| n.id().as_str() == need).unwrap();
        let places = [municipality_of(offer.firm()), municipality_of(need.firm())];
        assert!(places.contains(&"Weert".to_string()), "{places:?}");
    }
}

#[tokio::test]
async fn propose_opens_the_exchange_for_both_firms_and_tells_them_both() {
    let app = TestApp::spawn().await;
    let (roaster, grower, offer, need) = pair(&app).await;
    let (server, _) = coordinator(&app).await;
    assert!(calls(&server.get("/coordinator").await.text()).contains(&(offer.clone(), need.clone())));

    let response = post_form(
        &server,
        "/coordinator?gemeente=Weert",
        "/coordinator/propose",
        &[("offer", &offer), ("need", &need), ("gemeente", "Weert")],
    )
    .await;

    response.assert_status(StatusCode::SEE_OTHER);
    let location = response.header("location").to_str().unwrap().to_string();
    assert!(location.starts_with("/coordinator?gemeente=Weert&voorgesteld="), "{location}");
    let id: i64 = location.rsplit('=').next().unwrap().parse().unwrap();
    let path = format!("/exchanges/{id}");
    for firm in [&roaster, &grower] {
        assert!(firm.get("/exchanges").await.text().contains(&path));
        firm.get(&path).await.assert_status_ok();
    }
    let (supplier, receiver) = storage::exchanges::owners(&app.db, &offer, &need)
        .await
        .unwrap()
        .unwrap();
    for company in [supplier, receiver] {
        let notices = storage::notifications::for_company(&app.db, company, 20)
            .await
            .unwrap();
        assert!(
            notices.iter().any(|n| n.notice
                == Notice::ExchangeStep {
                    exchange_id: id,
                    new_state: "proposed".into()
                }),
            "{notices:?}"
        );
    }
    let overview = server.get(&location).await.text();
    assert!(overview.contains(&format!("Uitwisseling {id} is geopend")), "{overview}");
    assert!(!calls(&overview).contains(&(offer.clone(), need.clone())));
    let again = post_form(
        &server,
        "/coordinator",
        "/coordinator/propose",
        &[("offer", &offer), ("need", &need)],
    )
    .await;
    assert_eq!(
        again.header("location").to_str().unwrap(),
        format!("/coordinator?bestaand={id}")
    );
    let page = grower.get(&path).await.text();
    let history = &page[page.find("<ol class=\"history\">").unwrap()..];
    let history = &history[..history.find("</ol>").unwrap()];
    assert_eq!(history.matches("<li>").count(), 1, "one step recorded: {history}");
}

#[tokio::test]
async fn propose_without_the_forms_token_changes_nothing() {
    let app = TestApp::spawn().await;
    let (_, _, offer, need) = pair(&app).await;
    let (server, _) = coordinator(&app).await;

    let response = server
        .post("/coordinator/propose")
        .form(&[("offer", offer.as_str()), ("need", need.as_str())])
        .await;

    response.assert_status(StatusCode::FORBIDDEN);
    assert!(storage::coordinator::exchange_pairs(&app.db).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_firm_gets_not_found_and_a_visitor_the_login_on_every_coordinator_page() {
    let app = TestApp::spawn().await;
    let (roaster, _, offer, need) = pair(&app).await;
    let visitor = app.server();

    for path in ["/coordinator", "/map", "/map.svg", "/map.svg?gemeente=Weert"] {
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
    assert!(storage::coordinator::exchange_pairs(&app.db).await.unwrap().is_empty());
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
