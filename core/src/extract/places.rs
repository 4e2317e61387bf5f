//! Places of a sentence: names found by the gazetteer and resolved (homonyms by the article's
//! other places), "the capital", places governed by a preposition or by a verb that reports no
//! event, lists after a force noun, anaphora ("the town") and the article's region as fallbacks.

use std::sync::LazyLock;

use chrono::Duration;
use regex::Regex;

use super::Mention;
use super::context::{ArticleContext, Clue, Located};
use super::layout::Sentence;
use super::lexicon::{ANAPHORA, Anaphor, is_locative, is_non_event_verb, is_skippable, is_speaker};
use super::sides::side_of;
use super::triggers::TriggerHit;
use super::words::{Word, words, words_after, words_before, words_rev};
use crate::gazetteer::{self, Gazetteer, PlaceMention, fold};
use crate::model::{DateSpan, EventKind, PlaceKind};

#[allow(clippy::expect_used)] // constant pattern
pub(super) static THE_CAPITAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)[Tt]he (?:regional |region's |region’s |enclave's |enclave’s )?capital(?-u:\b)",
    )
    .expect("capital")
});

/// The anaphoric phrases of [`ANAPHORA`], found ASCII-case-insensitively in one pass.
#[allow(clippy::expect_used)] // constant patterns
static ANAPHORA_AUTOMATON: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(ANAPHORA.iter().map(|(phrase, _)| phrase))
        .expect("anaphora automaton")
});

impl<'a> ArticleContext<'a> {
    /// Place names in `start..end` of the text, with absolute offsets.
    pub(super) fn find_places(&self, start: usize, end: usize) -> Vec<PlaceMention<'a>> {
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

    /// Place names of sentence `index`, with absolute offsets, found once.
    pub(super) fn names_of_sentence(&self, index: usize) -> &[PlaceMention<'a>] {
        match (
            self.sentence_names.get(index),
            self.layout.sentences.get(index),
        ) {
            (Some(cell), Some(s)) => cell.get_or_init(|| self.find_places(s.start, s.end)),
            _ => &[],
        }
    }

    /// Chooses one entry per place mention. A name several places share is decided by, in
    /// order: a district, province or country named in the same paragraph ("the village of
    /// Aghdam in the Tovuz district"); the article's other places (the candidate with most of
    /// them within 60 km); prominence (city, town, village; population; minor records last).
    pub(super) fn resolve_places(&self, found: Vec<PlaceMention>) -> Vec<Located> {
        let entries = &self.gazetteer.entries;
        let mut admin_of_paragraph: Vec<(usize, Vec<usize>)> = Vec::new();
        let mut located = Vec::with_capacity(found.len());
        for (i, m) in found.iter().enumerate() {
            if m.start < self.dateline_end {
                continue;
            }
            let (entry, clue) = match m.candidates {
                [] => continue,
                [only] => (*only, Clue::Only),
                [first, ..] => {
                    let near = |a: usize, b: usize| {
                        entry_distance_km(entries.get(a), entries.get(b)) < 50.0
                    };
                    if m.candidates.iter().all(|&c| near(c, *first)) {
                        // the place the spelling is the name of; then a town over its district,
                        // a district or province over a village of its name (unless the text
                        // says "village"); then the most prominent
                        let written = self.written(m);
                        let village_said = self.village_cue(m);
                        let best = m.candidates.iter().copied().min_by_key(|&c| {
                            entries.get(c).map(|e| {
                                let order = match e.kind {
                                    PlaceKind::Village if village_said => 0,
                                    PlaceKind::City | PlaceKind::Town | PlaceKind::Landmark => 1,
                                    PlaceKind::Village => 3,
                                    _ => 2,
                                };
                                (
                                    !named_as(e, &written),
                                    order,
                                    std::cmp::Reverse(e.prominence()),
                                )
                            })
                        });
                        let Some(best) = best else { continue };
                        (best, Clue::Only)
                    } else {
                        let paragraph = self.paragraph_of(m.start);
                        let admin = match admin_of_paragraph.iter().find(|(p, _)| *p == paragraph) {
                            Some((_, areas)) => areas.clone(),
                            None => {
                                let areas = self.areas_in_paragraph(paragraph);
                                admin_of_paragraph.push((paragraph, areas.clone()));
                                areas
                            }
                        };
                        self.choose_homonym(m, i, &found, &admin)
                    }
                }
            };
            let l = Located {
                start: m.start,
                end: m.end,
                entry,
                ambiguous: matches!(clue, Clue::Neighbours | Clue::Prominence),
                clue,
                homonyms: m.candidates.len(),
                needs_context: m.needs_context,
            };
            if !self.is_compound(&l) {
                located.push(l);
            }
        }
        located
    }

