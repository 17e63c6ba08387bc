//! Newsline: who said what and when, from a pile of news articles.
//!
//! The crate keeps four parts apart (see ARCHITECTURE.md):
//! - [`extract`]: the pure extractor. Text and an optional publication date in, an
//!   [`extract::Analysis`] out. No I/O, no clock, no panics, byte-exact spans.
//! - [`dataset`] and [`corpus`]: the dataset model and the readers that turn files'
//!   bytes into articles (the CLI does the file-system walking around them).
//! - [`query`]: the filter state, its URL form and the filtering itself, pure;
//!   [`store`] is the story a site carries (a manifest and parts), which
//!   `query::engine` answers from.
//! - `app` (feature `ui`): the Yew components of the explorer.
//!
//! # Example
//! ```
//! let text = "“We will win,” Jane Doe said on Monday.";
//! let analysis = newsline::extract::analyze(text, jiff::civil::Date::new(2017, 1, 24).ok());
//! let quote = &analysis.quotes[0];
//! assert_eq!(&text[quote.span.clone()], "We will win,");
//! assert_eq!(analysis.actors[quote.speaker.unwrap()].name, "Jane Doe");
//! assert_eq!(analysis.timexes[0].value.as_deref(), Some("2017-01-23"));
//! ```

#[cfg(feature = "cli")]
pub mod cli;
pub mod corpus;
pub mod dataset;
pub mod dates;
#[cfg(feature = "cli")]
pub mod eval;
pub mod excerpts;
pub mod export;
pub mod extract;
pub mod query;
pub mod store;

#[cfg(feature = "ui")]
pub mod app;
