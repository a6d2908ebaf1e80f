//! Languages: every message exists in Dutch and English, every message the code asks for
//! exists, and pages answer in the language the browser or the user chose.

use std::collections::BTreeSet;
use std::path::Path;

use symbiose::i18n::{self, Lang};

use crate::common::TestApp;

/// The message ids a language defines, by reading its `.ftl` sources.
fn ids(lang: Lang) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for (_, text) in i18n::sources(lang) {
        for line in text.lines() {
            let starts_entry = line.starts_with(|c: char| c.is_ascii_lowercase());
            if let (true, Some((id, _))) = (starts_entry, line.split_once(" =")) {
                assert!(
                    ids.insert(id.trim().to_string()),
                    "{id} defined twice in {lang:?}"
                );
            }
        }
    }
    ids
}

#[test]
fn dutch_and_english_define_the_same_messages() {
    let (dutch, english) = (ids(Lang::Dutch), ids(Lang::English));
    assert!(dutch.len() > 20, "only {} Dutch messages", dutch.len());
    let only_dutch: Vec<_> = dutch.difference(&english).collect();
    let only_english: Vec<_> = english.difference(&dutch).collect();
    assert!(only_dutch.is_empty(), "missing in English: {only_dutch:?}");
    assert!(
        only_english.is_empty(),
        "missing in Dutch: {only_english:?}"
    );
}

/// The literal ids of every `t!(lang, "id" …)` in a source tree.
fn ids_used_in(dir: &Path, found: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).expect("read source dir") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            ids_used_in(&path, found);
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read source");
        for (at, _) in text.match_indices("t!(") {
            // `assert!(` is not `t!(`; nor is a macro mentioned in a comment.
            let before = text[..at].chars().next_back().unwrap_or(' ');
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            if before.is_alphanumeric() || before == '_' || text[line_start..at].contains("//") {
                continue;
            }
            // The id is the first string literal after the language argument.
            let rest = &text[at + 3..];
            let Some(quote) = rest.find('"') else {
                continue;
            };
            if !rest[..quote].contains(',') || rest[..quote].contains(')') {
                continue;
            }
            let id: String = rest[quote + 1..]
                .chars()
                .take_while(|c| *c != '"')
                .collect();
            found.push((path.display().to_string(), id));
        }
    }
}

#[test]
fn every_message_the_code_asks_for_exists_in_both_languages() {
    let mut used = Vec::new();
    ids_used_in(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut used,
    );
    assert!(used.len() > 20, "found only {} uses of t!", used.len());
    for lang in [Lang::Dutch, Lang::English] {
        let missing: Vec<_> = used
            .iter()
            .filter(|(_, id)| !i18n::has_message(lang, id))
            .collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
    }
}

#[tokio::test]
async fn pages_follow_the_browsers_language_and_the_switch() {
    let app = TestApp::spawn().await;
    let server = app.server();
    let dutch = server.get("/firms").await.text();
    assert!(dutch.contains("<html lang=\"nl\""), "Dutch by default");
    assert!(dutch.contains("De regio in één oogopslag"));

    let english = server
        .get("/firms")
        .add_header("accept-language", "en-GB,en;q=0.9,nl;q=0.5")
        .await
        .text();
    assert!(english.contains("<html lang=\"en\""));
    assert!(english.contains("The region at a glance"));

    // The switch sets a cookie that wins over the browser's wish, and goes back where it was.
    let switched = server
        .get("/language/nl")
        .add_header("referer", "http://localhost/?pagina=1")
        .await;
    switched.assert_status(axum::http::StatusCode::SEE_OTHER);
    assert_eq!(switched.header("location"), "/?pagina=1");
    let cookie = switched.header("set-cookie");
    assert!(cookie.to_str().unwrap().starts_with("symbiose_lang=nl;"));
    let page = server
        .get("/firms")
        .add_header("accept-language", "en")
        .add_header("cookie", "symbiose_lang=nl")
        .await
        .text();
    assert!(page.contains("De regio in één oogopslag"));
}

#[tokio::test]
async fn error_pages_speak_the_readers_language_and_numbers_follow_the_locale() {
    let app = TestApp::spawn().await;
    let server = app.server();
    let missing = server
        .get("/no-such-page")
        .add_header("accept-language", "en")
        .await;
    missing.assert_status_not_found();
    assert!(missing.text().contains("Page not found"));
    let bad = server
        .get("/firms?pagina=nul")
        .add_header("accept-language", "en")
        .await;
    bad.assert_status_bad_request();
    assert!(
        bad.text()
            .contains("page: &quot;nul&quot; is not a page number")
    );
    assert_eq!(i18n::number(Lang::Dutch, 1234.5, 1), "1.234,5");
    assert_eq!(i18n::number(Lang::English, 1234.5, 1), "1,234.5");
}
