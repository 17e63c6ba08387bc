//! The dataset: every article with its actors, quotes, time expressions and events,
//! merged across the corpus. Its JSON form is the public contract of
//! `newsline ingest` (see `docs/dataset.md`); the page embeds the same
//! structure in postcard form.

use std::ops::Range;
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use jiff::civil::Date;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use crate::corpus::Source;
use crate::extract::{
    self, is_personal, may_name_the_same_person, ActorKind, Analysis, DateBasis, NameKey,
    QuoteKind, Role, Rule, Stance, TimexType,
};

/// An article's id as every item names it: shared, since a corpus's items name their
/// articles some hundred thousand times, and a copy of the id each would be an allocation
/// each. `Arc` rather than `Rc`, so that a dataset can be built on one thread and used on
/// another; it serialises as a plain string.
pub type ArticleId = Arc<str>;

/// An actor's id as quotes and events name it: shared for the same reason as
/// [`ArticleId`], since a corpus's quotes and events name their actors tens of thousands
/// of times.
pub type ActorId = Arc<str>;

/// Quotes, time expressions and events hold no copy of their words: each is a span of its
/// article's text, which the JSON form writes out as the item's `text` (see the
/// `Serialize` impl) and the page slices on demand.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Dataset {
    pub articles: Vec<Article>,
    pub actors: Vec<Actor>,
    /// Places named in the articles: where things happen, never who speaks.
    #[serde(default)]
    pub places: Vec<Place>,
    pub quotes: Vec<Quote>,
    pub timexes: Vec<Timex>,
    pub events: Vec<Event>,
    /// Quotes whose words match across articles but whose speakers differ.
    pub conflicts: Vec<Conflict>,
    pub diagnostics: Vec<Diagnostic>,
    /// Every rule the findings name, in the rule table's order: what it says and how
    /// often it is right on annotated news.
    #[serde(default)]
    pub rules: Vec<RuleNote>,
}

impl Serialize for Dataset {
    /// A human-readable form (the JSON of `newsline ingest`) gives every quote, time
    /// expression and event its `text`, as the contract asks; a compact one (the page's
    /// postcard) leaves it out, since the reader has the articles to slice it from. Either
    /// way the fields come in the order [`Dataset`] declares them, which postcard relies on.
    fn serialize<S: Serializer>(&self, out: S) -> Result<S::Ok, S::Error> {
        let texts = out.is_human_readable().then(|| ArticleTexts::new(&self.articles));
        let texts = texts.as_ref();
        let mut fields = out.serialize_struct("Dataset", 9)?;
        fields.serialize_field("articles", &self.articles)?;
        fields.serialize_field("actors", &self.actors)?;
        fields.serialize_field("places", &self.places)?;
        fields.serialize_field("quotes", &Worded { items: &self.quotes, texts })?;
        fields.serialize_field("timexes", &Worded { items: &self.timexes, texts })?;
        fields.serialize_field("events", &Worded { items: &self.events, texts })?;
        fields.serialize_field("conflicts", &self.conflicts)?;
        fields.serialize_field("diagnostics", &self.diagnostics)?;
        fields.serialize_field("rules", &self.rules)?;
        fields.end()
    }
}

/// An item that is a span of one article's text.
pub trait Span {
    fn article(&self) -> &str;
    fn span(&self) -> Range<usize>;
}

macro_rules! span_of_article {
    ($($item:ty),*) => {$(
        impl Span for $item {
            fn article(&self) -> &str {
                &self.article
            }
            fn span(&self) -> Range<usize> {
                self.start..self.end
            }
        }
    )*};
}
span_of_article!(Quote, Timex, Event);

/// Every article's text by its id, to slice items' words from.
pub struct ArticleTexts<'d>(FxHashMap<&'d str, &'d str>);

impl<'d> ArticleTexts<'d> {
    pub fn new(articles: &'d [Article]) -> ArticleTexts<'d> {
        let mut texts = FxHashMap::with_capacity_and_hasher(articles.len(), Default::default());
        for a in articles {
            texts.entry(&*a.id).or_insert(a.text.as_str());
        }
        ArticleTexts(texts)
    }

    /// The item's words; empty when its article or span is not in the dataset.
    pub fn words(&self, item: &impl Span) -> &'d str {
        self.0.get(item.article()).and_then(|t| t.get(item.span())).unwrap_or_default()
    }
}

/// Items as a form writes them: with their article texts, each with its words beside its
/// fields, a map entry after them (serde's `flatten`, so that the item's own fields stay as
/// its derive writes them); without, as they are.
struct Worded<'a, 'd, T> {
    items: &'a [T],
    texts: Option<&'a ArticleTexts<'d>>,
}

