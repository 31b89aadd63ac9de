//! `#/residence`: living in Isumi (since when), planning to move (when), or not.

use super::Ask;
use crate::flow::update::{Choice as Chosen, Edit};
use crate::flow::Event;
use crate::rules::eligibility::Residence;
use crate::rules::timing::DateBounds;
use crate::rules::Text;
use crate::ui::components::choice::{Choice, Choices};
use crate::ui::components::fields::{problem_for, TextInput};
use crate::ui::components::frame::Frame;
use yew::prelude::*;

/// Props of [`ResidencePage`].
#[derive(Properties, PartialEq)]
pub struct ResidenceProps {
    /// The frame's slice.
    pub ask: Ask,
    /// The answer, once given.
    pub answer: Option<Residence>,
    /// The planned moving date, as typed.
    pub move_date: AttrValue,
    /// Living in Isumi since, as typed.
    pub moved_in: AttrValue,
    /// The planned moving date's range and hint.
    pub move_bounds: DateBounds,
    /// The moved-in date's range and hint.
    pub moved_in_bounds: DateBounds,
    /// The model's events.
    pub on: Callback<Event>,
}

fn value(r: Residence) -> &'static str {
    match r {
        Residence::LivesInIsumi => "lives_in_isumi",
        Residence::PlanningToMove { .. } => "planning_to_move",
        Residence::NotPlanning => "not_planning",
        Residence::Unknown => "unknown",
    }
}

/// The page.
#[function_component(ResidencePage)]
pub fn page(p: &ResidenceProps) -> Html {
    let a = &p.ask;
    let lang = a.lang;
    let on_choose = p.on.reform(|v: &'static str| {
        Event::Choose(Chosen::Residence(match v {
            "lives_in_isumi" => Residence::LivesInIsumi,
            "planning_to_move" => Residence::PlanningToMove { when: None },
            "not_planning" => Residence::NotPlanning,
            _ => Residence::Unknown,
        }))
    });
    // The date that the chosen answer asks for, under the choice (a conditional reveal).
    let reveal = match p.answer {
        Some(Residence::PlanningToMove { .. }) => Some((
            "planning_to_move",
            html! {
                <TextInput id="move-date" input_type="date" class="input-short"
                    label={lang.pick("引っ越しの予定日(わかれば)", "Planned moving date (if known)")}
                    hint={p.move_bounds.hint.get(lang).to_string()}
                    min={AttrValue::from(p.move_bounds.min.to_string())} max={AttrValue::from(p.move_bounds.max.to_string())}
                    value={p.move_date.clone()} on_change={p.on.reform(|v| Event::Edit(Edit::MoveDate(v)))}
                    error={problem_for(&a.problems, "move-date", lang)} />
            },
        )),
        Some(Residence::LivesInIsumi) => Some((
            "lives_in_isumi",
            html! {
                <TextInput id="moved-in-date" input_type="date" class="input-short"
                    label={lang.pick("いすみ市に住所を移した日(わかれば)", "The day your address moved to Isumi (if known)")}
                    hint={p.moved_in_bounds.hint.get(lang).to_string()}
                    min={AttrValue::from(p.moved_in_bounds.min.to_string())} max={AttrValue::from(p.moved_in_bounds.max.to_string())}
                    value={p.moved_in.clone()} on_change={p.on.reform(|v| Event::Edit(Edit::MovedIn(v)))}
                    error={problem_for(&a.problems, "moved-in-date", lang)} />
            },
        )),
        _ => None,
    };
    html! {
        <Frame {lang} progress={a.progress} problems={a.problems.clone()} back={a.back} on={p.on.clone()}>
            <Choices name="residence" {lang} problems={a.problems.clone()} selected={p.answer.map(value)} {on_choose}
                title={Text::new("いすみ市に住んでいますか?", "Do you live in Isumi City?")}
                hint={Text::new("住民票の住所で答えてください。", "Answer for your registered address (住民票).")}
                {reveal}
                choices={vec![
                    Choice::new("lives_in_isumi", "住んでいる(住民票がいすみ市にある)", "Yes, my registered address is in Isumi"),
                    Choice::new("planning_to_move", "これから移る予定", "I plan to move there"),
                    Choice::new("not_planning", "移る予定はない", "I don't plan to move there"),
                    Choice::new("unknown", "わからない", "I don't know yet"),
                ]} />
        </Frame>
    }
}
