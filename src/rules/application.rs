//! The pre-filled application (申請書): what goes on the paper, worked out here from the engine's
//! outcome and the applicant's details, so the UI only lays it out.
//!
//! - [`fees_by_month`]: the fees breakdown, summarised by month so that it is at most 12 rows
//!   whatever the number of contracts (the printed form has a fixed number of pages);
//! - [`requested_amount`]: the amount requested, typed or else the estimate;
//! - [`date_on_form`]: a typed date written the form's way (和暦);
//! - [`qr_payloads`]: the data for the QR code, from the whole scenario down to smaller forms when
//!   it does not fit;
//! - [`drafting`]: whether an application can be drafted for the year at all ([`drafting_for`]: the
//!   same from a scenario, without evaluating it whole), and [`forecast_mark`] for a year that has
//!   not ended (見込み);
//! - [`applicant_on_form`]: the applicant as printed, with フリガナ and 口座名義 in full-width katakana.

use super::amount::parse_amount;
use super::applicant::{normalize_kana_fields, Applicant};
use super::data::Rules;
use super::eligibility::{verdict_of, HousingAnswer, Verdict};
use super::estimate::{cases_figures, months_figures, quick_case_contracts, YearRange};
use super::fees::Contract;
use super::outlook::{outlook_figures, Pattern};
use super::scenario::{EstimateInput, Outcome, ScenarioError, ScenarioFile};
use super::subsidy::{fiscal_year_name, FiscalYearResult, MonthFees, YearMonth};
use super::timing::{eligible_from, is_forecast, year_status, YearStatus};
use super::wareki::{format_date, parse_date};
use super::{Text, Yen};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// Why an application cannot be drafted for the chosen year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotDraftable {
    /// The year ends before the person's fees start to count (or starts after the program ended).
    BeforeEligible,
    /// The verdict is not positive: a condition is not met, or some answers are unknown.
    NotEligible,
    /// No fees were given, or none counts in the year: nothing to claim.
    NoFigures,
}

/// Whether an application can be drafted for the chosen year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum Drafting {
    /// It can.
    Ready {
        /// The year has not ended: the form says 見込み (see [`forecast_mark`]).
        forecast: bool,
    },
    /// It cannot.
    NotReady {
        /// Why.
        reason: NotDraftable,
        /// Why, in words.
        text: Text,
    },
}

impl Drafting {
    /// Whether the application can be drafted.
    pub fn is_ready(&self) -> bool {
        matches!(self, Drafting::Ready { .. })
    }
}

/// Whether an application for fiscal year `fy` can be drafted: the verdict must be positive, the year
/// must be one whose fees count, and there must be a subsidy to claim (`subsidy_high`: the highest
/// estimate, `None` without fees).
pub fn drafting(
    verdict: Verdict,
    status: YearStatus,
    subsidy_high: Option<Yen>,
    fy: i32,
    forecast: bool,
) -> Drafting {
    let name = fiscal_year_name(fy);
    let not = |reason, text| Drafting::NotReady { reason, text };
    if !verdict.is_positive() {
        let v = verdict.text();
        return not(
            NotDraftable::NotEligible,
            Text::new(
                format!("申請書は作れません: {}", v.ja),
                format!("No application can be drafted: {}", v.en),
            ),
        );
    }
    if !status.can_claim() {
        return not(
            NotDraftable::BeforeEligible,
            Text::new(
                format!(
                    "{}は助成の対象になる年度ではないため、申請書は作れません。",
                    name.ja
                ),
                format!(
                    "{} is not a year your fees count in, so no application can be drafted for it.",
                    name.en
                ),
            ),
        );
    }
    if subsidy_high.is_none_or(|s| s == 0) {
        return not(
            NotDraftable::NoFigures,
            Text::new(
                format!(
                    "{}に数えられる手数料がないため、申請する金額がありません。",
                    name.ja
                ),
                format!(
                    "No fees count in {}, so there is nothing to claim.",
                    name.en
                ),
            ),
        );
    }
    Drafting::Ready { forecast }
}

