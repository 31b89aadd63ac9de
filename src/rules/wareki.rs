//! 和暦: the Japanese era calendar, for dates on the application form (令和N年M月D日), fiscal-year
//! names (令和元年度) and birth dates typed the way Japanese forms ask for them (平成2年4月1日).
//!
//! Formatting is by hand with `Datelike` (chrono's strftime machinery costs wasm bytes).
//!
//! Era boundaries (the first and last day of each era, Gregorian):
//! - 明治 Meiji: 1873-01-01 (see below) .. 1912-07-29
//! - 大正 Taisho: 1912-07-30 .. 1926-12-24
//! - 昭和 Showa: 1926-12-25 .. 1989-01-07
//! - 平成 Heisei: 1989-01-08 .. 2019-04-30
//! - 令和 Reiwa: 2019-05-01 ..
//!
//! 明治 is only supported from 明治6年1月1日 = 1873-01-01, the day Japan adopted the Gregorian
//! calendar: dates before it were written in the lunisolar calendar, and a Gregorian date cannot
//! be turned into one (or back) by arithmetic. No applicant is affected.

use super::Lang;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A Japanese era (元号).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Era {
    /// 明治 (supported from 1873-01-01, see the module docs).
    Meiji,
    /// 大正.
    Taisho,
    /// 昭和.
    Showa,
    /// 平成.
    Heisei,
    /// 令和.
    Reiwa,
}

/// All eras, oldest first.
pub const ERAS: [Era; 5] = [Era::Meiji, Era::Taisho, Era::Showa, Era::Heisei, Era::Reiwa];

/// `NaiveDate` from constants known to be valid; the fallback is never reached but keeps the code
/// free of `unwrap`.
const fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => date,
        None => NaiveDate::MIN,
    }
}

impl Era {
    /// The era's name in kanji: 令和.
    pub fn name_ja(self) -> &'static str {
        match self {
            Era::Meiji => "明治",
            Era::Taisho => "大正",
            Era::Showa => "昭和",
            Era::Heisei => "平成",
            Era::Reiwa => "令和",
        }
    }

    /// The era's name in English: Reiwa.
    pub fn name_en(self) -> &'static str {
        match self {
            Era::Meiji => "Meiji",
            Era::Taisho => "Taisho",
            Era::Showa => "Showa",
            Era::Heisei => "Heisei",
            Era::Reiwa => "Reiwa",
        }
    }

    /// The one-letter abbreviation used on forms: M, T, S, H, R.
    pub fn letter(self) -> char {
        match self {
            Era::Meiji => 'M',
            Era::Taisho => 'T',
            Era::Showa => 'S',
            Era::Heisei => 'H',
            Era::Reiwa => 'R',
        }
    }

    /// The first supported day of the era (for 明治, 1873-01-01: see the module docs).
    pub fn start(self) -> NaiveDate {
        match self {
            Era::Meiji => ymd(1873, 1, 1),
            Era::Taisho => ymd(1912, 7, 30),
            Era::Showa => ymd(1926, 12, 25),
            Era::Heisei => ymd(1989, 1, 8),
            Era::Reiwa => ymd(2019, 5, 1),
        }
    }

    /// The last day of the era, or `None` for the current one.
    pub fn end(self) -> Option<NaiveDate> {
        match self {
            Era::Meiji => Some(ymd(1912, 7, 29)),
            Era::Taisho => Some(ymd(1926, 12, 24)),
            Era::Showa => Some(ymd(1989, 1, 7)),
            Era::Heisei => Some(ymd(2019, 4, 30)),
            Era::Reiwa => None,
        }
    }

    /// The Gregorian year of the era's year 1 (元年), minus one: era year N = Gregorian − offset.
    fn offset(self) -> i32 {
        match self {
            Era::Meiji => 1867,
            Era::Taisho => 1911,
            Era::Showa => 1925,
            Era::Heisei => 1988,
            Era::Reiwa => 2018,
        }
    }

    /// Whether `date` falls within the era.
    pub fn contains(self, date: NaiveDate) -> bool {
        date >= self.start() && self.end().is_none_or(|end| date <= end)
    }
}

impl fmt::Display for Era {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name_ja())
    }
}

/// A year in the era calendar: 令和 1 (written 令和元年).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Wareki {
    /// The era.
    pub era: Era,
    /// The year within the era, from 1.
    pub year: u32,
}

