//! The bar above every screen in seminar mode: persona links, compare, the keys, and the way out.

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
        <section class="seminar-bar no-print" aria-labelledby="seminar-bar-title">
            <div class="seminar-bar-head">
                <p id="seminar-bar-title" class="seminar-bar-title">
                    <strong>{ lang.pick("セミナーモード", "Seminar mode") }</strong>
                    <span class="small">{ lang.pick("(この画面の内容はどこにも保存されません)", " (nothing here is saved anywhere)") }</span>
                </p>
                <button type="button" class="link-button" id="seminar-exit" onclick={exit}>{ lang.pick("セミナーモードを終了", "Leave seminar mode") }</button>
            </div>
            <nav aria-label={lang.pick("サンプルの人物", "Sample personas")}>
                <ul class="seminar-links">
                    { for list.iter().enumerate().map(|(i, q)| {
                        let v = SeminarView::Persona(i);
                        html! { <li><a href={v.hash()} aria-current={current(v)}><kbd>{ i + 1 }</kbd>{ " " }{ q.name.get(lang).to_string() }</a></li> }
                    }) }
                    <li><a href={SeminarView::Compare(0).hash()} aria-current={matches!(p.view, SeminarView::Compare(_)).then_some("page")}><kbd>{ "C" }</kbd>{ " " }{ lang.pick("比べる", "Compare") }</a></li>
                </ul>
            </nav>
            <p class="seminar-showing" role="status">{ showing.unwrap_or_default() }</p>
            <p class="seminar-keys small">
                { lang.pick("キー操作: ", "Keys: ") }
                { kbd("←") }{ " " }{ kbd("→") }{ lang.pick(" 前・次の人 / ", " previous, next persona / ") }
                { kbd("1") }{ "–" }{ kbd(&list.len().to_string()) }{ lang.pick(" 人を選ぶ / ", " pick a persona / ") }
                { kbd("C") }{ lang.pick(" 比べる / ", " compare / ") }
                { kbd("R") }{ lang.pick(" または ", " or ") }{ kbd("Esc") }{ lang.pick(" 最初に戻る", " back to the start") }
            </p>
        </section>
    }
}
