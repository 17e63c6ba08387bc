//! The explorer's components rendered natively with Yew's server-side renderer:
//! what a shared link shows, without a browser.

use std::rc::Rc;

use newsline::app::{App, AppProps};
use newsline::corpus::{read_manifest, read_txt};
use newsline::dataset::{self, Dataset};
use newsline::store::build::build;
use newsline::store::catalog::Catalog;
use newsline::store::About;
use yew::ServerRenderer;

fn seeds() -> Dataset {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/seeds");
    let manifest =
        read_manifest("newsline.toml", &std::fs::read(format!("{dir}/newsline.toml")).unwrap())
            .unwrap();
    let sources = manifest
        .articles
        .iter()
        .map(|entry| {
            let bytes = std::fs::read(format!("{dir}/{}", entry.file)).unwrap();
            let mut source = read_txt(&entry.file, entry.file.trim_end_matches(".txt"), &bytes)
                .sources
                .remove(0);
            manifest.apply(&entry.file, &mut source);
            source
        })
        .collect();
    dataset::build(sources)
}

/// What the page gets: the story `newsline build` makes of the dataset, with every part.
fn props(ds: Dataset, query: &str, path: &str) -> AppProps {
    let about = About {
        title: "Russia, the US and the al-Bab strike claim".into(),
        built: "2017-01-25T00:00:00Z".into(),
        generator: "newsline test".into(),
        ..Default::default()
    };
    let story = build(&ds, about).expect("the story encodes");
    AppProps {
        catalog: Rc::new(Catalog::new(story.manifest, story.parts)),
        query: query.to_string().into(),
        path: path.to_string().into(),
    }
}

