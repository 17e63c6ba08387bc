//! What the page says about the story as a whole: its outlets and period (the header and
//! the *About this story* panel), and the period the timeline opens on.

use jiff::civil::Date;

use super::Index;
use crate::dataset::Dataset;
use crate::dates::{add_days, days_between, parse_day};

/// The corpus at a glance.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    pub articles: usize,
    /// (outlet, its articles), most articles first, then by name.
    pub outlets: Vec<(usize, usize)>,
    /// The first and last publication dates.
    pub first: Option<Date>,
    pub last: Option<Date>,
    /// Articles with no publication date.
    pub undated: usize,
}

/// Counts the corpus's outlets and finds its publication span.
pub fn summary(ds: &Dataset, index: &Index) -> Summary {
    let mut per_outlet = vec![0usize; index.outlets.len()];
    let mut summary = Summary { articles: ds.articles.len(), ..Summary::default() };
    for (a, article) in ds.articles.iter().enumerate() {
        if let Some(&o) = index.outlet_of_article.get(a) {
            per_outlet[o] += 1;
        }
        match article.date.as_deref().and_then(parse_day) {
            Some(d) => {
                summary.first = Some(summary.first.map_or(d, |f| f.min(d)));
                summary.last = Some(summary.last.map_or(d, |l| l.max(d)));
            }
            None => summary.undated += 1,
        }
    }
    let mut outlets: Vec<usize> = (0..per_outlet.len()).filter(|&o| per_outlet[o] > 0).collect();
    let names = index.outlet_name_ranks();
    let fewer = |n: usize| u64::from(u32::MAX - u32::try_from(n).unwrap_or(u32::MAX));
    super::order_by(&mut outlets, |o| fewer(per_outlet[o]) << 32 | u64::from(names[o]));
    summary.outlets = outlets.into_iter().map(|o| (o, per_outlet[o])).collect();
    summary
}

/// The least the timeline's window reaches beyond the publication span on each side, so
/// that "last week" in the first article is inside it.
const MARGIN_DAYS: i32 = 31;

/// The period the timeline opens on: the publication span, widened on each side by a
/// tenth of its length and at least a month. `None` when no article is dated.
pub fn window(summary: &Summary) -> Option<(Date, Date)> {
    let (first, last) = (summary.first?, summary.last?);
    let margin = (days_between(first, last) / 10).max(MARGIN_DAYS);
    Some((add_days(first, -margin).unwrap_or(first), add_days(last, margin).unwrap_or(last)))
}

/// Where an event stands against the story's window.
pub use super::engine::Placement;

/// Where event `e` stands against `window` ([`super::engine::placement`], over dates).
pub fn placement(ds: &Dataset, index: &Index, e: usize, window: Option<(Date, Date)>) -> Placement {
    let days = |(a, b): (Date, Date)| (crate::store::day(a), crate::store::day(b));
    super::engine::placement(index.event_days(ds, e).map(days), window.map(days))
}

/// Date-ordered events split by [`placement`]: (earlier, around, within, later, undated),
/// each in the order given.
pub fn split_by_window(
    ds: &Dataset,
    index: &Index,
    events: &[usize],
    window: Option<(Date, Date)>,
) -> [Vec<usize>; 5] {
    let mut parts: [Vec<usize>; 5] = Default::default();
    for &e in events {
        let part = match placement(ds, index, e, window) {
            Placement::Earlier => 0,
            Placement::Around => 1,
            Placement::Within => 2,
            Placement::Later => 3,
            Placement::Undated => 4,
        };
        parts[part].push(e);
    }
    parts
}

/// What an actor's page shows beside their quotes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Profile {
    /// Mentions per month of publication, `YYYY-MM`, in date order.
    pub months: Vec<(String, usize)>,
    /// Mentions in articles with no date.
    pub undated: usize,
    pub mentions: usize,
    /// Articles that name the actor.
    pub articles: usize,
    /// The actors named in the same quotes and events, and how often; most often first.
    pub company: Vec<(usize, usize)>,
}

