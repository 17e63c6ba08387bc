//! The article reader: the whole text with every quote, actor mention, place and time
//! expression marked, and the selected quote or event scrolled into view, so a
//! reader can check the extraction against the source.

use yew::prelude::*;

use super::{browser, use_explorer};
use crate::query::reader::{self, Part};
use crate::query::{State, View};
use crate::store::catalog::Site;

/// The element id the selected stretch carries, for scrolling.
const HIGHLIGHT_ID: &str = "highlight";

#[function_component(ArticleView)]
pub fn article_view() -> Html {
    let ex = use_explorer();
    let item = ex.state.item.clone().unwrap_or_default();
    let cat = &ex.catalog;
    let found = cat.site_of(&item).map(|site| {
        site.map(|site| match site {
            Site::Quote(q) => (cat.quote_fact(q).map(|f| f.article), q, View::Quotes, true),
            Site::Event(e) => (cat.event_fact(e).map(|f| f.article), e, View::Timeline, false),
        })
    });
    let ready = matches!(&found, Ok(Some((Ok(a), ..))) if cat.article(*a).is_ok());
    use_effect_with((item.clone(), ready), |_| browser::scroll_to(HIGHLIGHT_ID));
    let (a, site, came_from, quote) = match found {
        Err(_) | Ok(Some((Err(Some(_)), ..))) => {
            return html! { <p class="empty loading" aria-busy="true">{"Loading…"}</p> };
        }
        Ok(None) | Ok(Some((Err(None), ..))) => {
            return html! { <p class="empty">{"That item is not in this corpus."}</p> };
        }
        Ok(Some((Ok(a), site, came_from, quote))) => (a, site, came_from, quote),
    };
    let article = match cat.article(a) {
        Ok(article) => article,
        Err(Some(_)) => return html! { <p class="empty loading" aria-busy="true">{"Loading…"}</p> },
        Err(None) => return html! { <p class="empty">{"That article is not in this corpus."}</p> },
    };
    let spans = if quote { &article.quotes } else { &article.events };
    let (start, end) = spans
        .iter()
        .find(|(id, ..)| *id == site)
        .map_or((0, 0), |&(_, s, e)| (s as usize, e as usize));
    let layers: Vec<reader::Layer> = article.marks.iter().map(reader::Layer::from_mark).collect();
    // What each mark says on hover, and whether a rule behind it is often wrong.
    let notes = &cat.manifest.rules;
    let titles: Vec<String> = layers.iter().map(|l| l.title(notes)).collect();
    let doubted: Vec<bool> = layers.iter().map(|l| l.doubt(notes).is_some()).collect();
    let back = State { view: came_from, item: Some(item.clone()), ..ex.state.clone() };
    let text = &article.text;
    let segment = |seg: &reader::Segment| -> Html {
        let Some(words) = text.get(seg.span.clone()) else { return html! {} };
        if seg.layers.is_empty() {
            return html! { {words} };
        }
        let uncertain = seg.layers.iter().any(|&l| doubted[l]).then_some("uncertain");
        let mut class =
            classes!(seg.layers.iter().map(|&l| layers[l].mark.class()).collect::<Vec<_>>());
        class.push(uncertain);
        // The title says why on hover; focused, the mark shows the same words (`data-why`).
        let title = seg.layers.iter().map(|&l| titles[l].as_str()).collect::<Vec<_>>().join(" | ");
        match seg.layers.iter().find_map(|&l| article.marks[l].actor.as_ref()) {
            Some(actor) => {
                let page =
                    State { view: View::Actor, item: Some(actor.id.clone()), ..ex.state.clone() };
                html! { <a {class} title={title.clone()} data-why={title} href={ex.href(&page)} onclick={ex.go(page)}>{words}</a> }
            }
            None => {
                html! { <span {class} title={title.clone()} data-why={title} tabindex="0">{words}</span> }
            }
        }
    };
    let mut marked_first = false;
    let paragraphs =
        reader::paragraph_segments(text, &layers, start..end).into_iter().map(|para| {
            let part = |p: Part| {
                para.segments.iter().filter(move |s| s.part == p).map(segment).collect::<Html>()
            };
            let id = (para.selected && !marked_first).then_some(HIGHLIGHT_ID);
            marked_first |= para.selected;
            html! {
                <p>
                    { part(Part::Before) }
                    if para.selected { <mark {id}>{ part(Part::Selected) }</mark> }
                    { part(Part::After) }
                </p>
            }
        });
    let outlet = article.outlet.clone().unwrap_or_else(|| article.id.clone());
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
            if ex.local.has(&article.id) {
                <p class="notice yours-note">{"One of your articles, in this browser only: it is not part of the published story."}</p>
            }
            if article.excerpted {
                <p class="notice">{"This page keeps only the sentences around what was found; [\u{2026}] marks text left out. The original has the whole article."}</p>
            }
            <p class="hint">{"Hover over or focus a mark to see which rule found it."}</p>
            <p class="legend" aria-label="What the marks mean">
                <span class="said">{"quoted or reported words"}</span>
                <span class="mention">{"actor"}</span>
                <span class="place">{"place"}</span>
                <span class="time">{"time expression"}</span>
                <span class="uncertain">{"uncertain"}</span>
                <mark>{"selected"}</mark>
            </p>
            { for paragraphs }
        </article>
    }
}
