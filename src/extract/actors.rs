//! Actors: named people, organisations and countries, found as runs of capitalised
//! words, with titles split off as roles and aliases merged within the article; and the
//! places named, which are set apart because they never speak.

use std::borrow::Cow;
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use smallvec::SmallVec;

use super::lexicon;
use super::rules::Rule;
use super::text::{self, Word, WordIndex};

/// What kind of thing an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organization,
    Country,
    Group,
    Other,
}

/// One actor of one article, before actors are merged across the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorFinding {
    pub name: String,
    pub kind: ActorKind,
    /// Every surface form seen, the canonical name first.
    pub aliases: Vec<String>,
    pub roles: Vec<Role>,
}

/// A role the text gives an actor: "White House Press Secretary", "a Pentagon spokesman".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    pub name: String,
    /// How the text gives it.
    pub rule: Rule,
}

impl Role {
    fn new(name: impl Into<String>, rule: Rule) -> Role {
        Role { name: name.into(), rule }
    }
}

/// One place in the text where an actor is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionFinding {
    pub start: usize,
    pub end: usize,
    /// Index into [`super::Analysis::actors`].
    pub actor: usize,
    /// How the words were found to name someone.
    pub rule: Rule,
    /// How they were tied to an actor of another name ("Moscow" to Russia, "Obama" to
    /// Barack Obama), when they were.
    pub tie: Option<Rule>,
}

/// One place in the text where a place is named ("in Aleppo", "the Rixos Hotel",
/// "Astana, Kazakhstan"). Places are where things happen; they never speak.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceFinding {
    pub name: String,
    pub start: usize,
    pub end: usize,
    /// Why it is a place.
    pub rule: Rule,
}

/// A capitalised run before it is tied to an actor.
#[derive(Debug, Clone)]
struct Candidate {
    span: Range<usize>,
    /// The whole run including title and honorific, used as an alias.
    full: Range<usize>,
    name: String,
    kind: Option<ActorKind>,
    role: Option<Role>,
    honorific: bool,
    /// Preceded by a locative preposition or standing as "Town, Country".
    locative: bool,
    /// First word of its sentence, where every word is capitalised, and not the subject
    /// of a speech verb right after it.
    sentence_initial: bool,
    /// Named as a place by its head word ("Rixos Hotel", "Changi Airport").
    place: bool,
    /// How the name was found.
    rule: Rule,
}

impl Candidate {
    /// A name the text describes rather than writes as a run ("Syrian rebels", "the
    /// Russian Defence Ministry", "the Trump administration"): no title, no form of
    /// address, nowhere special in its sentence.
    fn described(span: Range<usize>, name: String, kind: ActorKind, rule: Rule) -> Candidate {
        Candidate {
            full: span.clone(),
            span,
            name,
            kind: Some(kind),
            role: None,
            honorific: false,
            locative: false,
            sentence_initial: false,
            place: false,
            rule,
        }
    }

    /// Where the candidate names a place, as `rule` says it does.
    fn as_place(&self, rule: Rule) -> PlaceFinding {
        let (name, start, end) = (self.name.clone(), self.span.start, self.span.end);
        PlaceFinding { name, start, end, rule }
    }
}

/// The actors of an article and where each is mentioned.
#[derive(Debug, Default)]
pub struct ActorTable {
    pub actors: Vec<ActorFinding>,
    pub mentions: Vec<MentionFinding>,
    /// The places named, in text order: never actors, never speakers.
    pub places: Vec<PlaceFinding>,
}

impl ActorTable {
    /// Removes the actors from index `first` on (the unnamed sources attribution added)
    /// that no quote is attributed to: attribution tries a description as a speaker
    /// before it knows whether a report follows.
    pub fn drop_unheard_since(
        &mut self,
        first: usize,
        quotes: &mut [crate::extract::QuoteFinding],
    ) {
        let mut heard = vec![false; self.actors.len()];
        for s in quotes.iter().filter_map(|q| q.speaker) {
            heard[s] = true;
        }
        let keep: Vec<bool> = heard.iter().enumerate().map(|(i, &h)| h || i < first).collect();
        if keep.iter().all(|&k| k) {
            return;
        }
        // Each kept actor's new index is the number of kept actors before it.
        let new_index: Vec<usize> = keep
            .iter()
            .scan(0, |kept, &k| {
                let at = *kept;
                *kept += usize::from(k);
                Some(at)
            })
            .collect();
        let mut kept = keep.iter();
        self.actors.retain(|_| kept.next().copied().unwrap_or(false));
        self.mentions.retain(|m| keep[m.actor]);
        for m in &mut self.mentions {
            m.actor = new_index[m.actor];
        }
        for q in quotes.iter_mut() {
            q.speaker = q.speaker.map(|s| new_index[s]);
        }
    }

    /// Mentions that lie inside `range`, in text order. Mentions are kept sorted by
    /// start, so this looks only at those starting inside the range.
    pub fn mentions_in(&self, range: Range<usize>) -> impl Iterator<Item = &MentionFinding> {
        let first = self.mentions.partition_point(|m| m.start < range.start);
        self.mentions[first..]
            .iter()
            .take_while(move |m| m.start < range.end)
            .filter(move |m| m.end <= range.end)
    }

    /// Mentions that end at or before `at`, in text order.
    pub fn mentions_before(&self, at: usize) -> impl DoubleEndedIterator<Item = &MentionFinding> {
        let starting_before = self.mentions.partition_point(|m| m.start < at);
        self.mentions[..starting_before].iter().filter(move |m| m.end <= at)
    }

    /// Adds an unnamed group ("diplomats"), as `rule` read it, and returns its index.
    pub fn group(&mut self, name: &str, span: Range<usize>, rule: Rule) -> usize {
        let index =
            match self.actors.iter().position(|a| a.kind == ActorKind::Group && a.name == name) {
                Some(i) => i,
                None => {
                    self.actors.push(ActorFinding {
                        name: name.to_string(),
                        kind: ActorKind::Group,
                        aliases: vec![name.to_string()],
                        roles: Vec::new(),
                    });
                    self.actors.len() - 1
                }
            };
        let at = self.mentions.partition_point(|m| (m.start, m.end) <= (span.start, span.end));
        let mention =
            MentionFinding { start: span.start, end: span.end, actor: index, rule, tie: None };
        self.mentions.insert(at, mention);
        index
    }

    /// The person the article calls "the president": the holder of an unqualified
    /// "President" title who is not a former one.
    pub fn the_president(&self) -> Option<usize> {
        self.actors.iter().position(|a| {
            a.kind == ActorKind::Person
                && a.roles.iter().any(|r| {
                    let r = r.name.trim();
                    (r == "President"
                        || r == "New President"
                        || r.ends_with("US President")
                        || r == "US president")
                        && !r.starts_with("former")
                })
        })
    }
}

/// What scanning an article's sentences collects for clustering.
#[derive(Default)]
struct Scan {
    candidates: Vec<Candidate>,
    /// Pairs of names for one actor: "Isis (Islamic State)".
    aliases: Vec<(String, String)>,
    /// Product keys: names that are no actors anywhere in the article.
    products: Vec<String>,
    /// Demonyms that end a full name found so far, and so may stand for it alone: "Mark
    /// Cuban", then "Cuban said".
    demonym_surnames: FxHashSet<String>,
    /// Names the text shows to be organisations where it does not list them as a
    /// mention: a maker before its model ("Boeing 787"), a body before a role ("Apple
    /// CEO Steve Jobs").
    organisations: Vec<String>,
}

impl Scan {
    /// Records the name at `span` as a product, and with it the name just before it in
    /// a list ("the Macbook and Macbook Pro").
    fn product(&mut self, text: &str, span: Range<usize>) {
        let listed_before = self
            .candidates
            .last()
            .filter(|c| c.span.end <= span.start && in_a_list(&text[c.span.end..span.start]));
        if let Some(before) = listed_before {
            let key = product_key(&before.name).to_string();
            self.products.push(key);
        }
        self.products.push(product_key(&text[span]).to_string());
    }
}

/// Whether the text between two names joins them in a list: ", ", " and ", ", or ".
fn in_a_list(between: &str) -> bool {
    matches!(between.trim(), "," | "and" | "or" | ", and" | ", or")
}

/// Finds the actors of one article.
pub fn find(text: &str, words: &WordIndex, sentences: &[Range<usize>]) -> ActorTable {
    let mut scan = Scan::default();
    // For each candidate of the scan, whether a title-case headline gave it.
    let mut from_headline: Vec<bool> = Vec::new();
    let headlines: Vec<bool> =
        sentences.iter().map(|s| is_title_case(words.within(s.clone()))).collect();
    let lower_case_elsewhere = written_in_lower_case(sentences, &headlines, words);
    for (sentence, &headline) in sentences.iter().zip(&headlines) {
        let sentence_words = words.within(sentence.clone());
        let common = headline.then(|| {
            let capitalised = sentence_words
                .iter()
                .map(super::text::Word::text)
                .filter(|w| text::is_capitalised(w));
            capitalised
                .filter(|w| lower_case_elsewhere.contains(&w.to_ascii_lowercase()))
                .collect::<Vec<_>>()
        });
        scan_sentence(text, sentence_words, common.as_deref(), &mut scan);
        from_headline.resize(scan.candidates.len(), headline);
    }
    keep_confirmed_headline_names(&mut scan.candidates, &from_headline);
    // A name given to a model ("the 787 Dreamliner") is a product wherever it stands.
    let Scan { mut candidates, aliases, products, organisations, .. } = scan;
    let products: FxHashSet<String> = products.into_iter().collect();
    if !products.is_empty() {
        candidates.retain(|c| !products.contains(product_key(&c.name)));
    }
    let (named_places, candidates): (Vec<Candidate>, Vec<Candidate>) =
        candidates.into_iter().partition(|c| c.place);
    let mut table = cluster(text, candidates, &aliases, &organisations);
    appositive_roles(text, &mut table);
    table.places.extend(named_places.iter().map(|c| c.as_place(Rule::PlaceHeadWord)));
    table.places.sort_by_key(|p| (p.start, p.end));
    table
}

/// Roles set off by commas beside a person's name: "John Dorrian, a coalition spokesman,"
/// and "The US ambassador to Kazakhstan, George Krol".
fn appositive_roles(text: &str, table: &mut ActorTable) {
    for m in &table.mentions {
        let actor = &mut table.actors[m.actor];
        if actor.kind != ActorKind::Person {
            continue;
        }
        let after = text[m.end..]
            .strip_prefix(", ")
            .and_then(role_after)
            .map(|r| (r, Rule::RoleAppositiveAfter));
        let before = text[..m.start]
            .strip_suffix(", ")
            .and_then(role_before)
            .map(|r| (r, Rule::RoleAppositiveBefore));
        for (role, rule) in after.into_iter().chain(before) {
            if !actor.roles.iter().any(|r| r.name == role) {
                actor.roles.push(Role::new(role, rule));
            }
        }
    }
}