/// Actor `a`'s mentions over time and the company they keep, the `most` busiest.
pub fn profile(ds: &Dataset, index: &Index, a: usize, most: usize) -> Profile {
    let mentions = index.mentions_of(a);
    let mut profile = Profile { mentions: mentions.len(), ..Profile::default() };
    // Mentions come by article: count the changes.
    profile.articles = mentions
        .iter()
        .enumerate()
        .filter(|&(i, m)| i == 0 || mentions[i - 1].article != m.article)
        .count();
    let month_of = |m: usize| {
        let date = ds.articles[mentions[m].article].date.as_deref().and_then(parse_day)?;
        Some(i64::from(date.year()) * 12 + i64::from(date.month()) - 1)
    };
    let mut dated: Vec<usize> = (0..mentions.len()).filter(|&m| month_of(m).is_some()).collect();
    profile.undated = mentions.len() - dated.len();
    super::order_by(&mut dated, |m| month_of(m).map_or(u64::MAX, |n| n as u64));
    for m in dated {
        let Some(n) = month_of(m) else { continue };
        let label = format!("{:04}-{:02}", n.div_euclid(12), n.rem_euclid(12) + 1);
        match profile.months.last_mut() {
            Some((last, count)) if *last == label => *count += 1,
            _ => profile.months.push((label, 1)),
        }
    }
    let mut counts = vec![0usize; ds.actors.len()];
    let quotes = index.quotes_by_actor[a].iter().map(|&q| &index.actors_by_quote[q]);
    let events = index.events_by_actor[a].iter().map(|&e| &index.actors_by_event[e]);
    for actors in quotes.chain(events) {
        for &other in actors.iter().filter(|&&o| o != a) {
            counts[other] += 1;
        }
    }
    let mut company: Vec<usize> = (0..counts.len()).filter(|&o| counts[o] > 0).collect();
    let fewer = |n: usize| u64::from(u32::MAX - u32::try_from(n).unwrap_or(u32::MAX));
    super::order_by(&mut company, |o| fewer(counts[o]) << 32 | o as u64);
    profile.company = company.into_iter().take(most).map(|o| (o, counts[o])).collect();
    profile
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Source;
    use crate::dataset::build;

    fn source(id: &str, outlet: &str, date: Option<&str>, text: &str) -> Source {
        Source {
            id: id.into(),
            date: date.and_then(parse_day),
            title: None,
            outlet: Some(outlet.into()),
            url: None,
            text: text.into(),
            ..Default::default()
        }
    }

    #[test]
    fn the_summary_counts_outlets_and_spans_the_dates() {
        let ds = build(vec![
            source("a", "Herald", Some("2017-01-24"), "Jane Doe said so."),
            source("b", "Courier", Some("2017-01-20"), "John Roe said so."),
            source("c", "Herald", None, "Nobody said so."),
        ]);
        let index = Index::new(&ds);
        let s = summary(&ds, &index);
        assert_eq!(s.articles, 3);
        let names: Vec<(&str, usize)> =
            s.outlets.iter().map(|&(o, n)| (index.outlets[o].name.as_str(), n)).collect();
        assert_eq!(names, [("Herald", 2), ("Courier", 1)]);
        assert_eq!(
            (s.first, s.last, s.undated),
            (parse_day("2017-01-20"), parse_day("2017-01-24"), 1)
        );
        assert_eq!(
            window(&s),
            Some((parse_day("2016-12-20").unwrap(), parse_day("2017-02-24").unwrap()))
        );
        assert_eq!(window(&Summary::default()), None);
    }

    #[test]
    fn an_actors_profile_counts_months_articles_and_company() {
        let ds = build(vec![
            source(
                "a",
                "Herald",
                Some("2017-01-24"),
                "Jane Doe met John Roe on Monday. Jane Doe said it went well.",
            ),
            source(
                "b",
                "Courier",
                Some("2017-02-01"),
                "Jane Doe said on Tuesday that John Roe agreed.",
            ),
            source("c", "Courier", None, "Jane Doe was not reached."),
        ]);
        let index = Index::new(&ds);
        let jane = index.actor("jane-doe").unwrap();
        let p = profile(&ds, &index, jane, 12);
        assert_eq!(p.articles, 3);
        assert_eq!(p.undated, 1);
        let months: Vec<&str> = p.months.iter().map(|(m, _)| m.as_str()).collect();
        assert_eq!(months, ["2017-01", "2017-02"]);
        assert_eq!(p.months.iter().map(|(_, n)| n).sum::<usize>() + p.undated, p.mentions);
        let roe = index.actor("john-roe").unwrap();
        assert_eq!(p.company.first().map(|&(o, _)| o), Some(roe), "{:?}", p.company);
        assert!(profile(&ds, &index, jane, 0).company.is_empty());
    }

    #[test]
    fn references_far_from_the_story_fall_outside_its_window() {
        let ds = build(vec![source(
            "a",
            "Herald",
            Some("2017-01-24"),
            "The club was founded in 1888. Jane Doe said on Monday that it would close. \
             The city plans to be carbon-free by 2050. Nobody knows when.",
        )]);
        let index = Index::new(&ds);
        let w = window(&summary(&ds, &index));
        let [earlier, around, within, later, undated] =
            split_by_window(&ds, &index, &index.events_by_date, w);
        assert!(around.is_empty(), "{around:?}");
        let sentence = |e: &usize| index.event_words(&ds, *e).to_string();
        assert_eq!(
            earlier.iter().map(sentence).collect::<Vec<_>>(),
            ["The club was founded in 1888"]
        );
        assert!(within.iter().map(sentence).any(|s| s.contains("Monday")));
        assert_eq!(
            later.iter().map(sentence).collect::<Vec<_>>(),
            ["The city plans to be carbon-free by 2050"]
        );
        assert!(undated.is_empty() || undated.iter().all(|e| index.event_days(&ds, *e).is_none()));
        let june = build(vec![source(
            "b",
            "Herald",
            Some("2017-06-15"),
            "Sales fell this year, Jane Doe said on Monday.",
        )]);
        let june_index = Index::new(&june);
        let w = window(&summary(&june, &june_index));
        let parts = split_by_window(&june, &june_index, &june_index.events_by_date, w);
        let dated = |e: &usize| june.events[*e].date.value.clone().unwrap_or_default();
        assert_eq!(
            parts[1].iter().map(dated).collect::<Vec<_>>(),
            ["2017"],
            "the year spans the period"
        );
        assert!(parts[2].iter().map(dated).any(|v| v == "2017-06-12"), "Monday is within");
        let everything = split_by_window(&ds, &index, &index.events_by_date, None);
        assert!(everything[0].is_empty() && everything[1].is_empty() && everything[3].is_empty());
    }
}
