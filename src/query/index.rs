//! Lookups built once per dataset, so that filtering never scans by id: ids to
//! positions, items to actors and back, outlets, date order, identical quotes,
//! denials and per-article lists for the reader.

use std::collections::HashMap;
use std::sync::OnceLock;

use jiff::civil::Date;

use serde::{Deserialize, Serialize};

use crate::dataset::{first_with_same_words, slug, ActorId, Dataset, Mention};
use crate::extract::{QuoteKind, Rule};

/// An outlet as the filter lists it; articles without one stand for themselves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outlet {
    pub id: String,
    pub name: String,
}

/// Where an actor is named: positions of the actor and the article, and the byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MentionAt {
    pub actor: usize,
    pub article: usize,
    pub start: usize,
    pub end: usize,
}

/// A stretch of an article the reader marks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    /// The actor or place a mention names (dataset positions).
    pub target: usize,
    /// How the words were found to name it, and tied to it.
    pub rule: Rule,
    pub tie: Option<Rule>,
}

/// Lower-cased texts searched by the free-text filter; built on the first search.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Haystacks {
    pub quotes: Vec<String>,
    pub events: Vec<String>,
}

/// What the article reader marks, per article in text order; built when a reader first opens.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleItems {
    pub quotes: Lists,
    pub timexes: Lists,
    pub mentions: Vec<Vec<Mark>>,
    /// Where places are named; a mark's target is the place's dataset position.
    pub places: Vec<Vec<Mark>>,
}

/// Lists of positions, one list per item, stored flat: building or decoding it makes
/// two allocations, where a `Vec` per item would make one per item. The relations' lists
/// are ascending, and the page blob stores them as gaps between neighbours, which are
/// small and compress well.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(into = "GapLists", try_from = "GapLists")]
pub struct Lists {
    /// Where each item's list ends in `items`; it starts where the previous one ends.
    ends: Vec<usize>,
    items: Vec<usize>,
}

/// [`Lists`] as stored: each list's length, and each item minus the one before it in
/// its list (the first item of a list as it is).
#[derive(Clone, Serialize, Deserialize)]
struct GapLists {
    lengths: Vec<usize>,
    gaps: Vec<usize>,
}

impl From<Lists> for GapLists {
    fn from(lists: Lists) -> GapLists {
        let mut gaps = Vec::with_capacity(lists.items.len());
        for list in lists.iter() {
            gaps.extend(list.iter().scan(0, |previous, &item| {
                let gap = item.saturating_sub(*previous);
                *previous = item;
                Some(gap)
            }));
        }
        GapLists { lengths: lists.iter().map(<[usize]>::len).collect(), gaps }
    }
}

impl TryFrom<GapLists> for Lists {
    type Error = &'static str;

    fn try_from(stored: GapLists) -> Result<Lists, &'static str> {
        let mut lists = Lists {
            ends: Vec::with_capacity(stored.lengths.len()),
            items: Vec::with_capacity(stored.gaps.len()),
        };
        let mut gaps = stored.gaps.into_iter();
        for length in stored.lengths {
            let mut previous = 0usize;
            for _ in 0..length {
                previous = previous
                    .checked_add(gaps.next().ok_or("a list runs past its items")?)
                    .ok_or("an item overflows")?;
                lists.items.push(previous);
            }
            lists.ends.push(lists.items.len());
        }
        if gaps.next().is_some() {
            return Err("items left over after the last list");
        }
        Ok(lists)
    }
}

