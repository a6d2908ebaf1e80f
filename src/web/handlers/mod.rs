//! Handlers, one file per resource: extract, convert, call storage, render.

pub mod accounts;
pub mod assets;
pub mod cases;
pub mod coordinator;
pub mod dashboard;
pub mod data;
pub mod exchanges;
pub mod firm;
pub mod flows;
pub mod health;
pub mod help;
pub mod home;
pub mod impact;
pub mod map;
pub mod market;
pub mod matches;
pub mod partnerships;
pub mod password;
pub mod photos;
pub mod plan;
