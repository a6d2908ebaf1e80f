//! Settings: defaults, overridden by environment variables, overridden by command-line flags.

use std::net::SocketAddr;

/// The database used when `DATABASE_URL` is not set: a SQLite file in the working directory,
/// created on first start.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://symbiose.db?mode=rwc";

/// The address `serve` listens on by default.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";

/// Where the data lives and where the web app listens.
#[derive(Debug, Clone)]
pub struct Settings {
    /// `sqlite://…` or `postgres://…`; the scheme picks the backend.
    pub database_url: String,
    /// Listening address for `serve`.
    pub addr: SocketAddr,
}

impl Settings {
    /// Resolves the settings from an explicit value (a flag), else the environment, else the
    /// default. Clap has already merged flag and environment for the database URL.
    pub fn resolve(database_url: Option<String>, addr: Option<SocketAddr>) -> Settings {
        Settings {
            database_url: database_url
                .filter(|url| !url.trim().is_empty())
                .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_string()),
            addr: addr.unwrap_or_else(|| DEFAULT_ADDR.parse().expect("valid default address")),
        }
    }
}
