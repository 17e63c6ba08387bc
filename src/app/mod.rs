//! The explorer's Yew components. They render a story's [`Catalog`] (the manifest and the
//! parts at hand) as a [`query::State`] asks, through the engine's [`Answer`]; the
//! browser glue (history, clipboard, downloads, fetching parts) lives in `browser`, so the
//! components also render natively for the server-side-render tests.

mod about;
mod actor;
mod adding;
mod article;
mod browser;
mod contested;
mod filter;
pub mod helper;
mod quotes;
mod share;
mod timeline;

use std::rc::Rc;

use yew::prelude::*;

use jiff::civil::Date;

use crate::query::engine::{self, Answer, Shown};
use crate::query::{self, Parsed, State, View};
use crate::store::catalog::Catalog;
use crate::store::{self, ActorRef, Manifest, PartError, PartName, QuoteCard, PAGE};

#[cfg(all(target_arch = "wasm32", feature = "web"))]
pub use browser::fetch_gzipped;
pub use browser::{show_fatal, show_panics};
pub use timeline::date_label;

/// What the page starts from.
#[derive(Properties, Clone)]
pub struct AppProps {
    /// The story's manifest and the parts at hand: every part of an embedded story, none
    /// of a sharded one's yet.
    pub catalog: Rc<Catalog>,
    /// The query string the page was opened with (`location.search`).
    pub query: AttrValue,
    /// The page's own path (`location.pathname`), so links work under any sub-path.
    pub path: AttrValue,
}

/// The catalog is compared by address, like [`Explorer`]'s.
impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.catalog, &other.catalog)
            && self.query == other.query
            && self.path == other.path
    }
}

/// An `Rc` compared by address. Memo dependencies and props that hold the catalog or an
/// answer would otherwise be compared element by element on every render.
#[derive(Debug)]
pub struct ByAddress<T>(pub Rc<T>);

impl<T> Clone for ByAddress<T> {
    fn clone(&self) -> Self {
        ByAddress(self.0.clone())
    }
}

impl<T> PartialEq for ByAddress<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Shared by every component: the story at hand, what the state shows, and how to move.
#[derive(Clone)]
pub struct Explorer {
    pub catalog: Rc<Catalog>,
    pub answer: Rc<Answer>,
    pub state: State,
    /// How far the lists go, and which timeline folds are open.
    pub shown: Shown,
    pub path: AttrValue,
    pub navigate: Callback<State>,
    /// Changes that are not moves: another page of a list, a fold, a retry.
    pub act: Callback<Action>,
    /// The reader's own articles, kept in this browser, when any are joined to the story.
    pub local: Rc<Local>,
}

pub use crate::additions::Kept;

/// The id of the article that quote or event `item` (`q12`, `e7`) comes from, when at hand.
fn article_of<'c>(catalog: &'c Catalog, item: &str) -> Option<&'c str> {
    let article = match catalog.site_of(item).ok()?? {
        store::catalog::Site::Quote(q) => catalog.quote_fact(q).ok()?.article,
        store::catalog::Site::Event(e) => catalog.event_fact(e).ok()?.article,
    };
    Some(catalog.article(article).ok()?.id.as_str())
}

/// The reader's own articles: the published story they are joined to, and the articles.
#[derive(Default)]
pub struct Local {
    /// The story as published, while the page shows it joined with the kept articles.
    pub published: Option<Rc<Catalog>>,
    pub kept: Vec<Kept>,
}

impl Local {
    /// Whether the article `id` is one of the reader's own.
    pub fn has(&self, id: &str) -> bool {
        self.kept.iter().any(|k| k.id == id)
    }

    /// What of `state` only this browser has (an item from a kept article, an actor or an
    /// outlet the published story lacks), in words; empty when a link to it works anywhere.
    pub fn only_here(&self, catalog: &Catalog, state: &State) -> Vec<String> {
        let Some(published) = &self.published else { return Vec::new() };
        let mut only = Vec::new();
        if let Some(item) = state.item.as_deref().filter(|_| state.view != View::Actor) {
            if article_of(catalog, item).is_some_and(|a| self.has(a)) {
                only.push("the item it opens comes from your articles".to_string());
            }
        }
        let actors =
            state.actors.iter().chain(state.item.iter().filter(|_| state.view == View::Actor));
        for actor in actors {
            if matches!(published.actor_by_slug(actor), Ok(None)) {
                only.push(format!("“{actor}” is only in your articles"));
            }
        }
        for outlet in &state.outlets {
            if !published.manifest.outlets.iter().any(|o| &o.id == outlet) {
                only.push(format!("the outlet “{outlet}” is only in your articles"));
            }
        }
        only
    }
}

