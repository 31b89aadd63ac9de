//! The router: the page for the route shown, given only the slice of the model it reads.
//! Slices are computed for the current page only, so typing on one page computes nothing for
//! the others.

use super::pages::apply::ApplicantPage;
use super::pages::check::CheckPage;
use super::pages::compare::ComparePage;
use super::pages::contracts::ContractsPage;
use super::pages::crowdworks::CrowdworksPage;
use super::pages::earnings::EarningsPage;
use super::pages::fees::FeesPage;
use super::pages::fiscal_year::FiscalYearPage;
use super::pages::hinode::HinodePage;
use super::pages::housing::HousingPage;
use super::pages::print::ApplicationPage;
use super::pages::quick::QuickPage;
use super::pages::residence::ResidencePage;
use super::pages::result::ResultPage;
use super::pages::staff_check::StaffCheckPage;
use super::pages::start::{StartPage, StartTemplates};
use super::pages::stay_3_years::Stay3YearsPage;
use super::pages::Ask;
use crate::flow::navigation::{previous, progress};
use crate::flow::seminar::SeminarView;
use crate::flow::{summary, Event, Model, Page, Route};
use crate::rules::answer_dates::{answer_date_bounds, AnswerDate};
use crate::rules::counting::counting_start;
use crate::rules::data::rules;
use crate::rules::personas::SEMINAR_TODAY;
use crate::rules::timing::{claimable_years, eligible_from, payment_date_bounds};
use crate::rules::Lang;
use crate::ui::components::data_file::DataFile;
use crate::ui::components::persona_qr::PersonaQr;
use crate::ui::later;
use chrono::NaiveDate;
use yew::prelude::*;

/// Whether [`screen`] shows the start page for `m` (the shell shows the static start section
/// exactly then).
pub fn shows_start(m: &Model, seminar: Option<SeminarView>) -> bool {
    !matches!(seminar, Some(SeminarView::Compare(_) | SeminarView::Check))
        && matches!(m.route, Route::Start | Route::Seminar(_))
}

/// The page for `m`'s route (`m` is the model shown: the demo in seminar mode).
pub fn screen(
    m: &Model,
    seminar: Option<SeminarView>,
    templates: &StartTemplates,
    today: NaiveDate,
    on: &Callback<Event>,
    later_failed: bool,
) -> Html {
    // The seminar's figures are for a fixed day, so what the projector shows never drifts.
    let today = if seminar.is_some() {
        SEMINAR_TODAY
    } else {
        today
    };
    let lang = m.lang;
    let on = on.clone();
    if is_later(m, seminar) {
        return match later::loaded() {
            Some(part) => (part.screen)(m, seminar, today, &on),
            None => loading(lang, later_failed),
        };
    }
    let in_seminar = seminar.is_some();
    match m.route {
        Route::Start | Route::Seminar(_) => html! {
            <StartPage templates={templates.clone()} {lang} on={on.clone()} {in_seminar}>
                if !in_seminar {
                    <DataFile {lang} error={m.file_error.clone()} {on} />
                }
            </StartPage>
        },
        Route::Ask(page) | Route::Change(page) => {
            let ask = ask(m);
            let asked = m.is_answered(page);
            let d = &m.drafts;
            match page {
                Page::Residence => html! {
                    <ResidencePage {ask} answer={asked.then_some(m.answers.residence)}
                        move_date={d.move_date.clone()} moved_in={d.moved_in.clone()}
                        move_bounds={answer_date_bounds(rules(), AnswerDate::PlannedMove, today)}
                        moved_in_bounds={answer_date_bounds(rules(), AnswerDate::MovedIn, today)} {on} />
                },
                Page::Stay3Years => {
                    html! { <Stay3YearsPage {ask} answer={asked.then_some(m.answers.stay_3_years)} {on} /> }
                }
                Page::Crowdworks => {
                    html! { <CrowdworksPage {ask} answer={asked.then_some(m.answers.crowdworks_account)} {on} /> }
                }
                Page::Hinode => html! {
                    <HinodePage {ask} answer={asked.then_some(m.answers.hinode_special_member)} member_date={d.member_date.clone()}
                        since_bounds={answer_date_bounds(rules(), AnswerDate::MemberSince, today)}
                        planned_bounds={answer_date_bounds(rules(), AnswerDate::PlannedMembership, today)} {on} />
                },
                Page::Housing => {
                    html! { <HousingPage {ask} answer={asked.then_some(m.answers.housing)} {on} /> }
                }
                Page::FiscalYear => {
                    html! {
                        <FiscalYearPage {ask} fiscal_year={m.fiscal_year} years={claimable_years(rules(), &m.answers, today)} {on} />
                    }
                }
                Page::EarnMode => {
                    html! { <EarningsPage {ask} answer={m.is_answered(page).then_some(m.earn_mode.unwrap_or_default())} {on} /> }
                }
                // The earnings forms are later screens (`is_later`).
                Page::Quick | Page::Detailed | Page::Actual => loading(lang, later_failed),
            }
        }
        Route::Check | Route::Result | Route::Applicant | Route::Application => {
            loading(lang, later_failed)
        }
    }
}

