//! Inputs found by `cargo fuzz` (fuzz/), kept as regression tests: each file under
//! `tests/fuzz_cases/` goes through the same checks as the fuzz targets.

use karabakh_core::corpus::article_from_bytes;
use karabakh_core::corpus::metadata::{
    dateline_date, file_name_date, front_matter, parse_articles_csv,
};
use karabakh_core::extract::{extract_article, merge};

fn cases() -> Vec<(String, Vec<u8>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_cases");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| {
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn metadata_readers_hold_on_fuzz_cases() {
    for (name, data) in cases() {
        let text = String::from_utf8_lossy(&data);
        let (entries, problems) = parse_articles_csv(&text, "articles.csv");
        // csv ends records at \n, \r or \r\n
        let lines = text.split(['\n', '\r']).count();
        assert!(
            entries.len() <= lines && problems.len() <= lines + 1,
            "{name}"
        );
        let fm = front_matter(&text);
        assert!(
            fm.len <= text.len() && text.is_char_boundary(fm.len),
            "{name}"
        );
        dateline_date(&text);
        file_name_date(&text);
    }
}

#[test]
fn extraction_holds_on_fuzz_cases() {
    for (name, data) in cases() {
        for rel in ["a.txt", "b.md", "c.html"] {
            let Ok((article, _)) = article_from_bytes(&data, rel, None) else {
                continue;
            };
            let mentions = extract_article(&article);
            for m in &mentions {
                let (start, end) = (m.source.start as usize, m.source.end as usize);
                assert_eq!(
                    article.text.get(start..end),
                    Some(&*m.source.sentence),
                    "{name} as {rel}"
                );
            }
            merge(mentions);
        }
    }
}
