//! Isumi CrowdWorks fee-subsidy self-check.
//!
//! `rules` is the pure rules engine and `flow` the pure flow core (routes, drafts, the model and its
//! `update`); neither uses web crates. `ui` is the thin Yew shell, compiled only for wasm32.

pub mod flow;
pub mod qr;
pub mod rules;

#[cfg(target_arch = "wasm32")]
pub mod ui;
