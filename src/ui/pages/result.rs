//! The result: the verdict, each criterion with why and what next, the fiscal-year estimate with
//! its trace and chart, the assumptions and the rules' version. All computed by the engine.

use crate::flow::{Event, Route};
use crate::rules::application::Drafting;
use crate::rules::data::rules;
use crate::rules::eligibility::{Status, Verdict};
use crate::rules::next_steps::NextStep;
use crate::rules::scenario::{evaluate, Outcome, ScenarioFile};
use crate::rules::sources::sources_used;
use crate::rules::span::{format_rate_range, format_yen_range, Span};
use crate::rules::subsidy::FiscalYearResult;
use crate::rules::wareki::format_date_lang;
use crate::rules::{Lang, Text, Yen};
use crate::ui::components::calculation::{chart_for, trace_list};
use crate::ui::components::data_file::DataFile;
use crate::ui::components::link::Link;
use yew::prelude::*;

/// Props of [`ResultPage`].
#[derive(Properties, PartialEq)]
pub struct ResultProps {
    /// Language.
    pub lang: Lang,
    /// The answers as a scenario file (with the applicant's details, for 「データを保存」).
    pub file: ScenarioFile,
    /// Why the last file could not be opened.
    #[prop_or_default]
    pub file_error: Option<Text>,
    /// Shown in seminar mode (nothing is saved there).
    #[prop_or_default]
    pub seminar: bool,
    /// The day the figures are for (whether a year has ended, from when the person qualifies).
    pub today: chrono::NaiveDate,
    /// The model's events.
    pub on: Callback<Event>,
}

/// A money span as shown: one figure, or low 〜 high.
fn money(span: Span<Yen>, lang: Lang) -> String {
    format_yen_range(span, lang)
}

fn figure(label: &str, value: String, main: bool) -> Html {
    html! {
        <div class={classes!("figure", main.then_some("figure-main"))}>
            <dt>{ label.to_string() }</dt>
            <dd>{ value }</dd>
        </div>
    }
}

/// The calculation as a disclosure (both ends of a range).
fn trace_section(o: &Outcome, lang: Lang) -> Html {
    let Some(sub) = &o.subsidy else {
        return html! {};
    };
    let (lo, hi) = (&sub.low, &sub.high);
    html! {
        <details class="disclosure" id="trace">
            <summary>{ lang.pick("計算の手順", "The calculation, step by step") }</summary>
            if sub.is_range && lo != hi {
                <h3>{ lang.pick("少ない場合", "Low end") }</h3>
                { trace_list(lo, lang) }
                <h3>{ lang.pick("多い場合", "High end") }</h3>
                { trace_list(hi, lang) }
            } else {
                { trace_list(lo, lang) }
            }
        </details>
    }
}

fn estimate_section(lang: Lang, file: &ScenarioFile, o: &Outcome) -> Html {
    let Some(sub) = &o.subsidy else {
        return html! {
            <p>{ lang.pick("収入を入力していないため、助成額の試算はありません。", "No earnings were given, so there is no estimate of the subsidy.") }</p>
        };
    };
    let (lo, hi) = (&sub.low, &sub.high);
    // Every figure of a range from the inputs that make that figure lowest and highest (the
    // engine pairs them), printed low to high.
    let f = &sub.figures;
    let earnings = f.earnings.map(|e| money(e, lang));
    let rate_text = f
        .fee_rate_after_subsidy_bp
        .map(|r| format_rate_range(r, lang));
    // The caps that may apply (both, while the housing is undecided).
    let cap = Span {
        low: o.assessment.cap.low,
        high: o.assessment.cap.high,
    };
    html! {
        <section aria-labelledby="estimate-title">
            <h2 id="estimate-title">{ match lang {
                Lang::Ja => format!("{}の試算", o.fiscal_year_name.ja),
                Lang::En => format!("Estimate for {}", o.fiscal_year_name.en),
            } }</h2>
            <dl class="figures">
                { figure(lang.pick("助成額", "Subsidy"), money(f.subsidy, lang), true) }
                if let Some(e) = earnings { { figure(lang.pick("収入", "Earnings"), e, false) } }
                { figure(lang.pick("手数料(税込)", "Fees (tax incl.)"), money(f.fees, lang), false) }
                { figure(lang.pick("上限", "Cap"), money(cap, lang), false) }
                { figure(lang.pick("助成されない手数料", "Fees not covered"), money(f.uncovered, lang), false) }
                if let Some(r) = rate_text { { figure(lang.pick("助成後の実質手数料率", "Effective fee rate after subsidy"), r, false) } }
            </dl>
            { chart_for(lang, file.estimate.as_ref(), o) }
            if let Some(t) = &o.forecast_text { <p class="notice" id="forecast">{ t.get(lang).to_string() }</p> }
            if let Some(n) = &o.nothing_counted { <p class="notice notice-warning" id="nothing-counted">{ n.text.get(lang).to_string() }</p> }
            { not_counted(hi, lang) }
            if sub.is_range {
                <div class="notice">
                    { for sub.because.iter().map(|t| html! { <p>{ t.get(lang).to_string() }</p> }) }
                    if let Some(t) = &o.assessment.narrowing_text { <p><strong>{ t.get(lang).to_string() }</strong></p> }
                </div>
            }
            { for [lo, hi].into_iter().filter_map(|y| y.period_note.as_ref()).take(1).map(|n| html! {
                <p class="notice">{ n.get(lang).to_string() }</p>
            }) }
            if let Some(q) = &o.quick_estimate {
                <p class="small" id="assumed-contracts">
                    { lang.pick("試算で仮定した契約: ", "Contracts assumed for the estimate: ") }
                    { q.low.description.get(lang).to_string() }
                    if q.is_range && q.low.description != q.high.description {
                        { lang.pick(" 〜 ", " to ") }{ q.high.description.get(lang).to_string() }
                    }
                </p>
            }
            <p>{ o.paid_when.get(lang).to_string() }</p>
        </section>
    }
}