/// The most words a role set off by commas has: "the UN's top Syria envoy".
const ROLE_WORDS: usize = 7;

/// The role that opens `after` when it is a role phrase ending at a comma or the sentence's
/// end: "a Pentagon spokesman, said" → "Pentagon spokesman".
fn role_after(after: &str) -> Option<&str> {
    let body = ["a ", "an ", "the "].iter().find_map(|a| after.strip_prefix(a))?;
    let mut end = 0;
    for (count, word) in body.split(' ').enumerate() {
        end += word.len();
        let closes =
            word.ends_with([',', ';']) || (word.ends_with('.') && !lexicon::keeps_period(word));
        if closes {
            let phrase = &body[..end - 1];
            return is_role_phrase(phrase).then_some(phrase);
        }
        if count + 1 == ROLE_WORDS {
            return None;
        }
        end += 1;
    }
    None
}

/// The role that ends `before` after an article: "The US ambassador to Kazakhstan" → "US
/// ambassador to Kazakhstan". Not a comparison ("as the nominee, Devine said"), and what
/// follows the role noun is a name ("for Nabisco's parent company" is no role's).
fn role_before(before: &str) -> Option<&str> {
    // The role's words, its article and the word before the article.
    let words: Vec<&str> = before.rsplit(' ').take(ROLE_WORDS + 2).collect();
    let article =
        words.iter().position(|w| matches!(*w, "the" | "The" | "a" | "A" | "an" | "An"))?;
    if words[..article].iter().any(|w| w.ends_with([',', '.', ';', ':', '“', '"'])) || article == 0
    {
        return None;
    }
    if words
        .get(article + 1)
        .is_some_and(|w| matches!(*w, "as" | "As" | "like" | "than" | "is" | "was" | "be"))
    {
        return None;
    }
    let length: usize = words[..article].iter().map(|w| w.len() + 1).sum::<usize>() - 1;
    let phrase = &before[before.len() - length..];
    let tail_named = role_tail(phrase)
        .is_none_or(|tail| tail.split(' ').all(|w| w == "the" || text::is_capitalised(w)));
    (tail_named && is_role_phrase(phrase)).then_some(phrase)
}

/// What follows "to", "of" or "for" in a role: "Kazakhstan" in "ambassador to Kazakhstan".
fn role_tail(phrase: &str) -> Option<&str> {
    [" to ", " of ", " for "]
        .iter()
        .filter_map(|p| phrase.find(p).map(|at| &phrase[at + p.len()..]))
        .next()
}

/// Whether a phrase on one line is a role: its last word, or the last before "to", "of"
/// or "for" ("ambassador to Kazakhstan"), is a role noun.
fn is_role_phrase(phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split(' ').collect();
    let head =
        words.iter().position(|w| matches!(*w, "to" | "of" | "for")).map_or(words.len(), |p| p);
    !phrase.contains('\n')
        && head > 0
        && words[..head].last().is_some_and(|w| lexicon::is_role_or_office_noun(w))
}

fn is_name_word(word: &str) -> bool {
    if !text::is_capitalised(word) {
        return false;
    }
    // "US-led", "Russian-backed": compounds with a lower-case part are modifiers.
    if let Some(hyphen) = word.bytes().position(|b| b == b'-') {
        if !word[hyphen + 1..].starts_with(char::is_uppercase) {
            return false;
        }
        if word
            .split('-')
            .all(|p| lexicon::country(p).is_some() || lexicon::country_of_demonym(p).is_some())
        {
            return false;
        }
    }
    true
}

/// A given name of two short syllables, the second in lower case, as Korean names are
/// written ("Park Geun-hye", "Ban Ki-moon"). It continues a run and never starts one;
/// a compound ("Trump-led", "Bush-era") has a longer head or a suffix word.
fn is_hyphenated_given_name(word: &str) -> bool {
    let Some((head, tail)) = word.split_once('-') else { return false };
    let syllable = |s: &str, first_upper: bool| {
        (2..=4).contains(&s.len())
            && s.chars().enumerate().all(|(i, c)| {
                if i == 0 && first_upper {
                    c.is_ascii_uppercase()
                } else {
                    c.is_ascii_lowercase()
                }
            })
    };
    syllable(head, true)
        && syllable(tail, false)
        && !matches!(tail, "led" | "era" | "run" | "ish" | "age" | "day" | "old" | "like" | "based")
}

/// "near al-Bab", "al-Qaeda said": an Arabic article opens the name in lower case. Asked
/// of nearly every word, so the hyphen, a single byte, is looked at first.
fn has_arabic_article(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.get(2) == Some(&b'-')
        && matches!(&bytes[..2], b"al" | b"el")
        && text::is_capitalised(&word[3..])
}

/// Whether the word `w` of `text` ends in "-led" ("US-led"). The bytes where it would end
/// so are read from the text, whatever the word's length, so that no branch asks how long
/// the word is, of nearly every word of the text; the word itself is read only then.
fn maybe_led(text: &str, w: &Word) -> bool {
    text.as_bytes().get(w.end.saturating_sub(4)..w.end) == Some(b"-led")
        && w.text().ends_with("-led")
}

/// [`has_arabic_article`] of the word `w` of `text`, asked first of the byte where its
/// hyphen would stand, as [`maybe_led`] asks.
fn maybe_arabic_article(text: &str, w: &Word) -> bool {
    text.as_bytes().get(w.start + 2) == Some(&b'-') && has_arabic_article(w.text())
}

/// Whether a word starts with an ASCII character other than a capital: a lower-case
/// word, a number or a sign.
fn starts_in_ascii_lower_case(word: &str) -> bool {
    word.as_bytes().first().is_some_and(|b| b.is_ascii() && !b.is_ascii_uppercase())
}

fn only_spaces(text: &str, a: &Word, b: &Word) -> bool {
    text.as_bytes().get(a.end..b.start).is_some_and(|gap| gap.iter().all(|&c| c == b' '))
}

/// A product name without its plural: "Dreamliners" is "Dreamliner".
fn product_key(name: &str) -> &str {
    name.strip_suffix('s').unwrap_or(name)
}

/// Drops the names of title-case headlines that the rest of the article does not
/// confirm by the same name, or a short name by its last word: a headline's capitals run
/// common words into names ("Trump Addresses Munich", "Debate Answer").
fn keep_confirmed_headline_names(candidates: &mut Vec<Candidate>, in_headline: &[bool]) {
    if !in_headline.contains(&true) {
        return;
    }
    fn last_word(name: &str) -> &str {
        text::after_last_space(name)
    }
    // The body's names and their last words, gathered once: some articles are mostly
    // title-case lines, with many names in them.
    let body = candidates
        .iter()
        .zip(in_headline)
        .filter(|(_, &headline)| !headline)
        .map(|(c, _)| c.name.as_str());
    let body_names: FxHashSet<&str> = body.clone().collect();
    let body_last_words: FxHashSet<&str> = body.map(last_word).collect();
    let confirmed = |c: &Candidate| {
        // A short name may be confirmed by its surname ("Hillary Clinton" by "Clinton").
        let short = c.name.split(' ').count() <= 3;
        let last = last_word(&c.name);
        body_names.contains(c.name.as_str())
            || (short && (body_names.contains(last) || body_last_words.contains(last)))
    };
    let keep: Vec<bool> = candidates
        .iter()
        .zip(in_headline)
        .map(|(c, &headline)| !headline || confirmed(c))
        .collect();
    let mut kept = keep.into_iter();
    candidates.retain(|_| kept.next().unwrap_or(true));
}

/// Whether a sentence is a headline in title case, where every longer word is
/// capitalised: "Hillary Clinton Slams Donald Trump Over Taxes".
fn is_title_case(words: &[Word]) -> bool {
    let mut longer = words
        .iter()
        .map(super::text::Word::text)
        .filter(|w| w.len() >= 4 && w.starts_with(char::is_alphabetic));
    let mut count = 0;
    longer.all(|w| {
        count += 1;
        text::is_capitalised(w)
    }) && count >= 3
}

/// The capitalised words of the title-case headlines that the article writes in lower
/// case somewhere, in ASCII lower case: one pass over the article, however many
/// headlines it has, comparing each lower-case word with the headlines' few.
fn written_in_lower_case(
    sentences: &[Range<usize>],
    headlines: &[bool],
    words: &WordIndex,
) -> FxHashSet<String> {
    let capitalised: FxHashSet<String> = sentences
        .iter()
        .zip(headlines)
        .filter(|(_, &headline)| headline)
        .flat_map(|(s, _)| words.within(s.clone()))
        .map(super::text::Word::text)
        .filter(|w| text::is_capitalised(w))
        .map(str::to_ascii_lowercase)
        .collect();
    if capitalised.is_empty() {
        return capitalised;
    }
    // The headlines have a few such words and the article thousands of lower-case ones:
    // most are turned away by their first and last letters and length, without hashing.
    let mut sieve = lexicon::Sieve::new();
    capitalised.iter().for_each(|w| sieve.admit(w));
    let lower_case = words
        .all()
        .iter()
        .map(super::text::Word::text)
        .filter(|w| w.starts_with(|c: char| c.is_ascii_lowercase()) && sieve.may_hold(w));
    // Nearly every such word is in lower case throughout already, and is looked up as it is.
    let folded = lower_case.map(|w| {
        if w.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(w.to_ascii_lowercase())
        } else {
            Cow::Borrowed(w)
        }
    });
    folded.filter(|w| capitalised.contains(w.as_ref())).map(Cow::into_owned).collect()
}

/// Whether a capitalised word of a title-case headline is a common word there: the
/// article writes it in lower case elsewhere ("Slams", "Says"), or it is a verb of speech
/// or of what people and companies do.
fn is_common_in_headline(word: &str, lower_case_elsewhere: &[&str]) -> bool {
    lower_case_elsewhere.contains(&word)
        || lexicon::speech_verb(word).is_some()
        || lexicon::with_lowercase(word, lexicon::is_news_action_verb)
}

/// Whether `word` is written in capitals, three letters or more of them: "DEBATE",
/// "GOP", "CHINA’S".
fn is_in_capitals(word: &str) -> bool {
    is_upper_case(word) && word.bytes().filter(u8::is_ascii_alphabetic).count() >= 3
}

/// Whether `word` has a letter and no lower-case one: "IF", "GOP", "N.V.".
fn is_upper_case(word: &str) -> bool {
    // Most words asked about are capitalised ("Trump"), and their second letter answers.
    if word.as_bytes().get(1).is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    word.bytes().any(|b| b.is_ascii_alphabetic()) && !word.bytes().any(|b| b.is_ascii_lowercase())
}

