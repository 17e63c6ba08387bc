//! The story a site carries beside its page: one format, two packings.
//!
//! A story is a [`Manifest`] (what the site is about, the corpus at a glance, the answer to
//! the unfiltered views, and a table of parts) and a set of *parts*, each a postcard
//! encoding of one of the part types below, named by the SHA-256 of its bytes. A small
//! corpus packs every part into the manifest's file (`data/story.bin`, *embedded*); a
//! large one writes each part to `data/parts/<name>.bin` (*sharded*), and the page fetches
//! a part only when a view needs it. The page reads both packings through one
//! [`Catalog`](catalog::Catalog): the only difference is whether a part is at hand or
//! must be fetched.
//!
//! Items are numbered for the site in date order (undated last), so that a month of a
//! story is a contiguous range of ids, and a date range a run of [`Family::QuoteFacts`]
//! chunks. An item's *facts* are what the filters, counts and orders read (a few dozen
//! bytes); its *card* is what a view shows. Facts travel in id chunks and again inside the
//! actor and outlet parts, so that filtering by an actor or an outlet needs one part.
//!
//! Every file is gzipped by the writer and inflated by the page (see `web.rs`); every
//! part's name is the hash of its inflated bytes, which the page checks.

#[cfg(feature = "store-build")]
pub mod build;
pub mod catalog;
#[cfg(feature = "store-build")]
pub mod site;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::dataset::{EventDate, RuleNote};
use crate::extract::{ActorKind, Granularity, Rule};

/// The first bytes of every story file.
pub const MAGIC: &[u8; 8] = b"NEWSLINE";

/// The story format this version writes and reads. A page refuses another by name.
pub const FORMAT: u32 = 3;

/// Where a site keeps its manifest, relative to its `index.html`.
pub const STORY_PATH: &str = "data/story.bin";

/// Where a sharded site keeps its parts, relative to its `index.html`.
pub const PARTS_DIR: &str = "data/parts/";

/// Items per facts chunk, per card chunk, and articles per article bundle.
pub const FACT_CHUNK: usize = 1024;
pub const CARD_CHUNK: usize = 128;
pub const ARTICLE_CHUNK: usize = 16;
/// Actors per chunk of the actor directory.
pub const NAME_CHUNK: usize = 1024;
/// Dataset ids translated to site ids, this many to a part.
pub const SITE_CHUNK: usize = 4096;
/// How many items a list shows before "Show more", and the default answers carry.
pub const PAGE: usize = 50;

/// A day, as days since 1970-01-01.
pub type Day = i32;

/// A part's name: the first 16 hex digits of the SHA-256 of its inflated bytes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PartName(pub String);

/// Why a part a page asked its host for is not at hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartError {
    /// The host did not send it (offline, gone, a server error): worth asking again.
    Unreachable,
    /// The host sent bytes that are not the part its name hashes: damaged there, so asking
    /// again would bring the same bytes.
    Mismatch,
}

/// Parts by name, as a story file or a site folder holds them.
pub type NamedParts = Vec<(PartName, Vec<u8>)>;

/// Half-open id ranges, `(from, to)`.
pub type IdRanges = Vec<(u32, u32)>;

impl PartName {
    /// The name of a part whose SHA-256 is `digest`.
    pub fn of_digest(digest: &[u8]) -> Self {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut name = String::with_capacity(16);
        for b in digest.iter().take(8) {
            name.push(char::from(HEX[usize::from(b >> 4)]));
            name.push(char::from(HEX[usize::from(b & 15)]));
        }
        Self(name)
    }

    /// Whether bytes whose SHA-256 is `digest` are this part: what a page checks of a part
    /// it fetched, since a host can damage a file so that it still decodes.
    pub fn is_named_by(&self, digest: &[u8]) -> bool {
        *self == Self::of_digest(digest)
    }

    /// The part's file, relative to the site's `index.html`.
    pub fn path(&self) -> String {
        format!("{PARTS_DIR}{}.bin", self.0)
    }
}

