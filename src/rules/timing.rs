//! Eligibility in time: from which date fees count, how a fiscal year stands against that date,
//! which fiscal years a person can claim, and the bounds of the date fields.
//!
//! The assessment (`eligibility`) says *whether* someone qualifies; this says *when*. Fees count from
//! the latest of the program start, the day the person moves in and the day they join hinode
//! (domain.md §3.8). Today's date is always an input: nothing here reads the clock.

use crate::rules::counting::counting_start;
use crate::rules::data::{format_date_slash, Rules, DATES_NOT_GIVEN};
use crate::rules::eligibility::{Answer, Answers, Residence, Verdict};
use crate::rules::limits::{FIRST_FISCAL_YEAR, LAST_FISCAL_YEAR};
use crate::rules::outlook::OUTLOOK_YEARS;
use crate::rules::subsidy::{
    fiscal_year_end, fiscal_year_name, fiscal_year_of, fiscal_year_start, SubsidyError,
};
use crate::rules::wareki::{fiscal_year_label, fiscal_year_label_en};
use crate::rules::Text;
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// A condition whose start decides from when fees count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// The program itself (from 2018-10-01).
    ProgramStart,
    /// The registered address in Isumi (転入日).
    MovingIn,
    /// The hinode special membership.
    Membership,
}

impl Condition {
    /// The day the condition starts, as a noun: 「転入日」 / "the day you move in".
    pub fn day_name(self) -> Text {
        match self {
            Condition::ProgramStart => Text::new("実施開始日", "the program start"),
            Condition::MovingIn => Text::new("転入日", "the day you move in"),
            Condition::Membership => Text::new(
                "hinode特別会員になる日",
                "the day you join hinode as a special member",
            ),
        }
    }
}

/// How sure a date is. Ordered from the surest to the least sure, so the weakest of several is
/// their maximum.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// A date that has happened, as given (or the program start).
    Known,
    /// A planned date, as given.
    Planned,
    /// Not given for a condition already met (or not known whether met): taken as the program start
    /// (assumption `dates_not_given`).
    Assumed,
    /// Not given for a condition not met yet: it cannot be before today, so today is only the
    /// earliest possible date.
    LowerBound,
}

/// The start date of one condition, and how it was found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConditionDate {
    /// Which condition.
    pub condition: Condition,
    /// Its start (or the earliest possible start).
    #[serde(with = "crate::rules::iso_date")]
    pub date: NaiveDate,
    /// How sure the date is.
    pub certainty: Certainty,
    /// Where the date comes from, in words.
    pub text: Text,
}

/// The date from which fees count, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EligibleFrom {
    /// The latest start of the three conditions.
    #[serde(with = "crate::rules::iso_date")]
    pub date: NaiveDate,
    /// The condition that sets it.
    pub set_by: Condition,
    /// The weakest certainty of the three: a date not known for any condition makes the result
    /// uncertain, whichever condition sets it.
    pub certainty: Certainty,
    /// Each condition's start (program, moving in, membership).
    pub conditions: Vec<ConditionDate>,
    /// The date explained in one sentence.
    pub text: Text,
    /// Ids of the rules' assumptions this date rests on (`dates_not_given`).
    pub assumptions: Vec<String>,
}

fn known(condition: Condition, date: NaiveDate, text: Text) -> ConditionDate {
    ConditionDate {
        condition,
        date,
        certainty: Certainty::Known,
        text,
    }
}

fn dated(condition: Condition, date: NaiveDate, certainty: Certainty, text: Text) -> ConditionDate {
    ConditionDate {
        condition,
        date,
        certainty,
        text,
    }
}

/// A condition not met yet whose date is not given (or has passed): today at the earliest.
fn not_before_today(condition: Condition, today: NaiveDate, why: Text) -> ConditionDate {
    let t = format_date_slash(today);
    dated(
        condition,
        today,
        Certainty::LowerBound,
        Text::new(
            format!("{}早くても今日({t})以降です。", why.ja),
            format!("{} It is today ({t}) at the earliest.", why.en),
        ),
    )
}

