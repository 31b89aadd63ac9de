//! Where each route leads: the pages asked for the answers so far (branching lives here and only
//! here), next and previous, progress, and the guards that keep a route from showing before the
//! answers it needs.

use super::forms::{applicant_problems, page_problems};
use super::model::{EarnMode, Model};
use super::page::Page;
use super::route::Route;
use super::summary::mode_name;
use crate::rules::application::{drafting_for, Drafting};
use crate::rules::data::rules;
use crate::rules::eligibility::Residence;
use crate::rules::Text;
use chrono::NaiveDate;

/// The question pages asked for the current answers, in order: no 3-year question for someone
/// not planning to live in Isumi; the earnings form that fits the chosen mode (the quick one until
/// a mode is chosen); none when the person skips the estimate.
pub fn pages(m: &Model) -> Vec<Page> {
    let mut pages = vec![Page::Residence];
    if m.answers.residence != Residence::NotPlanning {
        pages.push(Page::Stay3Years);
    }
    pages.extend([
        Page::Crowdworks,
        Page::Hinode,
        Page::Housing,
        Page::FiscalYear,
        Page::EarnMode,
    ]);
    if let Some(form) = m.earn_mode.unwrap_or_default().form() {
        pages.push(form);
    }
    pages
}

/// The first page that still needs an answer (or whose form has problems), if any.
pub fn first_gap(m: &Model) -> Option<Page> {
    pages(m)
        .into_iter()
        .find(|p| !m.is_answered(*p) || !page_problems(m, *p).is_empty())
}

/// Where Continue leads from `route` (before guards).
pub fn next(m: &Model, route: Route) -> Route {
    match route {
        Route::Start => Route::Ask(Page::Residence),
        Route::Ask(page) => {
            let ps = pages(m);
            match ps.iter().position(|p| *p == page) {
                Some(i) if i + 1 < ps.len() => Route::Ask(ps[i + 1]),
                _ => Route::Check,
            }
        }
        // Changing how the earnings are given: the matching form must be seen before the check.
        Route::Change(Page::EarnMode) => match m.earn_mode.and_then(EarnMode::form) {
            Some(form) => Route::Change(form),
            None => Route::Check,
        },
        Route::Change(_) => Route::Check,
        Route::Check => Route::Result,
        Route::Result => Route::Applicant,
        Route::Applicant => Route::Application,
        Route::Application => Route::Application,
        Route::Seminar(v) => Route::Seminar(v),
    }
}

/// Where the back link of `route` leads.
pub fn previous(m: &Model, route: Route) -> Route {
    match route {
        Route::Start => Route::Start,
        Route::Ask(page) => {
            let ps = pages(m);
            match ps.iter().position(|p| *p == page) {
                Some(i) if i > 0 => Route::Ask(ps[i - 1]),
                _ => Route::Start,
            }
        }
        // A form reached by changing the mode goes back to the mode's page, still changing.
        Route::Change(p) if p.is_estimate_form() => Route::Change(Page::EarnMode),
        Route::Change(_) => Route::Check,
        Route::Check => pages(m).last().map_or(Route::Start, |p| Route::Ask(*p)),
        Route::Result => Route::Check,
        Route::Applicant => Route::Result,
        Route::Application => Route::Applicant,
        Route::Seminar(v) => Route::Seminar(v),
    }
}

/// 「質問 n / of」 for a question route: its 1-based position and the number of pages.
pub fn progress(m: &Model, route: Route) -> Option<(usize, usize)> {
    let page = route.page()?;
    let ps = pages(m);
    ps.iter()
        .position(|p| *p == page)
        .map(|i| (i + 1, ps.len()))
}

/// Why a guard moved the person.
pub fn guard_text() -> Text {
    Text::new(
        "まだ答えていない質問があります。ここから続けてください。",
        "Some questions are not answered yet: please carry on from here.",
    )
}

