//! What a state shows, computed from the parts of the story at hand: the quote cards and
//! timeline events it lists, in order, with every facet's count, and the parts still
//! needed. Pure: the page calls [`answer`] again as parts arrive; the site writer calls it
//! on a catalog holding every part to make the answers the page starts from.
//!
//! The unfiltered state's answer is in the manifest. Any filter narrows through one kind of
//! part, chosen in this order: an actor's page (the facts of everything involving them),
//! the word index (then the facts of the matching items), the facts of the months a date
//! range covers, the outlets' parts; with only stance, kind or certainty, every facts chunk.
//! Counts are exact whenever the parts they read are at hand; until then the answer says
//! it is partial.

use std::collections::HashMap;

use super::state::{State, View, Zoom};
use super::{Sort, KINDS, STANCES};
use crate::extract::{QuoteKind, Stance};
use crate::store::catalog::{Catalog, Site};
use crate::store::{
    flags, Bar, CardIds, Counts, Day, EventFact, IdRanges, Listed, PartName, QuoteFact, Rest,
    FACT_CHUNK, PAGE,
};

/// One contested item.
#[derive(Debug, Clone, PartialEq)]
pub enum Contest {
    /// A claim and the quotes that deny it.
    Denied { claim: u32, denials: Vec<u32> },
    /// Words given to a different speaker by each article: the words, and the quotes.
    Speakers { text: String, quotes: Vec<u32> },
}

/// A list of quote cards: the cards known so far, in order, and the chunks of the rest.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cards {
    pub total: usize,
    pub cards: Vec<CardIds>,
    pub rest: Vec<PartName>,
}

/// What a state shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Answer {
    /// Quotes the filters leave, before identical words share a card.
    pub quote_total: usize,
    pub cards: Cards,
    /// The timeline's events: (earlier, around, within, later, undated), each in date order.
    pub timeline: [Listed; 5],
    pub event_total: usize,
    /// The overview strip over the events within the story's period, and the zoom the page
    /// picks for them.
    pub bars: Vec<Bar>,
    pub zoom: Zoom,
    /// The counts of the view's own list: events on the timeline, quotes elsewhere.
    pub counts: Counts,
    pub contested: Vec<Contest>,
    /// Parts to fetch for a complete answer, most needed first.
    pub need: Vec<PartName>,
    /// The lists or counts are incomplete until `need` arrive.
    pub partial: bool,
    /// Actor ids of the link that name no actor of this story.
    pub unknown_actors: Vec<String>,
}

/// The reason bits [`super::select`] uses, and one more: the engine checks actors per item,
/// where `select` narrows by them first.
use super::{intersect, DATES, KIND, OUTLET, STANCE, TEXT, UNCERTAIN};
const ACTORS: u8 = 64;

/// How many busiest actors an answer counts for the actor filter.
const COUNTED_ACTORS: usize = 100;

/// How much of an answer the page shows: cards and events (a page at a time, more on
/// demand) and which of the timeline's folds (earlier, around, later) are open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    pub cards: usize,
    pub events: usize,
    pub folds: [bool; 3],
}

impl Default for Shown {
    fn default() -> Shown {
        Shown { cards: PAGE, events: PAGE, folds: [false; 3] }
    }
}

/// The first `n` cards an answer lists, and the part that holds the next ones when it is
/// not at hand.
pub fn cards_upto(cat: &Catalog, cards: &Cards, n: usize) -> (Vec<CardIds>, Option<PartName>) {
    let mut out: Vec<CardIds> = cards.cards.iter().take(n).cloned().collect();
    for part in &cards.rest {
        if out.len() >= n {
            break;
        }
        match cat.order(part) {
            Some(chunk) => out.extend(chunk.cards.iter().take(n - out.len()).cloned()),
            None => return (out, Some(part.clone())),
        }
    }
    (out, None)
}

/// The first `n` ids of a list, and the part that holds the next ones when it is not at hand.
pub fn listed_upto(cat: &Catalog, list: &Listed, n: usize) -> (Vec<u32>, Option<PartName>) {
    let mut out: Vec<u32> = list.first.iter().take(n).copied().collect();
    match &list.rest {
        Rest::None => {}
        Rest::Range(from, to) => {
            // Only events the story has facts for: a damaged manifest asks for no more.
            let known = u32::try_from(cat.manifest.parts.event_facts.len() * FACT_CHUNK)
                .unwrap_or(u32::MAX);
            let more = u32::try_from(n.saturating_sub(out.len())).unwrap_or(u32::MAX);
            out.extend(*from..(*to).min(known).min(from.saturating_add(more)));
        }
        Rest::Chunks(_, parts) => {
            for part in parts {
                if out.len() >= n {
                    break;
                }
                match cat.ids(part) {
                    Some(ids) => out.extend(ids.iter().take(n - out.len())),
                    None => return (out, Some(part.clone())),
                }
            }
        }
    }
    (out, None)
}

