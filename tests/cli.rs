//! The `extract` command on fixture folders: the documented JSON shape, the table, exit codes,
//! and the bundled seeds giving the same events as the `seeds/` folder.

use std::process::Command;

use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_karabakh-atlas"))
}

fn seeds_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

#[test]
fn json_has_the_documented_shape() {
    let out = bin()
        .args(["extract"])
        .arg(seeds_dir())
        .arg("--json")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let articles = json["articles"].as_array().cloned().unwrap_or_default();
    assert_eq!(articles.len(), 5);
    assert_eq!(articles[0]["published"], "2023-09-19");
    assert_eq!(articles[0]["published_from"], "metadata");
    assert_eq!(articles[3]["published"], "2025-07");
    let events = json["events"].as_array().cloned().unwrap_or_default();
    assert!(!events.is_empty());
    for e in &events {
        assert!(matches!(e["kind"].as_str(), Some("strike" | "deployment")));
        assert!(
            e["place"]["lat"].is_f64()
                && e["place"]["lon"].is_f64()
                && e["place"]["name"].is_string()
                && e["place"]["kind"].is_string()
        );
        assert!(matches!(
            e["status"].as_str(),
            Some("reported" | "claimed" | "denied")
        ));
        assert!(
            e["confidence"]
                .as_f64()
                .is_some_and(|c| (0.0..=1.0).contains(&c))
        );
        let date = &e["date"];
        assert!(
            date.is_null()
                || (date["start"].as_str() <= date["end"].as_str()
                    && matches!(date["precision"].as_str(), Some("day" | "month" | "year"))
                    && matches!(
                        date["from"].as_str(),
                        Some("explicit" | "relative" | "section" | "published")
                    ))
        );
        for s in e["sources"].as_array().cloned().unwrap_or_default() {
            let path = seeds_dir().join(s["article"].as_str().unwrap_or_default());
            let text = std::fs::read_to_string(path).unwrap_or_default();
            let (start, end) = (
                s["start"].as_u64().unwrap_or(0) as usize,
                s["end"].as_u64().unwrap_or(0) as usize,
            );
            assert_eq!(
                text.get(start..end),
                s["sentence"].as_str(),
                "byte offsets point at the sentence"
            );
            assert!(
                s["sentence"]
                    .as_str()
                    .unwrap_or_default()
                    .contains(s["trigger"].as_str().unwrap_or("?"))
            );
            assert!(
                s.get("highlights").is_none(),
                "viewer-only fields stay out of the JSON"
            );
        }
    }
    assert!(json["problems"].as_array().is_some_and(Vec::is_empty));
}

#[test]
fn table_and_out_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out_file = dir.path().join("out.txt");
    let status = bin()
        .args(["extract"])
        .arg(seeds_dir())
        .arg("--out")
        .arg(&out_file)
        .status()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(status.success());
    let table = std::fs::read_to_string(out_file).unwrap_or_default();
    assert!(
        table.contains("Ganja") && table.contains("5 articles"),
        "{table}"
    );
}