/// The route actually shown for `route`: itself, or — when it needs answers not given yet (a
/// bookmarked `#/result`, a form for another earnings mode) — the first page that needs one.
pub fn guard(m: &Model, route: Route, today: NaiveDate) -> Route {
    let ps = pages(m);
    let gap_before = |page: Option<Page>| -> Option<Page> {
        ps.iter()
            .take_while(|p| Some(**p) != page)
            .find(|p| !m.is_answered(**p) || !page_problems(m, **p).is_empty())
            .copied()
    };
    match route {
        Route::Start | Route::Seminar(_) => route,
        Route::Ask(page) | Route::Change(page) => {
            if !ps.contains(&page) {
                if page.is_estimate_form() {
                    // The form of another earnings mode (a link to the contracts form in quick
                    // mode): the page of the mode chosen instead, as a question or a change as
                    // asked (guarded like any page; it is always asked, so this ends here).
                    let mine = mode_page(m);
                    let instead = match route {
                        Route::Ask(_) => Route::Ask(mine),
                        _ => Route::Change(mine),
                    };
                    return guard(m, instead, today);
                }
                // A question not asked with these answers (the 3-year one when not moving).
                return first_gap(m).map_or(Route::Check, Route::Ask);
            }
            match gap_before(Some(page)) {
                Some(gap) => Route::Ask(gap),
                None => route,
            }
        }
        Route::Check | Route::Result => match first_gap(m) {
            Some(gap) => Route::Ask(gap),
            None => route,
        },
        Route::Applicant | Route::Application => match first_gap(m) {
            Some(gap) => Route::Ask(gap),
            // Only for a year the person can claim: the result says why not.
            None if drafting_refused(m, today).is_some() => Route::Result,
            None if route == Route::Application
                && !applicant_problems(&m.applicant, today).is_empty() =>
            {
                Route::Applicant
            }
            None => route,
        },
    }
}

/// Why no application can be drafted for the model's answers and year (`None`: it can): what the
/// evaluation's `application` says, or its error's words, found by [`drafting_for`] without
/// evaluating the scenario whole (so the first module of the release build need not hold the
/// evaluation: only the later screens use it).
pub fn drafting_refused(m: &Model, today: NaiveDate) -> Option<Text> {
    match drafting_for(rules(), &m.scenario(), today) {
        Ok(Drafting::Ready { .. }) => None,
        Ok(Drafting::NotReady { text, .. }) => Some(text),
        Err(e) => Some(e.text()),
    }
}

/// Why the guard moved the person from `asked` to `shown`.
pub fn guard_reason(m: &Model, asked: Route, shown: Route, today: NaiveDate) -> Text {
    match (asked, shown) {
        (Route::Applicant | Route::Application, Route::Result) => {
            drafting_refused(m, today).unwrap_or_else(guard_text)
        }
        (Route::Application, Route::Applicant) => Text::new(
            "申請者の情報に直すところがあります。下の一覧から直してください。",
            "Some of your details need fixing first: see the list below.",
        ),
        // The form asked for is not the one of the mode chosen, and nothing before that one is
        // missing.
        (Route::Ask(p) | Route::Change(p), _)
            if p.is_estimate_form() && shown.page() == Some(mode_page(m)) =>
        {
            let name = mode_name(m.earn_mode.unwrap_or_default());
            match m.earn_mode.unwrap_or_default().form() {
                Some(_) => Text::new(
                    format!(
                        "収入の入力方法に「{}」を選んでいるため、その入力ページを表示しています。",
                        name.ja
                    ),
                    format!(
                        "You chose “{}” for how to give your earnings, so here is its page.",
                        name.en
                    ),
                ),
                None => Text::new(
                    format!(
                        "収入の入力方法に「{}」を選んでいるため、入力するページはありません。入力方法はここで変えられます。",
                        name.ja
                    ),
                    format!(
                        "You chose “{}” for how to give your earnings, so there is nothing to type in. You can change that here.",
                        name.en
                    ),
                ),
            }
        }
        // Every question is answered: the one asked for does not apply to these answers.
        (Route::Ask(_) | Route::Change(_), Route::Check) => Text::new(
            "その質問は、今の回答では必要ありません。回答の確認ページを表示しています。",
            "That question does not apply to your answers: here is the summary of your answers.",
        ),
        _ => guard_text(),
    }
}

/// The page of the earnings mode chosen: its form, or the mode's question when no estimate is
/// made.
fn mode_page(m: &Model) -> Page {
    m.earn_mode
        .unwrap_or_default()
        .form()
        .unwrap_or(Page::EarnMode)
}
