//! A dataset as a story: the manifest and every part (see the module above). Pure and
//! deterministic: the same dataset and `About` give the same bytes, whatever the machine.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::catalog::Catalog;
use super::*;
use crate::dataset::Dataset;
use crate::extract::QuoteKind;
use crate::query::engine::{self, zoom_code, MEATY_QUOTE_BYTES};
use crate::query::{reader, story, why, Index, Sort, State, View};

/// A story: its manifest and its parts, by name, in a fixed order.
pub struct Story {
    pub manifest: Manifest,
    pub parts: Vec<(PartName, Vec<u8>)>,
}

/// Parts as they are made, named by their hash, each once.
#[derive(Default)]
struct Writer {
    parts: Vec<(PartName, Vec<u8>)>,
    seen: HashMap<String, ()>,
}

impl Writer {
    fn add<T: Serialize>(&mut self, value: &T) -> Result<PartName, postcard::Error> {
        let bytes = postcard::to_allocvec(value)?;
        let name = PartName(hex16(&bytes));
        if self.seen.insert(name.0.clone(), ()).is_none() {
            self.parts.push((name.clone(), bytes));
        }
        Ok(name)
    }
}

/// The first 16 hex digits of the SHA-256 of `bytes`.
pub fn hex16(bytes: &[u8]) -> String {
    PartName::of_digest(&Sha256::digest(bytes)).0
}

/// Cards of an order after its first page, this many to a part.
const ORDER_CHUNK: usize = 1000;
/// Ids of a default list after its first page, this many to a part.
const IDS_CHUNK: usize = 4096;
/// How many actors the manifest lists; how many claims and conflicts it keeps inline.
const TOP_ACTORS: usize = 100;
const INLINE_CONTESTED: usize = 200;
/// A run of actors' pages is cut after about this many bytes.
const ACTOR_PART_BYTES: usize = 48 * 1024;

/// How the site numbers what the dataset numbers: items in date order, actors busiest first.
struct Numbering {
    /// Site id → dataset position, and back.
    quotes: Vec<usize>,
    quote_site: Vec<u32>,
    events: Vec<usize>,
    event_site: Vec<u32>,
    actors: Vec<usize>,
    actor_site: Vec<u32>,
}

fn inverse(order: &[usize]) -> Vec<u32> {
    let mut back = vec![0u32; order.len()];
    for (site, &ds) in order.iter().enumerate() {
        back[ds] = u32::try_from(site).unwrap_or(u32::MAX);
    }
    back
}

fn numbering(ds: &Dataset, index: &Index) -> Numbering {
    let events = index.events_by_date.clone();
    let event_site = inverse(&events);
    let mut quotes: Vec<usize> = (0..ds.quotes.len()).collect();
    quotes.sort_by_key(|&q| (index.event_of_quote[q].map_or(u32::MAX, |e| event_site[e]), q));
    let quote_site = inverse(&quotes);
    let busy = |a: usize| index.quotes_by_actor[a].len() + index.events_by_actor[a].len();
    let mut actors: Vec<usize> = (0..ds.actors.len()).collect();
    actors.sort_by(|&a, &b| {
        busy(b)
            .cmp(&busy(a))
            .then_with(|| ds.actors[a].name.cmp(&ds.actors[b].name))
            .then(a.cmp(&b))
    });
    let actor_site = inverse(&actors);
    Numbering { quotes, quote_site, events, event_site, actors, actor_site }
}

fn u(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Everything derived once from the dataset, which the parts are cut from.
struct Derived<'d> {
    ds: &'d Dataset,
    index: Index,
    n: Numbering,
    quote_facts: Vec<QuoteFact>,
    event_facts: Vec<EventFact>,
}

