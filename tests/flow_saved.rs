//! What is kept on the device (`flow::saved`): what `writes` asks the shell to store where, and
//! how `restore` gives the model back, from this version's value, the first version's, a wrong
//! shape, or no storage at all; and what the person hears (`Keeper`) when one storage method
//! alone fails: reading, setting or removing.

mod common;

use common::*;
use isumi_check::flow::model::{EarnMode, NoticeAction};
use isumi_check::flow::navigation::guard_text;
use isumi_check::flow::saved::{
    may_remain_text, restore, unavailable_text, writes, Area, Keeper, MemoryStore, Read, Store,
    Trouble, Unavailable, Write, LEGACY_KEYS, LOCAL_KEY, SESSION_KEY,
};
use isumi_check::flow::seminar::SeminarView;
use isumi_check::flow::update::Edit;
use isumi_check::flow::{Event, Model, Page, Route};
use isumi_check::rules::calendar::YearMonth;
use isumi_check::rules::eligibility::{Answer, Answers, HousingAnswer, Residence};
use isumi_check::rules::Lang;

fn local_value(m: &Model) -> Option<String> {
    stored(&writes(m), Area::Local, LOCAL_KEY)
}

fn session_value(m: &Model) -> Option<String> {
    stored(&writes(m), Area::Session, SESSION_KEY)
}

/// Restores from `local` only (nothing in the legacy key or this tab).
fn restore_local(local: Read, fragment: &str) -> (Model, Vec<isumi_check::flow::Effect>) {
    restore(local, Ok(None), Ok(None), fragment, today())
}

fn restored_ja() -> &'static str {
    "前回の回答を復元しました。続きから始められます。"
}

fn unreadable_ja() -> &'static str {
    "保存されていた回答を読み込めなかったため、最初から始めます。"
}

// ---------------------------------------------------------------------------------------------
// writes
// ---------------------------------------------------------------------------------------------

#[test]
fn the_keys_are_the_documented_ones() {
    assert_eq!(LOCAL_KEY, "isumi-check/answers/v2");
    assert_eq!(SESSION_KEY, "isumi-check/personal/v1");
    assert_eq!(
        LEGACY_KEYS,
        ["isumi-check/answers/v1", "isumi-check/answers/v0"]
    );
}

#[test]
fn nothing_to_keep_removes_every_key_ever_written() {
    let mut in_english = fresh();
    in_english.lang = Lang::En;
    for m in [fresh(), in_english] {
        let w = writes(&m);
        for key in [LOCAL_KEY, LEGACY_KEYS[0], LEGACY_KEYS[1]] {
            assert!(
                w.contains(&Write {
                    area: Area::Local,
                    key,
                    value: None
                }),
                "{key} removed: {w:?}"
            );
        }
        assert!(w.contains(&Write {
            area: Area::Session,
            key: SESSION_KEY,
            value: None
        }));
        assert!(w.iter().all(|x| x.value.is_none()));
    }
}

#[test]
fn answers_are_kept_and_the_old_keys_removed() {
    let m = on_check(&writer(EarnMode::Quick));
    let w = writes(&m);
    let json = stored(&w, Area::Local, LOCAL_KEY).expect("the answers are kept");
    assert!(json.contains("\"#/check\""), "{json}");
    assert!(json.contains("15万"), "drafts as typed: {json}");
    for key in LEGACY_KEYS {
        assert_eq!(stored(&w, Area::Local, key), None);
        assert!(w.iter().any(|x| x.key == key), "{key} is removed");
    }
    assert_eq!(session_value(&m), None, "no personal details to keep");
}

#[test]
fn each_thing_worth_keeping_is_kept() {
    let mut m = fresh();
    m.save_personal = true;
    assert!(local_value(&m).is_some(), "the choice to keep the details");
    let mut m = fresh();
    m.applicant.name = "いすみ 太郎".into();
    assert!(local_value(&m).is_some());
    let mut m = fresh();
    m.drafts.quick.monthly = "1".into();
    assert!(local_value(&m).is_some());
    let mut m = fresh();
    m.route = Route::Ask(Page::Residence);
    assert!(local_value(&m).is_some(), "a screen past the start");
}

