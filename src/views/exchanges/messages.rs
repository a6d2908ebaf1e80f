//! The messages of an exchange on its page: the thread, oldest first, and the form to write.

use maud::{Markup, Render, html};

use super::{ExchangeView, field_error};
use crate::domain::message::MAX_MESSAGE_CHARS;
use crate::i18n::{Lang, date_time};
use crate::storage::exchanges::messages::MessageRecord;
use crate::t;

/// The messages section: closed until both sides said interested, then the thread and (unless
/// the exchange was declined) the form.
pub struct Messages<'a> {
    pub view: &'a ExchangeView<'a>,
    pub lang: Lang,
}

impl Render for Messages<'_> {
    fn render(&self) -> Markup {
        let (view, lang) = (self.view, self.lang);
        html! {
            section.messages #messages aria-labelledby="messages-heading" {
                h2 #messages-heading { (t!(lang, "exchanges-messages")) }
                @match &view.thread {
                    None => p.none { (t!(lang, "exchanges-messages-not-open")) }
                    Some(thread) => {
                        @if thread.is_empty() {
                            p.none { (t!(lang, "exchanges-messages-empty")) }
                        } @else {
                            ol.thread { @for message in thread { (Message { message, lang }) } }
                        }
                        @if view.can_write { (form(view, lang)) }
                    }
                }
            }
        }
    }
}

/// The form of a new message, keeping the text of a refused one.
fn form(view: &ExchangeView<'_>, lang: Lang) -> Markup {
    let invalid = view.form.errors.contains_key("text");
    html! {
        form.stack method="post" action={ "/exchanges/" (view.record.id) "/messages" } {
            input type="hidden" name="csrf" value=(view.csrf);
            div.field {
                label for="text" { (t!(lang, "exchanges-message-label")) }
                textarea id="text" name="text" rows="4" maxlength=(MAX_MESSAGE_CHARS)
                    aria-invalid=[invalid.then_some("true")]
                    aria-describedby=[invalid.then_some("text-error")] {
                    (view.form.values.get("text").map_or("", String::as_str))
                }
                (field_error(&view.form, "text"))
            }
            button type="submit" { (t!(lang, "exchanges-message-send")) }
        }
    }
}

struct Message<'a> {
    message: &'a MessageRecord,
    lang: Lang,
}

impl Render for Message<'_> {
    fn render(&self) -> Markup {
        let (message, lang) = (self.message, self.lang);
        let sender = match &message.firm {
            Some((_, name)) => name.clone(),
            None => t!(lang, "exchanges-message-coordinator"),
        };
        html! {
            li.message {
                p.meta { strong.sender { (sender) } " — " time { (date_time(lang, message.at)) } }
                // Plain text as typed: every line its own, escaped like all output.
                p.text { @for (i, line) in message.body.lines().enumerate() {
                    @if i > 0 { br; }
                    (line)
                } }
            }
        }
    }
}
