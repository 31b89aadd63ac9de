//! The pages of the questionnaire, each with its own URL slug.

use serde::{Deserialize, Serialize};

/// One question page. The order of the variants is the order they are asked in.
///
/// The serialized names are those of the first saved format (`isumi-check/answers/v1`), so saved
/// answers from before the routes still open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Page {
    /// Do you live in Isumi (and since / from when)?
    Residence,
    /// 3-year intention.
    Stay3Years,
    /// CrowdWorks account.
    Crowdworks,
    /// hinode special member (and since / from when).
    Hinode,
    /// Housing type.
    Housing,
    /// Which fiscal year.
    FiscalYear,
    /// How the earnings are given.
    EarnMode,
    /// Quick estimate: monthly earnings, contract size, kinds of work.
    Quick,
    /// Contracts with dated payments.
    Detailed,
    /// Fees paid, month by month.
    Actual,
}

impl Page {
    /// Every page, in order.
    pub const ALL: [Page; 10] = [
        Page::Residence,
        Page::Stay3Years,
        Page::Crowdworks,
        Page::Hinode,
        Page::Housing,
        Page::FiscalYear,
        Page::EarnMode,
        Page::Quick,
        Page::Detailed,
        Page::Actual,
    ];

    /// The page's part of the URL, e.g. `earnings/quick` in `#/earnings/quick`.
    pub fn slug(self) -> &'static str {
        match self {
            Page::Residence => "residence",
            Page::Stay3Years => "stay-3-years",
            Page::Crowdworks => "crowdworks",
            Page::Hinode => "hinode",
            Page::Housing => "housing",
            Page::FiscalYear => "fiscal-year",
            Page::EarnMode => "earnings",
            Page::Quick => "earnings/quick",
            Page::Detailed => "earnings/contracts",
            Page::Actual => "earnings/fees",
        }
    }

    /// The page whose slug is `slug`.
    pub fn from_slug(slug: &str) -> Option<Page> {
        Page::ALL.into_iter().find(|p| p.slug() == slug)
    }

    /// Whether this is one of the three pages where the earnings or fees are typed.
    pub fn is_estimate_form(self) -> bool {
        matches!(self, Page::Quick | Page::Detailed | Page::Actual)
    }
}
