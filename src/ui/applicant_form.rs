//! Placeholder: being written.

use super::state::{Action, State};
use yew::prelude::*;

/// Props of [`ApplicantPage`].
#[derive(Properties, PartialEq)]
pub struct ApplicantPageProps {
    /// The state.
    pub state: State,
    /// The dispatcher.
    pub dispatch: Callback<Action>,
}

/// Placeholder page.
#[function_component(ApplicantPage)]
pub fn page(p: &ApplicantPageProps) -> Html {
    let lang = p.state.lang;
    let back = p.dispatch.reform(|_: MouseEvent| Action::Back);
    html! {
        <div>
            <h1 tabindex="-1">{ lang.pick("申請者の情報", "Your details") }</h1>
            <button type="button" class="button button-secondary" onclick={back}>{ lang.pick("戻る", "Back") }</button>
        </div>
    }
}
