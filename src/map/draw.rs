//! Drawing the map: basemap layers, labels without pile-ups, event markers (strikes and
//! deployments, clustered per place, sized by sources, hollow when claimed or denied),
//! region-level events as highlighted areas, hover, click-to-select, pan and zoom, legend.

use std::collections::BTreeMap;

use egui::{Align2, Color32, FontId, Mesh, Pos2, Rect, Sense, Shape, Stroke, Vec2, pos2, vec2};

use super::basemap::{Area, AreaRole, BASEMAP};
use super::{Projection, geo_point};
use crate::app::AppState;
use crate::model::{Event, EventKind, Status};
use crate::ui::{Command, style};

/// Where the last frame's map was, for tests that click markers.
#[derive(Clone, Copy, Debug)]
pub struct MapHit {
    /// The projection used to draw it.
    pub projection: Projection,
}

/// The id under which [`MapHit`] is kept in egui's temporary memory.
pub fn map_hit_id() -> egui::Id {
    egui::Id::unique("karabakh-atlas-map-projection")
}

/// Events of one place at the cursor.
struct Cluster<'a> {
    pos: Pos2,
    events: Vec<(usize, &'a Event)>,
}

/// The map panel.
pub fn map_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    let projection = Projection {
        rect,
        view: state.view.map,
    };
    ui.ctx()
        .data_mut(|d| d.insert_temp(map_hit_id(), MapHit { projection }));
    interact(ui, &response, &projection, commands);
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, style::MAP_BACKGROUND);
    basemap_ui(&painter, &projection);
    let selected = state.selected.and_then(|i| state.dataset.events.get(i));

    // faint context: every place with events passing the filters at any date
    for place in &state.filtered_places {
        let p = projection.screen_from_geo(geo_point(place.lon, place.lat));
        if rect.contains(p) && !place.kind.is_area() {
            painter.circle_filled(p, 2.5, Color32::from_gray(150));
        }
    }

    // group by place index (precomputed per dataset: no string work per event), then split
    // region-level places, drawn as areas, from point clusters
    let mut by_place: Vec<Vec<(usize, &Event)>> = vec![Vec::new(); state.places.len()];
    for &i in &state.visible {
        if let (Some(e), Some(group)) = (
            state.dataset.events.get(i),
            state.event_place.get(i).and_then(|&p| by_place.get_mut(p)),
        ) {
            group.push((i, e));
        }
    }
    let mut areas: BTreeMap<&str, Vec<(usize, &Event)>> = BTreeMap::new();
    let mut clusters: BTreeMap<&str, Cluster<'_>> = BTreeMap::new();
    for (place, events) in state.places.iter().zip(by_place) {
        if events.is_empty() {
            continue;
        }
        let name = place.name.as_str();
        if place.kind.is_area() && BASEMAP.area_for(name).is_some() {
            areas.insert(name, events);
        } else {
            let pos = projection.screen_from_geo(geo_point(place.lon, place.lat));
            clusters.insert(name, Cluster { pos, events });
        }
    }
    for (name, events) in &areas {
        if let Some(area) = BASEMAP.area_for(name) {
            let strikes = events.iter().any(|(_, e)| e.kind == EventKind::Strike);
            let color = if strikes {
                style::STRIKE
            } else {
                style::DEPLOYMENT
            };
            let is_selected = selected.is_some_and(|s| s.place.name == *name);
            fill_area(
                &painter,
                &projection,
                area,
                color.gamma_multiply(if is_selected { 0.35 } else { 0.18 }),
            );
            outline_area(
                &painter,
                &projection,
                area,
                Stroke::new(if is_selected { 3.0 } else { 1.5 }, color),
                1,
            );
        }
    }
    let pointer = response.hover_pos();
    let mut hovered: Option<&Cluster<'_>> = None;
    for cluster in clusters.values() {
        if !rect.expand(20.0).contains(cluster.pos) {
            continue;
        }
        let radius = marker_cluster_ui(&painter, cluster, selected);
        if pointer.is_some_and(|p| p.distance(cluster.pos) <= radius + 4.0) {
            hovered = Some(cluster);
        }
    }
    // hovering an area
    let area_hover = pointer.filter(|_| hovered.is_none()).and_then(|p| {
        let g = projection.geo_from_screen(p);
        areas
            .iter()
            .find(|(name, _)| {
                BASEMAP
                    .area_for(name)
                    .is_some_and(|a| a.contains(g.x(), g.y()))
            })
            .map(|(_, events)| events)
    });
    if let Some(cluster) = hovered {
        response
            .clone()
            .on_hover_ui_at_pointer(|ui| events_tooltip_ui(ui, &cluster.events));
        if response.clicked() {
            commands.push(Command::Select(next_selection(
                &cluster.events,
                state.selected,
            )));
        }
    } else if let Some(events) = area_hover {
        response
            .clone()
            .on_hover_ui_at_pointer(|ui| events_tooltip_ui(ui, events));
        if response.clicked() {
            commands.push(Command::Select(next_selection(events, state.selected)));
        }
    } else if response.clicked() {
        commands.push(Command::Select(None));
    }
    legend_ui(ui, rect, state.capture.is_none(), commands);
    if state.capture.is_some() {
        caption_ui(ui, rect, state);
    }
}

