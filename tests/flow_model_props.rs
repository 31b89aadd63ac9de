//! A model-based property test of the flow core: random sequences of events (answers, typing,
//! Continue, back links, any route, any fragment, language, clear and undo, opening files, reloads
//! as save-then-load) drive `update`. It never panics; the route shown is always one its guard
//! accepts and renders from the model; saving then loading gives the same model; and nothing typed
//! is lost except by clearing (or opening a file, or undoing).

use chrono::NaiveDate;
use isumi_check::flow::model::EarnMode;
use isumi_check::flow::navigation::{guard, previous};
use isumi_check::flow::saved::{restore, writes, Area, LOCAL_KEY, SESSION_KEY};
use isumi_check::flow::summary;
use isumi_check::flow::update::{Choice, Edit, WorkKind};
use isumi_check::flow::{update, Event, Model, Page, Route};
use isumi_check::rules::data::rules;
use isumi_check::rules::eligibility::{Answer, HousingAnswer, Residence};
use isumi_check::rules::fees::ContractKind;
use isumi_check::rules::personas::personas;
use isumi_check::rules::scenario::evaluate;
use isumi_check::rules::Lang;
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

/// What the person might type: amounts as phones give them, dates, junk.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("15万".to_string()),
        Just("１５万円".to_string()),
        Just("¥50,000".to_string()),
        Just("2026-05-01".to_string()),
        Just("令和9年4月1日".to_string()),
        Just("-5000".to_string()),
        Just("たくさん".to_string()),
        Just("99999999999999999999".to_string()),
        "[0-9]{1,7}",
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
            Just(HousingAnswer::Undecided)
        ]
        .prop_map(Choice::Housing),
        (2010..2110i32).prop_map(Choice::FiscalYear),
        prop_oneof![
            Just(EarnMode::Quick),
            Just(EarnMode::Detailed),
            Just(EarnMode::Actual),
            Just(EarnMode::Skip)
        ]
        .prop_map(Choice::EarnMode),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    let i = || 0usize..4;
    prop_oneof![
        typed().prop_map(Edit::MoveDate),
        typed().prop_map(Edit::MovedIn),
        typed().prop_map(Edit::MemberDate),
        typed().prop_map(Edit::QuickMonthly),
        typed().prop_map(Edit::QuickSize),
        any::<bool>().prop_map(Edit::QuickMonthlyUnknown),
        any::<bool>().prop_map(Edit::QuickSizeUnknown),
        (
            prop_oneof![
                Just(WorkKind::Fixed),
                Just(WorkKind::Hourly),
                Just(WorkKind::Task)
            ],
            any::<bool>()
        )
            .prop_map(|(k, on)| Edit::QuickKind(k, on)),
        (i(), typed()).prop_map(|(c, v)| Edit::ContractLabel(c, v)),
        (
            i(),
            prop_oneof![Just(ContractKind::Fixed), Just(ContractKind::Hourly)]
        )
            .prop_map(|(c, k)| Edit::ContractKind(c, k)),
        (i(), i(), typed()).prop_map(|(c, p, v)| Edit::PaymentDate(c, p, v)),
        (i(), i(), typed()).prop_map(|(c, p, v)| Edit::PaymentAmount(c, p, v)),
        Just(Edit::AddContract),
        i().prop_map(Edit::RemoveContract),
        i().prop_map(Edit::AddPayment),
        (i(), i()).prop_map(|(c, p)| Edit::RemovePayment(c, p)),
        (0usize..14, typed()).prop_map(|(m, v)| Edit::MonthFees(m, v)),
    ]
}

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

/// One step of the person (and of the browser).
#[derive(Clone, Debug)]
enum Step {
    Event(Event),
    /// The back link of the page shown.
    Back,
    /// The browser reloads the page: save, then load with the address bar's fragment.
    Reload,
    /// 「データを開く」 with a file's text.
    Open(String),
}

