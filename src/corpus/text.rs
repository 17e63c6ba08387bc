//! Plain-text articles: one per file, the file's stem its id. A first line (or first
//! words) `date YYYY-MM-DD` is metadata, and the body starts after it.

use super::{decode, decoded_note, error, InputKind, Place, Read, Source};
use crate::dates::parse_day;

/// Reads a plain-text article; `stem` becomes its id.
pub fn read_txt(origin: &str, stem: &str, bytes: &[u8]) -> Read {
    let decoded = match decode(origin, bytes, None) {
        Ok(d) => d,
        Err(e) => return Read::failed(e),
    };
    let mut read = Read::default();
    if let Some(assumed) = &decoded.assumed {
        read.problems.push(decoded_note(origin, assumed));
    }
    let text: &str = &decoded.text;
    let lead = text.len() - text.trim_start().len();
    let rest = &text[lead..];
    let (date, body) = match rest.strip_prefix("date ") {
        Some(after) if after.len() >= 10 && after.is_char_boundary(10) => {
            let Some(date) = parse_day(&after[..10]) else {
                let message = format!("impossible date {:?} in the date prefix", &after[..10]);
                read.problems.push(error(origin, Place::Byte(lead + 5), message));
                return read;
            };
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
        read.problems.push(error(origin, Place::Whole, "no article text"));
        return read;
    }
    read.sources.push(Source {
        id: stem.to_string(),
        date,
        kind: InputKind::Text,
        text: body.to_string(),
        ..Source::default()
    });
    read
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::Date;

    #[test]
    fn date_prefix_is_metadata_on_the_same_line() {
        let read = read_txt("a.txt", "a", b" date 2017-01-24 Body starts here.\n\nMore.");
        let s = &read.sources[0];
        assert_eq!(s.date, Date::new(2017, 1, 24).ok());
        assert_eq!(s.text, "Body starts here.\n\nMore.");
        assert!(read.problems.is_empty());
    }

    #[test]
    fn bad_bytes_name_the_place_and_other_encodings_are_read() {
        assert_eq!(read_txt("e.txt", "e", b"").problems[0].to_string(), "e.txt: empty file");
        let latin = read_txt("l.txt", "l", b"Caf\xE9 society, Jane Doe said.");
        assert_eq!(latin.sources[0].text, "Café society, Jane Doe said.");
        assert!(
            latin.problems[0].to_string().starts_with("l.txt: decoded as windows-1252"),
            "{:?}",
            latin.problems
        );
        let utf16 = read_txt("w.txt", "w", b"\xFF\xFEh\0i\0");
        assert_eq!(utf16.sources[0].text, "hi");
        assert_eq!(utf16.problems[0].to_string(), "w.txt: decoded as UTF-16LE (byte-order mark)");
        let impossible = read_txt("d.txt", "d", b"date 2017-02-31 text");
        assert!(impossible.sources.is_empty());
        assert_eq!(impossible.problems[0].place, Place::Byte(5));
        assert_eq!(read_txt("b.txt", "b", b"GIF89a\x01\0").problems[0].place, Place::Byte(7));
    }
}
