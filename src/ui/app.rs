//! The root component: the thin shell around the flow core. It holds the model, feeds it events
//! (clicks, typing, the address bar's changes, seminar keys), carries out its effects (the
//! address bar, storage), moves focus to each new screen's heading, and renders the router.

use super::components::notice::NoticeBox;
use super::components::seminar_bar::SeminarBar;
use super::env::Env;
use super::history;
use super::later;
use super::pages::start::{show_static_start, StartTemplates};
use super::router::{is_later, screen, shows_start};
use crate::flow::model::NoticePlace;
use crate::flow::saved::{
    restore, unavailable_text, Keeper, Trouble, LEGACY_KEYS, LOCAL_KEY, SESSION_KEY,
};
use crate::flow::seminar::SeminarView;
use crate::flow::{update, Effect, Event, Model, Route};
use crate::rules::Lang;
use chrono::NaiveDate;
use gloo::events::{EventListener, EventListenerOptions};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The start page content adopted from `index.html`.
    #[prop_or_default]
    pub templates: StartTemplates,
    /// Storage and clock (the browser's by default; memory in tests).
    #[prop_or_default]
    pub env: Env,
}

/// The model and the effects of the last event.
/// Where the later screens' part is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LaterPart {
    Loading,
    Ready,
    Failed,
}

#[derive(Clone, PartialEq)]
struct Shell {
    model: Model,
    effects: Vec<Effect>,
    /// Counts events, so the effects of each run once.
    seq: u64,
}

impl Reducible for Shell {
    type Action = (Event, NaiveDate);

    fn reduce(self: Rc<Self>, (event, today): (Event, NaiveDate)) -> Rc<Self> {
        let mut next = (*self).clone();
        next.effects = update(&mut next.model, event, today);
        next.seq += 1;
        Rc::new(next)
    }
}

/// Moves focus to the page's heading (so screen readers announce the new screen) and names the
/// tab after it.
fn focus_heading() {
    let doc = gloo::utils::document();
    // The app's own heading, or the static start page's while it is shown.
    let h = doc.query_selector("#app h1").ok().flatten().or_else(|| {
        doc.query_selector("#start-ja:not([hidden]) h1")
            .ok()
            .flatten()
    });
    if let Some(h) = h {
        if let Ok(h) = h.dyn_into::<web_sys::HtmlElement>() {
            let _ = h.focus();
            let site = "いすみ市 手数料助成セルフチェック";
            doc.set_title(&format!(
                "{} | {site}",
                h.text_content().unwrap_or_default().trim()
            ));
        }
    }
}

/// Whether a key press belongs to a form field (typing, choosing a radio) rather than to the
/// seminar's shortcuts.
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

