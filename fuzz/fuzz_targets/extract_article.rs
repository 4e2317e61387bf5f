//! Arbitrary bytes as an article (as `.txt`, `.md` or `.html`), with and without a
//! publication date: reading and extraction must never panic, and every source span must be
//! its sentence on char boundaries.
#![no_main]

use karabakh_core::corpus::article_from_bytes;
use karabakh_core::extract::{extract_article, merge};
use karabakh_core::model::Published;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let name = match selector % 3 {
        0 => "a/2020-10-05-report.txt",
        1 => "b/report.md",
        _ => "c/page.html",
    };
    let Ok(loaded) = article_from_bytes(bytes, name, None) else {
        return;
    };
    let (mut article, _) = loaded;
    for published in [
        None,
        chrono::NaiveDate::from_ymd_opt(2020, 10, 5).map(Published::Day),
        Some(Published::Month(2023, 9)),
    ] {
        article.published = published;
        let mentions = extract_article(&article);
        for m in &mentions {
            let (start, end) = (m.source.start as usize, m.source.end as usize);
            assert_eq!(
                article.text.get(start..end),
                Some(&*m.source.sentence)
            );
            if let Some(d) = m.date {
                assert!(d.start <= d.end);
            }
        }
        merge(mentions);
    }
});
