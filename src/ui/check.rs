//! Check your answers: every answer with a change link that returns here.

use super::state::{Action, EarnMode, State, Step};
use crate::rules::eligibility::{Answer, HousingAnswer, Residence};
use crate::rules::subsidy::fiscal_year_name;
use crate::rules::wareki::{fiscal_year_label, format_date_lang};
use crate::rules::Lang;
use yew::prelude::*;

/// Props of [`CheckPage`].
#[derive(Properties, PartialEq)]
pub struct CheckPageProps {
    /// The state.
    pub state: State,
    /// The dispatcher.
    pub dispatch: Callback<Action>,
}

fn answer(a: Answer, lang: Lang) -> &'static str {
    match a {
        Answer::Yes => lang.pick("はい", "Yes"),
        Answer::No => lang.pick("いいえ", "No"),
        Answer::Unknown => lang.pick("わからない", "I don't know"),
    }
}

/// The rows of the summary: (step, question, answer).
pub fn rows(s: &State) -> Vec<(Step, String, String)> {
    let lang = s.lang;
    let a = &s.answers;
    let mut rows = Vec::new();
    for step in s.route() {
        let row = match step {
            Step::Residence => Some((
                lang.pick("いすみ市に住んでいるか", "Living in Isumi"),
                match a.residence {
                    Residence::LivesInIsumi => lang.pick("住んでいる", "Yes").to_string(),
                    Residence::PlanningToMove { when: Some(d) } => match lang {
                        Lang::Ja => format!("移る予定({}ごろ)", format_date_lang(d, lang)),
                        Lang::En => {
                            format!("Planning to move (around {})", format_date_lang(d, lang))
                        }
                    },
                    Residence::PlanningToMove { when: None } => {
                        lang.pick("移る予定", "Planning to move").to_string()
                    }
                    Residence::NotPlanning => lang
                        .pick("移る予定はない", "Not planning to move")
                        .to_string(),
                    Residence::Unknown => lang.pick("わからない", "I don't know").to_string(),
                },
            )),
            Step::Stay3Years => Some((
                lang.pick("3年以上住所を置くつもりか", "Keeping the address 3+ years"),
                answer(a.stay_3_years, lang).to_string(),
            )),
            Step::Crowdworks => Some((
                lang.pick("クラウドワークスのアカウント", "CrowdWorks account"),
                answer(a.crowdworks_account, lang).to_string(),
            )),
            Step::Hinode => Some((
                lang.pick("hinode特別会員", "hinode special member"),
                answer(a.hinode_special_member, lang).to_string(),
            )),
            Step::Housing => Some((
                lang.pick("住まいの種類", "Housing"),
                match a.housing {
                    HousingAnswer::Shared => {
                        lang.pick("共同物件(シェアハウスなど)", "Shared property")
                    }
                    HousingAnswer::Individual => {
                        lang.pick("個人の物件(アパート・一戸建て)", "Individual property")
                    }
                    HousingAnswer::Undecided => lang.pick("まだ決めていない", "Not decided"),
                }
                .to_string(),
            )),
            Step::FiscalYear => Some((
                lang.pick("年度", "Fiscal year"),
                match lang {
                    Lang::Ja => format!(
                        "{}({})",
                        fiscal_year_label(s.fiscal_year),
                        fiscal_year_name(s.fiscal_year).ja
                    ),
                    Lang::En => fiscal_year_name(s.fiscal_year).en,
                },
            )),
            Step::EarnMode => Some((
                lang.pick("収入の入力方法", "How earnings are given"),
                match s.earn_mode {
                    Some(EarnMode::Quick) | None => lang.pick("おおまかに", "Roughly"),
                    Some(EarnMode::Detailed) => lang.pick("契約ごとに", "Contract by contract"),
                    Some(EarnMode::Actual) => {
                        lang.pick("支払った手数料を月ごとに", "Fees paid per month")
                    }
                    Some(EarnMode::Skip) => lang.pick("試算しない", "No estimate"),
                }
                .to_string(),
            )),
            Step::Quick => {
                let q = &s.drafts.quick;
                let unknown = lang.pick("わからない", "I don't know");
                let kinds: Vec<&str> = [
                    (q.fixed, lang.pick("固定報酬制", "fixed-price")),
                    (q.hourly, lang.pick("時間単価制", "hourly")),
                    (q.task, lang.pick("タスク", "tasks")),
                ]
                .iter()
                .filter(|(on, _)| *on)
                .map(|(_, n)| *n)
                .collect();
                let from = match (q.first_month, lang) {
                    (Some(m), Lang::Ja) => format!("、{}年{}月から", m.year, m.month),
                    (Some(m), Lang::En) => format!(", from {}-{:02}", m.year, m.month),
                    (None, _) => String::new(),
                };
                let monthly = if q.monthly_unknown {
                    unknown
                } else {
                    q.monthly.as_str()
                };
                let size = if q.size_unknown {
                    unknown
                } else {
                    q.size.as_str()
                };
                Some((
                    lang.pick("収入(おおまか)", "Earnings (rough)"),
                    match lang {
                        Lang::Ja => format!("月 {monthly}、1件 {size}、{}{from}", kinds.join("・")),
                        Lang::En => format!(
                            "{monthly} a month, contracts of {size}, {}{from}",
                            kinds.join(", ")
                        ),
                    },
                ))
            }
            Step::Detailed => {
                let payments: usize = s.drafts.contracts.iter().map(|c| c.payments.len()).sum();
                Some((
                    lang.pick("契約と支払い", "Contracts and payments"),
                    match lang {
                        Lang::Ja => format!(
                            "{}件の契約、{}件の支払い",
                            s.drafts.contracts.len(),
                            payments
                        ),
                        Lang::En => format!(
                            "{} contracts, {} payments",
                            s.drafts.contracts.len(),
                            payments
                        ),
                    },
                ))
            }
            Step::Actual => {
                let filled = s
                    .drafts
                    .months
                    .iter()
                    .filter(|m| !m.trim().is_empty())
                    .count();
                Some((
                    lang.pick("支払った手数料", "Fees paid"),
                    match lang {
                        Lang::Ja => format!("{filled}か月分"),
                        Lang::En => format!("{filled} months"),
                    },
                ))
            }
            _ => None,
        };
        if let Some((q, v)) = row {
            rows.push((step, q.to_string(), v));
        }
    }
    rows
}

