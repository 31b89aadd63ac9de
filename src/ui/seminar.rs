//! Placeholder: being written.

use super::state::{Action, State};
use yew::prelude::*;

/// Props of [`ComparePage`].
#[derive(Properties, PartialEq)]
pub struct ComparePageProps {
    /// The state.
    pub state: State,
    /// The dispatcher.
    pub dispatch: Callback<Action>,
}

/// Placeholder page.
#[function_component(ComparePage)]
pub fn page(p: &ComparePageProps) -> Html {
    let lang = p.state.lang;
    let back = p.dispatch.reform(|_: MouseEvent| Action::Back);
    html! {
        <div>
            <h1 tabindex="-1">{ lang.pick("比較", "Compare") }</h1>
            <button type="button" class="button button-secondary" onclick={back}>{ lang.pick("戻る", "Back") }</button>
        </div>
    }
}
