//! The page's worker: a reader's own articles, read, extracted, kept and published off
//! the page's main thread. Its wasm is its own (readers, extractor, merge, story writer,
//! zip), fetched only when a reader first adds articles, so the explorer's first view
//! stays as small and fast as it is.
//!
//! The page sends one request at a time, each a plain object with an `op`; the worker
//! answers with objects of its own (`ready`, `read`, `progress`, `built`, `file`,
//! `failed`). What it joins is `newsline::additions`, which native tests hold to the CLI
//! byte for byte; this file is the glue: messages, IndexedDB and fetches.
//!
//! Added articles live in the IndexedDB database the page names (one per site), one
//! record each, written in its own transaction, so that what fits is kept when the
//! browser's quota runs out.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Write as _;

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    DedicatedWorkerGlobalScope, IdbDatabase, IdbObjectStore, IdbObjectStoreParameters,
    IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode, MessageEvent, Response,
};

use newsline::additions::{self, Added, Drafts, Joined, Kept};
use newsline::corpus::{Source, MAX_FILE_BYTES};
use newsline::dataset::{self, Dataset};
use newsline::extract::{self, Analysis};
use newsline::store::catalog::Catalog;
use newsline::store::site::{gunzip, Files, Marker, MARKER};
use newsline::store::{self, About, PartName, STORY_PATH};

const STORE: &str = "articles";

/// The published story's corpus, read once.
struct Published {
    about: About,
    sources: Vec<Source>,
}

#[derive(Default)]
struct State {
    /// The IndexedDB database of this site's added articles.
    db: String,
    published: Option<Published>,
    /// Every article's analysis by its date and text, so that a rebuild reads each once.
    analyses: HashMap<(Option<String>, String), Analysis>,
    /// The joined dataset last built, for the downloads.
    last: Option<(Dataset, About)>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::default();
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn field(object: &JsValue, name: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn text(object: &JsValue, name: &str) -> String {
    field(object, name).as_string().unwrap_or_default()
}

/// Posts `{op, ...fields}` to the page, handing over `transfer` (an ArrayBuffer) if given.
fn post(op: &str, fields: &[(&str, JsValue)], transfer: Option<&JsValue>) {
    let message = Object::new();
    let _ = Reflect::set(&message, &"op".into(), &op.into());
    for (name, value) in fields {
        let _ = Reflect::set(&message, &(*name).into(), value);
    }
    let _ = match transfer {
        Some(buffer) => scope().post_message_with_transfer(&message, &Array::of1(buffer)),
        None => scope().post_message(&message),
    };
}

fn js(value: &impl serde::Serialize) -> JsValue {
    serde_wasm_bindgen::to_value(value).unwrap_or(JsValue::NULL)
}

fn bytes_message(op: &str, fields: &[(&str, JsValue)], bytes: &[u8]) {
    let array = Uint8Array::from(bytes);
    let mut fields = fields.to_vec();
    fields.push(("bytes", array.clone().into()));
    post(op, &fields, Some(&array.buffer().into()));
}

fn progress(done: usize, total: usize, what: &str) {
    post(
        "progress",
        &[("done", (done as f64).into()), ("total", (total as f64).into()), ("what", what.into())],
        None,
    );
}

/// A readable line for a JavaScript error.
fn why(error: &JsValue) -> String {
    if let Some(s) = error.as_string() {
        return s;
    }
    let name = text(error, "name");
    let message = text(error, "message");
    match (name.is_empty(), message.is_empty()) {
        (_, false) if !name.is_empty() => format!("{name}: {message}"),
        (_, false) => message,
        (false, true) => name,
        _ => "an unknown error".to_string(),
    }
}

fn main() {
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        let data = event.data();
        spawn_local(async move {
            if let Err(message) = handle(&data).await {
                post("failed", &[("message", message.into())], None);
            }
        });
    });
    scope().set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    post("ready", &[], None);
}

