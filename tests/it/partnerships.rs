//! Partnerships for borrowed size: the coordinator sees the matcher's clusters of small firms
//! on the demo region, starts a partnership from one, invites firms and records activities;
//! invited firms accept or decline for themselves; nobody else sees a thing.

mod answers;
mod coordinating;

use axum::http::StatusCode;
use axum_test::TestServer;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use symbiose::domain::partnership::MemberState;
use symbiose::storage::entities::{companies, notifications, partnerships};
use symbiose::storage::partnerships::PartnershipRecord;

use crate::accounts::csrf_of;
use crate::common::TestApp;
use crate::exchanges::in_english;
use crate::plan::coordinator;

/// The demo region, dated today so that none of its flows counts as unconfirmed.
async fn demo(app: &TestApp) {
    symbiose::demo::load_demo(&app.db, crate::common::today())
        .await
        .unwrap();
}

/// The firm ids of each start form on a page, in page order.
fn clusters_on(page: &str) -> Vec<Vec<String>> {
    page.split("<form class=\"start-partnership\"")
        .skip(1)
        .map(|form| {
            let form = &form[..form.find("</form>").expect("the form's end")];
            form.split("name=\"firm\" value=\"")
                .skip(1)
                .map(|rest| rest[..rest.find('"').unwrap()].to_string())
                .collect()
        })
        .collect()
}

/// The database id and name of a firm, by its key.
async fn company(app: &TestApp, key: &str) -> (i64, String) {
    let row = companies::Entity::find()
        .filter(companies::Column::Key.eq(key))
        .one(&app.db)
        .await
        .unwrap()
        .expect("a firm of the region");
    (row.id, row.name)
}

/// Posts the start form for `firms` as `coordinator`.
async fn start(
    coordinator: &TestServer,
    firms: &[String],
    kind: &str,
    name: &str,
) -> axum_test::TestResponse {
    let csrf = csrf_of(&coordinator.get("/partnerships").await.text());
    let mut fields = vec![("csrf", csrf.as_str()), ("kind", kind), ("name", name)];
    fields.extend(firms.iter().map(|firm| ("firm", firm.as_str())));
    coordinator.post("/partnerships").form(&fields).await
}

/// The demo region, a coordinator, the first suggested cluster and the partnership started
/// from it.
struct Started {
    app: TestApp,
    coordinator: TestServer,
    firms: Vec<String>,
    path: String,
    id: i64,
}

async fn started() -> Started {
    let app = TestApp::spawn().await;
    demo(&app).await;
    let coordinator = coordinator(&app).await;
    let page = coordinator.get("/partnerships").await.text();
    let firms = clusters_on(&page).remove(0);
    let response = start(
        &coordinator,
        &firms,
        "joint-purchasing",
        "Samen pallets kopen",
    )
    .await;
    response.assert_status(StatusCode::SEE_OTHER);
    let path = response.header("location").to_str().unwrap().to_string();
    let id = path.trim_start_matches("/partnerships/").parse().unwrap();
    Started {
        app,
        coordinator,
        firms,
        path,
        id,
    }
}

async fn record(app: &TestApp, id: i64) -> PartnershipRecord {
    symbiose::storage::partnerships::get(&app.db, id)
        .await
        .unwrap()
        .expect("the partnership")
}

async fn partnership_count(app: &TestApp) -> u64 {
    partnerships::Entity::find().count(&app.db).await.unwrap()
}

#[tokio::test]
async fn on_the_demo_region_a_coordinator_sees_clusters_of_named_small_firms_with_their_reason() {
    let app = TestApp::spawn().await;
    demo(&app).await;
    let coordinator = coordinator(&app).await;

    let response = coordinator.get("/partnerships").await;

    response.assert_status_ok();
    let page = response.text();
    let clusters = clusters_on(&page);
    assert!(!clusters.is_empty(), "{page}");
    assert!(clusters[0].len() >= 3, "{clusters:?}");
    assert!(page.contains("Voorgestelde clusters ("), "{page}");
    assert!(page.contains("Cluster 1 · "), "{page}");
    // The reason: how many, how close, and what they share.
    assert!(page.contains("kleine bedrijven"), "{page}");
    assert!(page.contains(" km van elkaar."), "{page}");
    assert!(page.contains("Ze hebben allemaal "), "{page}");
    for key in &clusters[0] {
        let (_, name) = company(&app, key).await;
        assert!(
            page.contains(&maud::html! { (name) }.into_string()),
            "{name}"
        );
    }
    assert!(page.contains("Partnerschap starten"), "{page}");
    assert!(page.contains("Nog geen partnerschappen."), "{page}");
}

