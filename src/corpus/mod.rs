//! Readers that turn a file's bytes into articles: plain text with an optional
//! `date YYYY-MM-DD` line, JSONL records, saved web pages, RSS/Atom/JSON feeds, CSV and
//! TSV exports, and web archives (WARC), plus the TOML corpus manifest.
//!
//! They take bytes and a name, never a path, so they stay pure and testable (and run in
//! the browser too); the CLI walks the file system around them. Every problem names its
//! origin and place, and one bad record never costs the others.

#[cfg(feature = "readers")]
mod feed;
#[cfg(feature = "readers")]
mod html;
mod jsonl;
mod manifest;
#[cfg(feature = "readers")]
mod table;
mod text;
#[cfg(feature = "archives")]
mod warc;

use std::borrow::Cow;
use std::fmt;

use jiff::civil::Date;

#[cfg(feature = "readers")]
pub use feed::read_feed;
#[cfg(feature = "readers")]
pub use html::{fragment_text, read_html, Page};
pub use jsonl::{read_jsonl, read_record, UniqueIds};
pub use manifest::{read_manifest, Manifest, ManifestEntry, MANIFEST_NAME};
#[cfg(feature = "readers")]
pub use table::{read_table, Columns, Field};
pub use text::read_txt;
#[cfg(feature = "archives")]
pub use warc::read_warc;

/// An article as read, before extraction.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Source {
    pub id: String,
    #[serde(with = "crate::dates::optional_day")]
    pub date: Option<Date>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// Who wrote it, as the page or record says.
    pub byline: Option<String>,
    /// The text is a feed item's summary, not the whole article.
    pub summary: bool,
    /// What kind of file it came from.
    pub kind: InputKind,
    pub text: String,
}

/// An article a reader added in the page: the file (or pasted text) it came from, when,
/// in seconds since 1970 (the file's modification time, or the paste's), and the article
/// as read and corrected. See `crate::additions`.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Added {
    pub origin: String,
    pub modified: i64,
    pub source: Source,
}

/// The kinds of input Newsline reads.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum InputKind {
    #[default]
    Text,
    Jsonl,
    Html,
    Feed,
    Table,
    Warc,
}

impl InputKind {
    pub const ALL: [InputKind; 6] = [
        InputKind::Text,
        InputKind::Jsonl,
        InputKind::Html,
        InputKind::Feed,
        InputKind::Table,
        InputKind::Warc,
    ];

    /// What one article of this kind is called: "2 feed items".
    pub fn noun(self, n: usize) -> String {
        let (one, many) = match self {
            InputKind::Text => ("text file", "text files"),
            InputKind::Jsonl => ("JSONL record", "JSONL records"),
            InputKind::Html => ("web page", "web pages"),
            InputKind::Feed => ("feed item", "feed items"),
            InputKind::Table => ("table row", "table rows"),
            InputKind::Warc => ("archived page", "archived pages"),
        };
        format!("{n} {}", if n == 1 { one } else { many })
    }

    /// The kind a file's name says, if any: `.txt`, `.jsonl`, `.html`, `.rss`, `.csv`,
    /// `.warc.gz`, … (case-insensitive).
    pub fn from_name(name: &str) -> Option<InputKind> {
        let lower = name.to_ascii_lowercase();
        let ext = |e: &str| lower.ends_with(e);
        Some(if ext(".txt") || ext(".text") {
            InputKind::Text
        } else if ext(".jsonl") || ext(".ndjson") {
            InputKind::Jsonl
        } else if ext(".html") || ext(".htm") || ext(".xhtml") || ext(".shtml") {
            InputKind::Html
        } else if ext(".rss") || ext(".atom") || ext(".xml") || ext(".feed") {
            InputKind::Feed
        } else if ext(".csv") || ext(".tsv") || ext(".tab") {
            InputKind::Table
        } else if ext(".warc") || ext(".warc.gz") || ext(".arc.gz") {
            InputKind::Warc
        } else {
            return None;
        })
    }

