//! The quote list: who said it, the words, when, and which outlets reported it.
//! Identical words printed by several outlets share one card.

use yew::prelude::*;

use super::{date_label, loading_row, use_explorer, Explorer};
use crate::extract::{DateBasis, QuoteKind};
use crate::query::engine::{self, SHOWN_COPIES};
use crate::query::{kind_word, stance_word, why, State, View};
use crate::store::{self, flags};

#[function_component(QuoteList)]
pub fn quote_list() -> Html {
    let ex = use_explorer();
    let answer = ex.answer.clone();
    if answer.partial {
        // A list still growing would move under the reader: it shows once complete.
        return html! {
            <>
                <p class="summary" role="status">{summary(&ex.answer)}</p>
                <p class="empty loading" aria-busy="true">{"Loading…"}</p>
            </>
        };
    }
    if answer.cards.total == 0 {
        return html! { <Empty what="quotes" /> };
    }
    let (cards, _) = engine::cards_upto(&ex.catalog, &answer.cards, ex.shown.cards);
    html! {
        <>
            <p class="summary" role="status">{summary(&ex.answer)}</p>
            <ul class="quotes" aria-label="Quotes">
                { for cards.iter().map(|c| html! { <QuoteCard key={c.card} quote={c.card} copies={c.copies.clone()} /> }) }
            </ul>
            {ex.more(cards.len(), answer.cards.total, "cards")}
        </>
    }
}

/// "12 quotes; identical words … (10 cards)": how many the filters leave.
fn summary(a: &engine::Answer) -> String {
    if a.partial {
        return format!("Loading the quotes… ({} so far)", a.quote_total);
    }
    let quotes = if a.quote_total == 1 {
        "1 quote".to_string()
    } else {
        format!("{} quotes", a.quote_total)
    };
    if a.cards.total == a.quote_total {
        quotes
    } else {
        format!(
            "{quotes}; identical words from several articles share a card ({} cards)",
            a.cards.total
        )
    }
}

/// What the filters of `s` leave out, in words, with actors named by `actor_named` and
/// outlets by `outlets`.
fn filter_words(
    s: &State,
    actor_named: impl Fn(&str) -> String,
    outlets: &[store::OutletInfo],
) -> Vec<String> {
    let mut parts = Vec::new();
    if !s.actors.is_empty() {
        let names: Vec<String> = s.actors.iter().map(|a| actor_named(a)).collect();
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
            .filter_map(|o| outlets.iter().find(|x| x.id == *o))
            .map(|o| o.name.as_str())
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
    let why = filter_words(&ex.state, |a| ex.actor_named(a), &ex.manifest().outlets);
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
    /// The quote's site id.
    pub quote: u32,
    /// Other visible quotes with the same words, from other articles.
    #[prop_or_default]
    pub copies: Vec<u32>,
}

#[function_component(QuoteCard)]
pub fn quote_card(props: &QuoteCardProps) -> Html {
    let ex = use_explorer();
    let Ok(q) = ex.catalog.quote_card(props.quote) else {
        return loading_row(format!("q{}", props.quote));
    };
    let context = State { view: View::Article, item: Some(q.id.clone()), ..ex.state.clone() };
    let selected = ex.state.item.as_deref() == Some(q.id.as_str());
    let (kind, stance) = (flags::kind(q.flags), flags::stance(q.flags));
    let words = if kind == QuoteKind::Indirect {
        q.words.clone()
    } else {
        format!("“{}”", q.words.trim_end_matches(','))
    };
    let copies: Vec<&store::QuoteCard> = props
        .copies
        .iter()
        .take(SHOWN_COPIES)
        .filter_map(|&c| ex.catalog.quote_card(c).ok())
        .collect();
    let more_copies = props.copies.len().saturating_sub(SHOWN_COPIES);
    let speakers_differ = copies
        .iter()
        .any(|c| c.speaker.as_ref().map(|s| s.index) != q.speaker.as_ref().map(|s| s.index));
    let rules = &ex.manifest().rules;
    let doubt = why::card_doubt(rules, q);
    let reasons = why::card_reasons(rules, q);
    let (kind, stance) = (kind_word(kind), stance_word(stance));
    html! {
        <li class={classes!("quote", selected.then_some("selected"))} data-quote-id={q.id.clone()}>
            <p class="speaker">{ex.speaker(q)}
                if let Some(role) = Explorer::role(q) { <span class="role">{role}</span> }
                if let Some(cue) = &q.cue { <span class="cue">{format!(" {cue}")}</span> }
            </p>
            <blockquote class={classes!("words", kind)}>{ex.highlighted(&words)}</blockquote>
            <p class="meta">
                <span class={classes!("badge", stance)}>{stance}</span>
                <span class="badge kind">{kind}</span>
                if let Some(n) = doubt {
                    <span class="badge uncertain" title={format!("Found by a rule that is often wrong: {}", why::rule_line(n))}>{"uncertain"}</span>
                }
                {when(q)}
                <span class="outlet">{&q.outlet}</span>
                {ex.yours(&q.article)}
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
                        {format!("Reported by {} articles", props.copies.len() + 1)}
                        if speakers_differ { <span class="badge denial">{"speakers differ"}</span> }
                    </p>
                    <ul>
                    { for copies.iter().take(SHOWN_COPIES).map(|c| {
                        let context = State { view: View::Article, item: Some(c.id.clone()), ..ex.state.clone() };
                        html! {
                            <li data-copy-id={c.id.clone()}>
                                <span class="outlet">{&c.outlet}</span>{": "}{ex.speaker(c)}
                                {" "}{ex.link(context, "context", html! { {"In context"} })}
                            </li>
                        }
                    }) }
                    if more_copies > 0 {
                        <li class="more">{format!("and {more_copies} more")}</li>
                    }
                    </ul>
                </div>
            }
        </li>
    }
}

