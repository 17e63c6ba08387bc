//! The quote list: who said it, the words, when, and which outlets reported it.
//! Identical words printed by several outlets share one card.

use yew::prelude::*;

use super::virtual_list::VirtualList;
use super::{use_explorer, ByAddress, Explorer};
use crate::dataset::Quote;
use crate::extract::QuoteKind;
use crate::query::{kind_word, stance_word, why, State, View};

#[function_component(QuoteList)]
pub fn quote_list() -> Html {
    let ex = use_explorer();
    let sel = ex.selection.clone();
    if sel.quotes.is_empty() {
        return html! { <Empty what="quotes" /> };
    }
    let heights = {
        let ex = ex.clone();
        use_memo(ByAddress(sel.clone()), move |sel| {
            sel.0
                .quotes
                .iter()
                .zip(&sel.0.copies)
                .map(|(&i, copies)| {
                    quote_height(
                        ex.dataset.quotes[i].end - ex.dataset.quotes[i].start,
                        copies.len(),
                    )
                })
                .collect::<Vec<u32>>()
        })
    };
    let row = Callback::from(
        move |k: usize| html! { <QuoteCard key={sel.quotes[k]} quote={sel.quotes[k]} copies={sel.copies[k].clone()} /> },
    );
    html! {
        <>
            <p class="summary" role="status">{summary(&ex)}</p>
            <VirtualList heights={ByAddress(heights)} {row} class="quotes" label="Quotes" />
        </>
    }
}

/// "12 quotes on 10 cards": how many the filters leave.
fn summary(ex: &Explorer) -> String {
    let sel = &ex.selection;
    let quotes = if sel.quote_total == 1 {
        "1 quote".to_string()
    } else {
        format!("{} quotes", sel.quote_total)
    };
    if sel.quotes.len() == sel.quote_total {
        quotes
    } else {
        format!(
            "{quotes}; identical words from several articles share a card ({} cards)",
            sel.quotes.len()
        )
    }
}

/// A quote card's estimated height: four lines of chrome (speaker, meta, "Why?"), the words wrapped at about
/// 100 characters, and a line per other outlet.
fn quote_height(chars: usize, copies: usize) -> u32 {
    let lines = u32::try_from(chars / 100 + 1 + copies).unwrap_or(u32::MAX / 64);
    120 + 26 * lines
}

/// What the filters leave out, in words.
fn filter_words(ex: &Explorer) -> Vec<String> {
    let s = &ex.state;
    let mut parts = Vec::new();
    if !s.actors.is_empty() {
        let names: Vec<String> = s.actors.iter().map(|a| ex.actor_name(a)).collect();
        parts.push(format!("involving {}", names.join(" and ")));
    }
    if !s.stances.is_empty() {
        parts.push(format!(
            "with stance {}",
            s.stances.iter().map(|x| stance_word(*x)).collect::<Vec<_>>().join(" or ")
        ));
    }
    if !s.kinds.is_empty() {
        parts.push(format!(
            "of kind {}",
            s.kinds.iter().map(|x| kind_word(*x)).collect::<Vec<_>>().join(" or ")
        ));
    }
    if !s.outlets.is_empty() {
        let names: Vec<&str> = s
            .outlets
            .iter()
            .filter_map(|o| ex.index.outlet(o))
            .map(|o| ex.index.outlets[o].name.as_str())
            .collect();
        parts.push(format!("from {}", names.join(" or ")));
    }
    match (&s.from, &s.to) {
        (Some(f), Some(t)) => parts.push(format!("between {f} and {t}")),
        (Some(f), None) => parts.push(format!("from {f} on")),
        (None, Some(t)) => parts.push(format!("up to {t}")),
        (None, None) => {}
    }
    if !s.text.is_empty() {
        parts.push(format!("matching “{}”", s.text));
    }
    parts
}

#[derive(Properties, PartialEq)]
pub struct EmptyProps {
    /// "quotes", "events", "contested items".
    pub what: AttrValue,
}

