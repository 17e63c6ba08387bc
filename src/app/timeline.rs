//! The timeline: events grouped by the day (or month, or year) they are dated to,
//! in date order, with the undated ones in a group of their own at the end.

use jiff::civil::Date;
use yew::prelude::*;

use super::quotes::empty_message;
use super::virtual_list::VirtualList;
use super::Explorer;
use crate::corpus::parse_date;
use crate::dataset::EventDate;
use crate::extract::{DateBasis, Granularity, QuoteKind};
use crate::query::{State, View};

/// How a resolved date reads: "Mon 23 Jan 2017", "Sep 2016", "2011".
pub fn date_label(date: &EventDate) -> Option<String> {
    let first: Date = parse_date(date.first.as_deref()?)?;
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let month = MONTHS[usize::try_from(first.month() - 1).unwrap_or(0)];
    Some(match date.granularity? {
        Granularity::Day => {
            let weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][usize::try_from(first.weekday().to_monday_zero_offset()).unwrap_or(0)];
            format!("{weekday} {} {month} {}", first.day(), first.year())
        }
        Granularity::Month => format!("{month} {}", first.year()),
        Granularity::Year => format!("{}", first.year()),
        _ => date.value.clone()?,
    })
}

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// Event indices, already in date order with undated ones last.
    pub events: Vec<usize>,
}

#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let ex = use_context::<Explorer>().expect("Timeline needs the Explorer context");
    if props.events.is_empty() {
        return html! { <p class="empty">{empty_message(&ex)}</p> };
    }
    let rows = use_memo(props.events.clone(), |events| rows_of(&ex, events));
    let heights = {
        let ex = ex.clone();
        use_memo(rows.clone(), move |rows| rows.iter().map(|r| row_height(&ex, r)).collect::<Vec<u32>>())
    };
    let row = Callback::from(move |k: usize| match &rows[k] {
        Row::Day { label, span } => html! {
            <li key={format!("day-{k}")} class={classes!("day", span.then_some("span"), (label == UNDATED).then_some("undated"))}>
                <h2 class="day-label">{label}</h2>
            </li>
        },
        Row::Event { event, span } => html! { <EventItem key={*event} event={*event} span={*span} /> },
    });
    html! { <VirtualList {heights} {row} class="timeline" label="Timeline" /> }
}

const UNDATED: &str = "Undated";

/// One line of the timeline: a day (or month, or year) heading, or an event under it.
#[derive(Debug, Clone, PartialEq)]
enum Row {
    Day { label: String, span: bool },
    Event { event: usize, span: bool },
}

/// Consecutive events with the same date label share one heading.
fn rows_of(ex: &Explorer, events: &[usize]) -> Vec<Row> {
    let mut rows = Vec::with_capacity(events.len() + 16);
    let mut current: Option<String> = None;
    for &event in events {
        let date = &ex.dataset.events[event].date;
        let label = date_label(date).unwrap_or_else(|| UNDATED.to_string());
        let span = !matches!(date.granularity, Some(Granularity::Day) | None);
        if current.as_ref() != Some(&label) {
            rows.push(Row::Day { label: label.clone(), span });
            current = Some(label);
        }
        rows.push(Row::Event { event, span });
    }
    rows
}

/// Estimated heights: a heading, or an event's chrome plus its sentence and quotes wrapped at about 100 characters.
fn row_height(ex: &Explorer, row: &Row) -> u32 {
    match row {
        Row::Day { .. } => 56,
        Row::Event { event, .. } => {
            let e = &ex.dataset.events[*event];
            let chars = (e.end - e.start) + e.quotes.iter().filter_map(|q| ex.index.quote(q)).map(|q| ex.dataset.quotes[q].end - ex.dataset.quotes[q].start).sum::<usize>();
            let lines = u32::try_from(chars / 100 + 1 + e.quotes.len()).unwrap_or(u32::MAX / 64);
            84 + 26 * lines
        }
    }
}

#[derive(Properties, PartialEq)]
struct EventItemProps {
    event: usize,
    /// Dated to a month or a year: drawn as a span.
    span: bool,
}

#[function_component(EventItem)]
fn event_item(props: &EventItemProps) -> Html {
    let ex = use_context::<Explorer>().expect("EventItem needs the Explorer context");
    let e = &ex.dataset.events[props.event];
    let resolved = date_label(&e.date);
    let when = match (&e.date.phrase, &resolved, e.date.basis) {
        (Some(phrase), Some(r), DateBasis::Stated) => format!("“{phrase}” → {r}"),
        (_, Some(r), DateBasis::ReportedOn) => format!("reported on {r}"),
        (_, Some(r), _) => r.clone(),
        (Some(phrase), None, _) => format!("“{phrase}”: no article date to resolve it against"),
        (None, None, _) => "undated".to_string(),
    };
    let context = State { view: View::Article, item: Some(e.id.clone()), ..ex.state.clone() };
    let selected = ex.state.item.as_deref() == Some(e.id.as_str());
    html! {
        <li class={classes!("event", selected.then_some("selected"), props.span.then_some("span"))} data-event-id={e.id.clone()}>
            <p class="when">{when}</p>
            <p class="sentence">{ex.excerpt(&e.article, e.start, e.end)}</p>
            { for e.quotes.iter().filter_map(|id| ex.index.quote(id)).map(|i| &ex.dataset.quotes[i])
                .filter(|q| q.kind != QuoteKind::Indirect)
                .map(|q| html! { <blockquote class="words">{format!("“{}”", ex.quote_words(q).trim_end_matches(','))}</blockquote> }) }
            <p class="meta">
                { for e.actors.iter().map(|a| html! { <span class="actor-chip">{ex.actor_name(a)}</span> }) }
                <span class="outlet">{ex.outlet_of(&e.article)}</span>
                <a class="context" href={ex.href(&context)} onclick={ex.go(context.clone())}>{"In context"}</a>
            </p>
        </li>
    }
}
