//! The Yew front end (wasm32 only). It computes nothing itself: every figure and verdict comes
//! from [`crate::rules`]. State lives in one reducer ([`state`]); each screen is a component.

pub mod actual;
pub mod app;
pub mod applicant_form;
pub mod chart;
pub mod check;
pub mod choice;
pub mod data_file;
pub mod detailed;
pub mod document;
pub mod fields;
pub mod questions;
pub mod quick;
pub mod result;
pub mod seminar;
pub mod start;
pub mod state;
pub mod storage;

use wasm_bindgen::JsCast;

/// Mounts the app on `#app`, adopting the start screen that `index.html` already shows.
pub fn mount() {
    let document = gloo::utils::document();
    let templates = start::StartTemplates::capture(&document);
    let root = document
        .get_element_by_id("app")
        .and_then(|e| e.dyn_into::<web_sys::Element>().ok())
        .unwrap_or_else(|| gloo::utils::body().into());
    yew::Renderer::<app::App>::with_root_and_props(root, app::AppProps { templates }).render();
}
