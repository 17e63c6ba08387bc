//! The timeline: an overview strip of activity over time (drag across it to pick a
//! date range), then the events grouped by day, month or year in date order, with
//! month- and year-wide items drawn as spans and undated ones at the end.

use std::rc::Rc;

use yew::prelude::*;

use super::quotes::Empty;
use super::{loading_row, use_explorer, Action, ByAddress, Explorer};
use crate::dataset::EventDate;
use crate::dates::iso_day;
use crate::dates::{day_label, month_abbr};
use crate::extract::{DateBasis, Granularity};
use crate::query::engine;
use crate::query::{State, View, Zoom};
use crate::store::{self, Bar};

/// How a resolved date reads: "Mon 23 Jan 2017", "Sep 2016", "2011".
pub fn date_label(date: &EventDate) -> Option<String> {
    let first = date.first?;
    Some(match date.granularity? {
        Granularity::Day => day_label(first),
        Granularity::Month => format!("{} {}", month_abbr(first), first.year()),
        Granularity::Year => format!("{}", first.year()),
        Granularity::Decade => format!("{}s", first.year()),
        Granularity::Week => format!("week of {}", day_label(first)),
        Granularity::Quarter => format!("Q{} {}", (first.month() - 1) / 3 + 1, first.year()),
        Granularity::Season => {
            // The season's name as TIMEX3 writes it (`2016-SU`); its first day is in the date.
            let name = match date.value.as_deref().and_then(|v| v.rsplit('-').next()) {
                Some("SP") => "Spring",
                Some("SU") => "Summer",
                Some("FA") => "Autumn",
                _ => "Winter",
            };
            format!("{name} {}", first.year())
        }
    })
}

/// The heading an event goes under at `zoom`: its own date when that is coarser.
fn group_label(date: &EventDate, zoom: Zoom) -> Option<String> {
    let first = date.first?;
    match (zoom, date.granularity?) {
        (Zoom::Month, Granularity::Day | Granularity::Week | Granularity::Month) => {
            Some(format!("{} {}", month_abbr(first), first.year()))
        }
        (Zoom::Year, Granularity::Decade) | (Zoom::Day | Zoom::Month, _) => date_label(date),
        (Zoom::Year, _) => Some(format!("{}", first.year())),
    }
}

#[function_component(Timeline)]
pub fn timeline() -> Html {
    let ex = use_explorer();
    let answer = ex.answer.clone();
    if answer.partial {
        let so_far = format!("Loading the events… ({} so far)", answer.event_total);
        return html! {
            <>
                <p class="summary" role="status">{so_far}</p>
                <p class="empty loading" aria-busy="true">{"Loading…"}</p>
            </>
        };
    }
    if answer.event_total == 0 {
        return html! { <Empty what="events" /> };
    }
    let zoom = ex.state.zoom.unwrap_or(answer.zoom);
    let (lists, _) = engine::timeline_upto(&ex.catalog, &answer, &ex.shown);
    let mut rows: Vec<Html> = Vec::new();
    let mut drawn = 0;
    for (list, fold) in engine::TIMELINE_ORDER {
        let total = answer.timeline[list].total as usize;
        if total == 0 {
            continue;
        }
        if let Some(f) = fold {
            rows.push(fold_row(&ex, f, total, &answer.timeline[list]));
            if !ex.shown.folds[f] {
                continue;
            }
        }
        let events_zoom = if fold.is_some() { Zoom::Year } else { zoom };
        rows.extend(rows_of(&ex, &lists[list], events_zoom, list == 4));
        drawn += lists[list].len();
    }
    let listed: usize = engine::TIMELINE_ORDER
        .iter()
        .filter(|(_, fold)| fold.is_none_or(|f| ex.shown.folds[f]))
        .map(|(list, _)| answer.timeline[*list].total as usize)
        .sum();
    let zoom_link = |z: Option<Zoom>, label: &'static str| {
        let next = State { zoom: z, ..ex.state.clone() };
        let current = ex.state.zoom == z;
        html! {
            <a class={classes!("zoom", current.then_some("current"))} href={ex.href(&next)} onclick={ex.go(next.clone())}
               aria-current={current.then_some("true")}>{label}</a>
        }
    };
    let counts = |i: usize| answer.timeline[i].total as usize;
    html! {
        <>
            <Overview bars={ByAddress(Rc::new(answer.bars.clone()))} earlier={counts(0)} around={counts(1)} later={counts(3)} undated={counts(4)} />
            <nav class="zooms" aria-label="Group the timeline by">
                <span>{format!("{} events, grouped by {}:", answer.event_total, zoom.as_str())}</span>
                {zoom_link(None, "auto")}
                {zoom_link(Some(Zoom::Day), "day")}
                {zoom_link(Some(Zoom::Month), "month")}
                {zoom_link(Some(Zoom::Year), "year")}
            </nav>
            <ul class="timeline" aria-label="Timeline">{ for rows }</ul>
            {ex.more(drawn, listed, "events")}
        </>
    }
}

