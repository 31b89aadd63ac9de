//! `#/check`: every answer with a change link that returns here.

use crate::flow::summary::Row;
use crate::flow::{Event, Route};
use crate::rules::Lang;
use crate::ui::components::link::Link;
use yew::prelude::*;

/// Props of [`CheckPage`].
#[derive(Properties, PartialEq)]
pub struct CheckProps {
    /// Language.
    pub lang: Lang,
    /// The rows (from the flow core).
    pub rows: Vec<Row>,
    /// Where the back link leads.
    pub back: Route,
    /// The model's events.
    pub on: Callback<Event>,
}

/// The page.
#[function_component(CheckPage)]
pub fn page(p: &CheckProps) -> Html {
    let lang = p.lang;
    let on_submit = p.on.reform(|e: SubmitEvent| {
        e.prevent_default();
        Event::Continue
    });
    html! {
        <div>
            <Link to={p.back} on={p.on.clone()} class="back-link">{ lang.pick("‹ 戻る", "‹ Back") }</Link>
            <h1 tabindex="-1">{ lang.pick("回答の確認", "Check your answers") }</h1>
            <dl class="summary-list">
                { for p.rows.iter().map(|r| {
                    let q = r.question.get(lang).to_string();
                    html! {
                        <div class="summary-row">
                            <dt>{ q.clone() }</dt>
                            <dd>{ r.answer.get(lang).to_string() }</dd>
                            <dd><Link to={Route::Change(r.page)} on={p.on.clone()}>{ lang.pick("変更", "Change") }<span class="visually-hidden">{ format!(" {q}") }</span></Link></dd>
                        </div>
                    }
                }) }
            </dl>
            <form onsubmit={on_submit}>
                <div class="button-row"><button type="submit" class="button">{ lang.pick("結果を見る", "See the result") }</button></div>
            </form>
        </div>
    }
}
