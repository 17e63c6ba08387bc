//! The quote list: who said it, the words, when, and which outlet reported it.

use yew::prelude::*;

use super::virtual_list::VirtualList;
use super::Explorer;
use crate::dataset::Quote;
use crate::extract::{QuoteKind, Stance};
use crate::query::{State, View};

#[derive(Properties, PartialEq)]
pub struct QuoteListProps {
    pub quotes: Vec<usize>,
}

#[function_component(QuoteList)]
pub fn quote_list(props: &QuoteListProps) -> Html {
    let ex = use_context::<Explorer>().expect("QuoteList needs the Explorer context");
    if props.quotes.is_empty() {
        return html! { <p class="empty">{empty_message(&ex)}</p> };
    }
    let heights = {
        let ex = ex.clone();
        use_memo(props.quotes.clone(), move |quotes| {
            quotes.iter().map(|&i| quote_height(ex.quote_words(&ex.dataset.quotes[i]).len())).collect::<Vec<u32>>()
        })
    };
    let quotes = props.quotes.clone();
    let row = Callback::from(move |k: usize| html! { <QuoteCard key={quotes[k]} quote={quotes[k]} /> });
    html! { <VirtualList {heights} {row} class="quotes" label="Quotes" /> }
}

/// A quote card's estimated height: three lines of chrome and the words wrapped at about 100 characters.
fn quote_height(chars: usize) -> u32 {
    let lines = u32::try_from(chars / 100 + 1).unwrap_or(u32::MAX / 64);
    96 + 26 * lines
}

/// Why a list is empty, naming the actors that narrowed it.
pub fn empty_message(ex: &Explorer) -> String {
    if ex.state.actors.is_empty() {
        "Nothing was found in this corpus.".to_string()
    } else {
        let names: Vec<String> = ex.state.actors.iter().map(|a| ex.actor_name(a)).collect();
        format!("Nothing involves {} together. Clear the actor filter to see everything.", names.join(" and "))
    }
}

#[derive(Properties, PartialEq)]
struct QuoteCardProps {
    quote: usize,
}

#[function_component(QuoteCard)]
fn quote_card(props: &QuoteCardProps) -> Html {
    let ex = use_context::<Explorer>().expect("QuoteCard needs the Explorer context");
    let q: &Quote = &ex.dataset.quotes[props.quote];
    let speaker = q.speaker.as_deref().map_or_else(|| "Unattributed".to_string(), |s| ex.actor_name(s));
    let context = State { view: View::Article, item: Some(q.id.clone()), ..ex.state.clone() };
    let selected = ex.state.item.as_deref() == Some(q.id.as_str());
    let (date, reported) = ex.quote_date(q).map_or((String::from("undated"), false), |(d, r)| (d, r));
    let kind = match q.kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Indirect => "reported",
    };
    let stance = match q.stance {
        Stance::Claim => "claim",
        Stance::Denial => "denial",
        Stance::Statement => "statement",
    };
    let text = ex.quote_words(q);
    let words = if q.kind == QuoteKind::Indirect { text.to_string() } else { format!("“{}”", text.trim_end_matches(',')) };
    html! {
        <li class={classes!("quote", selected.then_some("selected"))} data-quote-id={q.id.clone()}>
            <p class="speaker">{speaker}
                if let Some(cue) = &q.cue { <span class="cue">{format!(" {cue}")}</span> }
            </p>
            <blockquote class={classes!("words", kind)}>{words}</blockquote>
            <p class="meta">
                <span class={classes!("badge", stance)}>{stance}</span>
                <span class="badge kind">{kind}</span>
                <span class="date">{ if reported { format!("reported {date}") } else { date } }</span>
                <span class="outlet">{ex.outlet_of(&q.article)}</span>
                <a class="context" href={ex.href(&context)} onclick={ex.go(context.clone())}>{"In context"}</a>
            </p>
        </li>
    }
}