impl Derived<'_> {
    fn actor_ref(&self, a: usize) -> ActorRef {
        let actor = &self.ds.actors[a];
        ActorRef { index: self.n.actor_site[a], id: actor.id.to_string(), name: actor.name.clone() }
    }

    fn actor_info(&self, a: usize) -> ActorInfo {
        let actor = &self.ds.actors[a];
        ActorInfo {
            index: self.n.actor_site[a],
            id: actor.id.to_string(),
            name: actor.name.clone(),
            kind: actor.kind,
            role: actor.roles.first().cloned(),
            quotes: u(self.index.quotes_by_actor[a].len()),
            events: u(self.index.events_by_actor[a].len()),
        }
    }

    fn outlet_name(&self, article: usize) -> String {
        self.index.outlets[self.index.outlet_of_article[article]].name.clone()
    }

    fn quote_card(&self, q: usize) -> QuoteCard {
        let quote = &self.ds.quotes[q];
        let speaker = quote.speaker.as_deref().and_then(|s| self.index.actor(s));
        QuoteCard {
            id: quote.id.clone(),
            article: quote.article.to_string(),
            outlet: self.outlet_name(self.index.article_of_quote[q]),
            flags: self.quote_facts[self.n.quote_site[q] as usize].flags,
            words: self.index.quote_words(self.ds, q).to_string(),
            speaker: speaker.map(|a| self.actor_ref(a)),
            role: speaker.and_then(|a| self.ds.actors[a].roles.first().cloned()),
            cue: quote.cue.clone(),
            date: self.index.event_of_quote[q].map(|e| self.ds.events[e].date.clone()),
            rules: [
                Some(quote.rule),
                quote.speaker_rule,
                quote.subject_rule,
                Some(quote.stance_rule),
            ],
        }
    }

    fn event_card(&self, e: usize) -> EventCard {
        let event = &self.ds.events[e];
        let mut said: Vec<usize> = self.index.quotes_by_event[e].to_vec();
        said.sort_by_key(|&q| self.n.quote_site[q]);
        EventCard {
            id: event.id.clone(),
            article: event.article.to_string(),
            outlet: self.outlet_name(self.index.article_of_event[e]),
            sentence: self.index.event_words(self.ds, e).to_string(),
            date: event.date.clone(),
            said: said
                .into_iter()
                .filter(|&q| self.ds.quotes[q].kind != QuoteKind::Indirect)
                .map(|q| self.index.quote_words(self.ds, q).to_string())
                .collect(),
            actors: self.index.actors_by_event[e].iter().map(|&a| self.actor_ref(a)).collect(),
        }
    }
}

fn derive(ds: &Dataset) -> Derived<'_> {
    let index = Index::new(ds);
    let n = numbering(ds, &index);
    let uncertain = why::uncertain_rules(ds);
    let days = |e: usize| index.event_days(ds, e).map(|(a, b)| (day(a), day(b)));
    let sorted_actors = |list: &[usize]| {
        let mut out: Vec<u32> = list.iter().map(|&a| n.actor_site[a]).collect();
        out.sort_unstable();
        out
    };
    let quote_flags = |q: usize| {
        let quote = &ds.quotes[q];
        let speaker = quote.speaker.as_deref().and_then(|s| index.actor(s)).map_or(0, |a| {
            if ds.actors[a].kind == crate::extract::ActorKind::Group {
                2
            } else {
                1
            }
        });
        flags::of(
            quote.kind,
            quote.stance,
            why::is_uncertain(&uncertain, quote),
            quote.end - quote.start < MEATY_QUOTE_BYTES,
            speaker,
        )
    };
    let quote_facts = n
        .quotes
        .iter()
        .map(|&q| {
            let article = index.article_of_quote[q];
            let event = index.event_of_quote[q];
            QuoteFact {
                article: u(article),
                outlet: u(index.outlet_of_article[article]),
                flags: quote_flags(q),
                event: event.map(|e| n.event_site[e]),
                days: event.and_then(days),
                group: n.quote_site[index.same_words[q]],
                speaker: ds.quotes[q]
                    .speaker
                    .as_deref()
                    .and_then(|s| index.actor(s))
                    .map(|a| n.actor_site[a]),
                actors: sorted_actors(&index.actors_by_quote[q]),
            }
        })
        .collect();
    let event_facts = n
        .events
        .iter()
        .map(|&e| {
            let article = index.article_of_event[e];
            let mut said: Vec<usize> = index.quotes_by_event[e].to_vec();
            said.sort_by_key(|&q| n.quote_site[q]);
            EventFact {
                article: u(article),
                outlet: u(index.outlet_of_article[article]),
                days: days(e),
                granularity: granularity_code(ds.events[e].date.granularity),
                said: said.into_iter().map(quote_flags).collect(),
                actors: sorted_actors(&index.actors_by_event[e]),
            }
        })
        .collect();
    Derived { ds, index, n, quote_facts, event_facts }
}

