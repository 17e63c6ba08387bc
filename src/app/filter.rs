//! The filter panel: free text, stance, kind, outlet, date range and actors. Every
//! option is a link to the state it leads to, with the number of items it would show.

use yew::prelude::*;

use super::{browser, use_explorer, Explorer};
use crate::query::{self, kind_word, stance_word, State, KINDS, STANCES};

/// How many actors and outlets a list shows at once; the search box reaches the rest.
const SHOWN_ACTORS: usize = 100;
const SHOWN_OUTLETS: usize = 12;

/// One option of a multi-valued filter, as a checkbox-like link.
fn option(
    ex: &Explorer,
    next: State,
    on: bool,
    label: Html,
    count: usize,
    data: (&'static str, String),
) -> Html {
    html! {
        <li>
            <a class={classes!("option", on.then_some("on"), (count == 0 && !on).then_some("none"))}
               href={ex.href(&next)} onclick={ex.go(next.clone())} role="checkbox"
               aria-checked={if on { "true" } else { "false" }} data-filter={data.0} data-value={data.1}>
                <span class="name">{label}</span>
                if ex.answer.partial {
                    <span class="count" aria-label="still counting">{"…"}</span>
                } else {
                    <span class="count" aria-label={format!("{count} items")}>{count}</span>
                }
            </a>
        </li>
    }
}

/// Reads an input's value from its event.
fn value_of(e: &Event) -> Option<String> {
    e.target_dyn_into::<web_sys::HtmlInputElement>().map(|input| input.value())
}

#[function_component(Filters)]
pub fn filters() -> Html {
    let ex = use_explorer();
    let counts = &ex.answer.counts;
    let outlets_of = &ex.manifest().outlets;
    let state = &ex.state;
    let clear_all = state.unfiltered();

    let stances = STANCES.iter().enumerate().map(|(i, &s)| {
        let next = query::toggled(state, |s| &mut s.stances, s, Some(&STANCES));
        option(
            &ex,
            next,
            state.stances.contains(&s),
            html! { <span class={classes!("badge", stance_word(s))}>{stance_word(s)}</span> },
            counts.stances[i] as usize,
            ("stance", stance_word(s).into()),
        )
    });
    let kinds = KINDS.iter().enumerate().map(|(i, &k)| {
        let next = query::toggled(state, |s| &mut s.kinds, k, Some(&KINDS));
        option(
            &ex,
            next,
            state.kinds.contains(&k),
            html! { {kind_word(k)} },
            counts.kinds[i] as usize,
            ("kind", kind_word(k).into()),
        )
    });
    let outlets = counts
        .outlets
        .iter()
        .filter_map(|&(o, n)| Some((outlets_of.get(o as usize)?, n as usize)))
        .enumerate()
        .filter(|&(rank, (outlet, _))| rank < SHOWN_OUTLETS || state.outlets.contains(&outlet.id))
        .map(|(_, (outlet, count))| {
            let next = query::toggled(state, |s| &mut s.outlets, outlet.id.clone(), None);
            option(
                &ex,
                next,
                state.outlets.contains(&outlet.id),
                html! { {&outlet.name} },
                count,
                ("outlet", outlet.id.clone()),
            )
        });
    let hidden_outlets = counts.outlets.len().saturating_sub(SHOWN_OUTLETS);

    let search_box = use_node_ref();
    let on_search = {
        let (navigate, state, search_box) =
            (ex.navigate.clone(), state.clone(), search_box.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = search_box
                .cast::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            let text = text.trim().to_string();
            if text != state.text {
                navigate.emit(State { text, ..state.clone() }.refiltered());
            }
        })
    };
    let on_date = |from: bool| {
        let (navigate, state) = (ex.navigate.clone(), state.clone());
        Callback::from(move |e: Event| {
            let value = value_of(&e).filter(|v| !v.is_empty());
            let mut next = state.clone().refiltered();
            if from {
                next.from = value;
            } else {
                next.to = value;
            }
            // An input can hold a range backwards for a moment; the link never does.
            if let (Some(f), Some(t)) = (&next.from, &next.to) {
                if f > t {
                    std::mem::swap(&mut next.from, &mut next.to);
                }
            }
            navigate.emit(next);
        })
    };
    let no_dates = State { from: None, to: None, ..state.clone() }.refiltered();
    let certainty = {
        let next = State { hide_uncertain: !state.hide_uncertain, ..state.clone() }.refiltered();
        let label = html! { {"Hide uncertain"} };
        let count = counts.uncertain as usize;
        option(&ex, next, state.hide_uncertain, label, count, ("uncertain", "hide".into()))
    };
    let active = [
        !state.actors.is_empty(),
        !state.stances.is_empty(),
        !state.kinds.is_empty(),
        !state.outlets.is_empty(),
        state.from.is_some() || state.to.is_some(),
        !state.text.is_empty(),
        state.hide_uncertain,
    ]
    .iter()
    .filter(|&&on| on)
    .count();
    html! {
        <details class="filters-box" open={browser::wide_screen()}>
        <summary>{ if active == 0 { "Filters".to_string() } else { format!("Filters ({active} active)") } }</summary>
        <aside class="filters" aria-label="Filters">
            <form class="search" role="search" onsubmit={on_search}>
                <label for="q">{"Search the words, speakers and sentences"}</label>
                <div class="row">
                    <input id="q" name="q" type="search" ref={search_box} value={state.text.clone()} placeholder="e.g. rubbish" />
                    <button type="submit">{"Search"}</button>
                </div>
            </form>
            if state.is_filtered() {
                {ex.link(clear_all, "clear", html! { {"Clear all filters"} })}
            }
            <fieldset class="facet">
                <legend>{"Stance"}</legend>
                <ul class="options">{ for stances }</ul>
            </fieldset>
            <fieldset class="facet">
                <legend>{"Kind"}</legend>
                <ul class="options">{ for kinds }</ul>
            </fieldset>
            <fieldset class="facet">
                <legend>{"Outlet"}</legend>
                <ul class="options">{ for outlets }</ul>
                if hidden_outlets > 0 {
                    <p class="more">{format!("and {hidden_outlets} more with fewer items")}</p>
                }
            </fieldset>
            <fieldset class="facet certainty">
                <legend>{"Certainty"}</legend>
                <ul class="options">{ certainty }</ul>
                <p class="more">{format!("Uncertain: found by a rule that is right less than {}% of the time on annotated news. “Why?” on a quote says which.", crate::query::why::percent(crate::dataset::UNCERTAIN_BELOW))}</p>
            </fieldset>
            <fieldset class="facet dates">
                <legend>{"Dates"}</legend>
                <label>{"From"}<input type="date" name="from" value={state.from.clone().unwrap_or_default()} onchange={on_date(true)} /></label>
                <label>{"To"}<input type="date" name="to" value={state.to.clone().unwrap_or_default()} onchange={on_date(false)} /></label>
                if state.from.is_some() || state.to.is_some() {
                    {ex.link(no_dates, "clear", html! { {"Any date"} })}
                }
            </fieldset>
            <ActorFilter />
        </aside>
        </details>
    }
}

