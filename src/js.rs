//! The extractor for JavaScript: the page's wasm exports `analyze`, so the same code
//! that `newsline ingest` runs natively also runs on text pasted into the browser.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::corpus::{parse_date, Source};
use crate::dataset;

/// Analyses one article and returns its dataset (the JSON contract's shape) as a JS object.
///
/// # Errors
/// When `date` is given but is not a `YYYY-MM-DD` calendar date.
#[wasm_bindgen]
pub fn analyze(text: String, date: Option<String>) -> Result<JsValue, JsValue> {
    let published = match date.as_deref() {
        Some(d) => Some(
            parse_date(d)
                .ok_or_else(|| JsValue::from_str("date must be a YYYY-MM-DD calendar date"))?,
        ),
        None => None,
    };
    let source =
        Source { id: "input".into(), date: published, title: None, outlet: None, url: None, text };
    // Each item's `text` comes in as a map entry beside the item's fields (see the
    // dataset's `Serialize`): plain objects keep the whole item one object.
    let to_js = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    dataset::build(vec![source]).serialize(&to_js).map_err(|e| JsValue::from_str(&e.to_string()))
}
