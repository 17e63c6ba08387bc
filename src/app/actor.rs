//! One actor: the names it goes by, its roles, what it said, how often it is
//! mentioned over time, and the actors it appears with.

use yew::prelude::*;

use super::quotes::QuoteCard;
use super::use_explorer;
use crate::query::{self, story, State, View};

/// How many co-occurring actors and quotes the panel lists; the quote list has the rest.
const COMPANY: usize = 12;
const SHOWN_QUOTES: usize = 50;

#[function_component(ActorPanel)]
pub fn actor_panel() -> Html {
    let ex = use_explorer();
    let Some(a) = ex.state.item.as_deref().and_then(|id| ex.index.actor(id)) else {
        return html! { <p class="empty">{"That actor is not in this corpus."}</p> };
    };
    let ds = &ex.dataset;
    let actor = &ds.actors[a];
    let profile = story::profile(ds, &ex.index, a, COMPANY);
    let (months, undated, company) = (&profile.months, profile.undated, &profile.company);
    let busiest = months.iter().map(|&(_, n)| n).max().unwrap_or(1).max(1);
    let said: Vec<usize> = ex
        .selection
        .quotes
        .iter()
        .copied()
        .filter(|&q| ds.quotes[q].speaker.as_deref() == Some(&*actor.id))
        .collect();
    let filter_by = query::toggle_actor(
        &State { view: View::Quotes, item: None, ..ex.state.clone() },
        &actor.id,
    );
    let aliases: Vec<&String> = actor.aliases.iter().filter(|n| **n != actor.name).collect();
    html! {
        <article class="actor-panel" aria-labelledby="actor-name">
            <h2 id="actor-name">{&actor.name}<span class="kind">{format!(" {}", query::actor_kind_word(actor.kind))}</span></h2>
            <dl class="facts">
                <dt>{"Also called"}</dt>
                <dd>{ if aliases.is_empty() { "no other names".to_string() } else { aliases.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" · ") } }</dd>
                <dt>{"Roles"}</dt>
                <dd>
                if actor.roles.is_empty() { {"none stated"} }
                { for actor.roles.iter().zip(&actor.role_rules).enumerate().map(|(i, (role, &rule))| {
                    let says = query::why::note(ds, rule).map(|n| n.says.clone()).unwrap_or_default();
                    html! { <>{ if i > 0 { " · " } else { "" } }<span class="role" title={says}>{role}</span></> }
                }) }
                </dd>
                <dt>{"Mentions"}</dt>
                <dd>{format!("{} in {} articles", profile.mentions, profile.articles)}</dd>
            </dl>
            if !ex.state.filters_actor(&actor.id) {
                {ex.link(filter_by, "filter-by", html! { {format!("Show only items involving {}", actor.name)} })}
            }
            <h3>{"Mentions over time"}</h3>
            <table class="mentions">
                <caption class="visually-hidden">{format!("Mentions of {} per month of publication", actor.name)}</caption>
                <thead><tr><th scope="col">{"Month"}</th><th scope="col">{"Mentions"}</th></tr></thead>
                <tbody>
                { for months.iter().map(|(month, n)| html! {
                    <tr><th scope="row">{month}</th><td><span class={classes!("meter", format!("h{}", (n * 10).div_ceil(busiest)))}></span>{n}</td></tr>
                }) }
                if undated > 0 { <tr><th scope="row">{"undated"}</th><td>{undated}</td></tr> }
                </tbody>
            </table>
            <h3>{"Appears with"}</h3>
            if company.is_empty() {
                <p class="empty">{"Nobody else in the same quotes or events."}</p>
            } else {
                <ul class="company">
                { for company.iter().map(|&(other, n)| {
                    let page = State { item: Some(ds.actors[other].id.to_string()), ..ex.state.clone() };
                    html! { <li>{ex.link(page, "actor-chip", html! { {&ds.actors[other].name} })}<span class="count">{n}</span></li> }
                }) }
                </ul>
            }
            <h3>{format!("Quotes by {} ({})", actor.name, said.len())}</h3>
            if said.is_empty() {
                <p class="empty">{"No quotes by this actor pass the filters."}</p>
            } else {
                <ul class="quotes">{ for said.iter().take(SHOWN_QUOTES).map(|&q| html! { <QuoteCard key={q} quote={q} /> }) }</ul>
                if said.len() > SHOWN_QUOTES {
                    <p class="more">{format!("The first {SHOWN_QUOTES} of {}; the quote list filtered by this actor shows them all.", said.len())}</p>
                }
            }
        </article>
    }
}
