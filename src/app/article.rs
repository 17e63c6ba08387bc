//! The article reader: the whole text with every quote, actor mention, place and time
//! expression marked, and the selected quote or event scrolled into view, so a
//! reader can check the extraction against the source.

use yew::prelude::*;

use super::{browser, Explorer};
use crate::extract;
use crate::query::{kind_word, stance_word, State, View};

/// The element id the selected stretch carries, for scrolling.
const HIGHLIGHT_ID: &str = "highlight";

/// A marked stretch of the text.
struct Layer {
    start: usize,
    end: usize,
    class: &'static str,
    title: String,
    /// The actor page a mention links to.
    link: Option<State>,
}

#[function_component(ArticleView)]
pub fn article_view() -> Html {
    let ex = use_context::<Explorer>().expect("ArticleView needs the Explorer context");
    let item = ex.state.item.clone().unwrap_or_default();
    use_effect_with(item.clone(), |_| browser::scroll_to(HIGHLIGHT_ID));
    let ds = &ex.dataset;
    let index = &ex.index;
    let found = index
        .quote(&item)
        .map(|i| (index.article_of_quote[i], ds.quotes[i].start, ds.quotes[i].end, View::Quotes))
        .or_else(|| {
            index.event(&item).map(|i| {
                (index.article_of_event[i], ds.events[i].start, ds.events[i].end, View::Timeline)
            })
        });
    let Some((a, start, end, came_from)) = found else {
        return html! { <p class="empty">{"That item is not in this corpus."}</p> };
    };
    let Some(article) = ds.articles.get(a) else {
        return html! { <p class="empty">{"That article is not in this corpus."}</p> };
    };
    let items = index.article_items(ds);
    let mut layers: Vec<Layer> = Vec::new();
    for &q in &items.quotes[a] {
        let quote = &ds.quotes[q];
        let speaker = quote
            .speaker
            .as_deref()
            .map_or_else(|| "unattributed".to_string(), |s| ex.actor_name(s));
        layers.push(Layer {
            start: quote.start,
            end: quote.end,
            class: "said",
            title: format!(
                "{} quote · {} · {speaker}",
                kind_word(quote.kind),
                stance_word(quote.stance)
            ),
            link: None,
        });
    }
    for &t in &items.timexes[a] {
        let timex = &ds.timexes[t];
        let value = timex.value.clone().unwrap_or_else(|| "unresolved".to_string());
        layers.push(Layer {
            start: timex.start,
            end: timex.end,
            class: "time",
            title: format!("time → {value}"),
            link: None,
        });
    }
    for mark in &items.mentions[a] {
        let actor = &ds.actors[mark.target];
        let page =
            State { view: View::Actor, item: Some(actor.id.to_string()), ..ex.state.clone() };
        layers.push(Layer {
            start: mark.start,
            end: mark.end,
            class: "mention",
            title: format!("{} ({})", actor.name, format!("{:?}", actor.kind).to_lowercase()),
            link: Some(page),
        });
    }
    for mark in &items.places[a] {
        let place = &ds.places[mark.target];
        layers.push(Layer {
            start: mark.start,
            end: mark.end,
            class: "place",
            title: format!("{} (place)", place.name),
            link: None,
        });
    }
    let back = State { view: came_from, item: Some(item.clone()), ..ex.state.clone() };
    let text = &article.text;
    let mut marked_first = false;
    let paragraphs = extract::paragraphs(text).into_iter().map(|para| {
        let selected = start.max(para.start)..end.min(para.end);
        let has_selected = selected.start < selected.end;
        let mut cuts: Vec<usize> = vec![para.start, para.end];
        for l in &layers {
            cuts.extend([l.start, l.end].into_iter().filter(|c| para.contains(c)));
        }
        if has_selected {
            cuts.extend([selected.start, selected.end]);
        }
        cuts.sort_unstable();
        cuts.dedup();
        let segment = |from: usize, to: usize| -> Html {
            let Some(words) = text.get(from..to) else { return html! {} };
            let over: Vec<&Layer> = layers.iter().filter(|l| l.start <= from && to <= l.end).collect();
            if over.is_empty() {
                return html! { {words} };
            }
            let class = classes!(over.iter().map(|l| l.class).collect::<Vec<_>>());
            let title = over.iter().map(|l| l.title.as_str()).collect::<Vec<_>>().join("; ");
            match over.iter().find_map(|l| l.link.clone()) {
                Some(page) => html! { <a {class} {title} href={ex.href(&page)} onclick={ex.go(page)}>{words}</a> },
                None => html! { <span {class} {title}>{words}</span> },
            }
        };
        let mut before = Vec::new();
        let mut inside = Vec::new();
        let mut after = Vec::new();
        for pair in cuts.windows(2) {
            let (from, to) = (pair[0], pair[1]);
            let part = segment(from, to);
            if has_selected && selected.start <= from && to <= selected.end {
                inside.push(part);
            } else if has_selected && from >= selected.end {
                after.push(part);
            } else {
                before.push(part);
            }
        }
        let id = (has_selected && !marked_first).then_some(HIGHLIGHT_ID);
        marked_first |= has_selected;
        html! {
            <p>
                { for before }
                if has_selected { <mark {id}>{ for inside }</mark> }
                { for after }
            </p>
        }
    });
    let outlet = article.outlet.clone().unwrap_or_else(|| article.id.to_string());
    let link =
        article.url.as_deref().filter(|u| u.starts_with("https://") || u.starts_with("http://"));
    html! {
        <article class="reader" aria-label={format!("Article from {outlet}")}>
            <p class="meta">
                {ex.link(back, "back", html! { { if came_from == View::Quotes { "← Back to quotes" } else { "← Back to the timeline" } } })}
                <span class="outlet">{&outlet}</span>
                <span class="date">{article.date.clone().unwrap_or_else(|| "undated".to_string())}</span>
                if let Some(url) = link {
                    <a class="source" href={url.to_string()} rel="noopener noreferrer">{"Original"}</a>
                }
            </p>
            if let Some(title) = &article.title { <h2 class="article-title">{title}</h2> }
            if article.excerpted {
                <p class="notice">{"This page keeps only the sentences around what was found; [\u{2026}] marks text left out. The original has the whole article."}</p>
            }
            <p class="legend" aria-label="What the marks mean">
                <span class="said">{"quoted or reported words"}</span>
                <span class="mention">{"actor"}</span>
                <span class="place">{"place"}</span>
                <span class="time">{"time expression"}</span>
                <mark>{"selected"}</mark>
            </p>
            { for paragraphs }
        </article>
    }
}
