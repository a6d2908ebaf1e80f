//! The forgotten-password pages: asking for a link, choosing a new password, and what a link
//! that cannot be used says.

use maud::{Markup, html};

use super::accounts::{FormState, text_field};
use super::layout::{self, Viewer};
use crate::app::accounts::{LinkProblem, RESET_HOURS};
use crate::i18n::Lang;
use crate::t;

/// `/password/forgot`: the address field, or (after asking) the answer that is the same
/// whether or not the address has an account.
pub fn forgot_page(lang: Lang, form: &FormState, csrf: &str, sent: bool) -> Markup {
    layout::page(
        &t!(lang, "password-forgot-title"),
        &Viewer::anonymous(lang),
        html! {
            h1 { (t!(lang, "password-forgot-title")) }
            @if sent {
                p.status role="status" { (t!(lang, "password-forgot-sent", hours = RESET_HOURS)) }
                p { a href="/login" { (t!(lang, "nav-login")) } }
            } @else {
                p { (t!(lang, "password-forgot-intro")) }
                form.stack method="post" action="/password/forgot" novalidate {
                    input type="hidden" name="csrf" value=(csrf);
                    (text_field(form, ("email", &t!(lang, "accounts-email"), &t!(lang, "password-help-email")), "email", "username"))
                    button type="submit" { (t!(lang, "password-forgot-submit")) }
                }
            }
        },
    )
}

/// `/password/reset?token=…`: the new password, typed twice; the token rides along hidden.
pub fn reset_page(lang: Lang, form: &FormState, csrf: &str, token: &str) -> Markup {
    layout::page(
        &t!(lang, "password-reset-title"),
        &Viewer::anonymous(lang),
        html! {
            h1 { (t!(lang, "password-reset-title")) }
            p { (t!(lang, "password-reset-intro")) }
            form.stack method="post" action="/password/reset" novalidate {
                input type="hidden" name="csrf" value=(csrf);
                input type="hidden" name="token" value=(token);
                (text_field(form, ("password", &t!(lang, "accounts-new-password"), &t!(lang, "accounts-help-new-password")), "password", "new-password"))
                (text_field(form, ("password_confirm", &t!(lang, "accounts-password-confirm"), &t!(lang, "accounts-help-password-confirm")), "password", "new-password"))
                button type="submit" { (t!(lang, "password-reset-submit")) }
            }
        },
    )
}

/// The new password is set and every session ended.
pub fn reset_done_page(lang: Lang) -> Markup {
    layout::page(
        &t!(lang, "password-reset-done-title"),
        &Viewer::anonymous(lang),
        html! {
            h1 { (t!(lang, "password-reset-done-title")) }
            p.status role="status" { (t!(lang, "password-reset-done")) }
            p { a href="/login" { (t!(lang, "nav-login")) } }
        },
    )
}

/// A link that is unknown, expired or used, with the way to a new one.
pub fn link_problem_page(lang: Lang, problem: LinkProblem) -> Markup {
    let message = match problem {
        LinkProblem::Unknown => t!(lang, "password-link-unknown"),
        LinkProblem::Expired => t!(lang, "password-link-expired"),
        LinkProblem::Used => t!(lang, "password-link-used"),
    };
    layout::page(
        &t!(lang, "password-reset-title"),
        &Viewer::anonymous(lang),
        html! {
            h1 { (t!(lang, "password-reset-title")) }
            p.error role="alert" { (message) }
            p { a href="/password/forgot" { (t!(lang, "password-link-again")) } }
        },
    )
}