/// The words of the sentence's stretches written in capitals, one space apart, with three
/// or more words of three letters or more ("TWO MORE BITE THE DUST"): a shouted line, whose
/// words are no names. Acronyms ("EADS", "USAF") stand alone or in pairs.
fn shouted_words<'w>(text: &str, words: &[Word<'w>]) -> Vec<&'w str> {
    // A sentence with an acronym or two has fewer than three such words, and is passed
    // over on that count alone.
    if words.iter().filter(|w| is_in_capitals(w.text())).nth(2).is_none() {
        return Vec::new();
    }
    // Short words ("IF", "OF", "A") carry a stretch on but do not count towards its three.
    let upper = |w: &Word| is_upper_case(w.text());
    let mut shouted = Vec::new();
    let mut run_start = 0;
    for k in 0..=words.len() {
        let continues = k < words.len()
            && upper(&words[k])
            && (k == run_start || only_spaces(text, &words[k - 1], &words[k]));
        if continues {
            continue;
        }
        let run = &words[run_start..k];
        if run.iter().filter(|w| is_in_capitals(w.text())).count() >= 3 {
            shouted.extend(run.iter().map(super::text::Word::text));
        }
        run_start = if k < words.len() && upper(&words[k]) { k } else { k + 1 };
    }
    shouted
}

/// `common` holds the headline's words that the article writes in lower case when the
/// sentence is a title-case headline, where a capitalised word may be a common one.
fn scan_sentence(text: &str, words: &[Word], common: Option<&[&str]>, scan: &mut Scan) {
    // Where the last product named in this sentence ends: a name listed after it is one
    // too ("the iPod Classic, Nano and Shuffle").
    let mut product_end: Option<usize> = None;
    // A name word of this sentence: in a title-case headline, not one of its common words;
    // in a stretch written in capitals ("TWO MORE BITE THE DUST"), no word in capitals.
    // The stretches in capitals are found only once a word in capitals asks.
    let shouted = std::cell::OnceCell::new();
    let in_shouted = |word: &str| {
        is_upper_case(word) && shouted.get_or_init(|| shouted_words(text, words)).contains(&word)
    };
    let name_word = |word: &str| {
        is_name_word(word)
            && !common.is_some_and(|c| is_common_in_headline(word, c))
            && !in_shouted(word)
    };
    let mut i = 0;
    while i < words.len() {
        let w = words[i].text();
        // Most words are in lower case, and of those only a leader's "-led" (a descriptive
        // group), an Arabic article or an office before "of" ("secretary of State") opens a
        // run: the other tests below ask for a capital first. The tests here are of fixed
        // length, with no loop over the word whose end a branch would have to guess.
        let of_follows = words.get(i + 1).is_some_and(|n| n.text() == "of");
        let plain_lower_case = starts_in_ascii_lower_case(w)
            && !maybe_led(text, &words[i])
            && !maybe_arabic_article(text, &words[i]);
        if plain_lower_case && !(of_follows && office_domain_after(words, i).is_some()) {
            i += 1;
            continue;
        }
        if let Some(c) = descriptive_group(text, words, i) {
            scan.candidates.push(c);
            i += 2;
            continue;
        }
        // "New" opens a sentence as often as a name, but "New York Post" is a name throughout.
        let new_then_name = w == "New"
            && words
                .get(i + 1)
                .is_some_and(|n| only_spaces(text, &words[i], n) && name_word(n.text()));
        // "then-Secretary of State Hillary Clinton", "secretary of State Hillary Clinton": an
        // office opens the run in lower case.
        let is_name = name_word(w);
        let lower_case_office = !is_name && office_domain_after(words, i).is_some();
        let article_name = maybe_arabic_article(text, &words[i]);
        let starts_run = lower_case_office
            || article_name
            || (is_name
                && !in_link(text, words[i].start)
                && (!lexicon::is_common_capitalised(w)
                    || lexicon::is_honorific(w)
                    || new_then_name));
        if !starts_run {
            i += 1;
            continue;
        }
        // Grow the run over adjacent name words, particles and role nouns.
        let mut j = i;
        while j + 1 < words.len() && only_spaces(text, &words[j], &words[j + 1]) {
            let current = words[j].text();
            // "the People's Republic of China", "the People’s Liberation Army": a name.
            if text::possessive_stem(current).is_some_and(|stem| stem != "People") {
                break;
            }
            let next = words[j + 1].text();
            // After a form of address any capitalised word is a name: "Mr. King", "Mrs. May";
            // after a given name, a common word that is a surname too: "Theresa May".
            let addressed = (j == i && lexicon::is_honorific(current))
                || (lexicon::is_surname_too(next) && !lexicon::is_title(current));
            let next_is_name = (name_word(next)
                && (addressed || !lexicon::is_common_capitalised(next)))
                || is_hyphenated_given_name(next);
            if next_is_name {
                j += 1;
                continue;
            }
            let bridge =
                (lexicon::is_name_particle(next) || lexicon::is_role_noun(next) || next == "of")
                    && words.get(j + 2).is_some_and(|n| name_word(n.text()))
                    && only_spaces(text, &words[j + 1], &words[j + 2]);
            let particle_name = next.starts_with("al-") || next.starts_with("el-");
            // "Secretary of State Madeleine Albright": the office runs on into the name.
            let office_of = bridge && office_domain_after(words, j).is_some();
            // "the People's Republic of China", "the Democratic Republic of Congo"; a bare
            // "Republic of China" is Taiwan, and the run is left as it was.
            let republic_of = bridge && current == "Republic" && j > i;
            if particle_name
                || office_of
                || republic_of
                || (bridge && next != "of")
                || (bridge && run_has_org_head(&words[i..=j]))
            {
                j += 1;
            } else {
                break;
            }
        }
        let run = Run { text, words, i, j, product_end };
        let (rule, next) = RUN_RULES
            .iter()
            .find_map(|&(rule, read)| read(&run, scan).map(|next| (rule, next)))
            .unwrap_or((Rule::ActorName, j + 1));
        if rule == Rule::NameProduct {
            product_end = Some(words[j].end);
        }
        i = next;
    }
}

/// A run of name words, `words[i..=j]`, as the run rules read it.
struct Run<'a, 't> {
    text: &'t str,
    words: &'a [Word<'t>],
    i: usize,
    j: usize,
    /// Where the last product named in the sentence ends.
    product_end: Option<usize>,
}

impl<'t> Run<'_, 't> {
    /// The run's last word, and it without a possessive ("Mr. Obama's").
    fn last(&self) -> (&'t str, Option<&'t str>) {
        let last = self.words[self.j].text();
        (last, text::possessive_stem(last))
    }
}

/// A rule that reads a run of name words: `Some(next)`, the word to go on from, when it
/// applies; `None` to ask the next rule.
type RunRule = fn(&Run, &mut Scan) -> Option<usize>;

/// What a run of capitalised words names, in the order the rules are tried: the first
/// that applies decides. All but the last say what is no actor.
const RUN_RULES: [(Rule, RunRule); 7] = [
    (Rule::NameAfterModel, after_a_model),
    (Rule::NameMakerOrCurrency, maker_or_currency),
    (Rule::NameEventOrLaw, event_or_law),
    (Rule::NameBeforeProducts, before_products),
    (Rule::NameProduct, product),
    (Rule::NamePartyLabel, party_label),
    (Rule::ActorName, actor_name),
];

/// `name.party-label`: "three Republican hopefuls", "a Democrat", "the Democratic
/// debate": a party's adjective or member noun alone names no actor, where the party's
/// name does ("the Republican Party", "the GOP").
fn party_label(run: &Run, _scan: &mut Scan) -> Option<usize> {
    (run.i == run.j && lexicon::is_party_adjective(run.words[run.i].text())).then_some(run.j + 1)
}

/// `name.after-model`: "Boeing 787 Dreamliner", "the 787 “Dreamliner”": one word after a
/// model number names the model ("the EB-5 Investment Coalition" is an organisation).
fn after_a_model(run: &Run, scan: &mut Scan) -> Option<usize> {
    let (text, words, i, j) = (run.text, run.words, run.i, run.j);
    let model_before = i.checked_sub(1).is_some_and(|p| {
        let model = words[p].text();
        // Three digits after a comma or a period end a count ("100,000 Syrians").
        let end_of_count = model.bytes().all(|b| b.is_ascii_digit())
            && text[..words[p].start].ends_with([',', '.']);
        names_a_model(model)
            && !end_of_count
            && text[words[p].end..words[i].start]
                .chars()
                .all(|c| matches!(c, ' ' | '`' | '“' | '"'))
    });
    (model_before && i == j).then(|| {
        scan.products.push(product_key(&text[words[i].start..words[j].end]).to_string());
        j + 1
    })
}

/// `name.maker-or-currency`: "US$ 40 billion" is a currency; in "Boeing 787" and "Airbus
/// A330-200" the maker names its product, and is an organisation.
fn maker_or_currency(run: &Run, scan: &mut Scan) -> Option<usize> {
    let (text, words, i, j) = (run.text, run.words, run.i, run.j);
    let (_, stem) = run.last();
    let after_run = &text[words[j].end..];
    let model_follows = words
        .get(j + 1)
        .is_some_and(|n| only_spaces(text, &words[j], n) && is_model_number(n.text()));
    if !(after_run.starts_with('$') || (model_follows && stem.is_none())) {
        return None;
    }
    if words.get(j + 1).is_some_and(|n| names_a_model(n.text())) && !after_run.starts_with('$') {
        scan.organisations.push(text[words[i].start..words[j].end].to_string());
    }
    Some(j + 1)
}

/// `name.event-or-law`: "the Paris Air Show", "the Worldwide Developers Conference
/// (WWDC)", "the Affordable Care Act": an event or a law is no actor, nor is its short
/// name, wherever it stands.
fn event_or_law(run: &Run, scan: &mut Scan) -> Option<usize> {
    let (text, words, i, j) = (run.text, run.words, run.i, run.j);
    let (last, stem) = run.last();
    let stem = stem.unwrap_or(last);
    if !lexicon::is_event_or_law_head(stem) {
        return None;
    }
    let name_end = words[j].end - (last.len() - stem.len());
    scan.products.push(product_key(&text[words[i].start..name_end]).to_string());
    if let Some(short) = bracketed_after(&text[words[j].end..]) {
        scan.products.push(product_key(short).to_string());
    }
    Some(j + 1)
}