/// Whether an application can be drafted for `file`'s fiscal year as of `today`: the same answer
/// as `evaluate(rules, file, today)` gives in its `application` (and the same error when it fails),
/// computed from only what [`drafting`] needs — the verdict, the year's status against the day fees
/// count, whether the year has ended, and the highest subsidy — with the engine's trace-free
/// figures ([`cases_figures`], [`months_figures`], [`outlook_figures`]), not the outcome's
/// traces, texts and outlook words. The route guard of the application uses it.
///
/// The outlook's figures are computed only for their errors: `evaluate` fails when they cannot be
/// computed, and so does this. `tests/rules_drafting.rs` checks the two agree.
pub fn drafting_for(
    rules: &Rules,
    file: &ScenarioFile,
    today: NaiveDate,
) -> Result<Drafting, ScenarioError> {
    let fy = file.fiscal_year;
    let answers = &file.answers;
    let housing = answers.housing.housing();
    let compute = |text: Text| ScenarioError::Compute { text };
    let verdict = verdict_of(answers);
    let eligible = eligible_from(rules, answers, today);
    let (status, _) = year_status(rules, fy, &eligible).map_err(|e| compute(e.text()))?;
    let from = Some(&eligible);
    let figures = match &file.estimate {
        None => None,
        Some(EstimateInput::Quick(a)) => {
            let cases = quick_case_contracts(rules, fy, a).map_err(|e| compute(e.text()))?;
            let contracts: Vec<&[Contract]> =
                cases.iter().map(|c| c.contracts.as_slice()).collect();
            let figures = cases_figures(rules, fy, &contracts, housing, from)
                .map_err(|e| compute(e.text()))?;
            let corners: Vec<(Yen, Yen)> = cases
                .iter()
                .map(|c| (c.monthly_earnings, c.contract_size))
                .collect();
            let pattern = Pattern::Quick {
                cases: &corners,
                mix: a.mix,
            };
            outlook_figures(rules, answers, today, pattern).map_err(|e| compute(e.text()))?;
            Some(figures)
        }
        Some(EstimateInput::Detailed { contracts }) => {
            let figures = cases_figures(rules, fy, &[contracts], housing, from)
                .map_err(|e| compute(e.text()))?;
            let pattern = Pattern::Payments {
                contracts,
                fiscal_year: fy,
            };
            outlook_figures(rules, answers, today, pattern).map_err(|e| compute(e.text()))?;
            Some(figures)
        }
        Some(EstimateInput::Actual { months }) => {
            let figures =
                months_figures(rules, fy, months, housing, from).map_err(|e| compute(e.text()))?;
            let pattern = Pattern::Months {
                months,
                fiscal_year: fy,
            };
            outlook_figures(rules, answers, today, pattern).map_err(|e| compute(e.text()))?;
            Some(figures)
        }
    };
    Ok(drafting(
        verdict,
        status,
        figures.map(|f| f.subsidy.high),
        fy,
        is_forecast(fy, today),
    ))
}

/// 「見込み」 for the printed amount of a year that has not ended, with the line that explains it;
/// `None` when the year has ended.
pub fn forecast_mark(outcome: &Outcome) -> Option<(&'static str, Text)> {
    outcome
        .forecast
        .then(|| ("見込み", outcome.forecast_text.clone().unwrap_or_default()))
}

/// The applicant as printed: フリガナ and 口座名義 written in full-width katakana (hiragana and
/// half-width katakana converted), everything else as typed.
pub fn applicant_on_form(applicant: &Applicant) -> Applicant {
    let mut a = applicant.clone();
    normalize_kana_fields(&mut a);
    a
}

/// One row of the fees breakdown: a calendar month of the fiscal year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonthRow {
    /// The month.
    pub month: YearMonth,
    /// Payments (or hourly weeks) counted that month; 0 when fees were given per month.
    pub payments: usize,
    /// Earnings paid that month (tax included); `None` when fees were given per month.
    pub earnings: Option<Yen>,
    /// System fees with tax paid that month.
    pub fees: Yen,
}

/// The fees of a fiscal year by month, in month order: from the payments counted (detailed and
/// quick modes) or the months given (actual-fees mode).
///
/// Every counted payment lies in the fiscal year, so this is at most 12 rows however many
/// contracts there are. The fees add up to `year.fees` (saturating, like the money module).
pub fn fees_by_month(year: &FiscalYearResult) -> Vec<MonthRow> {
    let mut rows: Vec<MonthRow> = Vec::new();
    let mut add = |month: YearMonth, earnings: Option<Yen>, fees: Yen, payments: usize| match rows
        .iter_mut()
        .find(|r| r.month == month)
    {
        Some(r) => {
            r.payments += payments;
            r.fees = r.fees.saturating_add(fees);
            r.earnings = match (r.earnings, earnings) {
                (Some(a), Some(b)) => Some(a.saturating_add(b)),
                (a, b) => a.or(b),
            };
        }
        None => rows.push(MonthRow {
            month,
            payments,
            earnings,
            fees,
        }),
    };
    for p in &year.payments {
        if let Some(month) = YearMonth::new(p.date.year(), p.date.month()) {
            add(month, Some(p.amount), p.fee_with_tax, 1);
        }
    }
    for m in &year.months {
        add(m.month, None, m.fees, 0);
    }
    rows.sort_by_key(|r| r.month);
    rows
}

/// The 交付申請額 on the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Requested {
    /// What the applicant typed.
    Typed(Yen),
    /// Nothing typed: the estimate, when it is one figure.
    Estimate(Yen),
    /// Nothing usable: a line to fill in by hand (the estimate is a range, or there is none).
    Blank,
}

impl Requested {
    /// The amount, if any.
    pub fn amount(self) -> Option<Yen> {
        match self {
            Requested::Typed(v) | Requested::Estimate(v) => Some(v),
            Requested::Blank => None,
        }
    }
}

