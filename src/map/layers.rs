//! The basemap layers: countries, provinces and the Karabakh outlines filled and outlined, the
//! Lachin corridor and the 1994–2020 line, water, and town labels placed without pile-ups.

use egui::{Align2, Color32, FontId, Mesh, Pos2, Rect, Shape, Stroke, vec2};
use karabakh_core::gazetteer::GAZETTEER;
use karabakh_core::names::NameLanguage;

use super::basemap::{Area, AreaRole, BASEMAP};
use super::{Projection, geo_point};
use crate::style;

pub(super) fn fill_area(
    painter: &egui::Painter,
    projection: &Projection,
    area: &Area,
    color: Color32,
) {
    let (vertices, indices) = &area.triangles;
    if indices.is_empty() || !overlaps(projection, area) {
        return;
    }
    let mut mesh = Mesh::default();
    for v in vertices {
        mesh.colored_vertex(projection.screen_from_geo(geo_point(v[0], v[1])), color);
    }
    for tri in indices.chunks_exact(3) {
        if let [a, b, c] = tri {
            mesh.add_triangle(*a, *b, *c);
        }
    }
    painter.add(Shape::mesh(mesh));
}

pub(super) fn overlaps(projection: &Projection, area: &Area) -> bool {
    let (min_lon, min_lat, max_lon, max_lat) = projection.visible_bounds();
    area.bounds.0 <= max_lon
        && min_lon <= area.bounds.2
        && area.bounds.1 <= max_lat
        && min_lat <= area.bounds.3
}

pub(super) fn outline_area(
    painter: &egui::Painter,
    projection: &Projection,
    area: &Area,
    stroke: Stroke,
    detail: usize,
) {
    if !overlaps(projection, area) {
        return;
    }
    for ring in area
        .rings
        .get(detail)
        .or(area.rings.first())
        .into_iter()
        .flatten()
    {
        let points: Vec<Pos2> = ring
            .iter()
            .map(|p| projection.screen_from_geo(geo_point(p[0], p[1])))
            .collect();
        painter.add(Shape::closed_line(points, stroke));
    }
}

/// What the basemap labelled: the labels' rectangles, which event labels must not cover, and the
/// town dots that carry a label, so that an event there needs no second one.
#[derive(Default)]
pub(super) struct Labelled {
    pub(super) rects: Vec<Rect>,
    pub(super) towns: Vec<Pos2>,
}

