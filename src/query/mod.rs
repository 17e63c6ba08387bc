//! The explorer's state, its URL form, and the filtering it drives. Pure: the page
//! reads `location.search`, calls [`parse`], renders from [`select`]'s [`Selection`],
//! and writes [`to_query`] back with `history.pushState`.

pub mod engine;
mod index;
pub mod reader;
mod state;
pub mod story;
pub mod why;

pub use index::{Index, Lists, Mark, MentionAt, Outlet};
pub use state::{
    actor_kind_word, kind_word, parse, stance_word, to_query, toggle_actor, toggled, Known, Parsed,
    Sort, State, View, Zoom, KINDS, STANCES,
};

use jiff::civil::Date;

use crate::dataset::Dataset;
use crate::dates::parse_day;
use engine::MEATY_QUOTE_BYTES;

/// What the current state shows, and how many items each filter value would show.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Selection {
    /// Visible quotes, one per card: identical words from several articles share a card.
    pub quotes: Vec<usize>,
    /// For each card, the other visible quotes with the same words.
    pub copies: Vec<Vec<usize>>,
    /// Visible quotes before grouping.
    pub quote_total: usize,
    /// Visible events, in date order with undated ones last.
    pub events: Vec<usize>,
    /// (actor, listed items involving it), busiest first; selected actors always listed.
    pub actor_counts: Vec<(usize, usize)>,
    /// Items each stance and kind would list with the other filters as they are
    /// ([`STANCES`] and [`KINDS`] order). Like every count here, they count the view's
    /// own list: events on the timeline, quotes elsewhere.
    pub stance_counts: [usize; 3],
    pub kind_counts: [usize; 3],
    /// (outlet, items it would show with the other filters as they are), busiest first;
    /// selected outlets always listed.
    pub outlet_counts: Vec<(usize, usize)>,
    /// What the contested view lists, for the visible quotes.
    pub contested: Vec<Contest>,
    /// Items the other filters leave that are uncertain ([`State::hide_uncertain`]).
    pub uncertain_count: usize,
}

/// One contested item.
#[derive(Debug, Clone, PartialEq)]
pub enum Contest {
    /// A claim and the quotes that deny it.
    Denied { claim: usize, denials: Vec<usize> },
    /// Words that match across articles with a different speaker in each (a dataset conflict).
    Speakers { conflict: usize },
}

/// Reasons an item is hidden, one bit per filter, so that each filter's counts can
/// ignore its own bit.
const STANCE: u8 = 1;
const KIND: u8 = 2;
const OUTLET: u8 = 4;
const DATES: u8 = 8;
const TEXT: u8 = 16;
const UNCERTAIN: u8 = 32;

/// The items of ascending `a` that ascending `b` holds too.
fn intersect<T: Ord + Copy>(a: &[T], b: &[T]) -> Vec<T> {
    a.iter().filter(|x| b.binary_search(x).is_ok()).copied().collect()
}

