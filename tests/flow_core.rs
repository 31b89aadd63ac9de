//! The flow core, hand-worked: routes and their fragments, branching, next and previous, progress,
//! guards, the update of each event, and what is kept on the device.

use chrono::NaiveDate;
use isumi_check::flow::drafts::PaymentDraft;
use isumi_check::flow::model::{EarnMode, NoticeAction, NoticePlace};
use isumi_check::flow::navigation::{guard, pages, previous, progress};
use isumi_check::flow::saved::{
    restore, writes, Area, Unavailable, LEGACY_KEYS, LOCAL_KEY, SESSION_KEY,
};
use isumi_check::flow::seminar::SeminarView;
use isumi_check::flow::update::{Choice, Edit};
use isumi_check::flow::{update, Effect, Event, Model, Page, Route};
use isumi_check::rules::eligibility::{Answer, HousingAnswer, Residence};
use isumi_check::rules::Lang;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn go(m: &mut Model, e: Event) -> Vec<Effect> {
    update(m, e, today())
}

fn pushed(route: Route) -> Effect {
    Effect::Navigate {
        route,
        replace: false,
    }
}

/// A model answered as an eligible writer up to (not including) `stop`, on that page.
fn answered_until(stop: Page) -> Model {
    let mut m = Model::fresh(today());
    go(&mut m, Event::Start);
    let steps: [(Page, Option<Choice>); 7] = [
        (
            Page::Residence,
            Some(Choice::Residence(Residence::LivesInIsumi)),
        ),
        (Page::Stay3Years, Some(Choice::Stay3Years(Answer::Yes))),
        (Page::Crowdworks, Some(Choice::Crowdworks(Answer::Yes))),
        (Page::Hinode, Some(Choice::Hinode(Answer::Yes))),
        (Page::Housing, Some(Choice::Housing(HousingAnswer::Shared))),
        (Page::FiscalYear, None),
        (Page::EarnMode, Some(Choice::EarnMode(EarnMode::Quick))),
    ];
    for (page, choice) in steps {
        if page == stop {
            return m;
        }
        assert_eq!(m.route, Route::Ask(page));
        if let Some(c) = choice {
            go(&mut m, Event::Choose(c));
        }
        go(&mut m, Event::Continue);
    }
    m
}

#[test]
fn every_route_round_trips_through_its_fragment() {
    let mut routes = vec![
        Route::Start,
        Route::Check,
        Route::Result,
        Route::Applicant,
        Route::Application,
    ];
    for p in Page::ALL {
        routes.push(Route::Ask(p));
        routes.push(Route::Change(p));
    }
    routes.push(Route::Seminar(SeminarView::Home));
    routes.push(Route::Seminar(SeminarView::Persona(5)));
    routes.push(Route::Seminar(SeminarView::Compare(1)));
    for r in routes {
        assert_eq!(Route::parse(&r.href()), Some(r), "{}", r.href());
    }
    assert_eq!(Route::parse(""), Some(Route::Start));
    assert_eq!(Route::parse("#/"), Some(Route::Start));
    assert_eq!(
        Route::parse("#/check/"),
        Some(Route::Check),
        "a trailing slash is the same page"
    );
    assert_eq!(
        Route::parse("#/earnings/quick"),
        Some(Route::Ask(Page::Quick))
    );
    for not_a_route in [
        "#main",
        "#/nonsense",
        "#/change/nonsense",
        "#seminar/99",
        "main",
    ] {
        assert_eq!(Route::parse(not_a_route), None, "{not_a_route}");
    }
}

#[test]
fn branching_lives_in_one_place() {
    let mut m = Model::fresh(today());
    // Until a mode is chosen, the quick form is the one asked: 8 pages.
    assert_eq!(pages(&m).len(), 8);
    m.answers.residence = Residence::NotPlanning;
    assert!(
        !pages(&m).contains(&Page::Stay3Years),
        "no 3-year question without a move"
    );
    m.earn_mode = Some(EarnMode::Detailed);
    assert_eq!(pages(&m).last(), Some(&Page::Detailed));
    m.earn_mode = Some(EarnMode::Skip);
    assert_eq!(pages(&m).last(), Some(&Page::EarnMode));
    assert_eq!(progress(&m, Route::Ask(Page::Crowdworks)), Some((2, 6)));
}

