//! Amounts of money as people type them: `50000`, `５０，０００円`, `¥50,000`, `5万`, `1.5万円`,
//! `3万5000円`, `2万 5千`.
//!
//! Parsing is integer-only (no floats: they cost wasm bytes and can turn `1.1万` into `10999`).
//! A decimal point is only accepted where it still gives whole yen (`1.5万` = 15,000; `100.0`);
//! anything that would be a fraction of a yen is refused with [`AmountError::Fraction`] rather than
//! rounded, because a silently rounded amount on an application form is worse than a question.
//! For the same reason `1万5` (¥15,000 or ¥10,005?) is refused with
//! [`AmountError::ShortAfterMan`], which names both readings.

use super::money::{format_yen, group_digits};
use super::{Lang, Yen};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The largest amount accepted (the bound lives with the others in [`super::limits`]).
pub use super::limits::MAX_AMOUNT;

/// Why a typed amount was not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AmountError {
    /// Nothing was typed (only spaces).
    Empty,
    /// A minus sign (or ▲/△, the accounting minus) before the amount.
    Negative,
    /// Not readable as an amount (letters, misplaced separators, `1,5`, `5e4`, …).
    NotANumber,
    /// Above [`MAX_AMOUNT`] (or beyond what a `u64` can hold).
    TooLarge,
    /// Would be a fraction of a yen (`100.5`, `1.23456万`).
    Fraction,
    /// A bare group of 1 to 3 digits after 万 (`1万5`, `1万50`, `1万500`): people mean ¥15,000
    /// (the first digits of the 4-digit group, as in 「1万5千」) about as often as ¥10,005.
    ShortAfterMan {
        /// The group read as the first digits of the four after 万 (`1万5` → 15,000).
        as_leading: Yen,
        /// The group read as written (`1万5` → 10,005).
        as_written: Yen,
    },
}

impl AmountError {
    /// A polite message for the user that says what to type.
    pub fn message(self, lang: Lang) -> String {
        let fixed = match self {
            AmountError::Empty => lang.pick(
                "金額を入力してください(例: 50000、5万)。",
                "Please enter an amount (for example 50000 or 5万).",
            ),
            AmountError::Negative => lang.pick(
                "マイナスの金額は入力できません。0円以上の金額を入力してください。",
                "The amount cannot be negative. Please enter 0 yen or more, without a minus sign.",
            ),
            AmountError::NotANumber => lang.pick(
                "金額を数字で入力してください(例: 50000、5万)。",
                "Please enter the amount in figures (for example 50000, 50,000 or 5万).",
            ),
            AmountError::TooLarge => lang.pick(
                "金額が大きすぎます。10億円以下で入力してください(桁をご確認ください)。",
                "The amount is too large. Please enter at most ¥1,000,000,000 (check the number of zeros).",
            ),
            AmountError::Fraction => lang.pick(
                "1円未満の端数は入力できません。円単位で入力してください(例: 15000、1.5万)。",
                "Please enter whole yen, without fractions of a yen (for example 15000 or 1.5万).",
            ),
            AmountError::ShortAfterMan {
                as_leading,
                as_written,
            } => {
                let (a, b) = (format_yen(as_leading), format_yen(as_written));
                let man_form = man_form(as_leading);
                let (da, db) = (as_leading, as_written);
                return match lang {
                    Lang::Ja => format!(
                        "万のあとの数字が4桁ではないため、{a}か{b}か分かりません。{a}なら「{man_form}」または「{da}」、{b}なら「{db}」と入力してください。"
                    ),
                    Lang::En => format!(
                        "The figure after 万 has fewer than 4 digits, so it could mean {a} or {b}. Please enter {man_form} or {da} for {a}, or {db} for {b}."
                    ),
                };
            }
        };
        fixed.to_string()
    }
}

/// An amount written with 万 and the rest as 千 or four digits: 15,000 → 「1万5千」,
/// 12,500 → 「1万2500」 (as [`parse_amount`] reads them back).
fn man_form(yen: Yen) -> String {
    let (man, rest) = (yen / 10_000, yen % 10_000);
    match rest {
        0 => format!("{}万", group_digits(man)),
        r if r % 1000 == 0 => format!("{}万{}千", group_digits(man), r / 1000),
        r => format!("{}万{r:04}", group_digits(man)),
    }
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for AmountError {}

/// One character of the input, after mapping full-width forms to their ASCII meaning.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tok {
    Digit(u8),
    Point,
    Comma,
    Space,
    YenSign,
    En,
    Minus,
    /// A multiplier: 億 = 10^8, 万 = 10^4, 千 = 10^3 (the exponent is kept).
    Unit(u32),
    Other,
}