#[function_component(ActorFilter)]
fn actor_filter() -> Html {
    let ex = use_explorer();
    let search = use_state(String::new);
    let needle = crate::case::lower(&search);
    let counted: Vec<(&crate::store::ActorInfo, usize)> = ex
        .answer
        .counts
        .actors
        .iter()
        .filter_map(|&(i, n)| Some((ex.catalog.actor_info(i).ok()?, n as usize)))
        .collect();
    let matching: Vec<(&crate::store::ActorInfo, usize)> = counted
        .iter()
        .copied()
        .filter(|(a, _)| needle.is_empty() || crate::case::lower(&a.name).contains(&needle))
        .collect();
    // Selected actors stay listed whatever the search, so they can be unpicked.
    let shown: Vec<(&crate::store::ActorInfo, usize)> = matching
        .iter()
        .copied()
        .enumerate()
        .filter(|&(rank, (a, _))| rank < SHOWN_ACTORS || ex.state.filters_actor(&a.id))
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
    let clear = State { actors: Vec::new(), ..ex.state.clone() }.refiltered();
    html! {
        <fieldset class="facet actors-facet">
            <legend>{"Actors"}</legend>
            if !ex.state.actors.is_empty() {
                {ex.link(clear, "clear", html! { {"Clear actor filter"} })}
            }
            <input type="search" class="actor-search" placeholder="Search actors" aria-label="Search actors"
                   value={(*search).clone()} {oninput} />
            if matching.len() > shown.len() {
                <p class="more">{format!("Showing {} of {} actors; search to find the others.", shown.len(), matching.len())}</p>
            }
            <ul class="actors">
            { for shown.iter().map(|&(actor, count)| {
                let on = ex.state.filters_actor(&actor.id);
                let next = query::toggle_actor(&ex.state, &actor.id);
                html! {
                    <li>
                        <a class={classes!("actor", on.then_some("on"))} href={ex.href(&next)}
                           onclick={ex.go(next.clone())} data-actor-id={actor.id.clone()}
                           role="checkbox" aria-checked={if on { "true" } else { "false" }}>
                            <span class="name">{&actor.name}</span>
                            <span class="kind">{query::actor_kind_word(actor.kind)}</span>
                            <span class="count" aria-label={format!("{count} items")}>{count}</span>
                        </a>
                    </li>
                }
            }) }
            </ul>
        </fieldset>
    }
}
