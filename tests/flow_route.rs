//! Routes (`flow::route`, `flow::page`, `flow::seminar`): every screen has one fragment, the
//! fragment reads back as the same screen, and anything else is not a route.

mod common;

use isumi_check::flow::seminar::SeminarView;
use isumi_check::flow::{Page, Route};
use isumi_check::rules::personas::{comparisons, personas};
use proptest::prelude::*;

/// Every route there is: the start, each page asked or changed, check, result, apply, print,
/// and every seminar view.
fn all_routes() -> Vec<Route> {
    let mut routes = vec![
        Route::Start,
        Route::Check,
        Route::Result,
        Route::Applicant,
        Route::Application,
        Route::Seminar(SeminarView::Home),
        Route::Seminar(SeminarView::Check),
    ];
    for p in Page::ALL {
        routes.push(Route::Ask(p));
        routes.push(Route::Change(p));
    }
    routes.extend((0..personas().len()).map(|i| Route::Seminar(SeminarView::Persona(i))));
    routes.extend((0..comparisons().len()).map(|k| Route::Seminar(SeminarView::Compare(k))));
    routes
}

fn route() -> impl Strategy<Value = Route> {
    prop::sample::select(all_routes())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_route_reads_back_from_its_fragment(r in route()) {
        let href = r.href();
        prop_assert!(href.starts_with('#'), "{}", href);
        prop_assert_eq!(Route::parse(&href), Some(r));
        // The fragment as some browsers give it, without its `#`.
        prop_assert_eq!(Route::parse(&href[1..]), Some(r));
    }
}

#[test]
fn the_fragments_are_the_documented_ones() {
    for (route, href) in [
        (Route::Start, "#/"),
        (Route::Ask(Page::Residence), "#/residence"),
        (Route::Ask(Page::Stay3Years), "#/stay-3-years"),
        (Route::Ask(Page::FiscalYear), "#/fiscal-year"),
        (Route::Ask(Page::EarnMode), "#/earnings"),
        (Route::Ask(Page::Quick), "#/earnings/quick"),
        (Route::Ask(Page::Detailed), "#/earnings/contracts"),
        (Route::Ask(Page::Actual), "#/earnings/fees"),
        (Route::Change(Page::Housing), "#/change/housing"),
        (Route::Change(Page::Quick), "#/change/earnings/quick"),
        (Route::Check, "#/check"),
        (Route::Result, "#/result"),
        (Route::Applicant, "#/apply"),
        (Route::Application, "#/apply/print"),
        (Route::Seminar(SeminarView::Home), "#seminar"),
        // Persona and comparison numbers are 1-based in the address bar.
        (Route::Seminar(SeminarView::Persona(0)), "#seminar/1"),
        (Route::Seminar(SeminarView::Persona(5)), "#seminar/6"),
        (
            Route::Seminar(SeminarView::Compare(0)),
            "#seminar/compare/1",
        ),
        (Route::Seminar(SeminarView::Check), "#seminar/check"),
    ] {
        assert_eq!(route.href(), href);
    }
}

#[test]
fn no_two_screens_share_a_fragment() {
    let routes = all_routes();
    let mut hrefs: Vec<String> = routes.iter().map(Route::href).collect();
    hrefs.sort();
    hrefs.dedup();
    assert_eq!(hrefs.len(), routes.len());
}

#[test]
fn no_fragment_and_the_bare_slash_are_the_start_page() {
    for f in ["", "#", "#/", "/"] {
        assert_eq!(Route::parse(f), Some(Route::Start), "{f:?}");
    }
}

#[test]
fn every_fragment_with_a_trailing_slash_is_the_same_screen() {
    // Including the start page's: `#//` is `#/` with a slash typed after it.
    let wrong: Vec<String> = all_routes()
        .into_iter()
        .map(|r| (r, format!("{}/", r.href())))
        .filter(|(r, href)| Route::parse(href) != Some(*r))
        .map(|(_, href)| href)
        .collect();
    assert!(wrong.is_empty(), "not read back: {wrong:?}");
}

