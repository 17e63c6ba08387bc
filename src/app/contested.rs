//! Contested claims: each claim beside the denials that reject it, and words that
//! several outlets print with a different speaker each.

use yew::prelude::*;

use super::quotes::{when, Empty};
use super::{use_explorer, Explorer};
use crate::query::{stance_word, Contest, State, View};

/// One side of a contest: who, the words, where and when.
fn side(ex: &Explorer, quote: usize) -> Html {
    let q = &ex.dataset.quotes[quote];
    let context = State { view: View::Article, item: Some(q.id.clone()), ..ex.state.clone() };
    let stance = stance_word(q.stance);
    html! {
        <div class="side" data-quote-id={q.id.clone()}>
            <p class="speaker">{ex.speaker(q)}
                if let Some(role) = ex.role(q) { <span class="role">{role}</span> }
                if let Some(cue) = &q.cue { <span class="cue">{format!(" {cue}")}</span> }
            </p>
            <blockquote class="words">{ex.highlighted(ex.quote_words(q))}</blockquote>
            <p class="meta">
                <span class={classes!("badge", stance)}>{stance}</span>
                {when(ex, quote)}
                <span class="outlet">{ex.outlet_of(&q.article)}</span>
                {ex.link(context, "context", html! { {"In context"} })}
            </p>
        </div>
    }
}

#[function_component(Contested)]
pub fn contested() -> Html {
    let ex = use_explorer();
    let sel = ex.selection.clone();
    if sel.contested.is_empty() {
        return html! { <Empty what="contested claims" /> };
    }
    html! {
        <ul class="contested" aria-label="Contested claims">
        { for sel.contested.iter().map(|contest| match contest {
            Contest::Denied { claim, denials } => html! {
                <li class="contest denied" data-claim-id={ex.dataset.quotes[*claim].id.clone()}>
                    <h2 class="contest-kind">{"Claim and denial"}</h2>
                    <div class="sides">
                        {side(&ex, *claim)}
                        <span class="versus" aria-hidden="true">{"↔"}</span>
                        <div class="denials">{ for denials.iter().map(|&d| side(&ex, d)) }</div>
                    </div>
                </li>
            },
            Contest::Speakers { conflict } => {
                let c = &ex.dataset.conflicts[*conflict];
                html! {
                    <li class="contest speakers" data-conflict={c.text.clone()}>
                        <h2 class="contest-kind">{"Same words, different speaker by outlet: "}<q>{&c.text}</q></h2>
                        <div class="sides">{ for ex.index.conflict_quotes[*conflict].iter().map(|&q| side(&ex, q)) }</div>
                    </li>
                }
            }
        }) }
        </ul>
    }
}
