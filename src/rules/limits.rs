//! The bounds of every input the engine takes, in one place.
//!
//! The scenario-file reader ([`crate::rules::scenario::read_scenario`]) and the forms apply the
//! same bounds, so a file is accepted exactly when its figures could have been typed, and the app
//! and the staff command-line tool give one answer for one file. Each check returns a
//! [`LimitError`] whose message is worded like the form's own (an amount over the limit reads as
//! [`AmountError::TooLarge`]); the list checks return a [`Violation`] that also names the field by
//! its path in the file (`estimate.contracts[2].payments[0].amount`).

use crate::rules::amount::AmountError;
use crate::rules::data::format_date_slash;
use crate::rules::estimate::{EstimateError, QuickAnswers};
use crate::rules::fees::Contract;
use crate::rules::money::group_digits;
use crate::rules::subsidy::{MonthFees, SubsidyError};
use crate::rules::text_safety::has_bidi_control;
use crate::rules::{Lang, Text, Yen};
use chrono::NaiveDate;
use std::fmt;

/// The largest amount accepted: ¥1,000,000,000 (10億円).
///
/// The program's caps are ¥30,000 / ¥50,000 a year and a fee is a fraction of income, so anything
/// near this is a typo (an extra row of zeros). The limit also keeps every later sum and product
/// of amounts far from `u64` overflow (2,000 payments × 10^9 < 2^64 / 10^6).
pub const MAX_AMOUNT: Yen = 1_000_000_000;

/// The first fiscal year: FY2018, the year the program started (2018-10-01). No subsidy can be due
/// for an earlier year, so an earlier year in a file is a mistake, not a question.
pub const FIRST_FISCAL_YEAR: i32 = 2018;

/// The last fiscal year: FY2099. The program's real end is unknown (assumption
/// `program_continues`), so this is not a rule of the program but a sanity bound: far beyond any
/// real use, it keeps years to four digits (months are written `YYYY-MM` in files) and catches
/// typos such as 20266, and keeps the year arithmetic far from `i32` overflow.
pub const LAST_FISCAL_YEAR: i32 = 2099;

/// The earliest payment date: 2015-10-01, the start of the first CrowdWorks fee schedule in the
/// rules data. The fee of an earlier payment cannot be computed.
pub const FIRST_PAYMENT_DATE: NaiveDate = ymd(2015, 10, 1);

/// The latest payment date: 2099-12-31, the same sanity bound as [`LAST_FISCAL_YEAR`] (the last
/// quarter of FY2099, 2100-01 to 2100-03, is left out on purpose: four-digit years).
pub const LAST_PAYMENT_DATE: NaiveDate = ymd(2099, 12, 31);

/// At most 100 contracts in the detailed mode: a busy year of small jobs fits; more is not a
/// person's year of work but a generated file.
pub const MAX_CONTRACTS: usize = 100;

/// At most 400 payments in one contract: an hourly contract paid weekly for seven years is 364.
pub const MAX_PAYMENTS_PER_CONTRACT: usize = 400;

/// At most 2,000 payments in all: several years of weekly pay in several contracts, and still a
/// quick computation on a phone.
pub const MAX_PAYMENTS: usize = 2_000;

/// At most 12 months in the actual-fees mode: one fiscal year.
pub const MAX_MONTHS: usize = 12;

/// At most 256 characters in one text field (a contract label, a name, an address, …): an email
/// address can be 254. The bound also keeps any accepted file, written back with its indentation,
/// well under [`MAX_FILE_BYTES`] (a test checks the arithmetic).
pub const MAX_TEXT_CHARS: usize = 256;

/// The largest scenario file read: 1,000,000 bytes. A scenario with hundreds of payments is well
/// under this; anything bigger is not one of ours, and reading it would only freeze the page or
/// tie up the staff's machine.
pub const MAX_FILE_BYTES: usize = 1_000_000;

const fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => date,
        None => panic!("invalid constant date"),
    }
}