async fn handle(data: &JsValue) -> Result<(), String> {
    match text(data, "op").as_str() {
        "init" => {
            STATE.with_borrow_mut(|s| s.db = text(data, "db"));
            Ok(())
        }
        "read" => {
            read(data);
            Ok(())
        }
        "add" => {
            let drafts: Vec<Added> = serde_wasm_bindgen::from_value(field(data, "value"))
                .map_err(|e| format!("the articles to add: {e}"))?;
            add(drafts).await
        }
        "open" => rebuild(Vec::new()).await,
        "remove" => {
            let keys: Vec<u32> =
                serde_wasm_bindgen::from_value(field(data, "value")).unwrap_or_default();
            remove(&keys).await.map_err(|e| format!("removing: {}", why(&e)))?;
            rebuild(Vec::new()).await
        }
        "site" => site().await,
        "dataset" => {
            let bytes =
                STATE.with_borrow(|s| s.last.as_ref().map(|(ds, _)| additions::dataset_json(ds)));
            let bytes = bytes.ok_or("there are no added articles to download")?;
            bytes_message(
                "file",
                &[("name", "newsline.json".into()), ("mime", "application/json".into())],
                &bytes,
            );
            Ok(())
        }
        other => Err(format!("unknown request {other:?}")),
    }
}

/// Reads one file or pasted text into drafts, as the CLI reads a file named on its
/// command line, and answers with them and one line per problem.
fn read(data: &JsValue) {
    let mut name = text(data, "name");
    let bytes: Vec<u8> =
        field(data, "bytes").dyn_into::<Uint8Array>().map(|a| a.to_vec()).unwrap_or_default();
    let modified = (field(data, "modified").as_f64().unwrap_or(0.0) / 1000.0).floor() as i64;
    if field(data, "pasted").as_bool() == Some(true) {
        name = additions::pasted_name(&name, &bytes);
    }
    let (drafts, mut problems) = if bytes.len() as u64 > MAX_FILE_BYTES {
        (Vec::new(), vec![newsline::corpus::too_large(&name, bytes.len() as u64)])
    } else {
        let (sources, problems) = additions::read(&name, &name, &bytes);
        let drafts: Vec<Added> = sources
            .into_iter()
            .map(|source| Added { origin: name.clone(), modified, source })
            .collect();
        (drafts, problems)
    };
    if drafts.is_empty() && problems.is_empty() {
        problems.push(format!("{name}: no article in it"));
    }
    post(
        "read",
        &[("name", name.as_str().into()), ("value", js(&Drafts { drafts, problems }))],
        None,
    );
}

/// The analysis of each article, from the cache or extracted now, with progress.
fn analyse(sources: &[Source], what: &str) -> Vec<Analysis> {
    let total = sources.len();
    let mut out = Vec::with_capacity(total);
    for (i, s) in sources.iter().enumerate() {
        let key = (s.date.map(newsline::dates::iso_day), s.text.clone());
        let cached = STATE.with_borrow(|st| st.analyses.get(&key).cloned());
        let analysis = cached.unwrap_or_else(|| {
            let a = extract::analyze(&s.text, s.date);
            STATE.with_borrow_mut(|st| st.analyses.insert(key, a.clone()));
            a
        });
        out.push(analysis);
        if i % 4 == 3 || i + 1 == total {
            progress(i + 1, total, what);
        }
    }
    out
}

/// Extracts the drafts (the long part, which the page may cancel before anything is
/// kept), keeps each in its own transaction, and rebuilds.
async fn add(drafts: Vec<Added>) -> Result<(), String> {
    let sources: Vec<Source> = drafts.iter().map(|d| d.source.clone()).collect();
    analyse(&sources, "Reading your articles");
    let db = open().await.map_err(|e| format!("the browser's storage: {}", why(&e)))?;
    let mut problems = Vec::new();
    for (i, draft) in drafts.iter().enumerate() {
        let value = JsValue::from_str(&serde_json::to_string(draft).unwrap_or_default());
        if let Err(e) = put(&db, &value).await {
            let quota = text(&e, "name") == "QuotaExceededError";
            problems.push(format!(
                "{}: “{}” was not kept: {}",
                draft.origin,
                draft.source.title.as_deref().unwrap_or(&draft.source.id),
                if quota {
                    "the browser's storage for this site is full".to_string()
                } else {
                    why(&e)
                }
            ));
            if quota {
                let rest = drafts.len() - i - 1;
                if rest > 0 {
                    problems.push(format!("{rest} more articles after it were not kept either"));
                }
                break;
            }
        }
    }
    db.close();
    rebuild(problems).await
}

