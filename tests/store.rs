//! The story's two packings answer as the dataset does: for any state, the engine over the
//! site's parts (`store` + `query::engine`) lists the same quotes, cards and events, with
//! the same exact counts, as the whole-dataset filter (`query::select`). Search is the one
//! difference by design: it matches whole words, so it lists a subset of what a substring
//! match lists, and every word of the search is in each quote it lists.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use newsline::cli::{build_dataset, Inputs};
use newsline::dataset::Dataset;
use newsline::query::engine::{self, Answer, Contest};
use newsline::query::{self, Index, Selection, Sort, State, View, KINDS, STANCES};
use newsline::store::build::build;
use newsline::store::catalog::Catalog;
use newsline::store::{self, About, PartName, Rest};
use proptest::prelude::*;

struct Corpus {
    ds: Dataset,
    index: Index,
    catalog: Catalog,
    /// Every part by name, to hand the catalog one at a time.
    parts: Vec<(PartName, Vec<u8>)>,
    manifest: store::Manifest,
}

fn corpus_of(paths: Vec<PathBuf>) -> Corpus {
    let inputs = Inputs { paths, ..Inputs::default() };
    let (built, errors) = build_dataset(&inputs);
    let ds = built.unwrap_or_else(|| panic!("no dataset: {errors:?}")).dataset;
    let index = Index::new(&ds);
    let story = build(&ds, About::default()).expect("the story encodes");
    let catalog = Catalog::new(story.manifest.clone(), story.parts.clone());
    Corpus { ds, index, catalog, parts: story.parts, manifest: story.manifest }
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

// The catalog is the page's, single-threaded: each test thread builds its own.
thread_local! {
    static SEEDS: &'static Corpus = Box::leak(Box::new(corpus_of(vec![root().join("data/seeds")])));
    static INPUTS: &'static Corpus = Box::leak(Box::new(corpus_of(vec![
        root().join("data/seeds"),
        root().join("tests/fixtures/inputs"),
    ])));
}

fn seeds() -> &'static Corpus {
    SEEDS.with(|c| *c)
}

/// Every input kind the readers take, with several outlets and months.
fn inputs() -> &'static Corpus {
    INPUTS.with(|c| *c)
}

/// A quote as both sides can name it: its article and its words.
type QuoteKey = (String, String);

fn old_quote(c: &Corpus, q: usize) -> QuoteKey {
    (c.ds.quotes[q].article.to_string(), c.index.quote_words(&c.ds, q).to_string())
}

fn new_quote(c: &Corpus, id: u32) -> QuoteKey {
    let card = c.catalog.quote_card(id).expect("every part is at hand");
    (card.article.clone(), card.words.clone())
}

fn old_event(c: &Corpus, e: usize) -> QuoteKey {
    (c.ds.events[e].article.to_string(), c.index.event_words(&c.ds, e).to_string())
}

fn new_event(c: &Corpus, id: u32) -> QuoteKey {
    let card = c.catalog.event_card(id).expect("every part is at hand");
    (card.article.clone(), card.sentence.clone())
}

fn sorted<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort();
    v
}

/// The events an answer lists, in its order (earlier, around, within, later, undated).
fn listed_events(a: &Answer, cat: &Catalog) -> Vec<u32> {
    let mut out = Vec::new();
    for list in &a.timeline {
        out.extend(&list.first);
        match &list.rest {
            Rest::None => {}
            Rest::Range(from, to) => out.extend(*from..*to),
            Rest::Chunks(_, parts) => {
                for p in parts {
                    out.extend(cat.ids(p).expect("every part is at hand"));
                }
            }
        }
        assert_eq!(
            out.len(),
            a.timeline
                .iter()
                .take_while(|l| !std::ptr::eq(*l, list))
                .map(|l| l.total as usize)
                .sum::<usize>()
                + list.total as usize,
            "a list's total counts its first page and its rest"
        );
    }
    out
}

