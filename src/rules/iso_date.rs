//! Dates as the files, the saved state and the rules data write them: exactly `YYYY-MM-DD`.
//!
//! chrono's serde support reads a `NaiveDate` through its general string parser, which accepts
//! more than this format (`2024-2-3`, ` 2024-02-03`, `+2024-02-03`) and costs wasm bytes. Here
//! a date is exactly ten ASCII characters: four digits of the year (0000–9999), `-`, two of the
//! month, `-`, two of the day, and the day must exist. Writing is unchanged, byte for byte: the
//! same text as chrono's `Display` (which also signs a year outside 0000–9999, `+10000-01-01`;
//! the engine's bounds keep such years out of every file, and this reader refuses them).
//!
//! Use on a field with `#[serde(with = "crate::rules::iso_date")]`, or for an `Option` with
//! `#[serde(default, with = "crate::rules::iso_date::option")]` (`null` and a missing field are
//! `None`, as serde's own `Option` reads them).

use chrono::{Datelike, NaiveDate};
use serde::de::{self, Deserializer, Unexpected, Visitor};
use serde::Serializer;
use std::fmt;

/// Why a text is not a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IsoDateError {
    /// Not ten characters `YYYY-MM-DD` of ASCII digits and dashes.
    Shape,
    /// The shape is right but there is no such day (`2024-02-30`, month `13`).
    NoSuchDay,
}

impl IsoDateError {
    /// What a date must be, for serde's "invalid value: …, expected …".
    fn expected(self) -> &'static str {
        match self {
            IsoDateError::Shape => "a date written YYYY-MM-DD",
            IsoDateError::NoSuchDay => "a day that exists, written YYYY-MM-DD",
        }
    }
}

impl fmt::Display for IsoDateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            IsoDateError::Shape => "not a date written YYYY-MM-DD",
            IsoDateError::NoSuchDay => "no such day",
        })
    }
}

/// The value of two or four ASCII digits.
fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

/// Reads exactly `YYYY-MM-DD` (year 0000–9999): no sign, no space, no time, no other width.
pub fn parse(s: &str) -> Result<NaiveDate, IsoDateError> {
    let &[y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = s.as_bytes() else {
        return Err(IsoDateError::Shape);
    };
    let (Some(year), Some(month), Some(day)) = (
        digits(&[y0, y1, y2, y3]),
        digits(&[m0, m1]),
        digits(&[d0, d1]),
    ) else {
        return Err(IsoDateError::Shape);
    };
    // `year` is at most 9999: it fits an `i32`.
    let year = i32::try_from(year).map_err(|_| IsoDateError::Shape)?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or(IsoDateError::NoSuchDay)
}

/// A date written `YYYY-MM-DD`, as chrono's `Display` writes it (a year outside 0000–9999 with its
/// sign and at least four digits).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Iso(pub NaiveDate);

impl fmt::Display for Iso {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = (self.0.year(), self.0.month(), self.0.day());
        if !(0..=9999).contains(&year) {
            return write!(f, "{year:+05}-{month:02}-{day:02}");
        }
        let y = year.unsigned_abs();
        let digit = |n: u32| b'0' + (n % 10) as u8;
        let text = [
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(month / 10),
            digit(month),
            b'-',
            digit(day / 10),
            digit(day),
        ];
        f.write_str(std::str::from_utf8(&text).map_err(|_| fmt::Error)?)
    }
}

/// `date` written `YYYY-MM-DD` (see [`Iso`]).
pub fn format(date: NaiveDate) -> String {
    Iso(date).to_string()
}

/// Serde's `serialize` for a `NaiveDate` field: the same string chrono's serde wrote.
pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&Iso(*date))
}

struct DateVisitor;

impl Visitor<'_> for DateVisitor {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date written YYYY-MM-DD")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<NaiveDate, E> {
        parse(v).map_err(|e| E::invalid_value(Unexpected::Str(v), &e.expected()))
    }
}

/// Serde's `deserialize` for a `NaiveDate` field: a string, exactly `YYYY-MM-DD`.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_str(DateVisitor)
}

/// The same for an `Option<NaiveDate>` field: `null` is `None`. Give the field
/// `#[serde(default)]` too, so that a missing field is `None` as well (serde's derive does that
/// by itself only for a plain `Option`).
pub mod option {
    use super::{DateVisitor, Iso};
    use chrono::NaiveDate;
    use serde::de::{self, Deserializer, Visitor};
    use serde::Serializer;
    use std::fmt;

    /// `None` as `null`, a date as [`super::serialize`] writes it.
    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => s.serialize_some(&IsoSer(*d)),
            None => s.serialize_none(),
        }
    }

    /// A date that serializes as its string, for `serialize_some`.
    struct IsoSer(NaiveDate);

    impl serde::Serialize for IsoSer {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_str(&Iso(self.0))
        }
    }

    struct OptionVisitor;

    impl<'de> Visitor<'de> for OptionVisitor {
        type Value = Option<NaiveDate>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a date written YYYY-MM-DD, or null")
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_str(DateVisitor).map(Some)
        }
    }

    /// `null` as `None`, else a date as [`super::deserialize`] reads it.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        d.deserialize_option(OptionVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn reads_exactly_the_iso_form() {
        assert_eq!(parse("2024-02-29"), Ok(ymd(2024, 2, 29)));
        assert_eq!(parse("0000-01-01"), Ok(ymd(0, 1, 1)));
        assert_eq!(parse("9999-12-31"), Ok(ymd(9999, 12, 31)));
        for s in [
            "2024-02-30",
            "2023-02-29",
            "2024-00-01",
            "2024-13-01",
            "2024-01-00",
        ] {
            assert_eq!(parse(s), Err(IsoDateError::NoSuchDay), "{s}");
        }
        for s in [
            "",
            "2024-2-3",
            " 2024-02-03",
            "2024-02-03 ",
            "2024-02-03T00:00",
            "+2024-02-03",
            "-2024-02-03",
            "+12024-02-03",
            "12024-02-03",
            "024-02-03",
            "2024/02/03",
            "2024-02-0x",
            "２０２４-02-03",
            "2024-02-3 ",
            "20240203",
        ] {
            assert_eq!(parse(s), Err(IsoDateError::Shape), "{s:?}");
        }
    }

    #[test]
    fn writes_what_chrono_writes() {
        for d in [
            ymd(2024, 2, 3),
            ymd(0, 1, 1),
            ymd(9999, 12, 31),
            ymd(10_000, 1, 1),
            ymd(-1, 12, 31),
            NaiveDate::MIN,
            NaiveDate::MAX,
        ] {
            assert_eq!(format(d), d.to_string());
        }
    }
}
