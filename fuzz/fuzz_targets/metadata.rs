//! Arbitrary text as `articles.csv`, front matter, dateline and file name: the metadata
//! readers must never panic, and whatever they accept must be a valid date.
#![no_main]

use karabakh_core::corpus::metadata::{
    dateline_date, file_name_date, front_matter, parse_articles_csv,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (entries, problems) = parse_articles_csv(&text, "articles.csv");
    // a row gives at most one entry and one problem (a bad date keeps the row's title)
    // csv ends records at \n, \r or \r\n
    let lines = text.split(['\n', '\r']).count();
    assert!(entries.len() <= lines && problems.len() <= lines + 1);
    let fm = front_matter(&text);
    assert!(fm.len <= text.len() && text.is_char_boundary(fm.len));
    dateline_date(&text);
    file_name_date(&text);
});
