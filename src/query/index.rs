//! Lookups built once per dataset, so that filtering never scans by id: ids to
//! positions, items to actors and back, outlets, date order, identical quotes,
//! denials and per-article lists for the reader.

use std::sync::OnceLock;
use std::collections::{BTreeSet, HashMap};

use crate::dataset::{slug, Dataset};
use crate::extract::QuoteKind;

/// An outlet as the filter lists it; articles without one stand for themselves.
#[derive(Debug, Clone, PartialEq)]
pub struct Outlet {
    pub id: String,
    pub name: String,
}

/// A stretch of an article the reader marks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    /// The actor a mention names, the quote, or the time expression (dataset positions).
    pub target: usize,
}

/// Lower-cased texts searched by the free-text filter; built on the first search.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Haystacks {
    pub quotes: Vec<String>,
    pub events: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index {
    actor_ids: HashMap<String, usize>,
    quote_ids: HashMap<String, usize>,
    event_ids: HashMap<String, usize>,
    article_ids: HashMap<String, usize>,
    outlet_ids: HashMap<String, usize>,
    pub outlets: Vec<Outlet>,
    pub outlet_of_article: Vec<usize>,
    pub article_of_quote: Vec<usize>,
    pub article_of_event: Vec<usize>,
    /// The event of each quote's saying, which carries its date.
    pub event_of_quote: Vec<Option<usize>>,
    /// For each quote, the actors it involves (its speaker and those its event names), ascending.
    pub actors_by_quote: Vec<Vec<usize>>,
    /// For each event, the actors it names, ascending.
    pub actors_by_event: Vec<Vec<usize>>,
    /// For each actor, the quotes and events involving it, ascending.
    pub quotes_by_actor: Vec<Vec<usize>>,
    pub events_by_actor: Vec<Vec<usize>>,
    /// Each event's place in date order (undated last).
    pub event_rank: Vec<u32>,
    /// For each quote, the first quote with the same words (itself when none): identical
    /// quoted words from several outlets show as one card.
    pub same_words: Vec<usize>,
    /// Each claim a denial rejects, with its denials.
    pub denied_claims: Vec<(usize, Vec<usize>)>,
    /// For each event, the quotes of its saying.
    pub quotes_by_event: Vec<Vec<usize>>,
    /// Events in date order (undated last).
    pub events_by_date: Vec<usize>,
    /// Each conflict's quotes.
    pub conflict_quotes: Vec<Vec<usize>>,
    /// Per article, in text order: quotes, events, time expressions and actor mentions.
    pub quotes_by_article: Vec<Vec<usize>>,
    pub events_by_article: Vec<Vec<usize>>,
    pub timexes_by_article: Vec<Vec<usize>>,
    pub mentions_by_article: Vec<Vec<Mark>>,
    haystacks: OnceLock<Haystacks>,
}

fn positions<'a>(ids: impl Iterator<Item = &'a String>) -> HashMap<String, usize> {
    ids.enumerate().map(|(i, id)| (id.clone(), i)).collect()
}

/// The words of a quote for matching across outlets: letters and digits, lower-cased,
/// one space between words.
fn words_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().flat_map(char::to_lowercase));
    }
    key
}

/// For each item, the ascending list of items pointing at each target.
fn invert(by_item: &[Vec<usize>], targets: usize) -> Vec<Vec<usize>> {
    let mut by_target = vec![Vec::new(); targets];
    for (item, list) in by_item.iter().enumerate() {
        for &t in list {
            if by_target[t].last() != Some(&item) {
                by_target[t].push(item);
            }
        }
    }
    by_target
}

