//! In headless Chromium (wasm-bindgen-test): the extractor runs in the browser, the
//! browser lowers case as Rust does, a story file decodes, the app mounts, and the actor
//! filter narrows the quote list.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use newsline::app::{App, AppProps};
use newsline::corpus::Source;
use newsline::dataset;
use newsline::dates::parse_day;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn seed(id: &str, text: &str, date: &str, outlet: &str) -> Source {
    Source {
        id: id.into(),
        date: parse_day(date),
        title: None,
        outlet: Some(outlet.into()),
        url: None,
        text: text.into(),
        ..Default::default()
    }
}

fn seeds() -> dataset::Dataset {
    // The body of 000 starts after its `date 2017-01-24 ` prefix.
    let first = include_str!("../data/seeds/000_e9028ea305dede4c.txt")
        .trim_start()
        .trim_start_matches("date 2017-01-24 ");
    dataset::build(vec![
        seed("000", first, "2017-01-24", "The Independent"),
        seed(
            "002",
            include_str!("../data/seeds/002_1e709f42c8c2dd04.txt"),
            "2017-01-23",
            "The New Zealand Herald",
        ),
    ])
}

/// Waits until `ready` holds (Yew renders asynchronously), for at most five seconds, so
/// that a busy machine slows the test down instead of failing it.
async fn until(ready: impl Fn() -> bool) {
    for _ in 0..250 {
        if ready() {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(20)).await;
    }
}

fn quote_count(root: &web_sys::Element) -> u32 {
    root.query_selector_all("[data-quote-id]").map_or(0, |l| l.length())
}

#[wasm_bindgen_test]
fn extractor_runs_in_the_browser() {
    let ds = seeds();
    let words = dataset::ArticleTexts::new(&ds.articles);
    let spicer = ds
        .quotes
        .iter()
        .find(|q| words.words(*q).starts_with("let’s not take"))
        .expect("quote found in wasm");
    assert_eq!(spicer.speaker.as_deref(), Some("sean-spicer"));
}

/// The page lowers case with the browser's tables (`newsline::case`); they must fold as
/// Rust's do natively, so that a search finds what the CLI's word index filed.
#[wasm_bindgen_test]
fn the_browser_lowers_case_as_rust_does() {
    for text in ["Trump SAID", "ÉMILE Zola", "ΟΔΟΣ ΟΔΟΣ", "İstanbul", "ǅemal", "STRASSE ẞ"]
    {
        assert_eq!(newsline::case::lower(text), text.to_lowercase(), "{text}");
    }
    let mut out = Vec::new();
    newsline::case::lower_char('İ', &mut out);
    assert_eq!(out, ['i', '\u{307}']);
    let hits = newsline::app::matches("Émile ÉMILE and İstanbul", "émile");
    assert_eq!(hits, [0..6, 7..13]);
}

#[wasm_bindgen_test]
fn a_fatal_error_shows_a_readable_panel() {
    newsline::app::show_fatal("the test says so");
    let document = web_sys::window().unwrap().document().unwrap();
    let panel = document.query_selector(".fatal[role=alert]").unwrap().expect("the panel");
    assert!(panel.text_content().unwrap().contains("Newsline stopped: the test says so"));
}

#[wasm_bindgen_test]
async fn app_mounts_and_the_actor_filter_narrows_the_list() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let path = web_sys::window().unwrap().location().pathname().unwrap();
    // Through the story file's encoding, so that decoding the manifest and the parts runs
    // in wasm too.
    let about = newsline::store::About { title: "Seeds".into(), ..Default::default() };
    let story = newsline::store::build::build(&seeds(), about).unwrap();
    let bytes = newsline::store::encode(&story.manifest, &story.parts).unwrap();
    let (manifest, parts) = newsline::store::decode(&bytes).unwrap();
    let props = AppProps {
        catalog: Rc::new(newsline::store::catalog::Catalog::new(manifest, parts)),
        query: "?view=quotes".into(),
        path: path.into(),
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    until(|| quote_count(&root) >= 9).await;

    let all = quote_count(&root);
    assert!(all >= 9, "quotes rendered: {all}");
    let option: web_sys::HtmlElement =
        root.query_selector("[data-actor-id='sean-spicer']").unwrap().unwrap().dyn_into().unwrap();
    option.click();
    until(|| quote_count(&root) < all).await;

    let narrowed = quote_count(&root);
    assert!(narrowed > 0 && narrowed < all, "{narrowed} of {all}");
    let search = web_sys::window().unwrap().location().search().unwrap();
    assert!(search.contains("actor=sean-spicer"), "{search}");
}
