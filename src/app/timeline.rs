//! The timeline: an overview strip of activity over time (drag across it to pick a
//! date range), then the events grouped by day, month or year in date order, with
//! month- and year-wide items drawn as spans and undated ones at the end.

use std::rc::Rc;

use jiff::civil::Date;
use yew::prelude::*;

use super::quotes::Empty;
use super::virtual_list::VirtualList;
use super::{use_explorer, ByAddress, Explorer};
use crate::dataset::EventDate;
use crate::dates::{self, iso_day};
use crate::extract::{DateBasis, Granularity, QuoteKind};
use crate::query::story;
use crate::query::{State, View, Zoom};

const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

pub(crate) fn month_name(d: Date) -> &'static str {
    MONTHS[usize::try_from(d.month() - 1).unwrap_or(0)]
}

fn day_label(d: Date) -> String {
    let weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][dates::weekday_from_monday(d)];
    format!("{weekday} {} {} {}", d.day(), month_name(d), d.year())
}

/// How a resolved date reads: "Mon 23 Jan 2017", "Sep 2016", "2011".
pub fn date_label(date: &EventDate) -> Option<String> {
    let first: Date = date.first?;
    Some(match date.granularity? {
        Granularity::Day => day_label(first),
        Granularity::Month => format!("{} {}", month_name(first), first.year()),
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
            Some(format!("{} {}", month_name(first), first.year()))
        }
        (Zoom::Year, Granularity::Decade) | (Zoom::Day | Zoom::Month, _) => date_label(date),
        (Zoom::Year, _) => Some(format!("{}", first.year())),
    }
}

/// The most headings a zoom may make before the page picks a coarser one.
const MOST_AUTO_GROUPS: usize = 60;

/// The finest zoom that keeps the headings few.
fn auto_zoom(ex: &Explorer, events: &[usize]) -> Zoom {
    for zoom in [Zoom::Day, Zoom::Month] {
        let mut groups = 0;
        let mut last: Option<String> = None;
        for &e in events {
            let label = group_label(&ex.dataset.events[e].date, zoom);
            if label != last {
                groups += 1;
                last = label;
            }
            // Enough to rule this zoom out: no need to label the rest of a large corpus.
            if groups > MOST_AUTO_GROUPS {
                break;
            }
        }
        if groups <= MOST_AUTO_GROUPS {
            return zoom;
        }
    }
    Zoom::Year
}

/// The timeline's events split around the story's period (see [`story::window`]): before
/// it, in it, after it, and undated.
#[derive(Debug, PartialEq)]
struct Parts {
    earlier: Vec<usize>,
    around: Vec<usize>,
    within: Vec<usize>,
    later: Vec<usize>,
    undated: Vec<usize>,
}

