//! 和暦: round trips over every day 1927–2100, agreement with the era table, and a fuzz of
//! `parse_date` (it never panics, whatever is typed).

use chrono::{Datelike, NaiveDate};
use isumi_check::rules::wareki::{
    fiscal_year_label, format_date, parse_date, to_wareki, DateError, Era, ERAS,
};
use proptest::prelude::*;

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).expect("valid test date")
}

/// Every day from 1927-01-01 to 2100-12-31: the era form reads back as the same day, and so do
/// the ISO and slash forms. Exhaustive (about 64,000 days) rather than sampled: it is cheap.
#[test]
fn format_then_parse_every_day_1927_to_2100() {
    let mut day = d(1927, 1, 1);
    let last = d(2100, 12, 31);
    let mut count = 0;
    while day <= last {
        let ja = format_date(day);
        assert_eq!(parse_date(&ja), Ok(day), "{ja}");
        let w = to_wareki(day).expect("era date after 1873");
        let abbrev = format!("{}{}.{}.{}", w.era.letter(), w.year, day.month(), day.day());
        assert_eq!(parse_date(&abbrev), Ok(day), "{abbrev}");
        let slash = format!("{}/{}/{}", day.year(), day.month(), day.day());
        assert_eq!(parse_date(&slash), Ok(day), "{slash}");
        count += 1;
        day = day.succ_opt().expect("within chrono's range");
    }
    // 174 years of days, counted independently: (2100-12-31 − 1927-01-01) + 1.
    assert_eq!(count, 63_553);
}

/// The era of each day agrees with the boundaries, and the era year counts from 1 at each start.
#[test]
fn eras_are_contiguous_and_start_at_year_one() {
    for pair in ERAS.windows(2) {
        let end = pair[0].end().expect("only the last era is open");
        assert_eq!(end.succ_opt(), Some(pair[1].start()), "{:?}", pair);
        assert_eq!(to_wareki(end).map(|w| w.era), Some(pair[0]));
    }
    for era in ERAS {
        let w = to_wareki(era.start()).expect("era start");
        assert_eq!(w.era, era);
        // 明治 is supported from its 6th year (1873), see the module docs.
        assert_eq!(w.year, if era == Era::Meiji { 6 } else { 1 });
    }
    assert_eq!(to_wareki(d(1872, 12, 31)), None);
    assert_eq!(Era::Reiwa.end(), None);
}

/// A fiscal year label names the era of April 1, except FY2019 (令和元年度): every other year of
/// the program's span is checked against the era of its April 1.
#[test]
fn fiscal_year_labels_follow_april_first() {
    for fy in 1927..=2100 {
        let label = fiscal_year_label(fy);
        let w = to_wareki(d(fy, 4, 1)).expect("era date");
        let expected = if fy == 2019 {
            "令和元年度".to_string()
        } else if w.year == 1 {
            format!("{}元年度", w.era.name_ja())
        } else {
            format!("{}{}年度", w.era.name_ja(), w.year)
        };
        assert_eq!(label, expected, "FY{fy}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Any string: no panic; and an accepted era date is within its era by construction.
    #[test]
    fn parse_never_panics(s in "\\PC{0,30}") {
        let _ = parse_date(&s);
    }

    /// Strings built from the characters the parser reads: no panic.
    #[test]
    fn parse_never_panics_on_date_like(chars in prop::collection::vec(prop::sample::select(&[
        '0', '1', '2', '9', '１', '元', '年', '月', '日', '.', '/', '-', '令', '和', '平', '成',
        '昭', 'R', 'H', 'S', 'M', 'T', 'ｈ', '㍻', ' ', '\u{3000}', 'x',
    ][..]), 0..16)) {
        let s: String = chars.into_iter().collect();
        if let Ok(date) = parse_date(&s) {
            // Whatever was accepted formats back to a date that parses to the same day.
            prop_assert_eq!(parse_date(&format_date(date)), Ok(date));
        }
    }

    /// An era year past the era's end is refused as outside the era, never shifted into the next.
    #[test]
    fn heisei_after_31_is_outside(y in 32u32..=99, m in 1u32..=12, dd in 1u32..=28) {
        prop_assert_eq!(parse_date(&format!("平成{y}年{m}月{dd}日")), Err(DateError::OutsideEra(Era::Heisei)));
        prop_assert_eq!(parse_date(&format!("H{y}.{m}.{dd}")), Err(DateError::OutsideEra(Era::Heisei)));
    }
}