/// A list's first and last ids, where the list itself says them.
fn list_ends(list: &Listed) -> [Option<u32>; 2] {
    let last = match &list.rest {
        Rest::Range(from, to) if to > from => Some(to - 1),
        Rest::None => list.first.last().copied(),
        _ => None,
    };
    [list.first.first().copied(), last]
}

/// The timeline's lists in the order the page draws them, with whether each is a fold
/// (and which): earlier, around, within, later, undated.
pub const TIMELINE_ORDER: [(usize, Option<usize>); 5] =
    [(0, Some(0)), (1, Some(1)), (2, None), (3, Some(2)), (4, None)];

/// The events the timeline draws for `shown`: each list's first ids, folds only when open,
/// `shown.events` in all; and the parts that hold the ones not at hand.
pub fn timeline_upto(
    cat: &Catalog,
    answer: &Answer,
    shown: &Shown,
) -> ([Vec<u32>; 5], Vec<PartName>) {
    let mut lists: [Vec<u32>; 5] = Default::default();
    let mut need = Vec::new();
    let mut left = shown.events;
    for (list, fold) in TIMELINE_ORDER {
        if fold.is_some_and(|f| !shown.folds[f]) {
            continue;
        }
        let (ids, missing) = listed_upto(cat, &answer.timeline[list], left);
        left -= ids.len();
        lists[list] = ids;
        need.extend(missing);
    }
    (lists, need)
}

/// Every part the page needs to draw `state`'s view of `answer` as far as `shown` goes, that
/// is not at hand: the answer's own, the cards and events on screen, the article or the
/// actor the view opens, and the names of the actors the filter lists.
pub fn wanted(cat: &Catalog, state: &State, answer: &Answer, shown: &Shown) -> Vec<PartName> {
    let mut need: Vec<PartName> = answer.need.clone();
    let mut add = |part: Option<&PartName>| {
        if let Some(p) = part {
            if !need.contains(p) {
                need.push(p.clone());
            }
        }
    };
    let quote_card = |id: u32, add: &mut dyn FnMut(Option<&PartName>)| {
        if let Err(p) = cat.quote_card(id) {
            add(p);
        }
    };
    match state.view {
        View::Timeline => {
            let (lists, parts) = timeline_upto(cat, answer, shown);
            parts.iter().for_each(|p| add(Some(p)));
            // A closed fold still says what span it covers: its first and last events.
            let ends = TIMELINE_ORDER
                .iter()
                .filter(|(_, fold)| fold.is_some())
                .flat_map(|(l, _)| list_ends(&answer.timeline[*l]));
            for id in lists.iter().flatten().copied().chain(ends.flatten()) {
                if let Err(p) = cat.event_card(id) {
                    add(p);
                }
            }
        }
        View::Quotes => {
            let (cards, part) = cards_upto(cat, &answer.cards, shown.cards);
            add(part.as_ref());
            for c in &cards {
                let copies = c.copies.iter().take(SHOWN_COPIES).copied();
                for id in std::iter::once(c.card).chain(copies) {
                    quote_card(id, &mut add);
                }
            }
        }
        View::Contested => {
            for c in &answer.contested {
                let ids: Vec<u32> = match c {
                    Contest::Denied { claim, denials } => {
                        std::iter::once(*claim).chain(denials.iter().copied()).collect()
                    }
                    Contest::Speakers { quotes, .. } => quotes.clone(),
                };
                ids.into_iter().for_each(|id| quote_card(id, &mut add));
            }
        }
        View::Article => {
            let item = state.item.as_deref().unwrap_or_default();
            match cat.site_of(item) {
                Err(p) => add(Some(p)),
                Ok(None) => {}
                Ok(Some(site)) => {
                    let article = match site {
                        Site::Quote(q) => cat.quote_fact(q).map(|f| f.article),
                        Site::Event(e) => cat.event_fact(e).map(|f| f.article),
                    };
                    match article {
                        Ok(a) => {
                            if let Err(p) = cat.article(a) {
                                add(p);
                            }
                        }
                        Err(p) => add(p),
                    }
                }
            }
        }
        View::Actor => {
            let item = state.item.as_deref().unwrap_or_default();
            match cat.actor_by_slug(item) {
                Err(p) => add(Some(p)),
                Ok(None) => {}
                Ok(Some(a)) => match cat.actor_page(a) {
                    Ok(page) => {
                        for id in actor_quotes(page, a).take(ACTOR_QUOTES) {
                            quote_card(id, &mut add);
                        }
                    }
                    Err(p) => add(p),
                },
            }
        }
    }
    for &(a, _) in &answer.counts.actors {
        if let Err(p) = cat.actor_info(a) {
            add(p);
        }
    }
    need
}