/// The start of the program, for a condition taken as met from the start.
fn from_start(condition: Condition, start: NaiveDate, why: Text) -> ConditionDate {
    let s = format_date_slash(start);
    dated(
        condition,
        start,
        Certainty::Assumed,
        Text::new(
            format!(
                "{}実施開始日({s})から満たしていると仮定しています。",
                why.ja
            ),
            format!(
                "{} It is taken as met from the program start ({s}).",
                why.en
            ),
        ),
    )
}

fn moving_in(rules: &Rules, a: &Answers, today: NaiveDate) -> ConditionDate {
    let c = Condition::MovingIn;
    let start = rules.program.start;
    match a.residence {
        Residence::LivesInIsumi => match a.moved_in {
            Some(d) => known(
                c,
                d,
                Text::new(
                    format!("転入日 {}", format_date_slash(d)),
                    format!("Moved in on {}", format_date_slash(d)),
                ),
            ),
            None => from_start(
                c,
                start,
                Text::new(
                    "転入日の入力がないため、",
                    "The day you moved in is not given.",
                ),
            ),
        },
        Residence::PlanningToMove { when: Some(d) } if d >= today => dated(
            c,
            d,
            Certainty::Planned,
            Text::new(
                format!("転入予定日 {}", format_date_slash(d)),
                format!("Planning to move in on {}", format_date_slash(d)),
            ),
        ),
        Residence::PlanningToMove { when: Some(d) } => not_before_today(
            c,
            today,
            Text::new(
                format!(
                    "転入予定日({})は過ぎていますが、まだ転入していないため、",
                    format_date_slash(d)
                ),
                format!(
                    "The planned date ({}) has passed but you have not moved in yet.",
                    format_date_slash(d)
                ),
            ),
        ),
        Residence::PlanningToMove { when: None } => not_before_today(
            c,
            today,
            Text::new(
                "転入日が決まっていないため、",
                "The day you move in is not decided.",
            ),
        ),
        Residence::NotPlanning => not_before_today(
            c,
            today,
            Text::new(
                "いすみ市へ移る予定がないため、対象になるとしても",
                "You do not plan to move to Isumi City; if you did, the day you move in",
            ),
        ),
        Residence::Unknown => from_start(
            c,
            start,
            Text::new(
                "お住まいが「わからない」のため、",
                "Whether you live in Isumi City is not known.",
            ),
        ),
    }
}

fn membership(rules: &Rules, a: &Answers, today: NaiveDate) -> ConditionDate {
    let c = Condition::Membership;
    let start = rules.program.start;
    match (a.hinode_special_member, a.member_since) {
        (Answer::Yes, Some(d)) => known(
            c,
            d,
            Text::new(
                format!("hinode特別会員になった日 {}", format_date_slash(d)),
                format!(
                    "Joined hinode as a special member on {}",
                    format_date_slash(d)
                ),
            ),
        ),
        (Answer::Yes, None) => from_start(
            c,
            start,
            Text::new(
                "hinode特別会員になった日の入力がないため、",
                "The day you joined hinode is not given.",
            ),
        ),
        (Answer::No, Some(d)) if d >= today => dated(
            c,
            d,
            Certainty::Planned,
            Text::new(
                format!("hinode特別会員になる予定日 {}", format_date_slash(d)),
                format!("Planning to join hinode on {}", format_date_slash(d)),
            ),
        ),
        (Answer::No, Some(d)) => not_before_today(
            c,
            today,
            Text::new(
                format!(
                    "入会予定日({})は過ぎていますが、まだhinode特別会員ではないため、",
                    format_date_slash(d)
                ),
                format!(
                    "The planned date ({}) has passed but you have not joined hinode yet.",
                    format_date_slash(d)
                ),
            ),
        ),
        (Answer::No, None) => not_before_today(
            c,
            today,
            Text::new(
                "hinode特別会員になる日が決まっていないため、",
                "The day you join hinode is not decided.",
            ),
        ),
        (Answer::Unknown, _) => from_start(
            c,
            start,
            Text::new(
                "hinode特別会員かどうかが「わからない」のため、",
                "Whether you are a hinode special member is not known.",
            ),
        ),
    }
}

