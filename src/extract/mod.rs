//! The pure extractor: article text and an optional publication date in, actors,
//! quotes, time expressions and events out.
//!
//! Architecture invariants: no I/O, no clock, no panics on any input, and every
//! span is a byte range on `char` boundaries of the text it was given.

mod actors;
mod countries;
mod events;
mod lexicon;
mod quotes;
mod rules;
mod text;
mod timex;

use std::borrow::Cow;
use std::ops::Range;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

pub use actors::{ActorFinding, ActorKind, MentionFinding, PlaceFinding, Role};
// When two names may be one person: linguistics the extractor applies within an article and
// the dataset's merge applies across articles, so that both decide alike.
pub use actors::{is_personal, may_name_the_same_person, opens_with_honorific, NameKey};
pub use events::{DateBasis, EventFinding};
pub use lexicon::lower_case;
pub use quotes::{QuoteFinding, QuoteKind, Stance};
pub use rules::Rule;
pub use text::{is_letter_or_digit, paragraphs};
pub use timex::{value_of, Granularity, Interval, TimexFinding, TimexType};

/// Something the extractor noticed and chose not to guess about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Byte offset in the article text.
    pub at: usize,
    pub message: Cow<'static, str>,
}

impl Diagnostic {
    fn new(at: usize, message: &'static str) -> Self {
        Diagnostic { at, message: Cow::Borrowed(message) }
    }
}

/// What the extractor found in one article. It serialises (`newsline extract` writes one
/// per article), so that extraction and the corpus merge can run on different machines.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub actors: Vec<ActorFinding>,
    pub mentions: Vec<MentionFinding>,
    /// Places named in the text, in text order; they are not actors.
    pub places: Vec<PlaceFinding>,
    pub quotes: Vec<QuoteFinding>,
    pub timexes: Vec<TimexFinding>,
    pub events: Vec<EventFinding>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The layout of an article that every later stage reads.
struct Segments<'t> {
    paragraphs: Vec<Range<usize>>,
    quoted: Vec<quotes::Quoted>,
    /// The quoted stretches, which sentences never split.
    protected: Vec<Range<usize>>,
    sentences: Vec<Range<usize>>,
    words: text::WordIndex<'t>,
    diagnostics: Vec<Diagnostic>,
}

fn segment(text: &str) -> Segments<'_> {
    let mut diagnostics = Vec::new();
    let paragraphs = text::paragraphs(text);
    let quoted = quotes::pair_marks(text, &paragraphs, &mut diagnostics);
    let protected: Vec<Range<usize>> = quoted.iter().map(|q| q.content.clone()).collect();
    let shield = text::shield(&protected);
    let sentences: Vec<Range<usize>> =
        paragraphs.iter().flat_map(|p| text::sentences(text, p.clone(), &shield)).collect();
    let mut words = text::WordIndex::new(text);
    words.file_sentences(&sentences);
    Segments { paragraphs, quoted, protected, sentences, words, diagnostics }
}

/// The article's sentences as byte ranges, as [`analyze`] splits them (quoted speech
/// never split), for cutting excerpts around what was found.
pub fn sentence_spans(text: &str) -> Vec<Range<usize>> {
    segment(text).sentences
}

/// Only the time expressions of an article, as [`analyze`] finds them: for tools
/// and benchmarks that need the temporal tagger alone.
pub fn time_expressions(text: &str, published: Option<Date>) -> Vec<TimexFinding> {
    let s = segment(text);
    timex::find(text, &s.words, &s.sentences, &s.protected, published)
}

