//! `update` (`flow::update`), event by event, with what the person sees after each: the route,
//! the answers taken in, the problems, the notice, and the address-bar effects.

mod common;

use common::*;
use isumi_check::flow::drafts::{ContractDraft, Drafts, PaymentDraft};
use isumi_check::flow::file::read_file;
use isumi_check::flow::model::{EarnMode, NoticeAction, NoticePlace};
use isumi_check::flow::navigation::{guard, previous, progress};
use isumi_check::flow::saved::{writes, Area, LOCAL_KEY, SESSION_KEY};
use isumi_check::flow::seminar::SeminarView;
use isumi_check::flow::summary::rows;
use isumi_check::flow::update::{Choice, Edit, WorkKind};
use isumi_check::flow::{Effect, Event, Model, Page, Route};
use isumi_check::rules::applicant::AccountType;
use isumi_check::rules::calendar::YearMonth;
use isumi_check::rules::data::rules;
use isumi_check::rules::eligibility::{Answer, HousingAnswer, Residence};
use isumi_check::rules::fees::ContractKind;
use isumi_check::rules::personas::personas;
use isumi_check::rules::scenario::{evaluate, EstimateInput};
use isumi_check::rules::{Lang, Text};

fn back(m: &mut Model) -> Vec<Effect> {
    let to = previous(m, m.route);
    go(m, Event::Go(to))
}

fn fields(m: &Model) -> Vec<&str> {
    m.problems.iter().map(|p| p.field.as_str()).collect()
}

fn notice_text(m: &Model) -> Option<&Text> {
    m.notice.as_ref().map(|n| &n.text)
}

// ---------------------------------------------------------------------------------------------
// Start, Choose, Continue
// ---------------------------------------------------------------------------------------------

#[test]
fn start_opens_the_first_question() {
    let mut m = fresh();
    assert_eq!(
        go(&mut m, Event::Start),
        [pushed(Route::Ask(Page::Residence))]
    );
    assert_eq!(m.route, Route::Ask(Page::Residence));
    assert_eq!(progress(&m, m.route), Some((1, 8)));
}

#[test]
fn continue_on_the_start_page_goes_nowhere() {
    let mut m = fresh();
    assert!(go(&mut m, Event::Continue).is_empty());
    assert_eq!(m, fresh());
}

#[test]
fn choosing_and_continuing_walks_every_page_and_takes_in_each_answer() {
    let p = writer(EarnMode::Quick);
    let mut m = fresh();
    go(&mut m, Event::Start);
    let walk = [
        (Page::Residence, Route::Ask(Page::Stay3Years)),
        (Page::Stay3Years, Route::Ask(Page::Crowdworks)),
        (Page::Crowdworks, Route::Ask(Page::Hinode)),
        (Page::Hinode, Route::Ask(Page::Housing)),
        (Page::Housing, Route::Ask(Page::FiscalYear)),
        (Page::FiscalYear, Route::Ask(Page::EarnMode)),
        (Page::EarnMode, Route::Ask(Page::Quick)),
        (Page::Quick, Route::Check),
    ];
    for (i, (page, to)) in walk.into_iter().enumerate() {
        assert_eq!(m.route, Route::Ask(page));
        assert_eq!(progress(&m, m.route), Some((i + 1, 8)));
        answer_page(&mut m, &p, page);
        assert_eq!(go(&mut m, Event::Continue), [pushed(to)], "{page:?}");
        assert_eq!(m.route, to);
        assert!(m.problems.is_empty());
        assert!(m.notice.is_none(), "{:?}", m.notice);
    }
    assert_eq!(m.answers, writer_answers(), "dates typed are taken in");
    assert_eq!(m.answered, Page::ALL[..8]);
    assert_eq!((m.fiscal_year, m.earn_mode), (2026, Some(EarnMode::Quick)));
    let Some(EstimateInput::Quick(q)) = m.scenario().estimate else {
        panic!("a quick estimate");
    };
    // 「15万」 a month in contracts of 「3万」.
    assert_eq!(
        (q.monthly_earnings, q.contract_size),
        (Some(150_000), Some(30_000))
    );
    assert_eq!(go(&mut m, Event::Continue), [pushed(Route::Result)]);
    assert_eq!(go(&mut m, Event::Continue), [pushed(Route::Applicant)]);
    assert_eq!(
        go(&mut m, Event::Continue),
        [pushed(Route::Application)],
        "empty details are fine"
    );
}

#[test]
fn someone_not_planning_to_move_is_not_asked_about_3_years() {
    let p = Person {
        residence: Residence::NotPlanning,
        ..writer(EarnMode::Skip)
    };
    let mut m = answered_until(&p, Route::Ask(Page::Residence));
    answer_page(&mut m, &p, Page::Residence);
    assert_eq!(
        go(&mut m, Event::Continue),
        [pushed(Route::Ask(Page::Crowdworks))]
    );
    // Seven pages while the quick form is still the one asked; six once no estimate is chosen.
    assert_eq!(progress(&m, m.route), Some((2, 7)));
    let mut m = answered_until(&p, Route::Ask(Page::EarnMode));
    answer_page(&mut m, &p, Page::EarnMode);
    assert_eq!(progress(&m, m.route), Some((6, 6)));
    assert_eq!(
        go(&mut m, Event::Continue),
        [pushed(Route::Check)],
        "no form when skipping"
    );
    assert_eq!(m.scenario().estimate, None);
}