/// A fold's toggle: the events before, around or after the story's period.
fn fold_row(ex: &Explorer, fold: usize, events: usize, list: &store::Listed) -> Html {
    let open = ex.shown.folds[fold];
    let toggle = {
        let act = ex.act.clone();
        Callback::from(move |_: MouseEvent| act.emit(Action::Fold(fold)))
    };
    let (name, class, what) = match fold {
        0 => ("Earlier", "earlier", "dated before the articles' period"),
        1 => (
            "Around",
            "around",
            "dated only to a month or a year that takes in the articles' period",
        ),
        _ => ("Later", "later", "dated after the articles' period"),
    };
    let (ids, _) = engine::listed_upto(&ex.catalog, list, usize::MAX);
    let span = span_label(&ids, |e| ex.catalog.event_card(e).ok());
    let span = if span.is_empty() { String::new() } else { format!(" ({span})") };
    html! {
        <li key={format!("fold-{class}")} class={classes!("fold", class)}>
            <button type="button" class="fold-toggle" aria-expanded={if open { "true" } else { "false" }} onclick={toggle}>
                <span class="fold-name">{name}</span>
                {format!(" · {events} {} {what}{span}", if events == 1 { "event" } else { "events" })}
            </button>
        </li>
    }
}

/// "1888 – Sep 2016": the first and last dates of date-ordered events, or one date, as far
/// as their cards are at hand.
fn span_label<'c>(events: &[u32], card_of: impl Fn(u32) -> Option<&'c store::EventCard>) -> String {
    let card = |e: &u32| card_of(*e);
    let label = |c: &store::EventCard| date_label(&c.date).unwrap_or_default();
    let last = events.iter().filter_map(card).max_by_key(|c| c.date.last);
    match (events.first().and_then(card).map(label), last.map(label)) {
        (Some(first), Some(last)) if first != last => format!("{first} – {last}"),
        (Some(first), _) => first,
        _ => String::new(),
    }
}

/// The strip: one bar per stretch of time, its height the number of events. Press on
/// one bar and release on another to show that range; Enter on a bar shows it alone.
#[derive(Properties, PartialEq)]
struct OverviewProps {
    /// The bars over the events in the story's period.
    bars: ByAddress<Vec<Bar>>,
    /// How many events lie before, around and after it, and undated.
    earlier: usize,
    around: usize,
    later: usize,
    undated: usize,
}

