//! A model-based property test of the flow core: random sessions (answers, typing anything into
//! any field, Continue, back links, links to any screen, any fragment in the address bar, the
//! language, clear / undo, files, reloads) drive `update`, and after every step:
//!
//! - the screen shown is one its guard accepts, and everything it shows can be computed;
//! - saving then loading gives the same model;
//! - nothing typed is lost (any text field: the dates, the quick form, every contract's label and
//!   every payment's date and amount, the month fees, every applicant field), except by
//!   「回答を消去」, 「個人情報を消去」 or opening a file — and 「元に戻す」 gives back exactly what
//!   the wipe took (the personal details only, for 「個人情報を消去」);
//! - 「元に戻す」 is offered exactly while there is something to undo.
//!
//! Each property is its own test over the same sessions, so one failing does not hide another.

mod common;

use common::*;
use isumi_check::flow::file::read_file;
use isumi_check::flow::forms::{applicant_problems, quick_input, valid_contracts, valid_months};
use isumi_check::flow::model::{EarnMode, NoticeAction};
use isumi_check::flow::navigation::{drafting_refused, guard, pages, previous, progress};
use isumi_check::flow::seminar::SeminarView;
use isumi_check::flow::summary::rows;
use isumi_check::flow::update::{Choice, Edit, WorkKind};
use isumi_check::flow::{update, Event, Model, Page, Route};
use isumi_check::rules::answer_dates::{answer_date_bounds, AnswerDate};
use isumi_check::rules::applicant::{text_fields, AccountType, Applicant};
use isumi_check::rules::application::{requested_amount, requested_note, single_estimate};
use isumi_check::rules::calendar::YearMonth;
use isumi_check::rules::chart::chart;
use isumi_check::rules::counting::counting_start;
use isumi_check::rules::data::rules;
use isumi_check::rules::eligibility::{Answer, HousingAnswer, Residence};
use isumi_check::rules::fees::ContractKind;
use isumi_check::rules::limits::{MAX_CONTRACTS, MAX_PAYMENTS, MAX_PAYMENTS_PER_CONTRACT};
use isumi_check::rules::personas::{comparisons, personas, SEMINAR_TODAY};
use isumi_check::rules::preview::{contracts_total, months_total, quick_subsidy};
use isumi_check::rules::scenario::{evaluate, read_scenario_bytes};
use isumi_check::rules::timing::{claimable_years, eligible_from, payment_date_bounds};
use isumi_check::rules::Lang;
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------------
// What the person (and the browser) may do
// ---------------------------------------------------------------------------------------------

/// What may be typed into any field: amounts and dates as people type them, and junk.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just(" ".to_string()),
        Just("15万".to_string()),
        Just("１５万円".to_string()),
        Just("¥50,000".to_string()),
        Just("0".to_string()),
        Just("-5000".to_string()),
        Just("たくさん".to_string()),
        Just("99999999999999999999".to_string()),
        Just("2026-05-01".to_string()),
        Just("令和9年4月1日".to_string()),
        Just("２０２５／４／１".to_string()),
        Just("2026-02-30".to_string()),
        "[0-9]{1,8}",
        "[０-９]{1,6}",
        ".{0,12}",
    ]
}

fn answer() -> impl Strategy<Value = Answer> {
    prop_oneof![Just(Answer::Yes), Just(Answer::No), Just(Answer::Unknown)]
}

