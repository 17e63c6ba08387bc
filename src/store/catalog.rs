//! The parts of a story the page has at hand: all of an embedded story's from the start, a
//! sharded story's as they arrive. Parts are kept as bytes and decoded on first use; a
//! catalog with one more part is a new catalog sharing the others, so that a view computed
//! from one catalog is never changed under it.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::{
    decode_part, ActorInfo, ActorPage, ArticlePage, Contested, EventCard, EventFact, Items,
    Manifest, OrderChunk, PartName, QuoteCard, QuoteFact, WordBucket, ARTICLE_CHUNK, CARD_CHUNK,
    FACT_CHUNK, NAME_CHUNK, SITE_CHUNK,
};

/// How many types a part may decode as ([`Decoded`]'s variants).
const TYPES: usize = 13;

/// A part's bytes, decoded once for each type it is read as: two parts of different
/// families may have the same bytes (two empty lists), and so the same name.
struct Slot {
    bytes: Vec<u8>,
    decoded: [OnceCell<Option<Decoded>>; TYPES],
}

impl Slot {
    fn new(bytes: Vec<u8>) -> Rc<Slot> {
        Rc::new(Slot { bytes, decoded: Default::default() })
    }
}

enum Decoded {
    QuoteFacts(Vec<QuoteFact>),
    EventFacts(Vec<EventFact>),
    QuoteCards(Vec<QuoteCard>),
    EventCards(Vec<EventCard>),
    Articles(Vec<ArticlePage>),
    Names(Vec<ActorInfo>),
    Slugs(Vec<(String, u32)>),
    Actors(Vec<ActorPage>),
    Items(Items),
    Words(WordBucket),
    Order(OrderChunk),
    Ids(Vec<u32>),
    Contested(Contested),
}

/// A quote or an event, by site id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Site {
    Quote(u32),
    Event(u32),
}

/// The manifest and the parts at hand.
#[derive(Clone)]
pub struct Catalog {
    pub manifest: Rc<Manifest>,
    parts: HashMap<PartName, Rc<Slot>>,
    /// Bumped with every part added: what a view was computed from.
    pub generation: u64,
}

impl PartialEq for Catalog {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.manifest, &other.manifest) && self.generation == other.generation
    }
}

macro_rules! typed {
    ($name:ident, $slot:expr, $variant:ident, $ty:ty) => {
        fn $name(&self, part: &PartName) -> Option<&$ty> {
            match self.decoded(part, $slot, |b| decode_part(b).ok().map(Decoded::$variant))? {
                Decoded::$variant(v) => Some(v),
                _ => None,
            }
        }
    };
}

impl Catalog {
    /// A catalog of `manifest` with the parts an embedded story carries.
    pub fn new(manifest: Manifest, parts: Vec<(PartName, Vec<u8>)>) -> Catalog {
        let parts = parts.into_iter().map(|(name, bytes)| (name, Slot::new(bytes))).collect();
        Catalog { manifest: Rc::new(manifest), parts, generation: 0 }
    }

    /// This catalog with one more part.
    #[must_use]
    pub fn with(&self, name: PartName, bytes: Vec<u8>) -> Catalog {
        let mut next = self.clone();
        next.parts.insert(name, Slot::new(bytes));
        next.generation += 1;
        next
    }

    /// Whether `part` is at hand.
    pub fn has(&self, part: &PartName) -> bool {
        self.parts.contains_key(part)
    }

    fn decoded(
        &self,
        part: &PartName,
        slot: usize,
        decode: impl FnOnce(&[u8]) -> Option<Decoded>,
    ) -> Option<&Decoded> {
        let at = self.parts.get(part)?;
        at.decoded[slot].get_or_init(|| decode(&at.bytes)).as_ref()
    }

