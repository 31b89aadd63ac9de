//! The calculation as the result page and the printed application both show it: the trace, step
//! by step with identical payments grouped, and the chart, both from the engine's numbers.

use crate::rules::chart::chart as chart_of;
use crate::rules::data::rules;
use crate::rules::scenario::{EstimateInput, Outcome};
use crate::rules::subsidy::FiscalYearResult;
use crate::rules::trace_groups::grouped_trace;
use crate::rules::Lang;
use crate::ui::components::chart::SubsidyChart;
use yew::prelude::*;

/// A year's calculation, step by step: identical payments on one line with their count
/// (「毎月 ¥2,750 × 12件」), so the list stays complete and short, on screen and on paper.
pub fn trace_list(year: &FiscalYearResult, lang: Lang) -> Html {
    lines(&grouped_trace(year), lang)
}

/// The year's trace with every line as it is (no grouping): what paper shows of payments the
/// person entered, so each can be matched to its statement.
pub fn full_trace_list(year: &FiscalYearResult, lang: Lang) -> Html {
    lines(&year.trace, lang)
}

fn lines(trace: &[crate::rules::Text], lang: Lang) -> Html {
    html! { <ol class="trace">{ for trace.iter().map(|t| html! { <li>{ t.get(lang).to_string() }</li> }) }</ol> }
}

/// The chart for `outcome`, when earnings are known (quick and detailed modes); a sentence when
/// the engine cannot draw it; nothing otherwise.
pub fn chart_for(lang: Lang, estimate: Option<&EstimateInput>, outcome: &Outcome) -> Html {
    match chart_of(rules(), outcome, estimate) {
        Some(Ok(chart)) => html! { <SubsidyChart {chart} {lang} /> },
        Some(Err(e)) => html! { <p class="small">{ e.text().get(lang).to_string() }</p> },
        None => html! {},
    }
}
