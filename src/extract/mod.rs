//! Article text → events. For each article: a trigger prefilter (Aho-Corasick; articles with no
//! trigger word cost one scan), then layout (sections, sentences), the article's places,
//! section dates and the outbreak date, and for each sentence with a trigger: modality, place
//! linking, date, status, actor and target. [`merge`] then folds mentions of the same kind,
//! place and date from all articles into one [`Event`] listing every source.

pub mod dates;
pub mod gazetteer;
pub mod layout;
pub mod scanner;
pub mod triggers;

use std::collections::BTreeMap;
use std::sync::LazyLock;

use chrono::{Duration, NaiveDate};
use regex::Regex;

use crate::model::{
    Article, DateSource, DateSpan, Event, EventKind, Highlight, HighlightRole, Place, PlaceKind,
    Precision, Published, Source, Status,
};
use dates::{DateRole, DateValue, Reference};
use gazetteer::{GAZETTEER, Gazetteer, PlaceMention};
use layout::{Layout, Sentence};
use triggers::{Form, Framing, TriggerHit, Word};

/// One event as reported by one sentence, before merging.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Strike or deployment.
    pub kind: EventKind,
    /// Gazetteer entry index of the place.
    pub place: usize,
    /// When.
    pub date: Option<DateSpan>,
    /// Side that acted.
    pub actor: Option<String>,
    /// Side acted upon.
    pub target: Option<String>,
    /// Reported, claimed or denied.
    pub status: Status,
    /// 0..1.
    pub confidence: f64,
    /// The sentence.
    pub source: Source,
}

/// The date of an event and, when written in its sentence, the byte range of the date words;
/// `None` instead when the sentence is about the future.
type EventDate = (Option<DateSpan>, Option<(usize, usize)>);

/// A place resolved in an article: byte span and the chosen gazetteer entry.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Located {
    start: usize,
    end: usize,
    entry: usize,
    /// Whether context had to choose between several places of that name.
    ambiguous: bool,
}

/// Everything about an article that sentences need: places, section dates, outbreak.
struct ArticleContext<'a> {
    text: &'a str,
    gazetteer: &'a Gazetteer,
    layout: Layout,
    places: Vec<Located>,
    /// Reference date of each section, and whether it is the section's own date.
    section_refs: Vec<Option<(Reference, DateSource)>>,
    published: Option<Reference>,
    year_hint: Option<i32>,
    outbreak: Option<NaiveDate>,
    dominant_region: std::cell::OnceCell<Option<usize>>,
    dateline_end: usize,
    /// Date expressions of each sentence, found once when first needed.
    sentence_dates: Vec<std::cell::OnceCell<Vec<dates::DateMention>>>,
    /// How often each region, Baku and Yerevan are named in the whole article.
    region_counts: BTreeMap<usize, usize>,
    /// Framing of every trigger in a sentence, by its absolute start.
    framings: Vec<(usize, Framing)>,
}

/// Trigger words plus the region names (and the two capitals) of the gazetteer in one
/// automaton: a single pass over an article finds its triggers and counts what it is about.
struct Scan {
    scanner: scanner::Scanner,
    /// Gazetteer entry of each name pattern (patterns after the triggers).
    entries: Vec<usize>,
}

static SCAN: LazyLock<Option<Scan>> = LazyLock::new(|| {
    let g = &*GAZETTEER;
    let mut patterns: Vec<String> = triggers::TRIGGERS
        .iter()
        .map(|t| t.text.to_owned())
        .collect();
    let mut entries = Vec::new();
    for (i, e) in g.entries.iter().enumerate() {
        if e.kind == PlaceKind::Region || matches!(e.name.as_str(), "Baku" | "Yerevan") {
            for n in std::iter::once(&e.name)
                .chain(&e.alt_names)
                .filter(|n| n.is_ascii() && n.len() >= 3)
            {
                patterns.push(n.clone());
                entries.push(i);
            }
        }
    }
    let scanner = scanner::Scanner::new(&patterns)?;
    Some(Scan { scanner, entries })
});

