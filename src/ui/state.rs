//! The app's state and its reducer. The UI is a function of this state; every change goes through
//! [`Action`]. What the person typed is kept as typed (drafts), so an error never loses input.

use crate::rules::amount::parse_amount;
use crate::rules::applicant::Applicant;
use crate::rules::eligibility::{Answer, Answers, HousingAnswer, Residence};
use crate::rules::estimate::{QuickAnswers, WorkMix};
use crate::rules::fees::{Contract, ContractKind, Payment};
use crate::rules::scenario::{EstimateInput, ScenarioFile};
use crate::rules::subsidy::{MonthFees, YearMonth};
use crate::rules::{Lang, Text};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::rc::Rc;
use yew::Reducible;

/// The screens, in the order they are normally visited.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// The start page.
    #[default]
    Start,
    /// Do you live in Isumi?
    Residence,
    /// 3-year intention.
    Stay3Years,
    /// CrowdWorks account.
    Crowdworks,
    /// hinode special member.
    Hinode,
    /// Housing type.
    Housing,
    /// Which fiscal year.
    FiscalYear,
    /// How to give the earnings.
    EarnMode,
    /// Quick estimate input.
    Quick,
    /// Contracts and payments.
    Detailed,
    /// Fees actually paid per month.
    Actual,
    /// Check your answers.
    Check,
    /// The result.
    Result,
    /// Applicant's details for the application (issue: pre-filled application).
    Applicant,
    /// The application document, to print.
    Application,
    /// Seminar mode: side-by-side comparison of scenarios.
    Compare,
}

/// How the person gives their earnings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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

/// The quick-estimate form as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
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
    /// First month of work in the fiscal year (moved in mid-year); `None`: the whole year.
    pub first_month: Option<YearMonth>,
}

impl Default for QuickDraft {
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
        }
    }
}

/// One payment (or, for hourly contracts, one week) as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PaymentDraft {
    /// Date, `YYYY-MM-DD` (from a date input).
    pub date: String,
    /// Amount, as typed.
    pub amount: String,
}

/// One contract as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContractDraft {
    /// Name the person gave it.
    pub label: String,
    /// Kind of contract.
    pub kind: ContractKind,
    /// Its payments.
    pub payments: Vec<PaymentDraft>,
}

impl Default for ContractDraft {
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
#[serde(default)]
pub struct Drafts {
    /// Planned moving date (`YYYY-MM-DD`), when planning to move.
    pub move_date: String,
    /// The quick-estimate form.
    pub quick: QuickDraft,
    /// The contracts form.
    pub contracts: Vec<ContractDraft>,
    /// Fees paid per month of the fiscal year, April first (12 entries).
    pub months: Vec<String>,
}

/// A problem with one field, shown next to it and in the error summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    /// The input's `id`, for the summary's link.
    pub field: String,
    /// What is wrong and what to type.
    pub message: Text,
}

/// The whole state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    /// Language.
    pub lang: Lang,
    /// Current screen.
    pub step: Step,
    /// Eligibility answers.
    pub answers: Answers,
    /// Which answers were given (so "わからない" is told apart from "not asked yet").
    pub answered: Vec<Step>,
    /// The fiscal year (named by the year it starts).
    pub fiscal_year: i32,
    /// How the earnings are given.
    pub earn_mode: Option<EarnMode>,
    /// Forms as typed.
    pub drafts: Drafts,
    /// Came from the check-your-answers page: continue goes back there.
    pub returning: bool,
    /// Problems on the current page (not saved).
    #[serde(skip)]
    pub problems: Vec<FieldProblem>,
    /// A one-off notice (storage trouble, answers cleared). Not saved.
    #[serde(skip)]
    pub notice: Option<Text>,
    /// Seminar mode: nothing is saved.
    #[serde(skip)]
    pub ephemeral: bool,
    /// The applicant's details, as typed. Saved on this device only when `save_personal` is set.
    pub applicant: Applicant,
    /// 「この端末に保存する」 ticked for the personal details.
    pub save_personal: bool,
}

