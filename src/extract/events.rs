//! Events: what happened or was said, placed on the calendar by the time
//! expression that governs its clause, or at the article date as "reported on".

use std::collections::BTreeMap;
use std::ops::Range;

use jiff::civil::Date;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::quotes::{QuoteFinding, QuoteKind};
use super::text;
use super::timex::{Interval, TimexFinding, TimexType};

/// Where an event's date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateBasis {
    /// A time expression in the event's own clause.
    Stated,
    /// No time expression: the article's date, when the words were reported.
    ReportedOn,
    /// Neither: the event stays undated.
    Undated,
}

/// One event of one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventFinding {
    pub span: Range<usize>,
    pub basis: DateBasis,
    /// The time expression that dates it (index into the article's timexes).
    pub timex: Option<usize>,
    pub interval: Option<Interval>,
    /// Quotes this event is the saying of (indices into the article's quotes).
    pub quotes: Vec<usize>,
}

/// Builds the events of an article from its quotes and dated clauses.
pub fn find(
    text: &str,
    sentences: &[Range<usize>],
    quotes: &[QuoteFinding],
    timexes: &[TimexFinding],
    published: Option<Date>,
) -> Vec<EventFinding> {
    let dated = |t: &TimexFinding| t.kind == TimexType::Date && t.interval.is_some();
    let mut quoted: Vec<Range<usize>> =
        quotes.iter().filter(|q| q.kind != QuoteKind::Indirect).map(|q| q.span.clone()).collect();
    quoted.sort_by_key(|r| r.start);
    let mut events: Vec<EventFinding> = Vec::new();
    let mut used_timex = vec![false; timexes.len()];
    let mut by_span: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    let mut by_start: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut longest = 0;

    // One event per attribution: the speaking, dated by a time phrase inside it.
    for (qi, q) in quotes.iter().enumerate() {
        // The first event made with this attribution, or (for quoted words) holding the
        // quote. Lookups by span and by start keep long articles linear: an event holding
        // the quote starts at most `longest` bytes before it.
        let same = by_span.get(&(q.attribution.start, q.attribution.end)).copied();
        let holding = (q.kind != QuoteKind::Indirect)
            .then(|| {
                by_start
                    .range(q.span.start.saturating_sub(longest)..=q.span.start)
                    .flat_map(|(_, ids)| ids.iter().copied())
                    .filter(|&i| q.span.end <= events[i].span.end)
                    .min()
            })
            .flatten();
        let shared = same.into_iter().chain(holding).min().map(|i| &mut events[i]);
        if let Some(e) = shared {
            e.quotes.push(qi);
            continue;
        }
        // A report is shown with what was reported; a quote's words stay on the quote.
        let frame = if q.kind == QuoteKind::Indirect {
            q.attribution.start.min(q.span.start)..q.attribution.end.max(q.span.end)
        } else {
            q.attribution.clone()
        };
        // Time expressions come in text order: start at the first one inside the frame.
        let first = timexes.partition_point(|t| t.start < frame.start);
        let own = timexes[first..]
            .iter()
            .take_while(|t| t.start < frame.end)
            .position(|t| dated(t) && t.end <= frame.end)
            .map(|i| first + i);
        let (basis, timex, interval) = match own {
            Some(t) => {
                used_timex[t] = true;
                (DateBasis::Stated, Some(t), timexes[t].interval)
            }
            None => match published {
                Some(d) => (
                    DateBasis::ReportedOn,
                    None,
                    Some(Interval {
                        first: d,
                        last: d,
                        granularity: super::timex::Granularity::Day,
                    }),
                ),
                None => (DateBasis::Undated, None, None),
            },
        };
        by_span.entry((frame.start, frame.end)).or_insert(events.len());
        by_start.entry(frame.start).or_default().push(events.len());
        longest = longest.max(frame.len());
        events.push(EventFinding { span: frame, basis, timex, interval, quotes: vec![qi] });
    }

    // Every other dated expression outside quotes marks an event: its clause.
    for (ti, t) in timexes.iter().enumerate() {
        if used_timex[ti] || !dated(t) || covering(&quoted, t.start..t.end).is_some() {
            continue;
        }
        let Some(sentence) = covering(sentences, t.start..t.end) else { continue };
        let span = clause_around(text, sentence.clone(), t.start..t.end);
        events.push(EventFinding {
            span,
            basis: DateBasis::Stated,
            timex: Some(ti),
            interval: t.interval,
            quotes: Vec::new(),
        });
    }
    events.sort_by_key(|e| (e.span.start, e.span.end));
    events
}

/// The range of `sorted` (by start, not overlapping) that holds all of `span`.
fn covering(sorted: &[Range<usize>], span: Range<usize>) -> Option<&Range<usize>> {
    let after = sorted.partition_point(|r| r.start <= span.start);
    after.checked_sub(1).map(|i| &sorted[i]).filter(|r| span.end <= r.end)
}

/// The clause holding `inner`: the sentence cut at semicolons, dashes and
/// clause-opening commas (", and", ", but", ", which", ", leaving").
fn clause_around(text: &str, sentence: Range<usize>, inner: Range<usize>) -> Range<usize> {
    static BREAKS: text::Searchers = text::Searchers::new(&[
        "; ",
        " - ",
        " — ",
        ", and ",
        ", but ",
        ", which ",
        ", while ",
        ", leaving ",
        ", marking ",
        " since ",
        " when ",
    ]);
    let s = &text[sentence.clone()];
    let rel_start = inner.start - sentence.start;
    let rel_end = inner.end - sentence.start;
    let mut start = 0;
    let mut end = s.len();
    for (b, finder) in BREAKS.each() {
        for i in finder.find_iter(s.as_bytes()) {
            let keep_word = b.trim().chars().all(char::is_alphabetic);
            let cut_start = if keep_word { i + 1 } else { i + b.len() };
            if i + b.len() <= rel_start && cut_start > start {
                start = cut_start;
            }
            if i >= rel_end && i < end {
                end = i;
            }
        }
    }
    let clause = s[start..end].trim_end_matches(['.', ',', ' ']);
    let lead = clause.len() - clause.trim_start_matches([',', ' ']).len();
    sentence.start + start + lead..sentence.start + start + clause.len()
}