impl Wareki {
    /// 「令和元年」, 「平成31年」: the first year is written 元年.
    pub fn year_ja(self) -> String {
        if self.year == 1 {
            format!("{}元年", self.era.name_ja())
        } else {
            format!("{}{}年", self.era.name_ja(), self.year)
        }
    }

    /// "Reiwa 1", "Heisei 31".
    pub fn year_en(self) -> String {
        format!("{} {}", self.era.name_en(), self.year)
    }
}

/// The era and era year of a date, or `None` before 1873-01-01 (see the module docs).
pub fn to_wareki(date: NaiveDate) -> Option<Wareki> {
    let era = ERAS.iter().rev().copied().find(|e| date >= e.start())?;
    let year = u32::try_from(date.year() - era.offset()).ok()?;
    Some(Wareki { era, year })
}

/// A date the form's way: 「令和元年5月1日」, 「平成31年4月30日」.
///
/// Dates before 1873 (no era date, see the module docs) are written in the Gregorian calendar
/// with kanji: 「1850年1月1日」.
pub fn format_date(date: NaiveDate) -> String {
    match to_wareki(date) {
        Some(w) => format!("{}{}月{}日", w.year_ja(), date.month(), date.day()),
        None => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
    }
}

/// English month abbreviations, January first.
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn month_en(month: u32) -> &'static str {
    // `month` comes from chrono (1..=12); the fallback only keeps this free of a panic path.
    MONTHS_EN
        .get((month as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

/// A date in English with the era year: "1 May 2019 (Reiwa 1)"; without the era part before 1873.
pub fn format_date_en(date: NaiveDate) -> String {
    let base = format!("{} {} {}", date.day(), month_en(date.month()), date.year());
    match to_wareki(date) {
        Some(w) => format!("{base} ({})", w.year_en()),
        None => base,
    }
}

/// A date in the user's language: [`format_date`] or [`format_date_en`].
pub fn format_date_lang(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Ja => format_date(date),
        Lang::En => format_date_en(date),
    }
}

/// The era name of fiscal year `fy` (April `fy` to March `fy + 1`), or `None` before 1873.
///
/// A 年度 is named by the era in force on its first day, April 1 (FY2018 = 平成30年度, FY1988 =
/// 昭和63年度 although 平成 began in January 1989), with one exception: FY2019 is 令和元年度.
/// 令和 began on 2019-05-01, one month into the year; the change was announced in advance and the
/// government wrote the year 平成31年度 only on documents issued before the change and
/// 令和元年度 from then on. Every application this app prints is issued after that day, so it
/// uses 令和元年度 (平成31年度 is still seen on older papers for the same year).
pub fn fiscal_year_wareki(fy: i32) -> Option<Wareki> {
    if fy == 2019 {
        return Some(Wareki {
            era: Era::Reiwa,
            year: 1,
        });
    }
    to_wareki(NaiveDate::from_ymd_opt(fy, 4, 1)?)
}

/// A fiscal year's name on the form: FY2019 → 「令和元年度」, FY2018 → 「平成30年度」
/// (see [`fiscal_year_wareki`]); 「1850年度」 where there is no era name.
pub fn fiscal_year_label(fy: i32) -> String {
    match fiscal_year_wareki(fy) {
        Some(w) => format!("{}度", w.year_ja()),
        None => format!("{fy}年度"),
    }
}

/// A fiscal year in English: "FY2019 (Apr 2019 – Mar 2020)".
pub fn fiscal_year_label_en(fy: i32) -> String {
    format!("FY{fy} (Apr {fy} – Mar {})", i64::from(fy) + 1)
}

/// A fiscal year's name in the user's language.
pub fn fiscal_year_label_lang(fy: i32, lang: Lang) -> String {
    match lang {
        Lang::Ja => fiscal_year_label(fy),
        Lang::En => fiscal_year_label_en(fy),
    }
}

/// Why a typed date was not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DateError {
    /// Nothing was typed.
    Empty,
    /// Not in a recognised form.
    Format,
    /// Recognised, but no such day (month 13, 2月30日).
    NoSuchDay,
    /// An era date outside that era: 平成32年, 令和1年4月1日, 昭和0年.
    OutsideEra(Era),
}

