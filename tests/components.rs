//! The explorer's components rendered natively with Yew's server-side renderer:
//! what a shared link shows, without a browser.

use std::rc::Rc;

use newsline::app::{App, AppProps};
use newsline::corpus::{read_manifest, read_txt};
use newsline::dataset::{self, Dataset};
use yew::ServerRenderer;

fn seeds() -> Dataset {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/seeds");
    let manifest = read_manifest("newsline.toml", &std::fs::read(format!("{dir}/newsline.toml")).unwrap()).unwrap();
    let sources = manifest
        .articles
        .iter()
        .map(|entry| {
            let bytes = std::fs::read(format!("{dir}/{}", entry.file)).unwrap();
            let mut source = read_txt(&entry.file, entry.file.trim_end_matches(".txt"), &bytes).unwrap();
            manifest.apply(&entry.file, &mut source);
            source
        })
        .collect();
    dataset::build(sources)
}

fn render(query: &str) -> String {
    let query = query.to_string();
    let renderer = ServerRenderer::<App>::with_props(move || AppProps {
        dataset: Rc::new(seeds()),
        query: query.into(),
        path: "/newsline/".into(),
    })
    .hydratable(false);
    futures::executor::block_on(renderer.render())
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[test]
fn timeline_is_the_default_view_counting_every_event() {
    let html = render("");
    let ds = seeds();
    // The tab counts every event; the list renders the first window of them, in date order.
    assert!(html.contains(&format!(r#"Timeline<span class="count">{}</span>"#, ds.events.len())), "{html}");
    let shown = count(&html, "data-event-id=");
    assert!(shown >= 10 && shown <= ds.events.len(), "{shown}");
    assert_eq!(count(&html, "data-quote-id="), 0);
    assert!(html.contains(r#"data-actor-id="sean-spicer""#));
    let first_day = html.find("Mon 23 Jan 2017").expect("23 January");
    assert!(html.find(">2011<").expect("2011") < first_day, "date order");
    assert!(html.contains("“last September” → Sep 2016"), "the phrase and the date it resolved to");
}

#[test]
fn ten_thousand_quotes_render_a_small_window() {
    let text: String = (0..10_000).map(|i| format!("“Point number {i} stands,” Jane Doe said.\n\n")).collect();
    let source = newsline::corpus::Source { id: "big".into(), date: None, title: None, outlet: None, url: None, text };
    let ds = dataset::build(vec![source]);
    assert_eq!(ds.quotes.len(), 10_000);
    let renderer = ServerRenderer::<App>::with_props(move || AppProps {
        dataset: Rc::new(ds),
        query: "?view=quotes".into(),
        path: "/".into(),
    })
    .hydratable(false);
    let html = futures::executor::block_on(renderer.render());
    let shown = count(&html, "data-quote-id=");
    assert!(shown > 0 && shown < 100, "{shown} quotes in the document");
    assert!(html.contains(r#"Quotes<span class="count">10000</span>"#));
}

#[test]
fn actor_in_the_link_narrows_the_quotes_and_marks_the_filter() {
    let all = render("?view=quotes");
    let spicer = render("?view=quotes&actor=sean-spicer");
    assert!(count(&spicer, "data-quote-id=") < count(&all, "data-quote-id="));
    assert!(count(&spicer, "data-quote-id=") >= 4);
    assert!(spicer.contains(r#"aria-checked="true""#));
    assert!(!spicer.contains("Jeff Davis</span>"), "Jeff Davis has no quote with Spicer");
    // Links keep the sub-path and the state.
    assert!(spicer.contains(r#"href="/newsline/?actor=sean-spicer&amp;view=article&amp;item=q"#), "{spicer}");
}

#[test]
fn quotes_show_speaker_outlet_and_date() {
    let html = render("?view=quotes");
    assert!(html.contains("The Independent"));
    assert!(html.contains("The New Zealand Herald (with AP)"));
    assert!(html.contains("“let’s not take that too far.”"));
    assert!(html.contains("denial"));
}

#[test]
fn article_view_highlights_the_item() {
    let ds = seeds();
    let q = ds.quotes.iter().find(|q| q.text == "rubbish.").expect("the rubbish quote");
    let html = render(&format!("?view=article&item={}", q.id));
    assert!(html.contains(r#"<mark id="highlight">rubbish.</mark>"#), "{html}");
}

#[test]
fn bad_links_render_a_notice_not_a_crash() {
    let html = render("?actor=nobody&view=nowhere&x=%3Cscript%3E");
    assert!(html.contains("unknown actor “nobody”"));
    assert!(html.contains("unknown view “nowhere”"));
    assert!(html.contains("unknown parameter “x”"));
    assert!(!html.contains("<script>"), "untrusted text is escaped");
}

#[test]
fn empty_results_say_why() {
    let html = render("?view=quotes&actor=george-krol,sean-spicer");
    assert!(html.contains("Nothing involves George Krol and Sean Spicer together"), "{html}");
}