/// Draws the basemap; its labels keep clear of `obstacles` (the markers' screen areas), and a
/// town whose dot a marker covers is named beside that marker.
pub(super) fn basemap_ui(
    painter: &egui::Painter,
    projection: &Projection,
    obstacles: &[Rect],
    names: NameLanguage,
) -> Labelled {
    let b = &*BASEMAP;
    let zoom = projection.view.points_per_degree;
    let detail = usize::from(zoom > 400.0);
    land_beyond_ui(painter, projection);
    for area in &b.countries {
        let fill = if area.role == AreaRole::Focus {
            style::LAND_FOCUS
        } else {
            style::LAND_NEIGHBOUR
        };
        fill_area(painter, projection, area, fill);
    }
    for area in b.provinces.iter().filter(|a| a.role == AreaRole::Syunik) {
        fill_area(painter, projection, area, style::SYUNIK);
    }
    for area in &b.provinces {
        outline_area(
            painter,
            projection,
            area,
            Stroke::new(0.7, style::PROVINCE_BORDER),
            detail,
        );
    }
    for area in &b.countries {
        outline_borders(
            painter,
            projection,
            area,
            Stroke::new(1.3, style::BORDER),
            detail,
        );
    }
    let mut placed: Vec<Rect> = obstacles.to_vec();
    for area in &b.karabakh {
        match area.role {
            AreaRole::KarabakhOblast => {
                fill_area(
                    painter,
                    projection,
                    area,
                    style::KARABAKH.gamma_multiply(0.08),
                );
                outline_area(
                    painter,
                    projection,
                    area,
                    Stroke::new(1.6, style::KARABAKH),
                    detail,
                );
            }
            _ => {
                for ring in area.rings.get(detail).into_iter().flatten() {
                    let points: Vec<Pos2> = ring
                        .iter()
                        .map(|p| projection.screen_from_geo(geo_point(p[0], p[1])))
                        .collect();
                    painter.extend(Shape::dashed_line(
                        &points,
                        Stroke::new(1.0, style::KARABAKH.gamma_multiply(0.7)),
                        6.0,
                        4.0,
                    ));
                }
            }
        }
    }
    // Lachin corridor
    let corridor: Vec<Pos2> = b
        .corridor
        .iter()
        .map(|p| projection.screen_from_geo(geo_point(p[0], p[1])))
        .collect();
    painter.add(Shape::line(
        corridor.clone(),
        Stroke::new(3.0, style::CORRIDOR),
    ));
    if let (Some(first), Some(last)) = (corridor.first(), corridor.last()) {
        let mid = first.lerp(*last, 0.5) + vec2(-8.0, 14.0);
        place_label(
            painter,
            &mut placed,
            mid,
            "Lachin corridor",
            12.0,
            style::CORRIDOR,
            Align2::RIGHT_TOP,
        );
    }
    // region labels
    if b.karabakh
        .iter()
        .any(|a| a.role == AreaRole::KarabakhOblast)
    {
        // a marker on the usual spot moves the name up or down
        let at = projection.screen_from_geo(geo_point(46.93, 39.70));
        let named = [0.0, -30.0, 30.0, -55.0, 55.0]
            .into_iter()
            .map(|dy| at + vec2(0.0, dy))
            .find(|&at| {
                place_label(
                    painter,
                    &mut placed,
                    at,
                    &region_name("Nagorno-Karabakh", names),
                    14.0,
                    style::KARABAKH,
                    Align2::CENTER_CENTER,
                )
            });
        if let Some(at) = named.filter(|_| zoom > 250.0) {
            place_label(
                painter,
                &mut placed,
                at + vec2(0.0, 15.0),
                "(outline approximate)",
                10.0,
                style::KARABAKH,
                Align2::CENTER_CENTER,
            );
        }
    }
    for area in b
        .provinces
        .iter()
        .filter(|a| a.role == AreaRole::Syunik || zoom > 450.0)
    {
        if let Some(l) = area.label_at {
            let color = if area.role == AreaRole::Syunik {
                Color32::from_rgb(40, 110, 70)
            } else {
                Color32::from_gray(150)
            };
            let name = region_name(area.name.trim_end_matches(" Province"), names);
            place_label(
                painter,
                &mut placed,
                projection.screen_from_geo(geo_point(l[0], l[1])),
                &name,
                if area.role == AreaRole::Syunik {
                    13.0
                } else {
                    10.0
                },
                color,
                Align2::CENTER_CENTER,
            );
        }
    }
    for (name, lon, lat) in [
        ("ARMENIA", 44.9, 40.55),
        ("AZERBAIJAN", 48.2, 40.75),
        ("NAKHCHIVAN", 45.35, 39.35),
        ("IRAN", 47.0, 38.6),
        ("GEORGIA", 44.6, 41.6),
    ] {
        let at = projection.screen_from_geo(geo_point(lon, lat));
        // the gazetteer names countries in title case
        let title: String = name
            .chars()
            .enumerate()
            .map(|(i, c)| if i == 0 { c } else { c.to_ascii_lowercase() })
            .collect();
        let shown = match karabakh_core::names::name_in(&GAZETTEER, &title, names) {
            Some(n) if names != NameLanguage::English => n.to_uppercase(),
            _ => name.to_owned(),
        };
        place_label(
            painter,
            &mut placed,
            at,
            &shown,
            15.0,
            Color32::from_gray(120),
            Align2::CENTER_CENTER,
        );
    }
    // towns, most important first; label density follows zoom
    let max_rank = if zoom >= 900.0 {
        3
    } else if zoom >= 420.0 {
        2
    } else if zoom >= 150.0 {
        1
    } else {
        0
    };
    let mut towns = Vec::new();
    for town in b.towns.iter().filter(|t| t.rank <= max_rank) {
        let p = projection.screen_from_geo(geo_point(town.lon, town.lat));
        if !projection.rect.contains(p) {
            continue;
        }
        // a marker on the town's dot pushes its label to the marker's right
        let right = obstacles
            .iter()
            .filter(|r| r.contains(p))
            .map(|r| r.right() - p.x + 3.0)
            .fold(5.0f32, f32::max);
        if place_label(
            painter,
            &mut placed,
            p + vec2(right, 0.0),
            // in English the basemap's own labels, some with both sides' names
            &if names == NameLanguage::English {
                std::borrow::Cow::Borrowed(town.label.as_str())
            } else {
                style::place_name(&town.name, names)
            },
            11.0,
            style::TOWN,
            Align2::LEFT_CENTER,
        ) {
            painter.circle_filled(p, 2.5, style::TOWN);
            towns.push(p);
        }
    }
    Labelled {
        rects: placed,
        towns,
    }
}

/// Where the basemap's countries were cut: (meridian, parallels).
const CUT: (f64, [f64; 2]) = (43.0, [37.8, 42.5]);

