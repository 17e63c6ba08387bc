//! The corpus manifest, `newsline.toml`: what is known about each article of a folder that
//! its file does not say, and the story's title.

use serde::Deserialize;

use super::{decode, error, Place, ReadError, Source};
use crate::dates::parse_published;

/// The manifest file name looked for in every corpus folder.
pub const MANIFEST_NAME: &str = "newsline.toml";

/// A corpus manifest.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The story's title, which names the site.
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default, rename = "article")]
    pub articles: Vec<ManifestEntry>,
}

/// One article's metadata in the manifest, keyed by its file name.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ManifestEntry {
    pub file: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    pub title: Option<String>,
    pub byline: Option<String>,
}

/// Parses a manifest.
///
/// # Errors
/// TOML syntax errors and unreadable dates, with the byte where they are.
pub fn read_manifest(origin: &str, bytes: &[u8]) -> Result<Manifest, ReadError> {
    let decoded = decode(origin, bytes, None)?;
    let manifest: Manifest = toml::from_str(&decoded.text).map_err(|e| {
        let place = e.span().map_or(Place::Whole, |s| Place::Byte(s.start));
        error(origin, place, e.message().to_string())
    })?;
    for entry in &manifest.articles {
        if let Some(d) = entry.date.as_deref() {
            if parse_published(d).is_none() {
                return Err(error(
                    origin,
                    Place::Whole,
                    format!("{}: unreadable date {d:?}", entry.file),
                ));
            }
        }
    }
    Ok(manifest)
}

impl Manifest {
    /// Fills in what the manifest knows about `source`, read from `file`. What the file
    /// itself says wins over the manifest.
    pub fn apply(&self, file: &str, source: &mut Source) {
        let Some(entry) = self.articles.iter().find(|e| e.file == file) else { return };
        if source.date.is_none() {
            source.date = entry.date.as_deref().and_then(parse_published);
        }
        source.outlet = source.outlet.take().or_else(|| entry.outlet.clone());
        source.url = source.url.take().or_else(|| entry.url.clone());
        source.title = source.title.take().or_else(|| entry.title.clone());
        source.byline = source.byline.take().or_else(|| entry.byline.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::read_txt;
    use jiff::civil::Date;

    #[test]
    fn manifest_supplies_missing_metadata() {
        let m = read_manifest(
            "m.toml",
            b"title = \"A story\"\n[[article]]\nfile = \"b.txt\"\noutlet = \"Herald\"\ndate = \"2017-01-23\"\n",
        )
        .unwrap();
        assert_eq!(m.title.as_deref(), Some("A story"));
        let mut s = read_txt("b.txt", "b", b"Text.").sources.remove(0);
        m.apply("b.txt", &mut s);
        assert_eq!(s.outlet.as_deref(), Some("Herald"));
        assert_eq!(s.date, Date::new(2017, 1, 23).ok());
        assert!(read_manifest("m.toml", b"[[article]]\nfile = 3\n")
            .unwrap_err()
            .to_string()
            .starts_with("m.toml: byte"));
        assert!(read_manifest("m.toml", b"[[article]]\nfile = \"a\"\ndate = \"soon\"\n").is_err());
    }
}
