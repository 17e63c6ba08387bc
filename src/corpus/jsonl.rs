//! JSONL: one article per line, `{"id", "text", "date", "title", "outlet" | "publisher",
//! "url", "byline" | "author"}`. A bad line is reported by its number and skipped.

use std::collections::HashMap;

use serde::Deserialize;

use super::{
    date_of, decode, decoded_note, error, unique_id, InputKind, Place, Read, ReadError, Source,
};

#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<String>,
    date: Option<String>,
    title: Option<String>,
    #[serde(alias = "publisher")]
    outlet: Option<String>,
    url: Option<String>,
    #[serde(alias = "author")]
    byline: Option<String>,
}

/// One JSONL line as an article, with its line number for messages: `Ok(None)` for a
/// blank line. The id is the record's own; [`read_jsonl`] makes repeated ones unique.
///
/// # Errors
/// A line that is not a JSON record, or a record with no id or no text.
pub fn read_record(
    origin: &str,
    line_no: usize,
    line: &str,
) -> Result<Option<(Source, Option<ReadError>)>, ReadError> {
    if line.trim().is_empty() {
        return Ok(None);
    }
    let place = Place::Line(line_no);
    let record: Record = serde_json::from_str(line)
        .map_err(|e| error(origin, place.clone(), format!("not a JSON record: {e}")))?;
    let id = match record.id {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => return Err(error(origin, place, "record has no \"id\"")),
    };
    let Some(body) = record.text else {
        return Err(error(origin, place, format!("record {id:?} has no \"text\"")));
    };
    if body.trim().is_empty() {
        return Err(error(origin, place, format!("record {id:?} has empty \"text\"; skipped")));
    }
    let (date, problem) = date_of(origin, place, record.date.as_deref());
    let source = Source {
        id,
        date,
        title: record.title,
        outlet: record.outlet,
        url: record.url,
        byline: record.byline,
        kind: InputKind::Jsonl,
        text: body,
        ..Source::default()
    };
    Ok(Some((source, problem)))
}

/// Reads JSONL records. A repeated id keeps its record under a `#2` id, so none is lost.
pub fn read_jsonl(origin: &str, bytes: &[u8]) -> Read {
    let decoded = match decode(origin, bytes, None) {
        Ok(d) => d,
        Err(e) => return Read::failed(e),
    };
    let mut read = Read::default();
    if let Some(assumed) = &decoded.assumed {
        read.problems.push(decoded_note(origin, assumed));
    }
    let mut ids = UniqueIds::default();
    for (n, line) in decoded.text.lines().enumerate() {
        match read_record(origin, n + 1, line) {
            Ok(None) => {}
            Ok(Some((mut source, problem))) => {
                read.problems.extend(problem);
                read.problems.extend(ids.claim(origin, n + 1, &mut source.id));
                read.sources.push(source);
            }
            Err(e) => read.problems.push(e),
        }
    }
    read
}

/// The ids of a stream of records so far, so that a repeated one is renamed as the
/// one-file reader renames it, wherever the records were extracted.
#[derive(Debug, Default)]
pub struct UniqueIds {
    seen: HashMap<String, usize>,
}

impl UniqueIds {
    /// Keeps `id` (from line `line_no`), renaming it `id#2`… when it was seen before, with
    /// a line saying so.
    pub fn claim(&mut self, origin: &str, line_no: usize, id: &mut String) -> Option<ReadError> {
        let problem = self.seen.get(id.as_str()).map(|first| {
            let renamed = unique_id(id, |candidate| self.seen.contains_key(candidate));
            let message = format!(
                "duplicate id {id:?} (first on line {first}); this record is kept as {renamed:?}"
            );
            *id = renamed;
            error(origin, Place::Line(line_no), message)
        });
        self.seen.insert(id.clone(), line_no);
        problem
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::Date;

    #[test]
    fn jsonl_keeps_good_records_and_reports_bad_lines() {
        let input = b"{\"id\":\"a\",\"text\":\"One.\",\"date\":\"2017-01-02T10:00:00+01:00\"}\n{broken\n{\"id\":\"b\"}\n{\"id\":\"a\",\"text\":\"dup\",\"author\":\"Jo Roe\"}\n{\"id\":\"c\",\"text\":\" \"}\n";
        let read = read_jsonl("x.jsonl", input);
        let sources = &read.sources;
        assert_eq!(sources.len(), 2, "the duplicate is kept under a new id");
        assert_eq!(sources[1].id, "a#2");
        assert_eq!(sources[1].text, "dup");
        assert_eq!(sources[1].byline.as_deref(), Some("Jo Roe"));
        assert_eq!(sources[0].date, Date::new(2017, 1, 2).ok());
        let lines: Vec<String> = read.problems.iter().map(ToString::to_string).collect();
        assert!(lines[0].starts_with("x.jsonl:2: not a JSON record"));
        assert!(lines[1].starts_with("x.jsonl:3: record \"b\" has no \"text\""));
        assert_eq!(
            lines[2],
            "x.jsonl:4: duplicate id \"a\" (first on line 1); this record is kept as \"a#2\""
        );
        assert_eq!(lines[3], "x.jsonl:5: record \"c\" has empty \"text\"; skipped");
    }
}
