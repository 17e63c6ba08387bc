//! A site's files as bytes, with no file system: the data files of a story in either
//! packing, and the list a site's marker (`newsline-site.json`) keeps. The CLI writes
//! them to a folder (`cli::site`); the page's worker zips them (`src/worker.rs`). Both
//! call the functions here, so that both give the same bytes for the same story.

use std::io::Write as _;

use serde::{Deserialize, Serialize};

use super::build::Story;
use super::{About, STORY_PATH};

/// The file that marks a folder as a site this program wrote.
pub const MARKER: &str = "newsline-site.json";

/// What the marker records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marker {
    pub generator: String,
    /// The path the site is built for, `/` or `/sub/path/`.
    pub base: String,
    /// Every file written, relative to the site.
    pub files: Vec<String>,
}

/// A site's files by path, with their bytes.
pub type Files = Vec<(String, Vec<u8>)>;

/// How a site carries its story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Packing {
    /// Embedded up to [`EMBED_LIMIT`], sharded above.
    Auto,
    Embed,
    Shards,
}

/// The most bytes of parts a site embeds in its one story file unless told to shard: about
/// 2 MB gzipped, which a page reads and decodes in a few hundred milliseconds.
pub const EMBED_LIMIT: usize = 6 << 20;

/// The site's data files for `story` (gzipped, by path), and whether it is sharded: one
/// story file with every part in it, or a manifest and a file per part, each named by
/// its hash, which a host may cache forever.
///
/// # Errors
/// Only when postcard cannot encode (allocation failure).
pub fn story_files(story: &Story, packing: Packing) -> Result<(Files, bool), postcard::Error> {
    let size: usize = story.parts.iter().map(|(_, b)| b.len()).sum();
    let sharded = match packing {
        Packing::Auto => size > EMBED_LIMIT,
        Packing::Embed => false,
        Packing::Shards => true,
    };
    if !sharded {
        let bytes = super::encode(&story.manifest, &story.parts)?;
        return Ok((vec![(STORY_PATH.to_string(), gzip(&bytes))], false));
    }
    let mut files = vec![(STORY_PATH.to_string(), gzip(&super::encode(&story.manifest, &[])?))];
    for (name, bytes) in &story.parts {
        files.push((name.path(), gzip(bytes)));
    }
    Ok((files, true))
}

/// Every file of a site, in the order they are written: the page's files (`index.html`
/// already given its policy), the story's `data` files, and last the marker, which lists
/// them all, sorted.
pub fn assemble(page: Files, about: &About, data: Files) -> Files {
    let mut outputs = page;
    outputs.extend(data);
    let mut files: Vec<String> = outputs.iter().map(|(name, _)| name.clone()).collect();
    files.push(MARKER.to_string());
    files.sort();
    let marker = Marker { generator: about.generator.clone(), base: about.base.clone(), files };
    let mut json = serde_json::to_vec_pretty(&marker).unwrap_or_default();
    json.push(b'\n');
    outputs.push((MARKER.to_string(), json));
    outputs
}

/// `bytes` gzipped at the best level, with no name or time stamp in the header.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder =
        flate2::GzBuilder::new().mtime(0).write(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

/// `bytes` inflated, when they are gzip.
pub fn gunzip(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(bytes), &mut out).ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzip_is_the_same_every_time_and_inflates_back() {
        let once = gzip(b"the same bytes");
        assert_eq!(once, gzip(b"the same bytes"));
        assert_eq!(&once[4..8], &[0, 0, 0, 0], "no time stamp");
        assert_eq!(gunzip(&once).as_deref(), Some(&b"the same bytes"[..]));
        assert_eq!(gunzip(b"not gzip"), None);
    }

    #[test]
    fn the_marker_lists_every_file_sorted_and_comes_last() {
        let about =
            About { generator: "newsline 9".into(), base: "/n/".into(), ..About::default() };
        let page = vec![("index.html".to_string(), b"<html>".to_vec())];
        let data = vec![(STORY_PATH.to_string(), vec![1, 2])];
        let files = assemble(page, &about, data);
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["index.html", STORY_PATH, MARKER]);
        let marker: Marker = serde_json::from_slice(&files[2].1).unwrap();
        assert_eq!(marker.files, [STORY_PATH, "index.html", MARKER]);
        assert_eq!(marker.base, "/n/");
    }
}
