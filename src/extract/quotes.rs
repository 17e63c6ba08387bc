//! Quotes and reported speech: quote-mark pairing, direct/partial/indirect
//! classification, speaker attribution and stance.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::actors::{ActorKind, ActorTable, MentionFinding};
use super::lexicon::{self, CueLean};
use super::rules::Rule;
use super::text::{self, Word, WordIndex};
use super::Diagnostic;

/// How the words reach the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A whole utterance in quote marks.
    Direct,
    /// A few quoted words inside the writer's own sentence.
    Partial,
    /// Reported speech with no quote marks.
    Indirect,
}

/// What the speaker does with the words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    Claim,
    Denial,
    Statement,
}

/// One quote or report in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteFinding {
    /// The content, without quote marks.
    pub span: Range<usize>,
    pub kind: QuoteKind,
    /// Index into the article's actors.
    pub speaker: Option<usize>,
    pub speaker_span: Option<Range<usize>>,
    pub cue: Option<Range<usize>>,
    pub stance: Stance,
    /// The quote this one rejects, for denials the text links to a claim.
    pub rejects: Option<usize>,
    /// The attribution around the content: speaker, cue and any time phrase.
    pub attribution: Range<usize>,
    /// How the quote or report was found.
    pub rule: Rule,
    /// Where its speaker was found.
    pub speaker_rule: Option<Rule>,
    /// How the words there were read as the speaker.
    pub subject_rule: Option<Rule>,
    /// Why it has its stance.
    pub stance_rule: Rule,
}

/// A stretch between quote marks, possibly running on into the next paragraph.
#[derive(Debug, Clone)]
pub struct Quoted {
    pub open: usize,
    pub content: Range<usize>,
    pub close: Option<usize>,
    pub paragraph: usize,
    /// The quote carries on in the next paragraph (no closing mark here).
    pub continues: bool,
}

fn is_opening(c: char) -> bool {
    matches!(c, '“' | '"')
}

/// Where a quote mark may start in `bytes`, in order: only the ASCII marks and the curly
/// ones (lead byte 0xE2) can matter, so these bytes are searched for, and only their
/// characters decoded.
fn mark_candidates(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut ascii = memchr::memchr3_iter(b'"', b'`', b'\'', bytes).peekable();
    let mut curly = memchr::memchr_iter(0xE2, bytes).peekable();
    std::iter::from_fn(move || match (ascii.peek(), curly.peek()) {
        (Some(a), Some(c)) if c < a => curly.next(),
        (Some(_), _) => ascii.next(),
        (None, _) => curly.next(),
    })
}

/// Pairs quote marks paragraph by paragraph.
pub fn pair_marks(
    text: &str,
    paragraphs: &[Range<usize>],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Quoted> {
    let mut out = Vec::new();
    for (p, para) in paragraphs.iter().enumerate() {
        let slice = &text[para.clone()];
        // (mark position, content start, opened by a straight mark)
        let mut open: Option<(usize, usize, bool)> = None;
        // Where the next mark may start: after the second half of a doubled mark.
        let mut resume = 0;
        for i in mark_candidates(slice.as_bytes()) {
            if i < resume {
                continue;
            }
            let Some(c) = slice[i..].chars().next() else { break };
            let at = para.start + i;
            let (is_open_mark, is_close_mark, width) = match c {
                '“' => (true, false, c.len_utf8()),
                // A closing mark that starts a word opens a quote whose writer used the wrong
                // mark ("”Fear. I am truly afraid…”").
                '”' => {
                    let before = slice[..i].chars().next_back();
                    let word_follows =
                        slice[i + c.len_utf8()..].chars().next().is_some_and(char::is_alphanumeric);
                    let opens =
                        open.is_none() && word_follows && before.is_none_or(char::is_whitespace);
                    (opens, !opens, c.len_utf8())
                }
                '"' => {
                    let before = slice[..i].chars().next_back();
                    let opener = before.is_none_or(|b| {
                        b.is_whitespace() || matches!(b, '(' | '[' | '—' | '-' | ':')
                    });
                    // A straight mark inside a curly quote (`“<a href="…">”`) is nested and
                    // neither opens nor closes, unless no curly mark closes the quote later
                    // (a mismatched `“…"` pair) and this one ends a word.
                    let closes = match open {
                        Some((_, _, true)) => true,
                        Some((_, _, false)) => {
                            let after = &slice[i + 1..];
                            after.chars().next().is_none_or(char::is_whitespace)
                                && !after.contains('”')
                        }
                        None => false,
                    };
                    (open.is_none() && opener, closes, 1)
                }
                '`' if slice[i..].starts_with("``") => {
                    resume = i + 2;
                    (true, false, 2)
                }
                // Two apostrophes close a quote, or open one where a word begins (newswire style).
                '\'' if slice[i..].starts_with("''") => {
                    resume = i + 2;
                    let before = slice[..i].chars().next_back();
                    let opener = before.is_none_or(|b| {
                        b.is_whitespace() || matches!(b, '(' | '[' | '—' | '-' | ':')
                    });
                    (open.is_none() && opener, open.is_some(), 2)
                }
                _ => continue,
            };
            if is_open_mark {
                if let Some((prev, _, _)) = open {
                    diagnostics.push(Diagnostic::new(
                        prev,
                        "quote mark opens again before it closes; the first one is ignored",
                    ));
                }
                open = Some((at, at + width, c == '"' || c == '\''));
            } else if is_close_mark {
                match open.take() {
                    Some((mark, start, _)) => out.push(Quoted {
                        open: mark,
                        content: start..at,
                        close: Some(at),
                        paragraph: p,
                        continues: false,
                    }),
                    None => diagnostics
                        .push(Diagnostic::new(at, "closing quote mark with no opening mark")),
                }
            }
        }
        if let Some((mark, start, _)) = open {
            let next_opens = paragraphs
                .get(p + 1)
                .and_then(|n| text[n.clone()].chars().next())
                .is_some_and(is_opening);
            if next_opens {
                out.push(Quoted {
                    open: mark,
                    content: start..para.end,
                    close: None,
                    paragraph: p,
                    continues: true,
                });
            } else {
                diagnostics.push(Diagnostic::new(
                    mark,
                    "quote mark never closes in its paragraph; the stretch is not attributed",
                ));
            }
        }
    }
    out.retain(|q| !text[q.content.clone()].trim().is_empty());
    out
}

/// The speaker found for a stretch, and the cue that ties them.
#[derive(Debug, Clone)]
struct Attribution {
    speaker: Option<usize>,
    speaker_span: Option<Range<usize>>,
    cue: Range<usize>,
    lean: CueLean,
    /// Speaker and cue, with what stands between them.
    frame: Range<usize>,
    /// Where the speaker was found.
    rule: Rule,
    /// How the words there were read as a speaker.
    subject: Option<Rule>,
}

impl Attribution {
    /// The attribution of an earlier quote, carried over to one that has none of its own.
    fn lent_by(quote: &QuoteFinding, rule: Rule) -> Attribution {
        Attribution {
            speaker: quote.speaker,
            speaker_span: quote.speaker_span.clone(),
            cue: quote.cue.clone().unwrap_or(0..0),
            lean: CueLean::Neutral,
            frame: quote.attribution.clone(),
            rule,
            subject: quote.subject_rule,
        }
    }
}

/// A speaker found: the actor, the words that name them, and the rule that read those
/// words as the speaker (a `subject.*` rule).
type Found = (usize, Range<usize>, Rule);

/// Everything attribution needs to see of an article.
pub struct Context<'a> {
    pub text: &'a str,
    pub words: &'a WordIndex<'a>,
    pub actors: &'a mut ActorTable,
    pub paragraphs: &'a [Range<usize>],
    pub sentences: &'a [Range<usize>],
    /// The time expressions, in text order and not overlapping.
    pub timexes: &'a [Range<usize>],
}

impl Context<'_> {
    /// Whether `w` lies inside a time expression ("Thursday" in "on Thursday evening").
    fn in_time_expression(&self, w: &Word) -> bool {
        let starting_by = self.timexes.partition_point(|t| t.start <= w.start);
        starting_by.checked_sub(1).is_some_and(|i| w.end <= self.timexes[i].end)
    }
}

/// Finds every quote and report of the article.
pub fn find(cx: &mut Context, quoted: &[Quoted]) -> Vec<QuoteFinding> {
    let mut out: Vec<QuoteFinding> = Vec::new();
    // The last speaker, the mention used and the attribution frame, for continuations.
    let mut last_speaker: Option<(usize, Range<usize>, Range<usize>)> = None;
    for (qi, q) in quoted.iter().enumerate() {
        let Some(sentence) = enclosing(cx.sentences, q.open).cloned() else {
            continue;
        };
        let para = cx.paragraphs[q.paragraph].clone();
        let content = &cx.text[q.content.clone()];
        let pre = sentence.start..q.open;
        let post_start = q.close.map_or(q.content.end, |c| c + closing_mark_width(&cx.text[c..]));
        let post = post_start..sentence.end.max(post_start);
        let before = cx.text[pre.clone()].trim_end();
        let opens_sentence = before.is_empty() || before.ends_with(':');
        // "X said: “…”" and "“…” ― X" name their speaker outright; otherwise the words
        // after the quote come first.
        // A clause before a colon introduces the quote even with no speech verb: "Sanders
        // delivered a snappy retort: “…”", "She went on: “…”".
        let introduced = if before.ends_with(':') {
            attribute_before(cx, pre.clone()).or_else(|| {
                let (speaker, span, subject) =
                    named_clause_subject(cx, pre.start..pre.start + before.len() - 1)?;
                Some(Attribution {
                    speaker: Some(speaker),
                    speaker_span: Some(span.clone()),
                    cue: 0..0,
                    lean: CueLean::Neutral,
                    frame: span.start..pre.start + before.len(),
                    rule: Rule::SpeakerColonClause,
                    subject: Some(subject),
                })
            })
        } else {
            None
        };
        let directly_after_cue = before
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .map(|w| w.trim_end_matches([',', ':']))
            .is_some_and(|w| lexicon::speech_verb(w).is_some());
        let (kind, rule) = if opens_sentence {
            (QuoteKind::Direct, Rule::QuoteOpensSentence)
        } else if directly_after_cue {
            (QuoteKind::Direct, Rule::QuoteAfterVerb)
        } else {
            (QuoteKind::Partial, Rule::QuotePartial)
        };
        // Words quoted inside a clause belong to that clause's speaker ("Flynn said Trump was
        // “absolutely right” when he said …" is Flynn's), so a partial quote looks before
        // itself first; a quote that opens its sentence looks after itself first.
        let introduced = introduced.or_else(|| {
            (kind == QuoteKind::Direct).then(|| byline(cx, post.start..para.end)).flatten()
        });
        let attribution = match (introduced, kind) {
            (Some(a), _) => Some(a),
            (None, QuoteKind::Partial) => {
                attribute_before(cx, pre.clone()).or_else(|| attribute_after(cx, post.clone()))
            }
            (None, _) => {
                attribute_after(cx, post.clone()).or_else(|| attribute_before(cx, pre.clone()))
            }
        };

        // A paragraph that is nothing but a quote carries on the previous speaker.
        let whole_paragraph = cx.text[para.start..q.open].trim().is_empty()
            && cx.text[post.start.min(para.end)..para.end]
                .trim_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
                .is_empty();
        let chained =
            qi > 0 && quoted[qi - 1].continues && quoted[qi - 1].paragraph + 1 == q.paragraph;
        let attribution = match attribution {
            Some(a) => Some(a),
            None if chained || (whole_paragraph && previous_paragraph_quoted(&out, quoted, qi)) => {
                last_speaker.clone().map(|(speaker, span, frame)| Attribution {
                    speaker: Some(speaker),
                    speaker_span: Some(span),
                    cue: 0..0,
                    lean: CueLean::Neutral,
                    frame,
                    rule: Rule::SpeakerContinues,
                    subject: None,
                })
            }
            None => None,
        };
        // Another quote of the same sentence lends its attribution ("… “quickly” …, referencing a “plan”").
        let attribution = attribution.or_else(|| {
            out.iter()
                .rev()
                .find(|o| {
                    o.kind != QuoteKind::Indirect
                        && sentence.start <= o.span.start
                        && o.speaker.is_some()
                })
                .map(|o| Attribution::lent_by(o, Rule::SpeakerSameSentence))
        });
        // A whole quoted sentence with no cue near it is still speech: it belongs to the
        // speaker quoted last in this or the previous paragraph. Short quoted words with
        // no speech around them are titles or scare quotes, and are dropped.
        // Right after an attributed quote of the same paragraph, a shorter quoted sentence
        // carries on too ("“Here he is,” she said. “Donald’s here.”").
        // Counted up to four, as far as the tests below ask: a quote may be paragraphs long.
        let words = content.split_whitespace().take(4).count();
        let follows_in_paragraph = out.last().is_some_and(|o| {
            o.speaker.is_some() && o.kind != QuoteKind::Indirect && o.span.start >= para.start
        });
        let sentence_like =
            kind == QuoteKind::Direct && (words >= 4 || (words >= 2 && follows_in_paragraph));
        let attribution = attribution.or_else(|| {
            let recent = out.iter().rev().find(|o| {
                o.speaker.is_some() && o.span.start + 1 >= para_start_before(cx, q.paragraph)
            })?;
            sentence_like.then(|| Attribution {
                cue: 0..0,
                ..Attribution::lent_by(recent, Rule::SpeakerRecent)
            })
        });
        let Some(a) = attribution else {
            continue;
        };
        if let (Some(s), Some(span)) = (a.speaker, a.speaker_span.clone()) {
            last_speaker = Some((s, span, a.frame.clone()));
        }
        let (stance, stance_rule) = stance_of(content, a.lean);
        out.push(QuoteFinding {
            span: trim_span(cx.text, q.content.clone()),
            kind,
            speaker: a.speaker,
            speaker_rule: a.speaker.map(|_| a.rule),
            subject_rule: a.speaker.and(a.subject),
            speaker_span: a.speaker_span,
            cue: (!a.cue.is_empty()).then_some(a.cue),
            stance,
            rejects: None,
            attribution: a.frame,
            rule,
            stance_rule,
        });
    }
    let quoted_ranges: Vec<Range<usize>> = quoted
        .iter()
        .map(|q| q.open..q.close.map_or(q.content.end, |c| c + closing_mark_width(&cx.text[c..])))
        .collect();
    let reports = reported(cx, &quoted_ranges);
    out.extend(reports);
    out.sort_by_key(|q| (q.span.start, q.span.end));
    link_denials(cx, &mut out);
    out
}