impl Lists {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &[usize]> + Clone + '_ {
        (0..self.len()).map(|i| &self[i])
    }

    /// For each of `targets` targets, the ascending list of items whose list names it.
    fn inverted(&self, targets: usize) -> Lists {
        Lists::grouped(
            self.iter().enumerate().flat_map(|(item, list)| list.iter().map(move |&t| (item, t))),
            targets,
        )
    }

    /// For each of `targets` targets, the items paired with it, in the pairs' order (a
    /// counting sort: two passes, no allocation per target).
    fn grouped(pairs: impl Iterator<Item = (usize, usize)> + Clone, targets: usize) -> Lists {
        let mut counts = vec![0usize; targets];
        pairs.clone().for_each(|(_, t)| counts[t] += 1);
        let mut ends = Vec::with_capacity(targets);
        let mut total = 0;
        for count in &counts {
            total += count;
            ends.push(total);
        }
        // Fill each target's slot from its start.
        let mut next: Vec<usize> =
            ends.iter().zip(&counts).map(|(end, count)| end - count).collect();
        let mut items = vec![0; total];
        for (item, t) in pairs {
            items[next[t]] = item;
            next[t] += 1;
        }
        Lists { ends, items }
    }

    /// Each list in the order of `key`, ties by item.
    fn sort_each_by_key(mut self, key: impl Fn(usize) -> u64) -> Lists {
        let mut start = 0;
        let mut list = Vec::new();
        for &end in &self.ends {
            list.clear();
            list.extend_from_slice(&self.items[start..end]);
            super::order_by(&mut list, &key);
            self.items[start..end].copy_from_slice(&list);
            start = end;
        }
        self
    }
}

impl std::ops::Index<usize> for Lists {
    type Output = [usize];

    fn index(&self, item: usize) -> &[usize] {
        let start = item.checked_sub(1).map_or(0, |before| self.ends[before]);
        &self.items[start..self.ends[item]]
    }
}

impl FromIterator<Vec<usize>> for Lists {
    fn from_iter<I: IntoIterator<Item = Vec<usize>>>(lists: I) -> Lists {
        let mut flat = Lists::default();
        for list in lists {
            flat.items.extend(list);
            flat.ends.push(flat.items.len());
        }
        flat
    }
}

/// Ids to positions. Quote and event ids are numbered (`q1`, `q2`…), so a position is
/// read from the id itself; any other list (or a numbering with gaps) uses a map.
#[derive(Debug, Clone, Default, PartialEq)]
struct Ids {
    numbered: Option<char>,
    len: usize,
    map: HashMap<String, usize>,
}

/// The position a numbered id stands for: `q12` → 11. Only the canonical spelling counts.
fn numbered(id: &str, prefix: char) -> Option<usize> {
    let digits = id.strip_prefix(prefix)?;
    if digits.is_empty() || digits.starts_with('0') || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse::<usize>().ok()?.checked_sub(1)
}

impl Ids {
    fn new<'a>(ids: impl Iterator<Item = &'a str> + Clone, prefix: Option<char>) -> Ids {
        let len = ids.clone().count();
        let in_order =
            prefix.filter(|&p| ids.clone().enumerate().all(|(i, id)| numbered(id, p) == Some(i)));
        match in_order {
            Some(p) => Ids { numbered: Some(p), len, map: HashMap::new() },
            None => Ids {
                numbered: None,
                len,
                map: ids.enumerate().map(|(i, id)| (id.to_string(), i)).collect(),
            },
        }
    }

    fn get(&self, id: &str) -> Option<usize> {
        match self.numbered {
            Some(p) => numbered(id, p).filter(|&i| i < self.len),
            None => self.map.get(id).copied(),
        }
    }
}

/// The article of each item. Items come grouped by article, so the last answer is tried
/// before the map.
fn article_positions<'a>(ids: &Ids, articles: impl Iterator<Item = &'a str>) -> Vec<usize> {
    let mut last: Option<(&str, usize)> = None;
    articles
        .map(|id| match last {
            Some((seen, i)) if seen == id => i,
            _ => {
                let i = ids.get(id).unwrap_or(0);
                last = Some((id, i));
                i
            }
        })
        .collect()
}