#[test]
fn continuing_without_a_choice_asks_to_select_one() {
    let p = writer(EarnMode::Quick);
    for (page, field) in [
        (Page::Residence, "residence-lives_in_isumi"),
        (Page::Stay3Years, "stay_3_years-yes"),
        (Page::Crowdworks, "crowdworks-yes"),
        (Page::Hinode, "hinode-yes"),
        (Page::Housing, "housing-shared"),
        (Page::EarnMode, "earn_mode-quick"),
    ] {
        let mut m = answered_until(&p, Route::Ask(page));
        assert!(go(&mut m, Event::Continue).is_empty(), "{page:?}");
        assert_eq!(m.route, Route::Ask(page));
        assert_eq!(fields(&m), [field]);
        assert_eq!(m.problems[0].message.ja, "いずれか1つを選んでください。");
        assert_eq!(m.problems[0].message.en, "Select one option.");
        assert!(!m.is_answered(page));
        // Choosing one and continuing moves on.
        answer_page(&mut m, &p, page);
        assert_eq!(go(&mut m, Event::Continue).len(), 1);
        assert!(m.problems.is_empty());
    }
}

#[test]
fn i_dont_know_is_an_answer() {
    let p = Person {
        stay: Answer::Unknown,
        crowdworks: Answer::Unknown,
        hinode: Answer::Unknown,
        housing: HousingAnswer::Undecided,
        residence: Residence::Unknown,
        ..writer(EarnMode::Skip)
    };
    let m = on_check(&p);
    assert_eq!(m.route, Route::Check);
    assert_eq!(m.answers, Default::default());
}

#[test]
fn the_year_page_starts_on_the_year_of_today_when_it_can_be_claimed() {
    let p = writer(EarnMode::Quick);
    let mut m = answered_until(&p, Route::Ask(Page::FiscalYear));
    assert_eq!(m.fiscal_year, 2026);
    // Continuing with the year shown is an answer.
    assert_eq!(
        go(&mut m, Event::Continue),
        [pushed(Route::Ask(Page::EarnMode))]
    );
    assert!(m.is_answered(Page::FiscalYear));
    assert_eq!(m.fiscal_year, 2026);
    // The mode page still needs its choice.
    go(&mut m, Event::Continue);
    assert_eq!(fields(&m), ["earn_mode-quick"]);
}

/// A writer planning to move on `date` (as typed), through the questions to the fiscal-year page.
fn on_the_year_page_moving_on(date: &str) -> Model {
    let p = Person {
        residence: Residence::PlanningToMove { when: None },
        ..writer(EarnMode::Quick)
    };
    let mut m = answered_until(&p, Route::Ask(Page::Residence));
    go(&mut m, Event::Choose(Choice::Residence(p.residence)));
    go(&mut m, Event::Edit(Edit::MoveDate(date.into())));
    go(&mut m, Event::Continue);
    for page in [
        Page::Stay3Years,
        Page::Crowdworks,
        Page::Hinode,
        Page::Housing,
    ] {
        answer_page(&mut m, &p, page);
        go(&mut m, Event::Continue);
    }
    assert_eq!(m.route, Route::Ask(Page::FiscalYear));
    m
}

#[test]
fn the_year_page_starts_on_the_first_year_after_a_planned_move() {
    // Moving on 2027-06-01: fees count from FY2027 (April 2027 – March 2028), not today's FY2026.
    let m = on_the_year_page_moving_on("令和9年6月1日");
    assert_eq!(m.fiscal_year, 2027);
}

#[test]
fn the_year_page_offers_and_starts_on_a_first_year_two_years_ahead() {
    // Moving on 2029-06-01 (today 2026-11-24): FY2029 is two fiscal years after next year's. It is
    // offered, marked first, and the page starts on it; the 3-year outlook's years follow.
    let mut m = on_the_year_page_moving_on("令和11年6月1日");
    assert_eq!(m.fiscal_year, 2029);
    let years = isumi_check::rules::timing::claimable_years(rules(), &m.answers, today());
    let first: Vec<i32> = years
        .iter()
        .filter(|y| y.first)
        .map(|y| y.fiscal_year)
        .collect();
    assert_eq!(first, [2029]);
    assert_eq!(years.last().map(|y| y.fiscal_year), Some(2032));
    // Continuing with it is an answer.
    go(&mut m, Event::Continue);
    assert!(m.is_answered(Page::FiscalYear));
    assert_eq!(m.fiscal_year, 2029);
}

#[test]
fn a_year_the_form_cannot_offer_changes_nothing() {
    let mut m = answered_until(&writer(EarnMode::Quick), Route::Ask(Page::FiscalYear));
    let before = m.clone();
    for fy in [2017, 2100, -1, i32::MAX] {
        go(&mut m, Event::Choose(Choice::FiscalYear(fy)));
        assert_eq!(m, before, "{fy}");
    }
    go(&mut m, Event::Choose(Choice::FiscalYear(2018)));
    assert_eq!(m.fiscal_year, 2018);
}

#[test]
fn another_year_drops_a_first_month_of_the_old_one() {
    let mut m = on_check(&writer(EarnMode::Quick));
    let october = YearMonth::new(2026, 10);
    go(&mut m, Event::Edit(Edit::QuickFirstMonth(october)));
    go(&mut m, Event::Choose(Choice::FiscalYear(2026)));
    assert_eq!(m.drafts.quick.first_month, october, "same year: kept");
    go(&mut m, Event::Choose(Choice::FiscalYear(2025)));
    assert_eq!(m.drafts.quick.first_month, None);
}

// ---------------------------------------------------------------------------------------------
// Bad input
// ---------------------------------------------------------------------------------------------

