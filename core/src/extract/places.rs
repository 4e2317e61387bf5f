//! Places of a sentence: names found by the gazetteer and resolved (homonyms by the article's
//! other places), "the capital", places governed by a preposition or by a verb that reports no
//! event, lists after a force noun, anaphora ("the town") and the article's region as fallbacks.

use std::sync::LazyLock;

use chrono::Duration;
use regex::Regex;

use super::Mention;
use super::context::{ArticleContext, Located};
use super::layout::Sentence;
use super::lexicon::{ANAPHORA, Anaphor, LOCATIVE, NON_EVENT_VERBS, SKIPPABLE};
use super::sides::side_of;
use super::triggers::TriggerHit;
use super::words::{Word, words, words_after, words_before};
use crate::gazetteer::{self, Gazetteer, PlaceMention};
use crate::model::{DateSpan, EventKind, PlaceKind};

#[allow(clippy::expect_used)] // constant pattern
pub(super) static THE_CAPITAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)[Tt]he (?:regional |region's |region’s |enclave's |enclave’s )?capital(?-u:\b)",
    )
    .expect("capital")
});

impl ArticleContext<'_> {
    /// Place names in `start..end` of the text, with absolute offsets.
    pub(super) fn find_places(&self, start: usize, end: usize) -> Vec<PlaceMention> {
        let Some(span) = self.text.get(start..end) else {
            return Vec::new();
        };
        self.gazetteer
            .find(span)
            .into_iter()
            .map(|m| PlaceMention {
                start: m.start + start,
                end: m.end + start,
                ..m
            })
            .collect()
    }

    /// Chooses one entry per place mention; ambiguous names by the article's other places.
    pub(super) fn resolve_places(&self, found: Vec<PlaceMention>) -> Vec<Located> {
        let entries = &self.gazetteer.entries;
        let unambiguous: Vec<usize> = found
            .iter()
            .filter(|m| m.candidates.len() == 1)
            .filter_map(|m| m.candidates.first().copied())
            .collect();
        let located: Vec<Located> = found
            .into_iter()
            .filter(|m| m.start >= self.dateline_end)
            .filter_map(|m| {
                let entry = if m.candidates.len() == 1 {
                    (*m.candidates.first()?, false)
                } else {
                    let first = *m.candidates.first()?;
                    let near =
                        |a: usize, b: usize| distance_km(entries.get(a), entries.get(b)) < 50.0;
                    if m.candidates.iter().all(|&c| near(c, first)) {
                        let best = m.candidates.iter().copied().min_by_key(|&c| {
                            entries.get(c).map_or(9, |e| e.kind.specificity_rank())
                        })?;
                        (best, false)
                    } else {
                        let support = |c: usize| {
                            unambiguous
                                .iter()
                                .filter(|&&u| {
                                    u != c && distance_km(entries.get(c), entries.get(u)) < 90.0
                                })
                                .count()
                        };
                        let best = m
                            .candidates
                            .iter()
                            .copied()
                            .max_by_key(|&c| (support(c), std::cmp::Reverse(c)))?;
                        (best, true)
                    }
                };
                Some(Located {
                    start: m.start,
                    end: m.end,
                    entry: entry.0,
                    ambiguous: entry.1,
                })
            })
            .filter(|l| !self.is_compound(l))
            .collect();
        located
    }

    /// "the capital" of Nagorno-Karabakh (Stepanakert), when the article is about Karabakh.
    pub(super) fn capital_mentions(&self) -> Vec<Located> {
        // "the capital" of Nagorno-Karabakh, when the article is about Karabakh.
        let mut located: Vec<Located> = Vec::new();
        if !self.text.contains("capital") {
            return located;
        }
        if let Some(stepanakert) = self.gazetteer.by_name("Stepanakert") {
            let count = |name: &str| {
                self.gazetteer.by_name(name).map_or(0, |i| {
                    self.counts()
                        .get(&i)
                        .copied()
                        .unwrap_or_else(|| self.places.iter().filter(|l| l.entry == i).count())
                })
            };
            let about_karabakh = count("Nagorno-Karabakh") >= 2
                && count("Nagorno-Karabakh") > count("Baku") + count("Yerevan");
            if about_karabakh {
                for m in THE_CAPITAL.find_iter(self.text) {
                    let after = self.text.get(m.end()..).unwrap_or_default();
                    let before = self.text.get(..m.start()).unwrap_or_default();
                    let qualified = after.trim_start().starts_with("of")
                        || words_before(before, 1).iter().any(|w| side_of(w).is_some());
                    if !qualified && m.start() >= self.dateline_end {
                        located.push(Located {
                            start: m.start(),
                            end: m.end(),
                            entry: stepanakert,
                            ambiguous: false,
                        });
                    }
                }
            }
        }
        located
    }

    /// "Armenia-Russia border", "Azerbaijan-Armenia Update": a name joined to another by a hyphen.
    pub(super) fn is_compound(&self, l: &Located) -> bool {
        let before = self.text.get(..l.start).unwrap_or_default();
        let after = self.text.get(l.end..).unwrap_or_default();
        let joined_after = (after.starts_with('-') || after.starts_with('–'))
            && after.chars().nth(1).is_some_and(char::is_uppercase);
        let joined_before = (before.ends_with('-') || before.ends_with('–'))
            && before.chars().rev().nth(1).is_some_and(char::is_alphabetic);
        joined_after || joined_before
    }

    /// The sentence's places (absolute byte spans), with countries and capitals kept only
    /// where a preposition or a trigger governs them.
    pub(super) fn sentence_places(
        &self,
        sentence: &Sentence,
        triggers_abs: &[TriggerHit],
    ) -> Vec<Located> {
        let lo = self.places.partition_point(|p| p.start < sentence.start);
        let hi = self.places.partition_point(|p| p.start < sentence.end);
        self.places
            .get(lo..hi)
            .unwrap_or_default()
            .iter()
            .copied()
            .filter(|p| p.end <= sentence.end)
            .filter(|p| {
                let entry = self.gazetteer.entries.get(p.entry);
                let metonymic = entry.is_some_and(|e| {
                    e.kind == PlaceKind::Country || matches!(e.name.as_str(), "Baku" | "Yerevan")
                });
                !metonymic || self.governed(sentence.start, p, triggers_abs)
            })
            .filter(|p| !self.governed_by_other_verb(sentence.start, p))
            .collect()
    }

    /// "fled to Armenia", "visited Goris", "met in Yerevan": a place that belongs to a verb that
    /// reports no strike or deployment, whatever trigger stands nearby.
    pub(super) fn governed_by_other_verb(&self, sentence_start: usize, place: &Located) -> bool {
        let before = self
            .text
            .get(sentence_start..place.start)
            .unwrap_or_default();
        let ws = words_before(before, 4);
        let mut rest = ws
            .iter()
            .rev()
            .skip_while(|w| SKIPPABLE.contains(&w.as_str()));
        let mut word = rest.next();
        if word.is_some_and(|w| LOCATIVE.contains(&w.as_str()) || w == "from") {
            word = rest.next();
        }
        word.is_some_and(|w| NON_EVENT_VERBS.contains(&w.as_str()))
    }

    /// Whether a locative preposition or a trigger stands just before the place.
    pub(super) fn governed(
        &self,
        sentence_start: usize,
        place: &Located,
        triggers_abs: &[TriggerHit],
    ) -> bool {
        if triggers_abs
            .iter()
            .any(|t| t.end <= place.start && place.start - t.end <= 3)
        {
            return true;
        }
        let before = self
            .text
            .get(sentence_start..place.start)
            .unwrap_or_default();
        let ws = words_before(before, 4);
        for w in ws.iter().rev() {
            if LOCATIVE.contains(&w.as_str()) {
                return true;
            }
            if !SKIPPABLE.contains(&w.as_str()) {
                return false;
            }
        }
        false
    }

    /// For "peacekeepers in X": the places right after a locative preposition following the noun.
    pub(super) fn prep_noun_places(
        &self,
        stext: &str,
        sentence_start: usize,
        hit: &TriggerHit,
        places: &[Located],
    ) -> Vec<Located> {
        let after = stext.get(hit.end..).unwrap_or_default();
        let ws = words_after(after, 1);
        if !ws.first().is_some_and(|w| LOCATIVE.contains(&w.as_str())) {
            return Vec::new();
        }
        let mut result = Vec::new();
        let mut cursor = hit.end + sentence_start;
        for p in places
            .iter()
            .filter(|p| p.start >= hit.end + sentence_start)
        {
            let gap = self.text.get(cursor..p.start).unwrap_or_default();
            let gap_words: Vec<Word<'_>> = words(gap).collect();
            let first = result.is_empty();
            let list_gap = gap.trim().trim_start_matches(',').trim().is_empty()
                || matches!(gap.trim().trim_start_matches(',').trim(), "and" | "or");
            let governed = gap_words.len() <= 5
                && gap_words
                    .iter()
                    .skip(1)
                    .all(|w| SKIPPABLE.contains(&w.as_str()) || LOCATIVE.contains(&w.as_str()));
            if (first && governed) || (!first && list_gap) {
                result.push(*p);
                cursor = p.end;
            } else {
                break;
            }
        }
        result
    }

    /// "the area", "the region", "there": the last place of the previous sentences of the paragraph.
    pub(super) fn anaphora_place(&self, stext: &str, index: usize) -> Option<Located> {
        let lower = stext.to_lowercase();
        let anaphor = ANAPHORA.iter().find_map(|(phrase, anaphor)| {
            lower
                .match_indices(phrase)
                .any(|(i, _)| {
                    !lower
                        .get(i + phrase.len()..)
                        .unwrap_or_default()
                        .starts_with(|c: char| c.is_alphanumeric())
                })
                .then_some(*anaphor)
        })?;
        let paragraph = self.layout.sentences.get(index)?.paragraph;
        for prev in self.layout.sentences.get(..index)?.iter().rev().take(3) {
            if prev.paragraph + 1 < paragraph {
                break;
            }
            let found = self.resolve_places(self.find_places(prev.start, prev.end));
            if let Some(p) = found
                .into_iter()
                .rfind(|p| anaphor.accepts(self.entry_kind(p.entry)))
            {
                return Some(p);
            }
        }
        // "the region" of an article about one region
        let region = self.dominant().filter(|_| anaphor == Anaphor::Region)?;
        Some(Located {
            start: 0,
            end: 0,
            entry: region,
            ambiguous: false,
        })
    }

    /// A strike on a named side's forces ("drone strikes on Armenian air defense vehicles") in an
    /// article about one region is placed in that region.
    pub(super) fn target_fallback(&self, stext: &str, hit: &TriggerHit) -> Option<Located> {
        if hit.def().kind != EventKind::Strike {
            return None;
        }
        let region = self.dominant()?;
        let ws = words_after(stext.get(hit.end..).unwrap_or_default(), 3);
        let prep = ws
            .first()
            .is_some_and(|w| matches!(w.as_str(), "on" | "at" | "against" | "upon"));
        let side = ws.iter().skip(1).any(|w| {
            side_of(w).is_some() || matches!(w.as_str(), "enemy" | "separatist" | "separatists")
        });
        (prep && side).then_some(Located {
            start: hit.start,
            end: hit.end,
            entry: region,
            ambiguous: false,
        })
    }
}