/// The payments (or months) left out of the year, each with why and the year it belongs to:
/// nothing vanishes silently.
fn not_counted(year: &FiscalYearResult, lang: Lang) -> Html {
    if year.not_counted.is_empty() {
        return html! {};
    }
    let n = year.not_counted.len();
    html! {
        <details class="not-counted" id="not-counted">
            <summary>{ match lang {
                Lang::Ja => format!("この年度に数えなかった支払い({n}件)"),
                Lang::En => format!("Not counted in this year ({n})"),
            } }</summary>
            <ul>{ for year.not_counted.iter().map(|x| html! { <li>{ x.text.get(lang).to_string() }</li> }) }</ul>
        </details>
    }
}

/// The subsidy of each fiscal year the next three years touch, and the total.
fn outlook(o: &Outcome, lang: Lang) -> Html {
    let Some(out) = &o.outlook else {
        return html! {};
    };
    html! {
        <section aria-labelledby="outlook-title" class="outlook">
            <h2 id="outlook-title">{ lang.pick("3年間の見通し", "The next three years") }</h2>
            <p class="small">{ out.text.get(lang).to_string() }</p>
            <div class="table-wrap" tabindex="0" role="region" aria-label={lang.pick("3年間の見通しの表", "Table of the next three years")}>
                <table class="outlook-table">
                    <thead><tr>
                        <th scope="col">{ lang.pick("年度", "Fiscal year") }</th>
                        <th scope="col">{ lang.pick("数える期間", "Fees counted") }</th>
                        <th scope="col" class="num">{ lang.pick("助成額", "Subsidy") }</th>
                    </tr></thead>
                    <tbody>
                        { for out.years.iter().map(|y| html! {
                            <tr>
                                <th scope="row">{ y.name.get(lang).to_string() }</th>
                                <td>{ match y.counts_from {
                                    Some(from) => format!("{} – {}", format_date_lang(from, lang), format_date_lang(y.counts_to, lang)),
                                    None => lang.pick("なし(まだ条件を満たしていません)", "none (not yet eligible)").to_string(),
                                } }</td>
                                <td class="num">{ money(y.subsidy, lang) }</td>
                            </tr>
                        }) }
                    </tbody>
                    <tfoot><tr>
                        <th scope="row" colspan="2">{ lang.pick("3年間の合計", "Three years in all") }</th>
                        <td class="num" id="outlook-total">{ money(out.total, lang) }</td>
                    </tr></tfoot>
                </table>
            </div>
            <ul class="small">{ for out.assumptions.iter().map(|t| html! { <li>{ t.get(lang).to_string() }</li> }) }</ul>
        </section>
    }
}

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Eligible => "verdict",
        Verdict::EligibleOnceActionsDone => "verdict verdict-once",
        Verdict::NotEligible => "verdict verdict-not",
        Verdict::NeedsMoreInfo => "verdict verdict-info",
    }
}