impl fmt::Display for PartName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a site says about itself in its *About this story* panel.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct About {
    /// The site's title: `--title`, else the manifest's `title`, else "Newsline".
    pub title: String,
    /// When the site was built, `YYYY-MM-DDTHH:MM:SSZ`: `SOURCE_DATE_EPOCH` when set, else
    /// the newest input file's modification time, so that the same inputs give the same site.
    pub built: String,
    /// The program that built it, with its version: "newsline 0.2.0".
    pub generator: String,
    /// The path the site is built to live under, `/` or `/sub/path/`.
    pub base: String,
    /// The articles keep only the sentences around what was found (`--excerpts`).
    pub excerpts: bool,
    /// The extractor's measured accuracy, as `docs/accuracy.md` gives it.
    pub accuracy: Vec<Figure>,
}

/// One measured figure of the extractor: "quotes found (F1)", "90.9", "PolNeAR dev".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    pub what: String,
    pub value: String,
    pub data: String,
}

/// The families of parts, and what names one part of a family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Family {
    /// Facts of quotes `k * FACT_CHUNK ..`.
    QuoteFacts,
    EventFacts,
    /// Cards of quotes `k * CARD_CHUNK ..`.
    QuoteCards,
    EventCards,
    /// Articles `k * ARTICLE_CHUNK ..`.
    Articles,
    /// The actor directory, actors `k * NAME_CHUNK ..`.
    Names,
    /// A bucket of the slug → actor table.
    Slugs,
    /// A run of actors' pages (see [`Parts::actors`]).
    Actors,
    /// One outlet's items.
    Outlets,
    /// A bucket of the word index.
    Words,
    /// A chunk of one of the default orders (see [`Defaults`]).
    Order,
    /// Claims with their denials, and conflicts.
    Contested,
}

/// Where each part is. Within a family, parts are listed by their number.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Parts {
    pub quote_facts: Vec<PartName>,
    pub event_facts: Vec<PartName>,
    pub quote_cards: Vec<PartName>,
    pub event_cards: Vec<PartName>,
    pub articles: Vec<PartName>,
    pub names: Vec<PartName>,
    pub slugs: Vec<PartName>,
    /// (first actor, part): each part holds a run of consecutive actors' pages.
    pub actors: Vec<(u32, PartName)>,
    /// By outlet number.
    pub outlets: Vec<PartName>,
    pub words: Vec<PartName>,
    pub contested: Option<PartName>,
    /// Site ids in dataset order, [`SITE_CHUNK`] to a part: what a link's `q12` or `e7` is.
    pub quote_sites: Vec<PartName>,
    pub event_sites: Vec<PartName>,
}

impl Parts {
    /// Every part, once.
    pub fn all(&self) -> impl Iterator<Item = &PartName> {
        self.quote_facts
            .iter()
            .chain(&self.event_facts)
            .chain(&self.quote_cards)
            .chain(&self.event_cards)
            .chain(&self.articles)
            .chain(&self.names)
            .chain(&self.slugs)
            .chain(self.actors.iter().map(|(_, p)| p))
            .chain(&self.outlets)
            .chain(&self.words)
            .chain(&self.contested)
            .chain(&self.quote_sites)
            .chain(&self.event_sites)
    }
}

