//! `#/hinode`: hinode special membership (since when, or from when).

use super::Ask;
use crate::flow::update::{Choice as Chosen, Edit};
use crate::flow::Event;
use crate::rules::eligibility::Answer;
use crate::rules::timing::DateBounds;
use crate::rules::Text;
use crate::ui::components::choice::Choices;
use crate::ui::components::fields::{problem_for, TextInput};
use crate::ui::components::frame::Frame;
use crate::ui::components::yes_no::{answer_from as answer_of, answer_value, yes_no_unknown};
use yew::prelude::*;

/// Props of [`HinodePage`].
#[derive(Properties, PartialEq)]
pub struct HinodeProps {
    /// The frame's slice.
    pub ask: Ask,
    /// The answer, once given.
    pub answer: Option<Answer>,
    /// The membership date (joined or planned), as typed.
    pub member_date: AttrValue,
    /// The range and hint of the date one joined.
    pub since_bounds: DateBounds,
    /// The range and hint of the date one plans to join.
    pub planned_bounds: DateBounds,
    /// The model's events.
    pub on: Callback<Event>,
}

/// The page.
#[function_component(HinodePage)]
pub fn page(p: &HinodeProps) -> Html {
    let a = &p.ask;
    let lang = a.lang;
    let date = |label: &str, bounds: &DateBounds| {
        html! {
            <TextInput id="member-date" input_type="date" class="input-short" label={label.to_string()}
                hint={bounds.hint.get(lang).to_string()}
                min={AttrValue::from(bounds.min.to_string())} max={AttrValue::from(bounds.max.to_string())}
                value={p.member_date.clone()} on_change={p.on.reform(|v| Event::Edit(Edit::MemberDate(v)))}
                error={problem_for(&a.problems, "member-date", lang)} />
        }
    };
    let reveal = match p.answer {
        Some(Answer::Yes) => Some((
            "yes",
            date(
                lang.pick(
                    "特別会員になった日(わかれば)",
                    "The day you became a special member (if known)",
                ),
                &p.since_bounds,
            ),
        )),
        Some(Answer::No) => Some((
            "no",
            date(
                lang.pick(
                    "特別会員になる予定日(わかれば)",
                    "The day you plan to join (if known)",
                ),
                &p.planned_bounds,
            ),
        )),
        _ => None,
    };
    html! {
        <Frame {lang} progress={a.progress} problems={a.problems.clone()} back={a.back} on={p.on.clone()}>
            <Choices name="hinode" {lang} problems={a.problems.clone()}
                selected={p.answer.map(answer_value)}
                on_choose={p.on.reform(|v: &'static str| Event::Choose(Chosen::Hinode(answer_of(v))))}
                title={Text::new("hinode特別会員ですか?", "Are you a hinode special member?")}
                hint={Text::new("hinode はいすみ市のコワーキングスペースです。特別会員の料金は確認できていません。", "hinode is the coworking space in Isumi. The special membership's price is not known to this tool.")}
                {reveal}
                choices={yes_no_unknown()} />
        </Frame>
    }
}
