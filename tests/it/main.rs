//! The one integration-test binary: domain rules, file formats, storage on SQLite or
//! PostgreSQL (`TEST_DATABASE_URL`), the command line and the web app.

mod accounts;
mod bulk_reading;
mod cli;
mod common;
mod domain;
mod exchanges;
mod flows;
mod i18n;
mod import;
mod matches;
mod matching;
mod storage;
mod web;
