//! What is kept on the device (`flow::saved`): what `writes` asks the shell to store where, and
//! how `restore` gives the model back, from this version's value, the first version's, a wrong
//! shape, or no storage at all.

mod common;

use common::*;
use isumi_check::flow::model::{EarnMode, NoticeAction};
use isumi_check::flow::navigation::guard_text;
use isumi_check::flow::saved::{
    restore, unavailable_text, writes, Area, Read, Unavailable, Write, LEGACY_KEYS, LOCAL_KEY,
    SESSION_KEY,
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
