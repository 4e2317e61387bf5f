//! Corrections applied to events extracted from passages of our own: reject, set, merge, stale
//! corrections kept and listed, malformed files refused with one line, and event ids that stay
//! the same when an unrelated article is added.

use karabakh_core::corrections::{self, Corrections, CorrectionsError};
use karabakh_core::extract;
use karabakh_core::gazetteer::GAZETTEER;
use karabakh_core::model::{Article, Event, EventKind, Published, PublishedFrom, Status};

fn article(path: &str, text: &str) -> Article {
    let published = Published::parse("2020-10-06");
    Article {
        path: path.to_owned(),
        title: None,
        published,
        published_from: published.map(|_| PublishedFrom::Metadata),
        source: None,
        url: None,
        text: text.to_owned(),
    }
}

fn events(articles: &[Article]) -> Vec<Event> {
    extract::merge(articles.iter().flat_map(extract::extract_article))
}

const GANJA: &str = "Armenian forces shelled Ganja on 4 October 2020.\n\n\
                     Azerbaijani forces shelled Kapan on 5 October 2020.\n\n\
                     Russian peacekeepers were deployed to Lachin on 5 October 2020.\n";

fn events_of_passage() -> Vec<Event> {
    events(&[article("a.txt", GANJA)])
}

fn ids(events: &[Event]) -> Vec<&str> {
    events.iter().map(|e| e.id.as_str()).collect()
}

fn parse(json: &str) -> Corrections {
    Corrections::parse(json, &GAZETTEER).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_passage_gives_three_events_with_readable_ids() {
    let events = events(&[article("a.txt", GANJA)]);
    assert_eq!(
        ids(&events),
        [
            "strike-ganja-2020-10-04",
            "strike-kapan-2020-10-05",
            "deployment-lachin-2020-10-05"
        ]
    );
}

#[test]
fn reject_set_and_merge_apply_and_keep_the_original_reading() {
    let mut events = events(&[article("a.txt", GANJA)]);
    let file = parse(
        r#"{"version": 1, "corrections": [
            {"event": "strike-kapan-2020-10-05", "reject": true},
            {"event": "strike-ganja-2020-10-04",
             "set": {"date": "2020-10-03", "status": "claimed", "place": "Goranboy"}},
            {"event": "deployment-lachin-2020-10-05",
             "set": {"date": {"start": "2020-10-05", "end": "2020-10-20"}}}
        ], "note": "checked"}"#,
    );
    let applied = corrections::apply(&mut events, &file, &GAZETTEER);
    assert_eq!(applied.applied, 3);
    assert!(applied.stale.is_empty());
    // Kapan is gone; Ganja's event is now Goranboy's, a day earlier, claimed, with its id kept
    assert_eq!(
        ids(&events),
        ["strike-ganja-2020-10-04", "deployment-lachin-2020-10-05"]
    );
    let ganja = &events[0];
    assert_eq!(ganja.place.name, "Goranboy");
    assert_eq!(ganja.status, Status::Claimed);
    assert_eq!(
        ganja.date.map(|d| d.start.to_string()).as_deref(),
        Some("2020-10-03")
    );
    let original = ganja.original().expect("the extractor's reading");
    assert_eq!(original.place.name, "Ganja");
    assert_eq!(original.status, Status::Reported);
    assert!(ganja.corrected());
    // a range over a week is a rough date
    let lachin = &events[1];
    assert_eq!(
        lachin
            .date
            .map(|d| (d.start.to_string(), d.end.to_string())),
        Some(("2020-10-05".to_owned(), "2020-10-20".to_owned()))
    );
    // the JSON carries the original values of corrected events only
    let json = serde_json::to_value(&events).unwrap_or_default();
    assert_eq!(json[0]["corrected"], true);
    assert_eq!(json[0]["original"]["place"]["name"], "Ganja");
    assert!(json[1]["original"].is_object());
    let untouched = events_of_passage();
    let json = serde_json::to_value(&untouched).unwrap_or_default();
    assert!(json[0].get("corrected").is_none() && json[0].get("original").is_none());
}

