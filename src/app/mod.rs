//! The explorer's Yew components. They render from a [`Dataset`] and a
//! [`query::State`]; the browser glue (history, clipboard, downloads) lives in
//! `browser`, so the components also render natively for the server-side-render tests.

mod about;
mod actor;
mod article;
mod browser;
mod contested;
mod filter;
mod quotes;
mod share;
mod timeline;
mod virtual_list;

use std::rc::Rc;

use yew::prelude::*;

use crate::dataset::{Dataset, Quote};
use crate::page::About;
use crate::query::story::{self, Summary};
use crate::query::{self, Parsed, Selection, State, View};

pub use browser::{show_fatal, show_panics};
pub use timeline::date_label;

/// What the page starts from.
#[derive(Properties, Clone)]
pub struct AppProps {
    /// What the site says of itself (title, build).
    pub about: Rc<About>,
    pub dataset: Rc<Dataset>,
    /// The dataset's filter index; the page decodes it with the dataset (see [`crate::page`]).
    pub index: Rc<query::Index>,
    /// The query string the page was opened with (`location.search`).
    pub query: AttrValue,
    /// The page's own path (`location.pathname`), so links work under any sub-path.
    pub path: AttrValue,
}

/// The dataset and index are compared by address, like [`Explorer`]'s.
impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.about, &other.about)
            && Rc::ptr_eq(&self.dataset, &other.dataset)
            && Rc::ptr_eq(&self.index, &other.index)
            && self.query == other.query
            && self.path == other.path
    }
}

/// An `Rc` compared by address. Memo dependencies and props that hold the dataset, a
/// selection or row heights would otherwise be compared element by element on every
/// render, which at 100,000 quotes costs more than the render itself.
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

/// Shared by every component: the data, its index, what the state selects, and how
/// to move to a new state.
#[derive(Clone)]
pub struct Explorer {
    pub about: Rc<About>,
    /// The corpus at a glance: outlets, period.
    pub summary: Rc<Summary>,
    pub dataset: Rc<Dataset>,
    pub index: Rc<query::Index>,
    pub state: State,
    pub selection: Rc<Selection>,
    pub path: AttrValue,
    pub navigate: Callback<State>,
}

/// The dataset, index and selection are compared by address: a new one is always a
/// new allocation, and comparing a large corpus by value on every render would cost.
impl PartialEq for Explorer {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.dataset, &other.dataset)
            && Rc::ptr_eq(&self.index, &other.index)
            && Rc::ptr_eq(&self.selection, &other.selection)
            && Rc::ptr_eq(&self.summary, &other.summary)
            && Rc::ptr_eq(&self.about, &other.about)
            && self.state == other.state
            && self.path == other.path
            && self.navigate == other.navigate
    }
}

/// The explorer every component renders from. The [`App`] provides it.
#[hook]
pub fn use_explorer() -> Explorer {
    use_context::<Explorer>()
        .expect("a component rendered outside the App, which provides the Explorer")
}