/// Where the paragraph before `paragraph` starts (or this one, for the first).
fn para_start_before(cx: &Context, paragraph: usize) -> usize {
    cx.paragraphs[paragraph.saturating_sub(1)].start
}

fn previous_paragraph_quoted(found: &[QuoteFinding], quoted: &[Quoted], qi: usize) -> bool {
    let Some(prev) = qi.checked_sub(1).map(|p| &quoted[p]) else { return false };
    quoted[qi].paragraph == prev.paragraph + 1
        && found
            .iter()
            .any(|f| f.span.start >= prev.content.start && f.span.end <= prev.content.end)
}

/// The range of sorted, non-overlapping `ranges` that contains `at`.
fn enclosing(ranges: &[Range<usize>], at: usize) -> Option<&Range<usize>> {
    let after = ranges.partition_point(|r| r.start <= at);
    after.checked_sub(1).map(|i| &ranges[i]).filter(|r| at < r.end)
}

fn trim_span(text: &str, span: Range<usize>) -> Range<usize> {
    let s = &text[span.clone()];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    span.start + lead..span.start + lead + trimmed.len()
}

/// Attribution after the closing mark: `…,” Sean Spicer said` or `…,” said Spicer`.
fn attribute_after(cx: &mut Context, post: Range<usize>) -> Option<Attribution> {
    let text = cx.text;
    let words = cx.words.within(post.clone());
    // A long appositive may stand between the name and the verb: "…,'' Michael McFaul,
    // a senior fellow at the Hoover Institution and a former United States ambassador to
    // Russia, said".
    let after_appositive = |k: usize| text[post.start..words[k].start].trim_end().ends_with(',');
    // "“…,” Trump shot back.": a retort is a speech verb of two words.
    let retort = |k: usize| {
        matches!(words[k].text(), "shot" | "fired")
            && words.get(k + 1).is_some_and(|b| b.text() == "back")
    };
    let cue_at = words
        .iter()
        .take(30)
        .enumerate()
        .position(|(k, w)| (is_cue(w) || retort(k)) && (k < 12 || after_appositive(k)))?;
    let cue = words[cue_at];
    let cue_span = cue.start..if retort(cue_at) { words[cue_at + 1].end } else { cue.end };
    // `speaker` at `span`, in a frame from `frame_start` to the sentence's end, after `at_least`.
    let by = |(speaker, span, subject): Found, rule: Rule, frame_start: usize, at_least: usize| {
        Attribution {
            speaker: Some(speaker),
            speaker_span: Some(span),
            cue: cue_span.clone(),
            lean: lean_of(&cue),
            frame: frame_start..attribution_end(text, post.end, at_least),
            rule,
            subject: Some(subject),
        }
    };
    // Speaker before the cue ("Sean Spicer said") or after it ("said Sean Spicer").
    let before_cue = post.start..cue.start;
    if let Some(found) = subject_before(cx, before_cue.clone(), post.start) {
        let start = found.1.start.min(cue.start);
        return Some(by(found, Rule::SpeakerAfterQuote, start, cue.end));
    }
    // Only a finite verb inverts: "…,” blaming Michael Bloomberg" names whom, not who.
    if text[before_cue].trim_matches(|c: char| c.is_whitespace() || c == ',').is_empty()
        && !is_participle(cue.text())
    {
        let tail = cue.end..post.end;
        if let Some(m) = cx.actors.mentions_in(tail.clone()).next().copied() {
            if !text::has_words(&text[cue.end..m.start], 5) {
                let found = (m.actor, m.start..m.end, Rule::SubjectName);
                return Some(by(found, Rule::SpeakerAfterVerb, cue.start, m.end));
            }
        }
        // An unnamed source after the cue: "“…,” said a Mexican official who was not
        // authorized to speak".
        if let Some(found) = speaker_after(cx, tail, true) {
            let end = found.1.end;
            return Some(by(found, Rule::SpeakerAfterVerbSource, cue.start, end));
        }
    }
    None
}

/// A dash and a name after the quote, ending its paragraph: `“…” ― Sonya Herridge`.
fn byline(cx: &Context, after: Range<usize>) -> Option<Attribution> {
    let rest = &cx.text[after.clone()];
    let lead = rest.len() - rest.trim_start().len();
    let dash_width = ["―", "—", "–", "--"].iter().find(|d| rest[lead..].starts_with(**d))?.len();
    let dash = after.start + lead..after.start + lead + dash_width;
    let m = cx.actors.mentions_in(dash.end..after.end).next()?;
    let gap_is_blank = cx.text[dash.end..m.start].trim().is_empty();
    let ends_paragraph =
        cx.text[m.end..after.end].trim_matches(|c: char| c.is_whitespace() || c == '.').is_empty();
    (gap_is_blank && ends_paragraph).then(|| Attribution {
        speaker: Some(m.actor),
        speaker_span: Some(m.start..m.end),
        cue: dash.clone(),
        lean: CueLean::Neutral,
        frame: dash.start..m.end,
        rule: Rule::SpeakerDashByline,
        subject: Some(Rule::SubjectName),
    })
}

/// Where an attribution's frame ends: the sentence end, without its final period.
fn attribution_end(text: &str, sentence_end: usize, at_least: usize) -> usize {
    let s = &text[at_least..sentence_end];
    at_least + s.trim_end_matches(['.', '!', '?', ' ', '"', '”']).len()
}

/// Attribution before the opening mark: `Mr Spicer said “…”`, `X has said that … “…”`.
fn attribute_before(cx: &mut Context, pre: Range<usize>) -> Option<Attribution> {
    let text = cx.text;
    let words = cx.words.within(pre.clone());
    for (k, w) in words.iter().enumerate().rev() {
        if !is_cue(w) || is_passive(words, k) {
            continue;
        }
        // Participles such as "referencing" take the clause's subject ("Trump defended it,
        // saying, “…”"), unless a form of "be" makes them the verb ("Clinton is describing
        // as …").
        let progressive = words
            .iter()
            .rev()
            .find(|x| x.start < w.start)
            .is_some_and(|x| makes_progressive(x.text()));
        let (subject, rule) = if is_participle(w.text()) && !progressive {
            if !participle_reports(text, pre.start..w.start) {
                continue;
            }
            (participle_subject(cx, pre.start..w.start), Rule::SpeakerBeforeParticiple)
        } else {
            (subject_before(cx, pre.start..w.start, pre.start), Rule::SpeakerBeforeQuote)
        };
        if let Some((speaker, span, subject)) = subject {
            return Some(Attribution {
                speaker: Some(speaker),
                speaker_span: Some(span.clone()),
                cue: w.start..w.end,
                lean: lean_of(w),
                frame: span.start..w.end,
                rule,
                subject: Some(subject),
            });
        }
    }
    None
}

fn is_cue(w: &Word) -> bool {
    lexicon::speech_verb(w.text()).is_some()
}

/// Whether a cue is a present participle ("saying", "noting"), which speaks for a clause's
/// subject and never inverts.
fn is_participle(cue: &str) -> bool {
    cue.ends_with("ing")
}

fn is_singular(pronoun: &str) -> bool {
    matches!(pronoun, "he" | "she" | "He" | "She")
}

/// A form of "be" that makes a participle after it a verb: "is", or "he’s".
fn makes_progressive(word: &str) -> bool {
    lexicon::is_be(word) || pronoun_is(word).is_some()
}

/// The pronoun of a contracted "he’s" or "she’s".
fn pronoun_is(word: &str) -> Option<&str> {
    text::without_apostrophe_s(word).filter(|p| lexicon::is_speaker_pronoun(p))
}

/// The actor a pronoun or description at `span` stands for: the one named most recently
/// before it that it can stand for (a `singular` one a person, "they" anyone but one person).
/// The subject of its own sentence comes first ("Trump took to Twitter to accuse her
/// campaign of what he called …" is Trump's), then the latest one named.
fn resolve_pronoun(
    cx: &Context,
    span: Range<usize>,
    singular: bool,
) -> Option<(usize, Range<usize>)> {
    let fits = |m: &&MentionFinding| {
        (cx.actors.actors[m.actor].kind == super::actors::ActorKind::Person) == singular
    };
    let subject = enclosing(cx.sentences, span.start).and_then(|sentence| {
        let m = cx.actors.mentions_in(sentence.start..span.start).next().filter(fits)?;
        // Only titles may stand before the subject: "Rep. Adam Schiff".
        let lead = &cx.text[sentence.start..m.start];
        (!text::has_words(lead, 3) && lead.split_whitespace().all(text::is_capitalised))
            .then_some(m.actor)
    });
    let actor = subject
        .or_else(|| cx.actors.mentions_before(span.start).rev().find(fits).map(|m| m.actor))?;
    Some((actor, span))
}

fn lean_of(w: &Word) -> CueLean {
    lexicon::speech_verb(w.text()).unwrap_or(CueLean::Neutral)
}

/// `head` without a closing party label: "Rep. Stephen Lynch (D-Mass.)".
fn without_party_label(head: &str) -> &str {
    match head.strip_suffix(')').and_then(|h| h.rfind(" (")) {
        Some(open) => head[..open].trim_end(),
        None => head,
    }
}

/// `head` without an aside between dashes at its end: "The Supreme Court justice -- who
/// has been in a scuffle with the nominee --" is the justice.
fn without_dashed_aside(head: &str) -> &str {
    for dash in ["--", "—", "–"] {
        if let Some(open) = head.strip_suffix(dash).and_then(|h| h.rfind(dash)) {
            return head[..open].trim_end();
        }
    }
    head
}

/// `head` without an age set off at its end: "Jane Smith, 45" is Jane Smith.
fn without_age(head: &str) -> &str {
    match head.rsplit_once(',') {
        Some((name, age))
            if (1..=3).contains(&age.trim().len())
                && age.trim().bytes().all(|b| b.is_ascii_digit()) =>
        {
            name.trim_end()
        }
        _ => head,
    }
}

/// The words before a speech verb that the subject rules read: from `floor`, where the
/// clause may start, up to the verb, without the auxiliaries, time phrase, party label and
/// asides that may stand between ("Sean Spicer on Thursday evening said", "Rep. Stephen
/// Lynch (D-Mass.) said", "Turkey, which …, has said").
struct Head<'t> {
    floor: usize,
    /// Where the verb starts.
    verb: usize,
    /// Where the words before the verb end, once auxiliaries and a time phrase are skipped.
    end: usize,
    /// The subject's stretch, from `floor`.
    head: &'t str,
    /// A name that opens the clause before an age or a description: "Cecelia Purner, 67, …".
    opening_name: Option<&'t str>,
    /// The stretch before an appositive that is itself a name: "The chairman, Phil Lovas,".
    fallback: Option<&'t str>,
    /// The head's last word, where it starts, and the word before it.
    last: &'t str,
    last_start: usize,
    before_last: Option<&'t str>,
}

