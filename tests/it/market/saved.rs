//! Saved searches: saved, listed and deleted by their firm only, with a CSRF token; a new
//! fitting flow tells the firm once, a non-fitting or hidden one does not.

use super::*;
use symbiose::storage;

async fn save(firm: &Firm, query: &str, name: &str) -> axum_test::TestResponse {
    let csrf = csrf_of(&firm.server.get("/market").await.text());
    let mut fields = vec![
        ("csrf".to_string(), csrf),
        ("name".to_string(), name.to_string()),
    ];
    for pair in query.split('&') {
        let (key, value) = pair.split_once('=').unwrap();
        fields.push((key.to_string(), value.to_string()));
    }
    firm.server.post("/market/saved").form(&fields).await
}

async fn saved_ids(app: &TestApp, company: i64) -> Vec<i64> {
    storage::saved_searches::of_company(&app.db, company)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .collect()
}

#[tokio::test]
async fn a_firm_saves_sees_and_deletes_its_searches_and_no_one_else_can() {
    let app = TestApp::spawn().await;
    let grower = firm_in(&app, "info@zwam.nl", "Zwammerij Het Mycelium", "Roermond").await;
    let other = firm_in(&app, "info@deboon.nl", "Koffiebranderij De Boon", "Weert").await;

    let saved = save(
        &grower,
        "woorden=koffiedik&soort=offers",
        "Koffiedik dichtbij",
    )
    .await;

    saved.assert_status(StatusCode::SEE_OTHER);
    let market = grower.server.get("/market").await.text();
    assert!(market.contains("Koffiedik dichtbij"));
    assert!(market.contains("href=\"/market?woorden=koffiedik&amp;soort=offers\""));
    let ids = saved_ids(&app, grower.company).await;
    assert_eq!(ids.len(), 1);
    let delete = format!("/market/saved/{}/delete", ids[0]);
    // Without a token, or by another firm: nothing changes.
    grower
        .server
        .post(&delete)
        .form(&[("csrf", "x")])
        .await
        .assert_status(StatusCode::FORBIDDEN);
    crate::exchanges::post_form(&other.server, "/market", &delete, &[])
        .await
        .assert_status_not_found();
    assert_eq!(saved_ids(&app, grower.company).await, ids);
    let unsigned = app
        .server()
        .post("/market/saved")
        .form(&[("name", "x")])
        .await;
    assert_eq!(
        unsigned.header("location"),
        "/login",
        "a visitor is sent to sign in"
    );
    assert_eq!(saved_ids(&app, other.company).await, Vec::<i64>::new());
    let nameless = save(&grower, "woorden=karton", " ").await;
    nameless.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        nameless
            .text()
            .contains("Naam: geef de zoekopdracht een naam")
    );
    let bad = save(&grower, "afstand=abc", "Fout").await;
    bad.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(saved_ids(&app, grower.company).await.len(), 1);

    crate::exchanges::post_form(&grower.server, "/market", &delete, &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    assert!(saved_ids(&app, grower.company).await.is_empty());
}

#[tokio::test]
async fn a_new_fitting_flow_tells_the_firm_once_and_others_tell_nothing() {
    let app = TestApp::spawn().await;
    let grower = firm_in(&app, "info@zwam.nl", "Zwammerij Het Mycelium", "Roermond").await;
    let roaster = firm_in(&app, "info@deboon.nl", "Koffiebranderij De Boon", "Weert").await;
    save(&grower, "woorden=koffiedik&soort=offers", "Koffiedik")
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let unread = || storage::notifications::unread_count(&app.db, grower.company);

    offer(&app, &roaster, "15 01 01", "Karton", "40", "public").await;
    let secret = offer(
        &app,
        &roaster,
        "02 03 04",
        "Koffiedik",
        "8",
        "coordinator-only",
    )
    .await;
    need(
        &app,
        &roaster,
        "02 03 04",
        "Wij zoeken koffiedik",
        "8",
        "public",
    )
    .await;
    assert_eq!(unread().await.unwrap(), 0, "not fitting, hidden, or a need");

    let koffie = offer(
        &app,
        &roaster,
        "02 03 04",
        "Koffiedik van de branderij",
        "8",
        "anonymous",
    )
    .await;

    assert_eq!(unread().await.unwrap(), 1);
    let dashboard = grower.server.get("/dashboard").await.text();
    assert!(
        dashboard.contains("Nieuw op de markt: &quot;Koffiedik&quot;"),
        "{dashboard}"
    );
    assert!(dashboard.contains(&format!("href=\"/listings/offers/{koffie}\"")));
    assert!(
        !dashboard.contains("Koffiebranderij"),
        "the anonymous offer names no firm"
    );
    let mails = storage::notifications::pending_mail(&app.db, 10)
        .await
        .unwrap();
    assert!(
        mails
            .iter()
            .any(|m| m.body.contains(&format!("/listings/offers/{koffie}"))),
        "a mail in the outbox"
    );
    // An edit of the same offer does not tell again; the hidden one made public does.
    for (key, level) in [(&koffie, "anonymous"), (&secret, "public")] {
        crate::exchanges::post_form(
            &roaster.server,
            &format!("/offers/{key}/edit"),
            &format!("/offers/{key}/edit"),
            &[
                ("material", "02 03 04"),
                ("description", "Koffiedik, vers"),
                ("quantity_per_year", "9"),
                ("unit", "t"),
                ("regularity", "recurring"),
                ("disposal_cost_eur_per_unit", "45"),
                ("confidentiality", level),
            ],
        )
        .await
        .assert_status(StatusCode::SEE_OTHER);
    }
    assert_eq!(unread().await.unwrap(), 2);
    assert_eq!(
        storage::notifications::unread_count(&app.db, roaster.company)
            .await
            .unwrap(),
        0,
        "a firm is not told of its own flows"
    );
}
