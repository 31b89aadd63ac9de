//! Which payments (or months of fees) count towards a fiscal year, and why the others do not: outside
//! the fiscal year, outside the program's dates, before the person moved in or joined hinode.
//!
//! Nothing is dropped silently: every payment left out becomes a [`NotCounted`] with its reason and
//! the fiscal year it belongs to, and a line of the trace.

use crate::rules::data::{format_date_slash, Rules};
use crate::rules::fees::PaymentFee;
use crate::rules::subsidy::{
    fiscal_year_name, fiscal_year_of, fiscal_year_start, MonthFees, YearMonth,
};
use crate::rules::timing::{Certainty, Condition, EligibleFrom};
use crate::rules::{format_yen, Text};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// The first day fees count for someone whose conditions all hold from `eligible.date`.
///
/// Under the default of the assumption `fees_while_eligible` (`only_while_eligible`) that is the
/// date itself; under `whole_year`, fees paid earlier in the same fiscal year count too (but never
/// before the program started).
pub fn counting_start(rules: &Rules, eligible: &EligibleFrom) -> NaiveDate {
    if rules.counts_whole_first_year() {
        fiscal_year_start(fiscal_year_of(eligible.date))
            .map_or(eligible.date, |s| s.max(rules.program.start))
    } else {
        eligible.date
    }
}

/// Whether the open point `fees_while_eligible` changes any figure for the days from `from_day` on:
/// the person qualifies after the first of those days in a fiscal year (and after the program
/// started), so fees paid earlier in that year count under one setting and not under the other.
pub fn fees_while_eligible_matters(
    rules: &Rules,
    eligible: &EligibleFrom,
    from_day: NaiveDate,
) -> bool {
    fiscal_year_start(fiscal_year_of(eligible.date))
        .is_some_and(|s| eligible.date > s.max(from_day).max(rules.program.start))
}

/// Why a payment or a month does not count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotCountedReason {
    /// Paid in another fiscal year.
    OutsideFiscalYear,
    /// Paid before the program started.
    BeforeProgram,
    /// Paid after the program's known end.
    AfterProgram,
    /// Paid before the person moved in to Isumi.
    BeforeMovingIn,
    /// Paid before the person joined hinode as a special member.
    BeforeMembership,
}

/// What was left out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotCountedItem {
    /// A payment (detailed and quick modes).
    Payment(PaymentFee),
    /// A month of fees (actual-fees mode).
    Month(MonthFees),
}

/// A payment or month left out of a fiscal year, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotCounted {
    /// The payment or month.
    pub item: NotCountedItem,
    /// Why it does not count.
    pub reason: NotCountedReason,
    /// The fiscal year it belongs to (by its date).
    pub fiscal_year: i32,
    /// The item and the reason, as a sentence.
    pub text: Text,
}

/// The rules of counting for one fiscal year.
#[derive(Clone, Copy, Debug)]
pub struct Counting<'a> {
    rules: &'a Rules,
    fy: i32,
    eligible: Option<&'a EligibleFrom>,
    from: Option<NaiveDate>,
}

impl<'a> Counting<'a> {
    /// Counting for fiscal year `fy`. Without `eligible` only the fiscal year and the program's dates
    /// are checked (figures for a set of contracts, whoever earned them).
    pub fn new(rules: &'a Rules, fy: i32, eligible: Option<&'a EligibleFrom>) -> Self {
        Counting {
            rules,
            fy,
            eligible,
            from: eligible.map(|e| counting_start(rules, e)),
        }
    }

    /// Why a payment dated `date` does not count (`None`: it counts).
    pub fn reason(&self, date: NaiveDate) -> Option<NotCountedReason> {
        if fiscal_year_of(date) != self.fy {
            return Some(NotCountedReason::OutsideFiscalYear);
        }
        let program = &self.rules.program;
        if date < program.start {
            return Some(NotCountedReason::BeforeProgram);
        }
        if program.end.is_some_and(|e| date > e) {
            return Some(NotCountedReason::AfterProgram);
        }
        match (self.from, self.eligible) {
            (Some(from), Some(e)) if date < from => Some(personal_reason(e, date)),
            _ => None,
        }
    }

    /// Why a month of fees of this fiscal year does not count (`None`: it counts). Fees are given by
    /// month, so only a month wholly before the day fees count is left out; the month that holds
    /// that day counts in full (see [`Counting::partial_month_note`]).
    pub fn month_reason(&self, month: YearMonth) -> Option<NotCountedReason> {
        let first_day = month.first_day()?;
        let last_day = month.plus_months(1).first_day()?.pred_opt()?;
        // A month's fees cannot be split by day: only a month with no program day at all is left
        // out, whoever paid them; a month the program starts or ends in counts whole.
        let program = &self.rules.program;
        if last_day < program.start {
            return Some(NotCountedReason::BeforeProgram);
        }
        if program.end.is_some_and(|e| first_day > e) {
            return Some(NotCountedReason::AfterProgram);
        }
        let (Some(from), Some(e)) = (self.from, self.eligible) else {
            return None;
        };
        (last_day < from).then(|| personal_reason(e, last_day))
    }

    /// The trace line for the month that holds the day fees start to count, if `month` is it.
    pub fn partial_month_note(&self, month: YearMonth) -> Option<Text> {
        let from = self.from?;
        let first = month.first_day()?;
        let holds = first < from && YearMonth::new(from.year(), from.month()) == Some(month);
        holds.then(|| {
            let f = format_date_slash(from);
            Text::new(
                format!(
                    "{}年{}月は手数料が対象になる日({f})を含む月です。手数料は月ごとの入力のため、この月の分はすべて数えています(想定)。",
                    month.year, month.month
                ),
                format!(
                    "{month} holds the day your fees start to count ({f}). Fees are given by month, so the whole month is counted (an assumption)."
                ),
            )
        })
    }

