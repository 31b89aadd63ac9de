//! What to do next: only the steps a person still needs, most important first.

use chrono::NaiveDate;
use isumi_check::rules::data::rules;
use isumi_check::rules::next_steps::StepKind::{self, *};
use isumi_check::rules::personas::personas;
use isumi_check::rules::scenario::{evaluate, ScenarioFile};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn kinds(file: &ScenarioFile) -> Vec<StepKind> {
    evaluate(rules(), file, today())
        .unwrap()
        .next_steps
        .iter()
        .map(|s| s.kind)
        .collect()
}

#[test]
fn each_persona_gets_only_the_steps_they_still_need() {
    let p = personas();
    // Writer A meets every condition: keep the statements, apply once FY2026 has ended.
    assert_eq!(kinds(&p[0].scenario), [KeepStatements, Apply]);
    // Home worker D is not a member yet: joining comes first.
    assert_eq!(kinds(&p[3].scenario), [JoinHinode, KeepStatements, Apply]);
    // Trial stay E is not eligible with these answers: no checklist (the result says what would
    // change that instead).
    assert_eq!(kinds(&p[4].scenario), []);
    // Undecided F plans to move and does not know about hinode: move, join, keep the statements,
    // and find out what is unknown; no application while answers are unknown.
    assert_eq!(
        kinds(&p[5].scenario),
        [RegisterAddress, JoinHinode, KeepStatements, FindOut]
    );
}

#[test]
fn the_application_step_says_when() {
    let o = evaluate(rules(), &personas()[0].scenario, today()).unwrap();
    let apply = o.next_steps.iter().find(|s| s.kind == Apply).unwrap();
    // FY2026 ends on 2027-03-31 (令和9年3月31日): the claim comes after that (年度末).
    assert!(
        apply.what.ja.contains("年度末(令和9年3月31日)を過ぎてから"),
        "{}",
        apply.what.ja
    );
    assert!(
        apply.what.en.contains("after the fiscal year ends"),
        "{}",
        apply.what.en
    );
    assert!(!apply.why.ja.is_empty() && !apply.why.en.is_empty());
}

#[test]
fn a_designer_moving_next_year_is_told_to_move_and_join_but_not_to_apply_for_a_year_before() {
    let f = ScenarioFile::from_json(
        r#"{"format":"isumi-check","format_version":2,"fiscal_year":2025,
        "answers":{"residence":{"planning_to_move":{"when":"2027-04-01"}},"stay_3_years":"yes","crowdworks_account":"yes","hinode_special_member":"no","housing":"individual"},
        "estimate":{"mode":"detailed","contracts":[{"label":"","kind":"fixed","payments":[{"date":"2025-06-15","amount":250000}]}]}}"#,
    )
    .unwrap();
    assert_eq!(kinds(&f), [RegisterAddress, JoinHinode, KeepStatements]);
}