    /// One of the places sharing the name at `found[index]`, and the clue that decided.
    fn choose_homonym(
        &self,
        mention: &PlaceMention,
        index: usize,
        found: &[PlaceMention],
        areas: &[usize],
    ) -> (usize, Clue) {
        let entries = &self.gazetteer.entries;
        let in_area = |c: usize| {
            let e = entries.get(c)?;
            areas.iter().copied().find(|&a| {
                entries.get(a).is_some_and(|area| match area.kind {
                    PlaceKind::District | PlaceKind::Province => {
                        e.admin.as_deref().is_some_and(|admin| {
                            area.name
                                .strip_suffix(" District")
                                .or_else(|| area.name.strip_suffix(" Province"))
                                .is_some_and(|base| base == admin)
                        })
                    }
                    _ => false,
                })
            })
        };
        // a country that says where the place is: "Kapan, Armenia", "Kapan in Armenia",
        // "Armenia's Kapan" (not "Azerbaijan shelled Kapan")
        let countries = self.countries_placing(mention);
        let in_country = |c: usize| {
            let e = entries.get(c)?;
            countries
                .iter()
                .copied()
                .find(|&a| entries.get(a).is_some_and(|area| area.country == e.country))
        };
        // the other place names: of the same sentence first (how many lie within 60 km, then
        // how close they are), then of the whole article (how many distinct names within 60 km)
        let sentence = self.sentence_of(mention.start);
        let support = |c: usize| {
            let e = entries.get(c);
            let nearest = |other: &PlaceMention| {
                other
                    .candidates
                    .iter()
                    .filter(|&&o| o != c)
                    .filter(|&&o| {
                        entries
                            .get(o)
                            .is_some_and(|o| o.kind.specificity_rank() <= 4)
                    })
                    .map(|&o| {
                        let o = entries.get(o);
                        // only distances under 60 km count: most pairs are told apart by
                        // their latitudes alone
                        if latitudes_apart_km(e, o) >= 60.5 {
                            f64::INFINITY
                        } else {
                            entry_distance_km(e, o)
                        }
                    })
                    .fold(f64::INFINITY, f64::min)
            };
            // a name that may be an ordinary word ("Gay rights") supports nothing
            let others = found.iter().enumerate().filter(|(j, other)| {
                *j != index && other.candidates != mention.candidates && !other.needs_context
            });
            let (mut near_here, mut distance_here, mut near_anywhere) = (0, 0.0, Vec::new());
            for (_, other) in others {
                let d = nearest(other);
                if d < 60.0 {
                    if self.sentence_of(other.start) == sentence {
                        near_here += 1;
                        distance_here += d;
                    }
                    if !near_anywhere.contains(&&other.candidates) {
                        near_anywhere.push(&other.candidates);
                    }
                }
            }
            (
                near_here,
                -(distance_here.round() as i64),
                near_anywhere.len(),
            )
        };
        let candidates = mention.candidates.iter().copied();
        if let Some((c, area)) = candidates.clone().find_map(|c| in_area(c).map(|a| (c, a))) {
            return (c, Clue::Admin(area));
        }
        // narrow the field by what the text says, as long as someone is left
        let mut pool: Vec<usize> = mention.candidates.to_vec();
        let narrow = |pool: &mut Vec<usize>, keep: &dyn Fn(usize) -> bool| {
            let kept: Vec<usize> = pool.iter().copied().filter(|&c| keep(c)).collect();
            if !kept.is_empty() {
                *pool = kept;
            }
        };
        let kind_of = |c: usize| entries.get(c).map(|e| e.kind);
        if self.village_cue(mention) {
            narrow(&mut pool, &|c| kind_of(c) == Some(PlaceKind::Village));
        }
        narrow(&mut pool, &|c| in_country(c).is_some());
        let country_decided = pool.len() < mention.candidates.len();
        // a town or city over villages of the same name, unless only villages bear it as their
        // own name (a town's old name, "Kamarli" for Artashat, gives way to the village called so)
        let written = self.written(mention);
        let named = |c: usize| entries.get(c).is_some_and(|e| named_as(e, &written));
        let town = |c: usize| matches!(kind_of(c), Some(PlaceKind::City | PlaceKind::Town));
        let town_named = pool.iter().any(|&c| town(c) && named(c));
        let village_named = pool.iter().any(|&c| !town(c) && named(c));
        if town_named || !village_named {
            narrow(&mut pool, &|c| town(c));
        }
        // each candidate's support, reckoned once
        let supports: Vec<(usize, (i32, i64, usize))> =
            pool.iter().map(|&c| (c, support(c))).collect();
        let best_support = supports.iter().map(|(_, s)| *s).max().unwrap_or((0, 0, 0));
        let before_support = pool.len();
        narrow(&mut pool, &|c| {
            supports.iter().any(|(d, s)| *d == c && *s == best_support)
        });
        let best = pool
            .iter()
            .copied()
            .max_by_key(|&c| {
                let named = entries.get(c).is_some_and(|e| named_as(e, &written));
                (
                    named,
                    entries.get(c).map(gazetteer::Entry::prominence),
                    std::cmp::Reverse(c),
                )
            })
            .unwrap_or(mention.candidates[0]);
        let clue = if best_support != (0, 0, 0) && pool.len() < before_support {
            Clue::Neighbours
        } else if country_decided && let Some(country) = in_country(best) {
            Clue::Admin(country)
        } else {
            Clue::Prominence
        };
        (best, clue)
    }