fn choice() -> impl Strategy<Value = Choice> {
    prop_oneof![
        prop_oneof![
            Just(Residence::LivesInIsumi),
            Just(Residence::PlanningToMove { when: None }),
            Just(Residence::NotPlanning),
            Just(Residence::Unknown),
        ]
        .prop_map(Choice::Residence),
        answer().prop_map(Choice::Stay3Years),
        answer().prop_map(Choice::Crowdworks),
        answer().prop_map(Choice::Hinode),
        prop_oneof![
            Just(HousingAnswer::Shared),
            Just(HousingAnswer::Individual),
            Just(HousingAnswer::Undecided),
        ]
        .prop_map(Choice::Housing),
        // Years the form offers, and some it never would.
        prop_oneof![4 => 2018..2030i32, 1 => -5..3000i32].prop_map(Choice::FiscalYear),
        prop_oneof![
            Just(EarnMode::Quick),
            Just(EarnMode::Detailed),
            Just(EarnMode::Actual),
            Just(EarnMode::Skip),
        ]
        .prop_map(Choice::EarnMode),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    let row = || 0usize..4;
    let kind = prop_oneof![
        Just(WorkKind::Fixed),
        Just(WorkKind::Hourly),
        Just(WorkKind::Task)
    ];
    let contract_kind = prop_oneof![
        Just(ContractKind::Fixed),
        Just(ContractKind::Hourly),
        Just(ContractKind::Task),
        Just(ContractKind::Contest),
    ];
    let month = prop::option::of((2024..2029i32, 1..=12u32))
        .prop_map(|m| m.and_then(|(y, mo)| YearMonth::new(y, mo)));
    prop_oneof![
        typed().prop_map(Edit::MoveDate),
        typed().prop_map(Edit::MovedIn),
        typed().prop_map(Edit::MemberDate),
        typed().prop_map(Edit::QuickMonthly),
        typed().prop_map(Edit::QuickSize),
        any::<bool>().prop_map(Edit::QuickMonthlyUnknown),
        any::<bool>().prop_map(Edit::QuickSizeUnknown),
        (kind, any::<bool>()).prop_map(|(k, on)| Edit::QuickKind(k, on)),
        month.prop_map(Edit::QuickFirstMonth),
        (row(), typed()).prop_map(|(c, v)| Edit::ContractLabel(c, v)),
        (row(), contract_kind).prop_map(|(c, k)| Edit::ContractKind(c, k)),
        (row(), row(), typed()).prop_map(|(c, p, v)| Edit::PaymentDate(c, p, v)),
        (row(), row(), typed()).prop_map(|(c, p, v)| Edit::PaymentAmount(c, p, v)),
        Just(Edit::AddContract),
        row().prop_map(Edit::RemoveContract),
        row().prop_map(Edit::AddPayment),
        (row(), row()).prop_map(|(c, p)| Edit::RemovePayment(c, p)),
        (0usize..14, typed()).prop_map(|(i, v)| Edit::MonthFees(i, v)),
    ]
}

/// The person's screens. Links to the seminar are plain `<a href>`s (the address bar), never
/// `Event::Go`: a `Go` to a seminar route is a hand-written case in `flow_update.rs`.
fn route() -> impl Strategy<Value = Route> {
    let page = prop::sample::select(Page::ALL.to_vec());
    prop_oneof![
        Just(Route::Start),
        page.clone().prop_map(Route::Ask),
        page.prop_map(Route::Change),
        Just(Route::Check),
        Just(Route::Result),
        Just(Route::Applicant),
        Just(Route::Application),
    ]
}

fn fragment() -> impl Strategy<Value = String> {
    let seminar = prop_oneof![
        Just(SeminarView::Home),
        (0..personas().len()).prop_map(SeminarView::Persona),
        (0..comparisons().len()).prop_map(SeminarView::Compare),
    ];
    prop_oneof![
        4 => route().prop_map(|r| r.href()),
        1 => route().prop_map(|r| format!("{}/", r.href())),
        2 => seminar.prop_map(|v| v.hash()),
        1 => Just("#main".to_string()),
        1 => Just(String::new()),
        1 => Just("#seminar/99".to_string()),
        1 => ".{0,10}",
    ]
}

/// Files to open: every persona's, a few built by hand, and ones that are not scenario files.
fn file() -> impl Strategy<Value = Vec<u8>> {
    let mut valid: Vec<String> = personas()
        .iter()
        .map(|p| p.scenario.to_json().expect("a persona's file"))
        .collect();
    valid.push(ACTUAL_FY2025_FILE.to_string());
    valid.push(
        r#"{"format":"isumi-check","format_version":2,"lang":"en","fiscal_year":2027,
        "answers":{"residence":{"planning_to_move":{"when":"2027-06-01"}},"stay_3_years":"yes","crowdworks_account":"no","hinode_special_member":"no","member_since":"2027-07-01","housing":"undecided"},
        "estimate":{"mode":"quick","monthly_earnings":200000,"contract_size":null,"mix":{"fixed":60,"task":40},"first_month":"2027-07"}}"#
            .to_string(),
    );
    valid.push(
        r#"{"format":"isumi-check","format_version":2,"fiscal_year":2024,
        "answers":{"residence":"not_planning","crowdworks_account":"yes"},
        "estimate":{"mode":"detailed","contracts":[{"label":"","kind":"hourly","payments":[]},{"label":"B社","kind":"contest","payments":[{"date":"2024-06-01","amount":30000}]}]}}"#
            .to_string(),
    );
    valid.push(
        r#"{"format":"isumi-check","format_version":1,"fiscal_year":2026,"answers":{"residence":"unknown"},
        "applicant":{"name":"いすみ 花子","phone":"12"}}"#
            .to_string(),
    );
    for v in &valid {
        assert!(read_scenario_bytes(v.as_bytes()).is_ok(), "{v}");
    }
    prop_oneof![
        3 => prop::sample::select(valid).prop_map(String::into_bytes),
        1 => Just(b"{\"format\":".to_vec()),
        1 => Just(ACTUAL_FY2025_FILE.replace("2025-05", "2024-05").into_bytes()),
        1 => ".{0,40}".prop_map(String::into_bytes),
        1 => prop::collection::vec(any::<u8>(), 0..40),
    ]
}