/// How many of a card's other reports it lists (the rest are counted): the words are the
/// same, and a wire story can be printed by hundreds of outlets.
pub const SHOWN_COPIES: usize = 5;

/// How many of an actor's quotes their page lists; the quote list has the rest.
pub const ACTOR_QUOTES: usize = 50;

/// The quotes actor `a` said, in date order, from their page.
pub fn actor_quotes(page: &crate::store::ActorPage, a: u32) -> impl Iterator<Item = u32> + '_ {
    page.quotes.iter().filter(move |(_, f)| f.speaker == Some(a)).map(|(id, _)| *id)
}

/// Whether `state` filters anything.
fn filtered(state: &State) -> bool {
    state.is_filtered()
}

/// The state's answer from the parts at hand: the manifest's for the unfiltered state.
pub fn answer(cat: &Catalog, state: &State) -> Answer {
    if filtered(state) {
        compute(cat, state)
    } else {
        unfiltered(cat, state, state.view == View::Timeline)
    }
}

/// The state's answer computed from facts, whatever it filters: with nothing filtered,
/// from every facts chunk (the site writer's way to make the manifest's answers).
pub fn compute(cat: &Catalog, state: &State) -> Answer {
    let on_timeline = state.view == View::Timeline;
    let m = &cat.manifest;
    let mut need: Vec<PartName> = Vec::new();
    let mut partial = false;
    let missing = |part: Option<&PartName>, need: &mut Vec<PartName>| {
        if let Some(p) = part {
            if !need.contains(p) {
                need.push(p.clone());
            }
        }
    };

    // The selected actors, by number.
    let mut actors: Vec<u32> = Vec::new();
    let mut unknown = Vec::new();
    let mut unresolved = false;
    for id in &state.actors {
        match cat.actor_by_slug(id) {
            Ok(Some(a)) => actors.push(a),
            Ok(None) => unknown.push(id.clone()),
            Err(part) => {
                missing(Some(part), &mut need);
                unresolved = true;
            }
        }
    }
    // Words of the search, and the items that hold them all.
    let words: Vec<String> = crate::store::words(&state.text).collect();
    let mut matched: Option<(Vec<u32>, Vec<u32>)> = None;
    let mut words_pending = false;
    for w in &words {
        match cat.word(w) {
            Ok((q, e)) => {
                matched = Some(match matched {
                    None => (q, e),
                    Some((mq, me)) => (intersect(&mq, &q), intersect(&me, &e)),
                });
            }
            Err(part) => {
                missing(Some(part), &mut need);
                words_pending = true;
            }
        }
    }
    if !words.is_empty() && matched.is_none() {
        matched = Some((Vec::new(), Vec::new()));
    }
    let outlets: Vec<u32> = state
        .outlets
        .iter()
        .filter_map(|id| m.outlets.iter().position(|o| o.id == *id))
        .filter_map(|o| u32::try_from(o).ok())
        .collect();
    let from = state.from.as_deref().and_then(crate::dates::parse_day).map(crate::store::day);
    let to = state.to.as_deref().and_then(crate::dates::parse_day).map(crate::store::day);
    let any_dates = from.is_some() || to.is_some();

    // The candidates: the facts of a superset of what the filters let through.
    let mut quotes: Vec<(u32, &QuoteFact)> = Vec::new();
    let mut events: Vec<(u32, &EventFact)> = Vec::new();
    // Whether the candidates hold every item of the other outlets (else outlet counts
    // come from the manifest's cells).
    let mut every_outlet = true;
    let busiest_first = |a: &u32| cat.actor_info(*a).map_or(u32::MAX, |i| i.quotes + i.events);
    let smallest_actor = actors.iter().copied().min_by_key(|a| busiest_first(a));
    if !unknown.is_empty() || unresolved {
        // An actor the story does not have lists nothing; one not yet looked up waits.
        partial |= unresolved;
    } else if let Some(a) = smallest_actor {
        match cat.actor_page(a) {
            Ok(page) => {
                quotes.extend(page.quotes.iter().map(|(i, f)| (*i, f)));
                events.extend(page.events.iter().map(|(i, f)| (*i, f)));
            }
            Err(part) => {
                missing(part, &mut need);
                partial = true;
            }
        }
    } else if let Some((q, e)) = &matched {
        for &id in q {
            match cat.quote_fact(id) {
                Ok(f) => quotes.push((id, f)),
                Err(part) => {
                    missing(part, &mut need);
                    partial = true;
                }
            }
        }
        for &id in e {
            match cat.event_fact(id) {
                Ok(f) => events.push((id, f)),
                Err(part) => {
                    missing(part, &mut need);
                    partial = true;
                }
            }
        }
    } else if any_dates {
        let (quote_ranges, event_ranges) = month_ranges(cat, from, to);
        partial |= chunk_facts(cat, &quote_ranges, true, &mut quotes, &mut Vec::new(), &mut need);
        partial |= chunk_facts(cat, &event_ranges, false, &mut Vec::new(), &mut events, &mut need);
    } else if !outlets.is_empty() {
        every_outlet = false;
        for &o in &outlets {
            match cat.outlet_items(o) {
                Ok(items) => {
                    quotes.extend(items.quotes.iter().map(|(i, f)| (*i, f)));
                    events.extend(items.events.iter().map(|(i, f)| (*i, f)));
                }
                Err(part) => {
                    missing(part, &mut need);
                    partial = true;
                }
            }
        }
        quotes = order_by(quotes, |(i, _)| u64::from(*i));
        events = order_by(events, |(i, _)| u64::from(*i));
    } else {
        let all_quotes = [(0, m.quotes)];
        let all_events = [(0, m.events)];
        partial |= chunk_facts(cat, &all_quotes, true, &mut quotes, &mut Vec::new(), &mut need);
        partial |= chunk_facts(cat, &all_events, false, &mut Vec::new(), &mut events, &mut need);
    }
    partial |= words_pending;

    let in_range = |days: Option<(Day, Day)>| match days {
        None => false,
        Some((first, last)) => from.is_none_or(|f| last >= f) && to.is_none_or(|t| first <= t),
    };
    let has_actors = |list: &[u32]| actors.iter().all(|a| list.binary_search(a).is_ok());
    let nobody = !unknown.is_empty();
    let stance_ok = |f: u8| state.stances.is_empty() || state.stances.contains(&flags::stance(f));
    let kind_ok = |f: u8| state.kinds.is_empty() || state.kinds.contains(&flags::kind(f));
    let quote_misses = |id: u32, f: &QuoteFact| -> u8 {
        let mut misses = 0;
        if !stance_ok(f.flags) {
            misses |= STANCE;
        }
        if !kind_ok(f.flags) {
            misses |= KIND;
        }
        if !outlets.is_empty() && !outlets.contains(&f.outlet) {
            misses |= OUTLET;
        }
        if any_dates && !in_range(f.days) {
            misses |= DATES;
        }
        if matched.as_ref().is_some_and(|(q, _)| q.binary_search(&id).is_err()) {
            misses |= TEXT;
        }
        if f.flags & flags::UNCERTAIN != 0 {
            misses |= UNCERTAIN;
        }
        if nobody || !has_actors(&f.actors) {
            misses |= ACTORS;
        }
        misses
    };
    let event_misses = |id: u32, f: &EventFact| -> u8 {
        let mut misses = 0;
        let any_words_filter = !state.stances.is_empty() || !state.kinds.is_empty();
        if any_words_filter && !f.said.iter().any(|&s| stance_ok(s) && kind_ok(s)) {
            misses |= STANCE | KIND;
        }
        if !outlets.is_empty() && !outlets.contains(&f.outlet) {
            misses |= OUTLET;
        }
        if any_dates && !in_range(f.days) {
            misses |= DATES;
        }
        if matched.as_ref().is_some_and(|(_, e)| e.binary_search(&id).is_err()) {
            misses |= TEXT;
        }
        if f.all_uncertain() {
            misses |= UNCERTAIN;
        }
        if nobody || !has_actors(&f.actors) {
            misses |= ACTORS;
        }
        misses
    };
    let hidden = |misses: u8| if state.hide_uncertain { misses } else { misses & !UNCERTAIN };

    let mut counts = Counts::default();
    let mut outlet_counts: HashMap<u32, u32> = HashMap::new();
    let mut visible: Vec<(u32, &QuoteFact)> = Vec::new();
    for &(id, f) in &quotes {
        let all = quote_misses(id, f);
        if !on_timeline {
            if all & !UNCERTAIN == 0 && all & UNCERTAIN != 0 {
                counts.uncertain += 1;
            }
            let misses = hidden(all);
            if misses & !STANCE == 0 {
                counts.stances[stance_slot(flags::stance(f.flags))] += 1;
            }
            if misses & !KIND == 0 {
                counts.kinds[kind_slot(flags::kind(f.flags))] += 1;
            }
            if misses & !OUTLET == 0 {
                *outlet_counts.entry(f.outlet).or_default() += 1;
            }
        }
        if hidden(all) == 0 {
            visible.push((id, f));
        }
    }
    let mut shown_events: Vec<(u32, &EventFact)> = Vec::new();
    for &(id, f) in &events {
        let all = event_misses(id, f);
        if on_timeline {
            if all & !UNCERTAIN == 0 && all & UNCERTAIN != 0 {
                counts.uncertain += 1;
            }
            let misses = hidden(all);
            if misses & !(STANCE | KIND) == 0 {
                for (i, stance) in STANCES.iter().enumerate() {
                    if f.said.iter().any(|&s| flags::stance(s) == *stance && kind_ok(s)) {
                        counts.stances[i] += 1;
                    }
                }
                for (i, kind) in KINDS.iter().enumerate() {
                    if f.said.iter().any(|&s| flags::kind(s) == *kind && stance_ok(s)) {
                        counts.kinds[i] += 1;
                    }
                }
            }
            if misses & !OUTLET == 0 {
                *outlet_counts.entry(f.outlet).or_default() += 1;
            }
        }
        if hidden(all) == 0 {
            shown_events.push((id, f));
        }
    }
    if !every_outlet {
        outlet_counts = cell_outlet_counts(cat, state, on_timeline);
    }
    counts.outlets = ranked(outlet_counts.into_iter().collect(), &outlets);

    // Actor counts: the listed items' own actors.
    let mut per_actor: HashMap<u32, u32> = HashMap::new();
    let involved: Box<dyn Iterator<Item = &Vec<u32>>> = if on_timeline {
        Box::new(shown_events.iter().map(|(_, f)| &f.actors))
    } else {
        Box::new(visible.iter().map(|(_, f)| &f.actors))
    };
    for list in involved {
        for &a in list {
            *per_actor.entry(a).or_default() += 1;
        }
    }
    let mut actor_counts = ranked(per_actor.into_iter().collect(), &actors);
    actor_counts.truncate(COUNTED_ACTORS.max(actors.len()));
    counts.actors = actor_counts;

    let window = m.window;
    let quote_total = visible.len();
    let cards = group_cards(&visible, state.sort, window);
    let event_total = shown_events.len();
    // A date range in the link shows just that range; otherwise the story's own period.
    let (timeline, bars, zoom) = timeline_of(&shown_events, if any_dates { None } else { window });
    let contested = contested(cat, state, &visible, &mut need, &mut partial);
    Answer {
        quote_total,
        cards: Cards { total: cards.len(), cards, rest: Vec::new() },
        timeline,
        event_total,
        bars,
        zoom,
        counts,
        contested,
        need,
        partial,
        unknown_actors: unknown,
    }
}