/// The index's part computed from ids, words and dates (hash lookups, sorting, word
/// keys), each relation in one direction; [`Index`] derives the rest in linear passes.
#[derive(Debug, Clone, Default, PartialEq)]
struct Relations {
    outlets: Vec<Outlet>,
    outlet_of_article: Vec<usize>,
    article_of_quote: Vec<usize>,
    article_of_event: Vec<usize>,
    event_of_quote: Vec<Option<usize>>,
    actors_by_quote: Lists,
    actors_by_event: Lists,
    events_by_date: Vec<usize>,
    same_words: Vec<usize>,
    denied_claims: Vec<(usize, Vec<usize>)>,
    conflict_quotes: Lists,
    /// Every actor mention, by actor then article and place: the page's dataset leaves
    /// the actors' mention lists out, since numbers decode without an allocation each.
    mentions: Vec<MentionAt>,
}

/// Every id-to-position lookup, made from the dataset's own lists.
#[derive(Debug, Default)]
struct AllIds {
    actors: Ids,
    quotes: Ids,
    events: Ids,
    articles: Ids,
}

impl AllIds {
    fn new(ds: &Dataset) -> AllIds {
        AllIds {
            actors: Ids::new(ds.actors.iter().map(|a| &*a.id), None),
            quotes: Ids::new(ds.quotes.iter().map(|q| q.id.as_str()), Some('q')),
            events: Ids::new(ds.events.iter().map(|e| e.id.as_str()), Some('e')),
            articles: Ids::new(ds.articles.iter().map(|a| &*a.id), None),
        }
    }
}

impl Relations {
    fn with_ids(ds: &Dataset, ids: &AllIds) -> Relations {
        let actor = |id: &ActorId| ids.actors.get(id);
        let mut outlets: Vec<Outlet> = Vec::new();
        let mut outlet_ids: HashMap<String, usize> = HashMap::new();
        let outlet_of_article = ds
            .articles
            .iter()
            .map(|a| {
                let name = a.outlet.clone().unwrap_or_else(|| a.id.to_string());
                let id = slug(&name);
                *outlet_ids.entry(id.clone()).or_insert_with(|| {
                    outlets.push(Outlet { id, name });
                    outlets.len() - 1
                })
            })
            .collect();

        let article_of_quote: Vec<usize> =
            article_positions(&ids.articles, ds.quotes.iter().map(|q| &*q.article));
        let article_of_event: Vec<usize> =
            article_positions(&ids.articles, ds.events.iter().map(|e| &*e.article));
        let event_of_quote: Vec<Option<usize>> =
            ds.quotes.iter().map(|q| q.event.as_ref().and_then(|id| ids.events.get(id))).collect();
        let sorted = |mut list: Vec<usize>| {
            list.sort_unstable();
            list.dedup();
            list
        };
        let actors_by_event: Lists =
            ds.events.iter().map(|e| sorted(e.actors.iter().filter_map(actor).collect())).collect();
        let actors_by_quote: Lists = ds
            .quotes
            .iter()
            .zip(&event_of_quote)
            .map(|(q, event)| {
                let speaker = q.speaker.as_ref().and_then(actor);
                let named = event.map_or(&[][..], |e| &actors_by_event[e]);
                sorted(speaker.into_iter().chain(named.iter().copied()).collect())
            })
            .collect();

        // Date order, undated last; ties keep dataset order.
        let mut keyed: Vec<(bool, Option<Date>, usize)> = ds
            .events
            .iter()
            .enumerate()
            .map(|(e, event)| (event.date.first.is_none(), event.date.first, e))
            .collect();
        keyed.sort_unstable();
        let events_by_date: Vec<usize> = keyed.into_iter().map(|(_, _, e)| e).collect();

        let words = |i: usize| -> &str {
            let q = &ds.quotes[i];
            ds.articles
                .get(article_of_quote[i])
                .and_then(|a| a.text.get(q.start..q.end))
                .unwrap_or_default()
        };
        let same_words = first_with_same_words(ds.quotes.len(), |i| {
            (ds.quotes[i].kind != QuoteKind::Indirect).then(|| words(i))
        });
        let mut denied_claims: Vec<(usize, Vec<usize>)> = Vec::new();
        let mut claim_slot: HashMap<usize, usize> = HashMap::new();
        for (denial, q) in ds.quotes.iter().enumerate() {
            let Some(claim) = q.rejects.as_ref().and_then(|id| ids.quotes.get(id)) else {
                continue;
            };
            let slot = *claim_slot.entry(claim).or_insert_with(|| {
                denied_claims.push((claim, Vec::new()));
                denied_claims.len() - 1
            });
            denied_claims[slot].1.push(denial);
        }
        let conflict_quotes = ds
            .conflicts
            .iter()
            .map(|c| sorted(c.quotes.iter().filter_map(|id| ids.quotes.get(id)).collect()))
            .collect();
        let mut mentions: Vec<MentionAt> = ds
            .actors
            .iter()
            .enumerate()
            .flat_map(|(actor, a)| {
                let ids = &ids.articles;
                a.mentions.iter().filter_map(move |m| {
                    Some(MentionAt {
                        actor,
                        article: ids.get(&m.article)?,
                        start: m.start,
                        end: m.end,
                    })
                })
            })
            .collect();
        mentions.sort_unstable();

        Relations {
            outlets,
            outlet_of_article,
            article_of_quote,
            article_of_event,
            event_of_quote,
            actors_by_quote,
            actors_by_event,
            events_by_date,
            same_words,
            denied_claims,
            conflict_quotes,
            mentions,
        }
    }
}