#[function_component(Timeline)]
pub fn timeline() -> Html {
    let ex = use_explorer();
    let sel = ex.selection.clone();
    // A date range in the link shows just that range; otherwise the story's own period.
    let window = if ex.state.from.is_some() || ex.state.to.is_some() {
        None
    } else {
        story::window(&ex.summary)
    };
    let parts = {
        let ex = ex.clone();
        use_memo((ByAddress(sel.clone()), window), move |(sel, window)| {
            let [earlier, around, within, later, undated] =
                story::split_by_window(&ex.dataset, &ex.index, &sel.0.events, *window);
            Parts { earlier, around, within, later, undated }
        })
    };
    // Which folds are open, by `Fold as usize`.
    let open = use_state(|| [false; 3]);
    let zoom = {
        let ex = ex.clone();
        *use_memo((ByAddress(parts.clone()), ex.state.zoom), move |(parts, chosen)| {
            chosen.unwrap_or_else(|| auto_zoom(&ex, &parts.0.within))
        })
    };
    let rows = {
        let ex = ex.clone();
        use_memo((ByAddress(parts.clone()), zoom, *open), move |(parts, zoom, open)| {
            let parts = &parts.0;
            let mut rows = Vec::with_capacity(sel_len(parts) + 16);
            let fold = |rows: &mut Vec<Row>, fold: Fold, events: &[usize]| {
                if !events.is_empty() {
                    let is_open = open[fold as usize];
                    rows.push(Row::Fold {
                        fold,
                        events: events.len(),
                        span: span_label(&ex, events),
                        open: is_open,
                    });
                    if is_open {
                        rows.extend(rows_of(&ex, events, Zoom::Year));
                    }
                }
            };
            fold(&mut rows, Fold::Earlier, &parts.earlier);
            fold(&mut rows, Fold::Around, &parts.around);
            rows.extend(rows_of(&ex, &parts.within, *zoom));
            fold(&mut rows, Fold::Later, &parts.later);
            rows.extend(rows_of(&ex, &parts.undated, *zoom));
            rows
        })
    };
    let heights = {
        let ex = ex.clone();
        use_memo(ByAddress(rows.clone()), move |rows| {
            rows.0.iter().map(|r| row_height(&ex, r)).collect::<Vec<u32>>()
        })
    };
    if sel.events.is_empty() {
        return html! { <Empty what="events" /> };
    }
    let zoom_link = |z: Option<Zoom>, label: &'static str| {
        let next = State { zoom: z, ..ex.state.clone() };
        let current = ex.state.zoom == z;
        html! {
            <a class={classes!("zoom", current.then_some("current"))} href={ex.href(&next)} onclick={ex.go(next.clone())}
               aria-current={current.then_some("true")}>{label}</a>
        }
    };
    let row = Callback::from(move |k: usize| match &rows[k] {
        Row::Heading { label, span } => html! {
            <li key={format!("day-{k}")} class={classes!("day", span.then_some("span"), (label == UNDATED).then_some("undated"))}>
                <h2 class="day-label">{label}</h2>
            </li>
        },
        Row::Event { event, span } => {
            html! { <EventItem key={*event} event={*event} span={*span} /> }
        }
        Row::Fold { fold, events, span, open: is_open } => {
            let toggle = {
                let (open, fold) = (open.clone(), *fold);
                Callback::from(move |_: MouseEvent| {
                    let mut next = *open;
                    next[fold as usize] = !next[fold as usize];
                    open.set(next);
                })
            };
            let (name, class, what) = match fold {
                Fold::Earlier => ("Earlier", "earlier", "dated before the articles' period"),
                Fold::Around => (
                    "Around",
                    "around",
                    "dated only to a month or a year that takes in the articles' period",
                ),
                Fold::Later => ("Later", "later", "dated after the articles' period"),
            };
            html! {
                <li key={format!("fold-{class}")} class={classes!("fold", class)}>
                    <button type="button" class="fold-toggle" aria-expanded={if *is_open { "true" } else { "false" }} onclick={toggle}>
                        <span class="fold-name">{name}</span>
                        {format!(" · {events} {} {what} ({span})", if *events == 1 { "event" } else { "events" })}
                    </button>
                </li>
            }
        }
    });
    html! {
        <>
            <Overview events={ByAddress(Rc::new(parts.within.clone()))} earlier={parts.earlier.len()} around={parts.around.len()} later={parts.later.len()} undated={parts.undated.len()} />
            <nav class="zooms" aria-label="Group the timeline by">
                <span>{format!("{} events, grouped by {}:", sel.events.len(), zoom.as_str())}</span>
                {zoom_link(None, "auto")}
                {zoom_link(Some(Zoom::Day), "day")}
                {zoom_link(Some(Zoom::Month), "month")}
                {zoom_link(Some(Zoom::Year), "year")}
            </nav>
            <VirtualList heights={ByAddress(heights)} {row} class="timeline" label="Timeline" />
        </>
    }
}

fn sel_len(parts: &Parts) -> usize {
    parts.earlier.len()
        + parts.around.len()
        + parts.within.len()
        + parts.later.len()
        + parts.undated.len()
}

/// "1888 – Sep 2016": the first and last dates of date-ordered events, or one date.
fn span_label(ex: &Explorer, events: &[usize]) -> String {
    let label = |e: usize| date_label(&ex.dataset.events[e].date).unwrap_or_default();
    let last =
        events.iter().copied().max_by_key(|&e| ex.index.event_days(&ex.dataset, e).map(|(_, l)| l));
    let (first, last) = (events.first().map(|&e| label(e)), last.map(label));
    match (first, last) {
        (Some(first), Some(last)) if first != last => format!("{first} – {last}"),
        (Some(first), _) => first,
        _ => String::new(),
    }
}

/// One stretch of the overview strip.
#[derive(Debug, Clone, PartialEq)]
struct Bucket {
    first: Date,
    last: Date,
    label: String,
    events: usize,
}

/// The most bars the strip draws before it moves to a coarser unit.
const MOST_BARS: i64 = 240;

/// Buckets from the first to the last dated event, empty stretches included, by day
/// for a couple of months, else by month, else by year, else by decade.
fn buckets(ex: &Explorer, events: &[usize]) -> Vec<Bucket> {
    let dates: Vec<Date> = events.iter().filter_map(|&e| ex.dataset.events[e].date.first).collect();
    let (Some(&min), Some(&max)) = (dates.iter().min(), dates.iter().max()) else {
        return Vec::new();
    };
    let months = |d: Date| i64::from(d.year()) * 12 + i64::from(d.month()) - 1;
    let days = dates::days_between(min, max);
    type Unit = (fn(Date) -> Option<Date>, fn(Date) -> Option<Date>, fn(Date) -> String);
    let unit: Unit = if days <= 62 {
        (Some, Some, day_label)
    } else if months(max) - months(min) < MOST_BARS {
        (
            |d| Some(dates::first_of_month(d)),
            |d| Some(dates::last_of_month(d)),
            |d| format!("{} {}", month_name(d), d.year()),
        )
    } else if i64::from(max.year() - min.year()) < MOST_BARS {
        (
            |d| Date::new(d.year(), 1, 1).ok(),
            |d| Date::new(d.year(), 12, 31).ok(),
            |d| d.year().to_string(),
        )
    } else {
        (
            |d| Date::new(d.year() - d.year().rem_euclid(10), 1, 1).ok(),
            |d| Date::new(d.year() - d.year().rem_euclid(10) + 9, 12, 31).ok(),
            |d| format!("{}s", d.year()),
        )
    };
    let (start_of, end_of, label) = unit;
    let mut out: Vec<Bucket> = Vec::new();
    let mut at = start_of(min);
    while let Some(first) = at.filter(|&f| f <= max) {
        let Some(last) = end_of(first) else { break };
        out.push(Bucket { first, last, label: label(first), events: 0 });
        at = dates::add_days(last, 1);
    }
    for d in dates {
        let slot = out.partition_point(|b| b.last < d);
        if let Some(b) = out.get_mut(slot) {
            b.events += 1;
        }
    }
    out
}

