//! Events and the one `update` that applies them. The shell turns clicks, typing and URL changes
//! into [`Event`]s and carries out the [`Effect`]s; everything else happens here.

use super::drafts::{ContractDraft, PaymentDraft};
use super::file::opened;
use super::forms::{applicant_problems, optional_date, page_problems};
use super::model::{EarnMode, Model, Notice, NoticeAction, NoticePlace, Seminar, Undo};
use super::navigation::{guard, guard_reason, next};
use super::page::Page;
use super::route::Route;
use super::seminar::SeminarView;
use crate::rules::applicant::{text_field_mut, AccountType};
use crate::rules::data::rules;
use crate::rules::eligibility::{Answer, HousingAnswer, Residence};
use crate::rules::fees::ContractKind;
use crate::rules::limits::{
    check_fiscal_year, MAX_CONTRACTS, MAX_PAYMENTS, MAX_PAYMENTS_PER_CONTRACT,
};
use crate::rules::personas::personas;
use crate::rules::scenario::{ScenarioError, ScenarioFile};
use crate::rules::subsidy::YearMonth;
use crate::rules::timing::claimable_years;
use crate::rules::{Lang, Text};
use chrono::NaiveDate;

/// An answer chosen on a question page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Where the person lives.
    Residence(Residence),
    /// 3-year intention.
    Stay3Years(Answer),
    /// CrowdWorks account.
    Crowdworks(Answer),
    /// hinode special member.
    Hinode(Answer),
    /// Housing type.
    Housing(HousingAnswer),
    /// The fiscal year.
    FiscalYear(i32),
    /// How the earnings are given.
    EarnMode(EarnMode),
}

impl Choice {
    /// The page the choice answers.
    pub fn page(self) -> Page {
        match self {
            Choice::Residence(_) => Page::Residence,
            Choice::Stay3Years(_) => Page::Stay3Years,
            Choice::Crowdworks(_) => Page::Crowdworks,
            Choice::Hinode(_) => Page::Hinode,
            Choice::Housing(_) => Page::Housing,
            Choice::FiscalYear(_) => Page::FiscalYear,
            Choice::EarnMode(_) => Page::EarnMode,
        }
    }
}

/// A kind of work on the quick-estimate form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkKind {
    /// Fixed-price contracts.
    Fixed,
    /// Hourly contracts.
    Hourly,
    /// Tasks.
    Task,
}

/// One edit of a form, as typed. Row edits name their row, so typing in one payment touches that
/// payment only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Planned moving date.
    MoveDate(String),
    /// Living in Isumi since.
    MovedIn(String),
    /// hinode membership date (joined or planned).
    MemberDate(String),
    /// Quick: monthly earnings.
    QuickMonthly(String),
    /// Quick: 「わからない」 for the monthly earnings.
    QuickMonthlyUnknown(bool),
    /// Quick: contract size.
    QuickSize(String),
    /// Quick: 「わからない」 for the contract size.
    QuickSizeUnknown(bool),
    /// Quick: a kind of work ticked or not.
    QuickKind(WorkKind, bool),
    /// Quick: the first month of work in the year.
    QuickFirstMonth(Option<YearMonth>),
    /// A contract's name.
    ContractLabel(usize, String),
    /// A contract's kind.
    ContractKind(usize, ContractKind),
    /// A payment's date.
    PaymentDate(usize, usize, String),
    /// A payment's amount.
    PaymentAmount(usize, usize, String),
    /// Add a contract.
    AddContract,
    /// Remove a contract.
    RemoveContract(usize),
    /// Add a payment to a contract.
    AddPayment(usize),
    /// Remove a payment.
    RemovePayment(usize, usize),
    /// The fees of the `i`-th month of the year (April = 0).
    MonthFees(usize, String),
}

