//! Handlers, one file per resource: extract, convert, call storage, render.

pub mod accounts;
pub mod assets;
pub mod coordinator;
pub mod dashboard;
pub mod exchanges;
pub mod firm;
pub mod flows;
pub mod health;
pub mod home;
pub mod map;
pub mod impact;
pub mod matches;
pub mod plan;
