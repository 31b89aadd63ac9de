//! The start page. Its content is the markup `index.html` ships (so it shows before the wasm
//! arrives and without JavaScript); the app adopts that markup instead of keeping a second copy.
//! A start button sits right under the introduction, in the first screen of a phone, and again at
//! the end.

use crate::flow::seminar::SeminarView;
use crate::flow::Event;
use crate::rules::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// One language's start content: the introduction (heading and lead) and the rest.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StartContent {
    /// Inner HTML of `.start-intro`.
    pub intro: AttrValue,
    /// Inner HTML of `.start-content`.
    pub content: AttrValue,
}

/// The start page's content in both languages, read from `index.html` at mount.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StartTemplates {
    /// From `#start-ja`.
    pub ja: StartContent,
    /// From `template#start-en`.
    pub en: StartContent,
}

fn inner(root: Option<web_sys::Element>, selector: &str) -> AttrValue {
    root.and_then(|r| r.query_selector(selector).ok().flatten())
        .map(|e| AttrValue::from(e.inner_html()))
        .unwrap_or_default()
}

impl StartTemplates {
    /// Reads both languages' start content from the page.
    pub fn capture(document: &web_sys::Document) -> Self {
        let ja = document.query_selector("#start-ja").ok().flatten();
        // The English content is a <template>'s content: a fragment, read through a wrapper.
        let en = document
            .query_selector("#start-en")
            .ok()
            .flatten()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTemplateElement>().ok())
            .and_then(|t| {
                let wrap = document.create_element("div").ok()?;
                wrap.append_child(&t.content().clone_node_with_deep(true).ok()?)
                    .ok()?;
                Some(wrap)
            });
        StartTemplates {
            ja: StartContent {
                intro: inner(ja.clone(), ".start-intro"),
                content: inner(ja, ".start-content"),
            },
            en: StartContent {
                intro: inner(en.clone(), ".start-intro"),
                content: inner(en, ".start-content"),
            },
        }
    }

    fn get(&self, lang: Lang) -> &StartContent {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
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
    /// The model's events (the start buttons, the offer of English).
    pub on: Callback<Event>,
    /// Already in seminar mode (no link to it then).
    #[prop_or_default]
    pub in_seminar: bool,
}

/// Whether the browser asks for another language than Japanese first (then English is offered,
/// never switched to silently).
fn browser_prefers_other_language() -> bool {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .is_some_and(|l| !l.to_ascii_lowercase().starts_with("ja"))
}

/// The start page: the introduction, a start button, the program in brief, a start button again.
#[function_component(StartPage)]
pub fn start_page(props: &StartPageProps) -> Html {
    let lang = props.lang;
    let c = props.templates.get(lang);
    let start = |top: bool| {
        html! {
            <p class={classes!("start-actions", top.then_some("start-actions-top"))}>
                <button type="button" class="button button-start" onclick={props.on.reform(|_: MouseEvent| Event::Start)}>
                    { lang.pick("はじめる", "Start now") }
                </button>
            </p>
        }
    };
    // Same wrappers, classes and id as the static markup, so adopting it changes nothing on screen.
    let intro = if c.intro.is_empty() {
        html! { <h1 id="start-title" class="start-heading" tabindex="-1">{ lang.pick("クラウドワークスの手数料助成 セルフチェック", "CrowdWorks fee subsidy self-check") }</h1> }
    } else {
        Html::from_html_unchecked(c.intro.clone())
    };
    let offer = lang == Lang::Ja && !props.in_seminar && browser_prefers_other_language();
    html! {
        <section id="start-ja" class="start" lang={lang.tag()} aria-labelledby="start-title">
            <div class="start-intro">{ intro }</div>
            { start(true) }
            // Under the first button: offering English moves nothing above it.
            if offer {
                <p class="lang-offer" lang="en" id="english-offer">
                    { "This self-check is also available in English. " }
                    <button type="button" class="link-button" onclick={props.on.reform(|_: MouseEvent| Event::SetLang(Lang::En))}>{ "Switch to English" }</button>
                </p>
            }
            <div class="start-content">{ Html::from_html_unchecked(c.content.clone()) }</div>
            { start(false) }
            // Below the start button, so adopting the static page moves nothing above it.
            if props.in_seminar {
                <p class="staff-check-entry no-print">
                    <a href={SeminarView::Check.hash()} id="staff-check-link">{ lang.pick("スタッフ向け: 公開版の計算確認", "For staff: check this published copy") }</a>
                </p>
            } else {
                <p class="seminar-entry no-print">
                    <a href="#seminar" lang={lang.tag()}>{ lang.pick("セミナーモード(hinode スタッフ向け、入力は保存されません)", "Seminar mode (for hinode staff; nothing is saved)") }</a>
                </p>
            }
        </section>
    }
}