#[test]
fn bad_input_keeps_what_was_typed_and_names_the_field() {
    let mut m = answered_until(&writer(EarnMode::Quick), Route::Ask(Page::Quick));
    go(&mut m, Event::Edit(Edit::QuickMonthly("たくさん".into())));
    go(&mut m, Event::Edit(Edit::QuickSize("３万".into())));
    assert!(go(&mut m, Event::Continue).is_empty());
    assert_eq!(m.route, Route::Ask(Page::Quick));
    assert_eq!(fields(&m), ["quick-monthly"]);
    assert!(m.problems[0].message.ja.contains("数字で入力"));
    assert_eq!(m.drafts.quick.monthly, "たくさん", "kept as typed");
    assert_eq!(m.drafts.quick.size, "３万");

    // Full-width digits with 万 and 円 are an amount.
    go(&mut m, Event::Edit(Edit::QuickMonthly("１５万円".into())));
    assert_eq!(go(&mut m, Event::Continue), [pushed(Route::Check)]);
    assert!(m.problems.is_empty());
    let Some(EstimateInput::Quick(q)) = m.scenario().estimate else {
        panic!("a quick estimate");
    };
    assert_eq!(
        (q.monthly_earnings, q.contract_size),
        (Some(150_000), Some(30_000))
    );
}

#[test]
fn a_date_that_cannot_be_read_keeps_the_person_on_the_page() {
    let mut m = answered_until(&writer(EarnMode::Quick), Route::Ask(Page::Residence));
    go(
        &mut m,
        Event::Choose(Choice::Residence(Residence::LivesInIsumi)),
    );
    go(&mut m, Event::Edit(Edit::MovedIn("去年の春".into())));
    assert!(go(&mut m, Event::Continue).is_empty());
    assert_eq!(fields(&m), ["moved-in-date"]);
    assert_eq!(m.drafts.moved_in, "去年の春");
    assert_eq!(m.answers.moved_in, None);
    assert!(!m.is_answered(Page::Stay3Years));
    go(&mut m, Event::Edit(Edit::MovedIn("R7.4.1".into())));
    go(&mut m, Event::Continue);
    assert_eq!(m.route, Route::Ask(Page::Stay3Years));
    assert_eq!(m.answers.moved_in, Some(date(2025, 4, 1)));
}

#[test]
fn only_the_date_of_the_answer_chosen_is_taken_in() {
    let mut m = answered_until(&writer(EarnMode::Quick), Route::Ask(Page::Residence));
    go(
        &mut m,
        Event::Choose(Choice::Residence(Residence::LivesInIsumi)),
    );
    go(&mut m, Event::Edit(Edit::MovedIn("2025-04-01".into())));
    go(
        &mut m,
        Event::Choose(Choice::Residence(Residence::PlanningToMove { when: None })),
    );
    go(&mut m, Event::Edit(Edit::MoveDate("令和9年4月1日".into())));
    go(&mut m, Event::Continue);
    assert_eq!(
        m.answers.residence,
        Residence::PlanningToMove {
            when: Some(date(2027, 4, 1))
        }
    );
    assert_eq!(
        m.answers.moved_in, None,
        "not a fact about someone who has not moved"
    );
    assert_eq!(
        m.drafts.moved_in, "2025-04-01",
        "but still as typed, should they switch back"
    );

    // hinode: a date with 「いいえ」 is when they plan to join; none with 「わからない」.
    for (answer, typed, want) in [
        (Answer::No, "2027-01-01", Some(date(2027, 1, 1))),
        (Answer::Unknown, "2027-01-01", None),
        (Answer::Yes, "", None),
    ] {
        let mut m = answered_until(&writer(EarnMode::Quick), Route::Ask(Page::Hinode));
        go(&mut m, Event::Choose(Choice::Hinode(answer)));
        go(&mut m, Event::Edit(Edit::MemberDate(typed.into())));
        go(&mut m, Event::Continue);
        assert_eq!(m.route, Route::Ask(Page::Housing));
        assert_eq!(m.answers.member_since, want, "{answer:?}");
    }
}

#[test]
fn contracts_and_months_problems_name_their_row() {
    let mut m = answered_until(&writer(EarnMode::Detailed), Route::Ask(Page::Detailed));
    assert!(go(&mut m, Event::Continue).is_empty());
    assert_eq!(fields(&m), ["c0-p0-amount"], "at least one payment");
    go(
        &mut m,
        Event::Edit(Edit::PaymentDate(0, 0, "2026-05-01".into())),
    );
    go(&mut m, Event::Continue);
    assert_eq!(fields(&m), ["c0-p0-amount"]);
    assert!(m.problems[0].message.ja.starts_with("契約1 の支払い1: "));
    go(
        &mut m,
        Event::Edit(Edit::PaymentAmount(0, 0, "５万".into())),
    );
    assert_eq!(go(&mut m, Event::Continue), [pushed(Route::Check)]);

    let mut m = answered_until(&writer(EarnMode::Actual), Route::Ask(Page::Actual));
    go(&mut m, Event::Edit(Edit::MonthFees(2, "たくさん".into())));
    go(&mut m, Event::Continue);
    assert_eq!(fields(&m), ["month-2"]);
    assert!(m.problems[0].message.ja.starts_with("2026年6月: "));
    assert_eq!(m.drafts.months[2], "たくさん");
}

// ---------------------------------------------------------------------------------------------
// Changing an answer from the check page
// ---------------------------------------------------------------------------------------------

#[test]
fn a_change_returns_to_the_check_page() {
    let mut m = on_check(&writer(EarnMode::Quick));
    assert_eq!(
        go(&mut m, Event::Go(Route::Change(Page::Housing))),
        [pushed(Route::Change(Page::Housing))]
    );
    assert_eq!(progress(&m, m.route), Some((5, 8)));
    go(
        &mut m,
        Event::Choose(Choice::Housing(HousingAnswer::Individual)),
    );
    assert_eq!(go(&mut m, Event::Continue), [pushed(Route::Check)]);
    assert_eq!(m.answers.housing, HousingAnswer::Individual);
    // The back link of a change page returns too.
    go(&mut m, Event::Go(Route::Change(Page::Crowdworks)));
    assert_eq!(back(&mut m), [pushed(Route::Check)]);
}

