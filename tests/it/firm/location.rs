//! The firm's point: typed with either decimal separator, the municipality's centre by
//! default, a click on the map, and the map image itself.

use axum::http::StatusCode;
use symbiose::views::map::MapFrame;

use super::{csrf_of, input_value, profile, signed_in_firm, stored_firm, submit};
use crate::common::TestApp;

#[tokio::test]
async fn coordinates_may_be_typed_with_decimal_commas() {
    let app = TestApp::spawn().await;
    let server = signed_in_firm(&app, "info@korenaar.nl", "Korenaar").await;

    let saved = submit(&server, &[("lat", "51,2601"), ("lon", " 5,7155 ")]).await;

    saved.assert_status(StatusCode::SEE_OTHER);
    let firm = stored_firm(&app).await;
    assert_eq!(
        (firm.location().lat(), firm.location().lon()),
        (51.2601, 5.7155)
    );
    let form = server.get("/firm/edit").await.text();
    assert_eq!(input_value(&form, "lat"), "51,26010");
}

#[tokio::test]
async fn empty_coordinates_take_the_municipality_centre_and_an_untouched_centre_follows_a_move() {
    let app = TestApp::spawn().await;
    let server = signed_in_firm(&app, "info@korenaar.nl", "Korenaar").await;

    // Registered in Weert at its centre; the form still shows that centre.
    submit(&server, &[("municipality", "Roermond")])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let moved = stored_firm(&app).await.location();
    submit(
        &server,
        &[("municipality", "Leudal"), ("lat", ""), ("lon", "")],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    let emptied = stored_firm(&app).await.location();

    assert_eq!((moved.lat(), moved.lon()), (51.1942, 5.9870));
    assert_eq!((emptied.lat(), emptied.lon()), (51.2500, 5.8997));
}

#[tokio::test]
async fn a_point_far_outside_the_region_is_refused() {
    let app = TestApp::spawn().await;
    let server = signed_in_firm(&app, "info@korenaar.nl", "Korenaar").await;
    let before = stored_firm(&app).await;

    // Amsterdam's Dam square.
    let refused = submit(&server, &[("lat", "52,3731"), ("lon", "4,8926")]).await;

    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text();
    assert!(
        html.contains("km van de dichtstbijzijnde gemeente van de regio"),
        "{html}"
    );
    assert!(html.contains("binnen 30 km"));
    assert_eq!(stored_firm(&app).await, before);
}

/// The `width` and `height` of the clickable map in a page.
fn map_size(html: &str) -> (u32, u32) {
    let at = html.find("type=\"image\"").expect("a clickable map");
    let tag = &html[at..at + html[at..].find('>').unwrap()];
    let attribute = |name: &str| -> u32 {
        let value = tag.split(&format!(" {name}=\"")).nth(1).unwrap();
        value[..value.find('"').unwrap()].parse().unwrap()
    };
    (attribute("width"), attribute("height"))
}

#[tokio::test]
async fn a_click_on_the_map_puts_its_point_into_the_form_without_saving() {
    let app = TestApp::spawn().await;
    let server = signed_in_firm(&app, "info@korenaar.nl", "Korenaar").await;
    let before = stored_firm(&app).await;
    let page = server.get("/firm/edit").await.text();
    let (width, height) = map_size(&page);
    let (lat, lon) = MapFrame::region(width, height).unproject(300.0, 140.0);

    let csrf = csrf_of(&page);
    let mut fields = profile(&csrf, &[("name", "Korenaar en Zonen"), ("employees", "14")]);
    // A browser sends the pixels of the click, not the value of another submit button.
    fields.retain(|(k, _)| k != "action");
    fields.extend([
        ("map.x".into(), "300".into()),
        ("map.y".into(), "140".into()),
    ]);
    let clicked = server.post("/firm/edit").form(&fields).await;

    clicked.assert_status_ok();
    let html = clicked.text();
    assert_eq!(
        input_value(&html, "lat"),
        format!("{lat:.5}").replace('.', ",")
    );
    assert_eq!(
        input_value(&html, "lon"),
        format!("{lon:.5}").replace('.', ",")
    );
    assert!(html.contains("Punt gekozen — controleer het en sla op."));
    assert!(html.contains(&format!("/firm/map.svg?lat={lat:.5}&amp;lon={lon:.5}")));
    assert_eq!(
        input_value(&html, "name"),
        "Korenaar en Zonen",
        "typed values stay"
    );
    assert_eq!(input_value(&html, "employees"), "14");
    assert_eq!(stored_firm(&app).await, before, "a click does not save");
}

#[tokio::test]
async fn the_map_is_an_svg_image_and_refuses_coordinates_that_are_not_numbers() {
    let app = TestApp::spawn().await;
    let server = signed_in_firm(&app, "info@korenaar.nl", "Korenaar").await;

    let map = server
        .get("/firm/map.svg")
        .add_query_param("lat", "51.2")
        .add_query_param("lon", "5,8")
        .await;
    let not_a_number = server
        .get("/firm/map.svg")
        .add_query_param("lat", "abc")
        .await;
    let out_of_range = server
        .get("/firm/map.svg")
        .add_query_param("lon", "181")
        .await;

    map.assert_status_ok();
    let content_type = map.header("content-type");
    assert!(content_type.to_str().unwrap().starts_with("image/svg+xml"));
    let svg = map.text();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains("class=\"marker\""));
    not_a_number.assert_status(StatusCode::BAD_REQUEST);
    assert!(
        not_a_number
            .text()
            .contains("„abc” is geen geldige coördinaat")
    );
    out_of_range.assert_status(StatusCode::BAD_REQUEST);
}
