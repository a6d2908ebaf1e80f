//! Screenshots of the key pages, in Dutch (`nl-*.png`) and English (`en-*.png`), when
//! `SYMBIOSE_SCREENSHOTS=<dir>` is set (see `scripts/screenshots`).

use std::path::{Path, PathBuf};

use crate::driver::Lang;
use crate::journey::{self, COMPOSTER};
use crate::page::Page;

/// Where screenshots go, or `None` when they were not asked for.
pub fn dir_from_env() -> Option<PathBuf> {
    let dir = std::env::var_os("SYMBIOSE_SCREENSHOTS").filter(|d| !d.is_empty())?;
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir)
        .unwrap_or_else(|e| panic!("create screenshot directory {}: {e}", dir.display()));
    Some(dir)
}

/// Saves the window as `DIR/<lang>-<name>.png`.
pub struct Shots {
    dir: PathBuf,
    lang: Lang,
}

impl Shots {
    /// Pictures in `lang` into `dir`.
    pub fn new(dir: &Path, lang: Lang) -> Shots {
        Shots {
            dir: dir.to_path_buf(),
            lang,
        }
    }

    /// Saves what `page` shows now.
    pub async fn take(&self, page: &Page, name: &str) {
        let file = self.dir.join(format!("{}-{name}.png", self.lang.code()));
        page.screenshot(file).await;
    }
}

/// The same pages in the English session, after the journey: home, registration, a new flow
/// with search results, matches and the (completed) exchange, as the composter sees them.
pub async fn tour(page: &Page, shots: &Shots, exchange: &str) {
    page.open("/").await;
    page.find("a[href=\"/register\"]").await;
    shots.take(page, "home").await;
    page.click("a[href=\"/register\"]").await;
    page.wait_for("/register").await;
    page.find("form[action=\"/register\"]").await;
    shots.take(page, "register").await;

    journey::log_in(page, &COMPOSTER).await;
    page.click("a[href=\"/offers\"]").await;
    page.click("a[href=\"/needs/new\"]").await;
    page.wait_for("/needs/new").await;
    journey::search_coffee_grounds(page, "/needs", "accepts").await;
    shots.take(page, "new-flow").await;
    page.click("a[href=\"/matches\"]").await;
    page.wait_for("/matches").await;
    page.find("main").await;
    shots.take(page, "matches").await;
    crate::exchange::open_from_list(page, exchange).await;
    shots.take(page, "exchange").await;
    journey::log_out(page).await;
}
