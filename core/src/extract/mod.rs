//! Article text → event mentions → events. The pipeline, for each article:
//!
//! 1. `scanner`: one pass of a dense DFA over the whole text finds the trigger words
//!    (`lexicon`) and counts the region names; an article with no trigger costs nothing more.
//! 2. [`layout`]: paragraphs, headings, sections; only paragraphs holding a trigger are split
//!    into sentences.
//! 3. `context`: for the whole article, the `modality` framing of every trigger, the places
//!    of factual sentences (`places`, through the gazetteer, homonyms resolved), and the
//!    reference date of every section (`sections`: dated headings, days of fighting).
//! 4. `sentence`, for each sentence with a trigger: is the trigger used as an event
//!    (`triggers`), which places belong to it, is it a threat, plan, negation or withdrawal
//!    (`modality`), its date (`sections`), claim or denial, actor and target (`sides`).
//! 5. A denial in a later sentence turns the claims just before it into denied events;
//!    country-level mentions subsumed by a place in that country are dropped.
//! 6. `merge`, over all articles: mentions of the same kind, place and date become one
//!    [`Event`](crate::model::Event) listing every source.
//!
//! `words` is how every stage reads words.

mod chronology;
mod context;
mod document;
pub mod layout;
pub(crate) mod lexicon;
mod merge;
mod modality;
mod places;
mod repeats;
pub(crate) mod scanner;
mod scanner_dfa;
mod sections;
mod sentence;
mod sides;
pub(crate) mod triggers;
pub(crate) mod words;

pub use merge::{merge, merge_batches, merge_with, sort_events};

use crate::dates;
use crate::gazetteer::{GAZETTEER, Gazetteer};
use crate::model::{Article, DateSpan, EventKind, Source, Status};
use context::ArticleContext;
use triggers::TriggerHit;

/// One event as reported by one sentence, before merging.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Strike or deployment.
    pub kind: EventKind,
    /// Gazetteer entry index of the place.
    pub place: usize,
    /// When.
    pub date: Option<DateSpan>,
    /// Side that acted (one of the side names the extractor knows).
    pub actor: Option<&'static str>,
    /// Side acted upon.
    pub target: Option<&'static str>,
    /// Reported, claimed or denied.
    pub status: Status,
    /// 0..1.
    pub confidence: f64,
    /// The sentence.
    pub source: Source,
}

/// Builds now what is otherwise built on the first article and takes noticeable time (the
/// gazetteer's tables, about 45 ms; the date patterns, about 30 ms; the other automata and
/// patterns, about 20 ms), so that a loader can overlap it with reading files. The gazetteer
/// (and the whole-text automaton, which reads it) is built on this thread while the rest,
/// which does not need it, is built on another: two cores halve the wait.
pub fn prepare() {
    std::thread::scope(|scope| {
        scope.spawn(|| {
            dates::prepare();
            modality::prepare();
            sections::prepare();
            places::prepare();
            triggers::prepare();
            chronology::prepare();
            crate::corpus::metadata::prepare();
        });
        std::sync::LazyLock::force(&GAZETTEER);
        scanner::prepare();
    });
}

/// Extracts event mentions from one article with the bundled gazetteer.
pub fn extract_article(article: &Article) -> Vec<Mention> {
    extract_with(article, &GAZETTEER)
}

/// Extracts event mentions from one article with `gazetteer`.
pub fn extract_with(article: &Article, gazetteer: &Gazetteer) -> Vec<Mention> {
    let text = article.text.as_str();
    let (hits, region_counts) = scanner::scan(text, gazetteer);
    if hits.is_empty() {
        return Vec::new();
    }
    let ctx = ArticleContext::new(article, gazetteer, &hits, region_counts);
    let mut mentions = Vec::new();
    let mut paragraph_claims: Vec<(usize, usize)> = Vec::new(); // (paragraph, first mention index)
    let mut from_heading: Vec<bool> = Vec::new();
    for (index, sentence) in ctx.layout.sentences.iter().enumerate() {
        let Some(sentence_text) = text.get(sentence.start..sentence.end) else {
            continue;
        };
        // an infobox field ("- Location: Ganja, Azerbaijan") gives context, not evidence
        if layout::is_infobox_field(sentence_text) {
            continue;
        }
        let claims_nearby = paragraph_claims
            .last()
            .is_some_and(|(p, _)| *p + 1 >= sentence.paragraph);
        if claims_nearby && modality::denies_claims(sentence_text) {
            let deniers = sides::deniers(sentence_text);
            deny_recent_claims(
                &mut mentions,
                &paragraph_claims,
                sentence.paragraph,
                &deniers,
            );
        }
        let lo = hits.partition_point(|h| h.start < sentence.start);
        let hi = hits.partition_point(|h| h.start < sentence.end);
        let Some(sentence_hits) = hits.get(lo..hi).filter(|h| !h.is_empty()) else {
            continue;
        };
        if modality::is_caption(sentence_text) {
            continue;
        }
        let relative: Vec<TriggerHit> = sentence_hits
            .iter()
            .filter(|h| h.end <= sentence.end)
            .map(|h| TriggerHit {
                start: h.start - sentence.start,
                end: h.end - sentence.start,
                ..*h
            })
            .collect();
        let first = mentions.len();
        ctx.sentence_mentions(index, sentence, &relative, &mut mentions);
        if mentions.len() > first {
            paragraph_claims.push((sentence.paragraph, first));
        }
        from_heading.resize(mentions.len(), sentence.heading);
    }
    let published_end = ctx.published.map(|r| r.end);
    let covers = |area: usize, place: usize| {
        area == place
            || gazetteer
                .entry(area)
                .zip(gazetteer.entry(place))
                .is_some_and(|(a, p)| {
                    a.kind.is_area()
                        && p.kind.specificity_rank() < a.kind.specificity_rank()
                        && (a.distance_km(p) < 60.0
                            || p.admin
                                .as_deref()
                                .is_some_and(|admin| a.name.starts_with(admin)))
                })
    };
    repeats::drop_repeats(&mut mentions, &from_heading, published_end, covers);
    places::drop_subsumed_countries(&mut mentions, gazetteer);
    // a folder's mentions are all held until they are merged: no spare capacity
    mentions.shrink_to_fit();
    mentions
}

/// Marks claimed mentions of this paragraph (or the previous one) as denied: those of the
/// denying side when the denial names it, else all.
fn deny_recent_claims(
    mentions: &mut [Mention],
    paragraph_claims: &[(usize, usize)],
    paragraph: usize,
    deniers: &[&str],
) {
    let from = paragraph_claims
        .iter()
        .filter(|(p, _)| *p + 1 >= paragraph)
        .map(|(_, i)| *i)
        .min();
    if let Some(from) = from {
        // "Armenia denied targeting civilians" denies what Armenia was said to have done
        for m in mentions
            .iter_mut()
            .skip(from)
            .filter(|m| m.status == Status::Claimed)
            .filter(|m| deniers.is_empty() || m.actor.is_some_and(|a| deniers.contains(&a)))
        {
            m.status = Status::Denied;
            m.confidence = (m.confidence - 0.1).max(0.05);
        }
    }
}
