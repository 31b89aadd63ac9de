//! A one-question page with radio choices (the GOV.UK question-page pattern).

use super::fields::problem_for;
use crate::flow::model::FieldProblem;
use crate::rules::{Lang, Text};
use yew::prelude::*;

/// One choice.
#[derive(Clone, PartialEq)]
pub struct Choice {
    /// Value, also the id suffix (`{name}-{value}`).
    pub value: &'static str,
    /// Label.
    pub label: Text,
    /// Hint under the label.
    pub hint: Option<Text>,
}

impl Choice {
    /// A choice without a hint.
    pub fn new(value: &'static str, ja: &str, en: &str) -> Self {
        Choice {
            value,
            label: Text::new(ja, en),
            hint: None,
        }
    }

    /// Adds a hint.
    pub fn hint(mut self, ja: &str, en: &str) -> Self {
        self.hint = Some(Text::new(ja, en));
        self
    }
}

/// Props of [`Choices`].
#[derive(Properties, PartialEq)]
pub struct ChoicesProps {
    /// Group name (and id prefix).
    pub name: &'static str,
    /// The question, shown as the page's `h1` inside the legend.
    pub title: Text,
    /// Hint under the question.
    #[prop_or_default]
    pub hint: Option<Text>,
    /// The choices.
    pub choices: Vec<Choice>,
    /// The selected value.
    pub selected: Option<&'static str>,
    /// Called with the chosen value.
    pub on_choose: Callback<&'static str>,
    /// Language.
    pub lang: Lang,
    /// Problems on the page.
    #[prop_or_default]
    pub problems: Vec<FieldProblem>,
    /// Shown under the selected choice (a conditional reveal).
    #[prop_or_default]
    pub reveal: Option<(&'static str, Html)>,
}

/// A fieldset of radios whose legend is the page heading.
#[function_component(Choices)]
pub fn choices(p: &ChoicesProps) -> Html {
    let lang = p.lang;
    let first_id = p
        .choices
        .first()
        .map(|c| format!("{}-{}", p.name, c.value))
        .unwrap_or_default();
    let error = problem_for(&p.problems, &first_id, lang);
    html! {
        <div class={classes!(error.as_ref().map(|_| "field-error"))}>
            <fieldset aria-describedby={p.hint.as_ref().map(|_| format!("{}-hint", p.name))}>
                <legend><h1 tabindex="-1">{ p.title.get(lang).to_string() }</h1></legend>
                if let Some(h) = &p.hint { <p class="hint" id={format!("{}-hint", p.name)}>{ h.get(lang).to_string() }</p> }
                if let Some(e) = &error { <p class="error-message">{ e.clone() }</p> }
                <div class="choices">
                    { for p.choices.iter().map(|c| {
                        let id = format!("{}-{}", p.name, c.value);
                        let value = c.value;
                        let on_choose = p.on_choose.clone();
                        let onchange = Callback::from(move |_: Event| on_choose.emit(value));
                        let checked = p.selected == Some(c.value);
                        let hint_id = format!("{id}-hint");
                        html! {
                            <>
                            <div class="choice">
                                <input type="radio" id={id.clone()} name={p.name} value={c.value} {checked} {onchange}
                                    aria-describedby={c.hint.as_ref().map(|_| hint_id.clone())} />
                                <label for={id}>
                                    { c.label.get(lang).to_string() }
                                    if let Some(h) = &c.hint { <span class="hint" id={hint_id}>{ h.get(lang).to_string() }</span> }
                                </label>
                            </div>
                            if let Some((v, html)) = &p.reveal {
                                if *v == c.value && checked { <div class="reveal">{ html.clone() }</div> }
                            }
                            </>
                        }
                    }) }
                </div>
            </fieldset>
        </div>
    }
}