/// The story of `ds`, for a site that says `about` of itself.
///
/// # Errors
/// Only when postcard cannot encode a part (allocation failure).
pub fn build(ds: &Dataset, about: About) -> Result<Story, postcard::Error> {
    let d = derive(ds);
    let mut w = Writer::default();
    let mut parts = Parts::default();

    for chunk in d.quote_facts.chunks(FACT_CHUNK) {
        parts.quote_facts.push(w.add(&chunk)?);
    }
    for chunk in d.event_facts.chunks(FACT_CHUNK) {
        parts.event_facts.push(w.add(&chunk)?);
    }
    for chunk in d.n.quotes.chunks(CARD_CHUNK) {
        let cards: Vec<QuoteCard> = chunk.iter().map(|&q| d.quote_card(q)).collect();
        parts.quote_cards.push(w.add(&cards)?);
    }
    for chunk in d.n.events.chunks(CARD_CHUNK) {
        let cards: Vec<EventCard> = chunk.iter().map(|&e| d.event_card(e)).collect();
        parts.event_cards.push(w.add(&cards)?);
    }
    let pages = article_pages(&d);
    for chunk in pages.chunks(ARTICLE_CHUNK) {
        parts.articles.push(w.add(&chunk)?);
    }
    let infos: Vec<ActorInfo> = d.n.actors.iter().map(|&a| d.actor_info(a)).collect();
    for chunk in infos.chunks(NAME_CHUNK) {
        parts.names.push(w.add(&chunk)?);
    }
    let slug_buckets = u((infos.len() / 512).max(1));
    let mut slugs: Vec<Vec<(String, u32)>> = vec![Vec::new(); slug_buckets as usize];
    for info in &infos {
        slugs[bucket(&info.id, slug_buckets)].push((info.id.clone(), info.index));
    }
    for mut b in slugs {
        b.sort();
        parts.slugs.push(w.add(&b)?);
    }
    parts.actors = actor_parts(&d, &mut w)?;
    for chunk in d.n.quote_site.chunks(SITE_CHUNK) {
        parts.quote_sites.push(w.add(&chunk)?);
    }
    for chunk in d.n.event_site.chunks(SITE_CHUNK) {
        parts.event_sites.push(w.add(&chunk)?);
    }
    for o in 0..d.index.outlets.len() {
        let items = Items {
            quotes: facts_where(&d.quote_facts, |f| f.outlet as usize == o),
            events: facts_where(&d.event_facts, |f| f.outlet as usize == o),
        };
        parts.outlets.push(w.add(&items)?);
    }
    let (word_buckets, words) = word_index(&d);
    for b in words {
        parts.words.push(w.add(&b)?);
    }
    let contested = contested(&d);
    let inline = contested.denied.len() + contested.conflicts.len() <= INLINE_CONTESTED;
    if !inline {
        parts.contested = Some(w.add(&contested)?);
    }

    let (months, undated_quotes, undated_events) = months(&d);
    let summary = story::summary(ds, &d.index);
    let window = story::window(&summary).map(|(a, b)| (day(a), day(b)));
    let mut manifest = Manifest {
        about,
        build: String::new(),
        articles: u(ds.articles.len()),
        quotes: u(ds.quotes.len()),
        events: u(ds.events.len()),
        actors: u(ds.actors.len()),
        outlets: d
            .index
            .outlets
            .iter()
            .enumerate()
            .map(|(o, outlet)| OutletInfo {
                id: outlet.id.clone(),
                name: outlet.name.clone(),
                articles: u(d.index.outlet_of_article.iter().filter(|&&x| x == o).count()),
            })
            .collect(),
        published: summary.first.zip(summary.last).map(|(a, b)| (day(a), day(b))),
        undated_articles: u(summary.undated),
        window,
        months,
        undated_quotes,
        undated_events,
        top_actors: infos.iter().take(TOP_ACTORS).cloned().collect(),
        rules: ds.rules.clone(),
        slug_buckets,
        word_buckets,
        quote_cells: quote_cells(&d.quote_facts),
        event_cells: event_cells(&d.event_facts),
        default: Defaults::default(),
        contested: inline.then_some(contested),
        parts,
    };
    // The default answers' order chunks are parts too.
    let (default, extra) = {
        let mut extra = Writer::default();
        let default = defaults(&d, &manifest, &w, &mut extra)?;
        (default, extra)
    };
    manifest.default = default;
    for (name, bytes) in extra.parts {
        if w.seen.insert(name.0.clone(), ()).is_none() {
            w.parts.push((name, bytes));
        }
    }
    manifest.build = build_id(&manifest)?;
    Ok(Story { manifest, parts: w.parts })
}