#[test]
fn personal_details_are_on_the_device_only_when_ticked_and_in_the_tab_always() {
    let mut m = on_check(&writer(EarnMode::Quick));
    m.applicant = valid_applicant();
    let local = local_value(&m).unwrap();
    assert!(
        !local.contains("いすみ 太郎") && !local.contains("0470-00-0000"),
        "{local}"
    );
    let session = session_value(&m).expect("kept for this tab");
    assert!(session.contains("いすみ 太郎") && session.contains("1234567"));

    m.save_personal = true;
    let local = local_value(&m).unwrap();
    assert!(local.contains("いすみ 太郎") && local.contains("1234567"));
    assert!(session_value(&m).is_some());
}

#[test]
fn a_new_tab_has_the_details_only_when_they_were_kept_on_the_device() {
    let mut m = on_check(&writer(EarnMode::Quick));
    m.applicant = valid_applicant();
    let (again, _) = restore_local(Ok(local_value(&m)), "#/check");
    assert_eq!(again.applicant, Default::default());
    m.save_personal = true;
    let (again, _) = restore_local(Ok(local_value(&m)), "#/check");
    assert_eq!(again.applicant, valid_applicant());
    assert!(again.save_personal);
}

// ---------------------------------------------------------------------------------------------
// restore: round trips
// ---------------------------------------------------------------------------------------------

#[test]
fn a_reload_gives_the_same_model_on_the_same_route() {
    let mut models = Vec::new();
    for mode in [
        EarnMode::Quick,
        EarnMode::Detailed,
        EarnMode::Actual,
        EarnMode::Skip,
    ] {
        let p = writer(mode);
        let mut m = on_check(&p);
        models.push(m.clone());
        for r in [
            Route::Result,
            Route::Applicant,
            Route::Change(Page::Housing),
        ] {
            go(&mut m, Event::Go(r));
            // Without fees there is nothing to apply for: the result says so.
            let shown = if (r, mode) == (Route::Applicant, EarnMode::Skip) {
                Route::Result
            } else {
                r
            };
            assert_eq!(m.route, shown, "{mode:?}");
            models.push(m.clone());
        }
        for page in [Page::Residence, Page::Hinode, Page::EarnMode] {
            models.push(answered_until(&p, Route::Ask(page)));
        }
    }
    // Half typed, with problems; personal details in the tab; English; a first month.
    let mut m = answered_until(&writer(EarnMode::Quick), Route::Ask(Page::Quick));
    go(&mut m, Event::Edit(Edit::QuickMonthly("たく".into())));
    go(
        &mut m,
        Event::Edit(Edit::QuickFirstMonth(YearMonth::new(2026, 7))),
    );
    go(&mut m, Event::Continue);
    go(&mut m, Event::SetLang(Lang::En));
    m.applicant = valid_applicant();
    models.push(m);
    let mut m = on_check(&writer(EarnMode::Quick));
    m.applicant = valid_applicant();
    m.save_personal = true;
    go(&mut m, Event::Go(Route::Application));
    assert_eq!(m.route, Route::Application);
    models.push(m);

    for m in models {
        let (again, effects) = reload_at(&m, &m.route.href());
        assert_eq!(persisted(&again), persisted(&m), "{:?}", m.route);
        assert!(effects.is_empty(), "{:?}: {effects:?}", m.route);
        let n = again.notice.expect("a notice");
        assert_eq!(
            (n.text.ja.as_str(), n.action),
            (restored_ja(), NoticeAction::None)
        );
        assert!(again.problems.is_empty() && again.undo.is_none());
    }
}

#[test]
fn the_fragment_names_the_screen_over_the_saved_one() {
    let m = on_check(&writer(EarnMode::Quick));
    let (again, effects) = reload_at(&m, "#/housing");
    assert_eq!(again.route, Route::Ask(Page::Housing));
    assert!(effects.is_empty());
    assert_eq!(again.answers, m.answers);

    // A fragment past the answers saved: the first unanswered page, in place.
    let m = answered_until(&writer(EarnMode::Quick), Route::Ask(Page::Hinode));
    let (again, effects) = reload_at(&m, "#/result");
    assert_eq!(again.route, Route::Ask(Page::Hinode));
    assert_eq!(effects, [replaced(Route::Ask(Page::Hinode))]);
    assert_eq!(again.notice.map(|n| n.text), Some(guard_text()));
}

