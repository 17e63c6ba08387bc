//! Scoring the extractor against annotated news, with the metric definitions of
//! `../shared/eval/README.md`: greedy one-to-one matching, best overlap first, on
//! character-span Jaccard after trimming quote marks, spaces and `,.` from both ends.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use std::collections::BTreeMap;

use crate::extract::{ActorKind, Rule};

/// Precision, recall and F1 from counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Score {
    pub matched: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn add(&mut self, other: Score) {
        self.matched += other.matched;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// How often a rule decided something that gold can check, and how often it was right.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Tally {
    pub decided: usize,
    pub right: usize,
}

impl Tally {
    pub fn precision(&self) -> f64 {
        ratio(self.right, self.decided)
    }
}

/// Each rule's tally, by rule (`newsline eval --by-rule`). What "right" means depends on
/// the rule's stage:
/// - `quote.*`: the quote matches a gold quoted stretch (direct and partial quotes) or a
///   gold attribution's content (reported speech), as the quoted and all-attributions
///   metrics match them;
/// - `speaker.*` and `subject.*`: of the matched quotes with a speaker, the speaker is
///   the gold one, as speaker accuracy counts it;
/// - `timex.*`: the expression overlaps a gold one (relaxed match); `resolve.*`: a matched
///   expression's value is the gold value;
/// - `actor.*` and `place.*`: a named mention in MEANTIME's annotated lines overlaps a gold
///   named entity; `alias.*`: a matched mention tied to its actor names the same gold
///   entity as the actor's other matched mentions.
///
/// `stance.*`, `role.*` and `name.*` rules have no gold to check against.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleTallies(pub BTreeMap<Rule, Tally>);

impl RuleTallies {
    fn count(&mut self, rule: Rule, right: bool) {
        let tally = self.0.entry(rule).or_default();
        tally.decided += 1;
        tally.right += usize::from(right);
    }
}

/// A span in characters of the article text.
pub type CharSpan = Range<usize>;

/// Converts a byte range of `text` to a character range.
pub fn char_span(text: &str, bytes: Range<usize>) -> CharSpan {
    let count = |b: usize| text.get(..b).map_or(0, |t| t.chars().count());
    count(bytes.start)..count(bytes.end)
}

fn trimmable(c: char) -> bool {
    c.is_whitespace() || matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'' | '`' | ',' | '.')
}

/// The span without quote marks, spaces and `,.` at either end.
pub fn trim(chars: &[char], span: CharSpan) -> CharSpan {
    let (mut a, mut b) = (span.start.min(chars.len()), span.end.min(chars.len()));
    while a < b && trimmable(chars[a]) {
        a += 1;
    }
    while b > a && trimmable(chars[b - 1]) {
        b -= 1;
    }
    a..b
}

