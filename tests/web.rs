//! Component tests in a real browser (wasm-bindgen-test, headless Chromium): single pages mounted
//! with their props and a recording callback, driven with real DOM events; and the whole app
//! over a memory store, including one that refuses everything (blocked site data).
#![cfg(target_arch = "wasm32")]

use isumi_check::flow::drafts::{ContractDraft, PaymentDraft, QuickDraft};
use isumi_check::flow::saved::LOCAL_KEY;
use isumi_check::flow::update::{Choice, Edit};
use isumi_check::flow::{Event, Route};
use isumi_check::rules::answer_dates::{answer_date_bounds, AnswerDate};
use isumi_check::rules::data::rules;
use isumi_check::rules::eligibility::{HousingAnswer, Residence};
use isumi_check::rules::personas::personas;
use isumi_check::rules::Lang;
use isumi_check::ui::app::{App, AppProps};
use isumi_check::ui::env::{Env, MemoryStore};
use isumi_check::ui::pages::contracts::{ContractsPage, ContractsProps};
use isumi_check::ui::pages::quick::{QuickPage, QuickProps};
use isumi_check::ui::pages::residence::{ResidencePage, ResidenceProps};
use isumi_check::ui::pages::result::{ResultPage, ResultProps};
use isumi_check::ui::pages::Ask;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

thread_local! {
    /// wasm-bindgen-test runs async tests interleaved in one page; components mounted side by side
    /// would share the document, so each test waits for the previous one's to go.
    static BUSY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// A component mounted for one test; dropped, it unmounts and leaves the page as it found it.
struct Mounted<C: BaseComponent> {
    root: web_sys::Element,
    handle: Option<yew::AppHandle<C>>,
}

impl<C: BaseComponent> Drop for Mounted<C> {
    fn drop(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
        self.root.remove();
        let _ = web_sys::window()
            .unwrap()
            .history()
            .unwrap()
            .replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&web_sys::window().unwrap().location().pathname().unwrap()),
            );
        BUSY.with(|b| b.set(false));
    }
}

impl<C: BaseComponent> std::ops::Deref for Mounted<C> {
    type Target = web_sys::Element;
    fn deref(&self) -> &web_sys::Element {
        &self.root
    }
}

/// Mounts `C` with `props` into a fresh div, once no other test's component is mounted.
async fn mount<C: BaseComponent>(props: C::Properties) -> Mounted<C> {
    while BUSY.with(|b| b.replace(true)) {
        tick().await;
    }
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
    Mounted {
        root,
        handle: Some(handle),
    }
}

/// One turn of the event loop (Yew renders on the next microtask / timeout).
async fn tick() {
    yew::platform::time::sleep(std::time::Duration::from_millis(10)).await;
}

/// Waits (up to ~10 s: the machine may be busy) until `cond` holds.
async fn until(what: &str, mut cond: impl FnMut() -> bool) {
    for _ in 0..1000 {
        if cond() {
            return;
        }
        tick().await;
    }
    panic!("timed out waiting for {what}");
}

fn find(root: &web_sys::Element, selector: &str) -> Option<web_sys::HtmlElement> {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
}

async fn wait_for(root: &web_sys::Element, selector: &str) -> web_sys::HtmlElement {
    until(selector, || find(root, selector).is_some()).await;
    find(root, selector).unwrap()
}

fn h1(root: &web_sys::Element) -> String {
    find(root, "h1")
        .and_then(|h| h.text_content())
        .unwrap_or_default()
}

/// A callback that records the events a page sends.
fn recorder() -> (Callback<Event>, Rc<RefCell<Vec<Event>>>) {
    let log = Rc::new(RefCell::new(Vec::new()));
    let l = log.clone();
    (Callback::from(move |e| l.borrow_mut().push(e)), log)
}

