//! The rules engine: pure Rust, no web crates. Everything the UI, the printed application and the
//! command-line tool show is computed here, from the dated, sourced rules data in `src/rules/rules.json`.

pub mod amount;
pub mod answer_dates;
pub mod applicant;
pub mod application;
pub mod calendar;
pub mod chart;
pub mod counting;
pub mod data;
pub mod eligibility;
pub mod estimate;
pub mod fees;
pub mod file_fields;
pub mod housing;
pub mod iso_date;
pub mod lang;
pub mod limits;
pub mod money;
pub mod next_steps;
pub mod outlook;
pub mod personas;
pub mod preview;
pub mod scenario;
pub mod sources;
pub mod span;
pub mod subsidy;
pub mod summary;
pub mod text_safety;
pub mod timing;
pub mod trace_groups;
pub mod wareki;
pub mod worked_examples;

pub use lang::{Lang, Text};
pub use money::{format_yen, MoneyError, Yen};