/// `name.before-products`: "Intel processors", "long-haul Airbus jets": a maker before its
/// products is no actor there.
fn before_products(run: &Run, _: &mut Scan) -> Option<usize> {
    let (text, words, j) = (run.text, run.words, run.j);
    let (_, stem) = run.last();
    let follow = words.get(j + 1).is_some_and(|n| {
        let noun = n.text();
        only_spaces(text, &words[j], n)
            && (lexicon::is_product_noun(noun)
                || (stem.is_none() && lexicon::is_modified_noun(noun)))
    });
    follow.then_some(j + 1)
}

/// `name.product`: software and devices, wherever they are named: after a lower-case brand
/// ("iPod Nano"), listed after a product ("the iPod Classic, Nano and Shuffle"), or named
/// as one ("web browser Safari", "Mac OS X", "MacBook Pro").
fn product(run: &Run, scan: &mut Scan) -> Option<usize> {
    let (text, words, i, j) = (run.text, run.words, run.i, run.j);
    let brand_before = i.checked_sub(1).is_some_and(|p| {
        only_spaces(text, &words[p], &words[i]) && is_lowercase_brand(words[p].text())
    });
    let listed_after_product = run
        .product_end
        .is_some_and(|end| end <= words[i].start && in_a_list(&text[end..words[i].start]));
    if !(brand_before || listed_after_product || names_a_product(text, words, i, j)) {
        return None;
    }
    scan.product(text, words[i].start..words[j].end);
    Some(j + 1)
}

/// `actor.name`: the run names an actor, with the organisation that heads its title
/// ("White House Press Secretary Sean Spicer"), a country's body it names ("Russia's
/// Defence Ministry"), an administration it heads ("Trump's administration") and another
/// name in brackets ("Isis (Islamic State)").
fn actor_name(run: &Run, scan: &mut Scan) -> Option<usize> {
    let (text, words, i, j) = (run.text, run.words, run.i, run.j);
    let names = &words[i..=j];
    let lowercase_before = i.checked_sub(1).map(|k| words[k].text());
    if let Some(org) = role_organisation(text, names) {
        scan.candidates.push(org);
    }
    if let Some(body) = body_before_role(text, words, i, j) {
        scan.organisations.push(body.to_string());
    }
    let Some(c) = candidate(text, names, lowercase_before, words[0].start, &scan.demonym_surnames)
    else {
        return Some(j + 1);
    };
    if let Some((_, last)) = text::split_at_last_space(&c.name)
        .filter(|(_, last)| lexicon::country_of_demonym(last).is_some())
    {
        scan.demonym_surnames.insert(last.to_string());
    }
    // "Russia's Defence Ministry" names the Russian Defence Ministry.
    let merged = possessive_org(text, words, j, &c);
    let was_merged = merged.is_some();
    let mut consumed = match merged {
        Some((org, end)) => {
            scan.candidates.push(org);
            end
        }
        None => j,
    };
    // "Isis (Islamic State)": the bracketed run is another name for the same actor.
    if let Some(inner) = bracketed_after(&text[words[consumed].end..]) {
        scan.aliases.push((c.name.clone(), inner.to_string()));
    }
    if let Some(admin) = administration(text, words, j, &c) {
        scan.candidates.push(c);
        scan.candidates.push(admin);
        consumed = j + 1;
    } else if !was_merged {
        scan.candidates.push(c);
    }
    Some(consumed + 1)
}

/// Whether the run `words[i..=j]` names software or a device: after a descriptor ("web
/// browser Safari"), with an operating system's "OS" ("Mac OS X") or a variant's last word
/// ("MacBook Pro"), or described as a version ("Tiger, the newest version of …").
fn names_a_product(text: &str, words: &[Word], i: usize, j: usize) -> bool {
    let described = i.checked_sub(1).is_some_and(|p| {
        only_spaces(text, &words[p], &words[i]) && lexicon::is_product_descriptor(words[p].text())
    });
    let run = &words[i..=j];
    let operating_system = run.iter().any(|w| matches!(w.text(), "OS" | "OSX"));
    let variant = run.len() >= 2 && lexicon::is_product_variant(words[j].text());
    described || operating_system || variant || is_version_apposition(&text[words[j].end..])
}

/// Whether the text after a name describes it as a version or release of something:
/// ", the new version of …", ", the code name for …".
fn is_version_apposition(after: &str) -> bool {
    let Some(rest) =
        after.trim_start().strip_prefix(',').and_then(|a| a.trim_start().strip_prefix("the "))
    else {
        return false;
    };
    let mut next = rest.split(' ');
    let mut noun = next.next().unwrap_or("");
    if matches!(noun, "new" | "newest" | "latest" | "next" | "upcoming" | "first") {
        noun = next.next().unwrap_or("");
    }
    let noun = if noun == "code" && next.next() == Some("name") { "code name" } else { noun };
    matches!(noun, "version" | "release" | "update" | "edition" | "successor" | "code name")
        && matches!(next.next(), Some("of" | "for" | "to"))
}

/// The name in brackets right after a name: " (WWDC)" → "WWDC".
fn bracketed_after(after: &str) -> Option<&str> {
    let inner = after.strip_prefix(" (")?;
    let inner = inner[..inner.find(')')?].trim();
    (!inner.is_empty() && inner.split(' ').all(is_name_word)).then_some(inner)
}

/// A brand written in lower case with a capital inside: "iPod", "iTunes", "eBay".
fn is_lowercase_brand(word: &str) -> bool {
    // Not "co-Anchor": letters only.
    word.starts_with(|c: char| c.is_ascii_lowercase())
        && word.chars().all(|c| c.is_ascii_alphabetic())
        && word.chars().any(|c| c.is_ascii_uppercase())
}

/// Groups named by a description rather than a name: "US-led coalition" (a
/// hyphenated leader before an organisation noun) and "Syrian rebels" (a demonym
/// before a group noun).
fn descriptive_group(text: &str, words: &[Word], i: usize) -> Option<Candidate> {
    let (first, second) = (words.get(i)?, words.get(i + 1)?);
    let (w, noun) = (first.text(), second.text());
    // The leader's "-led" is tested first, and a demonym's capital: they rule out nearly
    // every pair of words.
    let kind = if w.strip_suffix("-led").is_some_and(|leader| {
        matches!(noun, "coalition" | "alliance" | "forces" | "force")
            && lexicon::country(leader).is_some()
    }) {
        ActorKind::Organization
    } else if text::is_capitalised(w)
        && lexicon::is_group_noun(noun)
        && lexicon::country_of_demonym(w).is_some()
    {
        ActorKind::Group
    } else {
        return None;
    };
    if !only_spaces(text, first, second) {
        return None;
    }
    let span = first.start..second.end;
    Some(Candidate::described(
        span.clone(),
        text[span].to_string(),
        kind,
        Rule::ActorDescribedGroup,
    ))
}

/// The organisation named at the head of a title: "White House" in "White House
/// Press Secretary Sean Spicer". A leading country ("US Air Force Colonel") is not one.
fn role_organisation(text: &str, run: &[Word]) -> Option<Candidate> {
    let title_at =
        run.iter().position(|w| lexicon::is_title(w.text()) || lexicon::is_role_noun(w.text()))?;
    let prefix = &run[..title_at];
    let first = prefix.first()?.text();
    if prefix.len() < 2 || title_at + 1 >= run.len() || !could_name_a_body(first) {
        return None;
    }
    let span = prefix[0].start..prefix[prefix.len() - 1].end;
    let name = text[span.clone()].to_string();
    (classify(prefix, &name) == Some(ActorKind::Organization))
        .then(|| Candidate::described(span, name, ActorKind::Organization, Rule::ActorBeforeTitle))
}

/// One word that heads a company's role with a name after it: "Apple" in "Apple CEO
/// Steve Jobs", "Airbus" in "Airbus chief executive Noel Forgeard". It is the company the
/// role belongs to, unless the article names it as a person.
fn body_before_role<'t>(text: &str, words: &[Word<'t>], i: usize, j: usize) -> Option<&'t str> {
    let first = words[i].text();
    let is_role = |w: &Word| lexicon::is_title(w.text()) || lexicon::is_role_noun(w.text());
    let corporate = |w: &Word| lexicon::is_corporate_role(w.text());
    let (role_follows, name_after) = if i < j {
        // Inside the run: "Apple CEO Steve Jobs".
        (corporate(&words[i + 1]), words[i + 2..=j].iter().any(|w| !is_role(w)))
    } else {
        // After it, in lower case and one or two words long: "Airbus chief executive Noel
        // Forgeard".
        let joined = |k: usize| words.get(k).is_some_and(|w| only_spaces(text, &words[k - 1], w));
        let role = joined(j + 1) && corporate(&words[j + 1]);
        let name_at = |k: usize| joined(k) && is_name_word(words[k].text());
        (role, name_at(j + 2) || (joined(j + 2) && corporate(&words[j + 2]) && name_at(j + 3)))
    };
    if !(role_follows && name_after) {
        return None;
    }
    let plain =
        could_name_a_body(first) && !lexicon::is_title(first) && !lexicon::is_party_label(first);
    (plain && text::possessive_stem(first).is_none()).then_some(first)
}

/// Whether the first word before a role can name the body the role belongs to: not a
/// form of address, a common capitalised word, or a country ("US Air Force Colonel").
fn could_name_a_body(first: &str) -> bool {
    !lexicon::is_honorific(first)
        && !lexicon::is_common_capitalised(first)
        && lexicon::country(first).is_none()
        && lexicon::country_of_demonym(first).is_none()
}

/// A model number that names a product of its own: capitals or a hyphen ("A380",
/// "737-800") or three digits ("787"), not a year, an ordinal ("13th Amendment") or a
/// time of day ("8:38PM Rubio Thinks …", whose "38PM" would make a product of Rubio), also
/// glued to the next word.
fn names_a_model(word: &str) -> bool {
    // Nearly every word asked about is no model number, which is the quickest test.
    if !is_model_number(word) {
        return false;
    }
    let digits = word.bytes().all(|b| b.is_ascii_digit());
    let marked = !digits && word.contains(|c: char| c.is_ascii_uppercase() || c == '-');
    // A live blog glues the entry's time to its headline ("11:19PMDonald Trump …").
    let after_digits = word.trim_start_matches(|c: char| c.is_ascii_digit());
    let clock = after_digits
        .get(..2)
        .is_some_and(|m| m.eq_ignore_ascii_case("AM") || m.eq_ignore_ascii_case("PM"))
        && after_digits[2..].chars().next().is_none_or(|c| c.is_ascii_uppercase());
    ((digits && word.len() == 3) || marked) && !clock
}

