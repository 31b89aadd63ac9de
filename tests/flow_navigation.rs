//! Navigation (`flow::navigation`): the pages asked for the answers so far, where Continue and
//! the back link lead from every route, 「質問 n / of」, and the guards that keep a route from
//! showing before the answers it needs.

mod common;

use common::*;
use isumi_check::flow::model::EarnMode;
use isumi_check::flow::navigation::{
    drafting_refused, guard, guard_reason, guard_text, next, pages, previous, progress,
};
use isumi_check::flow::seminar::SeminarView;
use isumi_check::flow::{Event, Model, Page, Route};
use isumi_check::rules::eligibility::{Answer, Residence};

use Page::*;

/// A model with these answers (nothing else), for the pure functions.
fn with(residence: Residence, mode: Option<EarnMode>) -> Model {
    let mut m = fresh();
    m.answers.residence = residence;
    m.earn_mode = mode;
    m
}

// ---------------------------------------------------------------------------------------------
// Branching
// ---------------------------------------------------------------------------------------------

#[test]
fn until_a_mode_is_chosen_the_quick_form_is_asked() {
    assert_eq!(
        pages(&fresh()),
        [Residence, Stay3Years, Crowdworks, Hinode, Housing, FiscalYear, EarnMode, Quick]
    );
}

#[test]
fn no_stay_3_years_page_for_someone_not_planning_to_move() {
    let m = with(Residence::NotPlanning, Some(EarnMode::Quick));
    assert_eq!(
        pages(&m),
        [Residence, Crowdworks, Hinode, Housing, FiscalYear, EarnMode, Quick]
    );
    for r in [
        Residence::LivesInIsumi,
        Residence::PlanningToMove { when: None },
        Residence::Unknown,
    ] {
        assert!(pages(&with(r, None)).contains(&Stay3Years), "{r:?}");
    }
}

#[test]
fn the_estimate_form_is_the_one_of_the_mode_and_none_for_skip() {
    let last = |mode| {
        *pages(&with(Residence::LivesInIsumi, Some(mode)))
            .last()
            .unwrap()
    };
    assert_eq!(last(EarnMode::Quick), Quick);
    assert_eq!(last(EarnMode::Detailed), Detailed);
    assert_eq!(last(EarnMode::Actual), Actual);
    assert_eq!(last(EarnMode::Skip), EarnMode);
    for mode in [
        EarnMode::Quick,
        EarnMode::Detailed,
        EarnMode::Actual,
        EarnMode::Skip,
    ] {
        let forms = pages(&with(Residence::LivesInIsumi, Some(mode)))
            .into_iter()
            .filter(|p| p.is_estimate_form())
            .count();
        assert_eq!(forms, usize::from(mode != EarnMode::Skip), "{mode:?}");
    }
    // Not planning to move and no estimate: the shortest questionnaire.
    assert_eq!(
        pages(&with(Residence::NotPlanning, Some(EarnMode::Skip))),
        [Residence, Crowdworks, Hinode, Housing, FiscalYear, EarnMode]
    );
}

// ---------------------------------------------------------------------------------------------
// Next and previous
// ---------------------------------------------------------------------------------------------

#[test]
fn continue_leads_through_the_pages_then_check_result_apply_print() {
    let m = with(Residence::LivesInIsumi, Some(EarnMode::Quick));
    for (from, to) in [
        (Route::Start, Route::Ask(Residence)),
        (Route::Ask(Residence), Route::Ask(Stay3Years)),
        (Route::Ask(Stay3Years), Route::Ask(Crowdworks)),
        (Route::Ask(Crowdworks), Route::Ask(Hinode)),
        (Route::Ask(Hinode), Route::Ask(Housing)),
        (Route::Ask(Housing), Route::Ask(FiscalYear)),
        (Route::Ask(FiscalYear), Route::Ask(EarnMode)),
        (Route::Ask(EarnMode), Route::Ask(Quick)),
        (Route::Ask(Quick), Route::Check),
        (Route::Check, Route::Result),
        (Route::Result, Route::Applicant),
        (Route::Applicant, Route::Application),
        (Route::Application, Route::Application),
        (
            Route::Seminar(SeminarView::Home),
            Route::Seminar(SeminarView::Home),
        ),
    ] {
        assert_eq!(next(&m, from), to, "from {from:?}");
    }
}

#[test]
fn continue_skips_the_pages_not_asked() {
    let m = with(Residence::NotPlanning, Some(EarnMode::Skip));
    assert_eq!(next(&m, Route::Ask(Residence)), Route::Ask(Crowdworks));
    assert_eq!(next(&m, Route::Ask(EarnMode)), Route::Check);
    let m = with(Residence::LivesInIsumi, Some(EarnMode::Actual));
    assert_eq!(next(&m, Route::Ask(EarnMode)), Route::Ask(Actual));
}