#[function_component(Overview)]
fn overview(props: &OverviewProps) -> Html {
    let ex = use_explorer();
    let bars = props.bars.0.clone();
    let pressed = use_state(|| None::<usize>);
    if bars.len() < 2 {
        return html! {};
    }
    let tallest = bars.iter().map(|b| b.events).max().unwrap_or(1).max(1);
    let day = |d: store::Day| store::date(d).map(iso_day);
    let range = |a: usize, b: usize| {
        let (lo, hi) = (a.min(b), a.max(b));
        State { from: day(bars[lo].first), to: day(bars[hi].last), ..ex.state.clone() }.refiltered()
    };
    let undated = props.undated;
    html! {
        <figure class="overview">
            <div class="bars" role="group" aria-label="Events over time: press on one bar and release on another to show that range">
            { for bars.iter().enumerate().map(|(i, b)| {
                let level = (b.events * 10).div_ceil(tallest);
                let onpointerdown = { let pressed = pressed.clone(); Callback::from(move |_: PointerEvent| pressed.set(Some(i))) };
                let onpointerup = {
                    let (pressed, navigate, next) = (pressed.clone(), ex.navigate.clone(), range(pressed.unwrap_or(i), i));
                    Callback::from(move |_: PointerEvent| { pressed.set(None); navigate.emit(next.clone()); })
                };
                // A click from the keyboard has no pointer: it picks the one bar.
                let onclick = {
                    let (navigate, next) = (ex.navigate.clone(), range(i, i));
                    Callback::from(move |e: MouseEvent| if e.detail() == 0 { navigate.emit(next.clone()) })
                };
                let within = pressed.is_some_and(|p| (p.min(i)..=p.max(i)).contains(&i));
                html! {
                    <button type="button" class={classes!("bar", format!("h{level}"), within.then_some("picking"))}
                            aria-label={format!("{}: {} events", b.label, b.events)} title={format!("{}: {} events", b.label, b.events)}
                            {onpointerdown} {onpointerup} {onclick}></button>
                }
            }) }
            </div>
            <figcaption class="axis">
                <span>{&bars[0].label}</span>
                if props.earlier > 0 { <span class="outside-count">{format!("{} earlier", props.earlier)}</span> }
                if props.around > 0 { <span class="outside-count">{format!("{} around", props.around)}</span> }
                if props.later > 0 { <span class="outside-count">{format!("{} later", props.later)}</span> }
                if undated > 0 { <span class="undated-count">{format!("{undated} undated, listed last")}</span> }
                <span>{&bars[bars.len() - 1].label}</span>
            </figcaption>
        </figure>
    }
}

const UNDATED: &str = "Undated";

/// Consecutive events with the same heading share it. An event is a span when its
/// date is coarser than a day.
fn rows_of(ex: &Explorer, events: &[u32], zoom: Zoom, undated: bool) -> Vec<Html> {
    let mut rows = Vec::with_capacity(events.len() + 16);
    let mut current: Option<String> = None;
    for &event in events {
        let Ok(card) = ex.catalog.event_card(event) else {
            rows.push(loading_row(format!("e{event}")));
            continue;
        };
        let date = &card.date;
        let label = if undated {
            UNDATED.to_string()
        } else {
            group_label(date, zoom).unwrap_or_else(|| UNDATED.to_string())
        };
        let span = !matches!(date.granularity, Some(Granularity::Day) | None);
        if current.as_ref() != Some(&label) {
            let heading_span = span && zoom == Zoom::Day;
            rows.push(html! {
                <li key={format!("day-{event}")} class={classes!("day", heading_span.then_some("span"), (label == UNDATED).then_some("undated"))}>
                    <h2 class="day-label">{&label}</h2>
                </li>
            });
            current = Some(label);
        }
        rows.push(html! { <EventItem key={event} event={event} span={span} /> });
    }
    rows
}

#[derive(Properties, PartialEq)]
struct EventItemProps {
    /// The event's site id.
    event: u32,
    /// Dated to a month or a year: drawn as a span.
    span: bool,
}

#[function_component(EventItem)]
fn event_item(props: &EventItemProps) -> Html {
    let ex = use_explorer();
    let Ok(e) = ex.catalog.event_card(props.event) else {
        return loading_row(format!("e{}", props.event));
    };
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
            <p class="sentence">{ex.highlighted(&e.sentence)}</p>
            { for e.said.iter().map(|words| html! { <blockquote class="words">{format!("“{}”", words.trim_end_matches(','))}</blockquote> }) }
            <p class="meta">
                { for e.actors.iter().map(|actor| ex.actor_link(actor, "actor-chip")) }
                <span class="outlet">{&e.outlet}</span>
                {ex.yours(&e.article)}
                {ex.link(context, "context", html! { {"In context"} })}
            </p>
        </li>
    }
}
