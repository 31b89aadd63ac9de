//! `#/earnings/quick`: monthly earnings, typical contract size, kinds of work, with a live
//! subsidy figure as the person types.

use super::Ask;
use crate::flow::drafts::QuickDraft;
use crate::flow::forms::quick_input;
use crate::flow::update::{Edit, WorkKind};
use crate::flow::Event;
use crate::rules::calendar::{fiscal_year_months, month_label, YearMonth};
use crate::rules::data::rules;
use crate::rules::eligibility::HousingAnswer;
use crate::rules::preview::quick_subsidy;
use crate::rules::span::{format_yen_range, Span};
use crate::rules::{format_yen, Lang};
use crate::ui::components::fields::{problem_for, TextInput};
use crate::ui::components::frame::Frame;
use yew::prelude::*;

/// Props of [`QuickPage`].
#[derive(Properties, PartialEq)]
pub struct QuickProps {
    /// The frame's slice.
    pub ask: Ask,
    /// The form as typed.
    pub draft: QuickDraft,
    /// The fiscal year.
    pub fiscal_year: i32,
    /// The housing answer (sets the cap of the live figure).
    pub housing: HousingAnswer,
    /// The first day whose fees count (moved in, joined hinode): the live figure counts from it.
    pub counts_from: chrono::NaiveDate,
    /// The model's events.
    pub on: Callback<Event>,
}

fn checkbox(
    id: &'static str,
    label: &str,
    checked: bool,
    on_toggle: Callback<web_sys::Event>,
) -> Html {
    html! {
        <div class="choice">
            <input type="checkbox" id={id} {checked} onchange={on_toggle} />
            <label for={id}>{ label.to_string() }</label>
        </div>
    }
}

/// The live figure, from the engine (memoised on what it reads).
fn live_estimate(preview: Option<(u64, u64)>, lang: Lang) -> Html {
    let text = match preview {
        Some((low, high)) => {
            let amount = format_yen_range(Span { low, high }, lang);
            match lang {
                Lang::Ja => format!("この入力での助成額の目安: 年 {amount}"),
                Lang::En => format!("Subsidy for these figures: about {amount} a year"),
            }
        }
        None => lang
            .pick(
                "金額を入力すると、助成額の目安がここに出ます。",
                "Enter the amounts to see the subsidy here.",
            )
            .to_string(),
    };
    html! { <p class="live-estimate" id="live-estimate" aria-live="polite">{ text }</p> }
}