/// What a count bound ([`LimitError::TooMany`]) counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Counted {
    /// Contracts ([`MAX_CONTRACTS`]).
    Contracts,
    /// Payments of one contract ([`MAX_PAYMENTS_PER_CONTRACT`]).
    PaymentsInContract,
    /// Payments of all contracts ([`MAX_PAYMENTS`]).
    Payments,
    /// Months of the actual-fees mode ([`MAX_MONTHS`]).
    Months,
}

impl Counted {
    /// The bound.
    pub fn max(self) -> usize {
        match self {
            Counted::Contracts => MAX_CONTRACTS,
            Counted::PaymentsInContract => MAX_PAYMENTS_PER_CONTRACT,
            Counted::Payments => MAX_PAYMENTS,
            Counted::Months => MAX_MONTHS,
        }
    }
}

/// A value outside the bounds of this module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LimitError {
    /// An amount above [`MAX_AMOUNT`]; worded as [`AmountError::TooLarge`].
    AmountTooLarge,
    /// A contract size of ¥0 in the quick estimate.
    ZeroContractSize,
    /// The shares of the kinds of work do not add up to 100 (the sum, saturated to `u32`).
    MixNot100 {
        /// What they add up to.
        total: u32,
    },
    /// A fiscal year outside [`FIRST_FISCAL_YEAR`]..=[`LAST_FISCAL_YEAR`].
    FiscalYear {
        /// The year given.
        found: i32,
    },
    /// A payment date outside [`FIRST_PAYMENT_DATE`]..=[`LAST_PAYMENT_DATE`].
    PaymentDate {
        /// The date given.
        date: NaiveDate,
    },
    /// A month (of the actual fees, or the quick estimate's first month) outside the fiscal year.
    MonthOutsideYear {
        /// The month given.
        month: crate::rules::subsidy::YearMonth,
        /// The fiscal year of the file.
        fiscal_year: i32,
    },
    /// The same month twice in the actual-fees mode.
    DuplicateMonth {
        /// The month.
        month: crate::rules::subsidy::YearMonth,
        /// Where it first appears (a path such as `estimate.months[0]`).
        first: String,
    },
    /// More items than the bound.
    TooMany {
        /// What is counted.
        what: Counted,
        /// How many there are.
        found: usize,
    },
    /// No payment in the detailed mode, or no month in the actual-fees mode: there is nothing to
    /// estimate from (the form asks for at least one, so a file does too).
    NoneGiven {
        /// What is missing: payments or months.
        what: Counted,
    },
    /// A text holds a bidi control (see [`crate::rules::text_safety`]).
    BidiControl,
    /// A text longer than [`MAX_TEXT_CHARS`].
    TextTooLong {
        /// Its length in characters.
        found: usize,
    },
}