impl<'t> Head<'t> {
    fn new(cx: &Context<'t>, range: Range<usize>, floor: usize) -> Head<'t> {
        let text = cx.text;
        let words = cx.words.within(range.clone());
        // Skip auxiliaries and adverbs right before the verb.
        let mut end = range.end;
        for w in words.iter().rev() {
            if (lexicon::is_auxiliary(w.text()) || lexicon::is_be(w.text()))
                && text[w.end..end].trim().is_empty()
            {
                end = w.start;
            } else {
                break;
            }
        }
        // Skip when it was said: "Sean Spicer on Thursday evening said".
        let last_by_end =
            cx.timexes.partition_point(|t| t.end <= end).checked_sub(1).map(|i| &cx.timexes[i]);
        if let Some(when) =
            last_by_end.filter(|t| floor < t.start && text[t.end..end].trim().is_empty())
        {
            let before = text[floor..when.start].trim_end();
            let opener = lexicon::TIME_PHRASE_OPENERS
                .iter()
                .find(|o| before.strip_suffix(**o).is_some_and(|b| b.ends_with(' ')));
            end = floor + before.len() - opener.map_or(0, |o| o.len());
        }
        let (head, opening_name, fallback) = Head::subject_stretch(cx, floor, end);
        let mut last_words = head.rsplit(|c: char| c.is_whitespace());
        let last = last_words.next().unwrap_or_default();
        let head_end = floor + head.len();
        Head {
            floor,
            verb: range.end,
            end,
            head,
            opening_name,
            fallback,
            last,
            last_start: head_end - last.len(),
            before_last: last_words.next(),
        }
    }

    /// The subject's stretch, without a party label ("Rep. Stephen Lynch (D-Mass.) said"),
    /// and a time phrase or appositive between commas ("Turkey, which …, has said"). A
    /// capitalised stretch between commas may be the name itself ("The chairman, Phil
    /// Lovas, said") or a description of it ("Dianne Feinstein, Democrat of California,
    /// said"). Returns it with the opening name and the fallback stretch.
    fn subject_stretch(
        cx: &Context<'t>,
        floor: usize,
        end: usize,
    ) -> (&'t str, Option<&'t str>, Option<&'t str>) {
        let text = cx.text;
        let mut head = without_party_label(without_dashed_aside(text[floor..end].trim_end()));
        let mut fallback = None;
        // The appositive's comma may stand inside a closing quote mark ("Humphrey, who calls
        // Trump a “sociopath,” said"), when the mark opens inside the appositive: where it
        // opens before the subject, the stretch is the quote itself ("“…, and his wife
        // knocked it out of the park,” said").
        let quoted_comma = || {
            let inner = head.strip_suffix(['”', '"', '’'])?.strip_suffix(',')?;
            let appositive = inner.find(", ")?;
            inner.rfind(['“', '"', '‘']).filter(|&open| open > appositive).map(|_| inner)
        };
        let before_comma = head.strip_suffix(',').or_else(quoted_comma);
        let mut opening_name = None;
        if let Some(inner) = before_comma {
            // "Cecelia Purner, 67, a retired customer service representative in Allentown,
            // Pa., said": a name that opens the clause, then its age or a description in
            // lower case, whatever commas they hold.
            opening_name = inner
                .split_once(',')
                .filter(|(_, rest)| {
                    rest.trim_start().starts_with(|c: char| c.is_ascii_digit() || c.is_lowercase())
                })
                .map(|(name, _)| name.trim_end());
            // "Clinton, during a town hall meeting in Columbus, Ohio, said": a phrase of time
            // or place set off after the subject, whatever commas it holds.
            let circumstance = inner.find(',').filter(|&c| {
                let next = inner[c + 1..].split_whitespace().next().unwrap_or("");
                lexicon::opens_circumstance(next)
            });
            if let Some(comma) = circumstance {
                head = inner[..comma].trim_end();
            } else if let Some(comma) = inner.rfind(',') {
                let apposition = inner[comma + 1..].trim_start();
                let first = apposition.split_whitespace().next().unwrap_or("");
                let apposition_start = floor + inner.len() - apposition.len();
                // The name may follow its title: "Another Clinton ally, Agriculture Secretary
                // Tom Vilsack, told".
                let is_name =
                    cx.actors.mentions_in(apposition_start..floor + inner.len()).any(|m| {
                        let title = &text[apposition_start..m.start];
                        let titled = || {
                            cx.actors.actors[m.actor].kind == ActorKind::Person
                                && title.split_whitespace().all(text::is_capitalised)
                                && title
                                    .split_whitespace()
                                    .any(|w| lexicon::is_title(w) || lexicon::is_role_noun(w))
                        };
                        m.end == floor + inner.len() && (m.start == apposition_start || titled())
                    });
                if is_name {
                    head = inner.trim_end();
                    fallback = Some(inner[..comma].trim_end());
                } else if first.starts_with(|c: char| c.is_alphanumeric()) {
                    // The label may stand before the appositive too: "Sen. Claire McCaskill
                    // (D-Mo.), who has endorsed Clinton, said"; an age before it goes with it.
                    head = without_party_label(without_age(inner[..comma].trim_end()));
                }
            } else {
                head = inner.trim_end();
            }
        }
        (head, opening_name, fallback)
    }

    /// Where the head ends.
    fn end_of_head(&self) -> usize {
        self.floor + self.head.len()
    }
}

/// What a subject rule says: `None` when it does not apply and the next rule is asked;
/// `Some(found)` when it decides, `Some(None)` when it decides there is no speaker.
type Verdict = Option<Option<Found>>;

/// A rule that reads the words before a speech verb as its subject.
type SubjectRule = fn(&mut Context, &Head, Rule) -> Verdict;

/// The ways the words before a speech verb are read as the verb's subject, in the order
/// they are tried: the first that applies decides.
const SUBJECT_RULES: [(Rule, SubjectRule); 12] = [
    (Rule::SubjectName, subject_name),
    (Rule::SubjectPronoun, subject_pronoun),
    (Rule::SubjectSecondVerb, subject_second_verb),
    (Rule::SubjectRelative, subject_relative),
    (Rule::SubjectPresident, subject_the_president),
    (Rule::SubjectDescription, subject_description),
    (Rule::SubjectPeople, subject_people),
    (Rule::SubjectGroupNoun, subject_group_noun),
    (Rule::SubjectBarePlural, subject_bare_plural),
    (Rule::SubjectPollShare, subject_poll_share),
    (Rule::SubjectUnnamed, subject_unnamed),
    (Rule::SubjectOpeningGroup, subject_opening_group),
];

/// The speaker standing right before a cue verb, skipping auxiliaries, adverbs and
/// an appositive (`Jeff Davis, a Pentagon spokesman, said`), by [`SUBJECT_RULES`].
fn subject_before(cx: &mut Context, range: Range<usize>, floor: usize) -> Option<Found> {
    let head = Head::new(cx, range, floor);
    SUBJECT_RULES.iter().find_map(|&(rule, read)| read(cx, &head, rule)).flatten()
}

/// A named actor ending the stretch `head` from `floor`: its name, or its campaign, office
/// or government, which speaks for it ("Sanders’ campaign said").
fn named_at(cx: &Context, floor: usize, head: &str) -> Option<Found> {
    let head_end = floor + head.len();
    let m = cx.actors.mentions_in(floor..head_end).max_by_key(|m| m.end)?;
    let gap = cx.text[m.end..head_end].trim();
    if gap.is_empty() {
        return Some((m.actor, m.start..m.end, Rule::SubjectName));
    }
    let owned =
        ["’s", "'s", "’", "'"].iter().find_map(|p| gap.strip_prefix(p)).unwrap_or(gap).trim_start();
    lexicon::is_speaking_office(owned).then_some((m.actor, m.start..m.end, Rule::SubjectOffice))
}

/// `subject.name`: a named actor ending the head. The opening name comes first: in "Cory
/// James, 22, of Flint, Mich., said" the last name before the verb is where he is from;
/// it must be all of its stretch ("In Washington, officials said" is not Washington
/// speaking).
fn subject_name(cx: &mut Context, h: &Head, _: Rule) -> Verdict {
    let opens_named = |name: &str| {
        named_at(cx, h.floor, name)
            .filter(|(_, span, _)| span.start == h.floor + (name.len() - name.trim_start().len()))
    };
    h.opening_name
        .and_then(opens_named)
        .or_else(|| named_at(cx, h.floor, h.head))
        .or_else(|| h.fallback.and_then(|f| named_at(cx, h.floor, f)))
        .map(Some)
}

/// `subject.pronoun`: "he said", "she’s saying". "It" speaks only through a statement verb
/// right after it.
fn subject_pronoun(cx: &mut Context, h: &Head, rule: Rule) -> Verdict {
    let pronoun =
        Some(h.last).filter(|w| lexicon::is_speaker_pronoun(w)).or_else(|| pronoun_is(h.last))?;
    let verb = cx.text[h.verb..].split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    if pronoun.eq_ignore_ascii_case("it") && (h.end != h.verb || !lexicon::is_statement_verb(verb))
    {
        return Some(None);
    }
    let span = h.last_start..h.last_start + pronoun.len();
    Some(resolve_pronoun(cx, span, is_singular(pronoun)).map(|(a, s)| (a, s, rule)))
}

/// `subject.second-verb`: a second verb of the clause's subject: "She urges him to stop
/// and repeatedly says", "Sullivan put off deciding … but said".
fn subject_second_verb(cx: &mut Context, h: &Head, rule: Rule) -> Verdict {
    matches!(h.last, "and" | "but").then(|| {
        clause_subject(cx, h.floor..h.end_of_head()).map(|(actor, span, _)| (actor, span, rule))
    })
}

/// `subject.relative-clause`: the antecedent of "who": "an architect who said",
/// "McConnell, who in 2010 said".
fn subject_relative(cx: &mut Context, h: &Head, rule: Rule) -> Verdict {
    if h.last != "who" {
        return None;
    }
    let antecedent = cx.text[h.floor..h.last_start].trim_end().trim_end_matches(',');
    let antecedent = h.floor..h.floor + antecedent.len();
    if let Some((actor, span, _)) = subject_before(cx, antecedent.clone(), h.floor) {
        return Some(Some((actor, span, rule)));
    }
    Some(
        unnamed_source(cx.text, antecedent, SourceAt::Antecedent)
            .map(|(name, span)| speaking_group(cx, &name, span, rule)),
    )
}

/// `subject.the-president`: "the president", when the article names one.
fn subject_the_president(cx: &mut Context, h: &Head, rule: Rule) -> Verdict {
    if !h.last.eq_ignore_ascii_case("president")
        || !h.before_last.is_some_and(|w| w.eq_ignore_ascii_case("the"))
    {
        return None;
    }
    let before = cx.text[h.floor..h.last_start].trim_end();
    let the_start = h.floor + before.len() - "the".len();
    Some(cx.actors.the_president().map(|p| (p, the_start..h.end_of_head(), rule)))
}

/// `subject.description`: a description of someone named before: "the California
/// congressman said".
fn subject_description(cx: &mut Context, h: &Head, rule: Rule) -> Verdict {
    if !lexicon::with_lowercase(h.last, lexicon::is_role_or_office_noun) {
        return None;
    }
    let head = h.head;
    let k = head
        .rfind("the ")
        .or_else(|| head.rfind("The "))
        .filter(|&k| (k == 0 || head[..k].ends_with(' ')) && !text::has_words(&head[k..], 5))?;
    let span = h.floor + k..h.end_of_head();
    let (actor, _) = resolve_pronoun(cx, span.clone(), true)?;
    Some(Some((actor, span, rule)))
}

/// `subject.people`: a people named by its demonym: "Mexicans often say".
fn subject_people(cx: &mut Context, h: &Head, rule: Rule) -> Verdict {
    h.last.strip_suffix('s').filter(|d| lexicon::country_of_demonym(d).is_some())?;
    Some(Some(speaking_group(cx, h.last, h.last_start..h.end_of_head(), rule)))
}

/// `subject.group`: an unnamed group: "diplomats said".
fn subject_group_noun(cx: &mut Context, h: &Head, rule: Rule) -> Verdict {
    if !lexicon::with_lowercase(h.last, lexicon::is_group_noun) {
        return None;
    }
    let span = h.last_start..h.end_of_head();
    Some(Some(speaking_group(cx, &h.last.to_lowercase(), span, rule)))
}

/// `subject.bare-plural`: a quantifier or a bare plural noun that is its clause's whole
/// subject: "Others say", "most of them said", "Allies say", "Chinese traders say".
fn subject_bare_plural(cx: &mut Context, h: &Head, rule: Rule) -> Verdict {
    let (name, span) = bare_plural_subject(cx, h.floor..h.end_of_head())?;
    Some(Some(speaking_group(cx, &name, span, rule)))
}

/// `subject.poll-share`: a share of those polled: "Twenty-four percent said", "Nearly nine
/// out of 10 say".
fn subject_poll_share(cx: &mut Context, h: &Head, rule: Rule) -> Verdict {
    let span = poll_share(cx.text, h.floor..h.end_of_head())?;
    Some(Some(speaking_group(cx, "poll respondents", span, rule)))
}

/// `subject.unnamed-source`: "a source said", "the network said", and one qualified by what
/// it knows ("a law enforcement official familiar with the investigation said").
fn subject_unnamed(cx: &mut Context, h: &Head, rule: Rule) -> Verdict {
    static FAMILIAR_WITH: std::sync::OnceLock<memchr::memmem::FinderRev<'static>> =
        std::sync::OnceLock::new();
    let familiar_with =
        FAMILIAR_WITH.get_or_init(|| memchr::memmem::FinderRev::new(" familiar with "));
    let source_end =
        familiar_with.rfind(h.head.as_bytes()).map_or(h.end_of_head(), |k| h.floor + k);
    let (name, span) = unnamed_source(cx.text, h.floor..source_end, SourceAt::Subject)?;
    Some(Some(speaking_group(cx, &name, span, rule)))
}

/// `subject.group.described`: a group that opens its clause, described further: "Experts
/// on North Korea said", "elected officials from both parties say". The last rule: it
/// decides either way.
fn subject_opening_group(cx: &mut Context, h: &Head, rule: Rule) -> Verdict {
    let head = h.head;
    let clause_start = head.rfind(',').map_or(0, |c| c + 1);
    let clause = &head[clause_start..];
    let opening: Vec<&str> = clause.split_whitespace().take(9).collect();
    let group_at = (opening.len() <= 8)
        .then(|| {
            opening.iter().take(2).position(|w| lexicon::with_lowercase(w, lexicon::is_group_noun))
        })
        .flatten();
    let Some(group_at) = group_at else { return Some(None) };
    let lead = clause.len() - clause.trim_start().len();
    let start = h.floor + clause_start + lead;
    let noun = opening[group_at];
    let Some(noun_at) = clause.trim_start().find(noun) else { return Some(None) };
    let noun_start = start + noun_at;
    let group = cx.actors.group(&noun.to_lowercase(), noun_start..noun_start + noun.len(), rule);
    Some(Some((group, start..h.end_of_head(), rule)))
}

/// A quantifier ("Others", "most of them") or a plural noun with at most two words before
/// it, in lower case but for the clause's first ("Allies", "ordinary Chinese traders"),
/// that is all of the clause ending `range`, naming nobody: the group speaks by its noun.
fn bare_plural_subject(cx: &Context, range: Range<usize>) -> Option<(String, Range<usize>)> {
    const QUANTIFIERS: [&str; 11] = [
        "others",
        "some",
        "many",
        "most",
        "several",
        "both",
        "all",
        "most of them",
        "many of them",
        "some of them",
        "all of them",
    ];
    let head = &cx.text[range.clone()];
    // Asked before many verbs: most subjects end in no plural and no quantifier.
    let last_word = text::after_last_space(head);
    let quantifier_end = || {
        QUANTIFIERS.iter().any(|q| {
            let at = q.len().saturating_sub(last_word.len());
            q.get(at..).is_some_and(|end| end.eq_ignore_ascii_case(last_word))
                && (at == 0 || q.as_bytes()[at - 1] == b' ')
        })
    };
    let could_end_one =
        last_word.ends_with('s') || (matches!(last_word.len(), 3 | 4) && quantifier_end());
    if !could_end_one {
        return None;
    }
    let mut clause = head.rsplit([',', ';', '(', '—']).next().unwrap_or(head).trim_start();
    let mut opened = false;
    if let Some((_, rest)) = clause.split_once(' ').filter(|(first, _)| opens_clause(first)) {
        clause = rest.trim_start();
        opened = true;
    }
    // Asked before every subject-less verb: most clauses are longer than three words.
    if clause.split(' ').nth(3).is_some() {
        return None;
    }
    let start = range.start + head.len() - clause.len();
    // The clause starts there: after a sentence's end, a comma or a conjunction, not after
    // a quoted name ("“Ted Cruz” campaign pins, said").
    let before = cx.text[..start].trim_end();
    let clause_starts = opened
        || before.is_empty()
        || before.ends_with(['.', '!', '?', ',', ';', ':', '—', '('])
        || [",”", ",\"", ",''"].iter().any(|q| before.ends_with(q));
    if !clause_starts {
        return None;
    }
    if QUANTIFIERS.iter().any(|q| q.eq_ignore_ascii_case(clause)) {
        return Some((clause.to_lowercase(), start..range.end));
    }
    let last = clause.rsplit(' ').next()?;
    let plural = last.len() >= 4
        && last.ends_with('s')
        && !["ss", "us", "is"].iter().any(|e| last.ends_with(e));
    let function_word = |l: &str| {
        is_determiner_word(l)
            || lexicon::is_speaker_pronoun(l)
            || is_preposition(l)
            || lexicon::is_be(l)
            || lexicon::is_auxiliary(l)
            || opens_clause(l)
            || matches!(l, "who" | "that" | "which" | "there" | "this" | "news")
    };
    let shaped = clause.split(' ').all(|w| {
        w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !lexicon::with_lowercase(w, function_word)
    }) && clause
        .split(' ')
        .skip(1)
        .all(|w| !text::is_capitalised(w) || lexicon::country_of_demonym(w).is_some());
    let named = || cx.actors.mentions_in(start..range.end).next().is_some();
    (plural && !is_verb_like(last) && shaped && !named())
        .then(|| (last.to_lowercase(), start..range.end))
}

/// The share of a poll's respondents that opens its clause and ends `range`: "47
/// percent", "Nearly nine out of 10", "Twenty-four per cent".
fn poll_share(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let whole = text[range.clone()].trim_end();
    // "58 percent of Florida Latino voters (overall, polled)": the share is what the
    // respondents are a share of, up to six words that hold no verb or clause of their own.
    static OF: std::sync::OnceLock<memchr::memmem::FinderRev<'static>> = std::sync::OnceLock::new();
    let of = OF.get_or_init(|| memchr::memmem::FinderRev::new(" of ")).rfind(whole.as_bytes());
    let slice = match of {
        Some(of) if of_respondents(&whole[of + 4..]) => &whole[..of],
        _ => whole,
    };
    // "twenty-four" counts as well as "24" and "nine", "one in five" too, but not "a".
    let is_number = |w: &str| {
        !w.is_empty()
            && w.split('-').all(|part| {
                !part.eq_ignore_ascii_case("a")
                    && !part.eq_ignore_ascii_case("an")
                    && super::timex::number(part).is_some()
            })
    };
    let is_fraction = |w: &str| {
        lexicon::with_lowercase(w, |w| {
            matches!(
                w,
                "half"
                    | "third"
                    | "quarter"
                    | "thirds"
                    | "quarters"
                    | "two-thirds"
                    | "three-quarters"
            )
        })
    };
    // The share ends the range, so its last four words tell whether there is one; only
    // then is the rest of a long clause split into words.
    let mut last_four: Vec<&str> = slice.split_whitespace().rev().take(4).collect();
    last_four.reverse();
    let share_len = match last_four.as_slice() {
        [.., amount, "percent"] if is_number(amount) => 2,
        [.., amount, "per", "cent"] if is_number(amount) => 3,
        [.., amount] if amount.strip_suffix('%').is_some_and(is_number) => 1,
        [.., part, "in", whole] if is_number(part) && is_number(whole) => 3,
        [.., part, "out", "of", whole] if is_number(part) && is_number(whole) => 4,
        // "Nearly half said", "a third said", "two-thirds say".
        [.., fraction] if is_fraction(fraction) => 1,
        // "those surveyed said": all of them.
        [.., those, asked]
            if those.eq_ignore_ascii_case("those")
                && matches!(*asked, "surveyed" | "polled" | "questioned" | "interviewed") =>
        {
            2
        }
        _ => return None,
    };
    let words: Vec<(usize, &str)> = text::pieces_with_offsets(slice).collect();
    // "Nearly", "About", "More than" or "A mere" may lead the share.
    let mut first = words.len() - share_len;
    while first > 0
        && lexicon::with_lowercase(words[first - 1].1, |w| {
            matches!(
                w,
                "nearly"
                    | "about"
                    | "almost"
                    | "roughly"
                    | "only"
                    | "just"
                    | "than"
                    | "more"
                    | "fewer"
                    | "less"
                    | "a"
                    | "mere"
                    | "some"
                    | "around"
                    | "over"
                    | "under"
            )
        })
    {
        first -= 1;
    }
    let opens_clause = first == 0
        || words[first - 1].1.ends_with(',')
        || lexicon::with_lowercase(words[first - 1].1, |w| matches!(w, "and" | "while" | "but"));
    opens_clause.then(|| range.start + words[first].0..range.start + whole.len())
}

/// Whether `rest`, after a share's "of", names who it is a share of: "Cuban-Americans
/// polled", "Florida Latino voters overall", "those surveyed".
fn of_respondents(rest: &str) -> bool {
    let mut words = rest.split_whitespace();
    // "nine out of 10" is the share itself, not whom it is a share of.
    let Some(first) = words.clone().next() else { return false };
    if first.starts_with(|c: char| c.is_ascii_digit()) || super::timex::number(first).is_some() {
        return false;
    }
    words.clone().nth(6).is_none()
        && words.all(|w| {
            w.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '’' | '\''))
                && lexicon::with_lowercase(w, |l| {
                    !lexicon::is_auxiliary(l)
                        && !lexicon::is_be(l)
                        && !matches!(
                            l,
                            "that" | "who" | "which" | "he" | "she" | "it" | "they" | "we" | "i"
                        )
                })
        })
}