    /// "the village of X", "the villages of X and Y", "X village": the text says a village.
    fn village_cue(&self, mention: &PlaceMention) -> bool {
        let paragraph_start = self
            .text
            .get(..mention.start)
            .map_or(0, |b| b.rfind('\n').map_or(0, |i| i + 1));
        let before = self
            .text
            .get(paragraph_start..mention.start)
            .unwrap_or_default();
        let after = self.text.get(mention.end..).unwrap_or_default();
        let said = |w: &Word<'_>| matches!(w.as_str(), "village" | "villages" | "hamlet");
        let before = words_before(before, 6);
        words_after(after, 1).iter().any(said)
            || (before.iter().any(said) && before.iter().any(|w| w == "of"))
    }

    /// The folded spelling of a mention as written.
    fn written(&self, mention: &PlaceMention) -> String {
        fold(
            self.text
                .get(mention.start..mention.end)
                .unwrap_or_default(),
        )
        .0
    }

    /// Index of the sentence holding byte `at`.
    fn sentence_of(&self, at: usize) -> usize {
        self.layout
            .sentences
            .partition_point(|s| s.start <= at)
            .saturating_sub(1)
    }

    /// Index of the paragraph holding byte `at`.
    fn paragraph_of(&self, at: usize) -> usize {
        let sentences = &self.layout.sentences;
        let i = sentences
            .partition_point(|s| s.start <= at)
            .saturating_sub(1);
        sentences.get(i).map_or(0, |s| s.paragraph)
    }

