//! The model: everything the app shows is a function of it.

use super::drafts::Drafts;
use super::page::Page;
use super::route::Route;
use super::seminar::SeminarView;
use crate::rules::applicant::Applicant;
use crate::rules::eligibility::Answers;
use crate::rules::subsidy::fiscal_year_of;
use crate::rules::{Lang, Text};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How the person gives their earnings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EarnMode {
    /// Monthly earnings, contract size, kinds of work.
    #[default]
    Quick,
    /// Contracts with dated payments.
    Detailed,
    /// Fees paid, per month, from the statements.
    Actual,
    /// No estimate, eligibility only.
    Skip,
}

impl EarnMode {
    /// The form page for this mode (`None`: no estimate).
    pub fn form(self) -> Option<Page> {
        match self {
            EarnMode::Quick => Some(Page::Quick),
            EarnMode::Detailed => Some(Page::Detailed),
            EarnMode::Actual => Some(Page::Actual),
            EarnMode::Skip => None,
        }
    }
}

/// A problem with one field, shown next to it and in the error summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    /// The input's `id`, for the summary's link.
    pub field: String,
    /// What is wrong and what to type, naming the field.
    pub message: Text,
}

impl FieldProblem {
    /// A problem with field `field`.
    pub fn new(field: impl Into<String>, message: Text) -> Self {
        FieldProblem {
            field: field.into(),
            message,
        }
    }
}

/// What a notice offers besides its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeAction {
    /// Nothing: read and dismiss.
    None,
    /// 「元に戻す」: undo the action that wiped something.
    Undo,
    /// 「続きから」: go on where the person left off.
    Resume(Route),
}

/// Where a notice is shown: where the person is looking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticePlace {
    /// At the top of the page.
    Top,
    /// Beside the personal-details buttons of the applicant page.
    Personal,
}

/// A one-off message (storage trouble, answers cleared, a guard's redirect). Never saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The message.
    pub text: Text,
    /// What it offers.
    pub action: NoticeAction,
    /// Where it is shown.
    pub place: NoticePlace,
}

impl Notice {
    /// A plain notice at the top of the page.
    pub fn new(text: Text) -> Self {
        Notice {
            text,
            action: NoticeAction::None,
            place: NoticePlace::Top,
        }
    }
}

/// What 「元に戻す」 puts back.
#[derive(Clone, Debug, PartialEq)]
pub enum Undo {
    /// Everything: the model before 「回答を消去」 or before a file was opened.
    All(Box<Model>),
    /// The personal details and the save tick, before 「個人情報を消去」 (nothing else).
    Personal {
        /// The details.
        applicant: Box<Applicant>,
        /// 「この端末に保存する」.
        save_personal: bool,
    },
}

/// Seminar mode: a demo model shown instead of the person's own, which stays untouched.
#[derive(Clone, Debug, PartialEq)]
pub struct Seminar {
    /// Where the seminar is.
    pub view: SeminarView,
    /// What the seminar shows (a persona, or a fresh walk through the questions). Never saved.
    pub demo: Box<Model>,
}

/// The whole state of the app.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// Language of the interface.
    pub lang: Lang,
    /// The screen shown.
    pub route: Route,
    /// Eligibility answers.
    pub answers: Answers,
    /// The pages answered (so 「わからない」 is told apart from "not asked yet"), in answer order.
    pub answered: Vec<Page>,
    /// The fiscal year (named by the year it starts).
    pub fiscal_year: i32,
    /// How the earnings are given (`None`: not chosen yet).
    pub earn_mode: Option<EarnMode>,
    /// Forms as typed.
    pub drafts: Drafts,
    /// The applicant's details, as typed.
    pub applicant: Applicant,
    /// 「この端末に保存する」 ticked for the personal details.
    pub save_personal: bool,
    /// Problems on the current page (after Continue).
    pub problems: Vec<FieldProblem>,
    /// A one-off notice.
    pub notice: Option<Notice>,
    /// What the last wipe took, for 「元に戻す」 (until the person changes anything else).
    pub undo: Option<Undo>,
    /// The message of the last 「データを開く」 that failed.
    pub file_error: Option<Text>,
    /// Seminar mode, when on.
    pub seminar: Option<Seminar>,
}

impl Model {
    /// A fresh model on the start page, for the fiscal year that contains `today`.
    pub fn fresh(today: NaiveDate) -> Self {
        Model {
            lang: Lang::Ja,
            route: Route::Start,
            answers: Answers::default(),
            answered: Vec::new(),
            fiscal_year: fiscal_year_of(today),
            earn_mode: None,
            drafts: Drafts::default(),
            applicant: Applicant::default(),
            save_personal: false,
            problems: Vec::new(),
            notice: None,
            undo: None,
            file_error: None,
            seminar: None,
        }
    }

    /// What is on screen: the seminar's demo in seminar mode, else the person's own model.
    pub fn shown(&self) -> &Model {
        match &self.seminar {
            Some(s) => &s.demo,
            None => self,
        }
    }

    /// Whether the page has been answered.
    pub fn is_answered(&self, page: Page) -> bool {
        self.answered.contains(&page)
    }

    /// Marks a page answered.
    pub fn mark_answered(&mut self, page: Page) {
        if !self.answered.contains(&page) {
            self.answered.push(page);
        }
    }

    /// Whether anything is worth keeping: an answer, something typed, a screen past the start, or
    /// the choice to keep personal details on this device.
    pub fn has_anything(&self) -> bool {
        self.save_personal
            || !self.answered.is_empty()
            || self.route != Route::Start
            || self.drafts != Drafts::default()
            || self.applicant != Applicant::default()
    }
}
