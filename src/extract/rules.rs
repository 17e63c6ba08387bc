//! Every rule of the extractor, in one ordered table: a stable id, what it says in one
//! line, and the stage it belongs to. Each finding records the rule that made it (a quote
//! how it was found, its speaker and stance; a time expression its pattern and how its
//! value was resolved; a mention how it was tied to its actor; a place why it is one), so
//! that the reader can ask *why*, `newsline eval --by-rule` can measure each rule, and a
//! rule that is often wrong can be shown as uncertain.
//!
//! The order within a stage is the order of the table the stage tries its rules in, where
//! it has one; the ids never change meaning. Fixtures for every rule live in
//! `tests/rules/`, and `tests/rules.rs` checks that each has cases.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! rules {
    ($($stage:literal { $($variant:ident = $id:literal : $says:literal,)* })*) => {
        /// One rule of the extractor. See the module's documentation.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule {
            $($($variant,)*)*
        }

        impl Rule {
            /// Every rule, in the table's order.
            pub const ALL: &'static [Rule] = &[$($(Rule::$variant,)*)*];

            /// The rule's stable id, such as `speaker.after-quote`.
            pub fn id(self) -> &'static str {
                match self {
                    $($(Rule::$variant => $id,)*)*
                }
            }

            /// What the rule says, in one line.
            pub fn says(self) -> &'static str {
                match self {
                    $($(Rule::$variant => $says,)*)*
                }
            }

            /// The stage the rule belongs to: `quote`, `speaker`, `timex`…
            pub fn stage(self) -> &'static str {
                match self {
                    $($(Rule::$variant => $stage,)*)*
                }
            }

            /// The rule with id `id`.
            pub fn from_id(id: &str) -> Option<Rule> {
                match id {
                    $($($id => Some(Rule::$variant),)*)*
                    _ => None,
                }
            }
        }
    };
}

