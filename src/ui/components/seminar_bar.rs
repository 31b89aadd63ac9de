//! The bar above every screen in seminar mode, on one line: what it is, the personas, compare, the
//! keys, and the way out. Below it, one line says which persona is shown.

use crate::flow::seminar::SeminarView;
use crate::flow::Event;
use crate::rules::personas::personas;
use crate::rules::Lang;
use yew::prelude::*;

/// Props of [`SeminarBar`].
#[derive(Properties, PartialEq)]
pub struct SeminarBarProps {
    /// Where the seminar is.
    pub view: SeminarView,
    /// Language.
    pub lang: Lang,
    /// The model's events.
    pub on: Callback<Event>,
}

/// The seminar bar. Its links are plain fragment links: the address bar drives the seminar.
#[function_component(SeminarBar)]
pub fn seminar_bar(p: &SeminarBarProps) -> Html {
    let lang = p.lang;
    let list = personas();
    let exit = p.on.reform(|_: MouseEvent| Event::LeaveSeminar);
    let current = |v: SeminarView| (p.view == v).then_some("page");
    let showing = match p.view {
        SeminarView::Persona(i) => list.get(i).map(|q| {
            html! { <><strong>{ format!("{} / {} {}", i + 1, list.len(), q.name.get(lang)) }</strong>{ " — " }{ q.summary.get(lang).to_string() }</> }
        }),
        _ => None,
    };
    let kbd = |k: &str| html! { <kbd>{ k.to_string() }</kbd> };
    html! {
        <>
        <section class="seminar-bar no-print" aria-labelledby="seminar-bar-title">
            <p id="seminar-bar-title" class="seminar-bar-title">
                <strong>{ lang.pick("セミナー", "Seminar") }</strong>
                { lang.pick("(保存なし)", " (nothing saved)") }
            </p>
            <nav aria-label={lang.pick("サンプルの人物", "Sample personas")}>
                <ul class="seminar-links">
                    { for list.iter().enumerate().map(|(i, q)| {
                        let v = SeminarView::Persona(i);
                        html! { <li><a href={v.hash()} aria-current={current(v)}><kbd>{ i + 1 }</kbd>{ " " }{ q.name.get(lang).to_string() }</a></li> }
                    }) }
                    <li><a href={SeminarView::Compare(0).hash()} aria-current={matches!(p.view, SeminarView::Compare(_)).then_some("page")}><kbd>{ "C" }</kbd>{ " " }{ lang.pick("比べる", "Compare") }</a></li>
                </ul>
            </nav>
            // The keys, each with what it does for screen readers and a hover title.
            <p class="seminar-keys" aria-label={lang.pick("キー操作: ← → 前・次の人、1–6 人を選ぶ、C 比べる、R または Esc 最初に戻る", "Keys: ← → previous, next persona; 1–6 a persona; C compare; R or Esc back to the start")}>
                { kbd("←") }{ kbd("→") }{ " " }{ kbd("1") }{ "–" }{ kbd(&list.len().to_string()) }{ " " }
                { kbd("C") }{ lang.pick(" 比べる ", " compare ") }
                { kbd("R") }
            </p>
            <button type="button" class="link-button" id="seminar-exit" onclick={exit}>{ lang.pick("終了", "Leave") }</button>
        </section>
        <p class="seminar-showing no-print" role="status">{ showing.unwrap_or_default() }</p>
        </>
    }
}
