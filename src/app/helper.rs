//! The page's side of its worker (`src/worker.rs`): started only when a reader adds
//! articles (or has some kept), sent one request at a time, its answers handed to the
//! component as [`Reply`]s. Natively (server-side rendering) there is no worker.

use wasm_bindgen::JsValue;

pub use crate::additions::Kept;

/// An article read but not yet added: the worker's own record of it (an `Added`, which
/// goes back to it unchanged but for the fields the reader corrects), and what the
/// dialog shows of it. The page reads these few fields by hand rather than bring serde's
/// deserializers into its wasm.
#[derive(Clone, PartialEq)]
pub struct Draft {
    pub record: JsValue,
    pub origin: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    pub url: Option<String>,
    pub words: u32,
    pub summary: bool,
}

/// What the worker answered.
pub enum Reply {
    /// A file or paste read: its articles, and one line per problem.
    Read {
        drafts: Vec<Draft>,
        problems: Vec<String>,
    },
    Progress {
        done: u32,
        total: u32,
        what: String,
    },
    /// The joined story (none when no article is kept), what is kept, and problems.
    Built {
        story: Option<Vec<u8>>,
        kept: Vec<Kept>,
        problems: Vec<String>,
    },
    /// A download the worker made.
    File {
        name: String,
        mime: String,
        bytes: Blob,
    },
    /// A request it could not carry out, with why.
    Failed(String),
    /// The worker itself stopped (it could not start, or it crashed).
    Crashed(String),
}

/// The key under which the page notes how many articles this site keeps, so that a
/// fresh load knows, without starting the worker, whether it needs it; a change to it
/// tells the site's other tabs to read the kept articles again.
pub fn hint_key(path: &str) -> String {
    format!("newsline-kept:{}", site_path(path))
}

/// The IndexedDB database of this site's kept articles: one per site, by its path.
pub fn database(path: &str) -> String {
    format!("newsline {}", site_path(path))
}

/// The site's folder: the page's path up to its last `/`.
fn site_path(path: &str) -> &str {
    path.rfind('/').map_or(path, |i| &path[..=i])
}

#[cfg(all(target_arch = "wasm32", feature = "web"))]
pub use imp::*;

#[cfg(all(target_arch = "wasm32", feature = "web"))]
mod imp {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;

    use js_sys::{Object, Reflect, Uint8Array};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    use super::{Draft, Kept, Reply};

    /// A download's bytes, as the browser holds them.
    pub type Blob = Uint8Array;

    /// The worker's script, beside the page.
    const SCRIPT: &str = "newsline-worker_loader.js";

    /// Requests waiting for the worker to be ready, with what each hands over.
    type Queue = Rc<RefCell<Vec<(Object, Option<JsValue>)>>>;

    /// A running worker; requests sent before it is ready wait for it.
    pub struct Helper {
        worker: web_sys::Worker,
        ready: Rc<Cell<bool>>,
        queue: Queue,
        _handlers: [Closure<dyn FnMut(web_sys::Event)>; 2],
    }

    fn field(object: &JsValue, name: &str) -> JsValue {
        Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    }

    fn text(object: &JsValue, name: &str) -> String {
        field(object, name).as_string().unwrap_or_default()
    }

    fn optional(object: &JsValue, name: &str) -> Option<String> {
        field(object, name).as_string()
    }

    fn number(object: &JsValue, name: &str) -> u32 {
        field(object, name).as_f64().map_or(0, |n| n as u32)
    }

    fn list(object: &JsValue, name: &str) -> Vec<JsValue> {
        field(object, name)
            .dyn_into::<js_sys::Array>()
            .map(|a| a.iter().collect())
            .unwrap_or_default()
    }

    fn strings(object: &JsValue, name: &str) -> Vec<String> {
        list(object, name).iter().filter_map(JsValue::as_string).collect()
    }

    fn draft(record: JsValue) -> Draft {
        let source = field(&record, "source");
        Draft {
            origin: text(&record, "origin"),
            title: optional(&source, "title"),
            outlet: optional(&source, "outlet"),
            date: optional(&source, "date"),
            url: optional(&source, "url"),
            words: text(&source, "text").split_whitespace().count() as u32,
            summary: field(&source, "summary").as_bool().unwrap_or(false),
            record,
        }
    }