/// The date from which fees count: the latest of the program start, the moving-in date and the
/// membership start.
///
/// A date not given for a condition not met yet (planning to move, not a member yet) cannot be
/// before `today`, so today is used as the earliest possible date (`Certainty::LowerBound`). A date
/// not given for a condition already met (or answered "don't know") is taken as the program start,
/// the assumption `dates_not_given`: an unknown never rules a year out on its own.
pub fn eligible_from(rules: &Rules, answers: &Answers, today: NaiveDate) -> EligibleFrom {
    let program = known(
        Condition::ProgramStart,
        rules.program.start,
        Text::new(
            format!("実施開始日 {}", format_date_slash(rules.program.start)),
            format!(
                "The program started on {}",
                format_date_slash(rules.program.start)
            ),
        ),
    );
    let conditions = vec![
        program,
        moving_in(rules, answers, today),
        membership(rules, answers, today),
    ];
    // The latest date; on a tie the first listed (the program start before a date assumed to be it).
    let mut set = &conditions[0];
    for c in &conditions[1..] {
        if c.date > set.date {
            set = c;
        }
    }
    let certainty = conditions
        .iter()
        .map(|c| c.certainty)
        .max()
        .unwrap_or(Certainty::Known);
    let (date, set_by) = (set.date, set.condition);
    let assumptions = if conditions.iter().any(|c| c.certainty == Certainty::Assumed) {
        vec![DATES_NOT_GIVEN.to_string()]
    } else {
        Vec::new()
    };
    EligibleFrom {
        date,
        set_by,
        certainty,
        text: explain(date, set_by, certainty),
        conditions,
        assumptions,
    }
}

fn explain(date: NaiveDate, set_by: Condition, certainty: Certainty) -> Text {
    let d = format_date_slash(date);
    let what = set_by.day_name();
    match certainty {
        Certainty::Known => Text::new(
            format!("{d}({})以降に支払った手数料が対象です。", what.ja),
            format!("Fees paid from {d} ({}) count.", what.en),
        ),
        Certainty::Planned => Text::new(
            format!("予定どおりなら、{d}({})以降に支払った手数料が対象です。", what.ja),
            format!("If all goes as planned, fees paid from {d} ({}) count.", what.en),
        ),
        Certainty::Assumed => Text::new(
            format!(
                "{d}({})以降に支払った手数料が対象です(日付の入力がない条件は、実施開始から満たしていると仮定しています)。",
                what.ja
            ),
            format!(
                "Fees paid from {d} ({}) count (a condition with no date given is taken as met from the program start).",
                what.en
            ),
        ),
        Certainty::LowerBound => Text::new(
            format!(
                "対象になるのは、早くても{d}以降に支払った手数料です。まだ決まっていない日付があります(決まったら入力してください)。"
            ),
            format!(
                "Fees count from {d} at the earliest: a date is not decided yet (enter it when it is)."
            ),
        ),
    }
}

/// How a fiscal year stands against the date from which fees count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearStatus {
    /// The year ends before fees start to count: no subsidy for it.
    BeforeEligible,
    /// Fees count from a day inside the year.
    PartlyEligible,
    /// Fees of the whole year count.
    Eligible,
    /// The year starts after the program's known end.
    AfterProgram,
}

impl YearStatus {
    /// Whether fees of the year can count at all.
    pub fn can_claim(self) -> bool {
        matches!(self, YearStatus::PartlyEligible | YearStatus::Eligible)
    }
}

/// The status of fiscal year `fy` for someone whose fees count from `eligible` (under the rules'
/// `fees_while_eligible`), with the day fees start to count in it (`None` when none do).
pub fn year_status(
    rules: &Rules,
    fy: i32,
    eligible: &EligibleFrom,
) -> Result<(YearStatus, Option<NaiveDate>), SubsidyError> {
    let start = fiscal_year_start(fy).ok_or(SubsidyError::BadYear(fy))?;
    let end = fiscal_year_end(fy).ok_or(SubsidyError::BadYear(fy))?;
    let from = counting_start(rules, eligible);
    Ok(if rules.program.end.is_some_and(|e| start > e) {
        (YearStatus::AfterProgram, None)
    } else if end < from {
        (YearStatus::BeforeEligible, None)
    } else if start < from {
        (YearStatus::PartlyEligible, Some(from))
    } else {
        (YearStatus::Eligible, Some(start))
    })
}