fn step() -> impl Strategy<Value = Step> {
    let mut files: Vec<String> = personas()
        .iter()
        .map(|p| p.scenario.to_json().unwrap())
        .collect();
    files.push("{\"format\":".to_string());
    let file = prop::sample::select(files);
    prop_oneof![
        4 => choice().prop_map(|c| Step::Event(Event::Choose(c))),
        6 => edit().prop_map(|e| Step::Event(Event::Edit(e))),
        5 => Just(Step::Event(Event::Continue)),
        1 => Just(Step::Event(Event::Start)),
        2 => Just(Step::Back),
        2 => route().prop_map(|r| Step::Event(Event::Go(r))),
        2 => prop_oneof![
            route().prop_map(|r| r.href()),
            Just("#main".to_string()),
            Just("#seminar".to_string()),
            Just("#seminar/2".to_string()),
            Just("#seminar/compare/1".to_string()),
            ".{0,10}",
        ]
        .prop_map(|f| Step::Event(Event::UrlChanged(f))),
        1 => prop_oneof![Just(Lang::Ja), Just(Lang::En)].prop_map(|l| Step::Event(Event::SetLang(l))),
        1 => Just(Step::Event(Event::Clear)),
        1 => Just(Step::Event(Event::Undo)),
        1 => Just(Step::Event(Event::ClearPersonal)),
        1 => Just(Step::Event(Event::LeaveSeminar)),
        2 => (prop::sample::select(vec!["name", "furigana", "address", "bank.bank_code"]), typed())
            .prop_map(|(f, v)| Step::Event(Event::EditApplicant(f, v))),
        1 => any::<bool>().prop_map(|b| Step::Event(Event::SetSavePersonal(b))),
        1 => file.prop_map(Step::Open),
        2 => Just(Step::Reload),
    ]
}

/// The persisted part of a model: what a reload must give back. (A model with nothing in it keeps
/// nothing at all, so 「回答を消去」 leaves no trace: not even the language chosen on the start page.)
fn persisted(m: &Model) -> impl PartialEq + std::fmt::Debug {
    (
        if m.has_anything() { Some(m.lang) } else { None },
        m.route,
        m.answers,
        m.answered.clone(),
        m.fiscal_year,
        m.earn_mode,
        m.drafts.clone(),
        m.save_personal,
        m.applicant.clone(),
    )
}

fn reload(m: &Model) -> Model {
    let w = writes(m);
    let value = |area, key| {
        w.iter()
            .find(|x| x.area == area && x.key == key)
            .and_then(|x| x.value.clone())
    };
    restore(
        Ok(value(Area::Local, LOCAL_KEY)),
        Ok(None),
        Ok(value(Area::Session, SESSION_KEY)),
        &m.route.href(),
        today(),
    )
    .0
}

/// Every route the model can be on renders from it: what its page needs can be computed.
fn renders(shown: &Model) {
    match shown.route {
        Route::Check => {
            summary::rows(shown);
        }
        Route::Result | Route::Applicant | Route::Application => {
            let _ = evaluate(rules(), &shown.scenario_with_applicant(), today());
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_sessions_keep_the_flow_sound(steps in prop::collection::vec(step(), 1..60)) {
        let mut m = Model::fresh(today());
        // The last text typed into three fields of the person's own model.
        let mut shadow = (String::new(), String::new(), String::new());
        for s in steps {
            let in_seminar = m.seminar.is_some();
            let wiping = matches!(&s, Step::Event(Event::Clear | Event::Undo) | Step::Open(_));
            match s {
                Step::Back => {
                    let back = previous(m.shown(), m.shown().route);
                    update(&mut m, Event::Go(back), today());
                }
                Step::Reload if !in_seminar => {
                    let again = reload(&m);
                    prop_assert_eq!(persisted(&again), persisted(&m), "saving then loading changes nothing");
                    m = again;
                }
                Step::Reload => {}
                Step::Open(text) => {
                    update(&mut m, Event::OpenFile("f.json".into(), text.into_bytes()), today());
                }
                Step::Event(e) => {
                    if !in_seminar {
                        match &e {
                            Event::Edit(Edit::QuickMonthly(v)) => shadow.0 = v.clone(),
                            Event::Edit(Edit::MoveDate(v)) => shadow.1 = v.clone(),
                            Event::EditApplicant("name", v) => shadow.2 = v.clone(),
                            _ => {}
                        }
                    }
                    let personal_wipe = matches!(e, Event::ClearPersonal) && !in_seminar;
                    update(&mut m, e, today());
                    if personal_wipe {
                        shadow.2 = m.applicant.name.clone();
                    }
                }
            }
            if wiping && !in_seminar {
                shadow = (m.drafts.quick.monthly.clone(), m.drafts.move_date.clone(), m.applicant.name.clone());
            }
            // Nothing typed is lost.
            prop_assert_eq!(&m.drafts.quick.monthly, &shadow.0);
            prop_assert_eq!(&m.drafts.move_date, &shadow.1);
            prop_assert_eq!(&m.applicant.name, &shadow.2);
            // The route shown is one its guard accepts, and it renders.
            let shown = m.shown();
            if !shown.route.is_seminar() {
                prop_assert_eq!(guard(shown, shown.route, today()), shown.route);
            }
            renders(shown);
        }
    }
}
