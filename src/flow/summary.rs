//! The check-your-answers page's rows: every page asked, its question and the answer, in both
//! languages.

use super::model::{EarnMode, Model};
use super::navigation::pages;
use super::page::Page;
use crate::rules::eligibility::{Answer, HousingAnswer, Residence};
use crate::rules::subsidy::fiscal_year_name;
use crate::rules::wareki::{fiscal_year_label, format_date_lang};
use crate::rules::{Lang, Text};
use chrono::NaiveDate;

/// One row: the page (for its change link), the question in short, the answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The page that asks it.
    pub page: Page,
    /// The question, in short.
    pub question: Text,
    /// The answer as given.
    pub answer: Text,
}

fn yes_no(a: Answer) -> Text {
    match a {
        Answer::Yes => Text::new("はい", "Yes"),
        Answer::No => Text::new("いいえ", "No"),
        Answer::Unknown => Text::new("わからない", "I don't know"),
    }
}

/// A date of the answers (what the result uses), appended to an answer: 「(2027年4月1日から)」.
fn with_date(answer: Text, date: Option<NaiveDate>, ja: &str, en: &str) -> Text {
    match date {
        Some(d) => Text::new(
            format!("{}({}{ja})", answer.ja, format_date_lang(d, Lang::Ja)),
            format!("{} ({en} {})", answer.en, format_date_lang(d, Lang::En)),
        ),
        None => answer,
    }
}

/// The name of an earnings mode, as the check page and the guards' notices say it.
pub fn mode_name(mode: EarnMode) -> Text {
    match mode {
        EarnMode::Quick => Text::new("おおまかに", "Roughly"),
        EarnMode::Detailed => Text::new("契約ごとに", "Contract by contract"),
        EarnMode::Actual => Text::new("支払った手数料を月ごとに", "Fees paid per month"),
        EarnMode::Skip => Text::new("試算しない", "No estimate"),
    }
}

/// The rows for the pages asked.
pub fn rows(m: &Model) -> Vec<Row> {
    let a = &m.answers;
    let d = &m.drafts;
    pages(m)
        .into_iter()
        .map(|page| {
            let (question, answer) = match page {
                Page::Residence => (
                    Text::new("いすみ市に住んでいるか", "Living in Isumi"),
                    match a.residence {
                        Residence::LivesInIsumi => {
                            with_date(Text::new("住んでいる", "Yes"), a.moved_in, "から", "since")
                        }
                        Residence::PlanningToMove { when } => with_date(
                            Text::new("移る予定", "Planning to move"),
                            when,
                            "ごろ",
                            "around",
                        ),
                        Residence::NotPlanning => {
                            Text::new("移る予定はない", "Not planning to move")
                        }
                        Residence::Unknown => Text::new("わからない", "I don't know"),
                    },
                ),
                Page::Stay3Years => (
                    Text::new("3年以上住所を置くつもりか", "Keeping the address 3+ years"),
                    yes_no(a.stay_3_years),
                ),
                Page::Crowdworks => (
                    Text::new("クラウドワークスのアカウント", "CrowdWorks account"),
                    yes_no(a.crowdworks_account),
                ),
                Page::Hinode => (
                    Text::new("hinode特別会員", "hinode special member"),
                    match a.hinode_special_member {
                        Answer::Yes => {
                            with_date(yes_no(Answer::Yes), a.member_since, "から", "since")
                        }
                        Answer::No => with_date(
                            yes_no(Answer::No),
                            a.member_since,
                            "に入会予定",
                            "joining on",
                        ),
                        Answer::Unknown => yes_no(Answer::Unknown),
                    },
                ),
                Page::Housing => (
                    Text::new("住まいの種類", "Housing"),
                    match a.housing {
                        HousingAnswer::Shared => {
                            Text::new("共同物件(シェアハウスなど)", "Shared property")
                        }
                        HousingAnswer::Individual => {
                            Text::new("個人の物件(アパート・一戸建て)", "Individual property")
                        }
                        HousingAnswer::Undecided => Text::new("まだ決めていない", "Not decided"),
                    },
                ),
                Page::FiscalYear => (
                    Text::new("年度", "Fiscal year"),
                    Text::new(
                        format!(
                            "{}({})",
                            fiscal_year_label(m.fiscal_year),
                            fiscal_year_name(m.fiscal_year).ja
                        ),
                        fiscal_year_name(m.fiscal_year).en,
                    ),
                ),
                Page::EarnMode => (
                    Text::new("収入の入力方法", "How earnings are given"),
                    mode_name(m.earn_mode.unwrap_or_default()),
                ),
                Page::Quick => (Text::new("収入(おおまか)", "Earnings (rough)"), quick(m)),
                Page::Detailed => {
                    let contracts = d.contracts_shown();
                    let payments: usize = contracts
                        .iter()
                        .flat_map(|c| &c.payments)
                        .filter(|p| !p.date.trim().is_empty() || !p.amount.trim().is_empty())
                        .count();
                    (
                        Text::new("契約と支払い", "Contracts and payments"),
                        Text::new(
                            format!("{}件の契約、{payments}件の支払い", contracts.len()),
                            format!("{} contracts, {payments} payments", contracts.len()),
                        ),
                    )
                }
                Page::Actual => {
                    let filled = d.months.iter().filter(|m| !m.trim().is_empty()).count();
                    (
                        Text::new("支払った手数料", "Fees paid"),
                        Text::new(format!("{filled}か月分"), format!("{filled} months")),
                    )
                }
            };
            Row {
                page,
                question,
                answer,
            }
        })
        .collect()
}

fn quick(m: &Model) -> Text {
    let q = &m.drafts.quick;
    let unknown = Text::new("わからない", "I don't know");
    let pick = |typed: &str, is_unknown: bool| {
        if is_unknown {
            unknown.clone()
        } else {
            Text::new(typed, typed)
        }
    };
    let monthly = pick(&q.monthly, q.monthly_unknown);
    let size = pick(&q.size, q.size_unknown);
    let kinds: Vec<(&str, &str)> = [
        (q.fixed, ("固定報酬制", "fixed-price")),
        (q.hourly, ("時間単価制", "hourly")),
        (q.task, ("タスク", "tasks")),
    ]
    .into_iter()
    .filter(|(on, _)| *on)
    .map(|(_, n)| n)
    .collect();
    let ja_kinds: Vec<&str> = kinds.iter().map(|k| k.0).collect();
    let en_kinds: Vec<&str> = kinds.iter().map(|k| k.1).collect();
    let (from_ja, from_en) = match q.first_month {
        Some(mo) => (
            format!("、{}年{}月から", mo.year, mo.month),
            format!(", from {}-{:02}", mo.year, mo.month),
        ),
        None => (String::new(), String::new()),
    };
    Text::new(
        format!(
            "月 {}、1件 {}、{}{from_ja}",
            monthly.ja,
            size.ja,
            ja_kinds.join("・")
        ),
        format!(
            "{} a month, contracts of {}, {}{from_en}",
            monthly.en,
            size.en,
            en_kinds.join(", ")
        ),
    )
}
