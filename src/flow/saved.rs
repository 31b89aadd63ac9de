//! Keeping the model on this device: what is written where ([`writes`]) and how a saved model
//! comes back ([`restore`]). Pure: the shell only carries the strings to and from the browser's
//! storage, so this is tested natively, and a browser that blocks storage still gets a working
//! app with one notice.
//!
//! - `localStorage` keeps the answers and drafts across visits, and the personal details only
//!   when 「この端末に保存する」 is ticked.
//! - `sessionStorage` keeps the personal details for this tab, so a reload loses nothing typed.
//! - Nothing is kept in seminar mode (the shell does not call [`writes`] there).

use super::drafts::Drafts;
use super::model::{EarnMode, Model, Notice, NoticeAction};
use super::navigation::{guard, guard_reason};
use super::page::Page;
use super::route::Route;
use super::update::Effect;
use crate::rules::applicant::Applicant;
use crate::rules::eligibility::Answers;
use crate::rules::limits::check_fiscal_year;
use crate::rules::subsidy::fiscal_year_start;
use crate::rules::{Lang, Text};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The key of the saved model in `localStorage`.
pub const LOCAL_KEY: &str = "isumi-check/answers/v2";
/// The key of the personal details in `sessionStorage`.
pub const SESSION_KEY: &str = "isumi-check/personal/v1";
/// Keys earlier versions wrote in `localStorage`: read once (v1), and removed on every save.
pub const LEGACY_KEYS: [&str; 2] = ["isumi-check/answers/v1", "isumi-check/answers/v0"];

/// Which storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    /// `localStorage`: this device, across visits.
    Local,
    /// `sessionStorage`: this tab only.
    Session,
}

/// One storage operation: set `key` to `value`, or remove it (`None`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Write {
    /// Which storage.
    pub area: Area,
    /// The key.
    pub key: &'static str,
    /// The value, or `None` to remove the key.
    pub value: Option<String>,
}

/// The storage cannot be used at all (blocked site data, a throwing getter, a full quota).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unavailable;

/// What reading one key gave: `Err(Unavailable)` when the storage itself is unavailable,
/// `Ok(None)` when the key is absent.
pub type Read = Result<Option<String>, Unavailable>;

/// The saved shape of the model (version 2).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Saved {
    lang: Lang,
    route: String,
    answers: Answers,
    answered: Vec<Page>,
    fiscal_year: i32,
    earn_mode: Option<EarnMode>,
    drafts: Drafts,
    save_personal: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    applicant: Option<Applicant>,
}

/// The screens of the first saved format (before routes).
#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
enum LegacyStep {
    Start,
    Residence,
    Stay3Years,
    Crowdworks,
    Hinode,
    Housing,
    FiscalYear,
    EarnMode,
    Quick,
    Detailed,
    Actual,
    Check,
    Result,
    Applicant,
    Application,
    Compare,
}

impl LegacyStep {
    fn page(self) -> Option<Page> {
        Some(match self {
            LegacyStep::Residence => Page::Residence,
            LegacyStep::Stay3Years => Page::Stay3Years,
            LegacyStep::Crowdworks => Page::Crowdworks,
            LegacyStep::Hinode => Page::Hinode,
            LegacyStep::Housing => Page::Housing,
            LegacyStep::FiscalYear => Page::FiscalYear,
            LegacyStep::EarnMode => Page::EarnMode,
            LegacyStep::Quick => Page::Quick,
            LegacyStep::Detailed => Page::Detailed,
            LegacyStep::Actual => Page::Actual,
            _ => return None,
        })
    }

    fn route(self) -> Route {
        match self {
            LegacyStep::Check => Route::Check,
            LegacyStep::Result => Route::Result,
            LegacyStep::Applicant => Route::Applicant,
            LegacyStep::Application => Route::Application,
            LegacyStep::Start | LegacyStep::Compare => Route::Start,
            s => s.page().map_or(Route::Start, Route::Ask),
        }
    }
}

/// The first saved format (`isumi-check/answers/v1`): every field required, as it always wrote
/// them, so a wrong shape (`[]`, `{"step":"result"}`) is refused rather than half-read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LegacyV1 {
    lang: Lang,
    step: LegacyStep,
    answers: Answers,
    answered: Vec<LegacyStep>,
    fiscal_year: i32,
    earn_mode: Option<EarnMode>,
    drafts: Drafts,
    #[allow(dead_code)]
    returning: bool,
    applicant: Applicant,
    save_personal: bool,
}

/// A saved fiscal year must be one the form and the file reader accept.
fn sane_year(fy: i32) -> bool {
    check_fiscal_year(fy).is_ok() && fiscal_year_start(fy).is_some()
}

fn from_saved(text: &str, today: NaiveDate) -> Option<Model> {
    let s: Saved = serde_json::from_str(text).ok()?;
    if !sane_year(s.fiscal_year) {
        return None;
    }
    let mut m = Model::fresh(today);
    m.lang = s.lang;
    m.route = Route::parse(&s.route).filter(|r| !r.is_seminar())?;
    m.answers = s.answers;
    m.answered = s.answered;
    m.fiscal_year = s.fiscal_year;
    m.earn_mode = s.earn_mode;
    m.drafts = s.drafts;
    m.save_personal = s.save_personal;
    m.applicant = s.applicant.unwrap_or_default();
    Some(m)
}