impl Default for State {
    fn default() -> Self {
        State {
            lang: Lang::Ja,
            step: Step::Start,
            answers: Answers::default(),
            answered: Vec::new(),
            fiscal_year: 2026,
            earn_mode: None,
            drafts: Drafts::default(),
            returning: false,
            problems: Vec::new(),
            notice: None,
            ephemeral: false,
            applicant: Applicant::default(),
            save_personal: false,
        }
    }
}

/// Everything that can happen.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Switch language.
    SetLang(Lang),
    /// Leave the start page.
    Start,
    /// Go to a screen (back link, change link).
    GoTo(Step),
    /// A change link on the check page: edit, then come back.
    Change(Step),
    /// Back link.
    Back,
    /// Set the residence answer.
    SetResidence(Residence),
    /// Set a yes/no/unknown answer for a question screen.
    SetAnswer(Step, Answer),
    /// Set the housing answer.
    SetHousing(HousingAnswer),
    /// Set the fiscal year.
    SetFiscalYear(i32),
    /// Set how earnings are given.
    SetEarnMode(EarnMode),
    /// Replace the drafts (a form field changed).
    EditDrafts(Drafts),
    /// Continue from the current screen (validates it).
    Continue,
    /// Start again with nothing (「回答を消去」).
    Clear,
    /// Show a notice.
    Notice(Option<Text>),
    /// Replace the whole state (restore, seminar personas).
    Replace(Box<State>),
    /// The applicant's details changed.
    EditApplicant(Box<Applicant>),
    /// 「この端末に保存する」 ticked or not.
    SetSavePersonal(bool),
    /// Remove the personal details (from the state and so from the device).
    ClearPersonal,
}

impl State {
    /// A fresh state for the fiscal year that contains `today`.
    pub fn fresh(today: NaiveDate) -> Self {
        State {
            fiscal_year: crate::rules::subsidy::fiscal_year_of(today),
            ..State::default()
        }
    }

    /// The question screens asked for the current answers, in order (branching: no 3-year
    /// question for someone not planning to live in Isumi; the estimate page that fits the mode).
    pub fn route(&self) -> Vec<Step> {
        let mut steps = vec![Step::Residence];
        if self.answers.residence != Residence::NotPlanning {
            steps.push(Step::Stay3Years);
        }
        steps.extend([
            Step::Crowdworks,
            Step::Hinode,
            Step::Housing,
            Step::FiscalYear,
            Step::EarnMode,
        ]);
        match self.earn_mode {
            Some(EarnMode::Quick) | None => steps.push(Step::Quick),
            Some(EarnMode::Detailed) => steps.push(Step::Detailed),
            Some(EarnMode::Actual) => steps.push(Step::Actual),
            Some(EarnMode::Skip) => {}
        }
        steps.push(Step::Check);
        steps
    }

    /// 1-based position of the current question and the number of questions, for the progress line.
    pub fn progress(&self) -> Option<(usize, usize)> {
        let route = self.route();
        let questions = route.len() - 1; // without the check page
        route
            .iter()
            .position(|s| *s == self.step)
            .filter(|i| *i < questions)
            .map(|i| (i + 1, questions))
    }

    fn next_step(&self) -> Step {
        match self.step {
            Step::Applicant => return Step::Application,
            Step::Application | Step::Compare => return self.step,
            _ => {}
        }
        if self.returning {
            return Step::Check;
        }
        let route = self.route();
        match route.iter().position(|s| *s == self.step) {
            Some(i) if i + 1 < route.len() => route[i + 1],
            Some(_) => Step::Result,
            None => Step::Residence,
        }
    }

    fn previous_step(&self) -> Step {
        match self.step {
            Step::Result => Step::Check,
            Step::Applicant => Step::Result,
            Step::Application => Step::Applicant,
            Step::Compare => Step::Start,
            Step::Residence => Step::Start,
            _ if self.returning => Step::Check,
            step => {
                let route = self.route();
                match route.iter().position(|s| *s == step) {
                    Some(i) if i > 0 => route[i - 1],
                    _ => Step::Start,
                }
            }
        }
    }

    /// Whether the question on `step` has been answered.
    pub fn is_answered(&self, step: Step) -> bool {
        self.answered.contains(&step)
    }

    fn mark_answered(&mut self, step: Step) {
        if !self.answered.contains(&step) {
            self.answered.push(step);
        }
    }

