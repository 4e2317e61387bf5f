//! One sentence → event mentions: which triggers are used as events, which places belong to
//! which trigger, then framing, withdrawal, date, status, sides and confidence for each.

use std::sync::Arc;

use super::Mention;
use super::context::{ArticleContext, Clue, Located};
use super::layout::Sentence;
use super::lexicon::{FORCE_NOUNS, Form};
use super::modality::{self, Framing};
use super::places::entry_distance_km;
use super::sections::EventDate;
use super::sides;
use super::triggers::{self, TriggerHit};
use super::words::{Word, words, words_before};
use crate::model::{DateSource, EventKind, Highlight, HighlightRole, PlaceKind, Source, Status};

impl ArticleContext<'_> {
    /// The mentions of sentence `index` (its triggers `hits`, offsets relative to the
    /// sentence), appended to `out`: for each trigger used as an event, its places (or, failing
    /// those, the place an anaphor or the article's region gives), unless it is framed as a
    /// threat, plan or negation or reports a withdrawal; then its date, status, sides and
    /// confidence.
    pub(super) fn sentence_mentions(
        &self,
        index: usize,
        sentence: &Sentence,
        hits: &[TriggerHit],
        out: &mut Vec<Mention>,
    ) {
        let Some(stext) = self.text.get(sentence.start..sentence.end) else {
            return;
        };
        let hits_abs: Vec<TriggerHit> = hits
            .iter()
            .map(|h| TriggerHit {
                start: h.start + sentence.start,
                end: h.end + sentence.start,
                ..*h
            })
            .collect();
        let places = self.sentence_places(sentence, &hits_abs);
        let usable: Vec<TriggerHit> = hits
            .iter()
            .filter(|h| triggers::usable_form(stext, h, hits))
            .copied()
            .collect();
        let mut owned = assign_places(&places, &usable, sentence.start);
        share_struck_positions(stext, &usable, &mut owned);
        let mut previous_places: Vec<Located> = Vec::new();
        // the sentence's text, allocated once for all its mentions
        let mut shared_sentence: Option<Arc<str>> = None;
        for (i, hit) in usable.iter().enumerate() {
            let def = hit.def();
            if usable.iter().any(|s| stationed_target(stext, s, hit)) {
                continue;
            }
            let mut mine = owned.get(i).cloned().unwrap_or_default();
            let mut confidence: f64 = 0.85;
            if def.form == Form::PrepNoun {
                mine = self.prep_noun_places(stext, sentence.start, hit, &places);
            }
            if !mine.is_empty() {
                // a country after the trigger is often a recipient ("handed over to Azerbaijan")
                let has_right = mine.iter().any(|p| {
                    p.start >= hit.end + sentence.start
                        && self.entry_kind(p.entry) != PlaceKind::Country
                });
                if has_right {
                    mine.retain(|p| {
                        p.start >= hit.end + sentence.start || self.governed(sentence.start, p, &[])
                    });
                }
            } else if def.form == Form::Intransitive {
                mine = previous_places.clone();
            } else if places.is_empty() && def.form != Form::PrepNoun {
                if let Some(p) = self.anaphora_place(stext, index) {
                    mine.push(p);
                    confidence -= 0.1;
                } else if let Some(p) = definite_event_place(stext, hit, out) {
                    mine.push(p);
                    confidence -= 0.15;
                } else if let Some(p) = self.target_fallback(sentence.start, stext, hit) {
                    mine.push(p);
                    confidence -= 0.25;
                }
            }
            // "fired from positions in the Gorus district": where a strike came from is not
            // where it struck
            if def.kind == EventKind::Strike {
                // an origin, and the places listed with it ("from the Basarkechar and Gorus
                // districts")
                let mut origins: Vec<Located> = Vec::new();
                for p in &mine {
                    let listed = origins.last().is_some_and(|o| self.coordinated(o, p))
                        || origins.last().is_some_and(|o| {
                            self.text.get(o.end..p.start).is_some_and(|gap| {
                                gap.trim().trim_start_matches(',').trim().is_empty()
                            })
                        });
                    if self.is_origin(sentence.start, p) || listed {
                        origins.push(*p);
                    }
                }
                mine.retain(|p| !origins.contains(p));
            }
            // Regions and countries only when nothing more specific is given; a district or
            // province only when no town of the same report lies in or near it.
            let snapshot = mine.clone();
            mine.retain(|p| {
                let rank = self.entry_kind(p.entry).specificity_rank();
                !snapshot.iter().any(|q| {
                    let q_rank = self.entry_kind(q.entry).specificity_rank();
                    q_rank < rank
                        && !self.coordinated(p, q)
                        && (rank >= 4
                            || rank == 3
                                && entry_distance_km(
                                    self.gazetteer.entries.get(p.entry),
                                    self.gazetteer.entries.get(q.entry),
                                ) < 60.0)
                })
            });
            // "the village of Qarayusifli near Barda": a place that locates another is no
            // event place of its own
            let snapshot = mine.clone();
            mine.retain(|q| !snapshot.iter().any(|p| self.locates(p, q)));
            mine.dedup_by_key(|p| p.entry);
            if !mine.is_empty() {
                previous_places = mine.clone();
            }
            // a trigger without a place of its own reports nothing: its framing is not needed
            if mine.is_empty() || self.framing_at(stext, sentence.start, hit) != Framing::Factual {
                continue;
            }
            if def.kind == EventKind::Deployment
                && modality::is_withdrawal(
                    stext
                        .get(
                            modality::clause_start(stext, hit.start)
                                ..modality::withdrawal_window_end(stext, hit.end),
                        )
                        .unwrap_or_default(),
                )
            {
                continue;
            }
            let Some(EventDate {
                span: date,
                words: date_words,
                note: date_note,
            }) = self.date_for(index, sentence, hit)
            else {
                continue;
            };
            let status = if modality::is_claim(stext, hit.start) {
                // "…shelled Azerbaijani positions, a claim denied by Yerevan"
                if modality::denies_claims(stext.get(hit.end..).unwrap_or_default()) {
                    Status::Denied
                } else {
                    Status::Claimed
                }
            } else {
                Status::Reported
            };
            let actor = if def.form == Form::PrepNoun {
                sides::mission_owner(stext).or_else(|| sides::actor(stext, hit.start, hit.end))
            } else {
                sides::actor(stext, hit.start, hit.end)
            };
            let target = sides::target(stext, hit.end);
            let date_note: Option<Arc<str>> = date_note.map(Into::into);
            let mut seen = Vec::new();
            for p in mine {
                if seen.contains(&p.entry) {
                    continue;
                }
                seen.push(p.entry);
                let mut c = confidence;
                if p.ambiguous {
                    c -= 0.1;
                }
                if status != Status::Reported {
                    c -= 0.15;
                }
                if status == Status::Denied {
                    c -= 0.1;
                }
                match date.map(|d| d.source) {
                    Some(DateSource::Published) => c -= 0.05,
                    None => c -= 0.1,
                    _ => {}
                }
                out.push(Mention {
                    kind: def.kind,
                    place: p.entry,
                    date,
                    actor,
                    target,
                    status,
                    confidence: c.clamp(0.05, 0.99),
                    source: Source {
                        article: self.article_path.clone(),
                        sentence: shared_sentence.get_or_insert_with(|| stext.into()).clone(),
                        start: sentence.start as u64,
                        end: sentence.end as u64,
                        place_note: self.place_note(&p).map(String::into_boxed_str),
                        actor,
                        date_note: date_note.clone(),
                        highlights: highlights(sentence.start, hit, &p, date_words),
                    },
                });
            }
        }
    }
}

