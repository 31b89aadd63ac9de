//! The detailed form: contracts with dated payments (milestones), hourly weeks, tasks, contests.
//! Rows can be added, edited and removed; what is typed stays as typed until it is valid.

use super::fields::{problem_for, Frame, TextInput};
use super::state::{Action, ContractDraft, Drafts, PaymentDraft, State};
use crate::rules::fees::ContractKind;
use crate::rules::Lang;
use yew::prelude::*;

/// Props of [`DetailedPage`].
#[derive(Properties, PartialEq)]
pub struct DetailedPageProps {
    /// The state.
    pub state: State,
    /// The dispatcher.
    pub dispatch: Callback<Action>,
}

/// A callback that applies `f` to a copy of the drafts and dispatches it.
fn edit<T: 'static>(
    d: &Callback<Action>,
    drafts: &Drafts,
    f: impl Fn(&mut Drafts, T) + 'static,
) -> Callback<T> {
    let d = d.clone();
    let drafts = drafts.clone();
    Callback::from(move |v: T| {
        let mut next = drafts.clone();
        f(&mut next, v);
        d.emit(Action::EditDrafts(next));
    })
}

const KINDS: [ContractKind; 4] = [
    ContractKind::Fixed,
    ContractKind::Hourly,
    ContractKind::Task,
    ContractKind::Contest,
];

fn kind_code(k: ContractKind) -> &'static str {
    match k {
        ContractKind::Fixed => "fixed",
        ContractKind::Hourly => "hourly",
        ContractKind::Task => "task",
        ContractKind::Contest => "contest",
    }
}

fn payment_words(k: ContractKind, lang: Lang) -> (&'static str, &'static str) {
    match k {
        ContractKind::Hourly => (
            lang.pick("週", "Week"),
            lang.pick("週の最終日", "Last day of the week"),
        ),
        ContractKind::Contest => (
            lang.pick("採用", "Award"),
            lang.pick("採用日", "Award date"),
        ),
        _ => (
            lang.pick("支払い", "Payment"),
            lang.pick("支払日", "Payment date"),
        ),
    }
}

/// The contracts page.
#[function_component(DetailedPage)]
pub fn detailed_page(p: &DetailedPageProps) -> Html {
    let s = &p.state;
    let lang = s.lang;
    let d = &p.dispatch;
    let drafts = &s.drafts;
    // An empty list shows one blank contract to start from.
    let contracts: Vec<ContractDraft> = if drafts.contracts.is_empty() {
        vec![ContractDraft::default()]
    } else {
        drafts.contracts.clone()
    };
    let base = Drafts {
        contracts: contracts.clone(),
        ..drafts.clone()
    };
    let add_contract = edit(d, &base, |dr, _: MouseEvent| {
        dr.contracts.push(ContractDraft::default())
    });
    html! {
        <Frame {lang} progress={s.progress()} problems={s.problems.clone()} on_back={d.reform(|_| Action::Back)}
            on_continue={Some(d.reform(|_| Action::Continue))}>
            <h1 tabindex="-1">{ lang.pick("契約ごとの支払い", "Your contracts and payments") }</h1>
            <p>{ lang.pick(
                "手数料は契約ごとに、その契約で受け取った金額の累計で段階的に決まります(10万円まで20%、20万円まで10%、それ以上5%)。マイルストーン払いは同じ契約に支払いを追加してください。時間単価制は週ごとに入力します。",
                "Fees are tiered per contract on the running total paid within it (20% up to ¥100,000, 10% up to ¥200,000, 5% above). Add milestone payments to the same contract. Hourly contracts are entered week by week.") }</p>
            { for contracts.iter().enumerate().map(|(ci, c)| {
                let (row_word, date_word) = payment_words(c.kind, lang);
                let on_label = edit(d, &base, move |dr, v: String| dr.contracts[ci].label = v);
                let on_kind = edit(d, &base, move |dr, e: Event| {
                    let v = e.target_dyn_into::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
                    if let Some(k) = KINDS.iter().find(|k| kind_code(**k) == v) { dr.contracts[ci].kind = *k; }
                });
                let add_payment = edit(d, &base, move |dr, _: MouseEvent| dr.contracts[ci].payments.push(PaymentDraft::default()));
                let remove_contract = edit(d, &base, move |dr, _: MouseEvent| { dr.contracts.remove(ci); });
                let kind_id = format!("c{ci}-kind");
                html! {
                    <fieldset class="contract">
                        <legend><h2>{ match lang { Lang::Ja => format!("契約 {}", ci + 1), Lang::En => format!("Contract {}", ci + 1) } }</h2></legend>
                        <TextInput id={format!("c{ci}-label")} label={lang.pick("名前(任意)", "Name (optional)")}
                            value={c.label.clone()} on_change={on_label} autocomplete="off" />
                        <div class="field">
                            <label for={kind_id.clone()}>{ lang.pick("契約の形式", "Kind of contract") }</label>
                            <select id={kind_id} class="input" onchange={on_kind}>
                                { for KINDS.iter().map(|k| html! {
                                    <option value={kind_code(*k)} selected={*k == c.kind}>{ k.name().get(lang).to_string() }</option>
                                }) }
                            </select>
                        </div>
                        { for c.payments.iter().enumerate().map(|(pi, pay)| {
                            let on_date = edit(d, &base, move |dr, v: String| dr.contracts[ci].payments[pi].date = v);
                            let on_amount = edit(d, &base, move |dr, v: String| dr.contracts[ci].payments[pi].amount = v);
                            let remove = edit(d, &base, move |dr, _: MouseEvent| { dr.contracts[ci].payments.remove(pi); });
                            let date_id = format!("c{ci}-p{pi}-date");
                            let amount_id = format!("c{ci}-p{pi}-amount");
                            html! {
                                <div class="payment-row">
                                    <p class="label">{ format!("{row_word} {}", pi + 1) }</p>
                                    <TextInput id={date_id.clone()} input_type="date" class="input-short" label={date_word}
                                        value={pay.date.clone()} on_change={on_date} error={problem_for(&s.problems, &date_id, lang)} />
                                    <TextInput id={amount_id.clone()} inputmode="numeric" class="input-short" autocomplete="off"
                                        label={lang.pick("金額(税込)", "Amount (tax included)")}
                                        value={pay.amount.clone()} on_change={on_amount} error={problem_for(&s.problems, &amount_id, lang)} />
                                    if c.payments.len() > 1 {
                                        <button type="button" class="link-button" onclick={remove}>
                                            { match lang { Lang::Ja => format!("この{row_word}を削除"), Lang::En => format!("Remove this {}", row_word.to_lowercase()) } }
                                        </button>
                                    }
                                </div>
                            }
                        }) }
                        <div class="button-row">
                            <button type="button" class="button button-secondary" onclick={add_payment}>
                                { match lang { Lang::Ja => format!("{row_word}を追加"), Lang::En => format!("Add {}", row_word.to_lowercase()) } }
                            </button>
                            if contracts.len() > 1 {
                                <button type="button" class="link-button" onclick={remove_contract}>{ lang.pick("この契約を削除", "Remove this contract") }</button>
                            }
                        </div>
                    </fieldset>
                }
            }) }
            <div class="button-row">
                <button type="button" class="button button-secondary" onclick={add_contract}>{ lang.pick("契約を追加", "Add a contract") }</button>
            </div>
        </Frame>
    }
}
