//! In headless Chromium (wasm-bindgen-test): the extractor runs in the browser, the
//! app mounts, and the actor filter narrows the quote list.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use newsline::app::{App, AppProps};
use newsline::corpus::{parse_date, Source};
use newsline::dataset;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn seed(id: &str, text: &str, date: &str, outlet: &str) -> Source {
    Source {
        id: id.into(),
        date: parse_date(date),
        title: None,
        outlet: Some(outlet.into()),
        url: None,
        text: text.into(),
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
    root.query_selector_all("[data-quote-id]").map(|l| l.length()).unwrap_or(0)
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

#[wasm_bindgen_test]
fn javascript_gets_the_same_extraction() {
    let value = newsline::js::analyze(
        "“We will win,” Jane Doe said on Monday.".into(),
        Some("2017-01-24".into()),
    )
    .unwrap();
    // A plain object, with each item's words as the JSON has them.
    let field = |object: &wasm_bindgen::JsValue, key: &str| {
        js_sys::Reflect::get(object, &key.into()).unwrap()
    };
    let first_quote = js_sys::Reflect::get_u32(&field(&value, "quotes"), 0).unwrap();
    assert_eq!(field(&first_quote, "text").as_string().as_deref(), Some("We will win,"));
    assert_eq!(field(&first_quote, "kind").as_string().as_deref(), Some("direct"));
    let ds: dataset::Dataset = serde_wasm_bindgen::from_value(value).unwrap();
    assert_eq!(ds.quotes[0].speaker.as_deref(), Some("jane-doe"));
    assert_eq!(ds.timexes[0].value.as_deref(), Some("2017-01-23"));
    assert!(newsline::js::analyze("text".into(), Some("2017-02-31".into())).is_err());
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
    // Through the page's own blob, so that decoding the dataset and its index runs in wasm too.
    let (dataset, index) =
        newsline::page::decode(&newsline::page::encode(&seeds()).unwrap()).unwrap();
    let props = AppProps {
        dataset: Rc::new(dataset),
        index: Rc::new(index),
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
