//! What the load benchmarks share: the real `symbiose serve` binary on a fresh SQLite file
//! with the demo region, and a browser-like HTTP/1.1 client (keep-alive, cookies, forms with
//! the CSRF token scraped from the page) on hyper's client.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;

/// The password of every account the benchmarks make.
pub const PASSWORD: &str = "load-bench-2026";

/// `symbiose serve` running on a free port over its own SQLite file.
pub struct Server {
    child: Child,
    binary: PathBuf,
    pub addr: SocketAddr,
    pub database: PathBuf,
    pub log: PathBuf,
}

impl Server {
    /// Starts `binary` (`symbiose` as cargo built it for the benchmark unless another build
    /// is named) on an empty database in `dir`: it loads the Keyport demo region first.
    /// Returns once the server accepts connections.
    pub fn start(dir: &Path, binary: Option<&Path>) -> Server {
        let binary = binary.map_or_else(|| PathBuf::from(default_binary()), Path::to_path_buf);
        let database = dir.join("load.db");
        let log = dir.join("server.log");
        let addr = free_port();
        let child = Command::new(&binary)
            .args([
                "--database-url",
                &database_url(&database),
                "serve",
                "--addr",
            ])
            .arg(addr.to_string())
            .env("RUST_LOG", "warn")
            .env("NO_COLOR", "1")
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).expect("server log"))
            .spawn()
            .expect("start symbiose serve");
        let server = Server {
            child,
            binary,
            addr,
            database,
            log,
        };
        server.wait_until_up();
        server
    }

    fn wait_until_up(&self) {
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(120) {
            if std::net::TcpStream::connect(self.addr).is_ok() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!(
            "symbiose serve did not listen on {} within 120 s",
            self.addr
        );
    }

    /// Makes a coordinator account as an operator would: `symbiose admin create --role
    /// coordinator`, the password on standard input.
    pub fn create_coordinator(&self, email: &str) {
        use std::io::Write;
        let mut child = Command::new(&self.binary)
            .args(["--database-url", &database_url(&self.database)])
            .args(["admin", "create", "--role", "coordinator", "--email", email])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("start symbiose admin create");
        let mut stdin = child.stdin.take().expect("stdin");
        writeln!(stdin, "{PASSWORD}").expect("write the password");
        drop(stdin);
        let status = child.wait().expect("symbiose admin create");
        assert!(status.success(), "symbiose admin create failed: {status}");
    }

    /// The server's error lines, for a report that shows why requests failed.
    pub fn error_lines(&self, at_most: usize) -> Vec<String> {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        text.lines()
            .filter(|line| line.contains("ERROR") || line.contains("WARN"))
            .take(at_most)
            .map(str::to_string)
            .collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The `symbiose` binary cargo built for this benchmark (the bench profile: optimised).
fn default_binary() -> &'static str {
    env!("CARGO_BIN_EXE_symbiose")
}

/// The URL of a SQLite file, created when missing.
pub fn database_url(path: &Path) -> String {
    format!("sqlite://{}?mode=rwc", path.display())
}

fn free_port() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("its address")
}

/// The HTTP client all simulated browsers share: one keep-alive pool.
pub type Http = Client<HttpConnector, Body>;

pub fn http() -> Http {
    Client::builder(TokioExecutor::new())
        .pool_max_idle_per_host(256)
        .build_http()
}

/// A page as a browser got it.
pub struct Page {
    pub status: StatusCode,
    pub location: Option<String>,
    pub body: String,
}

impl Page {
    /// The session's CSRF token in the page's first form.
    pub fn csrf(&self) -> Option<String> {
        let start = self.body.find("name=\"csrf\" value=\"")? + 19;
        let end = start + self.body[start..].find('"')?;
        Some(self.body[start..end].to_string())
    }
}

/// Why a request got no page at all.
#[derive(Debug)]
pub struct Failed(pub String);

/// One simulated browser: its cookies, over the shared client. A clone is another tab of the
/// same session.
#[derive(Clone)]
pub struct Browser {
    http: Http,
    base: String,
    cookies: BTreeMap<String, String>,
}

impl Browser {
    pub fn new(http: &Http, addr: SocketAddr) -> Browser {
        Browser {
            http: http.clone(),
            base: format!("http://{addr}"),
            cookies: BTreeMap::new(),
        }
    }

    pub async fn get(&mut self, path: &str) -> Result<Page, Failed> {
        self.send(Method::GET, path, None).await
    }