/// The build's id: the first 8 hex digits of the hash of the manifest without it.
fn build_id(manifest: &Manifest) -> Result<String, postcard::Error> {
    let bytes = postcard::to_allocvec(manifest)?;
    Ok(hex16(&bytes)[..8].to_string())
}

fn facts_where<F: Clone>(facts: &[F], keep: impl Fn(&F) -> bool) -> Vec<(u32, F)> {
    facts.iter().enumerate().filter(|(_, f)| keep(f)).map(|(i, f)| (u(i), f.clone())).collect()
}

/// Every article as the reader shows it.
fn article_pages(d: &Derived) -> Vec<ArticlePage> {
    let ds = d.ds;
    let items = d.index.article_items(ds);
    let mut events_of: Vec<Vec<(u32, u32, u32)>> = vec![Vec::new(); ds.articles.len()];
    for (e, event) in ds.events.iter().enumerate() {
        events_of[d.index.article_of_event[e]].push((
            d.n.event_site[e],
            u(event.start),
            u(event.end),
        ));
    }
    ds.articles
        .iter()
        .enumerate()
        .map(|(a, article)| {
            let marks = reader::layers(ds, &d.index, a)
                .into_iter()
                .map(|l| Mark {
                    start: u(l.span.start),
                    end: u(l.span.end),
                    kind: l.mark,
                    label: l.label,
                    rules: l.rules,
                    actor: l.actor.map(|x| d.actor_ref(x)),
                })
                .collect();
            let mut quotes: Vec<(u32, u32, u32)> = items.quotes[a]
                .iter()
                .map(|&q| (d.n.quote_site[q], u(ds.quotes[q].start), u(ds.quotes[q].end)))
                .collect();
            quotes.sort_unstable();
            let mut events = std::mem::take(&mut events_of[a]);
            events.sort_unstable();
            ArticlePage {
                id: article.id.to_string(),
                date: article.date.clone(),
                title: article.title.clone(),
                outlet: article.outlet.clone(),
                url: article.url.clone(),
                byline: article.byline.clone(),
                summary: article.summary,
                excerpted: article.excerpted,
                text: article.text.clone(),
                marks,
                quotes,
                events,
            }
        })
        .collect()
}