/// A product's model number: digits, or capitals then digits ("787", "737-800", "A380", "KC-45").
fn is_model_number(word: &str) -> bool {
    let letters = word.chars().take_while(char::is_ascii_uppercase).count();
    let rest = word[letters..].trim_start_matches('-');
    letters <= 3
        && rest.starts_with(|c: char| c.is_ascii_digit())
        && rest.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// Whether the word at `start` is part of a link, a handle or a hashtag
/// ("https://t.co/SkKglwQycb", "@ShaneGoldmacher"), which name nobody. "CNN/ORC" is no link.
fn in_link(text: &str, start: usize) -> bool {
    if text[..start].chars().next_back().is_none_or(char::is_whitespace) {
        return false;
    }
    // Links are short: looking back a bounded stretch keeps a text with no spaces linear.
    let mut from = start.saturating_sub(200);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let piece = text[from..start].rsplit(char::is_whitespace).next().unwrap_or("");
    piece.contains("://") || piece.starts_with("www.") || piece.ends_with(['@', '#'])
}

/// A title that can head an office "of" something, also as it was ("then-Secretary") or
/// in lower case ("secretary").
fn heads_an_office(word: &str) -> bool {
    let title = word.strip_prefix("then-").or_else(|| word.strip_prefix("ex-")).unwrap_or(word);
    if text::is_capitalised(title) {
        return lexicon::is_title(title);
    }
    let mut chars = title.chars();
    chars.next().is_some_and(|first| {
        lexicon::is_title(&format!("{}{}", first.to_uppercase(), chars.as_str()))
    })
}

/// When the word at `title` heads an office "of" something, where the office's domain
/// ends: at the word after "of" ("Secretary of State") or the one after that ("Director
/// of National Intelligence").
fn office_domain_after(words: &[Word], title: usize) -> Option<usize> {
    if words.get(title + 1)?.text() != "of" || !heads_an_office(words[title].text()) {
        return None;
    }
    (title + 2..words.len().min(title + 4)).find(|&k| lexicon::is_office_domain(words[k].text()))
}

fn run_has_org_head(run: &[Word]) -> bool {
    run.iter().any(|w| lexicon::is_org_head(w.text()))
}

/// Builds a candidate from a run, splitting title and honorific off the name.
fn candidate(
    text: &str,
    run: &[Word],
    before: Option<&str>,
    sentence_start: usize,
    demonym_surnames: &FxHashSet<String>,
) -> Option<Candidate> {
    // An inverted speech verb opening the sentence is capitalised, not a name: "Said Ellis:".
    // So is "Say" supposing something: "Say Mexico demanded …".
    let inverted = run.len() > 1
        && run[0].start == sentence_start
        && matches!(
            run[0].text(),
            "Say" | "Said" | "Says" | "Added" | "Adds" | "Asked" | "Wrote" | "Writes" | "Noted"
        );
    let run = if inverted { &run[1..] } else { run };
    let (first, last) = (run.first()?, run.last()?);
    let last_text = last.text();
    let mut name_end = last.end;
    if let Some(stem) = text::possessive_stem(last_text) {
        name_end = last.start + stem.len();
    }
    let honorific = lexicon::is_honorific(first.text());
    let words = if honorific { &run[1..] } else { run };
    if words.is_empty() {
        return None;
    }
    // Everything up to the last title word is the role, when a name follows it. An
    // office's domain ends the role: "Secretary of State", "Director of National Intelligence".
    let office_end = words
        .iter()
        .position(|w| w.text() == "of")
        .filter(|&of| of > 0)
        .and_then(|of| office_domain_after(words, of - 1));
    // A party label before a person's name is a role too: "Republican Michael Steele",
    // not in "Republican National Committee's" or "Democratic People's Republic of Korea".
    let party_label = (words.len() >= 3
        && lexicon::is_party_label(words[0].text())
        && lexicon::country(&text[words[0].start..name_end]).is_none()
        && words[1..].iter().all(|w| {
            let stem = text::possessive_stem(w.text()).unwrap_or(w.text());
            !lexicon::is_org_head(stem) && !lexicon::is_party_label(stem)
        }))
    .then_some(0);
    // A role or office noun opening a sentence before a full name is a role: "Rival Hillary
    // Clinton", "Billionaire Mark Cuban"; so is a pageant's crown after "Miss": "Miss
    // Universe Alicia Machado".
    let capitalised_role = (words.len() >= 3
        && lexicon::with_lowercase(words[0].text(), lexicon::is_role_or_office_noun))
    .then_some(0);
    let pageant = honorific && run[0].text() == "Miss" && words.len() >= 3;
    // A name that ends as an organisation's does has no title in it: "General Electric",
    // "the Prime Minister's Office".
    let ends_as_organisation = || {
        words.last().is_some_and(|w| {
            lexicon::is_org_head(text::possessive_stem(w.text()).unwrap_or(w.text()))
        })
    };
    let title_at = words[..words.len() - 1]
        .iter()
        .rposition(|w| lexicon::is_title(w.text()) || lexicon::is_role_noun(w.text()))
        .filter(|_| !ends_as_organisation())
        .max(office_end.filter(|&end| end + 1 < words.len()))
        .map(|t| (t, Rule::RoleTitle))
        .or(party_label.map(|t| (t, Rule::RoleParty)))
        .or(capitalised_role.map(|t| (t, Rule::RoleDescription)))
        .or(pageant.then_some((0, Rule::RolePageant)));
    let (role, name_words) = match title_at {
        Some((t, rule)) => {
            let role_start = if pageant { run[0].start } else { words[0].start };
            let mut role = text[role_start..words[t].end].to_string();
            if let Some(b) = before.filter(|b| lexicon::qualifies_a_role(b)) {
                role = format!("{b} {role}");
            }
            (Some(Role::new(role, rule)), &words[t + 1..])
        }
        None => (None, words),
    };
    // "Chief Operating Officer" and "the Secretary of State" are roles without a name.
    if name_words.last().is_some_and(|w| lexicon::is_office_title(w.text()))
        || office_end == Some(words.len() - 1)
    {
        return None;
    }
    let first = name_words.first()?;
    let span = first.start..name_end;
    let name = text[span.clone()].to_string();
    // After a form of address, a title word is a surname: "Mr. King".
    if name.is_empty()
        || (!honorific && (lexicon::is_common_capitalised(&name) || lexicon::is_title(&name)))
    {
        return None;
    }
    // A model number ("A380", "Airbus A320", "KC-45") names a product, not an actor;
    // a currency, unit, time zone or holiday names nobody.
    if name_words.iter().any(|w| {
        w.text().contains(|c: char| c.is_ascii_digit()) || lexicon::is_never_an_actor(w.text())
    }) {
        return None;
    }
    let single = name_words.len() == 1;
    // A demonym names no one, unless it is a country's name too ("the Vatican said") or the
    // surname of someone named before ("Mark Cuban … Cuban said").
    let demonym = || {
        lexicon::country_of_demonym(&name).is_some()
            && lexicon::country(&name).is_none()
            && !demonym_surnames.contains(&name)
    };
    if single && (demonym() || lexicon::is_regional_adjective(&name)) {
        return None;
    }
    // "to Trump's criticism" names an owner, while "in Nevada's caucuses" and "to
    // Moscow's airport" name places.
    let owner = name_end != run[run.len() - 1].end
        && lexicon::country(&name).is_none()
        && !before.is_some_and(lexicon::places_in_or_at);
    let locative = before.is_some_and(lexicon::is_locative_preposition)
        && role.is_none()
        && !honorific
        && !owner;
    let kind = if role.is_some() || honorific {
        Some(ActorKind::Person)
    } else {
        // Places ("Rixos Hotel", "Middle East") are never actors.
        classify(name_words, &name).map(|kind| match kind {
            ActorKind::Other if before.is_some_and(lexicon::is_org_descriptor) => {
                ActorKind::Organization
            }
            kind => kind,
        })
    };
    // A name with a place's word inside is no actor, and a place when that word ends
    // it: "Rixos Hotel", but not "Wall Street Journal" or "World Bank".
    let place = kind.is_none() && ends_as_a_place(name_words);
    if kind.is_none() && !place {
        return None;
    }
    let sentence_initial =
        run[0].start == sentence_start && !is_subject_of_next_verb(&name, &text[name_end..]);
    let rule = if role.is_some() {
        Rule::ActorTitled
    } else if honorific {
        Rule::ActorAddressed
    } else {
        Rule::ActorName
    };
    Some(Candidate {
        rule,
        span,
        full: run[0].start..name_end,
        name,
        kind: Some(kind.unwrap_or(ActorKind::Other)),
        role,
        honorific,
        locative,
        sentence_initial,
        place,
    })
}

/// Whether a name's last word makes it a place: "Changi Airport", "the Atlantic Ocean".
/// A head alone ("Airport") names no place, and a few heads only after their usual
/// words: "West Bank", "Middle East", "Ground Zero" (not "Marty West").
fn ends_as_a_place(name: &[Word]) -> bool {
    let Some((last, [.., before])) = name.split_last() else { return false };
    let (head, before) = (last.text(), before.text());
    lexicon::is_place_head(head)
        && match head {
            "Bank" => matches!(before, "West" | "East" | "Left"),
            "East" | "West" => matches!(before, "Middle" | "Far" | "Near" | "Mid"),
            "Zero" => before == "Ground",
            _ => true,
        }
}

/// Whether a name is the subject of the verb right after it ("Galvin said", "Apple
/// unveils", "Airbus has confirmed"): a capitalised word opening a sentence is then a
/// name, not a common word. A plural-looking word needs a verb that agrees with one
/// subject ("Others said" is no name; "Jones said" needs the full name elsewhere).
fn is_subject_of_next_verb(name: &str, after: &str) -> bool {
    let next = after.split_whitespace().next().unwrap_or("");
    // An "-s" word may as well be a plural noun ("Internal emails"), so only speech verbs
    // and the verbs news uses for what companies and people do count.
    let singular_verb = matches!(next, "has" | "is" | "was")
        || (next.ends_with('s')
            && (lexicon::speech_verb(next).is_some() || lexicon::is_news_action_verb(next)));
    let past_verb = matches!(next, "said" | "told" | "added" | "wrote" | "announced" | "confirmed");
    singular_verb || (past_verb && !name.ends_with('s'))
}

fn classify(words: &[Word], name: &str) -> Option<ActorKind> {
    let tokens = || words.iter().map(super::text::Word::text);
    if lexicon::country(name).is_some() {
        return Some(ActorKind::Country);
    }
    if lexicon::organisation_alias(name).is_some() || lexicon::known_organisation(name) {
        return Some(ActorKind::Organization);
    }
    if tokens().any(lexicon::is_place_head) {
        return None;
    }
    // "Air France", "Air China": an airline.
    if tokens().any(lexicon::is_org_head) || (words.len() >= 2 && tokens().next() == Some("Air")) {
        return Some(ActorKind::Organization);
    }
    let acronym = words.len() == 1
        && name.len() >= 2
        && name.chars().all(|c| c.is_ascii_uppercase() || c == '.');
    if acronym {
        return Some(ActorKind::Organization);
    }
    // "North Florida", "New York", "San Diego": a place's first word makes no person.
    if words.len() >= 2 && tokens().next().is_some_and(lexicon::opens_place_name) {
        return Some(ActorKind::Other);
    }
    if words.len() >= 2 && words.len() <= 4 {
        return Some(ActorKind::Person);
    }
    if words.len() == 1 {
        // Decided later: a surname of a person named in full, a place, or other.
        return Some(ActorKind::Other);
    }
    Some(ActorKind::Organization)
}

/// "Russia's Defence Ministry" → the candidate "Russian Defence Ministry" and the last word used.
fn possessive_org(
    text: &str,
    words: &[Word],
    j: usize,
    owner: &Candidate,
) -> Option<(Candidate, usize)> {
    let (country, _) = lexicon::country(&owner.name)?;
    text::possessive_stem(words[j].text())?;
    let mut k = j + 1;
    while k < words.len()
        && is_name_word(words[k].text())
        && only_spaces(text, &words[k - 1], &words[k])
    {
        k += 1;
    }
    if k == j + 1 || !run_has_org_head(&words[j + 1..k]) {
        return None;
    }
    let rest = &text[words[j + 1].start..words[k - 1].end];
    Some((
        Candidate::described(
            owner.span.start..words[k - 1].end,
            format!("{} {rest}", country.demonym),
            ActorKind::Organization,
            Rule::ActorOfCountry,
        ),
        k - 1,
    ))
}

/// "Donald Trump’s administration" → the organisation "Trump administration"; likewise
/// "Assad's government", which [`governments_by_country`] later names by country.
fn administration(text: &str, words: &[Word], j: usize, owner: &Candidate) -> Option<Candidate> {
    if owner.kind != Some(ActorKind::Person) && owner.kind != Some(ActorKind::Other) {
        return None;
    }
    text::possessive_stem(words[j].text())?;
    let next = words.get(j + 1)?;
    let noun = next.text().to_lowercase();
    if !matches!(noun.as_str(), "administration" | "government")
        || !only_spaces(text, &words[j], next)
    {
        return None;
    }
    let surname = text::after_last_space(&owner.name);
    Some(Candidate::described(
        owner.span.start..next.end,
        format!("{surname} {noun}"),
        ActorKind::Organization,
        Rule::ActorAdministration,
    ))
}

/// The comparable form of a name: its words in lower case, without name particles, so
/// that "Bashar Assad" and "Bashar al-Assad" compare equal. Names are compared by their
/// first and last words and how many words they have, so the words are kept in one
/// string, and a key costs one allocation rather than one per word: every actor of every
/// article has one, in the extractor and again in the corpus merge.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameKey {
    /// The words, one space apart.
    words: String,
    count: usize,
    /// Where the first word ends and the last begins in `words`.
    first_end: usize,
    last_start: usize,
}

