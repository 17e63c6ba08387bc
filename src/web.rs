//! The page's entry point: decode the dataset embedded at build time and mount the
//! explorer. Nothing is fetched; a panic shows a readable panel instead of a blank page.

use std::rc::Rc;

use newsline::app::{App, AppProps};
use newsline::dataset::Dataset;
use wasm_bindgen::prelude::*;

/// The corpus, parsed natively by `newsline ingest --blob` before the build.
static EMBEDDED: &[u8] = include_bytes!(env!("NEWSLINE_BLOB"));

/// Shows `message` in place of the page and on the console.
fn fail(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(message));
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Ok(panel) = document.create_element("div") {
        panel.set_class_name("fatal");
        panel.set_attribute("role", "alert").ok();
        panel.set_text_content(Some(&format!("Newsline stopped: {message}. Reload the page; if it happens again, the link or the corpus is at fault.")));
        if let Some(body) = document.body() {
            body.set_text_content(None);
            body.append_child(&panel).ok();
        }
    }
}

fn main() {
    std::panic::set_hook(Box::new(|info| fail(&info.to_string())));
    let dataset = match Dataset::from_blob(EMBEDDED) {
        Ok(ds) => ds,
        Err(e) => return fail(&format!("the embedded dataset could not be read ({e})")),
    };
    let location = web_sys::window().map(|w| w.location());
    let query = location.as_ref().and_then(|l| l.search().ok()).unwrap_or_default();
    let path = location.as_ref().and_then(|l| l.pathname().ok()).unwrap_or_default();
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
    let props = AppProps { dataset: Rc::new(dataset), query: query.into(), path: path.into() };
    match root {
        Some(root) => {
            yew::Renderer::<App>::with_root_and_props(root, props).render();
        }
        None => fail("the page has no #app element"),
    }
}