#[test]
fn trailing_slashes_are_read_as_the_same_screen() {
    assert_eq!(Route::parse("#/check/"), Some(Route::Check));
    assert_eq!(Route::parse("#/apply/print/"), Some(Route::Application));
    assert_eq!(
        Route::parse("#/earnings/quick/"),
        Some(Route::Ask(Page::Quick))
    );
    assert_eq!(
        Route::parse("#/change/hinode/"),
        Some(Route::Change(Page::Hinode))
    );
    assert_eq!(
        Route::parse("#seminar/"),
        Some(Route::Seminar(SeminarView::Home))
    );
    assert_eq!(
        Route::parse("#seminar/3/"),
        Some(Route::Seminar(SeminarView::Persona(2)))
    );
    assert_eq!(
        Route::parse("#seminar/compare/"),
        Some(Route::Seminar(SeminarView::Compare(0))),
        "the comparisons without a number: the first"
    );
}

#[test]
fn fragments_that_are_not_screens_are_not_routes() {
    for f in [
        "#main",
        "main",
        "#/nonsense",
        "#/Check",
        "#/check?x=1",
        "#/change/",
        "#/change/check",
        "#/change/nonsense",
        "#/apply/print/more",
        "#/earnings/other",
        "#seminar/99",
        "#seminar/0",
        "#seminar/7",
        "#seminar/-1",
        "#seminar/one",
        "#seminar/compare/0",
        "#seminar/compare/99",
        "#seminarx",
        "#seminar-2",
        "#seminar/checks",
        "#seminar/check/1",
    ] {
        assert_eq!(Route::parse(f), None, "{f:?}");
    }
}

#[test]
fn a_route_tells_its_page_and_whether_it_is_the_seminar() {
    assert_eq!(Route::Ask(Page::Hinode).page(), Some(Page::Hinode));
    assert_eq!(Route::Change(Page::Actual).page(), Some(Page::Actual));
    for r in [Route::Start, Route::Check, Route::Result, Route::Applicant] {
        assert_eq!(r.page(), None);
        assert!(!r.is_seminar());
    }
    assert!(Route::Seminar(SeminarView::Compare(0)).is_seminar());
    assert_eq!(Route::Seminar(SeminarView::Home).page(), None);
}

#[test]
fn pages_are_in_asking_order_with_one_slug_each() {
    assert_eq!(Page::ALL.first(), Some(&Page::Residence));
    assert_eq!(Page::ALL.last(), Some(&Page::Actual));
    assert!(Page::ALL.windows(2).all(|w| w[0] < w[1]));
    for p in Page::ALL {
        assert_eq!(Page::from_slug(p.slug()), Some(p));
    }
    assert_eq!(Page::from_slug("stay_3_years"), None);
    let forms: Vec<Page> = Page::ALL
        .into_iter()
        .filter(|p| p.is_estimate_form())
        .collect();
    assert_eq!(forms, [Page::Quick, Page::Detailed, Page::Actual]);
}

#[test]
fn seminar_shortcut_keys() {
    use SeminarView::*;
    // Six personas: → wraps from the last to the first, ← from the start to the last.
    assert_eq!(personas().len(), 6);
    assert_eq!(Home.after_key("ArrowRight"), Some(Persona(0)));
    assert_eq!(Persona(2).after_key("n"), Some(Persona(3)));
    assert_eq!(Persona(5).after_key("ArrowRight"), Some(Persona(0)));
    assert_eq!(Home.after_key("ArrowLeft"), Some(Persona(5)));
    assert_eq!(Persona(0).after_key("P"), Some(Persona(5)));
    assert_eq!(Compare(0).after_key("3"), Some(Persona(2)));
    assert_eq!(Home.after_key("7"), None);
    assert_eq!(Home.after_key("0"), None);
    assert_eq!(Persona(4).after_key("c"), Some(Compare(0)));
    let last = comparisons().len() - 1;
    assert_eq!(Compare(last).after_key("C"), Some(Compare(0)));
    assert_eq!(Persona(3).after_key("Escape"), Some(Home));
    assert_eq!(Compare(0).after_key("r"), Some(Home));
    assert_eq!(Home.after_key("x"), None);
    assert_eq!(Home.after_key("Enter"), None);
}
