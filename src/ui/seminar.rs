//! Seminar mode, for hinode staff on a projector: the sample personas at one key press, a
//! side-by-side comparison, large type, and nothing saved (`State::ephemeral`).
//!
//! The URL fragment is the one source of truth for where the seminar is: `#seminar` (its start),
//! `#seminar/N` (persona N, 1-based), `#seminar/compare/K` (comparison K). Links, shortcut keys and
//! the back button all change the fragment; one `hashchange` listener turns it into a state. Other
//! fragments (the skip link's `#main`) are left alone.

use super::state::{Action, State};
use crate::rules::personas::{comparisons, personas};
use crate::rules::Lang;
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

pub use super::compare::{ComparePage, ComparePageProps};

/// Where the seminar is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeminarView {
    /// The seminar's start page.
    Home,
    /// A persona's result (0-based index).
    Persona(usize),
    /// A comparison (0-based index).
    Compare(usize),
}

impl SeminarView {
    /// Reads a URL fragment (with or without `#`); `None` when it is not a seminar fragment or
    /// names a persona or comparison that does not exist.
    pub fn parse(hash: &str) -> Option<SeminarView> {
        let rest = hash
            .strip_prefix('#')
            .unwrap_or(hash)
            .strip_prefix("seminar")?;
        let rest = rest.trim_end_matches('/');
        if rest.is_empty() {
            return Some(SeminarView::Home);
        }
        let rest = rest.strip_prefix('/')?;
        let index = |s: &str, len: usize| {
            s.parse::<usize>()
                .ok()
                .filter(|n| (1..=len).contains(n))
                .map(|n| n - 1)
        };
        match rest.strip_prefix("compare") {
            Some("") => Some(SeminarView::Compare(0)),
            Some(k) => index(k.strip_prefix('/')?, comparisons().len()).map(SeminarView::Compare),
            None => index(rest, personas().len()).map(SeminarView::Persona),
        }
    }

    /// The fragment for this view, with `#`.
    pub fn hash(self) -> String {
        match self {
            SeminarView::Home => "#seminar".into(),
            SeminarView::Persona(i) => format!("#seminar/{}", i + 1),
            SeminarView::Compare(k) => format!("#seminar/compare/{}", k + 1),
        }
    }

    /// The state that shows this view: never saved, in the given language.
    pub fn state(self, lang: Lang) -> State {
        let mut s = match self {
            SeminarView::Persona(i) => personas()
                .get(i)
                .map(|p| State::from_scenario(&p.scenario))
                .unwrap_or_default(),
            SeminarView::Compare(_) => State {
                step: super::state::Step::Compare,
                ..State::default()
            },
            SeminarView::Home => State::fresh(super::app::today()),
        };
        s.ephemeral = true;
        s.lang = lang;
        s
    }

    /// The view a shortcut key leads to from this one, if the key is a shortcut.
    pub fn after_key(self, key: &str) -> Option<SeminarView> {
        let n = personas().len();
        let current = match self {
            SeminarView::Persona(i) => Some(i),
            _ => None,
        };
        Some(match key {
            "ArrowRight" | "n" | "N" => SeminarView::Persona(current.map_or(0, |i| (i + 1) % n)),
            "ArrowLeft" | "p" | "P" => {
                SeminarView::Persona(current.map_or(n - 1, |i| (i + n - 1) % n))
            }
            "c" | "C" => match self {
                SeminarView::Compare(k) => SeminarView::Compare((k + 1) % comparisons().len()),
                _ => SeminarView::Compare(0),
            },
            "Escape" | "r" | "R" => SeminarView::Home,
            digit => {
                let d = digit
                    .parse::<usize>()
                    .ok()
                    .filter(|d| (1..=n).contains(d))?;
                SeminarView::Persona(d - 1)
            }
        })
    }
}

/// The seminar view named by the page's current fragment.
pub fn view_from_location() -> Option<SeminarView> {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    SeminarView::parse(&hash)
}

/// Goes to a view: sets the fragment (the `hashchange` listener then shows it), or, when the
/// fragment is already that one (no event would fire), shows it at once.
fn go(
    view: SeminarView,
    lang: Lang,
    dispatch: &Callback<Action>,
    current: &UseStateHandle<Option<SeminarView>>,
) {
    let location = gloo::utils::window().location();
    if location.hash().unwrap_or_default() == view.hash() {
        current.set(Some(view));
        dispatch.emit(Action::Replace(Box::new(view.state(lang))));
    } else {
        let _ = location.set_hash(&view.hash());
    }
}

/// Whether a key press belongs to a form field (typing, choosing a radio) rather than to us.
fn typing(e: &KeyboardEvent) -> bool {
    if e.ctrl_key() || e.meta_key() || e.alt_key() || e.is_composing() || e.default_prevented() {
        return true;
    }
    let Some(el) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.is_content_editable()
}

