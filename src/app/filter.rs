//! The actor filter: every actor with the number of visible items that involve it.

use yew::prelude::*;

use super::Explorer;
use crate::query;

#[derive(Properties, PartialEq)]
pub struct ActorFilterProps {
    /// (actor index, count), as [`query::Selection::actor_counts`] orders them.
    pub counts: Vec<(usize, usize)>,
}

#[function_component(ActorFilter)]
pub fn actor_filter(props: &ActorFilterProps) -> Html {
    let ex = use_context::<Explorer>().expect("ActorFilter needs the Explorer context");
    let selected = &ex.state.actors;
    let clear = query::State { actors: Vec::new(), item: None, ..ex.state.clone() };
    html! {
        <aside class="filter" aria-label="Filter by actor">
            <h2>{"Actors"}</h2>
            if !selected.is_empty() {
                <a class="clear" href={ex.href(&clear)} onclick={ex.go(clear.clone())}>{"Clear actor filter"}</a>
            }
            <ul class="actors">
            { for props.counts.iter().map(|&(index, count)| {
                let actor = &ex.dataset.actors[index];
                let on = selected.contains(&actor.id);
                let next = query::toggle_actor(&ex.state, &actor.id);
                html! {
                    <li>
                        <a class={classes!("actor", on.then_some("on"))} href={ex.href(&next)}
                           onclick={ex.go(next.clone())} data-actor-id={actor.id.clone()}
                           role="checkbox" aria-checked={if on { "true" } else { "false" }}>
                            <span class="name">{&actor.name}</span>
                            <span class="kind">{format!("{:?}", actor.kind).to_lowercase()}</span>
                            <span class="count" aria-label={format!("{count} items")}>{count}</span>
                        </a>
                    </li>
                }
            }) }
            </ul>
        </aside>
    }
}
