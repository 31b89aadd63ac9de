//! The root component (placeholder flow until the rules engine lands).

use super::start::{StartPage, StartTemplates};
use crate::rules::Lang;
use yew::prelude::*;

/// Props of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The start page content adopted from `index.html`.
    #[prop_or_default]
    pub templates: StartTemplates,
}

/// The app.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let started = use_state(|| false);
    let lang = Lang::Ja;
    if *started {
        html! { <h1 id="q-title" tabindex="-1">{ "いすみ市に住んでいますか?" }</h1> }
    } else {
        let on_start = {
            let started = started.clone();
            Callback::from(move |_| started.set(true))
        };
        html! { <StartPage templates={props.templates.clone()} {lang} {on_start} /> }
    }
}