    typed!(quote_facts_part, 0, QuoteFacts, Vec<QuoteFact>);
    typed!(event_facts_part, 1, EventFacts, Vec<EventFact>);
    typed!(quote_cards_part, 2, QuoteCards, Vec<QuoteCard>);
    typed!(event_cards_part, 3, EventCards, Vec<EventCard>);
    typed!(articles_part, 4, Articles, Vec<ArticlePage>);
    typed!(names_part, 5, Names, Vec<ActorInfo>);
    typed!(slugs_part, 6, Slugs, Vec<(String, u32)>);
    typed!(actors_part, 7, Actors, Vec<ActorPage>);
    typed!(items_part, 8, Items, Items);
    typed!(words_part, 9, Words, WordBucket);
    typed!(order_part, 10, Order, OrderChunk);
    typed!(ids_part, 11, Ids, Vec<u32>);
    typed!(contested_part, 12, Contested, Contested);

    /// The part that holds quote `id`'s facts, and the facts when at hand.
    pub fn quote_fact(&self, id: u32) -> Result<&QuoteFact, Option<&PartName>> {
        let k = id as usize / FACT_CHUNK;
        let part = self.manifest.parts.quote_facts.get(k).ok_or(None)?;
        self.quote_facts_part(part).ok_or(Some(part))?.get(id as usize % FACT_CHUNK).ok_or(None)
    }

    pub fn event_fact(&self, id: u32) -> Result<&EventFact, Option<&PartName>> {
        let k = id as usize / FACT_CHUNK;
        let part = self.manifest.parts.event_facts.get(k).ok_or(None)?;
        self.event_facts_part(part).ok_or(Some(part))?.get(id as usize % FACT_CHUNK).ok_or(None)
    }

    /// Quote `id`'s card: from the default answers, or its chunk; else the part to fetch.
    pub fn quote_card(&self, id: u32) -> Result<&QuoteCard, Option<&PartName>> {
        if let Ok(i) = self.manifest.default.quote_cards.binary_search_by_key(&id, |(q, _)| *q) {
            return Ok(&self.manifest.default.quote_cards[i].1);
        }
        let part = self.manifest.parts.quote_cards.get(id as usize / CARD_CHUNK).ok_or(None)?;
        self.quote_cards_part(part).ok_or(Some(part))?.get(id as usize % CARD_CHUNK).ok_or(None)
    }

    pub fn event_card(&self, id: u32) -> Result<&EventCard, Option<&PartName>> {
        if let Ok(i) = self.manifest.default.event_cards.binary_search_by_key(&id, |(e, _)| *e) {
            return Ok(&self.manifest.default.event_cards[i].1);
        }
        let part = self.manifest.parts.event_cards.get(id as usize / CARD_CHUNK).ok_or(None)?;
        self.event_cards_part(part).ok_or(Some(part))?.get(id as usize % CARD_CHUNK).ok_or(None)
    }

    pub fn article(&self, index: u32) -> Result<&ArticlePage, Option<&PartName>> {
        let part = self.manifest.parts.articles.get(index as usize / ARTICLE_CHUNK).ok_or(None)?;
        self.articles_part(part).ok_or(Some(part))?.get(index as usize % ARTICLE_CHUNK).ok_or(None)
    }

    /// Actor `index` as the directory lists it.
    pub fn actor_info(&self, index: u32) -> Result<&ActorInfo, Option<&PartName>> {
        if let Some(info) = self.manifest.top_actors.get(index as usize) {
            return Ok(info);
        }
        let part = self.manifest.parts.names.get(index as usize / NAME_CHUNK).ok_or(None)?;
        self.names_part(part).ok_or(Some(part))?.get(index as usize % NAME_CHUNK).ok_or(None)
    }

    /// The actor whose slug is `id`: `Ok(None)` when there is none.
    pub fn actor_by_slug(&self, id: &str) -> Result<Option<u32>, &PartName> {
        if let Some(a) = self.manifest.top_actors.iter().find(|a| a.id == id) {
            return Ok(Some(a.index));
        }
        let Some(part) =
            self.manifest.parts.slugs.get(super::bucket(id, self.manifest.slug_buckets))
        else {
            return Ok(None);
        };
        let slugs = self.slugs_part(part).ok_or(part)?;
        Ok(slugs.binary_search_by(|(s, _)| s.as_str().cmp(id)).ok().map(|i| slugs[i].1))
    }

