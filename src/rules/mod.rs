//! The rules engine: pure Rust, no web crates. Everything the UI, the printed application and the
//! command-line tool show is computed here, from the dated, sourced rules data in `rules/rules.json`.

pub mod lang;
pub mod money;

pub use lang::{Lang, Text};
pub use money::{format_yen, MoneyError, Yen};
