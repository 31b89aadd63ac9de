//! `#/earnings/contracts`: contracts with dated payments (milestones), hourly weeks, tasks,
//! contests. Each payment row is its own component: typing in one row re-renders that row only.

use super::Ask;
use crate::flow::drafts::ContractDraft;
use crate::flow::forms::{payment_field, valid_contracts};
use crate::flow::update::Edit;
use crate::flow::Event;
use crate::rules::data::format_date_iso;
use crate::rules::data::rules;
use crate::rules::eligibility::HousingAnswer;
use crate::rules::fees::ContractKind;
use crate::rules::preview::contracts_total;
use crate::rules::timing::DateBounds;
use crate::rules::Lang;
use crate::ui::components::fields::{problem_for, TextInput};
use crate::ui::components::frame::Frame;
use crate::ui::components::live_total::LiveTotalLine;
use yew::prelude::*;

/// Props of [`ContractsPage`].
#[derive(Properties, PartialEq)]
pub struct ContractsProps {
    /// The frame's slice.
    pub ask: Ask,
    /// The contracts as typed (at least one).
    pub contracts: Vec<ContractDraft>,
    /// The dates whose payments count in the year (the date fields' `min`/`max`, and a hint).
    #[prop_or_default]
    pub bounds: Option<DateBounds>,
    /// The fiscal year (the live total counts its fees).
    pub fiscal_year: i32,
    /// The housing answer (the caps of the live total).
    pub housing: HousingAnswer,
    /// The first day whose fees count.
    pub counts_from: chrono::NaiveDate,
    /// The model's events.
    pub on: Callback<Event>,
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

/// What a row is called for a kind of contract: (row, date).
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

/// Props of [`PaymentRow`].
#[derive(Properties, PartialEq)]
pub struct PaymentRowProps {
    /// Contract index.
    pub ci: usize,
    /// Payment index.
    pub pi: usize,
    /// The contract's kind (names the row).
    pub kind: ContractKind,
    /// Date as typed.
    pub date: AttrValue,
    /// Amount as typed.
    pub amount: AttrValue,
    /// The date's problem.
    pub date_error: Option<AttrValue>,
    /// The amount's problem.
    pub amount_error: Option<AttrValue>,
    /// Whether the row can be removed (not the contract's only row).
    pub removable: bool,
    /// The date field's `min` and `max` (ISO).
    #[prop_or_default]
    pub min_max: Option<(AttrValue, AttrValue)>,
    /// Language.
    pub lang: Lang,
    /// The model's events.
    pub on: Callback<Event>,
}

/// One payment row.
#[function_component(PaymentRow)]
pub fn payment_row(p: &PaymentRowProps) -> Html {
    let (ci, pi, lang) = (p.ci, p.pi, p.lang);
    let (row_word, date_word) = payment_words(p.kind, lang);
    let remove =
        p.on.reform(move |_: MouseEvent| Event::Edit(Edit::RemovePayment(ci, pi)));
    // Made once per row: typing in the amount leaves the date field's props unchanged.
    let on_date = use_memo((p.on.clone(), ci, pi), |(on, ci, pi)| {
        let (ci, pi) = (*ci, *pi);
        on.reform(move |v| Event::Edit(Edit::PaymentDate(ci, pi, v)))
    });
    let on_amount = use_memo((p.on.clone(), ci, pi), |(on, ci, pi)| {
        let (ci, pi) = (*ci, *pi);
        on.reform(move |v| Event::Edit(Edit::PaymentAmount(ci, pi, v)))
    });
    html! {
        <div class="payment-row">
            <p class="label">{ format!("{row_word} {}", pi + 1) }</p>
            <TextInput id={payment_field(ci, pi, "date")} input_type="date" class="input-short" label={date_word}
                value={p.date.clone()} on_change={(*on_date).clone()}
                min={p.min_max.as_ref().map(|m| m.0.clone())} max={p.min_max.as_ref().map(|m| m.1.clone())}
                error={p.date_error.clone()} />
            <TextInput id={payment_field(ci, pi, "amount")} inputmode="numeric" class="input-short" autocomplete="off"
                label={lang.pick("金額(税込)", "Amount (tax included)")}
                value={p.amount.clone()} on_change={(*on_amount).clone()}
                error={p.amount_error.clone()} />
            if p.removable {
                <button type="button" class="link-button" onclick={remove}>
                    { match lang { Lang::Ja => format!("この{row_word}を削除"), Lang::En => format!("Remove this {}", row_word.to_lowercase()) } }
                </button>
            }
        </div>
    }
}

/// The page.
#[function_component(ContractsPage)]
pub fn page(p: &ContractsProps) -> Html {
    let a = &p.ask;
    let lang = a.lang;
    let on = &p.on;
    let several = p.contracts.len() > 1;
    let total = *use_memo(
        (p.contracts.clone(), p.fiscal_year, p.housing, p.counts_from),
        |(cs, fy, h, from)| contracts_total(rules(), *fy, &valid_contracts(cs), h.housing(), *from),
    );
    let min_max = p.bounds.as_ref().map(|b| {
        (
            AttrValue::from(format_date_iso(b.min)),
            AttrValue::from(format_date_iso(b.max)),
        )
    });
    html! {
        <Frame {lang} progress={a.progress} problems={a.problems.clone()} back={a.back} on={on.clone()}>
            <h1 tabindex="-1">{ lang.pick("契約ごとの支払い", "Your contracts and payments") }</h1>
            <p>{ lang.pick(
                "手数料は契約ごとに、その契約で受け取った金額の累計で段階的に決まります(10万円まで20%、20万円まで10%、それ以上5%)。マイルストーン払いは同じ契約に支払いを追加してください。時間単価制は週ごとに入力します。",
                "Fees are tiered per contract on the running total paid within it (20% up to ¥100,000, 10% up to ¥200,000, 5% above). Add milestone payments to the same contract. Hourly contracts are entered week by week.") }</p>
            if let Some(b) = &p.bounds { <p class="hint" id="payment-dates-hint">{ b.hint.get(lang).to_string() }</p> }
            { for p.contracts.iter().enumerate().map(|(ci, c)| {
                let (row_word, _) = payment_words(c.kind, lang);
                let on_kind = on.reform(move |e: web_sys::Event| {
                    let v = e.target_dyn_into::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
                    let kind = KINDS.into_iter().find(|k| kind_code(*k) == v).unwrap_or(ContractKind::Fixed);
                    Event::Edit(Edit::ContractKind(ci, kind))
                });
                let kind_id = format!("c{ci}-kind");
                html! {
                    <fieldset class="contract" key={ci}>
                        <legend><h2>{ match lang { Lang::Ja => format!("契約 {}", ci + 1), Lang::En => format!("Contract {}", ci + 1) } }</h2></legend>
                        <TextInput id={format!("c{ci}-label")} label={lang.pick("名前(任意)", "Name (optional)")}
                            value={c.label.clone()} on_change={on.reform(move |v| Event::Edit(Edit::ContractLabel(ci, v)))} autocomplete="off" />
                        <div class="field">
                            <label for={kind_id.clone()}>{ lang.pick("契約の形式", "Kind of contract") }</label>
                            <select id={kind_id} class="input" onchange={on_kind}>
                                { for KINDS.iter().map(|k| html! {
                                    <option value={kind_code(*k)} selected={*k == c.kind}>{ k.name().get(lang).to_string() }</option>
                                }) }
                            </select>
                        </div>
                        { for c.payments.iter().enumerate().map(|(pi, pay)| html! {
                            <PaymentRow key={pi} {ci} {pi} kind={c.kind} {lang} on={on.clone()}
                                date={pay.date.clone()} amount={pay.amount.clone()}
                                date_error={problem_for(&a.problems, &payment_field(ci, pi, "date"), lang)}
                                amount_error={problem_for(&a.problems, &payment_field(ci, pi, "amount"), lang)}
                                removable={c.payments.len() > 1} min_max={min_max.clone()} />
                        }) }
                        <div class="button-row">
                            <button type="button" class="button button-secondary" onclick={on.reform(move |_: MouseEvent| Event::Edit(Edit::AddPayment(ci)))}>
                                { match lang { Lang::Ja => format!("{row_word}を追加"), Lang::En => format!("Add {}", row_word.to_lowercase()) } }
                            </button>
                            if several {
                                <button type="button" class="link-button" onclick={on.reform(move |_: MouseEvent| Event::Edit(Edit::RemoveContract(ci)))}>{ lang.pick("この契約を削除", "Remove this contract") }</button>
                            }
                        </div>
                    </fieldset>
                }
            }) }
            <div class="button-row">
                <button type="button" class="button button-secondary" onclick={on.reform(|_: MouseEvent| Event::Edit(Edit::AddContract))}>{ lang.pick("契約を追加", "Add a contract") }</button>
            </div>
            <LiveTotalLine {total} {lang} />
        </Frame>
    }
}