#[test]
fn continue_walks_the_questions_and_back_links_walk_back() {
    let mut m = answered_until(Page::Quick);
    assert_eq!(m.route, Route::Ask(Page::Quick));
    assert_eq!(progress(&m, m.route), Some((8, 8)));
    assert_eq!(previous(&m, m.route), Route::Ask(Page::EarnMode));
    assert_eq!(previous(&m, Route::Ask(Page::Residence)), Route::Start);
    assert_eq!(previous(&m, Route::Check), Route::Ask(Page::Quick));
    assert_eq!(previous(&m, Route::Change(Page::Housing)), Route::Check);
    go(&mut m, Event::Edit(Edit::QuickMonthly("１５万円".into())));
    go(&mut m, Event::Edit(Edit::QuickSize("1万".into())));
    assert_eq!(go(&mut m, Event::Continue), vec![pushed(Route::Check)]);
    assert_eq!(go(&mut m, Event::Continue), vec![pushed(Route::Result)]);
}

#[test]
fn a_page_without_an_answer_or_with_bad_input_keeps_the_person_there_with_what_was_typed() {
    let mut m = answered_until(Page::Residence);
    assert!(go(&mut m, Event::Continue).is_empty());
    assert_eq!(m.route, Route::Ask(Page::Residence));
    assert_eq!(m.problems[0].field, "residence-lives_in_isumi");
    assert!(m.problems[0].message.ja.contains("選んでください"));
    let mut m = answered_until(Page::Quick);
    go(&mut m, Event::Edit(Edit::QuickMonthly("たくさん".into())));
    go(&mut m, Event::Edit(Edit::QuickSize("-5000".into())));
    go(&mut m, Event::Continue);
    assert_eq!(m.route, Route::Ask(Page::Quick));
    let fields: Vec<&str> = m.problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["quick-monthly", "quick-size"]);
    assert_eq!(m.drafts.quick.monthly, "たくさん", "kept as typed");
}

#[test]
fn a_change_from_the_check_page_returns_there_and_a_new_mode_goes_through_its_form() {
    let mut m = answered_until(Page::Quick);
    go(&mut m, Event::Edit(Edit::QuickMonthly("100000".into())));
    go(&mut m, Event::Edit(Edit::QuickSize("10000".into())));
    go(&mut m, Event::Continue);
    assert_eq!(m.route, Route::Check);
    go(&mut m, Event::Go(Route::Change(Page::Housing)));
    go(
        &mut m,
        Event::Choose(Choice::Housing(HousingAnswer::Individual)),
    );
    assert_eq!(go(&mut m, Event::Continue), vec![pushed(Route::Check)]);
    go(&mut m, Event::Go(Route::Change(Page::EarnMode)));
    go(&mut m, Event::Choose(Choice::EarnMode(EarnMode::Actual)));
    go(&mut m, Event::Continue);
    assert_eq!(
        m.route,
        Route::Change(Page::Actual),
        "the new mode's form must be seen"
    );
    go(&mut m, Event::Edit(Edit::MonthFees(0, "2,200円".into())));
    go(&mut m, Event::Continue);
    assert_eq!(m.route, Route::Check);
}

#[test]
fn guards_send_a_bookmark_to_the_first_question_it_needs() {
    let mut m = Model::fresh(today());
    let effects = go(&mut m, Event::UrlChanged("#/result".into()));
    assert_eq!(m.route, Route::Ask(Page::Residence));
    assert_eq!(
        effects,
        vec![Effect::Navigate {
            route: Route::Ask(Page::Residence),
            replace: true
        }]
    );
    assert!(m
        .notice
        .as_ref()
        .unwrap()
        .text
        .ja
        .contains("まだ答えていない"));
    // The contracts form while in quick mode: the first gap of the quick flow.
    let m = answered_until(Page::Quick);
    assert_eq!(
        guard(&m, Route::Ask(Page::Detailed), today()),
        Route::Ask(Page::Quick)
    );
    // The printed application with an error in the details: the details page.
    let mut m = answered_until(Page::Quick);
    go(&mut m, Event::Edit(Edit::QuickMonthly("100000".into())));
    go(&mut m, Event::Edit(Edit::QuickSize("10000".into())));
    go(&mut m, Event::Continue);
    go(&mut m, Event::EditApplicant("bank.bank_code", "12".into()));
    assert_eq!(guard(&m, Route::Application, today()), Route::Applicant);
}

#[test]
fn a_fragment_that_is_not_a_route_changes_nothing() {
    let mut m = answered_until(Page::Housing);
    let before = m.clone();
    assert!(go(&mut m, Event::UrlChanged("#main".into())).is_empty());
    assert_eq!(m, before);
}

#[test]
fn clear_and_undo_bring_everything_back_where_it_was() {
    let mut m = answered_until(Page::Housing);
    go(&mut m, Event::Edit(Edit::MoveDate("2027-04-01".into())));
    let before = m.clone();
    assert_eq!(
        go(&mut m, Event::Clear),
        vec![Effect::Navigate {
            route: Route::Start,
            replace: true
        }]
    );
    assert!(m.answered.is_empty() && m.drafts.move_date.is_empty());
    assert_eq!(m.notice.as_ref().unwrap().action, NoticeAction::Undo);
    // Nothing is left to write but removals.
    assert!(writes(&m).iter().all(|w| w.value.is_none()));
    go(&mut m, Event::Undo);
    assert_eq!(
        (m.route, &m.answers, &m.drafts),
        (before.route, &before.answers, &before.drafts)
    );
}