/// The manifest's answer to the unfiltered state.
fn unfiltered(cat: &Catalog, state: &State, on_timeline: bool) -> Answer {
    let d = &cat.manifest.default;
    let (cards, rest) = match state.sort {
        Sort::Top => (&d.top, &d.top_rest),
        Sort::Date => (&d.by_date, &d.by_date_rest),
    };
    let mut need = Vec::new();
    let mut partial = false;
    let contested = match cat.contested() {
        Ok(c) => c
            .denied
            .iter()
            .map(|(claim, denials)| Contest::Denied { claim: *claim, denials: denials.clone() })
            .chain(c.conflicts.iter().map(|(text, quotes)| Contest::Speakers {
                text: text.clone(),
                quotes: quotes.clone(),
            }))
            .collect(),
        Err(part) => {
            need.extend(part.cloned());
            partial = true;
            Vec::new()
        }
    };
    Answer {
        quote_total: d.quote_total as usize,
        cards: Cards { total: d.cards as usize, cards: cards.clone(), rest: rest.clone() },
        timeline: d.timeline.clone(),
        event_total: d.timeline.iter().map(|l| l.total as usize).sum(),
        bars: d.bars.clone(),
        zoom: zoom_of(d.zoom),
        counts: if on_timeline { d.timeline_counts.clone() } else { d.quote_counts.clone() },
        contested,
        need,
        partial,
        unknown_actors: Vec::new(),
    }
}