/// Every lookup the explorer filters and renders with. The reader's lists and the
/// search texts are built on first use.
#[derive(Debug, Default)]
pub struct Index {
    ids: AllIds,
    outlet_ids: HashMap<String, usize>,
    pub outlets: Vec<Outlet>,
    pub outlet_of_article: Vec<usize>,
    pub article_of_quote: Vec<usize>,
    pub article_of_event: Vec<usize>,
    /// The event of each quote's saying, which carries its date.
    pub event_of_quote: Vec<Option<usize>>,
    /// For each quote, the actors it involves (its speaker and those its event names), ascending.
    pub actors_by_quote: Lists,
    /// For each event, the actors it names, ascending.
    pub actors_by_event: Lists,
    /// For each actor, the quotes and events involving it, ascending.
    pub quotes_by_actor: Lists,
    pub events_by_actor: Lists,
    /// Each event's place in date order (undated last).
    pub event_rank: Vec<u32>,
    /// For each quote, the first quote with the same words (itself when none): identical
    /// quoted words from several outlets show as one card.
    pub same_words: Vec<usize>,
    /// Each claim a denial rejects, with its denials.
    pub denied_claims: Vec<(usize, Vec<usize>)>,
    /// For each event, the quotes of its saying.
    pub quotes_by_event: Lists,
    /// Events in date order (undated last).
    pub events_by_date: Vec<usize>,
    /// Each conflict's quotes.
    pub conflict_quotes: Lists,
    mentions: Vec<MentionAt>,
    /// Where each actor's mentions end in `mentions`.
    mention_ends: Vec<usize>,
    articles: OnceLock<ArticleItems>,
    haystacks: OnceLock<Haystacks>,
    actor_names: OnceLock<Vec<u32>>,
    outlet_names: OnceLock<Vec<u32>>,
    window: OnceLock<Option<(Date, Date)>>,
}

impl Index {
    pub fn new(ds: &Dataset) -> Index {
        let ids = AllIds::new(ds);
        let relations = Relations::with_ids(ds, &ids);
        Index::derive(ds, relations, ids)
    }