impl<T: Span + Serialize> Serialize for Worded<'_, '_, T> {
    fn serialize<S: Serializer>(&self, out: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct WithText<'a, T> {
            #[serde(flatten)]
            item: &'a T,
            text: &'a str,
        }
        match self.texts {
            Some(texts) => out.collect_seq(
                self.items.iter().map(|item| WithText { item, text: texts.words(item) }),
            ),
            None => self.items.serialize(out),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: ArticleId,
    /// `YYYY-MM-DD`, or `None` when neither the file nor the manifest gives one.
    pub date: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// Who wrote it, as the page, feed or record says.
    #[serde(default)]
    pub byline: Option<String>,
    pub text: String,
    /// The text keeps only the sentences around what was found (`newsline ingest --excerpts`),
    /// joined by [`crate::excerpts::GAP`]; spans point into this shortened text.
    #[serde(default)]
    pub excerpted: bool,
    /// The text is a feed item's summary, not the whole article.
    #[serde(default)]
    pub summary: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// A readable slug such as `sean-spicer`, stable for a given corpus.
    pub id: ActorId,
    pub name: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
    /// Titles seen with the name, and how each was found (`role_rules[i]` for `roles[i]`).
    pub roles: Vec<String>,
    pub role_rules: Vec<Rule>,
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// A readable slug such as `aleppo`, unique among the places.
    pub id: String,
    pub name: String,
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub article: ArticleId,
    pub start: usize,
    pub end: usize,
    /// How the words were found to name an actor, or a place.
    pub rule: Rule,
    /// How they were tied to an actor of another name, in the article or across the
    /// corpus ("Moscow" to Russia, "Obama" to Barack Obama).
    pub tie: Option<Rule>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub id: String,
    pub article: ArticleId,
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    pub speaker: Option<ActorId>,
    pub speaker_span: Option<[usize; 2]>,
    pub cue: Option<String>,
    pub stance: Stance,
    /// The quote this denial rejects.
    pub rejects: Option<String>,
    /// The event of its saying.
    pub event: Option<String>,
    /// How it was found.
    pub rule: Rule,
    /// Where its speaker was found, and how the words there were read as the speaker.
    pub speaker_rule: Option<Rule>,
    pub subject_rule: Option<Rule>,
    /// Why it has its stance.
    pub stance_rule: Rule,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    pub article: ArticleId,
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value; `None` for a relative expression in an undated article.
    pub value: Option<String>,
    /// The date a relative expression was resolved against.
    #[serde(with = "crate::dates::optional_day")]
    pub anchor: Option<Date>,
    pub unresolved: Option<String>,
    /// The pattern that found it, and how its value was worked out.
    pub rule: Rule,
    pub resolution: Option<Rule>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub article: ArticleId,
    pub start: usize,
    pub end: usize,
    pub date: EventDate,
    pub actors: Vec<ActorId>,
    pub quotes: Vec<String>,
}

/// An event's date, honest about where it comes from and how wide it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDate {
    /// TIMEX3 value (`2017-01-23`, `2016-09`), or `None` when undated.
    pub value: Option<String>,
    pub basis: DateBasis,
    pub granularity: Option<extract::Granularity>,
    /// First and last day covered: typed, since the timeline ranks and spans events by
    /// them, and the merge makes three dates for each event.
    #[serde(with = "crate::dates::optional_day")]
    pub first: Option<Date>,
    #[serde(with = "crate::dates::optional_day")]
    pub last: Option<Date>,
    /// The phrase that dates it ("on Monday") and the date it was resolved against.
    pub phrase: Option<String>,
    #[serde(with = "crate::dates::optional_day")]
    pub anchor: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// The shared words, as the first outlet prints them.
    pub text: String,
    pub quotes: Vec<String>,
    pub speakers: Vec<String>,
    /// The rule that found the quotes to be about one story.
    pub rule: Rule,
}

/// A rule the findings name: what it says, and its precision measured against annotated
/// news (`data/rule-precision.json`, written by `newsline eval --by-rule`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleNote {
    pub rule: Rule,
    pub says: String,
    /// The share of its checked decisions that were right, and how many were checked;
    /// `None` for a rule that gold cannot check or that the measure never saw decide.
    pub precision: Option<f64>,
    pub decided: usize,
    /// Its findings are uncertain: it was checked at least [`MIN_DECIDED`] times and was
    /// right less often than [`UNCERTAIN_BELOW`].
    pub uncertain: bool,
}

/// Below this measured precision, a rule's findings are uncertain.
pub const UNCERTAIN_BELOW: f64 = 0.70;

/// How many checked decisions a precision needs before it marks a rule uncertain.
pub const MIN_DECIDED: usize = 20;

/// The rules' measured precision, as `newsline eval --by-rule --json` wrote it.
#[derive(Deserialize)]
struct Measured {
    rules: FxHashMap<String, MeasuredRule>,
}

#[derive(Deserialize)]
struct MeasuredRule {
    decided: usize,
    precision: f64,
}

