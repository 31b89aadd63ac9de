//! A link to a route: a real `<a href="#/…">` (it can be opened in a new tab, copied, read by a
//! screen reader as a link), whose plain click moves inside the app through the model.

use crate::flow::{Event, Route};
use yew::prelude::*;

/// Props of [`Link`].
#[derive(Properties, PartialEq)]
pub struct LinkProps {
    /// Where it leads.
    pub to: Route,
    /// Where the click goes.
    pub on: Callback<Event>,
    /// CSS classes.
    #[prop_or_default]
    pub class: Classes,
    /// The element's id.
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// The link text.
    #[prop_or_default]
    pub children: Html,
}

/// A link to a route.
#[function_component(Link)]
pub fn link(p: &LinkProps) -> Html {
    let to = p.to;
    let on = p.on.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        // Modified clicks (new tab, new window) are the browser's.
        if e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() || e.button() != 0 {
            return;
        }
        e.prevent_default();
        on.emit(Event::Go(to));
    });
    html! {
        <a href={to.href()} class={p.class.clone()} id={p.id.clone()} {onclick}>{ p.children.clone() }</a>
    }
}