    /// The fees as the engine takes them, or the problems with what was typed.
    pub fn estimate_input(&self) -> Result<Option<EstimateInput>, Vec<FieldProblem>> {
        match self.earn_mode {
            None | Some(EarnMode::Skip) => Ok(None),
            Some(EarnMode::Quick) => quick_input(&self.drafts.quick, self.fiscal_year)
                .map(|q| Some(EstimateInput::Quick(q))),
            Some(EarnMode::Detailed) => contracts_input(&self.drafts.contracts, self.lang)
                .map(|contracts| Some(EstimateInput::Detailed { contracts })),
            Some(EarnMode::Actual) => months_input(self.fiscal_year, &self.drafts.months)
                .map(|months| Some(EstimateInput::Actual { months })),
        }
    }

    /// The subsidy (low, high) for what is typed so far on the quick page, for its live figure:
    /// `None` while the form is incomplete or invalid (its messages come on Continue). Uses the
    /// engine's trace-free totals: the figure updates on every keystroke, and formatting the
    /// bilingual trace would cost more than the arithmetic.
    pub fn quick_preview(&self) -> Option<(crate::rules::Yen, crate::rules::Yen)> {
        use crate::rules::estimate::{lower_and_higher_cap, quick_estimate};
        use crate::rules::subsidy::totals_by_year;
        let rules = crate::rules::data::rules();
        let q = quick_input(&self.drafts.quick, self.fiscal_year).ok()?;
        let est = quick_estimate(rules, self.fiscal_year, &q).ok()?;
        let (h_low, h_high) = match self.answers.housing.housing() {
            Some(h) => (h, h),
            None => lower_and_higher_cap(rules),
        };
        let subsidy = |contracts: &[crate::rules::fees::Contract], housing| {
            totals_by_year(rules, contracts, housing).ok().map(|t| {
                t.years
                    .iter()
                    .filter(|y| y.fiscal_year == self.fiscal_year)
                    .map(|y| y.subsidy)
                    .sum::<crate::rules::Yen>()
            })
        };
        Some((
            subsidy(&est.low.contracts, h_low)?,
            subsidy(&est.high.contracts, h_high)?,
        ))
    }

    /// The state as a scenario file (the format the engine, the CLI and 「データを保存」 share),
    /// without the applicant's details.
    pub fn scenario(&self) -> ScenarioFile {
        let mut file = ScenarioFile::new(self.fiscal_year);
        file.lang = self.lang;
        file.answers = self.answers;
        file.estimate = self.estimate_input().ok().flatten();
        file
    }

    /// The scenario file with the applicant's details (for the application and its data file).
    pub fn scenario_with_applicant(&self) -> ScenarioFile {
        let mut file = self.scenario();
        file.applicant = Some(self.applicant.clone());
        file
    }

    /// A state that shows `file` (「データを開く」, seminar personas): every question counts as
    /// answered, the drafts hold the file's figures as text, and the result page is shown.
    pub fn from_scenario(file: &ScenarioFile) -> State {
        let mut s = State {
            lang: file.lang,
            fiscal_year: file.fiscal_year,
            answers: file.answers,
            step: Step::Result,
            ..State::default()
        };
        if let Residence::PlanningToMove { when: Some(d) } = file.answers.residence {
            s.drafts.move_date = crate::rules::data::format_date_iso(d);
        }
        s.earn_mode = Some(match &file.estimate {
            None => EarnMode::Skip,
            Some(EstimateInput::Quick(q)) => {
                s.drafts.quick = QuickDraft {
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
                };
                EarnMode::Quick
            }
            Some(EstimateInput::Detailed { contracts }) => {
                s.drafts.contracts = contracts
                    .iter()
                    .map(|c| ContractDraft {
                        label: c.label.clone(),
                        kind: c.kind,
                        payments: c
                            .payments
                            .iter()
                            .map(|p| PaymentDraft {
                                date: crate::rules::data::format_date_iso(p.date),
                                amount: p.amount.to_string(),
                            })
                            .collect(),
                    })
                    .collect();
                EarnMode::Detailed
            }
            Some(EstimateInput::Actual { months }) => {
                let mut typed = vec![String::new(); 12];
                for m in months {
                    let index = (m.month.month as usize + 8) % 12; // April → 0 … March → 11
                    if m.month.fiscal_year() == file.fiscal_year {
                        typed[index] = m.fees.to_string();
                    }
                }
                s.drafts.months = typed;
                EarnMode::Actual
            }
        });
        s.answered = s.route();
        if let Some(a) = &file.applicant {
            s.applicant = a.clone();
        }
        s
    }