/// The notes of the rules `ds`'s findings name, in the rule table's order.
fn rule_notes(ds: &Dataset) -> Vec<RuleNote> {
    static MEASURED: std::sync::OnceLock<FxHashMap<String, MeasuredRule>> =
        std::sync::OnceLock::new();
    let measured = MEASURED.get_or_init(|| {
        serde_json::from_str::<Measured>(include_str!("../data/rule-precision.json"))
            .map(|m| m.rules)
            .unwrap_or_default()
    });
    let mut used = vec![false; Rule::ALL.len()];
    let mut mark = |rule: Option<Rule>| {
        if let Some(rule) = rule {
            used[rule as usize] = true;
        }
    };
    for q in &ds.quotes {
        for rule in [Some(q.rule), q.speaker_rule, q.subject_rule, Some(q.stance_rule)] {
            mark(rule);
        }
    }
    for t in &ds.timexes {
        mark(Some(t.rule));
        mark(t.resolution);
    }
    for a in &ds.actors {
        for m in &a.mentions {
            mark(Some(m.rule));
            mark(m.tie);
        }
        for &r in &a.role_rules {
            mark(Some(r));
        }
    }
    for m in ds.places.iter().flat_map(|p| &p.mentions) {
        mark(Some(m.rule));
    }
    Rule::ALL
        .iter()
        .filter(|r| used[**r as usize])
        .map(|&rule| {
            let m = measured.get(rule.id());
            RuleNote {
                rule,
                says: rule.says().to_string(),
                precision: m.map(|m| m.precision),
                decided: m.map_or(0, |m| m.decided),
                uncertain: m
                    .is_some_and(|m| m.decided >= MIN_DECIDED && m.precision < UNCERTAIN_BELOW),
            }
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub article: ArticleId,
    pub at: usize,
    pub message: String,
}

/// An id of a quote or event: `prefix` and the number, "q12". Made for every quote and
/// event of a corpus, so without `format!`.
fn numbered(prefix: char, n: usize) -> String {
    let mut id = String::with_capacity(8);
    id.push(prefix);
    id.push_str(itoa::Buffer::new().format(n));
    id
}

/// A readable, URL-safe id: "Sean Spicer" → `sean-spicer`.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut add = |c: char| {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    };
    // Every actor and place of a corpus gets one, and nearly every name is ASCII, whose
    // characters lower-case one to one.
    for c in name.chars() {
        if c.is_ascii() {
            add(c.to_ascii_lowercase());
        } else {
            c.to_lowercase().for_each(&mut add);
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "actor".to_string()
    } else {
        trimmed.to_string()
    }
}

/// The corpus-wide actors, with lookups by name and by last name word so that
/// merging an article's actors does not scan the whole corpus.
#[derive(Default)]
struct Registry {
    actors: Vec<Actor>,
    keys: Vec<NameKey>,
    by_name: FxHashMap<String, usize>,
    by_last_word: FxHashMap<String, Vec<usize>>,
}

impl Registry {
    /// The corpus-wide actor named `name`, if there is one.
    fn named(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }

    /// The corpus-wide person a local actor keyed `key`, and named as no corpus actor is,
    /// may be. A bare surname merges only when it points at one person.
    fn same_person(&self, local: &extract::ActorFinding, key: &NameKey) -> Option<usize> {
        if !is_personal(local.kind) {
            return None;
        }
        let candidates = self.by_last_word.get(key.last()?)?;
        // A lone word its article does not show to be a person's ("Indiana") needs a
        // person the corpus shows to be one: with a title or an honorific somewhere. Else
        // any two capitalised words ("Encourage Indiana") would gather every "Indiana".
        let shown = |i: usize| {
            let actor = &self.actors[i];
            // "Paul D. Ryan of Wisconsin" has no surname "Wisconsin".
            !actor.name.contains(" of ")
                && (!actor.roles.is_empty()
                    || actor.aliases.iter().any(|a| extract::opens_with_honorific(a)))
        };
        let bare_unknown = key.word_count() == 1 && local.kind != ActorKind::Person;
        let mut matches = candidates.iter().copied().filter(|&i| {
            may_name_the_same_person(key, &self.keys[i], self.actors[i].kind)
                && (!bare_unknown || shown(i))
        });
        let first = matches.next()?;
        matches.next().is_none().then_some(first)
    }

    /// A new corpus actor, named as `local` is; `local`'s name is moved into it.
    fn add(&mut self, local: &mut extract::ActorFinding, key: NameKey) -> usize {
        let index = self.actors.len();
        self.by_name.insert(local.name.clone(), index);
        if let Some(last) = key.last() {
            self.by_last_word.entry(last.to_string()).or_default().push(index);
        }
        self.keys.push(key);
        self.actors.push(Actor {
            id: ActorId::default(),
            name: std::mem::take(&mut local.name),
            kind: local.kind,
            aliases: Vec::new(),
            roles: Vec::new(),
            role_rules: Vec::new(),
            mentions: Vec::new(),
        });
        index
    }
}

/// How many times as often as every other person of the same surname together the corpus
/// must name one before that surname, alone, is taken to be theirs.
const DOMINANT_SHARE: usize = 5;

/// The registry's actors, with each bare surname that several people share tied to the
/// one the corpus names [`DOMINANT_SHARE`] times as often as the rest ("Obama" is Barack
/// Obama in a corpus that names Michelle Obama now and then): the corpus's own evidence,
/// where the article gives none. `global` and `tied` follow the actors that move.
fn tie_dominant_people(
    registry: Registry,
    analyses: &[Analysis],
    global: &mut [Vec<usize>],
    tied: &mut [Vec<Option<Rule>>],
) -> Vec<Actor> {
    let Registry { mut actors, keys, by_last_word, .. } = registry;
    let mut mentions = vec![0usize; actors.len()];
    for (ai, a) in analyses.iter().enumerate() {
        for m in &a.mentions {
            mentions[global[ai][m.actor]] += 1;
        }
    }
    let mut into: Vec<usize> = (0..actors.len()).collect();
    for (s, key) in keys.iter().enumerate() {
        // Only a name the articles show to be a person's: a bare "Florida" is no one's.
        if key.word_count() != 1 || actors[s].kind != ActorKind::Person {
            continue;
        }
        let Some(candidates) = key.last().and_then(|last| by_last_word.get(last)) else {
            continue;
        };
        let people: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&c| {
                c != s
                    && keys[c].word_count() > 1
                    && may_name_the_same_person(key, &keys[c], actors[c].kind)
            })
            .collect();
        let Some(&top) = people.iter().max_by_key(|&&c| (mentions[c], usize::MAX - c)) else {
            continue;
        };
        let rest: usize = people.iter().filter(|&&c| c != top).map(|&c| mentions[c]).sum();
        if people.len() > 1 && mentions[top] >= DOMINANT_SHARE * rest.max(1) {
            into[s] = top;
        }
    }
    if into.iter().enumerate().all(|(i, &t)| i == t) {
        return actors;
    }
    // Move each tied surname's names and roles to its person, then renumber.
    for s in 0..actors.len() {
        let t = into[s];
        if t == s {
            continue;
        }
        let moved = std::mem::replace(
            &mut actors[s],
            Actor {
                id: ActorId::default(),
                name: String::new(),
                kind: ActorKind::Other,
                aliases: Vec::new(),
                roles: Vec::new(),
                role_rules: Vec::new(),
                mentions: Vec::new(),
            },
        );
        let person = &mut actors[t];
        for alias in std::iter::once(moved.name).chain(moved.aliases) {
            push_unique(&mut person.aliases, alias);
        }
        for (role, rule) in moved.roles.into_iter().zip(moved.role_rules) {
            if !person.roles.contains(&role) {
                person.roles.push(role);
                person.role_rules.push(rule);
            }
        }
    }
    let mut renumbered = vec![0usize; actors.len()];
    let mut kept = 0;
    for (i, &t) in into.iter().enumerate() {
        if t == i {
            renumbered[i] = kept;
            kept += 1;
        }
    }
    for (ai, locals) in global.iter_mut().enumerate() {
        for (k, g) in locals.iter_mut().enumerate() {
            if into[*g] != *g {
                tied[ai][k] = Some(Rule::AliasCorpusDominant);
            }
            *g = renumbered[into[*g]];
        }
    }
    let mut i = 0;
    actors.retain(|_| {
        i += 1;
        into[i - 1] == i - 1
    });
    actors
}

/// Runs the extractor on every source and merges the results into one dataset.
pub fn build(sources: Vec<Source>) -> Dataset {
    let analyses: Vec<Analysis> =
        sources.iter().map(|s| extract::analyze(&s.text, s.date)).collect();
    assemble(sources, analyses)
}

/// Merges per-article analyses (in the same order as `sources`) into one dataset.
pub fn assemble(sources: Vec<Source>, mut analyses: Vec<Analysis>) -> Dataset {
    let mut ds = Dataset::default();
    // Full names first, so that bare surnames in any article find them: the actors are
    // filed by their names' word counts, and each count's keep the articles' order.
    let mut by_words: Vec<Vec<(usize, usize)>> = Vec::new();
    for (ai, a) in analyses.iter().enumerate() {
        for (k, actor) in a.actors.iter().enumerate() {
            let words = NameKey::count_words(&actor.name);
            if by_words.len() <= words {
                by_words.resize_with(words + 1, Vec::new);
            }
            by_words[words].push((ai, k));
        }
    }
    let mut global: Vec<Vec<usize>> = analyses.iter().map(|a| vec![0; a.actors.len()]).collect();
    // How each article's actor was tied to a corpus actor of another name, if it was.
    let mut tied: Vec<Vec<Option<Rule>>> =
        analyses.iter().map(|a| vec![None; a.actors.len()]).collect();
    let mut registry = Registry::default();
    for (ai, k) in by_words.into_iter().rev().flatten() {
        // Each actor is merged once, so its name, aliases and roles are moved out, not
        // copied. Most names are met before, by name: only a new one is keyed.
        let local = &mut analyses[ai].actors[k];
        let index = match registry.named(&local.name) {
            Some(i) => i,
            None => {
                let key = NameKey::new(&local.name);
                match registry.same_person(local, &key) {
                    Some(i) => {
                        tied[ai][k] = Some(Rule::AliasCorpusPerson);
                        i
                    }
                    None => registry.add(local, key),
                }
            }
        };
        let actor = &mut registry.actors[index];
        if actor.kind == ActorKind::Other {
            actor.kind = local.kind;
        }
        for alias in std::mem::take(&mut local.aliases) {
            if !actor.aliases.contains(&alias) {
                actor.aliases.push(alias);
            }
        }
        for Role { name, rule } in std::mem::take(&mut local.roles) {
            if !actor.roles.contains(&name) {
                actor.roles.push(name);
                actor.role_rules.push(rule);
            }
        }
        global[ai][k] = index;
    }
    ds.actors = tie_dominant_people(registry, &analyses, &mut global, &mut tied);
    // Slugs, unique within the corpus.
    let mut taken: FxHashMap<String, usize> = FxHashMap::default();
    for actor in &mut ds.actors {
        actor.id = unique_slug(&actor.name, &mut taken).into();
    }

    // Every item is pushed once: reserving up front spares the copies of growing.
    let mut mentions_of = vec![0usize; ds.actors.len()];
    for (ai, analysis) in analyses.iter().enumerate() {
        analysis.mentions.iter().for_each(|m| mentions_of[global[ai][m.actor]] += 1);
    }
    for (actor, &count) in ds.actors.iter_mut().zip(&mentions_of) {
        actor.mentions.reserve_exact(count);
    }
    ds.quotes.reserve_exact(analyses.iter().map(|a| a.quotes.len()).sum());
    ds.timexes.reserve_exact(analyses.iter().map(|a| a.timexes.len()).sum());
    ds.events.reserve_exact(analyses.iter().map(|a| a.events.len()).sum());
    ds.articles.reserve_exact(sources.len());
    // Places are one per name across the corpus.
    let mut place_named: FxHashMap<String, usize> = FxHashMap::default();
    for (ai, (source, analysis)) in sources.into_iter().zip(analyses).enumerate() {
        let text = &source.text;
        let article = ArticleId::from(source.id);
        for p in &analysis.places {
            let index = *place_named.entry(p.name.clone()).or_insert_with(|| {
                ds.places.push(Place {
                    id: String::new(),
                    name: p.name.clone(),
                    mentions: Vec::new(),
                });
                ds.places.len() - 1
            });
            ds.places[index].mentions.push(Mention {
                article: article.clone(),
                start: p.start,
                end: p.end,
                rule: p.rule,
                tie: None,
            });
        }
        let mut mentions_by_start: Vec<usize> = (0..analysis.mentions.len()).collect();
        mentions_by_start.sort_by_key(|&m| analysis.mentions[m].start);
        for m in &analysis.mentions {
            let g = global[ai][m.actor];
            ds.actors[g].mentions.push(Mention {
                article: article.clone(),
                start: m.start,
                end: m.end,
                rule: m.rule,
                tie: m.tie.or(tied[ai][m.actor]),
            });
        }
        let actors = &ds.actors;
        let actor_id = |local: usize| actors[global[ai][local]].id.clone();
        let quote_base = ds.quotes.len();
        let event_base = ds.events.len();
        // The event each quote is part of, by the quote's place in the article.
        let mut event_of_quote: Vec<Option<usize>> = vec![None; analysis.quotes.len()];
        for (ei, e) in analysis.events.iter().enumerate() {
            for &q in &e.quotes {
                if let Some(slot) = event_of_quote.get_mut(q) {
                    *slot = Some(ei);
                }
            }
        }
        for (qi, q) in analysis.quotes.iter().enumerate() {
            ds.quotes.push(Quote {
                id: numbered('q', quote_base + qi + 1),
                article: article.clone(),
                start: q.span.start,
                end: q.span.end,
                kind: q.kind,
                speaker: q.speaker.map(actor_id),
                speaker_span: q.speaker_span.clone().map(|s| [s.start, s.end]),
                cue: q.cue.clone().map(|c| text[c].to_string()),
                stance: q.stance,
                rejects: q.rejects.map(|r| numbered('q', quote_base + r + 1)),
                event: event_of_quote[qi].map(|e| numbered('e', event_base + e + 1)),
                rule: q.rule,
                speaker_rule: q.speaker_rule,
                subject_rule: q.subject_rule,
                stance_rule: q.stance_rule,
            });
        }
        for t in &analysis.timexes {
            ds.timexes.push(Timex {
                article: article.clone(),
                start: t.start,
                end: t.end,
                kind: t.kind,
                value: t.value.clone(),
                anchor: t.anchor,
                unresolved: t.unresolved.as_deref().map(str::to_string),
                rule: t.rule,
                resolution: t.resolution,
            });
        }
        for (ei, e) in analysis.events.iter().enumerate() {
            let timex = e.timex.map(|t| &analysis.timexes[t]);
            let mut actors: Vec<ActorId> = Vec::new();
            for q in &e.quotes {
                if let Some(s) = analysis.quotes[*q].speaker {
                    push_unique(&mut actors, actor_id(s));
                }
            }
            let first =
                mentions_by_start.partition_point(|&m| analysis.mentions[m].start < e.span.start);
            for m in mentions_by_start[first..]
                .iter()
                .map(|&m| &analysis.mentions[m])
                .take_while(|m| m.start < e.span.end)
            {
                if m.end <= e.span.end {
                    push_unique(&mut actors, actor_id(m.actor));
                }
            }
            ds.events.push(Event {
                id: numbered('e', event_base + ei + 1),
                article: article.clone(),
                start: e.span.start,
                end: e.span.end,
                date: EventDate {
                    value: match (e.basis, timex) {
                        (DateBasis::Stated, Some(t)) => t.value.clone(),
                        _ => e.interval.map(extract::value_of),
                    },
                    basis: e.basis,
                    granularity: e.interval.map(|i| i.granularity),
                    first: e.interval.map(|i| i.first),
                    last: e.interval.map(|i| i.last),
                    phrase: timex.map(|t| text[t.start..t.end].to_string()),
                    anchor: timex.and_then(|t| t.anchor),
                },
                actors,
                quotes: e.quotes.iter().map(|q| numbered('q', quote_base + q + 1)).collect(),
            });
        }
        for d in analysis.diagnostics {
            ds.diagnostics.push(Diagnostic {
                article: article.clone(),
                at: d.at,
                message: d.message.to_string(),
            });
        }
        ds.articles.push(Article {
            id: article,
            date: source.date.map(crate::dates::iso_day),
            title: source.title,
            outlet: source.outlet,
            url: source.url,
            byline: source.byline,
            text: source.text,
            excerpted: false,
            summary: source.summary,
        });
    }
    let mut taken: FxHashMap<String, usize> = FxHashMap::default();
    for place in &mut ds.places {
        place.id = unique_slug(&place.name, &mut taken);
    }
    ds.conflicts = conflicts(&ds);
    ds.rules = rule_notes(&ds);
    ds
}

/// The name's slug, numbered when `taken` holds it already ("john-smith-2").
fn unique_slug(name: &str, taken: &mut FxHashMap<String, usize>) -> String {
    let base = slug(name);
    let n = taken.entry(base.clone()).or_insert(0);
    *n += 1;
    if *n == 1 {
        base
    } else {
        format!("{base}-{n}")
    }
}

fn push_unique<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// The quote's words in lower case, one space apart, written into `key` (cleared first):
/// quotes with the same key share their words. A word is a run of letters and digits. One
/// buffer serves every quote read, so only the keys that are kept allocate.
pub(crate) fn write_words_key(t: &str, key: &mut String) {
    key.clear();
    // Bytes are read as they are, and only a byte outside ASCII is decoded: a quote's text
    // is nearly all ASCII, but most hold a curly quote mark.
    let bytes = t.as_bytes();
    let in_word = |at: usize| -> (bool, usize) {
        match bytes[at] {
            b if b.is_ascii() => (b.is_ascii_alphanumeric(), 1),
            _ => t[at..]
                .chars()
                .next()
                .map_or((false, 1), |c| (extract::is_letter_or_digit(c), c.len_utf8())),
        }
    };
    let mut at = 0;
    while at < bytes.len() {
        let (letter, width) = in_word(at);
        if !letter {
            at += width;
            continue;
        }
        let start = at;
        while at < bytes.len() {
            let (letter, width) = in_word(at);
            if !letter {
                break;
            }
            at += width;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        let word = &t[start..at];
        if word.is_ascii() {
            let from = key.len();
            key.push_str(word);
            key[from..].make_ascii_lowercase();
        } else {
            key.push_str(&word.to_lowercase());
        }
    }
}

/// What texts with the same words key ([`write_words_key`]) share: how many ASCII letters
/// and digits the key holds, and the first and last four of them. Where every letter and
/// digit of the text is ASCII (nearly every quote: curly quote marks and dashes are
/// neither), they are read from the text without writing the key; otherwise the key is
/// written into `key` and read there, since a letter outside ASCII may lower-case to one in
/// it (the Kelvin sign is a "k"). A text with no letter or digit has no mark.
type WordsMark = (usize, [u8; 4], [u8; 4]);

fn words_mark(t: &str, key: &mut String) -> Option<WordsMark> {
    let unicode_word =
        !t.is_ascii() && t.chars().any(|c| !c.is_ascii() && extract::is_letter_or_digit(c));
    let read = if unicode_word {
        write_words_key(t, key);
        key.as_str()
    } else {
        t
    };
    let letters = |b: &&u8| b.is_ascii_alphanumeric();
    let mut ends = ([0; 4], [0; 4]);
    for (slot, b) in ends.0.iter_mut().zip(read.as_bytes().iter().filter(letters)) {
        *slot = b.to_ascii_lowercase();
    }
    for (slot, b) in ends.1.iter_mut().zip(read.as_bytes().iter().rev().filter(letters)) {
        *slot = b.to_ascii_lowercase();
    }
    let count = read.bytes().filter(u8::is_ascii_alphanumeric).count();
    (count > 0 || unicode_word).then_some((count, ends.0, ends.1))
}

/// For each of `count` quotes, the first quote whose words are the same as its own (itself
/// when it is the first); a quote whose text is `None`, or has no words, stands for itself.
/// The merge's conflicts and the index's identical words both group quotes so. Nearly every
/// quote's words are its own, and so is its [`words_mark`]: only quotes whose mark another
/// shares have their words key written and compared.
pub(crate) fn first_with_same_words<'t>(
    count: usize,
    text_of: impl Fn(usize) -> Option<&'t str>,
) -> Vec<usize> {
    let mut key = String::new();
    let mut marked: Vec<(WordsMark, usize)> =
        (0..count).filter_map(|i| Some((words_mark(text_of(i)?, &mut key)?, i))).collect();
    marked.sort_unstable();
    let mut first: Vec<usize> = (0..count).collect();
    for same_mark in marked.chunk_by(|a, b| a.0 == b.0).filter(|run| run.len() > 1) {
        let mut keyed: Vec<(String, usize)> = same_mark
            .iter()
            .map(|&(_, i)| {
                write_words_key(text_of(i).unwrap_or_default(), &mut key);
                (key.clone(), i)
            })
            .collect();
        keyed.sort_unstable();
        for same in keyed.chunk_by(|a, b| a.0 == b.0) {
            same.iter().for_each(|&(_, i)| first[i] = same[0].1);
        }
    }
    first
}

/// How many days apart two articles may be published for their shared words to conflict.
const CONFLICT_WINDOW_DAYS: i32 = 7;
/// How many words the paragraphs around two quotes must share for them to be one story.
const CONFLICT_SHARED_WORDS: usize = 2;
/// In a corpus of this many articles or more, a shared word counts only when at most a
/// twentieth of them use it: "warplanes", not "president". A smaller corpus is one story.
const CONFLICT_MANY_ARTICLES: usize = 40;
const CONFLICT_RARE_SHARE: usize = 20;

/// Words any two paragraphs may share without being about one story.
fn is_filler(word: &str) -> bool {
    static WORDS: std::sync::OnceLock<FxHashSet<&'static str>> = std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| {
            include_str!("../data/stopwords-en.txt")
                .lines()
                .filter(|l| !l.starts_with('#') && !l.is_empty())
                .collect()
        })
        .contains(word)
}