    /// The countries written next to a mention as its location: "Ganja, Azerbaijan", "Kapan in
    /// Armenia", "(Armenia)", "Armenia's Kapan".
    fn countries_placing(&self, mention: &PlaceMention) -> Vec<usize> {
        let entries = &self.gazetteer.entries;
        let country_at = |start: usize, end: usize| -> Option<usize> {
            let found = self.find_places(start, end);
            found.first().and_then(|m| match m.candidates {
                [only]
                    if entries
                        .get(*only)
                        .is_some_and(|e| e.kind == PlaceKind::Country) =>
                {
                    Some(*only)
                }
                _ => None,
            })
        };
        let mut out = Vec::new();
        let after_end = (mention.end + 40).min(self.text.len());
        let after = self.text.get(mention.end..after_end).unwrap_or_default();
        let lead = after.len() - after.trim_start_matches([',', ' ', '(']).len();
        let lead = if after.get(lead..).is_some_and(|r| r.starts_with("in ")) {
            lead + 3
        } else {
            lead
        };
        if lead > 0
            && let Some(c) = country_at(mention.end + lead, after_end)
        {
            out.push(c);
        }
        let before_start = mention.start.saturating_sub(30);
        let before = self
            .text
            .get(before_start..mention.start)
            .unwrap_or_default();
        for possessive in ["'s ", "’s "] {
            if let Some(stem) = before.strip_suffix(possessive) {
                let word_start = stem.rfind(' ').map_or(0, |i| i + 1);
                if let Some(c) = country_at(before_start + word_start, before_start + stem.len()) {
                    out.push(c);
                }
            }
        }
        out
    }

    /// Districts and provinces named in a paragraph (gazetteer entries).
    fn areas_in_paragraph(&self, paragraph: usize) -> Vec<usize> {
        // a name never spans two sentences: the paragraph's names are its sentences'
        let sentences = &self.layout.sentences;
        (0..sentences.len())
            .filter(|&i| sentences.get(i).is_some_and(|s| s.paragraph == paragraph))
            .flat_map(|i| self.names_of_sentence(i))
            .filter_map(|m| match m.candidates {
                [only] => Some(*only),
                _ => None,
            })
            .filter(|&e| {
                self.gazetteer
                    .entries
                    .get(e)
                    .is_some_and(|e| matches!(e.kind, PlaceKind::District | PlaceKind::Province))
            })
            .collect()
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
                        located.push(Located::implied(m.start(), m.end(), stepanakert));
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
        let all: Vec<Located> = self
            .places
            .get(lo..hi)
            .unwrap_or_default()
            .iter()
            .copied()
            .filter(|p| p.end <= sentence.end)
            .collect();
        // a place in parentheses explains, when the sentence has places outside them
        let stext = self
            .text
            .get(sentence.start..sentence.end)
            .unwrap_or_default();
        let parenthetical =
            |p: &Located| in_parentheses(stext, p.start.saturating_sub(sentence.start));
        let outside = all.iter().any(|p| !parenthetical(p));
        all.iter()
            .copied()
            .filter(|p| !(outside && parenthetical(p)))
            .filter(|p| {
                let entry = self.gazetteer.entries.get(p.entry);
                let metonymic = entry.is_some_and(|e| {
                    e.kind == PlaceKind::Country || matches!(e.name.as_str(), "Baku" | "Yerevan")
                });
                let needs_context = p.needs_context;
                let area = entry.is_some_and(|e| {
                    matches!(e.kind, PlaceKind::Region | PlaceKind::Country)
                        || matches!(e.name.as_str(), "Baku" | "Yerevan")
                });
                (!metonymic || self.governed(sentence.start, p, triggers_abs))
                    && (!needs_context || self.in_place_context(sentence, p, &all, triggers_abs))
                    && !(area && self.names_an_institution(p))
            })
            .filter(|p| !self.governed_by_other_verb(sentence.start, p))
            .collect()
    }