fn ask() -> Ask {
    Ask {
        lang: Lang::Ja,
        problems: Vec::new(),
        progress: Some((3, 8)),
        back: Route::Ask(isumi_check::flow::Page::Residence),
    }
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
        tick().await;
        assert_eq!(
            input.value(),
            *s,
            "the page rewrote the field during composition"
        );
    }
    let end = web_sys::CompositionEvent::new("compositionend").unwrap();
    input.dispatch_event(&end).unwrap();
}

fn type_plain(input: &web_sys::HtmlInputElement, text: &str) {
    input.set_value(text);
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    let e = web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&e).unwrap();
}

#[wasm_bindgen_test]
async fn quick_page_sends_nothing_mid_composition_and_shows_the_engines_live_figure() {
    let (on, log) = recorder();
    let draft = QuickDraft {
        monthly: "２万".into(),
        size: "1万2000".into(),
        ..QuickDraft::default()
    };
    let root = mount::<QuickPage>(QuickProps {
        ask: ask(),
        draft,
        fiscal_year: 2026,
        housing: HousingAnswer::Shared,
        counts_from: chrono::NaiveDate::from_ymd_opt(2018, 10, 1).unwrap(),
        on,
    })
    .await;
    // 20,000 a month in 12,000 contracts: 22% = 4,400 a month, 52,800 a year: the ¥30,000 cap.
    let live = wait_for(&root, "#live-estimate").await;
    until("the live figure", || {
        live.text_content()
            .unwrap_or_default()
            .contains("年 ¥30,000")
    })
    .await;
    assert_eq!(
        find(&root, ".progress").unwrap().text_content().unwrap(),
        "質問 3 / 8"
    );
    let monthly: web_sys::HtmlInputElement =
        find(&root, "#quick-monthly").unwrap().dyn_into().unwrap();
    type_with_ime(&monthly, &["ｊ", "じゅ", "じゅうまん", "１０万"]).await;
    until("the composed text", || !log.borrow().is_empty()).await;
    assert_eq!(
        *log.borrow(),
        vec![Event::Edit(Edit::QuickMonthly("１０万".into()))],
        "only the composed text is sent"
    );
}

#[wasm_bindgen_test]
async fn residence_page_sends_the_choice_and_reveals_the_date_it_asks_for() {
    let (on, log) = recorder();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
    let props = |answer| ResidenceProps {
        ask: ask(),
        answer,
        move_date: "".into(),
        moved_in: "2025-10-01".into(),
        move_bounds: answer_date_bounds(rules(), AnswerDate::PlannedMove, today),
        moved_in_bounds: answer_date_bounds(rules(), AnswerDate::MovedIn, today),
        on: on.clone(),
    };
    let root = mount::<ResidencePage>(props(None)).await;
    wait_for(&root, "#residence-planning_to_move").await.click();
    until("the choice", || !log.borrow().is_empty()).await;
    assert_eq!(
        log.borrow()[0],
        Event::Choose(Choice::Residence(Residence::PlanningToMove { when: None }))
    );
    assert!(
        find(&root, "#move-date").is_none(),
        "nothing revealed before the answer is in"
    );
    drop(root);
    let root = mount::<ResidencePage>(props(Some(Residence::LivesInIsumi))).await;
    let since: web_sys::HtmlInputElement =
        wait_for(&root, "#moved-in-date").await.dyn_into().unwrap();
    assert_eq!(since.value(), "2025-10-01");
    // A past date: the picker ends today, and the hint says so.
    assert_eq!(since.max(), "2026-12-06");
    assert_eq!(since.min(), "1900-01-01");
    assert!(root
        .text_content()
        .unwrap_or_default()
        .contains("今日 2026/12/06 まで"));
    assert!(find(&root, "#move-date").is_none());
    // The back link is a real link to the previous route.
    assert_eq!(
        find(&root, ".back-link")
            .unwrap()
            .get_attribute("href")
            .as_deref(),
        Some("#/residence")
    );
}

