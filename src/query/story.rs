//! What the page says about the story as a whole: its outlets and period (the header and
//! the *About this story* panel), and the period the timeline opens on.

use jiff::civil::Date;

use super::Index;
use crate::dataset::Dataset;
use crate::dates::parse_day;

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
    summary.outlets = per_outlet.into_iter().enumerate().filter(|&(_, n)| n > 0).collect();
    summary.outlets.sort_by(|x, y| {
        y.1.cmp(&x.1).then_with(|| index.outlets[x.0].name.cmp(&index.outlets[y.0].name))
    });
    summary
}

/// The least the timeline's window reaches beyond the publication span on each side, so
/// that "last week" in the first article is inside it.
const MARGIN_DAYS: i64 = 31;

/// The period the timeline opens on: the publication span, widened on each side by a
/// tenth of its length and at least a month. `None` when no article is dated.
pub fn window(summary: &Summary) -> Option<(Date, Date)> {
    let (first, last) = (summary.first?, summary.last?);
    let length = first.until(last).ok()?.get_days();
    let margin = i64::from(length / 10).max(MARGIN_DAYS);
    // `try_days` rather than `ToSpan`, whose panicking path brings jiff's error formatting
    // into the page.
    let widen = |d: Date, days: i64| d.checked_add(jiff::Span::new().try_days(days).ok()?).ok();
    Some((widen(first, -margin).unwrap_or(first), widen(last, margin).unwrap_or(last)))
}

/// Date-ordered events split by a window: (before it, meeting it, after it, undated), each
/// in the order given. An event meets the window when any of its days is inside.
pub fn split_by_window(
    ds: &Dataset,
    index: &Index,
    events: &[usize],
    window: Option<(Date, Date)>,
) -> [Vec<usize>; 4] {
    let mut parts: [Vec<usize>; 4] = Default::default();
    for &e in events {
        let part = match (index.event_days(ds, e), window) {
            (None, _) => 3,
            (Some(_), None) => 1,
            (Some((_, last)), Some((start, _))) if last < start => 0,
            (Some((first, _)), Some((_, end))) if first > end => 2,
            _ => 1,
        };
        parts[part].push(e);
    }
    parts
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
        let [earlier, within, later, undated] =
            split_by_window(&ds, &index, &index.events_by_date, w);
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
        let everything = split_by_window(&ds, &index, &index.events_by_date, None);
        assert!(everything[0].is_empty() && everything[2].is_empty());
    }
}
