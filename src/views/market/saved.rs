//! A firm's saved searches under the market, and the form that saves the current one.

use maud::{Markup, html};

use super::MarketView;
use crate::i18n::Lang;
use crate::storage::saved_searches::SavedSearch;
use crate::t;

/// "Save this search" (when the search reads) and the list of saved searches.
pub fn saved_searches(lang: Lang, view: &MarketView<'_>, searches: &[SavedSearch]) -> Markup {
    let csrf = view
        .viewer
        .user
        .as_ref()
        .map(|u| u.csrf.clone())
        .unwrap_or_default();
    let q = view.query;
    let hidden = [
        ("woorden", &q.woorden),
        ("soort", &q.soort),
        ("hoofdstuk", &q.hoofdstuk),
        ("gemeente", &q.gemeente),
        ("afstand", &q.afstand),
        ("min", &q.min),
        ("max", &q.max),
    ];
    html! {
        section.saved-searches {
            h2 { (t!(lang, "market-saved-heading")) }
            @if view.found.is_some() {
                form.save-search method="post" action="/market/saved" {
                    input type="hidden" name="csrf" value=(csrf);
                    @for (name, value) in hidden {
                        @if let Some(value) = value { input type="hidden" name=(name) value=(value); }
                    }
                    label for="saved-name" { (t!(lang, "market-save-name")) }
                    input #saved-name type="text" name="name" maxlength="100" required
                        value=(q.woorden.clone().unwrap_or_default());
                    button type="submit" { (t!(lang, "market-save")) }
                    @if let Some(message) = &view.save_refusal { span.error role="alert" { (message) } }
                    p.hint { (t!(lang, "market-save-hint")) }
                }
            }
            @if searches.is_empty() {
                p.empty { (t!(lang, "market-saved-none")) }
            } @else {
                ul.saved {
                    @for search in searches {
                        li {
                            a href={ "/market?" (search.query) } { (search.name) }
                            " "
                            form.inline method="post" action={ "/market/saved/" (search.id) "/delete" } {
                                input type="hidden" name="csrf" value=(csrf);
                                button.link type="submit" { (t!(lang, "market-saved-delete")) }
                            }
                        }
                    }
                }
            }
        }
    }
}
