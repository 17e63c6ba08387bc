//! The pure extractor: article text and an optional publication date in, actors,
//! quotes, time expressions and events out.
//!
//! Architecture invariants: no I/O, no clock, no panics on any input, and every
//! span is a byte range on `char` boundaries of the text it was given.

mod actors;
mod events;
mod lexicon;
mod quotes;
mod text;
mod timex;

use std::ops::Range;

use jiff::civil::Date;

pub use actors::{ActorFinding, ActorKind, MentionFinding};
pub use events::{DateBasis, EventFinding};
pub use quotes::{QuoteFinding, QuoteKind, Stance};
pub use timex::{value_of, Granularity, Interval, TimexFinding, TimexType};

/// Something the extractor noticed and chose not to guess about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Byte offset in the article text.
    pub at: usize,
    pub message: &'static str,
}

impl Diagnostic {
    fn new(at: usize, message: &'static str) -> Self {
        Diagnostic { at, message }
    }
}

/// What the extractor found in one article.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub actors: Vec<ActorFinding>,
    pub mentions: Vec<MentionFinding>,
    pub quotes: Vec<QuoteFinding>,
    pub timexes: Vec<TimexFinding>,
    pub events: Vec<EventFinding>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Analyses one article. `published` anchors relative dates; without it they stay
/// unresolved. Never fails: odd input yields diagnostics, not errors.
pub fn analyze(text: &str, published: Option<Date>) -> Analysis {
    let mut diagnostics = Vec::new();
    let paragraphs = text::paragraphs(text);
    let quoted = quotes::pair_marks(text, &paragraphs, &mut diagnostics);
    let protected: Vec<Range<usize>> = quoted.iter().map(|q| q.content.clone()).collect();
    let sentences: Vec<Range<usize>> = paragraphs
        .iter()
        .flat_map(|p| text::sentences(text, p.clone(), &protected))
        .collect();
    let mut table = actors::find(text, &sentences);
    let timexes = timex::find(text, &sentences, published);
    for t in timexes.iter().filter(|t| t.unresolved.is_some()) {
        diagnostics.push(Diagnostic::new(t.start, t.unresolved.unwrap_or_default()));
    }
    let timex_spans: Vec<Range<usize>> = timexes.iter().map(|t| t.start..t.end).collect();
    let mut cx = quotes::Context {
        text,
        actors: &mut table,
        paragraphs: &paragraphs,
        sentences: &sentences,
        timexes: &timex_spans,
    };
    let found = quotes::find(&mut cx, &quoted);
    let events = events::find(text, &sentences, &found, &timexes, published);
    diagnostics.sort_by_key(|d| d.at);
    Analysis {
        actors: table.actors,
        mentions: table.mentions,
        quotes: found,
        timexes,
        events,
        diagnostics,
    }
}
