//! A deterministic generator of news-like articles (strikes, deployments, threats, denials,
//! diplomacy filler, varied date forms and publication-date sources), for benchmarks and for
//! `cargo run --example generate`. Generated text is a second measure: speed figures come from
//! real reporting first.

use std::path::Path;

use karabakh_core::model::{Article, Published, PublishedFrom};

/// SplitMix64: a tiny deterministic generator, enough for picking templates.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        let n = items.len().max(1) as u64;
        items
            .get((self.next() % n) as usize)
            .copied()
            .unwrap_or_default()
    }

    pub fn below(&mut self, n: u64) -> u64 {
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
            url: None,
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