/// Everything that can happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// The address bar's fragment changed (back, forward, a typed or bookmarked URL).
    UrlChanged(String),
    /// Follow an in-app link.
    Go(Route),
    /// 「はじめる」.
    Start,
    /// 「次へ進む」 and the other submit buttons: validate the page, then move on.
    Continue,
    /// Switch the language.
    SetLang(Lang),
    /// An answer chosen.
    Choose(Choice),
    /// A form field typed.
    Edit(Edit),
    /// An applicant text field typed (`field` is an id of `rules::applicant::field`).
    EditApplicant(&'static str, String),
    /// The account type chosen.
    SetAccountType(AccountType),
    /// 「この端末に保存する」 ticked or not.
    SetSavePersonal(bool),
    /// 「回答を消去」: wipe everything, at once (undoable).
    Clear,
    /// 「個人情報を消去」: wipe the personal details, at once (undoable).
    ClearPersonal,
    /// 「元に戻す」.
    Undo,
    /// Close the notice.
    DismissNotice,
    /// 「データを開く」: a file's name and what the engine's one reader made of its bytes
    /// ([`super::file::read_file`]).
    OpenFile(String, Result<Box<ScenarioFile>, ScenarioError>),
    /// A file could not be read at all (too big, unreadable).
    FileRefused(Text),
    /// Show a notice (storage trouble reported by the shell).
    Notify(Text),
    /// Leave seminar mode.
    LeaveSeminar,
}

/// What the shell must do after an update.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Show `route` in the address bar: a new history entry, or in place of the current one.
    Navigate {
        /// The route.
        route: Route,
        /// Replace the current history entry instead of adding one.
        replace: bool,
    },
}

/// Puts the model in seminar mode at `view`, with a fresh demo for it. The person's own model
/// stays as it is underneath.
pub fn enter_seminar(m: &mut Model, view: SeminarView, today: NaiveDate) {
    let mut demo = match view {
        SeminarView::Persona(i) => personas()
            .get(i)
            .map(|p| Model::from_scenario(&p.scenario, today))
            .unwrap_or_else(|| Model::fresh(today)),
        SeminarView::Home | SeminarView::Compare(_) | SeminarView::Check => Model::fresh(today),
    };
    demo.lang = m.lang;
    m.seminar = Some(Seminar {
        view,
        demo: Box::new(demo),
    });
    // The person's own notice goes, except an offer of 「元に戻す」: it is there again on leaving.
    if !offers_undo(m) {
        m.notice = None;
    }
}

/// Whether the notice offers 「元に戻す」 for an undo kept.
fn offers_undo(m: &Model) -> bool {
    m.undo.is_some()
        && m.notice
            .as_ref()
            .is_some_and(|n| n.action == NoticeAction::Undo)
}

/// Shows `text` in a notice at the top. While 「元に戻す」 is offered, the offer stays there, where
/// the person is looking: the new message, then what the undo gives back, with the button (a
/// redirect right after 「回答を消去」 must not leave an undo kept with no button).
fn notify(m: &mut Model, text: Text) {
    let notice = match &m.undo {
        Some(undo) if offers_undo(m) => {
            let back = match undo {
                Undo::All(_) => Text::new(
                    "「元に戻す」で、その前の回答に戻せます。",
                    "Undo brings back your answers from before.",
                ),
                Undo::Personal { .. } => Text::new(
                    "「元に戻す」で、消去した個人情報を戻せます。",
                    "Undo brings back the personal details you deleted.",
                ),
            };
            Notice {
                text: Text::new(
                    format!("{}{}", text.ja, back.ja),
                    format!("{} {}", text.en, back.en),
                ),
                action: NoticeAction::Undo,
                place: NoticePlace::Top,
            }
        }
        _ => Notice::new(text),
    };
    m.notice = Some(notice);
}