rules! {
    "name" {
        NameAfterModel = "name.after-model": "one word after a model number names the model, not an actor ('the 787 Dreamliner')",
        NameMakerOrCurrency = "name.maker-or-currency": "a name before a model number is its maker, and before '$' a currency; neither is a mention ('Boeing 787', 'US$')",
        NameEventOrLaw = "name.event-or-law": "an event or a law is no actor, nor its short name ('the Paris Air Show', 'the Affordable Care Act')",
        NameBeforeProducts = "name.before-products": "a maker before its products is no actor there ('Intel processors')",
        NamePartyLabel = "name.party-label": "a party's adjective or member noun alone names no actor ('three Republican hopefuls', 'a Democrat'); the party's name does",
        NameProduct = "name.product": "software and devices are no actors ('iPod Nano', 'Mac OS X', 'web browser Safari')",
    }
    "actor" {
        ActorName = "actor.name": "a run of capitalised words that is a name: a person of two to four words, an organisation by its head word, a country",
        ActorNameUnproven = "actor.name.unproven": "a name of two to four words that nothing in its article shows to be a person's (no given name, title, form of address or bare surname): of unknown kind, unless another article shows it ('Operation Inherent Resolve')",
        ActorTitled = "actor.name.titled": "a name after a title or role is a person's ('Press Secretary Sean Spicer')",
        ActorAddressed = "actor.name.addressed": "a name after a form of address is a person's ('Mr. King')",
        ActorDescribedGroup = "actor.group.described": "a people's or leader's group named by description ('Syrian rebels', 'US-led coalition')",
        ActorBeforeTitle = "actor.organisation.before-title": "the organisation that heads a title ('White House' in 'White House Press Secretary')",
        ActorOfCountry = "actor.organisation.of-country": "a country's body named with its possessive ('Russia's Defence Ministry')",
        ActorAdministration = "actor.organisation.administration": "a leader's administration or government is an organisation ('Trump's administration')",
    }
    "alias" {
        AliasCapital = "alias.capital": "a capital that speaks stands for its country ('Moscow said')",
        AliasCountry = "alias.country": "another name of a country from the country list ('the U.S.')",
        AliasOrganisation = "alias.organisation": "another name of an organisation from the organisation list",
        AliasGovernment = "alias.government": "'the Syrian Government' is the Syrian government",
        AliasSurname = "alias.surname": "a surname, or the same first and last name, of a person the article names in full",
        AliasBracketed = "alias.bracketed": "a name in brackets after a name is another name for it ('Isis (Islamic State)')",
        AliasCompanyShortName = "alias.company-short-name": "a company's name without its designator ('Apple Inc.' is 'Apple')",
        AliasAcronym = "alias.acronym": "an acronym of an organisation the article names in full ('GAO')",
        AliasLeaderGovernment = "alias.leader-government": "a leader's government is the government of the country in the leader's role",
        AliasCorpusPerson = "alias.corpus.same-person": "across articles, a surname or full name that can point at only one person the corpus names",
        AliasCorpusDominant = "alias.corpus.dominant-person": "across articles, a surname several people share is the one the corpus names five times as often as the rest together",
    }
    "role" {
        RoleTitle = "role.title": "the title words before a name ('White House Press Secretary Sean Spicer')",
        RoleParty = "role.party-label": "a party label before a name ('Republican Michael Steele')",
        RoleDescription = "role.description": "a role noun opening the name's run ('Billionaire Mark Cuban')",
        RolePageant = "role.pageant": "a pageant's crown after 'Miss' ('Miss Universe Alicia Machado')",
        RoleAppositiveAfter = "role.appositive-after": "a role set off by commas after the name ('John Dorrian, a coalition spokesman,')",
        RoleAppositiveBefore = "role.appositive-before": "a role set off by a comma before the name ('The US ambassador to Kazakhstan, George Krol')",
    }
    "place" {
        PlaceHeadWord = "place.head-word": "a name ending in a place's word ('Rixos Hotel', 'Changi Airport')",
        PlaceLocative = "place.locative": "a capital or an unknown name used only after 'in', 'at' and the like, or after 'Town,'",
        PlaceCountryOfTown = "place.country-of-town": "a country named only to place a town ('Astana, Kazakhstan')",
    }
    "quote" {
        QuoteOpensSentence = "quote.direct.opens-sentence": "quoted words that open their sentence (or follow a colon) are the speaker's own",
        QuoteAfterVerb = "quote.direct.after-verb": "quoted words right after a speech verb are the speaker's own ('said, “…”')",
        QuotePartial = "quote.partial": "quoted words inside the writer's own sentence",
        ReportedInverted = "quote.reported.inverted": "the clause before a comma, reported by the source after the verb ('…, said one official')",
        ReportedClaimsObject = "quote.reported.claims-object": "'claims' as the object of a denial reports the claims just made ('…, claims the Pentagon denied')",
        ReportedSetOff = "quote.reported.set-off": "the clause before an attribution set off by a comma at the sentence's end ('…, Moscow said.')",
        ReportedInterrupting = "quote.reported.interrupting": "the whole sentence around an attribution set off by commas ('Acts of protest, Obama said, are …')",
        ReportedThat = "quote.reported.content-clause": "the clause a speech verb reports ('said that …', ', saying they …')",
        ReportedEvidence = "quote.reported.evidence": "the clause a study, poll or record shows ('a new poll shows that …')",
        ReportedBelief = "quote.reported.belief": "a stated belief or aim ('believes …', 'wants to …')",
        ReportedObject = "quote.reported.judged": "what a verb of judging in public names ('praised Jane Doe')",
        ReportedAccordingTo = "quote.reported.according-to": "the rest of a sentence with 'according to X' or 'as reported by X'",
        ReportedHeadline = "quote.reported.headline-colon": "a headline or transcript line that opens with its source ('Sanders: …')",
        ReportedClaim = "quote.reported.owned-claim": "a claim named with its owner ('Trump's claim that …')",
    }
    "speaker" {
        SpeakerAfterQuote = "speaker.after-quote": "the subject of the speech verb after the quote ('“…,” Sean Spicer said')",
        SpeakerAfterVerb = "speaker.after-verb": "the name right after the speech verb that follows the quote ('“…,” said Sean Spicer')",
        SpeakerAfterVerbSource = "speaker.after-verb.unnamed": "an unnamed source after the speech verb that follows the quote ('said a Mexican official')",
        SpeakerBeforeQuote = "speaker.before-quote": "the subject of the speech verb before the quote ('Spicer said: “…”')",
        SpeakerBeforeParticiple = "speaker.before-quote.participle": "the subject of the clause a participle before the quote follows ('Trump defended it, saying, “…”')",
        SpeakerColonClause = "speaker.colon-clause": "the subject of the clause a colon ends, with no speech verb ('Sanders delivered a retort: “…”')",
        SpeakerDashByline = "speaker.dash-byline": "a name after a dash that ends the quote's paragraph ('“…” ― Sonya Herridge')",
        SpeakerContinues = "speaker.continues": "a quote that carries on from the paragraph before keeps its speaker",
        SpeakerSameSentence = "speaker.same-sentence": "another quote of the same sentence lends its speaker",
        SpeakerRecent = "speaker.recent": "a whole quoted sentence with no speech verb near it belongs to the speaker quoted last",
        SpeakerReportSubject = "speaker.report.subject": "the subject of the reporting verb ('Spicer said that …')",
        SpeakerReportParticiple = "speaker.report.participle": "the subject of the clause a participle follows ('Trump defended it, saying …')",
        SpeakerReportAfterVerb = "speaker.report.after-verb": "the source named right after the verb ('…, said Brian Baker')",
        SpeakerReportAccordingTo = "speaker.report.according-to": "the source named after 'according to'",
        SpeakerReportHeadline = "speaker.report.headline": "the source before a headline's colon",
        SpeakerReportOwner = "speaker.report.owner": "the owner of a named claim",
    }
    "subject" {
        SubjectName = "subject.name": "a name right before the verb, or right after it when it inverts",
        SubjectOffice = "subject.campaign-or-office": "a named person's campaign, office or government speaks for them ('Sanders' campaign said')",
        SubjectPronoun = "subject.pronoun": "a pronoun: the sentence's subject when a person opens it, else the last one named",
        SubjectSecondVerb = "subject.second-verb": "a second verb of the clause's subject ('… but said')",
        SubjectRelative = "subject.relative-clause": "the antecedent of 'who' ('McConnell, who in 2010 said')",
        SubjectClause = "subject.clause": "the named subject that opens the clause, past an opening phrase",
        SubjectPresident = "subject.the-president": "'the president' is the article's unqualified President",
        SubjectDescription = "subject.description": "a description ('the California congressman') stands for the sentence's subject or the last person named",
        SubjectPeople = "subject.people": "a people named by its demonym ('Mexicans often say')",
        SubjectGroupNoun = "subject.group": "a group named by a noun ('diplomats said')",
        SubjectBarePlural = "subject.bare-plural": "a quantifier or plural noun that is the whole subject ('Others say')",
        SubjectPollShare = "subject.poll-share": "a share of a poll speaks as its respondents ('nearly nine out of 10 say')",
        SubjectUnnamed = "subject.unnamed-source": "an unnamed source: a determiner and nouns ('a senior official', 'the company')",
        SubjectOpeningGroup = "subject.group.described": "a group noun that opens its clause, described further ('Experts on North Korea said')",
        SubjectRecord = "subject.record": "a study, poll or record as the source of evidence ('Polls show')",
    }
    "timex" {
        TimexIsoDate = "timex.iso-date": "a date written as year-month-day ('2017-01-23')",
        TimexWeekday = "timex.weekday": "a capitalised weekday, with the date after it when one follows ('Monday, Jan. 23', 'Wednesday night')",
        TimexDayPart = "timex.day-part": "a part of a day before 'yesterday', 'today' or 'tomorrow' ('late yesterday')",
        TimexClock = "timex.clock": "a clock time, with the day after it ('10 p.m. Wednesday', 'noon')",
        TimexMonth = "timex.month": "a capitalised month, with its day and year when they follow ('Jan. 23, 2017', 'September')",
        TimexDayMonth = "timex.day-month": "a day before a month ('23 January 2017')",
        TimexQuarter = "timex.quarter": "an ordinal quarter ('third-quarter', 'third quarter of 2016')",
        TimexTheQuarter = "timex.the-quarter": "'the' and an ordinal quarter ('the third quarter')",
        TimexReportingPeriod = "timex.reporting-period": "a reporting period named by its place ('the latest quarter', 'the year-earlier period')",
        TimexTheDuration = "timex.the-duration": "a duration counted back or on ('the past three months', 'the next few days')",
        TimexTheWeekend = "timex.the-weekend": "'the weekend'",
        TimexTheSeason = "timex.the-season": "'the summer': this year's",
        TimexTheFuture = "timex.the-near-future": "'the near future', 'the short term'",
        TimexTheYear = "timex.the-year": "'the year' and a year ('the year 2000')",
        TimexThePastUnit = "timex.the-past-unit": "'the past year': the last one",
        TimexPastOrFuture = "timex.the-past-or-future": "'the past' and 'the future' as references",
        TimexYearEarlier = "timex.year-earlier": "'year-earlier', 'year-ago': the period a year before the report's",
        TimexPartOfYear = "timex.part-of-year": "the middle, start or end of a year, decade or month ('mid-2016')",
        TimexSpokenDecade = "timex.spoken-decade": "a decade in words ('the nineties')",
        TimexSpokenYear = "timex.spoken-year": "a year in words ('two thousand and one')",
        TimexFrequency = "timex.frequency": "a frequency ('daily', 'weekly')",
        TimexHoliday = "timex.holiday": "a public holiday ('Thanksgiving Day', 'Election Day')",
        TimexDeicticDay = "timex.deictic-day": "'today', 'yesterday', 'tomorrow'",
        TimexPresent = "timex.present": "'now', 'currently', 'recently', 'tonight'",
        TimexLastNext = "timex.last-next": "'last', 'next', 'this', 'past' or 'coming' and a time ('last September', 'next week')",
        TimexEarlierThis = "timex.earlier-this": "'earlier this' or 'later this' and a unit",
        TimexSameAs = "timex.same-as": "'the same day', 'that week', 'the following year': from the date the text gave last",
        TimexAgo = "timex.ago": "an amount of time 'ago' ('two days ago')",
        TimexDuration = "timex.duration": "an amount of time ('three years', 'for months', 'almost six-year')",
        TimexSet = "timex.set": "'every' or 'each' and a time ('every week', 'each Thursday')",
        TimexRecentUnits = "timex.recent-units": "'recent' or 'coming' and plural units ('in recent years')",
        TimexDecade = "timex.decade": "a decade in digits ('the 1990s')",
        TimexYear = "timex.year": "a four-digit number that reads as a year, not a count ('in 2011')",
    }
    "resolve" {
        ResolveAbsolute = "resolve.absolute": "the date is written in full and needs no anchor",
        ResolveDays = "resolve.days": "days counted from the article's date ('yesterday')",
        ResolveWeekdayPast = "resolve.weekday.past-tense": "a weekday outside the future tense is the latest one up to the article's date",
        ResolveWeekdayFuture = "resolve.weekday.future-tense": "a weekday in the future tense or after 'next' is the first one after the article's date",
        ResolveWeekdayLast = "resolve.weekday.last": "'last Monday' is the latest one before the article's date",
        ResolveUnit = "resolve.unit": "this, the last or the next week, month or year of the article's date",
        ResolveYearlessLast = "resolve.yearless.last": "a month or date after 'last' is the latest one before the article's month",
        ResolveYearlessNext = "resolve.yearless.next": "a month or date after 'next' is the first one after the article's date",
        ResolveYearlessThis = "resolve.yearless.this": "a month or date after 'this' is in the article's year",
        ResolveYearlessFuture = "resolve.yearless.future-tense": "a month or date in the future tense is the first one from the article's date on",
        ResolveYearlessPast = "resolve.yearless.past-tense": "a month or date in the past tense is the latest one up to the article's date",
        ResolveYearlessNearest = "resolve.yearless.nearest": "a month or date with no cue is the latest one up to the article's date, unless one follows within a quarter",
        ResolveSeason = "resolve.season": "a season of the article's year, or the one before or after",
        ResolveAgo = "resolve.ago": "an amount of time counted back from the article's date",
        ResolveQuarter = "resolve.quarter": "'the third quarter' is the latest such quarter begun by the article's date",
        ResolveWeekend = "resolve.weekend": "the last weekend before the article's date, or the next one in the future tense",
        ResolveOfYear = "resolve.of-year": "a month or quarter of a year counted from the article's ('July last year')",
        ResolveSameAs = "resolve.same-as": "counted from the date the text gave last",
        ResolveClockLastDay = "resolve.clock.last-day": "a time of day with no day is on the last day the text named, else the article's date",
        ResolvePeriod = "resolve.period": "a reporting period counted from the quarter the text reports on, else from the article's date",
    }
    "stance" {
        StanceStatement = "stance.statement": "no cue or content that claims or denies",
        StanceDenialCue = "stance.denial.cue": "a verb of denial ('denied', 'rejected', 'dismissed')",
        StanceDenialWords = "stance.denial.content": "words that deny ('rubbish', 'propaganda', 'has no …')",
        StanceClaimCue = "stance.claim.cue": "a verb of claiming ('claimed', 'insisted', 'alleged')",
        StanceClaimDenied = "stance.claim.denied": "a statement a later denial names as a claim ('the Russian claim')",
    }
    "conflict" {
        ConflictSameStory = "conflict.same-story": "the same quoted words from different speakers, in articles a week apart at most whose surrounding paragraphs share two telling words (no filler; in a corpus of 40 articles or more, words at most a twentieth of them use)",
    }
}

