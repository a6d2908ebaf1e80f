//! The SMTP transport: each outbox mail as a plain-text message with absolute links, sent
//! with lettre over the server `SMTP_URL` names.

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::{Mailbox, Message};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use super::config::SendConfig;
use super::links;
use crate::app::mail::{MailTransport, SendFailure};
use crate::storage::outbox::PendingMail;

/// How long one SMTP conversation may take before it counts as failed (and is tried later).
const TIMEOUT: Duration = Duration::from_secs(30);

/// Sends outbox mail over SMTP.
pub struct SmtpSender {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    public_url: String,
}

impl SmtpSender {
    /// The sender for checked settings; an SMTP URL lettre cannot read is an error.
    pub fn new(config: &SendConfig) -> Result<SmtpSender, lettre::transport::smtp::Error> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&config.smtp_url)?
            .timeout(Some(TIMEOUT))
            .build();
        Ok(SmtpSender {
            transport,
            from: config.from.clone(),
            public_url: config.public_url.clone(),
        })
    }

    /// The message for an outbox mail: plain text, UTF-8, links absolute.
    pub fn message(&self, mail: &PendingMail) -> Result<Message, SendFailure> {
        let to: Mailbox = mail.to.parse().map_err(|e| SendFailure {
            // An address no server will take: trying again changes nothing.
            permanent: true,
            message: format!("the recipient {:?} is not a mail address: {e}", mail.to),
        })?;
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            .body(links::absolute(&mail.body, &self.public_url))
            .map_err(|e| SendFailure {
                permanent: true,
                message: format!("the message cannot be built: {e}"),
            })
    }
}

impl MailTransport for SmtpSender {
    async fn send(&self, mail: &PendingMail) -> Result<(), SendFailure> {
        let message = self.message(mail)?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|error| SendFailure {
                // Only a 5xx answer is final; no connection, timeouts and 4xx may pass.
                permanent: error.is_permanent(),
                message: error.to_string(),
            })
    }
}
