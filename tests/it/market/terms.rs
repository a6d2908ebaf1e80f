//! Pickup terms (offers), delivery terms (needs) and availability dates (issue #10): typed on
//! the form, refused when too long, shown on the listing (wherever its quantity is shown) and
//! in the owner's list, in the reader's language.

use super::*;

const TERMS: &str = "ophalen ma–vr 7–16 u, <laadperron>, eigen container meenemen";

/// Adds an offer through the form with pickup terms and availability dates.
async fn offer_with_terms(app: &TestApp, firm: &Firm, level: &str, dates: (&str, &str)) -> String {
    post_form(
        &firm.server,
        "/offers/new",
        "/offers",
        &[
            ("material", "02 03 04"),
            ("description", "Koffiedik"),
            ("quantity_per_year", "8"),
            ("unit", "t"),
            ("regularity", "recurring"),
            ("disposal_cost_eur_per_unit", "45"),
            ("available_from", dates.0),
            ("available_until", dates.1),
            ("pickup_terms", TERMS),
            ("confidentiality", level),
        ],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    newest_key(app, "offers").await
}

#[tokio::test]
async fn an_offers_pickup_terms_and_dates_show_on_its_listing_and_in_the_owners_list() {
    let app = TestApp::spawn().await;
    let roaster = firm_in(&app, "info@deboon.nl", "Koffiebranderij De Boon", "Weert").await;
    let key = offer_with_terms(&app, &roaster, "anonymous", ("2027-03-01", "2027-06-30")).await;
    let path = format!("/listings/{}", offer_path(&key));

    let dutch = app.server().get(&path).await.text();
    let english = app
        .server()
        .get(&path)
        .add_cookie(("symbiose_lang", "en").into())
        .await
        .text();
    let own = roaster.server.get("/offers").await.text();
    let edit = roaster
        .server
        .get(&format!("/offers/{key}/edit"))
        .await
        .text();

    let escaped = "ophalen ma–vr 7–16 u, &lt;laadperron&gt;, eigen container meenemen";
    assert!(dutch.contains("<dt>Ophaalvoorwaarden</dt>"), "{dutch}");
    assert!(dutch.contains(escaped), "{dutch}");
    assert!(
        dutch.contains("vanaf 1 mrt 2027 tot en met 30 jun 2027"),
        "{dutch}"
    );
    assert!(english.contains("<dt>Pickup terms</dt>"), "{english}");
    assert!(
        english.contains("from 1 Mar 2027 until 30 Jun 2027"),
        "{english}"
    );
    assert!(own.contains(escaped), "{own}");
    assert!(own.contains("vanaf 1 mrt 2027"), "{own}");
    assert!(edit.contains(&format!("{escaped}</textarea>")), "{edit}");
    assert!(edit.contains("value=\"2027-03-01\""), "{edit}");
    assert!(edit.contains("value=\"2027-06-30\""), "{edit}");
}

#[tokio::test]
async fn a_needs_delivery_terms_show_and_an_offer_without_dates_is_available_now() {
    let app = TestApp::spawn().await;
    let roaster = firm_in(&app, "info@deboon.nl", "Koffiebranderij De Boon", "Weert").await;
    let grower = firm_in(&app, "info@zwam.nl", "Zwammerij Het Mycelium", "Roermond").await;
    let plain = offer(&app, &roaster, "02 03 04", "Koffiedik", "8", "public").await;
    post_form(
        &grower.server,
        "/needs/new",
        "/needs",
        &[
            ("accepts", "02 03 04"),
            ("description", "Substraat"),
            ("quantity_per_year", "20"),
            ("unit", "t"),
            ("virgin_price_eur_per_unit", "30"),
            ("max_distance_km", "50"),
            ("licensed_for_hazardous", "false"),
            ("pickup_terms", "levering op pallets, heftruck aanwezig"),
            ("confidentiality", "public"),
        ],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    let need_key = newest_key(&app, "needs").await;

    let offer_page = app
        .server()
        .get(&format!("/listings/{}", offer_path(&plain)))
        .await
        .text();
    let need_page = app
        .server()
        .get(&format!("/listings/{}", need_path(&need_key)))
        .await
        .text();

    assert!(offer_page.contains("direct beschikbaar"), "{offer_page}");
    assert!(
        !offer_page.contains("Ophaalvoorwaarden"),
        "no terms, no row"
    );
    assert!(
        need_page.contains("<dt>Leveringsvoorwaarden</dt>"),
        "{need_page}"
    );
    assert!(need_page.contains("levering op pallets, heftruck aanwezig"));
    let own = grower.server.get("/needs").await.text();
    assert!(
        own.contains("Leveringsvoorwaarden: levering op pallets"),
        "{own}"
    );
}

#[tokio::test]
async fn too_long_terms_or_dates_in_the_wrong_order_are_refused_at_their_field_and_nothing_is_saved()
 {
    let app = TestApp::spawn().await;
    let roaster = firm_in(&app, "info@deboon.nl", "Koffiebranderij De Boon", "Weert").await;
    let long = "x".repeat(501);
    let base = [
        ("material", "02 03 04"),
        ("quantity_per_year", "8"),
        ("unit", "t"),
        ("disposal_cost_eur_per_unit", "45"),
    ];

    let mut too_long = base.to_vec();
    too_long.push(("pickup_terms", long.as_str()));
    let refused = post_form(&roaster.server, "/offers/new", "/offers", &too_long).await;
    let mut backwards = base.to_vec();
    backwards.extend([
        ("available_from", "2027-06-01"),
        ("available_until", "2027-01-01"),
    ]);
    let reversed = post_form(&roaster.server, "/offers/new", "/offers", &backwards).await;

    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text();
    assert!(
        html.contains("id=\"pickup_terms-error\" role=\"alert\">De voorwaarden zijn te lang (hoogstens 500 tekens)."),
        "{html}"
    );
    assert!(
        html.contains(&format!("{long}</textarea>")),
        "what was typed is kept"
    );
    reversed.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reversed.text().contains("id=\"available_until-error\""));
    let region = symbiose::storage::load_region(&app.db).await.unwrap();
    assert!(region.offers.is_empty());
}

#[tokio::test]
async fn terms_of_a_coordinator_only_offer_are_shown_to_nobody_else() {
    let app = TestApp::spawn().await;
    let roaster = firm_in(&app, "info@deboon.nl", "Koffiebranderij De Boon", "Weert").await;
    let grower = firm_in(&app, "info@zwam.nl", "Zwammerij Het Mycelium", "Roermond").await;
    let key = offer_with_terms(&app, &roaster, "coordinator-only", ("", "")).await;
    let path = format!("/listings/{}", offer_path(&key));

    grower.server.get(&path).await.assert_status_not_found();
    app.server().get(&path).await.assert_status_not_found();
    for page in ["/", "/market"] {
        let html = grower.server.get(page).await.text();
        assert!(!html.contains("laadperron"), "{page}");
    }
    assert!(
        roaster
            .server
            .get(&path)
            .await
            .text()
            .contains("laadperron")
    );
}
