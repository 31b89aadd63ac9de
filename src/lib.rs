//! Isumi CrowdWorks fee-subsidy self-check.
//!
//! `rules` is the pure rules engine (no web crates); `ui` is the Yew front end, compiled only for wasm32.

pub mod qr;
pub mod rules;

#[cfg(target_arch = "wasm32")]
pub mod ui;
