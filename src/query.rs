//! The explorer's state, its URL form, and the filtering it drives. Pure: the page
//! reads `location.search`, calls [`parse`], renders from [`Selection`], and writes
//! [`to_query`] back with `history.pushState`.

use std::collections::{BTreeSet, HashMap};

use crate::dataset::Dataset;

/// Which list the page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Timeline,
    Quotes,
    /// One article, with the selected item highlighted.
    Article,
}

impl View {
    pub fn as_str(self) -> &'static str {
        match self {
            View::Timeline => "timeline",
            View::Quotes => "quotes",
            View::Article => "article",
        }
    }

    fn parse(s: &str) -> Option<View> {
        Some(match s {
            "timeline" => View::Timeline,
            "quotes" => View::Quotes,
            "article" => View::Article,
            _ => return None,
        })
    }
}

/// Everything a shared link must bring back.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct State {
    /// Selected actor ids, in the order picked; items must involve all of them.
    pub actors: Vec<String>,
    pub view: View,
    /// A selected quote (`q3`) or event (`e7`).
    pub item: Option<String>,
}

/// The state read from a URL, and what was ignored in it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parsed {
    pub state: State,
    /// One short note per ignored parameter or value, for the page to show.
    pub ignored: Vec<String>,
}

/// How many notices a link can raise before the rest are only counted.
const MAX_NOTICES: usize = 5;

/// Longest query string read; the rest is ignored with a notice.
const MAX_QUERY_BYTES: usize = 8 * 1024;

/// Reads a query string (with or without the leading `?`). Never fails: unknown
/// parameters, unknown actors and bad values are dropped and noted.
pub fn parse(query: &str, index: &Index) -> Parsed {
    let mut parsed = Parsed::default();
    let mut query = query.strip_prefix('?').unwrap_or(query);
    if query.len() > MAX_QUERY_BYTES {
        let mut cut = MAX_QUERY_BYTES;
        while !query.is_char_boundary(cut) {
            cut -= 1;
        }
        query = &query[..cut];
        parsed.ignored.push(format!("the link is over {} KB; the rest was ignored", MAX_QUERY_BYTES / 1024));
    }
    let mut seen_view = false;
    let mut seen_item = false;
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        // Single-valued parameters given twice: the last one wins, and the reader is told.
        let repeated = match key.as_ref() {
            "view" => std::mem::replace(&mut seen_view, true),
            "item" => std::mem::replace(&mut seen_item, true),
            _ => false,
        };
        if repeated {
            parsed.ignored.push(format!("“{}” was given more than once; the last one is used", shorten(&key)));
        }
        match key.as_ref() {
            "actor" => {
                for id in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                    if index.actor(id).is_none() {
                        parsed.ignored.push(format!("unknown actor “{}”", shorten(id)));
                    } else if !parsed.state.actors.iter().any(|a| a == id) {
                        parsed.state.actors.push(id.to_string());
                    }
                }
            }
            "view" => match View::parse(&value) {
                Some(v) => parsed.state.view = v,
                None => parsed.ignored.push(format!("unknown view “{}”", shorten(&value))),
            },
            "item" => {
                let known = index.quote(&value).is_some() || index.event(&value).is_some();
                if known {
                    parsed.state.item = Some(value.to_string());
                } else {
                    parsed.ignored.push(format!("unknown item “{}”", shorten(&value)));
                }
            }
            "" => {}
            other => parsed.ignored.push(format!("unknown parameter “{}”", shorten(other))),
        }
    }
    if parsed.state.view == View::Article && parsed.state.item.is_none() {
        parsed.state.view = View::Quotes;
        parsed.ignored.push("the article view needs an item; showing quotes".to_string());
    }
    if parsed.ignored.len() > MAX_NOTICES {
        let more = parsed.ignored.len() - MAX_NOTICES;
        parsed.ignored.truncate(MAX_NOTICES);
        parsed.ignored.push(format!("and {more} more"));
    }
    parsed
}

