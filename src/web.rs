//! The page's entry point. The page's files are the same for every corpus; the story
//! (`data/story.bin`, which `index.html` preloads beside the wasm) is fetched, inflated
//! by the browser's own `DecompressionStream`, decoded and mounted. A failure shows a
//! readable panel instead of a blank page.

use std::rc::Rc;

use newsline::app::{show_fatal, App, AppProps};
use newsline::page::{self, Story};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// The browser's gzip decoder (web-sys has it only behind its unstable flag).
    #[wasm_bindgen(extends = js_sys::Object)]
    type DecompressionStream;

    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
}

/// A User Timing mark, which DevTools and `tests/e2e/perf.mjs` read to split the start-up.
fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// The body of `response` as bytes.
async fn body(response: &web_sys::Response) -> Result<js_sys::ArrayBuffer, JsValue> {
    JsFuture::from(response.array_buffer()?).await?.dyn_into()
}

/// `gzip` inflated by the browser.
async fn inflate(gzip: &js_sys::ArrayBuffer) -> Result<js_sys::ArrayBuffer, JsValue> {
    let parts = js_sys::Array::of1(gzip);
    let stream = web_sys::Blob::new_with_buffer_source_sequence(&parts)?.stream();
    let decoder = DecompressionStream::new("gzip")?;
    let inflated = stream.pipe_through(decoder.unchecked_ref());
    body(&web_sys::Response::new_with_opt_readable_stream(Some(&inflated))?).await
}

/// The story's bytes. The site stores it gzipped; the browser inflates it as it arrives,
/// unless the host sent it with `Content-Encoding: gzip`, in which case the browser has
/// inflated it already.
async fn fetch_story() -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("there is no window")?;
    let unreachable = || {
        let protocol = window.location().protocol().unwrap_or_default();
        if protocol == "file:" {
            "browsers do not let a page opened from a file read its data: serve the site \
             (`newsline serve SITE`) or publish it, and open it from there"
                .to_string()
        } else {
            format!("the story ({}) could not be fetched; reload to try again", page::STORY_PATH)
        }
    };
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(page::STORY_PATH))
        .await
        .map_err(|_| unreachable())?
        .dyn_into()
        .map_err(|_| unreachable())?;
    if !response.ok() {
        return Err(format!(
            "the story ({}) could not be fetched: HTTP {}",
            page::STORY_PATH,
            response.status()
        ));
    }
    let inflated_by_host = response
        .headers()
        .get("content-encoding")
        .ok()
        .flatten()
        .is_some_and(|e| e.contains("gzip"));
    let bytes = match response.body() {
        Some(stream) if !inflated_by_host => {
            let decoder = DecompressionStream::new("gzip").map_err(|_| unreachable())?;
            let inflated = stream.pipe_through(decoder.unchecked_ref());
            let inflated = web_sys::Response::new_with_opt_readable_stream(Some(&inflated))
                .map_err(|_| unreachable())?;
            body(&inflated)
                .await
                .map_err(|_| "the story file is damaged (it does not inflate)".to_string())?
        }
        _ => {
            // A host that compressed the file once more hands back our own gzip.
            let raw = body(&response).await.map_err(|_| unreachable())?;
            let head = js_sys::Uint8Array::new_with_byte_offset_and_length(
                &raw,
                0,
                raw.byte_length().min(2),
            );
            if head.to_vec() == [0x1f, 0x8b] {
                inflate(&raw)
                    .await
                    .map_err(|_| "the story file is damaged (it does not inflate)".to_string())?
            } else {
                raw
            }
        }
    };
    Ok(js_sys::Uint8Array::new(&bytes).to_vec())
}

fn mount(story: Story) {
    let Some(window) = web_sys::window() else { return };
    let document = window.document();
    if let Some(document) = &document {
        document.set_title(&story.about.title);
    }
    let location = window.location();
    let query = location.search().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let Some(root) = document.and_then(|d| d.get_element_by_id("app")) else {
        return show_fatal("the page has no #app element");
    };
    let props = AppProps {
        about: Rc::new(story.about),
        dataset: Rc::new(story.dataset),
        index: Rc::new(story.index),
        query: query.into(),
        path: path.into(),
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
    mark("newsline:mounted");
}

fn main() {
    mark("newsline:start");
    newsline::app::show_panics();
    wasm_bindgen_futures::spawn_local(async {
        let bytes = match fetch_story().await {
            Ok(bytes) => bytes,
            Err(why) => return show_fatal(&why),
        };
        mark("newsline:fetched");
        match page::decode(&bytes) {
            Ok(story) => {
                mark("newsline:decoded");
                mount(story);
            }
            Err(e) => show_fatal(&e.to_string()),
        }
    });
}