/// One step of the person, or of the browser.
#[derive(Clone, Debug)]
enum Step {
    Event(Event),
    /// The back link of the screen shown.
    Back,
    /// The page is reloaded: what was written is read back with the address bar's fragment.
    Reload,
    /// A cooperative person goes on from the screen shown: 「はじめる」, the question answered
    /// (its `n`-th choice, a valid figure or date) and continued from, a change link of the check
    /// page, or Continue. This gets sessions past the first pages.
    Answer(usize),
}

/// The events of going on from `route`: answering its page with its `n`-th answer, then Continue.
fn answering(route: Route, n: usize) -> Vec<Event> {
    let page = match route {
        Route::Start => return vec![Event::Start],
        Route::Applicant if n.is_multiple_of(2) => {
            return vec![
                Event::EditApplicant("phone", "0470-00-0000".into()),
                Event::EditApplicant("bank.bank_code", "0134".into()),
                Event::Continue,
            ]
        }
        Route::Seminar(_) => return vec![],
        // From the check page, now and then, a change link.
        Route::Check if n.is_multiple_of(3) => {
            return vec![Event::Go(Route::Change(Page::ALL[n / 3 % Page::ALL.len()]))]
        }
        route => match route.page() {
            Some(page) => page,
            None => return vec![Event::Continue],
        },
    };
    let pick = |answers: &[Answer]| answers[n % answers.len()];
    let yes_no = [Answer::Yes, Answer::No, Answer::Unknown];
    let mut events = match page {
        Page::Residence => {
            let r = [
                Residence::LivesInIsumi,
                Residence::PlanningToMove { when: None },
                Residence::NotPlanning,
                Residence::Unknown,
            ][n % 4];
            vec![
                Event::Choose(Choice::Residence(r)),
                Event::Edit(Edit::MovedIn("2024-04-01".into())),
                Event::Edit(Edit::MoveDate(["", "令和9年6月1日"][n % 2].into())),
            ]
        }
        Page::Stay3Years => vec![Event::Choose(Choice::Stay3Years(pick(&yes_no)))],
        Page::Crowdworks => vec![Event::Choose(Choice::Crowdworks(pick(&yes_no)))],
        Page::Hinode => vec![
            Event::Choose(Choice::Hinode(pick(&yes_no))),
            Event::Edit(Edit::MemberDate(["2025-01-01", ""][n % 2].into())),
        ],
        Page::Housing => vec![Event::Choose(Choice::Housing(
            [
                HousingAnswer::Shared,
                HousingAnswer::Individual,
                HousingAnswer::Undecided,
            ][n % 3],
        ))],
        Page::FiscalYear if n.is_multiple_of(3) => vec![],
        Page::FiscalYear => vec![Event::Choose(Choice::FiscalYear(2018 + (n % 12) as i32))],
        Page::EarnMode => vec![Event::Choose(Choice::EarnMode(
            [
                EarnMode::Quick,
                EarnMode::Detailed,
                EarnMode::Actual,
                EarnMode::Skip,
            ][n % 4],
        ))],
        Page::Quick => vec![
            Event::Edit(Edit::QuickMonthly("15万".into())),
            Event::Edit(Edit::QuickSize("3万".into())),
        ],
        Page::Detailed => vec![
            Event::Edit(Edit::PaymentDate(0, 0, "2026-05-01".into())),
            Event::Edit(Edit::PaymentAmount(0, 0, "5万".into())),
        ],
        Page::Actual => vec![Event::Edit(Edit::MonthFees(n % 12, "3000".into()))],
    };
    events.push(Event::Continue);
    events
}

