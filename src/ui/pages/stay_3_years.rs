//! `#/stay-3-years`: the intention to keep the address in Isumi for 3 years or more.

use super::Ask;
use crate::flow::{Event, Page};
use crate::rules::eligibility::Answer;
use crate::rules::Text;
use crate::ui::components::yes_no::YesNoPage;
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
    html! {
        <YesNoPage ask={p.ask.clone()} name="stay_3_years" answer={p.answer} page={Page::Stay3Years} on={p.on.clone()}
            title={Text::new("3年以上、いすみ市に住所を置くつもりですか?", "Do you intend to keep your address in Isumi City for 3 years or more?")}
            hint={Text::new("助成の条件の一つです。今の気持ちで答えてください。", "This is one of the conditions. Answer with your current intention.")} />
    }
}
