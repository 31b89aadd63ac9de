//! Seminar mode's places and keys, and the personas shown through the ordinary flow.

mod common;

use common::today;
use isumi_check::flow::navigation::pages;
use isumi_check::flow::seminar::SeminarView;
use isumi_check::flow::{update, Event, Model, Route};
use isumi_check::rules::personas::{comparisons, personas};
use isumi_check::rules::Lang;

#[test]
fn every_persona_fills_the_flow_and_reads_back_unchanged() {
    for p in personas() {
        let m = Model::from_scenario(&p.scenario, today());
        assert_eq!(m.route, Route::Result, "{}", p.name.en);
        // What the result page computes from (the drafts as typed) is the persona's own file.
        assert_eq!(m.scenario(), p.scenario, "{}", p.name.en);
        assert!(pages(&m).iter().all(|page| m.is_answered(*page)));
    }
}

#[test]
fn a_persona_is_shown_in_the_current_language_over_the_persons_own_answers() {
    let mut m = Model::fresh(today());
    m.lang = Lang::En;
    update(&mut m, Event::Start, today());
    let own = m.clone();
    update(&mut m, Event::UrlChanged("#seminar/2".into()), today());
    let s = m.seminar.as_ref().expect("seminar mode");
    assert_eq!(s.view, SeminarView::Persona(1));
    assert_eq!(s.demo.lang, Lang::En);
    assert_eq!(s.demo.answers, personas()[1].scenario.answers);
    // The person's own answers and route are untouched underneath.
    assert_eq!(m.route, own.route);
    assert_eq!(m.answers, own.answers);
    // Clearing in seminar mode wipes nothing.
    update(&mut m, Event::Clear, today());
    assert_eq!(
        m.seminar.as_ref().unwrap().demo.answers,
        personas()[1].scenario.answers
    );
}

#[test]
fn fragments_and_keys() {
    use SeminarView::*;
    assert_eq!(SeminarView::parse("#seminar"), Some(Home));
    assert_eq!(SeminarView::parse("#seminar/"), Some(Home));
    assert_eq!(SeminarView::parse("#seminar/3"), Some(Persona(2)));
    assert_eq!(SeminarView::parse("#seminar/compare"), Some(Compare(0)));
    assert_eq!(SeminarView::parse("#seminar/compare/2"), Some(Compare(1)));
    for bad in [
        "",
        "#main",
        "#seminar/0",
        "#seminar/7",
        "#seminar/x",
        "#seminarx",
        "#seminar/compare/9",
    ] {
        assert_eq!(SeminarView::parse(bad), None, "{bad}");
    }
    for v in [Home, Persona(5), Compare(1)] {
        assert_eq!(SeminarView::parse(&v.hash()), Some(v));
    }
    let n = personas().len();
    assert_eq!(Home.after_key("ArrowRight"), Some(Persona(0)));
    assert_eq!(Persona(n - 1).after_key("n"), Some(Persona(0)));
    assert_eq!(Persona(0).after_key("ArrowLeft"), Some(Persona(n - 1)));
    assert_eq!(Compare(0).after_key("4"), Some(Persona(3)));
    assert_eq!(Persona(2).after_key("c"), Some(Compare(0)));
    assert_eq!(
        Compare(comparisons().len() - 1).after_key("C"),
        Some(Compare(0))
    );
    assert_eq!(Persona(2).after_key("Escape"), Some(Home));
    assert_eq!(Persona(2).after_key("r"), Some(Home));
    for other in ["7", "0", "a", "Enter", " "] {
        assert_eq!(Persona(0).after_key(other), None, "{other}");
    }
}
