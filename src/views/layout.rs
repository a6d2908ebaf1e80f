//! The one layout every page uses.

use maud::{DOCTYPE, Markup, html};

/// Wraps a page body in the document, header and footer.
pub fn page(title: &str, body: Markup) -> Markup {
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
                }
                main { (body) }
                footer.site {
                    "Symbiose is open-source software. Afvalcodes: Europese afvalstoffenlijst (Eural)."
                }
            }
        }
    }
}
