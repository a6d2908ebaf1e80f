//! Photos on flows: the owner uploads, replaces and removes one; the file is re-encoded (no
//! camera data survives); others see it only where they may see the flow.

use std::io::Cursor;

use axum::http::StatusCode;
use axum_test::TestServer;
use axum_test::multipart::{MultipartForm, Part};
use image::{ImageBuffer, ImageFormat, Rgb, RgbImage};

use crate::accounts::{csrf_of, signed_in_coordinator};
use crate::common::TestApp;
use crate::exchanges::{in_english, pair_marked};

fn picture(width: u32, height: u32, format: ImageFormat) -> Vec<u8> {
    let picture: RgbImage = ImageBuffer::from_fn(width, height, |x, y| {
        Rgb([(x % 251) as u8, (y % 241) as u8, 60])
    });
    let mut bytes = Vec::new();
    picture
        .write_to(&mut Cursor::new(&mut bytes), format)
        .unwrap();
    bytes
}

/// A JPEG carrying an EXIF segment with a GPS position, as phones write them.
fn jpeg_with_gps() -> Vec<u8> {
    let plain = picture(120, 80, ImageFormat::Jpeg);
    let payload = b"Exif\0\0GPSLatitude 51.2517 N GPSLongitude 5.7069 E";
    let length = (payload.len() + 2) as u16;
    let mut bytes = plain[..2].to_vec();
    bytes.extend_from_slice(&[0xFF, 0xE1]);
    bytes.extend_from_slice(&length.to_be_bytes());
    bytes.extend_from_slice(payload);
    bytes.extend_from_slice(&plain[2..]);
    bytes
}

fn photo_form(csrf: &str, name: &str, bytes: Vec<u8>) -> MultipartForm {
    MultipartForm::new().add_text("csrf", csrf).add_part(
        "photo",
        Part::bytes(bytes).file_name(name).mime_type("image/jpeg"),
    )
}

