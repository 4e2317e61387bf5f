//! A folder of normal articles mixed with hostile files: every normal article loads, each bad
//! file is one clear problem, nothing panics or hangs, and the folder is unchanged afterwards.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use karabakh_core::corpus::ReadOptions;
use karabakh_core::load::{Progress, load_folder};

const NORMAL: &str = "Azerbaijani forces shelled Tartar on 4 October 2020, officials said.\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    if let Some(parent) = dir.join(name).parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(dir.join(name), bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
}

/// Every file's path and a hash of its content (symlinks as their target, FIFOs as a marker).
fn snapshot(dir: &Path) -> BTreeMap<String, u64> {
    use std::hash::{Hash, Hasher};
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).follow_links(false) {
        let Ok(entry) = entry else { continue };
        let rel = entry
            .path()
            .strip_prefix(dir)
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let ft = entry.file_type();
        let content = if ft.is_symlink() {
            std::fs::read_link(entry.path())
                .map(|t| t.display().to_string().into_bytes())
                .unwrap_or_default()
        } else if ft.is_file() {
            std::fs::read(entry.path()).unwrap_or_default()
        } else if ft.is_dir() {
            b"dir".to_vec()
        } else {
            b"special".to_vec()
        };
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        content.hash(&mut hasher);
        out.insert(rel, hasher.finish());
    }
    out
}

#[test]
fn hostile_folder() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let dir = tmp.path();
    for i in 0..5 {
        write(dir, &format!("normal/article_{i}.txt"), NORMAL.as_bytes());
    }
    write(dir, "normal/page.html", b"<html><head><title>Ganja</title><script>alert(1)</script></head><body><nav>Menu Ganja Shusha</nav><p>A missile attack on Ganja was reported on 11 October 2020.</p></body></html>");
    write(
        dir,
        "binary.txt",
        &[
            0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0, 1, 0, 0, 0,
        ],
    );
    write(
        dir,
        "invalid_utf8.txt",
        b"Shelling of Shusha \xff\xfe\xfa on 8 October 2020 was reported.\n",
    );
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251
        .encode("Обстрел Степанакерта 4 октября 2020 года продолжался всю ночь.");
    write(dir, "cp1251.txt", &cp1251);
    let utf16: Vec<u8> = NORMAL.encode_utf16().flat_map(u16::to_le_bytes).collect();
    write(dir, "utf16_no_bom.txt", &utf16);
    let mut utf16_bom = vec![0xFF, 0xFE];
    utf16_bom.extend(&utf16);
    write(dir, "utf16_bom.txt", &utf16_bom);
    write(dir, "empty.txt", b"");
    // a 200 MB text file: over the default 20 MB limit, so never read into memory
    {
        use std::io::Write as _;
        let file = std::fs::File::create(dir.join("oversized.txt"));
        let mut out = std::io::BufWriter::new(file.unwrap_or_else(|e| panic!("{e}")));
        let line = NORMAL.repeat(64);
        for _ in 0..(200_000_000 / line.len() + 1) {
            out.write_all(line.as_bytes())
                .unwrap_or_else(|e| panic!("{e}"));
        }
        out.flush().unwrap_or_else(|e| panic!("{e}"));
    }
    write(dir, "articles.csv", "\u{feff}file,published,title\nnormal/article_0.txt,2020-10-05,Tartar\nnormal/article_1.txt,not-a-date,Broken\n\"unterminated,2020\n".as_bytes());
    write(
        dir,
        "image.png",
        &[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a],
    );
    // a 300-level deep chain with an article at the bottom
    let deep: String = (0..300).map(|_| "d/").collect();
    write(dir, &format!("{deep}deep.txt"), NORMAL.as_bytes());
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir, dir.join("loop")).unwrap_or_else(|e| panic!("{e}"));
        let fifo = dir.join("x.txt");
        let status = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(status.is_ok_and(|s| s.success()), "mkfifo");
    }
    let before = snapshot(dir);
    let started = Instant::now();
    let result = load_folder(dir, ReadOptions::default(), &Progress::default(), false);
    assert!(started.elapsed() < Duration::from_secs(20), "no hang");
    let dataset = result.unwrap_or_else(|e| panic!("{e}"));
    let problem = |name: &str| {
        dataset
            .problems
            .iter()
            .filter(|p| p.path.contains(name))
            .map(|p| p.problem.clone())
            .collect::<Vec<_>>()
    };
    // every normal article loads
    let paths: Vec<&str> = dataset.articles.iter().map(|a| a.path.as_str()).collect();
    for i in 0..5 {
        assert!(
            paths.contains(&format!("normal/article_{i}.txt").as_str()),
            "{paths:?}"
        );
    }
    for loaded in [
        "normal/page.html",
        "invalid_utf8.txt",
        "cp1251.txt",
        "utf16_no_bom.txt",
        "utf16_bom.txt",
    ] {
        assert!(paths.contains(&loaded), "{loaded} loads: {paths:?}");
    }
    assert!(
        paths.iter().any(|p| p.ends_with("deep.txt")),
        "the deep article loads"
    );
    // one clear problem per bad file
    assert!(
        problem("binary.txt").iter().any(|p| p.contains("binary")),
        "{:?}",
        dataset.problems
    );
    assert!(problem("empty.txt").iter().any(|p| p.contains("empty")));
    assert!(
        problem("oversized.txt")
            .iter()
            .any(|p| p.contains("too large"))
    );
    assert!(
        problem("invalid_utf8.txt")
            .iter()
            .any(|p| p.contains("not valid UTF-8"))
    );
    assert!(
        problem("utf16_no_bom.txt")
            .iter()
            .any(|p| p.contains("UTF-16"))
    );
    assert!(
        problem("image.png")
            .iter()
            .any(|p| p.contains("not an article"))
    );
    assert!(
        problem("articles.csv")
            .iter()
            .any(|p| p.contains("not-a-date"))
    );
    #[cfg(unix)]
    {
        assert!(
            problem("loop").iter().any(|p| p.contains("loop")),
            "{:?}",
            dataset.problems
        );
        assert!(
            problem("x.txt")
                .iter()
                .any(|p| p.contains("not a regular file")),
            "{:?}",
            dataset.problems
        );
    }
    assert_eq!(problem("cp1251.txt").len(), 1, "legacy encoding noted once");
    // decoded texts are right
    let html = dataset
        .articles
        .iter()
        .find(|a| a.path == "normal/page.html");
    assert_eq!(html.and_then(|a| a.title.as_deref()), Some("Ganja"));
    assert!(
        dataset.events.iter().any(|e| e.place.name == "Ganja"),
        "HTML text is extracted, navigation is not"
    );
    assert!(
        dataset.events.iter().any(|e| e.place.name == "Shusha"),
        "the invalid UTF-8 article still yields its event"
    );
    let csv_dated = dataset
        .articles
        .iter()
        .find(|a| a.path == "normal/article_0.txt")
        .and_then(|a| a.published);
    assert_eq!(
        csv_dated.map(|p| p.to_string()).as_deref(),
        Some("2020-10-05")
    );
    // nothing written
    assert_eq!(snapshot(dir), before, "the folder is unchanged");
}