impl Index {
    pub fn new(ds: &Dataset) -> Index {
        let actor_ids = positions(ds.actors.iter().map(|a| &a.id));
        let event_ids = positions(ds.events.iter().map(|e| &e.id));
        let quote_ids = positions(ds.quotes.iter().map(|q| &q.id));
        let article_ids = positions(ds.articles.iter().map(|a| &a.id));
        let article = |id: &String| article_ids.get(id).copied().unwrap_or(0);
        let actor = |id: &String| actor_ids.get(id).copied();

        let mut outlets: Vec<Outlet> = Vec::new();
        let mut outlet_ids: HashMap<String, usize> = HashMap::new();
        let outlet_of_article = ds
            .articles
            .iter()
            .map(|a| {
                let name = a.outlet.clone().unwrap_or_else(|| a.id.clone());
                let id = slug(&name);
                *outlet_ids.entry(id.clone()).or_insert_with(|| {
                    outlets.push(Outlet { id, name });
                    outlets.len() - 1
                })
            })
            .collect();

        let article_of_quote: Vec<usize> = ds.quotes.iter().map(|q| article(&q.article)).collect();
        let article_of_event: Vec<usize> = ds.events.iter().map(|e| article(&e.article)).collect();
        let event_of_quote: Vec<Option<usize>> =
            ds.quotes.iter().map(|q| q.event.as_ref().and_then(|id| event_ids.get(id).copied())).collect();
        let actors_by_event: Vec<Vec<usize>> = ds
            .events
            .iter()
            .map(|e| e.actors.iter().filter_map(actor).collect::<BTreeSet<_>>().into_iter().collect())
            .collect();
        let actors_by_quote: Vec<Vec<usize>> = ds
            .quotes
            .iter()
            .zip(&event_of_quote)
            .map(|(q, event)| {
                let mut involved: BTreeSet<usize> = q.speaker.as_ref().and_then(actor).into_iter().collect();
                if let Some(e) = *event {
                    involved.extend(&actors_by_event[e]);
                }
                involved.into_iter().collect()
            })
            .collect();

        let mut by_date: Vec<usize> = (0..ds.events.len()).collect();
        by_date.sort_by(|&x, &y| {
            let (a, b) = (&ds.events[x].date, &ds.events[y].date);
            (a.first.is_none(), &a.first, x).cmp(&(b.first.is_none(), &b.first, y))
        });
        let mut event_rank = vec![0u32; ds.events.len()];
        for (rank, &e) in by_date.iter().enumerate() {
            event_rank[e] = u32::try_from(rank).unwrap_or(u32::MAX);
        }

        let words = |i: usize| -> &str {
            let q = &ds.quotes[i];
            ds.articles.get(article_of_quote[i]).and_then(|a| a.text.get(q.start..q.end)).unwrap_or_default()
        };
        let mut first_with: HashMap<String, usize> = HashMap::new();
        let same_words = (0..ds.quotes.len())
            .map(|i| {
                let key = words_key(words(i));
                if ds.quotes[i].kind == QuoteKind::Indirect || key.is_empty() {
                    return i;
                }
                *first_with.entry(key).or_insert(i)
            })
            .collect();
        let mut denied_claims: Vec<(usize, Vec<usize>)> = Vec::new();
        let mut claim_slot: HashMap<usize, usize> = HashMap::new();
        for (denial, q) in ds.quotes.iter().enumerate() {
            let Some(&claim) = q.rejects.as_ref().and_then(|id| quote_ids.get(id)) else { continue };
            let slot = *claim_slot.entry(claim).or_insert_with(|| {
                denied_claims.push((claim, Vec::new()));
                denied_claims.len() - 1
            });
            denied_claims[slot].1.push(denial);
        }
        let quotes_by_event =
            invert(&event_of_quote.iter().map(|e| e.iter().copied().collect()).collect::<Vec<_>>(), ds.events.len());
        let conflict_quotes =
            ds.conflicts.iter().map(|c| c.quotes.iter().filter_map(|id| quote_ids.get(id).copied()).collect()).collect();

        let by_article = |articles: &[usize]| invert(&articles.iter().map(|&a| vec![a]).collect::<Vec<_>>(), ds.articles.len());
        let timex_articles: Vec<usize> = ds.timexes.iter().map(|t| article(&t.article)).collect();
        let mut mentions_by_article = vec![Vec::new(); ds.articles.len()];
        for (a, actor) in ds.actors.iter().enumerate() {
            for m in &actor.mentions {
                if let Some(&i) = article_ids.get(&m.article) {
                    mentions_by_article[i].push(Mark { start: m.start, end: m.end, target: a });
                }
            }
        }
        for marks in &mut mentions_by_article {
            marks.sort_by_key(|m| (m.start, m.end));
        }
        let sort_by_start = |mut lists: Vec<Vec<usize>>, start: &dyn Fn(usize) -> usize| {
            lists.iter_mut().for_each(|l| l.sort_by_key(|&i| (start(i), i)));
            lists
        };

        Index {
            quotes_by_actor: invert(&actors_by_quote, ds.actors.len()),
            events_by_actor: invert(&actors_by_event, ds.actors.len()),
            quotes_by_article: sort_by_start(by_article(&article_of_quote), &|i| ds.quotes[i].start),
            events_by_article: sort_by_start(by_article(&article_of_event), &|i| ds.events[i].start),
            timexes_by_article: sort_by_start(by_article(&timex_articles), &|i| ds.timexes[i].start),
            mentions_by_article,
            actors_by_quote,
            actors_by_event,
            event_rank,
            same_words,
            denied_claims,
            quotes_by_event,
            events_by_date: by_date,
            conflict_quotes,
            outlets,
            outlet_ids,
            outlet_of_article,
            article_of_quote,
            article_of_event,
            event_of_quote,
            quote_ids,
            article_ids,
            actor_ids,
            event_ids,
            haystacks: OnceLock::new(),
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

    pub fn outlet(&self, id: &str) -> Option<usize> {
        self.outlet_ids.get(id).copied()
    }

    /// A quote's words, sliced from its article (the page's dataset leaves item texts out).
    pub fn quote_words<'d>(&self, ds: &'d Dataset, quote: usize) -> &'d str {
        let q = &ds.quotes[quote];
        ds.articles.get(self.article_of_quote[quote]).and_then(|a| a.text.get(q.start..q.end)).unwrap_or_default()
    }