async fn upload(
    server: &TestServer,
    path: &str,
    name: &str,
    bytes: Vec<u8>,
) -> axum_test::TestResponse {
    let csrf = csrf_of(&server.get(path).await.text());
    server
        .post(path)
        .multipart(photo_form(&csrf, name, bytes))
        .await
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[tokio::test]
async fn the_owner_uploads_a_photo_and_gets_a_scaled_jpeg_without_camera_data() {
    let app = TestApp::spawn().await;
    let (roaster, _grower, offer, _need) = pair_marked(&app, "public", "anonymous").await;
    let page = format!("/offers/{offer}/photo");
    assert!(
        roaster
            .get("/offers")
            .await
            .text()
            .contains(&format!("href=\"{page}\""))
    );
    assert!(roaster.get(&page).await.text().contains("nog geen foto"));

    let sent = jpeg_with_gps();
    assert!(contains(&sent, b"GPSLatitude"));
    upload(&roaster, &page, "koffiedik.jpg", sent)
        .await
        .assert_status(StatusCode::SEE_OTHER);

    let html = roaster.get(&page).await.text();
    let src = html
        .split(&format!("src=\"/photos/offers/{offer}?v="))
        .nth(1)
        .expect("the page shows the photo");
    let src = format!(
        "/photos/offers/{offer}?v={}",
        src.split('"').next().unwrap()
    );
    let served = roaster.get(&src).await;
    served.assert_status_ok();
    assert_eq!(served.header("content-type"), "image/jpeg");
    let bytes = served.as_bytes().to_vec();
    assert!(!contains(&bytes, b"GPSLatitude"), "camera data is gone");
    assert!(!contains(&bytes, b"Exif"), "no EXIF segment at all");
    let decoded = image::load_from_memory(&bytes).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (120, 80));

    // A large PNG replaces it, scaled to 1600 pixels on its longer side.
    upload(
        &roaster,
        &page,
        "groot.png",
        picture(3000, 2000, ImageFormat::Png),
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    let bytes = roaster
        .get(&format!("/photos/offers/{offer}"))
        .await
        .as_bytes()
        .to_vec();
    let decoded = image::load_from_memory(&bytes).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (1600, 1067));

    let csrf = csrf_of(&roaster.get(&page).await.text());
    roaster
        .post(&format!("{page}/delete"))
        .form(&[("csrf", csrf.as_str())])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    roaster
        .get(&format!("/photos/offers/{offer}"))
        .await
        .assert_status(StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_file_that_is_no_photo_is_refused_with_its_reason_and_nothing_changes() {
    let app = TestApp::spawn().await;
    let (roaster, _grower, offer, _need) = pair_marked(&app, "public", "anonymous").await;
    let page = format!("/offers/{offer}/photo");
    upload(&roaster, &page, "ok.png", picture(50, 50, ImageFormat::Png))
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let before = roaster
        .get(&format!("/photos/offers/{offer}"))
        .await
        .as_bytes()
        .to_vec();

    let csv = upload(&roaster, &page, "offers.csv", b"id,name\n1,x\n".to_vec()).await;
    csv.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(csv.text().contains("Dit is geen JPEG-, PNG- of WebP-foto."));
    assert!(csv.text().contains("aria-invalid=\"true\""));

    let whole = picture(64, 64, ImageFormat::Png);
    let broken = upload(
        &roaster,
        &page,
        "half.png",
        whole[..whole.len() / 2].to_vec(),
    )
    .await;
    broken.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(broken.text().contains("beschadigd"));

    let csrf = csrf_of(&roaster.get(&page).await.text());
    let english = in_english(roaster.post(&page))
        .multipart(MultipartForm::new().add_text("csrf", csrf))
        .await;
    english.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(english.text().contains("Choose a photo first."));

    let after = roaster
        .get(&format!("/photos/offers/{offer}"))
        .await
        .as_bytes()
        .to_vec();
    assert_eq!(before, after, "the stored photo is untouched");
}

#[tokio::test]
async fn a_photo_larger_than_the_limit_is_refused_with_the_limit_named() {
    let app = TestApp::spawn().await;
    let (roaster, _grower, offer, _need) = pair_marked(&app, "public", "anonymous").await;
    let page = format!("/offers/{offer}/photo");
    let response = upload(&roaster, &page, "huge.jpg", vec![0xFF; 11 * 1024 * 1024]).await;
    response.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text().contains("groter dan 10 MB"));
}

#[tokio::test]
async fn only_those_who_may_see_the_flow_see_its_photo() {
    let app = TestApp::spawn().await;
    let (roaster, grower, offer, need) = pair_marked(&app, "public", "anonymous").await;
    let png = || picture(30, 20, ImageFormat::Png);
    upload(&roaster, &format!("/offers/{offer}/photo"), "a.png", png())
        .await
        .assert_status(StatusCode::SEE_OTHER);
    upload(&grower, &format!("/needs/{need}/photo"), "b.png", png())
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let (coordinator, _) = signed_in_coordinator(&app).await;
    let visitor = app.server();

    // The public offer: everyone.
    for server in [&roaster, &grower, &coordinator, &visitor] {
        server
            .get(&format!("/photos/offers/{offer}"))
            .await
            .assert_status_ok();
    }
    // The anonymous need: its firm and the coordinators only.
    grower
        .get(&format!("/photos/needs/{need}"))
        .await
        .assert_status_ok();
    coordinator
        .get(&format!("/photos/needs/{need}"))
        .await
        .assert_status_ok();
    for server in [&roaster, &visitor] {
        server
            .get(&format!("/photos/needs/{need}"))
            .await
            .assert_status(StatusCode::NOT_FOUND);
    }

    // Another firm can neither see the photo page of a flow nor change its photo.
    roaster
        .get(&format!("/needs/{need}/photo"))
        .await
        .assert_status(StatusCode::NOT_FOUND);
    let csrf = csrf_of(&roaster.get(&format!("/offers/{offer}/photo")).await.text());
    roaster
        .post(&format!("/needs/{need}/photo"))
        .multipart(photo_form(&csrf, "c.png", png()))
        .await
        .assert_status(StatusCode::NOT_FOUND);
    roaster
        .post(&format!("/needs/{need}/photo/delete"))
        .form(&[("csrf", csrf.as_str())])
        .await
        .assert_status(StatusCode::NOT_FOUND);
    grower
        .get(&format!("/photos/needs/{need}"))
        .await
        .assert_status_ok();

    // A paused public offer leaves the market, and its photo with it.
    let csrf = csrf_of(&roaster.get("/offers").await.text());
    roaster
        .post(&format!("/offers/{offer}/pause"))
        .form(&[("csrf", csrf.as_str())])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    visitor
        .get(&format!("/photos/offers/{offer}"))
        .await
        .assert_status(StatusCode::NOT_FOUND);
    roaster
        .get(&format!("/photos/offers/{offer}"))
        .await
        .assert_status_ok();
}

#[tokio::test]
async fn an_upload_without_the_session_token_changes_nothing() {
    let app = TestApp::spawn().await;
    let (roaster, _grower, offer, _need) = pair_marked(&app, "public", "anonymous").await;
    let response = roaster
        .post(&format!("/offers/{offer}/photo"))
        .multipart(photo_form(
            &"0".repeat(64),
            "a.png",
            picture(10, 10, ImageFormat::Png),
        ))
        .await;
    response.assert_status(StatusCode::FORBIDDEN);
    roaster
        .get(&format!("/photos/offers/{offer}"))
        .await
        .assert_status(StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn deleting_a_flow_deletes_its_photo() {
    let app = TestApp::spawn().await;
    let (roaster, _grower, offer, _need) = pair_marked(&app, "public", "anonymous").await;
    upload(
        &roaster,
        &format!("/offers/{offer}/photo"),
        "a.png",
        picture(10, 10, ImageFormat::Png),
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    let csrf = csrf_of(&roaster.get("/offers").await.text());
    roaster
        .post(&format!("/offers/{offer}/delete"))
        .form(&[("csrf", csrf.as_str())])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    use sea_orm::EntityTrait;
    let left = symbiose::storage::entities::flow_photos::Entity::find()
        .all(&app.db)
        .await
        .unwrap();
    assert!(left.is_empty(), "the photo went with its flow");
}

#[tokio::test]
async fn a_public_listing_shows_its_photo_and_an_anonymous_one_does_not() {
    let app = TestApp::spawn().await;
    let (roaster, grower, offer, need) = pair_marked(&app, "public", "anonymous").await;
    let png = || picture(30, 20, ImageFormat::Png);
    let visitor = app.server();
    let offer_listing = format!("/listings/offers/{offer}");
    assert!(
        !visitor
            .get(&offer_listing)
            .await
            .text()
            .contains("/photos/offers/")
    );

    upload(&roaster, &format!("/offers/{offer}/photo"), "a.png", png())
        .await
        .assert_status(StatusCode::SEE_OTHER);
    upload(&grower, &format!("/needs/{need}/photo"), "b.png", png())
        .await
        .assert_status(StatusCode::SEE_OTHER);

    let html = visitor.get(&offer_listing).await.text();
    let src = html
        .split(&format!("src=\"/photos/offers/{offer}?v="))
        .nth(1)
        .expect("the public listing shows its photo");
    let src = format!(
        "/photos/offers/{offer}?v={}",
        src.split('"').next().unwrap()
    );
    visitor.get(&src).await.assert_status_ok();
    // The anonymous need is on the market without a name, and without its photo.
    let html = visitor.get(&format!("/listings/needs/{need}")).await.text();
    assert!(!html.contains("/photos/needs/"), "{html}");
}