/// Applies one event. Today's date is an input (the fiscal year of a fresh start, the applicant's
/// date checks), never read here.
pub fn update(m: &mut Model, event: Event, today: NaiveDate) -> Vec<Effect> {
    match event {
        Event::UrlChanged(fragment) => match Route::parse(&fragment) {
            // Not a route (the skip link's #main): nothing changes.
            None => Vec::new(),
            Some(Route::Seminar(view)) => {
                enter_seminar(m, view, today);
                Vec::new()
            }
            Some(route) => {
                m.seminar = None;
                arrive(m, route, today, true)
            }
        },
        Event::SetLang(lang) => {
            m.lang = lang;
            if let Some(s) = &mut m.seminar {
                s.demo.lang = lang;
            }
            Vec::new()
        }
        Event::LeaveSeminar => {
            if m.seminar.take().is_none() {
                return Vec::new();
            }
            vec![Effect::Navigate {
                route: m.route,
                replace: true,
            }]
        }
        event => match &mut m.seminar {
            // In seminar mode the demo takes the event, moves without touching the address bar,
            // and keeps, wipes and opens nothing.
            Some(s) => {
                if !matches!(
                    event,
                    Event::Clear
                        | Event::ClearPersonal
                        | Event::Undo
                        | Event::OpenFile(..)
                        | Event::SetSavePersonal(_)
                ) {
                    apply(&mut s.demo, event, today);
                }
                Vec::new()
            }
            None => apply(m, event, today),
        },
    }
}

/// Shows `route` (through the guards), from a URL change (`from_url`: the address bar already
/// says it) or an in-app move.
fn arrive(m: &mut Model, route: Route, today: NaiveDate, from_url: bool) -> Vec<Effect> {
    let shown = guard(m, route, today);
    m.problems.clear();
    m.file_error = None;
    if shown != route {
        let why = guard_reason(m, route, shown, today);
        notify(m, why);
    } else if matches!(
        m.notice.as_ref().map(|n| n.action),
        Some(NoticeAction::Resume(_))
    ) {
        m.notice = None;
    }
    m.route = shown;
    // Sent back to the details from the printed form: mark what to fix there.
    if route == Route::Application && shown == Route::Applicant {
        m.problems = applicant_problems(&m.applicant, today);
    }
    // The fiscal-year question starts on the first year the person can claim (not a year that
    // ends before they move or join), until they choose one themselves.
    if shown.page() == Some(Page::FiscalYear) && !m.is_answered(Page::FiscalYear) {
        let years = claimable_years(rules(), &m.answers, today);
        let chosen_ok = years
            .iter()
            .any(|y| y.fiscal_year == m.fiscal_year && y.claimable);
        if let (false, Some(first)) = (chosen_ok, years.iter().find(|y| y.first)) {
            m.fiscal_year = first.fiscal_year;
        }
    }
    if from_url && shown == route {
        Vec::new()
    } else {
        vec![Effect::Navigate {
            route: shown,
            // A redirect replaces the URL that asked for the guarded page.
            replace: from_url,
        }]
    }
}