#[test]
fn a_change_returns_to_the_check_page_except_the_mode_which_goes_through_its_form() {
    for mode in [
        EarnMode::Quick,
        EarnMode::Detailed,
        EarnMode::Actual,
        EarnMode::Skip,
    ] {
        let m = with(Residence::LivesInIsumi, Some(mode));
        for p in [Residence, Stay3Years, Hinode, Housing, FiscalYear] {
            assert_eq!(next(&m, Route::Change(p)), Route::Check, "{p:?}");
        }
        let expected = match mode {
            EarnMode::Quick => Route::Change(Quick),
            EarnMode::Detailed => Route::Change(Detailed),
            EarnMode::Actual => Route::Change(Actual),
            EarnMode::Skip => Route::Check,
        };
        assert_eq!(next(&m, Route::Change(EarnMode)), expected, "{mode:?}");
        if let Some(form) = mode.form() {
            assert_eq!(next(&m, Route::Change(form)), Route::Check);
        }
    }
}

#[test]
fn back_links_from_every_route() {
    let m = with(Residence::LivesInIsumi, Some(EarnMode::Quick));
    for (from, to) in [
        (Route::Start, Route::Start),
        (Route::Ask(Residence), Route::Start),
        (Route::Ask(Stay3Years), Route::Ask(Residence)),
        (Route::Ask(Crowdworks), Route::Ask(Stay3Years)),
        (Route::Ask(Housing), Route::Ask(Hinode)),
        (Route::Ask(EarnMode), Route::Ask(FiscalYear)),
        (Route::Ask(Quick), Route::Ask(EarnMode)),
        (Route::Check, Route::Ask(Quick)),
        (Route::Change(Housing), Route::Check),
        (Route::Change(EarnMode), Route::Check),
        // A form reached by changing the mode: back to the mode, still changing.
        (Route::Change(Quick), Route::Change(EarnMode)),
        (Route::Change(Actual), Route::Change(EarnMode)),
        (Route::Result, Route::Check),
        (Route::Applicant, Route::Result),
        (Route::Application, Route::Applicant),
        (
            Route::Seminar(SeminarView::Persona(1)),
            Route::Seminar(SeminarView::Persona(1)),
        ),
    ] {
        assert_eq!(previous(&m, from), to, "from {from:?}");
    }
}

#[test]
fn back_links_skip_the_pages_not_asked() {
    let m = with(Residence::NotPlanning, Some(EarnMode::Skip));
    assert_eq!(previous(&m, Route::Ask(Crowdworks)), Route::Ask(Residence));
    assert_eq!(previous(&m, Route::Check), Route::Ask(EarnMode));
    let m = with(Residence::Unknown, Some(EarnMode::Detailed));
    assert_eq!(previous(&m, Route::Check), Route::Ask(Detailed));
}

