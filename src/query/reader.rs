//! What the article reader marks, as plain data: each quote, time expression, actor
//! mention and place of an article as a layer over its text, and each paragraph cut into
//! segments where layers begin and end, with the selected item's stretch set apart. The
//! component only turns segments into elements.

use std::ops::Range;

use super::state::{actor_kind_word, kind_word, stance_word};
use super::{why, Index};
use crate::dataset::{Dataset, RuleNote};
use crate::extract::{paragraphs, Rule};

pub use crate::store::MarkKind as Mark;

/// One marked stretch of the article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layer {
    pub span: Range<usize>,
    pub mark: Mark,
    /// What it is: "direct quote · claim · Sean Spicer", "Aleppo (place)".
    pub label: String,
    /// The rules that found it, in order.
    pub rules: Vec<Rule>,
    /// The actor a mention names, whose page it links to.
    pub actor: Option<usize>,
}

impl Layer {
    /// The layer a site's article page keeps as a mark (its actor stays on the mark).
    pub fn from_mark(m: &crate::store::Mark) -> Layer {
        Layer {
            span: m.start as usize..m.end as usize,
            mark: m.kind,
            label: m.label.clone(),
            rules: m.rules.clone(),
            actor: None,
        }
    }

    /// The rule that makes it uncertain, if one is often wrong on annotated news ([`why`]).
    pub fn doubt<'n>(&self, notes: &'n [RuleNote]) -> Option<&'n RuleNote> {
        why::doubt_in(notes, self.rules.iter().copied().map(Some))
    }

    /// What hovering or focusing it says: what it is, what each of its rules does, and
    /// which rule makes it uncertain. "Sean Spicer: the name after the quote's speech verb".
    pub fn title(&self, notes: &[RuleNote]) -> String {
        let says: Vec<&str> = self
            .rules
            .iter()
            .filter_map(|&r| why::note_in(notes, r))
            .map(|n| n.says.as_str())
            .collect();
        let mut title = format!("{}: {}", self.label, says.join("; "));
        if let Some(n) = self.doubt(notes) {
            title.push_str(&format!(
                " (uncertain: {} is {})",
                n.rule.id(),
                why::precision_words(n)
            ));
        }
        title
    }
}

/// Where a segment stands against the selected item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Before,
    Selected,
    After,
}

/// A stretch of a paragraph under the same layers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub span: Range<usize>,
    /// Indexes into the article's layers, in their order.
    pub layers: Vec<usize>,
    pub part: Part,
}

/// A paragraph, cut where layers or the selection begin and end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub segments: Vec<Segment>,
    /// Whether the selected item is (partly) in this paragraph.
    pub selected: bool,
}

/// Every layer of article `a`: quotes, time expressions, actor mentions and places.
pub fn layers(ds: &Dataset, index: &Index, a: usize) -> Vec<Layer> {
    let items = index.article_items(ds);
    let mut layers = Vec::new();
    let mut layer = |span: Range<usize>, mark, label, rules: &[Option<Rule>], actor| {
        let rules = rules.iter().flatten().copied().collect();
        layers.push(Layer { span, mark, label, rules, actor });
    };
    for &q in &items.quotes[a] {
        let quote = &ds.quotes[q];
        let speaker = quote
            .speaker
            .as_deref()
            .and_then(|s| index.actor(s))
            .map_or("unattributed", |s| ds.actors[s].name.as_str());
        let what =
            format!("{} quote · {} · {speaker}", kind_word(quote.kind), stance_word(quote.stance));
        layer(quote.start..quote.end, Mark::Said, what, &[Some(quote.rule)], None);
        // "Sean Spicer: the subject of the speech verb after the quote (…)".
        if let Some([start, end]) = quote.speaker_span {
            let rules = [quote.speaker_rule, quote.subject_rule];
            layer(start..end, Mark::Speaker, speaker.to_string(), &rules, None);
        }
    }
    for &t in &items.timexes[a] {
        let timex = &ds.timexes[t];
        let value = timex.value.as_deref().unwrap_or("unresolved");
        let rules = [Some(timex.rule), timex.resolution];
        layer(timex.start..timex.end, Mark::Time, format!("time → {value}"), &rules, None);
    }
    for mark in &items.mentions[a] {
        let actor = &ds.actors[mark.target];
        let what = format!("{} ({})", actor.name, actor_kind_word(actor.kind));
        let rules = [Some(mark.rule), mark.tie];
        layer(mark.start..mark.end, Mark::Mention, what, &rules, Some(mark.target));
    }
    for mark in &items.places[a] {
        let what = format!("{} (place)", ds.places[mark.target].name);
        layer(mark.start..mark.end, Mark::Place, what, &[Some(mark.rule)], None);
    }
    layers
}

