//! The article reader: the whole text, with the selected quote or event marked
//! and scrolled into view, so a reader can check the extraction.

use yew::prelude::*;

use super::{browser, Explorer};
use crate::extract;
use crate::query::{State, View};

/// The element id the selected stretch carries, for scrolling.
const HIGHLIGHT_ID: &str = "highlight";

#[function_component(ArticleView)]
pub fn article_view() -> Html {
    let ex = use_context::<Explorer>().expect("ArticleView needs the Explorer context");
    let item = ex.state.item.clone().unwrap_or_default();
    use_effect_with(item.clone(), |_| browser::scroll_to(HIGHLIGHT_ID));
    let ds = &ex.dataset;
    let found = ex
        .index
        .quote(&item)
        .map(|i| &ds.quotes[i])
        .map(|q| (&q.article, q.start, q.end))
        .or_else(|| ex.index.event(&item).map(|i| &ds.events[i]).map(|e| (&e.article, e.start, e.end)));
    let Some((article_id, start, end)) = found else {
        return html! { <p class="empty">{"That item is not in this corpus."}</p> };
    };
    let Some(article) = ex.index.article(article_id).map(|i| &ds.articles[i]) else {
        return html! { <p class="empty">{"That article is not in this corpus."}</p> };
    };
    let back = State { view: View::Quotes, item: Some(item.clone()), ..ex.state.clone() };
    let text = &article.text;
    // Paragraph by paragraph, with the selected span cut out and marked.
    let mut paragraphs = Vec::new();
    for para in extract::paragraphs(text) {
        let (p_start, p_end) = (para.start, para.end);
        let inside = start.max(p_start)..end.min(p_end);
        let body = if inside.start < inside.end {
            html! { <>
                {&text[p_start..inside.start]}
                <mark id={(inside.start == start).then_some(HIGHLIGHT_ID)}>{&text[inside.clone()]}</mark>
                {&text[inside.end..p_end]}
            </> }
        } else {
            html! { {&text[para]} }
        };
        paragraphs.push(html! { <p>{body}</p> });
    }
    let outlet = article.outlet.clone().unwrap_or_else(|| article.id.clone());
    let link = article.url.as_deref().filter(|u| u.starts_with("https://") || u.starts_with("http://"));
    html! {
        <article class="reader" aria-label={format!("Article from {outlet}")}>
            <p class="meta">
                <a class="back" href={ex.href(&back)} onclick={ex.go(back.clone())}>{"← Back to quotes"}</a>
                <span class="outlet">{&outlet}</span>
                <span class="date">{article.date.clone().unwrap_or_else(|| "undated".to_string())}</span>
                if let Some(url) = link {
                    <a class="source" href={url.to_string()} rel="noopener noreferrer">{"Original"}</a>
                }
            </p>
            { for paragraphs }
        </article>
    }
}