    /// The part with actor `index`'s page.
    pub fn actor_part(&self, index: u32) -> Option<&PartName> {
        let parts = &self.manifest.parts.actors;
        let at = parts.partition_point(|(first, _)| *first <= index).checked_sub(1)?;
        Some(&parts[at].1)
    }

    pub fn actor_page(&self, index: u32) -> Result<&ActorPage, Option<&PartName>> {
        let part = self.actor_part(index).ok_or(None)?;
        let pages = self.actors_part(part).ok_or(Some(part))?;
        pages.iter().find(|p| p.info.index == index).ok_or(None)
    }

    /// Outlet `o`'s items.
    pub fn outlet_items(&self, o: u32) -> Result<&Items, Option<&PartName>> {
        let part = self.manifest.parts.outlets.get(o as usize).ok_or(None)?;
        self.items_part(part).ok_or(Some(part))
    }

    /// The quotes and events the word index files under `word` (ascending ids), or the
    /// bucket to fetch.
    pub fn word(&self, word: &str) -> Result<(Vec<u32>, Vec<u32>), &PartName> {
        let k = super::bucket(word, self.manifest.word_buckets);
        let Some(part) = self.manifest.parts.words.get(k) else { return Ok(Default::default()) };
        let bucket = self.words_part(part).ok_or(part)?;
        let undelta = |gaps: &[u32]| {
            let mut at = 0u32;
            gaps.iter()
                .map(|g| {
                    at = at.wrapping_add(*g);
                    at
                })
                .collect::<Vec<u32>>()
        };
        Ok(match bucket.words.binary_search_by(|(w, _, _)| w.as_str().cmp(word)) {
            Ok(i) => (undelta(&bucket.words[i].1), undelta(&bucket.words[i].2)),
            Err(_) => Default::default(),
        })
    }

    pub fn order(&self, part: &PartName) -> Option<&OrderChunk> {
        self.order_part(part)
    }

    pub fn ids(&self, part: &PartName) -> Option<&Vec<u32>> {
        self.ids_part(part)
    }

    /// The site id of the dataset's quote or event `id` (`q12`, `e7`): `Ok(None)` when the
    /// story has no such item.
    pub fn site_of(&self, id: &str) -> Result<Option<Site>, &PartName> {
        let (quote, n) = match (id.get(..1), id.get(1..).and_then(|n| n.parse::<usize>().ok())) {
            (Some("q"), Some(n)) if n >= 1 => (true, n - 1),
            (Some("e"), Some(n)) if n >= 1 => (false, n - 1),
            _ => return Ok(None),
        };
        let (parts, count) = if quote {
            (&self.manifest.parts.quote_sites, self.manifest.quotes)
        } else {
            (&self.manifest.parts.event_sites, self.manifest.events)
        };
        if n >= count as usize {
            return Ok(None);
        }
        let Some(part) = parts.get(n / SITE_CHUNK) else { return Ok(None) };
        let sites = self.ids_part(part).ok_or(part)?;
        Ok(sites.get(n % SITE_CHUNK).map(|&s| if quote { Site::Quote(s) } else { Site::Event(s) }))
    }

    /// Claims and conflicts: in the manifest, or their part.
    pub fn contested(&self) -> Result<&Contested, Option<&PartName>> {
        if let Some(c) = &self.manifest.contested {
            return Ok(c);
        }
        let part = self.manifest.parts.contested.as_ref().ok_or(None)?;
        self.contested_part(part).ok_or(Some(part))
    }

    /// Outlet `o`'s name.
    pub fn outlet_name(&self, o: u32) -> &str {
        self.manifest.outlets.get(o as usize).map_or("", |o| o.name.as_str())
    }
}