fn tok(c: char) -> Tok {
    match c {
        '0'..='9' => Tok::Digit(c as u8 - b'0'),
        // Full-width digits ０-９ (U+FF10..U+FF19).
        '\u{FF10}'..='\u{FF19}' => Tok::Digit((c as u32 - 0xFF10) as u8),
        '.' | '．' => Tok::Point,
        ',' | '，' => Tok::Comma,
        '¥' | '￥' => Tok::YenSign,
        '円' => Tok::En,
        // ASCII hyphen-minus, full-width hyphen-minus, minus sign, hyphen, and the accounting
        // triangles used in Japanese ledgers for negative numbers.
        '-' | '－' | '−' | '‐' | '▲' | '△' => Tok::Minus,
        '億' => Tok::Unit(8),
        '万' | '萬' => Tok::Unit(4),
        '千' => Tok::Unit(3),
        c if c.is_whitespace() => Tok::Space, // includes the full-width space U+3000
        _ => Tok::Other,
    }
}

/// Parses an amount of yen typed by a person.
///
/// Accepts ASCII and full-width digits, the separators `,` `，` (in groups of three), `¥` `￥` in
/// front, `円` at the end, spaces at the ends and around the units, and the units 万 / 千 (and
/// 億) with descending parts: `3万5000`, `2万5千`, `1.5万`. Never panics.
pub fn parse_amount(input: &str) -> Result<Yen, AmountError> {
    let toks: Vec<Tok> = input.chars().map(tok).collect();
    let mut s: &[Tok] = &toks;

    s = trim_spaces(s);
    if s.is_empty() {
        return Err(AmountError::Empty);
    }

    // Prefix: ¥ and/or a minus sign, in either order ("-¥500", "¥-500"), each at most once.
    let mut negative = false;
    let mut yen_sign = false;
    loop {
        match s.first() {
            Some(Tok::YenSign) if !yen_sign => yen_sign = true,
            Some(Tok::Minus) if !negative => negative = true,
            _ => break,
        }
        s = trim_spaces(&s[1..]);
    }
    // Suffix: one 円.
    if let Some((Tok::En, rest)) = s.split_last() {
        s = trim_spaces(rest);
    }
    if s.is_empty() {
        return Err(AmountError::NotANumber);
    }

    let value = parse_body(s)?;
    // A minus sign in front of a readable number: say "negative", which is more helpful than
    // "not a number". Even "-0" is refused: the sign shows a misunderstanding worth flagging.
    if negative {
        return Err(AmountError::Negative);
    }
    if value > MAX_AMOUNT {
        return Err(AmountError::TooLarge);
    }
    Ok(value)
}

fn trim_spaces(mut s: &[Tok]) -> &[Tok] {
    while let Some((Tok::Space, rest)) = s.split_first() {
        s = rest;
    }
    while let Some((Tok::Space, rest)) = s.split_last() {
        s = rest;
    }
    s
}

/// The number part: one or more `number [unit]` groups with strictly descending units; a group
/// without a unit can only be the last one.
fn parse_body(mut s: &[Tok]) -> Result<Yen, AmountError> {
    let mut total: u64 = 0;
    // The exponent of the previous group's unit: the next group must be below 10^prev.
    let mut prev_exp: Option<u32> = None;
    loop {
        let (num, rest) = parse_number(s)?;
        let rest = trim_spaces(rest);
        let (exp, rest) = match rest.split_first() {
            Some((Tok::Unit(e), r)) => (Some(*e), trim_spaces(r)),
            _ => (None, rest),
        };
        // A decimal point only on the last group ("1.5万", not "1.5万5000").
        if num.has_point && !rest.is_empty() {
            return Err(AmountError::NotANumber);
        }
        let value = num.value_times_pow10(exp.unwrap_or(0))?;
        if let Some(p) = prev_exp {
            // "3万5000" is fine, "3万15000" or "3千2万" is not how amounts are written.
            if value >= 10u64.pow(p) {
                return Err(AmountError::NotANumber);
            }
        }
        // "1万5": a bare group of fewer than four digits after 万 is read two ways; ask.
        let short = 4 - num.int.len().min(4) as u32;
        if prev_exp == Some(4)
            && exp.is_none()
            && rest.is_empty()
            && !num.has_point
            && short > 0
            && value > 0
        {
            let as_written = total.checked_add(value).ok_or(AmountError::TooLarge)?;
            let as_leading = value
                .checked_mul(10u64.pow(short))
                .and_then(|v| v.checked_add(total))
                .ok_or(AmountError::TooLarge)?;
            if as_written > MAX_AMOUNT {
                return Err(AmountError::TooLarge);
            }
            return Err(AmountError::ShortAfterMan {
                as_leading,
                as_written,
            });
        }
        total = total.checked_add(value).ok_or(AmountError::TooLarge)?;
        match exp {
            Some(e) if !rest.is_empty() => {
                prev_exp = Some(e);
                s = rest;
            }
            _ if rest.is_empty() => return Ok(total),
            // A unit-less number followed by more text.
            _ => return Err(AmountError::NotANumber),
        }
    }
}