#[test]
fn merging_keeps_the_first_id_with_every_source() {
    let text = "Armenian forces shelled Ganja on 4 October 2020.\n\n\
                Azerbaijani forces shelled Stepanakert on 4 October 2020.\n";
    let mut events = events(&[article("a.txt", text), article("b.txt", GANJA)]);
    let before: usize = events.iter().map(|e| e.sources.len()).sum();
    let file = parse(
        r#"{"version": 1, "corrections": [
            {"merge": ["strike-ganja-2020-10-04", "strike-stepanakert-2020-10-04"]}]}"#,
    );
    let applied = corrections::apply(&mut events, &file, &GAZETTEER);
    assert_eq!(applied.applied, 1);
    assert!(!ids(&events).contains(&"strike-stepanakert-2020-10-04"));
    let ganja = events
        .iter()
        .find(|e| e.id == "strike-ganja-2020-10-04")
        .expect("the merged event");
    assert_eq!(
        ganja.sources.len(),
        3,
        "two Ganja reports and the Stepanakert one"
    );
    assert_eq!(
        events.iter().map(|e| e.sources.len()).sum::<usize>(),
        before
    );
    assert_eq!(ganja.kind, EventKind::Strike);
}

#[test]
fn a_correction_whose_event_is_gone_is_listed_and_nothing_else_changes() {
    let mut events = events(&[article("a.txt", GANJA)]);
    let untouched = events.clone();
    let file = parse(
        r#"{"version": 1, "corrections": [
            {"event": "strike-barda-2020-10-28", "reject": true},
            {"merge": ["strike-ganja-2020-10-04", "strike-tartar-2020-10-04"]}]}"#,
    );
    let applied = corrections::apply(&mut events, &file, &GAZETTEER);
    assert_eq!(applied.applied, 0);
    assert_eq!(
        applied.stale,
        [
            (1, "strike-barda-2020-10-28".to_owned()),
            (2, "strike-tartar-2020-10-04".to_owned())
        ]
    );
    assert_eq!(events, untouched);
}

#[test]
fn malformed_files_are_refused_in_one_line() {
    let error = |json: &str| match Corrections::parse(json, &GAZETTEER) {
        Ok(_) => panic!("accepted: {json}"),
        Err(e) => e,
    };
    let e = error("{\"version\": 1, \"corrections\": [");
    assert!(matches!(e, CorrectionsError::Malformed(_)));
    assert!(e.to_string().contains("line 1"), "{e}");
    assert!(matches!(
        error(r#"{"version": 2, "corrections": []}"#),
        CorrectionsError::Version(2)
    ));
    let e =
        error(r#"{"version": 1, "corrections": [{"event": "x", "set": {"place": "Atlantis"}}]}"#);
    assert_eq!(
        e.to_string(),
        "correction 1: no place named 'Atlantis' in the gazetteer"
    );
    assert!(matches!(
        error(r#"{"version": 1, "corrections": [{"merge": ["a"]}]}"#),
        CorrectionsError::Invalid { index: 1, .. }
    ));
    assert!(matches!(
        error(r#"{"version": 1, "corrections": [{"event": "a", "set": {"date": "4 Oct"}}]}"#),
        CorrectionsError::Malformed(_)
    ));
    assert!(matches!(
        error(r#"{"version": 1, "corrections": [], "extra": true}"#),
        CorrectionsError::Malformed(_)
    ));
    for e in [
        error("{"),
        error(r#"{"version": 1, "corrections": [{"event": "a"}]}"#),
    ] {
        assert!(!e.to_string().contains('\n'), "one line: {e}");
    }
}

#[test]
fn ids_stay_when_an_unrelated_article_is_added() {
    let first = events(&[article("a.txt", GANJA)]);
    let other = "Azerbaijani forces shelled Tegh on 12 September 2020, local officials said.\n";
    let both = events(&[article("a.txt", GANJA), article("b.txt", other)]);
    for id in ids(&first) {
        assert!(ids(&both).contains(&id), "{id} kept");
    }
    assert_eq!(both.len(), first.len() + 1);
    // and a file written back reads the same
    let file = parse(
        r#"{"version": 1, "corrections": [{"event": "strike-kapan-2020-10-05", "reject": true}]}"#,
    );
    assert_eq!(parse(&file.to_json()), file);
}
