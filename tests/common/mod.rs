//! Shared fixtures of the flow tests (`flow_*.rs`, each with `mod common;`): a fixed today, a
//! person whose answers are known, models answered up to a route by driving `update` as the
//! person would, sample drafts, a valid applicant, scenario files, and a reload.
#![allow(dead_code)]

use chrono::NaiveDate;
use isumi_check::flow::drafts::{ContractDraft, PaymentDraft, QuickDraft};
use isumi_check::flow::model::EarnMode;
use isumi_check::flow::saved::{restore, writes, Area, Write, LOCAL_KEY, SESSION_KEY};
use isumi_check::flow::update::{Choice, Edit};
use isumi_check::flow::{update, Effect, Event, Model, Page, Route};
use isumi_check::rules::applicant::{AccountType, Applicant, BankAccount};
use isumi_check::rules::eligibility::{Answer, Answers, HousingAnswer, Residence};
use isumi_check::rules::fees::ContractKind;
use isumi_check::rules::Lang;

/// Today in every flow test: 2026-11-24, in fiscal year 2026 (April 2026 – March 2027).
pub fn today() -> NaiveDate {
    date(2026, 11, 24)
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
}

/// Applies one event as of [`today`].
pub fn go(m: &mut Model, e: Event) -> Vec<Effect> {
    update(m, e, today())
}

/// A new history entry for `route`.
pub fn pushed(route: Route) -> Effect {
    Effect::Navigate {
        route,
        replace: false,
    }
}

/// `route` in place of the current history entry.
pub fn replaced(route: Route) -> Effect {
    Effect::Navigate {
        route,
        replace: true,
    }
}

pub fn fresh() -> Model {
    Model::fresh(today())
}

/// Who answers the questions, and how.
#[derive(Clone, Copy, Debug)]
pub struct Person {
    pub residence: Residence,
    pub stay: Answer,
    pub crowdworks: Answer,
    pub hinode: Answer,
    pub housing: HousingAnswer,
    pub fiscal_year: i32,
    pub mode: EarnMode,
}

/// An eligible writer: lives in Isumi (moved in 2025-04-01, typed on the residence page), will
/// stay 3 years, has a CrowdWorks account, hinode special member since 2025-04-01, shared house,
/// asks about FY2026 and gives the earnings in `mode`.
pub fn writer(mode: EarnMode) -> Person {
    Person {
        residence: Residence::LivesInIsumi,
        stay: Answer::Yes,
        crowdworks: Answer::Yes,
        hinode: Answer::Yes,
        housing: HousingAnswer::Shared,
        fiscal_year: 2026,
        mode,
    }
}

/// What the writer types on the residence page (moved in) and the hinode page (joined).
pub const MOVED_IN: &str = "2025-04-01";
pub const JOINED: &str = "2025-04-01";

/// Answers the page shown (its choice and its fields) as `p` would, without Continue.
pub fn answer_page(m: &mut Model, p: &Person, page: Page) {
    match page {
        Page::Residence => {
            go(m, Event::Choose(Choice::Residence(p.residence)));
            if p.residence == Residence::LivesInIsumi {
                go(m, Event::Edit(Edit::MovedIn(MOVED_IN.into())));
            }
        }
        Page::Stay3Years => {
            go(m, Event::Choose(Choice::Stay3Years(p.stay)));
        }
        Page::Crowdworks => {
            go(m, Event::Choose(Choice::Crowdworks(p.crowdworks)));
        }
        Page::Hinode => {
            go(m, Event::Choose(Choice::Hinode(p.hinode)));
            if p.hinode == Answer::Yes {
                go(m, Event::Edit(Edit::MemberDate(JOINED.into())));
            }
        }
        Page::Housing => {
            go(m, Event::Choose(Choice::Housing(p.housing)));
        }
        Page::FiscalYear => {
            go(m, Event::Choose(Choice::FiscalYear(p.fiscal_year)));
        }
        Page::EarnMode => {
            go(m, Event::Choose(Choice::EarnMode(p.mode)));
        }
        Page::Quick => {
            go(m, Event::Edit(Edit::QuickMonthly("15万".into())));
            go(m, Event::Edit(Edit::QuickSize("3万".into())));
        }
        Page::Detailed => {
            for e in [
                Edit::ContractLabel(0, "記事".into()),
                Edit::PaymentDate(0, 0, "2026-05-10".into()),
                Edit::PaymentAmount(0, 0, "50000".into()),
                Edit::AddPayment(0),
                Edit::PaymentDate(0, 1, "2026-06-10".into()),
                Edit::PaymentAmount(0, 1, "30000".into()),
            ] {
                go(m, Event::Edit(e));
            }
        }
        Page::Actual => {
            // May 2026 and January 2027.
            go(m, Event::Edit(Edit::MonthFees(1, "3000".into())));
            go(m, Event::Edit(Edit::MonthFees(9, "2000".into())));
        }
    }
}