/// Quotes' surroundings: the words of the paragraph each quote is in and of the paragraphs
/// either side, less the quote's own words and filler, in lower case and of four letters
/// or more.
struct Surroundings {
    words: Vec<FxHashSet<String>>,
    /// Of every word some quote's surroundings hold, how many articles use it.
    articles_using: FxHashMap<String, usize>,
    rare_below: usize,
}

fn long_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !crate::extract::is_letter_or_digit(c))
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .filter(|w| !is_filler(w))
}

impl Surroundings {
    fn new(ds: &Dataset, quotes: &[usize]) -> Surroundings {
        let texts = ArticleTexts::new(&ds.articles);
        let words: Vec<FxHashSet<String>> = quotes
            .iter()
            .map(|&i| {
                let q = &ds.quotes[i];
                let text = texts.0.get(&*q.article).copied().unwrap_or_default();
                let paras = crate::extract::paragraphs(text);
                let at = paras.iter().position(|p| p.start <= q.start && q.start < p.end);
                let around = at.map_or(q.start..q.end, |at| {
                    paras[at.saturating_sub(1)].start..paras[(at + 1).min(paras.len() - 1)].end
                });
                let own: FxHashSet<String> = long_words(texts.words(q)).collect();
                let before = text.get(around.start..q.start).unwrap_or_default();
                let after = text.get(q.end..around.end).unwrap_or_default();
                long_words(before).chain(long_words(after)).filter(|w| !own.contains(w)).collect()
            })
            .collect();
        let mut articles_using: FxHashMap<String, usize> =
            words.iter().flatten().map(|w| (w.clone(), 0)).collect();
        if !articles_using.is_empty() {
            for a in &ds.articles {
                let used: FxHashSet<String> =
                    long_words(&a.text).filter(|w| articles_using.contains_key(w)).collect();
                for w in used {
                    *articles_using.entry(w).or_default() += 1;
                }
            }
        }
        let n = ds.articles.len();
        let rare_below = if n < CONFLICT_MANY_ARTICLES { n } else { n / CONFLICT_RARE_SHARE };
        Surroundings { words, articles_using, rare_below }
    }