/// Everything the page reads first. Small at any corpus size: counts and tables sized by
/// outlets, months, the busiest actors and one page of each default view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub about: About,
    /// The build's id: the first 8 hex digits of the hash of its parts' names and the
    /// answers below. A link made on another build of the site says so.
    pub build: String,
    pub articles: u32,
    pub quotes: u32,
    pub events: u32,
    pub actors: u32,
    /// Outlets by number: (slug id, name, articles).
    pub outlets: Vec<OutletInfo>,
    /// The first and last publication dates, and articles without one.
    pub published: Option<(Day, Day)>,
    pub undated_articles: u32,
    /// The period the timeline opens on (see `query::story::window`).
    pub window: Option<(Day, Day)>,
    /// Each month's items: (month as `year * 12 + month - 1`, quote ids, event ids, the
    /// latest day an item starting in it reaches). Ids are in date order, so each is a range.
    pub months: Vec<Month>,
    /// Undated items: the id ranges at the end.
    pub undated_quotes: (u32, u32),
    pub undated_events: (u32, u32),
    /// The busiest actors, busiest first (the first entries of the directory).
    pub top_actors: Vec<ActorInfo>,
    /// The rules the findings name, with their measured precision.
    pub rules: Vec<RuleNote>,
    /// How many buckets the slug table and the word index have.
    pub slug_buckets: u32,
    pub word_buckets: u32,
    /// Counts of quotes by (flags, outlet) and of events by (said mask, all uncertain,
    /// outlet), for the facet counts of any mix of stance, kind, outlet and certainty.
    pub quote_cells: Vec<(u8, u32, u32)>,
    pub event_cells: Vec<(u16, bool, u32, u32)>,
    /// The answers to the unfiltered views.
    pub default: Defaults,
    /// Claims and conflicts, when there are few; else in [`Parts::contested`].
    pub contested: Option<Contested>,
    pub parts: Parts,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletInfo {
    pub id: String,
    pub name: String,
    pub articles: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Month {
    pub month: i32,
    pub quotes: (u32, u32),
    pub events: (u32, u32),
    pub reaches: Day,
}

/// An actor as the directory lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorInfo {
    /// The site's number for the actor: actors are numbered busiest first.
    pub index: u32,
    /// The readable slug links use (`sean-spicer`).
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    /// The first role the text gives them.
    pub role: Option<String>,
    /// Quotes and events involving them.
    pub quotes: u32,
    pub events: u32,
}

/// An actor as a card names them: number, slug and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRef {
    pub index: u32,
    pub id: String,
    pub name: String,
}

/// Quote flags: kind (bits 0–1), stance (2–3), uncertain (4), slight (5), speaker (6–7:
/// none, named, a group).
pub mod flags {
    use crate::extract::{QuoteKind, Stance};

    pub const UNCERTAIN: u8 = 1 << 4;
    pub const SLIGHT: u8 = 1 << 5;

    pub fn kind(f: u8) -> QuoteKind {
        match f & 3 {
            0 => QuoteKind::Direct,
            1 => QuoteKind::Partial,
            _ => QuoteKind::Indirect,
        }
    }

    pub fn stance(f: u8) -> Stance {
        match (f >> 2) & 3 {
            0 => Stance::Claim,
            1 => Stance::Denial,
            _ => Stance::Statement,
        }
    }

    /// 0: no speaker; 1: a named one; 2: an unnamed group.
    pub fn speaker(f: u8) -> u8 {
        f >> 6
    }

    pub fn of(kind: QuoteKind, stance: Stance, uncertain: bool, slight: bool, speaker: u8) -> u8 {
        let k = match kind {
            QuoteKind::Direct => 0,
            QuoteKind::Partial => 1,
            QuoteKind::Indirect => 2,
        };
        let s = match stance {
            Stance::Claim => 0,
            Stance::Denial => 1,
            Stance::Statement => 2,
        };
        k | s << 2
            | if uncertain { UNCERTAIN } else { 0 }
            | if slight { SLIGHT } else { 0 }
            | (speaker & 3) << 6
    }

    /// The (kind, stance) pair of flags as one of nine bits, for an event's said mask.
    pub fn pair_bit(f: u8) -> u16 {
        1 << ((f & 3) * 3 + ((f >> 2) & 3)).min(8)
    }
}

/// What the filters, counts and orders read of a quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteFact {
    pub article: u32,
    pub outlet: u32,
    /// See [`flags`].
    pub flags: u8,
    /// The event of its saying, whose id is its date rank.
    pub event: Option<u32>,
    /// The first and last day its event covers.
    pub days: Option<(Day, Day)>,
    /// The first quote with the same words: identical words share one card.
    pub group: u32,
    pub speaker: Option<u32>,
    /// Its speaker and the actors its event names, ascending.
    pub actors: Vec<u32>,
}

