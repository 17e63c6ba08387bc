//! Why the page shows what it shows: the rules behind a finding, in words, and whether a
//! rule that is often wrong on annotated news makes the finding uncertain.

use crate::dataset::{Dataset, Quote, RuleNote};
use crate::extract::Rule;

/// The note of `rule`, which the dataset keeps for every rule its findings name.
pub fn note(ds: &Dataset, rule: Rule) -> Option<&RuleNote> {
    note_in(&ds.rules, rule)
}

/// The note of `rule` among `notes` (sorted by rule, as the dataset and the manifest keep them).
pub fn note_in(notes: &[RuleNote], rule: Rule) -> Option<&RuleNote> {
    notes.binary_search_by_key(&rule, |n| n.rule).ok().map(|i| &notes[i])
}

/// What each of a card's rules ([found, speaker, read as, stance]) decided.
const STEPS: [&str; 4] = ["Found", "Speaker", "Read as", "Stance"];

/// The rules behind a quote card, each with what it decided (see [`quote_reasons`]).
pub fn card_reasons<'n>(
    notes: &'n [RuleNote],
    card: &crate::store::QuoteCard,
) -> Vec<(&'static str, &'n RuleNote)> {
    reasons(notes, card.rules)
}

/// Each of `rules` ([found, speaker, read as, stance]) that has a note, with its step.
fn reasons(notes: &[RuleNote], rules: [Option<Rule>; 4]) -> Vec<(&'static str, &RuleNote)> {
    STEPS
        .into_iter()
        .zip(rules)
        .filter_map(|(what, rule)| Some((what, note_in(notes, rule?)?)))
        .collect()
}

/// Why a quote card is uncertain (see [`quote_doubt`]).
pub fn card_doubt<'n>(
    notes: &'n [RuleNote],
    card: &crate::store::QuoteCard,
) -> Option<&'n RuleNote> {
    least_precise(notes, card.rules[..3].iter().copied())
}

fn least_precise(
    notes: &[RuleNote],
    rules: impl IntoIterator<Item = Option<Rule>>,
) -> Option<&RuleNote> {
    rules
        .into_iter()
        .flatten()
        .filter_map(|r| note_in(notes, r))
        .filter(|n| n.uncertain)
        .min_by(|a, b| a.precision.partial_cmp(&b.precision).unwrap_or(std::cmp::Ordering::Equal))
}

/// The rules behind quote `q`, each with what it decided: how the words were found, where
/// the speaker was, how those words were read as the speaker, and the stance.
pub fn quote_reasons<'d>(ds: &'d Dataset, q: &Quote) -> Vec<(&'static str, &'d RuleNote)> {
    reasons(&ds.rules, [Some(q.rule), q.speaker_rule, q.subject_rule, Some(q.stance_rule)])
}

/// The least precise uncertain rule among `rules`, if any is uncertain.
pub fn doubt(ds: &Dataset, rules: impl IntoIterator<Item = Option<Rule>>) -> Option<&RuleNote> {
    least_precise(&ds.rules, rules)
}

/// The least precise uncertain rule among `rules`, by `notes` (a manifest's).
pub fn doubt_in(
    notes: &[RuleNote],
    rules: impl IntoIterator<Item = Option<Rule>>,
) -> Option<&RuleNote> {
    least_precise(notes, rules)
}

/// Why quote `q` is uncertain: the least precise uncertain rule that found it or its
/// speaker. The stance is not measured.
pub fn quote_doubt<'d>(ds: &'d Dataset, q: &Quote) -> Option<&'d RuleNote> {
    doubt(ds, [Some(q.rule), q.speaker_rule, q.subject_rule])
}

/// For each rule (by its place in [`Rule::ALL`]), whether it is uncertain: the filter asks
/// once per quote, with no search.
pub fn uncertain_rules(ds: &Dataset) -> Vec<bool> {
    let mut uncertain = vec![false; Rule::ALL.len()];
    for n in ds.rules.iter().filter(|n| n.uncertain) {
        uncertain[n.rule as usize] = true;
    }
    uncertain
}

/// Whether quote `q` is uncertain, by [`uncertain_rules`].
pub fn is_uncertain(uncertain: &[bool], q: &Quote) -> bool {
    [Some(q.rule), q.speaker_rule, q.subject_rule]
        .into_iter()
        .flatten()
        .any(|r| uncertain.get(r as usize).copied().unwrap_or(false))
}

/// A share as a whole percentage, `0.516` → 52: printed as an integer, so that the page
/// carries no float formatting (about 5 KB of wasm).
pub fn percent(share: f64) -> u32 {
    // `as` saturates: a share outside 0..=1 still prints.
    (share * 100.0).round() as u32
}

/// How often a rule is right, in words: "right in 52% of 352 checked cases".
pub fn precision_words(n: &RuleNote) -> String {
    match n.precision {
        Some(p) if n.decided > 0 => {
            format!("right in {}% of {} checked cases", percent(p), n.decided)
        }
        _ => "not measured".to_string(),
    }
}

/// One line for a rule: "speaker.after-quote: the subject of … (right in 97% of …)".
pub fn rule_line(n: &RuleNote) -> String {
    format!("{}: {} ({})", n.rule.id(), n.says, precision_words(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn made(rule: Rule, precision: Option<f64>, decided: usize, uncertain: bool) -> RuleNote {
        RuleNote { rule, says: rule.says().to_string(), precision, decided, uncertain }
    }

    fn quote(rule: Rule, speaker: Option<Rule>) -> Quote {
        Quote {
            id: "q1".into(),
            article: "a".into(),
            start: 0,
            end: 1,
            kind: crate::extract::QuoteKind::Indirect,
            speaker: None,
            speaker_span: None,
            cue: None,
            stance: crate::extract::Stance::Statement,
            rejects: None,
            event: None,
            rule,
            speaker_rule: speaker,
            subject_rule: None,
            stance_rule: Rule::StanceStatement,
        }
    }

    #[test]
    fn a_quote_is_uncertain_by_its_least_precise_uncertain_rule() {
        let mut rules = vec![
            made(Rule::ReportedBelief, Some(0.52), 352, true),
            made(Rule::ReportedEvidence, Some(0.56), 485, true),
            made(Rule::SpeakerReportSubject, Some(0.94), 4251, false),
            made(Rule::StanceStatement, None, 0, false),
        ];
        rules.sort_by_key(|n| n.rule);
        let ds = Dataset { rules, ..Dataset::default() };
        let sure = quote(Rule::ReportedThat, Some(Rule::SpeakerReportSubject));
        let belief = quote(Rule::ReportedBelief, Some(Rule::SpeakerReportSubject));
        assert_eq!(quote_doubt(&ds, &sure), None);
        assert_eq!(quote_doubt(&ds, &belief).map(|n| n.rule), Some(Rule::ReportedBelief));
        let uncertain = uncertain_rules(&ds);
        assert!(!is_uncertain(&uncertain, &sure));
        assert!(is_uncertain(&uncertain, &belief));
        let reasons: Vec<&str> = quote_reasons(&ds, &belief).iter().map(|(w, _)| *w).collect();
        // The speaker's words were not read by a rule the dataset notes, so no "Read as".
        assert_eq!(reasons, ["Found", "Speaker", "Stance"]);
        let words = |rule| note(&ds, rule).map(precision_words);
        assert_eq!(
            words(Rule::ReportedBelief).as_deref(),
            Some("right in 52% of 352 checked cases")
        );
        assert_eq!(words(Rule::StanceStatement).as_deref(), Some("not measured"));
    }
}
