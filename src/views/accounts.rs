//! Registration, login and the firm's own page.

use maud::{Markup, html};

use super::format::{material_label_nl, quantity_nl};
use super::layout::{self, Viewer};
use crate::domain::keyport::MUNICIPALITIES;
use crate::storage::FirmWithFlows;

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

fn text_field(form: &FormState, name: &str, label: &str, kind: &str, autocomplete: &str) -> Markup {
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
                aria-describedby=[invalid.then(|| format!("{name}-error"))];
            (form.error(name))
        }
    }
}

/// `/register`.
pub fn register_page(form: &FormState, csrf: &str) -> Markup {
    layout::page(
        "Registreren",
        &Viewer::anonymous(crate::web::language::current()),
        html! {
            h1 { "Registreer uw bedrijf" }
            p { "In vijf minuten uw reststromen en grondstofvragen in beeld. Uw gegevens blijven anoniem tot beide partijen interesse tonen." }
            form.stack method="post" action="/register" novalidate {
                input type="hidden" name="csrf" value=(csrf);
                (text_field(form, "firm_name", "Naam van het bedrijf", "text", "organization"))
                div.field {
                    label for="municipality" { "Gemeente" }
                    select id="municipality" name="municipality" required {
                        @for (name, _, _) in MUNICIPALITIES {
                            option value=(name) selected[form.value("municipality") == name] { (name) }
                        }
                    }
                    (form.error("municipality"))
                }
                (text_field(form, "employees", "Aantal medewerkers", "number", "off"))
                (text_field(form, "email", "E-mailadres", "email", "email"))
                (text_field(form, "password", "Wachtwoord (minstens 10 tekens)", "password", "new-password"))
                (text_field(form, "password_confirm", "Herhaal het wachtwoord", "password", "new-password"))
                div.field {
                    label for="language" { "Taal" }
                    select id="language" name="language" {
                        option value="nl" selected[form.value("language") != "en"] { "Nederlands" }
                        option value="en" selected[form.value("language") == "en"] { "English" }
                    }
                }
                button type="submit" { "Registreren" }
            }
            p { "Al een account? " a href="/login" { "Inloggen" } }
        },
    )
}

/// `/login`.
pub fn login_page(form: &FormState, csrf: &str, message: Option<&str>) -> Markup {
    layout::page(
        "Inloggen",
        &Viewer::anonymous(crate::web::language::current()),
        html! {
            h1 { "Inloggen" }
            @if let Some(message) = message { p.error role="alert" { (message) } }
            form.stack method="post" action="/login" novalidate {
                input type="hidden" name="csrf" value=(csrf);
                (text_field(form, "email", "E-mailadres", "email", "username"))
                (text_field(form, "password", "Wachtwoord", "password", "current-password"))
                button type="submit" { "Inloggen" }
            }
            p { "Nog geen account? " a href="/register" { "Registreer uw bedrijf" } }
        },
    )
}

/// `/firm`: the signed-in firm's profile and flows.
pub fn firm_page(viewer: &Viewer, firm: Option<&FirmWithFlows>) -> Markup {
    layout::page(
        "Mijn bedrijf",
        viewer,
        html! {
            @match firm {
                None => {
                    h1 { "Mijn bedrijf" }
                    p { "Aan dit account is geen bedrijf gekoppeld (coördinator of beheerder)." }
                }
                Some(entry) => {
                    h1 { (entry.firm.name()) }
                    p.meta {
                        (entry.firm.municipality())
                        @if let Some(nace) = entry.firm.nace() { " · SBI/NACE " (nace.as_str()) }
                        " · " (entry.firm.employees()) " medewerkers"
                    }
                    p { a href="/offers" { "Reststromen en grondstofvragen beheren" } }
                    h2 { "Reststromen" }
                    @if entry.offers.is_empty() { p.none { "Nog geen reststromen." } }
                    ul { @for offer in &entry.offers {
                        li { span.code { (offer.material().code()) } " " (material_label_nl(&offer.material())) " — " (quantity_nl(offer.quantity())) }
                    } }
                    h2 { "Grondstofvragen" }
                    @if entry.needs.is_empty() { p.none { "Nog geen grondstofvragen." } }
                    ul { @for need in &entry.needs {
                        li { (need.description()) " — " (quantity_nl(need.quantity())) }
                    } }
                }
            }
        },
    )
}