/// The title, date and count drawn on the map for a saved image.
fn caption_ui(ui: &egui::Ui, rect: Rect, state: &AppState) {
    let t = &state.view.time;
    let date = t.cursor.map(|c| c.format("%-d %B %Y").to_string());
    let when = match (t.mode, date) {
        (_, None) => "no dated events".to_owned(),
        (crate::timeline::TimeMode::Day, Some(d)) => d,
        (crate::timeline::TimeMode::Window, Some(d)) => format!("{d} ± {} days", t.window_days),
        (crate::timeline::TimeMode::Cumulative, Some(d)) => format!("up to {d}"),
    };
    let n = state.visible.len();
    let lines = [
        (
            "Karabakh Atlas: reported strikes and deployments".to_owned(),
            13.0,
        ),
        (when, 20.0),
        (
            format!("{n} event{} shown · {}", plural(n), state.origin.label()),
            12.0,
        ),
    ];
    let painter = ui.painter_at(rect);
    let width = lines
        .iter()
        .map(|(text, size)| {
            painter
                .layout_no_wrap(text.clone(), FontId::proportional(*size), Color32::BLACK)
                .size()
                .x
        })
        .fold(0.0, f32::max);
    let panel = Rect::from_min_size(
        pos2(rect.left() + 10.0, rect.top() + 10.0),
        vec2(width + 24.0, 74.0),
    );
    painter.rect_filled(panel, 6.0, Color32::from_white_alpha(235));
    let mut y = panel.top() + 8.0;
    for (text, size) in lines {
        painter.text(
            pos2(panel.left() + 12.0, y),
            Align2::LEFT_TOP,
            text,
            FontId::proportional(size),
            Color32::from_gray(30),
        );
        y += size + 7.0;
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Clicking a place selects its first event, or the next one if one of them is selected.
fn next_selection(events: &[(usize, &Event)], selected: Option<usize>) -> Option<usize> {
    let position = selected.and_then(|s| events.iter().position(|(i, _)| *i == s));
    match position {
        Some(p) => events.get((p + 1) % events.len().max(1)).map(|(i, _)| *i),
        None => events.first().map(|(i, _)| *i),
    }
}

fn interact(
    ui: &egui::Ui,
    response: &egui::Response,
    projection: &Projection,
    commands: &mut Vec<Command>,
) {
    if response.dragged() {
        let delta = response.drag_delta();
        if delta != Vec2::ZERO {
            commands.push(Command::SetMapView(projection.panned(delta)));
        }
    }
    if let Some(pointer) = response.hover_pos() {
        let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = f64::from(pinch) * (f64::from(scroll) / 300.0).exp();
        if (factor - 1.0).abs() > 1e-4 {
            commands.push(Command::SetMapView(
                projection.zoomed_around(pointer, factor),
            ));
        }
    }
    if !ui.ctx().egui_wants_keyboard_input() {
        let (zoom_in, zoom_out) = ui.input(|i| {
            (
                i.key_pressed(egui::Key::Plus) || i.key_pressed(egui::Key::Equals),
                i.key_pressed(egui::Key::Minus),
            )
        });
        if zoom_in || zoom_out {
            commands.push(Command::SetMapView(projection.zoomed_around(
                projection.rect.center(),
                if zoom_in { 1.5 } else { 1.0 / 1.5 },
            )));
        }
    }
}

fn fill_area(painter: &egui::Painter, projection: &Projection, area: &Area, color: Color32) {
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

fn overlaps(projection: &Projection, area: &Area) -> bool {
    let (min_lon, min_lat, max_lon, max_lat) = projection.visible_bounds();
    area.bounds.0 <= max_lon
        && min_lon <= area.bounds.2
        && area.bounds.1 <= max_lat
        && min_lat <= area.bounds.3
}

fn outline_area(
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

fn basemap_ui(painter: &egui::Painter, projection: &Projection) {
    let b = &*BASEMAP;
    let zoom = projection.view.points_per_degree;
    let detail = usize::from(zoom > 400.0);
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
        outline_area(
            painter,
            projection,
            area,
            Stroke::new(1.3, style::BORDER),
            detail,
        );
    }
    let mut placed: Vec<Rect> = Vec::new();
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
        let at = projection.screen_from_geo(geo_point(46.93, 39.70));
        place_label(
            painter,
            &mut placed,
            at,
            "Nagorno-Karabakh",
            14.0,
            style::KARABAKH,
            Align2::CENTER_CENTER,
        );
        if zoom > 250.0 {
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
            let name = area.name.trim_end_matches(" Province").to_owned();
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
        place_label(
            painter,
            &mut placed,
            at,
            name,
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
    for town in b.towns.iter().filter(|t| t.rank <= max_rank) {
        let p = projection.screen_from_geo(geo_point(town.lon, town.lat));
        if !projection.rect.contains(p) {
            continue;
        }
        if place_label(
            painter,
            &mut placed,
            p + vec2(5.0, 0.0),
            &town.label,
            11.0,
            style::TOWN,
            Align2::LEFT_CENTER,
        ) {
            painter.circle_filled(p, 2.5, style::TOWN);
        }
    }
}

/// Draws a label unless it would overlap one already placed. Returns whether it was drawn.
fn place_label(
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

/// Draws the markers of one place; returns the largest radius.
fn marker_cluster_ui(
    painter: &egui::Painter,
    cluster: &Cluster<'_>,
    selected: Option<&Event>,
) -> f32 {
    let mut largest: f32 = 0.0;
    let kinds = [EventKind::Strike, EventKind::Deployment];
    let both = kinds
        .iter()
        .all(|k| cluster.events.iter().any(|(_, e)| e.kind == *k));
    for kind in kinds {
        let events: Vec<&Event> = cluster
            .events
            .iter()
            .filter(|(_, e)| e.kind == kind)
            .map(|(_, e)| *e)
            .collect();
        if events.is_empty() {
            continue;
        }
        let sources: usize = events.iter().map(|e| e.sources.len()).sum();
        let radius = (5.0 + 2.2 * (sources as f32).sqrt()).min(16.0);
        largest = largest.max(radius);
        let offset = if both {
            vec2(
                if kind == EventKind::Strike {
                    -radius * 0.7
                } else {
                    radius * 0.7
                },
                0.0,
            )
        } else {
            Vec2::ZERO
        };
        let center = cluster.pos + offset;
        let status = if events.iter().any(|e| e.status == Status::Reported) {
            Status::Reported
        } else if events.iter().any(|e| e.status == Status::Claimed) {
            Status::Claimed
        } else {
            Status::Denied
        };
        draw_marker(painter, center, radius, kind, status);
        if events.len() > 1 {
            painter.text(
                center + vec2(radius, -radius),
                Align2::LEFT_BOTTOM,
                events.len().to_string(),
                FontId::proportional(11.0),
                Color32::BLACK,
            );
        }
        if selected.is_some_and(|s| s.kind == kind && events.iter().any(|e| std::ptr::eq(*e, s))) {
            painter.circle_stroke(
                center,
                radius + 4.0,
                Stroke::new(2.5, Color32::from_rgb(255, 200, 0)),
            );
        }
    }
    largest
}

/// One marker: a circle for strikes, a triangle for deployments; filled when reported,
/// hollow when claimed, hollow and crossed when denied.
pub fn draw_marker(
    painter: &egui::Painter,
    center: Pos2,
    radius: f32,
    kind: EventKind,
    status: Status,
) {
    let color = match kind {
        EventKind::Strike => style::STRIKE,
        EventKind::Deployment => style::DEPLOYMENT,
    };
    let (fill, stroke) = match status {
        Status::Reported => (color, Stroke::new(1.0, Color32::WHITE)),
        Status::Claimed => (Color32::WHITE, Stroke::new(2.5, color)),
        Status::Denied => (
            Color32::from_gray(235),
            Stroke::new(2.0, color.gamma_multiply(0.6)),
        ),
    };
    match kind {
        EventKind::Strike => {
            painter.circle(center, radius, fill, stroke);
        }
        EventKind::Deployment => {
            let points = vec![
                center + vec2(0.0, -radius * 1.15),
                center + vec2(radius, radius * 0.75),
                center + vec2(-radius, radius * 0.75),
            ];
            painter.add(Shape::convex_polygon(points, fill, stroke));
        }
    }
    if status == Status::Denied {
        let d = radius * 0.6;
        painter.line_segment(
            [center + vec2(-d, -d), center + vec2(d, d)],
            Stroke::new(1.5, Color32::from_gray(90)),
        );
    }
}

fn events_tooltip_ui(ui: &mut egui::Ui, events: &[(usize, &Event)]) {
    if let Some((_, first)) = events.first() {
        ui.label(egui::RichText::new(&first.place.name).strong());
    }
    for (_, e) in events.iter().take(10) {
        let (symbol, color) = style::kind_symbol(e.kind);
        let date = e
            .date
            .map_or_else(|| "undated".to_owned(), style::date_label);
        ui.label(
            egui::RichText::new(format!(
                "{symbol} · {date} · {} · {} source{}",
                e.status.as_str(),
                e.sources.len(),
                plural(e.sources.len())
            ))
            .color(color),
        );
    }
    if events.len() > 10 {
        ui.label(format!("… and {} more", events.len() - 10));
    }
    ui.label(egui::RichText::new("Click to select").small().weak());
}

fn legend_ui(ui: &mut egui::Ui, rect: Rect, with_button: bool, commands: &mut Vec<Command>) {
    let legend = Rect::from_min_size(
        pos2(rect.left() + 10.0, rect.bottom() - 136.0),
        vec2(226.0, 126.0),
    );
    let painter = ui.painter_at(rect);
    painter.rect_filled(legend, 6.0, Color32::from_white_alpha(225));
    let mut y = legend.top() + 14.0;
    let x = legend.left() + 16.0;
    for (kind, status, text) in [
        (EventKind::Strike, Status::Reported, "Strike (reported)"),
        (
            EventKind::Deployment,
            Status::Reported,
            "Deployment (reported)",
        ),
        (EventKind::Strike, Status::Claimed, "Claimed by one side"),
        (EventKind::Strike, Status::Denied, "Claimed and denied"),
    ] {
        draw_marker(&painter, pos2(x, y), 6.0, kind, status);
        painter.text(
            pos2(x + 14.0, y),
            Align2::LEFT_CENTER,
            text,
            FontId::proportional(12.0),
            Color32::from_gray(40),
        );
        y += 19.0;
    }
    painter.rect_filled(
        Rect::from_center_size(pos2(x, y), vec2(12.0, 10.0)),
        2.0,
        style::STRIKE.gamma_multiply(0.3),
    );
    painter.text(
        pos2(x + 14.0, y),
        Align2::LEFT_CENTER,
        "Region-wide report",
        FontId::proportional(12.0),
        Color32::from_gray(40),
    );
    y += 19.0;
    painter.line_segment(
        [pos2(x - 7.0, y), pos2(x + 7.0, y)],
        Stroke::new(1.6, style::KARABAKH),
    );
    painter.text(
        pos2(x + 14.0, y),
        Align2::LEFT_CENTER,
        "Karabakh oblast (approximate)",
        FontId::proportional(12.0),
        Color32::from_gray(40),
    );
    let button = Rect::from_min_size(
        pos2(rect.right() - 112.0, rect.top() + 8.0),
        vec2(104.0, 24.0),
    );
    if with_button && ui.put(button, egui::Button::new("Reset view")).clicked() {
        commands.push(Command::ResetMapView);
    }
}
