//! Readers that turn a file's bytes into articles: `.txt` with an optional
//! `date YYYY-MM-DD` prefix, JSONL records, and the TOML corpus manifest.
//!
//! They take bytes and a name, never a path, so they stay pure and testable; the
//! CLI walks the file system around them. Every error names its origin and place.

use std::collections::HashMap;
use std::fmt;

use jiff::civil::Date;
use serde::Deserialize;

use crate::dates::parse_day;

/// An article as read, before extraction.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    pub date: Option<Date>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub text: String,
}

/// Where in a file something went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Whole,
    Byte(usize),
    Line(usize),
}

/// A problem with one file, or one record of it. The rest of the input goes on.
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
        }
    }
}

impl std::error::Error for ReadError {}

fn error(origin: &str, place: Place, message: impl Into<String>) -> ReadError {
    ReadError { origin: origin.to_string(), place, message: message.into() }
}

/// Checks that bytes are usable UTF-8 text and returns it without a byte-order mark.
pub fn decode<'b>(origin: &str, bytes: &'b [u8]) -> Result<&'b str, ReadError> {
    if bytes.is_empty() {
        return Err(error(origin, Place::Whole, "empty file"));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(error(
            origin,
            Place::Byte(0),
            "UTF-16 text (byte-order mark); save it as UTF-8",
        ));
    }
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        return Err(error(origin, Place::Byte(nul), "binary data (NUL byte), not text"));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes)
        .map_err(|e| error(origin, Place::Byte(e.valid_up_to()), "invalid UTF-8"))
}

/// Reads a plain-text article. `stem` becomes its id. A leading `date YYYY-MM-DD`
/// (after optional white space) is metadata, and the body starts after it.
///
/// # Errors
/// Empty, binary, UTF-16 or invalid UTF-8 input, or a prefix with an impossible date.
pub fn read_txt(origin: &str, stem: &str, bytes: &[u8]) -> Result<Source, ReadError> {
    let text = decode(origin, bytes)?;
    let lead = text.len() - text.trim_start().len();
    let rest = &text[lead..];
    let (date, body) = match rest.strip_prefix("date ") {
        Some(after) if after.len() >= 10 && after.is_char_boundary(10) => {
            let date = parse_day(&after[..10]).ok_or_else(|| {
                error(
                    origin,
                    Place::Byte(lead + 5),
                    format!("impossible date {:?} in the date prefix", &after[..10]),
                )
            })?;
            // Exactly one separator ends the prefix; everything after it is the body.
            let rest = &after[10..];
            let body = ["\r\n", "\n", " ", "\t"]
                .iter()
                .find_map(|sep| rest.strip_prefix(sep))
                .unwrap_or(rest);
            (Some(date), body)
        }
        _ => (None, text),
    };
    if body.trim().is_empty() {
        return Err(error(origin, Place::Whole, "no article text"));
    }
    Ok(Source {
        id: stem.to_string(),
        date,
        title: None,
        outlet: None,
        url: None,
        text: body.to_string(),
    })
}

#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<String>,
    date: Option<String>,
    title: Option<String>,
    #[serde(alias = "publisher")]
    outlet: Option<String>,
    url: Option<String>,
}

/// Reads JSONL records (`id`, `text`, optional `date`, `title`, `outlet`/`publisher`, `url`).
/// A bad line is reported with its number and skipped; the others are kept.
pub fn read_jsonl(origin: &str, bytes: &[u8]) -> (Vec<Source>, Vec<ReadError>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let text = match decode(origin, bytes) {
        Ok(t) => t,
        Err(e) => return (out, vec![e]),
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        if line.trim().is_empty() {
            continue;
        }
        let record: Record = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                errors.push(error(origin, Place::Line(line_no), format!("not a JSON record: {e}")));
                continue;
            }
        };
        let id = match record.id {
            Some(serde_json::Value::String(s)) if !s.is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => {
                errors.push(error(origin, Place::Line(line_no), "record has no \"id\""));
                continue;
            }
        };
        let Some(body) = record.text else {
            errors.push(error(
                origin,
                Place::Line(line_no),
                format!("record {id:?} has no \"text\""),
            ));
            continue;
        };
        // A repeated id keeps its record under a new id, so no article is lost.
        let id = match seen.get(&id) {
            Some(first) => {
                let renamed = unique_id(&id, |candidate| seen.contains_key(candidate));
                errors.push(error(
                    origin,
                    Place::Line(line_no),
                    format!("duplicate id {id:?} (first on line {first}); this record is kept as {renamed:?}"),
                ));
                renamed
            }
            None => id,
        };
        seen.insert(id.clone(), line_no);
        let date = match record.date.as_deref() {
            None | Some("") => None,
            Some(d) => match parse_day(d) {
                Some(date) => Some(date),
                None => {
                    errors.push(error(
                        origin,
                        Place::Line(line_no),
                        format!("impossible date {d:?}; the article is kept undated"),
                    ));
                    None
                }
            },
        };
        out.push(Source {
            id,
            date,
            title: record.title,
            outlet: record.outlet,
            url: record.url,
            text: body,
        });
    }
    (out, errors)
}

