//! `#/fiscal-year`: which fiscal year to estimate.

use super::Ask;
use crate::flow::update::Choice as Chosen;
use crate::flow::Event;
use crate::rules::data::rules;
use crate::rules::subsidy::{fiscal_year_name, fiscal_year_of};
use crate::rules::wareki::fiscal_year_label;
use crate::rules::Lang;
use crate::ui::components::frame::Frame;
use chrono::{Datelike, NaiveDate};
use yew::prelude::*;

/// Props of [`FiscalYearPage`].
#[derive(Properties, PartialEq)]
pub struct FiscalYearProps {
    /// The frame's slice.
    pub ask: Ask,
    /// The fiscal year chosen (or the current one).
    pub fiscal_year: i32,
    /// Today, for the years offered.
    pub today: NaiveDate,
    /// The model's events.
    pub on: Callback<Event>,
}

/// The page.
#[function_component(FiscalYearPage)]
pub fn page(p: &FiscalYearProps) -> Html {
    let a = &p.ask;
    let lang = a.lang;
    let current = fiscal_year_of(p.today);
    let first = fiscal_year_of(rules().program.start);
    let onchange = p.on.reform(|e: web_sys::Event| {
        let v = e
            .target_dyn_into::<web_sys::HtmlSelectElement>()
            .map(|s| s.value())
            .unwrap_or_default();
        Event::Choose(Chosen::FiscalYear(v.parse().unwrap_or(0)))
    });
    let program = &rules().program;
    html! {
        <Frame {lang} progress={a.progress} problems={a.problems.clone()} back={a.back} on={p.on.clone()}>
            <h1 tabindex="-1"><label for="fiscal-year">{ lang.pick("どの年度を試算しますか?", "Which fiscal year do you want to estimate?") }</label></h1>
            <p class="hint" id="fiscal-year-hint">{ lang.pick(
                "年度は4月1日から翌年3月31日まで。助成は年度末に支払われます。",
                "A fiscal year runs from 1 April to 31 March. The subsidy is paid at the end of the fiscal year.") }</p>
            <div class="field">
                <select id="fiscal-year" class="input" aria-describedby="fiscal-year-hint" {onchange}>
                    { for (first..=current + 1).rev().map(|fy| {
                        let label = match lang {
                            Lang::Ja => format!("{}({})", fiscal_year_label(fy), fiscal_year_name(fy).ja),
                            Lang::En => fiscal_year_name(fy).en,
                        };
                        html! { <option value={fy.to_string()} selected={fy == p.fiscal_year}>{ label }</option> }
                    }) }
                </select>
            </div>
            if program.end.is_none() {
                <p class="notice">{ match lang {
                    Lang::Ja => format!("前提: 開始時の報道では期間は{}か月({}年{}月まで)でした。その後も続いているかは確認できていないため、続いているものとして試算します。",
                        program.reported_months, program.reported_end.year(), program.reported_end.month()),
                    Lang::En => format!("Assumption: the press at launch reported a period of {} months (to {}-{:02}). Whether the program continues is not known; the estimate assumes it does.",
                        program.reported_months, program.reported_end.year(), program.reported_end.month()),
                } }</p>
            }
        </Frame>
    }
}
