//! What the explorer's Export buttons download: the visible quotes and events as CSV
//! (one file each) and as one JSON document. Pure, so the contents are tested natively;
//! the page only hands the text to the browser.

use serde::Serialize;

use crate::dataset::{Dataset, EventDate};
use crate::query::{kind_word, stance_word, to_query, Index, Selection, State};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteRow {
    pub id: String,
    pub article: String,
    pub outlet: String,
    /// The date it is placed at (TIMEX3 value), and whether that is only the report date.
    pub date: Option<String>,
    pub reported_on: bool,
    pub speaker: Option<String>,
    pub speaker_id: Option<String>,
    pub cue: Option<String>,
    pub kind: &'static str,
    pub stance: &'static str,
    pub words: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    pub id: String,
    pub article: String,
    pub outlet: String,
    pub date: EventDate,
    pub actors: Vec<String>,
    pub sentence: String,
}

/// The JSON export: the link it was made from, and the rows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Export {
    pub view: String,
    pub quotes: Vec<QuoteRow>,
    pub events: Vec<EventRow>,
}

fn outlet(index: &Index, article: usize) -> String {
    index.outlets[index.outlet_of_article[article]].name.clone()
}

/// Every visible quote (cards and their copies) and event, in list order.
pub fn export(ds: &Dataset, index: &Index, sel: &Selection, state: &State) -> Export {
    let mut quotes: Vec<usize> =
        sel.quotes.iter().chain(sel.copies.iter().flatten()).copied().collect();
    quotes.sort_unstable();
    let quotes = quotes
        .into_iter()
        .map(|i| {
            let q = &ds.quotes[i];
            let event = index.event_of_quote[i].map(|e| &ds.events[e].date);
            QuoteRow {
                id: q.id.clone(),
                article: q.article.to_string(),
                outlet: outlet(index, index.article_of_quote[i]),
                date: event.and_then(|d| d.value.clone()),
                reported_on: event
                    .is_some_and(|d| d.basis == crate::extract::DateBasis::ReportedOn),
                speaker: q
                    .speaker
                    .as_deref()
                    .and_then(|s| index.actor(s))
                    .map(|a| ds.actors[a].name.clone()),
                speaker_id: q.speaker.as_deref().map(str::to_string),
                cue: q.cue.clone(),
                kind: kind_word(q.kind),
                stance: stance_word(q.stance),
                words: index.quote_words(ds, i).to_string(),
            }
        })
        .collect();
    let events = sel
        .events
        .iter()
        .map(|&e| {
            let event = &ds.events[e];
            EventRow {
                id: event.id.clone(),
                article: event.article.to_string(),
                outlet: outlet(index, index.article_of_event[e]),
                date: event.date.clone(),
                actors: index.actors_by_event[e]
                    .iter()
                    .map(|&a| ds.actors[a].name.clone())
                    .collect(),
                sentence: index.event_words(ds, e).to_string(),
            }
        })
        .collect();
    Export { view: to_query(state), quotes, events }
}

/// One CSV field (RFC 4180). A field a spreadsheet would run as a formula gets a
/// leading apostrophe, since the words come from scraped text.
fn field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n', '\r']) || value.starts_with(' ') || value.ends_with(' ') {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

fn csv(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut out = header.join(",");
    out.push_str("\r\n");
    for row in rows {
        out.push_str(&row.iter().map(|v| field(v)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

impl Export {
    pub fn quotes_csv(&self) -> String {
        let header = [
            "id",
            "article",
            "outlet",
            "date",
            "reported_on",
            "speaker",
            "speaker_id",
            "cue",
            "kind",
            "stance",
            "words",
        ];
        csv(
            &header,
            self.quotes.iter().map(|q| {
                vec![
                    q.id.clone(),
                    q.article.clone(),
                    q.outlet.clone(),
                    q.date.clone().unwrap_or_default(),
                    q.reported_on.to_string(),
                    q.speaker.clone().unwrap_or_default(),
                    q.speaker_id.clone().unwrap_or_default(),
                    q.cue.clone().unwrap_or_default(),
                    q.kind.to_string(),
                    q.stance.to_string(),
                    q.words.clone(),
                ]
            }),
        )
    }

    pub fn events_csv(&self) -> String {
        let header = [
            "id",
            "article",
            "outlet",
            "date",
            "first_day",
            "last_day",
            "phrase",
            "actors",
            "sentence",
        ];
        csv(
            &header,
            self.events.iter().map(|e| {
                vec![
                    e.id.clone(),
                    e.article.clone(),
                    e.outlet.clone(),
                    e.date.value.clone().unwrap_or_default(),
                    e.date.first.map(|d| d.to_string()).unwrap_or_default(),
                    e.date.last.map(|d| d.to_string()).unwrap_or_default(),
                    e.date.phrase.clone().unwrap_or_default(),
                    e.actors.join("; "),
                    e.sentence.clone(),
                ]
            }),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"no\""), "\"say \"\"no\"\"\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("-1"), "'-1");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }
}
