//! Lookups built once per dataset, so that filtering never scans by id: ids to
//! positions, items to actors and back, outlets, date order, identical quotes,
//! denials and per-article lists for the reader.

use std::sync::OnceLock;
use std::collections::HashMap;

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

/// What the article reader marks, per article in text order; built when a reader first opens.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleItems {
    pub quotes: Vec<Vec<usize>>,
    pub events: Vec<Vec<usize>>,
    pub timexes: Vec<Vec<usize>>,
    pub mentions: Vec<Vec<Mark>>,
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
    fn new<'a>(ids: impl Iterator<Item = &'a String> + Clone, prefix: Option<char>) -> Ids {
        let len = ids.clone().count();
        let in_order = prefix.filter(|&p| ids.clone().enumerate().all(|(i, id)| numbered(id, p) == Some(i)));
        match in_order {
            Some(p) => Ids { numbered: Some(p), len, map: HashMap::new() },
            None => Ids { numbered: None, len, map: ids.enumerate().map(|(i, id)| (id.clone(), i)).collect() },
        }
    }

    fn get(&self, id: &str) -> Option<usize> {
        match self.numbered {
            Some(p) => numbered(id, p).filter(|&i| i < self.len),
            None => self.map.get(id).copied(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index {
    actor_ids: Ids,
    quote_ids: Ids,
    event_ids: Ids,
    article_ids: Ids,
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
    articles: OnceLock<ArticleItems>,
    haystacks: OnceLock<Haystacks>,
}

/// The words of a quote for matching across outlets: letters and digits, lower-cased,
/// one space between words. An iterator, so that matching allocates nothing.
fn words_key(text: &str) -> impl Iterator<Item = char> + Clone + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .enumerate()
        .flat_map(|(i, word)| (i > 0).then_some(' ').into_iter().chain(word.chars().flat_map(char::to_lowercase)))
}

/// [`words_key`] written into `buf` (cleared first), for lookups that allocate nothing.
fn write_words_key(text: &str, buf: &mut String) {
    buf.clear();
    buf.extend(words_key(text));
}

/// `YYYY-MM-DD` as one sortable number.
fn day_number(date: &str) -> Option<u32> {
    let b = date.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let part = |r: std::ops::Range<usize>| date.get(r)?.parse::<u32>().ok();
    Some(part(0..4)? * 10_000 + part(5..7)? * 100 + part(8..10)?)
}

/// The article of each item. Items come grouped by article, so the last answer is tried
/// before the map.
fn article_positions<'a>(ids: &Ids, articles: impl Iterator<Item = &'a String>) -> Vec<usize> {
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
        let actor_ids = Ids::new(ds.actors.iter().map(|a| &a.id), None);
        let event_ids = Ids::new(ds.events.iter().map(|e| &e.id), Some('e'));
        let quote_ids = Ids::new(ds.quotes.iter().map(|q| &q.id), Some('q'));
        let article_ids = Ids::new(ds.articles.iter().map(|a| &a.id), None);
        let actor = |id: &String| actor_ids.get(id);

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

        let article_of_quote: Vec<usize> = article_positions(&article_ids, ds.quotes.iter().map(|q| &q.article));
        let article_of_event: Vec<usize> = article_positions(&article_ids, ds.events.iter().map(|e| &e.article));
        let event_of_quote: Vec<Option<usize>> = ds.quotes.iter().map(|q| q.event.as_ref().and_then(|id| event_ids.get(id))).collect();
        let sorted = |mut list: Vec<usize>| {
            list.sort_unstable();
            list.dedup();
            list
        };
        let actors_by_event: Vec<Vec<usize>> = ds.events.iter().map(|e| sorted(e.actors.iter().filter_map(actor).collect())).collect();
        let actors_by_quote: Vec<Vec<usize>> = ds
            .quotes
            .iter()
            .zip(&event_of_quote)
            .map(|(q, event)| {
                let speaker = q.speaker.as_ref().and_then(actor);
                let named = event.map_or(&[][..], |e| actors_by_event[e].as_slice());
                sorted(speaker.into_iter().chain(named.iter().copied()).collect())
            })
            .collect();

        // Date order, undated last; ties keep dataset order.
        let mut keyed: Vec<(bool, u32, usize)> = ds
            .events
            .iter()
            .enumerate()
            .map(|(e, event)| {
                let first = event.date.first.as_deref();
                (first.is_none(), first.and_then(day_number).unwrap_or(u32::MAX), e)
            })
            .collect();
        keyed.sort_unstable();
        let by_date: Vec<usize> = keyed.into_iter().map(|(_, _, e)| e).collect();
        let mut event_rank = vec![0u32; ds.events.len()];
        for (rank, &e) in by_date.iter().enumerate() {
            event_rank[e] = u32::try_from(rank).unwrap_or(u32::MAX);
        }

        let words = |i: usize| -> &str {
            let q = &ds.quotes[i];
            ds.articles.get(article_of_quote[i]).and_then(|a| a.text.get(q.start..q.end)).unwrap_or_default()
        };
        // The first quote with each key; one key buffer is reused, so only new keys allocate.
        let mut first_with: HashMap<String, usize> = HashMap::new();
        let mut key = String::new();
        let same_words = (0..ds.quotes.len())
            .map(|i| {
                write_words_key(words(i), &mut key);
                if ds.quotes[i].kind == QuoteKind::Indirect || key.is_empty() {
                    return i;
                }
                match first_with.get(key.as_str()) {
                    Some(&first) => first,
                    None => {
                        first_with.insert(key.clone(), i);
                        i
                    }
                }
            })
            .collect();
        let mut denied_claims: Vec<(usize, Vec<usize>)> = Vec::new();
        let mut claim_slot: HashMap<usize, usize> = HashMap::new();
        for (denial, q) in ds.quotes.iter().enumerate() {
            let Some(claim) = q.rejects.as_ref().and_then(|id| quote_ids.get(id)) else { continue };
            let slot = *claim_slot.entry(claim).or_insert_with(|| {
                denied_claims.push((claim, Vec::new()));
                denied_claims.len() - 1
            });
            denied_claims[slot].1.push(denial);
        }
        let quotes_by_event =
            invert(&event_of_quote.iter().map(|e| e.iter().copied().collect()).collect::<Vec<_>>(), ds.events.len());
        let conflict_quotes =
            ds.conflicts.iter().map(|c| c.quotes.iter().filter_map(|id| quote_ids.get(id)).collect()).collect();

        Index {
            quotes_by_actor: invert(&actors_by_quote, ds.actors.len()),
            events_by_actor: invert(&actors_by_event, ds.actors.len()),
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
            articles: OnceLock::new(),
            haystacks: OnceLock::new(),
        }
    }

    /// Each article's quotes, events, time expressions and actor mentions, in text order.
    pub fn article_items(&self, ds: &Dataset) -> &ArticleItems {
        self.articles.get_or_init(|| {
            let by_article = |of: &[usize]| invert(&of.iter().map(|&a| vec![a]).collect::<Vec<_>>(), ds.articles.len());
            let in_text_order = |mut lists: Vec<Vec<usize>>, start: &dyn Fn(usize) -> usize| {
                lists.iter_mut().for_each(|l| l.sort_by_key(|&i| (start(i), i)));
                lists
            };
            let timex_articles = article_positions(&self.article_ids, ds.timexes.iter().map(|t| &t.article));
            let mut mentions = vec![Vec::new(); ds.articles.len()];
            for (a, actor) in ds.actors.iter().enumerate() {
                for m in &actor.mentions {
                    if let Some(i) = self.article_ids.get(&m.article) {
                        mentions[i].push(Mark { start: m.start, end: m.end, target: a });
                    }
                }
            }
            mentions.iter_mut().for_each(|marks: &mut Vec<Mark>| marks.sort_by_key(|m| (m.start, m.end)));
            ArticleItems {
                quotes: in_text_order(by_article(&self.article_of_quote), &|i| ds.quotes[i].start),
                events: in_text_order(by_article(&self.article_of_event), &|i| ds.events[i].start),
                timexes: in_text_order(by_article(&timex_articles), &|i| ds.timexes[i].start),
                mentions,
            }
        })
    }

    pub fn actor(&self, id: &str) -> Option<usize> {
        self.actor_ids.get(id)
    }

    pub fn quote(&self, id: &str) -> Option<usize> {
        self.quote_ids.get(id)
    }

    pub fn event(&self, id: &str) -> Option<usize> {
        self.event_ids.get(id)
    }

    pub fn article(&self, id: &str) -> Option<usize> {
        self.article_ids.get(id)
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
        assert_eq!(words_key("“Rubbish,” he said").collect::<String>(), "rubbish he said");
        assert!(words_key("RUBBISH.").eq(words_key("rubbish")));
        let mut buf = String::from("stale");
        write_words_key("Rubbish!", &mut buf);
        assert_eq!(buf, "rubbish");
        assert_eq!(words_key("— …").count(), 0);
    }

    #[test]
    fn numbered_ids_are_read_only_in_their_canonical_spelling() {
        assert_eq!(numbered("q12", 'q'), Some(11));
        for bad in ["q0", "q012", "q+1", "q", "e1", "q1a", "q99999999999999999999999"] {
            assert_eq!(numbered(bad, 'q'), None, "{bad}");
        }
        let ids: Vec<String> = vec!["q1".into(), "q2".into()];
        assert_eq!(Ids::new(ids.iter(), Some('q')).get("q2"), Some(1));
        assert_eq!(Ids::new(ids.iter(), Some('q')).get("q3"), None);
        let gappy: Vec<String> = vec!["q1".into(), "q7".into()];
        assert_eq!(Ids::new(gappy.iter(), Some('q')).get("q7"), Some(1), "a gap falls back to the map");
        assert_eq!(day_number("2017-01-23"), Some(20_170_123));
        assert_eq!(day_number("2017-1-23"), None);
    }
}
