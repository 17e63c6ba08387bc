//! CSV and TSV exports, one article a row. Common column names are recognised (`text`,
//! `body`, `content`; `date`, `publish_date`, `published`; `title`; `url`; `media_name`,
//! `outlet`, `source`; `id`), and `--columns text=story,date=pubdate` maps any other.

use super::{
    date_of, decode, decoded_note, error, hashed_id, unique_id, InputKind, Place, Read, Source,
};

/// Which column holds each field, by header name, when the defaults do not fit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Columns {
    /// (field, column header) pairs from `--columns`, such as ("text", "story").
    pub given: Vec<(Field, String)>,
}

/// A field of an article that a column can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Id,
    Text,
    Date,
    Title,
    Url,
    Outlet,
    Byline,
}

impl Field {
    const ALL: [(Field, &'static str); 7] = [
        (Field::Id, "id"),
        (Field::Text, "text"),
        (Field::Date, "date"),
        (Field::Title, "title"),
        (Field::Url, "url"),
        (Field::Outlet, "outlet"),
        (Field::Byline, "byline"),
    ];

    /// The header names a field is found under when `--columns` does not say.
    fn defaults(self) -> &'static [&'static str] {
        match self {
            Field::Id => &["id", "stories_id", "story_id", "article_id", "guid"],
            Field::Text => {
                &["text", "body", "content", "full_text", "article_text", "story", "article"]
            }
            Field::Date => &[
                "date",
                "publish_date",
                "published",
                "pubdate",
                "publication_date",
                "date_published",
                "published_at",
                "datetime",
            ],
            Field::Title => &["title", "headline"],
            Field::Url => &[
                "url",
                "link",
                "canonical_url",
                "article_url",
                "story_url",
                "source_link",
                "article_source_link",
            ],
            Field::Outlet => {
                &["outlet", "media_name", "source", "publisher", "media", "site", "site_name"]
            }
            Field::Byline => &["byline", "author", "authors"],
        }
    }
}

impl std::str::FromStr for Columns {
    type Err = String;

    /// `text=story,date=pubdate`.
    fn from_str(s: &str) -> Result<Columns, String> {
        let mut given = Vec::new();
        for pair in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (field, column) =
                pair.split_once('=').ok_or_else(|| format!("{pair:?} is not FIELD=COLUMN"))?;
            let field = Field::ALL
                .iter()
                .find(|(_, name)| name.eq_ignore_ascii_case(field.trim()))
                .map(|&(f, _)| f)
                .ok_or_else(|| {
                    let names: Vec<&str> = Field::ALL.iter().map(|&(_, n)| n).collect();
                    format!("{:?} is not a field (one of {})", field.trim(), names.join(", "))
                })?;
            given.push((field, column.trim().to_string()));
        }
        Ok(Columns { given })
    }
}

/// The position of each field's column in `headers`.
fn locate(headers: &[String], columns: &Columns) -> Vec<(Field, Option<usize>)> {
    let find = |name: &str| headers.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    Field::ALL
        .iter()
        .map(|&(field, _)| {
            let given = columns.given.iter().find(|(f, _)| *f == field).map(|(_, c)| c.as_str());
            let at = match given {
                Some(name) => find(name),
                None => field.defaults().iter().find_map(|name| find(name)),
            };
            (field, at)
        })
        .collect()
}