/// The status of a year in words.
pub fn year_status_text(
    rules: &Rules,
    fy: i32,
    status: YearStatus,
    eligible: &EligibleFrom,
) -> Text {
    let name = fiscal_year_name(fy);
    let from = format_date_slash(counting_start(rules, eligible));
    match status {
        YearStatus::BeforeEligible => Text::new(
            format!(
                "{}は、手数料が対象になる日({from})より前に終わる年度のため、助成はありません。",
                name.ja
            ),
            format!(
                "{} ends before your fees start to count ({from}), so there is no subsidy for it.",
                name.en
            ),
        ),
        YearStatus::PartlyEligible => Text::new(
            format!("{}は、{from}以降に支払った手数料だけが対象です。", name.ja),
            format!("In {}, only fees paid from {from} count.", name.en),
        ),
        YearStatus::Eligible => Text::new(
            format!("{}は、年度全体の手数料が対象です。", name.ja),
            format!("The fees of the whole of {} count.", name.en),
        ),
        YearStatus::AfterProgram => Text::new(
            format!("{}は、実施期間が終わった後の年度です。", name.ja),
            format!("{} starts after the program ended.", name.en),
        ),
    }
}

/// Whether fiscal year `fy` has not ended by `today`: its figures are a forecast (見込み).
pub fn is_forecast(fy: i32, today: NaiveDate) -> bool {
    fiscal_year_end(fy).is_none_or(|end| today <= end)
}

/// The forecast sentence for a year that has not ended yet.
pub fn forecast_text(fy: i32) -> Text {
    let name = fiscal_year_name(fy);
    let end = fiscal_year_end(fy).map_or_else(String::new, format_date_slash);
    Text::new(
        format!(
            "{}はまだ終わっていないため、金額は見込みです。申請は年度末({end})の後に、その年度に実際に支払った手数料で行います。",
            name.ja
        ),
        format!(
            "{} has not ended yet, so the figures are a forecast. The claim is made after the end of the fiscal year ({end}), on the fees actually paid in it.",
            name.en
        ),
    )
}

/// The chosen fiscal year against the date from which fees count: what the result page shows
/// beside the assessment's criteria.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timing {
    /// The date from which the person qualifies, and why.
    pub eligible_from: EligibleFrom,
    /// The first day whose fees count (the same date under the default of `fees_while_eligible`;
    /// the start of that fiscal year under `whole_year`).
    #[serde(with = "crate::rules::iso_date")]
    pub counts_from: NaiveDate,
    /// The first fiscal year in which fees count (`None` when the program ends before).
    pub first_fiscal_year: Option<i32>,
    /// The chosen year's status.
    pub year_status: YearStatus,
    /// The status in words.
    pub year_status_text: Text,
    /// The sentence at the top of the result: the verdict, unless the year ends before fees count
    /// (then it says so and names the first year) or only part of it counts (then it adds from when).
    pub headline: Text,
    /// Whether the headline is positive for this year: never for a year before eligibility, nor
    /// when every payment entered belongs to another year (`scenario::evaluate` sets that).
    pub positive: bool,
}

/// The timing of fiscal year `fy` for `answers`, with the assessment's `verdict`.
pub fn timing(
    rules: &Rules,
    answers: &Answers,
    verdict: Verdict,
    fy: i32,
    today: NaiveDate,
) -> Result<Timing, SubsidyError> {
    let eligible = eligible_from(rules, answers, today);
    let (status, _) = year_status(rules, fy, &eligible)?;
    let first = first_fiscal_year(rules, &eligible);
    let year_status_text = year_status_text(rules, fy, status, &eligible);
    let positive = verdict.is_positive() && status.can_claim();
    let headline = match status {
        // An explicit "no" stays the headline: the year does not matter then.
        _ if verdict == Verdict::NotEligible => verdict.text(),
        YearStatus::BeforeEligible | YearStatus::AfterProgram => {
            let next = match first {
                Some(f) => {
                    let n = fiscal_year_name(f);
                    Text::new(
                        format!("最初に対象になる年度は{}です。", n.ja),
                        format!(" The first fiscal year that can count is {}.", n.en),
                    )
                }
                None => Text::default(),
            };
            Text::new(
                format!("{}{}{}", year_status_text.ja, next.ja, eligible.text.ja),
                format!("{}{} {}", year_status_text.en, next.en, eligible.text.en),
            )
        }
        YearStatus::PartlyEligible => {
            let v = verdict.text();
            Text::new(
                format!("{}{}", v.ja, year_status_text.ja),
                format!("{} {}", v.en, year_status_text.en),
            )
        }
        YearStatus::Eligible => verdict.text(),
    };
    Ok(Timing {
        counts_from: counting_start(rules, &eligible),
        eligible_from: eligible,
        first_fiscal_year: first,
        year_status: status,
        year_status_text,
        headline,
        positive,
    })
}