/// The speaker right after an inverted cue ("said Brian Baker, …", "said one source."),
/// when the sentence ends there, or an apposition or a short circumstance follows ("said
/// the company in a statement"). After a quote, whose words are all its content, a
/// relative clause may follow too ("said an official who was not authorized to speak");
/// after reported content it may be the content's own ("Corey Lewandowski, said the staff
/// member who succeeded him … should be terminated").
fn speaker_after(cx: &mut Context, range: Range<usize>, after_quote: bool) -> Option<Found> {
    let text = cx.text;
    let lead = text[range.clone()].len() - text[range.clone()].trim_start().len();
    let start = range.start + lead;
    let ends_there = |span: &Range<usize>| {
        let rest = text[span.end..range.end].trim_start();
        // A circumstance ends the sentence within a few words; a longer stretch after a
        // preposition is the clause of a verb, not a speaker's ("noted the rule in the
        // interview last week").
        let circumstance = || {
            matches!(rest.split(' ').next(), Some("in" | "on" | "at" | "during" | "to" | "from"))
                && !text::has_words(rest, 5)
        };
        rest.is_empty()
            || rest.starts_with([',', '.', ';'])
            || (after_quote && rest.starts_with("who "))
            || circumstance()
    };
    let named = cx.actors.mentions_in(range.clone()).next().filter(|m| m.start == start).copied();
    match named {
        Some(m) => {
            ends_there(&(m.start..m.end)).then_some((m.actor, m.start..m.end, Rule::SubjectName))
        }
        None => {
            // Only a source that ends the clause becomes an actor.
            let (name, span) = unnamed_source(text, start..range.end, SourceAt::Start)
                .filter(|(_, span)| ends_there(span))?;
            Some(speaking_group(cx, &name, span, Rule::SubjectUnnamed))
        }
    }
}

/// The record right before an evidence verb, as a source: "Polls show", "Video shows".
fn bare_source(cx: &mut Context, range: Range<usize>) -> Option<Found> {
    let head = cx.text[range.clone()].trim_end();
    let noun = text::after_last_space(head);
    let start = range.start + head.len() - noun.len();
    let span = start..start + noun.len();
    let noun = noun.to_lowercase();
    lexicon::is_record_noun(&noun).then(|| speaking_group(cx, &noun, span, Rule::SubjectRecord))
}

/// An unnamed group as the speaker at `span`, added to the actors under `name`, as `rule`
/// read it.
fn speaking_group(cx: &mut Context, name: &str, span: Range<usize>, rule: Rule) -> Found {
    (cx.actors.group(name, span.clone(), rule), span, rule)
}

/// Who speaks by a participle that ends `range`: the subject of a finite speech verb
/// of the main clause before it ("Hollande said Tuesday, noting …", "Trump’s “excesses”
/// are sickening, Hollande said, adding …"), or else the subject of the clause. A
/// relative clause's verb has its own subject ("an architect who said he was stiffed …,
/// saying …" is not the architect's).
fn participle_subject(cx: &mut Context, range: Range<usize>) -> Option<Found> {
    let words = cx.words.within(range.clone());
    let relative = |k: usize| k > 0 && matches!(words[k - 1].text(), "who" | "which" | "that");
    let finite = (0..words.len())
        .rev()
        .find(|&k| is_cue(&words[k]) && !is_participle(words[k].text()) && !relative(k))
        .map(|k| words[k]);
    finite
        .and_then(|v| subject_before(cx, range.start..v.start, range.start))
        .or_else(|| clause_subject(cx, range))
}