/// An empty result that says why and offers to clear the filters.
#[function_component(Empty)]
pub fn empty(props: &EmptyProps) -> Html {
    let ex = use_explorer();
    let why = filter_words(&ex);
    if why.is_empty() {
        return html! { <p class="empty">{format!("No {} were found in this corpus.", props.what)}</p> };
    }
    html! {
        <div class="empty" role="status">
            <p>{format!("No {} {}.", props.what, why.join(", "))}</p>
            {ex.link(ex.state.unfiltered(), "clear", html! { {"Clear the filters"} })}
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct QuoteCardProps {
    pub quote: usize,
    /// Other visible quotes with the same words, from other articles.
    #[prop_or_default]
    pub copies: Vec<usize>,
}

#[function_component(QuoteCard)]
pub fn quote_card(props: &QuoteCardProps) -> Html {
    let ex = use_explorer();
    let q: &Quote = &ex.dataset.quotes[props.quote];
    let context = State { view: View::Article, item: Some(q.id.clone()), ..ex.state.clone() };
    let selected = ex.state.item.as_deref() == Some(q.id.as_str());
    let kind = kind_word(q.kind);
    let stance = stance_word(q.stance);
    let text = ex.quote_words(q);
    let words = if q.kind == QuoteKind::Indirect {
        text.to_string()
    } else {
        format!("“{}”", text.trim_end_matches(','))
    };
    let copies: Vec<&Quote> = props.copies.iter().map(|&c| &ex.dataset.quotes[c]).collect();
    let speakers_differ = copies.iter().any(|c| c.speaker != q.speaker);
    let doubt = why::quote_doubt(&ex.dataset, q);
    let reasons = why::quote_reasons(&ex.dataset, q);
    html! {
        <li class={classes!("quote", selected.then_some("selected"))} data-quote-id={q.id.clone()}>
            <p class="speaker">{ex.speaker(q)}
                if let Some(role) = ex.role(q) { <span class="role">{role}</span> }
                if let Some(cue) = &q.cue { <span class="cue">{format!(" {cue}")}</span> }
            </p>
            <blockquote class={classes!("words", kind)}>{ex.highlighted(&words)}</blockquote>
            <p class="meta">
                <span class={classes!("badge", stance)}>{stance}</span>
                <span class="badge kind">{kind}</span>
                if let Some(n) = doubt {
                    <span class="badge uncertain" title={format!("Found by a rule that is often wrong: {}", why::rule_line(n))}>{"uncertain"}</span>
                }
                {when(&ex, props.quote)}
                <span class="outlet">{ex.outlet_of(&q.article)}</span>
                {ex.link(context, "context", html! { {"In context"} })}
            </p>
            <details class="why">
                <summary>{"Why?"}</summary>
                <dl>
                { for reasons.iter().map(|(what, n)| html! {
                    <>
                        <dt>{*what}</dt>
                        <dd class={classes!(n.uncertain.then_some("uncertain"))}>
                            {&n.says}{" "}<code>{n.rule.id()}</code>
                            <span class="precision">{format!(" · {}", why::precision_words(n))}</span>
                        </dd>
                    </>
                }) }
                </dl>
            </details>
            if !copies.is_empty() {
                <div class="copies">
                    <p class="reported-by">
                        {format!("Reported by {} articles", copies.len() + 1)}
                        if speakers_differ { <span class="badge denial">{"speakers differ"}</span> }
                    </p>
                    <ul>
                    { for copies.iter().map(|c| {
                        let context = State { view: View::Article, item: Some(c.id.clone()), ..ex.state.clone() };
                        html! {
                            <li data-copy-id={c.id.clone()}>
                                <span class="outlet">{ex.outlet_of(&c.article)}</span>{": "}{ex.speaker(c)}
                                {" "}{ex.link(context, "context", html! { {"In context"} })}
                            </li>
                        }
                    }) }
                    </ul>
                </div>
            }
        </li>
    }
}

/// When quote `quote`'s words were said, or only reported.
pub fn when(ex: &Explorer, quote: usize) -> Html {
    let text = match ex.quote_date(quote) {
        Some((date, true)) => format!("reported {date}"),
        Some((date, false)) => date,
        None => "undated".to_string(),
    };
    html! { <span class="date">{text}</span> }
}
