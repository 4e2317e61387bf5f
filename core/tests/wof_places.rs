//! Every populated place of Armenia and Azerbaijan that Who's On First names in Latin script
//! (`../shared/geodata/wof_AM_AZ_places.tsv`, 8,000 towns and villages) is found by its main
//! name in a plain report: "Artillery shelled NAME on 3 March 2021." gives a strike, and
//! "Troops were deployed to the village of NAME on 3 March 2021." a deployment, within 10 km of
//! it (or of another place or Armenian community of the same name). The misses are printed.

use std::collections::HashMap;
use std::path::PathBuf;

use karabakh_core::extract::extract_article;
use karabakh_core::gazetteer::{GAZETTEER, fold};
use karabakh_core::model::{Article, EventKind, Published, PublishedFrom};

/// One populated place: its main Latin name, its other Latin spellings and its point.
struct Place {
    name: String,
    /// Inhabitants, where WOF knows them.
    population: u32,
    spellings: Vec<String>,
    lat: f64,
    lon: f64,
}

/// The populated places (and, with `communities`, the Armenian communities, which name some
/// villages the populated places lack).
fn wof_places(communities: bool) -> Vec<Place> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/geodata/wof_AM_AZ_places.tsv");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let (name, ascii, class, code, lat, lon) = (
        column("name"),
        column("asciiname"),
        column("feature_class"),
        column("feature_code"),
        column("latitude"),
        column("longitude"),
    );
    let others = ["name_en", "name_az", "name_hy_latin", "latin_altnames"].map(column);
    let population = column("population");
    lines
        .map(|l| l.split('\t').collect::<Vec<&str>>())
        .filter(|f| f.get(class) == Some(&"P") || (communities && f.get(code) == Some(&"ADM3")))
        .filter_map(|f| {
            let main = f.get(name)?;
            // the main name where it is Latin script, else the ASCII name
            let latin = main
                .chars()
                .all(|c| (c as u32) < 0x250 || !c.is_alphabetic());
            let chosen = if latin { main } else { f.get(ascii)? };
            let mut spellings: Vec<String> = Vec::new();
            for column in others.iter().chain([&name, &ascii]) {
                for s in f.get(*column).unwrap_or(&"").split(',') {
                    let s = s.trim();
                    let latin = s.chars().all(is_latin);
                    if latin
                        && s.chars().filter(|c| c.is_alphabetic()).count() >= 3
                        && !spellings.iter().any(|x| x == s)
                    {
                        spellings.push(s.to_owned());
                    }
                }
            }
            Some(Place {
                name: (*chosen).to_owned(),
                population: f.get(population).and_then(|p| p.parse().ok()).unwrap_or(0),
                spellings,
                lat: f.get(lat)?.parse().ok()?,
                lon: f.get(lon)?.parse().ok()?,
            })
        })
        .filter(|p| {
            fold(&p.name)
                .0
                .chars()
                .filter(|c| c.is_alphabetic())
                .count()
                >= 3
        })
        .collect()
}

/// Latin script, with its extensions (ə, ǝ); not Cyrillic or Armenian.
fn is_latin(c: char) -> bool {
    let code = c as u32;
    !c.is_alphabetic() || code < 0x370 || (0x1E00..=0x1EFF).contains(&code)
}

fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let p = std::f64::consts::PI / 180.0;
    let h = ((b.0 - a.0) * p / 2.0).sin().powi(2)
        + (a.0 * p).cos() * (b.0 * p).cos() * ((b.1 - a.1) * p / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// How a sentence pattern did over names: the share found within 10 km, the share found at a
/// wrong place (an event of the kind, none near), and the misses.
struct Outcome {
    recall: f64,
    wrong: f64,
    misses: Vec<String>,
    /// Names found at a wrong place, with the place found.
    wrong_places: Vec<String>,
}

/// Runs one sentence pattern over (name, homonym points) pairs.
fn run(
    names: &[(String, Vec<(f64, f64)>)],
    kind: EventKind,
    sentence: &dyn Fn(&str) -> String,
) -> Outcome {
    let (mut misses, mut wrong_places) = (Vec::new(), Vec::new());
    for (name, points) in names {
        let article = Article {
            path: "wof.txt".into(),
            title: None,
            published: Some(Published::Day(
                chrono::NaiveDate::from_ymd_opt(2021, 3, 10).unwrap_or_default(),
            )),
            published_from: Some(PublishedFrom::Metadata),
            source: None,
            url: None,
            text: sentence(name),
        };
        let events: Vec<(f64, f64, String)> = extract_article(&article)
            .iter()
            .filter(|m| m.kind == kind)
            .filter_map(|m| {
                GAZETTEER
                    .entry(m.place)
                    .map(|e| (e.lat, e.lon, e.name.clone()))
            })
            .collect();
        let near = events
            .iter()
            .any(|e| points.iter().any(|&p| km(p, (e.0, e.1)) <= 10.0));
        if !near {
            misses.push(name.clone());
            if let Some(e) = events.first() {
                wrong_places.push(format!("{name} → {}", e.2));
            }
        }
    }
    let n = names.len().max(1) as f64;
    Outcome {
        recall: 1.0 - misses.len() as f64 / n,
        wrong: wrong_places.len() as f64 / n,
        misses,
        wrong_places,
    }
}

/// Where each folded name lies: every WOF place and community that bears it.
fn homonym_points(all: &[Place]) -> HashMap<String, Vec<(f64, f64)>> {
    let mut points: HashMap<String, Vec<(f64, f64)>> = HashMap::new();
    for p in all {
        for s in std::iter::once(&p.name).chain(&p.spellings) {
            let slot = points.entry(fold(s).0).or_default();
            if !slot.contains(&(p.lat, p.lon)) {
                slot.push((p.lat, p.lon));
            }
        }
    }
    points
}

#[test]
fn every_populated_place_is_found_by_its_main_name() {
    let places = wof_places(false);
    let all = wof_places(true);
    assert!(places.len() > 7000, "only {} places read", places.len());
    let points = homonym_points(&all);
    let with_points = |name: &String| {
        (
            name.clone(),
            points.get(&fold(name).0).cloned().unwrap_or_default(),
        )
    };
    let main: Vec<(String, Vec<(f64, f64)>)> =
        places.iter().map(|p| with_points(&p.name)).collect();
    // towns and villages of 500 people or more, as GeoNames' cities500 lists them: where the
    // wrong-place rate is measured (among hamlets, several of one name are common and a name
    // alone cannot tell them apart)
    let major: Vec<(String, Vec<(f64, f64)>)> = places
        .iter()
        .filter(|p| p.population >= 500)
        .map(|p| with_points(&p.name))
        .collect();
    let shelled = |n: &str| format!("Artillery shelled {n} on 3 March 2021.");
    let deployed = |n: &str| format!("Troops were deployed to the village of {n} on 3 March 2021.");
    for (kind, label, sentence) in [
        (
            EventKind::Strike,
            "shelled NAME",
            &shelled as &dyn Fn(&str) -> String,
        ),
        (
            EventKind::Deployment,
            "deployed to the village of NAME",
            &deployed,
        ),
    ] {
        let o = run(&main, kind, sentence);
        let m = run(&major, kind, sentence);
        println!(
            "{label}, main names: {:.1} % of {} found; of the {} with 500 people or more, {:.1} % found and {:.2} % at a wrong place; {} misses: {}",
            o.recall * 100.0,
            main.len(),
            major.len(),
            m.recall * 100.0,
            m.wrong * 100.0,
            o.misses.len(),
            o.misses.join(", ")
        );
        println!("  at a wrong place: {}", m.wrong_places.join(", "));
        assert!(
            o.recall >= 0.95,
            "{label}: recall {:.3} below 0.95",
            o.recall
        );
        assert!(
            m.recall >= 0.95,
            "{label}: towns' recall {:.3} below 0.95",
            m.recall
        );
        // 5 of 498 today, each a name two places bear (two villages Avshar, the resort and a
        // village Tsakhkadzor, Kotayk the province and a village, Soviet-era names reused)
        assert!(
            m.wrong <= 0.011,
            "{label}: {:.3} of towns at a wrong place",
            m.wrong
        );
    }
    // every Latin spelling, in the strike sentence
    let spellings: Vec<(String, Vec<(f64, f64)>)> = places
        .iter()
        .flat_map(|p| {
            p.spellings
                .iter()
                .map(|s| (s.clone(), vec![(p.lat, p.lon)]))
        })
        .map(|(s, own)| {
            let mut near = points.get(&fold(&s).0).cloned().unwrap_or_default();
            near.extend(own);
            (s, near)
        })
        .collect();
    let o = run(&spellings, EventKind::Strike, &shelled);
    println!(
        "shelled NAME, all Latin spellings: {:.1} % of {} found, {:.2} % at a wrong place",
        o.recall * 100.0,
        spellings.len(),
        o.wrong * 100.0
    );
    assert!(
        o.recall >= 0.75,
        "all spellings: recall {:.3} below 0.75",
        o.recall
    );
}
