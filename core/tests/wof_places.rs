//! Every populated place of Armenia and Azerbaijan that Who's On First names in Latin script
//! (`../shared/geodata/wof_AM_AZ_places.tsv`, 8,000 towns and villages) is found by its main
//! name in a plain report: "Artillery shelled NAME on 3 March 2021." gives a strike, and
//! "Troops were deployed to the village of NAME on 3 March 2021." a deployment, within 10 km of
//! it (or of another place of the same name). The misses are printed.

use std::collections::HashMap;
use std::path::PathBuf;

use karabakh_core::extract::extract_article;
use karabakh_core::gazetteer::{GAZETTEER, fold};
use karabakh_core::model::{Article, EventKind, Published, PublishedFrom};

/// One populated place: its main Latin name and point.
struct Place {
    name: String,
    lat: f64,
    lon: f64,
}

fn wof_places() -> Vec<Place> {
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
    let (name, ascii, class, lat, lon) = (
        column("name"),
        column("asciiname"),
        column("feature_class"),
        column("latitude"),
        column("longitude"),
    );
    lines
        .map(|l| l.split('\t').collect::<Vec<&str>>())
        .filter(|f| f.get(class) == Some(&"P"))
        .filter_map(|f| {
            let main = f.get(name)?;
            // the main name where it is Latin script, else the ASCII name
            let latin = main
                .chars()
                .all(|c| (c as u32) < 0x250 || !c.is_alphabetic());
            let chosen = if latin { main } else { f.get(ascii)? };
            Some(Place {
                name: (*chosen).to_owned(),
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

fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let p = std::f64::consts::PI / 180.0;
    let h = ((b.0 - a.0) * p / 2.0).sin().powi(2)
        + (a.0 * p).cos() * (b.0 * p).cos() * ((b.1 - a.1) * p / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// The share of places found, and the misses, for one sentence pattern.
fn run(places: &[Place], kind: EventKind, sentence: impl Fn(&str) -> String) -> (f64, Vec<String>) {
    let mut homonyms: HashMap<String, Vec<(f64, f64)>> = HashMap::new();
    for p in places {
        homonyms
            .entry(fold(&p.name).0)
            .or_default()
            .push((p.lat, p.lon));
    }
    let mut misses = Vec::new();
    for p in places {
        let article = Article {
            path: "wof.txt".into(),
            title: None,
            published: Some(Published::Day(
                chrono::NaiveDate::from_ymd_opt(2021, 3, 10).unwrap_or_default(),
            )),
            published_from: Some(PublishedFrom::Metadata),
            source: None,
            text: sentence(&p.name),
        };
        let points = homonyms.get(&fold(&p.name).0).cloned().unwrap_or_default();
        let found = extract_article(&article).iter().any(|m| {
            m.kind == kind
                && GAZETTEER.entry(m.place).is_some_and(|e| {
                    points
                        .iter()
                        .any(|&point| km(point, (e.lat, e.lon)) <= 10.0)
                })
        });
        if !found {
            misses.push(p.name.clone());
        }
    }
    let recall = 1.0 - misses.len() as f64 / places.len().max(1) as f64;
    (recall, misses)
}

#[test]
fn every_populated_place_is_found_by_its_main_name() {
    let places = wof_places();
    assert!(places.len() > 7000, "only {} places read", places.len());
    for (kind, label, sentence) in [
        (
            EventKind::Strike,
            "shelled NAME",
            &(|n: &str| format!("Artillery shelled {n} on 3 March 2021."))
                as &dyn Fn(&str) -> String,
        ),
        (
            EventKind::Deployment,
            "deployed to the village of NAME",
            &|n: &str| format!("Troops were deployed to the village of {n} on 3 March 2021."),
        ),
    ] {
        let (recall, misses) = run(&places, kind, sentence);
        println!(
            "{label}: {:.1} % of {} places found; {} misses: {}",
            recall * 100.0,
            places.len(),
            misses.len(),
            misses.join(", ")
        );
        assert!(recall >= 0.95, "{label}: recall {recall:.3} below 0.95");
    }
}