/// From a fresh model: 「はじめる」, then each page asked is answered as `p` would and continued
/// from, until `stop` is the route shown (a page `stop` is shown, not answered).
pub fn answered_until(p: &Person, stop: Route) -> Model {
    let mut m = fresh();
    go(&mut m, Event::Start);
    while m.route != stop {
        let Route::Ask(page) = m.route else {
            panic!("the walk passed {:?} on its way to {stop:?}", m.route);
        };
        answer_page(&mut m, p, page);
        go(&mut m, Event::Continue);
        assert!(m.problems.is_empty(), "{page:?}: {:?}", m.problems);
    }
    m
}

/// Every page answered as `p` would: on the check page.
pub fn on_check(p: &Person) -> Model {
    answered_until(p, Route::Check)
}

/// The answers the writer ends up with (what the engine is given).
pub fn writer_answers() -> Answers {
    Answers {
        residence: Residence::LivesInIsumi,
        stay_3_years: Answer::Yes,
        crowdworks_account: Answer::Yes,
        hinode_special_member: Answer::Yes,
        housing: HousingAnswer::Shared,
        moved_in: Some(date(2025, 4, 1)),
        member_since: Some(date(2025, 4, 1)),
    }
}

/// A quick-estimate form as typed.
pub fn sample_quick() -> QuickDraft {
    QuickDraft {
        monthly: "１５万円".into(),
        size: "3万".into(),
        hourly: true,
        ..QuickDraft::default()
    }
}

/// Two contracts as typed, one with a blank row left over.
pub fn sample_contracts() -> Vec<ContractDraft> {
    vec![
        ContractDraft {
            label: "A社".into(),
            kind: ContractKind::Fixed,
            payments: vec![
                PaymentDraft {
                    date: "2026-05-10".into(),
                    amount: "5万".into(),
                },
                PaymentDraft::default(),
            ],
        },
        ContractDraft {
            label: String::new(),
            kind: ContractKind::Hourly,
            payments: vec![PaymentDraft {
                date: "令和8年6月1日".into(),
                amount: "¥12,000".into(),
            }],
        },
    ]
}

/// Details that pass every check of the application form as of [`today`].
pub fn valid_applicant() -> Applicant {
    Applicant {
        name: "いすみ 太郎".into(),
        furigana: "イスミ　タロウ".into(),
        birth_date: "1990-04-01".into(),
        address: "千葉県いすみ市大原0000".into(),
        phone: "0470-00-0000".into(),
        email: "taro@example.jp".into(),
        crowdworks_user: "isumi_taro".into(),
        hinode_member_no: "H-0001".into(),
        housing_moved_in: "2025-04-01".into(),
        requested_amount: String::new(),
        bank: BankAccount {
            bank_name: "千葉銀行".into(),
            bank_code: "0134".into(),
            branch_name: "大原支店".into(),
            branch_code: "001".into(),
            account_type: AccountType::Futsu,
            account_number: "1234567".into(),
            holder_kana: "イスミ　タロウ".into(),
        },
    }
}

/// A scenario file: an eligible person in a shared house, FY2025, who paid ¥12,000 of fees in
/// May 2025 and ¥8,000 in January 2026 (written in Japanese).
pub const ACTUAL_FY2025_FILE: &str = r#"{"format":"isumi-check","format_version":2,"lang":"ja","fiscal_year":2025,
"answers":{"residence":"lives_in_isumi","stay_3_years":"yes","crowdworks_account":"yes","hinode_special_member":"yes","housing":"shared"},
"estimate":{"mode":"actual","months":[{"month":"2025-05","fees":12000},{"month":"2026-01","fees":8000}]}}"#;

/// The value written for `key` in `area`, if one is set.
pub fn stored(w: &[Write], area: Area, key: &str) -> Option<String> {
    w.iter()
        .find(|x| x.area == area && x.key == key)
        .and_then(|x| x.value.clone())
}

/// The browser reloads the page: what `writes` asked to keep, read back by `restore` with the
/// address bar's fragment.
pub fn reload_at(m: &Model, fragment: &str) -> (Model, Vec<Effect>) {
    let w = writes(m);
    restore(
        Ok(stored(&w, Area::Local, LOCAL_KEY)),
        Ok(None),
        Ok(stored(&w, Area::Session, SESSION_KEY)),
        fragment,
        today(),
    )
}

/// [`reload_at`] the model's own route.
pub fn reload(m: &Model) -> Model {
    reload_at(m, &m.route.href()).0
}

/// What a model keeps across a reload.
#[derive(Clone, Debug, PartialEq)]
pub struct Persisted {
    pub lang: Lang,
    pub route: Route,
    pub answers: Answers,
    pub answered: Vec<Page>,
    pub fiscal_year: i32,
    pub earn_mode: Option<EarnMode>,
    pub drafts: isumi_check::flow::drafts::Drafts,
    pub save_personal: bool,
    pub applicant: Applicant,
}

pub fn persisted(m: &Model) -> Persisted {
    Persisted {
        lang: m.lang,
        route: m.route,
        answers: m.answers,
        answered: m.answered.clone(),
        fiscal_year: m.fiscal_year,
        earn_mode: m.earn_mode,
        drafts: m.drafts.clone(),
        save_personal: m.save_personal,
        applicant: m.applicant.clone(),
    }
}
