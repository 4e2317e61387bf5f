//! What sentences of one article need to know about the whole article: its layout, the places
//! found where triggers are (with homonyms resolved), the reference date of each section, the
//! outbreak of fighting, the region it is mostly about, and each trigger's framing.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::document::DocumentTime;
use super::layout::{self, Layout};
use super::modality::{self, Framing};
use super::triggers::TriggerHit;
use crate::dates::{self, Reference};
use crate::gazetteer::{Gazetteer, PlaceMention};
use crate::model::{Article, DateSource, PlaceKind, Published};

/// A place resolved in an article: byte span and the chosen gazetteer entry.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Located {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) entry: usize,
    /// Whether context had to guess between several places of that name.
    pub(super) ambiguous: bool,
    /// What decided between places of the same name.
    pub(super) clue: Clue,
    /// How many places bear the name.
    pub(super) homonyms: usize,
    /// The name is also an ordinary word: a place only in a place context.
    pub(super) needs_context: bool,
}

impl Located {
    /// A place the text gives no span of its own in this sentence (a fallback).
    pub(super) fn implied(start: usize, end: usize, entry: usize) -> Self {
        Self {
            start,
            end,
            entry,
            ambiguous: false,
            clue: Clue::Only,
            homonyms: 1,
            needs_context: false,
        }
    }
}

/// What decided which of the places sharing a name is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Clue {
    /// Only one place bears the name (or all that do are close together).
    Only,
    /// A district, province or country named in the same paragraph (gazetteer entry).
    Admin(usize),
    /// The article's other places lie near it.
    Neighbours,
    /// The largest or most prominent of them.
    Prominence,
}

/// Everything about an article that sentences need: places, section dates, outbreak.
pub(super) struct ArticleContext<'a> {
    pub(super) text: &'a str,
    /// The article's path, allocated once for all its mentions.
    pub(super) article_path: std::sync::Arc<str>,
    pub(super) gazetteer: &'a Gazetteer,
    pub(super) layout: Layout,
    pub(super) places: Vec<Located>,
    /// Reference date of each section, and whether it is the section's own date.
    pub(super) section_refs: Vec<Option<(Reference, DateSource)>>,
    /// What each section's reference date is, in plain words ("the section heading 'October
    /// 3'", "the publication date, 17 Oct 2020").
    pub(super) section_notes: Vec<Option<String>>,
    /// The publication date, or a byline's.
    pub(super) published: Option<Reference>,
    /// Where `published` came from, in plain words.
    pub(super) published_note: Option<String>,
    /// The publication year.
    pub(super) year_hint: Option<i32>,
    /// The article's own clues to its time, when it has no publication date.
    pub(super) document: Option<DocumentTime>,
    pub(super) outbreak: Option<NaiveDate>,
    pub(super) dominant_region: std::cell::OnceCell<Option<usize>>,
    pub(super) dateline_end: usize,
    /// Date expressions of each sentence, found once when first needed.
    pub(super) sentence_dates: Vec<std::cell::OnceCell<Vec<dates::DateMention>>>,
    /// Place names of each sentence, found once when first needed.
    pub(super) sentence_names: Vec<std::cell::OnceCell<Vec<PlaceMention<'a>>>>,
    /// How often each region, Baku and Yerevan are named in the whole article.
    pub(super) region_counts: BTreeMap<usize, usize>,
    /// Framing of the triggers of each sentence up to its first factual one, by absolute start.
    pub(super) framings: Vec<(usize, Framing)>,
}

