//! The explorer's state and its URL form: every filter in readable words, so a link
//! brings the same view back in any browser.

use super::Index;
use crate::dates::iso_day;
use crate::extract::{ActorKind, QuoteKind, Stance};

/// Which page the explorer shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Timeline,
    Quotes,
    /// Claims with the denials that reject them, and words whose speaker differs by outlet.
    Contested,
    /// One actor: aliases, roles, quotes, mentions over time and company (`item` is the actor id).
    Actor,
    /// One article, with the selected quote or event marked (`item` is its id).
    Article,
}

impl View {
    pub const ALL: [View; 5] =
        [View::Timeline, View::Quotes, View::Contested, View::Actor, View::Article];

    pub fn as_str(self) -> &'static str {
        match self {
            View::Timeline => "timeline",
            View::Quotes => "quotes",
            View::Contested => "contested",
            View::Actor => "actor",
            View::Article => "article",
        }
    }
}

/// How the timeline groups its events; `None` in [`State::zoom`] lets the page choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Zoom {
    #[default]
    Day,
    Month,
    Year,
}

impl Zoom {
    pub const ALL: [Zoom; 3] = [Zoom::Day, Zoom::Month, Zoom::Year];

    pub fn as_str(self) -> &'static str {
        match self {
            Zoom::Day => "day",
            Zoom::Month => "month",
            Zoom::Year => "year",
        }
    }
}

/// The order of the quote list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// The quotes most worth reading first: printed by more articles, direct before
    /// partial before reported, a named speaker before an unnamed one; then by date.
    #[default]
    Top,
    /// Oldest first, undated last.
    Date,
}

impl Sort {
    pub const ALL: [Sort; 2] = [Sort::Top, Sort::Date];

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Top => "top",
            Sort::Date => "date",
        }
    }
}

pub const STANCES: [Stance; 3] = [Stance::Claim, Stance::Denial, Stance::Statement];
pub const KINDS: [QuoteKind; 3] = [QuoteKind::Direct, QuoteKind::Partial, QuoteKind::Indirect];

pub fn stance_word(s: Stance) -> &'static str {
    match s {
        Stance::Claim => "claim",
        Stance::Denial => "denial",
        Stance::Statement => "statement",
    }
}

/// A lower-case word for an actor kind ("person", "organization"…).
pub fn actor_kind_word(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "person",
        ActorKind::Organization => "organization",
        ActorKind::Country => "country",
        ActorKind::Group => "group",
        ActorKind::Other => "other",
    }
}

/// The reader's word for a quote kind: indirect speech is "reported".
pub fn kind_word(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Indirect => "reported",
    }
}

/// Everything a shared link must bring back.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct State {
    /// Selected actor ids, in the order picked; items must involve all of them.
    pub actors: Vec<String>,
    /// Stances and kinds shown (any of them), in [`STANCES`] and [`KINDS`] order; empty shows all.
    pub stances: Vec<Stance>,
    pub kinds: Vec<QuoteKind>,
    /// Outlet ids ([`Index::outlet`]), in the order picked; items from any of them show.
    pub outlets: Vec<String>,
    /// First and last day shown, `YYYY-MM-DD`; an item shows when its dates overlap.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Free text the item's words, speaker or sentence must contain (any case).
    pub text: String,
    /// Hide quotes found by a rule that is often wrong on annotated news, and events
    /// whose every quote is such ([`super::why`]).
    pub hide_uncertain: bool,
    pub zoom: Option<Zoom>,
    /// The quote list's order.
    pub sort: Sort,
    pub view: View,
    /// A selected quote (`q3`) or event (`e7`), or the actor of the actor view.
    pub item: Option<String>,
}

impl State {
    /// Whether the actor filter holds the actor `id`.
    pub fn filters_actor(&self, id: &str) -> bool {
        self.actors.iter().any(|a| a == id)
    }

    /// Whether any filter (not the view, zoom or item) is set.
    pub fn is_filtered(&self) -> bool {
        !(self.actors.is_empty()
            && self.stances.is_empty()
            && self.kinds.is_empty()
            && self.outlets.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.text.is_empty()
            && !self.hide_uncertain)
    }