impl ArticleContext<'_> {
    /// "in Karabakh and the Lachin corridor": two places joined by "and" or "or" are both meant,
    /// the broader one too.
    fn coordinated(&self, a: &Located, b: &Located) -> bool {
        let (first, second) = if a.start <= b.start { (a, b) } else { (b, a) };
        if first.end > second.start || first.start == second.start {
            return false;
        }
        let gap = self.text.get(first.end..second.start).unwrap_or_default();
        let mut gap = words(gap).filter(|w| w != "the");
        matches!(
            (gap.next().as_deref(), gap.next()),
            (Some("and" | "or"), None)
        )
    }

    /// Whether `locator` only says where `place` is: "Qarayusifli near Barda", "Sotk, not far
    /// from Vardenis", "positions north of Martuni".
    fn locates(&self, place: &Located, locator: &Located) -> bool {
        if place.end > locator.start || place.start == locator.start {
            return false;
        }
        let gap = self.text.get(place.end..locator.start).unwrap_or_default();
        // a locator's gap has three words at most: read no further
        let gap: Vec<Word<'_>> = words(gap).filter(|w| w != "the").take(4).collect();
        let gap: Vec<&str> = gap.iter().map(Word::as_str).collect();
        matches!(
            gap.as_slice(),
            ["near"]
                | ["close", "to"]
                | ["not", "far", "from"]
                | ["outside"]
                | ["in", "vicinity", "of"]
                | ["north" | "south" | "east" | "west", "of"]
                | ["km" | "kilometres" | "kilometers", "from"]
        )
    }

    /// Why `place` was chosen among the places bearing its name, in plain words; `None` when
    /// only one place bears it.
    fn place_note(&self, place: &Located) -> Option<String> {
        if place.clue == Clue::Only {
            return None;
        }
        let entry = self.gazetteer.entry(place.entry)?;
        let written = self.text.get(place.start..place.end).unwrap_or(&entry.name);
        let within = entry
            .admin
            .as_deref()
            .filter(|a| *a != entry.name)
            .map(|a| format!(" in {a}"))
            .unwrap_or_default();
        let chosen = if within.is_empty() {
            format!("{} ({:.2}° N, {:.2}° E)", entry.name, entry.lat, entry.lon)
        } else {
            format!("the one{within}")
        };
        let why = match place.clue {
            Clue::Only => return None,
            Clue::Admin(area) => format!(
                "{chosen}, as {} is named nearby",
                self.gazetteer.entry(area)?.name
            ),
            Clue::Neighbours => format!("{chosen}, near the article's other places"),
            Clue::Prominence => format!("{chosen}, the most prominent (no other clue)"),
        };
        Some(format!(
            "One of {} places named {written}: {why}.",
            place.homonyms
        ))
    }
}