#[test]
fn clearing_the_personal_details_is_undoable_and_said_beside_them() {
    let mut m = answered_until(Page::Housing);
    go(&mut m, Event::EditApplicant("name", "いすみ 太郎".into()));
    go(&mut m, Event::SetSavePersonal(true));
    go(&mut m, Event::ClearPersonal);
    assert_eq!(m.applicant.name, "");
    assert!(!m.save_personal);
    assert_eq!(m.notice.as_ref().unwrap().place, NoticePlace::Personal);
    go(&mut m, Event::Undo);
    assert_eq!(m.applicant.name, "いすみ 太郎");
    assert!(m.save_personal);
}

#[test]
fn row_edits_touch_their_row_only_and_never_remove_the_last_row() {
    let mut m = answered_until(Page::EarnMode);
    go(&mut m, Event::Choose(Choice::EarnMode(EarnMode::Detailed)));
    go(&mut m, Event::Continue);
    go(&mut m, Event::Edit(Edit::AddPayment(0)));
    go(
        &mut m,
        Event::Edit(Edit::PaymentAmount(0, 1, "30000".into())),
    );
    go(&mut m, Event::Edit(Edit::PaymentAmount(7, 7, "999".into())));
    go(&mut m, Event::Edit(Edit::RemoveContract(0)));
    let c = &m.drafts.contracts;
    assert_eq!(c.len(), 1, "the last contract stays");
    assert_eq!(
        c[0].payments,
        vec![
            PaymentDraft::default(),
            PaymentDraft {
                date: String::new(),
                amount: "30000".into()
            }
        ]
    );
    go(&mut m, Event::Edit(Edit::RemovePayment(0, 0)));
    go(&mut m, Event::Edit(Edit::RemovePayment(0, 0)));
    assert_eq!(
        m.drafts.contracts[0].payments.len(),
        1,
        "the last payment stays"
    );
}

#[test]
fn seminar_mode_shows_a_demo_over_the_persons_own_model_and_leaves_it_as_it_was() {
    let mut m = answered_until(Page::Housing);
    let own = m.clone();
    go(&mut m, Event::UrlChanged("#seminar/2".into()));
    go(&mut m, Event::SetLang(Lang::En));
    assert_eq!(m.shown().lang, Lang::En);
    go(&mut m, Event::Start);
    assert_eq!(m.shown().route, Route::Ask(Page::Residence));
    assert_eq!(m.route, own.route, "the person's own route is untouched");
    let effects = go(&mut m, Event::LeaveSeminar);
    assert_eq!(
        effects,
        vec![Effect::Navigate {
            route: own.route,
            replace: true
        }]
    );
    assert!(m.seminar.is_none());
    assert_eq!(m.answers, own.answers);
}

#[test]
fn opening_a_file_shows_its_result_and_a_bad_file_changes_nothing() {
    let mut m = answered_until(Page::Housing);
    m.lang = Lang::En;
    let before = m.clone();
    go(
        &mut m,
        Event::OpenFile("x.json".into(), b"{\"format\":\"other\"}".to_vec()),
    );
    assert!(m
        .file_error
        .as_ref()
        .unwrap()
        .en
        .contains("could not be opened"));
    assert_eq!(m.answers, before.answers);
    let file = br#"{"format":"isumi-check","format_version":1,"lang":"ja","fiscal_year":2019,
        "answers":{"residence":"lives_in_isumi","stay_3_years":"yes","crowdworks_account":"yes","hinode_special_member":"yes","housing":"individual"},
        "estimate":{"mode":"detailed","contracts":[{"label":"A","kind":"fixed","payments":[{"date":"2019-06-01","amount":250000}]}]}}"#;
    let effects = go(&mut m, Event::OpenFile("s.json".into(), file.to_vec()));
    assert_eq!(effects, vec![pushed(Route::Result)]);
    assert_eq!(m.lang, Lang::En, "the person's language stays");
    assert_eq!(m.fiscal_year, 2019);
    assert_eq!(m.drafts.contracts[0].payments[0].amount, "250000");
}

