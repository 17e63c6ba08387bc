//! The join itself: the published corpus back from its story, the added articles after
//! it, and the site and dataset `newsline build` and `newsline ingest` write for both.

use crate::corpus::{self, Ids, Source};
use crate::dataset::Dataset;
use crate::store::build::Story;
use crate::store::catalog::Catalog;
use crate::store::site::{self, Files, Packing};
use crate::store::{About, PartName};

use super::Added;

/// The published corpus, from a story with every article part at hand.
///
/// # Errors
/// The first article part that is not at hand or does not decode.
pub fn published_sources(catalog: &Catalog) -> Result<Vec<Source>, PartName> {
    let n = catalog.manifest.articles;
    let mut sources = Vec::with_capacity(n as usize);
    for i in 0..n {
        let page = catalog
            .article(i)
            .map_err(|part| part.cloned().unwrap_or_else(|| PartName(format!("article {i}"))))?;
        sources.push(Source {
            id: page.id.clone(),
            date: page.date.as_deref().and_then(crate::dates::parse_day),
            title: page.title.clone(),
            outlet: page.outlet.clone(),
            url: page.url.clone(),
            byline: page.byline.clone(),
            summary: page.summary,
            kind: corpus::InputKind::default(),
            text: page.text.clone(),
        });
    }
    Ok(sources)
}

/// The parts a story's articles are in, which [`published_sources`] needs at hand.
pub fn article_parts(catalog: &Catalog) -> &[PartName] {
    &catalog.manifest.parts.articles
}

/// The published corpus and then the added articles, each id unique as the CLI makes it
/// (`#2`…), with a line for each id that had to change.
pub fn join(published: Vec<Source>, added: &[Added]) -> (Vec<Source>, Vec<String>) {
    let mut ids = Ids::default();
    let mut notes = Vec::new();
    let mut sources = Vec::with_capacity(published.len() + added.len());
    for mut source in published {
        notes.extend(ids.admit(&mut source, "the published story"));
        sources.push(source);
    }
    for a in added {
        let mut source = a.source.clone();
        notes.extend(ids.admit(&mut source, &a.origin));
        sources.push(source);
    }
    (sources, notes)
}

/// What the joined site says of itself: the published site's title, base and generator,
/// built at the newest of the published build and the added files' times (as the CLI
/// takes its newest input's time).
pub fn about(published: &About, added: &[Added]) -> About {
    let newest = added.iter().map(|a| a.modified).max();
    let published_at =
        published.built.parse::<jiff::Timestamp>().ok().map(jiff::Timestamp::as_second);
    let seconds = match (published_at, newest) {
        (Some(p), Some(n)) => Some(p.max(n)),
        (p, n) => p.or(n),
    };
    let built = seconds
        .and_then(|s| jiff::Timestamp::from_second(s).ok())
        .map_or_else(|| published.built.clone(), crate::dates::utc_stamp);
    About { built, ..published.clone() }
}

/// The site `newsline build` writes for `ds`, given the page's files as a site serves
/// them (`index.html` with its policy): the story packed as the CLI packs it by default.
///
/// # Errors
/// Only when postcard cannot encode (allocation failure).
pub fn site(ds: &Dataset, about: &About, page: Files) -> Result<Files, postcard::Error> {
    let story = crate::store::build::build(ds, about.clone())?;
    let (data, _) = site::story_files(&story, Packing::Auto)?;
    Ok(site::assemble(page, about, data))
}

/// The story of `ds` as one embedded file's bytes (not gzipped), for the page to show.
///
/// # Errors
/// Only when postcard cannot encode (allocation failure).
pub fn story(ds: &Dataset, about: &About) -> Result<Vec<u8>, postcard::Error> {
    let Story { manifest, parts } = crate::store::build::build(ds, about.clone())?;
    crate::store::encode(&manifest, &parts)
}

/// The dataset's JSON, as `newsline ingest` writes it.
pub fn dataset_json(ds: &Dataset) -> Vec<u8> {
    serde_json::to_vec(ds).unwrap_or_default()
}

/// The file name pasted text is read under, from `stem`: JSON records (a first line that
/// is a JSON object) as `.jsonl`, since a paste has no extension to say so; anything else
/// bare, so that its first bytes tell a page or a feed from plain text.
pub fn pasted_name(stem: &str, bytes: &[u8]) -> String {
    let first = bytes
        .split(|&b| b == b'\n')
        .map(<[u8]>::trim_ascii)
        .find(|l| !l.is_empty())
        .unwrap_or_default();
    let first = String::from_utf8_lossy(first);
    let record = first.starts_with('{')
        && serde_json::from_str::<serde_json::Value>(&first).is_ok_and(|v| v.is_object());
    if record {
        format!("{stem}.jsonl")
    } else {
        stem.to_string()
    }
}

/// The articles in one file (or pasted text) as the CLI reads a file named on its command
/// line, each with an outlet (the site of its address when nothing names one), and one
/// line per problem, naming the file and the place.
#[cfg(feature = "readers")]
pub fn read(origin: &str, name: &str, bytes: &[u8]) -> (Vec<Source>, Vec<String>) {
    let read = corpus::read(origin, name, bytes, &corpus::ReadOptions::default());
    let problems = read.problems.iter().map(ToString::to_string).collect();
    let mut sources = read.sources;
    for source in &mut sources {
        if source.outlet.is_none() {
            source.outlet = source.url.as_deref().and_then(corpus::site_of);
        }
    }
    (sources, problems)
}
