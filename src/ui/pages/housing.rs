//! `#/housing`: shared or individual property, which sets the cap.

use super::Ask;
use crate::flow::update::Choice as Chosen;
use crate::flow::Event;
use crate::rules::data::rules;
use crate::rules::eligibility::HousingAnswer;
use crate::rules::subsidy::Housing;
use crate::rules::{format_yen, Text};
use crate::ui::components::choice::{Choice, Choices};
use crate::ui::components::frame::Frame;
use yew::prelude::*;

/// Props of [`HousingPage`].
#[derive(Properties, PartialEq)]
pub struct HousingProps {
    /// The frame's slice.
    pub ask: Ask,
    /// The answer, once given.
    pub answer: Option<HousingAnswer>,
    /// The model's events.
    pub on: Callback<Event>,
}

/// The page.
#[function_component(HousingPage)]
pub fn page(p: &HousingProps) -> Html {
    let a = &p.ask;
    let selected = p.answer.map(|h| match h {
        HousingAnswer::Shared => "shared",
        HousingAnswer::Individual => "individual",
        HousingAnswer::Undecided => "undecided",
    });
    let cap = |h| format_yen(rules().cap(h));
    html! {
        <Frame lang={a.lang} progress={a.progress} problems={a.problems.clone()} back={a.back} on={p.on.clone()}>
            <Choices name="housing" lang={a.lang} problems={a.problems.clone()} {selected}
                on_choose={p.on.reform(|v: &'static str| Event::Choose(Chosen::Housing(match v {
                    "shared" => HousingAnswer::Shared,
                    "individual" => HousingAnswer::Individual,
                    _ => HousingAnswer::Undecided,
                })))}
                title={Text::new("どんな住まいですか(予定を含む)?", "What kind of housing do you (or will you) live in?")}
                hint={Text::new("住まいの種類で、助成の上限が変わります。", "The kind of housing sets the subsidy cap.")}
                choices={vec![
                    Choice::new("shared", "共同物件(シェアハウスなど)", "Shared property (shared house)")
                        .hint(&format!("上限 年{}", cap(Housing::Shared)), &format!("Cap {} a year", cap(Housing::Shared))),
                    Choice::new("individual", "個人の物件(アパート・一戸建て。賃貸・持ち家どちらも)", "Individual property (apartment or house, rented or owned)")
                        .hint(&format!("上限 年{}", cap(Housing::Individual)), &format!("Cap {} a year", cap(Housing::Individual))),
                    Choice::new("undecided", "まだ決めていない・わからない", "Not decided yet / I don't know")
                        .hint("両方の上限で幅をもって試算します。", "The estimate shows a range between both caps."),
                ]} />
        </Frame>
    }
}