/// A value cut to a length that fits in a notice.
fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// The query string for a state, `?`-prefixed, or empty for the default view.
/// Actor ids are slugs and item ids are `q`/`e` numbers, so commas stay readable.
pub fn to_query(state: &State) -> String {
    let mut ser = form_urlencoded::Serializer::new(String::new());
    if !state.actors.is_empty() {
        ser.append_pair("actor", &state.actors.join(","));
    }
    if state.view != View::Timeline {
        ser.append_pair("view", state.view.as_str());
    }
    if let Some(item) = &state.item {
        ser.append_pair("item", item);
    }
    let q = ser.finish().replace("%2C", ",");
    if q.is_empty() { q } else { format!("?{q}") }
}

/// Precomputed lookups, built once per dataset: ids to positions, and which
/// actors each item involves (and the reverse), so filtering never scans by id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index {
    actor_ids: HashMap<String, usize>,
    quote_ids: HashMap<String, usize>,
    event_ids: HashMap<String, usize>,
    article_ids: HashMap<String, usize>,
    /// For each quote, the actors it involves: its speaker and those its event names.
    actors_by_quote: Vec<Vec<usize>>,
    /// For each event, the actors it names.
    actors_by_event: Vec<Vec<usize>>,
    /// For each actor (dataset order), the quotes and events involving it, ascending.
    quotes_by_actor: Vec<Vec<usize>>,
    events_by_actor: Vec<Vec<usize>>,
}

fn positions<'a>(ids: impl Iterator<Item = &'a String>) -> HashMap<String, usize> {
    ids.enumerate().map(|(i, id)| (id.clone(), i)).collect()
}

impl Index {
    pub fn new(ds: &Dataset) -> Index {
        let actor_ids = positions(ds.actors.iter().map(|a| &a.id));
        let event_ids = positions(ds.events.iter().map(|e| &e.id));
        let actor = |id: &String| actor_ids.get(id).copied();
        let actors_by_event: Vec<Vec<usize>> = ds.events.iter().map(|e| e.actors.iter().filter_map(actor).collect()).collect();
        let actors_by_quote: Vec<Vec<usize>> = ds
            .quotes
            .iter()
            .map(|q| {
                let mut involved: BTreeSet<usize> = q.speaker.as_ref().and_then(actor).into_iter().collect();
                if let Some(&e) = q.event.as_ref().and_then(|id| event_ids.get(id)) {
                    involved.extend(&actors_by_event[e]);
                }
                involved.into_iter().collect()
            })
            .collect();
        let invert = |by_item: &[Vec<usize>]| {
            let mut by_actor = vec![Vec::new(); ds.actors.len()];
            for (item, actors) in by_item.iter().enumerate() {
                for &a in actors {
                    if by_actor[a].last() != Some(&item) {
                        by_actor[a].push(item);
                    }
                }
            }
            by_actor
        };
        Index {
            quotes_by_actor: invert(&actors_by_quote),
            events_by_actor: invert(&actors_by_event),
            actors_by_quote,
            actors_by_event,
            quote_ids: positions(ds.quotes.iter().map(|q| &q.id)),
            article_ids: positions(ds.articles.iter().map(|a| &a.id)),
            actor_ids,
            event_ids,
        }
    }

    pub fn actor(&self, id: &str) -> Option<usize> {
        self.actor_ids.get(id).copied()
    }

    pub fn quote(&self, id: &str) -> Option<usize> {
        self.quote_ids.get(id).copied()
    }

    pub fn event(&self, id: &str) -> Option<usize> {
        self.event_ids.get(id).copied()
    }

    pub fn article(&self, id: &str) -> Option<usize> {
        self.article_ids.get(id).copied()
    }
}

/// What the current state shows: visible quotes and events, and each actor's count.
#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    pub quotes: Vec<usize>,
    pub events: Vec<usize>,
    /// (actor index, visible items involving it), busiest first; selected actors always listed.
    pub actor_counts: Vec<(usize, usize)>,
}

fn intersect(a: &[usize], b: &[usize]) -> Vec<usize> {
    a.iter().filter(|x| b.binary_search(x).is_ok()).copied().collect()
}