/// The ids of the applicant's text fields, in form order.
fn applicant_ids() -> Vec<&'static str> {
    text_fields(&Applicant::default())
        .iter()
        .map(|(id, _)| *id)
        .collect()
}

fn step() -> impl Strategy<Value = Step> {
    let ev = |s: BoxedStrategy<Event>| s.prop_map(Step::Event);
    // Every text field of the details, and an id that is none of them (a stale event).
    let mut ids = applicant_ids();
    ids.push("nonsense");
    let applicant_field = prop::sample::select(ids);
    prop_oneof![
        6 => ev(choice().prop_map(Event::Choose).boxed()),
        8 => ev(edit().prop_map(Event::Edit).boxed()),
        6 => ev(Just(Event::Continue).boxed()),
        1 => ev(Just(Event::Start).boxed()),
        3 => Just(Step::Back),
        2 => ev(route().prop_map(Event::Go).boxed()),
        2 => ev(fragment().prop_map(Event::UrlChanged).boxed()),
        1 => ev(prop_oneof![Just(Lang::Ja), Just(Lang::En)].prop_map(Event::SetLang).boxed()),
        1 => ev(Just(Event::Clear).boxed()),
        2 => ev(Just(Event::Undo).boxed()),
        1 => ev(Just(Event::ClearPersonal).boxed()),
        1 => ev(Just(Event::DismissNotice).boxed()),
        1 => ev(Just(Event::LeaveSeminar).boxed()),
        2 => ev((applicant_field, typed()).prop_map(|(f, v)| Event::EditApplicant(f, v)).boxed()),
        1 => ev(prop_oneof![Just(AccountType::Futsu), Just(AccountType::Toza)].prop_map(Event::SetAccountType).boxed()),
        1 => ev(any::<bool>().prop_map(Event::SetSavePersonal).boxed()),
        2 => ev(file().prop_map(|bytes| read_file("answers.json".into(), &bytes)).boxed()),
        2 => Just(Step::Reload),
        12 => any::<usize>().prop_map(Step::Answer),
    ]
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    prop::collection::vec(step(), 1..50)
}

/// 200 sessions per property, or `PROPTEST_CASES`.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    ProptestConfig::with_cases(cases)
}

// ---------------------------------------------------------------------------------------------
// The session, and what the person typed as a test keeps it
// ---------------------------------------------------------------------------------------------

/// One contract of the contracts form as the test follows it: its label, and each payment's date
/// and amount.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    label: String,
    payments: Vec<(String, String)>,
}

impl Row {
    /// A contract as the form adds it: no label, one blank payment.
    fn blank() -> Row {
        Row {
            label: String::new(),
            payments: vec![(String::new(), String::new())],
        }
    }
}

/// The text fields the test follows: what the person typed last in each.
#[derive(Clone, Debug, PartialEq)]
struct Typed {
    move_date: String,
    moved_in: String,
    member_date: String,
    monthly: String,
    size: String,
    /// The contracts as the form shows them (one blank contract before any is added).
    contracts: Vec<Row>,
    months: Vec<String>,
    /// Every text field of the details, by id, in form order.
    applicant: Vec<(&'static str, String)>,
    account_type: AccountType,
}

impl Default for Typed {
    /// What a fresh model shows.
    fn default() -> Self {
        Typed::of(&fresh())
    }
}

impl Typed {
    fn of(m: &Model) -> Typed {
        Typed {
            move_date: m.drafts.move_date.clone(),
            moved_in: m.drafts.moved_in.clone(),
            member_date: m.drafts.member_date.clone(),
            monthly: m.drafts.quick.monthly.clone(),
            size: m.drafts.quick.size.clone(),
            contracts: m
                .drafts
                .contracts_shown()
                .iter()
                .map(|c| Row {
                    label: c.label.clone(),
                    payments: c
                        .payments
                        .iter()
                        .map(|p| (p.date.clone(), p.amount.clone()))
                        .collect(),
                })
                .collect(),
            months: m.drafts.months.clone(),
            applicant: text_fields(&m.applicant)
                .iter()
                .map(|(id, v)| (*id, v.to_string()))
                .collect(),
            account_type: m.applicant.bank.account_type,
        }
    }