    /// A note when fees paid before the person qualified count because of `whole_year`.
    pub fn whole_year_note(&self) -> Option<Text> {
        let (from, e) = (self.from?, self.eligible?);
        (from < e.date && fiscal_year_of(from) == self.fy).then(|| {
            let (f, d) = (format_date_slash(from), format_date_slash(e.date));
            Text::new(
                format!("この年度は、条件を満たす日({d})より前の支払いも{f}から数えています(ルールデータの設定「年度全体」)。"),
                format!("In this year, fees paid from {f}, before you qualify ({d}), count too (the rules data's setting \"whole year\")."),
            )
        })
    }

    /// A payment left out.
    pub fn payment(&self, p: PaymentFee, reason: NotCountedReason) -> NotCounted {
        let head = Text::new(
            format!(
                "{} {} {}",
                label(&p).ja,
                format_date_slash(p.date),
                format_yen(p.amount)
            ),
            format!(
                "{} {} {}",
                label(&p).en,
                format_date_slash(p.date),
                format_yen(p.amount)
            ),
        );
        let fiscal_year = fiscal_year_of(p.date);
        NotCounted {
            text: self.sentence(head, reason, fiscal_year),
            item: NotCountedItem::Payment(p),
            reason,
            fiscal_year,
        }
    }

    /// A month of fees left out.
    pub fn month(&self, m: MonthFees, reason: NotCountedReason) -> NotCounted {
        let head = Text::new(
            format!(
                "{}年{}月 手数料 {}",
                m.month.year,
                m.month.month,
                format_yen(m.fees)
            ),
            format!("{} fees {}", m.month, format_yen(m.fees)),
        );
        let fiscal_year = m.month.fiscal_year();
        NotCounted {
            text: self.sentence(head, reason, fiscal_year),
            item: NotCountedItem::Month(m),
            reason,
            fiscal_year,
        }
    }

    fn sentence(&self, head: Text, reason: NotCountedReason, item_fy: i32) -> Text {
        let why = self.reason_text(reason, item_fy);
        Text::new(
            format!("{}: {}", head.ja, why.ja),
            format!("{}: {}", head.en, why.en),
        )
    }

    /// The reason in words, with the date that decides it.
    pub fn reason_text(&self, reason: NotCountedReason, item_fy: i32) -> Text {
        let p = &self.rules.program;
        let cond = |c: Condition| {
            self.eligible
                .and_then(|e| e.conditions.iter().find(|x| x.condition == c))
                .map(|x| {
                    let d = format_date_slash(x.date);
                    match x.certainty {
                        Certainty::LowerBound => {
                            (format!("早くても{d}"), format!("{d} at the earliest"))
                        }
                        _ => (d.clone(), d),
                    }
                })
                .unwrap_or_default()
        };
        match reason {
            NotCountedReason::OutsideFiscalYear => {
                let (other, this) = (fiscal_year_name(item_fy), fiscal_year_name(self.fy));
                Text::new(
                    format!("{}の支払いのため、{}には数えません。", other.ja, this.ja),
                    format!("paid in {}, so not counted in {}.", other.en, this.en),
                )
            }
            NotCountedReason::BeforeProgram => {
                let s = format_date_slash(p.start);
                Text::new(
                    format!("実施開始日({s})より前の支払いのため数えません。"),
                    format!("paid before the program started ({s}), so not counted."),
                )
            }
            NotCountedReason::AfterProgram => {
                let e = p.end.map_or_else(String::new, format_date_slash);
                Text::new(
                    format!("実施期間の終了日({e})より後の支払いのため数えません。"),
                    format!("paid after the program ended ({e}), so not counted."),
                )
            }
            NotCountedReason::BeforeMovingIn => {
                let (ja, en) = cond(Condition::MovingIn);
                Text::new(
                    format!("いすみ市への転入(転入日 {ja})より前の支払いのため数えません。"),
                    format!("paid before you moved in to Isumi City (moving-in date {en}), so not counted."),
                )
            }
            NotCountedReason::BeforeMembership => {
                let (ja, en) = cond(Condition::Membership);
                Text::new(
                    format!("hinode特別会員になる前(入会日 {ja})の支払いのため数えません。"),
                    format!(
                        "paid before you joined hinode as a special member ({en}), so not counted."
                    ),
                )
            }
        }
    }
}

/// The condition not met yet on `date`: moving in first, then membership (the program start is
/// checked before this is called).
fn personal_reason(e: &EligibleFrom, date: NaiveDate) -> NotCountedReason {
    let starts_after = |c: Condition| {
        e.conditions
            .iter()
            .any(|x| x.condition == c && x.date > date)
    };
    if starts_after(Condition::MovingIn) {
        NotCountedReason::BeforeMovingIn
    } else if starts_after(Condition::Membership) {
        NotCountedReason::BeforeMembership
    } else {
        match e.set_by {
            Condition::Membership => NotCountedReason::BeforeMembership,
            Condition::MovingIn => NotCountedReason::BeforeMovingIn,
            Condition::ProgramStart => NotCountedReason::BeforeProgram,
        }
    }
}

fn label(p: &PaymentFee) -> Text {
    if p.label.is_empty() {
        p.kind.name()
    } else {
        // The person's own text: isolated, so its direction cannot reorder the line around it.
        let l = crate::rules::text_safety::isolate(&p.label);
        Text::new(l.clone(), l)
    }
}