/// The named or pronoun subject of the clause `range` holds: at its start, or after an
/// opening phrase ("In his speech, Obama praised her and said").
fn named_clause_subject(cx: &mut Context, range: Range<usize>) -> Option<Found> {
    subject_at(cx, range.clone()).or_else(|| {
        let comma = cx.text[range.clone()].find(", ")?;
        subject_at(cx, range.start + comma + 2..range.end)
    })
}

/// The subject of the clause `range` holds: named, or else an unnamed one.
fn clause_subject(cx: &mut Context, range: Range<usize>) -> Option<Found> {
    named_clause_subject(cx, range.clone()).or_else(|| {
        // An unnamed subject before the clause's first verb: "The departments declined
        // to give details, saying".
        let text = cx.text;
        let verb = cx.words.within(range.clone()).iter().find(|w| {
            let w = w.text();
            lexicon::is_auxiliary(w)
                || lexicon::is_be(w)
                || lexicon::is_irregular_past(w)
                || (w.len() > 4 && w.ends_with("ed"))
        })?;
        let (name, span) = unnamed_source(text, range.start..verb.start, SourceAt::Subject)?;
        Some(speaking_group(cx, &name, span, Rule::SubjectUnnamed))
    })
}

/// The subject that opens `range`: a pronoun, or a name after at most "the" and titles.
fn subject_at(cx: &mut Context, range: Range<usize>) -> Option<Found> {
    let head = &cx.text[range.clone()];
    let first = head.split_whitespace().next()?;
    let first_start = range.start + (head.len() - head.trim_start().len());
    if lexicon::is_speaker_pronoun(first) {
        let span = first_start..first_start + first.len();
        return resolve_pronoun(cx, span, is_singular(first))
            .map(|(a, s)| (a, s, Rule::SubjectPronoun));
    }
    let mut mentions = cx.actors.mentions_in(range);
    let m = mentions.next()?;
    // Only "the" or titles may stand before it: "Mrs. Clinton", "Sen. Tim Kaine".
    let lead = cx.text[first_start..m.start].trim();
    // A capitalised preposition or conjunction opening the sentence is no title: "With
    // Democratic leaders worried, President Obama is …".
    let title = |w: &str| {
        text::is_capitalised(w)
            && !lexicon::is_sentence_adverb(w)
            && !lexicon::with_lowercase(w, |l| is_preposition(l) || opens_clause(l))
    };
    let titles =
        !text::has_words(lead, 3) && lead.split_whitespace().all(|w| w == "the" || title(w));
    if !titles {
        return None;
    }
    // "Hillary Clinton’s campaign manager Robby Mook": the owner's person speaks.
    let owned = mentions.next().filter(|next| {
        let gap = cx.text.get(m.end..next.start).unwrap_or_default();
        let role = ["’s ", "'s "].iter().find_map(|s| gap.strip_prefix(s));
        role.is_some_and(|r| !r.contains([',', ';']) && !text::has_words(r, 4))
    });
    let m = owned.unwrap_or(m);
    Some((m.actor, m.start..m.end, Rule::SubjectClause))
}

/// Whether a participle cue ending `before` reports its clause's subject: after a comma
/// ("Trump defended it, saying …") or a preposition ("began by saying …").
fn participle_reports(text: &str, before: Range<usize>) -> bool {
    let head = text[before].trim_end();
    head.ends_with(',')
        || matches!(
            text::after_last_space(head),
            "by" | "for" | "from" | "after" | "and" | "while" | "After" | "While"
        )
}

/// Where a described source stands in the range searched for it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SourceAt {
    /// Ending it, opening its clause: a subject before its verb ("The bank said").
    Subject,
    /// Ending it, anywhere: the antecedent of "who" ("an architect who said").
    Antecedent,
    /// Starting it: after "according to" or an inverted cue ("said one source").
    Start,
}

/// A source described but not named, as a determiner and up to five nouns: "a source",
/// "one West Virginia official", "the ad’s narrator". Returns the description without
/// its determiner, and the phrase's span.
fn unnamed_source(text: &str, range: Range<usize>, at: SourceAt) -> Option<(String, Range<usize>)> {
    // "Connecticut’s tax commissioner": a possessive name determines the phrase too.
    let is_determiner = |w: &str| {
        is_determiner_word(w)
            || (text::is_capitalised(w) && text::without_apostrophe_s(w).is_some())
    };
    let slice = &text[range.clone()];
    // Only the words at the end of the range (at its start, for a source that starts it)
    // can change the answer, and a range may be a long sentence. A phrase ending the range
    // is at most ten words long, and its head reaches at most five words further back
    // (after a preposition), so the last sixteen words decide; a phrase starting it ends
    // by the sixth word, tested with the seventh.
    let mut words: Vec<(usize, &str)> = Vec::with_capacity(16);
    match at {
        SourceAt::Start => words.extend(text::pieces_with_offsets(slice).take(7)),
        SourceAt::Subject | SourceAt::Antecedent => {
            words.extend(text::pieces_with_offsets(slice).rev().take(16));
            words.reverse();
        }
    }
    // A word that can stand in a noun phrase: no verb, pronoun or function word.
    // An abbreviation keeps its periods ("a U.S. official").
    let abbreviation = |w: &str| w.contains('.') && lexicon::keeps_period(w);
    let nounish = |w: &str| {
        (w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '’' | '\'')) || abbreviation(w))
            && lexicon::with_lowercase(w, |l| {
                !lexicon::is_auxiliary(l)
                    && !lexicon::is_be(l)
                    && !matches!(
                        l,
                        "be" | "to"
                            | "of"
                            | "for"
                            | "in"
                            | "on"
                            | "at"
                            | "by"
                            | "with"
                            | "that"
                            | "which"
                            | "who"
                            | "and"
                            | "or"
                            | "but"
                            | "can"
                            | "could"
                            | "it"
                            | "this"
                            | "he"
                            | "she"
                            | "they"
                            | "we"
                            | "i"
                            | "you"
                            | "from"
                            | "as"
                            | "than"
                            | "about"
                            | "into"
                            | "after"
                            | "before"
                            | "whose"
                            | "whom"
                            | "where"
                            | "when"
                            | "if"
                            | "so"
                    )
            })
    };
    let phrase: &[(usize, &str)] = if at != SourceAt::Start {
        let mut d = words.iter().rposition(|(_, w)| is_determiner(w))?;
        // "a spokesman for the company": the phrase takes in what qualifies its head, but not
        // a clause before it ("the question came from a child", "it was from a child").
        let plain_noun = |w: &str| nounish(w) && !is_verb_like(w);
        while d >= 2 && is_preposition(words[d - 1].1) {
            let heads =
                |e: usize| d - 1 - e <= 4 && words[e + 1..d - 1].iter().all(|(_, w)| plain_noun(w));
            match words[..d - 1].iter().rposition(|(_, w)| is_determiner(w)).filter(|&e| heads(e)) {
                Some(e) => d = e,
                None => break,
            }
        }
        // "Ivana Trump’s brief": the whole name owns the phrase.
        let name_before = d > 0
            && text::is_capitalised(words[d - 1].1)
            && !words[d - 1].1.ends_with(',')
            && !lexicon::is_sentence_adverb(words[d - 1].1);
        let d = if name_before && words[d].1.ends_with('s') && !is_determiner_word(words[d].1) {
            d - 1
        } else {
            d
        };
        let phrase = &words[d..];
        // A conjunction before the phrase opens its clause too: "But her campaign said",
        // "shortly after the agency said".
        let starts_clause = d == 0
            || words[d - 1].1.ends_with(',')
            || at == SourceAt::Antecedent
            || opens_clause(words[d - 1].1);
        (starts_clause && (2..=10).contains(&phrase.len())).then_some(phrase)?
    } else {
        words.first().filter(|(_, w)| is_determiner(w))?;
        let nouns = words[1..]
            .iter()
            .take(4)
            .take_while(|(_, w)| nounish(w.trim_end_matches([',', '.', ';'])))
            .count();
        // The phrase ends at the first punctuation.
        let n = words[1..=nouns]
            .iter()
            .position(|(_, w)| w.ends_with([',', '.', ';']))
            .map_or(nouns, |p| p + 1);
        // A phrase cut short ("the ethnic vote in several battleground states") is no source.
        let ends_phrase = words[n].1.ends_with([',', '.', ';'])
            || words.get(n + 1).is_none_or(|(_, w)| !nounish(w.trim_end_matches([',', '.', ';'])));
        (n >= 1 && ends_phrase).then(|| &words[..=n])?
    };
    let (last_at, last) = *phrase.last()?;
    let last = last.trim_end_matches([',', '.', ';']);
    let nouns = &phrase[1..];
    let verb_like = is_verb_like(last);
    let closed_class = is_determiner_word(last)
        || is_preposition(last)
        || matches!(last, "all" | "both" | "each" | "other" | "such");
    let plain_end =
        last.len() >= 3 && last.chars().all(char::is_lowercase) && !verb_like && !closed_class;
    let inner_punctuation = nouns[..nouns.len() - 1]
        .iter()
        .any(|(_, w)| w.ends_with([',', ';']) || (w.ends_with('.') && !abbreviation(w)));
    let qualifier =
        |k: usize, w: &str| k + 1 < nouns.len() && (is_preposition(w) || is_determiner_word(w));
    let all_nounish = nouns
        .iter()
        .enumerate()
        .all(|(k, (_, w))| nounish(w.trim_end_matches([',', '.', ';'])) || qualifier(k, w));
    if !plain_end || inner_punctuation || !all_nounish {
        return None;
    }
    let start = range.start + phrase[0].0;
    let end = range.start + last_at + last.len();
    let name_start = if is_determiner_word(phrase[0].1) { range.start + nouns[0].0 } else { start };
    Some((text[name_start..end].to_string(), start..end))
}

/// Whether `word` reads as a verb or an adverb rather than a noun: "-ly", "-ed", "-ing", "came".
fn is_verb_like(word: &str) -> bool {
    word.ends_with("ly")
        || word.ends_with("ed")
        || word.ends_with("ing")
        || lexicon::is_irregular_past(word)
}

/// A word that opens an unnamed source's noun phrase: "a", "the", "several", "their".
fn is_determiner_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "one"
            | "another"
            | "several"
            | "some"
            | "many"
            | "two"
            | "three"
            | "his"
            | "her"
            | "their"
            | "its"
            | "A"
            | "An"
            | "The"
            | "One"
            | "Another"
            | "Several"
            | "Some"
            | "Many"
            | "Two"
            | "Three"
            | "His"
            | "Her"
            | "Their"
            | "Its"
    )
}

/// A conjunction that opens a clause, whose subject may follow it.
fn opens_clause(word: &str) -> bool {
    lexicon::with_lowercase(word, |w| {
        matches!(
            w,
            "and"
                | "but"
                | "yet"
                | "so"
                | "after"
                | "because"
                | "while"
                | "although"
                | "though"
                | "when"
                | "since"
                | "until"
                | "before"
                | "whereas"
                | "as"
                | "if"
        )
    })
}

fn is_preposition(word: &str) -> bool {
    matches!(word, "of" | "for" | "with" | "at" | "from" | "in")
}

/// A reporting verb of a sentence, once its speaker is known, as the content rules see it.
struct Verb<'a> {
    sentence: Range<usize>,
    words: &'a [Word<'a>],
    /// The verb is `words[k]`.
    k: usize,
    how: lexicon::Reporting,
    participle: bool,
    /// The words that name the speaker; empty at the verb when there are none.
    span: Range<usize>,
}

impl Verb<'_> {
    fn word(&self) -> &Word<'_> {
        &self.words[self.k]
    }
}

/// What a content rule found: the reported words, where the attribution's frame ends
/// (it starts at the speaker), the cue's lean and the rule that found it.
struct Content {
    span: Range<usize>,
    frame: Range<usize>,
    lean: CueLean,
    rule: Rule,
}

/// A rule that finds what a reporting verb reports: `None` when it does not apply and the
/// next is asked; `Some(None)` when it decides that the verb reports nothing.
type ContentRule = fn(&Context, &Verb, Rule) -> Option<Option<Content>>;

/// The ways a reporting verb's content is found, once its speaker is, in the order they
/// are tried: the first that applies decides.
const CONTENT_RULES: [(Rule, ContentRule); 4] = [
    (Rule::ReportedClaimsObject, claims_object),
    (Rule::ReportedSetOff, set_off_closing),
    (Rule::ReportedInterrupting, set_off_interrupting),
    (Rule::ReportedThat, content_clause),
];

/// A report: its content, its attribution and the rule that found it.
type Report = (Range<usize>, Attribution, Rule);

/// A rule that finds reports in a sentence by a phrase of its own rather than a verb.
type SentenceRule = fn(
    &mut Context,
    &[Word],
    Range<usize>,
    &dyn Fn(usize) -> bool,
) -> Vec<(Range<usize>, Attribution)>;