/// The catalog and answer are compared by address: a new one is always a new allocation.
impl PartialEq for Explorer {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.catalog, &other.catalog)
            && Rc::ptr_eq(&self.answer, &other.answer)
            && self.state == other.state
            && self.shown == other.shown
            && self.path == other.path
            && self.navigate == other.navigate
            && self.act == other.act
            && Rc::ptr_eq(&self.local, &other.local)
    }
}

/// The explorer every component renders from. The [`App`] provides it.
#[hook]
pub fn use_explorer() -> Explorer {
    use_context::<Explorer>()
        .expect("a component rendered outside the App, which provides the Explorer")
}

impl Explorer {
    pub fn manifest(&self) -> &Manifest {
        &self.catalog.manifest
    }

    /// The link that opens `state`, relative to this page. A link to an item names the
    /// build, so that a later build of the site can say its numbers may have moved.
    pub fn href(&self, state: &State) -> String {
        let mut q = query::to_query(state);
        if state.item.is_some() && state.view != View::Actor {
            q.push_str(if q.is_empty() { "?" } else { "&" });
            q.push_str("build=");
            q.push_str(&self.manifest().build);
        }
        format!("{}{}", self.path, q)
    }

    /// A click handler that moves to `state` in place, keeping the link usable.
    pub fn go(&self, state: State) -> Callback<MouseEvent> {
        let navigate = self.navigate.clone();
        Callback::from(move |e: MouseEvent| {
            if !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0) {
                e.prevent_default();
                navigate.emit(state.clone());
            }
        })
    }

    /// A link to `state` that the explorer follows in place.
    pub fn link(&self, state: State, class: &'static str, body: Html) -> Html {
        html! { <a {class} href={self.href(&state)} onclick={self.go(state)}>{body}</a> }
    }

    /// An actor's name, linked to their page.
    pub fn actor_link(&self, actor: &ActorRef, class: &'static str) -> Html {
        let page = State { view: View::Actor, item: Some(actor.id.clone()), ..self.state.clone() };
        self.link(page, class, html! { {&actor.name} })
    }

    /// The speaker's name, linked to their actor page, or "Unattributed".
    pub fn speaker(&self, card: &QuoteCard) -> Html {
        match &card.speaker {
            Some(actor) => self.actor_link(actor, "who"),
            None => html! { <span class="who">{"Unattributed"}</span> },
        }
    }

    /// The speaker's first stated role ("White House Press Secretary"), shown after the name.
    pub fn role(card: &QuoteCard) -> Option<String> {
        card.role.as_ref().map(|r| format!(", {r}"))
    }

    /// The name of actor `index`, when at hand.
    pub fn actor_name(&self, index: u32) -> Option<&str> {
        self.catalog.actor_info(index).ok().map(|a| a.name.as_str())
    }

    /// The name of the actor whose slug is `id`, or the slug while it is not at hand.
    pub fn actor_named(&self, id: &str) -> String {
        match self.catalog.actor_by_slug(id) {
            Ok(Some(a)) => self.actor_name(a).unwrap_or(id).to_string(),
            _ => id.to_string(),
        }
    }

    /// `text` with every case-insensitive match of the search marked.
    pub fn highlighted(&self, text: &str) -> Html {
        let hits = matches(text, &self.state.text);
        if hits.is_empty() {
            return html! { {text} };
        }
        let mut parts = Vec::with_capacity(hits.len() * 2 + 1);
        let mut at = 0;
        for hit in hits {
            parts.push(html! { {&text[at..hit.start]} });
            parts.push(html! { <mark class="hit">{&text[hit.clone()]}</mark> });
            at = hit.end;
        }
        parts.push(html! { {&text[at..]} });
        html! { <>{ for parts }</> }
    }

    /// The label of an item from one of the reader's own articles.
    pub fn yours(&self, article: &str) -> Html {
        if self.local.has(article) {
            html! { <span class="badge yours" title="Added by you; only this browser has it">{"yours, this browser only"}</span> }
        } else {
            html! {}
        }
    }

    /// A list's "Show more" button, when the list goes on.
    pub fn more(&self, shown: usize, total: usize, what: &'static str) -> Html {
        if shown >= total {
            return html! {};
        }
        let act = self.act.clone();
        let onclick = Callback::from(move |_: MouseEvent| act.emit(Action::More));
        let next = PAGE.min(total - shown);
        html! {
            <div class="more-row">
                <button type="button" class="show-more" {onclick}>{format!("Show {next} more {what}")}</button>
                <span class="count">{format!("{shown} of {total} shown")}</span>
            </div>
        }
    }
}

