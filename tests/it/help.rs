//! The help pages: `/help` and `/privacy`, reachable from every page's footer, in both
//! languages, and saying what the app really does.

use crate::common::TestApp;

mod fields;

#[tokio::test]
async fn every_page_links_to_how_it_works_and_privacy_in_its_footer() {
    let app = TestApp::spawn().await;
    let server = app.server();
    for path in ["/", "/login", "/register", "/help", "/privacy"] {
        let html = server.get(path).await.text();
        assert!(html.contains("href=\"/help\""), "{path} links to /help");
        assert!(
            html.contains("href=\"/privacy\""),
            "{path} links to /privacy"
        );
    }
}

#[tokio::test]
async fn how_it_works_walks_the_five_steps_in_dutch_and_english() {
    let app = TestApp::spawn().await;
    let server = app.server();

    let dutch = server.get("/help").await;
    dutch.assert_status_ok();
    let html = dutch.text();
    assert!(html.contains("<h1>Hoe Symbiose werkt</h1>"));
    for step in [
        "1. Registreer",
        "2. Meld",
        "3. Bekijk",
        "4. Maak kennis",
        "5. Houd bij",
    ] {
        assert!(html.contains(step), "Dutch step {step}");
    }

    let english = server
        .get("/help")
        .add_cookie(("symbiose_lang", "en").into())
        .await
        .text();
    assert!(english.contains("<h1>How Symbiose works</h1>"));
    assert!(english.contains("5. Record what really moves"));
    assert!(
        !english.contains("Registreer"),
        "no Dutch left on the English page"
    );
}

#[tokio::test]
async fn the_privacy_table_names_every_level_for_every_audience() {
    let app = TestApp::spawn().await;
    let server = app.server();

    let html = server
        .get("/privacy")
        .add_cookie(("symbiose_lang", "en").into())
        .await
        .text();
    for level in ["Public", "Anonymous (default)", "Coordinator only"] {
        assert!(
            html.contains(&format!("<th scope=\"row\">{level}</th>")),
            "{level}"
        );
    }
    for audience in [
        "Visitors without an account",
        "Other firms",
        "The other side, once both said interested",
        "The region's coordinators",
    ] {
        assert!(html.contains(audience), "{audience}");
    }
    // Stacked on a phone: each cell carries its column's name.
    assert_eq!(html.matches("data-label=\"Other firms\"").count(), 3);
}

/// What the page promises for a visitor is what the market does: a public flow shows with
/// its firm's name, an anonymous one without it.
#[tokio::test]
async fn what_the_privacy_page_promises_visitors_is_what_the_overview_shows_them() {
    let app = TestApp::spawn().await;
    let (_roaster, _grower, _offer, _need) =
        crate::exchanges::pair_marked(&app, "public", "anonymous").await;
    let visitor = app.server();

    let privacy = visitor.get("/privacy").await.text();
    assert!(privacy.contains("de stroom met de naam van uw bedrijf, op de markt"));
    let anonymous_row = privacy
        .split("<th scope=\"row\">Anoniem (standaard)</th>")
        .nth(1)
        .expect("the anonymous row");
    let visitor_cell = anonymous_row.split("</td>").next().unwrap();
    assert!(
        visitor_cell
            .ends_with(">de stroom op de markt als anonieme firma, met alleen sector en gemeente"),
        "{visitor_cell}"
    );

    let market = visitor.get("/").await.text();
    assert!(market.contains("Koffiedik"), "the public offer is listed");
    assert!(
        market.contains("Koffiebranderij De Boon"),
        "with its firm's name"
    );
    assert!(market.contains("Substraat"), "the anonymous need is listed");
    assert!(
        !market.contains("Zwammerij Het Mycelium"),
        "without its firm's name"
    );
}
