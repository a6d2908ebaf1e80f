//! Memory of a large upload on `/data`, measured on the whole server process.
//!
//! `cargo bench --bench upload_memory -- [--megabytes 45] [--companies]` creates a
//! coordinator with `symbiose admin create` on a fresh SQLite database, starts `symbiose serve`
//! on it (the demo region is loaded first, as on any empty database), signs in, and through the
//! real HTTP form uploads a generated `companies.csv` of 2,000 firms and an `offers.csv`
//! together, of about the given size in all (with `--companies`: one `companies.csv` of that
//! size). Then it uploads an `offers.csv` of that size in which one line in six names a
//! material that does not exist, which is refused with every problem. It then opens the preview and confirms the import. Before each step the peak
//! resident set (`VmHWM` in `/proc/PID/status`) is reset through `/proc/PID/clear_refs`, so
//! each step's peak is its own; the figures are the peak's increase over the resident set
//! before the step and over the resident set once signed in (memory a step freed stays with
//! the process and may be reused by the next), each also divided by the upload's size. Last, a file just over
//! the 50 MB limit must be answered with 413 and the page's message, not a dropped
//! connection. Linux only.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const EMAIL: &str = "upload-bench@keyport.nl";
const PASSWORD: &str = "upload-memory-2026";
const FIRMS: usize = 2_000;
const BOUNDARY: &str = "----symbiose-upload-bench";

fn main() {
    let (megabytes, companies_only) = options();
    let scratch = tempfile::tempdir().expect("temporary directory");
    let database = format!(
        "sqlite://{}?mode=rwc",
        scratch.path().join("upload.db").display()
    );
    create_coordinator(&database);
    let addr = free_address();
    let mut server = Server::start(&database, addr);
    let client = Client::sign_in(addr);
    // Load every page the measurement passes through once, so that first-use allocations
    // (templates, translations, the database pool) are not counted as the upload's.
    assert_eq!(client.request("GET", "/data", "").status, 200);
    server.idle = server.status("VmRSS:");

    let bytes = megabytes * 1024 * 1024;
    let companies = companies_csv(if companies_only { bytes } else { 0 });
    let offers = match companies_only {
        true => String::new(),
        false => offers_csv(bytes - companies.len()),
    };
    let size = companies.len() + offers.len();
    println!(
        "upload: companies.csv {} firms + offers.csv {} offers, {:.1} MB in all",
        companies.lines().count() - 1,
        offers.lines().count().saturating_sub(1),
        mb(size)
    );
    println!(
        "{:<9} {:>8} {:>11} {:>14} {:>7} {:>15} {:>7}",
        "step", "seconds", "RSS before", "peak increase", "÷ file", "peak over idle", "÷ file"
    );
    let mut files = vec![("companies.csv", companies.as_bytes())];
    if !companies_only {
        files.push(("offers.csv", offers.as_bytes()));
    }
    let uploaded = server.step("upload", size, || {
        let csrf = csrf_of(&client.request("GET", "/data", "").body);
        let response = client.upload(&csrf, &files);
        assert_eq!(response.status, 303, "upload: {}", response.body_start());
        response
            .header("location")
            .expect("preview address")
            .to_string()
    });
    drop((companies, offers));
    let csrf = server.step("preview", size, || {
        let page = client.request("GET", &uploaded, "");
        assert_eq!(page.status, 200, "preview: {}", page.body_start());
        csrf_of(&page.body)
    });
    server.step("confirm", size, || {
        let body = format!("csrf={csrf}");
        let confirm = format!("{uploaded}/confirm");
        let page = client.request("POST", &confirm, &body);
        assert_eq!(page.status, 200, "confirm: {}", page.body_start());
    });

    // The same offers again, one line in six naming a material that does not exist: the page
    // answers 422, counts every problem and lists the first thousand.
    let refused_offers = offers_csv(bytes).replace(",02 03 04,", ",99 99 99,");
    let problems = refused_offers.matches("99 99 99").count();
    server.step("refused", refused_offers.len(), || {
        let csrf = csrf_of(&client.request("GET", "/data", "").body);
        let response = client.upload(&csrf, &[("offers.csv", refused_offers.as_bytes())]);
        assert_eq!(response.status, 422, "{}", response.body_start());
        println!(
            "          a refused upload with {problems} bad lines: {:.1} MB page",
            mb(response.body.len())
        );
    });

    let too_large = "x".repeat(51 * 1024 * 1024);
    let csrf = csrf_of(&client.request("GET", "/data", "").body);
    let refused = client.upload(&csrf, &[("offers.csv", too_large.as_bytes())]);
    assert_eq!(refused.status, 413, "{}", refused.body_start());
    assert!(refused.body.contains("50 MB"), "{}", refused.body_start());
    println!("a 51 MB file: 413 with the page's message");
    server.stop();
}