    fn derive(ds: &Dataset, r: Relations, ids: AllIds) -> Index {
        let mut event_rank = vec![0u32; r.events_by_date.len()];
        for (rank, &e) in r.events_by_date.iter().enumerate() {
            event_rank[e] = u32::try_from(rank).unwrap_or(u32::MAX);
        }
        let quotes_by_event = Lists::grouped(
            r.event_of_quote.iter().enumerate().filter_map(|(q, e)| Some((q, (*e)?))),
            ds.events.len(),
        );
        let mention_ends =
            (0..ds.actors.len()).map(|a| r.mentions.partition_point(|m| m.actor <= a)).collect();
        Index {
            outlet_ids: r.outlets.iter().enumerate().map(|(i, o)| (o.id.clone(), i)).collect(),
            quotes_by_actor: r.actors_by_quote.inverted(ds.actors.len()),
            events_by_actor: r.actors_by_event.inverted(ds.actors.len()),
            quotes_by_event,
            event_rank,
            ids,
            outlets: r.outlets,
            outlet_of_article: r.outlet_of_article,
            article_of_quote: r.article_of_quote,
            article_of_event: r.article_of_event,
            event_of_quote: r.event_of_quote,
            actors_by_quote: r.actors_by_quote,
            actors_by_event: r.actors_by_event,
            same_words: r.same_words,
            denied_claims: r.denied_claims,
            events_by_date: r.events_by_date,
            conflict_quotes: r.conflict_quotes,
            mentions: r.mentions,
            mention_ends,
            articles: OnceLock::new(),
            haystacks: OnceLock::new(),
            actor_names: OnceLock::new(),
            outlet_names: OnceLock::new(),
            window: OnceLock::new(),
        }
    }

    /// Each article's quotes, time expressions and actor mentions, in text order.
    pub fn article_items(&self, ds: &Dataset) -> &ArticleItems {
        self.articles.get_or_init(|| {
            let by_article =
                |of: &[usize]| Lists::grouped(of.iter().copied().enumerate(), ds.articles.len());
            let timex_articles =
                article_positions(&self.ids.articles, ds.timexes.iter().map(|t| &*t.article));
            let marks = |named: &mut dyn Iterator<Item = (usize, &[Mention])>| {
                let mut by_article = vec![Vec::new(); ds.articles.len()];
                for (target, mentions) in named {
                    for m in mentions {
                        if let Some(a) = self.ids.articles.get(&m.article) {
                            let (start, end, rule, tie) = (m.start, m.end, m.rule, m.tie);
                            by_article[a].push(Mark { start, end, target, rule, tie });
                        }
                    }
                }
                by_article
            };
            let mut mentions = marks(&mut ds.actors.iter().map(|a| &a.mentions[..]).enumerate());
            let mut places = marks(&mut ds.places.iter().map(|p| &p.mentions[..]).enumerate());
            for marks in mentions.iter_mut().chain(&mut places) {
                let mut order: Vec<usize> = (0..marks.len()).collect();
                super::order_by(&mut order, |m| {
                    (marks[m].start as u64) << 32 | marks[m].end as u64
                });
                *marks = order.into_iter().map(|m| marks[m]).collect();
            }
            let start = |s: usize| s as u64;
            ArticleItems {
                quotes: by_article(&self.article_of_quote)
                    .sort_each_by_key(|i| start(ds.quotes[i].start)),
                timexes: by_article(&timex_articles)
                    .sort_each_by_key(|i| start(ds.timexes[i].start)),
                mentions,
                places,
            }
        })
    }

    /// The story's period (see [`super::story::window`]); found on first use.
    pub fn story_window(&self, ds: &Dataset) -> Option<(Date, Date)> {
        *self.window.get_or_init(|| super::story::window(&super::story::summary(ds, self)))
    }

    /// Each actor's place in alphabetical order of names; built on first use.
    pub fn actor_name_ranks(&self, ds: &Dataset) -> &[u32] {
        self.actor_names
            .get_or_init(|| super::name_ranks(ds.actors.iter().map(|a| a.name.as_str())))
    }