impl LimitError {
    /// Message in both languages, saying the bound (without the field: see [`Violation::text`]).
    pub fn text(&self) -> Text {
        match self {
            LimitError::AmountTooLarge => Text::new(
                AmountError::TooLarge.message(Lang::Ja),
                AmountError::TooLarge.message(Lang::En),
            ),
            // The form's own wording (quick-estimate page).
            LimitError::ZeroContractSize => Text::new(
                "1件の金額は1円以上で入力してください。",
                "Enter a contract size of at least ¥1.",
            ),
            LimitError::MixNot100 { total } => EstimateError::MixNot100(*total).text(),
            LimitError::FiscalYear { found } => Text::new(
                format!(
                    "年度は{FIRST_FISCAL_YEAR}年度(実証拠点が始まった年度)から{LAST_FISCAL_YEAR}年度までで指定してください({found}年度は対象外です)。"
                ),
                format!(
                    "The fiscal year must be from FY{FIRST_FISCAL_YEAR} (when the program started) to FY{LAST_FISCAL_YEAR} (FY{found} is outside)."
                ),
            ),
            LimitError::PaymentDate { date } => Text::new(
                format!(
                    "支払日は{}(クラウドワークスの手数料表の最初の日)から{}までで入力してください({}は対象外です)。",
                    format_date_slash(FIRST_PAYMENT_DATE),
                    format_date_slash(LAST_PAYMENT_DATE),
                    format_date_slash(*date)
                ),
                format!(
                    "Please enter a payment date from {} (the first CrowdWorks fee schedule) to {} ({} is outside).",
                    format_date_slash(FIRST_PAYMENT_DATE),
                    format_date_slash(LAST_PAYMENT_DATE),
                    format_date_slash(*date)
                ),
            ),
            LimitError::MonthOutsideYear { month, fiscal_year } => SubsidyError::MonthOutsideYear {
                month: *month,
                fiscal_year: *fiscal_year,
            }
            .text(),
            LimitError::DuplicateMonth { month, first } => Text::new(
                format!(
                    "{}年{}月が2回あります({first} と同じ月)。1か月につき1つにしてください。",
                    month.year, month.month
                ),
                format!("{month} is given twice (also at {first}). Give each month once."),
            ),
            LimitError::TooMany { what, found } => {
                let max = group_digits(what.max() as u64);
                let found = group_digits(*found as u64);
                let (ja, en) = match what {
                    Counted::Contracts => ("契約", "contracts"),
                    Counted::PaymentsInContract => ("1つの契約の支払い", "payments in one contract"),
                    Counted::Payments => ("支払い(すべての契約の合計)", "payments in all contracts"),
                    Counted::Months => ("月ごとの手数料", "months of fees"),
                };
                Text::new(
                    format!("{ja}は{max}件までです({found}件あります)。"),
                    format!("At most {max} {en} (there are {found})."),
                )
            }
            LimitError::NoneGiven { what: Counted::Months } => Text::new(
                "少なくとも1か月分の手数料を入力してください。",
                "Enter the fees of at least one month.",
            ),
            LimitError::NoneGiven { .. } => Text::new(
                "支払いを1件以上入力してください(日付と金額)。",
                "Enter at least one payment (date and amount).",
            ),
            LimitError::BidiControl => Text::new(
                "文字の向きを変える制御文字(U+202E など)が含まれています。表示や印刷で文字の順序が入れ替わるため使えません。その文字を消して入力し直してください。",
                "This contains a text-direction control character (such as U+202E), which changes the order in which text is shown and printed. Please delete it and type the text again.",
            ),
            LimitError::TextTooLong { found } => Text::new(
                format!("{MAX_TEXT_CHARS}文字以内で入力してください({found}文字あります)。"),
                format!("Please enter at most {MAX_TEXT_CHARS} characters (there are {found})."),
            ),
        }
    }
}

impl fmt::Display for LimitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().en)
    }
}

impl std::error::Error for LimitError {}

/// A [`LimitError`] at a field, named by its path in the scenario file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// e.g. `estimate.contracts[2].payments[0].amount`, `estimate.months[3].month`.
    pub path: String,
    /// What is wrong.
    pub error: LimitError,
}

impl Violation {
    /// `path: message`, in both languages.
    pub fn text(&self) -> Text {
        let t = self.error.text();
        Text::new(
            format!("{}: {}", self.path, t.ja),
            format!("{}: {}", self.path, t.en),
        )
    }
}

fn at(path: impl Into<String>) -> impl FnOnce(LimitError) -> Violation {
    let path = path.into();
    move |error| Violation { path, error }
}

/// An amount of yen: at most [`MAX_AMOUNT`]. (`parse_amount` applies the same bound to typed text.)
pub fn check_amount(yen: Yen) -> Result<(), LimitError> {
    if yen > MAX_AMOUNT {
        return Err(LimitError::AmountTooLarge);
    }
    Ok(())
}

/// A fiscal year: [`FIRST_FISCAL_YEAR`]..=[`LAST_FISCAL_YEAR`].
pub fn check_fiscal_year(fy: i32) -> Result<(), LimitError> {
    if !(FIRST_FISCAL_YEAR..=LAST_FISCAL_YEAR).contains(&fy) {
        return Err(LimitError::FiscalYear { found: fy });
    }
    Ok(())
}

/// A payment date: [`FIRST_PAYMENT_DATE`]..=[`LAST_PAYMENT_DATE`].
pub fn check_payment_date(date: NaiveDate) -> Result<(), LimitError> {
    if !(FIRST_PAYMENT_DATE..=LAST_PAYMENT_DATE).contains(&date) {
        return Err(LimitError::PaymentDate { date });
    }
    Ok(())
}

