//! `#/stay-3-years`: the intention to keep the address in Isumi for 3 years or more.

use super::{answer_of, answer_value, yes_no_unknown, Ask};
use crate::flow::update::Choice as Chosen;
use crate::flow::Event;
use crate::rules::eligibility::Answer;
use crate::rules::Text;
use crate::ui::components::choice::Choices;
use crate::ui::components::frame::Frame;
use yew::prelude::*;

/// Props of [`Stay3YearsPage`].
#[derive(Properties, PartialEq)]
pub struct Stay3YearsProps {
    /// The frame's slice.
    pub ask: Ask,
    /// The answer, once given.
    pub answer: Option<Answer>,
    /// The model's events.
    pub on: Callback<Event>,
}

/// The page.
#[function_component(Stay3YearsPage)]
pub fn page(p: &Stay3YearsProps) -> Html {
    let a = &p.ask;
    html! {
        <Frame lang={a.lang} progress={a.progress} problems={a.problems.clone()} back={a.back} on={p.on.clone()}>
            <Choices name="stay_3_years" lang={a.lang} problems={a.problems.clone()}
                selected={p.answer.map(answer_value)}
                on_choose={p.on.reform(|v: &'static str| Event::Choose(Chosen::Stay3Years(answer_of(v))))}
                title={Text::new("3年以上、いすみ市に住所を置くつもりですか?", "Do you intend to keep your address in Isumi City for 3 years or more?")}
                hint={Text::new("助成の条件の一つです。今の気持ちで答えてください。", "This is one of the conditions. Answer with your current intention.")}
                choices={yes_no_unknown()} />
        </Frame>
    }
}