/// Whether a name's part (split at spaces and hyphens), in lower case, is left out of its
/// key when `count` words come before it: a particle ("al", "de"), or a generational
/// suffix after a name ("Jr"). None is longer than [`lexicon::LONGEST_PARTICLE_OR_SUFFIX`]
/// bytes, in any case: no character outside ASCII lower-cases to a letter of theirs.
fn leaves_out(part: &str, count: usize) -> bool {
    (count > 0 && lexicon::is_generational_suffix(part)) || lexicon::is_name_particle(part)
}

impl NameKey {
    pub fn new(name: &str) -> NameKey {
        let mut key = NameKey { words: String::with_capacity(name.len()), ..NameKey::default() };
        let ascii = name.is_ascii();
        // The parts between spaces and hyphens, as `split([' ', '-'])` gives them: both are
        // ASCII, so the name is cut at their bytes, with no character decoded.
        let cuts =
            name.bytes().enumerate().filter(|&(_, b)| b == b' ' || b == b'-').map(|(at, _)| at);
        let mut from = 0;
        for to in cuts.chain([name.len()]) {
            let part = name.get(from..to).unwrap_or_default();
            from = to + 1;
            if part.is_empty() {
                continue;
            }
            let before = key.words.len();
            if key.count > 0 {
                key.words.push(' ');
            }
            let start = key.words.len();
            // Names are capitalised: an ASCII word is lower-cased where it is written.
            if ascii {
                key.words.push_str(part);
                key.words.get_mut(start..).into_iter().for_each(str::make_ascii_lowercase);
            } else {
                key.words.push_str(&part.to_lowercase());
            }
            if key.words.get(start..).is_some_and(|word| leaves_out(word, key.count)) {
                key.words.truncate(before);
                continue;
            }
            if key.count == 0 {
                key.first_end = key.words.len();
            }
            key.last_start = start;
            key.count += 1;
        }
        key
    }

    /// How many words the name has, particles aside.
    pub fn word_count(&self) -> usize {
        self.count
    }

    /// `NameKey::new(name).word_count()`, without writing the key: the corpus merge orders
    /// every article's actors by it, and needs the key itself only of a name it has not
    /// met before.
    pub fn count_words(name: &str) -> usize {
        name.split([' ', '-']).filter(|part| !part.is_empty()).fold(0, |count, part| {
            // No part longer than a particle or a suffix is left out, whatever its case.
            let left_out = part.len() <= lexicon::LONGEST_PARTICLE_OR_SUFFIX
                && lexicon::with_lowercase(part, |word| leaves_out(word, count));
            count + usize::from(!left_out)
        })
    }

    pub fn first(&self) -> Option<&str> {
        (self.count > 0).then(|| &self.words[..self.first_end])
    }

    pub fn last(&self) -> Option<&str> {
        (self.count > 0).then(|| &self.words[self.last_start..])
    }
}

/// What [`canonical`] makes of a name, with the name's key.
struct Canonical {
    name: String,
    kind: Option<ActorKind>,
    key: NameKey,
    /// How a name of the text was tied to this one, when they differ.
    tie: Option<Rule>,
}

/// The name an actor goes by for a name in the text, and the kind that name alone
/// fixes (`None` leaves the kind the text gives it): "Moscow" speaking is Russia, a
/// country. `locative` says the name places something ("in Moscow"), where a capital
/// stays a city.
fn canonical(name: &str, locative: bool) -> Canonical {
    let fixed = |canonical: String, kind: ActorKind, rule: Rule| Canonical {
        tie: (canonical != name).then_some(rule),
        key: NameKey::new(&canonical),
        name: canonical,
        kind: Some(kind),
    };
    if let Some((country, capital)) = lexicon::country(name) {
        if !capital || !locative {
            let rule = if capital { Rule::AliasCapital } else { Rule::AliasCountry };
            return fixed(country.name.to_string(), ActorKind::Country, rule);
        }
    }
    if let Some(org) = lexicon::organisation_alias(name) {
        return fixed(org.to_string(), ActorKind::Organization, Rule::AliasOrganisation);
    }
    let name = name.strip_prefix("The ").unwrap_or(name);
    // "the Syrian Government" and "the Syrian government" are one body.
    if let Some((demonym, "Government")) = text::split_at_first_space(name) {
        if lexicon::country_of_demonym(demonym).is_some() {
            let government = format!("{demonym} government");
            return fixed(government, ActorKind::Organization, Rule::AliasGovernment);
        }
    }
    Canonical { name: name.to_string(), kind: None, key: NameKey::new(name), tie: None }
}