/// One choice of the fiscal-year question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearOption {
    /// The fiscal year (named by the year it starts).
    pub fiscal_year: i32,
    /// Its label: 「令和7年度(2025年度)」 / "FY2025 (Apr 2025 – Mar 2026)".
    pub label: Text,
    /// The year against the date fees count from.
    pub status: YearStatus,
    /// Whether fees of the year can count (`status` is partly or wholly eligible).
    pub claimable: bool,
    /// The first claimable year.
    pub first: bool,
    /// The year has not ended by today.
    pub forecast: bool,
    /// The status in words.
    pub text: Text,
}

/// The fiscal years of the fiscal-year question (see [`fiscal_year_bounds`]: from the program's first
/// to the later of the one after today's and the last year of the 3-year outlook from the first
/// claimable year), each with its status; the first claimable one is marked. Years before the person
/// can qualify are listed (not claimable) so the question can say why they are not offered.
pub fn claimable_years(rules: &Rules, answers: &Answers, today: NaiveDate) -> Vec<YearOption> {
    let eligible = eligible_from(rules, answers, today);
    let bounds = fiscal_year_bounds(rules, today, &eligible);
    let mut out: Vec<YearOption> = Vec::new();
    let mut first_seen = false;
    for fy in bounds.first..=bounds.last {
        let Ok((status, _)) = year_status(rules, fy, &eligible) else {
            continue;
        };
        let claimable = status.can_claim();
        let first = claimable && !first_seen;
        first_seen |= claimable;
        out.push(YearOption {
            fiscal_year: fy,
            label: Text::new(
                format!("{}({fy}年度)", fiscal_year_label(fy)),
                fiscal_year_label_en(fy),
            ),
            status,
            claimable,
            first,
            forecast: is_forecast(fy, today),
            text: year_status_text(rules, fy, status, &eligible),
        });
    }
    out
}

/// The first fiscal year in which fees count (`None` when the program ends before).
pub fn first_fiscal_year(rules: &Rules, eligible: &EligibleFrom) -> Option<i32> {
    let from = counting_start(rules, eligible);
    if rules.program.end.is_some_and(|e| from > e) {
        return None;
    }
    Some(fiscal_year_of(from))
}

/// The range of a date field, with a hint saying why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateBounds {
    /// The earliest date accepted.
    #[serde(with = "crate::rules::iso_date")]
    pub min: NaiveDate,
    /// The latest date accepted.
    #[serde(with = "crate::rules::iso_date")]
    pub max: NaiveDate,
    /// What to enter and why, in both languages.
    pub hint: Text,
}

/// The range of the fiscal-year question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearBounds {
    /// The program's first fiscal year.
    pub first: i32,
    /// The last year offered: the later of the fiscal year after today's and the last fiscal year
    /// of the 3-year outlook from the first claimable year, within the rules' limits (FY2099) and
    /// the program's end when it is known.
    pub last: i32,
    /// Why these years.
    pub hint: Text,
}

/// The last fiscal year that the 3 years from `from` touch (`None` past the calendar's end).
fn outlook_last_year(from: NaiveDate) -> Option<i32> {
    let end = from
        .checked_add_months(Months::new(12 * OUTLOOK_YEARS))?
        .pred_opt()?;
    Some(fiscal_year_of(end))
}

