//! The other readings of an event's sentence: the places and dates it names besides those the
//! extractor chose. The evidence lists them beside each sentence, so that an analyst who reads
//! "Barda" where the extractor took "Tartar" can make that a correction with one click.

use chrono::NaiveDate;

use crate::dates::{DateRole, Reference, find_dates, resolve};
use crate::gazetteer::Gazetteer;
use crate::model::{DateSpan, Event, Source};

/// What else a sentence could have been read as.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Alternatives {
    /// Other places it names (gazetteer names, the most prominent of each spelling), in the
    /// order they appear.
    pub places: Vec<String>,
    /// Other dates it gives for what it reports (not "since" or "until" bounds, nor the
    /// future), each with its words, in the order they appear.
    pub dates: Vec<(DateSpan, String)>,
}

/// The places and dates `source`'s sentence names other than `event`'s own. Dates without a
/// year or told relatively ("on Sunday") are fixed from `reference` (the article's
/// publication date, or the event's date), and left out where they cannot be.
pub fn alternatives(
    gazetteer: &Gazetteer,
    event: &Event,
    source: &Source,
    reference: Option<NaiveDate>,
) -> Alternatives {
    let text = &*source.sentence;
    let mut places: Vec<String> = Vec::new();
    for mention in gazetteer.find(text) {
        // a spelling that is also an ordinary word is a place only in context
        if mention.needs_context {
            continue;
        }
        let best = mention
            .candidates
            .iter()
            .filter_map(|&i| gazetteer.entry(i))
            .max_by_key(|e| e.prominence());
        if let Some(entry) = best
            && entry.name != event.place.name
            && !places.contains(&entry.name)
        {
            places.push(entry.name.clone());
        }
    }
    let own = event.date.map(|d| (d.start, d.end));
    let reference = reference.map(Reference::day);
    let mut dates: Vec<(DateSpan, String)> = Vec::new();
    for mention in find_dates(text) {
        if mention.role != DateRole::At {
            continue;
        }
        let Some(span) = resolve(mention.value, reference, None, None) else {
            continue;
        };
        let key = (span.start, span.end);
        if Some(key) != own && !dates.iter().any(|(d, _)| (d.start, d.end) == key) {
            let words = text.get(mention.start..mention.end).unwrap_or_default();
            dates.push((span, words.to_owned()));
        }
    }
    Alternatives { places, dates }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::GAZETTEER;
    use crate::model::{DateSource, EventKind, Place, PlaceKind, Status};

    fn reading(sentence: &str, place: &str, day: Option<u32>) -> (Event, Source) {
        let source = Source {
            article: "a.txt".into(),
            sentence: sentence.into(),
            start: 0,
            end: sentence.len() as u64,
            place_note: None,
            date_note: None,
            highlights: Box::default(),
            actor: None,
        };
        let event = Event {
            id: "e".to_owned(),
            kind: EventKind::Strike,
            place: Place {
                name: place.to_owned(),
                lat: 40.0,
                lon: 47.0,
                kind: PlaceKind::City,
            },
            date: day
                .and_then(|d| NaiveDate::from_ymd_opt(2020, 10, d))
                .map(|d| DateSpan::day(d, DateSource::Explicit)),
            actor: None,
            target: None,
            status: Status::Reported,
            confidence: 0.9,
            sources: vec![source.clone()],
            original: None,
        };
        (event, source)
    }

    #[test]
    fn the_other_places_and_dates_of_a_sentence() {
        let (event, source) = reading(
            "Artillery shelled Tartar and Barda on 4 October 2020, a day after the strike on Ganja of 3 October.",
            "Tartar",
            Some(4),
        );
        let found = alternatives(&GAZETTEER, &event, &source, None);
        assert_eq!(found.places, ["Barda", "Ganja"]);
        let days: Vec<(NaiveDate, &str)> = found
            .dates
            .iter()
            .map(|(d, w)| (d.start, w.as_str()))
            .collect();
        // "3 October" takes its year from the publication date or the event's
        assert!(days.is_empty(), "no reference yet: {days:?}");
        let published = NaiveDate::from_ymd_opt(2020, 10, 5);
        let found = alternatives(&GAZETTEER, &event, &source, published);
        let days: Vec<NaiveDate> = found.dates.iter().map(|(d, _)| d.start).collect();
        assert_eq!(
            days,
            [NaiveDate::from_ymd_opt(2020, 10, 3).unwrap_or_default()]
        );
    }

    #[test]
    fn bounds_and_future_dates_and_ordinary_words_are_no_alternatives() {
        let (event, source) = reading(
            "Shelling of Goris, which had been calm since 1 September 2020, will be investigated by 30 October 2020, officials said on 5 October 2020.",
            "Goris",
            None,
        );
        let found = alternatives(&GAZETTEER, &event, &source, None);
        assert!(found.places.is_empty(), "{:?}", found.places);
        let days: Vec<NaiveDate> = found.dates.iter().map(|(d, _)| d.start).collect();
        assert_eq!(
            days,
            [NaiveDate::from_ymd_opt(2020, 10, 5).unwrap_or_default()]
        );
    }
}