    /// The same view with every filter cleared.
    pub fn unfiltered(&self) -> State {
        State {
            view: self.view,
            zoom: self.zoom,
            sort: self.sort,
            item: self.item.clone(),
            ..State::default()
        }
    }

    /// After a filter changes: the selected quote or event may no longer be listed, so
    /// it is dropped, and the one-article reader gives way to the quote list. The actor
    /// page keeps its actor.
    pub fn refiltered(mut self) -> State {
        match self.view {
            View::Actor => {}
            View::Article => {
                self.view = View::Quotes;
                self.item = None;
            }
            _ => self.item = None,
        }
        self
    }
}

/// The state read from a URL, and what was ignored in it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parsed {
    pub state: State,
    /// One short note per ignored parameter or value, for the page to show.
    pub ignored: Vec<String>,
    /// The site build the link was made on (`build=`), when it names an item.
    pub build: Option<String>,
}

/// What a link's ids are checked against: the whole index natively, the story's manifest
/// in the page (which leaves actors to the engine, since their table may be in parts).
pub trait Known {
    fn actor(&self, id: &str) -> bool;
    fn outlet(&self, id: &str) -> bool;
    /// A quote's or an event's id (`q12`, `e7`).
    fn item(&self, id: &str) -> bool;
}

impl Known for Index {
    fn actor(&self, id: &str) -> bool {
        Index::actor(self, id).is_some()
    }
    fn outlet(&self, id: &str) -> bool {
        Index::outlet(self, id).is_some()
    }
    fn item(&self, id: &str) -> bool {
        self.quote(id).is_some() || self.event(id).is_some()
    }
}

impl Known for crate::store::Manifest {
    fn actor(&self, _id: &str) -> bool {
        true
    }
    fn outlet(&self, id: &str) -> bool {
        self.outlets.iter().any(|o| o.id == id)
    }
    fn item(&self, id: &str) -> bool {
        let n = |prefix: char| {
            id.strip_prefix(prefix).and_then(|n| n.parse::<u32>().ok()).filter(|&n| n >= 1)
        };
        n('q').is_some_and(|n| n <= self.quotes) || n('e').is_some_and(|n| n <= self.events)
    }
}

/// How many notices a link can raise before the rest are only counted.
const MAX_NOTICES: usize = 5;

/// Longest query string read; the rest is ignored with a notice.
const MAX_QUERY_BYTES: usize = 8 * 1024;

/// Longest search text kept, in characters.
const MAX_SEARCH_CHARS: usize = 200;