/// A rule serialises as its id in a readable form (the dataset JSON and analysis parts
/// carry `"rule": "…"`), and as its place in [`Rule::ALL`] in a compact one (the page's
/// story, which the same build of `newsline` writes and reads).
impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, out: S) -> Result<S::Ok, S::Error> {
        if out.is_human_readable() {
            out.serialize_str(self.id())
        } else {
            out.serialize_u16(*self as u16)
        }
    }
}

impl<'de> Deserialize<'de> for Rule {
    fn deserialize<D: Deserializer<'de>>(input: D) -> Result<Rule, D::Error> {
        use serde::de::Error;
        if input.is_human_readable() {
            let id = std::borrow::Cow::<'de, str>::deserialize(input)?;
            Rule::from_id(&id)
                .ok_or_else(|| D::Error::custom(format!("{id:?} is no rule of this version")))
        } else {
            let at = u16::deserialize(input)?;
            Rule::ALL
                .get(usize::from(at))
                .copied()
                .ok_or_else(|| D::Error::custom(format!("rule {at} is no rule of this version")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Rule;

    #[test]
    fn ids_are_unique_readable_and_found_again() {
        let mut ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
        for r in Rule::ALL {
            assert_eq!(Rule::from_id(r.id()), Some(*r));
            assert!(r.id().starts_with(r.stage()), "{} is in stage {}", r.id(), r.stage());
            assert!(
                r.id().bytes().all(|b| b.is_ascii_lowercase() || b == b'.' || b == b'-'),
                "{}",
                r.id()
            );
            assert!(!r.says().is_empty() && !r.says().ends_with('.'), "{}", r.id());
        }
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), Rule::ALL.len(), "ids are unique");
    }
}
