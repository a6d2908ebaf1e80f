//! What a user does in the browser — open, click, type, choose, submit — with waits instead
//! of sleeps, and failures that say where the browser was.
//!
//! Elements are found by form field names, ids, hrefs and form actions, never by visible text:
//! the pages are being translated.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, Locator};

/// How long an element or a URL may take to appear after a click.
const WAIT: Duration = Duration::from_secs(10);
/// How often a wait looks again.
const POLL: Duration = Duration::from_millis(50);

/// One browser session on the site.
#[derive(Clone)]
pub struct Page {
    client: Client,
    base: String,
}

impl Page {
    /// A session on the site at `base` (`http://127.0.0.1:PORT`).
    pub fn new(client: Client, base: &str) -> Page {
        Page {
            client,
            base: base.to_string(),
        }
    }

    /// Types an address into the address bar: only for the first page of a visit.
    pub async fn open(&self, path: &str) {
        let url = format!("{}{path}", self.base);
        self.client
            .goto(&url)
            .await
            .unwrap_or_else(|e| panic!("open {url}: {e}"));
    }

    /// The first element matching `css`, waiting for it to appear.
    pub async fn find(&self, css: &str) -> Element {
        match self
            .client
            .wait()
            .at_most(WAIT)
            .every(POLL)
            .for_element(Locator::Css(css))
            .await
        {
            Ok(element) => element,
            Err(e) => self.fail(&format!("no element `{css}` ({e})")).await,
        }
    }

    /// How many elements match `css` now (no waiting: for asserting absence after a wait).
    pub async fn count(&self, css: &str) -> usize {
        self.client
            .find_all(Locator::Css(css))
            .await
            .map_or(0, |found| found.len())
    }

    /// The visible text of the first element matching `css`.
    pub async fn text(&self, css: &str) -> String {
        let element = self.find(css).await;
        element.text().await.unwrap_or_default()
    }

    /// The text content of every element matching `css` now, hidden text included (such as
    /// the `<title>` of an SVG shape, which the browser does not show as text).
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let found = self
            .client
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_default();
        let mut texts = Vec::new();
        for element in found {
            texts.push(
                element
                    .prop("textContent")
                    .await
                    .ok()
                    .flatten()
                    .unwrap_or_default(),
            );
        }
        texts
    }

    /// The value of attribute `name` of the first element matching `css`.
    pub async fn attr(&self, css: &str, name: &str) -> String {
        let element = self.find(css).await;
        match element.attr(name).await {
            Ok(Some(value)) => value,
            _ => self.fail(&format!("`{css}` has no attribute {name}")).await,
        }
    }

    /// The page's HTML as the browser holds it now.
    pub async fn source(&self) -> String {
        self.client.source().await.unwrap_or_default()
    }

    /// Clicks the first element matching `css` (a link, a radio button, a checkbox…).
    pub async fn click(&self, css: &str) {
        let element = self.find(css).await;
        if let Err(e) = element.click().await {
            self.fail(&format!("click `{css}`: {e}")).await
        }
    }

    /// Clicks the submit button of the form posting to `action` (not the hidden button Enter
    /// presses, nor a search button inside the form).
    pub async fn submit(&self, action: &str) {
        self.click(&format!(
            "form[action=\"{action}\"] button[type=submit]:not(.default-action):not([value=search])"
        ))
        .await;
    }

    /// Chooses the file at `path` in the file field matching `css`.
    pub async fn attach(&self, css: &str, path: &std::path::Path) {
        let field = self.find(css).await;
        if let Err(e) = field.send_keys(&path.display().to_string()).await {
            self.fail(&format!("attach {} to `{css}`: {e}", path.display()))
                .await
        }
    }

    /// The width in pixels of the picture the image matching `css` loaded (0: none loaded).
    pub async fn image_width(&self, css: &str) -> u64 {
        self.find(css).await;
        let script = "const img = document.querySelector(arguments[0]);\n\
                      return img && img.complete ? img.naturalWidth : 0;";
        match self.client.execute(script, vec![css.into()]).await {
            Ok(width) => width.as_u64().unwrap_or(0),
            Err(e) => self.fail(&format!("measure `{css}`: {e}")).await,
        }
    }

    /// Empties the field matching `css` and types `text` into it.
    pub async fn type_into(&self, css: &str, text: &str) {
        let field = self.find(css).await;
        let typed = async {
            field.clear().await?;
            field.send_keys(text).await
        };
        if let Err(e) = typed.await {
            self.fail(&format!("type into `{css}`: {e}")).await
        }
    }

    /// Chooses the option with `value` in the select matching `css`.
    pub async fn choose(&self, css: &str, value: &str) {
        let select = self.find(css).await;
        if let Err(e) = select.select_by_value(value).await {
            self.fail(&format!("choose {value:?} in `{css}`: {e}"))
                .await
        }
    }

    /// Whether the checkbox or radio button matching `css` is checked.
    pub async fn is_checked(&self, css: &str) -> bool {
        let element = self.find(css).await;
        element.is_selected().await.unwrap_or(false)
    }

    /// The path of the current URL (without query).
    pub async fn path(&self) -> String {
        match self.client.current_url().await {
            Ok(url) => url.path().to_string(),
            Err(e) => panic!("current URL: {e}"),
        }
    }

    /// Waits until the current path satisfies `wanted` (described as `what`) and returns it.
    pub async fn wait_for_path(&self, what: &str, wanted: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let path = self.path().await;
            if wanted(&path) {
                return path;
            }
            if Instant::now() > deadline {
                self.fail(&format!("the browser did not reach {what}"))
                    .await
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until the current path is exactly `path`.
    pub async fn wait_for(&self, path: &str) {
        self.wait_for_path(path, |p| p == path).await;
    }

    /// Scrolls the first element matching `css` to the top of the window (for pictures).
    pub async fn scroll_to(&self, css: &str) {
        let element = self.find(css).await;
        let argument = serde_json::to_value(&element).expect("an element as JSON");
        let script = "arguments[0].scrollIntoView(true);";
        if let Err(e) = self.client.execute(script, vec![argument]).await {
            self.fail(&format!("scroll to `{css}`: {e}")).await
        }
    }

    /// Saves what the window shows as `DIR/NAME.png`.
    pub async fn screenshot(&self, file: PathBuf) {
        let png = match self.client.screenshot().await {
            Ok(png) => png,
            Err(e) => {
                self.fail(&format!("screenshot {}: {e}", file.display()))
                    .await
            }
        };
        std::fs::write(&file, png).unwrap_or_else(|e| panic!("write {}: {e}", file.display()));
    }

    /// Ends the browser session (closes Chromium); errors are only reported.
    pub async fn close(self) {
        match tokio::time::timeout(Duration::from_secs(10), self.client.close()).await {
            Ok(Ok(())) => {}
            Ok(Err(e)) => eprintln!("closing the browser session failed: {e}"),
            Err(_) => eprintln!("closing the browser session timed out"),
        }
    }

    /// Panics with `problem`, where the browser is and the start of the page's text.
    pub async fn fail(&self, problem: &str) -> ! {
        let url = self
            .client
            .current_url()
            .await
            .map_or_else(|e| format!("(unknown: {e})"), |u| u.to_string());
        let body = match self.client.find(Locator::Css("body")).await {
            Ok(body) => body.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        let body: String = body.chars().take(1500).collect();
        panic!("{problem}\n  at {url}\n  page text:\n{body}");
    }
}
