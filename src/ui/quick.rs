//! The quick estimate form: monthly earnings, typical contract size, kinds of work.

use super::fields::{problem_for, Frame, TextInput};
use super::state::{Action, Drafts, QuickDraft, State};
use crate::rules::data::rules;
use crate::rules::format_yen;
use crate::rules::subsidy::YearMonth;
use yew::prelude::*;

/// Props of [`QuickPage`].
#[derive(Properties, PartialEq)]
pub struct QuickPageProps {
    /// The state.
    pub state: State,
    /// The dispatcher.
    pub dispatch: Callback<Action>,
}

/// Dispatches an edit of the quick draft.
fn edit(
    d: &Callback<Action>,
    drafts: &Drafts,
    f: impl Fn(&mut QuickDraft) + 'static,
) -> Callback<()> {
    let d = d.clone();
    let drafts = drafts.clone();
    Callback::from(move |_| {
        let mut next = drafts.clone();
        f(&mut next.quick);
        d.emit(Action::EditDrafts(next));
    })
}

fn checkbox(id: &'static str, label: String, checked: bool, on_toggle: Callback<()>) -> Html {
    html! {
        <div class="choice">
            <input type="checkbox" id={id} {checked} onchange={on_toggle.reform(|_: Event| ())} />
            <label for={id}>{ label }</label>
        </div>
    }
}

