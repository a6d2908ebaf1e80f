//! Pages, rendered with maud: one function per screen, small components implementing
//! `Render`, one layout. Views never touch the database.

pub mod accounts;
pub mod cases;
pub mod coordinator;
pub mod dashboard;
pub mod data;
pub mod descriptors;
pub mod error;
pub mod exchanges;
pub mod field_help;
pub mod firm;
pub mod flows;
pub mod help;
/// Text formatting lives with the languages; views reach it under their own name.
pub use crate::i18n::format;
pub mod home;
pub mod impact;
pub mod layout;
pub mod map;
pub mod market;
pub mod matches;
pub mod material;
pub use crate::i18n::notices;
pub mod partnerships;
pub mod password;
pub mod photos;
pub mod plan;
pub mod region_map;