/// Reads a CSV (or, by its name or its first line, TSV) export with a header row. A row
/// without text, or with a broken quote, is reported by its line and skipped.
pub fn read_table(origin: &str, name: &str, bytes: &[u8], columns: &Columns) -> Read {
    let decoded = match decode(origin, bytes, None) {
        Ok(d) => d,
        Err(e) => return Read::failed(e),
    };
    let mut read = Read::default();
    if let Some(assumed) = &decoded.assumed {
        read.problems.push(decoded_note(origin, assumed));
    }
    let text: &str = &decoded.text;
    let first_line = text.lines().next().unwrap_or_default();
    let lower = name.to_ascii_lowercase();
    let tabbed = lower.ends_with(".tsv")
        || lower.ends_with(".tab")
        || first_line.matches('\t').count() > first_line.matches(',').count();
    let semicolons = !tabbed && first_line.matches(';').count() > first_line.matches(',').count();
    let delimiter = if tabbed {
        b'\t'
    } else if semicolons {
        b';'
    } else {
        b','
    };
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_string).collect(),
        Err(e) => {
            read.problems.push(error(origin, Place::Line(1), format!("no header row: {e}")));
            return read;
        }
    };
    let at = locate(&headers, columns);
    let column = |field: Field| at.iter().find(|(f, _)| *f == field).and_then(|&(_, i)| i);
    let Some(text_column) = column(Field::Text) else {
        let given = columns.given.iter().find(|(f, _)| *f == Field::Text);
        let why = match given {
            Some((_, name)) => format!("no column {name:?} for the text"),
            None => "no text column (text, body, content…); name it with --columns text=COLUMN"
                .to_string(),
        };
        read.problems.push(error(
            origin,
            Place::Line(1),
            format!("{why}; the header is {}", headers.join(", ")),
        ));
        return read;
    };
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    // The line of the last row read, and whether it became an article.
    let mut last_row: Option<(usize, bool)> = None;
    for (row, record) in reader.records().enumerate() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line =
                    e.position().map_or(row + 2, |p| usize::try_from(p.line()).unwrap_or(row + 2));
                read.problems.push(error(
                    origin,
                    Place::Line(line),
                    format!("unreadable row ({e}); skipped"),
                ));
                continue;
            }
        };
        let line =
            record.position().map_or(row + 2, |p| usize::try_from(p.line()).unwrap_or(row + 2));
        last_row = Some((line, false));
        if record.len() != headers.len() {
            let message = format!(
                "{} fields where the header has {}; read as far as they go",
                record.len(),
                headers.len()
            );
            read.problems.push(error(origin, Place::Line(line), message));
        }
        let get = |field: Field| {
            column(field)
                .and_then(|i| record.get(i))
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        let Some(body) = record.get(text_column).filter(|t| !t.trim().is_empty()) else {
            read.problems.push(error(origin, Place::Line(line), "a row with no text; skipped"));
            continue;
        };
        let id = get(Field::Id).unwrap_or_else(|| {
            format!("{}-{}", super::stem_of(name), hashed_id(body).get(..8).unwrap_or_default())
        });
        let id = match seen.get(&id) {
            Some(first) => {
                let renamed = unique_id(&id, |c| seen.contains_key(c));
                let message = format!(
                    "duplicate id {id:?} (first on line {first}); this row is kept as {renamed:?}"
                );
                read.problems.push(error(origin, Place::Line(line), message));
                renamed
            }
            None => id,
        };
        seen.insert(id.clone(), line);
        let (date, problem) = date_of(origin, Place::Line(line), get(Field::Date).as_deref());
        read.problems.extend(problem);
        read.sources.push(Source {
            id,
            date,
            title: get(Field::Title),
            outlet: get(Field::Outlet),
            url: get(Field::Url),
            byline: get(Field::Byline),
            kind: InputKind::Table,
            text: body.replace("\r\n", "\n"),
            ..Source::default()
        });
        last_row = Some((line, true));
    }
    // A quote that never closes swallows the rest of the file into one field, which the
    // csv reader does not call an error: an odd number of quote marks gives it away.
    if delimiter != b'\t' && text.bytes().filter(|&b| b == b'"').count() % 2 == 1 {
        if let Some((line, kept)) = last_row {
            if kept {
                read.sources.pop();
            }
            let message = "a quote opened in this row never closes; the row and the rest of the file were skipped";
            read.problems.push(error(origin, Place::Line(line), message));
        }
    }
    read
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::Date;

    #[test]
    fn common_columns_are_recognised_and_bad_rows_named() {
        let csv = "stories_id,publish_date,title,url,media_name,text\n\
                   1,2017-01-24 09:30:00,Strike,https://a.example/1,The Herald,\"“Fine,” Jane Doe said.\n\nMore.\"\n\
                   2,2017-01-25,Empty,https://a.example/2,The Herald,\n\
                   3,soon,Ragged,https://a.example/3\n\
                   4,2017-01-26,Last,https://a.example/4,The Courier,\"Jo Roe said so.\"\n";
        let read = read_table("e.csv", "e.csv", csv.as_bytes(), &Columns::default());
        let ids: Vec<&str> = read.sources.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["1", "4"]);
        let first = &read.sources[0];
        assert_eq!(first.date, Date::new(2017, 1, 24).ok());
        assert_eq!(first.outlet.as_deref(), Some("The Herald"));
        assert_eq!(first.text, "“Fine,” Jane Doe said.\n\nMore.", "paragraph breaks survive");
        let lines: Vec<String> = read.problems.iter().map(ToString::to_string).collect();
        assert!(lines.contains(&"e.csv:5: a row with no text; skipped".to_string()), "{lines:?}");
        assert!(
            lines.iter().any(|l| l.starts_with("e.csv:6: 4 fields where the header has 6")),
            "{lines:?}"
        );
        assert!(lines.iter().any(|l| l.starts_with("e.csv:6: a row with no text")), "{lines:?}");
    }

    #[test]
    fn columns_can_be_named_and_tabs_are_found() {
        let tsv = "pubdate\tstory\tsource\n2017-01-24\tJane Doe said hello.\tThe Herald\n";
        let unnamed = read_table("x.tsv", "x.tsv", tsv.as_bytes(), &Columns::default());
        assert!(
            unnamed.sources.len() == 1,
            "`story` and `pubdate` are known names: {:?}",
            unnamed.problems
        );
        let odd = "when;words\n2017-01-24;Jane Doe said hello.\n";
        let none = read_table("y.csv", "y.csv", odd.as_bytes(), &Columns::default());
        assert!(none.sources.is_empty());
        assert!(
            none.problems[0].to_string().contains("--columns text=COLUMN"),
            "{:?}",
            none.problems
        );
        let columns: Columns = "text=words, date=when".parse().unwrap();
        let named = read_table("y.csv", "y.csv", odd.as_bytes(), &columns);
        assert_eq!(named.sources[0].text, "Jane Doe said hello.");
        assert_eq!(named.sources[0].date, Date::new(2017, 1, 24).ok());
        assert!(named.sources[0].id.starts_with("y-"));
        assert!("txt=words".parse::<Columns>().unwrap_err().contains("not a field"));
    }

    #[test]
    fn a_broken_quote_costs_its_row_and_is_named() {
        let csv = "id,text\n1,Jane Doe said so.\n2,\"open quote never closed\n3,fine\n";
        let read = read_table("b.csv", "b.csv", csv.as_bytes(), &Columns::default());
        let ids: Vec<&str> = read.sources.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["1"]);
        assert_eq!(
            read.problems[0].to_string(),
            "b.csv:3: a quote opened in this row never closes; the row and the rest of the file were skipped"
        );
    }
}