/// The zoom a number stands for in the manifest.
pub fn zoom_of(code: u8) -> Zoom {
    match code {
        0 => Zoom::Day,
        1 => Zoom::Month,
        _ => Zoom::Year,
    }
}

pub fn zoom_code(zoom: Zoom) -> u8 {
    match zoom {
        Zoom::Day => 0,
        Zoom::Month => 1,
        Zoom::Year => 2,
    }
}

fn stance_slot(s: Stance) -> usize {
    STANCES.iter().position(|x| *x == s).unwrap_or(0)
}

fn kind_slot(k: QuoteKind) -> usize {
    KINDS.iter().position(|x| *x == k).unwrap_or(0)
}

/// Non-zero counts (and the selected ones), busiest first, then by number.
fn ranked(counts: Vec<(u32, u32)>, selected: &[u32]) -> Vec<(u32, u32)> {
    let mut items: Vec<(u32, u32)> = counts.into_iter().filter(|&(_, n)| n > 0).collect();
    for &s in selected {
        if !items.iter().any(|&(i, _)| i == s) {
            items.push((s, 0));
        }
    }
    order_by(items, |&(i, n)| u64::from(u32::MAX - n) << 32 | u64::from(i))
}

/// The id ranges of quotes and events whose months may overlap `from..=to`: a month's
/// items start in it and reach as far as it says.
fn month_ranges(cat: &Catalog, from: Option<Day>, to: Option<Day>) -> (IdRanges, IdRanges) {
    let mut quotes = Vec::new();
    let mut events = Vec::new();
    for month in &cat.manifest.months {
        let starts = month_start(month.month);
        let reaches_from = from.is_none_or(|f| month.reaches >= f);
        let starts_by = to.is_none_or(|t| starts <= t);
        if reaches_from && starts_by {
            quotes.push(month.quotes);
            events.push(month.events);
        }
    }
    (quotes, events)
}

