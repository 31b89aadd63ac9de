//! Routes: every screen has a URL fragment, and the fragment is the one source of truth for
//! where the person is. `parse` and `href` round-trip; a fragment that is not a route (such as
//! the skip link's `#main`) parses to `None` and changes nothing.

use super::page::Page;
use super::seminar::SeminarView;

/// A screen of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Route {
    /// The start page (`#/`, or no fragment at all).
    Start,
    /// A question, asked in order (`#/housing`).
    Ask(Page),
    /// A question opened from the check page to change an answer; continuing returns there
    /// (`#/change/housing`).
    Change(Page),
    /// Check your answers (`#/check`).
    Check,
    /// The result (`#/result`).
    Result,
    /// The applicant's details for the application (`#/apply`).
    Applicant,
    /// The application to print (`#/apply/print`).
    Application,
    /// Seminar mode (`#seminar`, `#seminar/3`, `#seminar/compare/2`).
    Seminar(SeminarView),
}

impl Route {
    /// Reads a URL fragment, with or without the leading `#`.
    pub fn parse(fragment: &str) -> Option<Route> {
        let f = fragment.strip_prefix('#').unwrap_or(fragment);
        if f.starts_with("seminar") {
            return SeminarView::parse(f).map(Route::Seminar);
        }
        if f.trim_end_matches('/').is_empty() {
            return Some(Route::Start);
        }
        let path = f.strip_prefix('/')?.trim_end_matches('/');
        match path {
            "check" => Some(Route::Check),
            "result" => Some(Route::Result),
            "apply" => Some(Route::Applicant),
            "apply/print" => Some(Route::Application),
            _ => match path.strip_prefix("change/") {
                Some(slug) => Page::from_slug(slug).map(Route::Change),
                None => Page::from_slug(path).map(Route::Ask),
            },
        }
    }

    /// The fragment of this route, with its `#`: what links point at.
    pub fn href(&self) -> String {
        match self {
            Route::Start => "#/".into(),
            Route::Ask(p) => format!("#/{}", p.slug()),
            Route::Change(p) => format!("#/change/{}", p.slug()),
            Route::Check => "#/check".into(),
            Route::Result => "#/result".into(),
            Route::Applicant => "#/apply".into(),
            Route::Application => "#/apply/print".into(),
            Route::Seminar(v) => v.hash(),
        }
    }

    /// The question page this route shows, if it shows one.
    pub fn page(&self) -> Option<Page> {
        match self {
            Route::Ask(p) | Route::Change(p) => Some(*p),
            _ => None,
        }
    }

    /// Whether the route belongs to seminar mode.
    pub fn is_seminar(&self) -> bool {
        matches!(self, Route::Seminar(_))
    }
}
