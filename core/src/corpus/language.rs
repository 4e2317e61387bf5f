//! Whether an article is in English, the only language the extractor reads. An article in
//! another language is not extracted and is listed as a problem that says why, instead of
//! quietly giving no events.
//!
//! Two cheap signs decide: the script most of its letters are in, and for Latin script how
//! often the commonest English words occur (a third of the words of English prose; a few in a
//! hundred of Azerbaijani, Turkish or French).

/// Why `text` is not taken for English, or `None` when it is (or is too short to tell).
///
/// ```
/// use karabakh_core::corpus::language::not_english;
/// assert_eq!(not_english("Azerbaijani forces shelled the village of Tegh on 5 May."), None);
/// assert!(not_english(&"Азербайджанские войска обстреляли село. ".repeat(10)).is_some_and(|w| w.contains("Cyrillic")));
/// ```
pub fn not_english(text: &str) -> Option<String> {
    // the script of the first 4,000 letters
    const SAMPLE: usize = 4_000;
    let mut scripts = [0usize; 6];
    let mut letters = 0;
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        // ASCII, most of any article, byte by byte; other characters decoded
        let script = if b.is_ascii() {
            at += 1;
            if !b.is_ascii_alphabetic() {
                continue;
            }
            0
        } else {
            let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            at += c.len_utf8();
            match c {
                _ if !c.is_alphabetic() => continue,
                '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}' => 0,
                '\u{400}'..='\u{52f}' => 1,
                '\u{531}'..='\u{58f}' | '\u{fb13}'..='\u{fb17}' => 2,
                '\u{10a0}'..='\u{10ff}' => 3,
                '\u{600}'..='\u{6ff}' | '\u{750}'..='\u{77f}' | '\u{fb50}'..='\u{fdff}' => 4,
                _ => 5,
            }
        };
        if let Some(n) = scripts.get_mut(script) {
            *n += 1;
        }
        letters += 1;
        // enough: the sample is full, Latin has a sure majority of it, or 600 letters came
        // without one of another script
        if letters == SAMPLE
            || scripts[0] > SAMPLE / 2
            || (scripts[0] > 600 && letters == scripts[0])
        {
            break;
        }
    }
    if letters < 200 {
        return None;
    }
    let (main, &count) = scripts
        .iter()
        .enumerate()
        .max_by_key(|&(_, n)| *n)
        .unwrap_or((0, &0));
    if main != 0 {
        let name = match main {
            1 => "Cyrillic script, Russian or another language written in it",
            2 => "Armenian script",
            3 => "Georgian script",
            4 => "Arabic script, Persian or another language written in it",
            _ => "a script other than Latin",
        };
        return Some(format!(
            "not English: not extracted ({name}, {}% of its letters)",
            count * 100 / letters
        ));
    }
    // the share of the commonest English words among the first 800 words; a sure English share
    // ends the count early
    const WORDS: usize = 800;
    let (mut words, mut common) = (0usize, 0usize);
    for w in text
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|w| !w.is_empty())
        .take(WORDS)
    {
        words += 1;
        if is_common(w) {
            common += 1;
            // English prose has a quarter to a third of them: 15 % over a hundred words is
            // as sure as 6 % over all 800
            if common * 100 >= WORDS * 6 || (words >= 100 && common * 100 >= words * 15) {
                return None;
            }
        }
    }
    if words < 40 || common * 100 >= words * 6 {
        return None;
    }
    let turkic = text.contains(['ə', 'Ə', 'ğ', 'ı', 'ş', 'Ş']);
    Some(format!(
        "not English: not extracted (Latin script, {}; {}% of its words are common English ones)",
        if turkic {
            "likely Azerbaijani or Turkish"
        } else {
            "language not identified"
        },
        common * 100 / words
    ))
}

