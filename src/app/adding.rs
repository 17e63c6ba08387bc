//! *Add articles*: a reader's own articles, pasted, dropped or picked, read and extracted
//! by the page's worker (`helper`), kept in this browser, joined to the story, and
//! downloadable as the site or the dataset `newsline build` would write for them.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::helper::{self, Draft, Helper, Reply};
use super::{use_explorer, Action};
use crate::store::{self, catalog::Catalog};

/// Up to this many drafts show their fields at once; more show one line each.
const EDIT_ALL: usize = 10;

/// What the dialog shows besides the story's kept articles.
#[derive(Default, Clone, PartialEq)]
pub struct Dialog {
    pub open: bool,
    /// Articles read, not yet added, as the reader may correct them.
    pub drafts: Vec<Draft>,
    /// Drafts sent to be added, back among the drafts if that is cancelled or fails.
    pub sending: Vec<Draft>,
    /// The draft whose fields are open, among many.
    pub editing: Option<usize>,
    /// Every draft and kept article listed, not only the first few.
    pub all_kept: bool,
    /// One line per problem, naming the file and the place.
    pub problems: Vec<String>,
    /// The request the worker is carrying out, and its progress.
    pub working: Option<Working>,
    /// Why the worker stopped, when it did.
    pub crashed: Option<String>,
    pub status: String,
}

#[derive(Clone, PartialEq)]
pub struct Working {
    pub what: String,
    pub done: u32,
    pub total: u32,
}

pub enum Change {
    Toggle,
    Drafts(Vec<Draft>, Vec<String>),
    Edit(usize, Field, String),
    Discard(usize),
    /// Open one draft's fields.
    Correct(usize),
    /// List every kept article.
    AllKept,
    /// The drafts are sent to be added.
    Sent,
    Working(String),
    Progress(u32, u32, String),
    /// A request done, with a line to say and problems to show.
    Done(String, Vec<String>),
    Cancelled,
    /// A request failed: the drafts sent with it are drafts again.
    Failed(String),
    Crashed(String),
    Restarted,
}

#[derive(Clone, Copy)]
pub enum Field {
    Title,
    Outlet,
    Date,
    Url,
}

impl Reducible for Dialog {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut next = (*self).clone();
        match change {
            Change::Toggle => next.open = !next.open,
            Change::Drafts(drafts, problems) => {
                next.drafts.extend(drafts);
                next.problems.extend(problems);
            }
            Change::Edit(i, field, value) => {
                if let Some(d) = next.drafts.get_mut(i) {
                    let value = value.trim();
                    let text = (!value.is_empty()).then(|| value.to_string());
                    match field {
                        Field::Title => d.title = text,
                        Field::Outlet => d.outlet = text,
                        Field::Url => d.url = text,
                        Field::Date => {
                            d.date = crate::dates::parse_day(value).map(crate::dates::iso_day);
                        }
                    }
                }
            }
            Change::Discard(i) => {
                if i < next.drafts.len() {
                    next.drafts.remove(i);
                }
                next.editing = None;
            }
            Change::Correct(i) => next.editing = Some(i),
            Change::AllKept => next.all_kept = true,
            Change::Sent => next.sending = std::mem::take(&mut next.drafts),
            Change::Working(what) => {
                next.working = Some(Working { what, done: 0, total: 0 });
                next.problems.clear();
                next.status.clear();
            }
            Change::Progress(done, total, what) => {
                next.working = Some(Working { what, done, total });
            }
            Change::Done(status, problems) => {
                next.working = None;
                next.sending.clear();
                next.status = status;
                next.problems.extend(problems);
            }
            Change::Cancelled => {
                next.working = None;
                let sent = std::mem::take(&mut next.sending);
                next.drafts.extend(sent);
                next.status = "Stopped. Nothing more was added; your drafts are still here.".into();
            }
            Change::Failed(why) => {
                next.working = None;
                let sent = std::mem::take(&mut next.sending);
                next.drafts.extend(sent);
                next.problems.push(why);
            }
            Change::Crashed(why) => {
                next.working = None;
                let sent = std::mem::take(&mut next.sending);
                next.drafts.extend(sent);
                next.crashed = Some(why);
            }
            Change::Restarted => next.crashed = None,
        }
        Rc::new(next)
    }
}

