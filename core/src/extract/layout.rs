//! Text layout: paragraphs, headings, sections (posts of a multi-post page) and sentences, all
//! as byte ranges into the article text.

/// One sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character (trailing space trimmed).
    pub end: usize,
    /// Index of its paragraph.
    pub paragraph: usize,
    /// Index of its section.
    pub section: usize,
    /// Whether the paragraph is a heading line.
    pub heading: bool,
}

/// A section: the text under one heading, or after a wide gap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Section {
    /// Byte range of the heading line, if the section starts with one.
    pub heading: Option<(usize, usize)>,
    /// Byte offset where the section starts.
    pub start: usize,
    /// Byte offset where it ends.
    pub end: usize,
}

/// Sentences and sections of one text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// Every sentence in text order.
    pub sentences: Vec<Sentence>,
    /// Every section in text order (at least one for a non-empty text).
    pub sections: Vec<Section>,
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "st", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "approx", "u.s",
    "u.n", "u.k", "e.g", "i.e", "etc", "inc", "corp", "gov", "sen", "rep", "pres", "prof",
];

/// A line is a heading when short, without final sentence punctuation, and mostly capitalised
/// words (or holding a date), standing alone as a paragraph.
fn looks_like_heading(line: &str) -> bool {
    let line = line.trim();
    if line.len() > 480 || line.ends_with(['.', ',', ';', '!', '"', '”']) {
        return false;
    }
    if line.chars().count() > 120 {
        return false;
    }
    let (mut words, mut capitalised) = (0usize, 0usize);
    for w in line.split_whitespace() {
        words += 1;
        if words > 16 {
            return false;
        }
        if w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            capitalised += 1;
        }
    }
    if words == 0 {
        return false;
    }
    capitalised * 2 >= words || crate::dates::first_full_date(line).is_some()
}

/// A headline in sentence case: a few words without final punctuation, standing alone
/// ("Armenia says Azerbaijani fire killed soldier on border").
fn looks_like_headline(line: &str) -> bool {
    let line = line.trim();
    // counting stops past the most a headline has
    let words = line.split_whitespace().take(21).count();
    (2..=20).contains(&words)
        && !line.ends_with(['.', ',', ';', ':', '"', '”', '…'])
        && line.chars().next().is_some_and(char::is_uppercase)
}

/// Splits `text` into paragraphs, sections and sentences.
pub fn layout(text: &str) -> Layout {
    layout_with(text, |_, _| true)
}

/// Like [`layout`], but splits into sentences only the paragraphs (byte ranges) for which
/// `split` is true; the others stay one span each. Extraction splits only paragraphs that hold
/// a trigger word, so most of a long article is scanned once, line by line.
pub fn layout_with(text: &str, split: impl Fn(usize, usize) -> bool) -> Layout {
    let mut sentences = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    let mut paragraph = 0usize;
    let mut blank_run = 0usize;
    let mut offset = 0usize;
    for raw_line in text.split_inclusive('\n') {
        let line_start = offset;
        offset += raw_line.len();
        let line = raw_line.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            blank_run += 1;
            continue;
        }
        // the first line is the headline when it reads as one, in sentence case too
        let first_line = sentences.is_empty() && sections.is_empty();
        let heading = looks_like_heading(line) || (first_line && looks_like_headline(line));
        let wide_gap = blank_run >= 2;
        if sections.is_empty() || heading || wide_gap {
            // Consecutive heading lines (title, then subtitle) stay in one section.
            let previous_was_heading = sentences.last().is_some_and(|s: &Sentence| s.heading)
                && blank_run <= 1
                && !wide_gap;
            if !(previous_was_heading && heading) || sections.is_empty() {
                if let Some(last) = sections.last_mut() {
                    last.end = line_start;
                }
                let heading_span = heading.then(|| {
                    let lead = line.len() - line.trim_start().len();
                    (line_start + lead, line_start + line.trim_end().len())
                });
                sections.push(Section {
                    heading: heading_span,
                    start: line_start,
                    end: text.len(),
                });
            }
        }
        blank_run = 0;
        let section = sections.len().saturating_sub(1);
        let line_end = line_start + line.len();
        if heading || !split(line_start, line_end) {
            push_trimmed(
                &mut sentences,
                text,
                line_start,
                line_end,
                paragraph,
                section,
                heading,
            );
        } else {
            split_sentences(
                text,
                line_start,
                line_end,
                paragraph,
                section,
                &mut sentences,
            );
        }
        paragraph += 1;
    }
    Layout {
        sentences,
        sections,
    }
}

fn push_trimmed(
    out: &mut Vec<Sentence>,
    text: &str,
    start: usize,
    end: usize,
    paragraph: usize,
    section: usize,
    heading: bool,
) {
    let Some(slice) = text.get(start..end) else {
        return;
    };
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if trimmed.is_empty() {
        return;
    }
    let s = start + lead;
    out.push(Sentence {
        start: s,
        end: s + trimmed.len(),
        paragraph,
        section,
        heading,
    });
}