/// Builds now what is otherwise built on the first article and takes noticeable time (the
/// whole-text DFA, about 0.2 s; the gazetteer; the date patterns), so that a loader can overlap
/// it with reading files.
pub fn prepare() {
    LazyLock::force(&SCAN);
    LazyLock::force(&GAZETTEER);
    dates::prepare();
}

/// The triggers of `text` and how often each region, Baku and Yerevan are named in it.
fn scan(text: &str, gazetteer: &Gazetteer) -> (Vec<TriggerHit>, BTreeMap<usize, usize>) {
    let mut counts = BTreeMap::new();
    let scan = SCAN
        .as_ref()
        .filter(|_| std::ptr::eq(gazetteer, &*GAZETTEER));
    let Some(scan) = scan else {
        return (triggers::find_triggers(text), counts);
    };
    let n_triggers = triggers::TRIGGERS.len();
    let mut hits = Vec::new();
    for m in scan.scanner.find_all(text) {
        if m.pattern < n_triggers {
            if triggers::on_word_boundaries(text, m.start, m.end) {
                hits.push(TriggerHit {
                    start: m.start,
                    end: m.end,
                    trigger: m.pattern,
                });
            }
        } else if let Some(&e) = scan.entries.get(m.pattern - n_triggers) {
            *counts.entry(e).or_default() += 1;
        }
    }
    (hits, counts)
}

#[allow(clippy::expect_used)] // constant pattern
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\p{Lu}[\p{L}'’ .-]{1,40}(?:,[^\n()–—]{1,40}?)?\s*(?:\([^)\n]{1,60}\))?\s*(?:[–—]|--?)\s+").expect("dateline")
});
#[allow(clippy::expect_used)] // constant pattern
static OUTBREAK_TODAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:broke|broken|erupted|began|begun|started|flared)\b[^.!?\n]{0,80}\b(?:today|this morning)\b|\b(?:today|this morning)\b[^.!?\n]{0,40}\b(?:broke out|erupted|began)\b").expect("outbreak")
});
#[allow(clippy::expect_used)] // constant pattern
static THE_CAPITAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)[Tt]he (?:regional |region's |region’s |enclave's |enclave’s )?capital(?-u:\b)",
    )
    .expect("capital")
});

const LOCATIVE: &[&str] = &[
    "in",
    "into",
    "inside",
    "on",
    "at",
    "across",
    "against",
    "toward",
    "towards",
    "near",
    "over",
    "to",
    "throughout",
    "within",
    "around",
    "outside",
    "upon",
];
const SKIPPABLE: &[&str] = &[
    "the",
    "a",
    "an",
    "southern",
    "northern",
    "eastern",
    "western",
    "central",
    "occupied",
    "city",
    "town",
    "village",
    "capital",
    "of",
    "azeri",
    "azerbaijani",
    "armenian",
    "disputed",
    "region",
    "breakaway",
    "border",
    "district",
    "province",
    "territory",
    "itself",
];
/// Verbs whose place is not where a strike or deployment happened.
const NON_EVENT_VERBS: &[&str] = &[
    "according",
    "fled",
    "flee",
    "flees",
    "fleeing",
    "escaped",
    "evacuated",
    "visited",
    "visit",
    "visiting",
    "travelled",
    "traveled",
    "met",
    "meet",
    "meeting",
    "lives",
    "lived",
    "living",
    "born",
    "exiled",
    "deported",
    "displaced",
    "welcomed",
    "hosted",
    // ceremonies and meetings held at a place
    "unveiled",
    "inaugurated",
    "held",
    "commemorated",
    "signed",
    "announced",
];

/// Words that point back at a place named earlier, and what kind of place they can mean.
const ANAPHORA: &[(&str, Anaphor)] = &[
    ("the area", Anaphor::Any),
    ("the region", Anaphor::Region),
    ("the enclave", Anaphor::Region),
    ("the territory", Anaphor::Region),
    ("the city", Anaphor::Town),
    ("the town", Anaphor::Town),
    ("the village", Anaphor::Town),
    ("the settlement", Anaphor::Town),
    ("the district", Anaphor::District),
];

