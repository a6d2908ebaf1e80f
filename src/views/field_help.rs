//! The short help line under a form field (issue #10): one sentence on what to enter and who
//! sees it, tied to its input with `aria-describedby` so a screen reader reads it with the
//! label. After a refusal the field's message (`{name}-error`) describes it too.

use maud::{Markup, html};

/// The help line of field `name`, `id="{name}-help"`.
pub fn hint(name: &str, text: &str) -> Markup {
    html! { p.hint id={ (name) "-help" } { (text) } }
}

/// What describes field `name`: its help line, and its message when it was refused.
pub fn described_by(name: &str, refused: bool) -> String {
    if refused {
        format!("{name}-help {name}-error")
    } else {
        format!("{name}-help")
    }
}
