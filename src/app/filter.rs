//! The actor filter: every actor with the number of visible items that involve it.

use yew::prelude::*;

use super::Explorer;
use crate::query;

#[derive(Properties, PartialEq)]
pub struct ActorFilterProps {
    /// (actor index, count), as [`query::Selection::actor_counts`] orders them.
    pub counts: Vec<(usize, usize)>,
}

/// How many actors the list shows at once; the search box reaches the rest.
const SHOWN_ACTORS: usize = 100;

#[function_component(ActorFilter)]
pub fn actor_filter(props: &ActorFilterProps) -> Html {
    let ex = use_context::<Explorer>().expect("ActorFilter needs the Explorer context");
    let search = use_state(String::new);
    let selected = &ex.state.actors;
    let needle = search.to_lowercase();
    let matching: Vec<(usize, usize)> = props
        .counts
        .iter()
        .copied()
        .filter(|&(i, _)| needle.is_empty() || ex.dataset.actors[i].name.to_lowercase().contains(&needle))
        .collect();
    // Selected actors stay listed whatever the search, so they can be unpicked.
    let shown: Vec<(usize, usize)> = matching
        .iter()
        .copied()
        .enumerate()
        .filter(|&(rank, (i, _))| rank < SHOWN_ACTORS || selected.contains(&ex.dataset.actors[i].id))
        .map(|(_, pair)| pair)
        .collect();
    let oninput = {
        let search = search.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                search.set(input.value());
            }
        })
    };
    let clear = query::State { actors: Vec::new(), item: None, ..ex.state.clone() };
    html! {
        <aside class="filter" aria-label="Filter by actor">
            <h2>{"Actors"}</h2>
            if !selected.is_empty() {
                <a class="clear" href={ex.href(&clear)} onclick={ex.go(clear.clone())}>{"Clear actor filter"}</a>
            }
            <input type="search" class="actor-search" placeholder="Search actors" aria-label="Search actors"
                   value={(*search).clone()} {oninput} />
            if matching.len() > shown.len() {
                <p class="more">{format!("Showing {} of {} actors; search to find the others.", shown.len(), matching.len())}</p>
            }
            <ul class="actors">
            { for shown.iter().map(|&(index, count)| {
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
