//! The contact log on a firm's coordinator page: the contact people (with a form to add or
//! change one) and the dated notes, newest first (with a form to add one). Seen by
//! coordinators only.

use std::collections::HashMap;

use maud::{Markup, html};

use super::firm_page::FirmPageView;
use super::firms::firm_href;
use crate::domain::contact::{MAX_NAME, MAX_NOTE, MAX_PHONE, PHONE_DIGITS, Problem, Refusal};
use crate::i18n::{Lang, date_time};
use crate::storage::contacts::{ContactRecord, NoteRecord};
use crate::t;

/// Field errors of a form, by field name, in the reader's language.
pub type FieldErrors = HashMap<&'static str, String>;

/// The contact form: empty to add one, or a contact being changed, as posted.
#[derive(Debug, Clone, Default)]
pub struct ContactForm {
    /// The contact being changed; `None` to add one.
    pub editing: Option<i64>,
    pub name: String,
    pub role: String,
    pub phone: String,
    pub email: String,
    pub errors: FieldErrors,
}

impl ContactForm {
    /// The form filled with a stored contact, to change it.
    pub fn editing(record: &ContactRecord) -> ContactForm {
        ContactForm {
            editing: Some(record.id),
            name: record.contact.name.clone(),
            role: record.contact.role.clone(),
            phone: record.contact.phone.clone(),
            email: record.contact.email.clone(),
            errors: FieldErrors::new(),
        }
    }
}

/// The note form as posted.
#[derive(Debug, Clone, Default)]
pub struct NoteForm {
    pub text: String,
    pub error: Option<String>,
}

/// Both forms of the log.
#[derive(Debug, Clone, Default)]
pub struct LogForms {
    pub contact: ContactForm,
    pub note: NoteForm,
}

/// A refused field in the reader's language, the field named.
pub fn problem_text(lang: Lang, refusal: &Refusal) -> String {
    let field = field_label(lang, refusal.field);
    match refusal.problem {
        Problem::Missing => t!(lang, "workspace-problem-missing", field = field),
        Problem::TooLong { max } => {
            t!(lang, "workspace-problem-too-long", field = field, max = max)
        }
        Problem::PhoneCharacters => t!(lang, "workspace-problem-phone-characters"),
        Problem::PhoneDigits => t!(
            lang,
            "workspace-problem-phone-digits",
            min = PHONE_DIGITS.0,
            max = PHONE_DIGITS.1
        ),
        Problem::Email => t!(lang, "workspace-problem-email"),
        Problem::Unreachable => t!(lang, "workspace-problem-unreachable"),
    }
}

fn field_label(lang: Lang, field: &str) -> String {
    match field {
        "name" => t!(lang, "workspace-contact-name"),
        "role" => t!(lang, "workspace-contact-role"),
        "phone" => t!(lang, "workspace-contact-phone"),
        "email" => t!(lang, "workspace-contact-email"),
        _ => t!(lang, "workspace-note-field"),
    }
}

/// The log's section of the firm's page.
pub fn section(lang: Lang, key: &str, view: &FirmPageView<'_>) -> Markup {
    let csrf = view.viewer.user.as_ref().map_or("", |u| u.csrf.as_str());
    let base = firm_href(key);
    html! {
        section.contact-log aria-labelledby="contacts" {
            h2 #contacts { (t!(lang, "workspace-contacts")) }
            p.note { (t!(lang, "workspace-contacts-private")) }
            (contacts(lang, &base, csrf, &view.data.contacts))
            (contact_form(lang, &base, csrf, &view.forms.contact))
            h2 #log { (t!(lang, "workspace-log")) }
            p.note { (t!(lang, "workspace-log-rule")) }
            (note_form(lang, &base, csrf, &view.forms.note))
            (notes(lang, &base, csrf, view.user_id, &view.data.notes))
        }
    }
}

