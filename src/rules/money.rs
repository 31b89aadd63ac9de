//! Money is integer yen. No floats anywhere: they cost wasm bytes and rounding surprises.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount of money in whole yen.
pub type Yen = u64;

/// Arithmetic on yen went out of range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MoneyError {
    /// A sum or product exceeded what a `u64` of yen can hold.
    Overflow,
}

impl MoneyError {
    /// Message for the user.
    pub fn message(self, lang: crate::rules::Lang) -> &'static str {
        lang.pick(
            "金額が大きすぎて計算できません。",
            "The amount is too large to calculate.",
        )
    }
}

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message(crate::rules::Lang::En))
    }
}

impl std::error::Error for MoneyError {}

/// `a + b`, or `MoneyError::Overflow`.
pub fn add(a: Yen, b: Yen) -> Result<Yen, MoneyError> {
    a.checked_add(b).ok_or(MoneyError::Overflow)
}

/// Sum of an iterator of yen, checked.
pub fn sum<I: IntoIterator<Item = Yen>>(items: I) -> Result<Yen, MoneyError> {
    items.into_iter().try_fold(0, add)
}

/// `amount × numerator / denominator`, rounded down (切り捨て), computed in u128 so the
/// intermediate product cannot overflow; errors only if the result does not fit.
pub fn mul_div_floor(amount: Yen, numerator: u64, denominator: u64) -> Result<Yen, MoneyError> {
    if denominator == 0 {
        return Err(MoneyError::Overflow);
    }
    let v = (amount as u128) * (numerator as u128) / (denominator as u128);
    Yen::try_from(v).map_err(|_| MoneyError::Overflow)
}

/// Digits grouped by three with commas: `1234567` → `"1,234,567"`.
pub fn group_digits(yen: Yen) -> String {
    let digits = yen.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// An amount for display: `¥1,234` in both languages (the ¥ sign reads well in Japanese UI too).
pub fn format_yen(yen: Yen) -> String {
    format!("¥{}", group_digits(yen))
}

/// An amount the Japanese-form way: `1,234円`.
pub fn format_yen_ja(yen: Yen) -> String {
    format!("{}円", group_digits(yen))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_digits() {
        assert_eq!(group_digits(0), "0");
        assert_eq!(group_digits(999), "999");
        assert_eq!(group_digits(1000), "1,000");
        assert_eq!(group_digits(1234567), "1,234,567");
        assert_eq!(format_yen(50000), "¥50,000");
        assert_eq!(format_yen_ja(30000), "30,000円");
    }

    #[test]
    fn checked_arithmetic() {
        assert_eq!(add(u64::MAX, 1), Err(MoneyError::Overflow));
        assert_eq!(sum([1, 2, 3]), Ok(6));
        assert_eq!(mul_div_floor(12345, 20, 100), Ok(2469));
        assert_eq!(mul_div_floor(u64::MAX, 2, 1), Err(MoneyError::Overflow));
        assert_eq!(mul_div_floor(u64::MAX, 1, 2), Ok(u64::MAX / 2));
    }
}
