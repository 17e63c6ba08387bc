//! JSONL: one article per line, `{"id", "text", "date", "title", "outlet" | "publisher",
//! "url", "byline" | "author"}`. A bad line is reported by its number and skipped.

use std::collections::HashMap;

use serde::Deserialize;

use super::{date_of, decode, decoded_note, error, unique_id, InputKind, Place, Read, Source};

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
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (n, line) in decoded.text.lines().enumerate() {
        let line_no = n + 1;
        if line.trim().is_empty() {
            continue;
        }
        let record: Record = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                read.problems.push(error(
                    origin,
                    Place::Line(line_no),
                    format!("not a JSON record: {e}"),
                ));
                continue;
            }
        };
        let id = match record.id {
            Some(serde_json::Value::String(s)) if !s.is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => {
                read.problems.push(error(origin, Place::Line(line_no), "record has no \"id\""));
                continue;
            }
        };
        let Some(body) = record.text else {
            read.problems.push(error(
                origin,
                Place::Line(line_no),
                format!("record {id:?} has no \"text\""),
            ));
            continue;
        };
        if body.trim().is_empty() {
            let message = format!("record {id:?} has empty \"text\"; skipped");
            read.problems.push(error(origin, Place::Line(line_no), message));
            continue;
        }
        let id = match seen.get(&id) {
            Some(first) => {
                let renamed = unique_id(&id, |candidate| seen.contains_key(candidate));
                let message = format!("duplicate id {id:?} (first on line {first}); this record is kept as {renamed:?}");
                read.problems.push(error(origin, Place::Line(line_no), message));
                renamed
            }
            None => id,
        };
        seen.insert(id.clone(), line_no);
        let (date, problem) = date_of(origin, Place::Line(line_no), record.date.as_deref());
        read.problems.extend(problem);
        read.sources.push(Source {
            id,
            date,
            title: record.title,
            outlet: record.outlet,
            url: record.url,
            byline: record.byline,
            kind: InputKind::Jsonl,
            text: body,
            ..Source::default()
        });
    }
    read
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