    /// An event's sentence, sliced from its article.
    pub fn event_words<'d>(&self, ds: &'d Dataset, event: usize) -> &'d str {
        let e = &ds.events[event];
        ds.articles.get(self.article_of_event[event]).and_then(|a| a.text.get(e.start..e.end)).unwrap_or_default()
    }

    /// The first and last day an event covers, when it is dated.
    pub fn event_days<'d>(&self, ds: &'d Dataset, event: usize) -> Option<(&'d str, &'d str)> {
        let d = &ds.events[event].date;
        Some((d.first.as_deref()?, d.last.as_deref().or(d.first.as_deref())?))
    }

    pub(super) fn haystacks(&self, ds: &Dataset) -> &Haystacks {
        self.haystacks.get_or_init(|| {
            let quotes = (0..ds.quotes.len())
                .map(|i| {
                    let q = &ds.quotes[i];
                    let speaker = q.speaker.as_deref().and_then(|s| self.actor(s)).map_or("", |a| ds.actors[a].name.as_str());
                    format!("{}\n{speaker}\n{}", self.quote_words(ds, i), q.cue.as_deref().unwrap_or_default()).to_lowercase()
                })
                .collect();
            // An event is found by its sentence and by the words said at it, as the timeline shows both.
            let events = (0..ds.events.len())
                .map(|e| {
                    let said = self.quotes_by_event[e].iter().map(|&q| self.quote_words(ds, q));
                    std::iter::once(self.event_words(ds, e)).chain(said).collect::<Vec<_>>().join("\n").to_lowercase()
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
    fn quoted_words_match_whatever_the_punctuation_and_case() {
        assert_eq!(words_key("“Rubbish,” he said"), "rubbish he said");
        assert_eq!(words_key("RUBBISH."), words_key("rubbish"));
        assert_eq!(words_key("— …"), "");
    }
}
