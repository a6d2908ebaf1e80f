//! Messages inside an exchange: both firms (and coordinators) write once both said
//! interested; the other firm is told by notice and mail; unread counts fall once read; text
//! is shown as typed and escaped.

use axum::http::StatusCode;
use axum_test::{TestResponse, TestServer};

use super::{firm, interested, pair, post_form};
use crate::common::TestApp;
use symbiose::domain::exchange::ExchangeId;
use symbiose::storage;

const ROASTER: &str = "Koffiebranderij De Boon";
const GROWER: &str = "Zwammerij Het Mycelium";

/// Both firms said interested: the exchange's path.
async fn introduced(app: &TestApp) -> (TestServer, TestServer, String) {
    let (roaster, grower, offer, need) = pair(app).await;
    let path = interested(&roaster, &offer, &need).await;
    interested(&grower, &offer, &need).await;
    (roaster, grower, path)
}

/// Posts `text` as a message on the exchange at `path`.
async fn write(server: &TestServer, path: &str, text: &str) -> TestResponse {
    post_form(
        server,
        "/dashboard",
        &format!("{path}/messages"),
        &[("text", text)],
    )
    .await
}

/// The stored thread of the exchange at `path`.
async fn stored(app: &TestApp, path: &str) -> Vec<storage::exchanges::messages::MessageRecord> {
    let id = ExchangeId::parse(path.rsplit('/').next().unwrap()).unwrap();
    storage::exchanges::messages::thread(&app.db, id)
        .await
        .unwrap()
}

#[tokio::test]
async fn both_firms_write_and_read_one_thread_oldest_first_with_lines_kept_and_escaped() {
    let app = TestApp::spawn().await;
    let (roaster, grower, path) = introduced(&app).await;

    let sent = write(&roaster, &path, "Hallo,\r\nkunnen we dinsdag bellen?").await;
    sent.assert_status(StatusCode::SEE_OTHER);
    assert_eq!(
        sent.header("location").to_str().unwrap(),
        format!("{path}#messages")
    );
    write(&grower, &path, "Prima <script>alert(1)</script> & tot dan")
        .await
        .assert_status(StatusCode::SEE_OTHER);

    let page = grower.get(&path).await.text();
    let first = page
        .find("kunnen we dinsdag bellen?")
        .expect("first message");
    let second = page
        .find("Prima &lt;script&gt;")
        .expect("second message, escaped");
    assert!(first < second, "oldest first");
    assert!(
        page.contains("Hallo,<br>kunnen we dinsdag bellen?"),
        "{page}"
    );
    assert!(!page.contains("<script>alert(1)"), "{page}");
    assert!(page.contains("&amp; tot dan"), "{page}");
    let thread = &page[page.find("class=\"thread\"").unwrap()..];
    assert!(
        thread.contains(ROASTER) && thread.contains(GROWER),
        "{thread}"
    );
    assert!(
        thread.contains("<time>28 nov 2026 12:00</time>"),
        "time in the reader's locale: {thread}"
    );
    let english = super::in_english(roaster.get(&path)).await.text();
    assert!(english.contains("Send message"), "{english}");
    assert_eq!(stored(&app, &path).await.len(), 2);
}