#[test]
fn changing_the_mode_goes_through_the_matching_form() {
    let mut m = on_check(&writer(EarnMode::Quick));
    go(&mut m, Event::Go(Route::Change(Page::EarnMode)));
    go(&mut m, Event::Choose(Choice::EarnMode(EarnMode::Detailed)));
    assert_eq!(
        go(&mut m, Event::Continue),
        [pushed(Route::Change(Page::Detailed))]
    );
    go(&mut m, Event::Continue);
    assert_eq!(
        fields(&m),
        ["c0-p0-amount"],
        "the new form must be filled in"
    );
    answer_page(&mut m, &writer(EarnMode::Detailed), Page::Detailed);
    assert_eq!(go(&mut m, Event::Continue), [pushed(Route::Check)]);
    let Some(EstimateInput::Detailed { contracts }) = m.scenario().estimate else {
        panic!("contracts");
    };
    assert_eq!(contracts[0].payments.len(), 2);

    // No estimate: straight back.
    go(&mut m, Event::Go(Route::Change(Page::EarnMode)));
    go(&mut m, Event::Choose(Choice::EarnMode(EarnMode::Skip)));
    assert_eq!(go(&mut m, Event::Continue), [pushed(Route::Check)]);
    assert_eq!(m.scenario().estimate, None);

    // Back from the new form: to the mode, then to the check page, which needs the form first.
    go(&mut m, Event::Go(Route::Change(Page::EarnMode)));
    go(&mut m, Event::Choose(Choice::EarnMode(EarnMode::Actual)));
    go(&mut m, Event::Continue);
    assert_eq!(m.route, Route::Change(Page::Actual));
    assert_eq!(back(&mut m), [pushed(Route::Change(Page::EarnMode))]);
    assert_eq!(back(&mut m), [pushed(Route::Ask(Page::Actual))]);
    assert_eq!(
        m.route,
        Route::Ask(Page::Actual),
        "no check page without the fees"
    );
}

