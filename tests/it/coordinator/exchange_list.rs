//! `/exchanges` for coordinators: every exchange of the region with both firms by name, and
//! filters by stage, municipality, firm name and material words; firms keep their own list.

use axum::http::StatusCode;
use symbiose::domain::Region;

use super::{coordinator, demo, start};
use crate::common::TestApp;
use crate::exchanges::{interested, pair};

/// The exchange ids linked from a list page, in order.
fn listed_ids(page: &str) -> Vec<i64> {
    let Some(start) = page.find("<tbody>") else {
        return Vec::new();
    };
    let body = &page[start..page.find("</tbody>").unwrap()];
    body.split("<td data-label=")
        .filter_map(|cell| cell.split("href=\"/exchanges/").nth(1))
        .map(|rest| rest[..rest.find('"').unwrap()].parse().unwrap())
        .collect()
}

/// Opens exchanges for the demo's first pairs; returns their ids with their offer and need.
async fn opened(app: &TestApp, region: &Region, count: usize) -> Vec<(i64, usize)> {
    let mut ids = Vec::new();
    for i in 0..count {
        let (offer, need) = (
            region.offers[i].id().to_string(),
            region.needs[i].id().to_string(),
        );
        if let Some(id) =
            symbiose::storage::exchanges::open(&app.db, &offer, &need, crate::common::now())
                .await
                .unwrap()
        {
            ids.push((id, i));
        }
    }
    ids
}

#[tokio::test]
async fn a_coordinator_lists_every_exchange_with_both_names_and_filters_them_with_known_answers() {
    let app = TestApp::spawn().await;
    let region = demo(&app).await;
    let (coordinator, coordinator_id) = coordinator(&app).await;
    let exchanges = opened(&app, &region, 4).await;
    assert!(exchanges.len() >= 3, "{exchanges:?}");
    let (running, running_index) = exchanges[1];
    start(&app, running, coordinator_id).await;
    let firm_of = |key: &str| {
        region
            .firms
            .iter()
            .find(|f| f.id().to_string() == key)
            .unwrap()
    };
    let supplier = firm_of(&region.offers[running_index].firm().to_string());
    let receiver = firm_of(&region.needs[running_index].firm().to_string());
    let list = |query: String| {
        let coordinator = &coordinator;
        async move {
            let page = coordinator.get(&format!("/exchanges{query}")).await;
            page.assert_status_ok();
            page.text()
        }
    };

    let all = list(String::new()).await;
    let mut newest_first: Vec<i64> = exchanges.iter().map(|(id, _)| *id).collect();
    newest_first.reverse();
    assert_eq!(listed_ids(&all), newest_first);
    assert!(
        all.contains(supplier.name()) && all.contains(receiver.name()),
        "{all}"
    );

    assert_eq!(listed_ids(&list("?fase=running".into()).await), [running]);
    assert_eq!(
        listed_ids(&list("?fase=proposed".into()).await).len(),
        exchanges.len() - 1
    );
    let word = supplier
        .name()
        .split_whitespace()
        .last()
        .unwrap()
        .to_uppercase();
    let by_name = listed_ids(&list(format!("?bedrijf={word}")).await);
    assert!(by_name.contains(&running), "{word}: {by_name:?}");
    for (id, i) in &exchanges {
        let names = [
            firm_of(&region.offers[*i].firm().to_string())
                .name()
                .to_lowercase(),
            firm_of(&region.needs[*i].firm().to_string())
                .name()
                .to_lowercase(),
        ];
        let has = names.iter().any(|n| n.contains(&word.to_lowercase()));
        assert_eq!(by_name.contains(id), has, "{id} for {word}");
    }
    let in_town = listed_ids(&list(format!("?gemeente={}", supplier.municipality())).await);
    assert!(in_town.contains(&running));
    for (id, i) in &exchanges {
        let towns = [
            firm_of(&region.offers[*i].firm().to_string()).municipality(),
            firm_of(&region.needs[*i].firm().to_string()).municipality(),
        ];
        assert_eq!(
            in_town.contains(id),
            towns.contains(&supplier.municipality()),
            "{id}"
        );
    }
    let both = list(format!(
        "?fase=running&gemeente={}",
        supplier.municipality()
    ))
    .await;
    assert_eq!(listed_ids(&both), [running]);
    assert!(
        both.contains("<option value=\"running\" selected>"),
        "the form keeps its filters"
    );
    assert_eq!(
        listed_ids(&list("?bedrijf=xyzzy-bestaat-niet".into()).await),
        Vec::<i64>::new()
    );
    coordinator
        .get("/exchanges?fase=ergens")
        .await
        .assert_status(StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn material_words_find_exchanges_of_that_material_and_firms_keep_their_own_list() {
    let app = TestApp::spawn().await;
    let (roaster, grower, offer, need) = pair(&app).await;
    let path = interested(&roaster, &offer, &need).await;
    let id: i64 = path.rsplit('/').next().unwrap().parse().unwrap();
    let (coordinator, _) = coordinator(&app).await;

    for words in ["koffie", "koffiedik"] {
        let page = coordinator
            .get(&format!("/exchanges?materiaal={words}"))
            .await
            .text();
        assert_eq!(listed_ids(&page), [id], "{words}");
        assert!(
            page.contains("Koffiebranderij De Boon") && page.contains("Zwammerij Het Mycelium")
        );
    }
    let page = coordinator.get("/exchanges?materiaal=karton").await.text();
    assert_eq!(listed_ids(&page), Vec::<i64>::new());

    // A firm's list is its own, without names before both are interested, and no filters.
    for firm in [&roaster, &grower] {
        let own = firm.get("/exchanges?fase=running&bedrijf=xyz").await;
        own.assert_status_ok();
        let own = own.text();
        assert!(own.contains(&format!("href=\"/exchanges/{id}\"")));
        assert!(!own.contains("name=\"bedrijf\""));
    }
}
