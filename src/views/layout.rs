//! The one layout every page uses.

use maud::{DOCTYPE, Markup, html};

/// Who looks at the page, for the header's links.
pub enum Viewer {
    /// Not signed in.
    Anonymous,
    /// Signed in, with the session's CSRF token for the logout form.
    SignedIn { email: String, csrf: String },
}

/// Wraps a page body in the document, header and footer.
pub fn page(title: &str, viewer: &Viewer, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="nl" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · Symbiose" }
                link rel="stylesheet" href="/static/style.css";
            }
            body {
                header.site {
                    a.brand href="/" { "Symbiose" }
                    span.tagline { "Reststromen van de één, grondstof voor de ander — regio Keyport" }
                    nav.account aria-label="Account" {
                        @match viewer {
                            Viewer::Anonymous => {
                                a href="/login" { "Inloggen" }
                                a href="/register" { "Registreren" }
                            }
                            Viewer::SignedIn { email, csrf } => {
                                a href="/firm" { "Mijn bedrijf" }
                                a href="/offers" { "Mijn stromen" }
                                a href="/matches" { "Mijn matches" }
                                a href="/exchanges" { "Uitwisselingen" }
                                span.who { (email) }
                                form method="post" action="/logout" {
                                    input type="hidden" name="csrf" value=(csrf);
                                    button.link type="submit" { "Uitloggen" }
                                }
                            }
                        }
                    }
                }
                main { (body) }
                footer.site {
                    "Symbiose is open-source software. Afvalcodes: Europese afvalstoffenlijst (Eural)."
                }
            }
        }
    }
}
