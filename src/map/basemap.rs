//! The basemap, built once from the bundled assets: country, province and Karabakh polygons
//! (with earcut triangles for filling and simplified rings per zoom level), the Lachin corridor
//! line, and the labelled towns from the gazetteer.

use std::sync::LazyLock;

use geo::{
    BoundingRect, Contains, Coord, LineString, MultiPolygon, Polygon, Simplify, TriangulateEarcut,
};
use serde_json::Value;

use karabakh_core::gazetteer::GAZETTEER;
use karabakh_core::model::PlaceKind;

/// What an area is on the map, which decides how it is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AreaRole {
    /// Armenia or Azerbaijan.
    Focus,
    /// Georgia, Iran, Turkey, Russia: greyed.
    Neighbour,
    /// A province (Armenia) or district (Azerbaijan).
    Province,
    /// Syunik province: tinted and labelled.
    Syunik,
    /// The area held by the Karabakh Armenians 1994–2020.
    KarabakhDeFacto,
    /// The approximate former Nagorno-Karabakh Autonomous Oblast.
    KarabakhOblast,
}

/// A filled, outlined area.
pub struct Area {
    /// Display name.
    pub name: String,
    /// How it is drawn.
    pub role: AreaRole,
    /// Polygons in geographic coordinates.
    pub shape: MultiPolygon<f64>,
    /// Rings (exterior and holes) at two levels of detail: coarse, full.
    pub rings: [Vec<Vec<[f64; 2]>>; 2],
    /// Fill triangles: vertices (lon, lat) and index triples.
    pub triangles: (Vec<[f64; 2]>, Vec<u32>),
    /// Where to put the label (lon, lat).
    pub label_at: Option<[f64; 2]>,
    /// Bounding box (min lon, min lat, max lon, max lat).
    pub bounds: (f64, f64, f64, f64),
}

/// A town label.
pub struct Town {
    /// Label, with both common names where they differ ("Stepanakert / Khankendi").
    pub label: String,
    /// Canonical gazetteer name.
    pub name: String,
    /// Longitude.
    pub lon: f64,
    /// Latitude.
    pub lat: f64,
    /// 0 = always labelled … 3 = only when zoomed far in.
    pub rank: u8,
}

/// Everything drawn under the events.
pub struct Basemap {
    /// Countries.
    pub countries: Vec<Area>,
    /// Provinces and districts.
    pub provinces: Vec<Area>,
    /// Karabakh outlines (1994–2020 line, approximate oblast).
    pub karabakh: Vec<Area>,
    /// The Lachin corridor as (lon, lat) points.
    pub corridor: Vec<[f64; 2]>,
    /// Town labels, most important first.
    pub towns: Vec<Town>,
    /// Each area by the lower-case name a place gives it ("ganja-gazakh", "nagorno-karabakh").
    by_key: std::collections::HashMap<String, (AreaGroup, usize)>,
}

/// Which of the basemap's lists an area is in.
#[derive(Clone, Copy, Debug)]
enum AreaGroup {
    Karabakh,
    Country,
    Province,
}

/// A place or area name as the area index keys it: lower case, without "Province", "District"
/// or "City".
fn area_key(name: &str) -> String {
    let lower = name.to_lowercase();
    let mut key = lower.as_str();
    for suffix in [" province", " district", " city"] {
        key = key.trim_end_matches(suffix);
    }
    key.to_owned()
}

/// The basemap, parsed once.
pub static BASEMAP: LazyLock<Basemap> = LazyLock::new(Basemap::load);

/// Towns labelled at every zoom, then those shown from medium zoom.
const RANK0: &[&str] = &[
    "Stepanakert",
    "Ganja",
    "Yerevan",
    "Baku",
    "Shusha",
    "Lachin",
    "Goris",
    "Kapan",
    "Nakhchivan",
];
const RANK1: &[&str] = &[
    "Jermuk",
    "Vardenis",
    "Barda",
    "Tartar",
    "Aghdam",
    "Fuzuli",
    "Jabrayil",
    "Hadrut",
    "Martakert",
    "Kalbajar",
    "Meghri",
    "Khojavend",
    "Mingachevir",
    "Yevlakh",
    "Gyumri",
    "Zangilan",
    "Qubadli",
    "Askeran",
    "Khojaly",
    "Gadabay",
    "Tovuz",
    "Sotk",
    "Ijevan",
    "Horadiz",
];
/// Second names shown in labels.
const DUAL_NAMES: &[(&str, &str)] = &[
    ("Stepanakert", "Khankendi"),
    ("Shusha", "Shushi"),
    ("Lachin", "Berdzor"),
    ("Martakert", "Aghdara"),
    ("Kalbajar", "Karvachar"),
    ("Khojavend", "Martuni"),
];