/// Joins the kept articles to the published story and sends the page the joined story.
async fn rebuild(mut problems: Vec<String>) -> Result<(), String> {
    let db = open().await.map_err(|e| format!("the browser's storage: {}", why(&e)))?;
    let kept = all(&db).await.map_err(|e| format!("reading the kept articles: {}", why(&e)));
    db.close();
    let mut added: Vec<(u32, Added)> = Vec::new();
    for (key, value) in kept? {
        match serde_json::from_str::<Added>(&value) {
            Ok(a) => added.push((key, a)),
            Err(e) => {
                problems.push(format!("kept article {key} could not be read ({e}); remove it"));
            }
        }
    }
    if added.is_empty() {
        STATE.with_borrow_mut(|s| s.last = None);
        post("built", &[("value", js(&Joined { kept: Vec::new(), problems }))], None);
        return Ok(());
    }
    load_published().await?;
    let (keys, added): (Vec<u32>, Vec<Added>) = added.into_iter().unzip();
    let (published, about) = STATE
        .with_borrow(|s| s.published.as_ref().map(|p| (p.sources.clone(), p.about.clone())))
        .ok_or("the published story is not at hand")?;
    // Extracted once per article: `analyse` answers again from its cache.
    let mut analyses = analyse(&published, "Reading the published articles");
    let first_added = published.len();
    let (sources, notes) = additions::join(published, &added);
    problems.extend(notes);
    analyses.extend(analyse(&sources[first_added..], "Reading your articles"));
    let about = additions::about(&about, &added);
    let ds = dataset::assemble(sources, analyses);
    let ds = if about.excerpts { newsline::excerpts::excerpts_only(ds) } else { ds };
    let story = additions::story(&ds, &about).map_err(|e| format!("writing the story: {e}"))?;
    let kept: Vec<Kept> = keys
        .iter()
        .zip(&added)
        .zip(&ds.articles[first_added..])
        .map(|((&key, a), article)| Kept {
            key,
            origin: a.origin.clone(),
            id: article.id.to_string(),
            title: article.title.clone(),
            outlet: article.outlet.clone(),
            date: article.date.clone(),
        })
        .collect();
    STATE.with_borrow_mut(|s| s.last = Some((ds, about)));
    bytes_message("built", &[("value", js(&Joined { kept, problems }))], &story);
    Ok(())
}

/// The published story's corpus, fetched from the site (and its article parts, when it
/// is sharded) the first time.
async fn load_published() -> Result<(), String> {
    if STATE.with_borrow(|s| s.published.is_some()) {
        return Ok(());
    }
    let raw = fetch(STORY_PATH).await.map_err(|e| format!("the published story: {e}"))?;
    let bytes = gunzip(&raw).ok_or("the published story is not gzip")?;
    let (manifest, parts) = store::decode(&bytes).map_err(|e| e.to_string())?;
    let mut catalog = Catalog::new(manifest, parts);
    let wanted: Vec<PartName> =
        additions::article_parts(&catalog).iter().filter(|p| !catalog.has(p)).cloned().collect();
    for (i, part) in wanted.iter().enumerate() {
        progress(i, wanted.len(), "Fetching the published articles");
        let raw = fetch(&part.path()).await?;
        let bytes = gunzip(&raw).ok_or_else(|| format!("{}: not gzip", part.path()))?;
        catalog = catalog.with(part.clone(), bytes);
    }
    let sources = additions::published_sources(&catalog)
        .map_err(|p| format!("the published story's articles ({p}) could not be read"))?;
    let about = catalog.manifest.about.clone();
    STATE.with_borrow_mut(|s| s.published = Some(Published { about, sources }));
    Ok(())
}

/// A file of this site, by its path relative to the site (the worker's own folder).
async fn fetch(path: &str) -> Result<Vec<u8>, String> {
    let failed = |e: JsValue| format!("{path}: {}", why(&e));
    let response: Response = JsFuture::from(scope().fetch_with_str(path))
        .await
        .map_err(failed)?
        .dyn_into()
        .map_err(failed)?;
    if !response.ok() {
        return Err(format!("{path}: the host answered {}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(failed)?).await.map_err(failed)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// The site `newsline build` would write for the published corpus plus the kept
/// articles, as a zip: this site's page files (as its marker lists them) and the
/// joined story.
async fn site() -> Result<(), String> {
    let joined = STATE.with_borrow(|s| s.last.clone());
    let (ds, about) = joined.ok_or("there are no added articles to publish")?;
    let marker: Marker =
        serde_json::from_slice(&fetch(MARKER).await?).map_err(|e| format!("{MARKER}: {e}"))?;
    let names: Vec<&String> =
        marker.files.iter().filter(|f| !f.starts_with("data/") && *f != MARKER).collect();
    let mut page: Files = Vec::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        progress(i, names.len(), "Gathering the page's files");
        page.push(((*name).clone(), fetch(name).await?));
    }
    let files =
        additions::site(&ds, &about, page).map_err(|e| format!("writing the story: {e}"))?;
    let zipped = zip(&files).map_err(|e| format!("zipping the site: {e}"))?;
    let name = format!("{}-site.zip", dataset::slug(&about.title));
    bytes_message("file", &[("name", name.into()), ("mime", "application/zip".into())], &zipped);
    Ok(())
}

fn zip(files: &Files) -> zip::result::ZipResult<Vec<u8>> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, bytes) in files {
        out.start_file(name.as_str(), options)?;
        out.write_all(bytes)?;
    }
    Ok(out.finish()?.into_inner())
}

// IndexedDB, through its request and transaction events.

/// Resolves with a request's result, or rejects with its error.
async fn request(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let ok = request.clone();
        let succeeded = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &ok.result().unwrap_or(JsValue::UNDEFINED));
        });
        let bad = request.clone();
        let failed = Closure::once_into_js(move |_: web_sys::Event| {
            let error = bad.error().ok().flatten().map_or(JsValue::NULL, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(succeeded.unchecked_ref()));
        request.set_onerror(Some(failed.unchecked_ref()));
    });
    JsFuture::from(promise).await
}