/// Applies the actor filter: an item is visible when it involves every selected actor.
pub fn select(ds: &Dataset, index: &Index, state: &State) -> Selection {
    let selected: Vec<usize> = state.actors.iter().filter_map(|id| index.actor(id)).collect();
    let mut quotes: Vec<usize> = (0..ds.quotes.len()).collect();
    let mut events: Vec<usize> = (0..ds.events.len()).collect();
    for &a in &selected {
        quotes = intersect(&quotes, &index.quotes_by_actor[a]);
        events = intersect(&events, &index.events_by_actor[a]);
    }
    // Counts come from the visible items' own actors: no pass over every actor's list.
    let mut counts = vec![0usize; ds.actors.len()];
    let involved = quotes.iter().map(|&q| &index.actors_by_quote[q]).chain(events.iter().map(|&e| &index.actors_by_event[e]));
    for actors in involved {
        for &a in actors {
            counts[a] += 1;
        }
    }
    let mut actor_counts: Vec<(usize, usize)> =
        counts.into_iter().enumerate().filter(|&(a, n)| n > 0 || selected.contains(&a)).collect();
    actor_counts.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| ds.actors[x.0].name.cmp(&ds.actors[y.0].name)));
    // Events in date order; undated ones last.
    events.sort_by(|&x, &y| {
        let (a, b) = (&ds.events[x].date, &ds.events[y].date);
        (a.first.is_none(), &a.first, x).cmp(&(b.first.is_none(), &b.first, y))
    });
    Selection { quotes, events, actor_counts }
}

/// Adds or removes one actor from the selection.
pub fn toggle_actor(state: &State, id: &str) -> State {
    let mut next = state.clone();
    if let Some(pos) = next.actors.iter().position(|a| a == id) {
        next.actors.remove(pos);
    } else {
        next.actors.push(id.to_string());
    }
    next.item = None;
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Source;
    use crate::dataset;

    fn corpus() -> Dataset {
        let text = "“We will win,” Jane Doe said on Monday. “No,” John Roe said.";
        dataset::build(vec![Source {
            id: "a".into(),
            date: jiff::civil::Date::new(2017, 1, 24).ok(),
            title: None,
            outlet: Some("Herald".into()),
            url: None,
            text: text.into(),
        }])
    }

    #[test]
    fn state_round_trips_through_the_url() {
        let ds = corpus();
        let state = State { actors: vec!["jane-doe".into(), "john-roe".into()], view: View::Quotes, item: Some("q1".into()) };
        let query = to_query(&state);
        assert_eq!(query, "?actor=jane-doe,john-roe&view=quotes&item=q1");
        let parsed = parse(&query, &Index::new(&ds));
        assert_eq!(parsed.state, state);
        assert!(parsed.ignored.is_empty());
        assert_eq!(to_query(&State::default()), "");
    }

    #[test]
    fn garbage_is_ignored_with_a_notice() {
        let index = Index::new(&corpus());
        let parsed = parse("?actor=nobody,,jane-doe&view=%FF%FE&zzz=1&item=q999&&=&actor=jane-doe", &index);
        assert_eq!(parsed.state.actors, ["jane-doe"]);
        assert_eq!(parsed.state.view, View::Timeline);
        assert_eq!(parsed.state.item, None);
        assert_eq!(parsed.ignored.len(), 4, "{:?}", parsed.ignored);
        let repeated = parse("?view=quotes&view=timeline", &index);
        assert_eq!(repeated.state.view, View::Timeline);
        assert_eq!(repeated.ignored, ["“view” was given more than once; the last one is used"]);
        let many: String = (0..500).map(|i| format!("p{i}=1&")).collect();
        let flood = parse(&many, &index);
        assert_eq!(flood.ignored.len(), 6);
        assert_eq!(flood.ignored[5], "and 495 more");
        let huge = format!("?actor={}", "x".repeat(100_000));
        assert!(parse(&huge, &index).ignored.iter().any(|n| n.contains("KB")));
    }

    #[test]
    fn picking_actors_narrows_and_counts_follow() {
        let ds = corpus();
        let index = Index::new(&ds);
        let all = select(&ds, &index, &State::default());
        assert_eq!(all.quotes.len(), 2);
        let jane = toggle_actor(&State::default(), "jane-doe");
        let narrowed = select(&ds, &index, &jane);
        assert_eq!(narrowed.quotes.len(), 1);
        assert_eq!(ds.quotes[narrowed.quotes[0]].speaker.as_deref(), Some("jane-doe"));
        let roe = ds.actors.iter().position(|a| a.id == "john-roe").unwrap();
        assert!(!narrowed.actor_counts.iter().any(|&(a, _)| a == roe));
        assert_eq!(toggle_actor(&jane, "jane-doe"), State::default());
    }
}
