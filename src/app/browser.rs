//! The few places the explorer touches the browser: the address bar, the history
//! stack, the clipboard and scrolling. Natively (server-side rendering) they do nothing.

#[cfg(all(target_arch = "wasm32", feature = "web"))]
mod imp {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    use crate::store::{PartError, PartName};

    /// Puts `query` in the address bar as a new history entry, keeping the path.
    pub fn push(query: &str) {
        let Some(window) = web_sys::window() else { return };
        let location = window.location();
        let path = location.pathname().unwrap_or_default();
        let url = format!("{path}{query}");
        if location.search().unwrap_or_default() == query {
            return;
        }
        if let Ok(history) = window.history() {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    }

    /// Keeps a window event listener alive until dropped.
    pub struct Listener(&'static [&'static str], Option<Closure<dyn FnMut(web_sys::Event)>>);

    impl Drop for Listener {
        fn drop(&mut self) {
            if let (Some(window), Some(closure)) = (web_sys::window(), self.1.take()) {
                for event in self.0 {
                    let _ = window.remove_event_listener_with_callback(
                        event,
                        closure.as_ref().unchecked_ref(),
                    );
                }
            }
        }
    }

    /// Calls `f` on each of the window's `events` until the listener is dropped.
    fn on_window(events: &'static [&'static str], mut f: impl FnMut() + 'static) -> Listener {
        let Some(window) = web_sys::window() else { return Listener(events, None) };
        let closure = Closure::<dyn FnMut(web_sys::Event)>::new(move |_e: web_sys::Event| f());
        for event in events {
            let _ =
                window.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
        }
        Listener(events, Some(closure))
    }

    pub fn on_popstate(mut f: impl FnMut(String) + 'static) -> Listener {
        on_window(&["popstate"], move || {
            f(web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default());
        })
    }

    /// Whether the window is wide enough to show the filters beside the results.
    pub fn wide_screen() -> bool {
        web_sys::window()
            .and_then(|w| w.inner_width().ok())
            .and_then(|w| w.as_f64())
            .is_none_or(|w| w > 720.0)
    }

    pub fn origin() -> String {
        web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
    }

    pub fn copy(text: &str, done: impl FnOnce(bool) + 'static) {
        let Some(window) = web_sys::window() else { return done(false) };
        let promise = window.navigator().clipboard().write_text(text);
        wasm_bindgen_futures::spawn_local(async move {
            done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
        });
    }

    /// Replaces the explorer (`#app`) with a readable panel, or puts the panel first
    /// in the page when there is no explorer, and logs `message` to the console.
    pub fn show_fatal(message: &str) {
        web_sys::console::error_1(&JsValue::from_str(&format!("Newsline stopped: {message}")));
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let Ok(panel) = document.create_element("div") else { return };
        panel.set_class_name("fatal");
        panel.set_attribute("role", "alert").ok();
        panel.set_text_content(Some(&format!(
            "Newsline stopped: {message}. Reload the page; if it happens again, the link or the corpus is at fault."
        )));
        match (document.get_element_by_id("app"), document.body()) {
            (Some(app), _) => {
                app.set_text_content(None);
                app.append_child(&panel).ok();
            }
            (None, Some(body)) => {
                body.prepend_with_node_1(&panel).ok();
            }
            (None, None) => {}
        }
    }

    /// Hands `text` to the browser as a file download, made here with no server.
    pub fn download(name: &str, mime: &str, text: &str) {
        download_parts(name, mime, &js_sys::Array::of1(&JsValue::from_str(text)));
    }

    /// Hands the browser a file download made of `parts` (strings or byte arrays), as
    /// `new Blob(parts)` joins them.
    pub fn download_parts(name: &str, mime: &str, parts: &js_sys::Array) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(parts, &options) else {
            return;
        };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
        if let Ok(anchor) =
            document.create_element("a").map(JsCast::unchecked_into::<web_sys::HtmlAnchorElement>)
        {
            anchor.set_href(&url);
            anchor.set_download(name);
            anchor.click();
        }
        let _ = web_sys::Url::revoke_object_url(&url);
    }

    /// The export as a JSON file, written by the browser's own `JSON.stringify`.
    pub fn download_json(name: &str, value: &impl serde::Serialize) {
        let Ok(js) = serde_wasm_bindgen::to_value(value) else { return };
        if let Ok(text) =
            js_sys::JSON::stringify_with_replacer_and_space(&js, &JsValue::NULL, &JsValue::from(2))
        {
            download(name, "application/json", &String::from(text));
        }
    }

    #[wasm_bindgen::prelude::wasm_bindgen]
    extern "C" {
        /// The browser's gzip decoder (web-sys has it only behind its unstable flag).
        #[wasm_bindgen(extends = js_sys::Object)]
        type DecompressionStream;

        #[wasm_bindgen(constructor, catch)]
        fn new(format: &str) -> Result<DecompressionStream, JsValue>;
    }

    async fn body(response: &web_sys::Response) -> Result<js_sys::ArrayBuffer, JsValue> {
        wasm_bindgen_futures::JsFuture::from(response.array_buffer()?).await?.dyn_into()
    }

    async fn inflate(gzip: &js_sys::ArrayBuffer) -> Result<js_sys::ArrayBuffer, JsValue> {
        let parts = js_sys::Array::of1(gzip);
        let stream = web_sys::Blob::new_with_buffer_source_sequence(&parts)?.stream();
        let decoder = DecompressionStream::new("gzip")?;
        let inflated = stream.pipe_through(decoder.unchecked_ref());
        body(&web_sys::Response::new_with_opt_readable_stream(Some(&inflated))?).await
    }

    /// The bytes of the site's gzipped file at `path` (relative to the page), inflated by
    /// the browser. A host that sent it with `Content-Encoding: gzip` has inflated it
    /// already, and one that compressed it once more hands back our own gzip: both are
    /// told by the bytes, not by headers, which hosts set differently.
    pub async fn fetch_gzipped(path: &str) -> Result<Vec<u8>, String> {
        let window = web_sys::window().ok_or("there is no window")?;
        let unreachable = || {
            if window.location().protocol().unwrap_or_default() == "file:" {
                "browsers do not let a page opened from a file read its data: serve the site \
                 (`newsline serve SITE`) or publish it, and open it from there"
                    .to_string()
            } else {
                format!("{path} could not be fetched")
            }
        };
        let response: web_sys::Response =
            wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(path))
                .await
                .map_err(|_| unreachable())?
                .dyn_into()
                .map_err(|_| unreachable())?;
        if !response.ok() {
            return Err(format!("{path} could not be fetched: HTTP {}", response.status()));
        }
        let raw = body(&response).await.map_err(|_| unreachable())?;
        let head =
            js_sys::Uint8Array::new_with_byte_offset_and_length(&raw, 0, raw.byte_length().min(2));
        // Our gzip, unless the browser inflated it already: then bytes that only happen to
        // start as gzip does fail to inflate, and are the file itself.
        let bytes =
            if head.to_vec() == [0x1f, 0x8b] { inflate(&raw).await.unwrap_or(raw) } else { raw };
        Ok(js_sys::Uint8Array::new(&bytes).to_vec())
    }

    /// The SHA-256 of `bytes`, by the browser's own `crypto.subtle`, which only a secure
    /// context (https, or the loopback address) has: elsewhere `None`.
    async fn sha256(bytes: &[u8]) -> Option<Vec<u8>> {
        let crypto = web_sys::window()?.crypto().ok()?;
        let subtle = js_sys::Reflect::get(&crypto, &JsValue::from_str("subtle")).ok()?;
        if subtle.is_undefined() {
            return None;
        }
        let subtle: web_sys::SubtleCrypto = subtle.unchecked_into();
        let promise = subtle.digest_with_str_and_u8_array("SHA-256", bytes).ok()?;
        let digest = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
        Some(js_sys::Uint8Array::new(&digest).to_vec())
    }

    /// Fetches a part of the story in the background and hands its bytes to `done`, once
    /// checked against the part's name where the browser can hash them.
    pub fn fetch_part(part: PartName, done: impl FnOnce(Result<Vec<u8>, PartError>) + 'static) {
        wasm_bindgen_futures::spawn_local(async move {
            let got = match fetch_gzipped(&part.path()).await {
                Err(_) => Err(PartError::Unreachable),
                Ok(bytes) => match sha256(&bytes).await {
                    Some(digest) if !part.is_named_by(&digest) => Err(PartError::Mismatch),
                    _ => Ok(bytes),
                },
            };
            done(got);
        });
    }

    pub fn scroll_to(id: &str) {
        let element =
            web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
        if let Some(el) = element {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            el.scroll_into_view_with_scroll_into_view_options(&options);
        }
    }
}