/// Analyses one article. `published` anchors relative dates; without it they stay
/// unresolved. Never fails: odd input yields diagnostics, not errors.
pub fn analyze(text: &str, published: Option<Date>) -> Analysis {
    let Segments { paragraphs, quoted, protected, sentences, words, mut diagnostics } =
        segment(text);
    let mut table = actors::find(text, &words, &sentences);
    let timexes = timex::find(text, &words, &sentences, &protected, published);
    for t in timexes.iter().filter(|t| t.unresolved.is_some()) {
        diagnostics
            .push(Diagnostic { at: t.start, message: t.unresolved.clone().unwrap_or_default() });
    }
    let timex_spans: Vec<Range<usize>> = timexes.iter().map(|t| t.start..t.end).collect();
    // Actors from here on are the unnamed sources attribution describes.
    let found_by_name = table.actors.len();
    let mut cx = quotes::Context {
        text,
        words: &words,
        actors: &mut table,
        paragraphs: &paragraphs,
        sentences: &sentences,
        timexes: &timex_spans,
    };
    let mut found = quotes::find(&mut cx, &quoted);
    table.drop_unheard_since(found_by_name, &mut found);
    let events = events::find(text, &sentences, &found, &timexes, published);
    diagnostics.sort_by_key(|d| d.at);
    Analysis {
        actors: table.actors,
        mentions: table.mentions,
        places: table.places,
        quotes: found,
        timexes,
        events,
        diagnostics,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i16, m: i8, d: i8) -> Option<Date> {
        Date::new(y, m, d).ok()
    }

    #[test]
    fn products_units_and_holidays_are_not_actors() {
        let text = "Shares rose as Airbus said the A380 and the Airbus A320 cost 5 USD per GHz at 10 UTC before Christmas.";
        let names: Vec<String> = analyze(text, None).actors.into_iter().map(|a| a.name).collect();
        assert_eq!(names, ["Airbus"]);
        // A maker's name on its model and a currency's country prefix are not mentions.
        let text = "The airline Ryanair ordered five Boeing 737-800s for US$ 1 billion.";
        let a = analyze(text, None);
        let mentioned: Vec<&str> = a.mentions.iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(mentioned, ["Ryanair"]);
        // A name given to a model is a product wherever it stands; a code in an
        // organisation's name is not a model.
        let text = "Airlines praised Boeing for the 787 Dreamliner. The Dreamliner flew. The EB-5 Investment Coalition objected.";
        let names: Vec<String> = analyze(text, None).actors.into_iter().map(|a| a.name).collect();
        assert!(
            names.contains(&"Boeing".to_string())
                && !names.iter().any(|n| n.contains("Dreamliner")),
            "{names:?}"
        );
        assert!(names.iter().any(|n| n.contains("Investment Coalition")), "{names:?}");
    }

    #[test]
    fn a_time_of_day_is_no_model_number_making_a_product_of_the_name_after_it() {
        // A live blog's entry line: "8:38PM" splits into "8" and "38PM", and "38PM Rubio"
        // once read like "787 Dreamliner", dropping Rubio from the whole article.
        let text =
            "Rubio said he does support an exception. Kasich said he thinks it would pass.\n\
                    Featured 8:38PM Rubio Thinks Joe Biden Was A Really Effective Senator";
        let names: Vec<String> = analyze(text, None).actors.into_iter().map(|a| a.name).collect();
        assert!(names.contains(&"Rubio".to_string()), "{names:?}");
        // Glued to the headline's first word, the time once did the same to "Trump".
        let text = "FeaturedFebruary 6, 2016 11:19PMDonald Trump And Marco Rubio Miss The Mark\n\
                    “We are going to win,” Trump said.";
        let a = analyze(text, None);
        let mentioned: Vec<&str> = a.mentions.iter().map(|m| &text[m.start..m.end]).collect();
        assert!(mentioned.contains(&"Trump"), "{mentioned:?}");
        assert_eq!(a.quotes.len(), 1);
    }

    #[test]
    fn a_country_where_things_happen_is_an_actor_a_capital_there_is_not() {
        let text = "The jets will be built in France. Talks were held in Astana, Kazakhstan.";
        let names: Vec<String> = analyze(text, None).actors.into_iter().map(|a| a.name).collect();
        assert_eq!(names, ["France"]);
    }

    #[test]
    fn events_products_and_bare_offices_are_not_actors() {
        // An event and its short name, anywhere; a name after a lower-case brand; a maker
        // before its products; an office with no name after it.
        let text = "Steve Jobs spoke at the Worldwide Developers Conference (WWDC) in June. WWDC drew crowds. \
                    The iPod Nano sold well, and so did Intel processors. The Chief Operating Officer, Tim Cook, said so. \
                    The co-Anchor Jane Doe agreed.";
        let names: Vec<String> = analyze(text, None).actors.into_iter().map(|a| a.name).collect();
        assert_eq!(names, ["Steve Jobs", "Tim Cook", "Jane Doe"]);
        // Laws and wars; words of a link, a handle or a hashtag.
        let text = "The Voting Rights Act passed after the Korean War. The Affordable Care Act’s tax stayed. \
                    See https://t.co/SkKglwQycb, @ShaneGoldmacher and #BlackLivesMatter.";
        assert!(analyze(text, None).actors.is_empty(), "{:?}", analyze(text, None).actors);
    }

    #[test]
    fn software_and_devices_are_products_wherever_the_text_says_so() {
        // A version described, an operating system, a descriptor before the name, a
        // variant's last word, and names listed with a product.
        let text = "At its event Apple unveiled Lion, the new version of its Mac OS X operating system. The web browser Safari \
                    and e-mail client Mail ship with Lion. The Macbook and Macbook Pro sell well, as do the iPod Classic, \
                    Nano and Shuffle. Safari is fast.";
        let names: Vec<String> = analyze(text, None).actors.into_iter().map(|a| a.name).collect();
        assert_eq!(names, ["Apple"]);
        // A person after "player" is no product.
        let names: Vec<String> = analyze("Hall of Fame player Charles Barkley spoke.", None)
            .actors
            .into_iter()
            .map(|a| a.name)
            .collect();
        assert!(names.contains(&"Charles Barkley".to_string()), "{names:?}");
    }

    #[test]
    fn a_name_that_only_modifies_a_noun_is_no_mention_there() {
        let text = "Boeing employees cheered a US tanker deal. Mr. Obama's program grew. Mrs. Clinton shares his view.";
        let a = analyze(text, None);
        let mentioned: Vec<&str> = a.mentions.iter().map(|m| &text[m.start..m.end]).collect();
        // The possessive names its owner, and "shares" is a verb after a name.
        assert_eq!(mentioned, ["Obama", "Clinton"]);
    }

    #[test]
    fn places_are_found_and_never_speak() {
        // Where a name only places something it is a place: a town after a preposition,
        // a name whose last word makes it a place, a country that places a town.
        let text = "Talks opened in Astana's Rixos Hotel near al-Bab. The jet flew from London to Sydney. \
                    Clashes broke out in Bangkok, Thailand. Russia said so, and Moscow agreed.";
        let a = analyze(text, None);
        let places: Vec<&str> = a.places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            places,
            ["Astana", "Rixos Hotel", "al-Bab", "London", "Sydney", "Bangkok", "Thailand"]
        );
        assert!(a.places.iter().all(|p| text[p.start..p.end] == p.name));
        let actors: Vec<&str> = a.actors.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(actors, ["Russia"]);
        // An owner after "to" is no place: "to Trump's criticism".
        let a = analyze("Carson replied to Trump's criticism.", None);
        assert!(
            a.places.is_empty() && a.actors.iter().any(|x| x.name == "Trump"),
            "{:?} {:?}",
            a.places,
            a.actors
        );
    }

    #[test]
    fn a_role_set_off_by_commas_is_kept() {
        let roles = |text: &str| {
            analyze(text, None)
                .actors
                .into_iter()
                .map(|a| (a.name, a.roles.into_iter().map(|r| r.name).collect::<Vec<_>>()))
                .collect::<Vec<_>>()
        };
        let role = |name: &str, role: &str| (name.to_string(), vec![role.to_string()]);
        assert_eq!(
            roles("Jeff Davis, a Pentagon spokesman, said so.")[0],
            role("Jeff Davis", "Pentagon spokesman")
        );
        assert!(roles("The US ambassador to Kazakhstan, George Krol, attended.")
            .contains(&role("George Krol", "US ambassador to Kazakhstan")));
        // A comparison is no role, nor is one whose words after "for" name nobody.
        assert!(roles("Sanders backs Clinton as the nominee, Tad Devine said.")
            .iter()
            .all(|(_, r)| r.is_empty()));
        let text = "“No,” said Laurie Guzzinati, a spokeswoman for Nabisco's parent company, Mondelez International.";
        let found = roles(text);
        assert!(
            found.contains(&role("Laurie Guzzinati", "spokeswoman for Nabisco's parent company")),
            "{found:?}"
        );
        assert!(
            found.iter().all(|(name, r)| name == "Laurie Guzzinati" || r.is_empty()),
            "{found:?}"
        );
    }

    #[test]
    fn a_title_case_headline_names_only_who_the_article_names() {
        // "Addresses" is written in lower case below, so it is no name word in the headline;
        // "Debate Answer" is named nowhere else.
        let text = "Trump Addresses Crowd After Debate Answer\nDonald Trump addresses the crowd every day.";
        let a = analyze(text, None);
        let names: Vec<&str> = a.actors.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(names, ["Donald Trump"]);
        let mentioned: Vec<&str> = a.mentions.iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(mentioned, ["Trump", "Donald Trump"]);
    }

    #[test]
    fn a_cue_that_is_a_noun_there_reports_nothing() {
        // After a determiner or a modifier, "state" and "report" are nouns; after a name,
        // "reports" is the name's verb.
        for text in [
            "Most voters have no idea who their state senator is, so they vote by party.",
            "But the new report demonstrates the peril she faces.",
        ] {
            assert!(
                analyze(text, None).quotes.is_empty(),
                "{text}: {:?}",
                analyze(text, None).quotes
            );
        }
        let text = "The Associated Press reports that the flight was late.";
        let a = analyze(text, None);
        assert_eq!(&text[first_report(&a, text).span.clone()], "the flight was late");
    }

    #[test]
    fn a_line_in_capitals_names_nobody_but_acronyms_and_companies_stay() {
        // A shouted line is no name, however long; acronyms alone or in pairs are names; a
        // rank before an organisation's head word is part of the company's name.
        let text = "TWO MORE BITE THE DUST FOR THE NEXT GOP DEBATE STAGE Rand Paul was dropped. \
                    EADS and the USAF signed the deal, and General Electric said it would bid.";
        let a = analyze(text, None);
        let names: Vec<&str> = a.actors.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(names, ["Rand Paul", "EADS", "USAF", "General Electric"]);
        assert_eq!(a.actors[3].kind, ActorKind::Organization);
    }

    #[test]
    fn the_peoples_of_names_stay_whole() {
        let text = "The People's Republic of China objected, the Swiss People’s Party agreed and the Democratic \
                    People’s Republic of Korea said nothing.";
        let actors = analyze(text, None).actors;
        let names: Vec<(&str, ActorKind)> =
            actors.iter().map(|a| (a.name.as_str(), a.kind)).collect();
        assert_eq!(names[0], ("China", ActorKind::Country));
        assert_eq!(names[1].0, "Swiss People’s Party");
        assert_eq!(names[2], ("North Korea", ActorKind::Country));
        assert_eq!(names.len(), 3, "{names:?}");
    }

    #[test]
    fn a_company_its_short_name_and_its_acronym_are_one_actor() {
        let text =
            "Apple Inc. unveiled a phone. Apple said sales rose. Qatar Airways flew to Qatar. \
                    The Government Accountability Office ruled. The GAO said so.";
        let a = analyze(text, None);
        let actor = |name: &str| {
            a.actors
                .iter()
                .find(|x| x.name == name)
                .unwrap_or_else(|| panic!("{name}: {:?}", a.actors))
        };
        assert!(actor("Apple").aliases.contains(&"Apple Inc.".to_string()));
        assert_eq!(actor("Apple").kind, ActorKind::Organization);
        assert!(actor("Government Accountability Office").aliases.contains(&"GAO".to_string()));
        // A short name that is a country is another actor.
        assert_eq!(actor("Qatar Airways").kind, ActorKind::Organization);
        assert_eq!(actor("Qatar").kind, ActorKind::Country);
    }

    #[test]
    fn what_a_text_says_of_a_name_tells_its_kind() {
        let kind = |text: &str, name: &str| {
            analyze(text, None).actors.into_iter().find(|x| x.name == name).map(|x| x.kind)
        };
        // A maker before its model, a body before a role, a descriptor before a name.
        assert_eq!(
            kind("Boeing said the 787 is late. Boeing 787 jets are grounded.", "Boeing"),
            Some(ActorKind::Organization)
        );
        assert_eq!(
            kind("Airbus chief executive Noel Forgeard spoke. Airbus said so.", "Airbus"),
            Some(ActorKind::Organization)
        );
        assert_eq!(
            kind("The Irish airline Ryanair said so.", "Ryanair"),
            Some(ActorKind::Organization)
        );
        assert_eq!(kind("Air China said so.", "Air China"), Some(ActorKind::Organization));
        // A person's aide does not make the person a body.
        let aide = analyze(
            "Barack Obama spoke. Obama said so. Obama spokesman Josh Earnest agreed.",
            None,
        )
        .actors;
        assert!(aide.iter().all(|a| a.kind == ActorKind::Person), "{aide:?}");
    }

    #[test]
    fn an_office_or_a_party_before_a_name_is_a_role() {
        let roles = |text: &str| {
            analyze(text, None)
                .actors
                .into_iter()
                .map(|a| (a.name, a.roles.into_iter().map(|r| r.name).collect::<Vec<_>>()))
                .collect::<Vec<_>>()
        };
        let role = |name: &str, role: &str| (name.to_string(), vec![role.to_string()]);
        assert_eq!(
            roles("Secretary of State Madeleine Albright spoke."),
            [role("Madeleine Albright", "Secretary of State")]
        );
        assert_eq!(
            roles("He met then-Secretary of State Hillary Clinton."),
            [role("Hillary Clinton", "then-Secretary of State")]
        );
        assert_eq!(
            roles("He met former secretary of State John Kerry."),
            [role("John Kerry", "former secretary of State")]
        );
        assert_eq!(
            roles("Director of National Intelligence James Clapper spoke."),
            [role("James Clapper", "Director of National Intelligence")]
        );
        assert_eq!(
            roles("Republican Michael Steele spoke."),
            [role("Michael Steele", "Republican")]
        );
        assert_eq!(roles("Rival Hillary Clinton spoke."), [role("Hillary Clinton", "Rival")]);
        assert_eq!(
            roles("He mocked former Miss Universe Alicia Machado."),
            [role("Alicia Machado", "former Miss Universe")]
        );
        // An office with no name is nobody; a department is an organisation; a party's
        // committee is no role.
        assert!(roles("The Secretary of State spoke.").is_empty());
        assert_eq!(
            roles("The Department of Homeland Security spoke."),
            [("Department of Homeland Security".to_string(), vec![])]
        );
        assert_eq!(
            roles("The Republican National Committee's chair spoke."),
            [("Republican National Committee".to_string(), vec![])]
        );
    }

    #[test]
    fn they_never_stands_for_one_person() {
        let text = "Ben Carson arrived late. “Gifted hands,” they say.";
        let a = analyze(text, None);
        let carson = a.actors.iter().position(|x| x.name == "Ben Carson");
        assert!(
            a.quotes.iter().all(|q| q.speaker.is_none() || q.speaker != carson),
            "{:?}",
            a.quotes
        );
        let text = "The Pentagon met Jane Doe. “No deal,” they said.";
        let a = analyze(text, None);
        let q = a.quotes.iter().find(|q| &text[q.span.clone()] == "No deal,").expect("the quote");
        assert_eq!(q.speaker.map(|s| a.actors[s].name.as_str()), Some("Pentagon"));
    }

    /// (text, quote, speaker) for the attribution patterns news uses.
    #[test]
    fn speakers_from_the_patterns_news_uses() {
        let cases = [
            ("“We will win,” Jane Doe said.", "We will win,", "Jane Doe"),
            ("“We will win,” said Jane Doe.", "We will win,", "Jane Doe"),
            ("Jane Doe said: “We will win.”", "We will win.", "Jane Doe"),
            ("Mr Spicer said “let’s not take that too far.”", "let’s not take that too far.", "Spicer"),
            ("“No,” Jeff Davis, a Pentagon spokesman, said.", "No,", "Jeff Davis"),
            ("Jane Doe spoke first. “It is over,” she said.", "It is over,", "Jane Doe"),
            ("\"Straight marks work,\" John Roe said.", "Straight marks work,", "John Roe"),
            ("“Do you know the plan?” Lindsey Graham asked. “Neither do I.”", "Neither do I.", "Lindsey Graham"),
            ("“Here he is,” Jane Doe said. “Donald’s here.”", "Donald’s here.", "Jane Doe"),
            ("John Roe spoke. Jane Doe said John Roe was “absolutely right” when he said it.", "absolutely right", "Jane Doe"),
            ("“The team hid it,” The New York Post reported.", "The team hid it,", "New York Post"),
            ("“He represents our greatest shame.” ― Sonya Herridge", "He represents our greatest shame.", "Sonya Herridge"),
            ("“Maybe we can build a wall around him.”— Steve Quinlan.", "Maybe we can build a wall around him.", "Steve Quinlan"),
            ("John Roe spoke.\n\n”Fear. I am truly afraid he will win.” ― Edwin Monroy", "Fear. I am truly afraid he will win.", "Edwin Monroy"),
            // A progressive verb, a contracted one, a second verb of the subject.
            ("Donald Trump spoke. Hillary Clinton is describing as “unhinged” his tweet.", "unhinged", "Hillary Clinton"),
            ("Donald Trump spoke. He’s claiming that fraud is “a big problem.”", "a big problem.", "Donald Trump"),
            ("Jane Doe urges him to leave the car and repeatedly says, “Don’t you do it,” until shots ring out.", "Don’t you do it,", "Jane Doe"),
            // Korean given names, peoples, and a partial quote that ends its sentence.
            ("President Park Geun-hye said his state is “spiraling out of control.” Japan agreed.", "spiraling out of control.", "Park Geun-hye"),
            ("Lamenting their luck, Mexicans often say, “Poor Mexico, so far from God.”", "Poor Mexico, so far from God.", "Mexicans"),
            ("Japan branded North Korea an “outlaw nation.” Russia insisted that it stop.", "outlaw nation.", "Japan"),
            ("Donald Trump went after Jeb Bush, calling him “a total stiff.”", "a total stiff.", "Donald Trump"),
            // An unnamed source after the cue, with a relative clause or a circumstance.
            ("“We have seen a growing discourse,” said a Mexican official who was not authorized to speak.", "We have seen a growing discourse,", "Mexican official"),
            ("“It is over,” said the company in a statement.", "It is over,", "company"),
            // A clause before a colon introduces the quote without a speech verb; an
            // inverted verb opening the sentence is no part of the name after it.
            ("John Roe spoke. Jane Doe delivered a snappy retort: “Read the bill.”", "Read the bill.", "Jane Doe"),
            ("John Roe spoke. With Democratic leaders worried, Jane Doe has a new message: “It is about me.”", "It is about me.", "Jane Doe"),
            ("Ryan Ellis spoke. Said Ellis: “I don’t get the sense she is interested.”", "I don’t get the sense she is interested.", "Ryan Ellis"),
            // Verbs of retort and chant.
            ("John Roe spoke. “Only Rosie O’Donnell,” Jane Doe interjected.", "Only Rosie O’Donnell,", "Jane Doe"),
            ("“We will see,” John Roe countered.", "We will see,", "John Roe"),
            ("Jane Doe spoke. “Let me talk,” John Roe shot back.", "Let me talk,", "John Roe"),
            // A long appositive between the name and the verb after the quote.
            ("“It is no source of news,” John Roe, a senior fellow at the Hoover Institution and a former United States ambassador to Russia, said.", "It is no source of news,", "John Roe"),
            // The verb the twelfth word after the quote, at the appositive's end.
            ("“We may see wage growth,” the economist John Roe, a former adviser in the Obama White House, wrote.", "We may see wage growth,", "John Roe"),
            // A participle after a finite speech verb speaks for that verb's subject, not
            // for a relative clause's.
            ("The nominee’s “excesses” are sickening, Jane Doe said Tuesday in Paris, noting he “makes you want to retch.”", "makes you want to retch.", "Jane Doe"),
            ("John Roe refused to pay an architect who said he was stiffed, saying, “Maybe he did a bad job.”", "Maybe he did a bad job.", "John Roe"),
            // The clause's first name is John Roe's, but Jane Doe said it and adds the rest.
            ("John Roe’s plan is a mistake, Jane Doe said, adding that it would fail.", "it would fail", "Jane Doe"),
        ];
        for (text, quote, speaker) in cases {
            let a = analyze(text, None);
            let q = a
                .quotes
                .iter()
                .find(|q| &text[q.span.clone()] == quote)
                .unwrap_or_else(|| panic!("{text}: no quote {quote:?}"));
            assert_eq!(a.actors[q.speaker.unwrap()].name, speaker, "{text}");
        }
    }

    #[test]
    fn straight_marks_inside_curly_quotes_are_nested() {
        let text =
            r#"“Click <a href="x">here</a> now,” John Roe said. “Mismatched," Jane Doe said."#;
        let a = analyze(text, None);
        let quotes: Vec<&str> = a
            .quotes
            .iter()
            .filter(|q| q.kind != QuoteKind::Indirect)
            .map(|q| &text[q.span.clone()])
            .collect();
        assert_eq!(quotes, [r#"Click <a href="x">here</a> now,"#, "Mismatched,"]);
    }

    #[test]
    fn a_quote_ending_in_a_comma_is_no_appositive_of_a_name_inside_it() {
        // Read as "John Roe, <appositive>," the quote would make John Roe the speaker of
        // what follows "said".
        let text = "“It is over for John Roe, and for us,” said Jane Doe, a delegate.";
        let a = analyze(text, None);
        let speakers: Vec<&str> =
            a.quotes.iter().map(|q| a.actors[q.speaker.unwrap()].name.as_str()).collect();
        assert_eq!(speakers, ["Jane Doe"]);
    }

    #[test]
    fn a_verb_that_attributes_the_quote_before_it_reports_nothing_after_it() {
        // Only the listener and a circumstance follow "told": nothing more was reported; nor
        // by a verb that introduces a quote after a few words and a comma.
        for text in [
            "“It’s a phony system,” Jane Doe told John Roe of Fox News this week.",
            "“We will win,” Jane Doe said to the crowd in Iowa.",
            "Jane Doe spoke. The crowd chanted back at her, “Send them home.”",
        ] {
            let a = analyze(text, None);
            let kinds: Vec<QuoteKind> = a.quotes.iter().map(|q| q.kind).collect();
            assert!(kinds.len() == 1 && kinds[0] != QuoteKind::Indirect, "{text}: {kinds:?}");
        }
    }

    #[test]
    fn a_judging_verb_and_the_participle_after_it_report_apart() {
        // (content, speaker) of every report.
        let reports = |text: &str| -> Vec<(String, String)> {
            let a = analyze(text, None);
            a.quotes
                .iter()
                .map(|q| {
                    (text[q.span.clone()].to_string(), a.actors[q.speaker.unwrap()].name.clone())
                })
                .collect()
        };
        let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
            list.iter().map(|&(c, s)| (c.to_string(), s.to_string())).collect()
        };
        let text = "Jane Doe defended the tweets, saying they showed her stamina.";
        assert_eq!(
            reports(text),
            pairs(&[("the tweets", "Jane Doe"), ("they showed her stamina", "Jane Doe")])
        );
        // A second verb of the subject ends the object.
        let text =
            "In his speech on Monday, John Roe praised Jane Doe and said she would finish the job.";
        assert_eq!(
            reports(text),
            pairs(&[("Jane Doe", "John Roe"), ("she would finish the job", "John Roe")])
        );
        // A relative clause's judging verb describes the speaker.
        let text =
            "Sen. Claire McCaskill (D-Mo.), who has endorsed Jane Doe, said the race is close.";
        let contents: Vec<&str> =
            analyze(text, None).quotes.iter().map(|q| &text[q.span.clone()]).collect();
        assert_eq!(contents, ["the race is close"]);
    }

    #[test]
    fn some_verbs_report_only_a_that_clause_and_a_possessed_cue_is_a_noun() {
        for text in [
            "Back in 1988, Rust Belt states Indiana, Michigan and Ohio all supported Bush.",
            "Jane Doe continues gaining momentum in the polls across the state.",
            "Jane Doe maintains a commanding lock on the party’s leadership.",
            "Mr. Hannity's show has all the trappings of traditional television news.",
        ] {
            assert!(
                analyze(text, None).quotes.is_empty(),
                "{text}: {:?}",
                analyze(text, None).quotes
            );
        }
        let text = "The report states that the plan failed.";
        let contents: Vec<&str> =
            analyze(text, None).quotes.iter().map(|q| &text[q.span.clone()]).collect();
        assert_eq!(contents, ["the plan failed"]);
    }

    #[test]
    fn a_passive_subject_is_spoken_about_but_hearsay_reports_its_words() {
        let text = "Jane Doe has been called a liar by her critics. John Roe was told the plan had failed. \
                    Democrats blocked it over measures added by Republicans on other issues.";
        assert!(analyze(text, None).quotes.is_empty(), "{:?}", analyze(text, None).quotes);
        let text = "John Roe is reported to have called the Saudis “free riders.”";
        let a = analyze(text, None);
        let speakers: Vec<&str> =
            a.quotes.iter().filter_map(|q| q.speaker).map(|s| a.actors[s].name.as_str()).collect();
        assert!(!speakers.is_empty() && speakers.iter().all(|&s| s == "John Roe"), "{speakers:?}");
    }

    #[test]
    fn a_party_label_is_nobodys_surname() {
        // A headline's capitalised verb made "Abandon Republican" a person, and every
        // "Republican" of the article his mention (the opening of a polnear_dev article).
        let text = "Poll: Wealthy Voters Abandon Republican Party for Hillary Clinton.\n\nA\u{a0}Bloomberg poll\u{a0}shows that \
                    Americans living in households making $100,000 or more have abandoned the Republican party, led by Donald \
                    Trump, in favor of Hillary Clinton.\n\nClinton beats Trump by 46 percent to 42 percent, according to the \
                    poll. Twelve percent indicated that they were not sure.\n\nBloomberg reports that the Republican nominee has \
                    either won or tied among the group of voters.";
        let a = analyze(text, None);
        let merged = a
            .actors
            .iter()
            .any(|x| x.name != "Republican" && x.aliases.iter().any(|alias| alias == "Republican"));
        assert!(!merged, "{:?}", a.actors);
    }

    #[test]
    fn a_country_or_a_place_is_nobodys_surname() {
        // "Say" supposing opens no name, a country alone is the country, and a place's name
        // is no person's: bare "Mexico" and "Florida" stay themselves.
        let text = "Say Mexico demanded proof of citizenship. Mexico could also deploy courts. \
                    Bill Clinton will travel to North Florida Friday. Florida is close. \
                    Radio Free Europe reported it. Europe is worried.";
        let a = analyze(text, None);
        let aliases_of =
            |name: &str| a.actors.iter().find(|x| x.name == name).map(|x| x.aliases.clone());
        assert_eq!(aliases_of("Mexico"), Some(vec!["Mexico".to_string()]), "{:?}", a.actors);
        let named_by = |alias: &str| {
            a.actors
                .iter()
                .any(|x| x.kind == ActorKind::Person && x.aliases.iter().any(|a| a == alias))
        };
        assert!(!named_by("Florida") && !named_by("Europe"), "{:?}", a.actors);
    }

    #[test]
    fn a_plural_after_a_quoted_name_opens_no_clause() {
        // With the opening mark lost before it, the quote marks pair the other way round, and
        // "campaign pins" stands right after a closing mark.
        let text = "this one,” Texas delegate Jane Doe, wearing a cowboy hat and “Ted Cruz” campaign pins, said matter-of-factly as confetti fluttered down.";
        let names: Vec<String> = analyze(text, None).actors.into_iter().map(|a| a.name).collect();
        assert!(!names.iter().any(|n| n == "pins"), "{names:?}");
    }

    #[test]
    fn a_participle_never_inverts_so_what_follows_it_is_no_speaker() {
        // Read like "…, said Jane Doe", these made "crowd" and "anger" speakers of the
        // clause before the comma.
        for text in [
            "Jane Doe spoke in Iowa, telling the crowd, “Some people get carried away.”",
            "Jane Doe banned news organizations from her events, citing her anger at articles or headlines.",
        ] {
            let a = analyze(text, None);
            let speakers: Vec<&str> = a.quotes.iter().filter_map(|q| q.speaker).map(|s| a.actors[s].name.as_str()).collect();
            assert!(speakers.iter().all(|&s| s == "Jane Doe"), "{text}: {speakers:?}");
        }
    }

    /// (text, reported content, speaker) for reported speech set off by commas or sourced.
    #[test]
    fn reported_speech_around_its_attribution() {
        let cases = [
            ("Acts of protest, Jane Doe said, are acts of patriotism.", "Acts of protest, Jane Doe said, are acts of patriotism", "Jane Doe"),
            ("The plan is an insult to voters, top black lawmakers said.", "The plan is an insult to voters", "lawmakers"),
            ("According to John Roe, the plan will fail next year.", "the plan will fail next year", "John Roe"),
            ("The plan will fail next year, according to John Roe.", "The plan will fail next year", "John Roe"),
            // A name or a description between commas, a party label, an addressed surname.
            ("The state’s campaign chairman, Phil Lovas, said he cannot comment on the letter.", "he cannot comment on the letter", "Phil Lovas"),
            ("Senator Dianne Feinstein, Democrat of California, said the program sent a terrible message.", "the program sent a terrible message", "Dianne Feinstein"),
            ("Jane Doe, during a town hall meeting in Columbus, Ohio, said she would win.", "she would win", "Jane Doe"),
            // An age before the appositive, one with commas of its own, and a relative
            // clause whose comma stands inside a closing quote mark.
            ("Jane Doe, 45, a teacher, said the plan failed.", "the plan failed", "Jane Doe"),
            ("Jane Doe, 67, a retired nurse in Allentown, Pa., said the plan failed.", "the plan failed", "Jane Doe"),
            // The opening name, not the last one before the verb: where they are from,
            // what they lead.
            ("Cory James, 22, of Flint, Mich., said he had not given up hope.", "he had not given up hope", "Cory James"),
            ("Jane Doe, chief executive of CloudFlare, a San Francisco company, said the sites were removed.", "the sites were removed", "Jane Doe"),
            ("John Roe spoke first. Roe, who calls the plan a “sham,” said it would fail.", "it would fail", "John Roe"),
            // A place opening the clause is no name.
            ("In Russia, officials, who declined to be named, said the plan failed.", "the plan failed", "officials"),
            // A participle's subject that a possessive introduces; "calling" reports words.
            ("Hillary Clinton’s campaign manager Robby Mook spoke, arguing that the plan would fail.", "the plan would fail", "Robby Mook"),
            // A demonym that is the surname of someone named before; an office before a name.
            ("Mark Cuban spoke first. Cuban said he would consider it.", "he would consider it", "Mark Cuban"),
            ("Billionaire Jane Doe said the plan failed.", "the plan failed", "Jane Doe"),
            // A common word that is a surname too, after a given name.
            ("Prime Minister Theresa May said the talks would go on.", "the talks would go on", "Theresa May"),
            ("Pfizer chief executive Ian Read said the deal made sense.", "the deal made sense", "Ian Read"),
            ("Rep. Stephen Lynch (D-Mass.) said the law does not require it.", "the law does not require it", "Stephen Lynch"),
            ("Larry King hosts a show. Mr. King said that he was not familiar with it.", "he was not familiar with it", "Larry King"),
            ("Jane Doe said that, if elected, she would leave it to the generals.", "if elected, she would leave it to the generals", "Jane Doe"),
            // Unnamed sources, an inverted cue, a relative clause, a participle.
            ("The bank said that it had fired the employees.", "it had fired the employees", "bank"),
            ("Connecticut’s tax commissioner says an internal review found nothing.", "an internal review found nothing", "Connecticut’s tax commissioner"),
            ("The ad could start airing this week, said Brian Baker, a political adviser.", "The ad could start airing this week", "Brian Baker"),
            ("The meeting went badly from there, said one GOP source.", "The meeting went badly from there", "GOP source"),
            ("The meeting went badly from there, said one GOP source in the room.", "The meeting went badly from there", "GOP source"),
            // After reported content, a relative clause and a long circumstance are the
            // content's own, and a participle never inverts.
            ("Jane Doe, a former aide, said the staff member who succeeded her should be fired.", "the staff member who succeeded her should be fired", "Jane Doe"),
            ("Jane Doe, a spokeswoman, noted the rule in the interview last week.", "the rule in the interview last week", "Jane Doe"),
            ("He refused to pay an architect who said he was stiffed after the work.", "he was stiffed after the work", "architect"),
            ("The question came from a young child who said he drove to the event.", "he drove to the event", "young child"),
            ("The last question was from a young child, who said he drove there.", "he drove there", "young child"),
            ("Jane Doe posted the tweets, saying they showed her stamina.", "they showed her stamina", "Jane Doe"),
            ("Jane Doe spoke in Iowa, noting that she leads in the polls.", "she leads in the polls", "Jane Doe"),
            // "As reported by" sources what follows; a title before the name between commas.
            ("As reported by Western Journalism, the former secretary was made aware of her duty.", "the former secretary was made aware of her duty", "Western Journalism"),
            ("Another Clinton ally, Agriculture Secretary Jane Doe, told MSNBC that the timing hurt Clinton.", "the timing hurt Clinton", "Jane Doe"),
            // A quantifier or a bare plural noun as the whole subject.
            ("Others, however, say a recalibration is overdue.", "a recalibration is overdue", "others"),
            ("Allies say that he does not see any need to engage.", "he does not see any need to engage", "allies"),
            ("Most of them said they had loved working there.", "they had loved working there", "most of them"),
            // A judging verb reports its object, without when it was judged or a clause after.
            ("Jane Doe criticized the Affordable Care Act as a “crazy system” during a stop in Flint.", "the Affordable Care Act as a “crazy system”", "Jane Doe"),
            ("The union endorsed Jane Doe on Thursday, another sign of its support.", "Jane Doe", "union"),
            ("John Roe praised her work on the farm but also had to give him more time.", "her work on the farm", "John Roe"),
            // An aside between dashes; groups of candidates and of spokesmen.
            ("Jane Doe -- who has been in a scuffle with the nominee -- said she regretted her remarks.", "she regretted her remarks", "Jane Doe"),
            ("Most of the candidates said they support the boycott.", "they support the boycott", "candidates"),
            ("White House and Pentagon spokesmen said the ban prevented the research.", "the ban prevented the research", "spokesmen"),
            // Evidence, aims, headlines and listeners.
            ("A new poll shows that Jane Doe leads by four points.", "Jane Doe leads by four points", "new poll"),
            ("Jane Doe wants to triple the size of the program.", "to triple the size of the program", "Jane Doe"),
            ("John Roe: Jane Doe needs to change course on taxes.", "Jane Doe needs to change course on taxes", "John Roe"),
            ("Jane Doe told reporters on Sunday that the plan will fail.", "the plan will fail", "Jane Doe"),
            ("A spokesman for the company said the plant will close in May.", "the plant will close in May", "spokesman for the company"),
            ("Mrs. Jane Doe embraced the approach, promising to meet the goals.", "to meet the goals", "Jane Doe"),
            ("Jane Doe began by saying he would never diagnose anyone.", "he would never diagnose anyone", "Jane Doe"),
            ("Jane Doe says at a stop in Toledo, Ohio, that it means nothing for the voters.", "it means nothing for the voters", "Jane Doe"),
            ("The city sent a letter to Acme Corp. It says the campaign broke the law.", "the campaign broke the law", "Acme Corp."),
            // A party label before a relative clause, a verb after "but", a name that opens
            // its sentence, "according to" a pronoun, a stated belief.
            ("Sen. Claire McCaskill (D-Mo.), who has endorsed Jane Doe, said the race is close.", "the race is close", "Claire McCaskill"),
            ("John Roe put off deciding whether to appeal but said the ruling was wrong.", "the ruling was wrong", "John Roe"),
            ("Galvin said the polling location never shut its doors.", "the polling location never shut its doors", "Galvin"),
            ("John Roe fled long ago. According to him, the police had raided his office.", "the police had raided his office", "John Roe"),
            ("Jane Doe thinks the progress on climate change is real.", "the progress on climate change is real", "Jane Doe"),
            // Shares of a poll, a source qualified by what it knows, a subject after an
            // opening phrase.
            ("In the new poll, twenty-four percent said she did nothing wrong.", "she did nothing wrong", "poll respondents"),
            ("Nearly nine out of 10 say they will need new skills.", "they will need new skills", "poll respondents"),
            ("In the survey, nearly half said they prefer an outsider.", "they prefer an outsider", "poll respondents"),
            ("A mere 9 percent say they only buy American.", "they only buy American", "poll respondents"),
            ("A law enforcement official familiar with the investigation said charges were unlikely.", "charges were unlikely", "law enforcement official"),
            ("In his speech on Monday, John Roe met Jane Doe and said she would finish the job.", "she would finish the job", "John Roe"),
            ("The departments declined to give details, saying they cannot discuss the case.", "they cannot discuss the case", "departments"),
            // An attribution that closes its sentence with when, where or to whom it was said.
            ("The plan will fail next year, Israeli officials said Thursday.", "The plan will fail next year", "Israeli officials"),
            ("The plan will fail next year, John Roe told reporters on Monday.", "The plan will fail next year", "John Roe"),
            ("The plan will fail next year, Jane Doe said at a rally in Iowa.", "The plan will fail next year", "Jane Doe"),
            ("The pope has no plans to meet her, the Vatican said.", "The pope has no plans to meet her", "Vatican City"),
            // "According to" after a few opening words, and "as X noted,".
            ("In addition, according to John Roe, nine million more workers will be protected.", "nine million more workers will be protected", "John Roe"),
            ("But as John Roe noted, those voters will give her a second look.", "those voters will give her a second look", "John Roe"),
            // A time between subject and verb; a listener with no "that"; "that" before a
            // phrase of place or time.
            ("RNC spokesman John Roe on Thursday evening said the party was not in crisis.", "the party was not in crisis", "John Roe"),
            ("Immigration officials told him he had never been a citizen.", "he had never been a citizen", "officials"),
            ("John Roe told POLITICO she was leaning toward Jane Doe.", "she was leaning toward Jane Doe", "John Roe"),
            ("GE says that in 2012 it paid more in taxes.", "in 2012 it paid more in taxes", "GE"),
            // Sources after a conjunction, a name's campaign, fans, and a share of those polled.
            ("But her campaign said the mothers would campaign for her.", "the mothers would campaign for her", "campaign"),
            ("It came shortly after the agency said the report was late.", "the report was late", "agency"),
            ("Jane Doe’s campaign says it raised more than $21 million.", "it raised more than $21 million", "Jane Doe"),
            ("Jane Doe' campaign says it raised more than $21 million.", "it raised more than $21 million", "Jane Doe"),
            ("Sanders fans told POLITICO that one moment stood out.", "one moment stood out", "fans"),
            ("Some 56 percent of Cuban-Americans polled said they were less likely to vote.", "they were less likely to vote", "poll respondents"),
            ("Again, those surveyed said Jane Doe was best able to handle the issue.", "Jane Doe was best able to handle the issue", "poll respondents"),
            ("Protest groups say the restrictions are less for safety than for show.", "the restrictions are less for safety than for show", "groups"),
            ("A U.S. law enforcement official said that charges were unlikely.", "charges were unlikely", "U.S. law enforcement official"),
        ];
        for (text, content, speaker) in cases {
            let a = analyze(text, None);
            let q = first_report(&a, text);
            assert_eq!(&text[q.span.clone()], content, "{text}");
            assert_eq!(a.actors[q.speaker.unwrap()].name, speaker, "{text}");
        }
    }

    #[test]
    fn a_colon_that_opens_a_paragraph_names_no_source() {
        // Found by the `extract` fuzz target: an empty name before the colon became an
        // unnamed source with an empty mention.
        let text = ": U\0a\0”ᛞa➞n.x!`“no.\u{2007}❝ᛞa㔀” sa.id";
        let a = analyze(text, None);
        assert!(a.mentions.iter().all(|m| m.start < m.end), "{:?}", a.mentions);
        let a = analyze(": Jane Doe needs to change course on taxes.", None);
        assert!(a.quotes.is_empty(), "{:?}", a.quotes);
    }

    /// The first reported (indirect) item found in `text`.
    fn first_report<'a>(a: &'a Analysis, text: &str) -> &'a QuoteFinding {
        a.quotes
            .iter()
            .find(|q| q.kind == QuoteKind::Indirect)
            .unwrap_or_else(|| panic!("{text}: no report"))
    }

    #[test]
    fn according_to_reports_even_without_a_speaker() {
        // A source that is no actor ("early results of the exit poll", "Variety") still marks
        // a report; a pronoun that only begins the source ("her lawyer") is not the speaker.
        let text = "According to early results of the exit poll conducted by two networks, Jane Doe led among women.";
        let a = analyze(text, None);
        let q = first_report(&a, text);
        assert_eq!(&text[q.span.clone()], "Jane Doe led among women");
        assert_eq!(q.speaker, None);
        let text = "Jane Doe spoke. According to her lawyer, the case will be dropped next week.";
        let a = analyze(text, None);
        let q = first_report(&a, text);
        assert_eq!(&text[q.span.clone()], "the case will be dropped next week");
        assert_ne!(q.speaker.map(|s| a.actors[s].name.as_str()), Some("Jane Doe"));
        // The source ends at its comma: the first name after it is the content's.
        let text = "According to Variety, CNN has gotten back to Jane Doe with a response.";
        let a = analyze(text, None);
        let q = first_report(&a, text);
        assert_eq!(&text[q.span.clone()], "CNN has gotten back to Jane Doe with a response");
        assert_ne!(q.speaker.map(|s| a.actors[s].name.as_str()), Some("CNN"));
    }

    #[test]
    fn a_word_opening_a_sentence_is_a_name_when_a_verb_agrees_with_it() {
        let names =
            |text: &str| analyze(text, None).actors.into_iter().map(|a| a.name).collect::<Vec<_>>();
        assert_eq!(names("Apple unveils a new laptop."), ["Apple"]);
        assert_eq!(names("Airbus has confirmed the order."), ["Airbus"]);
        // A plural before a past verb (no name: it speaks as the unnamed group "others"), an
        // adjective before a plural noun, an indefinite.
        assert_eq!(names("Others said the plan would fail."), ["others"]);
        assert!(names("Internal emails expose the deal.").is_empty());
        assert!(names("Everyone says the plan will fail.").is_empty());
        // An adverb opening the sentence is no part of the name after it; a short first
        // name with the same ending is.
        assert_eq!(names("Recently Apple has been gaining rights."), ["Apple"]);
        assert_eq!(names("Interestingly Blocher said the vote was close."), ["Blocher"]);
        assert_eq!(names("Kelly Ayotte said the vote was close."), ["Kelly Ayotte"]);
        assert_eq!(
            names("He said it was harder than working Crooked Hillary Clinton."),
            ["Hillary Clinton"]
        );
    }

    #[test]
    fn a_participle_of_speech_after_a_comma_ends_the_reported_clause() {
        let text =
            "Jane Doe said the plan would fail next year, arguing that the costs were too high.";
        let a = analyze(text, None);
        let reports: Vec<&str> = a
            .quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Indirect)
            .map(|q| &text[q.span.clone()])
            .collect();
        assert_eq!(reports, ["the plan would fail next year", "the costs were too high"]);
        // Any other word after the comma leaves the clause whole.
        let text = "Jane Doe said the plan would fail next year, leaving the costs too high.";
        assert_eq!(
            &text[first_report(&analyze(text, None), text).span.clone()],
            "the plan would fail next year, leaving the costs too high"
        );
    }

    #[test]
    fn evidence_without_a_simple_source_has_no_speaker() {
        let text =
            "A study by two economists at three universities found that poor children fare worst.";
        let a = analyze(text, None);
        let q = first_report(&a, text);
        assert_eq!(&text[q.span.clone()], "poor children fare worst");
        assert_eq!((q.speaker, q.speaker_span.clone()), (None, None));
    }

    #[test]
    fn where_it_was_said_is_not_what_was_said() {
        for text in [
            "“We will win,” Jane Doe said in an interview.",
            "Jane Doe wrote on her blog.",
            "“We will win,” Jane Doe said on Twitter.",
        ] {
            let a = analyze(text, None);
            assert!(
                a.quotes.iter().all(|q| q.kind != QuoteKind::Indirect),
                "{text}: {:?}",
                a.quotes
            );
        }
        // A longer phrase after "on" is what was said.
        let text = "Jane Doe said on balance the plan would fail.";
        assert_eq!(
            &text[first_report(&analyze(text, None), text).span.clone()],
            "on balance the plan would fail"
        );
        // "It" speaks only through a statement verb: a passive verb has another subject.
        let text = "The Smithsonian opened its doors. It was labeled “a triumph of a building.”";
        let a = analyze(text, None);
        assert!(a.actors.iter().any(|x| x.name == "Smithsonian"), "{:?}", a.actors);
        assert!(
            a.quotes.iter().all(|q| q.speaker.is_none_or(|s| a.actors[s].name != "Smithsonian")),
            "{text}: {:?}",
            a.quotes
        );
        let text = "The Smithsonian opened its doors. It said the building was “a triumph.”";
        let a = analyze(text, None);
        assert!(
            a.quotes.iter().any(|q| q.speaker.is_some_and(|s| a.actors[s].name == "Smithsonian")),
            "{text}: {:?}",
            a.quotes
        );
    }

    #[test]
    fn newswire_apostrophe_quotes() {
        let text = "''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist.";
        let a = analyze(text, None);
        let q = a.quotes.iter().find(|q| q.kind == QuoteKind::Direct).expect("the quote");
        assert_eq!(&text[q.span.clone()], "This isn't tax reform,");
        assert_eq!(a.actors[q.speaker.unwrap()].name, "Douglas Holtz-Eakin");
    }

    #[test]
    fn continuation_paragraph_keeps_the_speaker() {
        let text = "“First,” Sean Spicer said on Monday.\n\n“Second paragraph, no verb.”";
        let a = analyze(text, day(2017, 1, 24));
        let second = a.quotes.iter().find(|q| text[q.span.clone()].starts_with("Second")).unwrap();
        assert_eq!(a.actors[second.speaker.unwrap()].name, "Sean Spicer");
        assert_eq!(second.kind, QuoteKind::Direct);
    }

    #[test]
    fn scare_quotes_and_unclosed_marks_are_not_speech() {
        let a = analyze("The so-called “deal of the century” was signed.", None);
        assert!(a.quotes.is_empty());
        let text = "He said “this never closes and then";
        let a = analyze(text, None);
        assert!(a.quotes.iter().all(|q| q.kind == QuoteKind::Indirect));
        assert!(a.diagnostics.iter().any(|d| d.message.contains("never closes")));
    }

    #[test]
    fn partial_quotes_and_stance() {
        let text = "Mr Spicer also said that the Russian statement was “rubbish.”";
        let a = analyze(text, None);
        let q = a.quotes.iter().find(|q| q.kind == QuoteKind::Partial).unwrap();
        assert_eq!(&text[q.span.clone()], "rubbish.");
        assert_eq!(q.stance, Stance::Denial);
    }

    #[test]
    fn aliases_merge_within_an_article() {
        let text =
            "White House Press Secretary Sean Spicer spoke. Mr Spicer said it. Moscow said no.";
        let a = analyze(text, None);
        let spicer: Vec<&ActorFinding> =
            a.actors.iter().filter(|x| x.name.contains("Spicer")).collect();
        assert_eq!(spicer.len(), 1);
        assert_eq!(spicer[0].roles[0].name, "White House Press Secretary");
        assert_eq!(spicer[0].roles.len(), 1);
        assert!(a
            .actors
            .iter()
            .any(|x| x.name == "Russia" && x.aliases.iter().any(|s| s == "Moscow")));
    }

    #[test]
    fn organisations_and_groups_named_by_description() {
        let text = "White House spokesman Sean Spicer spoke. The US-led coalition struck. Syrian rebels met \
                    Syrian President Bashar al-Assad. Assad's government refused.";
        let a = analyze(text, None);
        let kind_of = |name: &str| a.actors.iter().find(|x| x.name == name).map(|x| x.kind);
        assert_eq!(kind_of("White House"), Some(ActorKind::Organization));
        assert_eq!(kind_of("US-led coalition"), Some(ActorKind::Organization));
        assert_eq!(kind_of("Syrian rebels"), Some(ActorKind::Group));
        assert_eq!(kind_of("Syrian government"), Some(ActorKind::Organization));
        assert_eq!(kind_of("Assad government"), None, "named by its country");
    }

    /// (text, article date, expression, TIMEX3 value).
    #[test]
    fn time_expressions_resolve_against_the_article_date() {
        let cases: [(&str, Option<Date>, &str, Option<&str>); 21] = [
            ("Spicer said on Monday.", day(2017, 1, 24), "Monday", Some("2017-01-23")),
            ("They will meet on Monday.", day(2017, 1, 24), "Monday", Some("2017-01-30")),
            ("“We will win,” she said on Monday.", day(2017, 1, 24), "Monday", Some("2017-01-23")),
            ("It happened yesterday.", day(2017, 1, 23), "yesterday", Some("2017-01-22")),
            ("It was said last September.", day(2017, 1, 24), "last September", Some("2016-09")),
            ("The talks opened on 23 January 2017.", None, "23 January 2017", Some("2017-01-23")),
            ("Filed Jan. 23, 2017 by staff.", None, "Jan. 23, 2017", Some("2017-01-23")),
            ("The war began in 2011.", None, "2011", Some("2011")),
            ("It happened today.", None, "today", None),
            ("The almost six-year-long war.", None, "almost six-year-long", Some("P6Y")),
            ("Third-quarter profit rose.", day(1989, 10, 26), "Third-quarter", Some("1989-Q3")),
            ("Sales in the fourth quarter.", day(1989, 10, 26), "the fourth quarter", Some("1989-Q4")),
            ("Sales in the first quarter.", day(1989, 2, 10), "the first quarter", Some("1989-Q1")),
            ("The dividend is payable Dec. 15.", day(1989, 10, 26), "Dec. 15", Some("1989-12-15")),
            ("Prices rose in March.", day(1989, 10, 26), "March", Some("1989-03")),
            ("They meet this September.", day(1998, 2, 10), "this September", Some("1998-09")),
            ("Rates are now higher.", day(1998, 2, 10), "now", Some("PRESENT_REF")),
            // A future verb after a long name still governs the weekday before it.
            ("On Tuesday, the National Abortion and Reproductive Rights Action League plans to meet.", day(1998, 10, 26), "Tuesday", Some("1998-10-27")),
            // "last" or "next" before a month and day picks the year; the earliest time
            // something can happen is ahead.
            ("He was shot last Oct. 23 at his home.", day(1999, 4, 19), "last Oct. 23", Some("1998-10-23")),
            ("The vote is next March 6.", day(1999, 4, 19), "next March 6", Some("2000-03-06")),
            ("He could come as early as Tuesday.", day(2000, 4, 3), "Tuesday", Some("2000-04-04")),
        ];
        for (text, date, phrase, value) in cases {
            let a = analyze(text, date);
            let t = a
                .timexes
                .iter()
                .find(|t| &text[t.start..t.end] == phrase)
                .unwrap_or_else(|| panic!("{text}: no timex {phrase:?}"));
            assert_eq!(t.value.as_deref(), value, "{text}");
        }
    }

    #[test]
    fn a_company_named_sun_is_not_sunday() {
        let a = analyze("Sun Microsystems said profit rose.", day(1989, 10, 26));
        assert!(a.timexes.is_empty(), "{:?}", a.timexes);
    }

    #[test]
    fn impossible_dates_stay_unresolved() {
        for text in
            ["on 31 February 2017", "on February 31, 2017", "in the year 99999", "19-Nov-12"]
        {
            let a = analyze(text, day(2017, 1, 24));
            assert!(a.timexes.iter().all(|t| t.value.as_deref() != Some("2017-02-31")), "{text}");
        }
    }

    #[test]
    fn events_are_dated_by_their_own_time_phrase_or_reported_on() {
        let text = "Jane Doe said on Monday that talks failed. John Roe said they would resume.";
        let a = analyze(text, day(2017, 1, 24));
        let dated: Vec<(&str, DateBasis)> =
            a.events.iter().map(|e| (&text[e.span.clone()], e.basis)).collect();
        assert!(
            dated
                .iter()
                .any(|(t, b)| t.starts_with("Jane Doe said on Monday") && *b == DateBasis::Stated),
            "{dated:?}"
        );
        assert!(
            dated
                .iter()
                .any(|(t, b)| t.starts_with("John Roe said") && *b == DateBasis::ReportedOn),
            "{dated:?}"
        );
    }

    #[test]
    fn odd_input_never_panics_and_spans_stay_on_char_boundaries() {
        let inputs = [
            String::new(),
            "\"\"\"“”’‘``''".to_string(),
            "<p>“Hi,” <b>Mr</b> X said.</p>".to_string(),
            "no capitals at all, she said today".to_string(),
            "“".repeat(1000),
            "Ünïcödé “Ström,” Åsa Öberg said 31 Februar. 日本 “引用,” 田中 said.".to_string(),
            "a. ".repeat(5000),
            // Regression: a denial right after a multi-byte closing mark (polnear_train).
            format!("{}”Abc,” X Y said. He denied it was false.", "é".repeat(30)),
            format!("{}”Abc,” X Y said. He denied it was false.", "é".repeat(31)),
            "“We won,” the\u{a0}president said.".to_string(),
            // Regression: overlapping mentions after a possessive opening a participle's
            // clause (polnear_train).
            "A New York judge has rejected a media request to make public the contents of a 25-year-old court file on Donald Trump's divorce from wife Ivana, saying the courts have no business deciding it.".to_string(),
        ];
        for text in &inputs {
            let a = analyze(text, day(2017, 1, 24));
            for q in &a.quotes {
                assert!(text.get(q.span.clone()).is_some());
            }
            for t in &a.timexes {
                assert!(text.get(t.start..t.end).is_some());
            }
            for m in &a.mentions {
                assert!(text.get(m.start..m.end).is_some());
            }
        }
    }
}
