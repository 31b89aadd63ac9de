//! A yes / no / don't-know question page: the frame and the three radios. The pages that ask one
//! (`pages/stay_3_years.rs`, `pages/crowdworks.rs`) only give its words and where the answer goes.

use super::choice::{Choice, Choices};
use super::frame::Frame;
use crate::flow::update::Choice as Chosen;
use crate::flow::{Event, Page};
use crate::rules::eligibility::Answer;
use crate::rules::Text;
use crate::ui::pages::Ask;
use yew::prelude::*;

/// Props of [`YesNoPage`].
#[derive(Properties, PartialEq)]
pub struct YesNoProps {
    /// The frame's slice.
    pub ask: Ask,
    /// The radios' name (and id prefix).
    pub name: &'static str,
    /// The question (the page's heading).
    pub title: Text,
    /// Under the question.
    pub hint: Text,
    /// The answer, once given.
    pub answer: Option<Answer>,
    /// The page asking (which answer of the model a choice sets).
    pub page: Page,
    /// The model's events.
    pub on: Callback<Event>,
}

fn value(a: Answer) -> &'static str {
    match a {
        Answer::Yes => "yes",
        Answer::No => "no",
        Answer::Unknown => "unknown",
    }
}

fn answer_of(v: &str) -> Answer {
    match v {
        "yes" => Answer::Yes,
        "no" => Answer::No,
        _ => Answer::Unknown,
    }
}

/// はい / いいえ / わからない.
pub fn yes_no_unknown() -> Vec<Choice> {
    vec![
        Choice::new("yes", "はい", "Yes"),
        Choice::new("no", "いいえ", "No"),
        Choice::new("unknown", "わからない", "I don't know"),
    ]
}

/// The answer of the model a yes/no page sets.
fn chosen(page: Page, a: Answer) -> Chosen {
    match page {
        Page::Stay3Years => Chosen::Stay3Years(a),
        Page::Crowdworks => Chosen::Crowdworks(a),
        _ => Chosen::Hinode(a),
    }
}

/// The page.
#[function_component(YesNoPage)]
pub fn yes_no_page(p: &YesNoProps) -> Html {
    let a = &p.ask;
    let page = p.page;
    html! {
        <Frame lang={a.lang} progress={a.progress} problems={a.problems.clone()} back={a.back} on={p.on.clone()}>
            <Choices name={p.name} lang={a.lang} problems={a.problems.clone()}
                selected={p.answer.map(value)}
                on_choose={p.on.reform(move |v: &'static str| Event::Choose(chosen(page, answer_of(v))))}
                title={p.title.clone()} hint={Some(p.hint.clone())}
                choices={yes_no_unknown()} />
        </Frame>
    }
}

/// The radio value of an answer (for pages that add more around the three choices).
pub fn answer_value(a: Answer) -> &'static str {
    value(a)
}

/// The answer of a radio value.
pub fn answer_from(v: &str) -> Answer {
    answer_of(v)
}