/// Seminar mode's wiring: follows the fragment (on load and on `hashchange`), listens for the
/// shortcut keys while in seminar mode, and puts the `seminar` class on `<html>` and `<body>`.
/// Returns the current view (`None` outside seminar mode).
#[hook]
pub fn use_seminar(ephemeral: bool, lang: Lang, dispatch: Callback<Action>) -> Option<SeminarView> {
    let view = use_state(view_from_location);
    // What the listeners need to read at event time, refreshed on every render.
    let live = use_mut_ref(|| (ephemeral, lang));
    *live.borrow_mut() = (ephemeral, lang);
    {
        let (view, live, dispatch) = (view.clone(), live.clone(), dispatch.clone());
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let on_hash = {
                let (view, live, dispatch) = (view.clone(), live.clone(), dispatch.clone());
                EventListener::new(&window, "hashchange", move |_| {
                    if let Some(v) = view_from_location() {
                        view.set(Some(v));
                        dispatch.emit(Action::Replace(Box::new(v.state(live.borrow().1))));
                    }
                })
            };
            let options = EventListenerOptions::enable_prevent_default();
            let on_key = EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                options,
                move |e| {
                    let (ephemeral, lang) = *live.borrow();
                    let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    if !ephemeral || typing(e) {
                        return;
                    }
                    let from = (*view).unwrap_or(SeminarView::Home);
                    if let Some(next) = from.after_key(&e.key()) {
                        e.prevent_default();
                        go(next, lang, &dispatch, &view);
                    }
                },
            );
            move || drop((on_hash, on_key))
        });
    }
    use_effect_with(ephemeral, |on| {
        let doc = gloo::utils::document();
        for el in [doc.document_element(), doc.body().map(Into::into)]
            .into_iter()
            .flatten()
        {
            let _ = if *on {
                el.class_list().add_1("seminar")
            } else {
                el.class_list().remove_1("seminar")
            };
        }
    });
    if ephemeral {
        *view
    } else {
        None
    }
}

/// Leaves seminar mode: drops the fragment (without a `hashchange`) and shows what this device
/// had saved before, untouched by the seminar.
pub fn exit_state() -> State {
    let window = gloo::utils::window();
    let location = window.location();
    let url = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
    super::app::initial_state()
}

/// Props of [`SeminarBar`].
#[derive(Properties, PartialEq)]
pub struct SeminarBarProps {
    /// Where the seminar is.
    pub view: Option<SeminarView>,
    /// Language.
    pub lang: Lang,
    /// The dispatcher.
    pub dispatch: Callback<Action>,
}

/// The bar above every screen in seminar mode: persona links, compare, the keys, and the way out.
#[function_component(SeminarBar)]
pub fn seminar_bar(p: &SeminarBarProps) -> Html {
    let lang = p.lang;
    let list = personas();
    let exit = p
        .dispatch
        .reform(|_: MouseEvent| Action::Replace(Box::new(exit_state())));
    let current = |v: SeminarView| (p.view == Some(v)).then_some("page");
    let showing = match p.view {
        Some(SeminarView::Persona(i)) => list.get(i).map(|q| {
            html! { <><strong>{ format!("{} / {} {}", i + 1, list.len(), q.name.get(lang)) }</strong>{ " — " }{ q.summary.get(lang).to_string() }</> }
        }),
        _ => None,
    };
    let kbd = |k: &str| html! { <kbd>{ k.to_string() }</kbd> };
    html! {
        <section class="seminar-bar no-print" aria-labelledby="seminar-bar-title">
            <div class="seminar-bar-head">
                <p id="seminar-bar-title" class="seminar-bar-title">
                    <strong>{ lang.pick("セミナーモード", "Seminar mode") }</strong>
                    <span class="small">{ lang.pick("(この画面の内容はどこにも保存されません)", " (nothing here is saved anywhere)") }</span>
                </p>
                <button type="button" class="link-button" id="seminar-exit" onclick={exit}>{ lang.pick("セミナーモードを終了", "Leave seminar mode") }</button>
            </div>
            <nav aria-label={lang.pick("サンプルの人物", "Sample personas")}>
                <ul class="seminar-links">
                    { for list.iter().enumerate().map(|(i, q)| {
                        let v = SeminarView::Persona(i);
                        html! { <li><a href={v.hash()} aria-current={current(v)}><kbd>{ i + 1 }</kbd>{ " " }{ q.name.get(lang).to_string() }</a></li> }
                    }) }
                    <li><a href={SeminarView::Compare(0).hash()} aria-current={matches!(p.view, Some(SeminarView::Compare(_))).then_some("page")}><kbd>{ "C" }</kbd>{ " " }{ lang.pick("比べる", "Compare") }</a></li>
                </ul>
            </nav>
            <p class="seminar-showing" role="status">{ showing.unwrap_or_default() }</p>
            <p class="seminar-keys small">
                { lang.pick("キー操作: ", "Keys: ") }
                { kbd("←") }{ " " }{ kbd("→") }{ lang.pick(" 前・次の人 / ", " previous, next persona / ") }
                { kbd("1") }{ "–" }{ kbd(&list.len().to_string()) }{ lang.pick(" 人を選ぶ / ", " pick a persona / ") }
                { kbd("C") }{ lang.pick(" 比べる / ", " compare / ") }
                { kbd("R") }{ lang.pick(" または ", " or ") }{ kbd("Esc") }{ lang.pick(" 最初に戻る", " back to the start") }
            </p>
        </section>
    }
}