fn apply(m: &mut Model, event: Event, today: NaiveDate) -> Vec<Effect> {
    // Once the person changes what a wipe took, 「元に戻す」 would throw that change away: the
    // offer ends there (any change after 「回答を消去」; the details after 「個人情報を消去」).
    let personal = matches!(
        event,
        Event::EditApplicant(..) | Event::SetAccountType(_) | Event::SetSavePersonal(_)
    );
    let ends_undo = match &m.undo {
        Some(Undo::All(_)) => personal || matches!(event, Event::Choose(_) | Event::Edit(_)),
        Some(Undo::Personal { .. }) => personal,
        None => false,
    };
    if ends_undo {
        m.undo = None;
        if m.notice
            .as_ref()
            .is_some_and(|n| n.action == NoticeAction::Undo)
        {
            m.notice = None;
        }
    }
    match event {
        // A link to the seminar enters it as its fragment does (the person's own route stays).
        Event::Go(Route::Seminar(view)) => {
            enter_seminar(m, view, today);
            Vec::new()
        }
        Event::Go(route) => arrive(m, route, today, false),
        Event::Start => arrive(m, Route::Ask(Page::Residence), today, false),
        Event::Continue => continue_from(m, today),
        // An answer or a draft that no longer supports the page shown (only possible through a
        // stale event) moves the person to where the guard says, as a bookmark would.
        Event::Choose(c) => {
            choose(m, c);
            reguard(m, today)
        }
        Event::Edit(e) => {
            edit(m, e);
            reguard(m, today)
        }
        Event::EditApplicant(id, value) => {
            if let Some(f) = text_field_mut(&mut m.applicant, id) {
                *f = value;
            }
            // The details are typed on their own page; only the printed form depends on them.
            if m.route == Route::Application {
                reguard(m, today)
            } else {
                Vec::new()
            }
        }
        Event::SetAccountType(t) => {
            m.applicant.bank.account_type = t;
            Vec::new()
        }
        Event::SetSavePersonal(on) => {
            m.save_personal = on;
            Vec::new()
        }
        Event::Clear => {
            // Everything starts again (the year too), in the language being used.
            let mut fresh = Model::fresh(today);
            fresh.lang = m.lang;
            let before = std::mem::replace(m, fresh);
            m.undo = Some(Undo::All(Box::new(without_transients(before))));
            m.notice = Some(Notice {
                text: Text::new(
                    "回答を消去しました。この端末には何も残っていません。",
                    "Your answers were deleted. Nothing is left on this device.",
                ),
                action: NoticeAction::Undo,
                place: NoticePlace::Top,
            });
            // In place: the wiped screens are no longer there to go back to, and 「元に戻す」
            // puts them back in the same place.
            vec![Effect::Navigate {
                route: Route::Start,
                replace: true,
            }]
        }
        Event::ClearPersonal => {
            m.undo = Some(Undo::Personal {
                applicant: Box::new(std::mem::take(&mut m.applicant)),
                save_personal: std::mem::replace(&mut m.save_personal, false),
            });
            m.problems.clear();
            m.notice = Some(Notice {
                text: Text::new(
                    "個人情報を消去しました。",
                    "Your personal details were deleted.",
                ),
                action: NoticeAction::Undo,
                place: NoticePlace::Personal,
            });
            Vec::new()
        }
        Event::Undo => {
            let restored = Notice::new(Text::new("元に戻しました。", "Restored."));
            let before = match m.undo.take() {
                None => return Vec::new(),
                Some(Undo::Personal {
                    applicant,
                    save_personal,
                }) => {
                    m.applicant = *applicant;
                    m.save_personal = save_personal;
                    m.notice = Some(Notice {
                        place: NoticePlace::Personal,
                        ..restored
                    });
                    // The details come back as they were: the printed form may need them fixed.
                    return reguard(m, today);
                }
                Some(Undo::All(before)) => before,
            };
            let lang = m.lang;
            let moved = before.route != m.route;
            *m = *before;
            m.lang = lang;
            m.notice = Some(restored);
            if moved {
                vec![Effect::Navigate {
                    route: m.route,
                    replace: true,
                }]
            } else {
                Vec::new()
            }
        }
        Event::DismissNotice => {
            // Closing the offer of 「元に戻す」 declines it: nothing is kept with no button.
            if offers_undo(m) {
                m.undo = None;
            }
            m.notice = None;
            Vec::new()
        }
        Event::OpenFile(name, read) => match opened(&name, read, m.lang, today) {
            // Every answer is replaced at once; the notice offers 「元に戻す」.
            Ok(opened) => {
                let undo = without_transients(m.clone());
                *m = opened;
                m.undo = Some(Undo::All(Box::new(undo)));
                vec![Effect::Navigate {
                    route: m.route,
                    replace: false,
                }]
            }
            Err(why) => {
                m.file_error = Some(why);
                Vec::new()
            }
        },
        Event::FileRefused(why) => {
            m.file_error = Some(why);
            Vec::new()
        }
        Event::Notify(text) => {
            notify(m, text);
            Vec::new()
        }
        // Handled by `update` before the seminar split.
        Event::UrlChanged(_) | Event::SetLang(_) | Event::LeaveSeminar => Vec::new(),
    }
}

