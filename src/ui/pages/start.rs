//! The start page. Its content is the markup `index.html` ships (so it shows before the wasm
//! arrives and without JavaScript); the app adopts that markup instead of keeping a second copy.

use crate::rules::Lang;
use yew::prelude::*;

/// The start page's content in both languages, read from `index.html` at mount.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StartTemplates {
    /// Inner HTML of `#start-ja .start-content`.
    pub ja: AttrValue,
    /// Inner HTML of `template#start-en`.
    pub en: AttrValue,
}

impl StartTemplates {
    /// Reads both languages' start content from the page.
    pub fn capture(document: &web_sys::Document) -> Self {
        let inner = |selector: &str| {
            document
                .query_selector(selector)
                .ok()
                .flatten()
                .map(|e| AttrValue::from(e.inner_html()))
                .unwrap_or_default()
        };
        StartTemplates {
            ja: inner("#start-ja .start-content"),
            en: inner("#start-en"),
        }
    }

    fn get(&self, lang: Lang) -> AttrValue {
        match lang {
            Lang::Ja => self.ja.clone(),
            Lang::En => self.en.clone(),
        }
    }
}

/// Props of [`StartPage`].
#[derive(Properties, PartialEq)]
pub struct StartPageProps {
    /// Content adopted from `index.html`.
    pub templates: StartTemplates,
    /// Current language.
    pub lang: Lang,
    /// The model's events (the start button).
    pub on: Callback<crate::flow::Event>,
    /// Already in seminar mode (no link to it then).
    #[prop_or_default]
    pub in_seminar: bool,
}

/// The start page: the program in brief, then a start button.
#[function_component(StartPage)]
pub fn start_page(props: &StartPageProps) -> Html {
    let content = props.templates.get(props.lang);
    let on_click = props.on.reform(|_: MouseEvent| crate::flow::Event::Start);
    // Same wrapper, classes and id as the static markup, so adopting it changes nothing on screen.
    let inner = if content.is_empty() {
        html! { <h1 id="start-title" class="start-heading" tabindex="-1">{ props.lang.pick("クラウドワークスの手数料助成 セルフチェック", "CrowdWorks fee subsidy self-check") }</h1> }
    } else {
        Html::from_html_unchecked(content)
    };
    html! {
        <section id="start-ja" class="start" lang={props.lang.tag()} aria-labelledby="start-title">
            <div class="start-content">{ inner }</div>
            <p class="start-actions">
                <button type="button" class="button button-start" onclick={on_click}>
                    { props.lang.pick("はじめる", "Start now") }
                </button>
            </p>
            // Below the start button, so adopting the static page moves nothing above it.
            if !props.in_seminar {
                <p class="seminar-entry no-print">
                    <a href="#seminar" lang={props.lang.tag()}>{ props.lang.pick("セミナーモード(hinode スタッフ向け、入力は保存されません)", "Seminar mode (for hinode staff; nothing is saved)") }</a>
                </p>
            }
        </section>
    }
}