/// The paragraphs of `text`, each cut into segments where a layer or the `selected`
/// stretch begins or ends. Segments cover each paragraph exactly, in order.
pub fn paragraph_segments(text: &str, layers: &[Layer], selected: Range<usize>) -> Vec<Paragraph> {
    paragraphs(text)
        .into_iter()
        .map(|para| {
            let chosen = selected.start.max(para.start)..selected.end.min(para.end);
            let has_selected = chosen.start < chosen.end;
            let mut cuts: Vec<usize> = vec![para.start, para.end];
            for l in layers {
                cuts.extend([l.span.start, l.span.end].into_iter().filter(|c| para.contains(c)));
            }
            if has_selected {
                cuts.extend([chosen.start, chosen.end]);
            }
            let mut cuts = super::engine::order_by(cuts, |&c| c as u64);
            cuts.dedup();
            let segments = cuts
                .windows(2)
                .map(|pair| {
                    let span = pair[0]..pair[1];
                    let over = layers
                        .iter()
                        .enumerate()
                        .filter(|(_, l)| l.span.start <= span.start && span.end <= l.span.end)
                        .map(|(i, _)| i)
                        .collect();
                    let part = if !has_selected || span.end <= chosen.start {
                        Part::Before
                    } else if span.start >= chosen.end {
                        Part::After
                    } else {
                        Part::Selected
                    };
                    Segment { span, layers: over, part }
                })
                .collect();
            Paragraph { segments, selected: has_selected }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layer(span: Range<usize>, mark: Mark) -> Layer {
        Layer { span, mark, label: String::new(), rules: Vec::new(), actor: None }
    }

    #[test]
    fn segments_cover_each_paragraph_and_follow_the_layers() {
        let text = "“We will win,” Jane Doe said.\n\nShe said it on Monday.";
        let layers =
            [layer(3..15, Mark::Said), layer(19..27, Mark::Mention), layer(50..56, Mark::Time)];
        let paras = paragraph_segments(text, &layers, 3..15);
        assert_eq!(paras.len(), 2);
        for p in &paras {
            let joined: Vec<Range<usize>> = p.segments.iter().map(|s| s.span.clone()).collect();
            assert!(joined.windows(2).all(|w| w[0].end == w[1].start), "contiguous");
        }
        let first = &paras[0];
        assert!(first.selected && !paras[1].selected);
        let said: Vec<&Segment> =
            first.segments.iter().filter(|s| s.part == Part::Selected).collect();
        assert_eq!(said.len(), 1);
        assert_eq!(&text[said[0].span.clone()], "We will win,");
        assert_eq!(said[0].layers, [0]);
        let name = first.segments.iter().find(|s| s.layers == [1]).unwrap();
        assert_eq!((&text[name.span.clone()], name.part), ("Jane Doe", Part::After));
        let monday = paras[1].segments.iter().find(|s| s.layers == [2]).unwrap();
        assert_eq!((&text[monday.span.clone()], monday.part), ("Monday", Part::Before));
    }

    #[test]
    fn overlapping_layers_cut_each_other() {
        let text = "Monday Jane Doe";
        let layers = [layer(0..15, Mark::Said), layer(7..15, Mark::Mention)];
        let paras = paragraph_segments(text, &layers, 0..0);
        let cut: Vec<(&str, Vec<usize>)> =
            paras[0].segments.iter().map(|s| (&text[s.span.clone()], s.layers.clone())).collect();
        assert_eq!(cut, [("Monday ", vec![0]), ("Jane Doe", vec![0, 1])]);
    }
}
