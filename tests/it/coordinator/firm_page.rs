//! `/coordinator/firms` (the region's firms with filters and pages) and
//! `/coordinator/firms/{key}` (one firm's details, flows at every level, exchanges).

use axum::http::StatusCode;

use super::contacts::{key_of, post_on_page};
use super::{coordinator, demo};
use crate::accounts::{COORDINATOR_EMAIL, COORDINATOR_PASSWORD};
use crate::common::TestApp;
use crate::exchanges::{firm, in_english, interested, pair_marked};

/// The firm names linked in a firm list page, in order.
fn listed_names(page: &str) -> Vec<String> {
    let body = &page[page.find("<tbody>").map_or(page.len(), |at| at)..];
    body.split("<a href=\"/coordinator/firms/")
        .skip(1)
        .map(|rest| {
            let start = rest.find('>').unwrap() + 1;
            rest[start..start + rest[start..].find('<').unwrap()].replace("&amp;", "&")
        })
        .collect()
}

#[tokio::test]
async fn the_firm_page_shows_details_flows_of_every_level_and_exchanges_with_the_counterpart() {
    let app = TestApp::spawn().await;
    let (roaster, _, offer, need) = pair_marked(&app, "coordinator-only", "anonymous").await;
    let (coordinator, _) = coordinator(&app).await;
    let exchange = interested(&roaster, &offer, &need).await;
    let key = key_of(&app, "Koffiebranderij De Boon").await;

    let page = coordinator.get(&format!("/coordinator/firms/{key}")).await;

    page.assert_status_ok();
    let page = page.text();
    for text in [
        "<h1>Koffiebranderij De Boon</h1>",
        "Weert",
        "Koffiedik",
        "Alleen de coördinator",
        "t/jaar",
        "Zwammerij Het Mycelium",
        "interesse van één kant",
        &format!("href=\"{exchange}\""),
        "Contactpersonen",
        "Contactlog",
    ] {
        assert!(page.contains(text), "{text}: {page}");
    }
    let grower = key_of(&app, "Zwammerij Het Mycelium").await;
    assert!(page.contains(&format!("href=\"/coordinator/firms/{grower}\"")));
    coordinator
        .get("/coordinator/firms/BESTAAT-NIET")
        .await
        .assert_status(StatusCode::NOT_FOUND);

    let english = in_english(coordinator.get(&format!("/coordinator/firms/{key}")))
        .add_cookie(("symbiose_lang", "en").into())
        .await
        .text();
    assert!(
        english.contains("Coordinators only; no firm sees this"),
        "{english}"
    );
    assert!(english.contains("Contact log"));
}

#[tokio::test]
async fn the_firm_list_narrows_by_name_flows_and_contact_with_known_answers() {
    let app = TestApp::spawn().await;
    pair_marked(&app, "anonymous", "anonymous").await;
    firm(&app, "info@stil.nl", "Bakkerij Stilstand").await;
    let (coordinator, _) = coordinator(&app).await;
    let list = |query: &'static str| {
        let coordinator = &coordinator;
        async move {
            let page = coordinator.get(&format!("/coordinator/firms{query}")).await;
            page.assert_status_ok();
            listed_names(&page.text())
        }
    };
    let all = [
        "Bakkerij Stilstand",
        "Koffiebranderij De Boon",
        "Zwammerij Het Mycelium",
    ];

    assert_eq!(list("").await, all);
    assert_eq!(list("?naam=boon").await, ["Koffiebranderij De Boon"]);
    assert_eq!(
        list("?naam=ZWAM+mycelium").await,
        ["Zwammerij Het Mycelium"]
    );
    assert_eq!(list("?naam=boon+mycelium").await, Vec::<String>::new());
    assert_eq!(list("?zonder_stromen=1").await, ["Bakkerij Stilstand"]);
    assert_eq!(list("?gemeente=Weert&niet_gesproken=1").await, all);

    let roaster = key_of(&app, "Koffiebranderij De Boon").await;
    post_on_page(&coordinator, &roaster, "/notes", &[("text", "Gebeld")])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    assert_eq!(
        list("?niet_gesproken=1").await,
        ["Bakkerij Stilstand", "Zwammerij Het Mycelium"]
    );
    // Ninety-one days on, the session has lapsed: sign in again.
    app.clock.advance(chrono::Duration::days(91));
    crate::accounts::login(&coordinator, COORDINATOR_EMAIL, COORDINATOR_PASSWORD)
        .await
        .assert_status(StatusCode::SEE_OTHER);
    assert_eq!(list("?niet_gesproken=1").await, all);
    assert_eq!(list("?gemeente=Roermond").await, Vec::<String>::new());
    coordinator
        .get("/coordinator/firms?sector=Z")
        .await
        .assert_status(StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_firm_list_filters_the_demo_region_by_municipality_and_sector_and_pages_it() {
    let app = TestApp::spawn().await;
    let region = demo(&app).await;
    let (coordinator, _) = coordinator(&app).await;
    let expected = |pred: &dyn Fn(&symbiose::domain::Firm) -> bool| {
        let mut names: Vec<String> = (region.firms.iter().filter(|f| pred(f)))
            .map(|f| f.name().to_string())
            .collect();
        names.sort();
        names
    };

    let weert_c = coordinator
        .get("/coordinator/firms?gemeente=Weert&sector=C")
        .await
        .text();
    let manufacturing_in_weert =
        expected(&|f| f.municipality() == "Weert" && f.nace().is_some_and(|n| n.section() == 'C'));
    assert!(!manufacturing_in_weert.is_empty());
    let mut shown = listed_names(&weert_c);
    shown.sort();
    assert_eq!(shown, manufacturing_in_weert);

    let first = coordinator.get("/coordinator/firms").await.text();
    assert_eq!(listed_names(&first).len(), region.firms.len().min(50));
    if region.firms.len() > 50 {
        assert!(
            first.contains("href=\"/coordinator/firms?pagina=2\""),
            "{first}"
        );
        let second = coordinator.get("/coordinator/firms?pagina=2").await.text();
        assert_eq!(
            listed_names(&second).len(),
            (region.firms.len() - 50).min(50)
        );
        assert!(listed_names(&second)[0] != listed_names(&first)[0]);
    }
    let overview = coordinator.get("/coordinator").await.text();
    assert!(
        overview.contains("href=\"/coordinator/firms/"),
        "the overview links firms"
    );
}