#[test]
fn a_bare_url_opens_the_start_page_offering_to_carry_on() {
    let m = on_check(&writer(EarnMode::Quick));
    for bare in ["", "#"] {
        let (again, effects) = reload_at(&m, bare);
        assert_eq!(again.route, Route::Start);
        assert!(
            effects.is_empty(),
            "the address bar already shows the start"
        );
        let n = again.notice.expect("a notice");
        assert_eq!(n.text.ja, restored_ja());
        assert_eq!(n.action, NoticeAction::Resume(Route::Check));
        assert_eq!(again.answers, m.answers);
    }
    // Carrying on puts the notice away.
    let (mut again, _) = reload_at(&m, "");
    go(&mut again, Event::Go(Route::Check));
    assert_eq!(again.route, Route::Check);
    assert_eq!(again.notice, None);
}

#[test]
fn a_fragment_that_is_not_a_route_keeps_the_saved_screen() {
    let m = on_check(&writer(EarnMode::Quick));
    let (again, effects) = reload_at(&m, "#main");
    assert_eq!(again.route, Route::Check);
    assert_eq!(
        effects,
        [replaced(Route::Check)],
        "the address bar shows where the person is"
    );
    assert_eq!(again.notice.map(|n| n.action), Some(NoticeAction::None));
}

#[test]
fn a_seminar_fragment_opens_the_seminar_over_the_saved_answers() {
    let m = on_check(&writer(EarnMode::Quick));
    let (again, effects) = reload_at(&m, "#seminar/2");
    assert!(effects.is_empty());
    assert_eq!(
        again.seminar.as_ref().map(|s| s.view),
        Some(SeminarView::Persona(1))
    );
    assert_eq!(persisted(&again), persisted(&m));
}

// ---------------------------------------------------------------------------------------------
// restore: no storage, wrong shapes
// ---------------------------------------------------------------------------------------------

#[test]
fn without_storage_the_app_starts_afresh_and_says_it_cannot_keep_anything() {
    for (fragment, route) in [
        ("", Route::Start),
        ("#/result", Route::Ask(Page::Residence)),
    ] {
        let (m, effects) = restore(
            Err(Unavailable),
            Err(Unavailable),
            Err(Unavailable),
            fragment,
            today(),
        );
        assert_eq!(persisted(&m), persisted(&Model { route, ..fresh() }));
        assert_eq!(
            m.notice.map(|n| n.text),
            Some(unavailable_text()),
            "{fragment:?}"
        );
        assert!(unavailable_text().en.contains("cannot be saved"));
        if route != Route::Start {
            assert_eq!(effects, [replaced(route)]);
        }
    }
}

#[test]
fn a_wrong_shape_starts_afresh_and_says_so_never_on_a_result() {
    let shapes = [
        "[]",
        "{\"foo\":1}",
        "{\"step\":\"result\"}",
        "{\"step\": \"result\", \"answers\": 42",
        "null",
        "42",
        "\"#/result\"",
        "",
    ];
    for text in shapes {
        for fragment in ["", "#/result", "#main"] {
            for (local, legacy) in [(Some(text), None), (None, Some(text))] {
                let (m, _) = restore(
                    Ok(local.map(String::from)),
                    Ok(legacy.map(String::from)),
                    Ok(None),
                    fragment,
                    today(),
                );
                let case = format!(
                    "{text:?} in {} at {fragment:?}",
                    if local.is_some() { "v2" } else { "v1" }
                );
                assert!(
                    matches!(m.route, Route::Start | Route::Ask(Page::Residence)),
                    "{case}: {:?}",
                    m.route
                );
                assert!(m.answered.is_empty(), "{case}");
                assert_eq!(
                    m.notice.map(|n| n.text.ja),
                    Some(unreadable_ja().to_string()),
                    "{case}"
                );
            }
        }
    }
}

#[test]
fn a_saved_value_with_an_impossible_year_or_route_is_not_read() {
    let m = on_check(&writer(EarnMode::Quick));
    let json = local_value(&m).unwrap();
    for (from, to) in [
        ("\"fiscal_year\":2026", "\"fiscal_year\":1999"),
        ("\"fiscal_year\":2026", "\"fiscal_year\":2100"),
        ("\"#/check\"", "\"#seminar\""),
        ("\"#/check\"", "\"#/nowhere\""),
    ] {
        assert!(json.contains(from));
        let (again, _) = restore_local(Ok(Some(json.replace(from, to))), "#/result");
        assert_eq!(again.route, Route::Ask(Page::Residence), "{to}");
        assert_eq!(
            again.notice.map(|n| n.text.ja),
            Some(unreadable_ja().to_string())
        );
    }
}