/// The cards an answer lists, in its order, each with its copies.
fn listed_cards(a: &Answer, cat: &Catalog) -> Vec<(u32, Vec<u32>)> {
    let mut out: Vec<(u32, Vec<u32>)> =
        a.cards.cards.iter().map(|c| (c.card, c.copies.clone())).collect();
    for p in &a.cards.rest {
        let chunk = cat.order(p).expect("every part is at hand");
        out.extend(chunk.cards.iter().map(|c| (c.card, c.copies.clone())));
    }
    assert_eq!(out.len(), a.cards.total, "the cards' total counts every card");
    out
}

fn outlet_ids(c: &Corpus, counts: &[(u32, u32)]) -> BTreeMap<String, u32> {
    counts.iter().map(|&(o, n)| (c.manifest.outlets[o as usize].id.clone(), n)).collect()
}

/// The engine's answer for `state` against the whole-dataset selection.
fn same_answer(c: &Corpus, state: &State) {
    let sel: Selection = query::select(&c.ds, &c.index, state);
    let a = engine::answer(&c.catalog, state);
    let with_text = !state.text.is_empty();
    assert!(!a.partial && a.need.is_empty(), "every part is at hand, so nothing is partial");

    // Quotes and their cards.
    let cards = listed_cards(&a, &c.catalog);
    let new_members: Vec<QuoteKey> = cards
        .iter()
        .flat_map(|(card, copies)| std::iter::once(*card).chain(copies.iter().copied()))
        .map(|id| new_quote(c, id))
        .collect();
    assert_eq!(new_members.len(), a.quote_total, "cards and copies are the visible quotes");
    let old_members: Vec<QuoteKey> = sel
        .quotes
        .iter()
        .zip(&sel.copies)
        .flat_map(|(q, copies)| std::iter::once(*q).chain(copies.iter().copied()))
        .map(|q| old_quote(c, q))
        .collect();
    let events: Vec<QuoteKey> =
        listed_events(&a, &c.catalog).into_iter().map(|id| new_event(c, id)).collect();
    let old_events: Vec<QuoteKey> = sel.events.iter().map(|&e| old_event(c, e)).collect();
    assert_eq!(a.event_total, events.len());
    if with_text {
        let words: Vec<String> = store::words(&state.text).collect();
        let old_set = sorted(old_members.clone());
        for m in &new_members {
            assert!(old_set.binary_search(m).is_ok(), "{state:?}: {m:?} is not in the old list");
        }
        let old_events_set = sorted(old_events.clone());
        for e in &events {
            assert!(
                old_events_set.binary_search(e).is_ok(),
                "{state:?}: {e:?} not in the old list"
            );
        }
        // Every word of the search is in each quote listed: in its words, its speaker's
        // name or its cue.
        for (card, copies) in &cards {
            for id in std::iter::once(card).chain(copies) {
                let q = c.catalog.quote_card(*id).expect("every part is at hand");
                let speaker = q.speaker.as_ref().map_or("", |s| s.name.as_str());
                let text =
                    format!("{}\n{speaker}\n{}", q.words, q.cue.as_deref().unwrap_or_default());
                let have: Vec<String> = store::words(&text).collect();
                assert!(words.iter().all(|w| have.contains(w)), "{state:?}: {text:?} lacks a word");
            }
        }
        return;
    }
    assert_eq!(a.quote_total, sel.quote_total, "{state:?}: visible quotes");
    assert_eq!(a.cards.total, sel.quotes.len(), "{state:?}: cards");
    assert_eq!(sorted(new_members), sorted(old_members), "{state:?}: the same quotes");
    // A card is its group of quotes with the same words; which of them leads it may
    // differ (the site's first in date order, the dataset's first in its own order).
    let new_cards: Vec<Vec<QuoteKey>> = cards
        .iter()
        .map(|(card, copies)| {
            sorted(std::iter::once(card).chain(copies).map(|&id| new_quote(c, id)).collect())
        })
        .collect();
    let old_cards: Vec<Vec<QuoteKey>> = sel
        .quotes
        .iter()
        .zip(&sel.copies)
        .map(|(&q, copies)| {
            sorted(std::iter::once(&q).chain(copies).map(|&q| old_quote(c, q)).collect())
        })
        .collect();
    if state.sort == Sort::Top {
        assert_eq!(new_cards, old_cards, "{state:?}: the same cards in the same order");
    } else {
        // By date, a card stands at its earliest quote (the dataset's order put it at its
        // first-read one): the same cards, each led by its earliest, in date order.
        assert_eq!(sorted(new_cards), sorted(old_cards), "{state:?}: the same cards");
        for (card, copies) in &cards {
            assert!(copies.iter().all(|c| c > card), "{state:?}: a card leads with its earliest");
        }
        assert!(cards.windows(2).all(|w| w[0].0 < w[1].0), "{state:?}: cards in date order");
    }
    assert_eq!(sorted(events), sorted(old_events), "{state:?}: the same events");

    // Counts of the view's own list.
    assert_eq!(a.counts.stances.map(|n| n as usize), sel.stance_counts, "{state:?}: stances");
    assert_eq!(a.counts.kinds.map(|n| n as usize), sel.kind_counts, "{state:?}: kinds");
    assert_eq!(a.counts.uncertain as usize, sel.uncertain_count, "{state:?}: uncertain");
    let old_outlets: BTreeMap<String, u32> =
        sel.outlet_counts.iter().map(|&(o, n)| (c.index.outlets[o].id.clone(), n as u32)).collect();
    assert_eq!(outlet_ids(c, &a.counts.outlets), old_outlets, "{state:?}: outlets");
    let old_actors: BTreeMap<String, u32> =
        sel.actor_counts.iter().map(|&(i, n)| (c.ds.actors[i].id.to_string(), n as u32)).collect();
    let new_actors: BTreeMap<String, u32> = a
        .counts
        .actors
        .iter()
        .map(|&(i, n)| (c.catalog.actor_info(i).expect("at hand").id.clone(), n))
        .collect();
    for (id, n) in &new_actors {
        assert_eq!(old_actors.get(id), Some(n), "{state:?}: actor {id}");
    }
    assert_eq!(new_actors.len(), old_actors.len().min(new_actors.len().max(100)));
    assert_eq!(a.contested.len(), sel.contested.len(), "{state:?}: contested");
}