/// `(megabytes, companies only)`.
fn options() -> (usize, bool) {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let megabytes = match args.iter().position(|a| a == "--megabytes") {
        Some(k) => args
            .get(k + 1)
            .and_then(|v| v.parse().ok())
            .expect("--megabytes takes a whole number"),
        None => 45,
    };
    (megabytes, args.iter().any(|a| a == "--companies"))
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn symbiose(database: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_symbiose"));
    command
        .env("DATABASE_URL", database)
        .env("RUST_LOG", "warn");
    command
}

fn create_coordinator(database: &str) {
    let mut child = symbiose(database)
        .args(["admin", "create", "--role", "coordinator", "--email", EMAIL])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("symbiose admin create");
    let stdin = child.stdin.as_mut().expect("stdin");
    writeln!(stdin, "{PASSWORD}").expect("password");
    assert!(child.wait().expect("admin create").success());
}

fn free_address() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("address")
}

/// The firms the offers belong to: ids `B0` … `B1999`, and more until the file holds `bytes`.
fn companies_csv(bytes: usize) -> String {
    let mut csv = String::from("id,name,lat,lon,nace,employees,municipality,address\n");
    let mut k = 0;
    while k < FIRMS || csv.len() < bytes {
        let lat = 51.0 + (k % 100) as f64 / 200.0;
        let lon = 5.5 + (k / 100) as f64 / 100.0;
        csv.push_str(&format!(
            "B{k},Bedrijf {k} B.V.,{lat:.4},{lon:.4},C10.{},{},Gemeente {},Industrieweg {}\n",
            10 + k % 80,
            1 + k % 250,
            k % 12,
            1 + k % 300
        ));
        k += 1;
    }
    csv
}

/// Offers of the firms above, about `bytes` long, with descriptions of varying length.
fn offers_csv(bytes: usize) -> String {
    const MATERIALS: [&str; 6] = [
        "02 03 04", "02 01 03", "03 01 05", "15 01 01", "17 02 01", "19 12 04",
    ];
    let mut csv = String::with_capacity(bytes + 256);
    csv.push_str(
        "id,company,material,description,quantity_per_year,unit,disposal_cost_eur_per_unit,\
         regularity,confidentiality\n",
    );
    let mut k = 0usize;
    while csv.len() < bytes {
        let words = "restmateriaal uit de productie, droog opgeslagen ".repeat(1 + k % 3);
        csv.push_str(&format!(
            "U{k},B{},{},\"Partij {k}: {}\",{},t,{}.5,recurring,public\n",
            k % FIRMS,
            MATERIALS[k % MATERIALS.len()],
            words.trim_end(),
            10 + k % 900,
            5 + k % 60
        ));
        k += 1;
    }
    csv
}

/// `symbiose serve` as a child process.
struct Server {
    child: Child,
    /// The resident set once signed in, before the upload.
    idle: usize,
}

impl Server {
    fn start(database: &str, addr: SocketAddr) -> Server {
        let child = symbiose(database)
            .args(["serve", "--addr", &addr.to_string()])
            .stdout(Stdio::null())
            .spawn()
            .expect("symbiose serve");
        let started = Instant::now();
        while TcpStream::connect(addr).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "the server did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        Server { child, idle: 0 }
    }

    fn status(&self, field: &str) -> usize {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .expect("/proc/PID/status (Linux only)");
        let line = status
            .lines()
            .find(|l| l.starts_with(field))
            .unwrap_or_else(|| panic!("no {field} in /proc/PID/status"));
        let kb: usize = line
            .split_whitespace()
            .nth(1)
            .and_then(|v| v.parse().ok())
            .expect("a number of kB");
        kb * 1024
    }