fn from_legacy(text: &str, today: NaiveDate) -> Option<Model> {
    let s: LegacyV1 = serde_json::from_str(text).ok()?;
    if !sane_year(s.fiscal_year) {
        return None;
    }
    let mut m = Model::fresh(today);
    m.lang = s.lang;
    m.route = s.step.route();
    m.answers = s.answers;
    m.answered = s.answered.iter().filter_map(|p| p.page()).collect();
    m.fiscal_year = s.fiscal_year;
    m.earn_mode = s.earn_mode;
    m.drafts = s.drafts;
    m.save_personal = s.save_personal;
    if s.save_personal {
        m.applicant = s.applicant;
    }
    Some(m)
}

/// The model as saved in `localStorage` (personal details only when ticked).
pub fn saved_json(m: &Model) -> String {
    let s = Saved {
        lang: m.lang,
        route: m.route.href(),
        answers: m.answers,
        answered: m.answered.clone(),
        fiscal_year: m.fiscal_year,
        earn_mode: m.earn_mode,
        drafts: m.drafts.clone(),
        save_personal: m.save_personal,
        applicant: m.save_personal.then(|| m.applicant.clone()),
    };
    // Serializing plain data to a string cannot fail.
    serde_json::to_string(&s).unwrap_or_default()
}

/// What to write after the model changed. A model with nothing in it removes every key the app
/// has ever written, so 「回答を消去」 leaves nothing behind.
pub fn writes(m: &Model) -> Vec<Write> {
    let local = |key, value| Write {
        area: Area::Local,
        key,
        value,
    };
    let mut out: Vec<Write> = LEGACY_KEYS.iter().map(|k| local(*k, None)).collect();
    if !m.has_anything() {
        out.push(local(LOCAL_KEY, None));
        out.push(Write {
            area: Area::Session,
            key: SESSION_KEY,
            value: None,
        });
        return out;
    }
    out.push(local(LOCAL_KEY, Some(saved_json(m))));
    let personal = (m.applicant != Applicant::default())
        .then(|| serde_json::to_string(&m.applicant).unwrap_or_default());
    out.push(Write {
        area: Area::Session,
        key: SESSION_KEY,
        value: personal,
    });
    out
}

/// The notice when the device refuses to keep anything.
pub fn unavailable_text() -> Text {
    Text::new(
        "この端末には回答を保存できません(ブラウザの設定やプライベートモードのため)。このまま使えますが、ページを閉じると回答は消えます。",
        "Your answers cannot be saved on this device (browser settings or private mode). You can go on, but closing the page will lose them.",
    )
}

fn unreadable_text() -> Text {
    Text::new(
        "保存されていた回答を読み込めなかったため、最初から始めます。",
        "Your saved answers could not be read, so you are starting afresh.",
    )
}

fn restored_text() -> Text {
    Text::new(
        "前回の回答を復元しました。続きから始められます。",
        "Your earlier answers were restored: carry on where you left off.",
    )
}

/// The model to start from: what this device saved (`local`, else the older `legacy` key),
/// the personal details of this tab (`session`), on the route the URL names (`fragment`), or the
/// saved one. A notice says what happened: restored, unreadable, or storage unavailable. Effects
/// put the route shown in the address bar when it differs from the URL.
pub fn restore(
    local: Read,
    legacy: Read,
    session: Read,
    fragment: &str,
    today: NaiveDate,
) -> (Model, Vec<Effect>) {
    let mut notice = None;
    let mut m = match (&local, &legacy) {
        (Err(Unavailable), _) => {
            notice = Some(Notice::new(unavailable_text()));
            None
        }
        (Ok(Some(text)), _) => from_saved(text, today).or_else(|| {
            notice = Some(Notice::new(unreadable_text()));
            None
        }),
        (Ok(None), Ok(Some(text))) => from_legacy(text, today).or_else(|| {
            notice = Some(Notice::new(unreadable_text()));
            None
        }),
        (Ok(None), _) => None,
    }
    .unwrap_or_else(|| Model::fresh(today));
    if let Ok(Some(text)) = &session {
        if let Ok(a) = serde_json::from_str::<Applicant>(text) {
            m.applicant = a;
        }
    }
    let saved_route = m.route;
    let restored = m.has_anything();
    let mut effects = Vec::new();
    let asked = Route::parse(fragment);
    match asked {
        Some(Route::Seminar(view)) => {
            // Underneath the seminar, the person's own screen, as its guard allows.
            m.route = guard(&m, saved_route, today);
            super::update::enter_seminar(&mut m, view, today);
            return (m, effects);
        }
        Some(route) => m.route = route,
        // No fragment: the start page, offering to carry on.
        None if fragment.trim_start_matches('#').is_empty() => m.route = Route::Start,
        // Not a route (the skip link's #main): where the person was.
        None => m.route = saved_route,
    }
    let shown = guard(&m, m.route, today);
    if shown != m.route {
        // A storage notice says more (the answers are gone), so it is the one kept.
        let why = guard_reason(&m, m.route, shown, today);
        notice = notice.or_else(|| Some(Notice::new(why)));
        if m.route == Route::Application && shown == Route::Applicant {
            m.problems = super::forms::applicant_problems(&m.applicant, today);
        }
        m.route = shown;
    }
    if Some(m.route) != asked {
        effects.push(Effect::Navigate {
            route: m.route,
            replace: true,
        });
    }
    if notice.is_none() && restored {
        notice = Some(Notice {
            action: if m.route == Route::Start && saved_route != Route::Start {
                NoticeAction::Resume(saved_route)
            } else {
                NoticeAction::None
            },
            ..Notice::new(restored_text())
        });
    }
    m.notice = notice;
    (m, effects)
}