/// The check-your-answers page.
#[function_component(CheckPage)]
pub fn check_page(p: &CheckPageProps) -> Html {
    let s = &p.state;
    let lang = s.lang;
    let d = &p.dispatch;
    let on_back = d.reform(|e: MouseEvent| {
        e.prevent_default();
        Action::Back
    });
    let on_submit = d.reform(|e: SubmitEvent| {
        e.prevent_default();
        Action::Continue
    });
    html! {
        <div>
            <a href="#" class="back-link" onclick={on_back}>{ lang.pick("‹ 戻る", "‹ Back") }</a>
            <h1 tabindex="-1">{ lang.pick("回答の確認", "Check your answers") }</h1>
            <dl class="summary-list">
                { for rows(s).into_iter().map(|(step, q, v)| {
                    let change = d.reform(move |e: MouseEvent| { e.prevent_default(); Action::Change(step) });
                    html! {
                        <div class="summary-row">
                            <dt>{ q.clone() }</dt>
                            <dd>{ v }</dd>
                            <dd><a href="#" onclick={change}>{ lang.pick("変更", "Change") }<span class="visually-hidden">{ format!(" {q}") }</span></a></dd>
                        </div>
                    }
                }) }
            </dl>
            <form onsubmit={on_submit}>
                <div class="button-row"><button type="submit" class="button">{ lang.pick("結果を見る", "See the result") }</button></div>
            </form>
        </div>
    }
}
