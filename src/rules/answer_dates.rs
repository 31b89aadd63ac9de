//! The range of the three dates the answers carry (living in Isumi since, the planned move, the
//! hinode membership, past or planned), for the date fields' `min`/`max` and the hint beside them.
//!
//! A past date ends today and a planned one starts today; the membership cannot start before the
//! program that created it. These steer the date picker and tell the person what fits; the dates
//! decide only from when fees count (`timing::eligible_from`), so a date outside the range is not
//! refused: a saved file is read the same on any later day.

use crate::rules::data::{format_date_slash, Rules};
use crate::rules::limits::LAST_PAYMENT_DATE;
use crate::rules::timing::DateBounds;
use crate::rules::Text;
use chrono::NaiveDate;

/// Which answer date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerDate {
    /// The day the registered address moved to Isumi (already living there): up to today.
    MovedIn,
    /// The planned moving day: from today.
    PlannedMove,
    /// The day one became a hinode special member: from the program's start to today.
    MemberSince,
    /// The day one plans to become a member: from today (and not before the program).
    PlannedMembership,
}

/// The earliest date a moved-in field offers: 1900-01-01 (someone may have lived in Isumi all
/// their life; this only keeps the picker's years to four digits).
pub const EARLIEST_MOVED_IN: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => panic!("invalid constant date"),
};

/// The range and hint of the `which` date field as of `today`.
pub fn answer_date_bounds(rules: &Rules, which: AnswerDate, today: NaiveDate) -> DateBounds {
    let start = rules.program.start;
    let (min, max) = match which {
        AnswerDate::MovedIn => (EARLIEST_MOVED_IN, today),
        AnswerDate::PlannedMove => (today, LAST_PAYMENT_DATE),
        AnswerDate::MemberSince => (start.min(today), today),
        AnswerDate::PlannedMembership => (today.max(start), LAST_PAYMENT_DATE),
    };
    let (a, b) = (format_date_slash(min), format_date_slash(max));
    let s = format_date_slash(start);
    let hint = match which {
        AnswerDate::MovedIn => Text::new(
            format!("住民票の異動日です(今日 {b} まで)。これより前に払った手数料は対象外と想定しています。"),
            format!("As on your 住民票 (up to today, {b}). Fees paid before it are assumed not to count."),
        ),
        AnswerDate::PlannedMove => Text::new(
            format!("今日({a})以降の日付です。助成は、住所を移した日より後に払った手数料が対象です。"),
            format!("A day from today ({a}). Only fees paid after you move your address count."),
        ),
        AnswerDate::MemberSince => Text::new(
            format!("特別会員の制度が始まった {s} から今日 {b} までの日付です。これより前に払った手数料は対象外と想定しています。"),
            format!("A day from the program's start ({s}) to today ({b}). Fees paid before it are assumed not to count."),
        ),
        AnswerDate::PlannedMembership => Text::new(
            format!("{a}以降の日付です。この日より前に払った手数料は対象外と想定しています。"),
            format!("A day from {a}. Fees paid before it are assumed not to count."),
        ),
    };
    DateBounds { min, max, hint }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::data::rules;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn past_dates_end_today_and_planned_ones_start_today() {
        let today = d(2026, 12, 6);
        let r = rules();
        let moved = answer_date_bounds(r, AnswerDate::MovedIn, today);
        assert_eq!((moved.min, moved.max), (d(1900, 1, 1), today));
        let plan = answer_date_bounds(r, AnswerDate::PlannedMove, today);
        assert_eq!((plan.min, plan.max), (today, d(2099, 12, 31)));
        let member = answer_date_bounds(r, AnswerDate::MemberSince, today);
        assert_eq!((member.min, member.max), (d(2018, 10, 1), today));
        assert!(member.hint.ja.contains("2018/10/01"), "{}", member.hint.ja);
        let join = answer_date_bounds(r, AnswerDate::PlannedMembership, today);
        assert_eq!((join.min, join.max), (today, d(2099, 12, 31)));
    }

    #[test]
    fn a_day_before_the_program_never_gives_an_empty_range() {
        // The seminar's or a test's "today" may lie before the program: min ≤ max still.
        let today = d(2018, 5, 1);
        for which in [
            AnswerDate::MovedIn,
            AnswerDate::PlannedMove,
            AnswerDate::MemberSince,
            AnswerDate::PlannedMembership,
        ] {
            let b = answer_date_bounds(rules(), which, today);
            assert!(b.min <= b.max, "{which:?}: {b:?}");
        }
    }
}