    /// Runs one step and prints its time and the process's peak memory during it.
    fn step<T>(&mut self, name: &str, file_size: usize, run: impl FnOnce() -> T) -> T {
        // Writing 5 resets the peak resident set to the current one.
        std::fs::write(format!("/proc/{}/clear_refs", self.child.id()), "5")
            .expect("/proc/PID/clear_refs");
        let before = self.status("VmRSS:");
        let started = Instant::now();
        let value = run();
        let seconds = started.elapsed().as_secs_f64();
        let peak = self.status("VmHWM:");
        let (increase, over_idle) = (peak.saturating_sub(before), peak.saturating_sub(self.idle));
        println!(
            "{name:<9} {seconds:>8.2} {:>8.1} MB {:>11.1} MB {:>6.2}× {:>12.1} MB {:>6.2}×",
            mb(before),
            mb(increase),
            increase as f64 / file_size as f64,
            mb(over_idle),
            over_idle as f64 / file_size as f64
        );
        value
    }

    fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A blocking HTTP/1.1 client with the coordinator's session.
struct Client {
    addr: SocketAddr,
    cookie: String,
}

struct Response {
    status: u16,
    head: String,
    body: String,
}

impl Client {
    fn sign_in(addr: SocketAddr) -> Client {
        let anonymous = Client {
            addr,
            cookie: String::new(),
        };
        let form = anonymous.request("GET", "/login", "");
        let with_form = Client {
            addr,
            cookie: format!("symbiose_form={}", form.cookie("symbiose_form")),
        };
        let body = format!(
            "csrf={}&email={}&password={PASSWORD}",
            csrf_of(&form.body),
            EMAIL.replace('@', "%40")
        );
        let login = with_form.request("POST", "/login", &body);
        assert_eq!(login.status, 303, "login: {}", login.body_start());
        Client {
            addr,
            cookie: format!("symbiose_session={}", login.cookie("symbiose_session")),
        }
    }

    /// Sends the upload form as a browser does: the CSRF field, then each file.
    fn upload(&self, csrf: &str, files: &[(&str, &[u8])]) -> Response {
        let mut body = Vec::new();
        write!(
            body,
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n"
        )
        .unwrap();
        for (name, content) in files {
            write!(
                body,
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"files\"; \
                 filename=\"{name}\"\r\nContent-Type: text/csv\r\n\r\n"
            )
            .unwrap();
            body.extend_from_slice(content);
            body.extend_from_slice(b"\r\n");
        }
        write!(body, "--{BOUNDARY}--\r\n").unwrap();
        let content_type = format!("multipart/form-data; boundary={BOUNDARY}");
        self.send("POST", "/data", &content_type, &body)
    }

    fn request(&self, method: &str, path: &str, body: &str) -> Response {
        let form = "application/x-www-form-urlencoded";
        self.send(method, path, form, body.as_bytes())
    }

    fn send(&self, method: &str, path: &str, content_type: &str, body: &[u8]) -> Response {
        let mut stream = TcpStream::connect(self.addr).expect("connect");
        let head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nCookie: {}\r\nAccept-Language: en\r\n\
             Content-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            self.addr,
            self.cookie,
            body.len()
        );
        stream.write_all(head.as_bytes()).expect("send");
        // The server may answer (and close) before it has read everything, e.g. a refused
        // upload: what it answered is still to be read.
        let _ = stream.write_all(body);
        let mut raw = Vec::new();
        let _ = stream.read_to_end(&mut raw);
        assert!(
            !raw.is_empty(),
            "{method} {path}: the connection was dropped"
        );
        let text = String::from_utf8_lossy(&raw);
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        Response {
            status,
            head: head.to_string(),
            body: body.to_string(),
        }
    }
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.head
            .lines()
            .filter_map(|l| l.split_once(':'))
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.trim())
    }

    fn cookie(&self, name: &str) -> String {
        self.head
            .lines()
            .filter(|l| l.to_ascii_lowercase().starts_with("set-cookie:"))
            .filter_map(|l| l.split_once(':').map(|(_, v)| v.trim()))
            .filter_map(|v| v.split(';').next()?.split_once('='))
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.to_string())
            .unwrap_or_else(|| panic!("no {name} cookie in {}", self.head))
    }

    fn body_start(&self) -> String {
        format!(
            "{}\n{}",
            self.head,
            self.body.chars().take(2000).collect::<String>()
        )
    }
}

fn csrf_of(html: &str) -> String {
    let start = html
        .find("name=\"csrf\" value=\"")
        .expect("a form with a CSRF field")
        + 19;
    html[start..start + 64].to_string()
}