type Slot = Rc<RefCell<Option<Rc<Helper>>>>;

/// The worker, started if it is not running.
fn ensure(
    slot: &Slot,
    path: &str,
    dialog: &UseReducerDispatcher<Dialog>,
    act: &Callback<Action>,
) -> Option<Rc<Helper>> {
    if let Some(h) = slot.borrow().as_ref() {
        return Some(h.clone());
    }
    let failed = dialog.clone();
    let (dialog, act, hint, working_slot) =
        (dialog.clone(), act.clone(), helper::hint_key(path), slot.clone());
    let on_reply = move |reply: Reply| match reply {
        Reply::Read { drafts, problems } => dialog.dispatch(Change::Drafts(drafts, problems)),
        Reply::Progress { done, total, what } => {
            dialog.dispatch(Change::Progress(done, total, what));
        }
        Reply::Built { story, kept, problems } => {
            helper::set_hint(&hint, kept.len());
            let n = kept.len();
            match story.map(|bytes| store::decode(&bytes)) {
                Some(Ok((manifest, parts))) => {
                    // The story is decoded in this task and shown in the next, so that
                    // neither holds the page for long.
                    let (act, catalog) = (act.clone(), Catalog::new(manifest, parts));
                    yew::platform::spawn_local(async move {
                        yew::platform::time::sleep(std::time::Duration::ZERO).await;
                        act.emit(Action::Joined(catalog, kept));
                    });
                }
                Some(Err(e)) => {
                    let mut problems = problems;
                    problems.push(format!("the joined story: {e}"));
                    return dialog.dispatch(Change::Done(String::new(), problems));
                }
                None => act.emit(Action::Unjoined),
            }
            let said = match n {
                0 => "No article of yours is kept in this browser.".to_string(),
                1 => "1 article of yours is in the story.".to_string(),
                n => format!("{n} articles of yours are in the story."),
            };
            dialog.dispatch(Change::Done(said, problems));
        }
        Reply::File { name, mime, bytes } => {
            helper::download_bytes(&name, &mime, &bytes);
            dialog.dispatch(Change::Done(format!("Downloaded {name}."), Vec::new()));
        }
        Reply::Failed(why) => {
            act.emit(Action::JoinFailed);
            dialog.dispatch(Change::Failed(why));
        }
        Reply::Crashed(why) => {
            act.emit(Action::JoinFailed);
            // Dropped once this handler, which the worker's own listener runs, returns.
            let stopped = working_slot.borrow_mut().take();
            yew::platform::spawn_local(async move { drop(stopped) });
            dialog.dispatch(Change::Crashed(why));
        }
    };
    match Helper::start(&helper::database(path), on_reply) {
        Ok(h) => {
            let h = Rc::new(h);
            *slot.borrow_mut() = Some(h.clone());
            Some(h)
        }
        Err(why) => {
            failed.dispatch(Change::Crashed(why));
            None
        }
    }
}