    fn kept(k: &JsValue) -> Kept {
        Kept {
            key: number(k, "key"),
            origin: text(k, "origin"),
            id: text(k, "id"),
            title: optional(k, "title"),
            outlet: optional(k, "outlet"),
            date: optional(k, "date"),
        }
    }

    fn reply(data: &JsValue) -> Option<Reply> {
        let bytes = || field(data, "bytes").dyn_into::<Uint8Array>().ok();
        Some(match text(data, "op").as_str() {
            "read" => {
                let value = field(data, "value");
                Reply::Read {
                    drafts: list(&value, "drafts").into_iter().map(draft).collect(),
                    problems: strings(&value, "problems"),
                }
            }
            "progress" => Reply::Progress {
                done: field(data, "done").as_f64().unwrap_or(0.0) as u32,
                total: field(data, "total").as_f64().unwrap_or(0.0) as u32,
                what: text(data, "what"),
            },
            "built" => {
                let value = field(data, "value");
                Reply::Built {
                    story: bytes().map(|b| b.to_vec()),
                    kept: list(&value, "kept").iter().map(kept).collect(),
                    problems: strings(&value, "problems"),
                }
            }
            "file" => {
                Reply::File { name: text(data, "name"), mime: text(data, "mime"), bytes: bytes()? }
            }
            "failed" => Reply::Failed(text(data, "message")),
            _ => return None,
        })
    }

    impl Helper {
        /// Starts the worker, which opens the site's database `db`.
        pub fn start(db: &str, on_reply: impl Fn(Reply) + 'static) -> Result<Helper, String> {
            let options = web_sys::WorkerOptions::new();
            options.set_name("newsline-worker");
            let worker = web_sys::Worker::new_with_options(SCRIPT, &options)
                .map_err(|e| format!("the article reader could not start: {e:?}"))?;
            let ready = Rc::new(Cell::new(false));
            let queue: Queue = Rc::default();
            let on_reply = Rc::new(on_reply);
            let onmessage = {
                let (ready, queue, worker, on_reply) =
                    (ready.clone(), queue.clone(), worker.clone(), on_reply.clone());
                Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
                    let data = event.unchecked_into::<web_sys::MessageEvent>().data();
                    if text(&data, "op") == "ready" {
                        ready.set(true);
                        for (message, transfer) in queue.borrow_mut().drain(..) {
                            send_now(&worker, &message, transfer.as_ref());
                        }
                    } else if let Some(r) = reply(&data) {
                        on_reply(r);
                    }
                })
            };
            let onerror =
                Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
                    event.prevent_default();
                    let message = event
                        .dyn_ref::<web_sys::ErrorEvent>()
                        .map(web_sys::ErrorEvent::message)
                        .filter(|m| !m.is_empty())
                        .unwrap_or_else(|| "it could not be loaded".to_string());
                    on_reply(Reply::Crashed(message));
                });
            worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
            worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
            let helper = Helper { worker, ready, queue, _handlers: [onmessage, onerror] };
            helper.send("init", &[("db", db.into())], None);
            Ok(helper)
        }

        /// Sends `{op, ...fields}`, handing over `transfer` (an ArrayBuffer) if given.
        pub fn send(&self, op: &str, fields: &[(&str, JsValue)], transfer: Option<JsValue>) {
            let message = Object::new();
            let _ = Reflect::set(&message, &"op".into(), &op.into());
            for (name, value) in fields {
                let _ = Reflect::set(&message, &(*name).into(), value);
            }
            if self.ready.get() {
                send_now(&self.worker, &message, transfer.as_ref());
            } else {
                self.queue.borrow_mut().push((message, transfer));
            }
        }

        /// Sends drafts to be kept and joined, with the reader's corrections.
        pub fn add(&self, drafts: &[Draft]) {
            let records = js_sys::Array::new();
            for d in drafts {
                let source = field(&d.record, "source");
                for (name, value) in
                    [("title", &d.title), ("outlet", &d.outlet), ("date", &d.date), ("url", &d.url)]
                {
                    let value = value.as_deref().map_or(JsValue::NULL, JsValue::from_str);
                    let _ = Reflect::set(&source, &name.into(), &value);
                }
                records.push(&d.record);
            }
            self.send("add", &[("value", records.into())], None);
        }

        /// Asks for the articles under `keys` (every one, when empty) to be removed.
        pub fn remove(&self, keys: &[u32]) {
            let value: js_sys::Array = keys.iter().map(|&k| JsValue::from(k)).collect();
            self.send("remove", &[("value", value.into())], None);
        }

        /// Sends a file the reader picked or dropped, read by the browser.
        pub fn read_file(self: &Rc<Self>, file: web_sys::File) {
            let helper = self.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let modified = file.last_modified();
                match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                    Ok(buffer) => {
                        let bytes = Uint8Array::new(&buffer);
                        let fields = [
                            ("name", name.into()),
                            ("bytes", bytes.into()),
                            ("modified", modified.into()),
                        ];
                        helper.send("read", &fields, Some(buffer));
                    }
                    Err(_) => {
                        let bytes = Uint8Array::new_with_length(0);
                        let fields = [
                            ("name", name.into()),
                            ("bytes", bytes.into()),
                            ("modified", modified.into()),
                        ];
                        helper.send("read", &fields, None);
                    }
                }
            });
        }

        /// Sends pasted text, named `name`, pasted now.
        pub fn read_text(&self, name: &str, text: &str) {
            let bytes = Uint8Array::from(text.as_bytes());
            let buffer: JsValue = bytes.buffer().into();
            let fields = [
                ("name", name.into()),
                ("bytes", bytes.into()),
                ("modified", js_sys::Date::now().into()),
                ("pasted", true.into()),
            ];
            self.send("read", &fields, Some(buffer));
        }
    }

    fn send_now(worker: &web_sys::Worker, message: &Object, transfer: Option<&JsValue>) {
        let _ = match transfer {
            Some(buffer) => worker.post_message_with_transfer(message, &js_sys::Array::of1(buffer)),
            None => worker.post_message(message),
        };
    }

    impl Drop for Helper {
        fn drop(&mut self) {
            self.worker.terminate();
        }
    }

    /// Hands `bytes` to the browser as a file download.
    pub fn download_bytes(name: &str, mime: &str, bytes: &Uint8Array) {
        super::super::browser::download_parts(name, mime, &js_sys::Array::of1(bytes));
    }

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    /// How many articles this site's database holds, as last noted.
    pub fn hint(key: &str) -> u32 {
        storage()
            .and_then(|s| s.get_item(key).ok().flatten())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    }

    pub fn set_hint(key: &str, kept: usize) {
        if let Some(s) = storage() {
            let _ = if kept == 0 { s.remove_item(key) } else { s.set_item(key, &kept.to_string()) };
        }
    }

    /// Calls `f`, for as long as the page lives, when another tab of this site changes
    /// what it keeps.
    pub fn on_other_tab(key: String, f: impl Fn() + 'static) {
        let closure = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            if let Some(e) = event.dyn_ref::<web_sys::StorageEvent>() {
                if e.key().as_deref() == Some(key.as_str()) {
                    f();
                }
            }
        });
        if let Some(window) = web_sys::window() {
            let _ = window
                .add_event_listener_with_callback("storage", closure.as_ref().unchecked_ref());
        }
        closure.forget();
    }
}

