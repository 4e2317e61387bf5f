//! Mentions from all articles → events: one per kind, place and date, listing every source,
//! with the strongest status, the most common sides and a stable id.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;

use super::Mention;
use crate::gazetteer::{self, GAZETTEER, Gazetteer};
use crate::model::{DateSpan, Event, EventKind, Place, Source, Status};

/// Folds mentions into events: one per kind, place and date, listing every source, sorted by
/// date (undated last), place, kind.
pub fn merge(mentions: impl IntoIterator<Item = Mention>) -> Vec<Event> {
    merge_with(mentions, &GAZETTEER)
}

/// [`merge`] of mentions that come in batches (one per article). The groups hold only where
/// their mentions are; each group's mentions are moved out of the batches when its event is
/// made, one group at a time, so that a large folder's mentions are never held twice over.
pub fn merge_batches(mut batches: Vec<Vec<Mention>>) -> Vec<Event> {
    let gazetteer = &*GAZETTEER;
    let mut groups: BTreeMap<Key<'_>, Vec<(usize, usize)>> = BTreeMap::new();
    for (b, batch) in batches.iter().enumerate() {
        for (i, m) in batch.iter().enumerate() {
            if let Some(key) = key(m, gazetteer) {
                groups.entry(key).or_default().push((b, i));
            }
        }
    }
    // what a moved mention leaves behind: nothing on the heap
    let empty: Arc<str> = Arc::from("");
    let left = |m: &Mention| Mention {
        source: Source {
            article: empty.clone(),
            sentence: empty.clone(),
            start: 0,
            end: 0,
            place_note: None,
            date_note: None,
            highlights: Box::default(),
            actor: None,
        },
        ..*m
    };
    let mut events: Vec<Event> = groups
        .into_iter()
        .filter_map(|(key, at)| {
            let group: Vec<Mention> = at
                .into_iter()
                .filter_map(|(b, i)| {
                    let m = batches.get_mut(b)?.get_mut(i)?;
                    let rest = left(m);
                    Some(std::mem::replace(m, rest))
                })
                .collect();
            event_of(key, group, gazetteer)
        })
        .collect();
    sort_events(&mut events);
    events
}

/// [`merge`] with an explicit gazetteer.
pub fn merge_with(
    mentions: impl IntoIterator<Item = Mention>,
    gazetteer: &Gazetteer,
) -> Vec<Event> {
    events_from_groups(mentions, BTreeMap::new(), gazetteer)
}

/// What mentions of one event share: the date span, the place's name, the kind.
type Key<'g> = (Option<(NaiveDate, NaiveDate)>, &'g str, EventKind);

fn key<'g>(m: &Mention, gazetteer: &'g Gazetteer) -> Option<Key<'g>> {
    let place = gazetteer.entries.get(m.place)?;
    Some((
        m.date.map(|d| (d.start, d.end)),
        place.name.as_str(),
        m.kind,
    ))
}

/// Groups `mentions` (into `groups`, which may come allocated) and makes one event of each.
fn events_from_groups<'g>(
    mentions: impl IntoIterator<Item = Mention>,
    mut groups: BTreeMap<Key<'g>, Vec<Mention>>,
    gazetteer: &'g Gazetteer,
) -> Vec<Event> {
    for m in mentions {
        if let Some(key) = key(&m, gazetteer) {
            groups.entry(key).or_default().push(m);
        }
    }
    let mut events: Vec<Event> = groups
        .into_iter()
        .filter_map(|(key, group)| event_of(key, group, gazetteer))
        .collect();
    sort_events(&mut events);
    events
}

/// The event of one group of mentions.
fn event_of(
    (span, _, kind): Key<'_>,
    mut group: Vec<Mention>,
    gazetteer: &Gazetteer,
) -> Option<Event> {
    group.sort_by(|a, b| {
        (&*a.source.article, a.source.start).cmp(&(&*b.source.article, b.source.start))
    });
    group.dedup_by(|a, b| a.source.article == b.source.article && a.source.start == b.source.start);
    let first = group.first()?;
    let place: Place = gazetteer.entries.get(first.place)?.place();
    let status = if group.iter().any(|m| m.status == Status::Denied) {
        Status::Denied
    } else if group.iter().any(|m| m.status == Status::Reported) {
        Status::Reported
    } else {
        Status::Claimed
    };
    let best_date = group.iter().filter_map(|m| m.date).min_by_key(|d| d.source);
    let max_conf = group.iter().map(|m| m.confidence).fold(0.0, f64::max);
    let confidence = (max_conf + 0.05 * (group.len() as f64 - 1.0)).min(0.99);
    let mode = |f: fn(&Mention) -> Option<&'static str>| {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for m in &group {
            if let Some(v) = f(m) {
                *counts.entry(v).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .max_by_key(|(_, n)| *n)
            .map(|(v, _)| v.to_owned())
    };
    let actor = mode(|m| m.actor);
    let target = mode(|m| m.target);
    let id = event_id(kind, &place.name, span);
    // collected in place over the group's larger mentions: give the rest back
    let mut sources: Vec<Source> = group.into_iter().map(|m| m.source).collect();
    sources.shrink_to_fit();
    Some(Event {
        id,
        kind,
        place,
        date: best_date.map(|d| DateSpan {
            start: span.map_or(d.start, |s| s.0),
            end: span.map_or(d.end, |s| s.1),
            ..d
        }),
        actor,
        target,
        status,
        confidence: (confidence * 100.0).round() / 100.0,
        sources,
        original: None,
    })
}