#[test]
fn back_then_continue_comes_back_to_the_same_page() {
    for residence in [Residence::LivesInIsumi, Residence::NotPlanning] {
        for mode in [EarnMode::Quick, EarnMode::Actual, EarnMode::Skip] {
            let m = with(residence, Some(mode));
            let ps = pages(&m);
            for p in &ps[1..] {
                let back = previous(&m, Route::Ask(*p));
                assert_eq!(next(&m, back), Route::Ask(*p), "{p:?}");
            }
            assert_eq!(next(&m, previous(&m, Route::Check)), Route::Check);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Progress
// ---------------------------------------------------------------------------------------------

#[test]
fn progress_counts_the_pages_asked() {
    let m = with(Residence::LivesInIsumi, Some(EarnMode::Quick));
    assert_eq!(progress(&m, Route::Ask(Residence)), Some((1, 8)));
    assert_eq!(progress(&m, Route::Ask(Housing)), Some((5, 8)));
    assert_eq!(progress(&m, Route::Ask(Quick)), Some((8, 8)));
    // A change page says where the question sits too.
    assert_eq!(progress(&m, Route::Change(Housing)), Some((5, 8)));

    let m = with(Residence::NotPlanning, Some(EarnMode::Skip));
    assert_eq!(progress(&m, Route::Ask(Crowdworks)), Some((2, 6)));
    assert_eq!(progress(&m, Route::Ask(EarnMode)), Some((6, 6)));
    assert_eq!(progress(&m, Route::Ask(Stay3Years)), None, "not asked");
}

#[test]
fn progress_is_only_for_question_pages() {
    let m = with(Residence::LivesInIsumi, Some(EarnMode::Quick));
    for r in [
        Route::Start,
        Route::Check,
        Route::Result,
        Route::Applicant,
        Route::Application,
        Route::Seminar(SeminarView::Home),
        Route::Ask(Detailed),
    ] {
        assert_eq!(progress(&m, r), None, "{r:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Guards
// ---------------------------------------------------------------------------------------------

#[test]
fn with_nothing_answered_every_later_screen_leads_to_the_first_question() {
    let m = fresh();
    for r in [
        Route::Check,
        Route::Result,
        Route::Applicant,
        Route::Application,
        Route::Ask(Housing),
        Route::Change(Quick),
    ] {
        assert_eq!(guard(&m, r, today()), Route::Ask(Residence), "{r:?}");
    }
    for r in [
        Route::Start,
        Route::Ask(Residence),
        Route::Seminar(SeminarView::Home),
        Route::Seminar(SeminarView::Compare(0)),
    ] {
        assert_eq!(guard(&m, r, today()), r, "{r:?}");
    }
}

#[test]
fn a_bookmarked_result_opens_the_first_unanswered_page() {
    let m = answered_until(&writer(EarnMode::Quick), Route::Ask(FiscalYear));
    assert_eq!(guard(&m, Route::Result, today()), Route::Ask(FiscalYear));
    assert_eq!(
        guard(&m, Route::Ask(EarnMode), today()),
        Route::Ask(FiscalYear)
    );
    // The pages already answered can be seen again, and the next one asked.
    assert_eq!(guard(&m, Route::Ask(Hinode), today()), Route::Ask(Hinode));
    assert_eq!(
        guard(&m, Route::Change(Housing), today()),
        Route::Change(Housing)
    );
    assert_eq!(
        guard(&m, Route::Ask(FiscalYear), today()),
        Route::Ask(FiscalYear)
    );
}

#[test]
fn a_bookmarked_result_through_the_address_bar() {
    let mut m = answered_until(&writer(EarnMode::Quick), Route::Ask(Hinode));
    let effects = go(&mut m, Event::UrlChanged("#/result".into()));
    assert_eq!(m.route, Route::Ask(Hinode));
    assert_eq!(
        effects,
        [replaced(Route::Ask(Hinode))],
        "the URL is corrected in place"
    );
    assert_eq!(m.notice.as_ref().map(|n| &n.text), Some(&guard_text()));
    assert!(guard_text().ja.contains("まだ答えていない質問があります"));

    let mut m = fresh();
    go(&mut m, Event::UrlChanged("#/result".into()));
    assert_eq!(m.route, Route::Ask(Residence));
}

#[test]
fn a_form_of_another_earnings_mode_shows_the_one_chosen_instead() {
    let m = on_check(&writer(EarnMode::Quick));
    assert_eq!(guard(&m, Route::Check, today()), Route::Check);
    assert_eq!(guard(&m, Route::Ask(Detailed), today()), Route::Ask(Quick));
    assert_eq!(
        guard(&m, Route::Change(Actual), today()),
        Route::Change(Quick)
    );
    // No estimate: the question where that was chosen.
    let m = on_check(&writer(EarnMode::Skip));
    assert_eq!(
        guard(&m, Route::Ask(Quick), today()),
        Route::Ask(Page::EarnMode)
    );
    assert_eq!(
        guard(&m, Route::Change(Detailed), today()),
        Route::Change(Page::EarnMode)
    );
    // The contracts form not done yet: the quick form leads there.
    let m = answered_until(&writer(EarnMode::Detailed), Route::Ask(Detailed));
    assert_eq!(guard(&m, Route::Ask(Quick), today()), Route::Ask(Detailed));
    assert_eq!(guard(&m, Route::Result, today()), Route::Ask(Detailed));
    // A question before it not answered yet: that question, and the notice says so.
    let m = answered_until(&writer(EarnMode::Quick), Route::Ask(Hinode));
    assert_eq!(guard(&m, Route::Ask(Detailed), today()), Route::Ask(Hinode));
    assert_eq!(
        guard_reason(&m, Route::Ask(Detailed), Route::Ask(Hinode), today()),
        guard_text()
    );
}

#[test]
fn a_link_to_the_contracts_form_in_quick_mode_shows_the_quick_form_and_says_why() {
    // Before: the check page, saying 「まだ答えていない質問があります」 with every question answered.
    let mut m = on_check(&writer(EarnMode::Quick));
    let effects = go(&mut m, Event::UrlChanged("#/earnings/contracts".into()));
    assert_eq!(m.route, Route::Ask(Quick));
    assert_eq!(effects, [replaced(Route::Ask(Quick))]);
    let why = m.notice.as_ref().map(|n| n.text.clone()).expect("a notice");
    assert_ne!(why, guard_text(), "every question is answered");
    assert!(why.ja.contains("「おおまかに」を選んでいる"), "{}", why.ja);
    assert!(why.en.contains("“Roughly”"), "{}", why.en);

    // No estimate: the earnings question, where that can be changed.
    let mut m = on_check(&writer(EarnMode::Skip));
    let effects = go(&mut m, Event::UrlChanged("#/change/earnings/fees".into()));
    assert_eq!(m.route, Route::Change(Page::EarnMode));
    assert_eq!(effects, [replaced(Route::Change(Page::EarnMode))]);
    let why = m.notice.as_ref().map(|n| n.text.clone()).expect("a notice");
    assert!(why.ja.contains("「試算しない」を選んでいる"), "{}", why.ja);
    assert!(why.en.contains("You can change that here"), "{}", why.en);
}

#[test]
fn a_question_that_does_not_apply_says_so_not_that_one_is_unanswered() {
    let p = common::Person {
        residence: Residence::NotPlanning,
        ..writer(EarnMode::Quick)
    };
    let mut m = on_check(&p);
    go(&mut m, Event::Go(Route::Check));
    go(&mut m, Event::UrlChanged("#/stay-3-years".into()));
    assert_eq!(m.route, Route::Check);
    let why = m.notice.as_ref().map(|n| n.text.clone()).expect("a notice");
    assert_ne!(why, guard_text());
    assert!(why.ja.contains("その質問は、今の回答では必要ありません"));
    assert!(why.en.contains("does not apply"));
}

#[test]
fn a_page_answered_with_a_problem_counts_as_unanswered() {
    let mut m = on_check(&writer(EarnMode::Quick));
    m.drafts.moved_in = "いつか".into();
    assert_eq!(guard(&m, Route::Result, today()), Route::Ask(Residence));
    assert_eq!(
        guard(&m, Route::Ask(Housing), today()),
        Route::Ask(Residence)
    );
    let mut m = on_check(&writer(EarnMode::Quick));
    m.drafts.quick.monthly = "たくさん".into();
    assert_eq!(guard(&m, Route::Check, today()), Route::Ask(Quick));
    assert_eq!(guard(&m, Route::Ask(Quick), today()), Route::Ask(Quick));
}

#[test]
fn the_application_needs_details_without_errors() {
    let mut m = on_check(&writer(EarnMode::Quick));
    assert_eq!(
        drafting_refused(&m, today()),
        None,
        "an eligible writer with fees in FY2026 can draft one"
    );
    m.applicant = valid_applicant();
    assert_eq!(guard(&m, Route::Application, today()), Route::Application);
    m.applicant.phone = "12345".into();
    assert_eq!(guard(&m, Route::Application, today()), Route::Applicant);
    assert_eq!(guard(&m, Route::Applicant, today()), Route::Applicant);
    // Empty details are fine: the form can be filled in by hand.
    m.applicant = Default::default();
    assert_eq!(guard(&m, Route::Application, today()), Route::Application);
}

#[test]
fn no_application_for_someone_not_eligible_and_the_result_says_why() {
    let p = common::Person {
        stay: Answer::No,
        ..writer(EarnMode::Quick)
    };
    let m = on_check(&p);
    assert_eq!(guard(&m, Route::Result, today()), Route::Result);
    for r in [Route::Applicant, Route::Application] {
        assert_eq!(guard(&m, r, today()), Route::Result, "{r:?}");
        let why = guard_reason(&m, r, Route::Result, today());
        assert!(why.ja.contains("申請書は作れません"), "{}", why.ja);
    }
}

#[test]
fn a_bookmarked_print_page_with_errors_in_the_details_says_which() {
    let mut m = on_check(&writer(EarnMode::Quick));
    m.applicant = valid_applicant();
    m.applicant.phone = "12345".into();
    let effects = go(&mut m, Event::UrlChanged("#/apply/print".into()));
    assert_eq!(m.route, Route::Applicant);
    assert_eq!(effects, [replaced(Route::Applicant)]);
    // The person is sent to fix their details: they must not be told that questions are
    // unanswered (all are), and the field to fix is marked.
    let notice = m.notice.as_ref().map(|n| n.text.clone());
    assert_ne!(notice, Some(guard_text()), "questions are all answered");
    let marked = m.problems.iter().any(|p| p.field == "applicant-phone");
    let named = notice.is_some_and(|t| t.ja.contains("電話番号"));
    assert!(
        marked || named,
        "the phone number is pointed out: {:?}",
        m.problems
    );
}