/// What an anaphoric phrase can refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Anaphor {
    /// Any place but a country.
    Any,
    /// A region (Nagorno-Karabakh), or the article's main region.
    Region,
    /// A city, town or village.
    Town,
    /// A district or province.
    District,
}

impl Anaphor {
    fn accepts(self, kind: PlaceKind) -> bool {
        match self {
            Self::Any => kind != PlaceKind::Country,
            Self::Region => kind == PlaceKind::Region,
            Self::Town => matches!(kind, PlaceKind::City | PlaceKind::Town | PlaceKind::Village),
            Self::District => matches!(kind, PlaceKind::District | PlaceKind::Province),
        }
    }
}

/// Extracts event mentions from one article with the bundled gazetteer.
pub fn extract_article(article: &Article) -> Vec<Mention> {
    extract_with(article, &GAZETTEER)
}

/// Extracts event mentions from one article with `gazetteer`.
pub fn extract_with(article: &Article, gazetteer: &Gazetteer) -> Vec<Mention> {
    let text = article.text.as_str();
    let (hits, region_counts) = scan(text, gazetteer);
    if hits.is_empty() {
        return Vec::new();
    }
    let ctx = ArticleContext::new(article, gazetteer, &hits, region_counts);
    let mut mentions = Vec::new();
    let mut paragraph_claims: Vec<(usize, usize)> = Vec::new(); // (paragraph, first mention index)
    for (index, sentence) in ctx.layout.sentences.iter().enumerate() {
        let Some(sentence_text) = text.get(sentence.start..sentence.end) else {
            continue;
        };
        let claims_nearby = paragraph_claims
            .last()
            .is_some_and(|(p, _)| *p + 1 >= sentence.paragraph);
        if claims_nearby && triggers::denies_claims(sentence_text) {
            deny_recent_claims(&mut mentions, &paragraph_claims, sentence.paragraph);
        }
        let lo = hits.partition_point(|h| h.start < sentence.start);
        let hi = hits.partition_point(|h| h.start < sentence.end);
        let Some(sentence_hits) = hits.get(lo..hi).filter(|h| !h.is_empty()) else {
            continue;
        };
        if is_caption(sentence_text) {
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
        ctx.sentence_mentions(article, index, sentence, &relative, &mut mentions);
        if mentions.len() > first {
            paragraph_claims.push((sentence.paragraph, first));
        }
    }
    drop_subsumed_countries(&mut mentions, gazetteer);
    mentions
}

/// Marks claimed mentions of this paragraph (or the previous one) as denied.
fn deny_recent_claims(
    mentions: &mut [Mention],
    paragraph_claims: &[(usize, usize)],
    paragraph: usize,
) {
    let from = paragraph_claims
        .iter()
        .filter(|(p, _)| *p + 1 >= paragraph)
        .map(|(_, i)| *i)
        .min();
    if let Some(from) = from {
        for m in mentions
            .iter_mut()
            .skip(from)
            .filter(|m| m.status == Status::Claimed)
        {
            m.status = Status::Denied;
            m.confidence = (m.confidence - 0.1).max(0.05);
        }
    }
}

/// Photo captions and credits are not reports.
fn is_caption(sentence: &str) -> bool {
    let head = sentence.trim_start();
    let starts = |p: &str| {
        head.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    };
    [
        "photo",
        "image",
        "picture",
        "file photo",
        "caption",
        "video:",
        "watch:",
        "pictured",
    ]
    .iter()
    .any(|p| starts(p))
        || CAPTION_CUES.is_match(sentence)
        || sentence
            .get(sentence.len().saturating_sub(5)..)
            .is_some_and(|t| t.eq_ignore_ascii_case("/ afp"))
}

#[allow(clippy::expect_used)] // constant patterns
static CAPTION_CUES: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(["(photo:", "getty images"])
        .expect("caption automaton")
});