/// The fiscal years that can be chosen: from the program's first to the fiscal year after today's,
/// or further when the person's first claimable year (and the 3-year outlook from it) lies beyond:
/// someone moving, or joining hinode, two or more years ahead is offered the years they can
/// claim. Never past [`LAST_FISCAL_YEAR`] (the rules' sanity bound) nor the program's end when it
/// is known; the reported period is not a bound (the program is assumed to continue,
/// `program_continues`).
pub fn fiscal_year_bounds(rules: &Rules, today: NaiveDate, eligible: &EligibleFrom) -> YearBounds {
    let first = fiscal_year_of(rules.program.start).max(FIRST_FISCAL_YEAR);
    let next = fiscal_year_of(today).saturating_add(1);
    let claimable = first_fiscal_year(rules, eligible).map(|fy| {
        let from = counting_start(rules, eligible);
        let last =
            outlook_last_year(from).unwrap_or_else(|| fy.saturating_add(OUTLOOK_YEARS as i32));
        (fy, last)
    });
    let mut last = claimable.map_or(next, |(_, l)| next.max(l));
    let mut limit = Text::default();
    if last > LAST_FISCAL_YEAR {
        last = LAST_FISCAL_YEAR;
        limit = Text::new(
            format!("({LAST_FISCAL_YEAR}年度より先は選べません)"),
            format!(" (no year after FY{LAST_FISCAL_YEAR})"),
        );
    }
    if let Some(end) = rules.program.end {
        let end_fy = fiscal_year_of(end);
        if last > end_fy {
            last = end_fy;
            limit = Text::new(
                format!("(実施期間は{end_fy}年度までです)"),
                format!(" (the program ends in FY{end_fy})"),
            );
        }
    }
    let hint = match claimable {
        Some((fy, l)) if l > next && last > next => Text::new(
            format!(
                "実施が始まった{first}年度から、最初に対象になる{fy}年度と、そこからの3年間の見通しの年度({last}年度)まで選べます。{}",
                limit.ja
            ),
            format!(
                "You can choose from FY{first}, when the program started, to FY{last}: your first eligible year, FY{fy}, and the years of the 3-year outlook from it.{}",
                limit.en
            ),
        ),
        _ if last == next => Text::new(
            format!("実施が始まった{first}年度から、来年度({last}年度)まで選べます。"),
            format!(
                "You can choose from FY{first}, when the program started, to next fiscal year (FY{last})."
            ),
        ),
        _ => Text::new(
            format!(
                "実施が始まった{first}年度から、{last}年度まで選べます。{}",
                limit.ja
            ),
            format!(
                "You can choose from FY{first}, when the program started, to FY{last}.{}",
                limit.en
            ),
        ),
    };
    YearBounds { first, last, hint }
}

