//! Place names in the languages of the region: the name each side uses, from the gazetteer's
//! Who's On First names (Azerbaijani in its Latin alphabet, Armenian in its own script,
//! Russian in Cyrillic), and "both sides" — the Armenian name and the Azerbaijani one, each in
//! English letters ("Stepanakert / Khankandi", "Shushi / Shusha", "Berdzor / Lachin"). A place
//! without a name in the chosen language keeps its English one, marked " (en)".

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::gazetteer::{Entry, Gazetteer};

/// Which names places are shown by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum NameLanguage {
    /// The gazetteer's English names (those of international reporting).
    #[default]
    English,
    /// Azerbaijani, Latin alphabet ("Xankəndi").
    Azerbaijani,
    /// Armenian, Armenian script ("Ստեփանակերտ").
    Armenian,
    /// Russian, Cyrillic ("Степанакерт").
    Russian,
    /// The Armenian name and the Azerbaijani one in English letters, one when they agree.
    BothSides,
}

impl NameLanguage {
    /// Every choice, in menu order.
    pub const ALL: [Self; 5] = [
        Self::English,
        Self::Azerbaijani,
        Self::Armenian,
        Self::Russian,
        Self::BothSides,
    ];

    /// The choice in words.
    pub fn label(self) -> &'static str {
        match self {
            Self::English => "English",
            Self::Azerbaijani => "Azerbaijani",
            Self::Armenian => "Armenian",
            Self::Russian => "Russian",
            Self::BothSides => "Both sides (Armenian / Azerbaijani)",
        }
    }
}

/// The mark of an English name shown for want of one in the chosen language.
pub const FALLBACK_MARK: &str = " (en)";

/// Every name of the place called `name` (a gazetteer name): English, Azerbaijani, Armenian,
/// Russian, each empty where the gazetteer has none.
pub fn all_names<'a>(gazetteer: &'a Gazetteer, name: &'a str) -> [&'a str; 4] {
    let entry = gazetteer.by_name(name).and_then(|i| gazetteer.entry(i));
    let names = entry.map(|e| &e.names);
    [
        name,
        names.and_then(|n| n.az.as_deref()).unwrap_or_default(),
        names.and_then(|n| n.hy.as_deref()).unwrap_or_default(),
        names.and_then(|n| n.ru.as_deref()).unwrap_or_default(),
    ]
}

/// The place called `name` (a gazetteer name, as events carry it) by its name in `language`.
///
/// ```
/// use karabakh_core::gazetteer::GAZETTEER;
/// use karabakh_core::names::{NameLanguage, display_name};
/// let g = &GAZETTEER;
/// assert_eq!(display_name(g, "Stepanakert", NameLanguage::Azerbaijani), "Xankəndi");
/// assert_eq!(display_name(g, "Shusha", NameLanguage::Armenian), "Շուշի");
/// assert_eq!(display_name(g, "Ganja", NameLanguage::Russian), "Гянджа");
/// assert_eq!(display_name(g, "Stepanakert", NameLanguage::BothSides), "Stepanakert / Khankandi");
/// assert_eq!(display_name(g, "Shusha", NameLanguage::BothSides), "Shushi / Shusha");
/// // a name the gazetteer does not hold stays as it is
/// assert_eq!(display_name(g, "Nowhere", NameLanguage::Russian), "Nowhere (en)");
/// ```
pub fn display_name<'a>(
    gazetteer: &'a Gazetteer,
    name: &'a str,
    language: NameLanguage,
) -> Cow<'a, str> {
    name_in(gazetteer, name, language)
        .unwrap_or_else(|| Cow::Owned(format!("{name}{FALLBACK_MARK}")))
}

/// The place called `name` by its name in `language`; `None` when the gazetteer has none
/// (a region label then keeps its English name, unmarked).
///
/// ```
/// use karabakh_core::gazetteer::GAZETTEER;
/// use karabakh_core::names::{NameLanguage, name_in};
/// assert_eq!(name_in(&GAZETTEER, "Ganja", NameLanguage::Armenian).as_deref(), Some("Գանձակ"));
/// assert_eq!(name_in(&GAZETTEER, "Nowhere", NameLanguage::Armenian), None);
/// ```
pub fn name_in<'a>(
    gazetteer: &'a Gazetteer,
    name: &'a str,
    language: NameLanguage,
) -> Option<Cow<'a, str>> {
    if language == NameLanguage::English {
        return Some(Cow::Borrowed(name));
    }
    let entry = gazetteer.by_name(name).and_then(|i| gazetteer.entry(i))?;
    match language {
        NameLanguage::Azerbaijani => entry.names.az.as_deref().map(Cow::Borrowed),
        NameLanguage::Armenian => entry.names.hy.as_deref().map(Cow::Borrowed),
        NameLanguage::Russian => entry.names.ru.as_deref().map(Cow::Borrowed),
        NameLanguage::BothSides => Some(both_sides(entry)),
        NameLanguage::English => None,
    }
}

/// "Armenian name / Azerbaijani name" in English letters, or one name when they agree; a side
/// without a name in the gazetteer takes the English one.
fn both_sides(entry: &Entry) -> Cow<'_, str> {
    let armenian = entry
        .names
        .hy
        .as_deref()
        .map_or_else(|| entry.name.clone(), armenian_to_latin);
    let azerbaijani = entry
        .names
        .az
        .as_deref()
        .map_or_else(|| entry.name.clone(), azerbaijani_to_english);
    let same = |a: &str, b: &str| a.to_lowercase() == b.to_lowercase();
    if same(&armenian, &azerbaijani) {
        Cow::Owned(armenian)
    } else {
        Cow::Owned(format!("{armenian} / {azerbaijani}"))
    }
}

