//! The story file a site carries beside the page (`data/story.bin`): what the site is
//! about, the dataset and its filter index, made natively by `newsline build`, so that
//! the page's start-up only decodes them and builds nothing per item.
//!
//! The page's own files are the same for every corpus; this file is what differs. It
//! starts with [`MAGIC`] and a format number, so that a page meeting a file from another
//! version says so instead of misreading it, then the postcard encoding of [`Story`]'s
//! parts. The site writer gzips it; the page inflates it with the browser's own
//! `DecompressionStream`.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::dataset::Dataset;
use crate::query::{Index, Relations};

/// The first bytes of every story file.
pub const MAGIC: &[u8; 8] = b"NEWSLINE";

/// The story format this version writes and reads. A page refuses a newer one by name.
pub const FORMAT: u32 = 1;

/// Where a site keeps its story, relative to its `index.html`.
pub const STORY_PATH: &str = "data/story.bin";

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

/// Everything the page decodes at start-up.
#[derive(Debug)]
pub struct Story {
    pub about: About,
    pub dataset: Dataset,
    pub index: Index,
}

#[derive(Serialize)]
struct Encoding<'a> {
    about: &'a About,
    dataset: &'a Dataset,
    relations: &'a Relations,
}

#[derive(Deserialize)]
struct Decoding {
    about: About,
    dataset: Dataset,
    relations: Relations,
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
    /// The parts do not decode, or do not fit each other.
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

/// The story file's bytes for `ds`, before compression: its page form (see
/// `Dataset::to_page_form`) and the relations of its index, after the header.
///
/// # Errors
/// When postcard cannot encode it (it has no size limit, so only on allocation failure).
pub fn encode(about: &About, ds: &Dataset) -> Result<Vec<u8>, postcard::Error> {
    let mut out = Vec::with_capacity(1 << 16);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    let parts = Encoding { about, dataset: &ds.to_page_form(), relations: &Relations::new(ds) };
    postcard::to_extend(&parts, out)
}

/// The story back from [`encode`]'s bytes.
///
/// # Errors
/// When the bytes are not a story ([`StoryError::NotAStory`]), come from another format
/// version, do not decode, name an article the dataset lacks, or carry relations that do
/// not fit the dataset.
pub fn decode(bytes: &[u8]) -> Result<Story, StoryError> {
    let rest = bytes.strip_prefix(MAGIC.as_slice()).ok_or(StoryError::NotAStory)?;
    let (version, rest) = rest.split_first_chunk::<4>().ok_or(StoryError::NotAStory)?;
    match u32::from_le_bytes(*version) {
        FORMAT => {}
        v if v > FORMAT => return Err(StoryError::Newer(v)),
        v => return Err(StoryError::Older(v)),
    }
    let Decoding { about, dataset, relations } =
        postcard::from_bytes(rest).map_err(|e| StoryError::Corrupt(e.to_string()))?;
    let dataset = dataset
        .restored_from_page_form()
        .ok_or_else(|| StoryError::Corrupt("an item names a missing article".into()))?;
    if !relations.fit(&dataset) {
        return Err(StoryError::Corrupt("the index does not fit the dataset".into()));
    }
    let index = Index::from_relations(&dataset, relations);
    Ok(Story { about, dataset, index })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Source;
    use crate::dataset::build;

    fn sample() -> Dataset {
        build(vec![Source {
            id: "a".into(),
            date: jiff::civil::Date::new(2017, 1, 24).ok(),
            title: Some("T".into()),
            outlet: None,
            url: None,
            text: "“We will win,” Jane Doe said on Monday. Acme Corp denied it on Tuesday.".into(),
            ..Default::default()
        }])
    }

    fn about() -> About {
        About { title: "A story".into(), built: "2017-01-25T00:00:00Z".into(), ..About::default() }
    }

    #[test]
    fn the_story_keeps_everything_but_derivable_texts_and_carries_the_index() {
        let ds = sample();
        assert!(!ds.quotes.is_empty() && !ds.events.is_empty());
        let Story { about: read_about, dataset: page, index } =
            decode(&encode(&about(), &ds).unwrap()).unwrap();
        assert_eq!(read_about, about());
        assert_eq!(page.articles, ds.articles);
        assert_eq!(page.actors.len(), ds.actors.len());
        for (a, actor) in ds.actors.iter().enumerate() {
            assert_eq!(
                (&page.actors[a].name, &page.actors[a].aliases),
                (&actor.name, &actor.aliases)
            );
            assert!(page.actors[a].mentions.is_empty(), "mentions travel as numbers, in the index");
            let spans: Vec<(usize, usize)> =
                index.mentions_of(a).iter().map(|m| (m.start, m.end)).collect();
            assert_eq!(
                spans,
                actor.mentions.iter().map(|m| (m.start, m.end)).collect::<Vec<_>>(),
                "{}",
                actor.name
            );
        }
        assert_eq!(page.quotes.len(), ds.quotes.len());
        assert!(
            page.events.iter().all(|e| e.actors.is_empty() && e.quotes.is_empty()),
            "carried by the index"
        );
        assert!(
            page.quotes.iter().all(|q| q.event.is_none() && q.rejects.is_none()),
            "carried by the index"
        );
        assert!(
            ds.quotes.iter().any(|q| q.event.is_some())
                && ds.events.iter().any(|e| !e.actors.is_empty())
        );
        assert!(page.quotes.iter().chain(&ds.quotes).all(|q| &*q.article == "a"));
        // The JSON writes each quote's words; the story leaves them to be sliced.
        let json = serde_json::to_value(&ds).unwrap();
        for (i, (p, q)) in page.quotes.iter().zip(&ds.quotes).enumerate() {
            assert_eq!((p.start, p.end, &p.speaker), (q.start, q.end, &q.speaker));
            assert_eq!(
                json["quotes"][i]["text"],
                page.articles[0].text[p.start..p.end],
                "the text is still there to slice"
            );
        }
        let built = Index::new(&ds);
        assert_eq!(
            (
                &index.actors_by_quote,
                &index.quotes_by_actor,
                &index.events_by_actor,
                &index.quotes_by_event,
                &index.event_rank
            ),
            (
                &built.actors_by_quote,
                &built.quotes_by_actor,
                &built.events_by_actor,
                &built.quotes_by_event,
                &built.event_rank
            ),
            "the decoded index is the one the dataset builds"
        );
        assert_eq!(index.actor(&ds.actors[0].id), Some(0));
    }

    #[test]
    fn other_files_other_versions_and_damage_are_named() {
        let ds = sample();
        let story = encode(&about(), &ds).unwrap();
        assert_eq!(decode(b"<!DOCTYPE html>").unwrap_err(), StoryError::NotAStory);
        assert_eq!(decode(&story[..10]).unwrap_err(), StoryError::NotAStory);
        let mut newer = story.clone();
        newer[8..12].copy_from_slice(&(FORMAT + 1).to_le_bytes());
        let error = decode(&newer).unwrap_err();
        assert_eq!(error, StoryError::Newer(FORMAT + 1));
        assert!(error.to_string().contains("newer Newsline"), "{error}");
        assert!(matches!(decode(&story[..story.len() / 2]), Err(StoryError::Corrupt(_))));
        let mut smaller = ds.clone();
        smaller.quotes.pop();
        smaller.conflicts.clear();
        let mut mismatched = story[..12].to_vec();
        let parts = Encoding {
            about: &about(),
            dataset: &smaller.to_page_form(),
            relations: &Relations::new(&ds),
        };
        mismatched.extend(postcard::to_allocvec(&parts).unwrap());
        assert!(
            matches!(decode(&mismatched), Err(StoryError::Corrupt(_))),
            "relations with one quote too many"
        );
    }
}
