//! Component tests in a real browser (wasm-bindgen-test, headless Chromium).
#![cfg(target_arch = "wasm32")]

use isumi_check::ui::app::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app into a fresh div and returns that div.
fn mount_app() -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps::default()).render();
    root
}

async fn settle() {
    yew::platform::time::sleep(std::time::Duration::from_millis(10)).await;
}

fn click(root: &web_sys::Element, selector: &str) {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element {selector}"))
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
}

#[wasm_bindgen_test]
async fn start_button_opens_the_first_question() {
    let root = mount_app();
    settle().await;
    assert!(root.text_content().unwrap().contains("はじめる"));
    click(&root, ".button-start");
    settle().await;
    let h1 = root.query_selector("h1").unwrap().expect("a heading");
    assert!(
        h1.text_content().unwrap().contains("いすみ市"),
        "got {:?}",
        h1.text_content()
    );
}