#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
pub use native::*;

#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
mod native {
    use super::{Draft, Reply};

    /// A download's bytes.
    pub type Blob = Vec<u8>;

    /// Natively there is no worker: starting one says so.
    pub struct Helper;

    impl Helper {
        pub fn start(_db: &str, _on_reply: impl Fn(Reply) + 'static) -> Result<Helper, String> {
            Err("there is no worker outside a browser".to_string())
        }
        pub fn send(
            &self,
            _op: &str,
            _fields: &[(&str, super::JsValue)],
            _transfer: Option<super::JsValue>,
        ) {
        }
        pub fn read_file(self: &std::rc::Rc<Self>, _file: web_sys::File) {}
        pub fn read_text(&self, _name: &str, _text: &str) {}
        pub fn add(&self, _drafts: &[Draft]) {}
        pub fn remove(&self, _keys: &[u32]) {}
    }

    pub fn download_bytes(_name: &str, _mime: &str, _bytes: &Blob) {}
    pub fn hint(_key: &str) -> u32 {
        0
    }
    pub fn set_hint(_key: &str, _kept: usize) {}
    pub fn on_other_tab(_key: String, _f: impl Fn() + 'static) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_site_has_its_own_database_and_hint() {
        assert_eq!(database("/newsline/"), "newsline /newsline/");
        assert_eq!(database("/newsline/index.html"), "newsline /newsline/");
        assert_eq!(hint_key("/a/b/index.html"), "newsline-kept:/a/b/");
        assert_ne!(database("/one/"), database("/two/"));
    }
}