impl<'a> ArticleContext<'a> {
    pub(super) fn new(
        article: &'a Article,
        gazetteer: &'a Gazetteer,
        hits: &[TriggerHit],
        region_counts: BTreeMap<usize, usize>,
    ) -> Self {
        let text = article.text.as_str();
        let layout = layout::layout_with(text, |start, end| {
            let first = hits.partition_point(|h| h.start < start);
            hits.get(first).is_some_and(|h| h.start < end)
        });
        let dateline_end = super::sections::DATELINE
            .find(
                text.get(..text.find('\n').unwrap_or(text.len()).min(400))
                    .unwrap_or_default(),
            )
            .filter(|m| {
                let head = text.get(..m.end()).unwrap_or_default();
                head.contains('(')
                    || head.split([',', ' ']).next().is_some_and(|w| {
                        w.len() > 2 && w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
                    })
            })
            .map_or(0, |m| m.end());
        let mut published = article
            .published
            .and_then(|p| p.span())
            .map(|(start, end)| Reference { start, end });
        let mut year_hint = article.published.map(|p| match p {
            Published::Day(d) => chrono::Datelike::year(&d),
            Published::Month(y, _) | Published::Year(y) => y,
        });
        let mut published_note = published.map(|r| {
            format!(
                "the publication date, {}",
                super::sections::day_range_text(r)
            )
        });
        // without a publication date, the article's own clues date it
        let document = published.is_none().then(|| DocumentTime::gather(text));
        if let Some((date, words)) = document.as_ref().and_then(|d| d.byline.clone()) {
            published = Some(Reference::day(date));
            year_hint = Some(chrono::Datelike::year(&date));
            published_note = Some(format!("the byline date '{words}'"));
        }
        let sentences = layout.sentences.len();
        let mut ctx = Self {
            text,
            article_path: article.path.as_str().into(),
            gazetteer,
            layout,
            places: Vec::new(),
            section_refs: Vec::new(),
            section_notes: Vec::new(),
            published,
            published_note,
            year_hint,
            document,
            outbreak: None,
            dominant_region: std::cell::OnceCell::new(),
            dateline_end,
            region_counts,
            sentence_dates: std::iter::repeat_with(std::cell::OnceCell::new)
                .take(sentences)
                .collect(),
            sentence_names: std::iter::repeat_with(std::cell::OnceCell::new)
                .take(sentences)
                .collect(),
            framings: Vec::new(),
        };
        // Places only where a trigger is, plus the region names the whole article is about.
        let mut found = Vec::new();
        for (index, sentence) in ctx.layout.sentences.iter().enumerate() {
            let lo = hits.partition_point(|h| h.start < sentence.start);
            let hi = hits.partition_point(|h| h.start < sentence.end);
            let stext = text.get(sentence.start..sentence.end).unwrap_or_default();
            // threats, plans and denials report nothing: no need to look for their places. The
            // first factual trigger settles it; the framings of the triggers after it are found
            // when a mention needs them (`framing_at`)
            let mut factual = false;
            for h in hits.get(lo..hi).unwrap_or_default() {
                let f = modality::framing(stext, h.start - sentence.start);
                ctx.framings.push((h.start, f));
                if f == Framing::Factual {
                    factual = true;
                    break;
                }
            }
            if factual {
                found.extend_from_slice(ctx.names_of_sentence(index));
            }
        }
        ctx.places = ctx.resolve_places(found);
        ctx.places.extend(ctx.capital_mentions());
        ctx.places.sort_by_key(|l| l.start);
        ctx.section_dates();
        ctx
    }

    pub(super) fn entry_kind(&self, entry: usize) -> PlaceKind {
        self.gazetteer
            .entries
            .get(entry)
            .map_or(PlaceKind::Country, |e| e.kind)
    }

    /// Region names counted over the whole article.
    pub(super) fn counts(&self) -> &BTreeMap<usize, usize> {
        &self.region_counts
    }

    /// Framing of `hit` (relative to the sentence `stext`, which starts at `sentence_start`):
    /// the one found with the context, or found now.
    pub(super) fn framing_at(
        &self,
        stext: &str,
        sentence_start: usize,
        hit: &TriggerHit,
    ) -> Framing {
        let start = hit.start + sentence_start;
        let i = self.framings.partition_point(|(s, _)| *s < start);
        match self.framings.get(i) {
            Some((s, f)) if *s == start => *f,
            _ => modality::framing(stext, hit.start),
        }
    }

    /// The region the article is mostly about, computed when first needed.
    pub(super) fn dominant(&self) -> Option<usize> {
        *self.dominant_region.get_or_init(|| self.dominant_region())
    }

    pub(super) fn dominant_region(&self) -> Option<usize> {
        let mut counts: BTreeMap<usize, usize> = self.counts().clone();
        if counts.is_empty() {
            for l in &self.places {
                *counts.entry(l.entry).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .filter(|(e, _)| self.entry_kind(*e) == PlaceKind::Region)
            .filter(|(_, n)| *n >= 2)
            .max_by_key(|(e, n)| (*n, std::cmp::Reverse(*e)))
            .map(|(e, _)| e)
    }
}