/// "The first attack took place on 4 October", "the strike killed two": an event noun made
/// definite ("the", "this", an ordinal) with no place of its own refers to the article's event
/// of that kind told just before; it takes that event's place.
fn definite_event_place(stext: &str, hit: &TriggerHit, earlier: &[Mention]) -> Option<Located> {
    let def = hit.def();
    let noun = matches!(
        def.text,
        "attack"
            | "attacks"
            | "strike"
            | "strikes"
            | "shelling"
            | "bombardment"
            | "bombing"
            | "airstrike"
            | "air strike"
            | "missile strike"
            | "drone strike"
            | "rocket attack"
            | "artillery strike"
            | "air raid"
            | "deployment"
    );
    if !noun {
        return None;
    }
    let before = words_before(stext.get(..hit.start).unwrap_or_default(), 3);
    let definite = before
        .iter()
        .any(|w| matches!(w.as_str(), "the" | "this" | "that" | "these" | "those"))
        && before.iter().all(|w| {
            matches!(
                w.as_str(),
                "the"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
                    | "first"
                    | "second"
                    | "third"
                    | "fourth"
                    | "fifth"
                    | "latest"
                    | "last"
                    | "new"
                    | "next"
                    | "deadly"
                    | "missile"
                    | "rocket"
                    | "drone"
                    | "artillery"
                    | "ballistic"
                    | "same"
            )
        });
    if !definite {
        return None;
    }
    let told = earlier.iter().rev().find(|m| m.kind == def.kind)?;
    Some(Located::implied(0, 0, told.place))
}

