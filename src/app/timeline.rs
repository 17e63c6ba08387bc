//! The timeline: events grouped by the day (or month, or year) they are dated to,
//! in date order, with the undated ones in a group of their own at the end.

use jiff::civil::Date;
use yew::prelude::*;

use super::quotes::empty_message;
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
    // Consecutive events with the same label form one group.
    let mut groups: Vec<(String, bool, Vec<usize>)> = Vec::new();
    for &i in &props.events {
        let date = &ex.dataset.events[i].date;
        let label = date_label(date).unwrap_or_else(|| "Undated".to_string());
        let span = !matches!(date.granularity, Some(Granularity::Day) | None);
        match groups.last_mut() {
            Some((l, _, members)) if *l == label => members.push(i),
            _ => groups.push((label, span, vec![i])),
        }
    }
    html! {
        <div class="timeline">
        { for groups.into_iter().map(|(label, span, members)| html! {
            <section class={classes!("day", span.then_some("span"), (label == "Undated").then_some("undated"))}
                     aria-label={label.clone()}>
                <h2 class="day-label">{label}</h2>
                <ol class="events">{ for members.into_iter().map(|i| html! { <EventItem event={i} /> }) }</ol>
            </section>
        }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct EventItemProps {
    event: usize,
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
        <li class={classes!("event", selected.then_some("selected"))} data-event-id={e.id.clone()}>
            <p class="when">{when}</p>
            <p class="sentence">{&e.text}</p>
            { for e.quotes.iter().filter_map(|id| ex.index.quote(id)).map(|i| &ex.dataset.quotes[i])
                .filter(|q| q.kind != QuoteKind::Indirect)
                .map(|q| html! { <blockquote class="words">{format!("“{}”", q.text.trim_end_matches(','))}</blockquote> }) }
            <p class="meta">
                { for e.actors.iter().map(|a| html! { <span class="actor-chip">{ex.actor_name(a)}</span> }) }
                <span class="outlet">{ex.outlet_of(&e.article)}</span>
                <a class="context" href={ex.href(&context)} onclick={ex.go(context.clone())}>{"In context"}</a>
            </p>
        </li>
    }
}
