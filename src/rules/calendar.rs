//! The calendar of the program: a municipality's fiscal year runs from April 1 to March 31
//! (地方自治法 第208条) and is named by the year it starts; months as written in files
//! ("2026-04"); the twelve months of a fiscal year and their names. One place, used by the quick,
//! actual-fees, document and engine code.

use crate::rules::{Lang, Text};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The fiscal year (named by the year it starts, April 1) a date falls in.
pub fn fiscal_year_of(date: NaiveDate) -> i32 {
    if date.month() >= 4 {
        date.year()
    } else {
        date.year() - 1
    }
}

/// April 1 of fiscal year `fy` (`None` outside chrono's range).
pub fn fiscal_year_start(fy: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(fy, 4, 1)
}

/// March 31 that ends fiscal year `fy`.
pub fn fiscal_year_end(fy: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(fy.checked_add(1)?, 3, 31)
}

/// "2019年度" / "FY2019 (April 2019 – March 2020)".
pub fn fiscal_year_name(fy: i32) -> Text {
    Text::new(
        format!("{fy}年度"),
        format!("FY{fy} (April {fy} – March {})", fy as i64 + 1),
    )
}

/// A calendar month, written "2026-04" in files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
}

impl YearMonth {
    /// A month, if `month` is 1–12.
    pub fn new(year: i32, month: u32) -> Option<Self> {
        (1..=12)
            .contains(&month)
            .then_some(YearMonth { year, month })
    }

    /// Parses "2026-04" (also "2026-4").
    pub fn parse(s: &str) -> Option<Self> {
        let (y, m) = s.trim().split_once('-')?;
        if y.is_empty() || y.len() > 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if m.is_empty() || m.len() > 2 || !m.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        YearMonth::new(y.parse().ok()?, m.parse().ok()?)
    }

    /// The first day of the month.
    pub fn first_day(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month, 1)
    }

    /// The fiscal year the month belongs to.
    pub fn fiscal_year(self) -> i32 {
        if self.month >= 4 {
            self.year
        } else {
            self.year - 1
        }
    }

    /// The month `n` months later.
    pub fn plus_months(self, n: u32) -> YearMonth {
        let idx = self.year as i64 * 12 + (self.month as i64 - 1) + n as i64;
        YearMonth {
            year: idx.div_euclid(12) as i32,
            month: idx.rem_euclid(12) as u32 + 1,
        }
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A visitor rather than `String::deserialize` then a check: the error is raised while the
        // string is read, so serde_json places it at the string, and the file reader can name the
        // field (`estimate.months[3].month`) rather than the object around it.
        struct Month;
        impl serde::de::Visitor<'_> for Month {
            type Value = YearMonth;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a month written YYYY-MM")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<YearMonth, E> {
                YearMonth::parse(s).ok_or_else(|| {
                    E::invalid_value(serde::de::Unexpected::Str(s), &"a month written YYYY-MM")
                })
            }
        }
        d.deserialize_str(Month)
    }
}

/// The twelve months of fiscal year `fy`, April first (empty outside the calendar's range).
pub fn fiscal_year_months(fy: i32) -> Vec<YearMonth> {
    match YearMonth::new(fy, 4) {
        Some(april) if fiscal_year_end(fy).is_some() => {
            (0..12).map(|i| april.plus_months(i)).collect()
        }
        _ => Vec::new(),
    }
}

/// English month names.
const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A month as a label: 「2026年4月」 / "April 2026".
pub fn month_label(m: YearMonth, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{}年{}月", m.year, m.month),
        Lang::En => format!(
            "{} {}",
            MONTH_NAMES
                .get((m.month as usize).wrapping_sub(1))
                .unwrap_or(&""),
            m.year
        ),
    }
}