/// "an attack on the place of deployment of the contingent in X", "shelled the positions of
/// troops stationed in X": a strike aimed at a deployment also strikes the deployment's places.
fn share_struck_positions(stext: &str, usable: &[TriggerHit], owned: &mut [Vec<Located>]) {
    for (s, strike) in usable.iter().enumerate() {
        if strike.def().kind != EventKind::Strike {
            continue;
        }
        let aimed_at = usable.iter().enumerate().find(|(_, d)| {
            d.def().kind == EventKind::Deployment
                && d.start >= strike.end
                && d.start - strike.end <= 40
                && stext.get(strike.end..d.start).is_some_and(|gap| {
                    words(gap).any(|w| matches!(w.as_str(), "on" | "against" | "at" | "upon"))
                })
        });
        let aimed_at = aimed_at.or_else(|| {
            usable
                .iter()
                .enumerate()
                .find(|(_, d)| stationed_target(stext, strike, d))
        });
        if let Some((d, _)) = aimed_at {
            let shared = owned.get(d).cloned().unwrap_or_default();
            if let Some(slot) = owned.get_mut(s) {
                for p in shared {
                    if !slot.contains(&p) {
                        slot.push(p);
                    }
                }
            }
        }
    }
}

/// "subjected to fire the positions of the units stationed in the direction of Kalbajar":
/// forces stationed somewhere, named as what a strike of the same clause hit, are its target,
/// not a deployment of their own.
fn stationed_target(stext: &str, strike: &TriggerHit, deployment: &TriggerHit) -> bool {
    let stationed = matches!(
        deployment.def().text,
        "stationed" | "deployed" | "positioned" | "garrisoned"
    );
    // the positional checks first: most pairs of triggers fail them, and reading the words
    // and the clause costs more
    strike.def().kind == EventKind::Strike
        && stationed
        && strike.end <= deployment.start
        && deployment.start - strike.end <= 120
        && words_before(stext.get(..deployment.start).unwrap_or_default(), 1)
            .first()
            .is_some_and(|w| FORCE_NOUNS.contains(&w.as_str()))
        && modality::clause_start(stext, deployment.start) <= strike.start
}

/// Each place of a sentence goes to the nearest verb-like trigger on its left, else on its
/// right (a place before a trigger goes left only when close to that trigger's phrase); force
/// nouns ("peacekeepers in X") take only the place their preposition governs, later. Returns
/// the places of each of `usable`, by index.
fn assign_places(
    places: &[Located],
    usable: &[TriggerHit],
    sentence_start: usize,
) -> Vec<Vec<Located>> {
    let mut owned: Vec<Vec<Located>> = vec![Vec::new(); usable.len()];
    let claims = |(_, h): &(usize, &TriggerHit)| h.def().form != Form::PrepNoun;
    for p in places {
        let rel_start = p.start - sentence_start;
        let rel_end = p.end - sentence_start;
        let left = usable
            .iter()
            .enumerate()
            .filter(claims)
            .filter(|(_, h)| h.end <= rel_start)
            .max_by_key(|(_, h)| h.end);
        let right = usable
            .iter()
            .enumerate()
            .filter(claims)
            .filter(|(_, h)| h.start >= rel_end)
            .min_by_key(|(_, h)| h.start);
        let owner = match (left, right) {
            (Some((li, lh)), Some((ri, rh))) => {
                if rel_start - lh.end <= 160 || rh.start - rel_end > rel_start - lh.end {
                    Some(li)
                } else {
                    Some(ri)
                }
            }
            (Some((li, _)), None) => Some(li),
            (None, Some((ri, _))) => Some(ri),
            (None, None) => None,
        };
        if let Some(o) = owner
            && let Some(slot) = owned.get_mut(o)
        {
            slot.push(*p);
        }
    }
    owned
}

/// What to highlight in the evidence sentence: the trigger, the place when it is written in
/// this sentence, and the date words when the date came from this sentence.
pub(super) fn highlights(
    sentence_start: usize,
    hit: &TriggerHit,
    place: &Located,
    date_words: Option<(usize, usize)>,
) -> Box<[Highlight]> {
    let mut out = Vec::with_capacity(3);
    out.push(Highlight::new(hit.start..hit.end, HighlightRole::Trigger));
    // a fallback place (from an earlier sentence or the article's region) is not in this sentence
    let inside = place.start >= sentence_start
        && place.start < place.end
        && !(place.start == hit.start + sentence_start && place.end == hit.end + sentence_start);
    if inside {
        out.push(Highlight::new(
            place.start - sentence_start..place.end - sentence_start,
            HighlightRole::Place,
        ));
    }
    if let Some((start, end)) = date_words {
        out.push(Highlight::new(start..end, HighlightRole::Date));
    }
    out.sort_by_key(|h| h.start);
    out.into_boxed_slice()
}
