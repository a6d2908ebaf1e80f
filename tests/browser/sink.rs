//! A copy of `tests/it/mail/sink.rs` (the two test binaries share no files, see `site.rs`):
//! a small SMTP server for tests: speaks enough SMTP for lettre (EHLO/HELO, MAIL FROM, RCPT TO,
//! DATA, RSET, NOOP, QUIT) on a port of 127.0.0.1 and keeps every message it accepted. A
//! refusing sink answers every recipient with 550, as a server does for an unknown mailbox.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// A message the sink accepted.
#[derive(Debug, Clone)]
pub struct Caught {
    pub from: String,
    pub to: Vec<String>,
    /// The header lines, unfolded.
    pub headers: Vec<String>,
    /// The body, quoted-printable decoded.
    pub body: String,
}

impl Caught {
    /// The value of header `name` (case-insensitive), if present.
    pub fn header(&self, name: &str) -> Option<String> {
        let prefix = format!("{}:", name.to_lowercase());
        self.headers
            .iter()
            .find(|line| line.to_lowercase().starts_with(&prefix))
            .map(|line| line[prefix.len()..].trim().to_string())
    }

    /// The first `http(s)://…` link in the body that contains `part`.
    pub fn link_with(&self, part: &str) -> Option<String> {
        self.body
            .split_whitespace()
            .map(|word| word.trim_matches(|c| matches!(c, '(' | ')' | '.' | ',' | '<' | '>')))
            .find(|word| word.starts_with("http") && word.contains(part))
            .map(str::to_string)
    }
}

/// What the sink answers to a recipient.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Accept,
    Refuse,
}

/// A running sink; it stops when dropped.
pub struct Sink {
    pub addr: SocketAddr,
    caught: Arc<Mutex<Vec<Caught>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Sink {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Sink {
    /// Starts a sink on a free port.
    pub async fn start(mode: Mode) -> Sink {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the sink");
        let addr = listener.local_addr().expect("the sink's address");
        let caught = Arc::new(Mutex::new(Vec::new()));
        let store = caught.clone();
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(converse(stream, mode, store.clone()));
            }
        });
        Sink { addr, caught, task }
    }

    /// `smtp://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("smtp://{}", self.addr)
    }

    /// The messages accepted so far.
    pub fn messages(&self) -> Vec<Caught> {
        self.caught.lock().expect("sink lock").clone()
    }

    /// Waits until at least `count` messages arrived (at most 20 s) and returns them all.
    pub async fn wait_for(&self, count: usize) -> Vec<Caught> {
        for _ in 0..400 {
            let messages = self.messages();
            if messages.len() >= count {
                return messages;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "the sink got {} message(s), not {count}",
            self.messages().len()
        );
    }
}

/// One SMTP conversation.
async fn converse(stream: TcpStream, mode: Mode, store: Arc<Mutex<Vec<Caught>>>) {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read).lines();
    let mut from = String::new();
    let mut to = Vec::new();
    let _ = write.write_all(b"220 sink ESMTP ready\r\n").await;
    while let Ok(Some(line)) = lines.next_line().await {
        let upper = line.to_uppercase();
        let answer: &str = if upper.starts_with("EHLO") {
            "250-sink\r\n250 8BITMIME\r\n"
        } else if upper.starts_with("HELO")
            || upper.starts_with("RSET")
            || upper.starts_with("NOOP")
        {
            "250 OK\r\n"
        } else if upper.starts_with("MAIL FROM:") {
            from = address_in(&line);
            to.clear();
            "250 OK\r\n"
        } else if upper.starts_with("RCPT TO:") {
            if mode == Mode::Refuse {
                "550 5.1.1 no such mailbox here\r\n"
            } else {
                to.push(address_in(&line));
                "250 OK\r\n"
            }
        } else if upper.starts_with("DATA") {
            let _ = write.write_all(b"354 end with <CRLF>.<CRLF>\r\n").await;
            let mut data = Vec::new();
            while let Ok(Some(line)) = lines.next_line().await {
                if line == "." {
                    break;
                }
                // Dot-stuffing: a leading dot was doubled by the client.
                data.push(line.strip_prefix('.').map_or(line.clone(), str::to_string));
            }
            let caught = parse(from.clone(), to.clone(), &data);
            store.lock().expect("sink lock").push(caught);
            "250 2.0.0 queued\r\n"
        } else if upper.starts_with("QUIT") {
            let _ = write.write_all(b"221 bye\r\n").await;
            return;
        } else {
            "502 command not implemented\r\n"
        };
        if write.write_all(answer.as_bytes()).await.is_err() {
            return;
        }
    }
}

fn address_in(line: &str) -> String {
    let start = line.find('<').map_or(0, |i| i + 1);
    let end = line.rfind('>').unwrap_or(line.len());
    line[start..end].to_string()
}

/// Headers unfolded and the body decoded from quoted-printable (harmless on 7bit/8bit).
fn parse(from: String, to: Vec<String>, data: &[String]) -> Caught {
    let split = data.iter().position(String::is_empty).unwrap_or(data.len());
    let mut headers: Vec<String> = Vec::new();
    for line in &data[..split] {
        match headers.last_mut() {
            Some(last) if line.starts_with([' ', '\t']) => {
                last.push(' ');
                last.push_str(line.trim_start());
            }
            _ => headers.push(line.clone()),
        }
    }
    let quoted = headers.iter().any(|h| {
        h.to_lowercase()
            .starts_with("content-transfer-encoding: quoted-printable")
    });
    let raw = data.get(split + 1..).unwrap_or(&[]).join("\n");
    let body = if quoted { decode_quoted(&raw) } else { raw };
    Caught {
        from,
        to,
        headers,
        body,
    }
}

fn decode_quoted(text: &str) -> String {
    let joined = text.replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(byte) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