impl Explorer {
    /// The link that opens `state`, relative to this page.
    pub fn href(&self, state: &State) -> String {
        let q = query::to_query(state);
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

    pub fn outlet_of(&self, article: &str) -> String {
        self.index
            .article(article)
            .map(|i| &self.dataset.articles[i])
            .map(|a| a.outlet.clone().unwrap_or_else(|| a.id.to_string()))
            .unwrap_or_default()
    }

    /// The article text at `start..end`: items hold no copy of their words (see
    /// [`crate::dataset::Dataset`]), so they are sliced from the article here.
    pub fn excerpt(&self, article: &str, start: usize, end: usize) -> &str {
        self.index
            .article(article)
            .and_then(|i| self.dataset.articles[i].text.get(start..end))
            .unwrap_or_default()
    }

    pub fn quote_words(&self, q: &Quote) -> &str {
        self.excerpt(&q.article, q.start, q.end)
    }

    pub fn actor_name(&self, id: &str) -> String {
        self.index.actor(id).map_or_else(|| id.to_string(), |i| self.dataset.actors[i].name.clone())
    }

    /// The speaker's name, linked to their actor page, or "Unattributed".
    pub fn speaker(&self, q: &Quote) -> Html {
        match q.speaker.as_deref() {
            Some(id) => {
                let page =
                    State { view: View::Actor, item: Some(id.to_string()), ..self.state.clone() };
                self.link(page, "who", html! { {self.actor_name(id)} })
            }
            None => html! { <span class="who">{"Unattributed"}</span> },
        }
    }

    /// The speaker's first stated role ("White House Press Secretary"), shown after the name.
    pub fn role(&self, q: &Quote) -> Option<String> {
        let actor = &self.dataset.actors[self.index.actor(q.speaker.as_deref()?)?];
        actor.roles.first().map(|r| format!(", {r}"))
    }

    /// The date quote `quote` is placed at, as "Mon 23 Jan 2017", and whether it is only the report date.
    pub fn quote_date(&self, quote: usize) -> Option<(String, bool)> {
        let event = &self.dataset.events[self.index.event_of_quote[quote]?];
        let shown = timeline::date_label(&event.date)?;
        Some((shown, event.date.basis == crate::extract::DateBasis::ReportedOn))
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
}

/// Byte ranges of `text` that equal `needle` ignoring case, left to right, not overlapping.
pub fn matches(text: &str, needle: &str) -> Vec<std::ops::Range<usize>> {
    let needle: Vec<char> = needle.chars().flat_map(char::to_lowercase).collect();
    let mut hits = Vec::new();
    if needle.is_empty() {
        return hits;
    }
    let mut from = 0;
    for (start, _) in text.char_indices() {
        if start < from {
            continue;
        }
        let mut want = needle.iter();
        let mut end = start;
        let mut matched = false;
        'chars: for (offset, c) in text[start..].char_indices() {
            for lower in c.to_lowercase() {
                match want.next() {
                    Some(&w) if w == lower => {}
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

/// The page's state: what the link says, and what was dropped from it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Model {
    pub state: State,
    /// One note per part of the link that was ignored; a move within the page clears them.
    pub notices: Rc<Vec<String>>,
}

/// What changes the [`Model`].
pub enum Action {
    /// A move within the page (a click on a link or a filter).
    Navigate(State),
    /// The link was read again (start-up, back or forward).
    Reload(Parsed),
}

impl Reducible for Model {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(match action {
            Action::Navigate(state) => Model { state, notices: Rc::default() },
            Action::Reload(parsed) => {
                Model { state: parsed.state, notices: Rc::new(parsed.ignored) }
            }
        })
    }
}

/// "23–24 Jan 2017", "Dec 2016 – Jan 2017": a publication span in words.
pub fn span_words(summary: &Summary) -> Option<String> {
    let (first, last) = (summary.first?, summary.last?);
    let month = |d: jiff::civil::Date| timeline::month_name(d);
    Some(if first == last {
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
    })
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let index = props.index.clone();
    let model = {
        let (query, index) = (props.query.clone(), index.clone());
        use_reducer(move || {
            let parsed = query::parse(&query, &index);
            Model { state: parsed.state, notices: Rc::new(parsed.ignored) }
        })
    };
    let navigate = {
        let model = model.dispatcher();
        Callback::from(move |next: State| {
            browser::push(&query::to_query(&next));
            model.dispatch(Action::Navigate(next));
        })
    };
    {
        // Back and forward: read the link again.
        let (model, index) = (model.dispatcher(), index.clone());
        use_effect_with((), move |_| {
            let listener = browser::on_popstate(move |search| {
                model.dispatch(Action::Reload(query::parse(&search, &index)));
            });
            move || {
                let _unsubscribes_on_drop = listener;
            }
        });
    }
    let summary = {
        let (ds, index) = (props.dataset.clone(), index.clone());
        use_memo((), move |_| story::summary(&ds, &index))
    };
    let state = model.state.clone();
    let selection = {
        let (ds, index) = (props.dataset.clone(), index.clone());
        use_memo(state.clone(), move |state| query::select(&ds, &index, state))
    };
    let explorer = Explorer {
        about: props.about.clone(),
        summary: summary.clone(),
        dataset: props.dataset.clone(),
        index: index.clone(),
        state: state.clone(),
        selection: selection.clone(),
        path: props.path.clone(),
        navigate,
    };
    let view_tab = |view: View, label: &str, count: usize| {
        let current = state.view == view;
        let next = State { view, item: None, ..state.clone() };
        html! {
            <a class={classes!("tab", current.then_some("current"))} href={explorer.href(&next)}
               aria-current={current.then_some("page")} onclick={explorer.go(next.clone())}>
                {label}<span class="count">{count}</span>
            </a>
        }
    };
    let outlets = summary.outlets.len();
    let mut subtitle = format!(
        "{} {} from {outlets} {}",
        summary.articles,
        if summary.articles == 1 { "article" } else { "articles" },
        if outlets == 1 { "outlet" } else { "outlets" }
    );
    if let Some(span) = span_words(&summary) {
        subtitle.push_str(" · ");
        subtitle.push_str(&span);
    }
    html! {
        <ContextProvider<Explorer> context={explorer.clone()}>
        <div class="page">
            <a class="skip" href="#main">{"Skip to the results"}</a>
            <header class="top">
                <h1>{&props.about.title}</h1>
                <p class="subtitle">{subtitle}</p>
                <about::AboutStory />
                <nav class="tabs" aria-label="Views">
                    {view_tab(View::Timeline, "Timeline", selection.events.len())}
                    {view_tab(View::Quotes, "Quotes", selection.quotes.len())}
                    {view_tab(View::Contested, "Contested", selection.contested.len())}
                </nav>
                <share::Tools />
            </header>
            if !model.notices.is_empty() {
                <div class="notice" role="status">
                    {"Some of the link was ignored: "}{model.notices.join("; ")}
                </div>
            }
            <div class="layout">
                <filter::Filters />
                <main id="main" tabindex="-1">
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
    use super::matches;

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
