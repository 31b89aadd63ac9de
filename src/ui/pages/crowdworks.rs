//! `#/crowdworks`: a CrowdWorks account as a worker.

use super::Ask;
use crate::flow::{Event, Page};
use crate::rules::eligibility::Answer;
use crate::rules::Text;
use crate::ui::components::yes_no::YesNoPage;
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
    html! {
        <YesNoPage ask={p.ask.clone()} name="crowdworks" answer={p.answer} page={Page::Crowdworks} on={p.on.clone()}
            title={Text::new("クラウドワークスのアカウントを持っていますか?", "Do you have a CrowdWorks account?")}
            hint={Text::new("ワーカー(仕事を受ける側)としての登録です。", "As a worker (the one who takes on work).")} />
    }
}
