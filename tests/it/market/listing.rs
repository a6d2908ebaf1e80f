//! Listing pages: what a flow is, in words; its firm only when public; "Interesse" leads to an
//! exchange; a flow the viewer may not see is "not found".

use super::*;

#[tokio::test]
async fn a_public_offer_shows_its_facts_and_a_fitting_firm_can_show_interest() {
    let app = TestApp::spawn().await;
    let roaster = firm_in(&app, "info@deboon.nl", "Koffiebranderij De Boon", "Weert").await;
    let grower = firm_in(&app, "info@zwam.nl", "Zwammerij Het Mycelium", "Roermond").await;
    let koffie = offer(
        &app,
        &roaster,
        "02 03 04",
        "Koffiedik van de branderij",
        "8",
        "public",
    )
    .await;
    let substraat = need(&app, &grower, "02 03 04", "Substraat", "20", "anonymous").await;
    let path = format!("/listings/{}", offer_path(&koffie));

    let visitor = app.server().get(&path).await;
    let seen_by_grower = grower.server.get(&path).await.text();

    visitor.assert_status_ok();
    let html = visitor.text();
    assert!(
        html.contains("Voor consumptie of verwerking ongeschikt materiaal")
            || html.contains("02 03 04"),
        "{html}"
    );
    assert!(
        html.contains("8\u{a0}t/jaar") || html.contains("8 t/jaar"),
        "{html}"
    );
    assert!(html.contains("Doorlopend") && html.contains("Weert"));
    assert!(html.contains("Koffiebranderij De Boon"));
    assert!(
        html.contains("href=\"/login\""),
        "a visitor is asked to sign in"
    );
    assert!(!html.contains("action=\"/exchanges\""));
    assert!(seen_by_grower.contains("action=\"/exchanges\""));
    assert!(seen_by_grower.contains(&format!("name=\"need\" value=\"{substraat}\"")));
    let csrf = csrf_of(&seen_by_grower);
    let opened = grower
        .server
        .post("/exchanges")
        .form(&[
            ("csrf", csrf.as_str()),
            ("offer", koffie.as_str()),
            ("need", substraat.as_str()),
        ])
        .await;
    opened.assert_status(StatusCode::SEE_OTHER);
    let exchange = opened.header("location").to_str().unwrap().to_string();
    assert!(exchange.starts_with("/exchanges/"), "{exchange}");
    grower.server.get(&exchange).await.assert_status_ok();
}

#[tokio::test]
async fn an_anonymous_need_shows_no_name_and_hidden_or_paused_flows_are_not_found() {
    let app = TestApp::spawn().await;
    let roaster = firm_in(&app, "info@deboon.nl", "Koffiebranderij De Boon", "Weert").await;
    let grower = firm_in(&app, "info@zwam.nl", "Zwammerij Het Mycelium", "Roermond").await;
    let substraat = need(&app, &grower, "02 03 04", "Substraat", "20", "anonymous").await;
    let secret = offer(
        &app,
        &roaster,
        "02 03 04",
        "Geheim",
        "8",
        "coordinator-only",
    )
    .await;
    let paused = offer(&app, &roaster, "02 03 04", "Gepauzeerd", "8", "public").await;
    crate::exchanges::post_form(
        &roaster.server,
        "/offers",
        &format!("/offers/{paused}/pause"),
        &[],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    let (coordinator, _) = crate::coordinator::coordinator(&app).await;

    let anonymous = roaster
        .server
        .get(&format!("/listings/{}", need_path(&substraat)))
        .await
        .text();

    assert!(anonymous.contains("anonieme firma"));
    assert!(!anonymous.contains("Zwammerij"));
    let hidden = format!("/listings/{}", offer_path(&secret));
    app.server().get(&hidden).await.assert_status_not_found();
    grower.server.get(&hidden).await.assert_status_not_found();
    roaster.server.get(&hidden).await.assert_status_ok();
    coordinator.get(&hidden).await.assert_status_ok();
    let gone = format!("/listings/{}", offer_path(&paused));
    app.server().get(&gone).await.assert_status_not_found();
    app.server()
        .get("/listings/offers/O-BESTAAT-NIET")
        .await
        .assert_status_not_found();
    app.server()
        .get(&format!("/listings/needs/{secret}"))
        .await
        .assert_status_not_found();
}
