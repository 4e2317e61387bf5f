//! Words of a sentence as the extractor compares them: lower-case, typographic apostrophes
//! straightened, hyphenated words kept whole; walked forwards or backwards without allocating
//! for ordinary words.

pub(super) fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '-')
}

/// Whether `start..end` of `text` is a whole word (hyphenated words count as one).
pub(crate) fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    !is_word_char(before) && !is_word_char(after)
}

pub(super) fn is_word_part(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'
}

/// A normalised word: lower-case, typographic apostrophes straightened. Borrowed when the
/// text already is so, kept inline when short, allocated only for long non-ASCII words.
#[derive(Clone, Debug)]
pub(crate) enum Word<'a> {
    /// The text itself.
    Borrowed(&'a str),
    /// A short lower-cased ASCII copy (read back without checking its UTF-8 again).
    Inline(arrayvec::ArrayString<24>),
    /// Anything else.
    Owned(String),
}

impl std::ops::Deref for Word<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Word::Borrowed(s) => s,
            Word::Inline(s) => s,
            Word::Owned(s) => s,
        }
    }
}

impl PartialEq<str> for Word<'_> {
    fn eq(&self, other: &str) -> bool {
        **self == *other
    }
}

impl PartialEq<&str> for Word<'_> {
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}

impl Word<'_> {
    /// The word as a string slice.
    pub fn as_str(&self) -> &str {
        self
    }
}

pub(super) fn normal_word(w: &str) -> Word<'_> {
    if !w.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
        return Word::Borrowed(w);
    }
    if w.is_ascii()
        && let Ok(mut short) = arrayvec::ArrayString::<24>::from(w)
    {
        short.make_ascii_lowercase();
        return Word::Inline(short);
    }
    Word::Owned(w.to_lowercase().replace('’', "'"))
}

/// Lower-case words of `text` (apostrophes kept inside words, typographic ones straightened).
pub(crate) fn words(text: &str) -> impl Iterator<Item = Word<'_>> + '_ {
    text.split(|c: char| !is_word_part(c))
        .filter(|w| !w.is_empty())
        .map(normal_word)
}

/// The words of `text` from the last one backwards.
pub(crate) fn words_rev(text: &str) -> impl Iterator<Item = Word<'_>> + '_ {
    text.rsplit(|c: char| !is_word_part(c))
        .filter(|w| !w.is_empty())
        .map(normal_word)
}

/// The most words [`words_before`] and [`words_after`] give: the rules read a few words
/// around a trigger or place, never more.
pub(super) const NEARBY: usize = 6;

/// Words read around a trigger or place, kept on the stack.
pub(super) type Nearby<'a> = arrayvec::ArrayVec<Word<'a>, NEARBY>;

/// The last `n` words of `text` (at most [`NEARBY`]), in text order.
pub(super) fn words_before(text: &str, n: usize) -> Nearby<'_> {
    let mut ws: Nearby<'_> = words_rev(text).take(n.min(NEARBY)).collect();
    ws.reverse();
    ws
}

/// The first `n` words of `text` (at most [`NEARBY`]).
pub(super) fn words_after(text: &str, n: usize) -> Nearby<'_> {
    words(text).take(n.min(NEARBY)).collect()
}