#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
mod imp {
    pub fn push(_query: &str) {}
    pub struct Listener;
    pub fn on_popstate(_f: impl FnMut(String) + 'static) -> Listener {
        Listener
    }
    pub fn wide_screen() -> bool {
        true
    }
    pub fn origin() -> String {
        String::new()
    }
    pub fn copy(_text: &str, done: impl FnOnce(bool) + 'static) {
        done(false);
    }
    pub fn scroll_to(_id: &str) {}
    /// Natively there is nothing to fetch from: the stories rendered here carry every part.
    pub fn fetch_part(
        _part: crate::store::PartName,
        done: impl FnOnce(Result<Vec<u8>, crate::store::PartError>) + 'static,
    ) {
        done(Err(crate::store::PartError::Unreachable));
    }
    pub fn download(_name: &str, _mime: &str, _text: &str) {}
    pub fn download_json(_name: &str, _value: &impl serde::Serialize) {}
    pub fn show_fatal(message: &str) {
        eprintln!("Newsline stopped: {message}");
    }
}

pub use imp::{
    copy, download, download_json, fetch_part, on_popstate, origin, push, scroll_to, show_fatal,
    wide_screen,
};
#[cfg(all(target_arch = "wasm32", feature = "web"))]
pub use imp::{download_parts, fetch_gzipped};

/// From now on a panic shows [`show_fatal`]'s panel, never a blank page.
pub fn show_panics() {
    std::panic::set_hook(Box::new(|info| show_fatal(&info.to_string())));
}
