//! Every field of the registration, login, password, firm and flow forms has a short help
//! line tied to it with `aria-describedby` (issue #10). The check reads the page's HTML, so
//! a field added later without help fails here.

use axum::http::StatusCode;
use axum_test::TestServer;
use sea_orm::EntityTrait;
use symbiose::storage::entities::outbox;

use crate::accounts::{csrf_of, register, saving_cookies};
use crate::common::TestApp;

/// The attributes of one tag, as written (`checked` has an empty value).
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = tag;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        if end == 0 {
            return found;
        }
        let name = rest[..end].to_ascii_lowercase();
        rest = &rest[end..];
        let value = match rest.strip_prefix("=\"") {
            Some(quoted) => {
                let close = quoted.find('"').expect("a closing quote");
                rest = &quoted[close + 1..];
                quoted[..close].to_string()
            }
            None => String::new(),
        };
        found.push((name, value));
    }
}

/// The form controls a user fills in: every input, select and textarea but hidden fields and
/// buttons. Each as `(name or id, its attributes)`.
fn controls(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut found = Vec::new();
    for element in ["<input", "<select", "<textarea"] {
        for (start, _) in html.match_indices(element) {
            let after = &html[start + element.len()..];
            if !after.starts_with(|c: char| c.is_whitespace() || c == '>') {
                continue;
            }
            let tag = &after[..after.find('>').expect("a closed tag")];
            let attributes = attributes(tag);
            let get = |key: &str| attributes.iter().find(|(k, _)| k == key).map(|(_, v)| v);
            let kind = get("type").map_or("text", String::as_str);
            if element == "<input" && ["hidden", "submit", "image", "button"].contains(&kind) {
                continue;
            }
            let name = get("name").or(get("id")).cloned().unwrap_or_default();
            found.push((name, attributes));
        }
    }
    found
}

/// The text inside the element with `id` (tags dropped); `None` when no element has it.
fn text_of(html: &str, id: &str) -> Option<String> {
    let start = html.find(&format!(" id=\"{id}\""))?;
    let open = start + html[start..].find('>')? + 1;
    let close = open + html[open..].find("</")?;
    Some(html[open..close].trim().to_string())
}

/// Fails, naming the page and field, unless every control is described by a help line that
/// is on the page and says something, and every other id it names is on the page too.
fn assert_every_field_has_help(page: &str, html: &str) {
    let found = controls(html);
    assert!(!found.is_empty(), "{page}: no fields found");
    for (name, attributes) in found {
        let described = attributes
            .iter()
            .find(|(key, _)| key == "aria-describedby")
            .map(|(_, value)| value.clone())
            .unwrap_or_else(|| panic!("{page}: field {name} has no aria-describedby"));
        let ids: Vec<&str> = described.split_whitespace().collect();
        assert!(
            ids.iter().any(|id| id.ends_with("-help")),
            "{page}: field {name} is described by {described}, no help line"
        );
        for id in ids {
            let text = text_of(html, id)
                .unwrap_or_else(|| panic!("{page}: field {name} names {id}, not on the page"));
            assert!(!text.is_empty(), "{page}: {id} of field {name} is empty");
        }
    }
}

/// Pages of a signed-in firm, in the language of `server`.
async fn firm_pages(server: &TestServer) -> Vec<(&'static str, String)> {
    let mut pages = Vec::new();
    for (path, query) in [
        ("/firm/edit", None),
        ("/firm/edit", Some(("sector", "bakkerij"))),
        ("/offers/new", None),
        ("/offers/new", Some(("zoek", "karton"))),
        ("/needs/new", Some(("zoek", "karton"))),
    ] {
        let mut request = server.get(path);
        if let Some((key, value)) = query {
            request = request.add_query_param(key, value);
        }
        let page = request.await;
        page.assert_status_ok();
        pages.push((path, page.text()));
    }
    pages
}