    /// The kind the first bytes show, for a file whose name says nothing (or `.json`,
    /// which is a JSON Feed only when it says so).
    pub fn sniff(bytes: &[u8]) -> Option<InputKind> {
        let head = &bytes[..bytes.len().min(2048)];
        let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
        let head = &head[start..];
        let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
        let contains = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
        let xml_feed = head.starts_with(b"<")
            && (contains(b"<rss") || contains(b"<feed") || contains(b"<rdf:rdf"));
        let json_feed = head.starts_with(b"{") && contains(b"jsonfeed.org/version");
        let page = lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html");
        if head.starts_with(b"WARC/") || head.starts_with(&[0x1f, 0x8b]) {
            Some(InputKind::Warc)
        } else if page {
            Some(InputKind::Html)
        } else if xml_feed || json_feed {
            Some(InputKind::Feed)
        } else if head.starts_with(b"<") && contains(b"<html") {
            Some(InputKind::Html)
        } else {
            None
        }
    }
}

/// Where in a file something happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Whole,
    Byte(usize),
    Line(usize),
    /// A record of a feed or an archive, counted from 1.
    Record(usize),
}

/// A problem with one file, or one record of it, or a note about how it was read. The
/// rest of the input goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub origin: String,
    pub place: Place,
    pub message: String,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.place {
            Place::Whole => write!(f, "{}: {}", self.origin, self.message),
            Place::Byte(b) => write!(f, "{}: byte {}: {}", self.origin, b, self.message),
            Place::Line(l) => write!(f, "{}:{}: {}", self.origin, l, self.message),
            Place::Record(r) => write!(f, "{}: record {}: {}", self.origin, r, self.message),
        }
    }
}

impl std::error::Error for ReadError {}

pub(crate) fn error(origin: &str, place: Place, message: impl Into<String>) -> ReadError {
    ReadError { origin: origin.to_string(), place, message: message.into() }
}

/// What one file gave: its articles, and one line per problem or note.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Read {
    pub sources: Vec<Source>,
    pub problems: Vec<ReadError>,
}

impl Read {
    fn failed(problem: ReadError) -> Read {
        Read { sources: Vec::new(), problems: vec![problem] }
    }
}

/// How the readers read: what a CSV's columns mean.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    #[cfg(feature = "readers")]
    pub columns: Columns,
}

/// Reads a file of any kind Newsline knows. `name` is the file's name (for its kind and,
/// for a text file, its id); `origin` is how problems name it.
pub fn read(origin: &str, name: &str, bytes: &[u8], options: &ReadOptions) -> Read {
    let stem = stem_of(name);
    let kind = match InputKind::from_name(name) {
        Some(InputKind::Feed) if name.to_ascii_lowercase().ends_with(".xml") => {
            InputKind::sniff(bytes).unwrap_or(InputKind::Feed)
        }
        Some(kind) => kind,
        None => InputKind::sniff(bytes).unwrap_or(InputKind::Text),
    };
    match kind {
        InputKind::Text => read_txt(origin, stem, bytes),
        InputKind::Jsonl => read_jsonl(origin, bytes),
        #[cfg(feature = "readers")]
        InputKind::Html => read_html(origin, stem, bytes, &Page::default()),
        #[cfg(feature = "readers")]
        InputKind::Feed => read_feed(origin, bytes),
        #[cfg(feature = "readers")]
        InputKind::Table => read_table(origin, name, bytes, &options.columns),
        #[cfg(feature = "archives")]
        InputKind::Warc => read_warc(origin, bytes),
        #[allow(
            unreachable_patterns,
            reason = "every kind is read when all the readers are built in"
        )]
        other => {
            let _ = options;
            Read::failed(error(
                origin,
                Place::Whole,
                format!("this build does not read {}s", other.noun(1)),
            ))
        }
    }
}

/// A file name without its extensions: `page.html` → `page`, `crawl.warc.gz` → `crawl`.
pub fn stem_of(name: &str) -> &str {
    let name = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let lower = name.to_ascii_lowercase();
    for double in [".warc.gz", ".arc.gz"] {
        if lower.ends_with(double) {
            return &name[..name.len() - double.len()];
        }
    }
    match name.rfind('.') {
        Some(dot) if dot > 0 => &name[..dot],
        _ => name,
    }
}