/// Actors' pages in runs of consecutive site numbers, about [`ACTOR_PART_BYTES`] each.
fn actor_parts(d: &Derived, w: &mut Writer) -> Result<Vec<(u32, PartName)>, postcard::Error> {
    let ds = d.ds;
    let mut out = Vec::new();
    let mut run: Vec<ActorPage> = Vec::new();
    let mut run_bytes = 0;
    for (site, &a) in d.n.actors.iter().enumerate() {
        let actor = &ds.actors[a];
        let profile = story::profile(ds, &d.index, a, 12);
        let mut quotes: Vec<u32> =
            d.index.quotes_by_actor[a].iter().map(|&q| d.n.quote_site[q]).collect();
        let mut events: Vec<u32> =
            d.index.events_by_actor[a].iter().map(|&e| d.n.event_site[e]).collect();
        quotes.sort_unstable();
        events.sort_unstable();
        let page = ActorPage {
            info: d.actor_info(a),
            aliases: actor.aliases.iter().filter(|n| **n != actor.name).cloned().collect(),
            roles: actor
                .roles
                .iter()
                .zip(&actor.role_rules)
                .map(|(r, rule)| {
                    (
                        r.clone(),
                        why::note(ds, *rule)
                            .map_or_else(|| rule.says().to_string(), |n| n.says.clone()),
                    )
                })
                .collect(),
            months: profile.months.into_iter().map(|(m, n)| (m, u(n))).collect(),
            undated: u(profile.undated),
            mentions: u(profile.mentions),
            articles: u(profile.articles),
            company: profile.company.into_iter().map(|(o, n)| (d.actor_ref(o), u(n))).collect(),
            quotes: quotes.into_iter().map(|q| (q, d.quote_facts[q as usize].clone())).collect(),
            events: events.into_iter().map(|e| (e, d.event_facts[e as usize].clone())).collect(),
        };
        let size = postcard::to_allocvec(&page)?.len();
        if !run.is_empty() && run_bytes + size > ACTOR_PART_BYTES {
            let first = run[0].info.index;
            out.push((first, w.add(&run)?));
            run.clear();
            run_bytes = 0;
        }
        run_bytes += size;
        run.push(page);
        debug_assert_eq!(u(site), run.last().map_or(0, |p| p.info.index));
    }
    if !run.is_empty() {
        let first = run[0].info.index;
        out.push((first, w.add(&run)?));
    }
    Ok(out)
}

/// The word index: each quote by its words, speaker and cue; each event by its sentence
/// and the words said at it. Buckets of about 512 words.
fn word_index(d: &Derived) -> (u32, Vec<WordBucket>) {
    let ds = d.ds;
    let mut postings: BTreeMap<String, (Vec<u32>, Vec<u32>)> = BTreeMap::new();
    let mut add = |text: &str, id: u32, quote: bool| {
        for word in words(text) {
            let (q, e) = postings.entry(word).or_default();
            let list = if quote { q } else { e };
            if list.last() != Some(&id) {
                list.push(id);
            }
        }
    };
    for (site, &q) in d.n.quotes.iter().enumerate() {
        let quote = &ds.quotes[q];
        let speaker = quote
            .speaker
            .as_deref()
            .and_then(|s| d.index.actor(s))
            .map_or("", |a| ds.actors[a].name.as_str());
        let text = format!(
            "{}\n{speaker}\n{}",
            d.index.quote_words(ds, q),
            quote.cue.as_deref().unwrap_or_default()
        );
        add(&text, u(site), true);
    }
    for (site, &e) in d.n.events.iter().enumerate() {
        add(d.index.event_words(ds, e), u(site), false);
        for &q in &d.index.quotes_by_event[e] {
            add(d.index.quote_words(ds, q), u(site), false);
        }
    }
    let buckets = u((postings.len() / 512).max(1));
    let mut out: Vec<WordBucket> = vec![WordBucket::default(); buckets as usize];
    let gaps = |ids: &[u32]| {
        let mut last = 0;
        ids.iter()
            .map(|&i| {
                let gap = i - last;
                last = i;
                gap
            })
            .collect::<Vec<u32>>()
    };
    for (word, (q, e)) in postings {
        let b = bucket(&word, buckets);
        let entry = (word, gaps(&q), gaps(&e));
        out[b].words.push(entry);
    }
    (buckets, out)
}