/// |A∩B| / |A∪B| of two character spans.
pub fn jaccard(a: &CharSpan, b: &CharSpan) -> f64 {
    let inter = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    let union = (a.end - a.start) + (b.end - b.start) - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// Greedy one-to-one matching, best overlap first: (predicted, gold) index pairs.
pub fn match_spans(
    predicted: &[CharSpan],
    gold: &[CharSpan],
    accept: impl Fn(&CharSpan, &CharSpan, f64) -> bool,
) -> Vec<(usize, usize)> {
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (p, ps) in predicted.iter().enumerate() {
        for (g, gs) in gold.iter().enumerate() {
            let j = jaccard(ps, gs);
            if accept(ps, gs, j) {
                candidates.push((j, p, g));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let (mut used_p, mut used_g) = (vec![false; predicted.len()], vec![false; gold.len()]);
    let mut out = Vec::new();
    for (_, p, g) in candidates {
        if !used_p[p] && !used_g[g] {
            used_p[p] = true;
            used_g[g] = true;
            out.push((p, g));
        }
    }
    out
}

/// Stretches between paired quote marks inside `span` (characters). Quote marks are
/// curly (“ ”), straight ("), and the newswire pairs of backticks and apostrophes
/// (two of each, as in ``so'' and ''so'').
pub fn quoted_stretches(chars: &[char], span: CharSpan) -> Vec<CharSpan> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let end = span.end.min(chars.len());
    let mut i = span.start;
    while i < end {
        let doubled = |c: char| i + 1 < end && chars[i] == c && chars[i + 1] == c;
        // (is a mark, its width, can only open)
        let (is_mark, width, opens_only) = match chars[i] {
            '“' => (true, 1, true),
            '”' | '"' => (true, 1, false),
            '`' if doubled('`') => (true, 2, true),
            '\'' if doubled('\'') => (true, 2, false),
            _ => (false, 1, false),
        };
        if is_mark {
            match open {
                Some(start) if !opens_only => {
                    out.push(start..i);
                    open = None;
                }
                _ => open = Some(i + width),
            }
        }
        i += width;
    }
    out
}

const STOP_WORDS: &[&str] = &[
    "the", "and", "for", "mr", "mrs", "ms", "of", "a", "an", "said", "says", "who", "its", "his",
    "her", "their", "this", "that",
];

/// Words of 3+ letters that are not stop words, lower-cased.
pub fn content_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jaccard_and_trimming_follow_the_definitions() {
        let chars: Vec<char> = "“Hello, world.”".chars().collect();
        assert_eq!(trim(&chars, 0..chars.len()), 1..13);
        assert_eq!(jaccard(&(0..10), &(5..15)), 5.0 / 15.0);
        assert_eq!(jaccard(&(0..0), &(0..0)), 0.0);
    }

    #[test]
    fn greedy_matching_takes_best_overlap_first() {
        let pairs = match_spans(&[0..10, 0..4], &[0..4, 0..10], |_, _, j| j >= 0.5);
        assert_eq!(pairs.len(), 2);
        assert!(pairs.contains(&(0, 1)) && pairs.contains(&(1, 0)));
        let s = Score { matched: 1, predicted: 2, gold: 4 };
        assert!((s.f1() - 1.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn actor_scoring_counts_named_mentions_and_merged_pairs() {
        let text = "Sean Spicer spoke. Mr Spicer left. Moscow said no. He flew from Sydney to London and back to Sydney.";
        let ds = crate::dataset::build(vec![crate::corpus::Source {
            id: "a".into(),
            date: None,
            title: None,
            outlet: None,
            url: None,
            text: text.into(),
            ..Default::default()
        }]);
        let entity = |s: usize, e: usize, id: &str, kind: &str| serde_json::json!({"start_b": s, "end_b": e, "syntactic_type": "NAM", "ent_type": kind, "instance_id": id});
        let at = |needle: &str, from: usize| {
            text[from..].find(needle).map(|i| (from + i, from + i + needle.len())).unwrap()
        };
        let (sydney, london, sydney_again) = (at("Sydney", 0), at("London", 0), at("Sydney", 80));
        let gold = [
            entity(0, 11, "spicer", "PER"),
            entity(22, 28, "spicer", "PER"),
            entity(35, 41, "russia", "ORG"),
            entity(sydney.0, sydney.1, "sydney", "LOC"),
            entity(london.0, london.1, "london", "LOC"),
            entity(sydney_again.0, sydney_again.1, "sydney", "LOC"),
        ];
        let mut report = Report::default();
        super::score_actors(&gold, &ds, text, &mut report);
        // The places are named mentions, each place its own entity.
        assert_eq!(report.actor_mentions.gold, 6);
        assert_eq!(report.actor_mentions.matched, 6, "{:?}", report.actor_mentions);
        assert_eq!(
            (report.alias_pairs.matched, report.alias_pairs.gold),
            (2, 2),
            "{:?}",
            report.alias_pairs
        );
        // Both of Spicer's mentions are a person's and the places are LOC; Moscow, as
        // Russia, is a country, not the organisation this gold says.
        assert_eq!(report.actor_kind_right, 5);
        // Spicer is the one person, named twice, and found a person both times.
        assert_eq!(report.person_mentions, Score { matched: 2, predicted: 2, gold: 2 });
    }

    #[test]
    fn quoted_stretches_pair_curly_and_straight_marks() {
        let chars: Vec<char> = r#"He said “yes” and "no", ''maybe'' and ``so''."#.chars().collect();
        let spans = quoted_stretches(&chars, 0..chars.len());
        let texts: Vec<String> = spans.iter().map(|s| chars[s.clone()].iter().collect()).collect();
        assert_eq!(texts, ["yes", "no", "maybe", "so"]);
    }
}

/// Every figure `newsline eval` reports, summed over records.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub records: usize,
    /// Direct and partial quotes against quoted stretches of gold attributions.
    pub quoted: Score,
    /// Matched quoted pairs whose speaker is right.
    pub quoted_speaker_right: usize,
    /// Every quote against every gold attribution's content span.
    pub all: Score,
    pub timex_relaxed: Score,
    pub timex_strict: Score,
    pub timex_value: Score,
    /// Named mentions of actors and places (MEANTIME PER/ORG/LOC names in lines 0–5),
    /// any overlap.
    pub actor_mentions: Score,
    /// Pairs of matched mentions that name the same actor or place, against gold
    /// instance ids.
    pub alias_pairs: Score,
    /// Matched mentions whose actor has the gold kind: PER a person, ORG an
    /// organisation, LOC a country or a place.
    pub actor_kind_right: usize,
    /// Mentions of actors the extractor calls people against MEANTIME's PER names (lines
    /// 0–5), any overlap: how far its "person" can be trusted.
    #[serde(default)]
    pub person_mentions: Score,
    /// Each rule's tally (not in the JSON of `newsline eval --json`).
    #[serde(skip)]
    pub rules: RuleTallies,
}

impl Report {
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.quoted_speaker_right, self.quoted.matched)
    }

    /// Of the matched actor mentions, the share whose actor has the gold kind.
    pub fn actor_kind_accuracy(&self) -> f64 {
        ratio(self.actor_kind_right, self.actor_mentions.matched)
    }

    /// F1 where a quoted pair counts only when its speaker is right.
    pub fn quoted_with_speaker(&self) -> Score {
        Score { matched: self.quoted_speaker_right, ..self.quoted }
    }
}

fn byte_range(v: &serde_json::Value, start: &str, end: &str) -> Option<Range<usize>> {
    Some(
        usize::try_from(v.get(start)?.as_u64()?).ok()?
            ..usize::try_from(v.get(end)?.as_u64()?).ok()?,
    )
}

/// The lines MEANTIME annotates exhaustively: 0 to 5.
const ANNOTATED_LINES: usize = 6;

/// What a predicted named mention names: an actor (with its kind) or a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Named {
    Actor(usize, ActorKind),
    Place(usize),
}

/// A predicted named mention: where, what it names, and the rules behind it.
struct Predicted {
    span: CharSpan,
    named: Named,
    rule: Rule,
    tie: Option<Rule>,
}

/// Actor mentions and alias merging against MEANTIME's named entities.
fn score_actors(
    entities: &[serde_json::Value],
    ds: &crate::dataset::Dataset,
    text: &str,
    report: &mut Report,
) {
    // Where line 5 ends, in bytes.
    let limit = text.match_indices('\n').nth(ANNOTATED_LINES - 1).map_or(text.len(), |(i, _)| i);
    let gold: Vec<(CharSpan, Option<&str>, ActorKind)> = entities
        .iter()
        .filter(|e| e.get("syntactic_type").and_then(|t| t.as_str()) == Some("NAM"))
        .filter_map(|e| {
            let kind = match e.get("ent_type").and_then(|t| t.as_str())? {
                "PER" => ActorKind::Person,
                "ORG" => ActorKind::Organization,
                "LOC" => ActorKind::Country,
                _ => return None,
            };
            let span = byte_range(e, "start_b", "end_b").filter(|r| r.end <= limit)?;
            Some((char_span(text, span), e.get("instance_id").and_then(|i| i.as_str()), kind))
        })
        .collect();
    // Named actors only: an unnamed group ("diplomats", "a spokesman for the company")
    // is not a name. Places are named mentions too (MEANTIME's LOC), each its own entity.
    let named_actors = ds
        .actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.kind != ActorKind::Group && a.name.starts_with(char::is_uppercase))
        .flat_map(|(i, a)| a.mentions.iter().map(move |m| (m, Named::Actor(i, a.kind))));
    let places = ds
        .places
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.mentions.iter().map(move |m| (m, Named::Place(i))));
    let predicted: Vec<Predicted> = named_actors
        .chain(places)
        .filter(|(m, _)| m.end <= limit)
        .map(|(m, named)| Predicted {
            span: char_span(text, m.start..m.end),
            named,
            rule: m.rule,
            tie: m.tie,
        })
        .collect();
    let p: Vec<CharSpan> = predicted.iter().map(|x| x.span.clone()).collect();
    let g: Vec<CharSpan> = gold.iter().map(|x| x.0.clone()).collect();
    let pairs = match_spans(&p, &g, |a, b, _| a.start < b.end && b.start < a.end);
    report.actor_mentions.add(Score { matched: pairs.len(), predicted: p.len(), gold: g.len() });
    let kind_right = |named: Named, gold_kind: ActorKind| match named {
        Named::Actor(_, kind) => kind == gold_kind,
        Named::Place(_) => gold_kind == ActorKind::Country,
    };
    report.actor_kind_right +=
        pairs.iter().filter(|&&(pi, gi)| kind_right(predicted[pi].named, gold[gi].2)).count();
    let person = |named: &Named| matches!(named, Named::Actor(_, ActorKind::Person));
    let p_person: Vec<CharSpan> =
        predicted.iter().filter(|x| person(&x.named)).map(|x| x.span.clone()).collect();
    let g_person: Vec<CharSpan> =
        gold.iter().filter(|x| x.2 == ActorKind::Person).map(|x| x.0.clone()).collect();
    let person_pairs =
        match_spans(&p_person, &g_person, |a, b, _| a.start < b.end && b.start < a.end);
    report.person_mentions.add(Score {
        matched: person_pairs.len(),
        predicted: p_person.len(),
        gold: g_person.len(),
    });
    // Each mention rule by whether its mention matched; each tie by whether the tied
    // mention names the gold entity the actor's untied mentions (else its others) name.
    let mut gold_of = vec![None; predicted.len()];
    for &(pi, gi) in &pairs {
        gold_of[pi] = Some(gi);
    }
    for (pi, m) in predicted.iter().enumerate() {
        report.rules.count(m.rule, gold_of[pi].is_some());
        let (Some(tie), Some(gi)) = (m.tie, gold_of[pi]) else { continue };
        let others = || pairs.iter().filter(|&&(pj, _)| pj != pi && predicted[pj].named == m.named);
        let compared =
            others().find(|&&(pj, _)| predicted[pj].tie.is_none()).or_else(|| others().next());
        if let Some(&(_, gj)) = compared {
            report.rules.count(tie, gold[gi].1.is_some() && gold[gi].1 == gold[gj].1);
        }
    }
    let mut merged = Score::default();
    for (k, &(pi, gi)) in pairs.iter().enumerate() {
        for &(pj, gj) in &pairs[k + 1..] {
            let same_actor = predicted[pi].named == predicted[pj].named;
            let same_instance = gold[gi].1.is_some() && gold[gi].1 == gold[gj].1;
            merged.predicted += usize::from(same_actor);
            merged.gold += usize::from(same_instance);
            merged.matched += usize::from(same_actor && same_instance);
        }
    }
    report.alias_pairs.add(merged);
}