impl DateError {
    /// A polite message for the user that says what to type.
    pub fn message(self, lang: Lang) -> String {
        match self {
            DateError::Empty => lang
                .pick(
                    "日付を入力してください(例: 平成2年4月1日、1990-04-01)。",
                    "Please enter a date (for example 1990-04-01 or 平成2年4月1日).",
                )
                .to_string(),
            DateError::Format => lang
                .pick(
                    "日付の形式が読み取れません。「平成2年4月1日」「H2.4.1」「1990/4/1」のように入力してください。",
                    "The date could not be read. Please enter it like 1990-04-01, 1990/4/1, 平成2年4月1日 or H2.4.1.",
                )
                .to_string(),
            DateError::NoSuchDay => lang
                .pick(
                    "存在しない日付です。月と日をご確認ください。",
                    "There is no such day. Please check the month and the day.",
                )
                .to_string(),
            DateError::OutsideEra(era) => {
                let start = era.start();
                match (lang, era.end()) {
                    (Lang::Ja, Some(end)) => format!(
                        "{}の日付は{}({})から{}({})までです。元号と年をご確認ください。",
                        era.name_ja(),
                        format_date(start),
                        gregorian_ja(start),
                        format_date(end),
                        gregorian_ja(end),
                    ),
                    (Lang::Ja, None) => format!(
                        "{}の日付は{}({})からです。元号と年をご確認ください。",
                        era.name_ja(),
                        format_date(start),
                        gregorian_ja(start),
                    ),
                    (Lang::En, Some(end)) => format!(
                        "The {} era runs from {} to {}. Please check the era and the year.",
                        era.name_en(),
                        gregorian_en(start),
                        gregorian_en(end),
                    ),
                    (Lang::En, None) => format!(
                        "The {} era began on {}. Please check the era and the year.",
                        era.name_en(),
                        gregorian_en(start),
                    ),
                }
            }
        }
    }
}

fn gregorian_ja(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

fn gregorian_en(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), month_en(d.month()), d.year())
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for DateError {}

/// Full-width ASCII (Ｒ２．４．１, ２０１９／５／１) to half-width, spaces dropped, letters upper-cased.
fn normalise(input: &str) -> Vec<char> {
    input
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            // Dashes people type between date parts.
            '‐' | '−' | 'ー' | '―' | '–' => '-',
            '・' => '.',
            _ => c,
        })
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Reads an era prefix (令和, 令, R, ㋿) from the front of `s`.
fn take_era(s: &[char]) -> (Option<Era>, &[char]) {
    for era in ERAS {
        let name: Vec<char> = era.name_ja().chars().collect();
        if s.starts_with(&name) {
            return (Some(era), &s[name.len()..]);
        }
    }
    let Some((&c, rest)) = s.split_first() else {
        return (None, s);
    };
    let era = match c {
        '明' | 'M' | '㍾' => Era::Meiji,
        '大' | 'T' | '㍽' => Era::Taisho,
        '昭' | 'S' | '㍼' => Era::Showa,
        '平' | 'H' | '㍻' => Era::Heisei,
        '令' | 'R' | '㋿' => Era::Reiwa,
        _ => return (None, s),
    };
    // The ligatures ㍻ and ㋿ stand for the whole era name; 年 after them is read as usual.
    (Some(era), rest)
}

/// Reads 1..=`max_len` ASCII digits.
fn take_number(s: &[char], max_len: usize) -> Option<(u32, usize, &[char])> {
    let len = s.iter().take_while(|c| c.is_ascii_digit()).count();
    if len == 0 || len > max_len {
        return None;
    }
    let mut v = 0u32;
    for c in &s[..len] {
        // At most 4 digits: cannot overflow.
        v = v * 10 + c.to_digit(10)?;
    }
    Some((v, len, &s[len..]))
}

