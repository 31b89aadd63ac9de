//! The model ↔ the scenario file (the versioned JSON of 「データを保存」, the QR code and the staff
//! command-line tool). Reading a file goes through the engine's one reader, so the app and the
//! command-line tool accept the same files and compute the same figures.

use super::drafts::{ContractDraft, PaymentDraft, QuickDraft};
use super::forms::estimate_input;
use super::model::{EarnMode, Model, Notice, NoticeAction};
use super::navigation::pages;
use super::route::Route;
use super::update::Event;
use crate::rules::data::format_date_iso;
use crate::rules::eligibility::Residence;
use crate::rules::scenario::{read_scenario_bytes, EstimateInput, ScenarioError, ScenarioFile};
use crate::rules::text_safety::isolate;
use crate::rules::{Lang, Text};
use chrono::NaiveDate;

impl Model {
    /// The answers as a scenario file, without the applicant's details. Fees typed with problems
    /// are left out (the form reports them before anyone gets here).
    pub fn scenario(&self) -> ScenarioFile {
        let mut file = ScenarioFile::new(self.fiscal_year);
        file.lang = self.lang;
        file.answers = self.answers;
        file.estimate = estimate_input(self).ok().flatten();
        file
    }

    /// The scenario file with the applicant's details (the application and its data file).
    pub fn scenario_with_applicant(&self) -> ScenarioFile {
        let mut file = self.scenario();
        file.applicant = Some(self.applicant.clone());
        file
    }

    /// A model that shows `file` on the result page: every question counts as answered and the
    /// drafts hold the file's figures as text, so every answer can be changed as if typed.
    pub fn from_scenario(file: &ScenarioFile, today: NaiveDate) -> Model {
        let mut m = Model::fresh(today);
        m.lang = file.lang;
        m.fiscal_year = file.fiscal_year;
        m.answers = file.answers;
        m.route = Route::Result;
        // The dates as the date fields show them, so that every answer can be changed as typed.
        if let Residence::PlanningToMove { when: Some(d) } = file.answers.residence {
            m.drafts.move_date = format_date_iso(d);
        }
        if let Some(d) = file.answers.moved_in {
            m.drafts.moved_in = format_date_iso(d);
        }
        if let Some(d) = file.answers.member_since {
            m.drafts.member_date = format_date_iso(d);
        }
        m.earn_mode = Some(match &file.estimate {
            None => EarnMode::Skip,
            Some(EstimateInput::Quick(q)) => {
                m.drafts.quick = QuickDraft {
                    monthly: q
                        .monthly_earnings
                        .map(|v| v.to_string())
                        .unwrap_or_default(),
                    monthly_unknown: q.monthly_earnings.is_none(),
                    size: q.contract_size.map(|v| v.to_string()).unwrap_or_default(),
                    size_unknown: q.contract_size.is_none(),
                    fixed: q.mix.fixed > 0,
                    hourly: q.mix.hourly > 0,
                    task: q.mix.task > 0,
                    first_month: q.first_month,
                    shares: Some(q.mix),
                };
                EarnMode::Quick
            }
            Some(EstimateInput::Detailed { contracts }) => {
                m.drafts.contracts = contracts
                    .iter()
                    .map(|c| ContractDraft {
                        label: c.label.clone(),
                        kind: c.kind,
                        payments: c
                            .payments
                            .iter()
                            .map(|p| PaymentDraft {
                                date: format_date_iso(p.date),
                                amount: p.amount.to_string(),
                            })
                            .collect(),
                    })
                    .collect();
                EarnMode::Detailed
            }
            Some(EstimateInput::Actual { months }) => {
                let mut typed = vec![String::new(); 12];
                for mf in months {
                    // April → 0 … March → 11. The reader refuses months of another year.
                    let index = (mf.month.month as usize + 8) % 12;
                    if mf.month.fiscal_year() == file.fiscal_year {
                        typed[index] = mf.fees.to_string();
                    }
                }
                m.drafts.months = typed;
                EarnMode::Actual
            }
        });
        m.answered = pages(&m);
        if let Some(a) = &file.applicant {
            m.applicant = a.clone();
        }
        m
    }
}

/// 「データを開く」: reads a file's bytes with the engine's one reader (size, UTF-8, bounds) and gives the model that shows it, in
/// the language the person is using, with a notice offering 「元に戻す」 (the caller keeps what it
/// replaces); or why it could not be opened (the current answers stay). The reading and the
/// opening are the two halves [`read_file`] and [`opened`] (the app reads in its later part).
pub fn open_file(name: &str, bytes: &[u8], lang: Lang, today: NaiveDate) -> Result<Model, Text> {
    opened(name, read_scenario_bytes(bytes), lang, today)
}

/// The event of a file chosen in 「データを開く」: its name and what the engine's one reader made of
/// its bytes.
pub fn read_file(name: String, bytes: &[u8]) -> Event {
    Event::OpenFile(name, read_scenario_bytes(bytes).map(Box::new))
}

/// The model that shows a file read as `read` (see [`open_file`]).
pub fn opened(
    name: &str,
    read: Result<impl std::borrow::Borrow<ScenarioFile>, ScenarioError>,
    lang: Lang,
    today: NaiveDate,
) -> Result<Model, Text> {
    // A file's name is the sender's text: isolated, with any direction control shown as an escape.
    let name = isolate(name);
    match read {
        Ok(file) => {
            let mut m = Model::from_scenario(file.borrow(), today);
            m.lang = lang;
            // The file replaces every answer: the notice offers 「元に戻す」 (`update` keeps what
            // was there before).
            m.notice = Some(Notice {
                action: NoticeAction::Undo,
                ..Notice::new(Text::new(
                    format!("「{name}」を開きました。開く前の回答に戻すには「元に戻す」を押してください。"),
                    format!("Opened “{name}”. To go back to your answers from before, choose Undo."),
                ))
            });
            Ok(m)
        }
        Err(e) => {
            let why = e.text();
            Err(Text::new(
                format!(
                    "「{name}」を開けませんでした。今の回答はそのままです。{}",
                    why.ja
                ),
                format!(
                    "“{name}” could not be opened. Your current answers are kept. {}",
                    why.en
                ),
            ))
        }
    }
}