/// The range of a payment date for fiscal year `fy`: the year's days within the program's dates;
/// `None` when the year has no such day. With `eligible`, the hint also says from when fees count
/// (earlier payments may still be entered: they are listed as not counted).
pub fn payment_date_bounds(
    rules: &Rules,
    fy: i32,
    eligible: Option<&EligibleFrom>,
) -> Option<DateBounds> {
    let min = fiscal_year_start(fy)?.max(rules.program.start);
    let max = match rules.program.end {
        Some(e) => fiscal_year_end(fy)?.min(e),
        None => fiscal_year_end(fy)?,
    };
    if min > max {
        return None;
    }
    let name = fiscal_year_name(fy);
    let (a, b) = (format_date_slash(min), format_date_slash(max));
    let mut hint = Text::new(
        format!("{}の支払日({a}〜{b})を入力してください。この期間の外の支払いは、この年度には数えません。", name.ja),
        format!("Enter payment dates of {} ({a} – {b}). Payments outside these dates do not count for this year.", name.en),
    );
    if let Some(e) = eligible {
        let from = counting_start(rules, e);
        if from > min && from <= max {
            let f = format_date_slash(from);
            hint.ja
                .push_str(&format!("また、{f}より前の支払いは対象になりません。"));
            hint.en
                .push_str(&format!(" Payments before {f} do not count either."));
        }
    }
    Some(DateBounds { min, max, hint })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::data::rules;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn designer() -> Answers {
        Answers {
            residence: Residence::PlanningToMove {
                when: Some(d(2027, 4, 1)),
            },
            stay_3_years: Answer::Yes,
            crowdworks_account: Answer::Yes,
            hinode_special_member: Answer::No,
            ..Answers::default()
        }
    }

    #[test]
    fn the_latest_condition_sets_the_date() {
        let e = eligible_from(rules(), &designer(), d(2026, 11, 24));
        assert_eq!(e.date, d(2027, 4, 1));
        assert_eq!(e.set_by, Condition::MovingIn);
        // The membership date is not known: the result is only the earliest possible date.
        assert_eq!(e.certainty, Certainty::LowerBound);
        assert_eq!(first_fiscal_year(rules(), &e), Some(2027));
        assert_eq!(
            year_status(rules(), 2025, &e).unwrap(),
            (YearStatus::BeforeEligible, None)
        );
        assert_eq!(
            year_status(rules(), 2027, &e).unwrap(),
            (YearStatus::Eligible, Some(d(2027, 4, 1)))
        );
    }

    #[test]
    fn residents_without_dates_count_from_the_program_start() {
        let a = Answers {
            residence: Residence::LivesInIsumi,
            hinode_special_member: Answer::Yes,
            ..Answers::default()
        };
        let e = eligible_from(rules(), &a, d(2026, 11, 24));
        assert_eq!(e.date, rules().program.start);
        assert_eq!(e.certainty, Certainty::Assumed);
        assert_eq!(e.assumptions, vec![DATES_NOT_GIVEN.to_string()]);
        assert_eq!(
            year_status(rules(), 2018, &e).unwrap().0,
            YearStatus::PartlyEligible
        );
    }

    #[test]
    fn past_planned_dates_become_today() {
        let a = Answers {
            residence: Residence::PlanningToMove {
                when: Some(d(2020, 1, 1)),
            },
            hinode_special_member: Answer::Yes,
            member_since: Some(d(2019, 5, 1)),
            ..Answers::default()
        };
        let e = eligible_from(rules(), &a, d(2026, 11, 24));
        assert_eq!(
            (e.date, e.certainty),
            (d(2026, 11, 24), Certainty::LowerBound)
        );
    }

    #[test]
    fn years_offered_and_the_first_marked() {
        let ys = claimable_years(rules(), &designer(), d(2026, 11, 24));
        assert_eq!(ys.first().map(|y| y.fiscal_year), Some(2018));
        // Fees count from 2027-04-01: the outlook's 3 years run to 2030-03-31, FY2029.
        assert_eq!(ys.last().map(|y| y.fiscal_year), Some(2029));
        let first: Vec<i32> = ys
            .iter()
            .filter(|y| y.first)
            .map(|y| y.fiscal_year)
            .collect();
        assert_eq!(first, vec![2027]);
        assert!(ys
            .iter()
            .filter(|y| y.fiscal_year < 2027)
            .all(|y| !y.claimable));
        assert!(ys.iter().all(|y| y.forecast == (y.fiscal_year >= 2026)));
    }

    #[test]
    fn bounds_of_the_date_fields() {
        let b = payment_date_bounds(rules(), 2018, None).unwrap();
        assert_eq!((b.min, b.max), (d(2018, 10, 1), d(2019, 3, 31)));
        assert!(payment_date_bounds(rules(), 2017, None).is_none());
        assert!(payment_date_bounds(rules(), i32::MAX, None).is_none());
        let resident = eligible_from(rules(), &Answers::default(), d(2026, 11, 24));
        let y = fiscal_year_bounds(rules(), d(2026, 11, 24), &resident);
        assert_eq!((y.first, y.last), (2018, 2027));
        assert!(y.hint.ja.contains("来年度(2027年度)") && y.hint.en.contains("FY2027"));
        // Near the calendar's limits nothing panics, and the years stay within the rules' limits.
        let ys = claimable_years(rules(), &designer(), NaiveDate::MIN);
        assert_eq!(
            ys.iter().find(|y| y.first).map(|y| y.fiscal_year),
            Some(2027)
        );
        let e = eligible_from(rules(), &Answers::default(), NaiveDate::MAX);
        let y = fiscal_year_bounds(rules(), NaiveDate::MAX, &e);
        assert_eq!(y.last, LAST_FISCAL_YEAR);
        assert!(claimable_years(rules(), &designer(), NaiveDate::MAX)
            .iter()
            .all(|y| y.fiscal_year <= LAST_FISCAL_YEAR));
        let _ = year_status(rules(), i32::MAX, &e);
        let _ = first_fiscal_year(rules(), &e);
    }

    fn moving_on(date: NaiveDate) -> Answers {
        Answers {
            residence: Residence::PlanningToMove { when: Some(date) },
            hinode_special_member: Answer::No,
            member_since: Some(date),
            ..designer()
        }
    }

    fn first_and_last(ys: &[YearOption]) -> (Option<i32>, Option<i32>) {
        (
            ys.iter().find(|y| y.first).map(|y| y.fiscal_year),
            ys.last().map(|y| y.fiscal_year),
        )
    }

    #[test]
    fn a_move_years_ahead_is_offered_with_its_first_year_and_outlook() {
        let today = d(2026, 11, 24);
        // Moving (and joining) on 2029-06-01, two fiscal years after the next one: FY2029 is the
        // first year, and the 3 years from that day (to 2032-05-31) touch FY2029–FY2032.
        let a = moving_on(d(2029, 6, 1));
        let ys = claimable_years(rules(), &a, today);
        assert_eq!(first_and_last(&ys), (Some(2029), Some(2032)));
        let claimable: Vec<i32> = ys
            .iter()
            .filter(|y| y.claimable)
            .map(|y| y.fiscal_year)
            .collect();
        assert_eq!(claimable, vec![2029, 2030, 2031, 2032]);
        assert_eq!(ys.first().map(|y| y.fiscal_year), Some(2018));
        let b = fiscal_year_bounds(rules(), today, &eligible_from(rules(), &a, today));
        assert!(b.hint.ja.contains("2029年度") && b.hint.ja.contains("2032年度"));
        assert!(b.hint.en.contains("FY2029") && b.hint.en.contains("FY2032"));
        // On April 1 the 3 years are exactly three fiscal years.
        let ys = claimable_years(rules(), &moving_on(d(2030, 4, 1)), today);
        assert_eq!(first_and_last(&ys), (Some(2030), Some(2032)));
        // Joining hinode years ahead, already living in Isumi: the same.
        let a = Answers {
            residence: Residence::LivesInIsumi,
            moved_in: Some(d(2020, 5, 1)),
            hinode_special_member: Answer::No,
            member_since: Some(d(2028, 10, 1)),
            ..designer()
        };
        assert_eq!(
            first_and_last(&claimable_years(rules(), &a, today)),
            (Some(2028), Some(2031))
        );
    }

    #[test]
    fn the_years_offered_stay_within_the_limits() {
        let today = d(2026, 11, 24);
        // Near the rules' last fiscal year: offered up to FY2099, not past it.
        let a = moving_on(d(2098, 6, 1));
        let ys = claimable_years(rules(), &a, today);
        assert_eq!(first_and_last(&ys), (Some(2098), Some(LAST_FISCAL_YEAR)));
        let b = fiscal_year_bounds(rules(), today, &eligible_from(rules(), &a, today));
        assert!(
            b.hint.ja.contains("2099年度より先は選べません"),
            "{}",
            b.hint.ja
        );
        // Past it: no year can be claimed within the limits, so none is marked.
        let ys = claimable_years(rules(), &moving_on(d(2150, 1, 1)), today);
        assert_eq!(first_and_last(&ys), (None, Some(LAST_FISCAL_YEAR)));
        assert!(ys.iter().all(|y| !y.claimable));
        // With a known end of the program, nothing after its last year.
        let mut r = rules().clone();
        r.program.end = Some(d(2030, 9, 30));
        let a = moving_on(d(2029, 6, 1));
        let ys = claimable_years(&r, &a, today);
        assert_eq!(first_and_last(&ys), (Some(2029), Some(2030)));
        let b = fiscal_year_bounds(&r, today, &eligible_from(&r, &a, today));
        assert!(
            b.hint.en.contains("the program ends in FY2030"),
            "{}",
            b.hint.en
        );
        // The reported period (to 2020-09) is not a bound: the program is assumed to continue.
        assert!(rules().program.reported_end < d(2026, 4, 1));
        let ys = claimable_years(rules(), &Answers::default(), today);
        assert_eq!(ys.last().map(|y| y.fiscal_year), Some(2027));
    }
}
