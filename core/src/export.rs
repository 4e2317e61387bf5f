//! Events → files other tools read: GeoJSON points for QGIS (its Temporal Controller animates
//! `date_start`/`date_end`, which OGR reads as dates) and kepler.gl, and CSV with ACLED-like
//! columns (quoting by the `csv` crate), each with the place's Azerbaijani, Armenian and Russian
//! names where the gazetteer has them; and the documented `extract --json` document.

use serde::Serialize;
use serde_json::{Value, json};

use crate::gazetteer::GAZETTEER;
use crate::model::{Dataset, Event, EventKind, PlaceKind, Precision};
use crate::names::all_names;

fn iso_or_empty(date: Option<chrono::NaiveDate>) -> String {
    date.map(crate::model::iso).unwrap_or_default()
}

/// The events as a GeoJSON FeatureCollection of points. Region-level places (districts,
/// provinces, regions, countries) are their label point, flagged `region: true`.
pub fn to_geojson(events: &[Event]) -> Value {
    let features: Vec<Value> = events
        .iter()
        .map(|e| {
            let first = e.sources.first();
            let [_, name_az, name_hy, name_ru] = all_names(&GAZETTEER, &e.place.name);
            let name = |n: &str| (!n.is_empty()).then(|| n.to_owned());
            json!({
                "type": "Feature",
                "id": e.id,
                "geometry": {"type": "Point", "coordinates": [e.place.lon, e.place.lat]},
                "properties": {
                    "id": e.id,
                    "kind": e.kind.as_str(),
                    "place": e.place.name,
                    "place_az": name(name_az),
                    "place_hy": name(name_hy),
                    "place_ru": name(name_ru),
                    "place_kind": e.place.kind.as_str(),
                    "region": e.place.kind.is_area(),
                    "date_start": e.date.map(|d| crate::model::iso(d.start)),
                    "date_end": e.date.map(|d| crate::model::iso(d.end)),
                    "date_precision": e.date.map(|d| format!("{:?}", d.precision).to_lowercase()),
                    "status": e.status.as_str(),
                    "actor": e.actor,
                    "target": e.target,
                    "confidence": e.confidence,
                    "sources": e.sources.len(),
                    "sentence": first.map(|s| &*s.sentence),
                    "article": first.map(|s| &*s.article),
                    "corrected": e.corrected(),
                    "original": e.original().map(original_words),
                }
            })
        })
        .collect();
    json!({"type": "FeatureCollection", "features": features})
}

/// ACLED-like CSV columns, in order.
pub const CSV_COLUMNS: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "corrected",
    "original",
    "location_az",
    "location_hy",
    "location_ru",
];

/// A corrected event's original reading in words: "strike at Ganja on 2020-10-04, reported".
fn original_words(o: &crate::model::Original) -> String {
    let when = match o.date {
        Some(d) if d.start == d.end => format!(" on {}", crate::model::iso(d.start)),
        Some(d) => format!(
            " from {} to {}",
            crate::model::iso(d.start),
            crate::model::iso(d.end)
        ),
        None => ", undated".to_owned(),
    };
    format!(
        "{} at {}{when}, {}",
        o.kind.as_str(),
        o.place.name,
        o.status.as_str()
    )
}

