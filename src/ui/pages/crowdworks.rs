//! `#/crowdworks`: a CrowdWorks account as a worker.

use super::{answer_of, answer_value, yes_no_unknown, Ask};
use crate::flow::update::Choice as Chosen;
use crate::flow::Event;
use crate::rules::eligibility::Answer;
use crate::rules::Text;
use crate::ui::components::choice::Choices;
use crate::ui::components::frame::Frame;
use yew::prelude::*;

/// Props of [`CrowdworksPage`].
#[derive(Properties, PartialEq)]
pub struct CrowdworksProps {
    /// The frame's slice.
    pub ask: Ask,
    /// The answer, once given.
    pub answer: Option<Answer>,
    /// The model's events.
    pub on: Callback<Event>,
}

/// The page.
#[function_component(CrowdworksPage)]
pub fn page(p: &CrowdworksProps) -> Html {
    let a = &p.ask;
    html! {
        <Frame lang={a.lang} progress={a.progress} problems={a.problems.clone()} back={a.back} on={p.on.clone()}>
            <Choices name="crowdworks" lang={a.lang} problems={a.problems.clone()}
                selected={p.answer.map(answer_value)}
                on_choose={p.on.reform(|v: &'static str| Event::Choose(Chosen::Crowdworks(answer_of(v))))}
                title={Text::new("クラウドワークスのアカウントを持っていますか?", "Do you have a CrowdWorks account?")}
                hint={Text::new("ワーカー(仕事を受ける側)としての登録です。", "As a worker (the one who takes on work).")}
                choices={yes_no_unknown()} />
        </Frame>
    }
}
