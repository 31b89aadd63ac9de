//! The thin Yew shell (wasm32 only). It renders the flow core's model and turns browser events
//! into the core's events; every figure and verdict comes from [`crate::rules`], every move and
//! every form's reading from [`crate::flow`].

pub mod app;
pub mod components;
pub mod env;
pub mod history;
pub mod later;
pub mod pages;
pub mod router;

use wasm_bindgen::JsCast;

/// Mounts the app on `#app`, adopting the start screen that `index.html` already shows.
pub fn mount() {
    let document = gloo::utils::document();
    let templates = pages::start::StartTemplates::capture(&document);
    let root = document
        .get_element_by_id("app")
        .and_then(|e| e.dyn_into::<web_sys::Element>().ok())
        .unwrap_or_else(|| gloo::utils::body().into());
    yew::Renderer::<app::App>::with_root_and_props(
        root,
        app::AppProps {
            templates,
            env: env::Env::browser(),
        },
    )
    .render();
}