/// The first day of month `m` (`year * 12 + month - 1`).
fn month_start(m: i32) -> Day {
    let (year, month) = (m.div_euclid(12), m.rem_euclid(12) + 1);
    jiff::civil::Date::new(i16::try_from(year).unwrap_or(1970), i8::try_from(month).unwrap_or(1), 1)
        .map_or(0, crate::store::day)
}

/// The facts of the ids in `ranges`, from their chunks; true when a chunk is missing.
fn chunk_facts<'c>(
    cat: &'c Catalog,
    ranges: &[(u32, u32)],
    of_quotes: bool,
    quotes: &mut Vec<(u32, &'c QuoteFact)>,
    events: &mut Vec<(u32, &'c EventFact)>,
    need: &mut Vec<PartName>,
) -> bool {
    let mut partial = false;
    for &(from, to) in ranges {
        let mut id = from;
        while id < to {
            let chunk_end = ((id as usize / FACT_CHUNK + 1) * FACT_CHUNK).min(to as usize) as u32;
            let found = if of_quotes {
                cat.quote_fact(id).map(|_| ()).map_err(Option::<&PartName>::cloned)
            } else {
                cat.event_fact(id).map(|_| ()).map_err(Option::<&PartName>::cloned)
            };
            match found {
                Ok(()) => {
                    for i in id..chunk_end {
                        if of_quotes {
                            if let Ok(f) = cat.quote_fact(i) {
                                quotes.push((i, f));
                            }
                        } else if let Ok(f) = cat.event_fact(i) {
                            events.push((i, f));
                        }
                    }
                }
                Err(part) => {
                    if let Some(p) = part {
                        if !need.contains(&p) {
                            need.push(p);
                        }
                    }
                    partial = true;
                }
            }
            id = chunk_end;
        }
    }
    partial
}

/// Outlet counts from the manifest's cells, for a state whose only narrowing filter is
/// the outlet: what each outlet would list with the stance, kind and certainty filters.
fn cell_outlet_counts(cat: &Catalog, state: &State, on_timeline: bool) -> HashMap<u32, u32> {
    let m = &cat.manifest;
    let stance_ok = |f: u8| state.stances.is_empty() || state.stances.contains(&flags::stance(f));
    let kind_ok = |f: u8| state.kinds.is_empty() || state.kinds.contains(&flags::kind(f));
    let mut counts: HashMap<u32, u32> = HashMap::new();
    if on_timeline {
        let any = !state.stances.is_empty() || !state.kinds.is_empty();
        for &(mask, all_uncertain, outlet, n) in &m.event_cells {
            // A pair bit stands for (kind, stance): bit kind * 3 + stance.
            let passes = !any
                || (0..9u8).any(|bit| {
                    mask & (1 << bit) != 0 && {
                        let f = (bit / 3) | (bit % 3) << 2;
                        stance_ok(f) && kind_ok(f)
                    }
                });
            if passes && !(state.hide_uncertain && all_uncertain) {
                *counts.entry(outlet).or_default() += n;
            }
        }
    } else {
        for &(f, outlet, n) in &m.quote_cells {
            let hidden = state.hide_uncertain && f & flags::UNCERTAIN != 0;
            if stance_ok(f) && kind_ok(f) && !hidden {
                *counts.entry(outlet).or_default() += n;
            }
        }
    }
    counts
}

/// Quoted words shorter than this rank after longer ones in the top order.
pub const MEATY_QUOTE_BYTES: usize = 24;

/// Where an item stands against the story's window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// All its days come before the window.
    Earlier,
    /// Dated only to a stretch that starts before the window and reaches into it.
    Around,
    /// It starts inside the window.
    Within,
    /// All its days come after the window.
    Later,
    Undated,
}

/// Where `days` stand against `window`; with no window every dated item is within.
pub fn placement(days: Option<(Day, Day)>, window: Option<(Day, Day)>) -> Placement {
    match (days, window) {
        (None, _) => Placement::Undated,
        (Some(_), None) => Placement::Within,
        (Some((_, last)), Some((start, _))) if last < start => Placement::Earlier,
        (Some((first, _)), Some((start, _))) if first < start => Placement::Around,
        (Some((first, _)), Some((_, end))) if first > end => Placement::Later,
        _ => Placement::Within,
    }
}

