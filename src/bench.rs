//! A deterministic generator of realistic news articles (strikes, deployments, threats,
//! denials, diplomacy filler, varied date forms and publication-date sources) and the
//! extraction-speed benchmark that runs over it.

use std::path::Path;
use std::time::Instant;

use rayon::prelude::*;

use crate::extract;
use crate::model::{Article, Published, PublishedFrom};

/// `println!` that ignores a closed stdout (`karabakh-atlas bench | head`) instead of panicking.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// SplitMix64: a tiny deterministic generator, enough for picking templates.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        let n = items.len().max(1) as u64;
        items
            .get((self.next() % n) as usize)
            .copied()
            .unwrap_or_default()
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const PLACES: &[&str] = &[
    "Stepanakert",
    "Khankendi",
    "Shusha",
    "Shushi",
    "Ganja",
    "Tartar",
    "Barda",
    "Aghdam",
    "Fuzuli",
    "Jabrayil",
    "Hadrut",
    "Martakert",
    "Kalbajar",
    "Lachin",
    "Goris",
    "Kapan",
    "Jermuk",
    "Vardenis",
    "Sotk",
    "Martuni",
    "the Lachin corridor",
    "Syunik province",
    "Nagorno-Karabakh",
    "Qubadli",
    "Zangilan",
    "Askeran",
    "Khojavend",
    "Tovuz",
    "Gadabay",
    "Mingachevir",
    "Horadiz",
    "Berdzor",
];
const ACTORS: &[&str] = &[
    "Azerbaijani forces",
    "Armenian troops",
    "Azeri artillery",
    "Karabakh Armenian units",
    "ethnic Armenian forces",
    "Azerbaijan's army",
];
const STRIKES: &[&str] = &[
    "{A} shelled {P} {D}, the defence ministry said.",
    "Residential areas of {P} came under artillery fire {D}, local officials reported.",
    "{A} launched drone strikes on positions near {P} {D}.",
    "A missile attack on {P} {D} killed at least three civilians, according to rescuers.",
    "Officials in {P} said the town was bombarded overnight {D}.",
    "{A} opened fire at positions in {P} and {Q} {D}.",
];
const DEPLOYMENTS: &[&str] = &[
    "Russian peacekeepers were deployed in {P} {D}.",
    "{A} moved into {P} {D} after a day of heavy fighting.",
    "The European Union mission in {P} began patrols {D}.",
    "{A} took control of {P} {D}, the ministry announced.",
    "Additional troops were dispatched to {P} {D}.",
];
const NON_EVENTS: &[&str] = &[
    "{A} threatened to strike {P} if the talks failed.",
    "The ministry denied that its forces had shelled {P}.",
    "Analysts warned that an attack on {P} could widen the war.",
    "Photo: soldiers at a checkpoint near {P}.",
    "Peacekeepers will withdraw from {P} next month, officials said.",
];
const FILLER: &[&str] = &[
    "Diplomats in Brussels urged both sides to return to negotiations without preconditions.",
    "The foreign ministers met in Washington to discuss a framework for a lasting peace agreement.",
    "Energy exports through the South Caucasus pipeline continued without interruption, the operator said.",
    "Humanitarian groups appealed for access to civilians who had fled their homes during the winter.",
    "The prime minister told parliament that the government remained committed to a peaceful settlement.",
    "Prices for bread and fuel rose sharply in the capital, according to the statistics office.",
    "Observers noted that the border delimitation commission had not met for several months.",
    "The central bank kept its key rate unchanged, citing uncertainty over regional security.",
    "Refugee families were housed in schools and sanatoriums while officials sought longer-term solutions.",
    "Both governments exchanged lists of detainees through the International Committee of the Red Cross.",
];
const DATES: &[&str] = &[
    "on Saturday",
    "yesterday",
    "on 4 October",
    "on October 11",
    "early on Tuesday",
    "the previous day",
    "on Sept. 27",
    "late on Friday",
    "this morning",
    "",
];
const OUTLETS: &[&str] = &[
    "Reuters",
    "AFP",
    "Azatutyun",
    "APA",
    "OC Media",
    "Eurasianet",
    "JAMnews",
    "news.am",
    "Trend",
];

fn sentence(rng: &mut Rng, templates: &[&str]) -> String {
    let p = rng.pick(PLACES);
    let mut q = rng.pick(PLACES);
    if q == p {
        q = "Tartar";
    }
    rng.pick(templates)
        .replace("{A}", rng.pick(ACTORS))
        .replace("{P}", p)
        .replace("{Q}", q)
        .replace("{D}", rng.pick(DATES))
        .replace(" .", ".")
}