#[function_component(AddArticles)]
pub fn add_articles() -> Html {
    let ex = use_explorer();
    let dialog = use_reducer(Dialog::default);
    let slot: Slot = use_mut_ref(|| None);
    let pasted = use_state(String::new);
    let path = ex.path.to_string();
    let start = {
        let (slot, path, dispatcher, act) =
            (slot.clone(), path.clone(), dialog.dispatcher(), ex.act.clone());
        Rc::new(move || ensure(&slot, &path, &dispatcher, &act))
    };
    {
        // A reader who kept articles here sees them joined on every visit; another tab's
        // change is read again.
        let (start, dispatcher, path) = (start.clone(), dialog.dispatcher(), path.clone());
        use_effect_with((), move |_| {
            let open = {
                let (start, dispatcher) = (start.clone(), dispatcher.clone());
                move || {
                    if let Some(h) = start() {
                        dispatcher.dispatch(Change::Working("Reading your kept articles".into()));
                        h.send("open", &[], None);
                    }
                }
            };
            // After the first view is painted: reading the browser's storage can take a while.
            yew::platform::spawn_local(async move {
                yew::platform::time::sleep(std::time::Duration::ZERO).await;
                if helper::hint(&helper::hint_key(&path)) > 0 {
                    open();
                }
                helper::on_other_tab(helper::hint_key(&path), open);
            });
        });
    }
    let toggle = {
        let (dispatcher, start, open) = (dialog.dispatcher(), start.clone(), dialog.open);
        Callback::from(move |_: MouseEvent| {
            if !open {
                // The worker's module is fetched now, while the reader chooses what to add.
                let _ = start();
            }
            dispatcher.dispatch(Change::Toggle);
        })
    };
    let kept = &ex.local.kept;
    let label = if kept.is_empty() {
        "Add articles".to_string()
    } else {
        format!("Your articles ({})", kept.len())
    };
    let button = html! {
        <button type="button" class="add-articles" aria-expanded={if dialog.open { "true" } else { "false" }}
                aria-controls="add-panel" onclick={toggle.clone()}>{label}</button>
    };
    if !dialog.open {
        return html! {
            <div class="adding">
                {button}
                if let Some(w) = &dialog.working { <span class="count" role="status">{format!("{}…", w.what)}</span> }
            </div>
        };
    }
    let busy = dialog.working.is_some();
    let request = |what: &'static str, send: Rc<dyn Fn(&Helper)>| {
        let (start, dispatcher) = (start.clone(), dialog.dispatcher());
        Callback::from(move |_: MouseEvent| {
            if let Some(h) = start() {
                dispatcher.dispatch(Change::Working(what.to_string()));
                send(&h);
            }
        })
    };
    let on_files = {
        let start = start.clone();
        move |files: Option<web_sys::FileList>| {
            let Some(files) = files else { return };
            let Some(h) = start() else { return };
            for i in 0..files.length() {
                if let Some(file) = files.get(i) {
                    h.read_file(file);
                }
            }
        }
    };
    let onchange = {
        let on_files = on_files.clone();
        Callback::from(move |e: Event| {
            let input: Option<web_sys::HtmlInputElement> = e.target_dyn_into();
            if let Some(input) = input {
                on_files(input.files());
                input.set_value("");
            }
        })
    };
    let ondrop = Callback::from(move |e: DragEvent| {
        e.prevent_default();
        on_files(e.data_transfer().and_then(|d| d.files()));
    });
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let oninput = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(t) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                pasted.set(t.value());
            }
        })
    };
    let read_pasted = {
        let (start, pasted) = (start.clone(), pasted.clone());
        Callback::from(move |_: MouseEvent| {
            if pasted.trim().is_empty() {
                return;
            }
            if let Some(h) = start() {
                let stamp = (js_now() / 1000.0) as i64;
                h.read_text(&format!("pasted-{stamp}"), &pasted);
                pasted.set(String::new());
            }
        })
    };
    let cancel = {
        let (slot, dispatcher) = (slot.clone(), dialog.dispatcher());
        Callback::from(move |_: MouseEvent| {
            // Stopping the worker stops its work; what it had kept stays kept.
            slot.borrow_mut().take();
            dispatcher.dispatch(Change::Cancelled);
        })
    };
    let retry = {
        let (start, dispatcher) = (start.clone(), dialog.dispatcher());
        Callback::from(move |_: MouseEvent| {
            dispatcher.dispatch(Change::Restarted);
            if let Some(h) = start() {
                dispatcher.dispatch(Change::Working("Reading your kept articles".into()));
                h.send("open", &[], None);
            }
        })
    };
    let add = {
        let (start, dispatcher, drafts) =
            (start.clone(), dialog.dispatcher(), dialog.drafts.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(h) = start() {
                dispatcher.dispatch(Change::Working("Reading your articles".into()));
                dispatcher.dispatch(Change::Sent);
                h.add(&drafts);
            }
        })
    };
    let show_all = {
        let dispatcher = dialog.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Change::AllKept))
    };
    let drafts_listed =
        if dialog.all_kept { dialog.drafts.len() } else { dialog.drafts.len().min(EDIT_ALL) };
    let more_drafts = dialog.drafts.len() - drafts_listed;
    let draft_rows = dialog.drafts.iter().enumerate().take(drafts_listed).map(|(i, d)| {
        let edit = |field: Field| {
            let dispatcher = dialog.dispatcher();
            Callback::from(move |e: Event| {
                if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                    dispatcher.dispatch(Change::Edit(i, field, input.value()));
                }
            })
        };
        let discard = {
            let dispatcher = dialog.dispatcher();
            Callback::from(move |_: MouseEvent| dispatcher.dispatch(Change::Discard(i)))
        };
        let s = d;
        let date = s.date.clone().unwrap_or_default();
        let from = format!("{} · {} words{}", d.origin, d.words, if s.summary { " (a feed's summary)" } else { "" });
        if dialog.drafts.len() > EDIT_ALL && dialog.editing != Some(i) {
            // Many drafts: one line each, and their fields on demand, so that a long paste
            // does not build hundreds of inputs at once.
            let correct = {
                let dispatcher = dialog.dispatcher();
                Callback::from(move |_: MouseEvent| dispatcher.dispatch(Change::Correct(i)))
            };
            let what = [s.outlet.clone(), s.date.clone()].into_iter().flatten().collect::<Vec<_>>().join(", ");
            return html! {
                <li class="draft">
                    <span class="draft-line">{s.title.clone().unwrap_or_else(|| "(no title)".into())}</span>
                    <span class="count">{format!(" {what} · {from} ")}</span>
                    <button type="button" class="correct" onclick={correct}>{"Correct"}</button>
                    <button type="button" class="discard" onclick={discard}>{"Leave out"}</button>
                </li>
            };
        }
        html! {
            <li class="draft">
                <p class="draft-from">{from}</p>
                <label>{"Title "}<input type="text" class="draft-title" value={s.title.clone().unwrap_or_default()} onchange={edit(Field::Title)} /></label>
                <label>{"Outlet "}<input type="text" class="draft-outlet" value={s.outlet.clone().unwrap_or_default()} onchange={edit(Field::Outlet)} /></label>
                <label>{"Published "}<input type="date" class="draft-date" value={date} onchange={edit(Field::Date)} /></label>
                <label>{"Address "}<input type="url" class="draft-url" value={s.url.clone().unwrap_or_default()} onchange={edit(Field::Url)} /></label>
                <button type="button" class="discard" onclick={discard}>{"Leave out"}</button>
            </li>
        }
    });
    // The latest first; many are listed on demand.
    let listed = if dialog.all_kept { kept.len() } else { kept.len().min(EDIT_ALL) };
    let more_kept = kept.len() - listed;
    let kept_rows = kept.iter().rev().take(listed).map(|k| {
        let key = k.key;
        let remove = request("Removing", Rc::new(move |h: &Helper| h.remove(&[key])));
        let what = [k.outlet.clone(), k.date.clone()].into_iter().flatten().collect::<Vec<_>>().join(", ");
        html! {
            <li class="kept" key={k.key}>
                <span class="kept-title">{k.title.clone().unwrap_or_else(|| k.id.clone())}</span>
                <span class="count">{format!(" {what} · from {}", k.origin)}</span>
                <button type="button" class="remove" disabled={busy} onclick={remove}>{"Remove"}</button>
            </li>
        }
    });
    html! {
        <div class="adding">
            {button}
            <section id="add-panel" class="add-panel" role="dialog" aria-label="Add your own articles" {ondrop} {ondragover}>
                <p class="yours-note"><strong>{"Your articles stay in this browser only."}</strong>{" Nothing is uploaded; others who open this site see the published story."}</p>
                <label for="add-paste">{"Paste an article (a first line such as “date 2017-01-24” dates it), JSONL records or a saved page:"}</label>
                <textarea id="add-paste" rows="4" value={(*pasted).clone()} {oninput} />
                <div class="row">
                    <button type="button" class="read-pasted" onclick={read_pasted}>{"Read the pasted text"}</button>
                    <label class="pick">{"or pick or drop files (.txt, .jsonl, .html, feeds, .csv): "}
                        <input type="file" class="add-files" multiple=true {onchange}
                               accept=".txt,.jsonl,.json,.html,.htm,.xml,.rss,.atom,.csv,.tsv,text/plain,text/html" />
                    </label>
                </div>
                if !dialog.problems.is_empty() {
                    <ul class="problems" role="alert" aria-label="Problems">
                        { for dialog.problems.iter().map(|p| html! { <li>{p}</li> }) }
                    </ul>
                }
                if let Some(why) = &dialog.crashed {
                    <div class="notice error" role="alert">
                        {format!("The article reader stopped: {why}. Nothing you had kept is lost. ")}
                        <button type="button" class="retry" onclick={retry}>{"Try again"}</button>
                    </div>
                }
                if !dialog.drafts.is_empty() {
                    <ul class="drafts" aria-label="Articles to add">{ for draft_rows }</ul>
                    if more_drafts > 0 {
                        <button type="button" class="show-more" onclick={show_all.clone()}>{format!("List the other {more_drafts}")}</button>
                    }
                    <button type="button" class="add-drafts" disabled={busy} onclick={add}>
                        {match dialog.drafts.len() { 1 => "Add 1 article".to_string(), n => format!("Add {n} articles") }}
                    </button>
                }
                if let Some(w) = &dialog.working {
                    <div class="working" role="status" aria-live="polite">
                        if w.total > 0 {
                            <progress max={w.total.to_string()} value={w.done.to_string()} />
                            {format!(" {}: {} of {} ", w.what, w.done, w.total)}
                        } else {
                            {format!("{}… ", w.what)}
                        }
                        <button type="button" class="cancel" onclick={cancel}>{"Cancel"}</button>
                    </div>
                }
                <p class="status" role="status" aria-live="polite">{&dialog.status}</p>
                if !kept.is_empty() {
                    <h2>{"Your articles, in this browser only"}</h2>
                    <ul class="kept-list">{ for kept_rows }</ul>
                    if more_kept > 0 {
                        <button type="button" class="show-more" onclick={show_all}>{format!("List the other {more_kept}")}</button>
                    }
                    <div class="row">
                        <button type="button" class="remove-all" disabled={busy} onclick={request("Removing", Rc::new(|h: &Helper| h.remove(&[])))}>{"Remove all"}</button>
                        <button type="button" class="download-site" disabled={busy} onclick={request("Making the site", Rc::new(|h: &Helper| h.send("site", &[], None)))}>{"Download site"}</button>
                        <button type="button" class="download-dataset" disabled={busy} onclick={request("Writing the dataset", Rc::new(|h: &Helper| h.send("dataset", &[], None)))}>{"Download dataset"}</button>
                    </div>
                    <p class="count">{"The site is what "}<code>{"newsline build"}</code>{" writes for the published articles and yours: unzip it onto any static host."}</p>
                }
                <button type="button" class="close" onclick={toggle}>{"Close"}</button>
            </section>
        </div>
    }
}

/// Milliseconds since 1970, from the browser's clock (natively, none).
fn js_now() -> f64 {
    #[cfg(all(target_arch = "wasm32", feature = "web"))]
    {
        js_sys::Date::now()
    }
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    {
        0.0
    }
}
