//! Registration and login.

use maud::{Markup, html};

use super::field_help::{described_by, hint};
use super::layout::{self, Viewer};
use crate::domain::cross_border::Country;
use crate::domain::places;
use crate::i18n::Lang;
use crate::t;

/// What a form shows again after a refusal: the values typed and a message per field.
#[derive(Debug, Default, Clone)]
pub struct FormState {
    pub values: std::collections::HashMap<String, String>,
    pub errors: std::collections::BTreeMap<String, String>,
}

impl FormState {
    fn value(&self, field: &str) -> &str {
        self.values.get(field).map_or("", String::as_str)
    }

    fn error(&self, field: &str) -> Markup {
        html! {
            @if let Some(message) = self.errors.get(field) {
                p.field-error id={ (field) "-error" } role="alert" { (message) }
            }
        }
    }
}

/// A labelled input with its help line and its message after a refusal; passwords are never
/// shown again.
pub fn text_field(
    form: &FormState,
    (name, label, help): (&str, &str, &str),
    kind: &str,
    autocomplete: &str,
) -> Markup {
    let invalid = form.errors.contains_key(name);
    let value = if kind == "password" {
        ""
    } else {
        form.value(name)
    };
    html! {
        div.field {
            label for=(name) { (label) }
            input id=(name) name=(name) type=(kind) value=(value) autocomplete=(autocomplete)
                required aria-invalid=[invalid.then_some("true")]
                aria-describedby=(described_by(name, invalid));
            (hint(name, help))
            (form.error(name))
        }
    }
}

/// The choice of language, preselected with `chosen` or else the page's language.
pub fn language_field(lang: Lang, chosen: &str) -> Markup {
    let chosen = Lang::parse(chosen).unwrap_or(lang);
    html! {
        div.field {
            label for="language" { (t!(lang, "nav-language")) }
            select id="language" name="language" aria-describedby="language-help" {
                option value="nl" lang="nl" selected[chosen == Lang::Dutch] { "Nederlands" }
                option value="en" lang="en" selected[chosen == Lang::English] { "English" }
            }
            (hint("language", &t!(lang, "accounts-help-language")))
        }
    }
}

/// The municipalities a firm may sit in, grouped per country (Keyport's first), `chosen`
/// selected.
pub fn municipality_options(lang: Lang, chosen: &str) -> Markup {
    html! {
        @for group in [Country::NL, Country::BE, Country::DE] {
            optgroup label=(crate::views::matches::fit::country(lang, group)) {
                @for place in places::of_country(group) {
                    option value=(place.name) selected[chosen == place.name] { (place.name) }
                }
            }
        }
    }
}

/// `/register`.
pub fn register_page(lang: Lang, form: &FormState, csrf: &str) -> Markup {
    layout::page(
        &t!(lang, "accounts-register-title"),
        &Viewer::anonymous(lang),
        html! {
            h1 { (t!(lang, "accounts-register-heading")) }
            p { (t!(lang, "accounts-register-intro")) }
            form.stack method="post" action="/register" novalidate {
                input type="hidden" name="csrf" value=(csrf);
                (text_field(form, ("firm_name", &t!(lang, "accounts-firm-name"), &t!(lang, "accounts-help-firm-name")), "text", "organization"))
                (municipality_field(lang, form))
                (super::descriptors::country_field(lang, form.value("country"), form.errors.get("country")))
                (text_field(form, ("employees", &t!(lang, "accounts-employees"), &t!(lang, "accounts-help-employees")), "number", "off"))
                (text_field(form, ("email", &t!(lang, "accounts-email"), &t!(lang, "accounts-help-email")), "email", "email"))
                (text_field(form, ("password", &t!(lang, "accounts-new-password"), &t!(lang, "accounts-help-new-password")), "password", "new-password"))
                (text_field(form, ("password_confirm", &t!(lang, "accounts-password-confirm"), &t!(lang, "accounts-help-password-confirm")), "password", "new-password"))
                (language_field(lang, form.value("language")))
                button type="submit" { (t!(lang, "accounts-register-submit")) }
            }
            p { (t!(lang, "accounts-have-account")) " " a href="/login" { (t!(lang, "nav-login")) } }
        },
    )
}

/// The registration's municipality: the region's, then the border towns per country.
fn municipality_field(lang: Lang, form: &FormState) -> Markup {
    let invalid = form.errors.contains_key("municipality");
    html! {
        div.field {
            label for="municipality" { (t!(lang, "accounts-municipality")) }
            select id="municipality" name="municipality" required
                aria-invalid=[invalid.then_some("true")]
                aria-describedby=(described_by("municipality", invalid)) {
                (municipality_options(lang, form.value("municipality")))
            }
            (hint("municipality", &t!(lang, "accounts-help-municipality")))
            (form.error("municipality"))
        }
    }
}

/// `/login`, with the way to a new password when it is forgotten.
pub fn login_page(lang: Lang, form: &FormState, csrf: &str, message: Option<&str>) -> Markup {
    layout::page(
        &t!(lang, "nav-login"),
        &Viewer::anonymous(lang),
        html! {
            h1 { (t!(lang, "nav-login")) }
            @if let Some(message) = message { p.error role="alert" { (message) } }
            form.stack method="post" action="/login" novalidate {
                input type="hidden" name="csrf" value=(csrf);
                (text_field(form, ("email", &t!(lang, "accounts-email"), &t!(lang, "accounts-help-login-email")), "email", "username"))
                (text_field(form, ("password", &t!(lang, "accounts-password"), &t!(lang, "accounts-help-login-password")), "password", "current-password"))
                button type="submit" { (t!(lang, "nav-login")) }
            }
            p { a href="/password/forgot" { (t!(lang, "password-forgot-link")) } }
            p { (t!(lang, "accounts-no-account")) " " a href="/register" { (t!(lang, "accounts-register-heading")) } }
        },
    )
}