/// The single estimated subsidy, or `None` when the estimate is a range or missing.
pub fn single_estimate(subsidy: Option<&YearRange>) -> Option<Yen> {
    subsidy
        .filter(|s| s.low.subsidy == s.high.subsidy)
        .map(|s| s.low.subsidy)
}

/// The amount requested: as typed when it reads as an amount, else the estimate when it is one
/// figure, else blank. A typed amount that does not read is left blank rather than guessed (the
/// form's validation reports it before the document is shown).
pub fn requested_amount(applicant: &Applicant, subsidy: Option<&YearRange>) -> Requested {
    if !applicant.requested_amount.trim().is_empty() {
        return match parse_amount(&applicant.requested_amount) {
            Ok(v) => Requested::Typed(v),
            Err(_) => Requested::Blank,
        };
    }
    single_estimate(subsidy).map_or(Requested::Blank, Requested::Estimate)
}

/// A note when the typed amount is more than the highest estimate (it can still be printed: the
/// desk decides). `None` when there is nothing to compare.
pub fn requested_note(requested: Requested, subsidy: Option<&YearRange>) -> Option<Text> {
    let (Requested::Typed(v), Some(s)) = (requested, subsidy) else {
        return None;
    };
    let high = s.low.subsidy.max(s.high.subsidy);
    (v > high).then(|| {
        Text::new(
            format!(
                "申請額が試算の助成額({})を超えています。金額をご確認ください。",
                super::format_yen(high)
            ),
            format!(
                "The amount is more than the estimated subsidy ({}). Please check it.",
                super::format_yen(high)
            ),
        )
    })
}

/// A typed date the form's way (「令和元年5月1日」); the text as typed when it does not read as a
/// date (nothing typed is lost), and `""` when nothing was typed.
pub fn date_on_form(typed: &str) -> String {
    let t = typed.trim();
    if t.is_empty() {
        return String::new();
    }
    parse_date(t).map_or_else(|_| t.to_string(), format_date)
}

/// The housing choices printed on the form, each with whether it is the one answered.
pub fn housing_marks(h: HousingAnswer) -> [(&'static str, bool); 2] {
    [
        ("共同物件(シェアハウス等)", h == HousingAnswer::Shared),
        (
            "個人の物件(アパート・一戸建て等)",
            h == HousingAnswer::Individual,
        ),
    ]
}

/// How much of the application the QR code holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QrDetail {
    /// The whole scenario file.
    Full,
    /// The contracts replaced by the fees per month (same fees and subsidy, no contract details).
    MonthlyFees,
    /// The answers and the applicant only: no fees.
    WithoutFees,
}

impl QrDetail {
    /// What the QR code holds, for a line under it (empty for the whole file).
    pub fn note(self) -> Text {
        match self {
            QrDetail::Full => Text::new("", ""),
            QrDetail::MonthlyFees => Text::new(
                "QRコードには契約ごとの明細を入れず、月別の手数料の集計を入れています。",
                "The QR code holds the fees per month, not each contract.",
            ),
            QrDetail::WithoutFees => Text::new(
                "データが多いため、QRコードには手数料を入れていません(回答と申請者の情報のみ)。",
                "There is too much data: the QR code holds the answers and your details, not the fees.",
            ),
        }
    }
}

/// The scenario as one line of JSON. The applicant's empty fields are left out (see
/// [`Applicant`]); [`ScenarioFile::from_json`] reads it back to the same file.
pub fn compact_json(file: &ScenarioFile) -> String {
    serde_json::to_string(file).unwrap_or_default()
}

/// The QR payloads to try, largest first: the whole scenario; for contracts, the fees per month
/// instead (taken from `outcome`, so the subsidy reads back the same); then without fees. The UI
/// uses the first that fits in a QR code and says which ([`QrDetail::note`]). The applicant is
/// written as on the form ([`applicant_on_form`]).
pub fn qr_payloads(file: &ScenarioFile, outcome: Option<&Outcome>) -> Vec<(QrDetail, String)> {
    let mut printed = file.clone();
    printed.applicant = file.applicant.as_ref().map(applicant_on_form);
    let file = &printed;
    let mut out = vec![(QrDetail::Full, compact_json(file))];
    if let (Some(EstimateInput::Detailed { .. }), Some(sub)) =
        (&file.estimate, outcome.and_then(|o| o.subsidy.as_ref()))
    {
        let months = fees_by_month(&sub.low)
            .into_iter()
            .map(|r| MonthFees {
                month: r.month,
                fees: r.fees,
            })
            .collect();
        let mut monthly = file.clone();
        monthly.estimate = Some(EstimateInput::Actual { months });
        out.push((QrDetail::MonthlyFees, compact_json(&monthly)));
    }
    if file.estimate.is_some() {
        let mut bare = file.clone();
        bare.estimate = None;
        out.push((QrDetail::WithoutFees, compact_json(&bare)));
    }
    out
}