/// One generated article: (file name, text, publication date).
fn generate_article(rng: &mut Rng, index: usize) -> (String, String, Published) {
    let year = 2020 + (rng.below(4) as i32);
    let month = 1 + rng.below(12) as u32;
    let day = 1 + rng.below(28) as u32;
    let published = chrono::NaiveDate::from_ymd_opt(year, month, day)
        .map_or(Published::Year(year), Published::Day);
    // A scraped folder mixes front-line reports, analysis and politics/economy pieces:
    // in a report one sentence in five is about a strike, a deployment or a threat; in
    // analysis one in twenty-five; in other news none.
    let genre = rng.below(100);
    let (event_share, headline) = match genre {
        0..=34 => (20, "trade accusations as fighting flares"),
        35..=69 => (4, "and the fragile peace: an analysis"),
        _ => (0, "sign trade and transit memorandum"),
    };
    let mut text = format!("{} {headline}\n\n", rng.pick(PLACES));
    let paragraphs = 6 + rng.below(6);
    for _ in 0..paragraphs {
        let sentences = 3 + rng.below(4);
        for s in 0..sentences {
            let roll = rng.below(100);
            let line = if roll >= event_share {
                rng.pick(FILLER).to_owned()
            } else if roll * 2 < event_share {
                sentence(rng, STRIKES)
            } else if roll * 4 < event_share * 3 {
                sentence(rng, DEPLOYMENTS)
            } else {
                sentence(rng, NON_EVENTS)
            };
            if s > 0 {
                text.push(' ');
            }
            text.push_str(&line);
        }
        text.push_str("\n\n");
    }
    let _ = writeln_into(&mut text, rng.pick(OUTLETS));
    (
        format!(
            "{index:06}_{}.{}",
            rng.next() % 100_000,
            if index.is_multiple_of(5) { "md" } else { "txt" }
        ),
        text,
        published,
    )
}

fn writeln_into(text: &mut String, outlet: &str) -> std::fmt::Result {
    use std::fmt::Write as _;
    writeln!(text, "(Reporting by {outlet} staff; editing by the desk)")
}

/// Generated articles totalling at least `bytes` of text.
pub fn generate(bytes: usize, seed: u64) -> Vec<Article> {
    let mut rng = Rng(seed);
    let mut total = 0;
    let mut out = Vec::new();
    while total < bytes {
        let (path, text, published) = generate_article(&mut rng, out.len());
        total += text.len();
        out.push(Article {
            path,
            title: None,
            published: Some(published),
            published_from: Some(PublishedFrom::Metadata),
            source: None,
            text,
        });
    }
    out
}

