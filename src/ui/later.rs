//! The later screens as a part of their own: the estimate forms, the check page, the result, the
//! application and seminar mode's comparison and staff check ([`super::router::later_screen`]).
//!
//! With the `split` feature (the release build, `scripts/split.mjs`) everything only they use
//! (their views, the evaluation, the chart, the QR code, the worked examples) is cut out of the
//! first download into a second wasm part, which [`load`] fetches: the shell starts it in the
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

thread_local! {
    static LOADED: Cell<Option<Later>> = const { Cell::new(None) };
}

/// The later screens' renderer, once their part is here.
pub fn loaded() -> Option<Later> {
    if cfg!(feature = "split") {
        LOADED.with(Cell::get)
    } else {
        Some(super::router::later_screen)
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
async fn fetch() -> Option<Later> {
    part().await.ok()
}

#[cfg(not(feature = "split"))]
async fn fetch() -> Option<Later> {
    Some(super::router::later_screen)
}

/// The split point: what this returns, and everything only it reaches, is the later part.
#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(later, fallible)]
fn part() -> Result<Later, wasm_split_helpers::SplitLoaderError> {
    Ok(super::router::later_screen)
}