pub(super) fn distance_km(a: Option<&gazetteer::Entry>, b: Option<&gazetteer::Entry>) -> f64 {
    use geo::{Distance, Haversine, Point};
    match (a, b) {
        (Some(a), Some(b)) => {
            Haversine.distance(Point::new(a.lon, a.lat), Point::new(b.lon, b.lat)) / 1000.0
        }
        _ => f64::INFINITY,
    }
}

/// Drops country-level mentions when the same article reports the same kind at a more
/// specific place in that country within three days ("targeted Azerbaijan" after "a missile
/// attack on Ganja").
pub(super) fn drop_subsumed_countries(mentions: &mut Vec<Mention>, gazetteer: &Gazetteer) {
    let entry = |i: usize| gazetteer.entries.get(i);
    let specific: Vec<(EventKind, String, Option<DateSpan>)> = mentions
        .iter()
        .filter(|m| entry(m.place).is_some_and(|e| e.kind != PlaceKind::Country))
        .filter_map(|m| entry(m.place).map(|e| (m.kind, e.country.clone(), m.date)))
        .collect();
    let close = |a: Option<DateSpan>, b: Option<DateSpan>| match (a, b) {
        (Some(a), Some(b)) => {
            a.start <= b.end + Duration::days(3) && b.start <= a.end + Duration::days(3)
        }
        (None, None) => true,
        _ => false,
    };
    mentions.retain(|m| {
        let Some(e) = entry(m.place) else { return true };
        if e.kind != PlaceKind::Country {
            return true;
        }
        !specific.iter().any(|(kind, country, date)| {
            *kind == m.kind && *country == e.country && close(*date, m.date)
        })
    });
}