/// Writes `n` generated articles to `dir` with an `articles.csv` (every fifth article, a `.md`
/// file, carries its date in front matter instead). Returns the bytes written.
pub fn write_corpus(dir: &Path, n: usize, seed: u64) -> anyhow::Result<u64> {
    use anyhow::Context as _;
    if dir.exists() && std::fs::read_dir(dir)?.next().is_some() {
        anyhow::bail!("{} exists and is not empty", dir.display());
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut rng = Rng(seed);
    let mut csv = csv::Writer::from_path(dir.join("articles.csv"))?;
    csv.write_record(["file", "published", "source"])?;
    let mut bytes = 0u64;
    for i in 0..n {
        let (name, text, published) = generate_article(&mut rng, i);
        let sub = format!("{:03}", i / 1000);
        std::fs::create_dir_all(dir.join(&sub))?;
        let rel = format!("{sub}/{name}");
        let body = if name.ends_with(".md") {
            format!("---\ntitle: Generated {i}\ndate: {published}\n---\n{text}")
        } else {
            csv.write_record([rel.as_str(), &published.to_string(), "generated"])?;
            text
        };
        bytes += body.len() as u64;
        std::fs::write(dir.join(&rel), body)?;
    }
    csv.flush()?;
    Ok(bytes)
}

/// Prints extraction throughput on one core and on all cores, for the mixed corpus and for
/// its front-line reports alone (the worst case: every paragraph holds a trigger).
pub fn run(mb: usize, seed: u64) {
    let articles = generate(mb * 1_000_000, seed);
    // the automata and patterns are built once per process, on first use: time that apart
    let start = Instant::now();
    extract::prepare();
    if let Some(a) = articles.first() {
        extract::extract_article(a);
    }
    say!(
        "building the automata (once per process): {:.2} s",
        start.elapsed().as_secs_f64()
    );
    measure("mixed corpus", &articles, seed);
    let reports: Vec<Article> = articles
        .into_iter()
        .filter(|a| a.text.contains("fighting flares"))
        .collect();
    measure("front-line reports only", &reports, seed);
}

fn measure(label: &str, articles: &[Article], seed: u64) {
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mb_total = bytes as f64 / 1e6;
    say!(
        "{label}: {} articles, {mb_total:.1} MB (generated, seed {seed})",
        articles.len()
    );
    // median of three runs: this machine's timings vary by tens of percent from run to run
    let median = |run: &dyn Fn() -> usize| {
        let mut times = Vec::new();
        let mut count = 0;
        for _ in 0..3 {
            let start = Instant::now();
            count = run();
            times.push(start.elapsed().as_secs_f64());
        }
        times.sort_by(f64::total_cmp);
        (times.get(1).copied().unwrap_or_default(), count)
    };
    let (single, one) = median(&|| {
        articles
            .iter()
            .map(|a| extract::extract_article(a).len())
            .sum()
    });
    let (parallel, many) = median(&|| {
        articles
            .par_iter()
            .map(|a| extract::extract_article(a).len())
            .sum()
    });
    let start = Instant::now();
    let events = extract::merge(
        articles
            .par_iter()
            .flat_map(extract::extract_article)
            .collect::<Vec<_>>(),
    )
    .len();
    let with_merge = start.elapsed().as_secs_f64();
    say!(
        "1 thread : {single:6.2} s  {:7.1} MB/s  ({one} mentions)",
        mb_total / single
    );
    say!(
        "{} threads: {parallel:6.2} s  {:7.1} MB/s  ({many} mentions, scaling x{:.2})",
        rayon::current_num_threads(),
        mb_total / parallel,
        single / parallel
    );
    say!("extract + merge, all threads: {with_merge:.2} s, {events} events");
}

/// A synthetic dataset: `n` events at gazetteer places over three years (2020–2022), a tenth
/// of them month-precision, a fiftieth undated, with one or two sources each.
pub fn synthetic_dataset(n: usize, seed: u64) -> crate::model::Dataset {
    use crate::extract::gazetteer::GAZETTEER;
    use crate::model::{DateSource, DateSpan, Event, EventKind, Precision, Source, Status};
    let mut rng = Rng(seed);
    let first = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default();
    let places: Vec<_> = GAZETTEER.entries.iter().collect();
    let mut events: Vec<Event> = (0..n)
        .map(|i| {
            let place = places
                .get(rng.below(places.len() as u64) as usize)
                .map(|e| e.place())
                .unwrap_or_else(|| crate::model::Place {
                    name: "Ganja".into(),
                    lat: 40.68,
                    lon: 46.36,
                    kind: crate::model::PlaceKind::City,
                });
            let start = first + chrono::Duration::days(rng.below(3 * 365) as i64);
            let date = match rng.below(50) {
                0 => None,
                1..=5 => Some(DateSpan::range(
                    start,
                    start + chrono::Duration::days(29),
                    Precision::Month,
                    DateSource::Explicit,
                )),
                _ => Some(DateSpan::day(start, DateSource::Explicit)),
            };
            let sentence = format!("Synthetic report {i} of shelling near {}.", place.name);
            let sources = (0..1 + rng.below(2))
                .map(|_| Source {
                    article: format!("a{}.txt", i % 5000),
                    sentence: sentence.clone(),
                    start: 0,
                    end: sentence.len() as u64,
                    trigger: "shelling".into(),
                    highlights: Vec::new(),
                })
                .collect();
            Event {
                id: format!("e{i}"),
                kind: if rng.below(3) == 0 {
                    EventKind::Deployment
                } else {
                    EventKind::Strike
                },
                place,
                date,
                actor: None,
                target: None,
                status: [Status::Reported, Status::Claimed, Status::Denied]
                    .get(rng.below(3) as usize)
                    .copied()
                    .unwrap_or(Status::Reported),
                confidence: 0.8,
                sources,
            }
        })
        .collect();
    events.sort_by_key(|e| (e.date.is_none(), e.date.map(|d| d.start)));
    crate::model::Dataset {
        articles: Vec::new(),
        events,
        problems: Vec::new(),
    }
}

/// Prints the CPU time per frame of the viewer's UI code (egui, no rendering) on a synthetic
/// dataset of `events` events while the slider moves one day per frame.
pub fn run_ui(events: usize, frames: usize) {
    for mode in [
        crate::timeline::TimeMode::Day,
        crate::timeline::TimeMode::Cumulative,
    ] {
        run_ui_mode(events, frames, mode);
    }
}

fn run_ui_mode(events: usize, frames: usize, mode: crate::timeline::TimeMode) {
    use crate::app::{AtlasApp, Origin, Persisted};
    let dataset = synthetic_dataset(events, 11);
    let mut app = AtlasApp::new(dataset, Origin::Bundled, Persisted::default());
    app.push(crate::ui::Command::SetMode(mode));
    let ctx = egui::Context::default();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1360.0, 860.0));
    let mut run_times = Vec::with_capacity(frames);
    let mut tessellate_times = Vec::with_capacity(frames);
    for frame in 0..frames + 10 {
        let input = egui::RawInput {
            screen_rect: Some(screen),
            time: Some(frame as f64 / 60.0),
            ..Default::default()
        };
        if frame > 0 {
            app.push(crate::ui::Command::StepDays(1));
        }
        let start = Instant::now();
        let output = ctx.run_ui(input, |ui| app.ui_root(ui));
        let ran = start.elapsed().as_secs_f64() * 1000.0;
        let start = Instant::now();
        let _ = ctx.tessellate(output.shapes, output.pixels_per_point);
        let tessellated = start.elapsed().as_secs_f64() * 1000.0;
        if frame >= 10 {
            run_times.push(ran);
            tessellate_times.push(tessellated);
        }
    }
    let stats = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        let mean = v.iter().sum::<f64>() / v.len().max(1) as f64;
        let p95 = v.get(v.len() * 95 / 100).copied().unwrap_or(0.0);
        (mean, p95)
    };
    let (run_mean, run_p95) = stats(&mut run_times);
    let (tess_mean, tess_p95) = stats(&mut tessellate_times);
    say!(
        "{events} events over 3 years, {frames} frames at 1360x860, slider moving one day per frame, {} mode, default view:",
        mode.label()
    );
    say!("  UI code (egui pass): mean {run_mean:.2} ms, p95 {run_p95:.2} ms per frame");
    say!("  tessellation       : mean {tess_mean:.2} ms, p95 {tess_p95:.2} ms per frame");
    say!(
        "  visible at the last frame: {} events",
        app.state.visible.len()
    );
}