/// The page.
#[function_component(QuickPage)]
pub fn page(p: &QuickProps) -> Html {
    let a = &p.ask;
    let lang = a.lang;
    let q = &p.draft;
    let on = &p.on;
    let defaults = &rules().quick_estimate;
    let preview = *use_memo(
        (q.clone(), p.fiscal_year, p.housing, p.counts_from),
        |(q, fy, h, from)| {
            let answers = quick_input(q, *fy).ok()?;
            quick_subsidy(rules(), *fy, &answers, h.housing(), *from)
        },
    );
    let unknown_hint = |low, high| match lang {
        Lang::Ja => format!(
            "わからない場合は {}〜{} の幅で試算します(仮の値)。",
            format_yen(low),
            format_yen(high)
        ),
        Lang::En => format!(
            "If you don't know, the estimate uses a range of {}–{} (placeholder values).",
            format_yen(low),
            format_yen(high)
        ),
    };
    // The months of the fiscal year after April (April itself is the whole year).
    let months: Vec<YearMonth> = fiscal_year_months(p.fiscal_year)
        .into_iter()
        .skip(1)
        .collect();
    let first_month_changed = on.reform(|e: web_sys::Event| {
        let v = e
            .target_dyn_into::<web_sys::HtmlSelectElement>()
            .map(|s| s.value())
            .unwrap_or_default();
        Event::Edit(Edit::QuickFirstMonth(YearMonth::parse(&v)))
    });
    let toggle = |edit: Edit| on.reform(move |_: web_sys::Event| Event::Edit(edit.clone()));
    // The text fields' callbacks are made once: an unchanged field then has unchanged props, and
    // typing in one field re-renders that field only.
    let on_monthly = use_memo(on.clone(), |on| {
        on.reform(|v| Event::Edit(Edit::QuickMonthly(v)))
    });
    let on_size = use_memo(on.clone(), |on| {
        on.reform(|v| Event::Edit(Edit::QuickSize(v)))
    });
    html! {
        <Frame {lang} progress={a.progress} problems={a.problems.clone()} back={a.back} on={on.clone()}>
            <h1 tabindex="-1">{ lang.pick("クラウドワークスでの収入(おおまか)", "Your CrowdWorks earnings (rough)") }</h1>
            <p>{ lang.pick("金額は「50000」「5万」「５０，０００円」のどれでも入力できます。", "Type amounts any way you like: 50000, 5万, ５０，０００円.") }</p>
            <TextInput id="quick-monthly" inputmode="numeric" class="input-short" autocomplete="off"
                label={lang.pick("1か月の収入(税込、手数料を引く前)", "Earnings a month (tax included, before fees)")}
                hint={unknown_hint(defaults.monthly_earnings.low, defaults.monthly_earnings.high)}
                value={q.monthly.clone()} disabled={q.monthly_unknown}
                on_change={(*on_monthly).clone()}
                error={problem_for(&a.problems, "quick-monthly", lang)} />
            { checkbox("quick-monthly-unknown", lang.pick("わからない", "I don't know"), q.monthly_unknown,
                toggle(Edit::QuickMonthlyUnknown(!q.monthly_unknown))) }
            <TextInput id="quick-size" inputmode="numeric" class="input-short" autocomplete="off"
                label={lang.pick("よくある1件の契約金額(税込)", "Typical contract amount (tax included)")}
                hint={unknown_hint(defaults.contract_size.low, defaults.contract_size.high)}
                value={q.size.clone()} disabled={q.size_unknown}
                on_change={(*on_size).clone()}
                error={problem_for(&a.problems, "quick-size", lang)} />
            { checkbox("quick-size-unknown", lang.pick("わからない", "I don't know"), q.size_unknown,
                toggle(Edit::QuickSizeUnknown(!q.size_unknown))) }
            <fieldset class={classes!("field", problem_for(&a.problems, "quick-kind-fixed", lang).map(|_| "field-error"))}>
                <legend class="label">{ lang.pick("仕事の種類(いくつでも)", "Kinds of work (choose any)") }</legend>
                if let Some(e) = problem_for(&a.problems, "quick-kind-fixed", lang) { <p class="error-message">{ e }</p> }
                <div class="choices">
                    { checkbox("quick-kind-fixed", lang.pick("固定報酬制(記事・デザインなど)", "Fixed-price contracts (articles, design…)"), q.fixed, toggle(Edit::QuickKind(WorkKind::Fixed, !q.fixed))) }
                    { checkbox("quick-kind-hourly", lang.pick("時間単価制", "Hourly contracts"), q.hourly, toggle(Edit::QuickKind(WorkKind::Hourly, !q.hourly))) }
                    { checkbox("quick-kind-task", lang.pick("タスク形式", "Tasks"), q.task, toggle(Edit::QuickKind(WorkKind::Task, !q.task))) }
                </div>
                <p class="hint">{ lang.pick("複数選ぶと、収入を均等に分けて試算します。", "With several kinds, earnings are split equally between them.") }</p>
            </fieldset>
            { live_estimate(preview, lang) }
            <div class="field">
                <label for="quick-first-month">{ lang.pick("年度の途中から始める場合、最初の月", "Starting mid-year? First month of work") }</label>
                <p class="hint" id="quick-first-month-hint">{ lang.pick("その月からの支払いだけを数えます(上限は按分しないと想定)。", "Only payments from that month count (the cap is assumed not to be pro-rated).") }</p>
                <select id="quick-first-month" class="input input-short" aria-describedby="quick-first-month-hint" onchange={first_month_changed}>
                    <option value="" selected={q.first_month.is_none()}>{ lang.pick("年度のはじめから", "The whole year") }</option>
                    { for months.iter().map(|m| html! {
                        <option value={m.to_string()} selected={q.first_month == Some(*m)}>{ month_label(*m, lang) }</option>
                    }) }
                </select>
            </div>
        </Frame>
    }
}