/// Whether the segment `a`–`b` runs along the basemap's cut (a straight edge, not a border).
fn along_cut(a: [f64; 2], b: [f64; 2]) -> bool {
    let on = |x: f64, y: f64, line: f64| (x - line).abs() < 1e-6 && (y - line).abs() < 1e-6;
    on(a[0], b[0], CUT.0) || CUT.1.iter().any(|&lat| on(a[1], b[1], lat))
}

/// A country's borders, without the straight edges where the basemap was cut.
fn outline_borders(
    painter: &egui::Painter,
    projection: &Projection,
    area: &Area,
    stroke: Stroke,
    detail: usize,
) {
    if !overlaps(projection, area) {
        return;
    }
    for ring in area
        .rings
        .get(detail)
        .or(area.rings.first())
        .into_iter()
        .flatten()
    {
        let mut line: Vec<Pos2> = Vec::new();
        for pair in ring.windows(2) {
            let [a, b] = [pair[0], pair[1]];
            if along_cut(a, b) {
                if line.len() > 1 {
                    painter.add(Shape::line(std::mem::take(&mut line), stroke));
                }
                line.clear();
                continue;
            }
            if line.is_empty() {
                line.push(projection.screen_from_geo(geo_point(a[0], a[1])));
            }
            line.push(projection.screen_from_geo(geo_point(b[0], b[1])));
        }
        if line.len() > 1 {
            painter.add(Shape::line(line, stroke));
        }
    }
}

/// The basemap's countries stop at 43° E, 37.8° N and 42.5° N. The land beyond is drawn pale,
/// fading in from the neighbours' colour over a third of a degree, so that the cut reads as the
/// map's edge and not as a coast (the sea keeps its colour: the Caspian lies east of 47.6° E in
/// the north and of 49° E in the south).
fn land_beyond_ui(painter: &egui::Painter, projection: &Projection) {
    const FADE: f64 = 0.35;
    let (near, far) = (style::LAND_NEIGHBOUR, style::LAND_BEYOND);
    // (west, south, east, north) and which side touches the map's countries
    let strips: [((f64, f64, f64, f64), Side); 3] = [
        ((25.0, 25.0, 43.0, 55.0), Side::East),
        ((43.0, 42.5, 47.6, 55.0), Side::South),
        ((43.0, 25.0, 49.0, 37.8), Side::North),
    ];
    for ((w, s, e, n), inner) in strips {
        let mut mesh = Mesh::default();
        let mut quad = |(w, s, e, n): (f64, f64, f64, f64), colors: [Color32; 4]| {
            // corners: south-west, south-east, north-east, north-west
            let base = mesh.vertices.len() as u32;
            for ((lon, lat), color) in [(w, s), (e, s), (e, n), (w, n)].into_iter().zip(colors) {
                mesh.colored_vertex(projection.screen_from_geo(geo_point(lon, lat)), color);
            }
            mesh.add_triangle(base, base + 1, base + 2);
            mesh.add_triangle(base, base + 2, base + 3);
        };
        match inner {
            Side::East => {
                quad((w, s, e - FADE, n), [far; 4]);
                quad((e - FADE, s, e, n), [far, near, near, far]);
            }
            Side::South => {
                quad((w, s + FADE, e, n), [far; 4]);
                quad((w, s, e, s + FADE), [near, near, far, far]);
            }
            Side::North => {
                quad((w, s, e, n - FADE), [far; 4]);
                quad((w, n - FADE, e, n), [far, far, near, near]);
            }
        }
        painter.add(Shape::mesh(mesh));
    }
}

/// Which side of a strip of land beyond the basemap touches its countries.
#[derive(Clone, Copy)]
enum Side {
    East,
    South,
    North,
}

/// A region's label in `names`' language where the gazetteer has it, else as it is.
fn region_name(name: &str, names: NameLanguage) -> std::borrow::Cow<'_, str> {
    karabakh_core::names::name_in(&GAZETTEER, name, names)
        .unwrap_or(std::borrow::Cow::Borrowed(name))
}

/// Draws a label unless it would overlap one already placed. Returns whether it was drawn.
pub(super) fn place_label(
    painter: &egui::Painter,
    placed: &mut Vec<Rect>,
    at: Pos2,
    text: &str,
    size: f32,
    color: Color32,
    align: Align2,
) -> bool {
    let galley = painter.layout_no_wrap(text.to_owned(), FontId::proportional(size), color);
    let rect = align.anchor_size(at, galley.size()).expand(2.0);
    if placed.iter().any(|r| r.intersects(rect)) || !painter.clip_rect().intersects(rect) {
        return false;
    }
    placed.push(rect);
    painter.galley(rect.min + vec2(2.0, 2.0), galley, color);
    true
}