/// Opens `folder` in the viewer exactly as a user would (background load, frames drawn at
/// ~60 fps meanwhile, no window needed) and prints the load's wall time and the longest
/// frame while it ran: the UI must stay responsive.
pub fn run_load(folder: &Path) {
    use crate::app::{AtlasApp, Origin, Persisted};
    let mut app = AtlasApp::new(
        crate::seeds::dataset(),
        Origin::Bundled,
        Persisted::default(),
    );
    let ctx = egui::Context::default();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1360.0, 860.0));
    app.push(crate::ui::Command::OpenFolder(folder.to_owned()));
    let started = Instant::now();
    let mut frames = 0usize;
    let mut longest = 0.0f64;
    let mut last_report = Instant::now();
    let arrival = loop {
        let input = egui::RawInput {
            screen_rect: Some(screen),
            time: Some(started.elapsed().as_secs_f64()),
            ..Default::default()
        };
        let frame = Instant::now();
        let output = ctx.run_ui(input, |ui| app.ui_root(ui));
        let _ = ctx.tessellate(output.shapes, output.pixels_per_point);
        let ms = frame.elapsed().as_secs_f64() * 1000.0;
        frames += 1;
        if app.state.loading.is_none() && frames > 1 {
            break ms;
        }
        longest = longest.max(ms);
        if let Some(loading) = &app.state.loading
            && last_report.elapsed().as_secs_f64() >= 1.0
        {
            last_report = Instant::now();
            eprintln!(
                "  {:5.1} s: {}/{} files",
                started.elapsed().as_secs_f64(),
                loading
                    .progress
                    .done
                    .load(std::sync::atomic::Ordering::Relaxed),
                loading
                    .progress
                    .total
                    .load(std::sync::atomic::Ordering::Relaxed)
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(16));
    };
    let wall = started.elapsed().as_secs_f64();
    let d = &app.state.dataset;
    say!(
        "viewer opened {}: {} articles, {} events, {} problems in {wall:.2} s wall",
        folder.display(),
        d.articles.len(),
        d.events.len(),
        d.problems.len()
    );
    say!(
        "  {frames} frames drawn meanwhile, the longest {longest:.1} ms (the load runs in the background); the frame that took the data: {:.1} ms",
        arrival
    );
    if let Some(notice) = &app.state.notice {
        say!("  notice: {notice}");
    }
}