#[test]
fn personal_details_in_the_tab_that_cannot_be_read_are_ignored() {
    let m = on_check(&writer(EarnMode::Quick));
    let (again, _) = restore(
        Ok(local_value(&m)),
        Ok(None),
        Ok(Some("{\"name\":".into())),
        "#/check",
        today(),
    );
    assert_eq!(again.applicant, Default::default());
    assert_eq!(again.answers, m.answers);
}

// ---------------------------------------------------------------------------------------------
// restore: the first saved format
// ---------------------------------------------------------------------------------------------

/// A value as the first version wrote it under `isumi-check/answers/v1`: its whole `State`
/// (`old-ui/state.rs`), every field written, `Step` names in serde's snake case (`Stay3Years` is
/// `stay3_years`), the drafts of the time (no moved-in or membership dates, no shares).
fn legacy_v1(step: &str, save_personal: bool) -> String {
    format!(
        r#"{{
  "lang": "en",
  "step": "{step}",
  "answers": {{
    "residence": "lives_in_isumi",
    "stay_3_years": "yes",
    "crowdworks_account": "yes",
    "hinode_special_member": "yes",
    "housing": "individual"
  }},
  "answered": ["residence", "stay3_years", "crowdworks", "hinode", "housing", "fiscal_year", "earn_mode", "quick", "check"],
  "fiscal_year": 2025,
  "earn_mode": "quick",
  "drafts": {{
    "move_date": "",
    "quick": {{
      "monthly": "150000",
      "monthly_unknown": false,
      "size": "30000",
      "size_unknown": false,
      "fixed": true,
      "hourly": true,
      "task": false,
      "first_month": "2025-10"
    }},
    "contracts": [],
    "months": []
  }},
  "returning": false,
  "applicant": {{ "name": "いすみ 花子", "bank": {{ "account_type": "futsu" }} }},
  "save_personal": {save_personal}
}}"#
    )
}

fn restore_legacy(text: String, fragment: &str) -> (Model, Vec<isumi_check::flow::Effect>) {
    restore(Ok(None), Ok(Some(text)), Ok(None), fragment, today())
}

#[test]
fn the_first_saved_format_is_migrated() {
    let (m, effects) = restore_legacy(legacy_v1("result", false), "#/result");
    assert!(effects.is_empty());
    assert_eq!(m.route, Route::Result);
    assert_eq!(m.lang, Lang::En);
    assert_eq!(
        m.answers,
        Answers {
            residence: Residence::LivesInIsumi,
            stay_3_years: Answer::Yes,
            crowdworks_account: Answer::Yes,
            hinode_special_member: Answer::Yes,
            housing: HousingAnswer::Individual,
            moved_in: None,
            member_since: None,
        }
    );
    assert_eq!(
        m.answered,
        Page::ALL[..8],
        "the check page was never a question"
    );
    assert_eq!((m.fiscal_year, m.earn_mode), (2025, Some(EarnMode::Quick)));
    let q = &m.drafts.quick;
    assert_eq!((q.monthly.as_str(), q.size.as_str()), ("150000", "30000"));
    assert!(q.fixed && q.hourly && !q.task);
    assert_eq!(q.first_month, YearMonth::new(2025, 10));
    assert_eq!(q.shares, None);
    assert_eq!(m.drafts.moved_in, "");
    assert_eq!(
        m.applicant,
        Default::default(),
        "not kept on the device: not migrated"
    );
    assert!(!m.save_personal);
    assert_eq!(m.notice.map(|n| n.text.ja), Some(restored_ja().to_string()));

    // Saving again writes this version and removes the old key.
    let w = writes(&restore_legacy(legacy_v1("result", false), "#/result").0);
    assert!(stored(&w, Area::Local, LOCAL_KEY).is_some());
    assert!(w.contains(&Write {
        area: Area::Local,
        key: LEGACY_KEYS[0],
        value: None
    }));
}

#[test]
fn the_first_format_keeps_the_details_that_were_kept_on_the_device() {
    let (m, _) = restore_legacy(legacy_v1("applicant", true), "#/apply");
    assert_eq!(m.route, Route::Applicant);
    assert_eq!(m.applicant.name, "いすみ 花子");
    assert!(m.save_personal);
}

