//! Mail settings: `SMTP_URL` (lettre's URL form: `smtp://host:25`, `smtp://user:pass@host:587?tls=required`
//! for STARTTLS, `smtps://user:pass@host:465`), `MAIL_FROM`, `PUBLIC_URL` and how often the
//! outbox is drained. Without `SMTP_URL` mail is only queued. With it, `PUBLIC_URL` is required:
//! mail is read elsewhere, and a link to the listening address (often 127.0.0.1 behind a proxy)
//! would lead nowhere.

use std::time::Duration;

use lettre::message::Mailbox;

/// How often `serve` drains the outbox by default.
pub const DEFAULT_EVERY_SECONDS: u64 = 30;

/// The settings as given (flags or environment), not yet checked.
#[derive(Debug, Clone, Default)]
pub struct MailSettings {
    pub smtp_url: Option<String>,
    pub from: Option<String>,
    pub public_url: Option<String>,
    /// Seconds between drains; [`DEFAULT_EVERY_SECONDS`] when not given.
    pub every_seconds: Option<f64>,
}

/// What the server does with mail.
#[derive(Debug, Clone)]
pub enum MailConfig {
    /// No `SMTP_URL`: mail stays in the outbox.
    Queue,
    /// Mail is sent.
    Send(SendConfig),
}

/// Settings for sending, checked.
#[derive(Debug, Clone)]
pub struct SendConfig {
    pub smtp_url: String,
    pub from: Mailbox,
    /// `https://…` without a trailing slash.
    pub public_url: String,
    pub every: Duration,
}

/// Why the mail settings cannot be used; the server refuses to start.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum MailConfigError {
    #[error(
        "SMTP_URL is set but PUBLIC_URL is not: set PUBLIC_URL to the address users reach the \
         site at (e.g. https://symbiose.keyport.nl), so that links in mail lead there"
    )]
    PublicUrlMissing,
    #[error("PUBLIC_URL must start with http:// or https:// and name a host: {0:?}")]
    PublicUrlInvalid(String),
    #[error("MAIL_FROM is not a mail address (\"Name <address>\" or \"address\"): {0:?}")]
    FromInvalid(String),
    #[error("the mail drain interval must be a positive number of seconds: {0}")]
    EveryInvalid(f64),
}

impl MailSettings {
    /// Checks the settings: queue only without `SMTP_URL`, else everything sending needs.
    /// `MAIL_FROM` defaults to `Symbiose <noreply@HOST>` with the host of `PUBLIC_URL`.
    pub fn resolve(self) -> Result<MailConfig, MailConfigError> {
        let Some(smtp_url) = non_empty(self.smtp_url) else {
            return Ok(MailConfig::Queue);
        };
        let public_url = non_empty(self.public_url).ok_or(MailConfigError::PublicUrlMissing)?;
        let host = host_of(&public_url)
            .ok_or_else(|| MailConfigError::PublicUrlInvalid(public_url.clone()))?;
        let from_text =
            non_empty(self.from).unwrap_or_else(|| format!("Symbiose <noreply@{host}>"));
        let from = from_text
            .parse::<Mailbox>()
            .map_err(|_| MailConfigError::FromInvalid(from_text.clone()))?;
        let seconds = self.every_seconds.unwrap_or(DEFAULT_EVERY_SECONDS as f64);
        if !(seconds.is_finite() && seconds > 0.0) {
            return Err(MailConfigError::EveryInvalid(seconds));
        }
        Ok(MailConfig::Send(SendConfig {
            smtp_url,
            from,
            public_url: public_url.trim_end_matches('/').to_string(),
            every: Duration::from_secs_f64(seconds),
        }))
    }
}

impl SendConfig {
    /// The SMTP URL without its password, for the log.
    pub fn redacted_url(&self) -> String {
        redact(&self.smtp_url)
    }
}

/// `scheme://user:***@host…`: the URL without its password.
fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    match rest.split_once('@') {
        Some((credentials, host)) => {
            let user = credentials.split(':').next().unwrap_or("");
            format!("{scheme}://{user}:***@{host}")
        }
        None => url.to_string(),
    }
}

fn non_empty(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// The host of an `http(s)://host[:port][/…]` address.
fn host_of(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let authority = rest.split('/').next()?;
    let host = authority.rsplit_once(':').map_or(authority, |(h, _)| h);
    (!host.is_empty() && !host.contains(['@', ' ', '?', '#'])).then(|| host.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(smtp: &str, public: &str) -> MailSettings {
        MailSettings {
            smtp_url: Some(smtp.into()),
            public_url: Some(public.into()),
            ..MailSettings::default()
        }
    }

    #[test]
    fn without_smtp_mail_is_only_queued() {
        assert!(matches!(
            MailSettings::default().resolve(),
            Ok(MailConfig::Queue)
        ));
    }

    #[test]
    fn smtp_without_a_public_address_is_refused() {
        let refused = settings("smtp://127.0.0.1:2525", " ")
            .resolve()
            .unwrap_err();
        assert_eq!(refused, MailConfigError::PublicUrlMissing);
        let refused = settings("smtp://127.0.0.1:2525", "symbiose.nl")
            .resolve()
            .unwrap_err();
        assert!(matches!(refused, MailConfigError::PublicUrlInvalid(_)));
    }

    #[test]
    fn the_sender_defaults_to_noreply_at_the_public_host() {
        let MailConfig::Send(send) = settings("smtp://h:25", "https://symbiose.keyport.nl/")
            .resolve()
            .unwrap()
        else {
            panic!("sends");
        };
        assert_eq!(send.from.email.to_string(), "noreply@symbiose.keyport.nl");
        assert_eq!(send.public_url, "https://symbiose.keyport.nl");
        assert_eq!(send.every, Duration::from_secs(DEFAULT_EVERY_SECONDS));
    }

    #[test]
    fn passwords_are_left_out_of_the_log() {
        assert_eq!(
            redact("smtps://mail:geheim@smtp.example.nl:465"),
            "smtps://mail:***@smtp.example.nl:465"
        );
        assert_eq!(redact("smtp://127.0.0.1:25"), "smtp://127.0.0.1:25");
    }
}