#[test]
fn the_check_page_shows_the_dates_the_result_uses() {
    let mut m = on_check(&writer(EarnMode::Quick));
    go(&mut m, Event::Go(Route::Change(Page::Residence)));
    go(&mut m, Event::Edit(Edit::MovedIn("2024-10-01".into())));
    back(&mut m);
    assert_eq!(m.route, Route::Check);
    let row = &rows(&m)[0].answer.en;
    let shows_new = row.contains("1 Oct 2024");
    let shows_old = row.contains("1 Apr 2025");
    let uses = m.answers.moved_in;
    assert!(
        (shows_new && uses == Some(date(2024, 10, 1)))
            || (shows_old && uses == Some(date(2025, 4, 1))),
        "the check page says {row:?}, the result uses {uses:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Links and the address bar
// ---------------------------------------------------------------------------------------------

#[test]
fn a_back_link_leaves_the_problems_behind() {
    let mut m = answered_until(&writer(EarnMode::Quick), Route::Ask(Page::Housing));
    go(&mut m, Event::Continue);
    assert_eq!(m.problems.len(), 1);
    assert_eq!(back(&mut m), [pushed(Route::Ask(Page::Hinode))]);
    assert!(m.problems.is_empty());
    assert_eq!(m.answers.hinode_special_member, Answer::Yes);
}

#[test]
fn a_link_past_the_answers_is_guarded_in_place() {
    let mut m = answered_until(&writer(EarnMode::Quick), Route::Ask(Page::Hinode));
    assert_eq!(
        go(&mut m, Event::Go(Route::Result)),
        [pushed(Route::Ask(Page::Hinode))]
    );
    assert_eq!(
        notice_text(&m),
        Some(&isumi_check::flow::navigation::guard_text())
    );
}

#[test]
fn a_fragment_that_is_not_a_route_changes_nothing() {
    let mut m = answered_until(&writer(EarnMode::Quick), Route::Ask(Page::Housing));
    go(&mut m, Event::Continue);
    let before = m.clone();
    for f in ["#main", "#/nonsense", "#seminar/99"] {
        assert!(go(&mut m, Event::UrlChanged(f.into())).is_empty());
        assert_eq!(m, before, "{f}: not even the problems shown go away");
    }
}

#[test]
fn a_typed_fragment_moves_without_touching_the_address_bar() {
    let mut m = on_check(&writer(EarnMode::Quick));
    assert!(go(&mut m, Event::UrlChanged("#/housing".into())).is_empty());
    assert_eq!(m.route, Route::Ask(Page::Housing));
    assert!(go(&mut m, Event::UrlChanged("".into())).is_empty());
    assert_eq!(m.route, Route::Start);
    assert!(go(&mut m, Event::UrlChanged("#/result/".into())).is_empty());
    assert_eq!(m.route, Route::Result);
}

#[test]
fn a_stale_answer_that_hides_the_page_shown_moves_the_person_in_place() {
    let mut m = answered_until(&writer(EarnMode::Quick), Route::Ask(Page::Stay3Years));
    let effects = go(
        &mut m,
        Event::Choose(Choice::Residence(Residence::NotPlanning)),
    );
    assert_eq!(effects, [replaced(Route::Ask(Page::Crowdworks))]);
    assert_eq!(guard(&m, m.route, today()), m.route);
}

// ---------------------------------------------------------------------------------------------
// Seminar mode
// ---------------------------------------------------------------------------------------------

#[test]
fn the_seminar_shows_a_persona_and_leaves_the_persons_own_answers_alone() {
    let mut m = on_check(&writer(EarnMode::Quick));
    m.applicant = valid_applicant();
    let own = persisted(&m);

    assert!(go(&mut m, Event::UrlChanged("#seminar/2".into())).is_empty());
    let s = m.seminar.as_ref().expect("seminar mode");
    assert_eq!(s.view, SeminarView::Persona(1));
    assert_eq!(s.demo.route, Route::Result);
    assert_eq!(s.demo.answers, personas()[1].scenario.answers);
    assert_eq!(m.shown().answers, personas()[1].scenario.answers);
    assert_eq!(persisted(&m), own);

    // The demo takes the answers; wiping, opening and keeping do nothing there.
    go(&mut m, Event::Go(Route::Change(Page::Housing)));
    go(
        &mut m,
        Event::Choose(Choice::Housing(HousingAnswer::Undecided)),
    );
    assert_eq!(m.shown().answers.housing, HousingAnswer::Undecided);
    let during = m.clone();
    for e in [
        Event::Clear,
        Event::ClearPersonal,
        Event::Undo,
        Event::SetSavePersonal(true),
        read_file("x.json".into(), ACTUAL_FY2025_FILE.as_bytes()),
    ] {
        assert!(go(&mut m, e.clone()).is_empty());
        assert_eq!(m, during, "{e:?}");
    }
    assert_eq!(persisted(&m), own);

    // Another view: a fresh demo for the comparisons.
    go(&mut m, Event::UrlChanged("#seminar/compare/1".into()));
    assert_eq!(m.seminar.as_ref().unwrap().view, SeminarView::Compare(0));
    assert_eq!(m.shown().route, Route::Start);

    // Leaving: the person's own page again, in place of the seminar's entry.
    assert_eq!(go(&mut m, Event::LeaveSeminar), [replaced(Route::Check)]);
    assert!(m.seminar.is_none());
    assert_eq!(persisted(&m), own);
    assert!(
        go(&mut m, Event::LeaveSeminar).is_empty(),
        "not in seminar mode"
    );
}

#[test]
fn the_language_switch_in_seminar_mode_switches_both() {
    let mut m = on_check(&writer(EarnMode::Quick));
    go(&mut m, Event::UrlChanged("#seminar/1".into()));
    assert_eq!(m.shown().lang, Lang::Ja);
    go(&mut m, Event::SetLang(Lang::En));
    assert_eq!((m.lang, m.shown().lang), (Lang::En, Lang::En));
    // A new view keeps the language.
    go(&mut m, Event::UrlChanged("#seminar/3".into()));
    assert_eq!(m.shown().lang, Lang::En);
    go(&mut m, Event::LeaveSeminar);
    assert_eq!(m.lang, Lang::En);
}

#[test]
fn a_question_route_in_the_address_bar_leaves_the_seminar() {
    let mut m = on_check(&writer(EarnMode::Quick));
    go(&mut m, Event::UrlChanged("#seminar".into()));
    assert!(go(&mut m, Event::UrlChanged("#main".into())).is_empty());
    assert!(m.seminar.is_some(), "#main is not a route");
    assert!(go(&mut m, Event::UrlChanged("#/result".into())).is_empty());
    assert!(m.seminar.is_none());
    assert_eq!(m.route, Route::Result);
}

#[test]
fn a_link_to_the_seminar_never_puts_the_persons_own_page_there() {
    let mut m = on_check(&writer(EarnMode::Quick));
    let own = persisted(&m);
    go(&mut m, Event::Go(Route::Seminar(SeminarView::Persona(1))));
    assert!(!m.route.is_seminar(), "own route: {:?}", m.route);
    // What is kept still reads back.
    let again = reload(&m);
    assert_eq!(again.answers, own.answers);
    assert_eq!(again.drafts, own.drafts);
}

// ---------------------------------------------------------------------------------------------
// Clear, ClearPersonal, Undo
// ---------------------------------------------------------------------------------------------

#[test]
fn clear_wipes_everything_at_once_and_undo_brings_it_all_back() {
    let mut m = on_check(&writer(EarnMode::Quick));
    go(&mut m, Event::SetLang(Lang::En));
    for (id, value) in [("name", "いすみ 太郎"), ("bank.bank_code", "0134")] {
        go(&mut m, Event::EditApplicant(id, value.into()));
    }
    go(&mut m, Event::SetSavePersonal(true));
    let before = persisted(&m);

    assert_eq!(go(&mut m, Event::Clear), [replaced(Route::Start)]);
    assert_eq!(m.route, Route::Start);
    assert_eq!(m.answers, Default::default());
    assert!(m.answered.is_empty());
    assert_eq!(m.drafts, Drafts::default());
    assert_eq!(m.applicant, Default::default());
    assert!(!m.save_personal);
    assert_eq!(m.earn_mode, None);
    assert_eq!(m.fiscal_year, 2026);
    assert_eq!(m.lang, Lang::En, "in the language being used");
    let n = m.notice.as_ref().unwrap();
    assert_eq!(n.action, NoticeAction::Undo);
    assert!(n.text.en.contains("Nothing is left on this device"));
    assert!(
        writes(&m).iter().all(|w| w.value.is_none()),
        "nothing is kept: {:?}",
        writes(&m)
    );

    assert_eq!(go(&mut m, Event::Undo), [replaced(Route::Check)]);
    assert_eq!(persisted(&m), before);
    assert_eq!(m.notice.as_ref().unwrap().text.ja, "元に戻しました。");
    let after = m.clone();
    assert!(go(&mut m, Event::Undo).is_empty(), "one undo");
    assert_eq!(m, after);
}

#[test]
fn clear_personal_wipes_the_details_only_and_undo_brings_them_back() {
    let mut m = on_check(&writer(EarnMode::Quick));
    go(&mut m, Event::Go(Route::Applicant));
    m.applicant = valid_applicant();
    go(&mut m, Event::SetSavePersonal(true));
    go(&mut m, Event::SetAccountType(AccountType::Toza));
    let before = persisted(&m);

    assert!(go(&mut m, Event::ClearPersonal).is_empty());
    assert_eq!(m.applicant, Default::default());
    assert!(!m.save_personal);
    assert_eq!(m.route, Route::Applicant);
    assert_eq!(m.answers, before.answers);
    assert_eq!(m.drafts, before.drafts);
    let n = m.notice.as_ref().unwrap();
    assert_eq!(
        (n.action, n.place),
        (NoticeAction::Undo, NoticePlace::Personal)
    );
    let w = writes(&m);
    assert_eq!(stored(&w, Area::Session, SESSION_KEY), None);
    assert!(!stored(&w, Area::Local, LOCAL_KEY)
        .unwrap()
        .contains("いすみ 太郎"));

    assert!(go(&mut m, Event::Undo).is_empty());
    assert_eq!(persisted(&m), before);
}

#[test]
fn undoing_a_cleared_detail_does_not_undo_the_answers_changed_since() {
    let mut m = on_check(&writer(EarnMode::Quick));
    go(&mut m, Event::Go(Route::Applicant));
    m.applicant = valid_applicant();
    go(&mut m, Event::ClearPersonal);
    go(&mut m, Event::Go(Route::Change(Page::Housing)));
    go(
        &mut m,
        Event::Choose(Choice::Housing(HousingAnswer::Individual)),
    );
    go(&mut m, Event::Continue);
    assert_eq!(m.route, Route::Check);
    go(&mut m, Event::Undo);
    assert_eq!(m.applicant, valid_applicant(), "the details are back");
    assert_eq!(
        m.answers.housing,
        HousingAnswer::Individual,
        "the answer changed since stays"
    );
    assert_eq!(m.route, Route::Check);
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

#[test]
fn opening_a_file_shows_its_result_in_the_persons_language() {
    let mut m = answered_until(&writer(EarnMode::Quick), Route::Ask(Page::Housing));
    go(&mut m, Event::SetLang(Lang::En));
    let before = persisted(&m);
    let effects = go(
        &mut m,
        read_file("my answers.json".into(), ACTUAL_FY2025_FILE.as_bytes()),
    );
    assert_eq!(effects, [pushed(Route::Result)]);
    assert_eq!(m.route, Route::Result);
    assert_eq!(
        m.lang,
        Lang::En,
        "the file says ja; the person reads English"
    );
    assert_eq!(m.fiscal_year, 2025);
    assert_eq!(m.earn_mode, Some(EarnMode::Actual));
    assert_eq!(m.answers.housing, HousingAnswer::Shared);
    // The figures as the fees form shows them: May is the second month, January the tenth.
    let mut months = vec![String::new(); 12];
    months[1] = "12000".into();
    months[9] = "8000".into();
    assert_eq!(m.drafts.months, months);
    assert!(m
        .notice
        .as_ref()
        .unwrap()
        .text
        .en
        .contains("my answers.json"));
    assert_eq!(m.file_error, None);
    assert_eq!(guard(&m, Route::Result, today()), Route::Result);
    // ¥12,000 + ¥8,000 of fees, under the ¥30,000 cap of a shared house.
    let outcome = evaluate(rules(), &m.scenario(), today()).unwrap();
    let subsidy = outcome.subsidy.unwrap();
    assert_eq!((subsidy.low.fees, subsidy.low.subsidy), (20_000, 20_000));
    assert_eq!(subsidy.high.subsidy, 20_000);

    go(&mut m, Event::Undo);
    assert_eq!(persisted(&m), before, "the answers before the file");
}

#[test]
fn opening_a_file_offers_undo_and_undo_puts_the_answers_and_drafts_back() {
    // Before: the notice offered nothing, so every answer was replaced with no way back.
    let mut m = on_check(&writer(EarnMode::Detailed));
    go(&mut m, Event::Edit(Edit::MonthFees(3, "1500".into())));
    let before = persisted(&m);
    go(
        &mut m,
        read_file("x.json".into(), ACTUAL_FY2025_FILE.as_bytes()),
    );
    assert_ne!(m.drafts, before.drafts, "the file's figures are shown");
    let n = m.notice.clone().expect("a notice");
    assert_eq!(
        (n.action, n.place),
        (NoticeAction::Undo, NoticePlace::Top),
        "「元に戻す」 where the person looks"
    );
    assert!(n
        .text
        .ja
        .starts_with("「\u{2068}x.json\u{2069}」を開きました。"));
    assert!(n.text.ja.contains("「元に戻す」"), "{}", n.text.ja);
    assert!(n.text.en.contains("Undo"), "{}", n.text.en);
    // Moving around the file's screens keeps the offer.
    go(&mut m, Event::Go(Route::Check));
    assert_eq!(
        m.notice.as_ref().map(|n| n.action),
        Some(NoticeAction::Undo)
    );

    // The button the notice offers (already on the check page the person was on).
    assert!(go(&mut m, Event::Undo).is_empty());
    assert_eq!(persisted(&m), before);
    assert_eq!(m.drafts, before.drafts);
    assert_eq!(m.answers, before.answers);
    assert_eq!(
        m.drafts.contracts, before.drafts.contracts,
        "the contracts typed"
    );
    assert_eq!(
        m.notice.as_ref().map(|n| n.action),
        Some(NoticeAction::None)
    );
    assert!(m.undo.is_none());
}

#[test]
fn a_redirect_right_after_clearing_keeps_the_offer_to_undo() {
    // Before: the guard's notice replaced the offer, and the undo kept had no button.
    let mut m = on_check(&writer(EarnMode::Quick));
    let before = persisted(&m);
    go(&mut m, Event::Clear);
    // The browser's back button: the check page of the answers just deleted.
    let effects = go(&mut m, Event::UrlChanged("#/check".into()));
    assert_eq!(effects, [replaced(Route::Ask(Page::Residence))]);
    let n = m.notice.clone().expect("a notice");
    assert_eq!((n.action, n.place), (NoticeAction::Undo, NoticePlace::Top));
    let guard_text = isumi_check::flow::navigation::guard_text();
    assert!(
        n.text.ja.starts_with(&guard_text.ja),
        "why first: {}",
        n.text.ja
    );
    assert!(n
        .text
        .ja
        .contains("「元に戻す」で、その前の回答に戻せます。"));
    assert!(n.text.en.starts_with(&guard_text.en));
    assert!(n
        .text
        .en
        .ends_with("Undo brings back your answers from before."));
    // Another redirect says it once, not twice.
    go(&mut m, Event::UrlChanged("#/result".into()));
    assert_eq!(m.notice.as_ref(), Some(&n));

    assert_eq!(go(&mut m, Event::Undo), [replaced(Route::Check)]);
    assert_eq!(persisted(&m), before);
}

#[test]
fn a_redirect_after_clearing_the_details_keeps_the_offer_to_undo_them() {
    let mut m = on_check(&writer(EarnMode::Quick));
    go(&mut m, Event::Go(Route::Applicant));
    m.applicant = valid_applicant();
    go(&mut m, Event::ClearPersonal);
    // An old link to the contracts form: the quick form instead, and the offer comes along.
    go(&mut m, Event::UrlChanged("#/earnings/contracts".into()));
    assert_eq!(m.route, Route::Ask(Page::Quick));
    let n = m.notice.clone().expect("a notice");
    assert_eq!((n.action, n.place), (NoticeAction::Undo, NoticePlace::Top));
    assert!(n.text.ja.contains("「おおまかに」"), "{}", n.text.ja);
    assert!(n
        .text
        .ja
        .ends_with("「元に戻す」で、消去した個人情報を戻せます。"));
    assert!(n
        .text
        .en
        .ends_with("Undo brings back the personal details you deleted."));
    go(&mut m, Event::Undo);
    assert_eq!(m.applicant, valid_applicant());
}

#[test]
fn an_offer_to_undo_is_kept_through_a_storage_warning_and_the_seminar_and_ends_when_closed() {
    let mut m = on_check(&writer(EarnMode::Quick));
    let before = persisted(&m);
    go(&mut m, Event::Clear);
    let warning = isumi_check::flow::saved::unavailable_text();
    go(&mut m, Event::Notify(warning.clone()));
    let n = m.notice.clone().expect("a notice");
    assert_eq!(n.action, NoticeAction::Undo);
    assert!(n.text.ja.starts_with(&warning.ja));
    // A look at the seminar and back: the offer is still there.
    go(&mut m, Event::UrlChanged("#seminar/1".into()));
    go(&mut m, Event::LeaveSeminar);
    assert_eq!(
        m.notice.as_ref().map(|n| n.action),
        Some(NoticeAction::Undo)
    );
    go(&mut m, Event::Undo);
    assert_eq!(persisted(&m), before);

    // Closing the notice declines the offer: nothing is kept with no button.
    go(&mut m, Event::Clear);
    go(&mut m, Event::DismissNotice);
    assert_eq!((m.notice.as_ref(), m.undo.as_ref()), (None, None));
    let cleared = m.clone();
    assert!(go(&mut m, Event::Undo).is_empty());
    assert_eq!(m, cleared);
}

#[test]
fn a_file_that_cannot_be_read_changes_nothing_but_says_why() {
    let mut m = answered_until(&writer(EarnMode::Quick), Route::Ask(Page::Housing));
    let before = m.clone();
    for bytes in [
        b"{\"format\":".to_vec(),
        b"{\"format\":\"other\"}".to_vec(),
        ACTUAL_FY2025_FILE
            .replace("2025-05", "2024-05")
            .into_bytes(),
        vec![0xFF, 0xFE, 0x00],
    ] {
        assert!(go(&mut m, read_file("bad.json".into(), &bytes)).is_empty());
        let why = m.file_error.take().expect("a reason");
        // The name is the sender's text, shown isolated (U+2068 … U+2069).
        assert!(
            why.ja.contains(
                "「\u{2068}bad.json\u{2069}」を開けませんでした。今の回答はそのままです。"
            ),
            "{}",
            why.ja
        );
        assert!(why
            .en
            .contains("could not be opened. Your current answers are kept."));
        assert_eq!(m, before);
    }
    // The next move puts the message away.
    go(
        &mut m,
        Event::FileRefused(Text::new("大きすぎます", "Too big")),
    );
    assert!(m.file_error.is_some());
    back(&mut m);
    assert_eq!(m.file_error, None);
}

// ---------------------------------------------------------------------------------------------
// Fine-grained edits
// ---------------------------------------------------------------------------------------------

#[test]
fn contracts_and_payments_are_added_and_removed_row_by_row() {
    let mut m = answered_until(&writer(EarnMode::Detailed), Route::Ask(Page::Detailed));
    assert!(m.drafts.contracts.is_empty(), "one blank contract is shown");
    go(&mut m, Event::Edit(Edit::AddContract));
    assert_eq!(m.drafts.contracts, vec![ContractDraft::default(); 2]);
    go(
        &mut m,
        Event::Edit(Edit::ContractKind(1, ContractKind::Task)),
    );
    go(&mut m, Event::Edit(Edit::AddPayment(1)));
    go(
        &mut m,
        Event::Edit(Edit::PaymentAmount(1, 1, "5000".into())),
    );
    go(
        &mut m,
        Event::Edit(Edit::PaymentDate(1, 1, "2026-07-01".into())),
    );
    assert_eq!(
        m.drafts.contracts[0],
        ContractDraft::default(),
        "only that row changed"
    );
    assert_eq!(
        m.drafts.contracts[1].payments,
        [
            PaymentDraft::default(),
            PaymentDraft {
                date: "2026-07-01".into(),
                amount: "5000".into()
            }
        ]
    );
    go(&mut m, Event::Edit(Edit::RemovePayment(1, 0)));
    assert_eq!(m.drafts.contracts[1].payments[0].amount, "5000");
    go(&mut m, Event::Edit(Edit::RemoveContract(0)));
    assert_eq!(m.drafts.contracts.len(), 1);
    assert_eq!(m.drafts.contracts[0].kind, ContractKind::Task);

    // The last payment of a contract and the last contract stay: there is always a row.
    go(&mut m, Event::Edit(Edit::RemovePayment(0, 0)));
    go(&mut m, Event::Edit(Edit::RemoveContract(0)));
    assert_eq!(m.drafts.contracts.len(), 1);
    assert_eq!(m.drafts.contracts[0].payments.len(), 1);
    assert_eq!(m.drafts.contracts[0].payments[0].amount, "5000");
    assert_eq!(go(&mut m, Event::Continue), [pushed(Route::Check)]);
}

#[test]
fn edits_to_rows_that_do_not_exist_change_nothing() {
    let mut m = answered_until(&writer(EarnMode::Detailed), Route::Ask(Page::Detailed));
    m.drafts.contracts = sample_contracts();
    let before = m.clone();
    for e in [
        Edit::ContractLabel(2, "x".into()),
        Edit::ContractKind(5, ContractKind::Hourly),
        Edit::PaymentDate(0, 2, "2026-05-01".into()),
        Edit::PaymentAmount(2, 0, "1000".into()),
        Edit::AddPayment(2),
        Edit::RemovePayment(1, 1),
        Edit::RemovePayment(3, 0),
        Edit::RemoveContract(2),
        Edit::MonthFees(12, "1000".into()),
    ] {
        assert!(go(&mut m, Event::Edit(e.clone())).is_empty());
        assert_eq!(m, before, "{e:?}");
    }
}

#[test]
fn after_clear_an_edit_of_a_row_no_longer_shown_leaves_nothing_on_the_device() {
    let mut m = on_check(&writer(EarnMode::Detailed));
    go(&mut m, Event::Clear);
    // A late event from the contracts form that was just wiped.
    go(
        &mut m,
        Event::Edit(Edit::PaymentAmount(3, 0, "1000".into())),
    );
    assert!(
        writes(&m).iter().all(|w| w.value.is_none()),
        "kept: {:?}",
        m.drafts.contracts
    );
}

#[test]
fn months_are_kept_twelve_from_april() {
    let mut m = answered_until(&writer(EarnMode::Actual), Route::Ask(Page::Actual));
    go(&mut m, Event::Edit(Edit::MonthFees(11, "3000".into())));
    assert_eq!(m.drafts.months.len(), 12);
    assert_eq!(m.drafts.months[11], "3000");
    assert!(m.drafts.months[..11].iter().all(String::is_empty));
}

#[test]
fn ticking_a_kind_of_work_drops_the_shares_of_a_file() {
    let mut m = on_check(&writer(EarnMode::Quick));
    m.drafts.quick.shares = Some(isumi_check::rules::estimate::WorkMix {
        fixed: 70,
        hourly: 30,
        task: 0,
    });
    m.drafts.quick.hourly = true;
    go(&mut m, Event::Edit(Edit::QuickKind(WorkKind::Task, true)));
    assert_eq!(m.drafts.quick.shares, None);
    assert!(m.drafts.quick.task);
    go(&mut m, Event::Edit(Edit::QuickMonthlyUnknown(true)));
    go(&mut m, Event::Edit(Edit::QuickSizeUnknown(true)));
    let Some(EstimateInput::Quick(q)) = m.scenario().estimate else {
        panic!("quick");
    };
    assert_eq!((q.monthly_earnings, q.contract_size), (None, None));
    assert_eq!((q.mix.fixed, q.mix.hourly, q.mix.task), (34, 33, 33));
}

// ---------------------------------------------------------------------------------------------
// The applicant's details, notices
// ---------------------------------------------------------------------------------------------

#[test]
fn a_detail_broken_on_the_print_page_sends_the_person_back_to_the_details() {
    let mut m = on_check(&writer(EarnMode::Quick));
    m.applicant = valid_applicant();
    go(&mut m, Event::Go(Route::Application));
    assert_eq!(m.route, Route::Application);
    assert_eq!(
        go(&mut m, Event::EditApplicant("phone", "12".into())),
        [replaced(Route::Applicant)]
    );
    assert_eq!(m.applicant.phone, "12");
    // On the details page itself, typing moves nothing.
    assert!(go(&mut m, Event::EditApplicant("email", "x".into())).is_empty());
    assert!(go(&mut m, Event::EditApplicant("no such field", "x".into())).is_empty());
    assert!(go(&mut m, Event::Continue).is_empty());
    assert_eq!(fields(&m), ["applicant-phone", "applicant-email"]);
}

#[test]
fn notices_come_and_go() {
    let mut m = fresh();
    go(
        &mut m,
        Event::Notify(Text::new("保存できません", "Cannot save")),
    );
    assert_eq!(notice_text(&m).unwrap().en, "Cannot save");
    go(&mut m, Event::DismissNotice);
    assert_eq!(m.notice, None);
}