/// Keeps the route one its guard accepts after the model changed.
fn reguard(m: &mut Model, today: NaiveDate) -> Vec<Effect> {
    if m.route == Route::Start || guard(m, m.route, today) == m.route {
        return Vec::new();
    }
    let asked = m.route;
    let mut effects = arrive(m, asked, today, false);
    for e in &mut effects {
        let Effect::Navigate { replace, .. } = e;
        *replace = true;
    }
    effects
}

/// A model to keep for 「元に戻す」: without its own notice, undo and problems.
fn without_transients(mut m: Model) -> Model {
    m.notice = None;
    m.undo = None;
    m.problems.clear();
    m.file_error = None;
    m
}

fn choose(m: &mut Model, c: Choice) {
    match c {
        // The typed dates stay while the person flips between choices.
        Choice::Residence(r) => m.answers.residence = r,
        Choice::Stay3Years(a) => m.answers.stay_3_years = a,
        Choice::Crowdworks(a) => m.answers.crowdworks_account = a,
        Choice::Hinode(a) => m.answers.hinode_special_member = a,
        Choice::Housing(h) => m.answers.housing = h,
        // Only a year the form offers and a file may hold (a stale or forged event changes nothing).
        Choice::FiscalYear(fy) if check_fiscal_year(fy).is_err() => return,
        Choice::FiscalYear(fy) => {
            m.fiscal_year = fy;
            // A first month of another year no longer applies: the form shows the whole year.
            if m.drafts
                .quick
                .first_month
                .is_some_and(|mo| mo.fiscal_year() != fy)
            {
                m.drafts.quick.first_month = None;
            }
        }
        Choice::EarnMode(mode) => m.earn_mode = Some(mode),
    }
    m.mark_answered(c.page());
}