/// The events as CSV with ACLED-like columns. `time_precision`: 1 day, 2 week, 3 month or
/// longer; `geo_precision`: 1 town or village, 2 district or province, 3 region or country.
pub fn to_csv(events: &[Event]) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(CSV_COLUMNS)?;
    for e in events {
        let time_precision = match e.date.map(|d| (d.precision, d.len_days())) {
            Some((Precision::Day, n)) if n <= 3 => "1",
            Some((Precision::Day, _)) => "2",
            _ => "3",
        };
        let (event_type, sub_event_type) = match e.kind {
            EventKind::Strike => (
                "Explosions/Remote violence",
                "Shelling/artillery/missile attack",
            ),
            EventKind::Deployment => ("Strategic developments", "Deployment"),
        };
        let geo_precision = match e.place.kind {
            PlaceKind::City | PlaceKind::Town | PlaceKind::Village | PlaceKind::Landmark => "1",
            PlaceKind::District | PlaceKind::Province | PlaceKind::Corridor => "2",
            PlaceKind::Region | PlaceKind::Country => "3",
        };
        let sources: Vec<&str> = e.sources.iter().map(|s| &*s.article).collect();
        let notes = e.sources.first().map(|s| &*s.sentence).unwrap_or_default();
        let [_, name_az, name_hy, name_ru] = all_names(&GAZETTEER, &e.place.name);
        writer.write_record([
            e.id.as_str(),
            &iso_or_empty(e.date.map(|d| d.start)),
            time_precision,
            event_type,
            sub_event_type,
            e.actor.as_deref().unwrap_or_default(),
            e.target.as_deref().unwrap_or_default(),
            e.place.name.as_str(),
            &format!("{:.5}", e.place.lat),
            &format!("{:.5}", e.place.lon),
            geo_precision,
            &sources.join("; "),
            notes,
            if e.corrected() { "true" } else { "" },
            &e.original().map(original_words).unwrap_or_default(),
            name_az,
            name_hy,
            name_ru,
        ])?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| csv::Error::from(std::io::Error::other(e.to_string())))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Why an image could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ImageError {
    /// The pixel buffer does not match the size.
    #[error("image of {width}×{height} pixels needs {expected} bytes, got {got}")]
    Size {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
        /// Bytes expected.
        expected: usize,
        /// Bytes given.
        got: usize,
    },
    /// PNG encoding failed.
    #[error("cannot encode the PNG: {0}")]
    Encode(#[from] png::EncodingError),
}

/// Encodes 8-bit RGBA pixels (row by row) as a PNG file's bytes.
pub fn png_bytes(width: u32, height: u32, rgba: &[u8]) -> Result<Vec<u8>, ImageError> {
    let expected = width as usize * height as usize * 4;
    if rgba.len() != expected || width == 0 || height == 0 {
        return Err(ImageError::Size {
            width,
            height,
            expected,
            got: rgba.len(),
        });
    }
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header()?;
        writer.write_image_data(rgba)?;
        writer.finish()?;
    }
    Ok(out)
}

#[derive(Serialize)]
struct JsonArticle<'a> {
    path: &'a str,
    title: Option<&'a str>,
    published: Option<String>,
    published_from: Option<&'static str>,
}

impl<'a> JsonArticle<'a> {
    fn of(dataset: &'a Dataset) -> Vec<Self> {
        dataset
            .articles
            .iter()
            .map(|a| JsonArticle {
                path: &a.path,
                title: a.title.as_deref(),
                published: a.published.map(|p| p.to_string()),
                published_from: a.published_from.map(|f| f.as_str()),
            })
            .collect()
    }
}

/// The dataset as the documented `extract --json` document.
pub fn to_json(dataset: &Dataset) -> Result<String, serde_json::Error> {
    let mut out = Vec::new();
    write_json(dataset, &mut out)?;
    // serde_json writes UTF-8 only
    Ok(String::from_utf8(out).unwrap_or_default())
}

/// How much of the document is serialised at once, in parallel, before it is written (about
/// 2 MB): enough to share among the cores, little enough that the output is never held in
/// memory whole. Counted in elements, an event weighing as many as its sources.
const BATCH_WEIGHT: usize = 4096;

/// Writes the `extract --json` document to `out`: an object of `articles`, `events` and
/// `problems`, pretty-printed (two spaces), exactly as `serde_json::to_writer_pretty` would
/// write it. The arrays' elements are serialised on all cores a batch at a time and written in
/// order, so that a large dataset's output is never held in memory whole (wrap a file in a
/// `BufWriter`).
pub fn write_json(
    dataset: &Dataset,
    mut out: impl std::io::Write,
) -> Result<(), serde_json::Error> {
    use serde_json::Error;
    out.write_all(b"{\n  \"articles\": ").map_err(Error::io)?;
    write_array(&mut out, &JsonArticle::of(dataset), |_| 1)?;
    out.write_all(b",\n  \"events\": ").map_err(Error::io)?;
    write_array(&mut out, &dataset.events, |e| e.sources.len() + 1)?;
    out.write_all(b",\n  \"problems\": ").map_err(Error::io)?;
    write_array(&mut out, &dataset.problems, |_| 1)?;
    out.write_all(b"\n}").map_err(Error::io)
}

