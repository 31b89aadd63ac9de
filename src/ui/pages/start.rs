//! The start page. Its content is the markup `index.html` ships (so it shows before the wasm
//! arrives and without JavaScript). The app leaves those nodes where they are: it shows or hides
//! the section, enables its start buttons, and renders its few live parts (the offer of English,
//! the seminar link, the data file) into empty slots inside it. The first screen is therefore
//! painted once, by the HTML: the hand-over paints nothing new, so the largest paint stays the
//! first. A start button sits right under the introduction, in the first screen of a phone, and
//! again at the end.

use crate::flow::seminar::SeminarView;
use crate::flow::Event;
use crate::rules::Lang;
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The static start section's id in `index.html`.
const SECTION: &str = "start-ja";

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

/// The static start section of `index.html`, if the page has one (the wasm tests' pages do not).
fn section() -> Option<web_sys::Element> {
    gloo::utils::document().get_element_by_id(SECTION)
}

/// Shows or hides the static start section: the shell calls it whenever the screen changes, so
/// the section is visible exactly while the start page is the screen.
pub fn show_static_start(shown: bool) {
    if let Some(s) = section() {
        // Only on a change: touching the attribute on every render would restyle the page.
        if s.has_attribute("hidden") == shown {
            let _ = if shown {
                s.remove_attribute("hidden")
            } else {
                s.set_attribute("hidden", "")
            };
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
    /// Shown at the end of the page (the data file).
    #[prop_or_default]
    pub children: Html,
}

/// Whether the browser asks for another language than Japanese first (then English is offered,
/// never switched to silently).
fn browser_prefers_other_language() -> bool {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .is_some_and(|l| !l.to_ascii_lowercase().starts_with("ja"))
}

/// The live parts under the first start button: the offer of English to a browser that asks for
/// another language (never a silent switch).
fn offer(props: &StartPageProps) -> Html {
    let offer = props.lang == Lang::Ja && !props.in_seminar && browser_prefers_other_language();
    html! {
        if offer {
            <p class="lang-offer" lang="en" id="english-offer">
                { "This self-check is also available in English. " }
                <button type="button" class="link-button" onclick={props.on.reform(|_: MouseEvent| Event::SetLang(Lang::En))}>{ "Switch to English" }</button>
            </p>
        }
    }
}

/// The live parts at the end: the way into seminar mode (or, in it, the staff check), and the
/// page's children (the data file).
fn footer(props: &StartPageProps) -> Html {
    let lang = props.lang;
    html! {
        <>
        if props.in_seminar {
            <p class="staff-check-entry no-print">
                <a href={SeminarView::Check.hash()} id="staff-check-link">{ lang.pick("スタッフ向け: 公開版の計算確認", "For staff: check this published copy") }</a>
            </p>
        } else {
            <p class="seminar-entry no-print">
                <a href="#seminar" lang={lang.tag()}>{ lang.pick("セミナーモード(hinode スタッフ向け、入力は保存されません)", "Seminar mode (for hinode staff; nothing is saved)") }</a>
            </p>
        }
        { props.children.clone() }
        </>
    }
}

/// The label of the start buttons.
fn start_label(lang: Lang) -> &'static str {
    lang.pick("はじめる", "Start now")
}

/// The start page: the introduction, a start button, the program in brief, a start button again.
#[function_component(StartPage)]
pub fn start_page(props: &StartPageProps) -> Html {
    let lang = props.lang;
    // The static section: content in the other language swapped in place, the buttons enabled
    // and listened to. Each only on a change, so the first screen's nodes stay as painted.
    {
        let templates = props.templates.clone();
        let on = props.on.clone();
        use_effect_with(lang, move |lang| {
            let lang = *lang;
            let mut listeners = Vec::new();
            if let Some(s) = section() {
                if s.get_attribute("lang").as_deref() != Some(lang.tag()) {
                    let c = templates.get(lang);
                    for (selector, html) in
                        [(".start-intro", &c.intro), (".start-content", &c.content)]
                    {
                        if let Ok(Some(el)) = s.query_selector(selector) {
                            el.set_inner_html(html);
                        }
                    }
                    let _ = s.set_attribute("lang", lang.tag());
                }
                if let Ok(buttons) = s.query_selector_all(".button-start") {
                    for i in 0..buttons.length() {
                        let Some(b) = buttons.item(i) else { continue };
                        if b.text_content().as_deref() != Some(start_label(lang)) {
                            b.set_text_content(Some(start_label(lang)));
                        }
                        if let Ok(b) = b.dyn_into::<web_sys::Element>() {
                            let _ = b.remove_attribute("disabled");
                            let on = on.clone();
                            listeners.push(EventListener::new(&b, "click", move |_| {
                                on.emit(Event::Start)
                            }));
                        }
                    }
                }
            }
            move || drop(listeners)
        });
    }
    let Some(s) = section() else {
        return fallback(props);
    };
    let slot = |id: &str| s.query_selector(&format!("#{id}")).ok().flatten();
    html! {
        <>
        if let Some(host) = slot("start-offer-slot") { { create_portal(offer(props), host) } }
        if let Some(host) = slot("start-end-slot") { { create_portal(footer(props), host) } }
        </>
    }
}

/// The start page rendered by the app itself, for a page without the static section (the wasm
/// component tests mount the app on an empty page).
fn fallback(props: &StartPageProps) -> Html {
    let lang = props.lang;
    let c = props.templates.get(lang);
    let start = |top: bool| {
        html! {
            <p class={classes!("start-actions", top.then_some("start-actions-top"))}>
                <button type="button" class="button button-start" onclick={props.on.reform(|_: MouseEvent| Event::Start)}>
                    { start_label(lang) }
                </button>
            </p>
        }
    };
    let intro = if c.intro.is_empty() {
        html! { <h1 id="start-title" class="start-heading" tabindex="-1">{ lang.pick("クラウドワークスの手数料助成 セルフチェック", "CrowdWorks fee subsidy self-check") }</h1> }
    } else {
        Html::from_html_unchecked(c.intro.clone())
    };
    html! {
        <section class="start" lang={lang.tag()} aria-labelledby="start-title">
            <div class="start-intro">{ intro }</div>
            { start(true) }
            { offer(props) }
            <div class="start-content">{ Html::from_html_unchecked(c.content.clone()) }</div>
            { start(false) }
            { footer(props) }
        </section>
    }
}