#[tokio::test]
async fn an_empty_or_too_long_message_is_refused_with_the_field_named_and_nothing_stored() {
    let app = TestApp::spawn().await;
    let (roaster, _grower, path) = introduced(&app).await;

    let empty = write(&roaster, &path, "  \r\n ").await;
    empty.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        empty.text().contains("Bericht: schrijf eerst een tekst."),
        "{}",
        empty.text()
    );
    let long = "a".repeat(4001);
    let too_long = write(&roaster, &path, &long).await;
    too_long.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    let page = too_long.text();
    assert!(
        page.contains("Bericht: gebruik hoogstens 4000 tekens."),
        "{page}"
    );
    assert!(page.contains(&long), "the text is kept in the form");
    assert!(stored(&app, &path).await.is_empty());
    write(&roaster, &path, &"a".repeat(4000))
        .await
        .assert_status(StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn an_outsider_gets_not_found_and_messages_open_only_once_both_are_interested() {
    let app = TestApp::spawn().await;
    let (roaster, grower, offer, need) = pair(&app).await;
    let path = interested(&roaster, &offer, &need).await;

    let page = roaster.get(&path).await.text();
    assert!(
        page.contains("Berichten sturen kan zodra beide bedrijven"),
        "{page}"
    );
    assert!(!page.contains("name=\"text\""), "no form yet");
    let early = write(&roaster, &path, "Hallo?").await;
    early.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        early.text().contains("geen berichten sturen"),
        "{}",
        early.text()
    );
    assert!(stored(&app, &path).await.is_empty());

    interested(&grower, &offer, &need).await;
    let outsider = firm(&app, "info@derde.nl", "Derde Partij").await;
    write(&outsider, &path, "Mag ik meedoen?")
        .await
        .assert_status(StatusCode::NOT_FOUND);
    outsider
        .get(&path)
        .await
        .assert_status(StatusCode::NOT_FOUND);
    assert!(stored(&app, &path).await.is_empty());
    write(&roaster, &path, "Hallo!")
        .await
        .assert_status(StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_message_tells_the_other_firm_by_notice_and_mail_but_not_the_sender() {
    let app = TestApp::spawn().await;
    let (roaster, grower, path) = introduced(&app).await;
    let before = storage::notifications::pending_mail(&app.db, 100)
        .await
        .unwrap()
        .len();

    write(&roaster, &path, "Hallo").await;

    let dashboard = grower.get("/dashboard").await.text();
    let id = path.rsplit('/').next().unwrap();
    assert!(
        dashboard.contains(&format!("Uitwisseling {id}: nieuw bericht")),
        "{dashboard}"
    );
    assert!(
        dashboard.contains(&format!(
            "{ROASTER} stuurde een bericht in uitwisseling {id}"
        )),
        "{dashboard}"
    );
    assert!(dashboard.contains(&format!("href=\"/exchanges/{id}\"")));
    assert!(
        !roaster
            .get("/dashboard")
            .await
            .text()
            .contains("nieuw bericht")
    );
    let mails = storage::notifications::pending_mail(&app.db, 100)
        .await
        .unwrap();
    let new: Vec<_> = mails[before..].iter().collect();
    assert_eq!(new.len(), 1, "{new:?}");
    assert_eq!(new[0].to, "info@zwam.nl");
    assert_eq!(new[0].subject, format!("Uitwisseling {id}: nieuw bericht"));
    assert!(new[0].body.contains(&format!("/exchanges/{id}")));

    let coordinator = crate::accounts::signed_in_coordinator(&app).await.0;
    write(&coordinator, &path, "Ik help graag")
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let told = storage::notifications::pending_mail(&app.db, 100)
        .await
        .unwrap();
    let to: Vec<&str> = told[before + 1..].iter().map(|m| m.to.as_str()).collect();
    assert_eq!(to.len(), 2, "{to:?}");
    assert!(to.contains(&"info@deboon.nl") && to.contains(&"info@zwam.nl"));
    let page = roaster.get(&path).await.text();
    assert!(page.contains("Coördinator"), "{page}");
}

#[tokio::test]
async fn the_unread_count_shows_on_the_list_and_dashboard_and_falls_after_reading() {
    let app = TestApp::spawn().await;
    let (roaster, grower, path) = introduced(&app).await;
    write(&roaster, &path, "Eén").await;
    write(&roaster, &path, "Twee").await;

    assert!(
        grower
            .get("/exchanges")
            .await
            .text()
            .contains("2 ongelezen berichten")
    );
    assert!(
        grower
            .get("/dashboard")
            .await
            .text()
            .contains("2 ongelezen berichten")
    );
    assert!(!roaster.get("/exchanges").await.text().contains("ongelezen"));

    grower.get(&path).await.assert_status_ok();

    assert!(!grower.get("/exchanges").await.text().contains("ongelezen"));
    assert!(!grower.get("/dashboard").await.text().contains("ongelezen"));
    write(&roaster, &path, "Drie").await;
    assert!(
        grower
            .get("/exchanges")
            .await
            .text()
            .contains("1 ongelezen bericht")
    );
}

#[tokio::test]
async fn the_mail_of_a_message_quotes_its_text_and_names_the_sending_firm() {
    let app = TestApp::spawn().await;
    let (roaster, _grower, path) = introduced(&app).await;
    let before = storage::notifications::pending_mail(&app.db, 100)
        .await
        .unwrap()
        .len();
    let long = format!(
        "Dinsdag <b>om 10 uur</b>?\nZie {{{{site}}}}/nep\n{}",
        "koffiedik ".repeat(60)
    );

    write(&roaster, &path, &long)
        .await
        .assert_status(StatusCode::SEE_OTHER);

    let mails = storage::notifications::pending_mail(&app.db, 100)
        .await
        .unwrap();
    let body = &mails[before].body;
    assert!(body.contains(&format!("{ROASTER} schreef:")), "{body}");
    assert!(body.contains("\n> Dinsdag <b>om 10 uur</b>?\n"), "{body}");
    assert!(
        body.contains("> Zie { {site} }/nep"),
        "typed placeholder stays text: {body}"
    );
    assert!(
        body.contains("…\n\nBekijk het in Symbiose"),
        "cut with an ellipsis: {body}"
    );
    assert!(!body.contains(&"koffiedik ".repeat(60)), "{body}");
    let id = path.rsplit('/').next().unwrap();
    assert!(
        body.contains(&format!("{{{{site}}}}/exchanges/{id}")),
        "{body}"
    );
}
