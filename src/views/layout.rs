//! The one layout every page uses.

use maud::{DOCTYPE, Markup, html};

use crate::domain::Role;
use crate::i18n::Lang;
use crate::t;

/// Who looks at the page: their language, and who they are when signed in.
pub struct Viewer {
    pub lang: Lang,
    pub user: Option<ViewerUser>,
}

/// A signed-in visitor, for the header's links.
pub struct ViewerUser {
    pub email: String,
    pub role: Role,
    /// The session's CSRF token, for the logout form.
    pub csrf: String,
}

impl Viewer {
    /// A visitor who is not signed in.
    pub fn anonymous(lang: Lang) -> Viewer {
        Viewer { lang, user: None }
    }
}

/// Wraps a page body in the document, header and footer.
pub fn page(title: &str, viewer: &Viewer, body: Markup) -> Markup {
    let lang = viewer.lang;
    let other = match lang {
        Lang::Dutch => Lang::English,
        Lang::English => Lang::Dutch,
    };
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · Symbiose" }
                link rel="stylesheet" href="/static/style.css";
            }
            body {
                header.site {
                    a.brand href="/" { "Symbiose" }
                    span.tagline { (t!(lang, "site-tagline")) }
                    nav.account aria-label=(t!(lang, "nav-account")) {
                        @match &viewer.user {
                            None => {
                                a href="/login" { (t!(lang, "nav-login")) }
                                a href="/register" { (t!(lang, "nav-register")) }
                            }
                            Some(user) => {
                                @if matches!(user.role, Role::Coordinator | Role::Administrator) {
                                    // The region's staff have no firm: their work is the region.
                                    a href="/coordinator" { (t!(lang, "nav-coordinator")) }
                                    a href="/plan" { (t!(lang, "nav-plan")) }
                                    a href="/map" { (t!(lang, "nav-map")) }
                                    a href="/partnerships" { (t!(lang, "nav-partnerships")) }
                                    a href="/impact" { (t!(lang, "nav-impact")) }
                                    a href="/cases" { (t!(lang, "nav-cases")) }
                                    a href="/data" { (t!(lang, "nav-data")) }
                                } @else {
                                    a href="/dashboard" { (t!(lang, "nav-dashboard")) }
                                    a href="/firm" { (t!(lang, "nav-firm")) }
                                    a href="/offers" { (t!(lang, "nav-flows")) }
                                    a href="/matches" { (t!(lang, "nav-matches")) }
                                }
                                a href="/exchanges" { (t!(lang, "nav-exchanges")) }
                                span.who { (user.email) }
                                form method="post" action="/logout" {
                                    input type="hidden" name="csrf" value=(user.csrf);
                                    button.link type="submit" { (t!(lang, "nav-logout")) }
                                }
                            }
                        }
                        a.language href={ "/language/" (other.code()) } lang=(other.code())
                            hreflang=(other.code()) { (t!(lang, "language-switch-to")) }
                    }
                }
                main { (body) }
                footer.site {
                    nav.help {
                        a href="/help" { (t!(lang, "help-footer-how")) }
                        a href="/privacy" { (t!(lang, "help-footer-privacy")) }
                    }
                    (t!(lang, "site-footer"))
                    @if let Some(user) = &viewer.user {
                        form.everywhere method="post" action="/logout/everywhere" {
                            input type="hidden" name="csrf" value=(user.csrf);
                            button.link type="submit" { (t!(lang, "nav-logout-everywhere")) }
                        }
                    }
                }
            }
        }
    }
}
