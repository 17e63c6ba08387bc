//! *About this story*: what the site is, where its articles come from, how it was made,
//! how far to trust it, and where to check.

use yew::prelude::*;

use super::{published, use_explorer};
use crate::query::{self, State, View};

#[function_component(AboutStory)]
pub fn about_story() -> Html {
    let ex = use_explorer();
    let m = ex.manifest();
    let about = &m.about;
    let built = about.built.get(..10).and_then(crate::dates::parse_day);
    let built = built.map_or_else(
        || about.built.clone(),
        |d| format!("{} {} {}", d.day(), crate::dates::month_abbr(d), d.year()),
    );
    let mut by_size: Vec<&crate::store::OutletInfo> = m.outlets.iter().collect();
    by_size.sort_by(|a, b| b.articles.cmp(&a.articles).then_with(|| a.name.cmp(&b.name)));
    let outlets = by_size.into_iter().map(|outlet| {
        let articles = outlet.articles;
        let next = query::toggled(
            &State { view: View::Quotes, ..ex.state.clone() },
            |s| &mut s.outlets,
            outlet.id.clone(),
            None,
        );
        html! {
            <li>
                {ex.link(next, "outlet-link", html! { {&outlet.name} })}
                <span class="count" aria-label={format!("{articles} articles")}>{articles}</span>
            </li>
        }
    });
    html! {
        <details class="about-story">
            <summary>{"About this story"}</summary>
            <div class="about-body">
                <p>
                    {format!("{} articles", m.articles)}
                    if let Some(span) = published(m) { {format!(", published {span}")} }
                    if m.undated_articles > 0 { {format!(" ({} with no date)", m.undated_articles)} }
                    {format!(", from {} outlets:", m.outlets.len())}
                </p>
                <ul class="outlet-counts" aria-label="Articles per outlet">{ for outlets }</ul>
                if about.excerpts {
                    <p>{"Only the sentences around what was found are kept from each article; the originals have the rest."}</p>
                }
                <p class="built">{format!("Built on {built} by {}. Every quote, speaker, stance and date on this page was found by a program, not checked by a person.", about.generator)}</p>
                if !about.accuracy.is_empty() {
                    <table class="accuracy">
                        <caption>{"How often the program is right, measured on annotated news"}</caption>
                        <thead><tr><th scope="col">{"What"}</th><th scope="col">{"Score"}</th><th scope="col">{"Measured on"}</th></tr></thead>
                        <tbody>
                        { for about.accuracy.iter().map(|f| html! {
                            <tr><th scope="row">{&f.what}</th><td>{&f.value}</td><td>{&f.data}</td></tr>
                        }) }
                        </tbody>
                    </table>
                }
                <p class="check"><strong>{"Before you quote anything from here, open it "}<em>{"In context"}</em>{" and read the sentence it came from."}</strong></p>
            </div>
        </details>
    }
}
