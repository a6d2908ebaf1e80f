//! Loops, chains and pools turned into exchanges in one step, and collection rounds with
//! their members.

use axum::http::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use symbiose::storage::entities::{collection_round_members, collection_rounds, notifications};
use symbiose::storage::proposals::exchange_pairs;

use super::{coordinator_on_demo, demo_firm_user, last_run, run_plan};
use crate::accounts::csrf_of;
use crate::exchanges::firm;

#[tokio::test]
async fn turning_a_loop_into_exchanges_makes_one_per_link_for_both_firms_and_no_duplicates() {
    let (app, coordinator) = coordinator_on_demo().await;
    run_plan(&coordinator).await;
    let result = last_run(&app);
    let instance = &result.snapshot.instance;
    let found = &result.found.loops[0];
    let pairs: Vec<(String, String)> = found
        .links
        .iter()
        .map(|l| {
            let offer = instance.offers[l.offer].id.clone();
            (offer, instance.needs[l.need].id.clone())
        })
        .collect();
    let csrf = csrf_of(&coordinator.get("/plan/loops").await.text());
    let run = result.run.to_string();
    let form = [("csrf", csrf.as_str()), ("run", run.as_str())];

    let first = coordinator.post("/plan/loops/1").form(&form).await;
    let second = coordinator.post("/plan/loops/1").form(&form).await;

    let links = pairs.len();
    first.assert_status(StatusCode::SEE_OTHER);
    assert_eq!(
        first.header("location"),
        format!("/plan/loops?geopend={links}&bestond=0&ontbrak=0#loops-1").as_str()
    );
    assert_eq!(
        second.header("location"),
        format!("/plan/loops?geopend=0&bestond={links}&ontbrak=0#loops-1").as_str()
    );
    let existing = exchange_pairs(&app.db).await.unwrap();
    assert_eq!(existing.len(), links, "one exchange per link, none twice");
    for &firm_index in &found.firms {
        let firm_key = &instance.firms[firm_index].id;
        let user = demo_firm_user(&app, firm_key).await;
        let list = user.get("/exchanges").await.text();
        for (link, pair) in found.links.iter().zip(&pairs) {
            if link.from_firm != firm_index && link.to_firm != firm_index {
                continue;
            }
            let exchange = existing
                .iter()
                .find(|x| (&x.offer_key, &x.need_key) == (&pair.0, &pair.1))
                .expect("the link's exchange");
            assert!(
                list.contains(&format!("href=\"/exchanges/{}\"", exchange.id)),
                "{firm_key} does not see exchange {}: {list}",
                exchange.id
            );
            let told = notifications::Entity::find()
                .filter(notifications::Column::ExchangeId.eq(exchange.id))
                .count(&app.db)
                .await
                .unwrap();
            assert_eq!(told, 2, "both firms of a link are told once");
        }
    }
    let page = coordinator
        .get("/plan/loops?geopend=0&bestond=3&ontbrak=0")
        .await
        .text();
    assert!(
        page.contains("0 uitwisselingen gemaakt; 3 bestonden al."),
        "{page}"
    );
    assert!(
        page.contains("Alle schakels zijn al uitwisselingen."),
        "{page}"
    );
}

#[tokio::test]
async fn turning_a_pool_into_a_round_shows_it_to_its_members_and_receiver_and_no_one_else() {
    let (app, coordinator) = coordinator_on_demo().await;
    run_plan(&coordinator).await;
    let result = last_run(&app);
    let instance = &result.snapshot.instance;
    let pool = &result.found.pools[0];
    let csrf = csrf_of(&coordinator.get("/plan/pools").await.text());
    let run = result.run.to_string();
    let form = [("csrf", csrf.as_str()), ("run", run.as_str())];

    let formed = coordinator.post("/plan/pools/1").form(&form).await;
    let again = coordinator.post("/plan/pools/1").form(&form).await;

    formed.assert_status(StatusCode::SEE_OTHER);
    let path = formed.header("location").to_str().unwrap().to_string();
    assert!(path.starts_with("/rounds/"), "{path}");
    assert_eq!(
        again.header("location"),
        path.as_str(),
        "one round per need"
    );
    let rounds = collection_rounds::Entity::find()
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(rounds.len(), 1);
    let members = collection_round_members::Entity::find()
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(members.len(), pool.members.len());
    let shares: f64 = members.iter().map(|m| m.cost_share_eur_per_year).sum();
    assert!((shares - pool.cost_eur_per_year).abs() < 1e-6 * pool.cost_eur_per_year.max(1.0));
    let existing = exchange_pairs(&app.db).await.unwrap();
    let need = &instance.needs[pool.need];
    assert_eq!(existing.len(), pool.members.len());
    assert!(existing.iter().all(|x| x.need_key == need.id));

    let receiver = &instance.firms[need.firm as usize];
    let member = &instance.firms[pool.members[0].firm];
    let seen_by_coordinator = coordinator.get(&path).await.text();
    assert!(
        seen_by_coordinator.contains(&receiver.name),
        "{seen_by_coordinator}"
    );
    assert!(
        seen_by_coordinator.contains(&member.name),
        "{seen_by_coordinator}"
    );
    let member_user = demo_firm_user(&app, &member.id).await;
    let seen_by_member = member_user.get(&path).await;
    seen_by_member.assert_status_ok();
    assert!(seen_by_member.text().contains("Uw bedrijf"));
    assert!(
        !seen_by_member.text().contains(&receiver.name),
        "the receiver stays anonymous"
    );
    let own = existing
        .iter()
        .find(|x| x.offer_key == instance.offers[pool.members[0].offer].id)
        .unwrap();
    assert!(
        member_user
            .get("/exchanges")
            .await
            .text()
            .contains(&format!("href=\"/exchanges/{}\"", own.id))
    );
    let receiver_user = demo_firm_user(&app, &receiver.id).await;
    receiver_user.get(&path).await.assert_status_ok();
    let outsider = firm(&app, "info@deboon.nl", "Koffiebranderij De Boon").await;
    outsider
        .get(&path)
        .await
        .assert_status(StatusCode::NOT_FOUND);
    outsider
        .get("/rounds/999")
        .await
        .assert_status(StatusCode::NOT_FOUND);
    let pools = coordinator.get("/plan/pools").await.text();
    assert!(pools.contains(&format!("href=\"{path}\"")), "{pools}");
}

