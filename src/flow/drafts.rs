//! What the person typed into the forms, kept exactly as typed: an error never loses input, and
//! a half-typed amount survives a reload. [`super::forms`] turns drafts into engine inputs.

use crate::rules::estimate::WorkMix;
use crate::rules::fees::ContractKind;
use crate::rules::subsidy::YearMonth;
use serde::{Deserialize, Serialize};

/// The quick-estimate form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct QuickDraft {
    /// Monthly earnings, as typed.
    pub monthly: String,
    /// 「わからない」 ticked for the monthly earnings.
    pub monthly_unknown: bool,
    /// Typical contract size, as typed.
    pub size: String,
    /// 「わからない」 ticked for the contract size.
    pub size_unknown: bool,
    /// Does fixed-price work.
    pub fixed: bool,
    /// Does hourly work.
    pub hourly: bool,
    /// Does tasks.
    pub task: bool,
    /// First month of work in the fiscal year (started mid-year); `None`: the whole year.
    pub first_month: Option<YearMonth>,
    /// The shares of the kinds of work when a file gave them (the form itself splits equally);
    /// used while they fit the kinds ticked.
    pub shares: Option<WorkMix>,
}

impl Default for QuickDraft {
    /// Fixed-price work ticked: the most common kind.
    fn default() -> Self {
        QuickDraft {
            monthly: String::new(),
            monthly_unknown: false,
            size: String::new(),
            size_unknown: false,
            fixed: true,
            hourly: false,
            task: false,
            first_month: None,
            shares: None,
        }
    }
}

/// One payment (or, for hourly contracts, one week) as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PaymentDraft {
    /// Date, as typed (a date input gives `YYYY-MM-DD`; 和暦 is read too).
    pub date: String,
    /// Amount, as typed.
    pub amount: String,
}

/// One contract as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ContractDraft {
    /// Name the person gave it (optional).
    pub label: String,
    /// Kind of contract.
    pub kind: ContractKind,
    /// Its payments.
    pub payments: Vec<PaymentDraft>,
}

impl Default for ContractDraft {
    /// A fixed-price contract with one blank payment to fill in.
    fn default() -> Self {
        ContractDraft {
            label: String::new(),
            kind: ContractKind::Fixed,
            payments: vec![PaymentDraft::default()],
        }
    }
}

/// Everything typed into the forms.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Drafts {
    /// Planned moving date, when planning to move.
    pub move_date: String,
    /// Living in Isumi since (when already living there).
    pub moved_in: String,
    /// The date of joining hinode as a special member (past or planned).
    pub member_date: String,
    /// The quick-estimate form.
    pub quick: QuickDraft,
    /// The contracts form (empty: one blank contract is shown).
    pub contracts: Vec<ContractDraft>,
    /// Fees paid per month of the fiscal year, April first (12 entries once edited).
    pub months: Vec<String>,
}

impl Drafts {
    /// The contracts as the form shows them: one blank contract when none was added yet.
    pub fn contracts_shown(&self) -> Vec<ContractDraft> {
        if self.contracts.is_empty() {
            vec![ContractDraft::default()]
        } else {
            self.contracts.clone()
        }
    }
}