/// A text field (contract label, any field of the applicant): no bidi control, and at most
/// [`MAX_TEXT_CHARS`] characters. For a form, call it on what was typed.
pub fn check_text(s: &str) -> Result<(), LimitError> {
    if has_bidi_control(s) {
        return Err(LimitError::BidiControl);
    }
    let n = s.chars().count();
    if n > MAX_TEXT_CHARS {
        return Err(LimitError::TextTooLong { found: n });
    }
    Ok(())
}

/// A count against its bound.
pub fn check_count(what: Counted, found: usize) -> Result<(), LimitError> {
    if found > what.max() {
        return Err(LimitError::TooMany { what, found });
    }
    Ok(())
}

/// The quick estimate's answers for fiscal year `fy`: amounts within [`MAX_AMOUNT`], a contract
/// size of at least ¥1, shares adding up to 100, and a first month inside the fiscal year.
/// `path` is where the answers sit (`estimate` in a file).
pub fn check_quick(fy: i32, q: &QuickAnswers, path: &str) -> Result<(), Violation> {
    if let Some(e) = q.monthly_earnings {
        check_amount(e).map_err(at(format!("{path}.monthly_earnings")))?;
    }
    if let Some(s) = q.contract_size {
        let p = format!("{path}.contract_size");
        check_amount(s).map_err(at(&p))?;
        if s == 0 {
            return Err(at(p)(LimitError::ZeroContractSize));
        }
    }
    // Summed in u64: shares come from files and may be anything up to u32::MAX each.
    let total = u64::from(q.mix.fixed) + u64::from(q.mix.hourly) + u64::from(q.mix.task);
    if total != 100 {
        return Err(at(format!("{path}.mix"))(LimitError::MixNot100 {
            total: u32::try_from(total).unwrap_or(u32::MAX),
        }));
    }
    if let Some(m) = q.first_month {
        if m.fiscal_year() != fy {
            return Err(at(format!("{path}.first_month"))(
                LimitError::MonthOutsideYear {
                    month: m,
                    fiscal_year: fy,
                },
            ));
        }
    }
    Ok(())
}

/// The contracts of the detailed mode: at least one payment, counts within [`MAX_CONTRACTS`],
/// [`MAX_PAYMENTS_PER_CONTRACT`] and [`MAX_PAYMENTS`], labels by [`check_text`], every payment
/// date by [`check_payment_date`] and amount by [`check_amount`]. Counts are checked first, so a
/// huge list is refused without walking it. `path` is where the list sits
/// (`estimate.contracts` in a file).
pub fn check_contracts(contracts: &[Contract], path: &str) -> Result<(), Violation> {
    check_count(Counted::Contracts, contracts.len()).map_err(at(path))?;
    let mut total = 0usize;
    for (i, c) in contracts.iter().enumerate() {
        check_count(Counted::PaymentsInContract, c.payments.len())
            .map_err(at(format!("{path}[{i}].payments")))?;
        total += c.payments.len();
    }
    check_count(Counted::Payments, total).map_err(at(path))?;
    if total == 0 {
        return Err(at(path)(LimitError::NoneGiven {
            what: Counted::Payments,
        }));
    }
    for (i, c) in contracts.iter().enumerate() {
        check_text(&c.label).map_err(at(format!("{path}[{i}].label")))?;
        for (j, p) in c.payments.iter().enumerate() {
            let p_path = format!("{path}[{i}].payments[{j}]");
            check_payment_date(p.date).map_err(at(format!("{p_path}.date")))?;
            check_amount(p.amount).map_err(at(format!("{p_path}.amount")))?;
        }
    }
    Ok(())
}