/// The live figure: the subsidy for what is typed so far, updated as the person types (computed
/// by the engine; the full breakdown comes on the result page).
fn live_estimate(s: &State) -> Html {
    let lang = s.lang;
    let text = match s.quick_preview() {
        Some((a, b)) => {
            let (lo, hi) = (a.min(b), a.max(b));
            let amount = if lo == hi {
                format_yen(lo)
            } else {
                format!("{} 〜 {}", format_yen(lo), format_yen(hi))
            };
            match lang {
                crate::rules::Lang::Ja => format!("この入力での助成額の目安: 年 {amount}"),
                crate::rules::Lang::En => {
                    format!("Subsidy for these figures: about {amount} a year")
                }
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

/// The quick estimate page.
#[function_component(QuickPage)]
pub fn quick_page(p: &QuickPageProps) -> Html {
    let s = &p.state;
    let lang = s.lang;
    let q = &s.drafts.quick;
    let d = &p.dispatch;
    let defaults = &rules().quick_estimate;
    let text_edit = |f: fn(&mut QuickDraft, String)| {
        let d = d.clone();
        let drafts = s.drafts.clone();
        Callback::from(move |v: String| {
            let mut next = drafts.clone();
            f(&mut next.quick, v);
            d.emit(Action::EditDrafts(next));
        })
    };
    let unknown_hint = |low, high| match lang {
        crate::rules::Lang::Ja => format!(
            "わからない場合は {}〜{} の幅で試算します(仮の値)。",
            format_yen(low),
            format_yen(high)
        ),
        crate::rules::Lang::En => format!(
            "If you don't know, the estimate uses a range of {}–{} (placeholder values).",
            format_yen(low),
            format_yen(high)
        ),
    };
    // The months of the fiscal year after April (April itself is the whole year).
    let months: Vec<YearMonth> = YearMonth::new(s.fiscal_year, 4)
        .map(|april| (1..12).map(|i| april.plus_months(i)).collect())
        .unwrap_or_default();
    let first_month_changed = {
        let d = d.clone();
        let drafts = s.drafts.clone();
        Callback::from(move |e: Event| {
            let v = e
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            let mut next = drafts.clone();
            next.quick.first_month = YearMonth::parse(&v);
            d.emit(Action::EditDrafts(next));
        })
    };
    html! {
        <Frame {lang} progress={s.progress()} problems={s.problems.clone()} on_back={d.reform(|_| Action::Back)}
            on_continue={Some(d.reform(|_| Action::Continue))}>
            <h1 tabindex="-1">{ lang.pick("クラウドワークスでの収入(おおまか)", "Your CrowdWorks earnings (rough)") }</h1>
            <p>{ lang.pick("金額は「50000」「5万」「５０，０００円」のどれでも入力できます。", "Type amounts any way you like: 50000, 5万, ５０，０００円.") }</p>
            <TextInput id="quick-monthly" inputmode="numeric" class="input-short" autocomplete="off"
                label={lang.pick("1か月の収入(税込、手数料を引く前)", "Earnings a month (tax included, before fees)")}
                hint={unknown_hint(defaults.monthly_earnings.low, defaults.monthly_earnings.high)}
                value={q.monthly.clone()} disabled={q.monthly_unknown}
                on_change={text_edit(|q, v| q.monthly = v)}
                error={problem_for(&s.problems, "quick-monthly", lang)} />
            { checkbox("quick-monthly-unknown", lang.pick("わからない", "I don't know").into(), q.monthly_unknown,
                edit(d, &s.drafts, |q| q.monthly_unknown = !q.monthly_unknown)) }
            <TextInput id="quick-size" inputmode="numeric" class="input-short" autocomplete="off"
                label={lang.pick("よくある1件の契約金額(税込)", "Typical contract amount (tax included)")}
                hint={unknown_hint(defaults.contract_size.low, defaults.contract_size.high)}
                value={q.size.clone()} disabled={q.size_unknown}
                on_change={text_edit(|q, v| q.size = v)}
                error={problem_for(&s.problems, "quick-size", lang)} />
            { checkbox("quick-size-unknown", lang.pick("わからない", "I don't know").into(), q.size_unknown,
                edit(d, &s.drafts, |q| q.size_unknown = !q.size_unknown)) }
            <fieldset class={classes!("field", problem_for(&s.problems, "quick-kind-fixed", lang).map(|_| "field-error"))}>
                <legend class="label">{ lang.pick("仕事の種類(いくつでも)", "Kinds of work (choose any)") }</legend>
                if let Some(e) = problem_for(&s.problems, "quick-kind-fixed", lang) { <p class="error-message">{ e }</p> }
                <div class="choices">
                    { checkbox("quick-kind-fixed", lang.pick("固定報酬制(記事・デザインなど)", "Fixed-price contracts (articles, design…)").into(), q.fixed, edit(d, &s.drafts, |q| q.fixed = !q.fixed)) }
                    { checkbox("quick-kind-hourly", lang.pick("時間単価制", "Hourly contracts").into(), q.hourly, edit(d, &s.drafts, |q| q.hourly = !q.hourly)) }
                    { checkbox("quick-kind-task", lang.pick("タスク形式", "Tasks").into(), q.task, edit(d, &s.drafts, |q| q.task = !q.task)) }
                </div>
                <p class="hint">{ lang.pick("複数選ぶと、収入を均等に分けて試算します。", "With several kinds, earnings are split equally between them.") }</p>
            </fieldset>
            { live_estimate(s) }
            <div class="field">
                <label for="quick-first-month">{ lang.pick("年度の途中から始める場合、最初の月", "Starting mid-year? First month of work") }</label>
                <p class="hint" id="quick-first-month-hint">{ lang.pick("その月からの支払いだけを数えます(上限は按分しないと想定)。", "Only payments from that month count (the cap is assumed not to be pro-rated).") }</p>
                <select id="quick-first-month" class="input input-short" aria-describedby="quick-first-month-hint" onchange={first_month_changed}>
                    <option value="" selected={q.first_month.is_none()}>{ lang.pick("年度のはじめから", "The whole year") }</option>
                    { for months.iter().map(|m| html! {
                        <option value={format!("{}-{:02}", m.year, m.month)} selected={q.first_month == Some(*m)}>
                            { super::state::month_label(*m, lang) }
                        </option>
                    }) }
                </select>
            </div>
        </Frame>
    }
}