/// A decimal number as typed: its integer digits and its fraction digits (trailing zeros dropped).
struct Number {
    int: Vec<u8>,
    frac: Vec<u8>,
    has_point: bool,
}

impl Number {
    /// `self × 10^exp` in whole yen, or `Fraction` if that leaves part of a yen.
    fn value_times_pow10(&self, exp: u32) -> Result<Yen, AmountError> {
        if self.frac.len() > exp as usize {
            return Err(AmountError::Fraction);
        }
        let mut v: u64 = 0;
        // Integer digits, then the fraction digits, then zeros: all one shift by 10^exp.
        let pad = exp as usize - self.frac.len();
        let digits = self
            .int
            .iter()
            .chain(self.frac.iter())
            .copied()
            .chain(std::iter::repeat_n(0, pad));
        for d in digits {
            v = v
                .checked_mul(10)
                .and_then(|v| v.checked_add(u64::from(d)))
                .ok_or(AmountError::TooLarge)?;
        }
        Ok(v)
    }
}

/// Reads `digits[,ddd]*[.digits]` from the front of `s`.
fn parse_number(s: &[Tok]) -> Result<(Number, &[Tok]), AmountError> {
    let mut i = 0;
    let mut int = Vec::new();
    let mut group_len = 0usize;
    let mut saw_comma = false;
    while let Some(t) = s.get(i) {
        match t {
            Tok::Digit(d) => {
                int.push(*d);
                group_len += 1;
            }
            Tok::Comma => {
                // Grouping must be by three ("50,000"): "1,5" may be a European decimal comma
                // and "5,0000" is ambiguous, and a misread amount is worse than a question.
                let first_ok = !saw_comma && (1..=3).contains(&group_len);
                let later_ok = saw_comma && group_len == 3;
                if !(first_ok || later_ok) {
                    return Err(AmountError::NotANumber);
                }
                saw_comma = true;
                group_len = 0;
            }
            _ => break,
        }
        i += 1;
    }
    if int.is_empty() || (saw_comma && group_len != 3) {
        return Err(AmountError::NotANumber);
    }
    let mut frac = Vec::new();
    let mut has_point = false;
    if let Some(Tok::Point) = s.get(i) {
        has_point = true;
        i += 1;
        while let Some(Tok::Digit(d)) = s.get(i) {
            frac.push(*d);
            i += 1;
        }
        if frac.is_empty() {
            return Err(AmountError::NotANumber);
        }
        while frac.last() == Some(&0) {
            frac.pop();
        }
    }
    // Leading zeros are harmless ("007") but would otherwise count towards overflow checks only.
    Ok((
        Number {
            int,
            frac,
            has_point,
        },
        &s[i..],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted() {
        let cases: &[(&str, Yen)] = &[
            ("0", 0),
            ("50000", 50_000),
            ("50,000", 50_000),
            ("５０，０００", 50_000),
            ("¥50,000", 50_000),
            ("￥５０，０００円", 50_000),
            ("  50000円 ", 50_000),
            ("\u{3000}３万\u{3000}", 30_000),
            ("3万", 30_000),
            ("3 万 円", 30_000),
            ("1.5万円", 15_000),
            ("１．５万", 15_000),
            ("3万5000円", 35_000),
            ("3万5,000円", 35_000),
            ("2万 5千", 25_000),
            ("2万5千300円", 25_300),
            ("5千", 5_000),
            ("1.23万", 12_300),
            ("1.2345万", 12_345),
            ("1.50000万", 15_000),
            ("100.0", 100),
            ("1,234,567", 1_234_567),
            ("007", 7),
            ("10億", 1_000_000_000),
            ("1,000,000,000円", MAX_AMOUNT),
            ("¥ 30,000", 30_000),
            ("1万0", 10_000),
            ("1万0500", 10_500),
            ("1万5千", 15_000),
            ("1.5万", 15_000),
        ];
        for (input, want) in cases {
            assert_eq!(parse_amount(input), Ok(*want), "input {input:?}");
        }
    }

    #[test]
    fn rejected() {
        use AmountError::*;
        let cases: &[(&str, AmountError)] = &[
            ("", Empty),
            ("   ", Empty),
            ("\u{3000}", Empty),
            ("-500", Negative),
            ("－５００円", Negative),
            ("¥-500", Negative),
            ("▲500", Negative),
            ("-0", Negative),
            ("abc", NotANumber),
            ("円", NotANumber),
            ("¥", NotANumber),
            ("万", NotANumber),
            ("-abc", NotANumber),
            ("5e4", NotANumber),
            ("1,5万", NotANumber),
            ("5,0000", NotANumber),
            ("50,00", NotANumber),
            ("1234,567", NotANumber),
            (",500", NotANumber),
            ("500,", NotANumber),
            ("5 000", NotANumber),
            ("1.", NotANumber),
            (".5万", NotANumber),
            ("1.5.0", NotANumber),
            ("1.5万5000", NotANumber),
            ("3万15000", NotANumber),
            ("5千3万", NotANumber),
            ("3万3万", NotANumber),
            ("5000円5000", NotANumber),
            ("50000円円", NotANumber),
            ("100.5", Fraction),
            ("1.23456万", Fraction),
            ("0.1", Fraction),
            ("1,000,000,001", TooLarge),
            ("11億", TooLarge),
            ("99999999999999999999999", TooLarge),
            ("18446744073709551616", TooLarge),
            ("1844674407370955.16165万", Fraction),
            ("1844674407370955.1616万", TooLarge),
            (
                "1万5",
                ShortAfterMan {
                    as_leading: 15_000,
                    as_written: 10_005,
                },
            ),
            (
                "1万50円",
                ShortAfterMan {
                    as_leading: 15_000,
                    as_written: 10_050,
                },
            ),
            (
                "1万500",
                ShortAfterMan {
                    as_leading: 15_000,
                    as_written: 10_500,
                },
            ),
            (
                "１万２５",
                ShortAfterMan {
                    as_leading: 12_500,
                    as_written: 10_025,
                },
            ),
            (
                "2億3万5",
                ShortAfterMan {
                    as_leading: 200_035_000,
                    as_written: 200_030_005,
                },
            ),
            ("1万5 x", NotANumber),
            ("10億0万5", TooLarge),
        ];
        for (input, want) in cases {
            assert_eq!(parse_amount(input), Err(*want), "input {input:?}");
        }
    }

    #[test]
    fn every_message_says_what_to_type() {
        use AmountError::*;
        let short = ShortAfterMan {
            as_leading: 15_000,
            as_written: 10_005,
        };
        for e in [Empty, Negative, NotANumber, TooLarge, Fraction, short] {
            assert!(e.message(Lang::Ja).contains("入力してください"), "{e:?}");
            assert!(e.message(Lang::En).contains("enter"), "{e:?}");
        }
    }

    #[test]
    fn short_group_after_man_names_both_readings() {
        let e = parse_amount("1万5").unwrap_err();
        let ja = e.message(Lang::Ja);
        let en = e.message(Lang::En);
        for s in ["¥15,000", "¥10,005", "「1万5千」", "「15000」", "「10005」"] {
            assert!(ja.contains(s), "{ja} lacks {s}");
        }
        for s in ["¥15,000", "¥10,005", "1万5千", "15000", "10005"] {
            assert!(en.contains(s), "{en} lacks {s}");
        }
        // Each suggested form reads back as the reading it stands for.
        assert_eq!(man_form(15_000), "1万5千");
        assert_eq!(parse_amount(&man_form(12_500)), Ok(12_500));
        assert_eq!(parse_amount(&man_form(200_035_000)), Ok(200_035_000));
    }
}
