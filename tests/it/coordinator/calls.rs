//! The next best calls on `/coordinator` and "Propose", which opens a call's exchange for both
//! firms.

use axum::http::StatusCode;
use symbiose::domain::Region;
use symbiose::domain::exchange::{ExchangeStatus, Stage};
use symbiose::domain::notification::Notice;
use symbiose::domain::staleness::{Freshness, freshness};
use symbiose::storage::{self, exchanges::StepRecord};

use super::{coordinator, demo, today};
use crate::common::TestApp;
use crate::exchanges::{pair, post_form};

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
    let now = crate::common::now();
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
    assert!(
        storage::exchanges::save_step(&app.db, id, decline)
            .await
            .unwrap()
    );

    let after = calls(&server.get("/coordinator").await.text());

    assert_eq!(after.len(), 20);
    assert!(
        !after.contains(&opened) && !after.contains(&declined),
        "{after:?}"
    );
    assert_eq!(after[..18], before[2..]);
    let weert = calls(&server.get("/coordinator?gemeente=Weert").await.text());
    assert!(!weert.is_empty() && weert != after);
    let municipality_of = |firm: &symbiose::domain::RecordId| {
        let firm = region.firms.iter().find(|f| f.id() == firm).unwrap();
        firm.municipality().to_string()
    };
    for (offer, need) in &weert {
        let offer = region
            .offers
            .iter()
            .find(|o| o.id().as_str() == offer)
            .unwrap();
        let need = region
            .needs
            .iter()
            .find(|n| n.id().as_str() == need)
            .unwrap();
        let places = [municipality_of(offer.firm()), municipality_of(need.firm())];
        assert!(places.contains(&"Weert".to_string()), "{places:?}");
    }
}

#[tokio::test]
async fn propose_opens_the_exchange_for_both_firms_and_tells_them_both() {
    let app = TestApp::spawn().await;
    let (roaster, grower, offer, need) = pair(&app).await;
    let (server, _) = coordinator(&app).await;
    assert!(
        calls(&server.get("/coordinator").await.text()).contains(&(offer.clone(), need.clone()))
    );

    let response = post_form(
        &server,
        "/coordinator?gemeente=Weert",
        "/coordinator/propose",
        &[("offer", &offer), ("need", &need), ("gemeente", "Weert")],
    )
    .await;

    response.assert_status(StatusCode::SEE_OTHER);
    let location = response.header("location").to_str().unwrap().to_string();
    assert!(
        location.starts_with("/coordinator?gemeente=Weert&voorgesteld="),
        "{location}"
    );
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
    assert!(
        overview.contains(&format!("Uitwisseling {id} is geopend")),
        "{overview}"
    );
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
    assert_eq!(
        history.matches("<li>").count(),
        1,
        "one step recorded: {history}"
    );
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
    assert!(
        storage::coordinator::exchange_pairs(&app.db)
            .await
            .unwrap()
            .is_empty()
    );
}
