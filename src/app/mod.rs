//! The explorer's Yew components. They render from a [`Dataset`] and a
//! [`query::State`]; the browser glue (history, clipboard) lives in `browser`,
//! so the components also render natively for the server-side-render tests.

mod article;
mod browser;
mod filter;
mod quotes;
mod timeline;
mod virtual_list;

use std::rc::Rc;

use yew::prelude::*;

use crate::dataset::{Dataset, Quote};
use crate::query::{self, State, View};

pub use browser::{show_fatal, show_panics};

/// What the page starts from.
#[derive(Properties, Clone, PartialEq)]
pub struct AppProps {
    pub dataset: Rc<Dataset>,
    /// The query string the page was opened with (`location.search`).
    pub query: AttrValue,
    /// The page's own path (`location.pathname`), so links work under any sub-path.
    pub path: AttrValue,
}

/// Shared by every component: the data, its index, and how to move to a new state.
#[derive(Clone, PartialEq)]
pub struct Explorer {
    pub dataset: Rc<Dataset>,
    pub index: Rc<query::Index>,
    pub state: State,
    pub path: AttrValue,
    pub navigate: Callback<State>,
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

    pub fn outlet_of(&self, article: &str) -> String {
        self.index
            .article(article)
            .map(|i| &self.dataset.articles[i])
            .map(|a| a.outlet.clone().unwrap_or_else(|| a.id.clone()))
            .unwrap_or_default()
    }

    /// The article text at `start..end`. The page's dataset leaves item texts out
    /// (see [`Dataset::to_page_blob`]), so they are sliced from the article here.
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

    /// The date a quote is placed at, as "Mon 23 Jan 2017", and whether it is only the report date.
    pub fn quote_date(&self, q: &Quote) -> Option<(String, bool)> {
        let event = &self.dataset.events[self.index.event(q.event.as_deref()?)?];
        let shown = timeline::date_label(&event.date)?;
        Some((shown, event.date.basis == crate::extract::DateBasis::ReportedOn))
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let index: Rc<query::Index> = use_memo(props.dataset.clone(), |ds| query::Index::new(ds));
    let initial = use_memo(props.query.clone(), |q| query::parse(q, &index));
    let state = use_state(|| initial.state.clone());
    let notices = use_state(|| initial.ignored.clone());

    let navigate = {
        let state = state.clone();
        let notices = notices.clone();
        Callback::from(move |next: State| {
            browser::push(&query::to_query(&next));
            notices.set(Vec::new());
            state.set(next);
        })
    };
    {
        // Back and forward: read the URL again.
        let state = state.clone();
        let notices = notices.clone();
        let index = index.clone();
        use_effect_with((), move |_| {
            let listener = browser::on_popstate(move |search| {
                let parsed = query::parse(&search, &index);
                notices.set(parsed.ignored);
                state.set(parsed.state);
            });
            move || {
                let _unsubscribes_on_drop = listener;
            }
        });
    }

    let explorer = Explorer {
        dataset: props.dataset.clone(),
        index: index.clone(),
        state: (*state).clone(),
        path: props.path.clone(),
        navigate,
    };
    let selection = query::select(&props.dataset, &index, &state);
    let view_tab = |view: View, label: &str, count: usize| {
        let current = state.view == view;
        let next = State { view, item: None, ..(*state).clone() };
        html! {
            <a class={classes!("tab", current.then_some("current"))} href={explorer.href(&next)}
               aria-current={current.then_some("page")} onclick={explorer.go(next.clone())}>
                {label}<span class="count">{count}</span>
            </a>
        }
    };
    let title = "Newsline";
    html! {
        <ContextProvider<Explorer> context={explorer.clone()}>
        <div class="page">
            <header class="top">
                <h1>{title}</h1>
                <p class="subtitle">{format!("{} articles · who said what, and when", props.dataset.articles.len())}</p>
                <nav class="tabs" aria-label="Views">
                    {view_tab(View::Timeline, "Timeline", selection.events.len())}
                    {view_tab(View::Quotes, "Quotes", selection.quotes.len())}
                </nav>
                <browser::CopyLink />
            </header>
            if !notices.is_empty() {
                <div class="notice" role="status">
                    {"Some of the link was ignored: "}{notices.join("; ")}
                </div>
            }
            <div class="layout">
                <filter::ActorFilter counts={selection.actor_counts.clone()} />
                <main id="main">
                    { match state.view {
                        View::Timeline => html! { <timeline::Timeline events={selection.events.clone()} /> },
                        View::Quotes => html! { <quotes::QuoteList quotes={selection.quotes.clone()} /> },
                        View::Article => html! { <article::ArticleView /> },
                    } }
                </main>
            </div>
        </div>
        </ContextProvider<Explorer>>
    }
}