/// Text decoded from a file's bytes, and how, when it was not plain UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'b> {
    pub text: Cow<'b, str>,
    /// "UTF-16LE (byte-order mark)", "windows-1252 (guessed)": for the report.
    pub assumed: Option<String>,
}

/// Decodes a file's bytes as text. A byte-order mark (UTF-8 or UTF-16) is honoured; UTF-8
/// is taken as it is; anything else is decoded in the encoding `declared` names (a web
/// page's `charset`) or, failing that, the one chardetng guesses, and `assumed` says which.
///
/// # Errors
/// An empty file, or binary data (a NUL byte outside UTF-16).
pub fn decode<'b>(
    origin: &str,
    bytes: &'b [u8],
    declared: Option<&str>,
) -> Result<Decoded<'b>, ReadError> {
    if bytes.is_empty() {
        return Err(error(origin, Place::Whole, "empty file"));
    }
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        let assumed = (encoding != encoding_rs::UTF_8)
            .then(|| format!("{} (byte-order mark)", encoding.name()));
        let assumed = if had_errors {
            Some(format!("{} with undecodable bytes replaced", encoding.name()))
        } else {
            assumed
        };
        return Ok(Decoded { text, assumed });
    }
    if let Some(nul) = memchr::memchr(0, bytes) {
        return Err(error(origin, Place::Byte(nul), "binary data (NUL byte), not text"));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded { text: Cow::Borrowed(text), assumed: None });
    }
    let declared =
        declared.and_then(|label| encoding_rs::Encoding::for_label(label.trim().as_bytes()));
    let (encoding, how) = match declared {
        Some(e) if e != encoding_rs::UTF_8 => (e, "declared"),
        _ => {
            // Not UTF-8 (that was tried above), and never ISO-2022-JP, which can hide markup.
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            (detector.guess(None, chardetng::Utf8Detection::Deny), "guessed: the file is not UTF-8")
        }
    };
    let (text, _, had_errors) = encoding.decode(bytes);
    let replaced = if had_errors { ", undecodable bytes replaced" } else { "" };
    Ok(Decoded { text, assumed: Some(format!("{} ({how}{replaced})", encoding.name())) })
}

/// The line a report gives to a file decoded from another encoding.
pub(crate) fn decoded_note(origin: &str, assumed: &str) -> ReadError {
    error(origin, Place::Whole, format!("decoded as {assumed}"))
}

/// Files larger than this are refused rather than read into memory (by the CLI and by
/// the page's worker alike).
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// The line for a file over [`MAX_FILE_BYTES`].
pub fn too_large(origin: &str, bytes: u64) -> String {
    format!("{origin}: {bytes} bytes is over the {} MB limit; skipped", MAX_FILE_BYTES >> 20)
}

/// The articles' ids so far, each with the file it came from, so that two files giving
/// the same id are both named. The CLI and the page's worker admit articles through it.
#[derive(Debug, Default, Clone)]
pub struct Ids(std::collections::HashMap<String, String>);

impl Ids {
    /// Takes `source`'s id, or, when another file has it, the next free `#2`, `#3`…, and
    /// says so in a line naming both files.
    pub fn admit(&mut self, source: &mut Source, origin: &str) -> Option<String> {
        let mut note = None;
        if let Some(first) = self.0.get(&source.id) {
            let renamed = unique_id(&source.id, |c| self.0.contains_key(c));
            note = Some(format!(
                "{origin}: id {:?} is already used by {first}; kept as {renamed:?}",
                source.id
            ));
            source.id = renamed;
        }
        self.0.insert(source.id.clone(), origin.to_string());
        note
    }
}

/// The site of an article's address, which stands for its outlet when nothing else names
/// one: `https://www.bbc.co.uk/news/x` → `bbc.co.uk`.
#[cfg(feature = "readers")]
pub fn site_of(url: &str) -> Option<String> {
    let host = url::Url::parse(url).ok()?.host_str()?.to_lowercase();
    Some(host.strip_prefix("www.").unwrap_or(&host).to_string()).filter(|h| !h.is_empty())
}