impl<'a> ArticleContext<'a> {
    fn new(
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
        let dateline_end = DATELINE
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
        let published = article
            .published
            .and_then(|p| p.span())
            .map(|(start, end)| Reference { start, end });
        let year_hint = article.published.map(|p| match p {
            Published::Day(d) => chrono::Datelike::year(&d),
            Published::Month(y, _) | Published::Year(y) => y,
        });
        let mut ctx = Self {
            text,
            gazetteer,
            layout,
            places: Vec::new(),
            section_refs: Vec::new(),
            published,
            year_hint,
            outbreak: None,
            dominant_region: std::cell::OnceCell::new(),
            dateline_end,
            region_counts,
            sentence_dates: Vec::new(),
            framings: Vec::new(),
        };
        ctx.sentence_dates = (0..ctx.layout.sentences.len())
            .map(|_| std::cell::OnceCell::new())
            .collect();
        // Places only where a trigger is, plus the region names the whole article is about.
        let mut found = Vec::new();
        for sentence in &ctx.layout.sentences {
            let lo = hits.partition_point(|h| h.start < sentence.start);
            let hi = hits.partition_point(|h| h.start < sentence.end);
            let stext = text.get(sentence.start..sentence.end).unwrap_or_default();
            // threats, plans and denials report nothing: no need to look for their places
            let mut factual = false;
            for h in hits.get(lo..hi).unwrap_or_default() {
                let f = triggers::framing(stext, h.start - sentence.start);
                factual |= f == Framing::Factual;
                ctx.framings.push((h.start, f));
            }
            if factual {
                found.extend(ctx.find_places(sentence.start, sentence.end));
            }
        }
        ctx.places = ctx.resolve_places(found);
        ctx.places.extend(ctx.capital_mentions());
        ctx.places.sort_by_key(|l| l.start);
        ctx.section_dates();
        ctx
    }