/// The reports a sentence holds without a reporting verb, in the order they are sought.
const SENTENCE_RULES: [(Rule, SentenceRule); 3] = [
    (Rule::ReportedAccordingTo, |cx, words, sentence, _| {
        according_to(cx, words, sentence).into_iter().collect()
    }),
    (Rule::ReportedHeadline, |cx, _, sentence, _| {
        headline_colon(cx, sentence).into_iter().collect()
    }),
    (Rule::ReportedClaim, |cx, words, _, inside_quote| possessed_claims(cx, words, inside_quote)),
];

/// Reported speech: `X said (that) …`, `…, X said.` and `according to X, …`.
fn reported(cx: &mut Context, quoted: &[Range<usize>]) -> Vec<QuoteFinding> {
    let text = cx.text;
    let mut out = Vec::new();
    let sentences = cx.sentences.to_vec();
    for sentence in sentences {
        let words = cx.words.within(sentence.clone());
        let inside_quote = |at: usize| enclosing(quoted, at).is_some();
        let mut found: Vec<Report> = Vec::new();
        for k in 0..words.len() {
            if let Some(report) = report_of_verb(cx, words, k, sentence.clone(), &inside_quote) {
                found.push(report);
            }
        }
        for (rule, find) in SENTENCE_RULES {
            let reports = find(cx, words, sentence.clone(), &inside_quote);
            found.extend(reports.into_iter().map(|(content, a)| (content, a, rule)));
        }
        found.sort_by_key(|(_, a, _)| a.frame.start);
        // A content clause ends where the next report's speaker begins (", and the US has insisted").
        for i in 0..found.len() {
            if let Some(next) = found.get(i + 1).map(|(_, a, _)| a.frame.start) {
                let (content, _, _) = &mut found[i];
                if content.start < next && next < content.end {
                    let cut = text[content.start..next].trim_end();
                    let cut = cut.strip_suffix(" the").unwrap_or(cut).trim_end_matches([' ', ',']);
                    let cut = cut
                        .strip_suffix(" and")
                        .or_else(|| cut.strip_suffix(" but"))
                        .unwrap_or(cut);
                    content.end = content.start + cut.trim_end_matches([' ', ',']).len();
                }
            }
        }
        for (content, a, rule) in found {
            let (stance, stance_rule) = stance_of(&text[content.clone()], a.lean);
            out.push(QuoteFinding {
                stance,
                span: content,
                kind: QuoteKind::Indirect,
                speaker: a.speaker,
                speaker_span: a.speaker_span,
                speaker_rule: a.speaker.map(|_| a.rule),
                subject_rule: a.speaker.and(a.subject),
                cue: Some(a.cue),
                rejects: None,
                attribution: a.frame,
                rule,
                stance_rule,
            });
        }
    }
    out
}

/// The report of the verb `words[k]`, if it is a reporting verb that reports here.
fn report_of_verb(
    cx: &mut Context,
    words: &[Word],
    k: usize,
    sentence: Range<usize>,
    inside_quote: &dyn Fn(usize) -> bool,
) -> Option<Report> {
    let text = cx.text;
    let w = &words[k];
    // "A new poll shows that …", "one study found …": evidence is reported too, and
    // so are stated aims and beliefs ("Clinton wants to triple the program").
    let how = lexicon::reporting_packed(w.text(), || {
        lexicon::Key::exact_in(text.as_bytes(), w.start, w.text().len())
    });
    let evidence = how.evidence;
    let to_follows = || words.get(k + 1).is_some_and(|n| n.text() == "to");
    let stance_verb = how.belief || (how.intention && to_follows());
    if !(evidence || stance_verb || how.speech.is_some())
        || how.quoted_only
        || inside_quote(w.start)
    {
        return None;
    }
    if (k > 0 && is_noun_here(w.text(), words[k - 1].text()))
        || is_passive(words, k)
        || (how.object && in_relative_clause(words, k))
    {
        return None;
    }
    // "…, said Brian Baker, a political adviser." and "…, said one GOP source.": the
    // speaker after the verb, the content before the comma.
    // A participle never inverts: after "…, citing his anger" comes its object.
    let participle = is_participle(w.text());
    let before_cue = text[sentence.start..w.start].trim_end();
    if let Some(content) =
        before_cue.strip_suffix(',').filter(|c| !participle && !c.trim().is_empty())
    {
        if let Some((speaker, span, subject)) = speaker_after(cx, w.end..sentence.end, false) {
            let content = trim_content(text, sentence.start..sentence.start + content.len());
            let reports =
                text::has_words(&text[content.clone()], 3) && !inside_quote(content.start);
            return reports.then(|| {
                let attribution = Attribution {
                    speaker: Some(speaker),
                    speaker_span: Some(span.clone()),
                    cue: w.start..w.end,
                    lean: lean_of(w),
                    frame: w.start..span.end,
                    rule: Rule::SpeakerReportAfterVerb,
                    subject: Some(subject),
                };
                (content, attribution, Rule::ReportedInverted)
            });
        }
    }
    // "Trump defended his tweets, saying they showed …": a participle after a comma
    // reports what the clause's subject said.
    let (subject, speaker_rule) = if participle {
        if !participle_reports(text, sentence.start..w.start) {
            return None;
        }
        (participle_subject(cx, sentence.start..w.start), Rule::SpeakerReportParticiple)
    } else {
        let subject = subject_before(cx, sentence.start..w.start, sentence.start)
            .or_else(|| evidence.then(|| bare_source(cx, sentence.start..w.start)).flatten());
        (subject, Rule::SpeakerReportSubject)
    };
    // Evidence whose source is no simple phrase ("a 2014 study by Harvard and the
    // University of California found") is reported without a speaker.
    let (speaker, span) = match subject {
        Some((speaker, span, subject)) => (Some((speaker, subject)), span),
        None if evidence => (None, w.start..w.start),
        None => return None,
    };
    let verb = Verb { sentence, words, k, how, participle, span };
    let content = CONTENT_RULES.iter().find_map(|&(rule, find)| find(cx, &verb, rule))??;
    // The claims a denial names are one word; any other content is a clause, or the
    // object of a verb of judging, outside the quotes.
    let span = trim_content(text, content.span);
    let too_short = !text::has_words(&text[span.clone()], if how.object { 1 } else { 3 });
    let quoted = inside_quote(span.start) && inside_quote(span.end.saturating_sub(1));
    if content.rule != Rule::ReportedClaimsObject && (too_short || quoted) {
        return None;
    }
    Some((
        span,
        Attribution {
            speaker: speaker.map(|(s, _)| s),
            speaker_span: speaker.map(|_| verb.span.clone()),
            cue: w.start..w.end,
            lean: content.lean,
            frame: content.frame,
            rule: speaker_rule,
            subject: speaker.map(|(_, subject)| subject),
        },
        content.rule,
    ))
}

/// `quote.reported.claims-object`: "…, Moscow said, claims the Pentagon denied": the
/// object of the denial is the claims just reported.
fn claims_object(cx: &Context, v: &Verb, rule: Rule) -> Option<Option<Content>> {
    let before_speaker = cx.text[v.sentence.start..v.span.start].trim_end();
    let before_speaker = before_speaker.strip_suffix(" the").unwrap_or(before_speaker);
    let head = before_speaker.strip_suffix("claims").filter(|h| h.ends_with([' ', ',']))?;
    let at = v.sentence.start + head.len();
    let w = v.word();
    Some(Some(Content {
        span: at..at + "claims".len(),
        frame: at..w.end,
        lean: CueLean::Denial,
        rule,
    }))
}

/// Where the noun phrase of the verb's speaker starts, and whether a comma sets it off
/// from what comes before.
fn set_off(cx: &Context, v: &Verb) -> (usize, bool) {
    let np_start = noun_phrase_start(cx.text, v.sentence.start, v.span.start);
    (np_start, cx.text[v.sentence.start..np_start].trim_end().ends_with(','))
}

/// `quote.reported.set-off`: an attribution set off by commas that closes the sentence,
/// perhaps with when or where it was said: "…, Moscow said.", "…, officials said
/// Thursday.": the content is what came before.
fn set_off_closing(cx: &Context, v: &Verb, rule: Rule) -> Option<Option<Content>> {
    let (np_start, set_off) = set_off(cx, v);
    let w = v.word();
    let tail = cx.text[w.end..v.sentence.end].trim_start();
    let closes = tail.is_empty()
        || tail.starts_with(['.', ';', '!', '?'])
        || (set_off && only_circumstance_follows(cx, w, &v.words[v.k + 1..], v.sentence.end));
    if !(set_off && closes) {
        return None;
    }
    let before = cx.text[v.sentence.start..np_start].trim_end();
    let span = v.sentence.start..v.sentence.start + before.len() - 1;
    Some(Some(Content { span, frame: v.span.start..w.end, lean: lean_of(w), rule }))
}

/// `quote.reported.interrupting`: an attribution set off by commas inside its sentence:
/// "Acts of protest, Mr. Obama said, are …": the content is the whole sentence around it.
fn set_off_interrupting(cx: &Context, v: &Verb, rule: Rule) -> Option<Option<Content>> {
    let (_, set_off) = set_off(cx, v);
    let w = v.word();
    let tail = cx.text[w.end..v.sentence.end].trim_start();
    let interrupts = tail.starts_with(',') && !tail[1..].trim_start().starts_with(['“', '"', '\'']);
    (set_off && interrupts).then(|| {
        Some(Content {
            span: v.sentence.clone(),
            frame: v.span.start..w.end,
            lean: lean_of(w),
            rule,
        })
    })
}

/// The rule of a content clause, by its verb: evidence, a judgement of an object, a
/// belief or aim, or speech.
fn clause_rule(v: &Verb) -> Rule {
    let to_follows = v.words.get(v.k + 1).is_some_and(|n| n.text() == "to");
    if v.how.evidence {
        Rule::ReportedEvidence
    } else if v.how.object {
        Rule::ReportedObject
    } else if v.how.speech.is_none() && (v.how.belief || (v.how.intention && to_follows)) {
        Rule::ReportedBelief
    } else {
        Rule::ReportedThat
    }
}

/// `quote.reported.content-clause` (and its kinds `evidence`, `belief` and `judged`): the
/// clause after the verb, past "that", a time phrase, the listener of "told" and a place
/// ("said in a statement that …"); or the object of a verb of judging.
fn content_clause(cx: &Context, v: &Verb, _: Rule) -> Option<Option<Content>> {
    let text = cx.text;
    let (words, k, w, sentence) = (v.words, v.k, v.word(), &v.sentence);
    let mut frame_end = w.end;
    // Skip "that", a time phrase, "for" and "hope" before the content clause, and
    // the listener of "told reporters on Sunday that …".
    let mut start = w.end;
    let mut k2 = k + 1;
    if lexicon::takes_listener(w.text()) {
        let listener_then_that = words[k + 1..words.len().min(k + 8)]
            .iter()
            .take_while(|n| !text[w.end..n.start].contains([',', ';', '“', '"']))
            .position(|n| n.text() == "that");
        if let Some(p) = listener_then_that {
            k2 = k + 1 + p;
            frame_end = words[k2 - 1].end;
        } else if let Some(n) = listener_before_clause(text, &words[k + 1..]) {
            // "told him he had never been a citizen", "told POLITICO she was leaning".
            k2 = k + 1 + n;
            frame_end = words[k2 - 1].end;
            start = frame_end;
        }
    }
    while let Some(n) = words.get(k2) {
        let t = n.text();
        let in_timex = cx.in_time_expression(n);
        let timex_opener = matches!(t, "on" | "in" | "last" | "this")
            && words.get(k2 + 1).is_some_and(|m| cx.in_time_expression(m));
        if in_timex || timex_opener {
            frame_end = n.end;
        }
        if t == "that" || in_timex || timex_opener || matches!(t, "for" | "hope" | "also") {
            start = n.end;
            k2 += 1;
            if t == "that" {
                break;
            }
        } else {
            break;
        }
    }
    // "said on Monday, in his first briefing": no content clause follows; but
    // "said that, if elected, he would" has one.
    let after_that =
        words.get(k2.wrapping_sub(1)).is_some_and(|n| n.end == start && n.text() == "that");
    if !after_that && v.how.that_only {
        return Some(None);
    }
    // "As the Times noted, Clinton raised …": the clause after the comma is what
    // was noted.
    let as_noted = || {
        let opening = text[sentence.start..v.span.start].trim();
        let opening = opening
            .split_once(' ')
            .filter(|(first, _)| opens_clause(first))
            .map_or(opening, |(_, rest)| rest.trim_start());
        opening.eq_ignore_ascii_case("as")
    };
    if text[start..sentence.end].starts_with(',') && !after_that && !as_noted() {
        return Some(None);
    }
    // "“…,” Trump told NBC’s “Today” on Monday.": the verb attributes the quote
    // before it, and what follows says only to whom or where.
    let before_speaker = text[sentence.start..v.span.start].trim_end();
    if !v.participle
        && !after_that
        && (before_speaker.ends_with(['”', '"']) || before_speaker.ends_with("''"))
    {
        return Some(None);
    }
    let mut rest = text[start..sentence.end].trim_start_matches([' ', ':', ',']);
    if rest.starts_with(['“', '"']) || rest.starts_with("''") || rest.is_empty() {
        return Some(None);
    }
    // "chanted back at him, “Send them home.”", "told the crowd in Iowa, “…”": a
    // few words, a comma and a quote: the verb introduces the quote.
    let introduces_quote = || {
        let mut previous = "";
        for word in rest.split_whitespace().take(6) {
            if word.starts_with(['“', '"']) {
                return previous.ends_with(',');
            }
            previous = word;
        }
        false
    };
    if !after_that && introduces_quote() {
        return Some(None);
    }
    // "said in an interview." says where, not what; "said in a statement that
    // …" has its content after "that", and so has "said that in 2012 it paid".
    let first = rest.split_whitespace().next().unwrap_or("");
    // "wrote on his blog.", "said on Twitter.": where, in a short phrase ending the
    // sentence.
    if !after_that && first == "on" && !text::has_words(rest, 5) && !rest.contains([',', ';']) {
        return Some(None);
    }
    if !after_that
        && matches!(first, "in" | "at" | "during" | "after" | "before" | "as" | "while" | "when")
    {
        let phrase_end = rest.find([';', '“', '"']).unwrap_or(rest.len());
        let that = [" that ", ", that "]
            .iter()
            .filter_map(|t| rest[..phrase_end].find(t).map(|at| (at, t.len())))
            .min();
        match that.filter(|&(at, _)| !text::has_words(&rest[..at], 11)) {
            Some((at, width)) => rest = rest[at + width..].trim_start(),
            None => return Some(None),
        }
    }
    let begin = sentence.end - rest.len();
    let len = if v.how.object { object_len(cx, begin, rest) } else { content_clause_len(rest) };
    Some(Some(Content {
        span: begin..begin + len,
        frame: v.span.start..frame_end,
        lean: lean_of(w),
        rule: clause_rule(v),
    }))
}

