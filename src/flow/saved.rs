//! Keeping the model on this device: what is written where ([`writes`]) and how a saved model
//! comes back ([`restore`]). Pure: the shell only carries the strings to and from the browser's
//! storage, so this is tested natively, and a browser that blocks storage still gets a working
//! app with one notice.
//!
//! - `localStorage` keeps the answers and drafts across visits, and the personal details only
//!   when 「この端末に保存する」 is ticked.
//! - `sessionStorage` keeps the personal details for this tab, so a reload loses nothing typed.
//! - Nothing is kept in seminar mode (the shell does not call [`writes`] there).
//!
//! [`Keeper`] carries the writes out on a [`Store`] and decides what the person hears when the
//! device refuses: 「保存できません」 only when a value really cannot be kept (a write refused,
//! or a store that cannot be read back), and that something deleted may remain when a removal is
//! refused. Each storage method may fail on its own (a page script, a browser extension or a
//! policy can replace one), so each is tested alone.

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
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

/// The key of the saved model in `localStorage`.
pub const LOCAL_KEY: &str = "isumi-check/answers/v2";
/// The key of the personal details in `sessionStorage`.
pub const SESSION_KEY: &str = "isumi-check/personal/v1";
/// Keys earlier versions wrote in `localStorage`: read once (v1), and removed on every save.
pub const LEGACY_KEYS: [&str; 2] = ["isumi-check/answers/v1", "isumi-check/answers/v0"];

/// Which storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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

/// A storage call failed (blocked site data, a throwing getter or method, a full quota).
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

/// A key–value store: `localStorage`, `sessionStorage`, or memory. Each call may fail on its own:
/// reading, writing and removing are separate methods of the browser's `Storage`, and any one of
/// them can throw while the others work.
pub trait Store {
    /// The value of `key` (`Ok(None)`: absent); `Err(Unavailable)` when it cannot be read.
    fn get(&self, key: &str) -> Read;
    /// Sets `key` (`Some`) or removes it (`None`); `Err(Unavailable)` when refused (quota,
    /// blocked).
    fn put(&self, key: &str, value: Option<&str>) -> Result<(), Unavailable>;
}

/// A store in memory, for tests: `broken` makes every call fail, like blocked site data; the other
/// switches make one kind of call fail, like a storage whose `getItem`, `setItem` or `removeItem`
/// alone throws.
#[derive(Default)]
pub struct MemoryStore {
    /// The values.
    pub values: RefCell<HashMap<String, String>>,
    /// Whether every call fails.
    pub broken: bool,
    /// Whether reading fails (`getItem` throws).
    pub get_fails: bool,
    /// Whether setting a value fails (`setItem` throws).
    pub set_fails: bool,
    /// Whether removing a key fails (`removeItem` throws).
    pub remove_fails: bool,
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Read {
        if self.broken || self.get_fails {
            return Err(Unavailable);
        }
        Ok(self.values.borrow().get(key).cloned())
    }

    fn put(&self, key: &str, value: Option<&str>) -> Result<(), Unavailable> {
        let fails = match value {
            Some(_) => self.set_fails,
            None => self.remove_fails,
        };
        if self.broken || fails {
            return Err(Unavailable);
        }
        let mut v = self.values.borrow_mut();
        match value {
            Some(x) => v.insert(key.to_string(), x.to_string()),
            None => v.remove(key),
        };
        Ok(())
    }
}

/// What the person must hear about keeping their answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Trouble {
    /// Nothing can be kept on this device: a value could not be written, or the store cannot be
    /// read (what is written could never be read back). [`unavailable_text`].
    NotKept,
    /// Something that should be gone may remain on this device: a removal was refused for a key
    /// that is there. [`may_remain_text`].
    MayRemain,
}

impl Trouble {
    /// The notice.
    pub fn text(self) -> Text {
        match self {
            Trouble::NotKept => unavailable_text(),
            Trouble::MayRemain => may_remain_text(),
        }
    }
}

/// The notice when a removal was refused: what was deleted (or an older version's answers) may
/// still be on this device.
pub fn may_remain_text() -> Text {
    Text::new(
        "以前の回答や個人情報を、この端末から削除できませんでした(ブラウザが削除を拒否したため)。この端末に残っている可能性があります。消すには、ブラウザの設定でこのサイトのデータを削除してください。",
        "Earlier answers or personal details could not be deleted from this device (the browser refused), so they may remain on it. To remove them, delete this site's data in your browser's settings.",
    )
}

/// Keeps the model on the device, for the shell: carries out [`writes`] on the two stores,
/// skipping what is already written, and says what the person must hear, once.
///
/// - A value is written only to a store that can be read: one that cannot would never give it
///   back, so the answers are not kept (and no personal data is left behind) — [`Trouble::NotKept`].
/// - A refused write is [`Trouble::NotKept`], said once a visit.
/// - A key is removed only when it is there (or the store cannot tell); a refused removal of a
///   key that is there is [`Trouble::MayRemain`], said again each time it happens anew (after the
///   key was written or removed in between), so a second 「回答を消去」 that fails is not left
///   saying that nothing remains.
#[derive(Debug, Default)]
pub struct Keeper {
    written: HashMap<(Area, &'static str), Option<String>>,
    /// Removals refused and told, until that key is written or removed.
    stuck: HashSet<(Area, &'static str)>,
    told_not_kept: bool,
}

impl Keeper {
    /// A keeper for a visit whose start has already said `trouble` (the notice of [`restore`]).
    pub fn told(mut self, trouble: Trouble) -> Self {
        if trouble == Trouble::NotKept {
            self.told_not_kept = true;
        }
        self
    }

    /// Keeps `m` on `local` and `session`; the notice to show, if something new went wrong.
    pub fn keep(&mut self, local: &dyn Store, session: &dyn Store, m: &Model) -> Option<Text> {
        let mut not_kept = false;
        let mut may_remain = false;
        for w in writes(m) {
            let slot = (w.area, w.key);
            if self.written.get(&slot) == Some(&w.value) {
                continue;
            }
            let store = match w.area {
                Area::Local => local,
                Area::Session => session,
            };
            let done = match &w.value {
                Some(v) => store.get(w.key).is_ok() && store.put(w.key, Some(v)).is_ok(),
                None => match store.get(w.key) {
                    // Nothing there: nothing to remove.
                    Ok(None) => true,
                    Ok(Some(_)) => {
                        let removed = store.put(w.key, None).is_ok();
                        if !removed && self.stuck.insert(slot) {
                            may_remain = true;
                        }
                        removed
                    }
                    // A store that cannot be read: remove what may be there; if that fails too,
                    // nothing of this visit was kept there, and the person has heard so.
                    Err(Unavailable) => {
                        let removed = store.put(w.key, None).is_ok();
                        not_kept |= !removed;
                        removed
                    }
                },
            };
            if done {
                self.stuck.remove(&slot);
                self.written.insert(slot, w.value);
            } else if w.value.is_some() {
                not_kept = true;
            }
        }
        if not_kept && !std::mem::replace(&mut self.told_not_kept, true) {
            return Some(Trouble::NotKept.text());
        }
        may_remain.then(|| Trouble::MayRemain.text())
    }
}
