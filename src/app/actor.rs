//! One actor: the names it goes by, its roles, what it said, how often it is
//! mentioned over time, and the actors it appears with.

use yew::prelude::*;

use super::quotes::QuoteCard;
use super::use_explorer;
use crate::query::{self, engine, State, View};

/// How many co-occurring actors the panel lists.
const COMPANY: usize = 12;

#[function_component(ActorPanel)]
pub fn actor_panel() -> Html {
    let ex = use_explorer();
    let id = ex.state.item.clone().unwrap_or_default();
    let loading = html! { <p class="empty loading" aria-busy="true">{"Loading…"}</p> };
    let a = match ex.catalog.actor_by_slug(&id) {
        Ok(Some(a)) => a,
        Ok(None) => return html! { <p class="empty">{"That actor is not in this corpus."}</p> },
        Err(_) => return loading,
    };
    let page = match ex.catalog.actor_page(a) {
        Ok(page) => page,
        Err(Some(_)) => return loading,
        Err(None) => return html! { <p class="empty">{"That actor is not in this corpus."}</p> },
    };
    let actor = &page.info;
    let busiest = page.months.iter().map(|&(_, n)| n).max().unwrap_or(1).max(1);
    let said: Vec<u32> = engine::actor_quotes(page, a).collect();
    let filter_by = query::toggle_actor(
        &State { view: View::Quotes, item: None, ..ex.state.clone() },
        &actor.id,
    );
    let aliases: Vec<&String> = page.aliases.iter().filter(|n| **n != actor.name).collect();
    html! {
        <article class="actor-panel" aria-labelledby="actor-name">
            <h2 id="actor-name">{&actor.name}<span class="kind">{format!(" {}", query::actor_kind_word(actor.kind))}</span></h2>
            <dl class="facts">
                <dt>{"Also called"}</dt>
                <dd>{ if aliases.is_empty() { "no other names".to_string() } else { aliases.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" · ") } }</dd>
                <dt>{"Roles"}</dt>
                <dd>
                if page.roles.is_empty() { {"none stated"} }
                { for page.roles.iter().enumerate().map(|(i, (role, says))| {
                    html! { <>{ if i > 0 { " · " } else { "" } }<span class="role" title={says.clone()}>{role}</span></> }
                }) }
                </dd>
                <dt>{"Mentions"}</dt>
                <dd>{format!("{} in {} articles", page.mentions, page.articles)}</dd>
            </dl>
            if !ex.state.filters_actor(&actor.id) {
                {ex.link(filter_by, "filter-by", html! { {format!("Show only items involving {}", actor.name)} })}
            }
            <h3>{"Mentions over time"}</h3>
            <table class="mentions">
                <caption class="visually-hidden">{format!("Mentions of {} per month of publication", actor.name)}</caption>
                <thead><tr><th scope="col">{"Month"}</th><th scope="col">{"Mentions"}</th></tr></thead>
                <tbody>
                { for page.months.iter().map(|(month, n)| html! {
                    <tr><th scope="row">{month}</th><td><span class={classes!("meter", format!("h{}", (n * 10).div_ceil(busiest)))}></span>{n}</td></tr>
                }) }
                if page.undated > 0 { <tr><th scope="row">{"undated"}</th><td>{page.undated}</td></tr> }
                </tbody>
            </table>
            <h3>{"Appears with"}</h3>
            if page.company.is_empty() {
                <p class="empty">{"Nobody else in the same quotes or events."}</p>
            } else {
                <ul class="company">
                { for page.company.iter().take(COMPANY).map(|(other, n)| html! {
                    <li>{ex.actor_link(other, "actor-chip")}<span class="count">{n}</span></li>
                }) }
                </ul>
            }
            <h3>{format!("Quotes by {} ({})", actor.name, said.len())}</h3>
            if said.is_empty() {
                <p class="empty">{"No quotes by this actor."}</p>
            } else {
                <ul class="quotes">{ for said.iter().take(engine::ACTOR_QUOTES).map(|&q| html! { <QuoteCard key={q} quote={q} /> }) }</ul>
                if said.len() > engine::ACTOR_QUOTES {
                    <p class="more">{format!("The first {} of {}; the quote list filtered by this actor shows them all.", engine::ACTOR_QUOTES, said.len())}</p>
                }
            }
        </article>
    }
}