/// The strip: one bar per stretch of time, its height the number of events. Press on
/// one bar and release on another to show that range; Enter on a bar shows it alone.
#[derive(Properties, PartialEq)]
struct OverviewProps {
    /// The events the strip draws: those in the story's period.
    events: ByAddress<Vec<usize>>,
    /// How many events lie before and after it, folded.
    earlier: usize,
    /// Dated only to a month or year that takes in the period.
    around: usize,
    later: usize,
    undated: usize,
}

#[function_component(Overview)]
fn overview(props: &OverviewProps) -> Html {
    let ex = use_explorer();
    let bars = {
        let ex = ex.clone();
        use_memo(props.events.clone(), move |events| buckets(&ex, &events.0))
    };
    let pressed = use_state(|| None::<usize>);
    if bars.len() < 2 {
        return html! {};
    }
    let tallest = bars.iter().map(|b| b.events).max().unwrap_or(1).max(1);
    let range = |a: usize, b: usize| {
        let (lo, hi) = (a.min(b), a.max(b));
        State {
            from: Some(iso_day(bars[lo].first)),
            to: Some(iso_day(bars[hi].last)),
            ..ex.state.clone()
        }
        .refiltered()
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

/// The timeline's folded groups, outside the story's own period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fold {
    Earlier,
    Around,
    Later,
}

/// One line of the timeline: a heading, or an event under it.
#[derive(Debug, Clone, PartialEq)]
enum Row {
    Heading {
        label: String,
        span: bool,
    },
    Event {
        event: usize,
        span: bool,
    },
    /// The events before, around or after the story's period, folded until opened.
    Fold {
        fold: Fold,
        events: usize,
        span: String,
        open: bool,
    },
}

/// Consecutive events with the same heading share it. An event is a span when its
/// date is coarser than a day.
fn rows_of(ex: &Explorer, events: &[usize], zoom: Zoom) -> Vec<Row> {
    let mut rows = Vec::with_capacity(events.len() + 16);
    let mut current: Option<String> = None;
    for &event in events {
        let date = &ex.dataset.events[event].date;
        let label = group_label(date, zoom).unwrap_or_else(|| UNDATED.to_string());
        let span = !matches!(date.granularity, Some(Granularity::Day) | None);
        if current.as_ref() != Some(&label) {
            rows.push(Row::Heading { label: label.clone(), span: span && zoom == Zoom::Day });
            current = Some(label);
        }
        rows.push(Row::Event { event, span });
    }
    rows
}

/// Estimated heights: a heading, or an event's chrome plus its sentence and quotes wrapped at about 100 characters.
fn row_height(ex: &Explorer, row: &Row) -> u32 {
    match row {
        Row::Heading { .. } => 56,
        Row::Fold { .. } => 64,
        Row::Event { event, .. } => {
            let e = &ex.dataset.events[*event];
            let quotes = &ex.index.quotes_by_event[*event];
            let chars = (e.end - e.start)
                + quotes
                    .iter()
                    .map(|&q| ex.dataset.quotes[q].end - ex.dataset.quotes[q].start)
                    .sum::<usize>();
            let lines = u32::try_from(chars / 100 + 1 + quotes.len()).unwrap_or(u32::MAX / 64);
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
    let ex = use_explorer();
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
            <p class="sentence">{ex.highlighted(ex.excerpt(&e.article, e.start, e.end))}</p>
            { for ex.index.quotes_by_event[props.event].iter().map(|&i| &ex.dataset.quotes[i])
                .filter(|q| q.kind != QuoteKind::Indirect)
                .map(|q| html! { <blockquote class="words">{format!("“{}”", ex.quote_words(q).trim_end_matches(','))}</blockquote> }) }
            <p class="meta">
                { for ex.index.actors_by_event[props.event].iter().map(|&a| {
                    let actor = &ex.dataset.actors[a];
                    let page = State { view: View::Actor, item: Some(actor.id.to_string()), ..ex.state.clone() };
                    ex.link(page, "actor-chip", html! { {&actor.name} })
                }) }
                <span class="outlet">{ex.outlet_of(&e.article)}</span>
                {ex.link(context, "context", html! { {"In context"} })}
            </p>
        </li>
    }
}