/// Which end of a date range a partial date (`2017`, `2017-01`) stands for.
#[derive(Clone, Copy)]
enum End {
    First,
    Last,
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, widened to the first or last day it covers.
fn range_date(s: &str, end: End) -> Option<String> {
    let (first, last) = crate::dates::parse_span(s)?;
    let date = match end {
        End::First => first,
        End::Last => last,
    };
    (1000..=9999).contains(&date.year()).then(|| iso_day(date))
}

/// Splits a comma-separated list, dropping empty entries.
fn list(value: &str) -> impl Iterator<Item = &str> {
    value.split(',').map(str::trim).filter(|s| !s.is_empty())
}

/// Adds `value` to a set once: at the end, or in its place in `order` when given.
fn insert<T: PartialEq>(set: &mut Vec<T>, value: T, order: Option<&[T]>) {
    if set.contains(&value) {
        return;
    }
    let place = |v: &T| order.and_then(|o| o.iter().position(|x| x == v));
    let at = match place(&value) {
        Some(rank) => {
            set.iter().position(|v| place(v).is_some_and(|r| r > rank)).unwrap_or(set.len())
        }
        None => set.len(),
    };
    set.insert(at, value);
}

fn note(ignored: &mut Vec<String>, what: &str, value: &str) {
    ignored.push(format!("{what} “{}”", shorten(value)));
}

/// Adds each id of a comma list that `known` accepts, once, in the order given; notes the rest.
fn add_ids(
    value: &str,
    set: &mut Vec<String>,
    known: impl Fn(&str) -> bool,
    what: &str,
    ignored: &mut Vec<String>,
) {
    for id in list(value) {
        if known(id) {
            insert(set, id.to_string(), None);
        } else {
            note(ignored, what, id);
        }
    }
}

/// Adds each word of a comma list that names one of `all`, in `all`'s order; notes the rest.
fn add_words<T: Copy + PartialEq>(
    value: &str,
    set: &mut Vec<T>,
    all: &[T],
    word: fn(T) -> &'static str,
    what: &str,
    ignored: &mut Vec<String>,
) {
    for w in list(value) {
        match all.iter().find(|x| word(**x) == w) {
            Some(&x) => insert(set, x, Some(all)),
            None => note(ignored, what, w),
        }
    }
}

/// Reads a query string (with or without the leading `?`). Never fails: unknown
/// parameters, unknown actors and bad values are dropped and noted.
pub fn parse(query: &str, index: &impl Known) -> Parsed {
    let mut parsed = Parsed::default();
    let mut query = query.strip_prefix('?').unwrap_or(query);
    if query.len() > MAX_QUERY_BYTES {
        let mut cut = MAX_QUERY_BYTES;
        while !query.is_char_boundary(cut) {
            cut -= 1;
        }
        query = &query[..cut];
        parsed
            .ignored
            .push(format!("the link is over {} KB; the rest was ignored", MAX_QUERY_BYTES / 1024));
    }
    let mut seen: Vec<String> = Vec::new();
    let mut item: Option<String> = None;
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        // Single-valued parameters given twice: the last one wins, and the reader is told.
        if matches!(
            key.as_ref(),
            "view" | "item" | "from" | "to" | "q" | "zoom" | "sort" | "uncertain" | "build"
        ) {
            if seen.iter().any(|k| *k == key) {
                parsed.ignored.push(format!(
                    "“{}” was given more than once; the last one is used",
                    shorten(&key)
                ));
            } else {
                seen.push(key.to_string());
            }
        }
        let state = &mut parsed.state;
        match key.as_ref() {
            "actor" => add_ids(
                &value,
                &mut state.actors,
                |id| index.actor(id),
                "unknown actor",
                &mut parsed.ignored,
            ),
            "stance" => add_words(
                &value,
                &mut state.stances,
                &STANCES,
                stance_word,
                "unknown stance",
                &mut parsed.ignored,
            ),
            "kind" => add_words(
                &value,
                &mut state.kinds,
                &KINDS,
                kind_word,
                "unknown kind",
                &mut parsed.ignored,
            ),
            "outlet" => add_ids(
                &value,
                &mut state.outlets,
                |id| index.outlet(id),
                "unknown outlet",
                &mut parsed.ignored,
            ),
            "from" | "to" => {
                let end = if key == "from" { End::First } else { End::Last };
                match range_date(value.trim(), end) {
                    Some(d) if key == "from" => state.from = Some(d),
                    Some(d) => state.to = Some(d),
                    None => note(
                        &mut parsed.ignored,
                        &format!("“{key}” is not a date (YYYY-MM-DD):"),
                        &value,
                    ),
                }
            }
            "q" => {
                let text = value.trim();
                if text.chars().count() > MAX_SEARCH_CHARS {
                    parsed
                        .ignored
                        .push(format!("the search was cut to {MAX_SEARCH_CHARS} characters"));
                }
                state.text =
                    text.chars().take(MAX_SEARCH_CHARS).collect::<String>().trim_end().to_string();
            }
            "zoom" => match Zoom::ALL.iter().find(|z| z.as_str() == value) {
                Some(&z) => state.zoom = Some(z),
                None => note(&mut parsed.ignored, "unknown zoom", &value),
            },
            "uncertain" => match value.as_ref() {
                "hide" => state.hide_uncertain = true,
                "show" => state.hide_uncertain = false,
                _ => note(&mut parsed.ignored, "“uncertain” is “hide” or “show”, not", &value),
            },
            "sort" => match Sort::ALL.iter().find(|o| o.as_str() == value) {
                Some(&o) => state.sort = o,
                None => note(&mut parsed.ignored, "unknown sort", &value),
            },
            "view" => match View::ALL.iter().find(|v| v.as_str() == value) {
                Some(&v) => state.view = v,
                None => note(&mut parsed.ignored, "unknown view", &value),
            },
            "item" => item = Some(value.into_owned()),
            "build" => parsed.build = Some(value.into_owned()),
            "" => {}
            other => note(&mut parsed.ignored, "unknown parameter", other),
        }
    }
    let state = &mut parsed.state;
    if let (Some(from), Some(to)) = (&state.from, &state.to) {
        if from > to {
            std::mem::swap(&mut state.from, &mut state.to);
            parsed.ignored.push("“from” was after “to”; they were swapped".to_string());
        }
    }
    // The item is read against the view, wherever it stood in the link.
    if let Some(item) = item {
        let known = match state.view {
            View::Actor => index.actor(&item),
            _ => index.item(&item),
        };
        if known {
            state.item = Some(item);
        } else {
            note(&mut parsed.ignored, "unknown item", &item);
        }
    }
    let fallback = match state.view {
        View::Article if state.item.is_none() => {
            Some("the article view needs a quote or event; showing quotes")
        }
        View::Actor if state.item.is_none() => {
            Some("the actor view needs an actor; showing quotes")
        }
        _ => None,
    };
    if let Some(why) = fallback {
        state.view = View::Quotes;
        parsed.ignored.push(why.to_string());
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
/// Ids are slugs and item ids are `q`/`e` numbers, so commas stay readable.
pub fn to_query(state: &State) -> String {
    let mut ser = form_urlencoded::Serializer::new(String::new());
    let mut list = |key: &str, words: Vec<&str>| {
        if !words.is_empty() {
            ser.append_pair(key, &words.join(","));
        }
    };
    list("actor", state.actors.iter().map(String::as_str).collect());
    list("stance", state.stances.iter().map(|s| stance_word(*s)).collect());
    list("kind", state.kinds.iter().map(|k| kind_word(*k)).collect());
    list("outlet", state.outlets.iter().map(String::as_str).collect());
    let pairs = [
        ("from", state.from.as_deref()),
        ("to", state.to.as_deref()),
        ("q", Some(state.text.as_str()).filter(|t| !t.is_empty())),
        ("uncertain", state.hide_uncertain.then_some("hide")),
        ("zoom", state.zoom.map(Zoom::as_str)),
        ("sort", Some(state.sort.as_str()).filter(|_| state.sort != Sort::Top)),
        ("view", Some(state.view.as_str()).filter(|_| state.view != View::Timeline)),
        ("item", state.item.as_deref()),
    ];
    for (key, value) in pairs {
        if let Some(value) = value {
            ser.append_pair(key, value);
        }
    }
    let q = ser.finish().replace("%2C", ",");
    if q.is_empty() {
        q
    } else {
        format!("?{q}")
    }
}

/// Adds or removes one value of a multi-valued filter, clearing the selected item.
pub fn toggled<T: PartialEq + Clone>(
    state: &State,
    pick: impl Fn(&mut State) -> &mut Vec<T>,
    value: T,
    order: Option<&[T]>,
) -> State {
    let mut next = state.clone();
    let set = pick(&mut next);
    match set.iter().position(|v| *v == value) {
        Some(pos) => {
            set.remove(pos);
        }
        None => insert(set, value, order),
    }
    next.refiltered()
}

/// Adds or removes one actor from the selection.
pub fn toggle_actor(state: &State, id: &str) -> State {
    toggled(state, |s| &mut s.actors, id.to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_widen_to_the_days_they_cover() {
        assert_eq!(range_date("2017", End::First).as_deref(), Some("2017-01-01"));
        assert_eq!(range_date("2017", End::Last).as_deref(), Some("2017-12-31"));
        assert_eq!(range_date("2016-02", End::Last).as_deref(), Some("2016-02-29"));
        assert_eq!(range_date("2017-01-23", End::Last).as_deref(), Some("2017-01-23"));
        for bad in ["2017-02-30", "2017-13", "99999", "17", "2017/01", "0000", "abcd", "2017-1-5"] {
            assert_eq!(range_date(bad, End::First), None, "{bad}");
        }
    }
}