    /// Each outlet's place in alphabetical order of names; built on first use.
    pub fn outlet_name_ranks(&self) -> &[u32] {
        self.outlet_names
            .get_or_init(|| super::name_ranks(self.outlets.iter().map(|o| o.name.as_str())))
    }

    /// The actor's mentions, by article and place.
    pub fn mentions_of(&self, actor: usize) -> &[MentionAt] {
        let start = actor.checked_sub(1).map_or(0, |before| self.mention_ends[before]);
        &self.mentions[start..self.mention_ends[actor]]
    }

    pub fn actor(&self, id: &str) -> Option<usize> {
        self.ids.actors.get(id)
    }

    pub fn quote(&self, id: &str) -> Option<usize> {
        self.ids.quotes.get(id)
    }

    pub fn event(&self, id: &str) -> Option<usize> {
        self.ids.events.get(id)
    }

    pub fn article(&self, id: &str) -> Option<usize> {
        self.ids.articles.get(id)
    }

    pub fn outlet(&self, id: &str) -> Option<usize> {
        self.outlet_ids.get(id).copied()
    }

    /// A quote's words, sliced from its article (the page's dataset leaves item texts out).
    pub fn quote_words<'d>(&self, ds: &'d Dataset, quote: usize) -> &'d str {
        let q = &ds.quotes[quote];
        ds.articles
            .get(self.article_of_quote[quote])
            .and_then(|a| a.text.get(q.start..q.end))
            .unwrap_or_default()
    }

    /// An event's sentence, sliced from its article.
    pub fn event_words<'d>(&self, ds: &'d Dataset, event: usize) -> &'d str {
        let e = &ds.events[event];
        ds.articles
            .get(self.article_of_event[event])
            .and_then(|a| a.text.get(e.start..e.end))
            .unwrap_or_default()
    }

    /// The first and last day an event covers, when it is dated.
    pub fn event_days(&self, ds: &Dataset, event: usize) -> Option<(Date, Date)> {
        let d = &ds.events[event].date;
        Some((d.first?, d.last.or(d.first)?))
    }

    pub(super) fn haystacks(&self, ds: &Dataset) -> &Haystacks {
        self.haystacks.get_or_init(|| {
            let quotes = (0..ds.quotes.len())
                .map(|i| {
                    let q = &ds.quotes[i];
                    let speaker = q
                        .speaker
                        .as_deref()
                        .and_then(|s| self.actor(s))
                        .map_or("", |a| ds.actors[a].name.as_str());
                    format!(
                        "{}\n{speaker}\n{}",
                        self.quote_words(ds, i),
                        q.cue.as_deref().unwrap_or_default()
                    )
                    .to_lowercase()
                })
                .collect();
            // An event is found by its sentence and by the words said at it, as the timeline shows both.
            let events = (0..ds.events.len())
                .map(|e| {
                    let said = self.quotes_by_event[e].iter().map(|&q| self.quote_words(ds, q));
                    std::iter::once(self.event_words(ds, e))
                        .chain(said)
                        .collect::<Vec<_>>()
                        .join("\n")
                        .to_lowercase()
                })
                .collect();
            Haystacks { quotes, events }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_ids_are_read_only_in_their_canonical_spelling() {
        assert_eq!(numbered("q12", 'q'), Some(11));
        for bad in ["q0", "q012", "q+1", "q", "e1", "q1a", "q99999999999999999999999"] {
            assert_eq!(numbered(bad, 'q'), None, "{bad}");
        }
        let ids = ["q1", "q2"];
        assert_eq!(Ids::new(ids.into_iter(), Some('q')).get("q2"), Some(1));
        assert_eq!(Ids::new(ids.into_iter(), Some('q')).get("q3"), None);
        let gappy = ["q1", "q7"];
        assert_eq!(
            Ids::new(gappy.into_iter(), Some('q')).get("q7"),
            Some(1),
            "a gap falls back to the map"
        );
    }
}