/// Visible quotes (in id order) grouped into cards, the first of each group the card, in
/// the order `sort` asks for.
pub fn group_cards(
    visible: &[(u32, &QuoteFact)],
    sort: Sort,
    window: Option<(Day, Day)>,
) -> Vec<CardIds> {
    let mut card_of_group: HashMap<u32, usize> = HashMap::with_capacity(visible.len());
    let mut cards: Vec<CardIds> = Vec::new();
    let mut facts: Vec<&QuoteFact> = Vec::new();
    let mut outlets: Vec<Vec<u32>> = Vec::new();
    for &(id, f) in visible {
        match card_of_group.get(&f.group) {
            Some(&card) => {
                cards[card].copies.push(id);
                if !outlets[card].contains(&f.outlet) {
                    outlets[card].push(f.outlet);
                }
            }
            None => {
                card_of_group.insert(f.group, cards.len());
                cards.push(CardIds { card: id, copies: Vec::new() });
                facts.push(f);
                outlets.push(vec![f.outlet]);
            }
        }
    }
    if sort == Sort::Top {
        let key = |c: usize| -> u64 {
            let f = facts[c];
            top_key(TopFacts {
                slight: f.flags & flags::SLIGHT != 0,
                outlets: outlets[c].len(),
                kind: flags::kind(f.flags),
                speaker: match flags::speaker(f.flags) {
                    1 => 0,
                    2 => 1,
                    _ => 2,
                },
                placement: f.event.map(|_| placement(f.days, window)),
                date_rank: f.event.unwrap_or(u32::MAX),
            })
        };
        let order = order_by((0..cards.len()).collect(), |&c| key(c));
        let mut slots: Vec<Option<CardIds>> = cards.into_iter().map(Some).collect();
        return order.into_iter().filter_map(|c| slots[c].take()).collect();
    }
    cards
}

/// What the top order reads of a card.
pub struct TopFacts {
    /// Fewer than [`MEATY_QUOTE_BYTES`] of words.
    pub slight: bool,
    /// Outlets that printed the words.
    pub outlets: usize,
    pub kind: QuoteKind,
    /// 0: a named speaker; 1: a group; 2: none.
    pub speaker: u8,
    /// Where the words' event stands against the story's window; `None` without an event.
    pub placement: Option<Placement>,
    pub date_rank: u32,
}

/// Sorts `keys`. Every sort of the page goes through this one instantiation of the
/// standard sort, as each costs kilobytes of wasm: callers pack their order into a `u128`.
pub fn sort_packed(keys: &mut [u128]) {
    keys.sort_unstable();
}

/// `items` in the order of `key`, ties in the order they came ([`sort_packed`] on the key
/// and the position).
pub fn order_by<T>(items: Vec<T>, key: impl Fn(&T) -> u64) -> Vec<T> {
    let mut keys: Vec<u128> = items
        .iter()
        .enumerate()
        .map(|(at, item)| u128::from(key(item)) << 64 | at as u128)
        .collect();
    sort_packed(&mut keys);
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    keys.into_iter().filter_map(|k| slots[k as u64 as usize].take()).collect()
}

/// A card's key in the top order, smallest first. A few words are seldom worth reading
/// first, however often they were printed; then most outlets (a 16-bit field), kind, a
/// named speaker, words said in the story's own period before those about other times,
/// and date.
pub fn top_key(t: TopFacts) -> u64 {
    let fewer_outlets = 0xFFFF - t.outlets.min(0xFFFF) as u64;
    let when = match t.placement {
        Some(Placement::Within) => 0,
        Some(Placement::Around) => 1,
        None | Some(Placement::Undated) => 2,
        Some(Placement::Earlier | Placement::Later) => 3,
    };
    u64::from(t.slight) << 63
        | fewer_outlets << 40
        | (kind_slot(t.kind) as u64) << 36
        | u64::from(t.speaker) << 34
        | when << 32
        | u64::from(t.date_rank)
}

/// The most headings a zoom may make before the page picks a coarser one.
const MOST_AUTO_GROUPS: usize = 60;

/// What an event's heading is at `zoom`, as a key: events with the same key share a heading.
pub fn group_key(granularity: u8, first: Day, zoom: Zoom) -> (u8, i32) {
    let date = crate::store::date(first);
    let month = date.map_or(0, crate::store::month_of);
    let year = date.map_or(0, |d| i32::from(d.year()));
    match (zoom, granularity) {
        // Day, week and month dates head by month at the month zoom.
        (Zoom::Month, 1..=3) => (0, month),
        // Decades keep their own heading at the year zoom, and the day and month zooms head
        // every other date by itself.
        (Zoom::Year, 7) | (Zoom::Day | Zoom::Month, _) => (granularity, first),
        (Zoom::Year, _) => (8, year),
    }
}