#[test]
fn a_file_vanishing_between_listing_and_reading_is_a_problem() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = tmp.path().join("gone.txt");
    std::fs::write(&path, NORMAL).unwrap_or_else(|e| panic!("{e}"));
    let listing = karabakh_core::corpus::list_folder(tmp.path()).unwrap_or_else(|e| panic!("{e}"));
    std::fs::remove_file(&path).unwrap_or_else(|e| panic!("{e}"));
    let (abs, rel) = listing
        .files
        .first()
        .cloned()
        .unwrap_or_else(|| panic!("listed"));
    let err = karabakh_core::corpus::read_article(&abs, &rel, None, ReadOptions::default()).err();
    assert!(err.is_some_and(|e| e.to_string().contains("cannot read")));
}

#[test]
fn loading_is_deterministic_and_cancellable() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for i in 0..40 {
        write(
            tmp.path(),
            &format!("a{i:02}.txt"),
            format!(
                "Azerbaijani forces shelled Tartar on {} October 2020.\n",
                1 + i % 28
            )
            .as_bytes(),
        );
    }
    let one = load_folder(
        tmp.path(),
        ReadOptions::default(),
        &Progress::default(),
        false,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let two = load_folder(
        tmp.path(),
        ReadOptions::default(),
        &Progress::default(),
        false,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(one.events, two.events);
    assert_eq!(one.events.len(), 28);
    let cancelled = Progress::default();
    cancelled
        .cancel
        .store(true, std::sync::atomic::Ordering::Relaxed);
    assert!(matches!(
        load_folder(tmp.path(), ReadOptions::default(), &cancelled, false),
        Err(karabakh_core::load::LoadError::Cancelled)
    ));
}

#[test]
fn an_article_in_another_language_is_a_problem_that_says_so() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(dir.path(), "en.txt", NORMAL.as_bytes());
    let russian = "Министерство обороны Азербайджана сообщило, что армянские силы обстреляли \
        позиции в Тертерском районе 4 октября 2020 года. "
        .repeat(6);
    write(dir.path(), "ru.txt", russian.as_bytes());
    let progress = Progress::default();
    let dataset = load_folder(dir.path(), ReadOptions::default(), &progress, false)
        .unwrap_or_else(|e| panic!("{e}"));
    // both are articles; only the English one gives events
    assert_eq!(dataset.articles.len(), 2);
    assert!(
        dataset
            .events
            .iter()
            .all(|e| e.sources.iter().all(|s| &*s.article == "en.txt"))
    );
    assert!(!dataset.events.is_empty());
    let problems: Vec<(&str, &str)> = dataset
        .problems
        .iter()
        .map(|p| (p.path.as_str(), p.problem.as_str()))
        .collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].0, "ru.txt");
    assert!(
        problems[0]
            .1
            .starts_with("not English: not extracted (Cyrillic")
    );
}