/// Ties candidates to actors: same canonical name, surname to full name, alias pairs.
fn cluster(
    text: &str,
    candidates: Vec<Candidate>,
    alias_pairs: &[(String, String)],
    organisations: &[String],
) -> ActorTable {
    let mut table = ActorTable::default();
    let organisations: FxHashSet<&str> = organisations.iter().map(String::as_str).collect();
    // Capitals only ever used as places ("in Astana") and countries that only place a
    // town ("Astana, Kazakhstan") are places; lone capitalised sentence openers are
    // nothing.
    // The maps and sets below are sized for the candidates at the outset: a text has
    // dozens of them, and growing a table step by step rehashes it each time.
    let capacity = candidates.len();
    // Most names are one candidate's or a few's, kept in place rather than in a list each.
    let mut by_name: FxHashMap<&str, SmallVec<[&Candidate; 2]>> =
        FxHashMap::with_capacity_and_hasher(capacity, Default::default());
    for c in &candidates {
        by_name.entry(c.name.as_str()).or_default().push(c);
    }
    let mut person_surnames: FxHashSet<&str> =
        FxHashSet::with_capacity_and_hasher(capacity, Default::default());
    person_surnames.extend(
        candidates
            .iter()
            .filter(|c| c.kind == Some(ActorKind::Person))
            .filter_map(|c| text::split_at_last_space(&c.name).map(|(_, last)| last)),
    );
    // The first words of longer names: "towards Northrop" is Northrop Grumman, not a place.
    let mut first_words: FxHashSet<&str> =
        FxHashSet::with_capacity_and_hasher(capacity, Default::default());
    first_words.extend(
        candidates
            .iter()
            .filter_map(|c| text::split_at_first_space(&c.name).map(|(first, _)| first)),
    );
    let mut places: FxHashMap<&str, Rule> =
        FxHashMap::with_capacity_and_hasher(capacity, Default::default());
    let mut dropped: FxHashSet<&str> =
        FxHashSet::with_capacity_and_hasher(capacity, Default::default());
    for (name, same) in &by_name {
        let unknown = same.iter().any(|o| o.kind == Some(ActorKind::Other));
        // A country stays one where the text is set ("talks in France"), unless it only
        // places a town ("Astana, Kazakhstan"); a capital or an unknown word in that
        // use is only a place.
        let country = lexicon::country(name);
        let town_or_unknown = country.is_some_and(|(_, capital)| capital) || unknown;
        // A country otherwise named only in someone's title ("ambassador to Kazakhstan")
        // places its town all the same.
        let locative = if town_or_unknown {
            same.iter().all(|o| o.locative || after_comma_place(text, o))
        } else {
            country.is_some()
                && same.iter().any(|o| after_comma_place(text, o))
                && same.iter().all(|o| after_comma_place(text, o) || in_a_title(text, o))
        };
        // "Participants described …": a capitalised common word opening a sentence,
        // unless the text shows it to be a name elsewhere ("Airbus chief executive …").
        let opener = unknown
            && !person_surnames.contains(*name)
            && !organisations.contains(*name)
            && same.iter().all(|o| o.sentence_initial && !o.honorific);
        // "to Democratic supporters": a party label is no place.
        if locative && !lexicon::is_party_label(name) && !first_words.contains(name) {
            let rule = if town_or_unknown { Rule::PlaceLocative } else { Rule::PlaceCountryOfTown };
            places.insert(*name, rule);
        } else if locative || opener {
            dropped.insert(*name);
        }
    }
    let (place_candidates, actor_candidates): (Vec<&Candidate>, Vec<&Candidate>) = candidates
        .iter()
        .filter(|c| !dropped.contains(c.name.as_str()))
        .partition(|c| places.contains_key(c.name.as_str()));
    table.places.extend(
        place_candidates
            .into_iter()
            .filter_map(|c| Some(c.as_place(*places.get(c.name.as_str())?))),
    );
    // A text names most actors many times: each name's canonical form and key are
    // worked out once.
    let mut canonicals: FxHashMap<(&str, bool), Canonical> =
        FxHashMap::with_capacity_and_hasher(capacity, Default::default());
    for c in &actor_candidates {
        canonicals
            .entry((c.name.as_str(), c.locative))
            .or_insert_with(|| canonical(&c.name, c.locative));
    }
    // Comparable name keys, kept beside the actors. Each candidate adds one mention and at
    // most one actor, so both lists are sized for them at the outset.
    let mut keys: Vec<&NameKey> = Vec::with_capacity(actor_candidates.len());
    table.mentions.reserve_exact(actor_candidates.len());
    let mut lookup = Lookup::with_capacity(capacity);
    for c in actor_candidates {
        let Some(Canonical { name, kind: fixed_kind, key, tie }) =
            canonicals.get(&(c.name.as_str(), c.locative))
        else {
            continue;
        };
        let mut tie = *tie;
        let kind = fixed_kind.or(c.kind).unwrap_or(ActorKind::Other);
        let alias_target =
            alias_pairs.iter().find(|(_, alias)| alias == name).map(|(n, _)| n.as_str());
        let index = find_actor(&table.actors, &keys, &lookup, name, key, kind, alias_target);
        let index = match index {
            Some((i, found_by)) => {
                let actor = &mut table.actors[i];
                // A full name seen after a bare surname becomes the canonical name, and the
                // surnames before it are tied to it.
                if kind == ActorKind::Person && key.word_count() > keys[i].word_count() {
                    lookup.rename(i, &actor.name, keys[i], name, key);
                    actor.name = name.clone();
                    actor.kind = ActorKind::Person;
                    keys[i] = key;
                    for m in table.mentions.iter_mut().filter(|m| m.actor == i && m.tie.is_none()) {
                        m.tie = Some(Rule::AliasSurname);
                    }
                } else {
                    tie = found_by.or(tie);
                }
                if actor.kind == ActorKind::Other && kind != ActorKind::Other {
                    actor.kind = kind;
                }
                i
            }
            None => {
                let i = table.actors.len();
                lookup.add(i, name, key);
                table.actors.push(ActorFinding {
                    name: name.clone(),
                    kind,
                    aliases: Vec::new(),
                    roles: Vec::new(),
                });
                keys.push(key);
                i
            }
        };
        let actor = &mut table.actors[index];
        for alias in [c.name.as_str(), &text[c.full.clone()]] {
            if !actor.aliases.iter().any(|a| a == alias) {
                actor.aliases.push(alias.to_string());
            }
        }
        if let Some(role) = &c.role {
            if !actor.roles.iter().any(|r| r.name == role.name) {
                actor.roles.push(role.clone());
            }
        }
        if c.honorific && actor.kind == ActorKind::Other {
            actor.kind = ActorKind::Person;
        }
        let (start, end) = (c.span.start, c.span.end);
        table.mentions.push(MentionFinding { start, end, actor: index, rule: c.rule, tie });
    }
    resolve_surnames(&mut table, &keys);
    // A name of unknown kind that the text shows to be an organisation elsewhere.
    for actor in table.actors.iter_mut().filter(|a| a.kind == ActorKind::Other) {
        if actor.aliases.iter().any(|a| organisations.contains(a.as_str())) {
            actor.kind = ActorKind::Organization;
        }
    }
    governments_by_country(&mut table);
    people_on_evidence(text, &mut table);
    companies_by_short_name(&mut table);
    acronyms_by_full_name(&mut table);
    for actor in &mut table.actors {
        actor.aliases.retain(|a| a != &actor.name);
        actor.aliases.insert(0, actor.name.clone());
    }
    table.mentions.sort_by_key(|m| (m.start, m.end));
    table
}

/// A name of two to four capitalised words is taken for a person's only on evidence: a
/// given name opening one of its forms, a title or role (before it, or set off by commas
/// beside it), a form of address, or its last word used alone for it elsewhere in the
/// article. The rest ("Operation Inherent Resolve", "Lockheed Tristar", "Snow Leopard")
/// are actors of unknown kind; another article that shows one to be a person makes it one
/// corpus-wide (`dataset`).
fn people_on_evidence(text: &str, table: &mut ActorTable) {
    let mut proven = vec![false; table.actors.len()];
    for m in &table.mentions {
        let appositive = || {
            text[m.end..].strip_prefix(", ").and_then(role_after).is_some()
                || text[..m.start].strip_suffix(", ").and_then(role_before).is_some()
        };
        if matches!(m.rule, Rule::ActorTitled | Rule::ActorAddressed)
            || m.tie == Some(Rule::AliasSurname)
            || appositive()
        {
            proven[m.actor] = true;
        }
    }
    for (i, actor) in table.actors.iter().enumerate() {
        proven[i] |= actor.kind != ActorKind::Person
            || !actor.roles.is_empty()
            || std::iter::once(&actor.name)
                .chain(&actor.aliases)
                .any(|form| form.split(' ').next().is_some_and(lexicon::is_given_name));
    }
    for (i, actor) in table.actors.iter_mut().enumerate() {
        if !proven[i] {
            actor.kind = ActorKind::Other;
        }
    }
    for m in &mut table.mentions {
        if !proven[m.actor] && m.rule == Rule::ActorName {
            m.rule = Rule::ActorNameUnproven;
        }
    }
}

/// Whether a name ends a title before it: "ambassador to Kazakhstan", "minister of Iraq".
fn in_a_title(text: &str, c: &Candidate) -> bool {
    let before = text[..c.span.start].strip_suffix(' ').unwrap_or("");
    let before = before.strip_suffix(" the").unwrap_or(before);
    let mut words = before.rsplit(' ');
    matches!(words.next(), Some("to" | "of" | "for"))
        && words.next().is_some_and(lexicon::is_role_or_office_noun)
}

fn after_comma_place(text: &str, c: &Candidate) -> bool {
    // "Astana, Kazakhstan": a country right after a place and a comma is a location.
    text[..c.span.start].ends_with(", ")
        && text[..c.span.start - 2].rsplit(' ').next().is_some_and(text::is_capitalised)
        && lexicon::country(&c.name).is_some()
}

/// The actors [`cluster`] has made so far, by exact name and by the last word of their
/// name key, so that tying a candidate does not compare it with every actor. Each list
/// holds actor indices in ascending order.
struct Lookup<'n> {
    by_name: FxHashMap<&'n str, Indices>,
    by_last: FxHashMap<&'n str, Indices>,
}

/// Actor indices filed under one name or last word: nearly always one, kept in place.
type Indices = SmallVec<[usize; 2]>;

impl<'n> Lookup<'n> {
    /// An empty lookup with room for `capacity` names.
    fn with_capacity(capacity: usize) -> Lookup<'n> {
        let room = || FxHashMap::with_capacity_and_hasher(capacity, Default::default());
        Lookup { by_name: room(), by_last: room() }
    }

    fn add(&mut self, i: usize, name: &'n str, key: &'n NameKey) {
        insert_sorted(self.by_name.entry(name).or_default(), i);
        if let Some(last) = key.last() {
            insert_sorted(self.by_last.entry(last).or_default(), i);
        }
    }

    fn rename(
        &mut self,
        i: usize,
        old_name: &str,
        old_key: &NameKey,
        name: &'n str,
        key: &'n NameKey,
    ) {
        if let Some(list) = self.by_name.get_mut(old_name) {
            list.retain(|j| *j != i);
        }
        if let Some(list) = old_key.last().and_then(|last| self.by_last.get_mut(last)) {
            list.retain(|j| *j != i);
        }
        self.add(i, name, key);
    }

    /// The first actor named exactly `name`.
    fn first_named(&self, name: &str) -> Option<usize> {
        self.by_name.get(name)?.first().copied()
    }
}

fn insert_sorted(list: &mut Indices, i: usize) {
    if let Err(at) = list.binary_search(&i) {
        list.insert(at, i);
    }
}

fn find_actor(
    actors: &[ActorFinding],
    keys: &[&NameKey],
    lookup: &Lookup<'_>,
    name: &str,
    key: &NameKey,
    kind: ActorKind,
    alias_of: Option<&str>,
) -> Option<(usize, Option<Rule>)> {
    if let Some(i) = alias_of.and_then(|target| lookup.first_named(target)) {
        return Some((i, Some(Rule::AliasBracketed)));
    }
    if let Some(i) = lookup.first_named(name) {
        return Some((i, None));
    }
    if !is_personal(kind) {
        return None;
    }
    // The latest person whose name could be this one: the same person shares a last word.
    let same_last = lookup.by_last.get(key.last()?)?;
    same_last
        .iter()
        .rev()
        .copied()
        .find(|&i| may_name_the_same_person(key, keys[i], actors[i].kind))
        .map(|i| (i, Some(Rule::AliasSurname)))
}

/// People, and single names not yet known to be anything else.
/// Whether a name opens with an honorific ("Mr. Obama", "Dr. Carson"): shown a person's.
pub fn opens_with_honorific(name: &str) -> bool {
    name.split(' ').next().is_some_and(lexicon::is_honorific)
}

pub fn is_personal(kind: ActorKind) -> bool {
    matches!(kind, ActorKind::Person | ActorKind::Other)
}

/// Whether `key` may name the same person as an actor of `kind` keyed `other`, in an
/// article or across the corpus: `same_person`, and a bare name is the surname only of
/// someone known to be a person ("Florida" is not "North Florida"'s).
pub fn may_name_the_same_person(key: &NameKey, other: &NameKey, kind: ActorKind) -> bool {
    let kind_fits =
        if key.word_count() == 1 { kind == ActorKind::Person } else { is_personal(kind) };
    kind_fits && same_person(key, other)
}

/// Whether two [`NameKey`]s name the same person: the same first and last name
/// ("Bashar Assad" / "Bashar al-Assad"), or a bare surname and a full name, unless that
/// surname is a party's or a country's name ([`lexicon::is_no_surname`]).
pub fn same_person(key: &NameKey, other: &NameKey) -> bool {
    match (key.word_count(), other.word_count()) {
        (0, _) | (_, 0) => false,
        (1, _) | (_, 1) => {
            key.last() == other.last() && !key.last().is_some_and(lexicon::is_no_surname)
        }
        _ => key.first() == other.first() && key.last() == other.last(),
    }
}