#[test]
fn what_is_kept_where() {
    let mut m = answered_until(Page::Housing);
    go(&mut m, Event::EditApplicant("name", "いすみ 太郎".into()));
    let w = writes(&m);
    let local = w
        .iter()
        .find(|w| w.area == Area::Local && w.key == LOCAL_KEY)
        .unwrap();
    assert!(
        !local.value.as_ref().unwrap().contains("いすみ 太郎"),
        "not on the device unless ticked"
    );
    let session = w
        .iter()
        .find(|w| w.area == Area::Session && w.key == SESSION_KEY)
        .unwrap();
    assert!(
        session.value.as_ref().unwrap().contains("いすみ 太郎"),
        "kept for the tab"
    );
    assert!(LEGACY_KEYS
        .iter()
        .all(|k| w.iter().any(|x| x.key == *k && x.value.is_none())));
    go(&mut m, Event::SetSavePersonal(true));
    let w = writes(&m);
    assert!(w
        .iter()
        .any(|w| w.key == LOCAL_KEY && w.value.as_ref().unwrap().contains("いすみ 太郎")));
}

#[test]
fn a_saved_model_comes_back_on_the_url_it_names() {
    let mut m = answered_until(Page::Housing);
    go(&mut m, Event::Edit(Edit::MoveDate("2027-04-01".into())));
    go(&mut m, Event::EditApplicant("name", "いすみ 太郎".into()));
    let w = writes(&m);
    let value = |area, key| {
        w.iter()
            .find(|x| x.area == area && x.key == key)
            .and_then(|x| x.value.clone())
    };
    let local = Ok(value(Area::Local, LOCAL_KEY));
    let session = Ok(value(Area::Session, SESSION_KEY));
    // A reload keeps the fragment: the same page, with everything typed.
    let (back, effects) = restore(
        local.clone(),
        Ok(None),
        session.clone(),
        "#/housing",
        today(),
    );
    assert_eq!(
        (back.route, &back.answers, &back.drafts, &back.applicant),
        (m.route, &m.answers, &m.drafts, &m.applicant)
    );
    assert!(effects.is_empty());
    assert!(back.notice.unwrap().text.ja.contains("復元"));
    // A bare URL: the start page, offering to carry on.
    let (back, _) = restore(local.clone(), Ok(None), session.clone(), "", today());
    assert_eq!(back.route, Route::Start);
    assert_eq!(
        back.notice.unwrap().action,
        NoticeAction::Resume(Route::Ask(Page::Housing))
    );
    // The skip link's fragment: where the person was.
    let (back, _) = restore(local, Ok(None), session, "#main", today());
    assert_eq!(back.route, Route::Ask(Page::Housing));
}

#[test]
fn unusable_storage_and_wrong_shapes_start_fresh_with_a_notice() {
    let (m, _) = restore(
        Err(Unavailable),
        Err(Unavailable),
        Err(Unavailable),
        "",
        today(),
    );
    assert!(m.notice.unwrap().text.ja.contains("保存できません"));
    for bad in [
        "[]",
        r#"{"foo":1}"#,
        r#"{"step":"result"}"#,
        r#"{"step": "result", "answers": 42"#,
    ] {
        for (local, legacy) in [(Some(bad), None), (None, Some(bad))] {
            let (m, _) = restore(
                Ok(local.map(String::from)),
                Ok(legacy.map(String::from)),
                Ok(None),
                "#/result",
                today(),
            );
            assert_eq!(
                m.route,
                Route::Ask(Page::Residence),
                "{bad}: never a result over unknown answers"
            );
            assert!(
                m.notice.unwrap().text.ja.contains("読み込めなかった"),
                "{bad}"
            );
        }
    }
}

#[test]
fn the_first_saved_format_is_migrated() {
    // As the app before routes wrote it (isumi-check/answers/v1).
    let v1 = r#"{"lang":"en","step":"check","answers":{"residence":"lives_in_isumi","stay_3_years":"yes","crowdworks_account":"yes","hinode_special_member":"yes","housing":"shared"},
        "answered":["residence","stay3_years","crowdworks","hinode","housing","fiscal_year","earn_mode","quick"],"fiscal_year":2026,"earn_mode":"quick",
        "drafts":{"move_date":"","quick":{"monthly":"100000","monthly_unknown":false,"size":"10000","size_unknown":false,"fixed":true,"hourly":false,"task":false,"first_month":null},"contracts":[],"months":[]},
        "returning":false,"applicant":{"name":"旧 太郎"},"save_personal":false}"#;
    let (m, _) = restore(Ok(None), Ok(Some(v1.into())), Ok(None), "", today());
    assert_eq!(m.lang, Lang::En);
    assert_eq!(m.drafts.quick.monthly, "100000");
    assert!(m.is_answered(Page::Quick));
    assert_eq!(
        m.applicant.name, "",
        "personal details were not kept unless ticked"
    );
    assert_eq!(m.notice.unwrap().action, NoticeAction::Resume(Route::Check));
}
