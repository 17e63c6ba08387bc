//! Excerpts-only datasets, for users who may not republish whole articles: each
//! article keeps only the sentences around its quotes and events, joined by a
//! visible gap, and every span is moved onto the shortened text so that it still
//! slices exactly the words it named.

use std::collections::HashMap;
use std::ops::Range;

use crate::dataset::{ArticleId, Dataset};
use crate::extract::sentence_spans;

/// What stands where text was left out: a paragraph of its own, so the reader shows it.
pub const GAP: &str = "\n[…]\n";

/// Where each kept stretch of one article went.
struct Moves {
    /// (old range, new start), in text order, not overlapping.
    kept: Vec<(Range<usize>, usize)>,
}

impl Moves {
    /// The new range of `old`, when it lies inside one kept stretch.
    fn range(&self, old: Range<usize>) -> Option<Range<usize>> {
        let i = self.kept.partition_point(|(r, _)| r.end < old.end);
        let (r, new_start) = self.kept.get(i)?;
        (r.start <= old.start && old.end <= r.end)
            .then(|| old.start - r.start + new_start..old.end - r.start + new_start)
    }

    /// The new position of a point, or where the gap that swallowed it now stands.
    fn point(&self, old: usize) -> usize {
        let i = self.kept.partition_point(|(r, _)| r.end < old);
        match self.kept.get(i) {
            Some((r, new_start)) if r.start <= old => old - r.start + new_start,
            Some((_, new_start)) => new_start.saturating_sub(GAP.len()),
            None => self.kept.last().map_or(0, |(r, s)| s + r.len()),
        }
    }
}

/// The stretches to keep: every quote's and event's span, with its speaker, widened
/// to whole sentences, then merged.
fn stretches(text: &str, items: &[Range<usize>]) -> Vec<Range<usize>> {
    let sentences = sentence_spans(text);
    let widen = |span: &Range<usize>| {
        let first = sentences.partition_point(|s| s.end <= span.start);
        let last = sentences.partition_point(|s| s.end < span.end);
        let start = sentences.get(first).map_or(span.start, |s| s.start.min(span.start));
        let end = sentences.get(last).map_or(span.end, |s| s.end.max(span.end));
        start..end.min(text.len())
    };
    let mut wide: Vec<Range<usize>> = items.iter().map(widen).collect();
    wide.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in wide {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// The dataset with each article cut down to its excerpts. Mentions and time
/// expressions in the text left out go with it; diagnostics move to the nearest gap.
pub fn excerpts_only(mut ds: Dataset) -> Dataset {
    let mut items: HashMap<ArticleId, Vec<Range<usize>>> = HashMap::new();
    for q in &ds.quotes {
        let spans = items.entry(q.article.clone()).or_default();
        spans.push(q.start..q.end);
        if let Some([s, e]) = q.speaker_span {
            spans.push(s..e);
        }
    }
    for e in &ds.events {
        items.entry(e.article.clone()).or_default().push(e.start..e.end);
    }
    let mut moves: HashMap<ArticleId, Moves> = HashMap::new();
    for article in &mut ds.articles {
        let kept = stretches(&article.text, items.get(&article.id).map_or(&[][..], Vec::as_slice));
        let mut text = String::new();
        let mut placed = Vec::with_capacity(kept.len());
        for r in kept {
            if !text.is_empty() || r.start > 0 {
                text.push_str(GAP);
            }
            placed.push((r.clone(), text.len()));
            text.push_str(&article.text[r]);
        }
        article.text = text;
        article.excerpted = true;
        moves.insert(article.id.clone(), Moves { kept: placed });
    }
    let none = Moves { kept: Vec::new() };
    let moved = |article: &str| moves.get(article).unwrap_or(&none);
    for q in &mut ds.quotes {
        let m = moved(&q.article);
        if let Some(r) = m.range(q.start..q.end) {
            (q.start, q.end) = (r.start, r.end);
        }
        q.speaker_span = q.speaker_span.and_then(|[s, e]| m.range(s..e)).map(|r| [r.start, r.end]);
    }
    for e in &mut ds.events {
        if let Some(r) = moved(&e.article).range(e.start..e.end) {
            (e.start, e.end) = (r.start, r.end);
        }
    }
    ds.timexes.retain_mut(|t| {
        let r = moved(&t.article).range(t.start..t.end);
        r.map(|r| (t.start, t.end) = (r.start, r.end)).is_some()
    });
    let mentions = ds
        .actors
        .iter_mut()
        .map(|a| &mut a.mentions)
        .chain(ds.places.iter_mut().map(|p| &mut p.mentions));
    for list in mentions {
        list.retain_mut(|m| {
            let r = moves.get(&*m.article).and_then(|mv| mv.range(m.start..m.end));
            r.map(|r| (m.start, m.end) = (r.start, r.end)).is_some()
        });
    }
    ds.places.retain(|p| !p.mentions.is_empty());
    for d in &mut ds.diagnostics {
        d.at = moved(&d.article).point(d.at);
    }
    ds
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Source;
    use crate::dataset;

    #[test]
    fn only_the_sentences_around_items_stay_and_every_span_still_slices_its_words() {
        let text = "Filler opens the piece. More filler here.\n\n“We will win,” Jane Doe said on Monday. \
                    Nothing said here. Still nothing.\n\nJohn Roe denied that there was a plan. The end.";
        let source = Source {
            id: "a".into(),
            date: jiff::civil::Date::new(2017, 1, 24).ok(),
            title: None,
            outlet: None,
            url: None,
            text: text.into(),
            ..Default::default()
        };
        let full = dataset::build(vec![source]);
        let cut = excerpts_only(full.clone());
        let article = &cut.articles[0];
        let before_cut = dataset::ArticleTexts::new(&full.articles);
        assert!(article.excerpted);
        assert!(
            !article.text.contains("Filler")
                && !article.text.contains("Nothing said")
                && !article.text.contains("The end"),
            "{}",
            article.text
        );
        assert!(article.text.starts_with(GAP));
        assert_eq!(cut.quotes.len(), full.quotes.len());
        for (q, before) in cut.quotes.iter().zip(&full.quotes) {
            assert_eq!(&article.text[q.start..q.end], before_cut.words(before), "quote {}", q.id);
            if let (Some([s, e]), Some([s0, e0])) = (q.speaker_span, before.speaker_span) {
                assert_eq!(&article.text[s..e], &full.articles[0].text[s0..e0]);
            }
        }
        for (e, before) in cut.events.iter().zip(&full.events) {
            assert_eq!(&article.text[e.start..e.end], before_cut.words(before));
        }
        assert_eq!(cut.timexes.len(), full.timexes.len());
        for (t, before) in cut.timexes.iter().zip(&full.timexes) {
            assert_eq!(&article.text[t.start..t.end], before_cut.words(before));
        }
        for m in cut.actors.iter().flat_map(|a| &a.mentions) {
            assert!(article.text.is_char_boundary(m.start) && article.text.is_char_boundary(m.end));
        }
        assert!(article.text.len() < text.len());
    }

    #[test]
    fn an_article_with_nothing_found_keeps_nothing() {
        let source = Source {
            id: "a".into(),
            date: None,
            title: None,
            outlet: None,
            url: None,
            text: "plain words only".into(),
            ..Default::default()
        };
        let cut = excerpts_only(dataset::build(vec![source]));
        assert_eq!(cut.articles[0].text, "");
    }
}