#[wasm_bindgen_test]
async fn typing_in_one_of_forty_payments_names_that_row_only() {
    let (on, log) = recorder();
    let contract = ContractDraft {
        payments: (1..=40)
            .map(|i| PaymentDraft {
                date: format!("2026-{:02}-{:02}", 4 + (i - 1) / 4, 1 + (i - 1) % 4 * 7),
                amount: "10000".into(),
            })
            .collect(),
        ..ContractDraft::default()
    };
    let root = mount::<ContractsPage>(ContractsProps {
        ask: ask(),
        contracts: vec![contract, ContractDraft::default()],
        bounds: None,
        fiscal_year: 2026,
        housing: HousingAnswer::Shared,
        counts_from: chrono::NaiveDate::from_ymd_opt(2018, 10, 1).unwrap(),
        on,
    })
    .await;
    let amount: web_sys::HtmlInputElement =
        wait_for(&root, "#c0-p37-amount").await.dyn_into().unwrap();
    type_plain(&amount, "12,000円");
    until("the edit", || !log.borrow().is_empty()).await;
    assert_eq!(
        *log.borrow(),
        vec![Event::Edit(Edit::PaymentAmount(0, 37, "12,000円".into()))]
    );
    assert_eq!(
        root.query_selector_all(".payment-row").unwrap().length(),
        41
    );
}

#[wasm_bindgen_test]
async fn result_page_shows_the_engines_verdict_and_figures_for_a_persona() {
    let (on, _) = recorder();
    // Designer B: individual housing, fixed-price contracts reaching the ¥50,000 cap.
    let file = personas()[1].scenario.clone();
    let root = mount::<ResultPage>(ResultProps {
        lang: Lang::Ja,
        file,
        file_error: None,
        seminar: true,
        today: isumi_check::rules::personas::SEMINAR_TODAY,
        on,
    })
    .await;
    wait_for(&root, ".verdict").await;
    assert!(
        h1(&root).contains("助成の対象になる見込みです"),
        "{}",
        h1(&root)
    );
    assert!(root.text_content().unwrap().contains("¥50,000"));
    assert!(
        find(&root, "#save-data").is_none(),
        "nothing to save in seminar mode"
    );
}

/// The app over a memory store.
async fn mount_app(store: Rc<MemoryStore>) -> Mounted<App> {
    let env = Env {
        local: store.clone(),
        session: Rc::new(MemoryStore::default()),
        today: || chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
    };
    mount::<App>(AppProps {
        templates: Default::default(),
        env,
    })
    .await
}

async fn continue_to_next(root: &web_sys::Element) {
    let before = h1(root);
    wait_for(root, "button[type=submit]").await.click();
    until("the next page", || h1(root) != before).await;
}

#[wasm_bindgen_test]
async fn the_app_keeps_answers_in_its_store_and_the_address_bar_follows() {
    let store = Rc::new(MemoryStore::default());
    let root = mount_app(store.clone()).await;
    wait_for(&root, ".button-start").await.click();
    wait_for(&root, "#residence-lives_in_isumi").await.click();
    continue_to_next(&root).await;
    assert!(h1(&root).contains("3年以上"), "{}", h1(&root));
    assert_eq!(
        web_sys::window().unwrap().location().hash().unwrap(),
        "#/stay-3-years"
    );
    until("the saved answers", || {
        store
            .values
            .borrow()
            .get(LOCAL_KEY)
            .is_some_and(|v| v.contains("lives_in_isumi"))
    })
    .await;
}

#[wasm_bindgen_test]
async fn blocked_storage_still_runs_the_app_and_says_so_once() {
    let store = Rc::new(MemoryStore {
        broken: true,
        ..MemoryStore::default()
    });
    let root = mount_app(store).await;
    let notice = wait_for(&root, "[role=status]").await;
    assert!(notice.text_content().unwrap().contains("保存できません"));
    wait_for(&root, ".button-start").await.click();
    wait_for(&root, "#residence-lives_in_isumi").await.click();
    continue_to_next(&root).await;
    assert!(h1(&root).contains("3年以上"));
    assert_eq!(
        root.query_selector_all("[role=status]").unwrap().length(),
        1,
        "one notice, not one per keystroke"
    );
}