fn contested(d: &Derived) -> Contested {
    let site = |q: usize| d.n.quote_site[q];
    let mut denied: Vec<(u32, Vec<u32>)> = d
        .index
        .denied_claims
        .iter()
        .map(|(claim, denials)| {
            let mut ds: Vec<u32> = denials.iter().map(|&x| site(x)).collect();
            ds.sort_unstable();
            (site(*claim), ds)
        })
        .collect();
    denied.sort_unstable();
    let conflicts =
        d.ds.conflicts
            .iter()
            .zip(d.index.conflict_quotes.iter())
            .map(|(c, quotes)| {
                let mut ids: Vec<u32> = quotes.iter().map(|&q| site(q)).collect();
                ids.sort_unstable();
                (c.text.clone(), ids)
            })
            .collect();
    Contested { denied, conflicts }
}

/// Each month's id ranges, and the undated ranges at the end.
fn months(d: &Derived) -> (Vec<Month>, (u32, u32), (u32, u32)) {
    let month = |days: Option<(Day, Day)>| days.and_then(|(first, _)| date(first)).map(month_of);
    let mut out: Vec<Month> = Vec::new();
    let slot = |out: &mut Vec<Month>, m: i32| -> usize {
        match out.iter().position(|x| x.month == m) {
            Some(i) => i,
            None => {
                out.push(Month {
                    month: m,
                    quotes: (u32::MAX, 0),
                    events: (u32::MAX, 0),
                    reaches: i32::MIN,
                });
                out.len() - 1
            }
        }
    };
    let mut undated_quotes = (u(d.quote_facts.len()), u(d.quote_facts.len()));
    for (i, f) in d.quote_facts.iter().enumerate() {
        match month(f.days) {
            Some(m) => {
                let s = slot(&mut out, m);
                let r = &mut out[s];
                r.quotes = (r.quotes.0.min(u(i)), r.quotes.1.max(u(i) + 1));
                r.reaches = r.reaches.max(f.days.map_or(i32::MIN, |(_, l)| l));
            }
            None => undated_quotes.0 = undated_quotes.0.min(u(i)),
        }
    }
    let mut undated_events = (u(d.event_facts.len()), u(d.event_facts.len()));
    for (i, f) in d.event_facts.iter().enumerate() {
        match month(f.days) {
            Some(m) => {
                let s = slot(&mut out, m);
                let r = &mut out[s];
                r.events = (r.events.0.min(u(i)), r.events.1.max(u(i) + 1));
                r.reaches = r.reaches.max(f.days.map_or(i32::MIN, |(_, l)| l));
            }
            None => undated_events.0 = undated_events.0.min(u(i)),
        }
    }
    for m in &mut out {
        if m.quotes.0 == u32::MAX {
            m.quotes = (0, 0);
        }
        if m.events.0 == u32::MAX {
            m.events = (0, 0);
        }
    }
    out.sort_by_key(|m| m.month);
    (out, undated_quotes, undated_events)
}

fn quote_cells(facts: &[QuoteFact]) -> Vec<(u8, u32, u32)> {
    let mut cells: BTreeMap<(u8, u32), u32> = BTreeMap::new();
    for f in facts {
        *cells.entry((f.flags & (0x0F | flags::UNCERTAIN), f.outlet)).or_default() += 1;
    }
    cells.into_iter().map(|((f, o), n)| (f, o, n)).collect()
}

