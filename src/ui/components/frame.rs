//! The frame of a form page: back link, progress, error summary, the body in a `<form>` (so Enter
//! continues, as people expect) and the continue button.

use super::fields::ErrorSummary;
use super::link::Link;
use crate::flow::model::FieldProblem;
use crate::flow::{Event, Route};
use crate::rules::{Lang, Text};
use yew::prelude::*;

/// Props of [`Frame`].
#[derive(Properties, PartialEq)]
pub struct FrameProps {
    /// Language.
    pub lang: Lang,
    /// (n, of) for 「質問 n / of」.
    #[prop_or_default]
    pub progress: Option<(usize, usize)>,
    /// Problems on this page.
    #[prop_or_default]
    pub problems: Vec<FieldProblem>,
    /// Where the back link leads.
    pub back: Route,
    /// Label of the back link (default 「‹ 戻る」).
    #[prop_or_default]
    pub back_label: Option<Text>,
    /// The model's events.
    pub on: Callback<Event>,
    /// Label of the continue button (default 「次へ進む」).
    #[prop_or_default]
    pub continue_label: Option<Text>,
    /// The page body.
    #[prop_or_default]
    pub children: Html,
}

/// A form page.
#[function_component(Frame)]
pub fn frame(p: &FrameProps) -> Html {
    let lang = p.lang;
    let on_submit = p.on.reform(|e: SubmitEvent| {
        e.prevent_default();
        Event::Continue
    });
    let label = p
        .continue_label
        .as_ref()
        .map(|t| t.get(lang).to_string())
        .unwrap_or_else(|| lang.pick("次へ進む", "Continue").to_string());
    let back = p
        .back_label
        .as_ref()
        .map(|t| t.get(lang).to_string())
        .unwrap_or_else(|| lang.pick("‹ 戻る", "‹ Back").to_string());
    html! {
        <div class="question-page">
            <Link to={p.back} on={p.on.clone()} class="back-link">{ back }</Link>
            if let Some((n, of)) = p.progress {
                <p class="progress">{ match lang { Lang::Ja => format!("質問 {n} / {of}"), Lang::En => format!("Question {n} of {of}") } }</p>
            }
            <ErrorSummary problems={p.problems.clone()} {lang} />
            <form novalidate=true onsubmit={on_submit}>
                { p.children.clone() }
                <div class="button-row"><button type="submit" class="button">{ label }</button></div>
            </form>
        </div>
    }
}