/// Applies every filter. Actors narrow through the posting lists first; the rest is
/// checked on what remains.
pub fn select(ds: &Dataset, index: &Index, state: &State) -> Selection {
    let selected: Vec<usize> = state.actors.iter().filter_map(|id| index.actor(id)).collect();
    let outlets: Vec<usize> = state.outlets.iter().filter_map(|id| index.outlet(id)).collect();
    let needle = state.text.to_lowercase();
    let haystacks = (!needle.is_empty()).then(|| index.haystacks(ds));
    let any_dates = state.from.is_some() || state.to.is_some();
    let (from, to) =
        (state.from.as_deref().and_then(parse_day), state.to.as_deref().and_then(parse_day));
    let uncertain_rules = why::uncertain_rules(ds);
    let uncertain = |q: usize| why::is_uncertain(&uncertain_rules, &ds.quotes[q]);
    let in_range = |days: Option<(Date, Date)>| match days {
        None => false,
        Some((first, last)) => from.is_none_or(|f| last >= f) && to.is_none_or(|t| first <= t),
    };
    let quote_misses = |q: usize| -> u8 {
        let quote = &ds.quotes[q];
        let mut misses = 0;
        if !state.stances.is_empty() && !state.stances.contains(&quote.stance) {
            misses |= STANCE;
        }
        if !state.kinds.is_empty() && !state.kinds.contains(&quote.kind) {
            misses |= KIND;
        }
        if !outlets.is_empty()
            && !outlets.contains(&index.outlet_of_article[index.article_of_quote[q]])
        {
            misses |= OUTLET;
        }
        if any_dates && !in_range(index.event_of_quote[q].and_then(|e| index.event_days(ds, e))) {
            misses |= DATES;
        }
        if haystacks.is_some_and(|h| !h.quotes[q].contains(&needle)) {
            misses |= TEXT;
        }
        if uncertain(q) {
            misses |= UNCERTAIN;
        }
        misses
    };
    let stance_ok =
        |q: usize| state.stances.is_empty() || state.stances.contains(&ds.quotes[q].stance);
    let kind_ok = |q: usize| state.kinds.is_empty() || state.kinds.contains(&ds.quotes[q].kind);
    let event_misses = |e: usize| -> u8 {
        let mut misses = 0;
        // Stance and kind apply to the words said at the event.
        let any_words_filter = !state.stances.is_empty() || !state.kinds.is_empty();
        if any_words_filter && !index.quotes_by_event[e].iter().any(|&q| stance_ok(q) && kind_ok(q))
        {
            misses |= STANCE | KIND;
        }
        if !outlets.is_empty()
            && !outlets.contains(&index.outlet_of_article[index.article_of_event[e]])
        {
            misses |= OUTLET;
        }
        if any_dates && !in_range(index.event_days(ds, e)) {
            misses |= DATES;
        }
        if haystacks.is_some_and(|h| !h.events[e].contains(&needle)) {
            misses |= TEXT;
        }
        let said = &index.quotes_by_event[e];
        if !said.is_empty() && said.iter().all(|&q| uncertain(q)) {
            misses |= UNCERTAIN;
        }
        misses
    };
    // Whether an item with these misses shows: an uncertain one only when not hidden.
    let hidden = |misses: u8| if state.hide_uncertain { misses } else { misses & !UNCERTAIN };

    let (quote_candidates, event_candidates) = match selected.split_first() {
        None => ((0..ds.quotes.len()).collect::<Vec<_>>(), index.events_by_date.clone()),
        Some((&first, rest)) => {
            let mut quotes = index.quotes_by_actor[first].to_vec();
            let mut events = index.events_by_actor[first].to_vec();
            for &a in rest {
                quotes = intersect(&quotes, &index.quotes_by_actor[a]);
                events = intersect(&events, &index.events_by_actor[a]);
            }
            order_by(&mut events, |e| u64::from(index.event_rank[e]));
            (quotes, events)
        }
    };

    // Counts are for the list the view shows: events on the timeline, quotes elsewhere.
    let on_timeline = state.view == View::Timeline;
    let mut sel = Selection::default();
    let mut outlet_counts = vec![0usize; index.outlets.len()];
    let mut visible = Vec::new();
    for q in quote_candidates {
        let all_misses = quote_misses(q);
        if all_misses & !UNCERTAIN == 0 && all_misses & UNCERTAIN != 0 && !on_timeline {
            sel.uncertain_count += 1;
        }
        let misses = hidden(all_misses);
        let quote = &ds.quotes[q];
        if !on_timeline {
            if misses & !STANCE == 0 {
                sel.stance_counts[STANCES.iter().position(|s| *s == quote.stance).unwrap_or(0)] +=
                    1;
            }
            if misses & !KIND == 0 {
                sel.kind_counts[KINDS.iter().position(|k| *k == quote.kind).unwrap_or(0)] += 1;
            }
            if misses & !OUTLET == 0 {
                outlet_counts[index.outlet_of_article[index.article_of_quote[q]]] += 1;
            }
        }
        if misses == 0 {
            visible.push(q);
        }
    }
    for e in event_candidates {
        let all_misses = event_misses(e);
        if all_misses & !UNCERTAIN == 0 && all_misses & UNCERTAIN != 0 && on_timeline {
            sel.uncertain_count += 1;
        }
        let misses = hidden(all_misses);
        if on_timeline {
            let words = &index.quotes_by_event[e];
            if misses & !(STANCE | KIND) == 0 {
                for (i, stance) in STANCES.iter().enumerate() {
                    if words.iter().any(|&q| ds.quotes[q].stance == *stance && kind_ok(q)) {
                        sel.stance_counts[i] += 1;
                    }
                }
                for (i, kind) in KINDS.iter().enumerate() {
                    if words.iter().any(|&q| ds.quotes[q].kind == *kind && stance_ok(q)) {
                        sel.kind_counts[i] += 1;
                    }
                }
            }
            if misses & !OUTLET == 0 {
                outlet_counts[index.outlet_of_article[index.article_of_event[e]]] += 1;
            }
        }
        if misses == 0 {
            sel.events.push(e);
        }
    }

    // Actor counts come from the listed items' own actors: no pass over every actor's list.
    let mut counts = vec![0usize; ds.actors.len()];
    let involved: Vec<&[usize]> = if on_timeline {
        sel.events.iter().map(|&e| &index.actors_by_event[e]).collect()
    } else {
        visible.iter().map(|&q| &index.actors_by_quote[q]).collect()
    };
    for actors in involved {
        for &a in actors {
            counts[a] += 1;
        }
    }
    sel.actor_counts = ranked(counts, &selected, index.actor_name_ranks(ds));
    sel.outlet_counts = ranked(outlet_counts, &outlets, index.outlet_name_ranks());

    // Identical words share the card of the first visible quote that has them. A dense
    // table (group → card) beats hashing at every corpus size.
    let mut card_of_group = vec![usize::MAX; ds.quotes.len()];
    for &q in &visible {
        let group = index.same_words[q];
        match card_of_group[group] {
            usize::MAX => {
                card_of_group[group] = sel.quotes.len();
                sel.quotes.push(q);
                sel.copies.push(Vec::new());
            }
            card => sel.copies[card].push(q),
        }
    }
    sel.quote_total = visible.len();
    order_cards(ds, index, state.sort, &mut sel);

    let shown = |q: usize| visible.binary_search(&q).is_ok();
    for (claim, denials) in &index.denied_claims {
        if shown(*claim) || denials.iter().any(|&d| shown(d)) {
            sel.contested.push(Contest::Denied { claim: *claim, denials: denials.clone() });
        }
    }
    for (conflict, quotes) in index.conflict_quotes.iter().enumerate() {
        if quotes.iter().any(|&q| shown(q)) {
            sel.contested.push(Contest::Speakers { conflict });
        }
    }
    sel
}