/// Resolves when a transaction commits, or rejects with why it did not.
async fn committed(tx: &IdbTransaction) -> Result<(), JsValue> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let complete = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let (on_error, on_abort) = (tx.clone(), tx.clone());
        let reject_too = reject.clone();
        let errored = Closure::once_into_js(move |_: web_sys::Event| {
            let error = on_error.error().map_or(JsValue::NULL, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        let aborted = Closure::once_into_js(move |_: web_sys::Event| {
            let error = on_abort.error().map_or(JsValue::NULL, JsValue::from);
            let _ = reject_too.call1(&JsValue::NULL, &error);
        });
        tx.set_oncomplete(Some(complete.unchecked_ref()));
        tx.set_onerror(Some(errored.unchecked_ref()));
        tx.set_onabort(Some(aborted.unchecked_ref()));
    });
    JsFuture::from(promise).await.map(|_| ())
}

async fn open() -> Result<IdbDatabase, JsValue> {
    let factory = scope().indexed_db()?.ok_or("this browser has no IndexedDB")?;
    let name = STATE.with_borrow(|s| s.db.clone());
    let opening: IdbOpenDbRequest = factory.open_with_u32(&name, 1)?;
    let upgrading = opening.clone();
    let upgrade = Closure::once_into_js(move |_: web_sys::Event| {
        if let Some(db) = upgrading.result().ok().and_then(|r| r.dyn_into::<IdbDatabase>().ok()) {
            let parameters = IdbObjectStoreParameters::new();
            parameters.set_auto_increment(true);
            let _ = db.create_object_store_with_optional_parameters(STORE, &parameters);
        }
    });
    opening.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    request(&opening).await?.dyn_into()
}

fn store_of(
    db: &IdbDatabase,
    mode: IdbTransactionMode,
) -> Result<(IdbTransaction, IdbObjectStore), JsValue> {
    let tx = db.transaction_with_str_and_mode(STORE, mode)?;
    let store = tx.object_store(STORE)?;
    Ok((tx, store))
}

/// Keeps one article, in a transaction of its own.
async fn put(db: &IdbDatabase, value: &JsValue) -> Result<(), JsValue> {
    let (tx, store) = store_of(db, IdbTransactionMode::Readwrite)?;
    let _ = store.add(value)?;
    committed(&tx).await
}

/// Every kept article: (key, JSON), in the order they were added.
async fn all(db: &IdbDatabase) -> Result<Vec<(u32, String)>, JsValue> {
    let (_tx, store) = store_of(db, IdbTransactionMode::Readonly)?;
    // Both asked before either is awaited: a transaction ends once nothing is pending.
    let (keys, values) = (store.get_all_keys()?, store.get_all()?);
    let keys: Array = request(&keys).await?.unchecked_into();
    let values: Array = request(&values).await?.unchecked_into();
    Ok(keys
        .iter()
        .zip(values.iter())
        .map(|(k, v)| (k.as_f64().map_or(0, |k| k as u32), v.as_string().unwrap_or_default()))
        .collect())
}

/// Removes the articles under `keys`, or every one when `keys` is empty.
async fn remove(keys: &[u32]) -> Result<(), JsValue> {
    let db = open().await?;
    let (tx, store) = store_of(&db, IdbTransactionMode::Readwrite)?;
    if keys.is_empty() {
        let _ = store.clear()?;
    } else {
        for key in keys {
            let _ = store.delete(&JsValue::from(*key))?;
        }
    }
    let done = committed(&tx).await;
    db.close();
    done
}