/// `id` made unique by a `#2`, `#3`… suffix, given which ids are taken.
pub fn unique_id(id: &str, taken: impl Fn(&str) -> bool) -> String {
    (2..)
        .map(|n| format!("{id}#{n}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or_else(|| id.to_string())
}

/// A publication date as sources write it, or a line saying why it was not taken.
pub(crate) fn date_of(
    origin: &str,
    place: Place,
    value: Option<&str>,
) -> (Option<Date>, Option<ReadError>) {
    match value.map(str::trim) {
        None | Some("") => (None, None),
        Some(d) => match crate::dates::parse_published(d) {
            Some(date) => (Some(date), None),
            None => (
                None,
                Some(error(
                    origin,
                    place,
                    format!("unreadable date {d:?}; the article is kept undated"),
                )),
            ),
        },
    }
}

/// An id for an article that names itself nowhere (a feed item, a fetched page): 16 hex
/// digits of a hash of `key`, the same on every run and platform.
pub fn hashed_id(key: &str) -> String {
    // FNV-1a: stable across runs and platforms, which is all an id needs here.
    let hash = key
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_come_from_names_then_from_the_first_bytes() {
        assert_eq!(InputKind::from_name("A/Page.HTM"), Some(InputKind::Html));
        assert_eq!(InputKind::from_name("crawl.warc.gz"), Some(InputKind::Warc));
        assert_eq!(InputKind::from_name("export.tsv"), Some(InputKind::Table));
        assert_eq!(InputKind::from_name("notes.pdf"), None);
        assert_eq!(
            InputKind::sniff(b"\n  <?xml version=\"1.0\"?><rss version=\"2.0\">"),
            Some(InputKind::Feed)
        );
        assert_eq!(InputKind::sniff(b"<!DOCTYPE html><html>"), Some(InputKind::Html));
        assert_eq!(
            InputKind::sniff(b"{\"version\": \"https://jsonfeed.org/version/1.1\"}"),
            Some(InputKind::Feed)
        );
        assert_eq!(InputKind::sniff(b"WARC/1.0\r\n"), Some(InputKind::Warc));
        assert_eq!(InputKind::sniff(b"Just words."), None);
        assert_eq!(stem_of("x/crawl.warc.gz"), "crawl");
        assert_eq!(stem_of("page.html"), "page");
        assert_eq!(stem_of(".hidden"), ".hidden");
    }

    #[test]
    fn encodings_are_honoured_or_guessed_and_said() {
        let utf16 = decode("a", b"\xFF\xFEh\0i\0", None).unwrap();
        assert_eq!(
            (utf16.text.as_ref(), utf16.assumed.as_deref()),
            ("hi", Some("UTF-16LE (byte-order mark)"))
        );
        let bom = decode("a", b"\xEF\xBB\xBFcaf\xC3\xA9", None).unwrap();
        assert_eq!((bom.text.as_ref(), bom.assumed), ("café", None));
        let latin = decode("a", b"Caf\xE9 au lait, na\xEFve cr\xE8me br\xFBl\xE9e", None).unwrap();
        assert_eq!(latin.text, "Café au lait, naïve crème brûlée");
        assert!(latin.assumed.unwrap().starts_with("windows-1252 (guessed"));
        let declared = decode("a", b"\x8A\x93\x8E\x9A", Some("shift_jis")).unwrap();
        assert_eq!(declared.assumed.as_deref(), Some("Shift_JIS (declared)"));
        assert_eq!(decode("e", b"", None).unwrap_err().message, "empty file");
        assert_eq!(decode("b", b"GIF89a\x01\0\0", None).unwrap_err().place, Place::Byte(7));
    }

    #[test]
    fn dates_in_every_common_form_are_read() {
        for form in [
            "2017-01-24",
            "2017-01-24T09:30:00Z",
            "Tue, 24 Jan 2017 09:30:00 GMT",
            "2017-01-24 09:30:00",
        ] {
            assert_eq!(
                date_of("f", Place::Whole, Some(form)).0,
                Date::new(2017, 1, 24).ok(),
                "{form}"
            );
        }
        let (date, problem) = date_of("f", Place::Line(3), Some("sometime"));
        assert_eq!(date, None);
        assert_eq!(
            problem.unwrap().to_string(),
            "f:3: unreadable date \"sometime\"; the article is kept undated"
        );
    }
}
