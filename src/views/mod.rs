//! Pages, rendered with maud: one function per screen, small components implementing
//! `Render`, one layout. Views never touch the database.

pub mod accounts;
pub mod error;
pub mod exchanges;
pub mod flows;
pub mod format;
pub mod home;
pub mod layout;
pub mod map;
pub mod matches;
