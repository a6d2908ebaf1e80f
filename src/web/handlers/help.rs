//! `/help` and `/privacy`: how Symbiose works and what others see, for everyone.

use maud::Markup;

use super::home::viewer_of;
use crate::i18n::Lang;
use crate::views;
use crate::web::auth::MaybeSignedIn;

/// `/help`.
pub async fn how_it_works(MaybeSignedIn(user): MaybeSignedIn, lang: Lang) -> Markup {
    views::help::how_it_works(&viewer_of(&user, lang))
}

/// `/privacy`.
pub async fn privacy(MaybeSignedIn(user): MaybeSignedIn, lang: Lang) -> Markup {
    views::help::privacy(&viewer_of(&user, lang))
}