/// Puts the cards in the order `sort` asks for. Cards are made in dataset order.
fn order_cards(ds: &Dataset, index: &Index, sort: Sort, sel: &mut Selection) {
    let date_rank = |q: usize| index.event_of_quote[q].map_or(u32::MAX, |e| index.event_rank[e]);
    let window = index.story_window(ds);
    let mut order: Vec<usize> = (0..sel.quotes.len()).collect();
    match sort {
        Sort::Date => order_by(&mut order, |card| u64::from(date_rank(sel.quotes[card]))),
        Sort::Top => order_by(&mut order, |card| {
            let q = sel.quotes[card];
            let quote = &ds.quotes[q];
            let speaker = match quote.speaker.as_deref().and_then(|id| index.actor(id)) {
                Some(a) if ds.actors[a].kind != crate::extract::ActorKind::Group => 0,
                Some(_) => 1,
                None => 2,
            };
            let outlet = |q: usize| index.outlet_of_article[index.article_of_quote[q]];
            let mut outlets: Vec<usize> =
                std::iter::once(q).chain(sel.copies[card].iter().copied()).map(outlet).collect();
            outlets.sort_unstable();
            outlets.dedup();
            engine::top_key(engine::TopFacts {
                slight: quote.end - quote.start < MEATY_QUOTE_BYTES,
                outlets: outlets.len(),
                kind: quote.kind,
                speaker,
                placement: index.event_of_quote[q].map(|e| story::placement(ds, index, e, window)),
                date_rank: date_rank(q),
            })
        }),
    }
    let (quotes, mut copies) = (std::mem::take(&mut sel.quotes), std::mem::take(&mut sel.copies));
    sel.quotes = order.iter().map(|&card| quotes[card]).collect();
    sel.copies = order.iter().map(|&card| std::mem::take(&mut copies[card])).collect();
}

