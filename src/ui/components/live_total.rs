//! The running total under the contracts and fees forms: the fees counted so far and the subsidy
//! they give, as the person types (the engine's figures, memoised by the page).

use crate::rules::preview::LiveTotal;
use crate::rules::span::{format_yen_range, Span};
use crate::rules::{format_yen, Lang};
use yew::prelude::*;

/// Props of [`LiveTotalLine`].
#[derive(Properties, PartialEq)]
pub struct LiveTotalProps {
    /// The figures (`None` while nothing reads as a payment yet).
    pub total: Option<LiveTotal>,
    /// Language.
    pub lang: Lang,
}

/// The line, announced politely to screen readers.
#[function_component(LiveTotalLine)]
pub fn live_total_line(p: &LiveTotalProps) -> Html {
    let lang = p.lang;
    let text = match p.total {
        Some(t) if t.fees > 0 => {
            let (low, high) = t.subsidy;
            let subsidy = format_yen_range(Span { low, high }, lang);
            match lang {
                Lang::Ja => format!("この入力での手数料 {}、助成額の目安 {subsidy}", format_yen(t.fees)),
                Lang::En => format!("Fees so far {}, subsidy about {subsidy}", format_yen(t.fees)),
            }
        }
        _ => lang
            .pick(
                "入力すると、手数料と助成額の目安がここに出ます(この年度に数える分だけ)。",
                "As you type, the fees and the subsidy appear here (only what counts in this year).",
            )
            .to_string(),
    };
    html! { <p class="live-estimate" id="live-total" aria-live="polite">{ text }</p> }
}