fn states(c: &'static Corpus) -> impl Strategy<Value = State> {
    let actors: Vec<String> = c.ds.actors.iter().take(40).map(|a| a.id.to_string()).collect();
    let outlets: Vec<String> = c.index.outlets.iter().map(|o| o.id.clone()).collect();
    let mut days: Vec<String> =
        c.ds.events.iter().filter_map(|e| e.date.first.map(newsline::dates::iso_day)).collect();
    days.push("2016-12-01".into());
    days.push("2030-01-01".into());
    let words: Vec<String> =
        c.ds.quotes
            .iter()
            .take(50)
            .flat_map(|q| {
                let idx = c.ds.quotes.iter().position(|x| x.id == q.id).unwrap_or(0);
                store::words(c.index.quote_words(&c.ds, idx)).take(3).collect::<Vec<_>>()
            })
            .collect();
    (
        proptest::sample::subsequence(actors.clone(), 0..=2.min(actors.len())),
        proptest::sample::subsequence(STANCES.to_vec(), 0..=2),
        proptest::sample::subsequence(KINDS.to_vec(), 0..=2),
        proptest::sample::subsequence(outlets.clone(), 0..=2.min(outlets.len())),
        proptest::option::of(proptest::sample::select(days.clone())),
        proptest::option::of(proptest::sample::select(days)),
        proptest::option::of(proptest::sample::select(words)),
        proptest::bool::ANY,
        proptest::sample::select(vec![View::Timeline, View::Quotes, View::Contested]),
        proptest::sample::select(Sort::ALL.to_vec()),
    )
        .prop_map(|(actors, stances, kinds, outlets, a, b, text, hide, view, sort)| {
            let (from, to) = match (a, b) {
                (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
                other => other,
            };
            State {
                actors,
                stances,
                kinds,
                outlets,
                from,
                to,
                text: text.unwrap_or_default(),
                hide_uncertain: hide,
                view,
                sort,
                ..State::default()
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_seeds_answer_as_the_dataset_does(state in states(seeds())) {
        same_answer(seeds(), &state);
    }

    #[test]
    fn every_input_kind_answers_as_the_dataset_does(state in states(inputs())) {
        same_answer(inputs(), &state);
    }
}

#[test]
fn the_unfiltered_views_come_from_the_manifest_and_match() {
    for c in [seeds(), inputs()] {
        for view in [View::Timeline, View::Quotes, View::Contested] {
            for sort in Sort::ALL {
                same_answer(c, &State { view, sort, ..State::default() });
            }
        }
    }
}

#[test]
fn a_catalog_with_only_the_manifest_asks_for_parts_and_says_it_is_partial() {
    let c = inputs();
    let empty = Catalog::new(c.manifest.clone(), Vec::new());
    let state = State { actors: vec![c.ds.actors[0].id.to_string()], ..State::default() };
    let first = engine::answer(&empty, &state);
    assert!(first.partial, "the actor's parts are not at hand");
    assert!(!first.need.is_empty());
    // Hand over what it asks for until it asks for nothing more.
    let mut cat = empty;
    for _ in 0..10 {
        let a = engine::answer(&cat, &state);
        if a.need.is_empty() {
            assert!(!a.partial);
            let full = engine::answer(&c.catalog, &state);
            assert_eq!(a, full, "the parts it fetched answer as the whole story does");
            return;
        }
        for name in a.need {
            let bytes = c.parts.iter().find(|(n, _)| *n == name).expect("a part it names exists");
            cat = cat.with(name, bytes.1.clone());
        }
    }
    panic!("the engine kept asking for parts");
}

#[test]
fn an_actor_the_story_lacks_lists_nothing_and_is_named() {
    let c = seeds();
    let state = State { actors: vec!["nobody-at-all".into()], ..State::default() };
    let a = engine::answer(&c.catalog, &state);
    assert_eq!(a.unknown_actors, ["nobody-at-all"]);
    assert_eq!((a.quote_total, a.event_total), (0, 0));
}

#[test]
fn the_same_dataset_gives_the_same_parts() {
    let c = seeds();
    let again = build(&c.ds, About::default()).unwrap();
    assert_eq!(again.parts, c.parts);
    assert_eq!(again.manifest.build, c.manifest.build);
    let bytes = store::encode(&again.manifest, &again.parts).unwrap();
    let (manifest, parts) = store::decode(&bytes).unwrap();
    assert_eq!(manifest, c.manifest);
    assert_eq!(parts, c.parts);
}

#[test]
fn contested_lists_match_in_kind() {
    let c = inputs();
    let state = State { view: View::Contested, ..State::default() };
    let sel = query::select(&c.ds, &c.index, &state);
    let a = engine::answer(&c.catalog, &state);
    let kinds = |denied: usize, speakers: usize| (denied, speakers);
    let old = sel.contested.iter().fold(kinds(0, 0), |(d, s), x| match x {
        query::Contest::Denied { .. } => (d + 1, s),
        query::Contest::Speakers { .. } => (d, s + 1),
    });
    let new = a.contested.iter().fold(kinds(0, 0), |(d, s), x| match x {
        Contest::Denied { .. } => (d + 1, s),
        Contest::Speakers { .. } => (d, s + 1),
    });
    assert_eq!(new, old);
}
