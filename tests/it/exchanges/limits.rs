//! What a firm types along with an exchange is bounded: a decline reason and a step note of
//! at most 2,000 characters, at most 10,000,000 tonnes in a month. Past a bound the step is
//! refused with the bound named, and nothing is stored.

use axum::http::StatusCode;

use super::{exchange_path, in_english, pair, post_form, to_running};
use crate::accounts::csrf_of;
use crate::common::TestApp;

const TOO_LONG: usize = 2001;

#[tokio::test]
async fn a_decline_reason_or_note_past_2000_characters_is_refused_and_the_exchange_stays_open() {
    let app = TestApp::spawn().await;
    let (roaster, _grower, offer, need) = pair(&app).await;
    let fields = [("offer", offer.as_str()), ("need", need.as_str())];
    let path = exchange_path(&post_form(&roaster, "/matches", "/exchanges", &fields).await);
    let step = format!("{path}/step");
    let long = "x".repeat(TOO_LONG);

    let long_reason = post_form(
        &roaster,
        &path,
        &step,
        &[("step", "decline"), ("reason", &long)],
    )
    .await;
    let csrf = csrf_of(&roaster.get(&path).await.text());
    let english = in_english(roaster.post(&step))
        .form(&[
            ("csrf", csrf.as_str()),
            ("step", "decline"),
            ("reason", &long),
        ])
        .await;
    let long_note = post_form(
        &roaster,
        &path,
        &step,
        &[("step", "decline"), ("reason", "te ver"), ("note", &long)],
    )
    .await;

    long_reason.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    let page = long_reason.text();
    assert!(
        page.contains("id=\"reason-error\" role=\"alert\">Reden: gebruik hoogstens 2000 tekens."),
        "{page}"
    );
    english.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        english
            .text()
            .contains("Reason: use at most 2000 characters.")
    );
    long_note.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        long_note
            .text()
            .contains("Notitie: gebruik hoogstens 2000 tekens.")
    );
    let after = roaster.get(&path).await.text();
    assert!(!after.contains("Reden van afwijzing"), "{after}");
    assert!(!after.contains(&long), "nothing typed was stored");
}

#[tokio::test]
async fn a_decline_reason_of_exactly_2000_characters_is_stored() {
    let app = TestApp::spawn().await;
    let (roaster, _grower, offer, need) = pair(&app).await;
    let fields = [("offer", offer.as_str()), ("need", need.as_str())];
    let path = exchange_path(&post_form(&roaster, "/matches", "/exchanges", &fields).await);
    let reason = "é".repeat(2000);

    let declined = post_form(
        &roaster,
        &path,
        &format!("{path}/step"),
        &[("step", "decline"), ("reason", &reason)],
    )
    .await;

    declined.assert_status(StatusCode::SEE_OTHER);
    assert!(roaster.get(&path).await.text().contains(&reason));
}

#[tokio::test]
async fn not_for_us_with_a_reason_past_2000_characters_is_refused_and_opens_nothing() {
    let app = TestApp::spawn().await;
    let (roaster, _grower, offer, need) = pair(&app).await;
    let long = "x".repeat(TOO_LONG);

    let refused = post_form(
        &roaster,
        "/matches",
        "/exchanges/decline",
        &[("offer", &offer), ("need", &need), ("reason", &long)],
    )
    .await;

    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .text()
            .contains("Reden: gebruik hoogstens 2000 tekens.")
    );
    let listed = roaster.get("/exchanges").await.text();
    assert!(!listed.contains("afgewezen"), "{listed}");
    let pair_field = format!("name=\"need\" value=\"{need}\"");
    assert!(roaster.get("/matches").await.text().contains(&pair_field));
}

#[tokio::test]
async fn tonnes_past_ten_million_in_a_month_are_refused_naming_the_bound() {
    let app = TestApp::spawn().await;
    let (roaster, grower, offer, need) = pair(&app).await;
    let fields = [("offer", offer.as_str()), ("need", need.as_str())];
    let path = exchange_path(&post_form(&roaster, "/matches", "/exchanges", &fields).await);
    post_form(&grower, "/matches", "/exchanges", &fields)
        .await
        .assert_status(StatusCode::SEE_OTHER);
    to_running(&grower, &roaster, &path).await;
    let tonnes = format!("{path}/tonnes");

    let huge = post_form(
        &roaster,
        &path,
        &tonnes,
        &[("period", "2026-10"), ("tonnes", "1e308")],
    )
    .await;
    let csrf = csrf_of(&roaster.get(&path).await.text());
    let english = in_english(roaster.post(&tonnes))
        .form(&[
            ("csrf", csrf.as_str()),
            ("period", "2026-10"),
            ("tonnes", "1e16"),
        ])
        .await;
    let most = post_form(
        &roaster,
        &path,
        &tonnes,
        &[("period", "2026-11"), ("tonnes", "10000000")],
    )
    .await;

    huge.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        huge.text()
            .contains("Ton: vul voor één maand hoogstens 10.000.000 ton in."),
        "{}",
        huge.text()
    );
    english.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        english
            .text()
            .contains("Tonnes: enter at most 10,000,000 tonnes for one month.")
    );
    most.assert_status(StatusCode::SEE_OTHER);
    let page = roaster.get(&path).await.text();
    assert!(
        page.contains("2026-11") && !page.contains("2026-10"),
        "{page}"
    );
}