/// What the filters, counts and orders read of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventFact {
    pub article: u32,
    pub outlet: u32,
    pub days: Option<(Day, Day)>,
    /// How wide its date is ([`granularity_code`]).
    pub granularity: u8,
    /// The flags of the quotes said at it.
    pub said: Vec<u8>,
    pub actors: Vec<u32>,
}

impl EventFact {
    /// The (kind, stance) pairs of its quotes, one bit each ([`flags::pair_bit`]).
    pub fn said_mask(&self) -> u16 {
        self.said.iter().fold(0, |m, &f| m | flags::pair_bit(f))
    }

    /// Whether it has quotes and every one is uncertain.
    pub fn all_uncertain(&self) -> bool {
        !self.said.is_empty() && self.said.iter().all(|f| f & flags::UNCERTAIN != 0)
    }
}

/// What a quote's card shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteCard {
    /// Its id in the dataset (`q12`): the id links and exports use.
    pub id: String,
    /// The article's id in the dataset, and its outlet's name.
    pub article: String,
    pub outlet: String,
    /// Its kind, stance and certainty ([`flags`]), as its facts have them.
    pub flags: u8,
    pub words: String,
    pub speaker: Option<ActorRef>,
    pub role: Option<String>,
    pub cue: Option<String>,
    /// The date of its event.
    pub date: Option<EventDate>,
    /// The rules behind it: found, speaker, read as, stance.
    pub rules: [Option<crate::extract::Rule>; 4],
}

/// What an event's card shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventCard {
    /// Its id in the dataset (`e7`).
    pub id: String,
    pub article: String,
    pub outlet: String,
    pub sentence: String,
    pub date: EventDate,
    /// The words of the direct and partial quotes said at it.
    pub said: Vec<String>,
    pub actors: Vec<ActorRef>,
}

/// What an article's mark marks, which is also its CSS class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MarkKind {
    /// Quoted or reported words.
    Said,
    /// The words that name a quote's speaker.
    Speaker,
    Time,
    /// An actor's mention: the target is the actor.
    Mention,
    Place,
}

impl MarkKind {
    pub fn class(self) -> &'static str {
        match self {
            MarkKind::Said => "said",
            MarkKind::Speaker => "speaker",
            MarkKind::Time => "time",
            MarkKind::Mention => "mention",
            MarkKind::Place => "place",
        }
    }
}

/// One marked stretch of an article, as the reader draws it. Its hover text is made in
/// the page from its label and the manifest's notes on its rules, which every mark would
/// otherwise repeat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub start: u32,
    pub end: u32,
    pub kind: MarkKind,
    /// What it is: "direct quote · claim · Sean Spicer", "time → 2017-01-23".
    pub label: String,
    /// The rules that found it, in order.
    pub rules: Vec<Rule>,
    /// The actor a mention names, whose page it links to.
    pub actor: Option<ActorRef>,
}

/// An article as the reader shows it, with what it needs to be read again (the worker
/// that adds articles rebuilds sites from these).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticlePage {
    pub id: String,
    pub date: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub byline: Option<String>,
    pub summary: bool,
    pub excerpted: bool,
    pub text: String,
    pub marks: Vec<Mark>,
    /// Its quotes and events: (site id, start, end).
    pub quotes: Vec<(u32, u32, u32)>,
    pub events: Vec<(u32, u32, u32)>,
}

/// What an actor's page shows beside the items involving them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorPage {
    pub info: ActorInfo,
    pub aliases: Vec<String>,
    /// (role, what the rule that found it says).
    pub roles: Vec<(String, String)>,
    /// Mentions per month of publication, `YYYY-MM`, and in undated articles.
    pub months: Vec<(String, u32)>,
    pub undated: u32,
    pub mentions: u32,
    pub articles: u32,
    /// The actors named in the same quotes and events, most often first.
    pub company: Vec<(ActorRef, u32)>,
    /// The facts of every item involving them, by id.
    pub quotes: Vec<(u32, QuoteFact)>,
    pub events: Vec<(u32, EventFact)>,
}

