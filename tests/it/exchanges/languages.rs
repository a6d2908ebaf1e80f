//! The exchange pages in English, and refusals in the reader's language.

use axum::http::StatusCode;

use super::{exchange_path, in_english, interested, pair, post_form, to_running};
use crate::accounts::csrf_of;
use crate::common::TestApp;

#[tokio::test]
async fn a_running_exchange_reads_in_english_with_english_numbers() {
    let app = TestApp::spawn().await;
    let (roaster, grower, offer, need) = pair(&app).await;
    let fields = [("offer", offer.as_str()), ("need", need.as_str())];
    let path = exchange_path(&post_form(&roaster, "/matches", "/exchanges", &fields).await);
    post_form(&grower, "/matches", "/exchanges", &fields)
        .await
        .assert_status(StatusCode::SEE_OTHER);
    to_running(&grower, &roaster, &path).await;
    let csrf = csrf_of(&roaster.get(&path).await.text());
    let bad = in_english(roaster.post(&format!("{path}/tonnes")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("period", "november"),
            ("tonnes", "0"),
        ])
        .await;
    post_form(
        &roaster,
        &path,
        &format!("{path}/tonnes"),
        &[("period", "2026-11"), ("tonnes", "1234.5")],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);

    let english = in_english(roaster.get(&path)).await.text();
    let dutch = roaster.get(&path).await.text();

    bad.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    let bad = bad.text();
    assert!(
        bad.contains("id=\"period-error\" role=\"alert\">Month: enter a month as YYYY-MM")
            && bad.contains(
                "id=\"tonnes-error\" role=\"alert\">Tonnes: enter an amount greater than 0."
            ),
        "{bad}"
    );
    assert!(bad.contains("value=\"november\""), "what was typed stays");
    assert!(english.contains("<html lang=\"en\""));
    assert!(
        english.contains("Stage: <strong>running</strong>"),
        "{english}"
    );
    assert!(english.contains("Receiver: </strong>Zwammerij Het Mycelium"));
    assert!(english.contains(">Complete</button>") && english.contains("History"));
    assert!(english.contains("<td>1,234.5</td>"), "{english}");
    assert!(dutch.contains("<td>1.234,5</td>"), "{dutch}");
    assert!(dutch.contains("Stand: <strong>loopt</strong>"));
}

#[tokio::test]
async fn the_exchanges_list_reads_in_english() {
    let app = TestApp::spawn().await;
    let (roaster, _grower, offer, need) = pair(&app).await;
    post_form(
        &roaster,
        "/matches",
        "/exchanges",
        &[("offer", &offer), ("need", &need)],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);

    let english = in_english(roaster.get("/exchanges")).await.text();

    assert!(english.contains("My exchanges"), "{english}");
    assert!(english.contains("interest from one side"), "{english}");
}

#[tokio::test]
async fn an_illegal_step_is_refused_in_dutch_and_in_english_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let (roaster, _grower, offer, need) = pair(&app).await;
    let path = interested(&roaster, &offer, &need).await;
    let id =
        symbiose::domain::exchange::ExchangeId::parse(path.rsplit('/').next().unwrap()).unwrap();
    let before = symbiose::storage::exchanges::get(&app.db, id)
        .await
        .unwrap()
        .unwrap();

    let dutch = post_form(
        &roaster,
        &path,
        &format!("{path}/step"),
        &[("step", "complete")],
    )
    .await;
    let csrf = csrf_of(&roaster.get(&path).await.text());
    let english = in_english(roaster.post(&format!("{path}/step")))
        .form(&[("csrf", csrf.as_str()), ("step", "complete")])
        .await;

    dutch.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    english.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        dutch
            .text()
            .contains("‘Afronden’ kan nu niet: de uitwisseling staat op ‘interesse van één kant’."),
        "{}",
        dutch.text()
    );
    assert!(
        english.text().contains(
            "‘Complete’ is not possible now: the exchange is at the stage ‘interest from one side’."
        ),
        "{}",
        english.text()
    );
    let after = symbiose::storage::exchanges::get(&app.db, id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(after, before);
}

#[tokio::test]
async fn a_decline_without_a_reason_is_told_next_to_its_field_in_english() {
    let app = TestApp::spawn().await;
    let (roaster, _grower, offer, need) = pair(&app).await;
    // "Not for us" first: once the pair has an exchange, /matches links to it instead.
    let csrf = csrf_of(&roaster.get("/matches").await.text());
    let not_for_us = in_english(roaster.post("/exchanges/decline"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("offer", offer.as_str()),
            ("need", need.as_str()),
            ("reason", ""),
        ])
        .await;
    let path = interested(&roaster, &offer, &need).await;
    let no_reason = in_english(roaster.post(&format!("{path}/step")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("step", "decline"),
            ("reason", " "),
        ])
        .await;

    no_reason.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        no_reason.text().contains(
            "id=\"reason-error\" role=\"alert\">Reason: tell us briefly why this exchange does not fit."
        ),
        "{}",
        no_reason.text()
    );
    not_for_us.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    let next_to_field = format!(
        "id=\"reason-{offer}-{need}-error\" role=\"alert\">Reason: tell us briefly why this match does not fit."
    );
    assert!(
        not_for_us.text().contains(&next_to_field),
        "{}",
        not_for_us.text()
    );
}