    /// Posts a form, url-encoded; the token field `csrf` is the caller's to include.
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Result<Page, Failed> {
        self.send(Method::POST, path, Some(form_encoded(fields)))
            .await
    }

    /// Gets `page`, then posts `fields` with the CSRF token scraped from it to `action`.
    pub async fn submit(
        &mut self,
        page: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> Result<Page, Failed> {
        let form = self.get(page).await?;
        let csrf = form
            .csrf()
            .ok_or_else(|| Failed(format!("no form on {page} ({})", form.status)))?;
        let mut all = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        self.post(action, &all).await
    }

    async fn send(
        &mut self,
        method: Method,
        path: &str,
        form: Option<String>,
    ) -> Result<Page, Failed> {
        let mut request = Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.base));
        if !self.cookies.is_empty() {
            let cookies: Vec<String> = self
                .cookies
                .iter()
                .map(|(name, value)| format!("{name}={value}"))
                .collect();
            request = request.header(header::COOKIE, cookies.join("; "));
        }
        let body = match form {
            Some(form) => {
                request = request.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
                Body::from(form)
            }
            None => Body::empty(),
        };
        let request = request.body(body).map_err(|e| Failed(e.to_string()))?;
        let response = self
            .http
            .request(request)
            .await
            .map_err(|e| Failed(format!("{e:?}")))?;
        for cookie in response.headers().get_all(header::SET_COOKIE) {
            let Ok(cookie) = cookie.to_str() else {
                continue;
            };
            let pair = cookie.split(';').next().unwrap_or_default();
            if let Some((name, value)) = pair.split_once('=') {
                self.cookies.insert(name.trim().into(), value.trim().into());
            }
        }
        let status = response.status();
        let location = response
            .headers()
            .get(header::LOCATION)
            .and_then(|l| l.to_str().ok())
            .map(str::to_string);
        let bytes = axum::body::to_bytes(Body::new(response.into_body()), usize::MAX)
            .await
            .map_err(|e| Failed(e.to_string()))?;
        Ok(Page {
            status,
            location,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        })
    }

    /// Registers a new firm in Weert (signing this browser in as its user).
    pub async fn register(&mut self, email: &str, firm: &str) -> Result<Page, Failed> {
        let fields = [
            ("firm_name", firm),
            ("municipality", "Weert"),
            ("employees", "25"),
            ("email", email),
            ("password", PASSWORD),
            ("password_confirm", PASSWORD),
            ("language", "nl"),
        ];
        self.submit("/register", "/register", &fields).await
    }

    /// Signs in with `email` and the benchmarks' password.
    pub async fn login(&mut self, email: &str) -> Result<Page, Failed> {
        let fields = [("email", email), ("password", PASSWORD)];
        self.submit("/login", "/login", &fields).await
    }
}

/// `application/x-www-form-urlencoded`.
fn form_encoded(fields: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for (k, (name, value)) in fields.iter().enumerate() {
        if k > 0 {
            out.push('&');
        }
        percent_encode(&mut out, name);
        out.push('=');
        percent_encode(&mut out, value);
    }
    out
}

fn percent_encode(out: &mut String, text: &str) {
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            _ => {
                let _ = write!(out, "%{byte:02X}");
            }
        }
    }
}

/// The `q`-quantile (0..=1) of sorted durations, in milliseconds.
pub fn quantile_ms(sorted: &[Duration], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((sorted.len() as f64 * q).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1].as_secs_f64() * 1000.0
}

/// The values of every `name="…" value="…"` hidden pair in the forms posting to `action`.
pub fn forms_to(body: &str, action: &str) -> Vec<BTreeMap<String, String>> {
    let marker = format!("action=\"{action}\"");
    body.match_indices(&marker)
        .filter_map(|(at, _)| {
            let form = &body[at..at + body[at..].find("</form>")?];
            let mut fields = BTreeMap::new();
            let mut rest = form;
            while let Some(start) = rest.find("name=\"") {
                let after = &rest[start + 6..];
                let name_end = after.find('"')?;
                let name = &after[..name_end];
                let tail = &after[name_end..];
                if let Some(value_start) = tail.strip_prefix("\" value=\"") {
                    let value_end = value_start.find('"')?;
                    fields.insert(name.to_string(), value_start[..value_end].to_string());
                }
                rest = &after[name_end..];
            }
            Some(fields)
        })
        .collect()
}