fn ring_points(ring: &LineString<f64>) -> Vec<[f64; 2]> {
    ring.coords().map(|c| [c.x, c.y]).collect()
}

fn parse_ring(value: &Value) -> Option<LineString<f64>> {
    let coords: Vec<Coord<f64>> = value
        .as_array()?
        .iter()
        .filter_map(|p| {
            Some(Coord {
                x: p.get(0)?.as_f64()?,
                y: p.get(1)?.as_f64()?,
            })
        })
        .collect();
    (coords.len() >= 3).then(|| LineString::new(coords))
}

fn parse_polygon(value: &Value) -> Option<Polygon<f64>> {
    let rings = value.as_array()?;
    let exterior = parse_ring(rings.first()?)?;
    let holes = rings.iter().skip(1).filter_map(parse_ring).collect();
    Some(Polygon::new(exterior, holes))
}

fn parse_geometry(geometry: &Value) -> MultiPolygon<f64> {
    let coordinates = geometry.get("coordinates");
    match geometry.get("type").and_then(Value::as_str) {
        Some("Polygon") => MultiPolygon(coordinates.and_then(parse_polygon).into_iter().collect()),
        Some("MultiPolygon") => MultiPolygon(
            coordinates
                .and_then(Value::as_array)
                .map(|ps| ps.iter().filter_map(parse_polygon).collect())
                .unwrap_or_default(),
        ),
        _ => MultiPolygon(Vec::new()),
    }
}

/// A string property of a GeoJSON feature ("" when absent).
fn property<'a>(feature: &'a Value, key: &str) -> &'a str {
    feature
        .get("properties")
        .and_then(|p| p.get(key))
        .and_then(Value::as_str)
        .unwrap_or_default()
}

/// The polygons of a GeoJSON feature (none for other geometry types).
fn geometry(feature: &Value) -> MultiPolygon<f64> {
    feature
        .get("geometry")
        .map(parse_geometry)
        .unwrap_or(MultiPolygon(Vec::new()))
}

fn features(geojson: &str) -> Vec<Value> {
    serde_json::from_str::<Value>(geojson)
        .ok()
        .and_then(|v| v.get("features").and_then(Value::as_array).cloned())
        .unwrap_or_default()
}

impl Area {
    fn new(
        name: String,
        role: AreaRole,
        shape: MultiPolygon<f64>,
        label_at: Option<[f64; 2]>,
    ) -> Self {
        let coarse = shape.simplify(0.01);
        let ring_set = |mp: &MultiPolygon<f64>| -> Vec<Vec<[f64; 2]>> {
            mp.0.iter()
                .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
                .map(ring_points)
                .collect()
        };
        let mut vertices = Vec::new();
        let mut indices = Vec::new();
        for polygon in &shape.0 {
            let raw = polygon.earcut_triangles_raw();
            let base = u32::try_from(vertices.len()).unwrap_or(u32::MAX);
            vertices.extend(raw.vertices.iter().copied());
            indices.extend(
                raw.triangle_indices
                    .iter()
                    .map(|&i| base + u32::try_from(i).unwrap_or(0)),
            );
        }
        let bounds = shape.bounding_rect().map_or((0.0, 0.0, 0.0, 0.0), |r| {
            (r.min().x, r.min().y, r.max().x, r.max().y)
        });
        Self {
            name,
            role,
            rings: [ring_set(&coarse), ring_set(&shape)],
            triangles: (vertices, indices),
            label_at,
            bounds,
            shape,
        }
    }

    /// Whether the area contains the point.
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        self.shape.contains(&geo::Point::new(lon, lat))
    }
}