#[test]
fn the_first_formats_screens_map_to_routes() {
    for (step, resume) in [
        ("result", Some(Route::Result)),
        ("check", Some(Route::Check)),
        ("housing", Some(Route::Ask(Page::Housing))),
        ("stay3_years", Some(Route::Ask(Page::Stay3Years))),
        ("compare", None),
        ("start", None),
    ] {
        let (m, effects) = restore_legacy(legacy_v1(step, false), "");
        assert_eq!(m.route, Route::Start, "{step}");
        assert!(effects.is_empty());
        let action = m.notice.map(|n| n.action);
        let want = resume.map_or(NoticeAction::None, NoticeAction::Resume);
        assert_eq!(action, Some(want), "{step}");
    }
    // A screen name the first version never wrote: not read.
    let (m, _) = restore_legacy(legacy_v1("stay_3_years", false), "");
    assert_eq!(
        m.notice.map(|n| n.text.ja),
        Some(unreadable_ja().to_string())
    );
}

#[test]
fn this_versions_value_wins_over_the_first_versions() {
    let m = on_check(&writer(EarnMode::Detailed));
    let (again, _) = restore(
        Ok(local_value(&m)),
        Ok(Some(legacy_v1("result", true))),
        Ok(None),
        "#/check",
        today(),
    );
    assert_eq!(persisted(&again), persisted(&m));
}

// ---------------------------------------------------------------------------------------------
// restore: what comes back is always a screen the answers allow
// ---------------------------------------------------------------------------------------------

#[test]
fn leaving_a_seminar_opened_by_a_reload_shows_a_screen_the_answers_allow() {
    // A value saved on a result the answers do not reach (an earlier build, or the first
    // format's `step`), reloaded on a seminar bookmark.
    let m = answered_until(&writer(EarnMode::Quick), Route::Ask(Page::Hinode));
    let json = local_value(&m)
        .unwrap()
        .replace("\"#/hinode\"", "\"#/result\"");
    let (mut again, _) = restore_local(Ok(Some(json)), "#seminar");
    assert!(again.seminar.is_some());
    let effects = go(&mut again, Event::LeaveSeminar);
    assert_eq!(
        again.route,
        Route::Ask(Page::Hinode),
        "the first unanswered page"
    );
    assert_eq!(effects, [replaced(Route::Ask(Page::Hinode))]);
}

#[test]
fn no_edit_makes_the_saved_answers_unreadable() {
    // A first month no form offers (a stale or forged event): the answers must still come back.
    let mut m = on_check(&writer(EarnMode::Quick));
    for year in [12_345, -1] {
        go(
            &mut m,
            Event::Edit(Edit::QuickFirstMonth(Some(YearMonth { year, month: 4 }))),
        );
        let (again, _) = reload_at(&m, "#/check");
        assert_eq!(again.route, Route::Check, "year {year}");
        assert_eq!(again.answers, m.answers, "year {year}");
    }
}

// ---------------------------------------------------------------------------------------------
// Keeper: one storage method failing alone
// ---------------------------------------------------------------------------------------------

/// The two stores of a browser whose `Storage` methods fail as `fail` says (a page script that
/// replaces `Storage.prototype.getItem` replaces it for `localStorage` and `sessionStorage`
/// alike).
struct Device {
    local: MemoryStore,
    session: MemoryStore,
}

#[derive(Clone, Copy, Debug, Default)]
struct Fails {
    get: bool,
    set: bool,
    remove: bool,
}

impl Device {
    fn new(f: Fails) -> Self {
        let store = || MemoryStore {
            get_fails: f.get,
            set_fails: f.set,
            remove_fails: f.remove,
            ..MemoryStore::default()
        };
        Device {
            local: store(),
            session: store(),
        }
    }

    fn local_keys(&self) -> Vec<String> {
        let mut k: Vec<String> = self.local.values.borrow().keys().cloned().collect();
        k.sort();
        k
    }
}

/// One visit, as the shell runs it: `restore` from the device, then after every event keep the
/// model, and show what the keeper says as a notice (which is an event too).
struct Visit<'a> {
    device: &'a Device,
    m: Model,
    keeper: Keeper,
    /// Every notice the keeper asked for, in order.
    heard: Vec<Trouble>,
}

