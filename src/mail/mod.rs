//! Mail that is sent: the settings (`SMTP_URL`, `MAIL_FROM`, `PUBLIC_URL`), the SMTP
//! transport (lettre) and the background task of `serve` that drains the outbox every few
//! seconds. The rules of delivery (what is due, retries, giving up) live in
//! [`crate::app::mail`]; this is the edge that speaks SMTP.

pub mod config;
pub mod links;
pub mod sender;

use std::sync::Arc;

use crate::app::App;

pub use config::{MailConfig, MailSettings, SendConfig};
pub use sender::SmtpSender;

/// Starts the outbox's drain for `config`, or says at start that mail is only queued.
/// Returns the task, to stop it when the server stops.
pub fn start(app: Arc<App>, config: &MailConfig) -> Option<tokio::task::JoinHandle<()>> {
    let MailConfig::Send(send) = config else {
        tracing::warn!(
            "SMTP_URL is not set: mail is queued in the outbox and not sent \
             (set SMTP_URL, MAIL_FROM and PUBLIC_URL to send it)"
        );
        return None;
    };
    let sender = match SmtpSender::new(send) {
        Ok(sender) => sender,
        Err(error) => {
            tracing::error!(%error, "SMTP_URL cannot be used: mail is queued and not sent");
            return None;
        }
    };
    tracing::info!(
        server = %send.redacted_url(),
        from = %send.from,
        public_url = %send.public_url,
        every_seconds = send.every.as_secs_f64(),
        "mail is sent over SMTP"
    );
    Some(tokio::spawn(run(app, sender, send.every)))
}

/// Drains the outbox every `every` until the task is aborted.
pub async fn run(app: Arc<App>, sender: SmtpSender, every: std::time::Duration) {
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        match crate::app::mail::drain(&app, &sender).await {
            Ok(drained) if drained == Default::default() => {}
            Ok(drained) => tracing::info!(?drained, "outbox drained"),
            Err(error) => tracing::warn!(%error, "reading the outbox failed; trying again later"),
        }
    }
}