/// Splits one line into sentences at `.`, `!`, `?` (with closing quotes) followed by space and
/// an upper-case letter, digit or opening quote, except after abbreviations and initials.
fn split_sentences(
    text: &str,
    start: usize,
    end: usize,
    paragraph: usize,
    section: usize,
    out: &mut Vec<Sentence>,
) {
    let Some(line) = text.get(start..end) else {
        return;
    };
    let bytes = line.as_bytes();
    let mut sentence_start = 0usize;
    let mut from = 0usize;
    while let Some(found) = bytes
        .get(from..)
        .and_then(|rest| memchr::memchr3(b'.', b'!', b'?', rest))
    {
        let i = from + found;
        let b = bytes.get(i).copied().unwrap_or(0);
        let mut j = i + 1;
        // closing quotes and brackets belong to the sentence
        loop {
            let rest = line.get(j..).unwrap_or_default();
            let Some(c) = rest.chars().next() else { break };
            if matches!(c, '"' | '\'' | '”' | '’' | ')' | ']') {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        // citation markers belong to the sentence they follow ("region.[9] Until")
        while let Some(marker) = line.get(j..).and_then(citation_marker) {
            j += marker;
        }
        let rest = line.get(j..).unwrap_or_default();
        let after_space = rest.trim_start();
        let has_space = rest.len() > after_space.len();
        let next = after_space.chars().next();
        let boundary = has_space
            && next.is_some_and(|c| {
                c.is_uppercase()
                    || c.is_ascii_digit()
                    || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[')
            })
            && !(b == b'.' && is_abbreviation(line.get(sentence_start..i).unwrap_or_default()));
        if boundary {
            push_trimmed(
                out,
                text,
                start + sentence_start,
                start + j,
                paragraph,
                section,
                false,
            );
            sentence_start = j;
        }
        from = j;
    }
    push_trimmed(
        out,
        text,
        start + sentence_start,
        end,
        paragraph,
        section,
        false,
    );
}

/// Whether a line is a field of an infobox or a fact list: "- Date: 4 October 2020",
/// "- Location: Ganja, Azerbaijan".
pub fn is_infobox_field(line: &str) -> bool {
    let Some(rest) = line.trim_start().strip_prefix(['-', '*', '•']) else {
        return false;
    };
    let rest = rest.trim_start();
    rest.find(':').is_some_and(|colon| {
        let key = rest.get(..colon).unwrap_or_default();
        !key.is_empty() && key.len() <= 24 && key.chars().all(|c| c.is_alphabetic() || c == ' ')
    })
}

/// The length of a citation marker ("[9]", "[12]", "[a]") at the start of `rest`.
fn citation_marker(rest: &str) -> Option<usize> {
    let inner = rest.strip_prefix('[')?;
    let close = inner.find(']')?;
    let label = inner.get(..close)?;
    let short = !label.is_empty() && label.len() <= 4;
    (short && label.chars().all(|c| c.is_ascii_alphanumeric())).then_some(close + 2)
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or_default();
    // single initials ("J. Smith") and dotted abbreviations ("U.S")
    let mut chars = word.chars();
    let initial = chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none();
    initial || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        layout(text)
            .sentences
            .iter()
            .filter_map(|s| text.get(s.start..s.end))
            .collect()
    }

    #[test]
    fn splits_on_sentence_ends_not_abbreviations() {
        let text = "U.S. officials met Gen. Smith on Sept. 27. Shelling resumed. “It hit us,” he said. Why? Because.";
        assert_eq!(
            texts(text),
            [
                "U.S. officials met Gen. Smith on Sept. 27.",
                "Shelling resumed.",
                "“It hit us,” he said.",
                "Why?",
                "Because."
            ]
        );
    }

    #[test]
    fn headings_start_sections() {
        let text = "Escalation In the Caucasus?\n\nFirst post text here. More.\n\n\nSecond post with no heading.\n\nAzerbaijan-Armenia Update: 28 September, 2020\n\nThird post.";
        let l = layout(text);
        assert_eq!(l.sections.len(), 3, "{:?}", l.sections);
        let third = l
            .sections
            .get(2)
            .and_then(|s| s.heading)
            .and_then(|(a, b)| text.get(a..b));
        assert_eq!(third, Some("Azerbaijan-Armenia Update: 28 September, 2020"));
        assert!(
            l.sentences
                .iter()
                .all(|s| s.end <= text.len() && s.start < s.end)
        );
    }

    #[test]
    fn citation_markers_end_the_sentence_they_follow() {
        assert_eq!(
            texts("It is in the region.[9] Until 1992 it was held.[10][11] Then it fell."),
            [
                "It is in the region.[9]",
                "Until 1992 it was held.[10][11]",
                "Then it fell."
            ]
        );
    }
}
