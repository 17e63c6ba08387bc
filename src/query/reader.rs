//! What the article reader marks, as plain data: each quote, time expression, actor
//! mention and place of an article as a layer over its text, and each paragraph cut into
//! segments where layers begin and end, with the selected item's stretch set apart. The
//! component only turns segments into elements.

use std::ops::Range;

use super::state::{actor_kind_word, kind_word, stance_word};
use super::{why, Index};
use crate::dataset::Dataset;
use crate::extract::{paragraphs, Rule};

/// What a layer marks, which is also its CSS class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Quoted or reported words.
    Said,
    /// The words that name a quote's speaker.
    Speaker,
    Time,
    /// An actor's mention: the target is the actor.
    Mention,
    Place,
}

impl Mark {
    pub fn class(self) -> &'static str {
        match self {
            Mark::Said => "said",
            Mark::Speaker => "speaker",
            Mark::Time => "time",
            Mark::Mention => "mention",
            Mark::Place => "place",
        }
    }
}

/// One marked stretch of the article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layer {
    pub span: Range<usize>,
    pub mark: Mark,
    /// What hovering or focusing it says: what it is, and the rules that found it.
    pub title: String,
    /// The actor a mention names, whose page it links to.
    pub actor: Option<usize>,
    /// A rule behind it is often wrong on annotated news ([`why`]).
    pub uncertain: bool,
}

impl Layer {
    /// The layer a site's article page keeps as a mark (its actor stays on the mark).
    pub fn from_mark(m: &crate::store::Mark) -> Layer {
        let mark = match m.class.as_str() {
            "said" => Mark::Said,
            "speaker" => Mark::Speaker,
            "time" => Mark::Time,
            "mention" => Mark::Mention,
            _ => Mark::Place,
        };
        Layer {
            span: m.start as usize..m.end as usize,
            mark,
            title: m.title.clone(),
            actor: None,
            uncertain: m.uncertain,
        }
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
    // What each rule says, in the order given, and whether one of them is uncertain.
    let because = |rules: &[Option<Rule>]| -> (String, bool) {
        let notes: Vec<_> = rules.iter().flatten().filter_map(|&r| why::note(ds, r)).collect();
        let says: Vec<&str> = notes.iter().map(|n| n.says.as_str()).collect();
        let doubt = why::doubt(ds, rules.iter().copied());
        let mut title = says.join("; ");
        if let Some(n) = doubt {
            title.push_str(&format!(
                " (uncertain: {} is {})",
                n.rule.id(),
                why::precision_words(n)
            ));
        }
        (title, doubt.is_some())
    };
    for &q in &items.quotes[a] {
        let quote = &ds.quotes[q];
        let speaker = quote
            .speaker
            .as_deref()
            .and_then(|s| index.actor(s))
            .map_or("unattributed", |s| ds.actors[s].name.as_str());
        let (found, uncertain) = because(&[Some(quote.rule)]);
        layers.push(Layer {
            span: quote.start..quote.end,
            mark: Mark::Said,
            title: format!(
                "{} quote · {} · {speaker}: {found}",
                kind_word(quote.kind),
                stance_word(quote.stance)
            ),
            actor: None,
            uncertain,
        });
        // "Sean Spicer: the subject of the speech verb after the quote (…)".
        if let Some([start, end]) = quote.speaker_span {
            let (said_by, uncertain) = because(&[quote.speaker_rule, quote.subject_rule]);
            layers.push(Layer {
                span: start..end,
                mark: Mark::Speaker,
                title: format!("{speaker}: {said_by}"),
                actor: None,
                uncertain,
            });
        }
    }
    for &t in &items.timexes[a] {
        let timex = &ds.timexes[t];
        let value = timex.value.as_deref().unwrap_or("unresolved");
        let (found, uncertain) = because(&[Some(timex.rule), timex.resolution]);
        layers.push(Layer {
            span: timex.start..timex.end,
            mark: Mark::Time,
            title: format!("time → {value}: {found}"),
            actor: None,
            uncertain,
        });
    }
    for mark in &items.mentions[a] {
        let actor = &ds.actors[mark.target];
        let (found, uncertain) = because(&[Some(mark.rule), mark.tie]);
        layers.push(Layer {
            span: mark.start..mark.end,
            mark: Mark::Mention,
            title: format!("{} ({}): {found}", actor.name, actor_kind_word(actor.kind)),
            actor: Some(mark.target),
            uncertain,
        });
    }
    for mark in &items.places[a] {
        let place = &ds.places[mark.target];
        let (found, uncertain) = because(&[Some(mark.rule)]);
        layers.push(Layer {
            span: mark.start..mark.end,
            mark: Mark::Place,
            title: format!("{} (place): {found}", place.name),
            actor: None,
            uncertain,
        });
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
            cuts.sort_unstable();
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
        Layer { span, mark, title: String::new(), actor: None, uncertain: false }
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
