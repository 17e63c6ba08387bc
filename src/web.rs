//! The page's entry point: decode the dataset and index embedded at build time and mount the
//! explorer. Nothing is fetched; a panic shows a readable panel instead of a blank page.

use std::rc::Rc;

use newsline::app::{show_fatal, App, AppProps};

/// The corpus and its index, made natively by `newsline ingest --blob` before the build.
static EMBEDDED: &[u8] = include_bytes!(env!("NEWSLINE_BLOB"));

/// A User Timing mark, which DevTools and `tests/e2e/perf.mjs` read to split the start-up.
fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

fn main() {
    mark("newsline:start");
    newsline::app::show_panics();
    let (dataset, index) = match newsline::page::decode(EMBEDDED) {
        Ok(page) => page,
        Err(e) => return show_fatal(&format!("the embedded dataset could not be read ({e})")),
    };
    mark("newsline:decoded");
    let location = web_sys::window().map(|w| w.location());
    let query = location.as_ref().and_then(|l| l.search().ok()).unwrap_or_default();
    let path = location.as_ref().and_then(|l| l.pathname().ok()).unwrap_or_default();
    let root =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
    let props = AppProps {
        dataset: Rc::new(dataset),
        index: Rc::new(index),
        query: query.into(),
        path: path.into(),
    };
    match root {
        Some(root) => {
            yew::Renderer::<App>::with_root_and_props(root, props).render();
            mark("newsline:mounted");
        }
        None => show_fatal("the page has no #app element"),
    }
}