fn render(query: &str) -> String {
    let query = query.to_string();
    let renderer = ServerRenderer::<App>::with_props(move || props(seeds(), &query, "/newsline/"))
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
    assert!(
        html.contains(&format!(r#"Timeline<span class="count">{}</span>"#, ds.events.len())),
        "{html}"
    );
    let shown = count(&html, "data-event-id=");
    assert!(shown >= 10 && shown <= ds.events.len(), "{shown}");
    assert_eq!(count(&html, "data-quote-id="), 0);
    assert!(html.contains(r#"data-actor-id="sean-spicer""#));
    // It opens on the articles' own period (January 2017); references to earlier years
    // are folded under "Earlier" with their count and span, not listed first.
    let list = &html[html.find(r#"class="timeline">"#).expect("the list")..];
    let fold = list.find(r#"<span class="fold-name">Earlier</span>"#).expect("an Earlier fold");
    let first_day = list.find("Sun 22 Jan 2017").expect("22 January");
    assert!(fold < first_day, "the fold comes first, folded");
    assert!(
        list[fold..].contains("2 events dated before the articles' period (2011 – Sep 2016)"),
        "{}",
        &list[fold..fold + 300]
    );
    assert!(!html.contains(">2011<"), "2011 is folded away");
    assert!(!html.contains("“last September” → Sep 2016"));
    // A date range in the link shows just that range, with nothing folded.
    let range = render("?from=2010");
    assert!(!range.contains("fold-name"));
    let range = &range[range.find(r#"class="timeline">"#).expect("the list")..];
    let first_day = range.find("Mon 23 Jan 2017").expect("23 January");
    assert!(range.find(">2011<").expect("2011") < first_day, "date order");
    assert!(
        range.contains("“last September” → Sep 2016"),
        "the phrase and the date it resolved to"
    );
}

#[test]
fn ten_thousand_quotes_render_a_page_and_offer_more() {
    let text: String =
        (0..10_000).map(|i| format!("“Point number {i} stands,” Jane Doe said.\n\n")).collect();
    let source = newsline::corpus::Source {
        id: "big".into(),
        date: None,
        title: None,
        outlet: None,
        url: None,
        text,
        ..Default::default()
    };
    let ds = dataset::build(vec![source]);
    assert_eq!(ds.quotes.len(), 10_000);
    let renderer =
        ServerRenderer::<App>::with_props(move || props(ds, "?view=quotes", "/")).hydratable(false);
    let html = futures::executor::block_on(renderer.render());
    assert_eq!(count(&html, "data-quote-id="), newsline::store::PAGE, "one page of cards");
    assert!(html.contains(r#"Quotes<span class="count">10000</span>"#));
    assert!(html.contains("Show 50 more cards"), "{html}");
    assert!(html.contains("50 of 10000 shown"));
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
    assert!(
        spicer.contains(r#"href="/newsline/?actor=sean-spicer&amp;view=article&amp;item=q"#),
        "{spicer}"
    );
}

#[test]
fn a_quote_card_says_why_and_marks_an_uncertain_rule() {
    let html = render("?view=quotes");
    assert!(html.contains(r#"<details class="why"><summary>Why?</summary>"#));
    assert!(html.contains("<dt>Speaker</dt>"));
    assert!(html.contains("<code>speaker.after-quote</code>"));
    // The seeds' quotes come from rules measured at 70% or better: none is uncertain, and
    // the filter offers to hide what is.
    assert!(!html.contains(r#"class="badge uncertain""#));
    assert!(html.contains(r#"data-filter="uncertain" data-value="hide""#));
}

#[test]
fn quotes_show_speaker_outlet_and_date() {
    let html = render("?view=quotes");
    assert!(html.contains("The Independent"));
    assert!(html.contains("The New Zealand Herald (with AP)"));
    assert!(html.contains("“let’s not take that too far.”"));
    assert!(
        html.contains(r#">Sean Spicer</a><span class="role">, White House Press Secretary</span>"#),
        "name and role"
    );
    assert!(html.contains("denial"));
}

#[test]
fn article_view_highlights_the_item() {
    let ds = seeds();
    let words = dataset::ArticleTexts::new(&ds.articles);
    let q = ds.quotes.iter().find(|q| words.words(*q) == "rubbish.").expect("the rubbish quote");
    let html = render(&format!("?view=article&item={}", q.id));
    let marked = &html[html.find(r#"<mark id="highlight">"#).expect("the item is marked")..];
    assert!(
        marked[..marked.find("</mark>").unwrap()].ends_with(r#"class="said">rubbish.</span>"#),
        "{marked}"
    );
    // Everything else the extractor found is marked too, for checking, and each mark says
    // which rules found it, on hover (`title`) and on focus (`data-why`).
    let weekday = "a capitalised weekday, with the date after it when one follows";
    let past = "a weekday outside the future tense is the latest one up to the article's date";
    assert!(html.contains(&format!(r#"<span title="time → 2017-01-23: {weekday} ('Monday, Jan. 23', 'Wednesday night'); {past}""#)));
    assert!(html.contains(r#"tabindex="0" class="time">Monday</span>"#));
    assert!(html.contains(r#"title="Sean Spicer: the subject of the speech verb after the quote ('“…,” Sean Spicer said'); a name right before the verb"#));
    assert!(html.contains(
        r#"href="/newsline/?view=actor&amp;item=sean-spicer" class="speaker mention">Sean Spicer</a>"#
    ));
    assert!(html.contains(r#"title="direct quote · statement · Sean Spicer: quoted words right after a speech verb are the speaker's own ('said, “…”')""#));
    // Places are marked as places, not as actors.
    assert!(html.contains(r#"| Aleppo (place): a capital or an unknown name used only after 'in', 'at' and the like, or after 'Town,'""#));
    assert!(html.contains(r#"tabindex="0" class="said place">Aleppo</span>"#));
}

#[test]
fn a_filter_picked_in_the_reader_goes_to_the_quote_list() {
    let html = render("?view=article&item=q1");
    assert!(html.contains(r#"href="/newsline/?stance=claim&amp;view=quotes""#), "{html}");
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
    assert!(html.contains("No quotes involving George Krol and Sean Spicer."), "{html}");
    assert!(
        html.contains(r#"<a href="/newsline/?view=quotes" class="clear">Clear the filters</a>"#)
    );
    let html = render("?view=quotes&actor=sean-spicer&stance=claim&from=2017-01-23&q=zebra");
    assert!(html.contains("No quotes involving Sean Spicer, with stance claim, from 2017-01-23 on, matching “zebra”."), "{html}");
}

#[test]
fn every_facet_shows_what_it_would_show() {
    let html = render("?view=quotes&stance=denial");
    let ds = seeds();
    let denials =
        ds.quotes.iter().filter(|q| q.stance == newsline::extract::Stance::Denial).count();
    let claims = ds.quotes.iter().filter(|q| q.stance == newsline::extract::Stance::Claim).count();
    // The stance counts ignore the stance filter itself; the other facets follow it.
    assert!(html.contains(&format!(r#"data-value="denial" class="option on"><span class="name"><span class="badge denial">denial</span></span><span aria-label="{denials} items""#)), "{html}");
    assert!(html.contains(&format!(r#"data-value="claim" class="option"><span class="name"><span class="badge claim">claim</span></span><span aria-label="{claims} items""#)));
    assert_eq!(
        count(&html, r#"<span class="badge denial">denial</span></span><span class="badge kind">"#),
        0
    );
    assert!(count(&html, "data-quote-id=") >= 1);
    assert!(
        !html.contains(r#"class="badge claim">claim</span><span class="badge kind">"#),
        "no claim card under the denial filter"
    );
}

#[test]
fn search_marks_its_matches() {
    let html = render("?view=quotes&q=RUBBISH");
    assert!(html.contains(r#"<mark class="hit">rubbish</mark>"#), "{html}");
    assert!(html.contains(r#"value="RUBBISH""#));
}

#[test]
fn the_same_words_from_both_outlets_share_a_card_that_says_the_speakers_differ() {
    let html = render("?view=quotes&q=rubbish");
    // Two reports containing the word, and one card for the two partial quotes of it.
    assert_eq!(count(&html, "data-quote-id="), 3, "{html}");
    assert_eq!(count(&html, "data-copy-id="), 1);
    assert!(html.contains("Reported by 2 articles"));
    assert!(html.contains(r#"<span class="badge denial">speakers differ</span>"#));
}

#[test]
fn the_contested_view_pairs_claims_with_denials_and_shows_the_rubbish_conflict() {
    let html = render("?view=contested");
    assert!(html.contains("Same words, different speaker by outlet: <q>rubbish"), "{html}");
    let conflict = &html[html.find("data-conflict=").unwrap()..];
    assert!(
        conflict.contains(">Sean Spicer</a>") && conflict.contains(">United States</a>"),
        "{conflict}"
    );
    assert!(html.contains(r#"<h2 class="contest-kind">Claim and denial</h2>"#));
    let denied = &html[html.find(r#"class="contest denied""#).unwrap()..];
    assert!(denied.contains(">Pentagon</a>") || denied.contains(">John Dorrian</a>"), "{denied}");
}

#[test]
fn the_actor_page_lists_names_roles_company_and_quotes() {
    let html = render("?view=actor&item=sean-spicer");
    assert!(html.contains(r#"<h2 id="actor-name">Sean Spicer"#), "{html}");
    assert!(html.contains("White House Press Secretary"), "the role");
    assert!(html.contains("Mr Spicer"), "an alias");
    assert!(html.contains("<th scope=\"row\">2017-01</th>"), "mentions per month");
    assert!(html.contains("Quotes by Sean Spicer ("));
    assert!(count(&html, "data-quote-id=") >= 3);
}

#[test]
fn wide_dates_read_as_words() {
    use newsline::dataset::EventDate;
    use newsline::extract::{DateBasis, Granularity};
    let date = |value: &str, granularity, first: &str| EventDate {
        value: Some(value.into()),
        basis: DateBasis::Stated,
        granularity: Some(granularity),
        first: newsline::dates::parse_day(first),
        last: None,
        phrase: None,
        anchor: None,
    };
    let label = |d| newsline::app::date_label(&d).unwrap();
    assert_eq!(label(date("189", Granularity::Decade, "1890-01-01")), "1890s");
    assert_eq!(label(date("2017-Q1", Granularity::Quarter, "2017-01-01")), "Q1 2017");
    assert_eq!(label(date("2016-SU", Granularity::Season, "2016-06-01")), "Summer 2016");
    assert_eq!(label(date("2017-W04", Granularity::Week, "2017-01-23")), "week of Mon 23 Jan 2017");
    assert_eq!(label(date("2016-09", Granularity::Month, "2016-09-01")), "Sep 2016");
}

#[test]
fn the_timeline_draws_an_overview_and_a_zoom_choice() {
    let html = render("?zoom=month");
    assert!(html.contains(r#"aria-label="Events over time"#), "{html}");
    assert!(html.contains(r#"class="bar h10""#));
    assert!(html.contains("grouped by month"));
    assert!(html.contains(r#"<h2 class="day-label">Jan 2017</h2>"#));
    assert!(!html.contains(r#"<h2 class="day-label">Mon 23 Jan 2017</h2>"#));
    assert!(
        render("").contains(r#"<h2 class="day-label">Mon 23 Jan 2017</h2>"#),
        "auto picks days for a small corpus"
    );
}

/// The page's one reducer keeps the link's state, its notices and the story's parts
/// together: an actor the story lacks leaves the link with a notice, a move clears the
/// notices, a part that failed is asked for again on retry, and one whose bytes are not
/// the part its name hashes is kept as damaged rather than asked for again.
#[test]
fn the_reducer_keeps_state_notices_and_parts_together() {
    use newsline::app::{Action, Model};
    use newsline::query::{parse, State};
    use newsline::store::PartName;
    use yew::Reducible;

    let catalog = props(seeds(), "", "/").catalog;
    let parsed = parse("?view=quotes&stance=bogus&actor=nobody", &*catalog.manifest);
    let model = Rc::new(Model::new(catalog, parsed));
    assert_eq!(model.notices.len(), 1, "{:?}", model.notices);
    assert_eq!(model.state.actors, ["nobody"]);

    let model = model.reduce(Action::Forget(vec!["nobody".into()]));
    assert!(model.state.actors.is_empty());
    assert_eq!(model.notices.last().map(String::as_str), Some("unknown actor “nobody”"));

    let first_page = model.shown.cards;
    let model = model.reduce(Action::More);
    assert_eq!(model.shown.cards, 2 * first_page);
    let model = model.reduce(Action::Navigate(State::default()));
    assert!(model.notices.is_empty(), "a move clears the notices");
    assert_eq!(model.shown.cards, first_page, "and starts the list at its first page");

    let part = PartName("0123456789abcdef".into());
    let model = model.reduce(Action::Fetching(vec![part.clone()]));
    assert_eq!(*model.pending, std::slice::from_ref(&part));
    let model = model.reduce(Action::Failed(part.clone()));
    assert!(model.pending.is_empty());
    assert_eq!(*model.failed, std::slice::from_ref(&part));
    let model = model.reduce(Action::Retry);
    assert!(model.failed.is_empty(), "retry asks again");

    assert!(!model.catalog.has(&part));
    let model = model.reduce(Action::Fetching(vec![part.clone()]));
    let model = model.reduce(Action::Mismatched(part.clone()));
    assert!(model.pending.is_empty() && model.failed.is_empty());
    assert!(model.catalog.has(&part), "kept at hand, where it reads as damaged");
}

/// The reader's layers, as plain data: each quote of an article is one "said" mark over
/// its exact bytes whose hover text names the rule that found it, and each speaker named
/// in the text is a "speaker" mark that says which rule chose it.
#[test]
fn the_readers_layers_mark_each_quote_over_its_bytes_with_its_rule() {
    use newsline::query::reader::{layers, Mark};
    use newsline::query::Index;

    let ds = seeds();
    let index = Index::new(&ds);
    for (a, article) in ds.articles.iter().enumerate() {
        let got = layers(&ds, &index, a);
        let quotes: Vec<_> = ds.quotes.iter().filter(|q| q.article == article.id).collect();
        assert!(!quotes.is_empty(), "each seed article has quotes");
        let said: Vec<_> = got.iter().filter(|l| l.mark == Mark::Said).collect();
        assert_eq!(said.len(), quotes.len());
        for q in &quotes {
            let layer = said.iter().find(|l| l.span == (q.start..q.end)).expect("a mark per quote");
            let title = layer.title(&ds.rules);
            assert!(title.starts_with(&format!("{}: ", layer.label)), "{title}");
            assert!(title.contains(q.rule.says()), "{title} lacks {:?}", q.rule);
            assert!(article.text.get(q.start..q.end).is_some(), "spans fall on characters");
        }
        for l in got.iter().filter(|l| l.mark == Mark::Speaker) {
            assert!(article.text.get(l.span.clone()).is_some_and(|name| !name.is_empty()));
            assert!(!l.rules.is_empty(), "a speaker mark says which rule chose it");
        }
    }
}

/// A speaker's mark says who and why, made from the manifest's rule notes as the page
/// makes it: "Sean Spicer: <what the speaker rule does>".
#[test]
fn a_speaker_mark_says_who_and_by_which_rule() {
    use newsline::query::reader::{layers, Mark};
    use newsline::query::Index;

    let ds = seeds();
    let index = Index::new(&ds);
    let a = ds.articles.iter().position(|a| a.text.contains("Sean Spicer said")).unwrap();
    let spicer = layers(&ds, &index, a)
        .into_iter()
        .find(|l| l.mark == Mark::Speaker && l.label == "Sean Spicer")
        .expect("Spicer is named as a speaker");
    let title = spicer.title(&ds.rules);
    let rule = spicer.rules[0];
    assert_eq!(
        title.split(" (uncertain").next().unwrap().split("; ").next().unwrap(),
        format!("Sean Spicer: {}", rule.says())
    );
}

/// A reader's kept articles: the joined story replaces the published one, its items and
/// actors are marked as only this browser's, a link to them says so, and removing them
/// all brings the published story back.
#[test]
fn kept_articles_join_the_story_and_links_to_them_are_flagged() {
    use newsline::additions::{join, published_sources, Added, Kept};
    use newsline::app::{Action, Model};
    use newsline::query::{parse, State, View};
    use yew::Reducible;

    let published = props(seeds(), "", "/").catalog;
    let text = "“We will not be moved,” said Maria Lopez, the mayor of Springfield.";
    let mut mine = read_txt("mine.txt", "mine", text.as_bytes()).sources;
    mine[0].outlet = Some("Springfield Post".into());
    let added = vec![Added { origin: "mine.txt".into(), modified: 0, source: mine.remove(0) }];
    let (sources, _) = join(published_sources(&published).unwrap(), &added);
    let joined = props(dataset::build(sources), "", "/").catalog;

    let parsed = parse("?view=quotes&actor=maria-lopez", &*published.manifest);
    let mut model = Model::new(published.clone(), parsed);
    model.joining = true;
    let model = Rc::new(model);
    let kept = vec![Kept {
        key: 1,
        origin: "mine.txt".into(),
        id: "mine".into(),
        title: None,
        outlet: Some("Springfield Post".into()),
        date: None,
    }];
    let model = model.reduce(Action::Joined((*joined).clone(), kept));
    assert!(!model.joining);
    assert_eq!(model.catalog.manifest.articles, published.manifest.articles + 1);
    assert_eq!(model.state.actors, ["maria-lopez"], "the link's actor waited for the join");
    assert!(model.local.has("mine") && !model.local.has("000_e9028ea305dede4c"));

    let only = model.local.only_here(&model.catalog, &model.state);
    assert_eq!(only, ["“maria-lopez” is only in your articles"]);
    let outlet = State { outlets: vec!["springfield-post".into()], ..State::default() };
    assert_eq!(model.local.only_here(&model.catalog, &outlet).len(), 1, "{outlet:?}");
    let published_actor =
        State { view: View::Quotes, actors: vec!["sean-spicer".into()], ..State::default() };
    assert!(model.local.only_here(&model.catalog, &published_actor).is_empty());

    let model = model.reduce(Action::Unjoined);
    assert!(Rc::ptr_eq(&model.catalog, &published), "the published story again");
    assert!(model.local.kept.is_empty());
}

#[test]
fn the_header_offers_to_add_articles() {
    let html = render("?view=quotes");
    assert_eq!(count(&html, "class=\"add-articles\""), 1, "{html}");
    assert!(!html.contains("yours-label"), "a published story alone is nobody's own");
}