/// What stands in for an item whose part is on its way.
pub fn loading_row(key: String) -> Html {
    html! { <li {key} class="loading" aria-busy="true">{"Loading…"}</li> }
}

/// Byte ranges of `text` that equal `needle` ignoring case, left to right, not overlapping.
pub fn matches(text: &str, needle: &str) -> Vec<std::ops::Range<usize>> {
    let mut lowered = Vec::with_capacity(needle.len());
    for c in needle.chars() {
        crate::case::lower_char(c, &mut lowered);
    }
    let needle = lowered;
    let mut hits = Vec::new();
    if needle.is_empty() {
        return hits;
    }
    let mut from = 0;
    let mut lower = Vec::with_capacity(3);
    for (start, _) in text.char_indices() {
        if start < from {
            continue;
        }
        let mut want = needle.iter();
        let mut end = start;
        let mut matched = false;
        'chars: for (offset, c) in text[start..].char_indices() {
            lower.clear();
            crate::case::lower_char(c, &mut lower);
            for &l in &lower {
                match want.next() {
                    Some(&w) if w == l => {}
                    _ => break 'chars,
                }
            }
            end = start + offset + c.len_utf8();
            if want.len() == 0 {
                matched = true;
                break;
            }
        }
        if matched {
            hits.push(start..end);
            from = end;
        }
    }
    hits
}

/// The page's state: what the link says, what was dropped from it, and the story's parts
/// at hand, on their way, and failed.
#[derive(Clone)]
pub struct Model {
    pub state: State,
    /// One note per part of the link that was ignored; a move within the page clears them.
    pub notices: Rc<Vec<String>>,
    pub catalog: Rc<Catalog>,
    pub shown: Shown,
    pub pending: Rc<Vec<PartName>>,
    pub failed: Rc<Vec<PartName>>,
    pub local: Rc<Local>,
    /// Kept articles are on their way to be joined: what the link names may be among them.
    pub joining: bool,
}

impl Model {
    /// The model of `parsed` over `catalog`: a link made on another build keeps its filters
    /// but not its item, whose number may now name something else.
    pub fn new(catalog: Rc<Catalog>, parsed: Parsed) -> Model {
        let mut notices = parsed.ignored;
        let mut state = parsed.state;
        if let Some(build) = parsed.build.filter(|b| *b != catalog.manifest.build) {
            if state.item.is_some() && state.view != View::Actor {
                notices.push(format!(
                    "the link was made on another build of this site ({build}); it opens this one, without the item it named"
                ));
                state.item = None;
                if state.view == View::Article {
                    state.view = View::Quotes;
                }
            }
        }
        Model {
            state,
            notices: Rc::new(notices),
            catalog,
            shown: Shown::default(),
            pending: Rc::default(),
            failed: Rc::default(),
            local: Rc::default(),
            joining: false,
        }
    }
}

/// What changes the [`Model`].
pub enum Action {
    /// A move within the page (a click on a link or a filter).
    Navigate(State),
    /// The link was read again (start-up, back or forward).
    Reload(Parsed),
    /// Another page of the list in view.
    More,
    /// Open or close a timeline fold (earlier, around, later).
    Fold(usize),
    /// Parts asked for.
    Fetching(Vec<PartName>),
    Arrived(PartName, Vec<u8>),
    Failed(PartName),
    /// A part came, but its bytes are not the ones its name hashes.
    Mismatched(PartName),
    /// Ask again for the parts that failed.
    Retry,
    /// Actors of the link that the story turned out not to have: dropped, with a note.
    Forget(Vec<String>),
    /// The story joined with the reader's kept articles, which the page now shows.
    Joined(Catalog, Vec<Kept>),
    /// No article is kept any more: the published story again.
    Unjoined,
    /// The kept articles could not be joined (the worker stopped or failed).
    JoinFailed,
}