/// Items with their facts: an outlet's, a chunk's.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Items {
    pub quotes: Vec<(u32, QuoteFact)>,
    pub events: Vec<(u32, EventFact)>,
}

/// The word index: for each word (letters and digits, in lower case), the quotes and
/// events whose words, speaker or sentence hold it, as gaps between ascending ids.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct WordBucket {
    pub words: Vec<(String, Vec<u32>, Vec<u32>)>,
}

/// Claims with the denials that reject them, and conflicts: the same words given to
/// different speakers.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Contested {
    pub denied: Vec<(u32, Vec<u32>)>,
    pub conflicts: Vec<(String, Vec<u32>)>,
}

/// A list as the default answers give it: its length, its first page, and where the
/// rest is: an id range, or chunks of an order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Listed {
    pub total: u32,
    pub first: Vec<u32>,
    pub rest: Rest,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub enum Rest {
    /// Nothing beyond the first page.
    #[default]
    None,
    /// The ids `from..to`, in order.
    Range(u32, u32),
    /// Chunks of this many ids each.
    Chunks(u32, Vec<PartName>),
}

/// A quote card with the other quotes that share its words.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CardIds {
    pub card: u32,
    pub copies: Vec<u32>,
}

/// One chunk of an order of quote cards.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OrderChunk {
    pub cards: Vec<CardIds>,
}

/// Facet counts for one way of counting (the timeline counts events, the other views quotes).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Counts {
    pub stances: [u32; 3],
    pub kinds: [u32; 3],
    /// (outlet, items), busiest first.
    pub outlets: Vec<(u32, u32)>,
    /// (actor, items), busiest first: the first hundred.
    pub actors: Vec<(u32, u32)>,
    pub uncertain: u32,
}

/// One stretch of the timeline's overview strip.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bar {
    pub first: Day,
    pub last: Day,
    pub label: String,
    pub events: u32,
}

/// The answers to the unfiltered state, which the page shows without fetching a part.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Defaults {
    pub timeline_counts: Counts,
    pub quote_counts: Counts,
    /// Quotes, and quote cards in the top order and in date order.
    pub quote_total: u32,
    pub top: Vec<CardIds>,
    pub top_rest: Vec<PartName>,
    pub by_date: Vec<CardIds>,
    pub by_date_rest: Vec<PartName>,
    pub cards: u32,
    /// The timeline's events around the story's period: (earlier, around, within, later,
    /// undated), each in date order.
    pub timeline: [Listed; 5],
    pub bars: Vec<Bar>,
    /// The zoom the page picks for the events within the period.
    pub zoom: u8,
    /// The first page's cards, so that the first view needs no part.
    pub quote_cards: Vec<(u32, QuoteCard)>,
    pub event_cards: Vec<(u32, EventCard)>,
    pub contested: u32,
}

/// Why a story file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoryError {
    /// The bytes do not start with [`MAGIC`]: not a story file at all.
    NotAStory,
    /// Written by a newer Newsline, in this format.
    Newer(u32),
    /// Written in this older format, which this version no longer reads.
    Older(u32),
    /// The manifest or a part does not decode, or does not fit.
    Corrupt(String),
}

impl fmt::Display for StoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoryError::NotAStory => f.write_str("the story file is not a Newsline story"),
            StoryError::Newer(v) => write!(
                f,
                "the story was built by a newer Newsline (format {v}; this page reads format {FORMAT}): rebuild the site with one version"
            ),
            StoryError::Older(v) => write!(
                f,
                "the story was built by an older Newsline (format {v}; this page reads format {FORMAT}): rebuild the site with one version"
            ),
            StoryError::Corrupt(why) => write!(f, "the story file is damaged ({why})"),
        }
    }
}

impl std::error::Error for StoryError {}

/// A story file: the manifest, then the parts it carries (all of an embedded story's,
/// none of a sharded one's).
#[derive(Serialize, Deserialize)]
struct StoryFile {
    manifest: Manifest,
    parts: Vec<(PartName, Vec<u8>)>,
}

