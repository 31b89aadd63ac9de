//! Form building blocks: a text input that is safe with a Japanese IME, and the error summary.

use crate::flow::model::FieldProblem;
use crate::rules::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`TextInput`].
#[derive(Properties, PartialEq)]
pub struct TextInputProps {
    /// The input's id (also the error summary's link target).
    pub id: AttrValue,
    /// Label.
    pub label: AttrValue,
    /// Hint under the label.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Current value (as typed).
    pub value: AttrValue,
    /// Called with the new value.
    pub on_change: Callback<String>,
    /// Problem to show.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Something worth a second look that does not stop the person (shown, not blocking).
    #[prop_or_default]
    pub warning: Option<AttrValue>,
    /// `inputmode` (e.g. "numeric"): a phone shows the digit pad, yet full-width input still works.
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    /// Input type ("text", "date").
    #[prop_or(AttrValue::Static("text"))]
    pub input_type: AttrValue,
    /// Extra class for the input (e.g. "input-short").
    #[prop_or_default]
    pub class: Classes,
    /// `autocomplete` value.
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    /// `min` (date inputs).
    #[prop_or_default]
    pub min: Option<AttrValue>,
    /// `max` (date inputs).
    #[prop_or_default]
    pub max: Option<AttrValue>,
    /// Disabled.
    #[prop_or_default]
    pub disabled: bool,
}

fn value_of(e: &Event) -> Option<String> {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
}

/// A labelled text input. While an IME composes, nothing is sent upward (re-rendering mid-
/// composition would break it); the composed text arrives on `compositionend`.
#[function_component(TextInput)]
pub fn text_input(p: &TextInputProps) -> Html {
    let on_input = {
        let cb = p.on_change.clone();
        Callback::from(move |e: InputEvent| {
            if e.is_composing() {
                return;
            }
            if let Some(v) = value_of(&e) {
                cb.emit(v);
            }
        })
    };
    // Yew has no `oncompositionend` listener: attach one by hand, once per input element. The
    // callback it calls is read at event time, so a parent's new callback costs no listener churn.
    let input_ref = use_node_ref();
    let latest = use_mut_ref(|| p.on_change.clone());
    *latest.borrow_mut() = p.on_change.clone();
    {
        let input_ref = input_ref.clone();
        use_effect_with((), move |_| {
            let listener = input_ref.cast::<web_sys::HtmlInputElement>().map(|input| {
                let target = input.clone();
                gloo::events::EventListener::new(&input, "compositionend", move |_| {
                    let cb = latest.borrow().clone();
                    cb.emit(target.value())
                })
            });
            move || drop(listener)
        });
    }
    let hint_id = format!("{}-hint", p.id);
    let error_id = format!("{}-error", p.id);
    let warning_id = format!("{}-warning", p.id);
    let described: Vec<String> = [
        p.hint.as_ref().map(|_| hint_id.clone()),
        p.error.as_ref().map(|_| error_id.clone()),
        p.warning.as_ref().map(|_| warning_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let described = (!described.is_empty()).then(|| described.join(" "));
    html! {
        <div class={classes!("field", p.error.as_ref().map(|_| "field-error"))}>
            <label for={p.id.clone()}>{ p.label.clone() }</label>
            if let Some(h) = &p.hint { <p class="hint" id={hint_id}>{ h.clone() }</p> }
            if let Some(e) = &p.error { <p class="error-message" id={error_id}>{ e.clone() }</p> }
            if let Some(w) = &p.warning { <p class="warning-message" id={warning_id}>{ w.clone() }</p> }
            <input id={p.id.clone()} name={p.id.clone()} type={p.input_type.clone()} class={classes!("input", p.class.clone())}
                value={p.value.clone()} inputmode={p.inputmode.clone()} autocomplete={p.autocomplete.clone()}
                min={p.min.clone()} max={p.max.clone()}
                aria-describedby={described} aria-invalid={p.error.as_ref().map(|_| "true")}
                disabled={p.disabled} spellcheck="false"
                oninput={on_input} ref={input_ref} />
        </div>
    }
}

/// The problem for field `id`, in `lang`.
pub fn problem_for(problems: &[FieldProblem], id: &str, lang: Lang) -> Option<AttrValue> {
    problems
        .iter()
        .find(|p| p.field == id)
        .map(|p| AttrValue::from(p.message.get(lang).to_string()))
}

/// Props of [`ErrorSummary`].
#[derive(Properties, PartialEq)]
pub struct ErrorSummaryProps {
    /// The problems.
    pub problems: Vec<FieldProblem>,
    /// Language.
    pub lang: Lang,
}

/// The error summary at the top of a page, each problem linked to its field. It takes focus when
/// it appears, so screen-reader and keyboard users land on it.
#[function_component(ErrorSummary)]
pub fn error_summary(p: &ErrorSummaryProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(p.problems.clone(), move |problems| {
            if !problems.is_empty() {
                if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    if p.problems.is_empty() {
        return html! {};
    }
    let lang = p.lang;
    html! {
        <div class="error-summary" role="alert" tabindex="-1" ref={node} aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">{ lang.pick("入力内容を確認してください", "There is a problem") }</h2>
            <ul>
                { for p.problems.iter().map(|pr| {
                    let field = pr.field.clone();
                    let onclick = Callback::from(move |e: MouseEvent| {
                        // Focus the field itself (following the #fragment would only scroll, and
                        // would put a non-route fragment in the address bar).
                        e.prevent_default();
                        if let Some(el) = gloo::utils::document().get_element_by_id(&field) {
                            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() { let _ = el.focus(); }
                        }
                    });
                    html! { <li><a href={format!("#{}", pr.field)} {onclick}>{ pr.message.get(lang).to_string() }</a></li> }
                }) }
            </ul>
        </div>
    }
}