impl Model {
    /// After the story changed under the page: quotes and events are numbered anew, so an
    /// open one (or its article) is closed; actors keep their ids.
    fn renumbered(&mut self) {
        self.pending = Rc::default();
        self.failed = Rc::default();
        self.shown = Shown::default();
        if self.state.item.is_some() && self.state.view != View::Actor {
            self.state.item = None;
            if self.state.view == View::Article {
                self.state.view = View::Quotes;
            }
        }
    }

    /// The parts on their way, less `part`.
    fn pending_without(&self, part: &PartName) -> Rc<Vec<PartName>> {
        Rc::new(self.pending.iter().filter(|p| *p != part).cloned().collect())
    }
}

impl Reducible for Model {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Navigate(state) => {
                next.state = state;
                next.notices = Rc::default();
                next.shown = Shown::default();
            }
            Action::Reload(parsed) => {
                let fresh = Model::new(self.catalog.clone(), parsed);
                next.state = fresh.state;
                next.notices = fresh.notices;
                next.shown = Shown::default();
            }
            Action::More => {
                next.shown.cards += PAGE;
                next.shown.events += PAGE;
            }
            Action::Fold(f) => {
                if let Some(open) = next.shown.folds.get_mut(f) {
                    *open = !*open;
                }
            }
            Action::Fetching(parts) => {
                let mut pending = (*self.pending).clone();
                pending.extend(parts);
                next.pending = Rc::new(pending);
            }
            Action::Arrived(name, bytes) => {
                next.pending = self.pending_without(&name);
                next.catalog = Rc::new(self.catalog.with(name, bytes));
            }
            Action::Mismatched(name) => {
                // Kept as a part at hand that does not decode, which the view reports as
                // damaged on the host (asking again would bring the same bytes).
                next.pending = self.pending_without(&name);
                next.catalog = Rc::new(self.catalog.with(name, Vec::new()));
            }
            Action::Failed(name) => {
                next.pending = self.pending_without(&name);
                let mut failed = (*self.failed).clone();
                failed.push(name);
                next.failed = Rc::new(failed);
            }
            Action::Retry => next.failed = Rc::default(),
            Action::Joined(catalog, kept) => {
                let published =
                    self.local.published.clone().unwrap_or_else(|| self.catalog.clone());
                next.catalog = Rc::new(catalog);
                next.local = Rc::new(Local { published: Some(published), kept });
                next.joining = false;
                next.renumbered();
            }
            Action::Unjoined => {
                if let Some(published) = self.local.published.clone() {
                    next.catalog = published;
                    next.renumbered();
                }
                next.local = Rc::default();
                next.joining = false;
            }
            Action::JoinFailed => next.joining = false,
            Action::Forget(ids) => {
                next.state.actors.retain(|a| !ids.contains(a));
                let mut notices = (*self.notices).clone();
                notices.extend(ids.iter().map(|id| format!("unknown actor “{id}”")));
                next.notices = Rc::new(notices);
            }
        }
        Rc::new(next)
    }
}

/// "23–24 Jan 2017", "Dec 2016 – Jan 2017": a publication span in words.
pub fn span_words(first: Date, last: Date) -> String {
    let month = |d: Date| crate::dates::month_abbr(d);
    if first == last {
        format!("{} {} {}", first.day(), month(first), first.year())
    } else if (first.year(), first.month()) == (last.year(), last.month()) {
        format!("{}–{} {} {}", first.day(), last.day(), month(last), last.year())
    } else if first.year() == last.year() {
        format!("{} {} – {} {} {}", first.day(), month(first), last.day(), month(last), last.year())
    } else {
        format!(
            "{} {} {} – {} {} {}",
            first.day(),
            month(first),
            first.year(),
            last.day(),
            month(last),
            last.year()
        )
    }
}

