//! Chromedriver as a child process of the test, and headless Chromium sessions on it.

use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

/// Debian's `chromium-driver`.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// Debian's `chromium`.
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// How long chromedriver may take to answer after it was started.
const STARTUP: Duration = Duration::from_secs(20);

/// The language a browser session asks pages in (its `Accept-Language`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Dutch,
    English,
}

impl Lang {
    /// `nl` or `en`: the prefix of screenshot files.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Dutch => "nl",
            Lang::English => "en",
        }
    }

    fn flag_and_accept(self) -> (&'static str, &'static str) {
        match self {
            Lang::Dutch => ("--lang=nl-NL", "nl-NL,nl"),
            Lang::English => ("--lang=en-US", "en-US,en"),
        }
    }
}

/// A running chromedriver; killed (and its log shown if the test failed) when dropped.
pub struct Chromedriver {
    child: Child,
    port: u16,
    dir: tempfile::TempDir,
    sessions: usize,
}

impl Chromedriver {
    /// Starts chromedriver, or — when it is not installed — fails under
    /// `SYMBIOSE_REQUIRE_BROWSER=1` and otherwise says the test is skipped and returns `None`.
    pub async fn start_or_skip() -> Option<Chromedriver> {
        let missing: Vec<&str> = [CHROMEDRIVER, CHROMIUM]
            .into_iter()
            .filter(|path| !Path::new(path).exists())
            .collect();
        if missing.is_empty() {
            return Some(Chromedriver::start().await);
        }
        let what = if missing.contains(&CHROMEDRIVER) {
            "chromedriver"
        } else {
            "chromium"
        };
        let message = format!("{what} not installed (apt-get install -y chromium chromium-driver)");
        if std::env::var("SYMBIOSE_REQUIRE_BROWSER").is_ok_and(|v| v == "1") {
            panic!("SYMBIOSE_REQUIRE_BROWSER=1 but {message}");
        }
        // Straight to the process's stderr: `eprintln!` would be captured for a passing test.
        let _ = writeln!(std::io::stderr(), "skipped: {message}");
        None
    }

    async fn start() -> Chromedriver {
        // The free port is only free when we look: another process may take it before
        // chromedriver binds it, so a driver that exits at once gets two more tries.
        let mut problems = Vec::new();
        for _ in 0..3 {
            let mut driver = Chromedriver::spawn(free_port());
            match driver.wait_until_ready().await {
                Ok(()) => return driver,
                Err(problem) => problems.push(problem),
            }
        }
        panic!("chromedriver did not start:\n{}", problems.join("\n"));
    }

    fn spawn(port: u16) -> Chromedriver {
        let dir = tempfile::tempdir().expect("temporary directory for chromedriver");
        let log = dir.path().join("chromedriver.log");
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .arg(format!("--log-path={}", log.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        Chromedriver {
            child,
            port,
            dir,
            sessions: 0,
        }
    }

    /// Waits for `/status` to say ready; an exit at start is returned, a hang fails the test.
    async fn wait_until_ready(&mut self) -> Result<(), String> {
        let deadline = Instant::now() + STARTUP;
        loop {
            if let Some(status) = self.child.try_wait().expect("chromedriver status") {
                return Err(format!("exited at start ({status}):\n{}", self.log_tail()));
            }
            let port = self.port;
            let ready = tokio::task::spawn_blocking(move || status_is_ready(port));
            if ready.await.unwrap_or(false) {
                return Ok(());
            }
            assert!(
                Instant::now() < deadline,
                "chromedriver did not answer on port {} within {STARTUP:?}:\n{}",
                self.port,
                self.log_tail()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// A new headless Chromium with its own fresh profile, asking pages in `lang`.
    pub async fn session(&mut self, lang: Lang) -> Result<Client, String> {
        self.sessions += 1;
        let profile = self.dir.path().join(format!("profile-{}", self.sessions));
        let (lang_flag, accept) = lang.flag_and_accept();
        let options = json!({
            "binary": CHROMIUM,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,900",
                format!("--user-data-dir={}", profile.display()),
                lang_flag,
            ],
            "prefs": { "intl.accept_languages": accept },
        });
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("goog:chromeOptions".into(), options);
        ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .map_err(|e| format!("start a Chromium session: {e}\n{}", self.log_tail()))
    }

    /// The end of chromedriver's log, for failure messages.
    pub fn log_tail(&self) -> String {
        let log =
            std::fs::read_to_string(self.dir.path().join("chromedriver.log")).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        lines[lines.len().saturating_sub(30)..].join("\n")
    }
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("--- end of chromedriver's log ---\n{}", self.log_tail());
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port nobody listens on right now (the OS picks it; chromedriver binds it just after).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("a free local port")
}

/// Whether chromedriver's `/status` says it is ready for sessions (blocking, short timeouts).
fn status_is_ready(port: u16) -> bool {
    use std::io::{Read, Write};
    let address = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    let Ok(mut stream) = std::net::TcpStream::connect_timeout(&address, Duration::from_secs(1))
    else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let request = "GET /status HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    // Chromedriver keeps the connection open despite `Connection: close`: read only until
    // the answer is there.
    let mut answer = Vec::new();
    let mut chunk = [0u8; 1024];
    loop {
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return false,
            Ok(n) => answer.extend_from_slice(&chunk[..n]),
        }
        let text = String::from_utf8_lossy(&answer).replace(' ', "");
        if text.contains("\"ready\":true") {
            return true;
        }
    }
}