/// `id` made unique by a `#2`, `#3`… suffix, given which ids are taken.
pub fn unique_id(id: &str, taken: impl Fn(&str) -> bool) -> String {
    (2..)
        .map(|n| format!("{id}#{n}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or_else(|| id.to_string())
}

/// A corpus manifest: what is known about each article that its file does not say.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
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
}

/// The manifest file name looked for in every corpus folder.
pub const MANIFEST_NAME: &str = "newsline.toml";

/// Parses a manifest.
///
/// # Errors
/// TOML syntax errors and impossible dates, with the byte where they are.
pub fn read_manifest(origin: &str, bytes: &[u8]) -> Result<Manifest, ReadError> {
    let text = decode(origin, bytes)?;
    let manifest: Manifest = toml::from_str(text).map_err(|e| {
        let place = e.span().map_or(Place::Whole, |s| Place::Byte(s.start));
        error(origin, place, e.message().to_string())
    })?;
    for entry in &manifest.articles {
        if let Some(d) = entry.date.as_deref() {
            if parse_day(d).is_none() {
                return Err(error(
                    origin,
                    Place::Whole,
                    format!("{}: impossible date {d:?}", entry.file),
                ));
            }
        }
    }
    Ok(manifest)
}

impl Manifest {
    /// Fills in what the manifest knows about `source`, read from `file`. A date
    /// in the file itself wins over the manifest's.
    pub fn apply(&self, file: &str, source: &mut Source) {
        let Some(entry) = self.articles.iter().find(|e| e.file == file) else { return };
        if source.date.is_none() {
            source.date = entry.date.as_deref().and_then(parse_day);
        }
        source.outlet = source.outlet.take().or_else(|| entry.outlet.clone());
        source.url = source.url.take().or_else(|| entry.url.clone());
        source.title = source.title.take().or_else(|| entry.title.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_prefix_is_metadata_on_the_same_line() {
        let s = read_txt("a.txt", "a", b" date 2017-01-24 Body starts here.\n\nMore.").unwrap();
        assert_eq!(s.date, Date::new(2017, 1, 24).ok());
        assert_eq!(s.text, "Body starts here.\n\nMore.");
    }

    #[test]
    fn bad_bytes_name_the_place() {
        assert_eq!(read_txt("e.txt", "e", b"").unwrap_err().to_string(), "e.txt: empty file");
        let e = read_txt("u.txt", "u", b"ok \xFF bad").unwrap_err();
        assert_eq!(e.place, Place::Byte(3));
        assert!(read_txt("w.txt", "w", b"\xFF\xFEh\0i\0").unwrap_err().message.contains("UTF-16"));
        assert!(read_txt("d.txt", "d", b"date 2017-02-31 text")
            .unwrap_err()
            .message
            .contains("impossible"));
    }

    #[test]
    fn jsonl_keeps_good_records_and_reports_bad_lines() {
        let input = b"{\"id\":\"a\",\"text\":\"One.\",\"date\":\"2017-01-02\"}\n{broken\n{\"id\":\"b\"}\n{\"id\":\"a\",\"text\":\"dup\"}\n";
        let (sources, errors) = read_jsonl("x.jsonl", input);
        assert_eq!(sources.len(), 2, "the duplicate is kept under a new id");
        assert_eq!(sources[1].id, "a#2");
        assert_eq!(sources[1].text, "dup");
        assert_eq!(sources[0].date, Date::new(2017, 1, 2).ok());
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(lines[0].starts_with("x.jsonl:2: not a JSON record"));
        assert!(lines[1].starts_with("x.jsonl:3: record \"b\" has no \"text\""));
        assert_eq!(
            lines[2],
            "x.jsonl:4: duplicate id \"a\" (first on line 1); this record is kept as \"a#2\""
        );
    }

    #[test]
    fn manifest_supplies_missing_metadata() {
        let m = read_manifest(
            "m.toml",
            b"[[article]]\nfile = \"b.txt\"\noutlet = \"Herald\"\ndate = \"2017-01-23\"\n",
        )
        .unwrap();
        let mut s = read_txt("b.txt", "b", b"Text.").unwrap();
        m.apply("b.txt", &mut s);
        assert_eq!(s.outlet.as_deref(), Some("Herald"));
        assert_eq!(s.date, Date::new(2017, 1, 23).ok());
        assert!(read_manifest("m.toml", b"[[article]]\nfile = 3\n")
            .unwrap_err()
            .to_string()
            .starts_with("m.toml: byte"));
    }
}