    /// Problems on the current page, if it has a form.
    fn validate_current(&self) -> Vec<FieldProblem> {
        // Every question page needs a choice: 「わからない」 is always one of them.
        let choice_field = match self.step {
            Step::Residence => Some("residence-lives_in_isumi"),
            Step::Stay3Years => Some("stay_3_years-yes"),
            Step::Crowdworks => Some("crowdworks-yes"),
            Step::Hinode => Some("hinode-yes"),
            Step::Housing => Some("housing-shared"),
            Step::EarnMode => Some("earn_mode-quick"),
            _ => None,
        };
        if let Some(field) = choice_field {
            if !self.is_answered(self.step) {
                return vec![problem(
                    field,
                    Text::new("いずれか1つを選んでください。", "Select one option."),
                )];
            }
        }
        let result = match self.step {
            Step::Residence => move_date_input(&self.drafts.move_date).map(|_| None),
            Step::Quick => quick_input(&self.drafts.quick, self.fiscal_year).map(|_| None),
            Step::Detailed => contracts_input(&self.drafts.contracts, self.lang).map(|_| None),
            Step::Actual => months_input(self.fiscal_year, &self.drafts.months).map(|_| None),
            // The applicant's details: only errors stop the person; warnings are shown on the page.
            // Today's date comes from the device, as everywhere in the UI.
            Step::Applicant => {
                return applicant_problems(&self.applicant, super::app::today());
            }
            _ => Ok(None::<()>),
        };
        result.err().unwrap_or_default()
    }
}

/// The `id` of the input for an applicant field id of the engine (`"bank.bank_code"` →
/// `"applicant-bank-bank_code"`: no dot, so it also works in a CSS selector).
pub fn applicant_input_id(field: &str) -> String {
    format!("applicant-{}", field.replace('.', "-"))
}

/// The blocking problems (errors, not warnings) with the applicant's details, each message led by
/// the field's name so the error summary reads on its own.
pub fn applicant_problems(a: &Applicant, today: NaiveDate) -> Vec<FieldProblem> {
    use crate::rules::applicant::{field_label, validate_as_of, Severity};
    validate_as_of(a, today)
        .into_iter()
        .filter(|e| e.severity() == Severity::Error)
        .map(|e| {
            let text = |lang| format!("{}: {}", field_label(e.field, lang), e.message(lang));
            problem(
                applicant_input_id(e.field),
                Text::new(text(Lang::Ja), text(Lang::En)),
            )
        })
        .collect()
}

fn problem(field: impl Into<String>, message: Text) -> FieldProblem {
    FieldProblem {
        field: field.into(),
        message,
    }
}

fn amount_problem(field: String, e: crate::rules::amount::AmountError) -> FieldProblem {
    problem(field, Text::new(e.message(Lang::Ja), e.message(Lang::En)))
}

/// Parses the optional planned moving date.
pub fn move_date_input(s: &str) -> Result<Option<NaiveDate>, Vec<FieldProblem>> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    crate::rules::wareki::parse_date(s).map(Some).map_err(|e| {
        vec![problem(
            "move-date",
            Text::new(e.message(Lang::Ja), e.message(Lang::En)),
        )]
    })
}

