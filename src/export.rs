//! What the explorer's Export buttons download: the visible quotes and events as CSV
//! (one file each) and as one JSON document. Pure, so the contents are tested natively;
//! the page only hands the text to the browser.

use serde::Serialize;

use crate::dataset::EventDate;
use crate::extract::DateBasis;
use crate::query::engine::{self, Answer};
use crate::query::{kind_word, stance_word, to_query, State};
use crate::store::catalog::Catalog;
use crate::store::flags;

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

/// The number in a dataset id (`q12` → 12), for the dataset's order.
fn number(id: &str) -> u64 {
    id.get(1..).and_then(|n| n.parse().ok()).unwrap_or(u64::MAX)
}

/// Every quote (cards and their copies) and event the answer lists, in the dataset's
/// order, as far as their parts are at hand; and how many are not (a sharded story's parts
/// still on their way).
pub fn export(cat: &Catalog, answer: &Answer, state: &State) -> (Export, usize) {
    let mut missing = 0;
    let (cards, _) = engine::cards_upto(cat, &answer.cards, usize::MAX);
    missing += answer.cards.total.saturating_sub(cards.len());
    let mut quotes: Vec<QuoteRow> = Vec::new();
    for id in cards.iter().flat_map(|c| std::iter::once(c.card).chain(c.copies.iter().copied())) {
        let Ok(q) = cat.quote_card(id) else {
            missing += 1;
            continue;
        };
        quotes.push(QuoteRow {
            id: q.id.clone(),
            article: q.article.clone(),
            outlet: q.outlet.clone(),
            date: q.date.as_ref().and_then(|d| d.value.clone()),
            reported_on: q.date.as_ref().is_some_and(|d| d.basis == DateBasis::ReportedOn),
            speaker: q.speaker.as_ref().map(|s| s.name.clone()),
            speaker_id: q.speaker.as_ref().map(|s| s.id.clone()),
            cue: q.cue.clone(),
            kind: kind_word(flags::kind(q.flags)),
            stance: stance_word(flags::stance(q.flags)),
            words: q.words.clone(),
        });
    }
    let quotes = engine::order_by(quotes, |q| number(&q.id));
    let mut ids: Vec<u32> = Vec::new();
    for list in &answer.timeline {
        let (listed, _) = engine::listed_upto(cat, list, usize::MAX);
        missing += (list.total as usize).saturating_sub(listed.len());
        ids.extend(listed);
    }
    let ids = engine::order_by(ids, |&id| u64::from(id));
    let mut events = Vec::new();
    for id in ids {
        let Ok(e) = cat.event_card(id) else {
            missing += 1;
            continue;
        };
        events.push(EventRow {
            id: e.id.clone(),
            article: e.article.clone(),
            outlet: e.outlet.clone(),
            date: e.date.clone(),
            actors: e.actors.iter().map(|a| a.name.clone()).collect(),
            sentence: e.sentence.clone(),
        });
    }
    (Export { view: to_query(state), quotes, events }, missing)
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