/// When a quote's words were said, or only reported.
pub fn when(q: &store::QuoteCard) -> Html {
    let text = match q.date.as_ref().and_then(|d| Some((date_label(d)?, d.basis))) {
        Some((date, DateBasis::ReportedOn)) => format!("reported {date}"),
        Some((date, _)) => date,
        None => "undated".to_string(),
    };
    html! { <span class="date">{text}</span> }
}

#[cfg(test)]
mod tests {
    use super::{filter_words, summary};
    use crate::extract::{QuoteKind, Stance};
    use crate::query::engine::Answer;
    use crate::query::State;
    use crate::store::OutletInfo;

    #[test]
    fn the_summary_counts_quotes_and_says_when_cards_gather_them() {
        let mut a = Answer { quote_total: 1, ..Answer::default() };
        a.cards.total = 1;
        assert_eq!(summary(&a), "1 quote");
        a.quote_total = 12;
        a.cards.total = 10;
        assert_eq!(
            summary(&a),
            "12 quotes; identical words from several articles share a card (10 cards)"
        );
        a.partial = true;
        assert_eq!(summary(&a), "Loading the quotes… (12 so far)");
    }

    #[test]
    fn filter_words_name_each_filter_in_the_link() {
        let outlets = [OutletInfo { id: "herald".into(), name: "The Herald".into(), articles: 1 }];
        let state = State {
            actors: vec!["sean-spicer".into(), "nobody".into()],
            stances: vec![Stance::Denial],
            kinds: vec![QuoteKind::Direct, QuoteKind::Partial],
            outlets: vec!["herald".into()],
            from: Some("2017-01-01".into()),
            text: "rubbish".into(),
            ..State::default()
        };
        let named = |id: &str| if id == "sean-spicer" { "Sean Spicer".into() } else { id.into() };
        assert_eq!(
            filter_words(&state, named, &outlets),
            [
                "involving Sean Spicer and nobody",
                "with stance denial",
                "of kind direct or partial",
                "from The Herald",
                "from 2017-01-01 on",
                "matching “rubbish”",
            ]
        );
        assert!(filter_words(&State::default(), named, &outlets).is_empty());
    }
}