/// A bare surname seen before the full name was tied to a placeholder; fold those
/// placeholders into the full-name actor. `keys` are the actors' name keys, as clustering
/// keeps them.
fn resolve_surnames(table: &mut ActorTable, keys: &[&NameKey]) {
    // The first full name of a person for each surname.
    let mut full_names: FxHashMap<&str, usize> = FxHashMap::default();
    for (f, key) in keys.iter().enumerate() {
        if table.actors[f].kind == ActorKind::Person && key.word_count() > 1 {
            if let Some(last) = key.last() {
                full_names.entry(last).or_insert(f);
            }
        }
    }
    let merges: Vec<(usize, usize)> = keys
        .iter()
        .enumerate()
        .filter(|(_, key)| key.word_count() == 1)
        .filter_map(|(i, key)| Some((i, *full_names.get(key.first()?)?)))
        .filter(|&(i, _)| !keys[i].first().is_some_and(lexicon::is_no_surname))
        .collect();
    merge(table, &merges, Rule::AliasSurname);
}

/// A company's full name and its short one are one actor, under the short name readers
/// know it by: "Apple Inc." and "Apple Computer" are "Apple", "Aer Lingus Group PLC" is
/// "Aer Lingus". A short name that is a country or a person stays apart ("Qatar Airways").
fn companies_by_short_name(table: &mut ActorTable) {
    // Most articles name no company by its designator, and need no table of names.
    let designated = |a: &ActorFinding| {
        a.kind == ActorKind::Organization
            && text::split_at_last_space(&a.name)
                .is_some_and(|(_, last)| lexicon::is_company_designator(last))
    };
    if !table.actors.iter().any(designated) {
        return;
    }
    let by_name: FxHashMap<&str, usize> =
        table.actors.iter().enumerate().map(|(i, a)| (a.name.as_str(), i)).collect();
    let mut merges = Vec::new();
    for (i, actor) in
        table.actors.iter().enumerate().filter(|(_, a)| a.kind == ActorKind::Organization)
    {
        let mut name = actor.name.as_str();
        let mut shortest = None;
        while let Some((rest, last)) = text::split_at_last_space(name) {
            if !lexicon::is_company_designator(last) {
                break;
            }
            name = rest.trim_end_matches(',');
            let short = by_name.get(name).copied().filter(|&j| {
                matches!(table.actors[j].kind, ActorKind::Organization | ActorKind::Other)
            });
            shortest = short.or(shortest);
        }
        if let Some(j) = shortest {
            merges.push((i, j));
        }
    }
    for &(_, j) in &merges {
        table.actors[j].kind = ActorKind::Organization;
    }
    merge(table, &merges, Rule::AliasCompanyShortName);
}

/// An organisation's acronym and its full name in the same article are one actor:
/// "GAO" and "Government Accountability Office", "USAF" and "United States Air Force".
fn acronyms_by_full_name(table: &mut ActorTable) {
    let acronym =
        |a: &ActorFinding| a.name.len() >= 2 && a.name.chars().all(|c| c.is_ascii_uppercase());
    // Most articles name no acronym, and need no table of initials.
    if !table.actors.iter().any(acronym) {
        return;
    }
    let initials = |name: &str| -> String {
        name.split([' ', '-'])
            .filter(|w| w.starts_with(char::is_uppercase))
            .filter_map(|w| w.chars().next())
            .collect()
    };
    let full_names: FxHashMap<String, usize> = table
        .actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.kind == ActorKind::Organization && a.name.contains(' '))
        .map(|(i, a)| (initials(&a.name), i))
        .collect();
    let merges: Vec<(usize, usize)> = table
        .actors
        .iter()
        .enumerate()
        .filter(|(_, a)| acronym(a))
        .filter_map(|(i, a)| Some((i, *full_names.get(&a.name)?)))
        .filter(|&(i, j)| i != j)
        .collect();
    merge(table, &merges, Rule::AliasAcronym);
}

/// "Assad's government" is the government of the country in its leader's role
/// ("Syrian President Bashar al-Assad" → "Syrian government").
fn governments_by_country(table: &mut ActorTable) {
    let mut merges = Vec::new();
    for i in 0..table.actors.len() {
        let Some(surname) = table.actors[i].name.strip_suffix(" government") else { continue };
        let surname_key = NameKey::new(surname);
        let demonym = table
            .actors
            .iter()
            .filter(|a| {
                a.kind == ActorKind::Person && NameKey::new(&a.name).last() == surname_key.last()
            })
            .flat_map(|a| a.roles.iter())
            .find_map(|role| {
                role.name.split(' ').find(|w| lexicon::country_of_demonym(w).is_some())
            });
        let Some(demonym) = demonym else { continue };
        let national = format!("{demonym} government");
        match table.actors.iter().position(|a| a.name == national) {
            Some(existing) => merges.push((i, existing)),
            None => {
                let actor = &mut table.actors[i];
                actor.aliases.push(actor.name.clone());
                actor.name = national;
                for m in table.mentions.iter_mut().filter(|m| m.actor == i) {
                    m.tie = Some(Rule::AliasLeaderGovernment);
                }
            }
        }
    }
    merge(table, &merges, Rule::AliasLeaderGovernment);
}

/// Folds each `(from, into)` actor into the other, as `rule` ties them: aliases, roles
/// and mentions move, and the remaining actors are renumbered in order.
fn merge(table: &mut ActorTable, merges: &[(usize, usize)], rule: Rule) {
    if merges.is_empty() {
        return;
    }
    let mut remap: Vec<usize> = (0..table.actors.len()).collect();
    for &(from, into) in merges {
        remap[from] = into;
        let (aliases, roles) =
            (table.actors[from].aliases.clone(), table.actors[from].roles.clone());
        let target = &mut table.actors[into];
        for a in aliases {
            if !target.aliases.contains(&a) {
                target.aliases.push(a);
            }
        }
        for r in roles {
            if !target.roles.iter().any(|t| t.name == r.name) {
                target.roles.push(r);
            }
        }
    }
    let mut new_index = vec![usize::MAX; table.actors.len()];
    let mut kept = Vec::new();
    for (i, actor) in std::mem::take(&mut table.actors).into_iter().enumerate() {
        if remap[i] == i {
            new_index[i] = kept.len();
            kept.push(actor);
        }
    }
    for m in &mut table.mentions {
        if remap[m.actor] != m.actor {
            m.tie = Some(rule);
        }
        m.actor = new_index[remap[m.actor]];
    }
    table.actors = kept;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_arabic_article_is_al_or_el_and_a_hyphen_before_a_capital() {
        for word in ["al-Bab", "el-Sisi", "al-Ébano", "al-Qaeda’s"] {
            assert!(has_arabic_article(word), "{word}");
        }
        for word in [
            "al-bab",
            "al",
            "al-",
            "el",
            "",
            "alb-Bab",
            "Al-Bab",
            "el‐Sisi",
            "al-1",
            "é-Bab",
            "ál-Bab",
        ] {
            assert!(!has_arabic_article(word), "{word}");
        }
    }

    #[test]
    fn tests_read_from_the_text_answer_as_the_word_alone_does() {
        // Short words, words that begin or end a stretch, and "-led" or "al-" just
        // outside a word.
        let text = "al-Assad's US-led el-Sisi al el- x--led led al-bab -led Saudi-led al-";
        let index = WordIndex::new(text);
        assert!(index.all().len() > 8);
        for w in index.all() {
            assert_eq!(maybe_led(text, w), w.text().ends_with("-led"), "{:?}", w.text());
            assert_eq!(
                maybe_arabic_article(text, w),
                has_arabic_article(w.text()),
                "{:?}",
                w.text()
            );
        }
    }

    #[test]
    fn words_are_counted_as_the_key_counts_them() {
        let names = [
            "Bashar al-Assad",
            "ÉMILE  Van-der BERG",
            "al de -",
            "Joseph F. Dunford Jr.",
            "Jr. Smith",
            "Al Gore",
            "AL-SISI Jr",
            "Jean-Luc Picard",
            " -Anna- Maria  ",
            "Recep Tayyip ERDOĞAN",
            "bin Salman",
            "x",
            "",
            "Ban Ki-moon",
            "Louis XIV III",
            "DE LA CRUZ",
        ];
        for name in names {
            assert_eq!(NameKey::count_words(name), NameKey::new(name).word_count(), "{name:?}");
        }
        // Counting passes over longer parts unread.
        let listed = lexicon::GENERATIONAL_SUFFIXES.iter().chain(&lexicon::NAME_PARTICLES);
        assert!(
            listed.clone().all(|w| w.len() <= lexicon::LONGEST_PARTICLE_OR_SUFFIX),
            "{:?}",
            listed.collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_name_key_keeps_the_words_in_lower_case_without_particles() {
        let key = NameKey::new("Bashar al-Assad");
        assert_eq!((key.word_count(), key.first(), key.last()), (2, Some("bashar"), Some("assad")));
        assert_eq!(key, NameKey::new("Bashar Assad"));
        assert!(same_person(&key, &NameKey::new("Assad")), "a bare surname");
        assert!(!same_person(&key, &NameKey::new("Hafez al-Assad")), "another first name");
        let key = NameKey::new("ÉMILE  Van-der BERG");
        assert_eq!((key.word_count(), key.first(), key.last()), (2, Some("émile"), Some("berg")));
        let empty = NameKey::new("al de -");
        assert_eq!((empty.word_count(), empty.first(), empty.last()), (0, None, None));
        assert!(!same_person(&empty, &empty), "nothing to compare");
        // A generation is no surname, a first word though it may be.
        let key = NameKey::new("Joseph F. Dunford Jr.");
        assert_eq!((key.word_count(), key.last()), (3, Some("dunford")));
        assert!(same_person(&NameKey::new("Biden"), &NameKey::new("Joseph R. Biden Jr.")));
        assert!(!same_person(&key, &NameKey::new("Joseph R. Biden Jr.")));
        assert_eq!(NameKey::new("Jr. Smith").first(), Some("jr."));
        // The words are the name's parts between spaces and hyphens, as `split` gives them.
        for name in [
            "Jean-Luc Picard",
            " -Anna- Maria  ",
            "Recep Tayyip ERDOĞAN",
            "bin Salman",
            "x",
            "",
            "Ban Ki-moon",
            "al-Sisi",
        ] {
            let parts: Vec<String> = name
                .split([' ', '-'])
                .filter(|p| !p.is_empty())
                .map(str::to_lowercase)
                .filter(|p| !lexicon::is_name_particle(p))
                .collect();
            let key = NameKey::new(name);
            let expected =
                (parts.len(), parts.first().map(String::as_str), parts.last().map(String::as_str));
            assert_eq!((key.word_count(), key.first(), key.last()), expected, "{name:?}");
        }
    }
}
