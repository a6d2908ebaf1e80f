//! The server loop's limits, tried over real TCP connections.

use std::time::{Duration, Instant};

use axum::Router;
use axum::routing::get;
use symbiose::web::server::{ServerLimits, serve_on};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A tiny app: `/fast` answers at once, `/slow` after two seconds.
fn app() -> Router {
    Router::new()
        .route("/fast", get(|| async { "fast" }))
        .route(
            "/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(2)).await;
                "slow"
            }),
        )
}

/// Serves `app()` with `limits` on a free port; the server stops when the sender is dropped.
async fn start(limits: ServerLimits) -> (String, tokio::sync::oneshot::Sender<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(serve_on(listener, app(), limits, async {
        let _ = stopped.await;
    }));
    (addr, stop)
}

fn limits() -> ServerLimits {
    ServerLimits {
        header_read_timeout: Duration::from_millis(500),
        ..ServerLimits::default()
    }
}

/// Reads until the server closes the connection or `within` passes; true when it closed.
async fn closed_within(stream: &mut TcpStream, within: Duration) -> bool {
    let mut buffer = [0u8; 4096];
    let deadline = Instant::now() + within;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, stream.read(&mut buffer)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return true,
            Ok(Ok(_)) => continue,
            Err(_) => return false,
        }
    }
}

async fn get_answer(stream: &mut TcpStream, path: &str, within: Duration) -> Option<String> {
    let request = format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.ok()?;
    let mut answer = Vec::new();
    tokio::time::timeout(within, stream.read_to_end(&mut answer))
        .await
        .ok()?
        .ok()?;
    Some(String::from_utf8_lossy(&answer).into_owned())
}

#[tokio::test]
async fn a_client_that_never_finishes_its_request_head_is_disconnected() {
    let (addr, _stop) = start(limits()).await;
    let mut slowloris = TcpStream::connect(&addr).await.unwrap();
    slowloris
        .write_all(b"GET /fast HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        .await
        .unwrap();
    let mut silent = TcpStream::connect(&addr).await.unwrap();

    assert!(closed_within(&mut slowloris, Duration::from_secs(5)).await);
    assert!(closed_within(&mut silent, Duration::from_secs(5)).await);
}

#[tokio::test]
async fn an_idle_keep_alive_connection_is_closed_after_its_response() {
    let (addr, _stop) = start(limits()).await;
    let mut stream = TcpStream::connect(&addr).await.unwrap();
    stream
        .write_all(b"GET /fast HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();

    assert!(closed_within(&mut stream, Duration::from_secs(5)).await);
}

#[tokio::test]
async fn connections_beyond_the_cap_wait_until_one_is_free() {
    let (addr, _stop) = start(ServerLimits {
        max_connections: 2,
        header_read_timeout: Duration::from_secs(30),
        ..ServerLimits::default()
    })
    .await;
    let first = TcpStream::connect(&addr).await.unwrap();
    let _second = TcpStream::connect(&addr).await.unwrap();
    // Give the server a moment to accept both.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut third = TcpStream::connect(&addr).await.unwrap();

    assert_eq!(
        get_answer(&mut third, "/fast", Duration::from_millis(700)).await,
        None
    );
    drop(first);
    let mut fourth = TcpStream::connect(&addr).await.unwrap();
    let answer = get_answer(&mut fourth, "/fast", Duration::from_secs(5)).await;
    assert!(answer.is_some_and(|a| a.starts_with("HTTP/1.1 200")));
}

#[tokio::test]
async fn a_request_past_its_deadline_and_one_past_the_in_flight_cap_answer_503() {
    let (addr, _stop) = start(ServerLimits {
        // Long enough that the slow request still holds the only place when the second
        // arrives on a loaded machine; shorter than /slow's two seconds.
        request_timeout: Duration::from_millis(1200),
        max_requests_in_flight: 1,
        ..ServerLimits::default()
    })
    .await;
    let mut slow = TcpStream::connect(&addr).await.unwrap();
    let slow_answer =
        tokio::spawn(async move { get_answer(&mut slow, "/slow", Duration::from_secs(5)).await });
    tokio::time::sleep(Duration::from_millis(100)).await;
    let mut second = TcpStream::connect(&addr).await.unwrap();

    let busy = get_answer(&mut second, "/fast", Duration::from_secs(5))
        .await
        .unwrap();
    let timed_out = slow_answer.await.unwrap().unwrap();

    assert!(busy.starts_with("HTTP/1.1 503"), "{busy}");
    assert!(busy.to_lowercase().contains("retry-after: 1"));
    assert!(timed_out.starts_with("HTTP/1.1 503"), "{timed_out}");
}

#[tokio::test]
async fn shutdown_lets_a_running_request_finish() {
    let (addr, stop) = start(limits()).await;
    let mut slow = TcpStream::connect(&addr).await.unwrap();
    let answer =
        tokio::spawn(async move { get_answer(&mut slow, "/slow", Duration::from_secs(10)).await });
    tokio::time::sleep(Duration::from_millis(200)).await;

    drop(stop);

    let answer = answer.await.unwrap().unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(
        TcpStream::connect(&addr).await.is_err() || {
            // The port may be reused by the OS; a new connection must not be served.
            let mut late = TcpStream::connect(&addr).await.unwrap();
            get_answer(&mut late, "/fast", Duration::from_secs(1))
                .await
                .is_none()
        }
    );
}

#[tokio::test]
async fn serve_stops_cleanly_on_sigterm() {
    let app = crate::common::TestApp::spawn().await;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let addr = format!("127.0.0.1:{port}");
    let mut child = std::process::Command::new(crate::common::binary())
        .args(["serve", "--addr", &addr])
        .env("DATABASE_URL", &app.database_url)
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(mut stream) = TcpStream::connect(&addr).await
            && get_answer(&mut stream, "/healthz", Duration::from_secs(2))
                .await
                .is_some_and(|a| a.starts_with("HTTP/1.1 200"))
        {
            break;
        }
        assert!(Instant::now() < deadline, "the server did not come up");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    let killed = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());

    let deadline = Instant::now() + Duration::from_secs(15);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "serve did not stop on SIGTERM");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert_eq!(status.code(), Some(0), "{status:?}");
}