fn event_cells(facts: &[EventFact]) -> Vec<(u16, bool, u32, u32)> {
    let mut cells: BTreeMap<(u16, bool, u32), u32> = BTreeMap::new();
    for f in facts {
        *cells.entry((f.said_mask(), f.all_uncertain(), f.outlet)).or_default() += 1;
    }
    cells.into_iter().map(|((m, a, o), n)| (m, a, o, n)).collect()
}

/// The answers to the unfiltered state, computed by the page's own engine from every part;
/// the parts beyond their first pages are added to `extra`.
fn defaults(
    d: &Derived,
    manifest: &Manifest,
    w: &Writer,
    extra: &mut Writer,
) -> Result<Defaults, postcard::Error> {
    let catalog = Catalog::new(manifest.clone(), w.parts.clone());
    let all = |view: View, sort: Sort| {
        engine::compute(&catalog, &State { view, sort, ..State::default() })
    };
    let timeline = all(View::Timeline, Sort::Top);
    let top = all(View::Quotes, Sort::Top);
    let by_date = all(View::Quotes, Sort::Date);
    let order = |cards: &[CardIds],
                 extra: &mut Writer|
     -> Result<(Vec<CardIds>, Vec<PartName>), postcard::Error> {
        let first = cards.iter().take(PAGE).cloned().collect();
        let mut rest = Vec::new();
        for chunk in cards.get(PAGE..).unwrap_or_default().chunks(ORDER_CHUNK) {
            rest.push(extra.add(&OrderChunk { cards: chunk.to_vec() })?);
        }
        Ok((first, rest))
    };
    let (top_first, top_rest) = order(&top.cards.cards, extra)?;
    let (date_first, date_rest) = order(&by_date.cards.cards, extra)?;
    let mut lists: [Listed; 5] = Default::default();
    for (slot, list) in timeline.timeline.iter().enumerate() {
        let ids = &list.first;
        let rest_ids = ids.get(PAGE..).unwrap_or_default();
        let contiguous = rest_ids.windows(2).all(|p| p[1] == p[0] + 1);
        let rest = match rest_ids {
            [] => Rest::None,
            [first, .., last] if contiguous => Rest::Range(*first, last + 1),
            [only] => Rest::Range(*only, only + 1),
            _ => {
                let mut chunks = Vec::new();
                for chunk in rest_ids.chunks(IDS_CHUNK) {
                    chunks.push(extra.add(&chunk.to_vec())?);
                }
                Rest::Chunks(u(IDS_CHUNK), chunks)
            }
        };
        lists[slot] =
            Listed { total: list.total, first: ids.iter().take(PAGE).copied().collect(), rest };
    }
    let mut quote_ids: Vec<u32> = top_first
        .iter()
        .chain(&date_first)
        .flat_map(|c| std::iter::once(c.card).chain(c.copies.iter().copied()))
        .collect();
    quote_ids.sort_unstable();
    quote_ids.dedup();
    let mut event_ids: Vec<u32> = lists[2].first.iter().chain(&lists[4].first).copied().collect();
    event_ids.sort_unstable();
    event_ids.dedup();
    Ok(Defaults {
        timeline_counts: timeline.counts.clone(),
        quote_counts: top.counts.clone(),
        quote_total: u(top.quote_total),
        top: top_first,
        top_rest,
        by_date: date_first,
        by_date_rest: date_rest,
        cards: u(top.cards.cards.len()),
        timeline: lists,
        bars: timeline.bars,
        zoom: zoom_code(timeline.zoom),
        quote_cards: quote_ids
            .into_iter()
            .map(|q| (q, d.quote_card(d.n.quotes[q as usize])))
            .collect(),
        event_cards: event_ids
            .into_iter()
            .map(|e| (e, d.event_card(d.n.events[e as usize])))
            .collect(),
        contested: u(top.contested.len()),
    })
}
