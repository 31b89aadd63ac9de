//! The actual-fees form: the system fees paid each month of the fiscal year, from the statements.

use super::fields::{problem_for, Frame, TextInput};
use super::state::{month_label, Action, Drafts, State};
use crate::rules::subsidy::YearMonth;
use yew::prelude::*;

/// Props of [`ActualPage`].
#[derive(Properties, PartialEq)]
pub struct ActualPageProps {
    /// The state.
    pub state: State,
    /// The dispatcher.
    pub dispatch: Callback<Action>,
}

/// The month-by-month fees page.
#[function_component(ActualPage)]
pub fn actual_page(p: &ActualPageProps) -> Html {
    let s = &p.state;
    let lang = s.lang;
    let d = &p.dispatch;
    let mut months = s.drafts.months.clone();
    months.resize(12, String::new());
    html! {
        <Frame {lang} progress={s.progress()} problems={s.problems.clone()} on_back={d.reform(|_| Action::Back)}
            on_continue={Some(d.reform(|_| Action::Continue))}>
            <h1 tabindex="-1">{ lang.pick("支払ったシステム利用料(月ごと)", "System fees you paid, month by month") }</h1>
            <p>{ lang.pick(
                "クラウドワークスの支払い明細にある「システム利用料」(税込)を月ごとに入力してください。分からない月は空欄のままで構いません。振込手数料やクイック出金の手数料は助成の対象外と考えられるため、含めないでください。",
                "Enter the system fee (tax included) from your CrowdWorks statements for each month. Leave months you don't know blank. Leave out bank transfer and quick-withdrawal charges: they are most likely not covered.") }</p>
            { for (0..12usize).map(|i| {
                // The same months, in the same order, as the engine's reading of the form (April first).
                let label = YearMonth::new(s.fiscal_year, 4)
                    .map(|april| month_label(april.plus_months(i as u32), lang))
                    .unwrap_or_default();
                let dispatch = d.clone();
                let drafts = Drafts { months: months.clone(), ..s.drafts.clone() };
                let on_change = Callback::from(move |v: String| {
                    let mut next = drafts.clone();
                    next.months[i] = v;
                    dispatch.emit(Action::EditDrafts(next));
                });
                let id = format!("month-{i}");
                html! {
                    <TextInput id={id.clone()} {label} inputmode="numeric" class="input-short" autocomplete="off"
                        value={months[i].clone()} {on_change} error={problem_for(&s.problems, &id, lang)} />
                }
            }) }
        </Frame>
    }
}
