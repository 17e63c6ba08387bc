//! The page's entry point. The page's files are the same for every corpus; the story
//! (`data/story.bin`, which `index.html` preloads beside the wasm) is fetched, inflated
//! by the browser's own `DecompressionStream`, decoded and mounted. An embedded story
//! carries every part; a sharded one only its manifest, and the explorer fetches the
//! parts a view needs. A failure shows a readable panel instead of a blank page.

use std::rc::Rc;

use newsline::app::{fetch_gzipped, show_fatal, App, AppProps};
use newsline::store::{self, catalog::Catalog};

/// A User Timing mark, which DevTools and `tests/e2e/perf.mjs` read to split the start-up.
fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

fn mount(catalog: Catalog) {
    let Some(window) = web_sys::window() else { return };
    let document = window.document();
    if let Some(document) = &document {
        document.set_title(&catalog.manifest.about.title);
    }
    let location = window.location();
    let query = location.search().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let Some(root) = document.and_then(|d| d.get_element_by_id("app")) else {
        return show_fatal("the page has no #app element");
    };
    let props = AppProps { catalog: Rc::new(catalog), query: query.into(), path: path.into() };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
    mark("newsline:mounted");
}

fn main() {
    mark("newsline:start");
    newsline::app::show_panics();
    wasm_bindgen_futures::spawn_local(async {
        let bytes = match fetch_gzipped(store::STORY_PATH).await {
            Ok(bytes) => bytes,
            Err(why) => return show_fatal(&format!("the story: {why}; reload to try again")),
        };
        mark("newsline:fetched");
        match store::decode(&bytes) {
            Ok((manifest, parts)) => {
                mark("newsline:decoded");
                mount(Catalog::new(manifest, parts));
            }
            Err(e) => show_fatal(&e.to_string()),
        }
    });
}
