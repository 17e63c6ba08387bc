//! The form the page embeds: the dataset and its filter index, both made natively by
//! `newsline ingest --blob` before the wasm build, so that the page's start-up only
//! decodes them (postcard) and builds nothing per item.

use serde::{Deserialize, Serialize};

use crate::dataset::Dataset;
use crate::query::{Index, Relations};

#[derive(Serialize)]
struct Encoding<'a> {
    dataset: &'a Dataset,
    relations: &'a Relations,
}

#[derive(Deserialize)]
struct Decoding {
    dataset: Dataset,
    relations: Relations,
}

/// The blob for `ds`: its page form (see [`Dataset::to_page_form`]) and the relations
/// of its index.
///
/// # Errors
/// When postcard cannot encode it (it has no size limit, so only on allocation failure).
pub fn encode(ds: &Dataset) -> Result<Vec<u8>, postcard::Error> {
    postcard::to_allocvec(&Encoding { dataset: &ds.to_page_form(), relations: &Relations::new(ds) })
}

/// The dataset and index back from [`encode`]'s bytes.
///
/// # Errors
/// When the bytes were not written by [`encode`] of this version: they do not decode,
/// an item names an article the dataset lacks, or the relations do not fit the dataset.
pub fn decode(bytes: &[u8]) -> Result<(Dataset, Index), postcard::Error> {
    let Decoding { dataset, relations } = postcard::from_bytes(bytes)?;
    let dataset =
        dataset.restored_from_page_form().ok_or(postcard::Error::DeserializeBadEncoding)?;
    if !relations.fit(&dataset) {
        return Err(postcard::Error::DeserializeBadEncoding);
    }
    let index = Index::from_relations(&dataset, relations);
    Ok((dataset, index))
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
        }])
    }

    #[test]
    fn the_blob_keeps_everything_but_derivable_texts_and_carries_the_index() {
        let ds = sample();
        assert!(!ds.quotes.is_empty() && !ds.events.is_empty());
        let (page, index) = decode(&encode(&ds).unwrap()).unwrap();
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
        // The JSON writes each quote's words; the blob leaves them to be sliced.
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
    fn a_truncated_blob_or_an_index_for_another_dataset_is_refused() {
        let ds = sample();
        let blob = encode(&ds).unwrap();
        assert!(decode(&blob[..blob.len() / 2]).is_err());
        let mut smaller = ds.clone();
        smaller.quotes.pop();
        smaller.conflicts.clear();
        let mismatched = postcard::to_allocvec(&Encoding {
            dataset: &smaller.to_page_form(),
            relations: &Relations::new(&ds),
        })
        .unwrap();
        assert!(decode(&mismatched).is_err(), "relations with one quote too many");
    }
}
