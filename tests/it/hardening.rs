//! Hardening (issue #9): logins cannot exhaust the server or be guessed in parallel, the
//! server loop has limits, responses carry security headers, sessions end when idle.

mod login;
mod pages;
mod server;
mod sessions;
