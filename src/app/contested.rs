//! Contested claims: each claim beside the denials that reject it, and words that
//! several outlets print with a different speaker each.

use yew::prelude::*;

use super::quotes::{when, Empty};
use super::{use_explorer, Explorer};
use crate::query::engine::Contest;
use crate::query::{stance_word, State, View};
use crate::store::flags;

/// One side of a contest: who, the words, where and when.
fn side(ex: &Explorer, quote: u32) -> Html {
    let Ok(q) = ex.catalog.quote_card(quote) else {
        return html! { <div class="side loading" aria-busy="true">{"Loading…"}</div> };
    };
    let context = State { view: View::Article, item: Some(q.id.clone()), ..ex.state.clone() };
    let stance = stance_word(flags::stance(q.flags));
    html! {
        <div class="side" data-quote-id={q.id.clone()}>
            <p class="speaker">{ex.speaker(q)}
                if let Some(role) = Explorer::role(q) { <span class="role">{role}</span> }
                if let Some(cue) = &q.cue { <span class="cue">{format!(" {cue}")}</span> }
            </p>
            <blockquote class="words">{ex.highlighted(&q.words)}</blockquote>
            <p class="meta">
                <span class={classes!("badge", stance)}>{stance}</span>
                {when(q)}
                <span class="outlet">{&q.outlet}</span>
                {ex.link(context, "context", html! { {"In context"} })}
            </p>
        </div>
    }
}

#[function_component(Contested)]
pub fn contested() -> Html {
    let ex = use_explorer();
    let answer = ex.answer.clone();
    if answer.partial {
        return html! { <p class="empty loading" aria-busy="true">{"Loading…"}</p> };
    }
    if answer.contested.is_empty() {
        return html! { <Empty what="contested claims" /> };
    }
    let id = |q: u32| ex.catalog.quote_card(q).map(|c| c.id.clone()).unwrap_or_default();
    html! {
        <ul class="contested" aria-label="Contested claims">
        { for answer.contested.iter().map(|contest| match contest {
            Contest::Denied { claim, denials } => html! {
                <li class="contest denied" data-claim-id={id(*claim)}>
                    <h2 class="contest-kind">{"Claim and denial"}</h2>
                    <div class="sides">
                        {side(&ex, *claim)}
                        <span class="versus" aria-hidden="true">{"↔"}</span>
                        <div class="denials">{ for denials.iter().map(|&d| side(&ex, d)) }</div>
                    </div>
                </li>
            },
            Contest::Speakers { text, quotes } => html! {
                <li class="contest speakers" data-conflict={text.clone()}>
                    <h2 class="contest-kind">{"Same words, different speaker by outlet: "}<q>{text}</q></h2>
                    <div class="sides">{ for quotes.iter().map(|&q| side(&ex, q)) }</div>
                </li>
            },
        }) }
        </ul>
    }
}