#[tokio::test]
async fn a_round_answers_in_english() {
    let (app, coordinator) = coordinator_on_demo().await;
    run_plan(&coordinator).await;
    let run = last_run(&app).run.to_string();
    let csrf = csrf_of(&coordinator.get("/plan/pools").await.text());
    let formed = coordinator
        .post("/plan/pools/1")
        .form(&[("csrf", csrf.as_str()), ("run", run.as_str())])
        .await;
    let path = formed.header("location").to_str().unwrap().to_string();

    let page = coordinator
        .get(&path)
        .add_cookie(("symbiose_lang", "en").into())
        .await
        .text();

    assert!(page.contains("Collection round"), "{page}");
    assert!(page.contains("Stage: proposed"), "{page}");
    assert!(page.contains("Share of the cost"), "{page}");
}

#[tokio::test]
async fn the_plan_finds_purchasing_pools_as_symbiose_match_does_and_lists_them() {
    let (app, coordinator) = coordinator_on_demo().await;
    let page = run_plan(&coordinator).await;
    let result = last_run(&app);
    // The same pipeline as the command line: its purchasing pools on the run's snapshot.
    let instance = &result.snapshot.instance;
    let expected = symbiose::matching::pools::find_purchasing_pools(instance, Default::default());
    assert_eq!(result.found.purchasing_pools, expected);
    assert!(!expected.is_empty(), "the demo region has purchasing pools");

    let count = expected.len();
    assert!(page.contains(&format!("{count} inkoopgroep")), "{page}");
    let pools = coordinator.get("/plan/pools").await.text();
    for (k, pool) in expected.iter().enumerate() {
        assert!(
            pools.contains(&format!("id=\"purchasing-{}\"", k + 1)),
            "{pools}"
        );
        for &member in &pool.firms {
            let name = maud::html! { (instance.firms[member].name) }.into_string();
            assert!(pools.contains(&name), "{name} not in {pools}");
        }
    }
}

#[tokio::test]
async fn the_plan_tables_button_proposes_one_planned_exchange_and_then_links_it() {
    let (app, coordinator) = coordinator_on_demo().await;
    let page = run_plan(&coordinator).await;
    let result = last_run(&app);
    // The most valuable planned exchange is the table's first row.
    let first = result.found.by_value[0];
    let planned = &result.found.plan.exchanges[first];
    let instance = &result.snapshot.instance;
    let pair = (
        instance.offers[planned.offer].id.clone(),
        instance.needs[planned.need].id.clone(),
    );
    let action = format!("/plan/exchanges/{}", first + 1);
    assert!(
        page.contains(&format!("action=\"{action}\"")),
        "the row has its button"
    );

    let csrf = csrf_of(&page);
    let run = result.run.to_string();
    let opened = coordinator
        .post(&action)
        .form(&[("csrf", csrf.as_str()), ("run", run.as_str())])
        .await;
    opened.assert_status(StatusCode::SEE_OTHER);
    let location = opened.header("location").to_str().unwrap().to_string();
    let pairs = exchange_pairs(&app.db).await.unwrap();
    let made: Vec<_> = pairs
        .iter()
        .filter(|p| (p.offer_key.clone(), p.need_key.clone()) == pair)
        .collect();
    assert_eq!(made.len(), 1, "one exchange for the planned pair");
    assert_eq!(location, format!("/exchanges/{}", made[0].id));

    // Pressed again (another tab): the same exchange, no second one.
    let again = coordinator
        .post(&action)
        .form(&[("csrf", csrf.as_str()), ("run", run.as_str())])
        .await;
    assert_eq!(again.header("location").to_str().unwrap(), location);
    assert_eq!(exchange_pairs(&app.db).await.unwrap().len(), pairs.len());

    // The row now links the exchange instead of the button.
    let page = coordinator.get("/plan").await.text();
    assert!(!page.contains(&format!("action=\"{action}\"")));
    assert!(page.contains(&format!("href=\"{location}\"")));

    // A form from an older run, or a number beyond the plan, changes nothing.
    let stale = coordinator
        .post("/plan/exchanges/2")
        .form(&[("csrf", csrf.as_str()), ("run", "0")])
        .await;
    stale.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    coordinator
        .post(&format!(
            "/plan/exchanges/{}",
            result.found.plan.exchanges.len() + 1
        ))
        .form(&[("csrf", csrf.as_str()), ("run", run.as_str())])
        .await
        .assert_status(StatusCode::NOT_FOUND);
    assert_eq!(exchange_pairs(&app.db).await.unwrap().len(), pairs.len());

    // A firm's user gets "not found".
    let key = &instance.firms[instance.offers[planned.offer].firm as usize].id;
    let firm_user = demo_firm_user(&app, key).await;
    let csrf = csrf_of(&firm_user.get("/firm").await.text());
    firm_user
        .post("/plan/exchanges/2")
        .form(&[("csrf", csrf.as_str()), ("run", run.as_str())])
        .await
        .assert_status(StatusCode::NOT_FOUND);
}