    /// Place names in `start..end` of the text, with absolute offsets.
    fn find_places(&self, start: usize, end: usize) -> Vec<PlaceMention> {
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
    fn resolve_places(&self, found: Vec<PlaceMention>) -> Vec<Located> {
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
    fn capital_mentions(&self) -> Vec<Located> {
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
                        || words_before(before, 1)
                            .iter()
                            .any(|w| triggers::side_of(w).is_some());
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
    fn is_compound(&self, l: &Located) -> bool {
        let before = self.text.get(..l.start).unwrap_or_default();
        let after = self.text.get(l.end..).unwrap_or_default();
        let joined_after = (after.starts_with('-') || after.starts_with('–'))
            && after.chars().nth(1).is_some_and(char::is_uppercase);
        let joined_before = (before.ends_with('-') || before.ends_with('–'))
            && before.chars().rev().nth(1).is_some_and(char::is_alphabetic);
        joined_after || joined_before
    }

    fn entry_kind(&self, entry: usize) -> PlaceKind {
        self.gazetteer
            .entries
            .get(entry)
            .map_or(PlaceKind::Country, |e| e.kind)
    }

    /// Region names counted over the whole article.
    fn counts(&self) -> &BTreeMap<usize, usize> {
        &self.region_counts
    }

    /// Framing of the trigger starting at absolute byte `start` of the text.
    fn framing_at(&self, stext: &str, sentence_start: usize, hit: &TriggerHit) -> Framing {
        let start = hit.start + sentence_start;
        let i = self.framings.partition_point(|(s, _)| *s < start);
        match self.framings.get(i) {
            Some((s, f)) if *s == start => *f,
            _ => triggers::framing(stext, hit.start),
        }
    }

    /// The region the article is mostly about, computed when first needed.
    fn dominant(&self) -> Option<usize> {
        *self.dominant_region.get_or_init(|| self.dominant_region())
    }

    fn dominant_region(&self) -> Option<usize> {
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

    /// Reference dates of sections: a dated heading, a day count from the outbreak
    /// ("the fifth day"), the outbreak itself ("broke out today"), else the section above.
    fn section_dates(&mut self) {
        let sections = self.layout.sections.clone();
        let heading_dates: Vec<Option<NaiveDate>> = sections
            .iter()
            .map(|s| {
                s.heading
                    .and_then(|(a, b)| self.text.get(a..b))
                    .and_then(|h| dates::first_heading_date(h, self.year_hint))
            })
            .collect();
        let day_counts: Vec<Option<u32>> = sections
            .iter()
            .map(|s| {
                let body = self.text.get(s.start..s.end).unwrap_or_default();
                dates::day_of_fighting(body)
            })
            .collect();
        // "broke out today" only matters on pages that count days of fighting
        let counting = day_counts.iter().any(Option::is_some);
        let outbreak_today: Vec<bool> = sections
            .iter()
            .map(|s| {
                let body = self.text.get(s.start..s.end).unwrap_or_default();
                counting
                    && (body.contains("today") || body.contains("morning"))
                    && OUTBREAK_TODAY.is_match(body)
            })
            .collect();
        let published_day = self.published.filter(|r| r.start == r.end).map(|r| r.start);
        // Outbreak from a section whose date is known.
        for (i, known) in heading_dates.iter().enumerate() {
            let known = known.or(if i == 0 { published_day } else { None });
            let Some(date) = known else { continue };
            if let Some(n) = day_counts.get(i).copied().flatten() {
                self.outbreak = Some(date - Duration::days(i64::from(n.max(1)) - 1));
                break;
            }
            if outbreak_today.get(i).copied().unwrap_or(false) {
                self.outbreak = Some(date);
                break;
            }
        }
        let mut previous: Option<(Reference, DateSource)> =
            self.published.map(|r| (r, DateSource::Published));
        for (i, _) in sections.iter().enumerate() {
            let own = if let Some(d) = heading_dates.get(i).copied().flatten() {
                Some((Reference::day(d), DateSource::Section))
            } else if let (Some(n), Some(o)) = (day_counts.get(i).copied().flatten(), self.outbreak)
            {
                Some((
                    Reference::day(o + Duration::days(i64::from(n.max(1)) - 1)),
                    DateSource::Section,
                ))
            } else if let (true, Some(o), true) = (
                outbreak_today.get(i).copied().unwrap_or(false),
                self.outbreak,
                i > 0,
            ) {
                Some((Reference::day(o), DateSource::Section))
            } else {
                None
            };
            let reference = own.or(previous);
            self.section_refs.push(reference);
            previous = reference;
        }
    }

    /// The date expressions of sentence `index`, computed once.
    fn dates_of(&self, index: usize) -> &[dates::DateMention] {
        match self.sentence_dates.get(index) {
            Some(cell) => cell.get_or_init(|| {
                let s = self.layout.sentences.get(index);
                s.and_then(|s| self.text.get(s.start..s.end))
                    .map(dates::find_dates)
                    .unwrap_or_default()
            }),
            None => &[],
        }
    }

    fn section_ref(&self, section: usize) -> Option<(Reference, DateSource)> {
        self.section_refs.get(section).copied().flatten()
    }

    /// The sentence's places (absolute byte spans), with countries and capitals kept only
    /// where a preposition or a trigger governs them.
    fn sentence_places(&self, sentence: &Sentence, triggers_abs: &[TriggerHit]) -> Vec<Located> {
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
    fn governed_by_other_verb(&self, sentence_start: usize, place: &Located) -> bool {
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
    fn governed(
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

    fn sentence_mentions(
        &self,
        article: &Article,
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
        let usable: Vec<(TriggerHit, Framing)> = hits
            .iter()
            .filter(|h| self.usable_form(stext, h, hits))
            .map(|h| (*h, self.framing_at(stext, sentence.start, h)))
            .collect();
        // Each place goes to the nearest verb-like trigger on its left, else on its right;
        // force nouns ("peacekeepers in X") take only the place their preposition governs.
        let mut owned: Vec<Vec<Located>> = vec![Vec::new(); usable.len()];
        let claims = |(_, (h, _)): &(usize, &(TriggerHit, Framing))| h.def().form != Form::PrepNoun;
        for p in &places {
            let rel_start = p.start - sentence.start;
            let rel_end = p.end - sentence.start;
            let left = usable
                .iter()
                .enumerate()
                .filter(claims)
                .filter(|(_, (h, _))| h.end <= rel_start)
                .max_by_key(|(_, (h, _))| h.end);
            let right = usable
                .iter()
                .enumerate()
                .filter(claims)
                .filter(|(_, (h, _))| h.start >= rel_end)
                .min_by_key(|(_, (h, _))| h.start);
            let owner = match (left, right) {
                (Some((li, (lh, _))), Some((ri, (rh, _)))) => {
                    // A place before a trigger goes left only when close to that trigger's phrase.
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
        let mut previous_places: Vec<Located> = Vec::new();
        for (i, (hit, framing)) in usable.iter().enumerate() {
            let def = hit.def();
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
                } else if let Some(p) = self.target_fallback(stext, hit) {
                    mine.push(p);
                    confidence -= 0.25;
                }
            }
            // Regions and countries only when nothing more specific is given; a district or
            // province only when no town of the same report lies in or near it.
            let snapshot = mine.clone();
            mine.retain(|p| {
                let rank = self.entry_kind(p.entry).specificity_rank();
                !snapshot.iter().any(|q| {
                    let q_rank = self.entry_kind(q.entry).specificity_rank();
                    q_rank < rank
                        && (rank >= 4
                            || rank == 3
                                && distance_km(
                                    self.gazetteer.entries.get(p.entry),
                                    self.gazetteer.entries.get(q.entry),
                                ) < 60.0)
                })
            });
            mine.dedup_by_key(|p| p.entry);
            if !mine.is_empty() {
                previous_places = mine.clone();
            }
            if *framing != Framing::Factual || mine.is_empty() {
                continue;
            }
            if def.kind == EventKind::Deployment
                && triggers::is_withdrawal(
                    stext
                        .get(triggers::clause_start(stext, hit.start)..)
                        .unwrap_or_default(),
                )
            {
                continue;
            }
            let Some((date, date_words)) = self.date_for(index, sentence, hit) else {
                continue;
            };
            let status = if triggers::is_claim(stext, hit.start) {
                // "…shelled Azerbaijani positions, a claim denied by Yerevan"
                if triggers::denies_claims(stext.get(hit.end..).unwrap_or_default()) {
                    Status::Denied
                } else {
                    Status::Claimed
                }
            } else {
                Status::Reported
            };
            let actor = triggers::actor(stext, hit.start, hit.end);
            let target = triggers::target(stext, hit.end);
            let trigger = stext.get(hit.start..hit.end).unwrap_or_default();
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
                    actor: actor.map(str::to_owned),
                    target: target.map(str::to_owned),
                    status,
                    confidence: c.clamp(0.05, 0.99),
                    source: Source {
                        article: article.path.clone(),
                        sentence: stext.to_owned(),
                        start: sentence.start as u64,
                        end: sentence.end as u64,
                        trigger: trigger.to_owned(),
                        highlights: highlights(sentence.start, hit, &p, date_words),
                    },
                });
            }
        }
    }

    /// Whether a trigger is used in the way its form requires.
    fn usable_form(&self, stext: &str, hit: &TriggerHit, all: &[TriggerHit]) -> bool {
        let def = hit.def();
        let after = stext.get(hit.end..).unwrap_or_default();
        match def.form {
            Form::Plain | Form::Intransitive => {
                // "struck a deal", "attack helicopter", "strike force" are not attacks on a place
                let next = words_after(after, 1);
                let next = next.first().map(Word::as_str).unwrap_or_default();
                !matches!(
                    next,
                    "deal"
                        | "agreement"
                        | "helicopter"
                        | "helicopters"
                        | "drones"
                        | "aircraft"
                        | "force"
                        | "group"
                        | "submarine"
                        | "dog"
                ) || def.kind == EventKind::Deployment
            }
            // passive: "the cathedral was targeted twice"
            Form::Transitive
                if words_before(stext.get(..hit.start).unwrap_or_default(), 1)
                    .first()
                    .is_some_and(|w| {
                        matches!(w.as_str(), "was" | "were" | "been" | "being" | "is" | "are")
                    }) =>
            {
                true
            }
            Form::Transitive => {
                let trimmed = after.trim_start();
                let next_word = words_after(after, 1);
                let next = next_word.first().map(Word::as_str).unwrap_or_default();
                let capital = trimmed.chars().next().is_some_and(char::is_uppercase);
                (capital
                    || matches!(
                        next,
                        "the"
                            | "a"
                            | "an"
                            | "its"
                            | "their"
                            | "his"
                            | "civilian"
                            | "civilians"
                            | "residential"
                            | "positions"
                            | "villages"
                            | "settlements"
                            | "military"
                            | "near"
                            | "at"
                            | "on"
                            | "across"
                            | "along"
                            | "in"
                            | "into"
                            | "inside"
                            | "targets"
                    ))
                    && !matches!(next, "a" if words_after(after, 2).get(1).is_some_and(|w| w == "deal"))
            }
            Form::NeedsForce => triggers::mentions_force(stext),
            Form::NeedsWeapon => {
                triggers::weapon_before(stext, hit.start)
                    || triggers::weapon_after_by(stext, hit.end)
            }
            Form::PrepNoun => {
                // "fired at Azeri troops in Gadabay": the force noun is a strike's target, not a deployment
                !all.iter().any(|o| {
                    o.def().kind == EventKind::Strike
                        && o.end <= hit.start
                        && hit.start - o.end <= 40
                })
            }
        }
    }

    /// For "peacekeepers in X": the places right after a locative preposition following the noun.
    fn prep_noun_places(
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
            let gap_words: Vec<Word<'_>> = triggers::words(gap).collect();
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
    fn anaphora_place(&self, stext: &str, index: usize) -> Option<Located> {
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
    fn target_fallback(&self, stext: &str, hit: &TriggerHit) -> Option<Located> {
        if hit.def().kind != EventKind::Strike {
            return None;
        }
        let region = self.dominant()?;
        let ws = words_after(stext.get(hit.end..).unwrap_or_default(), 3);
        let prep = ws
            .first()
            .is_some_and(|w| matches!(w.as_str(), "on" | "at" | "against" | "upon"));
        let side = ws.iter().skip(1).any(|w| {
            triggers::side_of(w).is_some()
                || matches!(w.as_str(), "enemy" | "separatist" | "separatists")
        });
        (prep && side).then_some(Located {
            start: hit.start,
            end: hit.end,
            entry: region,
            ambiguous: false,
        })
    }

    /// The event date: a date in the sentence, else one carried from the paragraph's previous
    /// sentences, else the section's or the publication date. `None` (outer) means the
    /// sentence is about the future and reports no event.
    fn date_for(&self, index: usize, sentence: &Sentence, hit: &TriggerHit) -> Option<EventDate> {
        let section = self.section_ref(sentence.section);
        let reference = section.map(|(r, _)| r);
        let found = self.dates_of(index);
        let year_hint = found
            .iter()
            .find_map(|d| match d.value {
                DateValue::Day { year: Some(y), .. }
                | DateValue::Month { year: Some(y), .. }
                | DateValue::Year(y) => Some(y),
                _ => None,
            })
            .or(self.year_hint);
        let nearest = found
            .iter()
            .filter(|d| d.role != DateRole::Bound)
            .min_by_key(|d| {
                if d.end <= hit.start {
                    hit.start - d.end
                } else {
                    d.start.saturating_sub(hit.end)
                }
            });
        if let Some(d) = nearest {
            if d.role == DateRole::Future {
                return None;
            }
            if let Some(span) = dates::resolve(d.value, reference, year_hint, self.outbreak) {
                if self.after_publication(&span) {
                    return None;
                }
                return Some((Some(span), Some((d.start, d.end))));
            }
        }
        // carried from the paragraph
        for prev_index in (index.saturating_sub(3)..index).rev() {
            if self
                .layout
                .sentences
                .get(prev_index)
                .is_none_or(|p| p.paragraph != sentence.paragraph)
            {
                continue;
            }
            let carried = self
                .dates_of(prev_index)
                .iter()
                .rfind(|d| d.role == DateRole::At);
            if let Some(span) =
                carried.and_then(|d| dates::resolve(d.value, reference, year_hint, self.outbreak))
                && !self.after_publication(&span)
            {
                return Some((Some(span), None));
            }
        }
        let from_section = section.map(|(r, source)| {
            let precision = if r.start == r.end {
                Precision::Day
            } else if r.start.format("%Y").to_string() == r.end.format("%Y").to_string()
                && (r.end - r.start).num_days() > 31
            {
                Precision::Year
            } else {
                Precision::Month
            };
            DateSpan::range(r.start, r.end, precision, source)
        });
        Some((from_section, None))
    }

    fn after_publication(&self, span: &DateSpan) -> bool {
        self.published
            .is_some_and(|p| span.start > p.end + Duration::days(1))
    }
}

/// The last `n` words of `text`, in text order.
fn highlights(
    sentence_start: usize,
    hit: &TriggerHit,
    place: &Located,
    date_words: Option<(usize, usize)>,
) -> Vec<Highlight> {
    let mut out = vec![Highlight {
        start: hit.start,
        end: hit.end,
        role: HighlightRole::Trigger,
    }];
    // a fallback place (from an earlier sentence or the article's region) is not in this sentence
    let inside = place.start >= sentence_start
        && !(place.start == hit.start + sentence_start && place.end == hit.end + sentence_start);
    if inside {
        out.push(Highlight {
            start: place.start - sentence_start,
            end: place.end - sentence_start,
            role: HighlightRole::Place,
        });
    }
    if let Some((start, end)) = date_words {
        out.push(Highlight {
            start,
            end,
            role: HighlightRole::Date,
        });
    }
    out.sort_by_key(|h| h.start);
    out
}

fn words_before(text: &str, n: usize) -> Vec<Word<'_>> {
    let mut ws: Vec<Word<'_>> = triggers::words_rev(text).take(n).collect();
    ws.reverse();
    ws
}

/// The first `n` words of `text`.
fn words_after(text: &str, n: usize) -> Vec<Word<'_>> {
    triggers::words(text).take(n).collect()
}

fn distance_km(a: Option<&gazetteer::Entry>, b: Option<&gazetteer::Entry>) -> f64 {
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
fn drop_subsumed_countries(mentions: &mut Vec<Mention>, gazetteer: &Gazetteer) {
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

/// Folds mentions into events: one per kind, place and date, listing every source, sorted by
/// date (undated last), place, kind.
pub fn merge(mentions: Vec<Mention>) -> Vec<Event> {
    merge_with(mentions, &GAZETTEER)
}

/// [`merge`] with an explicit gazetteer.
pub fn merge_with(mentions: Vec<Mention>, gazetteer: &Gazetteer) -> Vec<Event> {
    type Key = (Option<(NaiveDate, NaiveDate)>, String, EventKind);
    let mut groups: BTreeMap<Key, Vec<Mention>> = BTreeMap::new();
    for m in mentions {
        let Some(place) = gazetteer.entries.get(m.place) else {
            continue;
        };
        let key = (m.date.map(|d| (d.start, d.end)), place.name.clone(), m.kind);
        groups.entry(key).or_default().push(m);
    }
    let mut events: Vec<Event> = groups
        .into_iter()
        .filter_map(|((span, _, kind), mut group)| {
            group.sort_by(|a, b| {
                (a.source.article.as_str(), a.source.start)
                    .cmp(&(b.source.article.as_str(), b.source.start))
            });
            group.dedup_by(|a, b| {
                a.source.article == b.source.article && a.source.start == b.source.start
            });
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
            let mode = |f: fn(&Mention) -> Option<&String>| {
                let mut counts: BTreeMap<&String, usize> = BTreeMap::new();
                for m in &group {
                    if let Some(v) = f(m) {
                        *counts.entry(v).or_default() += 1;
                    }
                }
                counts
                    .into_iter()
                    .max_by_key(|(_, n)| *n)
                    .map(|(v, _)| v.clone())
            };
            let actor = mode(|m| m.actor.as_ref());
            let target = mode(|m| m.target.as_ref());
            let id = event_id(kind, &place.name, span);
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
                sources: group.into_iter().map(|m| m.source).collect(),
            })
        })
        .collect();
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
    events
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