/// Armenian script in English letters, as reporting writes Armenian names ("Շուշի" →
/// "Shushi", "Բերձոր" → "Berdzor"): ե and ո are "ye" and "vo" at the start of a word,
/// ու is "u", և is "ev".
///
/// ```
/// use karabakh_core::names::armenian_to_latin;
/// assert_eq!(armenian_to_latin("Ստեփանակերտ"), "Stepanakert");
/// assert_eq!(armenian_to_latin("Երևան"), "Yerevan");
/// assert_eq!(armenian_to_latin("Մարտունի"), "Martuni");
/// ```
pub fn armenian_to_latin(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut word_start = true;
    while let Some(c) = chars.next() {
        let upper = c.is_uppercase();
        let lower = c.to_lowercase().next().unwrap_or(c);
        let latin: Cow<'static, str> = match lower {
            'ո' if chars.peek().is_some_and(|n| matches!(n, 'ւ' | 'Ւ')) => {
                chars.next();
                "u".into()
            }
            'ե' if word_start => "ye".into(),
            'ո' if word_start => "vo".into(),
            'և' => "ev".into(),
            _ => match armenian_letter(lower) {
                Some(l) => l.into(),
                None => {
                    out.push(c);
                    word_start = !c.is_alphabetic();
                    continue;
                }
            },
        };
        push_letters(&mut out, &latin, upper);
        word_start = false;
    }
    out
}

/// Appends the English letters of one letter, the first capitalised when it was a capital.
fn push_letters(out: &mut String, letters: &str, upper: bool) {
    let mut letters = letters.chars();
    if upper && let Some(first) = letters.next() {
        out.extend(first.to_uppercase());
    }
    out.push_str(letters.as_str());
}

/// One lower-case Armenian letter in English letters.
fn armenian_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'ա' => "a",
        'բ' => "b",
        'գ' => "g",
        'դ' => "d",
        'ե' | 'է' => "e",
        'զ' => "z",
        'ը' => "y",
        'թ' | 'տ' => "t",
        'ժ' => "zh",
        'ի' => "i",
        'լ' => "l",
        'խ' => "kh",
        'ծ' | 'ց' => "ts",
        'կ' | 'ք' => "k",
        'հ' => "h",
        'ձ' => "dz",
        'ղ' => "gh",
        'ճ' | 'չ' => "ch",
        'մ' => "m",
        'յ' => "y",
        'ն' => "n",
        'շ' => "sh",
        'ո' | 'օ' => "o",
        'պ' | 'փ' => "p",
        'ջ' => "j",
        'ռ' | 'ր' => "r",
        'ս' => "s",
        'վ' | 'ւ' => "v",
        'ֆ' => "f",
        _ => return None,
    })
}

/// An Azerbaijani Latin name in English letters, as international reporting writes them
/// ("Xankəndi" → "Khankandi", "Şuşa" → "Shusha", "Ağdərə" → "Aghdara", "Gəncə" → "Ganja").
///
/// ```
/// use karabakh_core::names::azerbaijani_to_english;
/// assert_eq!(azerbaijani_to_english("Laçın"), "Lachin");
/// assert_eq!(azerbaijani_to_english("Qubadlı"), "Gubadli");
/// assert_eq!(azerbaijani_to_english("Füzuli"), "Fuzuli");
/// ```
pub fn azerbaijani_to_english(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    for c in text.chars() {
        let upper = c.is_uppercase();
        let lower = c.to_lowercase().next().unwrap_or(c);
        let english = match lower {
            'ə' | 'ǝ' => "a",
            'x' => "kh",
            'ş' => "sh",
            'ç' => "ch",
            'ğ' => "gh",
            'ı' | 'i' => "i",
            'ö' => "o",
            'ü' => "u",
            'q' => "g",
            'c' => "j",
            'j' => "zh",
            _ => {
                out.push(c);
                continue;
            }
        };
        push_letters(&mut out, english, upper);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::GAZETTEER;

    #[test]
    fn the_names_each_side_uses() {
        let g = &GAZETTEER;
        let both = |n| display_name(g, n, NameLanguage::BothSides).into_owned();
        assert_eq!(both("Lachin"), "Berdzor / Lachin");
        assert_eq!(both("Martakert"), "Martakert / Aghdara");
        assert_eq!(both("Ganja"), "Gandzak / Ganja");
        // where both sides agree, one name
        let entry: Entry = serde_json::from_str(
            r#"{"name": "Tegh", "kind": "village", "lat": 39.56, "lon": 46.48, "country": "AM",
                "names": {"hy": "Տեղ"}}"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(both_sides(&entry), "Tegh");
    }

    #[test]
    fn a_missing_name_falls_back_to_english_marked_and_all_names_are_there_for_exports() {
        let g = &GAZETTEER;
        // Lachin has no Azerbaijani name in the gazetteer's WOF names
        let lachin = display_name(g, "Lachin", NameLanguage::Azerbaijani);
        assert!(lachin == "Lachin (en)" || lachin == "Laçın", "{lachin}");
        let [en, az, hy, ru] = all_names(g, "Stepanakert");
        assert_eq!(
            (en, az, hy, ru),
            ("Stepanakert", "Xankəndi", "Ստեփանակերտ", "Степанакерт")
        );
        assert_eq!(all_names(g, "Nowhere"), ["Nowhere", "", "", ""]);
    }
}
