//! `#/earnings`: how the person gives their earnings (or no estimate).

use super::Ask;
use crate::flow::model::EarnMode;
use crate::flow::update::Choice as Chosen;
use crate::flow::Event;
use crate::rules::Text;
use crate::ui::components::choice::{Choice, Choices};
use crate::ui::components::frame::Frame;
use yew::prelude::*;

/// Props of [`EarningsPage`].
#[derive(Properties, PartialEq)]
pub struct EarningsProps {
    /// The frame's slice.
    pub ask: Ask,
    /// The answer, once given.
    pub answer: Option<EarnMode>,
    /// The model's events.
    pub on: Callback<Event>,
}

/// The page.
#[function_component(EarningsPage)]
pub fn page(p: &EarningsProps) -> Html {
    let a = &p.ask;
    let selected = p.answer.map(|m| match m {
        EarnMode::Quick => "quick",
        EarnMode::Detailed => "detailed",
        EarnMode::Actual => "actual",
        EarnMode::Skip => "skip",
    });
    html! {
        <Frame lang={a.lang} progress={a.progress} problems={a.problems.clone()} back={a.back} on={p.on.clone()}>
            <Choices name="earn_mode" lang={a.lang} problems={a.problems.clone()} {selected}
                on_choose={p.on.reform(|v: &'static str| Event::Choose(Chosen::EarnMode(match v {
                    "detailed" => EarnMode::Detailed,
                    "actual" => EarnMode::Actual,
                    "skip" => EarnMode::Skip,
                    _ => EarnMode::Quick,
                })))}
                title={Text::new("クラウドワークスでの収入をどう入力しますか?", "How do you want to give your CrowdWorks earnings?")}
                hint={Text::new("手数料と助成額の目安を計算します。", "They are used to estimate your fees and the subsidy.")}
                choices={vec![
                    Choice::new("quick", "おおまかに(月の収入・1件の金額・仕事の種類)", "Roughly (monthly earnings, contract size, kinds of work)")
                        .hint("いちばん簡単です。わからない項目があっても試算できます。", "The simplest. Works even if you don't know some figures."),
                    Choice::new("detailed", "契約ごとに(支払日と金額)", "Contract by contract (payment dates and amounts)")
                        .hint("マイルストーン払いや時間単価制の週ごとの支払いも入力できます。", "Milestones and hourly contracts' weekly payments included."),
                    Choice::new("actual", "支払った手数料を月ごとに(支払い明細から)", "Fees actually paid, month by month (from your statements)"),
                    Choice::new("skip", "試算しない(対象かどうかだけ知りたい)", "No estimate (eligibility only)"),
                ]} />
        </Frame>
    }
}