/// How many of `after` (the words after a verb such as "told") name its listener, where a
/// clause with no "that" follows: "him", "reporters", "The Associated Press". The clause
/// must open with a subject: a pronoun, a determiner or a name.
fn listener_before_clause(text: &str, after: &[Word]) -> Option<usize> {
    let length = listener_length(after);
    let next = after.get(length).filter(|_| length > 0)?;
    let between = &text[after[length - 1].end..next.start];
    let subject = matches!(
        next.text(),
        "he" | "she"
            | "they"
            | "it"
            | "we"
            | "I"
            | "there"
            | "the"
            | "his"
            | "her"
            | "their"
            | "its"
            | "a"
            | "an"
    ) || text::is_capitalised(next.text());
    (subject && between.trim().is_empty()).then_some(length)
}

/// How many of `words` name a listener: "him", "reporters", or up to four capitalised words.
fn listener_length(words: &[Word]) -> usize {
    match words.first().map(super::text::Word::text) {
        Some("him" | "them" | "me" | "us" | "reporters" | "journalists") => 1,
        _ => words.iter().take(4).take_while(|w| text::is_capitalised(w.text())).count(),
    }
}

/// Whether a cue that is also a noun ("report", "claims", "state") is one after `before`:
/// a determiner ("their state senator", "the claims") or a word that makes a compound
/// with it ("a news report", "the latest estimates").
fn is_noun_here(cue: &str, before: &str) -> bool {
    let doubles_as_noun = matches!(
        cue,
        "report"
            | "reports"
            | "claim"
            | "claims"
            | "state"
            | "states"
            | "comment"
            | "comments"
            | "estimate"
            | "estimates"
            | "note"
            | "notes"
            | "answer"
            | "answers"
            | "reply"
            | "replies"
            | "promise"
            | "promises"
            | "charge"
            | "charges"
            | "argument"
            | "warning"
            | "warnings"
            | "statement"
            | "statements"
            | "show"
            | "shows"
            | "finding"
            | "findings"
    );
    // A modifier in lower case only: "the Associated Press reports" is a name's verb.
    let modifier = matches!(
        before,
        "news"
            | "police"
            | "media"
            | "press"
            | "court"
            | "intelligence"
            | "new"
            | "latest"
            | "recent"
            | "annual"
            | "final"
            | "initial"
            | "draft"
            | "internal"
            | "special"
            | "official"
            | "earlier"
            | "previous"
            | "same"
            | "first"
            | "second"
    );
    let determiner = is_determiner_word(before)
        || lexicon::with_lowercase(before, |b| {
            matches!(b, "this" | "these" | "those" | "our" | "my" | "your" | "each" | "every")
        });
    // "Mr. Hannity's show", "the company’s report".
    let possessive = text::without_apostrophe_s(before).is_some();
    doubles_as_noun && (modifier || determiner || possessive)
}

/// Whether the cue `words[k]` is a passive participle, after a form of "be" or before its
/// agent, whose subject is spoken to or about, not speaking: "has been called a
/// charlatan", "was asked, “…”", "measures added by Republicans". Hearsay is no passive:
/// "Priebus was said to be “furious”", "Obama is reported to have called the Saudis “free
/// riders”" report the subject's words.
fn is_passive(words: &[Word], k: usize) -> bool {
    let (Some(before), cue) = (k.checked_sub(1).map(|b| words[b].text()), words[k].text()) else {
        return false;
    };
    let hearsay =
        matches!(cue, "said" | "reported") && words.get(k + 1).is_some_and(|n| n.text() == "to");
    // A participle before its agent is passive too: "measures added by Republicans".
    // "responded by first saying" is active: an agent is a name or a noun phrase.
    let agent = |n: &Word| text::is_capitalised(n.text()) || is_determiner_word(n.text());
    let agent_follows = cue.ends_with("ed")
        && words.get(k + 1).is_some_and(|n| n.text() == "by")
        && words.get(k + 2).is_some_and(agent);
    agent_follows
        || (!is_participle(cue)
            && !hearsay
            && (lexicon::is_be(before) || matches!(before, "be" | "been" | "being")))
}

/// Whether the verb `words[k]` is a relative clause's, after "who" and perhaps
/// auxiliaries: "McCaskill, who has endorsed Clinton, said …" describes the speaker, and
/// what she said comes after.
fn in_relative_clause(words: &[Word], k: usize) -> bool {
    let before = words[..k].iter().rev().find(|w| !lexicon::is_auxiliary(w.text()));
    before.is_some_and(|w| matches!(w.text(), "who" | "which"))
}

/// Whether the words after a cue verb, to the end of its sentence, say only when, where
/// or to whom it was said, so that the attribution still closes the sentence: "…, officials
/// said Thursday.", "…, he said at a rally in Iowa.", "…, she told reporters on Monday."
fn only_circumstance_follows(
    cx: &Context,
    verb: &Word,
    after: &[Word],
    sentence_end: usize,
) -> bool {
    let Some(&last) = after.last() else { return false };
    // "told reporters", "told CNN on Friday": the listener, then perhaps a circumstance.
    let listener = if lexicon::takes_listener(verb.text()) { listener_length(after) } else { 0 };
    let opens = match after.get(listener) {
        None => listener > 0,
        Some(first) => {
            cx.in_time_expression(first)
                || matches!(
                    first.text(),
                    "on" | "in"
                        | "at"
                        | "during"
                        | "to"
                        | "with"
                        | "after"
                        | "before"
                        | "from"
                        | "via"
                        | "late"
                        | "early"
                        | "earlier"
                        | "later"
                        | "last"
                        | "this"
                )
        }
    };
    // A short phrase with nothing of its own after it: no comma, quote mark or second clause.
    let stretch = &cx.text[verb.end..last.end];
    let ends = cx.text[last.end..sentence_end].trim();
    opens
        && after.len() <= 8
        && !stretch.contains([',', ';', ':', '“', '"', '”'])
        && (ends.is_empty() || matches!(ends, "." | "!" | "?"))
        && !after
            .iter()
            .any(|w| w.text() == "that" || lexicon::reporting(w.text()).speech.is_some())
}

/// Claims named by a noun with their owner: "Trump’s claim that there have been …",
/// "the senator's assertion that …". The owner is a named actor.
fn possessed_claims(
    cx: &mut Context,
    words: &[Word],
    inside_quote: &dyn Fn(usize) -> bool,
) -> Vec<(Range<usize>, Attribution)> {
    let text = cx.text;
    let mut out = Vec::new();
    // Most sentences hold no "that", and one search of the sentence says so, where a
    // comparison with each word would branch on each word's length.
    static THAT: text::Searchers = text::Searchers::new(&["that"]);
    let sentence = words
        .first()
        .zip(words.last())
        .and_then(|(first, last)| text.as_bytes().get(first.start..last.end));
    if sentence.is_none_or(|sentence| THAT.each().all(|(_, that)| that.find(sentence).is_none())) {
        return out;
    }
    for k in 1..words.len().saturating_sub(1) {
        let noun = words[k];
        // One comparison with "that" costs less than the list of nouns, so it goes first.
        if words[k + 1].text() != "that"
            || !lexicon::is_claim_noun(noun.text())
            || inside_quote(noun.start)
        {
            continue;
        }
        let owner = words[k - 1];
        let Some(stem) = text::without_apostrophe_s(owner.text()) else { continue };
        let stem_end = owner.start + stem.len();
        let Some(m) = cx
            .actors
            .mentions_in(owner.start.saturating_sub(64)..stem_end)
            .filter(|m| m.end == stem_end)
            .last()
            .copied()
        else {
            continue;
        };
        let sentence_end = enclosing(cx.sentences, noun.start).map_or(text.len(), |s| s.end);
        let rest = text[words[k + 1].end..sentence_end].trim_start();
        let begin = sentence_end - rest.len();
        let mut clause = &rest[..content_clause_len(rest)];
        // "Russia's claim that its warplanes flew … is “rubbish”": the claim ends where
        // the sentence's own short predicate begins.
        if let Some(at) =
            [" is ", " was ", " are ", " were "].iter().filter_map(|v| clause.rfind(v)).max()
        {
            if !text::has_words(&clause[at..], 6) {
                clause = &clause[..at];
            }
        }
        let content = trim_content(text, begin..begin + clause.len());
        if text::has_words(&text[content.clone()], 3) {
            let lean =
                if noun.text().starts_with("denial") { CueLean::Denial } else { CueLean::Claim };
            out.push((
                content,
                Attribution {
                    speaker: Some(m.actor),
                    speaker_span: Some(m.start..m.end),
                    cue: noun.start..noun.end,
                    lean,
                    frame: m.start..noun.end,
                    rule: Rule::SpeakerReportOwner,
                    subject: Some(Rule::SubjectName),
                },
            ));
        }
    }
    out
}

/// A paragraph that opens with its source and a colon, as headlines and transcripts do:
/// "Sanders: Clinton needs to change course", "PENCE: Well, look, …", "Poll: …".
fn headline_colon(cx: &mut Context, sentence: Range<usize>) -> Option<(Range<usize>, Attribution)> {
    let text = cx.text;
    if cx.paragraphs.binary_search_by_key(&sentence.start, |p| p.start).is_err() {
        return None;
    }
    // A colon is rare, so it is looked for byte-wise, and then the space after it.
    let line = &text.as_bytes()[sentence.clone()];
    let colon = memchr::memchr_iter(b':', line).find(|&at| line.get(at + 1) == Some(&b' '))?;
    let source = sentence.start..sentence.start + colon;
    let name = &text[source.clone()];
    let words = name.split_whitespace().count();
    if words == 0 || words > 4 || !name.split_whitespace().all(text::is_capitalised) {
        return None;
    }
    let named = cx
        .actors
        .mentions_in(source.clone())
        .next()
        .filter(|m| m.start == source.start && m.end == source.end)
        .copied();
    let (speaker, subject) = match named {
        Some(m) => (m.actor, Rule::SubjectName),
        // A transcript's speaker in capitals, or a poll or study.
        None if name.chars().all(|c| c.is_uppercase() || c == ' ')
            || matches!(name, "Poll" | "Survey" | "Study" | "Report") =>
        {
            (cx.actors.group(name, source.clone(), Rule::SubjectRecord), Rule::SubjectRecord)
        }
        None => return None,
    };
    let content = trim_content(text, source.end + 1..sentence.end);
    text::has_words(&text[content.clone()], 3).then(|| {
        let attribution = Attribution {
            speaker: Some(speaker),
            speaker_span: Some(source.clone()),
            cue: source.end..source.end + 1,
            lean: CueLean::Neutral,
            frame: source.start..source.end + 1,
            rule: Rule::SpeakerReportHeadline,
            subject: Some(subject),
        };
        (content, attribution)
    })
}