impl Basemap {
    fn load() -> Self {
        let countries: Vec<Area> = features(include_str!("../../assets/countries.geojson"))
            .iter()
            .map(|f| {
                let name = property(f, "name").to_owned();
                let role = if property(f, "role") == "focus" {
                    AreaRole::Focus
                } else {
                    AreaRole::Neighbour
                };
                Area::new(name, role, geometry(f), None)
            })
            .collect();
        let provinces: Vec<Area> = features(include_str!("../../assets/admin1.geojson"))
            .iter()
            .map(|f| {
                let name = property(f, "name_en").to_owned();
                let label = f
                    .get("properties")
                    .and_then(|p| p.get("label_point"))
                    .and_then(|l| Some([l.get(0)?.as_f64()?, l.get(1)?.as_f64()?]));
                let role = if name.starts_with("Syunik") {
                    AreaRole::Syunik
                } else {
                    AreaRole::Province
                };
                Area::new(name, role, geometry(f), label)
            })
            .collect();
        let karabakh: Vec<Area> = features(include_str!("../../assets/karabakh_outlines.geojson"))
            .iter()
            .map(|f| {
                let id = property(f, "id");
                let (name, role) = if id.starts_with("nkao") {
                    (
                        "Nagorno-Karabakh (former oblast, approximate)".to_owned(),
                        AreaRole::KarabakhOblast,
                    )
                } else {
                    (
                        "Karabakh Armenian-held area 1994–2020".to_owned(),
                        AreaRole::KarabakhDeFacto,
                    )
                };
                Area::new(name, role, geometry(f), None)
            })
            .collect();
        let corridor = features(include_str!("../../assets/lachin_corridor.geojson"))
            .first()
            .and_then(|f| f.get("geometry")?.get("coordinates")?.as_array().cloned())
            .map(|pts| {
                pts.iter()
                    .filter_map(|p| Some([p.get(0)?.as_f64()?, p.get(1)?.as_f64()?]))
                    .collect()
            })
            .unwrap_or_default();
        // the basemap labels towns and cities (villages only where ranked above), each name
        // once: the gazetteer holds every village, whose labels come with their events
        let mut towns: Vec<Town> = GAZETTEER
            .entries
            .iter()
            .enumerate()
            .filter(|(i, e)| {
                let ranked = RANK0.contains(&e.name.as_str()) || RANK1.contains(&e.name.as_str());
                let settlement = matches!(e.kind, PlaceKind::City | PlaceKind::Town)
                    || (ranked && e.kind == PlaceKind::Village);
                settlement && GAZETTEER.by_name(&e.name) == Some(*i)
            })
            .map(|(_, e)| {
                let rank = if RANK0.contains(&e.name.as_str()) {
                    0
                } else if RANK1.contains(&e.name.as_str()) {
                    1
                } else if e.alt_names.is_empty() {
                    3
                } else {
                    2
                };
                let label = DUAL_NAMES
                    .iter()
                    .find(|(a, _)| *a == e.name)
                    .map_or_else(|| e.name.clone(), |(a, b)| format!("{a} / {b}"));
                Town {
                    label,
                    name: e.name.clone(),
                    lon: e.lon,
                    lat: e.lat,
                    rank,
                }
            })
            .collect();
        towns.sort_by_key(|t| t.rank);
        // Nagorno-Karabakh before countries before provinces (the first of a name among them)
        let mut by_key = std::collections::HashMap::new();
        for (i, a) in provinces.iter().enumerate() {
            by_key
                .entry(area_key(&a.name))
                .or_insert((AreaGroup::Province, i));
        }
        for (i, a) in countries.iter().enumerate() {
            by_key.insert(area_key(&a.name), (AreaGroup::Country, i));
        }
        if let Some(i) = karabakh
            .iter()
            .position(|a| a.role == AreaRole::KarabakhOblast)
        {
            by_key.insert("nagorno-karabakh".to_owned(), (AreaGroup::Karabakh, i));
        }
        Self {
            by_key,
            countries,
            provinces,
            karabakh,
            corridor,
            towns,
        }
    }

    /// The area to highlight for a region-level place ("Nagorno-Karabakh", "Armenia", "Syunik Province").
    pub fn area_for(&self, place: &str) -> Option<&Area> {
        let key = area_key(place);
        let &(group, index) = self.by_key.get(&key)?;
        match group {
            AreaGroup::Karabakh => self.karabakh.get(index),
            AreaGroup::Country => self.countries.get(index),
            AreaGroup::Province => self.provinces.get(index),
        }
    }

    /// The province or district that contains a point.
    pub fn province_at(&self, lon: f64, lat: f64) -> Option<&Area> {
        self.provinces.iter().find(|a| {
            a.bounds.0 <= lon
                && lon <= a.bounds.2
                && a.bounds.1 <= lat
                && lat <= a.bounds.3
                && a.contains(lon, lat)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basemap_has_the_region() {
        let b = &*BASEMAP;
        assert_eq!(
            b.countries
                .iter()
                .filter(|a| a.role == AreaRole::Focus)
                .count(),
            2
        );
        assert!(b.provinces.iter().any(|a| a.role == AreaRole::Syunik));
        assert!(b.corridor.len() >= 4);
        assert!(b.countries.iter().all(|a| !a.triangles.1.is_empty()));
        assert!(b.area_for("Nagorno-Karabakh").is_some());
        assert!(b.area_for("Armenia").is_some());
        assert!(b.area_for("Syunik Province").is_some());
    }

    #[test]
    fn point_in_province() {
        let kapan = BASEMAP.province_at(46.405, 39.207).map(|a| a.name.as_str());
        assert!(kapan.is_some_and(|n| n.starts_with("Syunik")), "{kapan:?}");
        assert!(
            BASEMAP
                .countries
                .iter()
                .any(|a| a.name == "Armenia" && a.contains(44.51, 40.18))
        );
    }
}
