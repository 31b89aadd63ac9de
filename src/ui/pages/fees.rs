//! `#/earnings/fees`: the system fees paid each month of the fiscal year, from the statements.

use super::Ask;
use crate::flow::forms::{month_field, valid_months};
use crate::flow::update::Edit;
use crate::flow::Event;
use crate::rules::calendar::{fiscal_year_months, month_label};
use crate::rules::data::rules;
use crate::rules::eligibility::HousingAnswer;
use crate::rules::preview::months_total;
use crate::ui::components::fields::{problem_for, TextInput};
use crate::ui::components::frame::Frame;
use crate::ui::components::live_total::LiveTotalLine;
use yew::prelude::*;

/// Props of [`FeesPage`].
#[derive(Properties, PartialEq)]
pub struct FeesProps {
    /// The frame's slice.
    pub ask: Ask,
    /// The fees as typed, April first.
    pub months: Vec<String>,
    /// The fiscal year.
    pub fiscal_year: i32,
    /// The housing answer (the caps of the live total).
    pub housing: HousingAnswer,
    /// The first day whose fees count.
    pub counts_from: chrono::NaiveDate,
    /// The model's events.
    pub on: Callback<Event>,
}

/// The page.
#[function_component(FeesPage)]
pub fn page(p: &FeesProps) -> Html {
    let a = &p.ask;
    let lang = a.lang;
    let total = *use_memo(
        (p.months.clone(), p.fiscal_year, p.housing, p.counts_from),
        |(ms, fy, h, from)| months_total(rules(), *fy, &valid_months(*fy, ms), h.housing(), *from),
    );
    html! {
        <Frame {lang} progress={a.progress} problems={a.problems.clone()} back={a.back} on={p.on.clone()}>
            <h1 tabindex="-1">{ lang.pick("支払ったシステム利用料(月ごと)", "System fees you paid, month by month") }</h1>
            <p>{ lang.pick(
                "クラウドワークスの支払い明細にある「システム利用料」(税込)を月ごとに入力してください。分からない月は空欄のままで構いません。振込手数料やクイック出金の手数料は助成の対象外と考えられるため、含めないでください。",
                "Enter the system fee (tax included) from your CrowdWorks statements for each month. Leave months you don't know blank. Leave out bank transfer and quick-withdrawal charges: they are most likely not covered.") }</p>
            // The same months, in the same order, as the engine's reading of the form.
            { for fiscal_year_months(p.fiscal_year).into_iter().enumerate().map(|(i, month)| {
                let label = month_label(month, lang);
                let id = month_field(month);
                html! {
                    <TextInput id={id.clone()} {label} inputmode="numeric" class="input-short" autocomplete="off"
                        value={p.months.get(i).cloned().unwrap_or_default()}
                        on_change={p.on.reform(move |v| Event::Edit(Edit::MonthFees(i, v)))}
                        error={problem_for(&a.problems, &id, lang)} />
                }
            }) }
            <LiveTotalLine {total} {lang} />
        </Frame>
    }
}
