//! Handlers, one file per resource: extract, convert, call storage, render.

pub mod accounts;
pub mod assets;
pub mod exchanges;
pub mod flows;
pub mod health;
pub mod home;
pub mod matches;