fn quick_input(d: &QuickDraft, fy: i32) -> Result<QuickAnswers, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let monthly = if d.monthly_unknown {
        None
    } else {
        match parse_amount(&d.monthly) {
            Ok(v) => Some(v),
            Err(e) => {
                problems.push(amount_problem("quick-monthly".into(), e));
                None
            }
        }
    };
    let size = if d.size_unknown {
        None
    } else {
        match parse_amount(&d.size) {
            Ok(0) => {
                problems.push(problem(
                    "quick-size",
                    Text::new(
                        "1件の金額は1円以上で入力してください。",
                        "Enter a contract size of at least ¥1.",
                    ),
                ));
                None
            }
            Ok(v) => Some(v),
            Err(e) => {
                problems.push(amount_problem("quick-size".into(), e));
                None
            }
        }
    };
    let kinds = [d.fixed, d.hourly, d.task];
    let count = kinds.iter().filter(|k| **k).count() as u32;
    if count == 0 {
        problems.push(problem(
            "quick-kind-fixed",
            Text::new(
                "仕事の種類を1つ以上選んでください。",
                "Choose at least one kind of work.",
            ),
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // Equal shares of the kinds chosen; the remainder goes to the first so they add up to 100.
    let share = 100 / count;
    let mut shares = kinds.map(|k| if k { share } else { 0 });
    if let Some(first) = shares.iter_mut().find(|s| **s > 0) {
        *first += 100 - share * count;
    }
    Ok(QuickAnswers {
        monthly_earnings: monthly,
        contract_size: size,
        mix: WorkMix {
            fixed: shares[0],
            hourly: shares[1],
            task: shares[2],
        },
        // A month left over from another fiscal year no longer applies.
        first_month: d.first_month.filter(|m| m.fiscal_year() == fy),
    })
}

fn contracts_input(
    drafts: &[ContractDraft],
    lang: Lang,
) -> Result<Vec<Contract>, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let mut contracts = Vec::new();
    for (ci, c) in drafts.iter().enumerate() {
        let mut payments = Vec::new();
        for (pi, p) in c.payments.iter().enumerate() {
            // A row left entirely blank is ignored rather than reported.
            if p.date.trim().is_empty() && p.amount.trim().is_empty() {
                continue;
            }
            // Both fields are checked, so one Continue reports every problem of the row.
            let row_problem = |field: &str, ja: String, en: String| {
                problem(
                    format!("c{ci}-p{pi}-{field}"),
                    Text::new(
                        format!("契約{} の支払い{}: {ja}", ci + 1, pi + 1),
                        format!("Contract {}, payment {}: {en}", ci + 1, pi + 1),
                    ),
                )
            };
            let date = crate::rules::wareki::parse_date(p.date.trim())
                .map_err(|e| {
                    problems.push(row_problem(
                        "date",
                        e.message(Lang::Ja),
                        e.message(Lang::En),
                    ))
                })
                .ok();
            let amount = parse_amount(&p.amount)
                .map_err(|e| {
                    problems.push(row_problem(
                        "amount",
                        e.message(Lang::Ja).into(),
                        e.message(Lang::En).into(),
                    ))
                })
                .ok();
            if let (Some(date), Some(amount)) = (date, amount) {
                payments.push(Payment { date, amount });
            }
        }
        let label = if c.label.trim().is_empty() {
            // The trace names contracts by label: give unnamed ones a readable one.
            format!("{}{}", lang.pick("契約", "Contract "), ci + 1)
        } else {
            c.label.trim().to_string()
        };
        contracts.push(Contract {
            label,
            kind: c.kind,
            payments,
        });
    }
    if contracts.iter().all(|c| c.payments.is_empty()) && problems.is_empty() {
        problems.push(problem(
            "c0-p0-amount",
            Text::new(
                "支払いを1件以上入力してください(日付と金額)。",
                "Enter at least one payment (date and amount).",
            ),
        ));
    }
    if problems.is_empty() {
        Ok(contracts)
    } else {
        Err(problems)
    }
}

fn months_input(fy: i32, months: &[String]) -> Result<Vec<MonthFees>, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let mut out = Vec::new();
    let april = YearMonth::new(fy, 4);
    for (i, typed) in months.iter().enumerate().take(12) {
        if typed.trim().is_empty() {
            continue;
        }
        let Some(month) = april.map(|a| a.plus_months(i as u32)) else {
            continue;
        };
        match parse_amount(typed) {
            Ok(fees) => out.push(MonthFees { month, fees }),
            Err(e) => problems.push(problem(
                format!("month-{i}"),
                Text::new(
                    format!("{}月: {}", month.month, e.message(Lang::Ja)),
                    format!("{}: {}", month_name_en(month.month), e.message(Lang::En)),
                ),
            )),
        }
    }
    if out.is_empty() && problems.is_empty() {
        problems.push(problem(
            "month-0",
            Text::new(
                "少なくとも1か月分の手数料を入力してください。",
                "Enter the fees of at least one month.",
            ),
        ));
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// A month as a label: 「2026年4月」 / "April 2026".
pub fn month_label(m: YearMonth, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{}年{}月", m.year, m.month),
        Lang::En => format!("{} {}", month_name_en(m.month), m.year),
    }
}

/// English month name.
pub fn month_name_en(m: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES
        .get((m as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

impl State {
    /// Applies one action (the reducer's logic, without `Rc`).
    pub fn apply(mut self, action: Action) -> State {
        match action {
            Action::SetLang(lang) => self.lang = lang,
            Action::Start => {
                self.step = Step::Residence;
                self.returning = false;
                self.problems.clear();
            }
            Action::GoTo(step) => {
                self.step = step;
                self.problems.clear();
            }
            Action::Change(step) => {
                self.step = step;
                self.returning = true;
                self.problems.clear();
            }
            Action::Back => {
                self.step = self.previous_step();
                if self.step == Step::Check || self.step == Step::Start {
                    self.returning = false;
                }
                self.problems.clear();
            }
            Action::SetResidence(r) => {
                // Keep the typed moving date while the person flips between choices.
                self.answers.residence = r;
                self.mark_answered(Step::Residence);
            }
            Action::SetAnswer(step, a) => {
                match step {
                    Step::Stay3Years => self.answers.stay_3_years = a,
                    Step::Crowdworks => self.answers.crowdworks_account = a,
                    Step::Hinode => self.answers.hinode_special_member = a,
                    _ => return self,
                }
                self.mark_answered(step);
            }
            Action::SetHousing(h) => {
                self.answers.housing = h;
                self.mark_answered(Step::Housing);
            }
            Action::SetFiscalYear(fy) => {
                self.fiscal_year = fy;
                self.mark_answered(Step::FiscalYear);
            }
            Action::SetEarnMode(m) => {
                self.earn_mode = Some(m);
                self.mark_answered(Step::EarnMode);
            }
            Action::EditDrafts(d) => {
                self.drafts = d;
            }
            Action::Continue => {
                let problems = self.validate_current();
                if !problems.is_empty() {
                    self.problems = problems;
                    return self;
                }
                if self.step == Step::Residence {
                    if let Residence::PlanningToMove { .. } = self.answers.residence {
                        let when = move_date_input(&self.drafts.move_date).ok().flatten();
                        self.answers.residence = Residence::PlanningToMove { when };
                    }
                }
                self.mark_answered(self.step);
                if self.step == Step::FiscalYear || self.step == Step::EarnMode {
                    self.earn_mode.get_or_insert(EarnMode::Quick);
                }
                self.problems.clear();
                // Leaving the earnings-mode page while returning: the matching form must be seen.
                if self.step == Step::EarnMode && self.returning {
                    self.returning = false;
                    self.step = State::next_after_mode(self.earn_mode);
                    return self;
                }
                let next = self.next_step();
                if next == Step::Check {
                    self.returning = false;
                }
                self.step = next;
            }
            Action::Clear => {
                let fy = self.fiscal_year;
                let lang = self.lang;
                let ephemeral = self.ephemeral;
                self = State {
                    lang,
                    fiscal_year: fy,
                    ephemeral,
                    ..State::default()
                };
                self.notice = Some(Text::new(
                    "回答を消去しました。この端末には何も残っていません。",
                    "Your answers were deleted. Nothing is left on this device.",
                ));
            }
            Action::Notice(n) => self.notice = n,
            Action::Replace(s) => self = *s,
            Action::EditApplicant(a) => self.applicant = *a,
            Action::SetSavePersonal(on) => self.save_personal = on,
            Action::ClearPersonal => {
                self.applicant = Applicant::default();
                self.save_personal = false;
                self.notice = Some(Text::new(
                    "個人情報を消去しました。",
                    "Your personal details were deleted.",
                ));
            }
        }
        self
    }

    fn next_after_mode(mode: Option<EarnMode>) -> Step {
        match mode {
            Some(EarnMode::Detailed) => Step::Detailed,
            Some(EarnMode::Actual) => Step::Actual,
            Some(EarnMode::Skip) => Step::Check,
            Some(EarnMode::Quick) | None => Step::Quick,
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}
