//! People read names, not keys: the plan's pages, a collection round, a partnership, the
//! matches and the coordinator's overview show firms by name, flows by their description or
//! material label, and never a firm's or flow's key (`F012`, `O0004`, `N0020`) nor a resource
//! code (`heat-medium`).

use axum::http::StatusCode;
use symbiose::domain::Resource;

use crate::accounts::csrf_of;
use crate::common::TestApp;
use crate::plan::{coordinator_on_demo, demo_firm_user, last_run, run_plan};

/// The text a reader sees: the page without its tags (form fields carry keys, unseen).
fn visible(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

/// True when `word` stands on its own in `text` (not part of a longer word or number).
fn has_word(text: &str, word: &str) -> bool {
    let part = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(part) && !after.is_some_and(part)
    })
}

/// Every key of the region (firms, offers, needs) and every resource code.
async fn internal_keys(app: &TestApp) -> Vec<String> {
    let region = symbiose::storage::load_region(&app.db).await.unwrap();
    let mut keys: Vec<String> = (region.firms.iter())
        .map(|f| f.id().to_string())
        .chain(region.offers.iter().map(|o| o.id().to_string()))
        .chain(region.needs.iter().map(|n| n.id().to_string()))
        .collect();
    keys.extend(Resource::ALL.iter().map(|r| r.code().to_string()));
    keys
}

/// Fails naming the first key the page shows to its reader.
async fn assert_no_keys(app: &TestApp, what: &str, html: &str) {
    let text = visible(html);
    for key in internal_keys(app).await {
        assert!(!has_word(&text, &key), "{what} shows the key {key}: {text}");
    }
}

#[test]
fn the_key_check_finds_a_key_only_as_a_whole_word() {
    let text = visible("<td>Bakkerij <span class=\"code\">F012</span></td><input value=\"O0004\">");
    assert!(has_word(&text, "F012"));
    assert!(!has_word(&text, "O0004"), "attributes are not read");
    assert!(!has_word("F0123 heat-mediums", "F012"));
    assert!(!has_word("F0123 heat-mediums", "heat-medium"));
}

#[tokio::test]
async fn the_plan_its_loops_and_pools_name_firms_and_materials_not_keys() {
    let (app, coordinator) = coordinator_on_demo().await;
    run_plan(&coordinator).await;
    let result = last_run(&app);
    let instance = &result.snapshot.instance;
    // A running exchange the plan lacks is listed by its firms, not its flows' keys.
    let best = &result.found.plan.exchanges[result.found.by_value[0]];
    let other = (0..instance.needs.len())
        .find(|j| {
            !(result.found.plan.exchanges.iter()).any(|x| x.offer == best.offer && x.need == *j)
        })
        .unwrap();
    let offer = &instance.offers[best.offer];
    let id = symbiose::storage::exchanges::open(
        &app.db,
        &offer.id,
        &instance.needs[other].id,
        crate::common::now(),
    )
    .await
    .unwrap()
    .unwrap();
    set_running(&app, id).await;

    let plan = coordinator.get("/plan").await.text();
    assert_no_keys(&app, "/plan", &plan).await;
    let section = &plan[plan.find("buiten het plan").expect("the outside list")..];
    let supplier = &instance.firms[offer.firm as usize].name;
    assert!(section.contains(supplier.as_str()), "{section}");
    for page in ["/plan/loops", "/plan/pools"] {
        let html = coordinator.get(page).await.text();
        assert_no_keys(&app, page, &html).await;
    }
    let pools = coordinator.get("/plan/pools").await.text();
    let need = &instance.needs[result.found.pools[0].need];
    assert!(pools.contains(instance.firms[need.firm as usize].name.as_str()));
}

async fn set_running(app: &TestApp, id: i64) {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    use symbiose::storage::entities::exchanges;
    exchanges::Entity::update_many()
        .col_expr(
            exchanges::Column::Stage,
            sea_orm::sea_query::Expr::value("running"),
        )
        .filter(exchanges::Column::Id.eq(id))
        .exec(&app.db)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_collection_round_names_its_need_by_description_not_its_key() {
    let (app, coordinator) = coordinator_on_demo().await;
    run_plan(&coordinator).await;
    let result = last_run(&app);
    let csrf = csrf_of(&coordinator.get("/plan/pools").await.text());
    let run = result.run.to_string();
    let formed = coordinator
        .post("/plan/pools/1")
        .form(&[("csrf", csrf.as_str()), ("run", run.as_str())])
        .await;
    formed.assert_status(StatusCode::SEE_OTHER);
    let path = formed.header("location").to_str().unwrap().to_string();

    let round = coordinator.get(&path).await.text();

    assert_no_keys(&app, &path, &round).await;
    let need = &result.snapshot.instance.needs[result.found.pools[0].need];
    let stored = symbiose::storage::load_region(&app.db).await.unwrap();
    let described = stored
        .needs
        .iter()
        .find(|n| n.id().as_str() == need.id)
        .unwrap();
    assert!(round.contains(described.description()), "{round}");
}

#[tokio::test]
async fn a_partnership_lists_its_firms_by_name_only() {
    let (app, coordinator) = coordinator_on_demo().await;
    let page = coordinator.get("/partnerships").await.text();
    assert_no_keys(&app, "/partnerships", &page).await;
    let form = &page[page
        .find("<form class=\"start-partnership\"")
        .expect("a cluster")..];
    let form = &form[..form.find("</form>").unwrap()];
    let firms: Vec<&str> = form
        .split("name=\"firm\" value=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    let csrf = csrf_of(&page);
    let mut fields = vec![
        ("csrf", csrf.as_str()),
        ("kind", "training"),
        ("name", "Samen leren"),
    ];
    fields.extend(firms.iter().map(|f| ("firm", *f)));
    let started = coordinator.post("/partnerships").form(&fields).await;
    started.assert_status(StatusCode::SEE_OTHER);
    let path = started.header("location").to_str().unwrap().to_string();

    let html = coordinator.get(&path).await.text();

    assert_no_keys(&app, &path, &html).await;
    let region = symbiose::storage::load_region(&app.db).await.unwrap();
    let first = region
        .firms
        .iter()
        .find(|f| f.id().as_str() == firms[0])
        .unwrap();
    let escaped = maud::html! { (first.name()) }.into_string();
    assert!(html.contains(&escaped), "{escaped} not in {html}");
}

#[tokio::test]
async fn matches_name_resources_by_label_and_hidden_firms_as_anonymous() {
    let (app, coordinator) = coordinator_on_demo().await;
    // F012 offers waste heat (heat-low) to needs that accept it.
    let firm = demo_firm_user(&app, "F012").await;

    let matches = firm.get("/matches").await.text();

    assert_no_keys(&app, "/matches", &matches).await;
    assert!(matches.contains("Restwarmte onder 60 °C"), "{matches}");
    assert!(matches.contains("Anonieme firma · "), "{matches}");
    let overview = coordinator.get("/coordinator").await.text();
    assert_no_keys(&app, "/coordinator", &overview).await;
}