fn edit(m: &mut Model, e: Edit) {
    let d = &mut m.drafts;
    match e {
        Edit::MoveDate(v) => d.move_date = v,
        Edit::MovedIn(v) => d.moved_in = v,
        Edit::MemberDate(v) => d.member_date = v,
        Edit::QuickMonthly(v) => d.quick.monthly = v,
        Edit::QuickMonthlyUnknown(on) => d.quick.monthly_unknown = on,
        Edit::QuickSize(v) => d.quick.size = v,
        Edit::QuickSizeUnknown(on) => d.quick.size_unknown = on,
        Edit::QuickKind(kind, on) => {
            match kind {
                WorkKind::Fixed => d.quick.fixed = on,
                WorkKind::Hourly => d.quick.hourly = on,
                WorkKind::Task => d.quick.task = on,
            }
            // The person chose the kinds again: equal shares from now on.
            d.quick.shares = None;
        }
        // Only a month of a year the form can offer (a stale or forged event changes nothing).
        Edit::QuickFirstMonth(Some(mo)) if check_fiscal_year(mo.fiscal_year()).is_err() => {}
        Edit::QuickFirstMonth(month) => d.quick.first_month = month,
        Edit::MonthFees(i, v) => {
            if i < 12 {
                d.months.resize(12, String::new());
                d.months[i] = v;
            }
        }
        // Up to the bounds a file may have (rules::limits): the form never makes a file that the
        // reader refuses.
        Edit::AddContract => {
            d.contracts = d.contracts_shown();
            let payments: usize = d.contracts.iter().map(|c| c.payments.len()).sum();
            if d.contracts.len() < MAX_CONTRACTS && payments < MAX_PAYMENTS {
                d.contracts.push(ContractDraft::default());
            }
        }
        // Row edits work on the contracts as shown (one blank contract before any is added), and
        // are kept only when they changed something: an edit of a row that does not exist (a
        // stale event) leaves nothing behind, not even the blank contract.
        row => {
            let mut shown = d.contracts_shown();
            let cs = &mut shown;
            match row {
                Edit::ContractLabel(ci, v) => {
                    if let Some(c) = cs.get_mut(ci) {
                        c.label = v;
                    }
                }
                Edit::ContractKind(ci, k) => {
                    if let Some(c) = cs.get_mut(ci) {
                        c.kind = k;
                    }
                }
                Edit::PaymentDate(ci, pi, v) => {
                    if let Some(p) = cs.get_mut(ci).and_then(|c| c.payments.get_mut(pi)) {
                        p.date = v;
                    }
                }
                Edit::PaymentAmount(ci, pi, v) => {
                    if let Some(p) = cs.get_mut(ci).and_then(|c| c.payments.get_mut(pi)) {
                        p.amount = v;
                    }
                }
                // The last contract, and a contract's last payment, stay: there is always a row
                // to type in.
                Edit::RemoveContract(ci) if ci < cs.len() && cs.len() > 1 => {
                    cs.remove(ci);
                }
                Edit::AddPayment(ci) => {
                    let payments: usize = cs.iter().map(|c| c.payments.len()).sum();
                    if let Some(c) = cs.get_mut(ci) {
                        if c.payments.len() < MAX_PAYMENTS_PER_CONTRACT && payments < MAX_PAYMENTS {
                            c.payments.push(PaymentDraft::default());
                        }
                    }
                }
                Edit::RemovePayment(ci, pi) => {
                    if let Some(c) = cs.get_mut(ci) {
                        if pi < c.payments.len() && c.payments.len() > 1 {
                            c.payments.remove(pi);
                        }
                    }
                }
                _ => {}
            }
            if shown != d.contracts_shown() {
                d.contracts = shown;
            }
        }
    }
}

/// Continue: check the page; on problems stay (showing them), else take in what the page holds
/// and move on.
fn continue_from(m: &mut Model, today: NaiveDate) -> Vec<Effect> {
    let route = m.route;
    if let Some(page) = route.page() {
        let problems = page_problems(m, page);
        if !problems.is_empty() {
            m.problems = problems;
            return Vec::new();
        }
        take_in(m, page);
        m.mark_answered(page);
        if page == Page::FiscalYear || page == Page::EarnMode {
            m.earn_mode.get_or_insert(EarnMode::Quick);
        }
    }
    if route == Route::Applicant {
        let problems = applicant_problems(&m.applicant, today);
        if !problems.is_empty() {
            m.problems = problems;
            return Vec::new();
        }
    }
    if route == Route::Start || route.is_seminar() {
        return Vec::new();
    }
    let to = next(m, route);
    arrive(m, to, today, false)
}

/// Copies what a page's date fields hold into the answers (the page has been checked): the
/// moving-in date (past or planned) and the membership date (joined or planned).
fn take_in(m: &mut Model, page: Page) {
    let d = &m.drafts;
    let date = |typed: &str| optional_date(typed, "").ok().flatten();
    match page {
        // Only the date the chosen answer asks for is kept: a moving-in date typed before choosing
        // "planning to move" is not a fact about this person.
        Page::Residence => {
            m.answers.moved_in = None;
            match m.answers.residence {
                Residence::PlanningToMove { .. } => {
                    m.answers.residence = Residence::PlanningToMove {
                        when: date(&d.move_date),
                    }
                }
                Residence::LivesInIsumi => m.answers.moved_in = date(&d.moved_in),
                _ => {}
            }
        }
        Page::Hinode => {
            m.answers.member_since = match m.answers.hinode_special_member {
                Answer::Yes | Answer::No => date(&d.member_date),
                Answer::Unknown => None,
            }
        }
        _ => {}
    }
}