impl<'a> Visit<'a> {
    fn open(device: &'a Device) -> Self {
        let (m, _) = restore(
            device.local.get(LOCAL_KEY),
            device.local.get(LEGACY_KEYS[0]),
            device.session.get(SESSION_KEY),
            "",
            today(),
        );
        let keeper = if m.notice.as_ref().map(|n| &n.text) == Some(&unavailable_text()) {
            Keeper::default().told(Trouble::NotKept)
        } else {
            Keeper::default()
        };
        let mut v = Visit {
            device,
            m,
            keeper,
            heard: Vec::new(),
        };
        v.keep();
        v
    }

    fn keep(&mut self) {
        // A notice is an event, after which the shell keeps the model again: at most once more.
        for _ in 0..3 {
            let Some(text) = self
                .keeper
                .keep(&self.device.local, &self.device.session, &self.m)
            else {
                return;
            };
            let t = if text == unavailable_text() {
                Trouble::NotKept
            } else {
                assert_eq!(text, may_remain_text());
                Trouble::MayRemain
            };
            self.heard.push(t);
            go(&mut self.m, Event::Notify(text));
        }
        panic!("the keeper keeps asking for notices");
    }

    fn event(&mut self, e: Event) {
        go(&mut self.m, e);
        self.keep();
    }

    /// Answers as the writer until the housing page, as typed.
    fn answer(&mut self) {
        let p = writer(EarnMode::Quick);
        self.event(Event::Start);
        while self.m.route != Route::Ask(Page::Housing) {
            let Route::Ask(page) = self.m.route else {
                panic!("{:?}", self.m.route);
            };
            answer_page(&mut self.m, &p, page);
            self.keep();
            self.event(Event::Continue);
        }
    }

    fn notice_ja(&self) -> String {
        self.m
            .notice
            .as_ref()
            .map(|n| n.text.ja.clone())
            .unwrap_or_default()
    }
}

#[test]
fn with_every_method_working_nothing_is_said_and_clearing_leaves_nothing() {
    let d = Device::new(Fails::default());
    let mut v = Visit::open(&d);
    v.answer();
    assert_eq!(d.local_keys(), [LOCAL_KEY]);
    v.event(Event::Clear);
    assert!(d.local_keys().is_empty());
    assert!(d.session.values.borrow().is_empty());
    assert!(v.notice_ja().contains("この端末には何も残っていません"));
    assert!(v.heard.is_empty());
    let next = Visit::open(&d);
    assert_eq!(next.m.notice, None, "a fresh start: nothing restored");
}

#[test]
fn a_getitem_that_throws_keeps_nothing_and_says_so_once() {
    let d = Device::new(Fails {
        get: true,
        ..Fails::default()
    });
    let mut v = Visit::open(&d);
    assert_eq!(
        v.m.notice.as_ref().map(|n| &n.text),
        Some(&unavailable_text())
    );
    v.answer();
    // What could never be read back is not written: no personal data is left behind either.
    assert!(d.local_keys().is_empty(), "{:?}", d.local_keys());
    assert!(d.session.values.borrow().is_empty());
    assert!(v.heard.is_empty(), "said once, by the start: {:?}", v.heard);
    assert_eq!(v.m.route, Route::Ask(Page::Housing), "the visit goes on");
    v.event(Event::Clear);
    assert!(v.heard.is_empty());
    // The next visit cannot read anything either: it says the same, and restores nothing.
    let next = Visit::open(&d);
    assert_eq!(
        next.m.notice.clone().map(|n| n.text),
        Some(unavailable_text())
    );
    assert!(!next.m.has_anything());
}

#[test]
fn a_setitem_that_throws_says_once_that_nothing_can_be_kept() {
    let d = Device::new(Fails {
        set: true,
        ..Fails::default()
    });
    let mut v = Visit::open(&d);
    assert_eq!(v.m.notice, None, "nothing failed yet: nothing to say");
    assert!(v.heard.is_empty());
    v.answer();
    assert_eq!(
        v.heard,
        [Trouble::NotKept],
        "once, at the first answer kept"
    );
    assert!(d.local_keys().is_empty());
    assert_eq!(v.m.route, Route::Ask(Page::Housing), "the visit goes on");
    // And it was true: the next visit restores nothing.
    let next = Visit::open(&d);
    assert_eq!(next.m.notice, None);
    assert!(!next.m.has_anything());
}

