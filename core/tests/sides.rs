//! Who struck or deployed: news-style passages of my own and the side a careful reader names
//! for each event (the actor), including the traps of reporting — the side that speaks, the
//! side that is struck ("the Azerbaijani city of Ganja"), and the side of another clause.

use karabakh_core::extract;
use karabakh_core::model::{Article, Published, PublishedFrom};

/// (text, place, the actor a reader names; `None`: the passage does not say)
const CASES: &[(&str, &str, Option<&str>)] = &[
    (
        "Armenian forces shelled Tartar on 4 October 2020.",
        "Tartar",
        Some("Armenia"),
    ),
    (
        "Tartar was shelled by Armenian artillery on 4 October 2020.",
        "Tartar",
        Some("Armenia"),
    ),
    // the side that speaks is not the one that fired
    (
        "Azerbaijan's mine action agency said missiles fired at Barda on 28 October 2020 were cluster munitions.",
        "Barda",
        None,
    ),
    (
        "The Azerbaijani defence ministry said Armenian troops shelled Tovuz on 12 July 2020.",
        "Tovuz",
        Some("Armenia"),
    ),
    // a side that is the subject of another verb, with the attack its object
    (
        "On 12 October 2020 Azerbaijan presented evidence of the missile attack on Mingachevir.",
        "Mingachevir",
        None,
    ),
    (
        "The foreign ministers of Russia and Turkey spoke by phone after the missile attack on Ganja on 11 October 2020.",
        "Ganja",
        None,
    ),
    // "attack of Armenia": the side after the noun
    (
        "The cruel missile attack of Armenia on Ganja on 17 October 2020 killed 13 civilians.",
        "Ganja",
        Some("Armenia"),
    ),
    // the accusation keeps its accused
    (
        "Azerbaijan accused Armenia of shelling Tartar on 27 September 2020.",
        "Tartar",
        Some("Armenia"),
    ),
];

#[test]
fn the_side_that_struck() {
    let published = Published::parse("2020-12-01");
    let mut wrong = Vec::new();
    for (i, (text, place, actor)) in CASES.iter().enumerate() {
        let article = Article {
            path: format!("side-{i}.txt"),
            title: None,
            published,
            published_from: published.map(|_| PublishedFrom::Metadata),
            source: None,
            url: None,
            text: (*text).to_owned(),
        };
        let events = extract::merge(extract::extract_article(&article));
        let event = events.iter().find(|e| e.place.name == *place);
        let got = event.map(|e| e.actor.as_deref());
        if got != Some(*actor) {
            wrong.push(format!("{text}\n    want {actor:?}, got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