#[tokio::test]
async fn starting_a_partnership_from_a_cluster_invites_every_firm_of_it_and_tells_each() {
    let scene = started().await;

    let partnership = record(&scene.app, scene.id).await;
    let page = scene.coordinator.get(&scene.path).await.text();
    let list = scene.coordinator.get("/partnerships").await.text();

    assert_eq!(partnership.name, "Samen pallets kopen");
    assert_eq!(partnership.members.len(), scene.firms.len());
    let mut invited: Vec<String> = partnership.members.iter().map(|m| m.key.clone()).collect();
    invited.sort();
    let mut expected = scene.firms.clone();
    expected.sort();
    assert_eq!(invited, expected);
    assert!(
        partnership
            .members
            .iter()
            .all(|m| m.state == MemberState::Invited)
    );
    assert!(partnership.reason.contains("kleine bedrijven"));
    for member in &partnership.members {
        let told = notifications::Entity::find()
            .filter(notifications::Column::CompanyId.eq(member.company_id))
            .filter(notifications::Column::Kind.eq("partnership-invitation"))
            .count(&scene.app.db)
            .await
            .unwrap();
        assert_eq!(told, 1, "{}", member.key);
    }
    assert!(page.contains("<h1>Samen pallets kopen</h1>"), "{page}");
    assert!(page.contains("Gezamenlijke inkoop"), "{page}");
    assert!(
        page.contains(&format!("Uitgenodigde bedrijven ({})", scene.firms.len())),
        "{page}"
    );
    assert!(list.contains(&format!("href=\"{}\"", scene.path)), "{list}");
    assert!(list.contains("Al gestart als partnerschap:"), "{list}");
}

#[tokio::test]
async fn a_tampered_list_of_firms_is_refused_with_a_message_and_nothing_is_started() {
    let app = TestApp::spawn().await;
    demo(&app).await;
    let coordinator = coordinator(&app).await;
    let page = coordinator.get("/partnerships").await.text();
    let firms = clusters_on(&page).remove(0);
    let mut one_less = firms.clone();
    one_less.pop();
    let mut one_more = firms.clone();
    one_more.push("F001".to_string());
    let mut twice = one_less.clone();
    twice.push(one_less[0].clone());
    let mut unknown = one_less.clone();
    unknown.push("F999999".to_string());

    for tampered in [one_less, one_more, twice, unknown, Vec::new()] {
        let response = start(&coordinator, &tampered, "training", "Samen opleiden").await;

        response.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            response
                .text()
                .contains("Deze bedrijven vormen geen voorgesteld cluster (meer)"),
            "{tampered:?}"
        );
    }
    assert_eq!(partnership_count(&app).await, 0);
}

#[tokio::test]
async fn a_start_form_without_a_name_or_with_an_unknown_kind_shows_the_messages_next_to_the_fields()
{
    let app = TestApp::spawn().await;
    demo(&app).await;
    let coordinator = coordinator(&app).await;
    let firms = clusters_on(&coordinator.get("/partnerships").await.text()).remove(0);

    let response = start(&coordinator, &firms, "lobbying", "  ").await;

    response.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text();
    assert!(
        page.contains("Soort partnerschap: kies een soort uit de lijst."),
        "{page}"
    );
    assert!(page.contains("Naam: vul dit in."), "{page}");
    assert!(page.contains("id=\"name-1-error\""), "{page}");
    assert_eq!(partnership_count(&app).await, 0);
}

#[tokio::test]
async fn the_coordinators_partnership_pages_answer_in_english() {
    let scene = started().await;

    let list = in_english(scene.coordinator.get("/partnerships"))
        .await
        .text();
    let page = in_english(scene.coordinator.get(&scene.path)).await.text();

    assert!(list.contains("<h1>Partnerships</h1>"), "{list}");
    assert!(list.contains("Suggested clusters ("), "{list}");
    assert!(list.contains("small firms"), "{list}");
    assert!(list.contains(" km of each other."), "{list}");
    assert!(list.contains("Start partnership"), "{list}");
    assert!(list.contains("Joint purchasing"), "{list}");
    assert!(page.contains("Invited firms ("), "{page}");
    assert!(page.contains("Invite another firm"), "{page}");
    assert!(page.contains("Record activity"), "{page}");
    assert!(!page.contains("Uitgenodigd"), "{page}");
}

#[tokio::test]
async fn coordinator_forms_without_their_csrf_token_are_refused_and_change_nothing() {
    let scene = started().await;
    let before = record(&scene.app, scene.id).await;
    let mut start_fields = vec![
        ("csrf", "0000"),
        ("kind", "training"),
        ("name", "Zonder token"),
    ];
    start_fields.extend(scene.firms.iter().map(|f| ("firm", f.as_str())));

    let started = scene
        .coordinator
        .post("/partnerships")
        .form(&start_fields)
        .await;
    let invited = scene
        .coordinator
        .post(&format!("{}/invite", scene.path))
        .form(&[("firm", "F001")])
        .await;
    let recorded = scene
        .coordinator
        .post(&format!("{}/activities", scene.path))
        .form(&[
            ("csrf", ""),
            ("day", "2026-11-03"),
            ("description", "Zonder token"),
        ])
        .await;

    for response in [started, invited, recorded] {
        response.assert_status(StatusCode::FORBIDDEN);
    }
    assert_eq!(partnership_count(&scene.app).await, 1);
    assert_eq!(record(&scene.app, scene.id).await, before);
}
