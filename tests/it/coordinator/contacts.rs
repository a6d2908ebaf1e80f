//! The contact log on a firm's coordinator page: contact people added, changed and deleted;
//! notes newest first, deleted by their author only; refusals naming the field; and no firm
//! ever reaching or seeing any of it.

use axum::http::StatusCode;
use axum_test::TestServer;
use symbiose::storage::contacts::{contacts_of, firm_id, notes_of};

use super::coordinator;
use crate::accounts::{csrf_of, saving_cookies};
use crate::common::TestApp;
use crate::exchanges::{in_english, pair, post_form};

/// The public key of the firm called `name`.
pub async fn key_of(app: &TestApp, name: &str) -> String {
    let region = symbiose::storage::load_region(&app.db).await.unwrap();
    let firm = region.firms.iter().find(|f| f.name() == name).expect(name);
    firm.id().to_string()
}

/// Posts a form of the firm's coordinator page (its token read from that page).
pub async fn post_on_page(
    server: &TestServer,
    key: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> axum_test::TestResponse {
    let page = format!("/coordinator/firms/{key}");
    post_form(server, &page, &format!("{page}{action}"), fields).await
}

/// A second coordinator of the region, signed in.
async fn second_coordinator(app: &TestApp) -> TestServer {
    let email = "tweede@keyport.nl";
    let password = symbiose::domain::NewPassword::parse("tweede-keyport-2026").unwrap();
    let hash = symbiose::accounts::hash_password(&password).unwrap();
    symbiose::storage::accounts::create_staff_user(
        &app.db,
        &symbiose::domain::Email::parse(email).unwrap(),
        &hash,
        symbiose::domain::Role::Coordinator,
        app.app.now(),
    )
    .await
    .unwrap();
    let server = saving_cookies(app);
    crate::accounts::login(&server, email, "tweede-keyport-2026")
        .await
        .assert_status(StatusCode::SEE_OTHER);
    server
}

const ROASTER: &str = "Koffiebranderij De Boon";

#[tokio::test]
async fn a_coordinator_adds_changes_and_deletes_a_contact_person_of_a_firm() {
    let app = TestApp::spawn().await;
    pair(&app).await;
    let (coordinator, _) = coordinator(&app).await;
    let key = key_of(&app, ROASTER).await;
    let company = firm_id(&app.db, &key).await.unwrap().unwrap();

    let added = post_on_page(
        &coordinator,
        &key,
        "/contacts",
        &[
            ("name", "Anja de Boon"),
            ("role", "eigenaar"),
            ("phone", "+31 (0)495-123 456"),
            ("email", "Anja@DeBoon.nl"),
        ],
    )
    .await;

    added.assert_status(StatusCode::SEE_OTHER);
    let stored = contacts_of(&app.db, company).await.unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].contact.email, "anja@deboon.nl");
    let page = coordinator
        .get(&format!("/coordinator/firms/{key}"))
        .await
        .text();
    assert!(
        page.contains("Anja de Boon") && page.contains("+31 (0)495-123 456"),
        "{page}"
    );

    let id = stored[0].id;
    let edit = coordinator
        .get(&format!("/coordinator/firms/{key}?contact={id}"))
        .await
        .text();
    assert!(edit.contains(&format!(
        "action=\"/coordinator/firms/{key}/contacts/{id}\""
    )));
    post_on_page(
        &coordinator,
        &key,
        &format!("/contacts/{id}"),
        &[
            ("name", "Anja de Boon"),
            ("role", "directeur"),
            ("phone", "0495 654321"),
            ("email", ""),
        ],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    let changed = contacts_of(&app.db, company).await.unwrap();
    assert_eq!(
        (
            changed[0].contact.role.as_str(),
            changed[0].contact.phone.as_str(),
            changed[0].contact.email.as_str()
        ),
        ("directeur", "0495 654321", "")
    );

    post_on_page(&coordinator, &key, &format!("/contacts/{id}/delete"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    assert!(contacts_of(&app.db, company).await.unwrap().is_empty());
    post_on_page(&coordinator, &key, &format!("/contacts/{id}/delete"), &[])
        .await
        .assert_status(StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_refused_contact_answers_422_naming_each_field_in_the_readers_language_and_stores_nothing()
 {
    let app = TestApp::spawn().await;
    pair(&app).await;
    let (coordinator, _) = coordinator(&app).await;
    let key = key_of(&app, ROASTER).await;
    let company = firm_id(&app.db, &key).await.unwrap().unwrap();
    let fields = [
        ("name", " "),
        ("role", ""),
        ("phone", "0495-12ab"),
        ("email", "geen adres"),
    ];

    let refused = post_on_page(&coordinator, &key, "/contacts", &fields).await;

    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text();
    for message in [
        "Naam: vul dit in.",
        "Telefoon: alleen cijfers, spaties, - ( ) en een + vooraan.",
        "E-mail: dit is geen e-mailadres.",
    ] {
        assert!(page.contains(message), "{message}: {page}");
    }
    assert!(
        page.contains("value=\"0495-12ab\""),
        "the form keeps what was typed"
    );
    assert!(contacts_of(&app.db, company).await.unwrap().is_empty());

    let csrf = csrf_of(
        &coordinator
            .get(&format!("/coordinator/firms/{key}"))
            .await
            .text(),
    );
    let english = in_english(coordinator.post(&format!("/coordinator/firms/{key}/contacts")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("name", "Anja"),
            ("phone", "12 34"),
        ])
        .await;
    english.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        english
            .text()
            .contains("Phone: a number has 6 to 15 digits.")
    );

    let note = post_on_page(&coordinator, &key, "/notes", &[("text", "   ")]).await;
    note.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(note.text().contains("Nieuwe notitie: vul dit in."));
    assert!(notes_of(&app.db, company).await.unwrap().is_empty());
}

#[tokio::test]
async fn notes_are_listed_newest_first_with_their_author_and_only_the_author_deletes_one() {
    let app = TestApp::spawn().await;
    pair(&app).await;
    let (first, _) = coordinator(&app).await;
    let second = second_coordinator(&app).await;
    let key = key_of(&app, ROASTER).await;
    let company = firm_id(&app.db, &key).await.unwrap().unwrap();

    post_on_page(
        &first,
        &key,
        "/notes",
        &[("text", "Gebeld, zet volgende week pallets erop")],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    app.clock.advance(chrono::Duration::hours(2));
    post_on_page(&second, &key, "/notes", &[("text", "Pallets staan erop")])
        .await
        .assert_status(StatusCode::SEE_OTHER);

    let page = first.get(&format!("/coordinator/firms/{key}")).await.text();
    let newer = page.find("Pallets staan erop").expect("the second note");
    let older = page
        .find("Gebeld, zet volgende week")
        .expect("the first note");
    assert!(newer < older, "newest first");
    assert!(page.contains("tweede@keyport.nl") && page.contains("regio@keyport.nl"));
    let notes = notes_of(&app.db, company).await.unwrap();
    let (second_note, first_note) = (notes[0].id, notes[1].id);
    assert_eq!(notes[0].at - notes[1].at, chrono::Duration::hours(2));

    // Another coordinator's note stays: it is not theirs to delete.
    post_on_page(&first, &key, &format!("/notes/{second_note}/delete"), &[])
        .await
        .assert_status(StatusCode::NOT_FOUND);
    assert_eq!(notes_of(&app.db, company).await.unwrap().len(), 2);
    post_on_page(&first, &key, &format!("/notes/{first_note}/delete"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let left = notes_of(&app.db, company).await.unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].text, "Pallets staan erop");
}

#[tokio::test]
async fn a_form_without_the_sessions_token_changes_nothing() {
    let app = TestApp::spawn().await;
    pair(&app).await;
    let (coordinator, _) = coordinator(&app).await;
    let key = key_of(&app, ROASTER).await;
    let company = firm_id(&app.db, &key).await.unwrap().unwrap();

    for csrf in [None, Some("vervalst")] {
        let mut fields = vec![("name", "Anja"), ("phone", "0495 123456")];
        if let Some(token) = csrf {
            fields.push(("csrf", token));
        }
        let contact = coordinator
            .post(&format!("/coordinator/firms/{key}/contacts"))
            .form(&fields)
            .await;
        contact.assert_status(StatusCode::FORBIDDEN);
        let note = coordinator
            .post(&format!("/coordinator/firms/{key}/notes"))
            .form(&[("text", "gebeld")])
            .await;
        note.assert_status(StatusCode::FORBIDDEN);
    }
    assert!(contacts_of(&app.db, company).await.unwrap().is_empty());
    assert!(notes_of(&app.db, company).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_firm_never_reaches_the_contact_log_nor_sees_it_on_any_of_its_pages() {
    let app = TestApp::spawn().await;
    let (roaster, grower, _, _) = pair(&app).await;
    let (coordinator, _) = coordinator(&app).await;
    let key = key_of(&app, ROASTER).await;
    let company = firm_id(&app.db, &key).await.unwrap().unwrap();
    post_on_page(
        &coordinator,
        &key,
        "/contacts",
        &[("name", "Geheime Gert"), ("phone", "0495 999111")],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    post_on_page(
        &coordinator,
        &key,
        "/notes",
        &[("text", "Vertrouwelijke belnotitie")],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    let contact = contacts_of(&app.db, company).await.unwrap()[0].id;
    let visitor = app.server();

    for path in [
        "/coordinator/firms".to_string(),
        format!("/coordinator/firms/{key}"),
        format!("/coordinator/firms/{key}?contact={contact}"),
    ] {
        roaster
            .get(&path)
            .await
            .assert_status(StatusCode::NOT_FOUND);
        let anonymous = visitor.get(&path).await;
        anonymous.assert_status(StatusCode::SEE_OTHER);
        assert_eq!(anonymous.header("location"), "/login");
    }
    for action in [
        "/contacts".to_string(),
        format!("/contacts/{contact}"),
        "/notes".to_string(),
    ] {
        let posted = post_form(
            &roaster,
            "/firm",
            &format!("/coordinator/firms/{key}{action}"),
            &[
                ("name", "Overgenomen"),
                ("phone", "0495 123456"),
                ("text", "x"),
            ],
        )
        .await;
        posted.assert_status(StatusCode::NOT_FOUND);
    }
    post_form(
        &roaster,
        "/firm",
        &format!("/coordinator/firms/{key}/contacts/{contact}/delete"),
        &[],
    )
    .await
    .assert_status(StatusCode::NOT_FOUND);
    assert_eq!(
        contacts_of(&app.db, company).await.unwrap()[0].contact.name,
        "Geheime Gert"
    );
    assert_eq!(notes_of(&app.db, company).await.unwrap().len(), 1);

    for firm in [&roaster, &grower] {
        for path in [
            "/firm",
            "/dashboard",
            "/offers",
            "/needs",
            "/matches",
            "/exchanges",
            "/",
        ] {
            let page = firm.get(path).await.text();
            for secret in ["Geheime Gert", "0495 999111", "Vertrouwelijke belnotitie"] {
                assert!(!page.contains(secret), "{path} shows {secret}");
            }
        }
    }
}
