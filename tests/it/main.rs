//! The one integration-test binary: domain rules, file formats, storage on SQLite or
//! PostgreSQL (`TEST_DATABASE_URL`), the command line and the web app.

mod accounts;
mod authorization;
mod bulk_reading;
mod cases;
mod cli;
mod common;
mod concurrent_writes;
mod coordinator;
mod data;
mod domain;
mod exchanges;
mod firm;
mod flows;
mod hardening;
mod help;
mod i18n;
mod impact;
mod import;
mod mail;
mod market;
mod matches;
mod matching;
mod names;
mod notifications;
mod partnerships;
mod plan;
mod read_models;
mod storage;
mod web;