    fn personal_from(&mut self, other: &Typed) {
        self.applicant = other.applicant.clone();
        self.account_type = other.account_type;
    }

    /// What a row edit of the contracts form does to the rows: the edited row only, within the
    /// bounds a file may have; the last contract and a contract's last payment stay.
    fn edit_rows(&mut self, e: &Edit) {
        let cs = &mut self.contracts;
        let payments: usize = cs.iter().map(|c| c.payments.len()).sum();
        match e {
            Edit::ContractLabel(ci, v) => {
                if let Some(c) = cs.get_mut(*ci) {
                    c.label = v.clone();
                }
            }
            Edit::PaymentDate(ci, pi, v) => {
                if let Some(p) = cs.get_mut(*ci).and_then(|c| c.payments.get_mut(*pi)) {
                    p.0 = v.clone();
                }
            }
            Edit::PaymentAmount(ci, pi, v) => {
                if let Some(p) = cs.get_mut(*ci).and_then(|c| c.payments.get_mut(*pi)) {
                    p.1 = v.clone();
                }
            }
            Edit::AddContract if cs.len() < MAX_CONTRACTS && payments < MAX_PAYMENTS => {
                cs.push(Row::blank());
            }
            Edit::RemoveContract(ci) if *ci < cs.len() && cs.len() > 1 => {
                cs.remove(*ci);
            }
            Edit::AddPayment(ci) => {
                if let Some(c) = cs.get_mut(*ci) {
                    if c.payments.len() < MAX_PAYMENTS_PER_CONTRACT && payments < MAX_PAYMENTS {
                        c.payments.push((String::new(), String::new()));
                    }
                }
            }
            Edit::RemovePayment(ci, pi) => {
                if let Some(c) = cs.get_mut(*ci) {
                    if *pi < c.payments.len() && c.payments.len() > 1 {
                        c.payments.remove(*pi);
                    }
                }
            }
            _ => {}
        }
    }
}

/// What 「元に戻す」 would give back.
#[derive(Clone, Debug)]
enum Wiped {
    /// Everything (「回答を消去」, a file opened).
    All(Typed),
    /// The personal details (「個人情報を消去」).
    Personal(Typed),
}

struct Session {
    m: Model,
    /// What the person typed, as the test follows it.
    typed: Typed,
    wiped: Option<Wiped>,
}

impl Session {
    fn new() -> Self {
        Session {
            m: fresh(),
            typed: Typed::default(),
            wiped: None,
        }
    }

    fn step(&mut self, s: &Step) {
        let in_seminar = self.m.seminar.is_some();
        match s {
            Step::Back => {
                let shown = self.m.shown();
                let to = previous(shown, shown.route);
                go(&mut self.m, Event::Go(to));
            }
            Step::Reload => {
                let fragment = match &self.m.seminar {
                    Some(s) => s.view.hash(),
                    None => self.m.route.href(),
                };
                self.m = reload_at(&self.m, &fragment).0;
                // 「元に戻す」 is not kept across a reload.
                self.wiped = None;
            }
            Step::Event(e) => self.event(e, in_seminar),
            Step::Answer(n) => {
                for e in answering(self.m.shown().route, *n) {
                    self.event(&e, in_seminar);
                }
            }
        }
    }

    fn event(&mut self, e: &Event, in_seminar: bool) {
        let before = self.typed.clone();
        update(&mut self.m, e.clone(), today());
        if !in_seminar {
            self.follow(e, before);
        }
    }