/// Parses a date typed by a person: `1990-04-01`, `1990/4/1`, `1990.4.1`, `1990年4月1日`,
/// `19900401`, `平成2年4月1日`, `令和元年5月1日`, `H2.4.1`, `R1/5/1`, `S60-1-1`, `平2.4.1`,
/// with full-width digits and letters and spaces anywhere. Gregorian years need 4 digits.
///
/// An era date must fall within its era: 平成32年1月1日 and 令和1年4月1日 are
/// [`DateError::OutsideEra`]. Never panics.
pub fn parse_date(input: &str) -> Result<NaiveDate, DateError> {
    let chars = normalise(input);
    if chars.is_empty() {
        return Err(DateError::Empty);
    }
    let (era, s) = take_era(&chars);

    // Compact 19900401.
    if era.is_none() && s.len() == 8 && s.iter().all(|c| c.is_ascii_digit()) {
        let n = |a: usize, b: usize| {
            s[a..b]
                .iter()
                .fold(0u32, |v, c| v * 10 + c.to_digit(10).unwrap_or(0))
        };
        return NaiveDate::from_ymd_opt(n(0, 4) as i32, n(4, 6), n(6, 8))
            .ok_or(DateError::NoSuchDay);
    }

    // The year: 元 only after an era; an era year has 1–2 digits, a Gregorian year exactly 4.
    let (year, s) = match (era, s.split_first()) {
        (Some(_), Some(('元', rest))) => (1, rest),
        (Some(_), _) => {
            let (v, _, rest) = take_number(s, 2).ok_or(DateError::Format)?;
            (v, rest)
        }
        (None, _) => {
            let (v, len, rest) = take_number(s, 4).ok_or(DateError::Format)?;
            if len != 4 {
                return Err(DateError::Format);
            }
            (v, rest)
        }
    };
    // Separators: 年…月…[日], or one of . / - used twice.
    let (sep, s) = match s.split_first() {
        Some((c @ ('年' | '.' | '/' | '-'), rest)) => (*c, rest),
        _ => return Err(DateError::Format),
    };
    let (month, _, s) = take_number(s, 2).ok_or(DateError::Format)?;
    let sep2 = if sep == '年' { '月' } else { sep };
    let s = match s.split_first() {
        Some((c, rest)) if *c == sep2 => rest,
        _ => return Err(DateError::Format),
    };
    let (day, _, s) = take_number(s, 2).ok_or(DateError::Format)?;
    let s = match (sep, s.split_first()) {
        ('年', Some(('日', rest))) => rest,
        _ => s,
    };
    if !s.is_empty() {
        return Err(DateError::Format);
    }

    match era {
        None => NaiveDate::from_ymd_opt(year as i32, month, day).ok_or(DateError::NoSuchDay),
        Some(era) => {
            if year == 0 {
                return Err(DateError::OutsideEra(era));
            }
            // year ≤ 99 here, so the sum cannot overflow.
            let date = NaiveDate::from_ymd_opt(era.offset() + year as i32, month, day)
                .ok_or(DateError::NoSuchDay)?;
            if era.contains(date) {
                Ok(date)
            } else {
                Err(DateError::OutsideEra(era))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).expect("valid test date")
    }

    #[test]
    fn era_boundaries_format() {
        let cases = [
            (d(1873, 1, 1), "明治6年1月1日"),
            (d(1912, 7, 29), "明治45年7月29日"),
            (d(1912, 7, 30), "大正元年7月30日"),
            (d(1926, 12, 24), "大正15年12月24日"),
            (d(1926, 12, 25), "昭和元年12月25日"),
            (d(1989, 1, 7), "昭和64年1月7日"),
            (d(1989, 1, 8), "平成元年1月8日"),
            (d(2019, 4, 30), "平成31年4月30日"),
            (d(2019, 5, 1), "令和元年5月1日"),
            (d(2020, 1, 1), "令和2年1月1日"),
            (d(1872, 12, 31), "1872年12月31日"),
        ];
        for (date, want) in cases {
            assert_eq!(format_date(date), want, "{date}");
        }
    }

    #[test]
    fn english_format() {
        assert_eq!(format_date_en(d(2019, 5, 1)), "1 May 2019 (Reiwa 1)");
        assert_eq!(format_date_en(d(2019, 4, 30)), "30 Apr 2019 (Heisei 31)");
        assert_eq!(format_date_en(d(1990, 12, 9)), "9 Dec 1990 (Heisei 2)");
        assert_eq!(format_date_en(d(1850, 1, 2)), "2 Jan 1850");
        assert_eq!(format_date_lang(d(2019, 5, 1), Lang::Ja), "令和元年5月1日");
    }

    #[test]
    fn fiscal_years() {
        assert_eq!(fiscal_year_label(2018), "平成30年度");
        assert_eq!(fiscal_year_label(2019), "令和元年度");
        assert_eq!(fiscal_year_label(2020), "令和2年度");
        assert_eq!(fiscal_year_label(1988), "昭和63年度");
        assert_eq!(fiscal_year_label(1989), "平成元年度");
        assert_eq!(fiscal_year_label(1800), "1800年度");
        assert_eq!(fiscal_year_label_en(2019), "FY2019 (Apr 2019 – Mar 2020)");
        assert_eq!(
            fiscal_year_label_lang(2018, Lang::En),
            "FY2018 (Apr 2018 – Mar 2019)"
        );
        // Extreme values must not panic.
        assert_eq!(
            fiscal_year_label_en(i32::MAX),
            format!("FY{} (Apr {} – Mar 2147483648)", i32::MAX, i32::MAX)
        );
        assert_eq!(fiscal_year_label(i32::MIN), format!("{}年度", i32::MIN));
    }

    #[test]
    fn parses_accepted_forms() {
        let cases = [
            ("1990-04-01", d(1990, 4, 1)),
            ("1990/4/1", d(1990, 4, 1)),
            ("1990.4.1", d(1990, 4, 1)),
            ("1990年4月1日", d(1990, 4, 1)),
            ("1990年4月1", d(1990, 4, 1)),
            ("19900401", d(1990, 4, 1)),
            ("１９９０／０４／０１", d(1990, 4, 1)),
            ("平成2年4月1日", d(1990, 4, 1)),
            ("平成２年４月１日", d(1990, 4, 1)),
            ("平成 2年 4月 1日", d(1990, 4, 1)),
            ("H2.4.1", d(1990, 4, 1)),
            ("h2.4.1", d(1990, 4, 1)),
            ("Ｈ２．４．１", d(1990, 4, 1)),
            ("H02/04/01", d(1990, 4, 1)),
            ("平2.4.1", d(1990, 4, 1)),
            ("㍻2年4月1日", d(1990, 4, 1)),
            ("昭和60年1月1日", d(1985, 1, 1)),
            ("S60-1-1", d(1985, 1, 1)),
            ("令和元年5月1日", d(2019, 5, 1)),
            ("令和1年5月1日", d(2019, 5, 1)),
            ("R1.5.1", d(2019, 5, 1)),
            ("R元.5.1", d(2019, 5, 1)),
            ("平成31年4月30日", d(2019, 4, 30)),
            ("平成元年1月8日", d(1989, 1, 8)),
            ("昭和64年1月7日", d(1989, 1, 7)),
            ("昭和元年12月25日", d(1926, 12, 25)),
            ("大正15年12月24日", d(1926, 12, 24)),
            ("T1.7.30", d(1912, 7, 30)),
            ("明治45年7月29日", d(1912, 7, 29)),
            ("2000-02-29", d(2000, 2, 29)),
        ];
        for (input, want) in cases {
            assert_eq!(parse_date(input), Ok(want), "input {input:?}");
        }
    }

    #[test]
    fn rejects_with_reason() {
        use DateError::*;
        let cases = [
            ("", Empty),
            ("  \u{3000}", Empty),
            ("平成32年1月1日", OutsideEra(Era::Heisei)),
            ("平成31年5月1日", OutsideEra(Era::Heisei)),
            ("令和1年4月1日", OutsideEra(Era::Reiwa)),
            ("令和元年4月30日", OutsideEra(Era::Reiwa)),
            ("昭和64年1月8日", OutsideEra(Era::Showa)),
            ("昭和元年12月24日", OutsideEra(Era::Showa)),
            ("平成元年1月7日", OutsideEra(Era::Heisei)),
            ("昭和0年1月1日", OutsideEra(Era::Showa)),
            ("明治5年12月31日", OutsideEra(Era::Meiji)),
            ("1990-13-01", NoSuchDay),
            ("1990-02-30", NoSuchDay),
            ("2019-02-29", NoSuchDay),
            ("平成2年2月30日", NoSuchDay),
            ("19901301", NoSuchDay),
            ("90/4/1", Format),
            ("1990/4-1", Format),
            ("1990年4/1", Format),
            ("元年5月1日", Format),
            ("X2.4.1", Format),
            ("H2.4", Format),
            ("H2.4.1.", Format),
            ("H123.4.1", Format),
            ("1990-04-001", Format),
            ("令和", Format),
            ("yesterday", Format),
        ];
        for (input, want) in cases {
            assert_eq!(parse_date(input), Err(want), "input {input:?}");
        }
    }

    #[test]
    fn messages_name_the_era_range() {
        let ja = DateError::OutsideEra(Era::Heisei).message(Lang::Ja);
        assert!(
            ja.contains("平成元年1月8日") && ja.contains("平成31年4月30日"),
            "{ja}"
        );
        let en = DateError::OutsideEra(Era::Reiwa).message(Lang::En);
        assert!(en.contains("1 May 2019"), "{en}");
        assert!(DateError::Format
            .message(Lang::Ja)
            .contains("入力してください"));
    }
}