    /// Whether the quotes at `a` and `b` (of those it was made for) share enough rare words.
    fn share(&self, a: usize, b: usize) -> bool {
        let rare = |w: &String| self.articles_using.get(w).is_some_and(|&n| n <= self.rare_below);
        self.words[a].intersection(&self.words[b]).filter(|w| rare(w)).count()
            >= CONFLICT_SHARED_WORDS
    }
}

/// Whether two articles' publication days are a week apart at most; an undated article is
/// given the benefit of the doubt, and its words must show the story alone.
fn within_window(a: Option<Date>, b: Option<Date>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => crate::dates::days_between(a, b).abs() <= CONFLICT_WINDOW_DAYS,
        _ => true,
    }
}

/// Quoted words shared by articles whose speakers differ, about one story: the seeds'
/// "rubbish" (rule `conflict.same-story`). The same common word quoted in unrelated stories
/// ("obsessed") is no conflict.
fn conflicts(ds: &Dataset) -> Vec<Conflict> {
    let spoken = |q: &Quote| q.kind != QuoteKind::Indirect && q.speaker.is_some();
    let texts = ArticleTexts::new(&ds.articles);
    let first = first_with_same_words(ds.quotes.len(), |i| {
        spoken(&ds.quotes[i]).then(|| texts.words(&ds.quotes[i]))
    });
    // Each group is its first quote and those that share its words, in the order the
    // groups' first quotes appear: the pairs (first, later one) sorted.
    let mut later: Vec<(usize, usize)> =
        first.iter().enumerate().filter(|&(i, &f)| f != i).map(|(i, &f)| (f, i)).collect();
    later.sort_unstable();
    // Only groups with two speakers and two articles can conflict; the evidence (which
    // reads every article once) is gathered for their quotes alone.
    let groups: Vec<Vec<usize>> = later
        .chunk_by(|a, b| a.0 == b.0)
        .map(|run| std::iter::once(run[0].0).chain(run.iter().map(|&(_, i)| i)).collect())
        .filter(|group: &Vec<usize>| {
            let q = |i: usize| &ds.quotes[i];
            group.iter().any(|&i| q(i).speaker != q(group[0]).speaker)
                && group.iter().any(|&i| q(i).article != q(group[0]).article)
        })
        .collect();
    let members: Vec<usize> = groups.iter().flatten().copied().collect();
    let around = Surroundings::new(ds, &members);
    // Each article's day, read once rather than at every pair of quotes compared.
    let dates: FxHashMap<&str, Option<Date>> = ds
        .articles
        .iter()
        .map(|a| (&*a.id, a.date.as_deref().and_then(crate::dates::parse_day)))
        .collect();
    let date_of = |q: &Quote| dates.get(&*q.article).copied().flatten();
    let mut at = 0;
    groups
        .into_iter()
        .filter_map(|group| {
            let first_at = at;
            at += group.len();
            // The members some member of another article, speaker and the same story
            // matches.
            let quotes: Vec<&Quote> = group
                .iter()
                .enumerate()
                .filter(|&(x, &i)| {
                    let (a, qa) = (first_at + x, &ds.quotes[i]);
                    group.iter().enumerate().any(|(y, &j)| {
                        let qb = &ds.quotes[j];
                        qa.article != qb.article
                            && qa.speaker != qb.speaker
                            && within_window(date_of(qa), date_of(qb))
                            && around.share(a, first_at + y)
                    })
                })
                .map(|(_, &i)| &ds.quotes[i])
                .collect();
            let mut speakers: Vec<String> = Vec::new();
            for q in &quotes {
                push_unique(&mut speakers, q.speaker.as_deref().unwrap_or_default().to_string());
            }
            (speakers.len() > 1).then(|| Conflict {
                text: texts.words(quotes[0]).trim_end_matches(['.', ',']).to_string(),
                quotes: quotes.iter().map(|q| q.id.clone()).collect(),
                speakers,
                rule: Rule::ConflictSameStory,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(texts: &[&str]) -> Dataset {
        let sources = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Source {
                id: format!("a{i}"),
                text: (*t).to_string(),
                ..Source::default()
            })
            .collect();
        build(sources)
    }

    fn named(ds: &Dataset, name: &str) -> bool {
        ds.actors.iter().any(|a| a.name == name)
    }

    #[test]
    fn a_shared_surname_stays_apart_unless_one_person_dominates_the_corpus() {
        let barack = "President Barack Obama spoke in Chicago. Obama said the economy was \
                      stronger. Obama thanked the crowd, and Obama left early. Later Obama met donors.";
        let michelle = "First lady Michelle Obama visited a school. Michelle Obama said \
                        children need parks. Michelle Obama then left.";
        let bare = "Mr. Obama said on Tuesday that the deal was a good one.";
        // Barack five mentions, Michelle three: neither is five times the other.
        let even = corpus(&[barack, michelle, bare]);
        assert!(named(&even, "Obama"), "an even split leaves the surname its own actor");
        // Barack five, Michelle once.
        let one_sided =
            corpus(&[barack, "First lady Michelle Obama visited a school on Monday.", bare]);
        assert!(!named(&one_sided, "Obama"));
        let barack = one_sided.actors.iter().find(|a| a.name == "Barack Obama").unwrap();
        assert!(barack
            .mentions
            .iter()
            .any(|m| &*m.article == "a2" && m.tie == Some(Rule::AliasCorpusDominant)));
        // A bare place name is no one's surname, whoever is named with it.
        let places = corpus(&[
            "POLITICO Florida reported it. POLITICO Florida said so. POLITICO Florida agreed.",
            "Voters in Florida went to the polls.",
        ]);
        assert!(places
            .actors
            .iter()
            .all(|a| a.mentions.iter().all(|m| m.tie != Some(Rule::AliasCorpusDominant))));
    }

    #[test]
    fn slugs_are_readable() {
        assert_eq!(slug("Sean Spicer"), "sean-spicer");
        assert_eq!(slug("Bashar al-Assad"), "bashar-al-assad");
        assert_eq!(slug("“!!”"), "actor");
    }

    /// Names and quotes in ASCII and out of it, for the fast paths below.
    const MIXED: [&str; 8] = [
        "Sean Spicer",
        "Recep Tayyip Erdoğan",
        "İSTANBUL Office",
        "ΟΔΟΣ Σίσυφος",
        "\u{212A}elvin K",
        "  --A.B.  c ",
        "",
        "“Rubbish,” he said; it's 2017!",
    ];

    #[test]
    fn a_slug_lower_cases_ascii_one_to_one_and_everything_else_as_char_to_lowercase_does() {
        let by_chars = |name: &str| {
            let mut out = String::new();
            for c in name.chars().flat_map(char::to_lowercase) {
                if c.is_ascii_alphanumeric() {
                    out.push(c);
                } else if !out.ends_with('-') && !out.is_empty() {
                    out.push('-');
                }
            }
            let trimmed = out.trim_end_matches('-');
            if trimmed.is_empty() {
                "actor".to_string()
            } else {
                trimmed.to_string()
            }
        };
        for name in MIXED {
            assert_eq!(slug(name), by_chars(name), "{name:?}");
        }
    }

    #[test]
    fn a_quotes_words_key_reads_ascii_as_bytes_and_lower_cases_each_word_as_str_does() {
        let by_words = |t: &str| {
            t.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(extract::lower_case)
                .collect::<Vec<_>>()
                .join(" ")
        };
        // One buffer for every text, as the callers use it: each key replaces the last.
        let mut key = String::from("left over");
        for t in MIXED.iter().copied().chain([
            "RUBBISH",
            "rubbish.",
            "no -- way",
            "a1b2 C3",
            "“Fake NEWS,” he said—twice",
            "CAFÉ’s ΣΟΦΟΣ menu",
        ]) {
            write_words_key(t, &mut key);
            assert_eq!(key, by_words(t), "{t:?}");
        }
        write_words_key("“Rubbish,” he said", &mut key);
        assert_eq!(key, "rubbish he said");
        // Quoted words match whatever the punctuation and case, as the index's identical
        // words relation needs them to.
        let key = |t: &str| {
            let mut buf = String::from("stale");
            write_words_key(t, &mut buf);
            buf
        };
        assert_eq!(key("“Rubbish,” he said"), "rubbish he said");
        assert_eq!(key("RUBBISH."), key("rubbish"));
        assert_eq!(key("Rubbish!"), "rubbish");
        assert_eq!(key("— …"), "");
    }

    #[test]
    fn texts_with_the_same_words_key_have_the_same_mark() {
        let key = |t: &str| {
            let mut key = String::new();
            write_words_key(t, &mut key);
            key
        };
        let texts: Vec<&str> = MIXED
            .iter()
            .copied()
            .chain([
                "“Fake NEWS,” he said—twice",
                "fake news he said twice",
                "—“…”—",
                "\u{212A}elvin",
                "kelvin",
                "“KELVIN”",
                "CAFÉ’s menu",
                "café s MENU",
            ])
            .chain(["a", "A.b", "a b", "9 ", " x", "Rubbish", "rubbish.", "RUBBISH!"])
            .collect();
        for a in &texts {
            // A text with no words has no mark and stands for itself.
            assert_eq!(words_mark(a, &mut String::new()).is_none(), key(a).is_empty(), "{a:?}");
            for b in &texts {
                if key(a) == key(b) && !key(a).is_empty() {
                    assert_eq!(
                        words_mark(a, &mut String::new()),
                        words_mark(b, &mut String::new()),
                        "{a:?} and {b:?}"
                    );
                }
            }
        }
        // The mark parts most texts whose words differ.
        let mark = |t: &str| words_mark(t, &mut String::new());
        assert_ne!(mark("Fake news"), mark("Fake nous"));
        assert_ne!(mark("a b"), mark("ab c"));
        // Same-looking marks are keyed in full: "ab c" and "a bc" share one, not their words.
        let grouped =
            first_with_same_words(4, |i| ["ab c", "a bc", "AB, C", "Ab c."].get(i).copied());
        assert_eq!(grouped, [0, 1, 0, 0]);
    }

    /// A dataset of direct quotes, each `(id, article, words, speaker)`: the words are
    /// written into their article, and the quote is their span.
    fn quoted(quotes: &[(&str, &str, &str, &str)]) -> Dataset {
        // One story: every article's paragraph names its warplanes and coalition.
        quoted_in(|_| "Coalition warplanes struck near al-Bab. ", quotes)
    }

    /// [`quoted`], each article opening with `story(article)`.
    fn quoted_in(
        story: impl Fn(&str) -> &'static str,
        quotes: &[(&str, &str, &str, &str)],
    ) -> Dataset {
        let mut ds = Dataset::default();
        for &(id, article, words, speaker) in quotes {
            if ds.articles.last().is_none_or(|a| &*a.id != article) {
                let text = story(article).to_string();
                ds.articles.push(Article {
                    id: article.into(),
                    date: None,
                    title: None,
                    outlet: None,
                    url: None,
                    byline: None,
                    text,
                    excerpted: false,
                    summary: false,
                });
            }
            let text = &mut ds.articles.last_mut().unwrap().text;
            text.push_str("And: ");
            let start = text.len();
            text.push_str(words);
            ds.quotes.push(Quote {
                id: id.into(),
                article: article.into(),
                start,
                end: text.len(),
                kind: QuoteKind::Direct,
                speaker: Some(speaker.into()),
                speaker_span: None,
                cue: None,
                stance: Stance::Statement,
                rejects: None,
                event: None,
                rule: Rule::QuoteOpensSentence,
                speaker_rule: Some(Rule::SpeakerBeforeQuote),
                subject_rule: Some(Rule::SubjectName),
                stance_rule: Rule::StanceStatement,
            });
        }
        ds
    }

    #[test]
    fn conflicts_group_the_same_words_from_articles_whose_speakers_differ_in_the_order_they_first_appear(
    ) {
        let ds = quoted(&[
            ("q1", "a", "Fake news.", "trump"),
            ("q2", "a", "rubbish", "spicer"),
            ("q3", "b", "Rubbish!", "united-states"),
            ("q4", "b", "fake NEWS", "trump"),
            ("q5", "c", "fake news,", "cnn"),
            ("q6", "c", "All alone", "cnn"),
            ("q7", "c", "Rubbish", "spicer"),
        ]);
        let found: Vec<(String, Vec<String>, Vec<String>)> =
            conflicts(&ds).into_iter().map(|c| (c.text, c.quotes, c.speakers)).collect();
        let strings =
            |s: &[&str]| s.iter().map(std::string::ToString::to_string).collect::<Vec<_>>();
        assert_eq!(
            found,
            [
                ("Fake news".to_string(), strings(&["q1", "q4", "q5"]), strings(&["trump", "cnn"])),
                (
                    "rubbish".to_string(),
                    strings(&["q2", "q3", "q7"]),
                    strings(&["spicer", "united-states"])
                ),
            ]
        );
        // The same words from one speaker, or from one article, are no conflict.
        let one_speaker =
            quoted(&[("q1", "a", "Rubbish", "spicer"), ("q2", "b", "rubbish", "spicer")]);
        assert!(conflicts(&one_speaker).is_empty());
        let one_article =
            quoted(&[("q1", "a", "Rubbish", "spicer"), ("q2", "a", "rubbish", "trump")]);
        assert!(conflicts(&one_article).is_empty());
    }

    #[test]
    fn the_same_words_in_unrelated_stories_are_no_conflict() {
        let pair = [("q1", "a", "obsessed", "trump"), ("q2", "b", "Obsessed", "clinton")];
        // Paragraphs that share only filler ("that", "would", "about") show no one story.
        let unrelated = quoted_in(
            |a| {
                if a == "a" {
                    "The senator said that he would talk about taxes. "
                } else {
                    "The actress said that she would talk about films. "
                }
            },
            &pair,
        );
        assert!(conflicts(&unrelated).is_empty());
        // One story, but published two months apart.
        let mut apart = quoted(&pair);
        apart.articles[0].date = Some("2017-01-02".into());
        apart.articles[1].date = Some("2017-03-02".into());
        assert!(conflicts(&apart).is_empty());
        // A week apart at most, it is one.
        apart.articles[1].date = Some("2017-01-09".into());
        let found = conflicts(&apart);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rule, Rule::ConflictSameStory);
    }
}
