//! Pages, rendered with maud: one function per screen, small components implementing
//! `Render`, one layout. Views never touch the database.

pub mod accounts;
pub mod coordinator;
pub mod dashboard;
pub mod error;
pub mod exchanges;
pub mod firm;
pub mod flows;
pub mod format;
pub mod home;
pub mod impact;
pub mod layout;
pub mod map;
pub mod matches;
pub mod notices;
pub mod region_map;
pub mod plan;
