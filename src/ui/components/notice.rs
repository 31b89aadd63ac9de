//! The one-off notice: restored, cleared (with 「元に戻す」), storage trouble, a guard's redirect.

use super::link::Link;
use crate::flow::model::{Notice, NoticeAction};
use crate::flow::Event;
use crate::rules::Lang;
use yew::prelude::*;

/// Props of [`NoticeBox`].
#[derive(Properties, PartialEq)]
pub struct NoticeBoxProps {
    /// The notice.
    pub notice: Notice,
    /// Language.
    pub lang: Lang,
    /// The model's events.
    pub on: Callback<Event>,
}

/// A notice with its action and a close button. `role="status"`: announced without moving focus.
#[function_component(NoticeBox)]
pub fn notice_box(p: &NoticeBoxProps) -> Html {
    let lang = p.lang;
    let dismiss = p.on.reform(|_: MouseEvent| Event::DismissNotice);
    let undo = p.on.reform(|_: MouseEvent| Event::Undo);
    html! {
        <div class="notice no-print" role="status">
            <p>{ p.notice.text.get(lang).to_string() }</p>
            <p class="notice-actions">
                { match p.notice.action {
                    NoticeAction::Undo => html! {
                        <button type="button" class="button button-secondary button-small" id="undo" onclick={undo}>{ lang.pick("元に戻す", "Undo") }</button>
                    },
                    NoticeAction::Resume(route) => html! {
                        <Link to={route} on={p.on.clone()} id="resume" class="button button-small">{ lang.pick("続きから", "Carry on") }</Link>
                    },
                    NoticeAction::None => html! {},
                } }
                <button type="button" class="link-button" onclick={dismiss}>{ lang.pick("閉じる", "Dismiss") }</button>
            </p>
        </div>
    }
}