/// The question frame's slice of `m` (its route's progress and back link).
fn ask(m: &Model) -> Ask {
    Ask {
        lang: m.lang,
        problems: m.problems.clone(),
        progress: progress(m, m.route),
        back: previous(m, m.route),
    }
}

/// Whether `m`'s screen is one of the later screens: the estimate forms, the check page, the
/// result, the application and seminar mode's comparison and staff check. The release build
/// loads these as a second wasm part ([`super::later`]).
pub fn is_later(m: &Model, seminar: Option<SeminarView>) -> bool {
    matches!(seminar, Some(SeminarView::Compare(_) | SeminarView::Check))
        || matches!(
            m.route,
            Route::Ask(Page::Quick | Page::Detailed | Page::Actual)
                | Route::Change(Page::Quick | Page::Detailed | Page::Actual)
                | Route::Check
                | Route::Result
                | Route::Applicant
                | Route::Application
        )
}

/// What a later screen shows for the moment its part is still on the way (a reload or a link
/// straight to it, on a slow network): its place, with the page's heading.
/// `failed`: the fetch failed (offline before the part was ever kept): say so, and that it is
/// tried again on the next screen.
fn loading(lang: Lang, failed: bool) -> Html {
    if failed {
        return html! {
            <section class="loading" role="alert">
                <h1 tabindex="-1">{ lang.pick("この画面を読み込めませんでした", "This screen could not be loaded") }</h1>
                <p>{ lang.pick(
                    "ネットワークにつながってから、再読み込みするか、前の画面に戻ってもう一度進んでください。入力した内容は残っています。",
                    "Once you are online, reload, or go back and continue again. What you typed is kept.",
                ) }</p>
                // A reload also mends a page whose build was replaced on the server meanwhile (its
                // later part is gone): the new build opens on the same screen with the answers.
                <p><button type="button" class="button" id="reload-page"
                    onclick={Callback::from(|_: MouseEvent| { let _ = gloo::utils::window().location().reload(); })}>
                    { lang.pick("再読み込みする", "Reload") }
                </button></p>
            </section>
        };
    }
    html! {
        <section class="loading" aria-busy="true">
            <h1 tabindex="-1">{ lang.pick("読み込み中…", "Loading…") }</h1>
        </section>
    }
}

/// The later screens (see [`is_later`]); `today` is already the seminar's day in seminar mode.
pub fn later_screen(
    m: &Model,
    seminar: Option<SeminarView>,
    today: NaiveDate,
    on: &Callback<Event>,
) -> Html {
    let lang = m.lang;
    let on = on.clone();
    match seminar {
        Some(SeminarView::Compare(which)) => return html! { <ComparePage {lang} {which} /> },
        Some(SeminarView::Check) => return html! { <StaffCheckPage {lang} /> },
        _ => {}
    }
    let in_seminar = seminar.is_some();
    match m.route {
        Route::Ask(page) | Route::Change(page) => {
            let ask = ask(m);
            let d = &m.drafts;
            match page {
                Page::Quick => html! {
                    <QuickPage {ask} draft={d.quick.clone()} fiscal_year={m.fiscal_year} housing={m.answers.housing}
                        counts_from={counting_start(rules(), &eligible_from(rules(), &m.answers, today))} {on} />
                },
                Page::Detailed => {
                    let eligible = eligible_from(rules(), &m.answers, today);
                    let bounds = payment_date_bounds(rules(), m.fiscal_year, Some(&eligible));
                    let counts_from = counting_start(rules(), &eligible);
                    html! {
                        <ContractsPage {ask} contracts={d.contracts_shown()} {bounds} fiscal_year={m.fiscal_year}
                            housing={m.answers.housing} {counts_from} {on} />
                    }
                }
                Page::Actual => {
                    let counts_from =
                        counting_start(rules(), &eligible_from(rules(), &m.answers, today));
                    html! {
                        <FeesPage {ask} months={d.months.clone()} fiscal_year={m.fiscal_year}
                            housing={m.answers.housing} {counts_from} {on} />
                    }
                }
                _ => html! {},
            }
        }
        Route::Check => html! {
            <CheckPage {lang} rows={summary::rows(m)} back={previous(m, Route::Check)} {on} />
        },
        Route::Result => html! {
            <>
            <ResultPage {lang} file={m.scenario_with_applicant()} file_error={m.file_error.clone()} seminar={in_seminar} {today} {on} />
            if let Some(SeminarView::Persona(index)) = seminar { <PersonaQr {index} {lang} /> }
            </>
        },
        Route::Applicant => html! {
            <ApplicantPage {lang} applicant={m.applicant.clone()} save_personal={m.save_personal}
                problems={m.problems.clone()} file={m.scenario()} notice={m.notice.clone()} {today} {on} />
        },
        Route::Application => html! {
            <ApplicationPage {lang} file={m.scenario_with_applicant()} {today} {on} />
        },
        _ => html! {},
    }
}
