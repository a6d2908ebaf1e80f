//! Many firms writing at once: every write that was saved answers success, once; the matcher
//! never reads half of a write; two firms saying "interested" on one pair open one exchange;
//! a long read of the region does not hold writers up.

use std::time::Duration;

use axum::http::StatusCode;
use axum_test::TestServer;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Statement, TransactionTrait,
};
use symbiose::domain::FlowKind;
use symbiose::storage;
use symbiose::storage::entities::companies;

use crate::accounts::{csrf_of, register, saving_cookies};
use crate::common::{TINY_JSON, TestApp};
use crate::storage::region_from;

/// Firms writing at once in the stress tests, and needs each one adds.
const WRITERS: usize = 8;
const NEEDS_EACH: usize = 6;

async fn firm(app: &TestApp, n: usize) -> TestServer {
    let server = saving_cookies(app);
    let response = register(&server, &format!("info@firm{n}.nl"), &format!("Firm {n}")).await;
    response.assert_status(StatusCode::SEE_OTHER);
    server
}

/// A need for coffee grounds, as the form posts it.
fn need_fields(csrf: &str, quantity: usize) -> Vec<(String, String)> {
    [
        ("csrf", csrf.to_string()),
        ("accepts", "02 03 04".to_string()),
        ("accepts", "02 03 99".to_string()),
        ("description", "Substraat".to_string()),
        ("quantity_per_year", quantity.to_string()),
        ("unit", "t".to_string()),
        ("virgin_price_eur_per_unit", "30".to_string()),
        ("max_distance_km", "25".to_string()),
        ("licensed_for_hazardous", "false".to_string()),
        ("confidentiality", "anonymous".to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

async fn offer_coffee_grounds(server: &TestServer) -> axum_test::TestResponse {
    let csrf = csrf_of(&server.get("/offers/new").await.text());
    server
        .post("/offers")
        .form(&[
            ("csrf", csrf.as_str()),
            ("material", "02 03 04"),
            ("description", "Koffiedik"),
            ("quantity_per_year", "8"),
            ("unit", "t"),
            ("regularity", "recurring"),
            ("disposal_cost_eur_per_unit", "45"),
            ("confidentiality", "anonymous"),
        ])
        .await
}

/// The ids of the own needs on the firm's `/needs` page.
fn need_ids(page: &str) -> Vec<String> {
    page.match_indices("href=\"/needs/N-")
        .filter_map(|(at, _)| {
            let start = at + "href=\"/needs/".len();
            let end = start + page[start..].find('/')?;
            Some(page[start..end].to_string())
        })
        .collect()
}

/// The id of the need the firm added last: the one on `/needs` that was not there `before`.
async fn added_need(server: &TestServer, before: &[String]) -> String {
    let page = server.get("/needs").await.text();
    need_ids(&page)
        .into_iter()
        .find(|id| !before.contains(id))
        .expect("the added need on /needs")
}

/// One firm adds its needs and changes each right after, as a crowd of firms would.
async fn add_and_edit_needs(server: TestServer) -> Vec<StatusCode> {
    let mut statuses = Vec::new();
    for k in 1..=NEEDS_EACH {
        let before = need_ids(&server.get("/needs").await.text());
        let csrf = csrf_of(&server.get("/needs/new").await.text());
        let created = server.post("/needs").form(&need_fields(&csrf, k)).await;
        statuses.push(created.status_code());
        let id = added_need(&server, &before).await;
        let edit = format!("/needs/{id}/edit");
        let csrf = csrf_of(&server.get(&edit).await.text());
        let edited = server.post(&edit).form(&need_fields(&csrf, k + 100)).await;
        statuses.push(edited.status_code());
    }
    statuses
}

#[tokio::test]
async fn a_saved_offer_answers_success_even_when_telling_matching_firms_fails() {
    let app = TestApp::spawn().await;
    let grower = firm(&app, 1).await;
    let csrf = csrf_of(&grower.get("/needs/new").await.text());
    let need = grower.post("/needs").form(&need_fields(&csrf, 20)).await;
    need.assert_status(StatusCode::SEE_OTHER);
    // A need without its accepted materials cannot be read into the matcher: telling firms of
    // new matches, which runs after the offer is saved, fails.
    app.db
        .execute_unprepared("DELETE FROM need_accepts")
        .await
        .unwrap();
    let roaster = firm(&app, 2).await;

    let response = offer_coffee_grounds(&roaster).await;

    response.assert_status(StatusCode::SEE_OTHER);
    assert_eq!(storage::counts(&app.db).await.unwrap().offers, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn firms_adding_and_changing_needs_at_once_never_get_a_server_error() {
    let app = TestApp::spawn().await;
    let mut servers = Vec::new();
    for n in 0..WRITERS {
        servers.push(firm(&app, n).await);
    }
    // Someone reading the matches keeps the matcher rebuilding its view while the others write.
    let roaster = firm(&app, WRITERS).await;
    offer_coffee_grounds(&roaster)
        .await
        .assert_status(StatusCode::SEE_OTHER);

    let writers: Vec<_> = servers
        .into_iter()
        .map(|server| tokio::spawn(add_and_edit_needs(server)))
        .collect();
    let reader = tokio::spawn(async move {
        let mut statuses = Vec::new();
        for _ in 0..WRITERS * NEEDS_EACH {
            statuses.push(roaster.get("/matches").await.status_code());
        }
        statuses
    });
    let mut statuses = Vec::new();
    for writer in writers {
        statuses.extend(writer.await.unwrap());
    }
    let pages = reader.await.unwrap();

    let failed: Vec<_> = statuses
        .iter()
        .filter(|s| **s != StatusCode::SEE_OTHER)
        .collect();
    assert!(failed.is_empty(), "writes answered {failed:?}");
    let failed: Vec<_> = pages.iter().filter(|s| **s != StatusCode::OK).collect();
    assert!(failed.is_empty(), "/matches answered {failed:?}");
    let counts = storage::counts(&app.db).await.unwrap();
    assert_eq!(counts.needs as usize, WRITERS * NEEDS_EACH);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn both_firms_of_a_pair_saying_interested_at_once_share_one_exchange() {
    let app = TestApp::spawn().await;
    let region = region_from(TINY_JSON);
    storage::insert_region(&app.db, &region, &|_| {})
        .await
        .unwrap();
    let pairs: Vec<(String, String)> = region
        .offers
        .iter()
        .flat_map(|o| {
            region
                .needs
                .iter()
                .map(move |n| (o.id().to_string(), n.id().to_string()))
        })
        .collect();
    let now = app.app.now();

    for (offer, need) in &pairs {
        let (first, second) = tokio::join!(
            storage::exchanges::open(&app.db, offer, need, now),
            storage::exchanges::open(&app.db, offer, need, now),
        );

        let (first, second) = (first.unwrap(), second.unwrap());
        assert!(first.is_some());
        assert_eq!(first, second, "{offer} → {need}");
    }
}

#[tokio::test]
async fn a_write_waits_for_no_reader_holding_a_consistent_view_of_the_region() {
    let app = TestApp::spawn().await;
    let region = region_from(TINY_JSON);
    storage::insert_region(&app.db, &region, &|_| {})
        .await
        .unwrap();
    let firm = companies::Entity::find()
        .filter(companies::Column::Key.eq(region.offers[0].firm().as_str()))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let reading = app.db.begin().await.unwrap();
    let backend = app.db.get_database_backend();
    reading
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT count(*) FROM offers",
        ))
        .await
        .unwrap();

    // A firm confirms its offer while the region is being read.
    let today = app.app.today();
    let confirmed = tokio::time::timeout(
        Duration::from_secs(3),
        storage::flows::confirm_flow(
            &app.db,
            firm,
            FlowKind::Offer,
            region.offers[0].id().as_str(),
            today,
        ),
    )
    .await;

    reading.commit().await.unwrap();
    assert!(
        matches!(confirmed, Ok(Ok(true))),
        "the write waited for the reader: {confirmed:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_need_saved_twice_at_once_tells_the_matching_firm_once() {
    let app = TestApp::spawn().await;
    let roaster = firm(&app, 1).await;
    offer_coffee_grounds(&roaster)
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let grower = firm(&app, 2).await;
    let csrf = csrf_of(&grower.get("/needs/new").await.text());

    for quantity in 1..=NEEDS_EACH {
        let before = need_ids(&grower.get("/needs").await.text());
        // A need for something else, which the roaster does not hear of…
        let mut fields = need_fields(&csrf, quantity);
        fields.retain(|(name, _)| name != "accepts");
        fields.push(("accepts".into(), "20 01 08".into()));
        grower
            .post("/needs")
            .form(&fields)
            .await
            .assert_status(StatusCode::SEE_OTHER);
        let id = added_need(&grower, &before).await;
        // …changed into one for coffee grounds with a double click on "save".
        let edit = format!("/needs/{id}/edit");
        let fields = need_fields(&csrf, quantity);
        let (first, second) = tokio::join!(
            grower.post(&edit).form(&fields),
            grower.post(&edit).form(&fields),
        );
        first.assert_status(StatusCode::SEE_OTHER);
        second.assert_status(StatusCode::SEE_OTHER);
    }

    assert_eq!(new_match_notices(&app).await, NEEDS_EACH as i64);
}

async fn new_match_notices(app: &TestApp) -> i64 {
    let backend = app.db.get_database_backend();
    let sql = "SELECT COUNT(*) FROM notifications WHERE kind = 'new-match'";
    let row = app
        .db
        .query_one_raw(Statement::from_string(backend, sql))
        .await
        .unwrap()
        .unwrap();
    row.try_get_by_index::<i64>(0).unwrap()
}
