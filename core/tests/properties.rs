//! Properties of extraction over arbitrary text (news fragments mixed with random Unicode):
//! no panic, every source span is its sentence on char boundaries, date intervals are ordered,
//! and results do not depend on the order articles are read in.

use karabakh_core::extract;
use karabakh_core::model::{Article, Published, PublishedFrom};
use proptest::prelude::*;

const FRAGMENTS: &[&str] = &[
    "Azerbaijani forces shelled ",
    "Stepanakert",
    "Şuşa",
    "Laçın",
    "Ganja",
    "Martuni",
    "the capital",
    " on 4 October",
    " yesterday",
    " on Saturday",
    ", officials said.",
    ". ",
    "\n\n",
    "\n\n\n",
    "Update: 28 September, 2020\n",
    " will strike ",
    " denied ",
    "peacekeepers were deployed in ",
    "Nagorno-Karabakh",
    " the fifth day of fighting",
    " “missile attack on ",
    "” ",
    "the area",
    "Photo: ",
    "?",
    " in mid-October",
    " in 2020",
    "Armenia-Russia border",
    " and ",
    "Kalbajar, Khojavend",
    "’s",
    " troops ",
];

fn article_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(prop_oneof![3 => proptest::sample::select(FRAGMENTS).prop_map(str::to_owned), 1 => any::<String>()], 0..40)
        .prop_map(|parts| parts.concat())
}

fn article(path: &str, text: String, published: Option<&str>) -> Article {
    let published = published.and_then(Published::parse);
    Article {
        path: path.to_owned(),
        title: None,
        published,
        published_from: published.map(|_| PublishedFrom::Metadata),
        source: None,
        url: None,
        text,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn spans_are_sentences_and_dates_are_ordered(text in article_text(), dated in any::<bool>()) {
        let a = article("a.txt", text, dated.then_some("2020-10-05"));
        let mentions = extract::extract_article(&a);
        for m in &mentions {
            let (start, end) = (m.source.start as usize, m.source.end as usize);
            prop_assert!(a.text.is_char_boundary(start) && a.text.is_char_boundary(end) && start <= end);
            prop_assert_eq!(a.text.get(start..end), Some(&*m.source.sentence));
            for h in &m.source.highlights {
                prop_assert!(m.source.sentence.get(h.range()).is_some());
            }
            if let Some(d) = m.date {
                prop_assert!(d.start <= d.end);
            }
            prop_assert!((0.0..=1.0).contains(&m.confidence));
        }
        // deterministic
        prop_assert_eq!(extract::extract_article(&a), mentions);
    }

    #[test]
    fn merge_is_independent_of_article_order_and_batches(texts in proptest::collection::vec(article_text(), 1..5)) {
        let articles: Vec<Article> = texts.into_iter().enumerate().map(|(i, t)| article(&format!("{i}.txt"), t, Some("2020-10-05"))).collect();
        let forward = extract::merge(articles.iter().flat_map(extract::extract_article));
        let backward = extract::merge(articles.iter().rev().flat_map(extract::extract_article));
        // and merging the articles' mentions as batches (as a folder load does) gives the same
        let batches = extract::merge_batches(articles.iter().map(extract::extract_article).collect());
        prop_assert_eq!(&forward, &batches);
        prop_assert_eq!(forward, backward);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok((a, _)) = karabakh_core::corpus::article_from_bytes(&bytes, "x.txt", None) {
            let _ = extract::extract_article(&a);
        }
        let _ = karabakh_core::corpus::metadata::parse_articles_csv(&String::from_utf8_lossy(&bytes), "articles.csv");
        let _ = karabakh_core::corpus::metadata::front_matter(&String::from_utf8_lossy(&bytes));
    }
}

/// A strike on a side's forces, placed in the article's region, highlights its trigger and date
/// only: the region is not written in the sentence.
#[test]
fn a_region_fallback_highlights_no_place_words() {
    let text = "Nagorno-Karabakh\n\n\
                Azerbaijani forces carried out drone strikes on Armenian positions on 4 October 2020.\n\n\
                The war in Nagorno-Karabakh went on.\n";
    let a = article("a.txt", text.to_owned(), Some("2020-10-05"));
    let mentions = extract::extract_article(&a);
    let m = mentions
        .iter()
        .find(|m| m.source.sentence.starts_with("Azerbaijani"))
        .expect("the strike on Armenian positions");
    let words: Vec<&str> = m
        .source
        .highlights
        .iter()
        .map(|h| {
            m.source
                .sentence
                .get(h.range())
                .expect("a highlight inside the sentence")
        })
        .collect();
    assert_eq!(words, ["drone strikes", "4 October 2020"]);
}

proptest! {
    /// A place name is found where a word starts and only there: after the start of the text
    /// or a character that is no letter or digit, whatever comes before (ASCII or not).
    #[test]
    fn names_are_found_at_word_starts_only(
        parts in proptest::collection::vec(
            proptest::sample::select(&["Ganja", "Shusha", " ", ", ", "x", "é", "1", "(", "NATO"][..]),
            0..24,
        )
    ) {
        let gazetteer = &*karabakh_core::gazetteer::GAZETTEER;
        let text = parts.concat();
        let mut expected = Vec::new();
        let mut at = 0;
        for (i, part) in parts.iter().enumerate() {
            let previous = text.get(..at).and_then(|t| t.chars().next_back());
            let next = parts.get(i + 1).and_then(|p| p.chars().next());
            let alone = !previous.is_some_and(char::is_alphanumeric)
                && !next.is_some_and(char::is_alphanumeric);
            if matches!(*part, "Ganja" | "Shusha") && alone {
                expected.push((at, at + part.len()));
            }
            at += part.len();
        }
        let found: Vec<(usize, usize)> = gazetteer.find(&text).iter().map(|m| (m.start, m.end)).collect();
        prop_assert_eq!(found, expected);
    }
}
