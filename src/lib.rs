//! Symbiose: an industrial-symbiosis marketplace. One firm's residual stream becomes another
//! firm's raw material; small firms pool to reach the size of a large one.
//!
//! Layers: [`domain`] (pure types), [`bulk`] (file formats), [`storage`] (the only module that
//! speaks sea-orm), [`web`] (axum) and [`views`] (maud), wired by [`cli`] and [`config`].
#![forbid(unsafe_code)]

pub mod accounts;
pub mod app;
pub mod bulk;
pub mod cli;
pub mod config;
pub mod demo;
pub mod domain;
pub mod i18n;
pub mod mail;
pub mod matching;
pub mod outcomes;
pub mod storage;
pub mod views;
pub mod web;