/// The app.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let env = props.env.clone();
    let shell = {
        let env = env.clone();
        use_reducer_eq(move || {
            let today = (env.today)();
            let legacy = env.local.get(LEGACY_KEYS[0]);
            let (model, effects) = restore(
                env.local.get(LOCAL_KEY),
                legacy,
                env.session.get(SESSION_KEY),
                &history::fragment(),
                today,
            );
            Shell {
                model,
                effects,
                seq: 0,
            }
        })
    };
    let on: Callback<Event> = {
        let dispatcher = shell.dispatcher();
        let today = env.today;
        (*use_memo((), move |_| {
            Callback::from(move |e: Event| dispatcher.dispatch((e, today())))
        }))
        .clone()
    };

    // After each event: its effects, then keep what the model asks to keep (never in seminar mode).
    {
        let shell = shell.clone();
        let env = env.clone();
        let on = on.clone();
        // What is written, and what the person has heard (the restore may have said already that
        // nothing can be kept).
        let keeper = {
            let restored_unavailable =
                shell.model.notice.as_ref().map(|n| &n.text) == Some(&unavailable_text());
            use_mut_ref(move || {
                let k = Keeper::default();
                if restored_unavailable {
                    k.told(Trouble::NotKept)
                } else {
                    k
                }
            })
        };
        use_effect_with(shell.seq, move |_| {
            for e in &shell.effects {
                match e {
                    Effect::Navigate { route, replace } => history::show(*route, *replace),
                }
            }
            let m = &shell.model;
            if m.seminar.is_none() {
                let told = keeper.borrow_mut().keep(&*env.local, &*env.session, m);
                if let Some(text) = told {
                    on.emit(Event::Notify(text));
                }
            }
        });
    }

    // The address bar: back, forward, typed or bookmarked fragments.
    {
        let on = on.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let listen = |name: &'static str| {
                let on = on.clone();
                EventListener::new(&window, name, move |_| {
                    if let Some(f) = history::changed() {
                        on.emit(Event::UrlChanged(f));
                    }
                })
            };
            let listeners = (listen("popstate"), listen("hashchange"));
            move || drop(listeners)
        });
    }

    let model = &shell.model;
    let shown = model.shown();
    let lang = model.lang;
    let seminar = model.seminar.as_ref().map(|s| s.view);

    // Seminar keys: ← → 1–6 C R Esc, while in seminar mode and not typing in a field.
    {
        let live = use_mut_ref(|| seminar);
        *live.borrow_mut() = seminar;
        let on = on.clone();
        use_effect_with((), move |_| {
            let options = EventListenerOptions::enable_prevent_default();
            let listener = EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                options,
                move |e| {
                    let Some(view) = *live.borrow() else { return };
                    let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    if typing(e) {
                        return;
                    }
                    if let Some(next) = view.after_key(&e.key()) {
                        e.prevent_default();
                        if history::fragment() == next.hash() {
                            // No hashchange would fire: show it again (e.g. R on a question).
                            on.emit(Event::UrlChanged(next.hash()));
                        } else {
                            let _ = gloo::utils::window().location().set_hash(&next.hash());
                        }
                    }
                },
            );
            move || drop(listener)
        });
    }
    // Large type and the seminar's layout.
    use_effect_with(seminar.is_some(), |on| {
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
    // The document's language follows the app's.
    use_effect_with(lang, |lang| {
        if let Some(html) = gloo::utils::document().document_element() {
            let _ = html.set_attribute("lang", lang.tag());
        }
    });
    // The static start section is the start page: visible exactly while it is the screen. Before
    // the focus below, which may need its heading.
    use_effect_with(shows_start(shown, seminar), |on_start| {
        show_static_start(*on_start)
    });
    // The later screens' part (the release build): fetched in the background once the first
    // question (or any other screen than the start page) is shown, so the start page's download
    // holds only what it needs and no later screen waits. A failed fetch is tried again on the
    // next screen.
    let later_state = use_state(|| later::loaded().map(|_| LaterPart::Ready));
    {
        let later_state = later_state.clone();
        let wanted = !shows_start(shown, seminar) && *later_state != Some(LaterPart::Ready);
        use_effect_with((wanted, shown.route), move |(wanted, _)| {
            if *wanted && *later_state != Some(LaterPart::Loading) {
                later_state.set(Some(LaterPart::Loading));
                later::load(move |ok| {
                    later_state.set(Some(if ok {
                        LaterPart::Ready
                    } else {
                        LaterPart::Failed
                    }))
                });
            }
        });
    }
    let later_failed = *later_state == Some(LaterPart::Failed);
    // A later screen whose part has just arrived is a new screen for the focus below.
    let later_shown = is_later(shown, seminar) && *later_state == Some(LaterPart::Ready);
    // Each new screen: focus its heading. Not on first load of the start page (the person has
    // not moved anywhere yet), not when the error summary appears (it takes focus itself).
    {
        let first = use_mut_ref(|| true);
        use_effect_with(
            (shown.route, seminar, shown.problems.is_empty(), later_shown),
            move |(route, _, no_problems, _)| {
                let was_first = std::mem::replace(&mut *first.borrow_mut(), false);
                if !(was_first && *route == Route::Start) && *no_problems {
                    focus_heading();
                }
            },
        );
    }

    let other = match lang {
        Lang::Ja => Lang::En,
        Lang::En => Lang::Ja,
    };
    let today = (env.today)();
    let top_notice = shown.notice.clone().filter(|n| n.place == NoticePlace::Top);
    html! {
        <ContextProvider<Env> context={env.clone()}>
            <div class="lang-row no-print">
                <button type="button" class="link-button" id="lang-switch" lang={other.tag()} onclick={on.reform(move |_: MouseEvent| Event::SetLang(other))}>
                    { other.pick("日本語", "English") }
                </button>
                if model.has_anything() && seminar.is_none() {
                    <button type="button" class="link-button" id="clear-answers" onclick={on.reform(|_: MouseEvent| Event::Clear)}>{ lang.pick("回答を消去", "Delete my answers") }</button>
                }
            </div>
            if let Some(n) = top_notice { <NoticeBox notice={n} {lang} on={on.clone()} /> }
            if let Some(view) = seminar { <SeminarBar {view} {lang} on={on.clone()} /> }
            { screen(shown, seminar, &props.templates, today, &on, later_failed) }
        </ContextProvider<Env>>
    }
}

/// The seminar view of a fragment (for tests and the keys).
pub fn seminar_view(fragment: &str) -> Option<SeminarView> {
    match Route::parse(fragment) {
        Some(Route::Seminar(v)) => Some(v),
        _ => None,
    }
}
