//! Sharing a view: copy its link, embed it in another page, or export what it shows.

use yew::prelude::*;

use super::{browser, use_explorer};
use crate::export::export;

/// The iframe snippet for the view at `href`.
pub fn embed_snippet(href: &str) -> String {
    let src = href.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    format!(
        r#"<iframe src="{src}" title="Newsline: who said what, and when" width="100%" height="640" loading="lazy"></iframe>"#
    )
}

#[function_component(Tools)]
pub fn tools() -> Html {
    let ex = use_explorer();
    let status = use_state(String::new);
    let embed_open = use_state(|| false);
    let copy = |text: String, done: &'static str| {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            let shown = text.clone();
            browser::copy(&text, move |ok| {
                status.set(if ok { done.to_string() } else { format!("Copy this: {shown}") });
            });
        })
    };
    let toggle_embed = {
        let embed_open = embed_open.clone();
        Callback::from(move |_: MouseEvent| embed_open.set(!*embed_open))
    };
    let export_with = |format: &'static str| {
        let ex = ex.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let (rows, missing) = export(&ex.catalog, &ex.answer, &ex.state);
            match format {
                "csv" => {
                    browser::download("newsline-quotes.csv", "text/csv", &rows.quotes_csv());
                    browser::download("newsline-events.csv", "text/csv", &rows.events_csv());
                }
                _ => browser::download_json("newsline.json", &rows),
            }
            let mut said =
                format!("Exported {} quotes and {} events", rows.quotes.len(), rows.events.len());
            if missing > 0 {
                said.push_str(&format!(
                    "; {missing} more are not loaded yet: show more of the list, then export again"
                ));
            }
            status.set(said);
        })
    };
    // The canonical link of this view, whatever order the address bar has its parameters in.
    let link = format!("{}{}", browser::origin(), ex.href(&ex.state));
    let snippet = embed_snippet(&link);
    // A link to what only this browser has opens, elsewhere, without it: say so first.
    let only_here = ex.local.only_here(&ex.catalog, &ex.state);
    let warned = use_state(|| false);
    let copy_link = if only_here.is_empty() || *warned {
        let (copy, warned) = (copy(link.clone(), "Link copied"), warned.clone());
        Callback::from(move |e: MouseEvent| {
            warned.set(false);
            copy.emit(e);
        })
    } else {
        let warned = warned.clone();
        Callback::from(move |_: MouseEvent| warned.set(true))
    };
    html! {
        <div class="tools">
            <button type="button" class="copy-link" onclick={copy_link}>{if *warned && !only_here.is_empty() { "Copy anyway" } else { "Copy link" }}</button>
            if *warned && !only_here.is_empty() {
                <p class="notice share-warning" role="alert">
                    {format!("This link depends on your own articles, which only this browser has ({}). Anyone else who opens it sees the published story without them, and a notice.", only_here.join("; "))}
                </p>
            }
            <button type="button" class="embed" aria-expanded={if *embed_open { "true" } else { "false" }} aria-controls="embed-panel"
                    onclick={toggle_embed.clone()}>{"Embed"}</button>
            <button type="button" class="export-csv" onclick={export_with("csv")}>{"Export CSV"}</button>
            <button type="button" class="export-json" onclick={export_with("json")}>{"Export JSON"}</button>
            <span class="copy-status" role="status" aria-live="polite">{(*status).clone()}</span>
            if *embed_open {
                <div id="embed-panel" class="embed-panel" role="dialog" aria-label="Embed this view">
                    <label for="embed-code">{"Paste this into any page to show this view:"}</label>
                    <textarea id="embed-code" readonly=true rows="3" value={snippet.clone()} />
                    <div class="row">
                        <button type="button" onclick={copy(snippet, "Embed code copied")}>{"Copy embed code"}</button>
                        <button type="button" onclick={toggle_embed}>{"Close"}</button>
                    </div>
                </div>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_snippet_escapes_the_link() {
        let s = super::embed_snippet("https://x.org/n/?actor=a&view=quotes\"><script>");
        assert!(
            s.starts_with(
                r#"<iframe src="https://x.org/n/?actor=a&amp;view=quotes&quot;>&lt;script>""#
            ),
            "{s}"
        );
    }
}