#[test]
fn missing_folder_and_bad_arguments_exit_2() {
    let out = bin()
        .args(["extract", "/no/such/folder", "--json"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("no such folder"));
    let out = bin()
        .args(["extract", "--bogus"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn bundled_seeds_match_the_seeds_folder() {
    let bundled = karabakh_core::seeds::dataset();
    let folder = karabakh_core::load::load_folder(
        &seeds_dir(),
        Default::default(),
        &Default::default(),
        false,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(bundled.events, folder.events);
}

#[test]
fn geojson_and_csv_exports_round_trip() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (geo, csv_path) = (
        dir.path().join("events.geojson"),
        dir.path().join("events.csv"),
    );
    let status = bin()
        .args(["extract"])
        .arg(seeds_dir())
        .arg("--geojson")
        .arg(&geo)
        .arg("--csv")
        .arg(&csv_path)
        .arg("--out")
        .arg(dir.path().join("t.txt"))
        .status()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(status.success());
    let dataset = karabakh_core::load::load_folder(
        &seeds_dir(),
        Default::default(),
        &Default::default(),
        false,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    // GeoJSON: one point feature per event, with the fields QGIS's temporal controller needs
    let geojson: Value = serde_json::from_str(&std::fs::read_to_string(&geo).unwrap_or_default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(geojson["type"], "FeatureCollection");
    let features = geojson["features"].as_array().cloned().unwrap_or_default();
    assert_eq!(features.len(), dataset.events.len());
    for (f, e) in features.iter().zip(&dataset.events) {
        assert_eq!(f["geometry"]["type"], "Point");
        assert_eq!(f["geometry"]["coordinates"][0].as_f64(), Some(e.place.lon));
        assert_eq!(f["properties"]["kind"], e.kind.as_str());
        assert_eq!(f["properties"]["place"], e.place.name.as_str());
        assert_eq!(
            f["properties"]["date_start"].as_str(),
            e.date
                .map(|d| karabakh_core::model::iso(d.start))
                .as_deref()
        );
        assert_eq!(
            f["properties"]["region"].as_bool(),
            Some(e.place.kind.is_area())
        );
        assert_eq!(
            f["properties"]["sources"].as_u64(),
            Some(e.sources.len() as u64)
        );
    }
    // CSV: ACLED-like columns, quoting survives sentences with commas and quotes
    let mut reader = csv::Reader::from_path(&csv_path).unwrap_or_else(|e| panic!("{e}"));
    let headers: Vec<String> = reader
        .headers()
        .map(|h| h.iter().map(str::to_owned).collect())
        .unwrap_or_default();
    assert_eq!(headers, karabakh_core::export::CSV_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rows.len(), dataset.events.len());
    for (row, e) in rows.iter().zip(&dataset.events) {
        assert_eq!(row.get(0), Some(e.id.as_str()));
        assert_eq!(row.get(7), Some(e.place.name.as_str()));
        assert_eq!(row.get(12), e.sources.first().map(|s| &*s.sentence));
        assert!(
            row.get(8)
                .and_then(|v| v.parse::<f64>().ok())
                .is_some_and(|lat| (lat - e.place.lat).abs() < 1e-4)
        );
    }
}

#[test]
fn corrections_apply_to_every_output_and_a_bad_file_exits_2() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        articles.join("2020-10-06-report.txt"),
        "Armenian forces shelled Ganja on 4 October 2020.\n\n\
         Azerbaijani forces shelled Kapan on 5 October 2020.\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    // the corrections live outside the article folder
    let file = dir.path().join("corrections.json");
    std::fs::write(
        &file,
        r#"{"version": 1, "corrections": [
            {"event": "strike-kapan-2020-10-05", "reject": true},
            {"event": "strike-ganja-2020-10-04", "set": {"date": "2020-10-03"}},
            {"event": "strike-barda-2020-10-28", "reject": true}]}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (geojson, csv) = (dir.path().join("e.geojson"), dir.path().join("e.csv"));
    let out = bin()
        .arg("extract")
        .arg(&articles)
        .args(["--json", "--corrections"])
        .arg(&file)
        .arg("--geojson")
        .arg(&geojson)
        .arg("--csv")
        .arg(&csv)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("1 correction no longer matches an event") && stderr.contains("#3"),
        "{stderr}"
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let events = json["events"].as_array().cloned().unwrap_or_default();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["id"], "strike-ganja-2020-10-04");
    assert_eq!(events[0]["date"]["start"], "2020-10-03");
    assert_eq!(events[0]["corrected"], true);
    assert_eq!(events[0]["original"]["date"]["start"], "2020-10-04");
    let geojson: Value =
        serde_json::from_str(&std::fs::read_to_string(&geojson).unwrap_or_default())
            .unwrap_or_default();
    let properties = &geojson["features"][0]["properties"];
    assert_eq!(properties["corrected"], true);
    assert_eq!(
        properties["original"],
        "strike at Ganja on 2020-10-04, reported"
    );
    let csv = std::fs::read_to_string(&csv).unwrap_or_default();
    assert!(
        csv.lines()
            .next()
            .is_some_and(|h| h.ends_with(",corrected,original,location_az,location_hy,location_ru"))
    );
    // the place's names in the region's languages follow
    assert!(
        csv.contains(",true,\"strike at Ganja on 2020-10-04, reported\",Gəncə,Գանձակ,Гянджа"),
        "{csv}"
    );
    assert_eq!(properties["place_az"], "Gəncə");
    assert_eq!(properties["place_ru"], "Гянджа");
    // nothing was written into the article folder
    assert_eq!(
        std::fs::read_dir(&articles).map(|d| d.count()).unwrap_or(0),
        1
    );
    // a malformed file: one line on stderr, exit 2, and the file left as it was
    std::fs::write(&file, "{\"version\": 1, \"corrections\": [").unwrap_or_else(|e| panic!("{e}"));
    let out = bin()
        .arg("extract")
        .arg(&articles)
        .arg("--corrections")
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("corrections.json") && stderr.contains("line 1"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap_or_default(),
        "{\"version\": 1, \"corrections\": ["
    );
}