/// The order of a dataset's events: dated ones by date, then place and kind; undated last.
pub fn sort_events(events: &mut [Event]) {
    events.sort_by(|a, b| {
        let key = |e: &Event| {
            (
                e.date.is_none(),
                e.date.map(|d| (d.start, d.end)),
                e.place.name.clone(),
                e.kind,
            )
        };
        key(a).cmp(&key(b))
    });
}

/// A readable, stable id: `strike-ganja-2020-10-04`.
fn event_id(kind: EventKind, place: &str, span: Option<(NaiveDate, NaiveDate)>) -> String {
    let slug: String = gazetteer::fold(place)
        .0
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let when = match span {
        Some((s, e)) if s == e => crate::model::iso(s),
        Some((s, e)) => format!("{}--{}", crate::model::iso(s), crate::model::iso(e)),
        None => "undated".to_owned(),
    };
    format!("{}-{slug}-{when}", kind.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateSource, Source};

    #[track_caller]
    fn day(text: &str) -> DateSpan {
        match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(d) => DateSpan::day(d, DateSource::Explicit),
            Err(e) => panic!("bad test date {text:?}: {e}"),
        }
    }

    #[track_caller]
    fn entry(name: &str) -> usize {
        GAZETTEER
            .by_name(name)
            .unwrap_or_else(|| panic!("{name} is not in the gazetteer"))
    }

    fn mention(place: &str, date: Option<DateSpan>, article: &str, status: Status) -> Mention {
        Mention {
            kind: EventKind::Strike,
            place: entry(place),
            date,
            actor: Some("Armenia"),
            target: None,
            status,
            confidence: 0.8,
            source: Source {
                article: article.into(),
                sentence: format!("{place} was shelled.").into(),
                start: 0,
                end: 10,
                place_note: None,
                actor: Some("Armenia"),
                date_note: None,
                highlights: Box::default(),
            },
        }
    }

    #[test]
    fn merging_in_batches_equals_merging_the_whole() {
        let batch = |article: &str| {
            vec![
                mention("Ganja", Some(day("2020-10-04")), article, Status::Claimed),
                mention("Ganja", Some(day("2020-10-05")), article, Status::Reported),
                mention("Tartar", None, article, Status::Reported),
            ]
        };
        let batches = vec![batch("b.txt"), Vec::new(), batch("a.txt")];
        let whole = merge(batches.iter().flatten().cloned());
        let in_batches = merge_batches(batches);
        assert_eq!(whole.len(), 3);
        assert_eq!(in_batches, whole);
    }

    #[test]
    fn same_kind_place_and_date_from_two_articles_is_one_event() {
        let events = merge(vec![
            mention("Ganja", Some(day("2020-10-04")), "b.txt", Status::Claimed),
            mention("Ganja", Some(day("2020-10-04")), "a.txt", Status::Reported),
        ]);
        assert_eq!(events.len(), 1);
        let e = &events[0];
        assert_eq!(e.id, "strike-ganja-2020-10-04");
        assert_eq!(
            e.status,
            Status::Reported,
            "a reported source outweighs a claim"
        );
        let articles: Vec<&str> = e.sources.iter().map(|s| &*s.article).collect();
        assert_eq!(articles, ["a.txt", "b.txt"], "sources sorted by article");
        assert!(e.confidence > 0.8, "a second source raises confidence");
    }

    #[test]
    fn different_days_places_or_kinds_stay_apart_and_sort_by_date() {
        let mut deployment = mention("Ganja", Some(day("2020-10-04")), "a.txt", Status::Reported);
        deployment.kind = EventKind::Deployment;
        let events = merge(vec![
            mention("Ganja", Some(day("2020-10-08")), "a.txt", Status::Reported),
            mention("Ganja", Some(day("2020-10-04")), "a.txt", Status::Reported),
            mention("Tartar", None, "a.txt", Status::Reported),
            deployment,
        ]);
        let ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "strike-ganja-2020-10-04",
                "deployment-ganja-2020-10-04",
                "strike-ganja-2020-10-08",
                "strike-tartar-undated"
            ]
        );
    }

    #[test]
    fn a_denial_wins_and_the_same_sentence_counts_once() {
        let events = merge(vec![
            mention("Ganja", Some(day("2020-10-04")), "a.txt", Status::Claimed),
            mention("Ganja", Some(day("2020-10-04")), "a.txt", Status::Claimed),
            mention("Ganja", Some(day("2020-10-04")), "b.txt", Status::Denied),
        ]);
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].status, Status::Denied);
        assert_eq!(events[0].sources.len(), 2);
        assert_eq!(events[0].actor.as_deref(), Some("Armenia"));
    }
}
