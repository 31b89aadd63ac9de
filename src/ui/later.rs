//! The later screens as a part of their own: the estimate forms, the check page, the result, the
//! application and seminar mode's comparison and staff check ([`super::router::later_screen`]).
//!
//! With the `split` feature (the release build, `scripts/split.mjs`) everything only they use
//! (their views, the evaluation, the chart, the QR code, the worked examples) is cut out of the
//! first download into a second wasm part (with the data file's reader), which [`load`] fetches: the shell starts it in the
//! background as soon as the first question is shown, so no later screen waits in practice. A
//! later screen reached before it arrived (a reload on `#/result`) shows its place until then.
//! Without the feature (`trunk serve`, the component tests) it is all one module and [`loaded`]
//! answers at once.

use crate::flow::seminar::SeminarView;
use crate::flow::{Event, Model};
use chrono::NaiveDate;
use std::cell::Cell;
use yew::prelude::*;

/// Renders a later screen: `(model shown, seminar view, today, events)`.
pub type Later = fn(&Model, Option<SeminarView>, NaiveDate, &Callback<Event>) -> Html;

/// What the later part gives: the later screens, and the data file's reader (the start page's
/// 「データを開く」 reads through it, so the reader is not in the first download).
#[derive(Clone, Copy)]
pub struct Part {
    /// The later screens.
    pub screen: Later,
    /// A file's name and bytes → the event that opens it (`flow::file::read_file`).
    pub read_file: fn(String, &[u8]) -> Event,
}

const PART: Part = Part {
    screen: super::router::later_screen,
    read_file: crate::flow::file::read_file,
};

thread_local! {
    static LOADED: Cell<Option<Part>> = const { Cell::new(None) };
}

/// The later part, once it is here.
pub fn loaded() -> Option<Part> {
    if cfg!(feature = "split") {
        LOADED.with(Cell::get)
    } else {
        Some(PART)
    }
}

/// Fetches the later part (once: later calls share the first), then calls `done(ok)`. A failed
/// fetch (offline before the part was ever kept) is tried again on the next call.
pub fn load(done: impl FnOnce(bool) + 'static) {
    if loaded().is_some() {
        done(true);
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let ok = match fetch().await {
            Some(f) => {
                LOADED.with(|l| l.set(Some(f)));
                true
            }
            None => false,
        };
        done(ok);
    });
}

#[cfg(feature = "split")]
async fn fetch() -> Option<Part> {
    part().await.ok()
}

#[cfg(not(feature = "split"))]
async fn fetch() -> Option<Part> {
    Some(PART)
}

/// The split point: what this returns, and everything only it reaches, is the later part.
#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(later, fallible)]
fn part() -> Result<Part, wasm_split_helpers::SplitLoaderError> {
    Ok(PART)
}