/// The bytes of a story file, before compression.
///
/// # Errors
/// When postcard cannot encode it (only on allocation failure).
pub fn encode(
    manifest: &Manifest,
    embedded: &[(PartName, Vec<u8>)],
) -> Result<Vec<u8>, postcard::Error> {
    #[derive(Serialize)]
    struct Encoding<'a> {
        manifest: &'a Manifest,
        parts: &'a [(PartName, Vec<u8>)],
    }
    let mut out = Vec::with_capacity(1 << 16);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    postcard::to_extend(&Encoding { manifest, parts: embedded }, out)
}

/// The manifest and the parts a story file carries.
///
/// # Errors
/// When the bytes are not a story, come from another format version, or do not decode.
pub fn decode(bytes: &[u8]) -> Result<(Manifest, NamedParts), StoryError> {
    let rest = bytes.strip_prefix(MAGIC.as_slice()).ok_or(StoryError::NotAStory)?;
    let (version, rest) = rest.split_first_chunk::<4>().ok_or(StoryError::NotAStory)?;
    match u32::from_le_bytes(*version) {
        FORMAT => {}
        v if v > FORMAT => return Err(StoryError::Newer(v)),
        v => return Err(StoryError::Older(v)),
    }
    let file: StoryFile =
        postcard::from_bytes(rest).map_err(|e| StoryError::Corrupt(e.to_string()))?;
    Ok((file.manifest, file.parts))
}

/// A part's bytes decoded as `T`.
///
/// # Errors
/// When they do not decode as one.
pub fn decode_part<T: for<'de> Deserialize<'de>>(bytes: &[u8]) -> Result<T, StoryError> {
    postcard::from_bytes(bytes).map_err(|e| StoryError::Corrupt(e.to_string()))
}

/// The words of a text as the word index files them: runs of letters and digits, in lower
/// case.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !crate::extract::is_letter_or_digit(c))
        .filter(|w| !w.is_empty())
        .map(crate::case::lower)
}

/// The bucket of `key` among `buckets`: FNV-1a, the same in the writer and the page.
pub fn bucket(key: &str, buckets: u32) -> usize {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    usize::try_from(hash % u64::from(buckets.max(1))).unwrap_or(0)
}

/// Days since 1970-01-01 of `d`.
pub fn day(d: jiff::civil::Date) -> Day {
    crate::dates::days_since_epoch(d)
}

/// The date of [`Day`] `d`.
pub fn date(d: Day) -> Option<jiff::civil::Date> {
    crate::dates::from_days_since_epoch(d)
}

/// The month of a day, as `year * 12 + month - 1`.
pub fn month_of(d: jiff::civil::Date) -> i32 {
    i32::from(d.year()) * 12 + i32::from(d.month()) - 1
}

/// A granularity as the facts keep it.
pub fn granularity_code(g: Option<Granularity>) -> u8 {
    match g {
        None => 0,
        Some(Granularity::Day) => 1,
        Some(Granularity::Week) => 2,
        Some(Granularity::Month) => 3,
        Some(Granularity::Season) => 4,
        Some(Granularity::Quarter) => 5,
        Some(Granularity::Year) => 6,
        Some(Granularity::Decade) => 7,
    }
}

#[cfg(test)]
mod tests {
    use super::PartName;

    #[test]
    fn a_part_is_named_by_the_first_eight_bytes_of_its_digest() {
        let digest: Vec<u8> = (0..32u8).map(|i| i.wrapping_mul(37)).collect();
        let name = PartName::of_digest(&digest);
        assert_eq!(name.0, "00254a6f94b9de03");
        assert!(name.is_named_by(&digest));
        // Bytes after the eighth are not in the name; a change before it is.
        let mut tail = digest.clone();
        tail[20] ^= 1;
        assert!(name.is_named_by(&tail));
        let mut head = digest;
        head[7] ^= 1;
        assert!(!name.is_named_by(&head));
        assert_eq!(name.path(), "data/parts/00254a6f94b9de03.bin");
    }
}