/// The result page.
#[function_component(ResultPage)]
pub fn result_page(p: &ResultProps) -> Html {
    let lang = p.lang;
    let on = &p.on;
    // Evaluated once per answer set, not on every render.
    let outcome = use_memo((p.file.clone(), p.today), |(file, today)| {
        let mut plain = file.clone();
        plain.applicant = None;
        evaluate(rules(), &plain, *today)
    });
    let file = &p.file;
    let restart = on.reform(|_: MouseEvent| Event::Clear);
    let o = match &*outcome {
        Ok(o) => o,
        Err(e) => {
            return html! {
                <div>
                    <h1 tabindex="-1">{ lang.pick("計算できませんでした", "The estimate could not be calculated") }</h1>
                    <p class="notice notice-warning">{ e.text().get(lang).to_string() }</p>
                    <div class="button-row"><Link to={Route::Check} on={on.clone()} class="button">{ lang.pick("回答を見直す", "Review your answers") }</Link></div>
                </div>
            };
        }
    };
    let a = &o.assessment;
    let stamp = &o.stamp;
    let subsidy = o.subsidy.as_ref().map(|s| money(s.figures.subsidy, lang));
    let first_step: Option<&NextStep> = o.next_steps.first();
    let sources = sources_used(rules(), o);
    html! {
        <div class="result">
            // The answer first, in one screen on a phone: the headline for the year, the subsidy,
            // and the one next step that matters most. The headline is for the year chosen: never
            // "likely eligible" over a year that ends before fees count.
            <div class={if o.timing.positive || !a.verdict.is_positive() { verdict_class(a.verdict) } else { "verdict verdict-info" }}>
                <h1 tabindex="-1">{ o.timing.headline.get(lang).to_string() }</h1>
                if let Some(amount) = &subsidy {
                    <p class="verdict-amount" id="result-subsidy">
                        { match lang {
                            Lang::Ja => format!("{}の助成額{}: ", o.fiscal_year_name.ja, if o.forecast { "(見込み)" } else { "" }),
                            Lang::En => format!("Subsidy for {}{}: ", o.fiscal_year_name.en, if o.forecast { " (forecast)" } else { "" }),
                        } }
                        <strong>{ amount.clone() }</strong>
                    </p>
                }
                if let Some(s) = first_step {
                    <p class="first-step" id="first-step"><strong>{ lang.pick("次にすること: ", "Next: ") }</strong>{ s.what.get(lang).to_string() }</p>
                }
            </div>
            if !o.next_steps.is_empty() {
                <section aria-labelledby="next-steps-title">
                    <h2 id="next-steps-title">{ lang.pick("これからすること", "What to do next") }</h2>
                    <ol class="next-steps">
                        { for o.next_steps.iter().map(|s| html! {
                            <li><strong>{ s.what.get(lang).to_string() }</strong><br /><span class="small">{ s.why.get(lang).to_string() }</span></li>
                        }) }
                    </ol>
                </section>
            }
            if !a.to_become_eligible.is_empty() && !a.verdict.is_positive() {
                <h2>{ lang.pick("対象になるには", "What would make you eligible") }</h2>
                <ul>{ for a.to_become_eligible.iter().map(|c| html! { <li>{ c.text.get(lang).to_string() }</li> }) }</ul>
            }
            // Seminar mode drafts, saves and clears nothing: no application there.
            if !p.seminar {
            <div class="button-row no-print">
                { match &o.application {
                    Drafting::Ready { .. } => html! {
                        <Link to={Route::Applicant} on={on.clone()} class="button" id="make-application">
                            { lang.pick("申請書の下書きを作る", "Prepare the application") }
                        </Link>
                    },
                    // Not for this year: the button says why instead of leading to a form.
                    Drafting::NotReady { text, .. } => html! {
                        <>
                        <button type="button" class="button" id="make-application" disabled=true aria-describedby="application-why">
                            { lang.pick("申請書の下書きを作る", "Prepare the application") }
                        </button>
                        <p class="small" id="application-why">{ text.get(lang).to_string() }</p>
                        </>
                    },
                } }
                <Link to={Route::Check} on={on.clone()} class="button button-secondary">{ lang.pick("回答を変更する", "Change your answers") }</Link>
            </div>
            }
            { outlook(o, lang) }
            // The rest, one disclosure each: reachable by keyboard and screen readers, out of the way.
            <details class="disclosure" id="criteria">
                <summary>{ lang.pick("条件ごとの判定", "Each condition") }</summary>
                <p id="year-status">{ o.timing.year_status_text.get(lang).to_string() }</p>
                <p>{ a.cap.text.get(lang).to_string() }</p>
                <ul class="criteria">
                    { for a.criteria.iter().map(|c| {
                        let (mark, class, sr) = match &c.status {
                            Status::Met => ("✓", "mark mark-met", lang.pick("満たしている", "met")),
                            Status::NotMet => ("✗", "mark mark-not", lang.pick("満たしていない", "not met")),
                            Status::NotYet { .. } => ("△", "mark mark-yet", lang.pick("まだ(手続きで満たせる)", "not yet (an action would meet it)")),
                            Status::Unknown => ("?", "mark mark-unknown", lang.pick("わからない", "unknown")),
                        };
                        html! {
                            <li class="criterion" data-status={match c.status { Status::Met => "met", Status::NotMet => "not_met", Status::NotYet { .. } => "not_yet", Status::Unknown => "unknown" }}>
                                <span class={class} aria-hidden="true">{ mark }</span>
                                <div>
                                    <p><strong>{ c.wording.get(lang).to_string() }</strong><span class="visually-hidden">{ format!(": {sr}") }</span></p>
                                    <p>{ c.reason.get(lang).to_string() }</p>
                                    if !c.next_step.get(lang).is_empty() && c.status != Status::Met { <p class="small">{ lang.pick("次にすること: ", "Next step: ") }{ c.next_step.get(lang).to_string() }</p> }
                                </div>
                            </li>
                        }
                    }) }
                </ul>
            </details>
            // On the projector the figures and the chart are the point: open there.
            <details class="disclosure" id="figures" open={p.seminar}>
                <summary>{ lang.pick("助成額の内訳とグラフ", "The figures and the chart") }</summary>
                { estimate_section(lang, file, o) }
            </details>
            { trace_section(o, lang) }
            if !o.not_covered.is_empty() {
                <details class="disclosure" id="not-covered">
                    <summary>{ lang.pick("助成の対象外と考えられるもの", "Most likely not covered") }</summary>
                    <ul>{ for o.not_covered.iter().map(|t| html! { <li>{ t.get(lang).to_string() }</li> }) }</ul>
                </details>
            }
            <details class="disclosure" id="assumptions">
                <summary id="assumptions-title">{ match lang {
                    Lang::Ja => format!("前提(確認できていない点)— {}件", o.assumptions.len()),
                    Lang::En => format!("Assumptions (points not confirmed) — {}", o.assumptions.len()),
                } }</summary>
                <ul class="assumptions">{ for o.assumptions.iter().map(|n| html! { <li>{ n.wording.get(lang).to_string() }</li> }) }</ul>
            </details>
            <details class="disclosure" id="sources">
                <summary>{ match lang {
                    Lang::Ja => format!("出典(使った値とその確認日)— {}件", sources.len()),
                    Lang::En => format!("Sources (each value used, and when it was checked) — {}", sources.len()),
                } }</summary>
                <ul class="sources">
                    { for sources.iter().map(|s| html! {
                        <li>
                            { s.what.get(lang).to_string() }{ " — " }
                            <a href={s.source.url.clone()} rel="noopener noreferrer" target="_blank">{ s.source.url.clone() }</a>
                            { match lang {
                                Lang::Ja => format!("({}確認)", format_date_lang(s.source.checked, lang)),
                                Lang::En => format!(" (checked {})", format_date_lang(s.source.checked, lang)),
                            } }
                        </li>
                    }) }
                </ul>
            </details>
            <p class="small">{ match lang {
                Lang::Ja => format!("ルール版 {}({}時点で確認、ハッシュ {})", stamp.version, format_date_lang(stamp.checked, lang), stamp.hash),
                Lang::En => format!("Rules version {} (checked {}, hash {})", stamp.version, format_date_lang(stamp.checked, lang), stamp.hash),
            } }</p>
            <p class="notice"><strong>{ o.desk_note.get(lang).to_string() }</strong></p>
            if !p.seminar {
                <div class="button-row no-print">
                    <button type="button" class="link-button" onclick={restart}>{ lang.pick("最初からやり直す(回答を消去)", "Start again (delete answers)") }</button>
                </div>
                <DataFile {lang} file={Some(file.clone())} error={p.file_error.clone()} on={on.clone()} />
            }
        </div>
    }
}