#[test]
fn a_removeitem_that_throws_saves_as_usual_and_says_only_what_may_remain() {
    let d = Device::new(Fails {
        remove: true,
        ..Fails::default()
    });
    let mut v = Visit::open(&d);
    assert_eq!(
        v.m.notice, None,
        "removing keys that are not there is no failure"
    );
    v.answer();
    assert!(
        v.heard.is_empty(),
        "saving works: nothing to say: {:?}",
        v.heard
    );
    assert_eq!(d.local_keys(), [LOCAL_KEY]);
    // A reload restores, as the answers were kept.
    let reloaded = Visit::open(&d);
    assert!(reloaded.notice_ja().contains("前回の回答を復元しました"));
    // 「回答を消去」: the key cannot be removed, so the notice no longer says nothing is left.
    v.event(Event::Clear);
    assert_eq!(v.heard, [Trouble::MayRemain]);
    let notice = v.m.notice.clone().expect("a notice");
    assert!(
        notice.text.ja.starts_with(&may_remain_text().ja),
        "{}",
        notice.text.ja
    );
    assert!(!notice.text.ja.contains("何も残っていません"));
    assert!(
        notice.text.en.contains("may remain on it"),
        "{}",
        notice.text.en
    );
    assert_eq!(
        notice.action,
        NoticeAction::Undo,
        "「元に戻す」 is still offered"
    );
    // Said once for that clearing, however often the model is kept again …
    v.event(Event::DismissNotice);
    assert_eq!(v.heard, [Trouble::MayRemain]);
    // … and the next visit finds the answers, as it was warned.
    let next = Visit::open(&d);
    assert!(next.notice_ja().contains("前回の回答を復元しました"));
    // Answers written again and cleared again: said again.
    v.answer();
    v.event(Event::Clear);
    assert_eq!(v.heard, [Trouble::MayRemain, Trouble::MayRemain]);
    assert!(!v.heard.contains(&Trouble::NotKept));
}

#[test]
fn a_removeitem_that_throws_on_an_older_versions_key_says_it_may_remain() {
    let d = Device::new(Fails {
        remove: true,
        ..Fails::default()
    });
    d.local.values.borrow_mut().insert(
        LEGACY_KEYS[1].to_string(),
        r#"{"applicant":{"name":"古い 太郎"}}"#.to_string(),
    );
    let v = Visit::open(&d);
    assert_eq!(v.heard, [Trouble::MayRemain]);
    assert!(d.local_keys().contains(&LEGACY_KEYS[1].to_string()));
}

#[test]
fn removing_personal_details_that_cannot_be_removed_from_the_tab_says_so() {
    let d = Device::new(Fails {
        remove: true,
        ..Fails::default()
    });
    let mut v = Visit::open(&d);
    v.answer();
    v.event(Event::EditApplicant(
        isumi_check::rules::applicant::field::NAME,
        "いすみ 太郎".into(),
    ));
    assert!(d.session.get(SESSION_KEY).unwrap().is_some());
    v.event(Event::ClearPersonal);
    assert_eq!(v.heard, [Trouble::MayRemain]);
}

#[test]
fn blocked_storage_is_said_once_by_the_start_and_never_again() {
    let d = Device {
        local: MemoryStore {
            broken: true,
            ..MemoryStore::default()
        },
        session: MemoryStore {
            broken: true,
            ..MemoryStore::default()
        },
    };
    let mut v = Visit::open(&d);
    assert_eq!(
        v.m.notice.as_ref().map(|n| &n.text),
        Some(&unavailable_text())
    );
    v.answer();
    v.event(Event::Clear);
    assert!(v.heard.is_empty(), "{:?}", v.heard);
    // Without the start's notice (a keeper on its own), a refused write is said once.
    let mut k = Keeper::default();
    let m = answered_until(&writer(EarnMode::Quick), Route::Ask(Page::Housing));
    assert_eq!(k.keep(&d.local, &d.session, &m), Some(unavailable_text()));
    assert_eq!(k.keep(&d.local, &d.session, &m), None);
}

#[test]
fn every_notice_is_in_both_languages() {
    for t in [Trouble::NotKept, Trouble::MayRemain] {
        let text = t.text();
        assert!(!text.ja.is_ascii() && text.en.is_ascii(), "{t:?}");
    }
}