    /// "the Artsakh Defence Army", "the Azerbaijan Foreign Ministry", "the Artsakh ombudsman",
    /// "Karabakh Armenians": a region's or country's name that names an institution or people.
    fn names_an_institution(&self, place: &Located) -> bool {
        let after = self.text.get(place.end..).unwrap_or_default();
        let next = words_after(after, 1);
        next.first().is_some_and(|w| {
            matches!(
                w.as_str(),
                "defence"
                    | "defense"
                    | "army"
                    | "ministry"
                    | "mod"
                    | "ombudsman"
                    | "human"
                    | "foreign"
                    | "security"
                    | "parliament"
                    | "government"
                    | "authorities"
                    | "officials"
                    | "president"
                    | "president's"
                    | "armed"
                    | "leadership"
                    | "armenians"
                    | "azerbaijanis"
                    | "side"
                    | "forces"
                    | "military"
                    | "troops"
                    | "police"
                    | "border"
                    | "state"
                    | "news"
                    | "media"
                    | "public"
                    | "national"
                    | "republic"
            )
        }) && !after
            .trim_start()
            .as_bytes()
            .get(..11)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"border with"))
            || words_before(self.text.get(..place.start).unwrap_or_default(), 2)
                .iter()
                .map(Word::as_str)
                .eq(["republic", "of"])
    }

    /// Whether the sentence treats a name that is also an ordinary word as a place: a
    /// preposition or trigger governs it ("in Gosh", "shelled Bank"), a place noun follows
    /// ("Sis village"), it stands in a list with other places ("Sotk, Kut and Vardenis"), or a
    /// trigger follows it closely ("Sus was shelled").
    fn in_place_context(
        &self,
        sentence: &Sentence,
        place: &Located,
        all: &[Located],
        triggers_abs: &[TriggerHit],
    ) -> bool {
        if self.governed(sentence.start, place, triggers_abs) {
            return true;
        }
        let after = self.text.get(place.end..sentence.end).unwrap_or_default();
        let next = words_after(after, 1);
        if next.first().is_some_and(|w| {
            matches!(
                w.as_str(),
                "village"
                    | "villages"
                    | "town"
                    | "city"
                    | "settlement"
                    | "district"
                    | "region"
                    | "community"
                    | "area"
            )
        }) {
            return true;
        }
        let listed = |gap: &str| {
            let gap = gap.trim();
            matches!(gap, "," | "and" | ", and" | "or" | ", or")
        };
        let in_list = all.iter().any(|q| {
            q.start != place.start
                && ((q.end <= place.start
                    && listed(self.text.get(q.end..place.start).unwrap_or("x")))
                    || (place.end <= q.start
                        && listed(self.text.get(place.end..q.start).unwrap_or("x"))))
        });
        // a trigger closely after ("Sus was shelled") or before with only "of", "the" and the
        // like between ("shelling of Tartar")
        let trigger_before = triggers_abs.iter().any(|t| {
            t.end <= place.start
                && place.start - t.end <= 16
                && words(self.text.get(t.end..place.start).unwrap_or_default())
                    .all(|w| is_skippable(w.as_str()) || is_locative(w.as_str()))
        });
        in_list
            || trigger_before
            || triggers_abs
                .iter()
                .any(|t| t.start >= place.end && t.start - place.end <= 12)
    }

    /// "from positions in the Gorus district", "from the territory of Armenia": where a strike
    /// was launched from.
    pub(super) fn is_origin(&self, sentence_start: usize, place: &Located) -> bool {
        let before = self
            .text
            .get(sentence_start..place.start)
            .unwrap_or_default();
        let mut words = words_rev(before).take(7);
        while let Some(w) = words.next() {
            if w == "from" {
                // "strikes were reported from Sotk": where the reports came from, where it struck
                let reported = words.next().is_some_and(|v| {
                    matches!(
                        v.as_str(),
                        "reported" | "heard" | "received" | "came" | "coming" | "reports"
                    )
                });
                return !reported;
            }
            // "from Azerbaijani positions towards Armenian positions near Sotk": aimed here
            if matches!(
                w.as_str(),
                "towards" | "toward" | "at" | "against" | "on" | "upon" | "into" | "onto"
            ) {
                return false;
            }
            let passable = is_skippable(w.as_str())
                || is_locative(w.as_str())
                || matches!(
                    w.as_str(),
                    "positions"
                        | "position"
                        | "direction"
                        | "directions"
                        | "side"
                        | "area"
                        | "areas"
                );
            if !passable {
                return false;
            }
        }
        false
    }

    /// "fled to Armenia", "visited Goris", "met in Yerevan": a place that belongs to a verb that
    /// reports no strike or deployment, whatever trigger stands nearby.
    pub(super) fn governed_by_other_verb(&self, sentence_start: usize, place: &Located) -> bool {
        let before = self
            .text
            .get(sentence_start..place.start)
            .unwrap_or_default();
        let ws = words_before(before, 4);
        let mut rest = ws.iter().rev().skip_while(|w| is_skippable(w.as_str()));
        let mut word = rest.next();
        if word.is_some_and(|w| is_locative(w.as_str()) || w == "from") {
            word = rest.next();
            // "the defence ministry in Baku said", "officials in Yerevan": where the speaker is
            if word.is_some_and(|w| is_speaker(w.as_str())) {
                return true;
            }
        }
        word.is_some_and(|w| is_non_event_verb(w.as_str()))
    }

    /// Whether a locative preposition or a trigger stands just before the place.
    pub(super) fn governed(
        &self,
        sentence_start: usize,
        place: &Located,
        triggers_abs: &[TriggerHit],
    ) -> bool {
        // right after a trigger, or after one with only "the territory of" and the like between
        if triggers_abs.iter().any(|t| {
            let gap = self.text.get(t.end..place.start).unwrap_or("-");
            t.end <= place.start
                && place.start - t.end <= 40
                && !gap.contains([';', ',', ':', '.', '(', ')', '—', '–'])
                && words(gap).all(|w| is_skippable(w.as_str()))
        }) {
            return true;
        }
        let before = self
            .text
            .get(sentence_start..place.start)
            .unwrap_or_default();
        let ws = words_before(before, 4);
        for w in ws.iter().rev() {
            if is_locative(w.as_str()) {
                return true;
            }
            if !is_skippable(w.as_str()) {
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
        if !ws.first().is_some_and(|w| is_locative(w.as_str())) {
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
                    .all(|w| is_skippable(w.as_str()) || is_locative(w.as_str()));
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
        // the first phrase of the list written in the sentence as a whole word, in any case
        let anaphor = ANAPHORA_AUTOMATON
            .find_overlapping_iter(stext)
            .filter(|m| {
                !stext
                    .get(m.end()..)
                    .unwrap_or_default()
                    .starts_with(|c: char| c.is_alphanumeric())
            })
            .map(|m| m.pattern().as_usize())
            .min()
            .and_then(|i| ANAPHORA.get(i))
            .map(|(_, anaphor)| *anaphor)?;
        let paragraph = self.layout.sentences.get(index)?.paragraph;
        let earlier = self.layout.sentences.get(..index)?;
        for (i, prev) in earlier.iter().enumerate().rev().take(3) {
            if prev.paragraph + 1 < paragraph {
                break;
            }
            let found = self.resolve_places(self.names_of_sentence(i).to_vec());
            if let Some(p) = found
                .into_iter()
                .rfind(|p| anaphor.accepts(self.entry_kind(p.entry)))
            {
                return Some(p);
            }
        }
        // "the region" of an article about one region
        let region = self.dominant().filter(|_| anaphor == Anaphor::Region)?;
        Some(Located::implied(0, 0, region))
    }

    /// A strike on a named side's forces ("drone strikes on Armenian air defense vehicles") in an
    /// article about one region is placed in that region.
    /// Its span is the trigger's, in the article (`sentence_start` is where `stext` begins).
    pub(super) fn target_fallback(
        &self,
        sentence_start: usize,
        stext: &str,
        hit: &TriggerHit,
    ) -> Option<Located> {
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
        (prep && side).then_some(Located::implied(
            sentence_start + hit.start,
            sentence_start + hit.end,
            region,
        ))
    }
}

/// Whether byte `at` of `sentence` lies inside parentheses.
fn in_parentheses(sentence: &str, at: usize) -> bool {
    let before = sentence.get(..at).unwrap_or_default();
    before
        .rfind('(')
        .is_some_and(|open| before.rfind(')').is_none_or(|close| close < open))
}

/// Whether `written` (folded) is the entry's own name (without a district in parentheses, or
/// in one of the region's languages), or that of its district or province without the word
/// "District" or "Province".
fn named_as(entry: &gazetteer::Entry, written: &str) -> bool {
    // "Aghdam (Tovuz)" is named Aghdam
    let name = entry.name.split(" (").next().unwrap_or(&entry.name);
    let base = name
        .strip_suffix(" District")
        .or_else(|| name.strip_suffix(" Province"))
        .unwrap_or(name);
    let own = [
        &entry.names.en,
        &entry.names.az,
        &entry.names.hy,
        &entry.names.ru,
    ];
    folds_to(base, written)
        || folds_to(name, written)
        || own
            .iter()
            .filter_map(|n| n.as_deref())
            .any(|n| folds_to(n, written))
}

/// Whether `name` folds to `folded`; plain ASCII names are compared without folding a copy.
fn folds_to(name: &str, folded: &str) -> bool {
    let bytes = name.as_bytes();
    let plain = bytes.iter().enumerate().all(|(i, &b)| {
        b.is_ascii()
            && !matches!(b, b'\'' | b'`' | b'\t')
            && !(b == b' ' && i > 0 && bytes.get(i - 1) == Some(&b' '))
    });
    if plain {
        return name.len() == folded.len()
            && name.bytes().zip(folded.bytes()).all(|(n, f)| match n {
                b'-' => f == b' ',
                _ => n.to_ascii_lowercase() == f,
            });
    }
    // a letter of another script than Latin (Armenian, Cyrillic) folds to no ASCII letter
    let other_script =
        |c: char| c.is_alphabetic() && c >= '\u{370}' && !('\u{1E00}'..='\u{1EFF}').contains(&c);
    if folded.is_ascii() && name.chars().any(other_script) {
        return false;
    }
    fold(name).0 == folded
}

/// Great-circle distance between two entries, kilometres; infinite when one is missing.
pub(super) fn entry_distance_km(a: Option<&gazetteer::Entry>, b: Option<&gazetteer::Entry>) -> f64 {
    match (a, b) {
        (Some(a), Some(b)) => a.distance_km(b),
        _ => f64::INFINITY,
    }
}

/// How far apart two places' latitudes lie along a meridian: never more than the distance
/// between the places (on the mean radius the distances are reckoned with).
fn latitudes_apart_km(a: Option<&gazetteer::Entry>, b: Option<&gazetteer::Entry>) -> f64 {
    match (a, b) {
        (Some(a), Some(b)) => 6371.0088 * (a.lat - b.lat).abs().to_radians(),
        _ => 0.0,
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

/// Builds this module's automata and patterns now (see `extract::prepare`).
pub(super) fn prepare() {
    LazyLock::force(&THE_CAPITAL);
    LazyLock::force(&ANAPHORA_AUTOMATON);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The latitude shortcut of homonym support never says two places are further apart than
    /// they are.
    #[test]
    fn latitudes_never_put_places_further_apart_than_they_are() {
        let entries = &crate::gazetteer::GAZETTEER.entries;
        let sample: Vec<&gazetteer::Entry> = entries.iter().step_by(41).collect();
        assert!(sample.len() > 100);
        for a in &sample {
            for b in &sample {
                let (apart, distance) = (
                    latitudes_apart_km(Some(a), Some(b)),
                    entry_distance_km(Some(a), Some(b)),
                );
                assert!(
                    apart <= distance + 1e-9,
                    "{} {}: {apart} > {distance}",
                    a.name,
                    b.name
                );
            }
        }
    }

    /// The shortcuts of `folds_to` agree with folding the name.
    #[test]
    fn a_name_folds_to_what_folding_gives() {
        for name in [
            "Nagorno-Karabakh",
            "Xankəndi",
            "Step’anavan",
            "Ạghdam",
            "Степанакерт",
            "Ստեփանակերտ",
            "Lake  Sevan",
            "O'Brien",
            "Ağdərə\tx",
        ] {
            let folded = fold(name).0;
            assert!(folds_to(name, &folded), "{name:?} → {folded:?}");
            for other in ["stepanakert", "nagorno karabakh", "aghdam", "xankendi", ""] {
                assert_eq!(
                    folds_to(name, other),
                    folded == other,
                    "{name:?} ~ {other:?}"
                );
            }
        }
    }
}