#[tokio::test]
async fn every_field_of_the_account_pages_has_a_help_line() {
    let app = TestApp::spawn().await;
    let server = saving_cookies(&app);

    for path in ["/register", "/login", "/password/forgot"] {
        for lang in ["nl", "en"] {
            let html = server
                .get(path)
                .add_cookie(("symbiose_lang", lang).into())
                .await
                .text();
            assert_every_field_has_help(path, &html);
        }
    }
    // A refused registration: each field is described by its help and its message.
    let csrf = csrf_of(&server.get("/register").await.text());
    let refused = server
        .post("/register")
        .form(&[("csrf", csrf.as_str()), ("email", "geen adres")])
        .await;
    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text();
    assert!(html.contains("aria-describedby=\"email-help email-error\""));
    assert_every_field_has_help("/register refused", &html);
}

#[tokio::test]
async fn the_new_password_page_describes_both_fields() {
    let app = TestApp::spawn().await;
    let server = saving_cookies(&app);
    register(&server, "info@deboon.nl", "De Boon")
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let visitor = saving_cookies(&app);
    let csrf = csrf_of(&visitor.get("/password/forgot").await.text());
    visitor
        .post("/password/forgot")
        .form(&[("csrf", csrf.as_str()), ("email", "info@deboon.nl")])
        .await;
    let mails = outbox::Entity::find().all(&app.db).await.unwrap();
    let body = &mails.last().expect("the reset mail").body;
    let marker = "/password/reset?token=";
    let start = body.find(marker).expect("a reset link") + marker.len();

    let page = visitor
        .get(&format!("{marker}{}", &body[start..start + 64]))
        .await;

    page.assert_status_ok();
    assert_every_field_has_help("/password/reset", &page.text());
}

#[tokio::test]
async fn every_field_of_the_firm_offer_and_need_forms_has_a_help_line() {
    let app = TestApp::spawn().await;
    let dutch = saving_cookies(&app);
    let registered = register(&dutch, "info@korenaar.nl", "Korenaar").await;
    registered.assert_status(StatusCode::SEE_OTHER);
    let mut english = app.server();
    english.add_cookie(registered.cookie("symbiose_session"));
    english.add_header("accept-language", "en");

    for server in [&dutch, &english] {
        for (path, html) in firm_pages(server).await {
            assert_every_field_has_help(path, &html);
        }
    }
    // The search found sectors and materials, so the radio and tick boxes were checked too.
    let pages = firm_pages(&dutch).await;
    assert!(pages[1].1.contains("name=\"nace_choice\""));
    assert!(pages[3].1.contains("name=\"material\""));
    assert!(pages[4].1.contains("name=\"accepts\""));
}

#[tokio::test]
async fn a_refused_offer_form_describes_a_field_by_its_help_and_its_message() {
    let app = TestApp::spawn().await;
    let server = saving_cookies(&app);
    register(&server, "info@korenaar.nl", "Korenaar")
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let csrf = csrf_of(&server.get("/offers/new").await.text());

    let refused = server
        .post("/offers")
        .form(&[
            ("csrf", csrf.as_str()),
            ("material", "15 01 01"),
            ("quantity_per_year", "veel"),
            ("disposal_cost_eur_per_unit", "20"),
        ])
        .await;

    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text();
    assert!(html.contains("aria-describedby=\"quantity_per_year-help quantity_per_year-error\""));
    assert_every_field_has_help("/offers refused", &html);
}

#[test]
fn the_check_fails_for_a_field_without_help() {
    let bare = "<form><input id=\"x\" name=\"x\" type=\"text\"></form>";
    let dangling = "<input name=\"x\" aria-describedby=\"x-help\">";
    let empty = "<input name=\"x\" aria-describedby=\"x-help\"><p id=\"x-help\"> </p>";
    let good = "<input name=\"x\" aria-describedby=\"x-help\"><p id=\"x-help\">Hulp</p>\
                <input type=\"hidden\" name=\"csrf\">";

    for html in [bare, dangling, empty] {
        let caught = std::panic::catch_unwind(|| assert_every_field_has_help("test", html));
        assert!(caught.is_err(), "{html}");
    }
    assert_every_field_has_help("test", good);
}