/// "According to X, …" and "…, according to X" (or "As reported by X, …"): the rest of the
/// sentence is X's report.
fn according_to(
    cx: &mut Context,
    words: &[Word],
    sentence: Range<usize>,
) -> Option<(Range<usize>, Attribution)> {
    let text = cx.text;
    // "As reported by X, …" sources what follows as "according to" does.
    // The rare word is asked first.
    let as_reported = |p: &[Word]| {
        p[1].text() == "reported" && p[0].text().eq_ignore_ascii_case("as") && p[2].text() == "by"
    };
    let k = words
        .windows(2)
        .position(|p| p[0].text().eq_ignore_ascii_case("according") && p[1].text() == "to")
        .or_else(|| words.windows(3).position(as_reported).map(|k| k + 1))?;
    let (cue_start, cue_end) = (words[k].start, words[k + 1].end);
    // The source: a pronoun, the first named actor within a few words, or an unnamed
    // group. "According to" marks a report even when its source is none of these
    // ("according to early results of the exit poll", "according to state law"): the
    // report is then kept without a speaker.
    // The source ends at the first comma ("According to Variety, CNN has …" is Variety's).
    let window_end = words.get(k + 6).map_or(sentence.end, |w| w.end);
    let window =
        cue_end..text[cue_end..window_end].find([',', ';']).map_or(window_end, |i| cue_end + i);
    // Not "according to her lawyer": the pronoun must be the whole source.
    let pronoun = words.get(k + 2).filter(|w| {
        let rest = text[w.end..sentence.end].trim_start();
        matches!(w.text(), "him" | "her" | "them")
            && (rest.is_empty() || rest.starts_with([',', '.', ';']))
    });
    let named = cx.actors.mentions_in(window).next().copied();
    let source = match (pronoun, named) {
        (Some(p), _) => resolve_pronoun(cx, p.start..p.end, p.text() != "them")
            .map(|(a, s)| (a, s, Rule::SubjectPronoun)),
        (None, Some(m)) => Some((m.actor, m.start..m.end, Rule::SubjectName)),
        (None, None) => match words[k + 2..]
            .iter()
            .take(4)
            .find(|w| lexicon::with_lowercase(w.text(), lexicon::is_group_noun))
        {
            Some(group) => Some(speaking_group(
                cx,
                &group.text().to_lowercase(),
                group.start..group.end,
                Rule::SubjectGroupNoun,
            )),
            None => unnamed_source(text, cue_end..sentence.end, SourceAt::Start)
                .map(|(name, span)| speaking_group(cx, &name, span, Rule::SubjectUnnamed)),
        },
    };
    let subject = source.as_ref().map(|(_, _, rule)| *rule);
    let (speaker, speaker_span) =
        source.map_or((None, None), |(actor, span, _)| (Some(actor), Some(span)));
    let source_from = speaker_span.as_ref().map_or(cue_end, |s| s.end);
    let source_end = text[source_from..sentence.end]
        .find([',', '.', ';'])
        .map_or(sentence.end, |i| source_from + i);
    // "But according to X, …", "In addition, according to X, …", "(According to X, …": a few
    // words before the cue open the sentence, and the content follows the source.
    let opening = text[sentence.start..cue_start].trim().trim_end_matches(',');
    let opens = opening.is_empty() || !text::has_words(opening, 3);
    let content = if opens {
        // "According to X, content."
        let after = text[source_end..sentence.end].trim_start_matches([',', ' ']);
        sentence.end - after.len()..sentence.end
    } else {
        // "content, according to X."
        let before = text[sentence.start..cue_start].trim_end().trim_end_matches(',');
        sentence.start..sentence.start + before.len()
    };
    let content = trim_content(text, content);
    text::has_words(&text[content.clone()], 3).then(|| {
        (
            content,
            Attribution {
                speaker,
                speaker_span,
                cue: cue_start..cue_end,
                lean: CueLean::Neutral,
                frame: cue_start..source_end.max(source_from),
                rule: Rule::SpeakerReportAccordingTo,
                subject,
            },
        )
    })
}

/// The width of the closing mark at the start of `rest`: two apostrophes, or one character.
fn closing_mark_width(rest: &str) -> usize {
    if rest.starts_with("''") {
        2
    } else {
        rest.chars().next().map_or(0, char::len_utf8)
    }
}

/// Where the noun phrase ending in the speaker mention at `speaker_start` begins:
/// back over up to four lower-case words ("top black lawmakers", "the company's").
fn noun_phrase_start(text: &str, floor: usize, speaker_start: usize) -> usize {
    let mut start = speaker_start;
    for _ in 0..4 {
        let before = text[floor..start].trim_end_matches(' ');
        let word_start = before.rfind(' ').map_or(0, |i| i + 1);
        let word = &before[word_start..];
        let lower_or_title = word.starts_with(char::is_lowercase)
            || lexicon::is_honorific(word)
            || lexicon::is_title(word);
        if word.is_empty() || !lower_or_title || word.ends_with(',') {
            break;
        }
        start = floor + word_start;
    }
    start
}

/// How much of `rest` the reported clause takes: it ends where the writer adds a clause
/// of their own ("…; they only learned", "…, but Mrs. Clinton").
fn content_clause_len(rest: &str) -> usize {
    static BREAKS: text::Searchers = text::Searchers::new(&["; ", ", but ", ", even ", ", while "]);
    // "said the plan would fail, adding that …": a participle of speech after a comma
    // reports a clause of its own.
    let participle = rest.match_indices(", ").map(|(at, _)| at).find(|&at| {
        let next = rest[at + 2..].split(' ').next().unwrap_or_default();
        is_participle(next) && lexicon::reporting(next).speech.is_some()
    });
    BREAKS
        .each()
        .filter_map(|(_, finder)| finder.find(rest.as_bytes()))
        .chain(participle)
        .filter(|&at| text::has_words(&rest[..at], 4))
        .min()
        .unwrap_or(rest.len())
}

/// How much of `rest` (starting at `begin`) is the object a judging verb reports: up to a
/// comma, a clause of its own or when it was said ("praised Mr. Clarke's work ~ but also
/// had to …", "endorsed Hillary Clinton ~ on Thursday, …").
fn object_len(cx: &Context, begin: usize, rest: &str) -> usize {
    static BREAKS: text::Searchers = text::Searchers::new(&[
        ",",
        ";",
        " but ",
        " during ",
        " while ",
        " because ",
        " when ",
        " after ",
        " before ",
    ]);
    // "praised Jane Doe and said …": a second verb of the subject ends the object.
    let second_verb = rest.match_indices(" and ").map(|(at, _)| at).find(|&at| {
        let next = rest[at + 5..].split(' ').next().unwrap_or_default();
        lexicon::reporting(next).speech.is_some() || lexicon::is_auxiliary(next)
    });
    let clause = BREAKS
        .each()
        .filter_map(|(_, finder)| finder.find(rest.as_bytes()))
        .chain(second_verb)
        .min()
        .unwrap_or(rest.len());
    let first_after = cx.timexes.partition_point(|t| t.start <= begin);
    let when = cx.timexes.get(first_after).filter(|t| t.start < begin + clause).map(|t| {
        let before = rest[..t.start - begin].trim_end();
        ["on", "in", "last", "this", "early", "late"]
            .iter()
            .find_map(|o| before.strip_suffix(o).filter(|b| b.ends_with(' ')))
            .unwrap_or(before)
            .len()
    });
    when.map_or(clause, |w| w.min(clause))
}

fn trim_content(text: &str, span: Range<usize>) -> Range<usize> {
    let s = &text[span.clone()];
    let trimmed = s.trim_end_matches(['.', ' ', ',', ';']);
    let start_trim = trimmed.len() - trimmed.trim_start().len();
    span.start + start_trim..span.start + trimmed.len()
}

/// Claim, denial or statement, from the cue's lean and the words of the content.
fn stance_of(content: &str, lean: CueLean) -> (Stance, Rule) {
    if lean == CueLean::Denial {
        return (Stance::Denial, Rule::StanceDenialCue);
    }
    // "has no", "were no", but not "no longer".
    let (mut has_no, mut no_longer) = (false, false);
    let mut previous = "";
    for w in text::apostrophe_words(content) {
        if lexicon::is_denial_word(w) {
            return (Stance::Denial, Rule::StanceDenialWords);
        }
        // The rare second word is tested first.
        has_no |= w.eq_ignore_ascii_case("no")
            && ["has", "have", "had", "been", "is", "are", "was", "were"]
                .iter()
                .any(|v| previous.eq_ignore_ascii_case(v));
        no_longer |= w.eq_ignore_ascii_case("longer") && previous.eq_ignore_ascii_case("no");
        previous = w;
    }
    if has_no && !no_longer {
        (Stance::Denial, Rule::StanceDenialWords)
    } else if lean == CueLean::Claim {
        (Stance::Claim, Rule::StanceClaimCue)
    } else {
        (Stance::Statement, Rule::StanceStatement)
    }
}

/// The country whose claim `window` names: "the Russian claim", "Russia's claim", "the
/// United States' claim".
fn claiming_country(window: &str) -> Option<&'static lexicon::Country> {
    window.match_indices(" claim").find_map(|(at, _)| {
        let before: Vec<&str> = window[..at].split_whitespace().rev().take(3).collect();
        (1..=before.len()).find_map(|n| {
            let words: Vec<&str> = before[..n].iter().rev().copied().collect();
            let phrase = words.join(" ");
            match text::without_apostrophe_s(&phrase).or_else(|| phrase.strip_suffix('\'')) {
                Some(owner) => lexicon::country(owner).map(|(c, _)| c),
                None => lexicon::country_of_demonym(&phrase),
            }
        })
    })
}

/// The claim by `country` (or one of its organs) that the denial `d` answers: the latest
/// one before it that no other denial answers yet, else the latest one. `quotes` are in
/// text order.
fn claim_by(
    cx: &Context,
    quotes: &[QuoteFinding],
    d: usize,
    country: &lexicon::Country,
) -> Option<usize> {
    let by_country = |c: &usize| {
        let q = &quotes[*c];
        q.stance != Stance::Denial
            && q.span.start < quotes[d].span.start
            && q.speaker.is_some_and(|s| {
                let name = &cx.actors.actors[s].name;
                name == country.name || name.starts_with(country.demonym)
            })
    };
    let answered = |c: &usize| quotes.iter().any(|q| q.rejects == Some(*c));
    (0..d).rev().filter(by_country).find(|c| !answered(c)).or_else(|| (0..d).rev().find(by_country))
}

/// Denials that name what they reject ("the Russian claim", "claims the Pentagon
/// denied") are linked to that claim, which is then marked a claim.
fn link_denials(cx: &Context, quotes: &mut [QuoteFinding]) {
    let text = cx.text;
    for d in 0..quotes.len() {
        if quotes[d].stance != Stance::Denial {
            continue;
        }
        let around = quotes[d].attribution.start.min(quotes[d].span.start)
            ..quotes[d].span.end.max(quotes[d].attribution.end);
        // A little context before the denial, where "the Russian claim" may stand.
        let mut from = around.start.saturating_sub(40);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let window = &text[from..around.end];
        // "claims the Pentagon denied": the report just before, in the same sentence.
        let target = if &text[quotes[d].span.clone()] == "claims" {
            (0..d).rev().find(|&c| quotes[c].stance != Stance::Denial)
        } else {
            // "the Russian claim", "Russia's claim": a claim by that country or its organs.
            claiming_country(window).and_then(|country| claim_by(cx, quotes, d, country))
        };
        if let Some(c) = target {
            quotes[d].rejects = Some(c);
            if quotes[c].stance != Stance::Claim {
                quotes[c].stance = Stance::Claim;
                quotes[c].stance_rule = Rule::StanceClaimDenied;
            }
            // Every other report by the same speaker of that claim is a claim too.
            let speaker = quotes[c].speaker;
            for q in quotes.iter_mut() {
                if q.speaker == speaker && q.stance == Stance::Statement {
                    q.stance = Stance::Claim;
                    q.stance_rule = Rule::StanceClaimDenied;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mark_candidates_are_every_ascii_mark_and_curly_lead_byte_in_order() {
        for text in [
            "",
            "no marks",
            "“Yes,” he said, \"and 'no'\" ``then''",
            "`'\"“”‘’",
            "x\u{2014}y “z”",
            "\"\"\"“““",
        ] {
            let bytes = text.as_bytes();
            let byte_by_byte: Vec<usize> = (0..bytes.len())
                .filter(|&i| matches!(bytes[i], b'"' | b'`' | b'\'' | 0xE2))
                .collect();
            assert_eq!(mark_candidates(bytes).collect::<Vec<_>>(), byte_by_byte, "{text}");
        }
    }
}