/// The months of the actual-fees mode for fiscal year `fy`: at least one, at most [`MAX_MONTHS`], each inside
/// the fiscal year and given once, fees within [`MAX_AMOUNT`]. `path` is where the list sits
/// (`estimate.months` in a file).
pub fn check_months(fy: i32, months: &[MonthFees], path: &str) -> Result<(), Violation> {
    check_count(Counted::Months, months.len()).map_err(at(path))?;
    if months.is_empty() {
        return Err(at(path)(LimitError::NoneGiven {
            what: Counted::Months,
        }));
    }
    for (i, m) in months.iter().enumerate() {
        let m_path = format!("{path}[{i}]");
        if m.month.fiscal_year() != fy {
            return Err(at(format!("{m_path}.month"))(
                LimitError::MonthOutsideYear {
                    month: m.month,
                    fiscal_year: fy,
                },
            ));
        }
        // Counting a month twice would double its fees; keeping one would silently drop the other.
        if let Some(first) = months[..i].iter().position(|o| o.month == m.month) {
            return Err(at(format!("{m_path}.month"))(LimitError::DuplicateMonth {
                month: m.month,
                first: format!("{path}[{first}]"),
            }));
        }
        check_amount(m.fees).map_err(at(format!("{m_path}.fees")))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::data::rules;
    use crate::rules::estimate::WorkMix;
    use crate::rules::fees::{ContractKind, Payment};
    use crate::rules::subsidy::{fiscal_year_of, YearMonth};

    /// The bounds that come from the program and the fee data agree with the rules data.
    #[test]
    fn bounds_agree_with_the_rules_data() {
        let r = rules();
        let first_schedule = r.fee_schedules.first().expect("a fee schedule");
        assert_eq!(FIRST_PAYMENT_DATE, first_schedule.from);
        assert!(r.schedule_on(FIRST_PAYMENT_DATE).is_some());
        assert!(r
            .schedule_on(FIRST_PAYMENT_DATE.pred_opt().unwrap())
            .is_none());
        assert!(r.schedule_on(LAST_PAYMENT_DATE).is_some());
        assert_eq!(FIRST_FISCAL_YEAR, fiscal_year_of(r.program.start));
        assert!(r
            .program
            .end
            .is_none_or(|e| fiscal_year_of(e) <= LAST_FISCAL_YEAR));
        assert_eq!(fiscal_year_of(LAST_PAYMENT_DATE), LAST_FISCAL_YEAR);
        assert_eq!(
            crate::rules::amount::parse_amount("1,000,000,001"),
            Err(AmountError::TooLarge)
        );
        // Sums of the largest accepted amounts cannot overflow.
        assert!((MAX_PAYMENTS as u64).checked_mul(MAX_AMOUNT).is_some());
    }

    #[test]
    fn single_values() {
        assert_eq!(check_amount(MAX_AMOUNT), Ok(()));
        assert_eq!(
            check_amount(MAX_AMOUNT + 1),
            Err(LimitError::AmountTooLarge)
        );
        assert_eq!(check_fiscal_year(2018), Ok(()));
        assert_eq!(check_fiscal_year(2099), Ok(()));
        for y in [2017, 2100, 0, -1, 9999, i32::MIN, i32::MAX] {
            assert_eq!(
                check_fiscal_year(y),
                Err(LimitError::FiscalYear { found: y })
            );
        }
        assert_eq!(check_payment_date(FIRST_PAYMENT_DATE), Ok(()));
        assert!(check_payment_date(FIRST_PAYMENT_DATE.pred_opt().unwrap()).is_err());
        assert!(check_payment_date(LAST_PAYMENT_DATE.succ_opt().unwrap()).is_err());
        assert_eq!(check_text(&"あ".repeat(MAX_TEXT_CHARS)), Ok(()));
        assert_eq!(
            check_text(&"あ".repeat(MAX_TEXT_CHARS + 1)),
            Err(LimitError::TextTooLong {
                found: MAX_TEXT_CHARS + 1
            })
        );
        assert_eq!(check_text("契約\u{2066}A"), Err(LimitError::BidiControl));
    }

    #[test]
    fn lists_name_the_field() {
        let p = |y, m, d, amount| Payment {
            date: NaiveDate::from_ymd_opt(y, m, d).unwrap(),
            amount,
        };
        let c = |payments| Contract {
            label: "A".into(),
            kind: ContractKind::Fixed,
            payments,
        };
        let cs = vec![
            c(vec![p(2019, 4, 1, 1)]),
            c(vec![p(2019, 4, 1, 1), p(2019, 5, 1, MAX_AMOUNT + 1)]),
        ];
        let v = check_contracts(&cs, "estimate.contracts").unwrap_err();
        assert_eq!(v.path, "estimate.contracts[1].payments[1].amount");
        assert!(v.text().ja.contains("10億円以下"), "{:?}", v.text());
        let cs = vec![c(vec![p(2014, 4, 1, 1)])];
        let v = check_contracts(&cs, "estimate.contracts").unwrap_err();
        assert_eq!(v.path, "estimate.contracts[0].payments[0].date");
        assert!(v.text().en.contains("2015/10/01"), "{:?}", v.text());
        let full = c(vec![p(2019, 4, 1, 1); MAX_PAYMENTS_PER_CONTRACT]);
        let mut many = vec![full; MAX_PAYMENTS / MAX_PAYMENTS_PER_CONTRACT];
        assert_eq!(check_contracts(&many, "estimate.contracts"), Ok(()));
        many.push(c(vec![p(2019, 4, 1, 1)]));
        let v = check_contracts(&many, "estimate.contracts").unwrap_err();
        assert_eq!(v.path, "estimate.contracts");
        assert_eq!(
            v.error,
            LimitError::TooMany {
                what: Counted::Payments,
                found: MAX_PAYMENTS + 1
            }
        );
        assert!(
            v.text().en.contains("At most 2,000 payments"),
            "{:?}",
            v.text()
        );

        let m = |y, mo, fees| MonthFees {
            month: YearMonth::new(y, mo).unwrap(),
            fees,
        };
        let v = check_months(
            2026,
            &[m(2026, 4, 1), m(2026, 5, 1), m(2026, 4, 2)],
            "estimate.months",
        )
        .unwrap_err();
        assert_eq!(v.path, "estimate.months[2].month");
        let t = v.text();
        assert!(t.ja.contains("estimate.months[0]") && t.en.contains("estimate.months[0]"));
        let v = check_months(2026, &[m(2027, 4, 1)], "estimate.months").unwrap_err();
        assert_eq!(v.path, "estimate.months[0].month");

        let q = QuickAnswers {
            first_month: YearMonth::new(2030, 4),
            ..QuickAnswers::default()
        };
        assert_eq!(
            check_quick(2019, &q, "estimate").unwrap_err().path,
            "estimate.first_month"
        );
        let q = QuickAnswers {
            mix: WorkMix {
                fixed: u32::MAX,
                hourly: u32::MAX,
                task: 2,
            },
            ..QuickAnswers::default()
        };
        assert_eq!(
            check_quick(2019, &q, "estimate").unwrap_err().error,
            LimitError::MixNot100 { total: u32::MAX }
        );
        let q = QuickAnswers {
            contract_size: Some(0),
            ..QuickAnswers::default()
        };
        assert_eq!(
            check_quick(2019, &q, "estimate").unwrap_err().error,
            LimitError::ZeroContractSize
        );
    }

    #[test]
    fn every_message_in_both_languages() {
        let m = YearMonth::new(2026, 4).unwrap();
        let all = [
            LimitError::AmountTooLarge,
            LimitError::ZeroContractSize,
            LimitError::MixNot100 { total: 90 },
            LimitError::FiscalYear { found: 2017 },
            LimitError::PaymentDate {
                date: NaiveDate::MIN,
            },
            LimitError::MonthOutsideYear {
                month: m,
                fiscal_year: 2025,
            },
            LimitError::DuplicateMonth {
                month: m,
                first: "x[0]".into(),
            },
            LimitError::TooMany {
                what: Counted::Months,
                found: 13,
            },
            LimitError::BidiControl,
            LimitError::TextTooLong { found: 300 },
        ];
        for e in all {
            let t = e.text();
            assert!(!t.ja.is_empty() && !t.en.is_empty(), "{e:?}");
            assert!(!t.ja.is_ascii(), "{e:?}: Japanese wording");
        }
    }
}