fn contacts(lang: Lang, base: &str, csrf: &str, contacts: &[ContactRecord]) -> Markup {
    let h = [
        t!(lang, "workspace-contact-name"),
        t!(lang, "workspace-contact-role"),
        t!(lang, "workspace-contact-phone"),
        t!(lang, "workspace-contact-email"),
    ];
    html! {
        @if contacts.is_empty() { p.empty { (t!(lang, "workspace-no-contacts")) } } @else {
            table.stacked.contacts {
                thead { tr {
                    @for heading in &h { th scope="col" { (heading) } }
                    th scope="col" { span.visually-hidden { (t!(lang, "workspace-contact-edit")) } }
                } }
                tbody { @for record in contacts {
                    @let contact = &record.contact;
                    tr {
                        td data-label=(h[0]) { (contact.name) }
                        td data-label=(h[1]) { (contact.role) }
                        td data-label=(h[2]) {
                            @if !contact.phone.is_empty() { a href={ "tel:" (tel(&contact.phone)) } { (contact.phone) } }
                        }
                        td data-label=(h[3]) {
                            @if !contact.email.is_empty() { a href={ "mailto:" (contact.email) } { (contact.email) } }
                        }
                        td {
                            a href={ (base) "?contact=" (record.id) "#contact-form" } { (t!(lang, "workspace-contact-edit")) }
                            " "
                            form.inline method="post" action={ (base) "/contacts/" (record.id) "/delete" } {
                                input type="hidden" name="csrf" value=(csrf);
                                button.secondary type="submit" { (t!(lang, "workspace-contact-delete")) }
                            }
                        }
                    }
                } }
            }
        }
    }
}

/// A phone number for a `tel:` link: its `+` and digits.
fn tel(phone: &str) -> String {
    phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect()
}

fn contact_form(lang: Lang, base: &str, csrf: &str, form: &ContactForm) -> Markup {
    let action = match form.editing {
        Some(id) => format!("{base}/contacts/{id}"),
        None => format!("{base}/contacts"),
    };
    let heading = match form.editing {
        Some(_) => t!(lang, "workspace-contact-edit-heading"),
        None => t!(lang, "workspace-contact-add"),
    };
    let field = |name: &'static str, value: &str, kind: &str, max: usize| {
        let id = format!("contact-{name}");
        let error = form.errors.get(name);
        html! {
            div.field {
                label for=(id) { (field_label(lang, name)) }
                input id=(id) type=(kind) name=(name) value=(value) maxlength=(max)
                    aria-invalid=[error.map(|_| "true")]
                    aria-describedby=[error.map(|_| format!("{id}-error"))];
                @if let Some(message) = error { p.field-error id={ (id) "-error" } role="alert" { (message) } }
            }
        }
    };
    html! {
        form.stack #contact-form method="post" action=(action) {
            h3 { (heading) }
            input type="hidden" name="csrf" value=(csrf);
            (field("name", &form.name, "text", MAX_NAME))
            (field("role", &form.role, "text", MAX_NAME))
            (field("phone", &form.phone, "tel", MAX_PHONE))
            (field("email", &form.email, "email", crate::domain::Email::MAX_LEN))
            p.hint { (t!(lang, "workspace-contact-phone-hint")) }
            button type="submit" {
                @if form.editing.is_some() { (t!(lang, "workspace-contact-save")) } @else { (t!(lang, "workspace-contact-add")) }
            }
            @if form.editing.is_some() { " " a href={ (base) "#contacts" } { (t!(lang, "workspace-contact-cancel")) } }
        }
    }
}

fn note_form(lang: Lang, base: &str, csrf: &str, form: &NoteForm) -> Markup {
    html! {
        form.stack #note-form method="post" action={ (base) "/notes" } {
            input type="hidden" name="csrf" value=(csrf);
            div.field {
                label for="note-text" { (t!(lang, "workspace-note-field")) }
                textarea #note-text name="text" rows="3" maxlength=(MAX_NOTE)
                    aria-invalid=[form.error.as_ref().map(|_| "true")]
                    aria-describedby=[form.error.as_ref().map(|_| "note-text-error")]
                    { (form.text) }
                @if let Some(message) = &form.error { p.field-error #note-text-error role="alert" { (message) } }
            }
            button type="submit" { (t!(lang, "workspace-note-add")) }
        }
    }
}

fn notes(lang: Lang, base: &str, csrf: &str, user_id: i64, notes: &[NoteRecord]) -> Markup {
    html! {
        @if notes.is_empty() { p.empty { (t!(lang, "workspace-no-notes")) } } @else {
            ol.notes { @for note in notes {
                li.note-entry {
                    p.meta {
                        time datetime=(note.at.format("%Y-%m-%dT%H:%M:%S").to_string()) {
                            (t!(lang, "workspace-note-by",
                                author = note.author.clone().unwrap_or_else(|| t!(lang, "workspace-note-author-gone")),
                                at = date_time(lang, note.at)))
                        }
                    }
                    p.note-text { (note.text) }
                    @if note.author_id == Some(user_id) {
                        form.inline method="post" action={ (base) "/notes/" (note.id) "/delete" } {
                            input type="hidden" name="csrf" value=(csrf);
                            button.secondary type="submit" { (t!(lang, "workspace-note-delete")) }
                        }
                    }
                }
            } }
        }
    }
}