/// Non-zero counts (and the selected ones), busiest first, then in `name_rank` order.
fn ranked(counts: Vec<usize>, selected: &[usize], name_rank: &[u32]) -> Vec<(usize, usize)> {
    let mut items: Vec<usize> =
        (0..counts.len()).filter(|&i| counts[i] > 0 || selected.contains(&i)).collect();
    let fewer = |n: usize| u64::from(u32::MAX - u32::try_from(n).unwrap_or(u32::MAX));
    order_by(&mut items, |i| fewer(counts[i]) << 32 | u64::from(name_rank[i]));
    items.into_iter().map(|i| (i, counts[i])).collect()
}

/// Puts `items` in the order of `key`, ties by item. Every sort of the page goes through
/// this one, or through a sort of plain numbers: each sort the compiler instantiates adds
/// a few KB to the wasm every site ships.
pub fn order_by(items: &mut Vec<usize>, key: impl Fn(usize) -> u64) {
    let mut keyed: Vec<(u64, usize)> = items.iter().map(|&i| (key(i), i)).collect();
    keyed.sort_unstable();
    items.clear();
    items.extend(keyed.into_iter().map(|(_, i)| i));
}

/// Each name's place in alphabetical order.
pub fn name_ranks<'a>(names: impl Iterator<Item = &'a str>) -> Vec<u32> {
    let mut sorted: Vec<(&str, usize)> = names.enumerate().map(|(i, n)| (n, i)).collect();
    sorted.sort_unstable();
    let mut ranks = vec![0u32; sorted.len()];
    for (rank, (_, i)) in sorted.into_iter().enumerate() {
        ranks[i] = u32::try_from(rank).unwrap_or(u32::MAX);
    }
    ranks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Source;
    use crate::dataset;
    use crate::extract::{QuoteKind, Stance};

    fn source(id: &str, outlet: &str, date: (i16, i8, i8), text: &str) -> Source {
        Source {
            id: id.into(),
            date: jiff::civil::Date::new(date.0, date.1, date.2).ok(),
            title: None,
            outlet: Some(outlet.into()),
            url: None,
            text: text.into(),
            ..Default::default()
        }
    }

    /// Two outlets, a week apart; both print Jane Doe's "We will win".
    fn corpus() -> Dataset {
        dataset::build(vec![
            source(
                "a",
                "Herald",
                (2017, 1, 24),
                "“We will win,” Jane Doe said on Monday. “No,” John Roe said.",
            ),
            source(
                "b",
                "Courier",
                (2017, 2, 1),
                "Jane Doe said: “We will win.” John Roe denied that there was any plan.",
            ),
        ])
    }

    fn ids(ds: &Dataset, quotes: &[usize]) -> Vec<String> {
        quotes.iter().map(|&q| ds.quotes[q].id.clone()).collect()
    }

    #[test]
    fn state_round_trips_through_the_url() {
        let ds = corpus();
        let state = State {
            actors: vec!["jane-doe".into(), "john-roe".into()],
            stances: vec![Stance::Claim, Stance::Denial],
            kinds: vec![QuoteKind::Direct, QuoteKind::Indirect],
            outlets: vec!["herald".into()],
            from: Some("2017-01-01".into()),
            to: Some("2017-01-31".into()),
            text: "will win & more".into(),
            hide_uncertain: true,
            zoom: Some(Zoom::Month),
            sort: Sort::Date,
            view: View::Quotes,
            item: Some("q1".into()),
        };
        let query = to_query(&state);
        assert_eq!(
            query,
            "?actor=jane-doe,john-roe&stance=claim,denial&kind=direct,reported&outlet=herald\
             &from=2017-01-01&to=2017-01-31&q=will+win+%26+more&uncertain=hide&zoom=month&sort=date\
             &view=quotes&item=q1"
        );
        let parsed = parse(&query, &Index::new(&ds));
        assert_eq!(parsed.state, state);
        assert!(parsed.ignored.is_empty());
        assert_eq!(to_query(&State::default()), "");
        let actor_view =
            State { view: View::Actor, item: Some("jane-doe".into()), ..State::default() };
        assert_eq!(parse(&to_query(&actor_view), &Index::new(&ds)).state, actor_view);
    }

    #[test]
    fn short_dates_widen_and_a_reversed_range_is_swapped() {
        let index = Index::new(&corpus());
        let parsed = parse("?from=2017-02&to=2017-01", &index);
        assert_eq!(parsed.state.from.as_deref(), Some("2017-01-31"));
        assert_eq!(parsed.state.to.as_deref(), Some("2017-02-01"));
        assert_eq!(parsed.ignored, ["“from” was after “to”; they were swapped"]);
    }

    #[test]
    fn garbage_is_ignored_with_a_notice() {
        let index = Index::new(&corpus());
        let parsed =
            parse("?actor=nobody,,jane-doe&view=%FF%FE&zzz=1&item=q999&&=&actor=jane-doe", &index);
        assert_eq!(parsed.state.actors, ["jane-doe"]);
        assert_eq!(parsed.state.view, View::Timeline);
        assert_eq!(parsed.state.item, None);
        assert_eq!(parsed.ignored.len(), 4, "{:?}", parsed.ignored);
        let bad_values = parse(
            "?stance=maybe&kind=tweet&outlet=nowhere&from=2017-02-30&zoom=hour&view=actor&item=q1",
            &index,
        );
        assert_eq!(bad_values.state, State { view: View::Quotes, ..State::default() });
        assert_eq!(bad_values.ignored.len(), 6, "{:?}", bad_values.ignored);
        assert!(bad_values.ignored[3].contains("“from” is not a date"), "{:?}", bad_values.ignored);
        let repeated = parse("?view=quotes&view=timeline", &index);
        assert_eq!(repeated.state.view, View::Timeline);
        assert_eq!(repeated.ignored, ["“view” was given more than once; the last one is used"]);
        let many: String = (0..500).map(|i| format!("p{i}=1&")).collect();
        let flood = parse(&many, &index);
        assert_eq!(flood.ignored.len(), 6);
        assert_eq!(flood.ignored[5], "and 495 more");
        let huge = format!("?actor={}", "x".repeat(100_000));
        assert!(parse(&huge, &index).ignored.iter().any(|n| n.contains("KB")));
        let long_search = parse(&format!("?q={}", "a".repeat(500)), &index);
        assert_eq!(long_search.state.text.len(), 200);
    }

    #[test]
    fn picking_actors_narrows_and_counts_follow() {
        let ds = corpus();
        let index = Index::new(&ds);
        let all = select(&ds, &index, &State::default());
        assert_eq!(all.quote_total, ds.quotes.len());
        let jane = toggle_actor(&State::default(), "jane-doe");
        let narrowed = select(&ds, &index, &jane);
        assert!(narrowed.quote_total > 0 && narrowed.quote_total < all.quote_total);
        assert!(narrowed.quotes.iter().chain(narrowed.copies.iter().flatten()).all(|&q| ds.quotes
            [q]
            .speaker
            .as_deref()
            == Some("jane-doe")));
        let roe = index.actor("john-roe").unwrap();
        assert!(!narrowed.actor_counts.iter().any(|&(a, _)| a == roe));
        assert_eq!(toggle_actor(&jane, "jane-doe"), State::default());
    }

    #[test]
    fn the_top_order_puts_substantial_reprinted_quotes_by_named_speakers_first() {
        let ds = dataset::build(vec![
            source(
                "a",
                "Herald",
                (2017, 1, 20),
                "“No,” Jane Doe said. “We will win this election in November,” John Roe said.",
            ),
            source(
                "b",
                "Courier",
                (2017, 1, 24),
                "“We will win this election in November,” John Roe said on Tuesday. \
                 A spokesman said: “The campaign has raised more money than ever before.” \
                 “Our members voted for the new plan by a wide margin,” Mary Major said.",
            ),
            source(
                "c",
                "Courier",
                (2017, 1, 22),
                "“The old plan was better than anything we have seen since then,” Bob Smith said in 1995.",
            ),
        ]);
        let index = Index::new(&ds);
        let words = |sel: &Selection| -> Vec<String> {
            sel.quotes
                .iter()
                .map(|&q| index.quote_words(&ds, q).trim_end_matches([',', '.']).to_string())
                .collect()
        };
        let top = select(&ds, &index, &State { view: View::Quotes, ..State::default() });
        let top_words = words(&top);
        assert_eq!(
            top_words[0], "We will win this election in November",
            "two outlets: {top_words:?}"
        );
        assert_eq!(
            top_words.last().map(String::as_str),
            Some("No"),
            "a word or two comes last: {top_words:?}"
        );
        let at = |w: &str| top_words.iter().position(|t| t.starts_with(w)).unwrap();
        assert!(
            at("Our members") < at("The old plan"),
            "the story's own days first: {top_words:?}"
        );
        let by_date = select(
            &ds,
            &index,
            &State { view: View::Quotes, sort: Sort::Date, ..State::default() },
        );
        let dates: Vec<u32> = by_date
            .quotes
            .iter()
            .map(|&q| index.event_of_quote[q].map_or(u32::MAX, |e| index.event_rank[e]))
            .collect();
        assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
        assert_eq!(by_date.quote_total, top.quote_total);
    }

    #[test]
    fn the_same_words_from_two_outlets_share_a_card() {
        let ds = corpus();
        let index = Index::new(&ds);
        let all = select(&ds, &index, &State::default());
        let card = all
            .quotes
            .iter()
            .position(|&q| index.quote_words(&ds, q) == "We will win,")
            .expect("Jane's quote has a card");
        assert_eq!(all.copies[card].len(), 1);
        assert_eq!(index.quote_words(&ds, all.copies[card][0]), "We will win.");
        assert_eq!(
            all.quotes.len() + all.copies.iter().map(Vec::len).sum::<usize>(),
            all.quote_total
        );
    }

    #[test]
    fn each_filter_narrows_and_its_counts_ignore_itself() {
        let ds = corpus();
        let index = Index::new(&ds);
        let denial =
            State { stances: vec![Stance::Denial], view: View::Quotes, ..State::default() };
        let sel = select(&ds, &index, &denial);
        assert_eq!(sel.quote_total, 1, "{:?}", ids(&ds, &sel.quotes));
        assert_eq!(ds.quotes[sel.quotes[0]].speaker.as_deref(), Some("john-roe"));
        // The stance counts are what each stance would show, not what is shown.
        assert_eq!(sel.stance_counts.iter().sum::<usize>(), ds.quotes.len());
        assert_eq!(sel.kind_counts.iter().sum::<usize>(), 1);
        // On the timeline the same filter lists the events where a denial was said, and counts events.
        let on_timeline = select(&ds, &index, &State { view: View::Timeline, ..denial.clone() });
        assert_eq!(on_timeline.events.len(), 1);
        assert_eq!(on_timeline.stance_counts[1], 1);
        assert!(index.quotes_by_event[on_timeline.events[0]]
            .iter()
            .any(|&q| ds.quotes[q].stance == Stance::Denial));

        let courier = State { outlets: vec!["courier".into()], ..State::default() };
        let sel = select(&ds, &index, &courier);
        assert!(sel.quotes.iter().all(|&q| &*ds.quotes[q].article == "b"));
        assert!(sel.events.iter().all(|&e| &*ds.events[e].article == "b"));
        assert_eq!(sel.outlet_counts.len(), 2, "both outlets stay listed with their counts");

        let january = State { to: Some("2017-01-31".into()), ..State::default() };
        let sel = select(&ds, &index, &january);
        assert!(!sel.events.is_empty());
        assert!(sel
            .events
            .iter()
            .all(|&e| ds.events[e].date.first <= Some(jiff::civil::date(2017, 1, 31))));
        assert!(sel.quotes.iter().all(|&q| &*ds.quotes[q].article == "a"));

        let search = State { text: "WILL WIN".into(), ..State::default() };
        let sel = select(&ds, &index, &search);
        assert_eq!(sel.quote_total, 2);
        let by_speaker = State { text: "roe".into(), ..State::default() };
        assert!(select(&ds, &index, &by_speaker)
            .quotes
            .iter()
            .all(|&q| ds.quotes[q].speaker.as_deref() == Some("john-roe")));
        let nothing = State { text: "zebra".into(), ..State::default() };
        let sel = select(&ds, &index, &nothing);
        assert!(sel.quotes.is_empty() && sel.events.is_empty() && sel.actor_counts.is_empty());
    }
}