/// The story's publication span, when its articles are dated.
pub fn published(m: &Manifest) -> Option<String> {
    let (first, last) = m.published?;
    Some(span_words(store::date(first)?, store::date(last)?))
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let model = {
        let (query, catalog, path) =
            (props.query.clone(), props.catalog.clone(), props.path.clone());
        use_reducer(move || {
            let parsed = query::parse(&query, &*catalog.manifest);
            let mut model = Model::new(catalog, parsed);
            // Only a link that names actors can name some of the kept articles': only then
            // is the browser's storage read before the first view.
            model.joining =
                !model.state.actors.is_empty() && helper::hint(&helper::hint_key(&path)) > 0;
            model
        })
    };
    let navigate = {
        let model = model.dispatcher();
        Callback::from(move |next: State| {
            browser::push(&query::to_query(&next));
            model.dispatch(Action::Navigate(next));
        })
    };
    let act = {
        let model = model.dispatcher();
        Callback::from(move |action: Action| model.dispatch(action))
    };
    {
        // Back and forward: read the link again.
        let (model, manifest) = (model.dispatcher(), props.catalog.manifest.clone());
        use_effect_with((), move |_| {
            let listener = browser::on_popstate(move |search| {
                model.dispatch(Action::Reload(query::parse(&search, &*manifest)));
            });
            move || {
                let _unsubscribes_on_drop = listener;
            }
        });
    }
    let state = model.state.clone();
    let answer = {
        let catalog = model.catalog.clone();
        use_memo((ByAddress(catalog), state.clone()), |(catalog, state)| {
            engine::answer(&catalog.0, state)
        })
    };
    // A part still wanted though at hand did not decode: it is damaged, and fetching it
    // again would bring the same bytes.
    let (damaged, wanted): (Vec<PartName>, Vec<PartName>) =
        engine::wanted(&model.catalog, &state, &answer, &model.shown)
            .into_iter()
            .filter(|p| !model.pending.contains(p) && !model.failed.contains(p))
            .partition(|p| model.catalog.has(p));
    {
        // Fetch what the view needs and is not at hand, each part once.
        let dispatcher = model.dispatcher();
        use_effect_with(wanted.clone(), move |wanted| {
            if !wanted.is_empty() {
                dispatcher.dispatch(Action::Fetching(wanted.clone()));
                for part in wanted.iter().cloned() {
                    let dispatcher = dispatcher.clone();
                    browser::fetch_part(part.clone(), move |got| match got {
                        Ok(bytes) => dispatcher.dispatch(Action::Arrived(part, bytes)),
                        Err(PartError::Unreachable) => dispatcher.dispatch(Action::Failed(part)),
                        Err(PartError::Mismatch) => dispatcher.dispatch(Action::Mismatched(part)),
                    });
                }
            }
        });
    }
    {
        // An actor the story lacks (known once its slug's part is at hand) leaves the link,
        // as it would have had the page known at once.
        let dispatcher = model.dispatcher();
        let unknown = if model.joining { Vec::new() } else { answer.unknown_actors.clone() };
        use_effect_with(unknown, move |unknown| {
            if !unknown.is_empty() {
                dispatcher.dispatch(Action::Forget(unknown.clone()));
            }
        });
    }
    let manifest = model.catalog.manifest.clone();
    let explorer = Explorer {
        catalog: model.catalog.clone(),
        answer: answer.clone(),
        state: state.clone(),
        shown: model.shown,
        path: props.path.clone(),
        navigate,
        act: act.clone(),
        local: model.local.clone(),
    };
    let view_tab = |view: View, label: &str, count: Option<usize>| {
        let current = state.view == view;
        let next = State { view, item: None, ..state.clone() };
        html! {
            <a class={classes!("tab", current.then_some("current"))} href={explorer.href(&next)}
               aria-current={current.then_some("page")} onclick={explorer.go(next.clone())}>
                {label}
                if let Some(count) = count {
                    if answer.partial {
                        <span class="count" aria-label="still counting">{"…"}</span>
                    } else {
                        <span class="count">{count}</span>
                    }
                }
            </a>
        }
    };
    let outlets = manifest.outlets.len();
    let articles = manifest.articles;
    let mut subtitle = format!(
        "{articles} {} from {outlets} {}",
        if articles == 1 { "article" } else { "articles" },
        if outlets == 1 { "outlet" } else { "outlets" }
    );
    if let Some(span) = published(&manifest) {
        subtitle.push_str(" · ");
        subtitle.push_str(&span);
    }
    let mut notices: Vec<String> = (*model.notices).clone();
    if !model.joining {
        notices.extend(answer.unknown_actors.iter().map(|id| format!("unknown actor “{id}”")));
    }
    let failed = !model.failed.is_empty() || !damaged.is_empty();
    let retry = {
        let act = act.clone();
        Callback::from(move |_: MouseEvent| act.emit(Action::Retry))
    };
    let waiting = answer.partial || !model.pending.is_empty();
    html! {
        <ContextProvider<Explorer> context={explorer.clone()}>
        <div class="page">
            <a class="skip" href="#main">{"Skip to the results"}</a>
            <header class="top">
                <h1>{&manifest.about.title}</h1>
                <p class="subtitle">{subtitle}
                    if !model.local.kept.is_empty() {
                        {" · "}<span class="yours-label">{format!("{} of them yours, in this browser only", model.local.kept.len())}</span>
                    }
                </p>
                <about::AboutStory />
                <nav class="tabs" aria-label="Views">
                    {view_tab(View::Timeline, "Timeline", Some(answer.event_total))}
                    {view_tab(View::Quotes, "Quotes", Some(answer.quote_total))}
                    {view_tab(View::Contested, "Contested", Some(answer.contested.len()))}
                </nav>
                <share::Tools />
                <adding::AddArticles />
            </header>
            if !notices.is_empty() {
                <div class="notice" role="status">
                    {"Some of the link was ignored: "}{notices.join("; ")}
                </div>
            }
            if failed {
                <div class="notice error" role="alert">
                    {"Part of this story could not be loaded, so what is shown may be incomplete. "}
                    if !damaged.is_empty() {
                        {format!(
                            "Damaged on the host ({}): its publisher should rebuild the site. ",
                            damaged.iter().map(PartName::path).collect::<Vec<_>>().join(", ")
                        )}
                    }
                    if !model.failed.is_empty() {
                        <button type="button" class="retry" onclick={retry}>{"Try again"}</button>
                    }
                </div>
            } else if waiting {
                <div class="notice loading" role="status" aria-live="polite">{"Loading more of the story… counts may still grow."}</div>
            }
            <div class="layout">
                <filter::Filters />
                <main id="main" tabindex="-1" aria-busy={if waiting { "true" } else { "false" }}>
                    { match state.view {
                        View::Timeline => html! { <timeline::Timeline /> },
                        View::Quotes => html! { <quotes::QuoteList /> },
                        View::Contested => html! { <contested::Contested /> },
                        View::Actor => html! { <actor::ActorPanel /> },
                        View::Article => html! { <article::ArticleView /> },
                    } }
                </main>
            </div>
        </div>
        </ContextProvider<Explorer>>
    }
}

#[cfg(test)]
mod tests {
    use super::{matches, span_words};
    use crate::dates::parse_day;

    #[test]
    fn publication_spans_say_each_part_once() {
        let span = |a, b| span_words(parse_day(a).unwrap(), parse_day(b).unwrap());
        assert_eq!(span("2017-01-23", "2017-01-23"), "23 Jan 2017");
        assert_eq!(span("2017-01-23", "2017-01-24"), "23–24 Jan 2017");
        assert_eq!(span("2016-12-30", "2017-01-24"), "30 Dec 2016 – 24 Jan 2017");
        assert_eq!(span("2017-01-23", "2017-03-02"), "23 Jan – 2 Mar 2017");
    }

    #[test]
    fn search_matches_ignore_case_and_keep_byte_ranges() {
        let text = "Rubbish, said SPICER. rubbish!";
        assert_eq!(matches(text, "RUBBISH"), [0..7, 22..29]);
        assert_eq!(matches("Émile ÉMILE", "émile"), [0..6, 7..13]);
        assert_eq!(matches("aaaa", "aa"), [0..2, 2..4]);
        assert!(matches("anything", "").is_empty());
        assert!(matches("İstanbul", "i̇").len() == 1, "a capital whose lower case is two chars");
    }
}