    /// What the event does to the typed text of the person's own model.
    fn follow(&mut self, e: &Event, before: Typed) {
        // 「元に戻す」 is offered until the person changes what the wipe took (anything after
        // 「回答を消去」 or opening a file; the details after 「個人情報を消去」).
        let personal = matches!(
            e,
            Event::EditApplicant(..) | Event::SetAccountType(_) | Event::SetSavePersonal(_)
        );
        let ends = match &self.wiped {
            Some(Wiped::All(_)) => personal || matches!(e, Event::Choose(_) | Event::Edit(_)),
            Some(Wiped::Personal(_)) => personal,
            None => false,
        };
        if ends {
            self.wiped = None;
        }
        let t = &mut self.typed;
        match e {
            Event::Edit(edit) => match edit {
                Edit::MoveDate(v) => t.move_date = v.clone(),
                Edit::MovedIn(v) => t.moved_in = v.clone(),
                Edit::MemberDate(v) => t.member_date = v.clone(),
                Edit::QuickMonthly(v) => t.monthly = v.clone(),
                Edit::QuickSize(v) => t.size = v.clone(),
                Edit::MonthFees(i, v) if *i < 12 => {
                    t.months.resize(12, String::new());
                    t.months[*i] = v.clone();
                }
                row => t.edit_rows(row),
            },
            Event::EditApplicant(id, v) => {
                if let Some(f) = t.applicant.iter_mut().find(|(f, _)| f == id) {
                    f.1 = v.clone();
                }
            }
            Event::SetAccountType(a) => t.account_type = *a,
            // Closing the offer of 「元に戻す」 declines it.
            Event::DismissNotice => self.wiped = None,
            Event::Clear => {
                self.wiped = Some(Wiped::All(before));
                self.typed = Typed::default();
            }
            Event::ClearPersonal => {
                self.wiped = Some(Wiped::Personal(before));
                t.personal_from(&Typed::default());
            }
            Event::OpenFile(_, Ok(_)) => {
                self.wiped = Some(Wiped::All(before));
                self.typed = Typed::of(&self.m);
            }
            Event::Undo => match self.wiped.take() {
                Some(Wiped::All(was)) => self.typed = was,
                Some(Wiped::Personal(was)) => t.personal_from(&was),
                None => {}
            },
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------------------------

/// The screen shown is one its guard accepts, and what it shows can be computed.
fn sound(m: &Model) -> Result<(), TestCaseError> {
    prop_assert!(!m.route.is_seminar(), "own route {:?}", m.route);
    let shown = m.shown();
    let route = shown.route;
    if let Some(s) = &m.seminar {
        prop_assert_eq!(Route::parse(&s.view.hash()), Some(Route::Seminar(s.view)));
    }
    prop_assert_eq!(guard(shown, route, today()), route, "shown: {:?}", route);
    if let Some(page) = route.page() {
        prop_assert!(progress(shown, route).is_some(), "{:?} is asked", page);
    }
    let fees_given = shown.earn_mode.and_then(EarnMode::form).is_some();
    match route {
        Route::Check => {
            let pages_shown: Vec<Page> = rows(shown).iter().map(|r| r.page).collect();
            prop_assert_eq!(pages_shown, pages(shown));
            prop_assert_eq!(
                shown.scenario().estimate.is_some(),
                fees_given,
                "nothing typed is dropped"
            );
        }
        Route::Result => {
            prop_assert_eq!(shown.scenario().estimate.is_some(), fees_given);
            // Whatever it says, it says it without a panic.
            let _ = evaluate(rules(), &shown.scenario(), today());
        }
        Route::Applicant | Route::Application => {
            prop_assert_eq!(drafting_refused(shown, today()), None);
            let outcome = evaluate(rules(), &shown.scenario_with_applicant(), today());
            prop_assert!(outcome.is_ok_and(|o| o.application.is_ready()));
            if route == Route::Application {
                prop_assert!(applicant_problems(&shown.applicant, today()).is_empty());
            }
        }
        _ => {}
    }
    renders(m);
    Ok(())
}

/// Everything the router (`ui::router::screen`) and the page it picks compute from the model for
/// the screen shown, through the same functions: none may panic, whatever was typed.
fn renders(m: &Model) {
    let shown = m.shown();
    let route = shown.route;
    // The seminar's figures are for a fixed day, as on the projector.
    let today = if m.seminar.is_some() {
        SEMINAR_TODAY
    } else {
        today()
    };
    let r = rules();
    let d = &shown.drafts;
    let fy = shown.fiscal_year;
    let housing = shown.answers.housing.housing();
    let _ = shown.scenario();
    match route {
        Route::Start | Route::Seminar(_) => {}
        Route::Ask(page) | Route::Change(page) => {
            let _ = (progress(shown, route), previous(shown, route));
            let eligible = eligible_from(r, &shown.answers, today);
            let counts_from = counting_start(r, &eligible);
            match page {
                Page::Residence | Page::Hinode => {
                    // The date fields' range: never empty, whatever day it is.
                    for which in [
                        AnswerDate::MovedIn,
                        AnswerDate::PlannedMove,
                        AnswerDate::MemberSince,
                        AnswerDate::PlannedMembership,
                    ] {
                        let b = answer_date_bounds(r, which, today);
                        assert!(b.min <= b.max, "{which:?} on {today}: {b:?}");
                    }
                }
                Page::FiscalYear => {
                    let _ = claimable_years(r, &shown.answers, today);
                }
                Page::Quick => {
                    if let Ok(answers) = quick_input(&d.quick, fy) {
                        let _ = quick_subsidy(r, fy, &answers, housing, counts_from);
                    }
                }
                Page::Detailed => {
                    let _ = payment_date_bounds(r, fy, Some(&eligible));
                    let contracts = valid_contracts(&d.contracts_shown());
                    let _ = contracts_total(r, fy, &contracts, housing, counts_from);
                }
                Page::Actual => {
                    let _ = months_total(r, fy, &valid_months(fy, &d.months), housing, counts_from);
                }
                _ => {}
            }
        }
        Route::Check => {
            let _ = (rows(shown), previous(shown, Route::Check));
        }
        Route::Result | Route::Application => {
            let file = shown.scenario_with_applicant();
            let mut plain = file.clone();
            plain.applicant = None;
            if let Ok(o) = evaluate(r, &plain, today) {
                let _ = chart(r, &o, file.estimate.as_ref());
                let _ = requested_amount(&shown.applicant, o.subsidy.as_ref());
            }
        }
        Route::Applicant => {
            if let Ok(o) = evaluate(r, &shown.scenario(), today) {
                let subsidy = o.subsidy.as_ref();
                let _ = single_estimate(subsidy);
                let _ = requested_note(requested_amount(&shown.applicant, subsidy), subsidy);
            }
        }
    }
}

/// 「元に戻す」 is offered exactly while something can be undone: never an undo kept with no
/// button (or a button that does nothing).
fn undo_offered(m: &Model) -> Result<(), TestCaseError> {
    let offered = m
        .notice
        .as_ref()
        .is_some_and(|n| n.action == NoticeAction::Undo);
    prop_assert_eq!(offered, m.undo.is_some(), "notice: {:?}", m.notice);
    if let Some(s) = &m.seminar {
        prop_assert!(s.demo.undo.is_none(), "the demo wipes nothing");
    }
    Ok(())
}

/// Saving, then loading with the address bar's fragment, gives the same model.
fn survives_a_reload(m: &Model) -> Result<(), TestCaseError> {
    let fragment = match &m.seminar {
        Some(s) => s.view.hash(),
        None => m.route.href(),
    };
    let (again, _) = reload_at(m, &fragment);
    let mut want = persisted(m);
    if !m.has_anything() {
        // Nothing is kept at all, not even the language chosen on the start page.
        want.lang = Lang::Ja;
    }
    prop_assert_eq!(persisted(&again), want);
    prop_assert_eq!(
        again.seminar.map(|s| s.view),
        m.seminar.as_ref().map(|s| s.view)
    );
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_screen_shown_is_guarded_and_renders(steps in steps()) {
        let mut s = Session::new();
        for step in &steps {
            s.step(step);
            sound(&s.m)?;
        }
    }

    #[test]
    fn saving_then_loading_gives_the_same_model(steps in steps()) {
        let mut s = Session::new();
        for step in &steps {
            s.step(step);
            survives_a_reload(&s.m)?;
        }
    }

    #[test]
    fn undo_is_offered_exactly_while_there_is_something_to_undo(steps in steps()) {
        let mut s = Session::new();
        for step in &steps {
            s.step(step);
            undo_offered(&s.m)?;
        }
    }

    #[test]
    fn nothing_typed_is_lost(steps in steps()) {
        let mut s = Session::new();
        for step in &steps {
            s.step(step);
            prop_assert_eq!(&Typed::of(&s.m), &s.typed, "after {:?}", step);
        }
    }
}