/// The finest zoom that keeps the headings few, for date-ordered events.
pub fn auto_zoom(events: &[(u8, Day)]) -> Zoom {
    for zoom in [Zoom::Day, Zoom::Month] {
        let mut groups = 0;
        let mut last = None;
        for &(granularity, first) in events {
            let key = Some(group_key(granularity, first, zoom));
            if key != last {
                groups += 1;
                last = key;
            }
            if groups > MOST_AUTO_GROUPS {
                break;
            }
        }
        if groups <= MOST_AUTO_GROUPS {
            return zoom;
        }
    }
    Zoom::Year
}

/// Date-ordered events split by [`placement`], the overview strip over those within, and
/// the zoom for them.
fn timeline_of(
    events: &[(u32, &EventFact)],
    window: Option<(Day, Day)>,
) -> ([Listed; 5], Vec<Bar>, Zoom) {
    let mut parts: [Vec<u32>; 5] = Default::default();
    let mut within: Vec<(u8, Day)> = Vec::new();
    for &(id, f) in events {
        let slot = match placement(f.days, window) {
            Placement::Earlier => 0,
            Placement::Around => 1,
            Placement::Within => 2,
            Placement::Later => 3,
            Placement::Undated => 4,
        };
        if slot == 2 {
            if let Some((first, _)) = f.days {
                within.push((f.granularity, first));
            }
        }
        parts[slot].push(id);
    }
    let lists = parts.map(|ids| Listed { total: ids.len() as u32, first: ids, rest: Rest::None });
    let firsts: Vec<Day> = within.iter().map(|&(_, first)| first).collect();
    (lists, bars(&firsts), auto_zoom(&within))
}

/// The most bars the strip draws before it moves to a coarser unit.
const MOST_BARS: i64 = 240;

/// Bars from the first to the last day, empty stretches included: by day for a couple of
/// months, else by month, else by year, else by decade.
pub fn bars(days: &[Day]) -> Vec<Bar> {
    use crate::dates;
    use jiff::civil::Date;
    let (Some(&min), Some(&max)) = (days.iter().min(), days.iter().max()) else {
        return Vec::new();
    };
    let (Some(min), Some(max)) = (crate::store::date(min), crate::store::date(max)) else {
        return Vec::new();
    };
    let months = |d: Date| i64::from(d.year()) * 12 + i64::from(d.month()) - 1;
    type Unit = (fn(Date) -> Option<Date>, fn(Date) -> Option<Date>, fn(Date) -> String);
    let unit: Unit = if dates::days_between(min, max) <= 62 {
        (Some, Some, crate::dates::day_label)
    } else if months(max) - months(min) < MOST_BARS {
        (
            |d| Some(dates::first_of_month(d)),
            |d| Some(dates::last_of_month(d)),
            |d| format!("{} {}", crate::dates::month_abbr(d), d.year()),
        )
    } else if i64::from(max.year() - min.year()) < MOST_BARS {
        (
            |d| Date::new(d.year(), 1, 1).ok(),
            |d| Date::new(d.year(), 12, 31).ok(),
            |d| d.year().to_string(),
        )
    } else {
        (
            |d| Date::new(d.year() - d.year().rem_euclid(10), 1, 1).ok(),
            |d| Date::new(d.year() - d.year().rem_euclid(10) + 9, 12, 31).ok(),
            |d| format!("{}s", d.year()),
        )
    };
    let (start_of, end_of, label) = unit;
    let mut out: Vec<Bar> = Vec::new();
    let mut at = start_of(min);
    while let Some(first) = at.filter(|&f| f <= max) {
        let Some(last) = end_of(first) else { break };
        out.push(Bar {
            first: crate::store::day(first),
            last: crate::store::day(last),
            label: label(first),
            events: 0,
        });
        at = dates::add_days(last, 1);
    }
    for &d in days {
        let slot = out.partition_point(|b| b.last < d);
        if let Some(b) = out.get_mut(slot) {
            b.events += 1;
        }
    }
    out
}

/// The contested items of the visible quotes.
fn contested(
    cat: &Catalog,
    state: &State,
    visible: &[(u32, &QuoteFact)],
    need: &mut Vec<PartName>,
    partial: &mut bool,
) -> Vec<Contest> {
    let c = match cat.contested() {
        Ok(c) => c,
        Err(part) => {
            need.extend(part.cloned());
            *partial = true;
            return Vec::new();
        }
    };
    let _ = state;
    let shown = |q: &u32| visible.binary_search_by_key(q, |(i, _)| *i).is_ok();
    let mut out = Vec::new();
    for (claim, denials) in &c.denied {
        if shown(claim) || denials.iter().any(shown) {
            out.push(Contest::Denied { claim: *claim, denials: denials.clone() });
        }
    }
    for (text, quotes) in &c.conflicts {
        if quotes.iter().any(shown) {
            out.push(Contest::Speakers { text: text.clone(), quotes: quotes.clone() });
        }
    }
    out
}