/// Writes `items` as the pretty-printed array value of a key of the top-level object, as
/// `serde_json::to_writer_pretty` would: each element serialised alone, in parallel, and
/// indented by four spaces. Batches weigh about [`BATCH_WEIGHT`] by `weight`.
fn write_array<T: Serialize + Sync>(
    out: &mut impl std::io::Write,
    items: &[T],
    weight: impl Fn(&T) -> usize,
) -> Result<(), serde_json::Error> {
    use rayon::prelude::*;
    use serde_json::Error;
    if items.is_empty() {
        return out.write_all(b"[]").map_err(Error::io);
    }
    out.write_all(b"[").map_err(Error::io)?;
    let mut rest = items;
    let mut first = true;
    while !rest.is_empty() {
        let mut total = 0;
        let size = rest
            .iter()
            .take_while(|item| {
                total += weight(item);
                total <= BATCH_WEIGHT
            })
            .count()
            .max(1);
        let (batch, after) = rest.split_at(size);
        rest = after;
        let alone: Vec<Vec<u8>> = batch
            .par_iter()
            .map(serde_json::to_vec_pretty)
            .collect::<Result<_, Error>>()?;
        for element in &alone {
            // a comma before each element but the first, then a line break and four spaces
            let lead: &[u8] = if first { b"\n    " } else { b",\n    " };
            first = false;
            out.write_all(lead)
                .and_then(|()| write_indented(out, element))
                .map_err(Error::io)?;
        }
    }
    out.write_all(b"\n  ]").map_err(Error::io)
}

/// Writes `json` (pretty-printed alone) with every line break followed by four spaces more:
/// the element nested in a top-level array. JSON strings never hold a raw line break (theirs
/// are escaped), so every one is the printer's.
fn write_indented(out: &mut impl std::io::Write, json: &[u8]) -> std::io::Result<()> {
    let mut line_start = 0;
    for at in memchr::memchr_iter(b'\n', json) {
        out.write_all(json.get(line_start..=at).unwrap_or_default())?;
        out.write_all(b"    ")?;
        line_start = at + 1;
    }
    out.write_all(json.get(line_start..).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Problem;

    /// The document as one `serde_json::to_writer_pretty` call writes it.
    fn pretty_whole(dataset: &Dataset) -> String {
        #[derive(Serialize)]
        struct JsonOutput<'a> {
            articles: Vec<JsonArticle<'a>>,
            events: &'a [Event],
            problems: &'a [Problem],
        }
        let whole = JsonOutput {
            articles: JsonArticle::of(dataset),
            events: &dataset.events,
            problems: &dataset.problems,
        };
        serde_json::to_string_pretty(&whole).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_document_is_written_as_one_pretty_value() {
        let mut dataset = crate::seeds::dataset();
        assert!(!dataset.events.is_empty() && !dataset.articles.is_empty());
        let json = |d: &Dataset| to_json(d).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(json(&dataset), pretty_whole(&dataset));
        // more events and problems than a batch holds
        let events = dataset.events.clone();
        let weight = |d: &Dataset| d.events.iter().map(|e| e.sources.len() + 1).sum::<usize>();
        while weight(&dataset) <= 2 * BATCH_WEIGHT {
            dataset.events.extend(events.iter().cloned());
        }
        dataset.problems = (0..=BATCH_WEIGHT)
            .map(|n| Problem {
                path: format!("{n}\n\"b\".txt"),
                problem: "binary file, not text; skipped".to_owned(),
            })
            .collect();
        assert_eq!(json(&dataset), pretty_whole(&dataset));
        assert!(serde_json::from_str::<Value>(&json(&dataset)).is_ok());
        // nothing at all
        let empty = Dataset::default();
        assert_eq!(json(&empty), pretty_whole(&empty));
    }
}