/// Whether `word` is one of the twenty commonest English words (ASCII case ignored): "the",
/// "of", "and", "in", "to", "a", "on", "was", "were", "is", "are", "that", "for", "by",
/// "with", "from", "at", "said", "has", "have". One comparison by length, not twenty.
fn is_common(word: &str) -> bool {
    let bytes = word.as_bytes();
    let mut lower = [0u8; 4];
    let Some(lower) = lower.get_mut(..bytes.len()) else {
        return false;
    };
    for (l, b) in lower.iter_mut().zip(bytes) {
        *l = b.to_ascii_lowercase();
    }
    matches!(
        &*lower,
        b"the"
            | b"of"
            | b"and"
            | b"in"
            | b"to"
            | b"a"
            | b"on"
            | b"was"
            | b"were"
            | b"is"
            | b"are"
            | b"that"
            | b"for"
            | b"by"
            | b"with"
            | b"from"
            | b"at"
            | b"said"
            | b"has"
            | b"have"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_common_words_are_those_twenty_in_any_ascii_case() {
        const COMMON: [&str; 20] = [
            "the", "of", "and", "in", "to", "a", "on", "was", "were", "is", "are", "that", "for",
            "by", "with", "from", "at", "said", "has", "have",
        ];
        for w in COMMON {
            assert!(is_common(w) && is_common(&w.to_ascii_uppercase()), "{w}");
        }
        let others = [
            "", "thee", "th", "an", "A's", "withs", "Thé", "İn", "fro", "ha", "ſaid",
        ];
        for w in others {
            assert!(!is_common(w), "{w}");
        }
        // what the lookup replaced: a case-insensitive comparison with each of the twenty
        let words = "The of AND in To a On wAs were is ARE that for by With from at Said has \
            Have the' then there an at' inn ON, bY. ço ÄT";
        for w in words.split([' ', ',', '.']) {
            let each = COMMON.iter().any(|c| c.eq_ignore_ascii_case(w));
            assert_eq!(is_common(w), each, "{w}");
        }
    }

    #[test]
    fn english_reporting_is_english() {
        let report = "The Ministry of Defence said that Armenian forces shelled positions in \
            the Tovuz district on Sunday. Two soldiers were wounded, and the village of Dondar \
            Gushchu was hit by artillery fire, according to a statement published on its \
            website. Baku denied the claims made by Yerevan about the attack on the border.";
        assert_eq!(not_english(&report.repeat(2)), None);
        // a headline or a short note is too short to tell
        assert_eq!(not_english("Sərhəddə atışma"), None);
    }

    #[test]
    fn other_scripts_and_languages_are_named() {
        let russian = "Министерство обороны сообщило, что армянские силы обстреляли позиции \
            в Товузском районе. ";
        assert!(not_english(&russian.repeat(4)).is_some_and(|w| w.contains("Cyrillic")));
        let armenian = "Պաշտպանության նախարարությունը հայտնում է, որ ադրբեջանական ուժերը \
            կրակ են բացել սահմանին։ ";
        assert!(not_english(&armenian.repeat(5)).is_some_and(|w| w.contains("Armenian")));
        let azerbaijani = "Müdafiə Nazirliyi bildirir ki, Ermənistan silahlı qüvvələrinin \
            bölmələri Tovuz rayonu istiqamətində mövqelərimizi atəşə tutub. Düşmənin atəş \
            nöqtələri susdurulub və itkilər barədə məlumat yoxdur. ";
        assert!(not_english(&azerbaijani.repeat(3)).is_some_and(|w| w.contains("Azerbaijani")));
        // a Latin-script header (source, address, English title) before a Russian body
        let headed = format!(
            "Source: Sputnik Azerbaijan\nURL: https://az.sputniknews.ru/20201004/armiya.html\n\
             Title: Shelling near Tovuz reported by the ministry of defence\n\n{}",
            russian.repeat(8)
        );
        assert!(not_english(&headed).is_some_and(|w| w.contains("Cyrillic")));
    }

    #[test]
    fn english_with_many_names_is_still_english() {
        // lists of places and people lower the share of common words, not below the bar
        let list = "Shelling was reported in Tartar, Barda, Aghdam, Fuzuli, Jabrayil and \
            Goranboy on 4 October, in Ganja and Mingachevir on 5 October, and in Stepanakert, \
            Shusha, Martuni and Martakert on the same days, officials of both sides said.";
        assert_eq!(not_english(&list.repeat(3)), None);
    }
}