/// Whether a quote's speaker is the gold one: the speaker's words overlap the gold
/// speaker's, or one of the actor's names shares a content word with them.
fn speaker_right(
    ds: &crate::dataset::Dataset,
    q: &crate::dataset::Quote,
    gold_bytes: Option<&Range<usize>>,
    gold_text: &str,
) -> bool {
    let span_hit = match (q.speaker_span, gold_bytes) {
        (Some([a, b]), Some(g)) => a < g.end && g.start < b,
        _ => false,
    };
    let gold_words = content_words(gold_text);
    let name_hit =
        q.speaker.as_deref().and_then(|id| ds.actors.iter().find(|a| *a.id == *id)).is_some_and(
            |actor| {
                std::iter::once(&actor.name)
                    .chain(&actor.aliases)
                    .any(|n| content_words(n).iter().any(|w| gold_words.contains(w)))
            },
        );
    span_hit || name_hit
}

/// Counts a matched quote's speaker rules: where its speaker was found and how the words
/// were read, by whether the speaker is right.
fn count_speaker_rules(rules: &mut RuleTallies, q: &crate::dataset::Quote, right: bool) {
    for rule in [q.speaker_rule, q.subject_rule].into_iter().flatten() {
        rules.count(rule, right);
    }
}

/// Scores one gold record against the dataset built from its text (one article).
pub fn score_record(record: &serde_json::Value, ds: &crate::dataset::Dataset, report: &mut Report) {
    use crate::extract::QuoteKind;
    let Some(article) = ds.articles.first() else { return };
    let text = article.text.as_str();
    let chars: Vec<char> = text.chars().collect();
    report.records += 1;

    if let Some(attributions) = record.get("quotes").and_then(|q| q.as_array()) {
        // Gold quoted stretches, each with its attribution's speaker.
        let mut gold_quoted: Vec<(CharSpan, Option<Range<usize>>, String)> = Vec::new();
        let mut gold_all: Vec<CharSpan> = Vec::new();
        let mut gold_all_speakers: Vec<(Option<Range<usize>>, String)> = Vec::new();
        for a in attributions {
            let speaker_bytes = byte_range(a, "speaker_start_b", "speaker_end_b");
            let speaker_text =
                a.get("speaker").and_then(|s| s.as_str()).unwrap_or_default().to_string();
            if let Some(content) = byte_range(a, "start_b", "end_b") {
                gold_all.push(trim(&chars, char_span(text, content)));
                gold_all_speakers.push((speaker_bytes.clone(), speaker_text.clone()));
            }
            let spans =
                a.get("content_spans").and_then(|s| s.as_array()).cloned().unwrap_or_default();
            for span in spans {
                let (Some(s), Some(e)) = (
                    span.get(0).and_then(serde_json::Value::as_u64),
                    span.get(1).and_then(serde_json::Value::as_u64),
                ) else {
                    continue;
                };
                let (Ok(s), Ok(e)) = (usize::try_from(s), usize::try_from(e)) else { continue };
                for stretch in quoted_stretches(&chars, s..e) {
                    gold_quoted.push((
                        trim(&chars, stretch),
                        speaker_bytes.clone(),
                        speaker_text.clone(),
                    ));
                }
            }
        }
        let predicted_quoted: Vec<&crate::dataset::Quote> =
            ds.quotes.iter().filter(|q| q.kind != QuoteKind::Indirect).collect();
        let p_spans: Vec<CharSpan> = predicted_quoted
            .iter()
            .map(|q| trim(&chars, char_span(text, q.start..q.end)))
            .collect();
        let g_spans: Vec<CharSpan> = gold_quoted.iter().map(|g| g.0.clone()).collect();
        let pairs = match_spans(&p_spans, &g_spans, |_, _, j| j >= 0.5);
        report.quoted.add(Score {
            matched: pairs.len(),
            predicted: p_spans.len(),
            gold: g_spans.len(),
        });
        let mut quoted_right = vec![false; predicted_quoted.len()];
        for (p, g) in pairs {
            let q = predicted_quoted[p];
            let (_, gold_speaker_bytes, gold_speaker_text) = &gold_quoted[g];
            let right = speaker_right(ds, q, gold_speaker_bytes.as_ref(), gold_speaker_text);
            report.quoted_speaker_right += usize::from(right);
            quoted_right[p] = true;
            count_speaker_rules(&mut report.rules, q, right);
        }
        for (q, right) in predicted_quoted.iter().zip(quoted_right) {
            report.rules.count(q.rule, right);
        }
        let all_spans: Vec<CharSpan> =
            ds.quotes.iter().map(|q| trim(&chars, char_span(text, q.start..q.end))).collect();
        let all_pairs = match_spans(&all_spans, &gold_all, |_, _, j| j >= 0.5);
        report.all.add(Score {
            matched: all_pairs.len(),
            predicted: all_spans.len(),
            gold: gold_all.len(),
        });
        // Reported speech, which the quoted metric leaves out, by the all-attributions match.
        let mut reported_right = vec![false; ds.quotes.len()];
        for &(p, g) in &all_pairs {
            let q = &ds.quotes[p];
            if q.kind == QuoteKind::Indirect {
                reported_right[p] = true;
                let (bytes, speaker) = &gold_all_speakers[g];
                count_speaker_rules(
                    &mut report.rules,
                    q,
                    speaker_right(ds, q, bytes.as_ref(), speaker),
                );
            }
        }
        for (q, right) in ds.quotes.iter().zip(reported_right) {
            if q.kind == QuoteKind::Indirect {
                report.rules.count(q.rule, right);
            }
        }
    }

    if let Some(entities) = record.get("entities").and_then(|e| e.as_array()) {
        score_actors(entities, ds, text, report);
    }

    if let Some(timexes) = record.get("timexes").and_then(|t| t.as_array()) {
        let gold: Vec<(CharSpan, String)> = timexes
            .iter()
            .filter_map(|t| {
                let span = byte_range(t, "start_b", "end_b")?;
                Some((char_span(text, span), t.get("value")?.as_str()?.to_string()))
            })
            .collect();
        let predicted: Vec<(CharSpan, Option<String>)> =
            ds.timexes.iter().map(|t| (char_span(text, t.start..t.end), t.value.clone())).collect();
        let p: Vec<CharSpan> = predicted.iter().map(|x| x.0.clone()).collect();
        let g: Vec<CharSpan> = gold.iter().map(|x| x.0.clone()).collect();
        let relaxed = match_spans(&p, &g, |a, b, _| a.start < b.end && b.start < a.end);
        let strict = relaxed.iter().filter(|(pi, gi)| p[*pi] == g[*gi]).count();
        let value_right =
            |pi: usize, gi: usize| predicted[pi].1.as_deref() == Some(gold[gi].1.as_str());
        let valued = relaxed.iter().filter(|&&(pi, gi)| value_right(pi, gi)).count();
        let mut matched = vec![false; p.len()];
        for &(pi, gi) in &relaxed {
            matched[pi] = true;
            if let Some(resolution) = ds.timexes[pi].resolution {
                report.rules.count(resolution, value_right(pi, gi));
            }
        }
        for (t, right) in ds.timexes.iter().zip(matched) {
            report.rules.count(t.rule, right);
        }
        let counts = |matched| Score { matched, predicted: p.len(), gold: g.len() };
        report.timex_relaxed.add(counts(relaxed.len()));
        report.timex_strict.add(counts(strict));
        report.timex_value.add(counts(valued));
    }
}
