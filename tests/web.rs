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

mod seminar {
    use isumi_check::rules::personas::{comparisons, personas};
    use isumi_check::ui::seminar::SeminarView;
    use isumi_check::ui::state::{State, Step};
    use wasm_bindgen_test::*;

    #[wasm_bindgen_test]
    fn every_persona_fills_the_flow_and_reads_back_unchanged() {
        for (i, p) in personas().iter().enumerate() {
            // Seminar mode shows it in the current language and never saves it.
            let s = SeminarView::Persona(i).state(isumi_check::rules::Lang::En);
            assert!(s.ephemeral && s.lang == isumi_check::rules::Lang::En);
            assert_eq!(s.answers, p.scenario.answers);
            let s = State::from_scenario(&p.scenario);
            assert_eq!(s.step, Step::Result, "{}", p.name.en);
            // What the result page computes from (the drafts as typed) is the persona's file.
            assert_eq!(s.scenario(), p.scenario, "{}", p.name.en);
            assert!(s.route().iter().all(|step| s.is_answered(*step)));
        }
    }

    #[wasm_bindgen_test]
    fn fragments_and_keys() {
        use SeminarView::*;
        assert_eq!(SeminarView::parse("#seminar"), Some(Home));
        assert_eq!(SeminarView::parse("#seminar/"), Some(Home));
        assert_eq!(SeminarView::parse("#seminar/3"), Some(Persona(2)));
        assert_eq!(SeminarView::parse("#seminar/compare"), Some(Compare(0)));
        assert_eq!(SeminarView::parse("#seminar/compare/2"), Some(Compare(1)));
        for bad in [
            "",
            "#main",
            "#seminar/0",
            "#seminar/7",
            "#seminar/x",
            "#seminarx",
            "#seminar/compare/9",
        ] {
            assert_eq!(SeminarView::parse(bad), None, "{bad}");
        }
        for v in [Home, Persona(5), Compare(1)] {
            assert_eq!(SeminarView::parse(&v.hash()), Some(v));
        }
        let n = personas().len();
        assert_eq!(Home.after_key("ArrowRight"), Some(Persona(0)));
        assert_eq!(Persona(n - 1).after_key("n"), Some(Persona(0)));
        assert_eq!(Persona(0).after_key("ArrowLeft"), Some(Persona(n - 1)));
        assert_eq!(Compare(0).after_key("4"), Some(Persona(3)));
        assert_eq!(Persona(2).after_key("c"), Some(Compare(0)));
        assert_eq!(
            Compare(comparisons().len() - 1).after_key("C"),
            Some(Compare(0))
        );
        assert_eq!(Persona(2).after_key("Escape"), Some(Home));
        assert_eq!(Persona(2).after_key("r"), Some(Home));
        for other in ["7", "0", "a", "Enter", " "] {
            assert_eq!(Persona(0).after_key(other), None, "{other}");
        }
    }
}
