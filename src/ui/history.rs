//! The address bar: reading the fragment, and showing a route there (a new history entry or in
//! place). `pushState` fires no event, so the model, which already moved, hears nothing twice.

use crate::flow::Route;
use wasm_bindgen::JsValue;

/// The current fragment, with its `#` (empty when there is none).
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The URL for a route: its fragment, or for the start page the page's own address without one.
fn url_of(route: Route) -> String {
    if route == Route::Start {
        let location = gloo::utils::window().location();
        format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        )
    } else {
        route.href()
    }
}

/// Shows `route` in the address bar, unless it already shows it.
pub fn show(route: Route, replace: bool) {
    if Route::parse(&fragment()) == Some(route) {
        return;
    }
    let Ok(history) = gloo::utils::window().history() else {
        return;
    };
    let url = url_of(route);
    let _ = if replace {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    };
    remember(fragment());
}

thread_local! {
    /// The fragment the app last saw or wrote: a `popstate` and a `hashchange` for the same
    /// move are one change, and a `pushState` of ours is no change at all.
    static LAST: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The fragment, when it differs from the one last seen or written.
pub fn changed() -> Option<String> {
    let now = fragment();
    LAST.with(|l| {
        let mut l = l.borrow_mut();
        if l.as_deref() == Some(now.as_str()) {
            None
        } else {
            *l = Some(now.clone());
            Some(now)
        }
    })
}

fn remember(f: String) {
    LAST.with(|l| *l.borrow_mut() = Some(f));
}
