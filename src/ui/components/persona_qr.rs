//! Seminar mode's "try it on your phone": a QR code of this page's own address with the persona's
//! fragment, made by the project's QR module, so an attendee opens the same demo case.

use crate::flow::seminar::SeminarView;
use crate::qr::qr_svg;
use crate::rules::Lang;
use yew::prelude::*;

/// Props of [`PersonaQr`].
#[derive(Properties, PartialEq)]
pub struct PersonaQrProps {
    /// The persona (0-based).
    pub index: usize,
    /// Language.
    pub lang: Lang,
}

/// This page's address (wherever it is published) with the persona's fragment.
pub fn persona_url(index: usize) -> String {
    let location = gloo::utils::window().location();
    let href = location.href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}{}", SeminarView::Persona(index).hash())
}

/// The code and its label.
#[function_component(PersonaQr)]
pub fn persona_qr(p: &PersonaQrProps) -> Html {
    let lang = p.lang;
    let url = persona_url(p.index);
    let label = lang.pick(
        "このデモの例をスマートフォンで開くQRコード",
        "QR code to open this demo case on a phone",
    );
    match qr_svg(&url, label) {
        // The SVG is built by crate::qr from module coordinates and a fixed, escaped label.
        Ok(svg) => html! {
            <figure class="persona-qr no-print" id="persona-qr" data-url={url.clone()}>
                { Html::from_html_unchecked(AttrValue::from(svg)) }
                <figcaption class="small">
                    <strong>{ lang.pick("スマートフォンで試す", "Try it on your phone") }</strong><br />
                    { lang.pick("(デモの例です。あなたの回答ではありません)", "(a demo case, not your own answers)") }
                </figcaption>
            </figure>
        },
        Err(_) => html! {},
    }
}
