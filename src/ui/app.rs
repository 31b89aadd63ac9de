//! The root component: holds the state in a reducer, saves it on this device, moves focus to
//! each new screen's heading, and shows the screen for the current step.

use super::actual::ActualPage;
use super::applicant_form::ApplicantPage;
use super::check::CheckPage;
use super::data_file::DataFile;
use super::detailed::DetailedPage;
use super::document::ApplicationPage;
use super::questions::QuestionPage;
use super::quick::QuickPage;
use super::result::ResultPage;
use super::seminar::{use_seminar, ComparePage, SeminarBar, SeminarView};
use super::start::{StartPage, StartTemplates};
use super::state::{Action, State, Step};
use super::storage::{self, Loaded};
use crate::rules::{Lang, Text};
use chrono::NaiveDate;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The start page content adopted from `index.html`.
    #[prop_or_default]
    pub templates: StartTemplates,
}

/// Today's date on this device.
pub fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

/// The state to start from: seminar mode when the URL says `#seminar…` (nothing read or saved),
/// else what this device saved, or a fresh one (with a notice on trouble).
pub fn initial_state() -> State {
    if let Some(view) = super::seminar::view_from_location() {
        return view.state(Lang::Ja);
    }
    let today = today();
    match storage::load() {
        Loaded::Nothing => State::fresh(today),
        Loaded::Saved(s) => {
            let mut s = *s;
            if s.step != Step::Start {
                s.notice = Some(Text::new(
                    "前回の回答を復元しました。続きから始められます。",
                    "Your earlier answers were restored: carry on where you left off.",
                ));
            }
            s
        }
        Loaded::Trouble(notice) => State {
            notice: Some(notice),
            ..State::fresh(today)
        },
    }
}

fn focus_heading() {
    let doc = gloo::utils::document();
    if let Ok(Some(h)) = doc.query_selector("#app h1") {
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

/// The app.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer_eq(initial_state);
    let dispatch = {
        let state = state.clone();
        Callback::from(move |a: Action| state.dispatch(a))
    };
    let lang = state.lang;
    let seminar = use_seminar(state.ephemeral, lang, dispatch.clone());

    // Save on every change (not in seminar mode). A refusal is reported once, not per keystroke.
    {
        let dispatch = dispatch.clone();
        use_effect_with((*state).clone(), move |s| {
            if !s.ephemeral {
                let result = if s.step == Step::Start && s.answered.is_empty() {
                    storage::clear();
                    Ok(())
                } else {
                    storage::save(s)
                };
                if let Err(n) = result {
                    if s.notice.is_none() {
                        dispatch.emit(Action::Notice(Some(n)));
                    }
                }
            }
        });
    }
    // The document's language follows the app's.
    use_effect_with(lang, |lang| {
        if let Some(html) = gloo::utils::document().document_element() {
            let _ = html.set_attribute("lang", lang.tag());
        }
    });
    // Each new screen: focus its heading (so screen readers announce it) and name the tab after it.
    {
        let first = use_mut_ref(|| true);
        use_effect_with(
            (state.step, state.problems.is_empty()),
            move |(step, no_problems)| {
                let was_first = std::mem::replace(&mut *first.borrow_mut(), false);
                // Not on first load of the start page: the person has not moved anywhere yet. Not when
                // the error summary appears: it takes focus itself.
                if !(was_first && *step == Step::Start) && *no_problems {
                    focus_heading();
                }
            },
        );
    }

    let other = match lang {
        Lang::Ja => Lang::En,
        Lang::En => Lang::Ja,
    };
    let switch_lang = dispatch.reform(move |_: MouseEvent| Action::SetLang(other));
    let clear = dispatch.reform(|_: MouseEvent| {
        storage::clear();
        Action::Clear
    });
    let dismiss = dispatch.reform(|_: MouseEvent| Action::Notice(None));
    let today = today();
    let s = (*state).clone();
    let screen = match state.step {
        Step::Start => {
            html! {
                <>
                <StartPage templates={props.templates.clone()} {lang} on_start={dispatch.reform(|_| Action::Start)} in_seminar={state.ephemeral} />
                if !state.ephemeral {
                    <DataFile state={s.clone()} dispatch={dispatch.clone()} open_only=true />
                }
                </>
            }
        }
        Step::Residence
        | Step::Stay3Years
        | Step::Crowdworks
        | Step::Hinode
        | Step::Housing
        | Step::FiscalYear
        | Step::EarnMode => {
            html! { <QuestionPage state={s} dispatch={dispatch.clone()} {today} /> }
        }
        Step::Quick => html! { <QuickPage state={s} dispatch={dispatch.clone()} /> },
        Step::Detailed => html! { <DetailedPage state={s} dispatch={dispatch.clone()} /> },
        Step::Actual => html! { <ActualPage state={s} dispatch={dispatch.clone()} /> },
        Step::Check => html! { <CheckPage state={s} dispatch={dispatch.clone()} /> },
        Step::Result => html! { <ResultPage state={s} dispatch={dispatch.clone()} /> },
        Step::Applicant => html! { <ApplicantPage state={s} dispatch={dispatch.clone()} /> },
        Step::Application => html! { <ApplicationPage state={s} dispatch={dispatch.clone()} /> },
        Step::Compare => {
            let which = match seminar {
                Some(SeminarView::Compare(k)) => k,
                _ => 0,
            };
            html! { <ComparePage state={s} dispatch={dispatch.clone()} {which} /> }
        }
    };
    let has_answers = !state.answered.is_empty() || state.step != Step::Start;
    html! {
        <>
            <div class="lang-row no-print">
                <button type="button" class="link-button" id="lang-switch" lang={other.tag()} onclick={switch_lang}>
                    { other.pick("日本語", "English") }
                </button>
                if has_answers && !state.ephemeral {
                    <button type="button" class="link-button" id="clear-answers" onclick={clear}>{ lang.pick("回答を消去", "Delete my answers") }</button>
                }
            </div>
            if let Some(n) = &state.notice {
                <div class="notice no-print" role="status">
                    <p>{ n.get(lang).to_string() }</p>
                    <button type="button" class="link-button" onclick={dismiss}>{ lang.pick("閉じる", "Dismiss") }</button>
                </div>
            }
            if state.ephemeral { <SeminarBar view={seminar} {lang} dispatch={dispatch.clone()} /> }
            { screen }
        </>
    }
}
