//! Component tests in a real browser (wasm-bindgen-test, headless Chromium): components mounted
//! into the page, driven with real DOM events, their output asserted.
#![cfg(target_arch = "wasm32")]

use isumi_check::ui::app::{App, AppProps};
use isumi_check::ui::state::{Action, State, Step};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// An app mounted for one test; dropped, it unmounts and leaves the page as it found it (the
/// tests share one document, and an app left behind would still react to events).
struct Mounted {
    root: web_sys::Element,
    handle: Option<yew::AppHandle<App>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
        self.root.remove();
        <gloo::storage::LocalStorage as gloo::storage::Storage>::clear();
        BUSY.with(|b| b.set(false));
    }
}

thread_local! {
    /// wasm-bindgen-test runs async tests interleaved in one page; apps mounted side by side share
    /// the document (and yew's event handling), so each test waits for the previous app to go.
    static BUSY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

impl std::ops::Deref for Mounted {
    type Target = web_sys::Element;
    fn deref(&self) -> &web_sys::Element {
        &self.root
    }
}

/// Mounts the app into a fresh div, with nothing saved, once no other test's app is mounted.
async fn mount_app() -> Mounted {
    while BUSY.with(|b| b.replace(true)) {
        settle().await;
    }
    <gloo::storage::LocalStorage as gloo::storage::Storage>::clear();
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let handle =
        yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps::default()).render();
    Mounted {
        root,
        handle: Some(handle),
    }
}

async fn settle() {
    yew::platform::time::sleep(std::time::Duration::from_millis(25)).await;
}

fn find(root: &web_sys::Element, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element {selector} in {}", root.inner_html()))
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
}

fn h1(root: &web_sys::Element) -> String {
    find(root, "h1").text_content().unwrap_or_default()
}

/// Waits (up to ~10 s: the machine may be busy) until `selector` matches inside `root`.
async fn wait_for(root: &web_sys::Element, selector: &str) -> web_sys::HtmlElement {
    for _ in 0..400 {
        if let Ok(Some(e)) = root.query_selector(selector) {
            return e.dyn_into().unwrap();
        }
        settle().await;
    }
    find(root, selector)
}

/// Waits until the page's heading is no longer `before`.
async fn wait_for_new_page(root: &web_sys::Element, before: &str) {
    for _ in 0..400 {
        if h1(root) != before {
            return;
        }
        settle().await;
    }
    panic!("still on {before:?}");
}

async fn click(root: &web_sys::Element, selector: &str) {
    wait_for(root, selector).await.click();
    settle().await;
}

/// Clicks a button that leads to another page, and waits for it.
async fn click_through(root: &web_sys::Element, selector: &str) {
    let before = h1(root);
    click(root, selector).await;
    wait_for_new_page(root, &before).await;
}

async fn choose(root: &web_sys::Element, radio: &str) {
    click(root, &format!("#{radio}")).await;
    click_through(root, "button[type=submit]").await;
}

/// Types into an input the way a Japanese IME does: composition events with `isComposing` input
/// events, then `compositionend` with the final text.
async fn type_with_ime(input: &web_sys::HtmlInputElement, steps: &[&str]) {
    let start = web_sys::CompositionEvent::new("compositionstart").unwrap();
    input.dispatch_event(&start).unwrap();
    for s in steps {
        input.set_value(s);
        let init = web_sys::InputEventInit::new();
        init.set_is_composing(true);
        init.set_bubbles(true);
        let e = web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap();
        input.dispatch_event(&e).unwrap();
        settle().await;
        // Mid-composition the app must leave the field alone.
        assert_eq!(
            input.value(),
            *s,
            "the app rewrote the field during composition"
        );
    }
    let end = web_sys::CompositionEvent::new("compositionend").unwrap();
    input.dispatch_event(&end).unwrap();
    settle().await;
}

#[wasm_bindgen_test]
async fn start_button_opens_the_first_question() {
    let root = mount_app().await;
    settle().await;
    assert!(root.text_content().unwrap().contains("はじめる"));
    click_through(&root, ".button-start").await;
    assert!(
        h1(&root).contains("いすみ市に住んでいますか"),
        "got {}",
        h1(&root)
    );
    assert!(find(&root, ".progress")
        .text_content()
        .unwrap()
        .starts_with("質問 1 /"));
}

#[wasm_bindgen_test]
async fn clicking_through_gives_a_verdict_computed_by_the_engine() {
    let root = mount_app().await;
    settle().await;
    click_through(&root, ".button-start").await;
    choose(&root, "residence-lives_in_isumi").await;
    choose(&root, "stay_3_years-yes").await;
    choose(&root, "crowdworks-no").await;
    choose(&root, "hinode-yes").await;
    choose(&root, "housing-individual").await;
    click_through(&root, "button[type=submit]").await; // fiscal year
    choose(&root, "earn_mode-skip").await;
    assert!(h1(&root).contains("回答の確認"));
    click_through(&root, ".button-row button[type=submit]").await;
    // No CrowdWorks account yet: eligible once registered (an action, not a refusal).
    assert!(
        h1(&root).contains("次の手続きをすれば"),
        "got {}",
        h1(&root)
    );
    let not_yet = root
        .query_selector_all(".criterion[data-status=not_yet]")
        .unwrap()
        .length();
    assert_eq!(not_yet, 1);
}

#[wasm_bindgen_test]
async fn ime_composition_is_not_broken_and_full_width_digits_count() {
    let root = mount_app().await;
    settle().await;
    click_through(&root, ".button-start").await;
    for radio in [
        "residence-lives_in_isumi",
        "stay_3_years-yes",
        "crowdworks-yes",
        "hinode-yes",
        "housing-shared",
    ] {
        choose(&root, radio).await;
    }
    click_through(&root, "button[type=submit]").await;
    choose(&root, "earn_mode-quick").await;
    let monthly: web_sys::HtmlInputElement = find(&root, "#quick-monthly").dyn_into().unwrap();
    type_with_ime(&monthly, &["ｊ", "じゅ", "じゅうまん", "１０万"]).await;
    assert_eq!(monthly.value(), "１０万");
    let size: web_sys::HtmlInputElement = find(&root, "#quick-size").dyn_into().unwrap();
    type_with_ime(&size, &["１", "１万"]).await;
    click_through(&root, "button[type=submit]").await;
    assert!(
        h1(&root).contains("回答の確認"),
        "the composed amounts were accepted: {}",
        h1(&root)
    );
    assert!(
        root.text_content().unwrap().contains("１０万"),
        "the typed text is kept as typed"
    );
}

#[wasm_bindgen_test]
fn reducer_keeps_typed_text_and_returns_to_check_after_a_change() {
    let mut s = State::default().apply(Action::Start);
    s.step = Step::Quick;
    s.earn_mode = Some(isumi_check::ui::state::EarnMode::Quick);
    let mut drafts = s.drafts.clone();
    drafts.quick.monthly = "abc".into();
    s = s.apply(Action::EditDrafts(drafts)).apply(Action::Continue);
    assert_eq!(
        s.step,
        Step::Quick,
        "an invalid amount keeps the person on the page"
    );
    assert_eq!(s.drafts.quick.monthly, "abc");
    assert!(s.problems.iter().any(|p| p.field == "quick-monthly"));
    s.step = Step::Check;
    s = s
        .apply(Action::Change(Step::Housing))
        .apply(Action::SetHousing(
            isumi_check::rules::eligibility::HousingAnswer::Shared,
        ));
    s = s.apply(Action::Continue);
    assert_eq!(s.step, Step::Check);
}
