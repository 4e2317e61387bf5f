//! The map panel: allocates the map, pans and zooms it, draws the basemap, the faint places of
//! filtered events, region-level events as tinted areas and point events as markers named where
//! the basemap does not name them; hover,
//! click-to-select, the legend, and the caption of a saved image. Reads [`AppState`], pushes
//! [`Command`]s.

use std::collections::BTreeMap;

use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, Vec2, pos2, vec2};

use karabakh_core::model::{Event, EventKind};

use super::basemap::BASEMAP;
use super::groups::group_markers;
use super::layers::{basemap_ui, fill_area, outline_area};
use super::legend::legend_ui;
use super::markers::{
    cluster_rect, draw_marker, event_labels_ui, events_tooltip_ui, group_marker_ui, group_rect,
    group_tooltip_ui, marker_cluster_ui,
};
use super::{MapView, Projection, geo_point, scale_bar};
use crate::command::Command;
use crate::state::AppState;
use crate::style;
use crate::timeline::{TimeMode, highlight};

/// Markers closer than this on screen, in points, are drawn as one group.
const GROUP_DISTANCE: f32 = 16.0;

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
pub(super) struct Cluster<'a> {
    /// Where the place is on screen.
    pub(super) pos: Pos2,
    /// The place's events at the cursor, as (index, event).
    pub(super) events: &'a [(usize, &'a Event)],
}

/// The map panel.
pub fn map_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    let view = if state.fit_map {
        let fitted = MapView::fitting(rect.size());
        commands.push(Command::SetMapView(fitted));
        fitted
    } else {
        state.view.map
    };
    let projection = Projection { rect, view };
    ui.ctx()
        .data_mut(|d| d.insert_temp(map_hit_id(), MapHit { projection }));
    interact(ui, &response, &projection, commands);
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, style::MAP_BACKGROUND);
    let selected = state.selected.and_then(|i| state.dataset.events.get(i));

    // group by place index (precomputed per dataset: no string work per event) in one buffer,
    // a counting sort, then split region-level places, drawn as areas, from point clusters
    let mut starts = vec![0usize; state.places.len() + 1];
    for &i in &state.visible {
        if let Some(n) = state
            .event_place
            .get(i)
            .and_then(|&p| starts.get_mut(p + 1))
        {
            *n += 1;
        }
    }
    for p in 1..starts.len() {
        starts[p] += starts[p - 1];
    }
    let mut fill = starts.clone();
    let mut order = vec![usize::MAX; state.visible.len()];
    for &i in &state.visible {
        if let Some(at) = state.event_place.get(i).and_then(|&p| fill.get_mut(p)) {
            if let Some(slot) = order.get_mut(*at) {
                *slot = i;
            }
            *at += 1;
        }
    }
    let sorted: Vec<(usize, &Event)> = order
        .iter()
        .filter_map(|&i| state.dataset.events.get(i).map(|e| (i, e)))
        .collect();
    let by_place = starts
        .windows(2)
        .map(|w| sorted.get(w[0]..w[1]).unwrap_or_default());
    let mut areas: BTreeMap<&str, &[(usize, &Event)]> = BTreeMap::new();
    // point places on (or just off) the screen, in the dataset's place order
    let mut clusters: Vec<Cluster<'_>> = Vec::new();
    let reach = rect.expand(20.0);
    for (place, events) in state.places.iter().zip(by_place) {
        if events.is_empty() {
            continue;
        }
        let name = place.name.as_str();
        if place.kind.is_area() && BASEMAP.area_for(name).is_some() {
            areas.insert(name, events);
        } else {
            let pos = projection.screen_from_geo(geo_point(place.lon, place.lat));
            if reach.contains(pos) {
                clusters.push(Cluster { pos, events });
            }
        }
    }
    // places whose markers would overlap are drawn as one group, which splits on zooming in;
    // worked out before the basemap, whose labels keep clear of markers
    let on_screen: Vec<&Cluster<'_>> = clusters.iter().collect();
    let weights: Vec<(Pos2, usize)> = on_screen.iter().map(|c| (c.pos, c.events.len())).collect();
    let groups: Vec<Vec<&Cluster<'_>>> = group_markers(&weights, GROUP_DISTANCE)
        .into_iter()
        .map(|g| {
            g.iter()
                .filter_map(|&i| on_screen.get(i).copied())
                .collect()
        })
        .filter(|g: &Vec<&Cluster<'_>>| !g.is_empty())
        .collect();
    let obstacles: Vec<Rect> = groups
        .iter()
        .filter_map(|g| match g.as_slice() {
            [one] => Some(cluster_rect(one)),
            [leader, ..] => Some(group_rect(leader.pos, g)),
            [] => None,
        })
        .collect();
    let names = state.view.names;
    let labelled = basemap_ui(&painter, &projection, &obstacles, names);

    // faint context: every place with events passing the filters at any date
    for place in &state.filtered_places {
        let p = projection.screen_from_geo(geo_point(place.lon, place.lat));
        if rect.contains(p) && !place.kind.is_area() {
            painter.circle_filled(p, 2.5, Color32::from_gray(150));
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
            let opacity = fade(events, state);
            fill_area(
                &painter,
                &projection,
                area,
                color.gamma_multiply(if is_selected { 0.35 } else { 0.18 * opacity }),
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
    let mut hovered_group: Option<(Pos2, Vec<&Cluster<'_>>)> = None;
    let mut drawn = Vec::new();
    for members in &groups {
        let [cluster] = members.as_slice() else {
            let Some(leader) = members.first() else {
                continue;
            };
            let radius = group_marker_ui(&painter, leader.pos, members, selected);
            if pointer.is_some_and(|p| p.distance(leader.pos) <= radius + 4.0) {
                hovered_group = Some((leader.pos, members.clone()));
            }
            continue;
        };
        let opacity = fade(cluster.events, state);
        let radius = marker_cluster_ui(
            &painter,
            cluster,
            selected,
            opacity,
            state.view.colour_by_side,
        );
        if pointer.is_some_and(|p| p.distance(cluster.pos) <= radius + 4.0) {
            hovered = Some(cluster);
        }
        drawn.push((*cluster, radius));
    }
    event_labels_ui(&painter, labelled, &drawn, names);
    if let Some(i) = state.selected
        && !state.visible.contains(&i)
    {
        selected_elsewhere_ui(&painter, &projection, state, i);
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
    if let Some((at, members)) = hovered_group {
        response
            .clone()
            .on_hover_ui_at_pointer(|ui| group_tooltip_ui(ui, &members, names));
        if response.clicked() {
            commands.push(Command::SetMapView(projection.zoomed_around(at, 2.5)));
        }
    } else if let Some(cluster) = hovered {
        response
            .clone()
            .on_hover_ui_at_pointer(|ui| events_tooltip_ui(ui, cluster.events, names));
        if response.clicked() {
            commands.push(Command::Select(next_selection(
                cluster.events,
                state.selected,
            )));
        }
    } else if let Some(events) = area_hover {
        response
            .clone()
            .on_hover_ui_at_pointer(|ui| events_tooltip_ui(ui, events, names));
        if response.clicked() {
            commands.push(Command::Select(next_selection(events, state.selected)));
        }
    } else if response.clicked() {
        commands.push(Command::Select(None));
    }
    scale_bar_ui(&painter, rect, view.points_per_degree);
    // a saved image always carries the whole legend
    let capturing = state.capture.is_some();
    legend_ui(
        ui,
        rect,
        (!capturing, state.view.colour_by_side),
        capturing || legend_unfolded(state, rect),
        commands,
    );
    if let Some(loading) = &state.loading {
        painter.rect_filled(rect, 0.0, style::LOADING_VEIL);
        painter.text(
            rect.center(),
            Align2::CENTER_CENTER,
            format!("Loading {}…", loading.folder.display()),
            FontId::proportional(18.0),
            Color32::WHITE,
        );
    }
    if state.capture.is_some() {
        caption_ui(ui, rect, state);
    }
}

/// The selected event when the time and filters do not show it (an undated event, or one of
/// another day picked from the list): its area outlined, or its place ringed and named.
fn selected_elsewhere_ui(
    painter: &egui::Painter,
    projection: &Projection,
    state: &AppState,
    index: usize,
) {
    let Some(event) = state.dataset.events.get(index) else {
        return;
    };
    let place = &event.place;
    if place.kind.is_area()
        && let Some(area) = BASEMAP.area_for(&place.name)
    {
        outline_area(
            painter,
            projection,
            area,
            Stroke::new(3.0, style::SELECTED),
            1,
        );
        return;
    }
    let at = projection.screen_from_geo(geo_point(place.lon, place.lat));
    draw_marker(painter, at, 6.0, event.kind, event.status);
    painter.circle_stroke(at, 11.0, Stroke::new(2.5, style::SELECTED));
    let galley = painter.layout_no_wrap(
        style::place_name(&place.name, state.view.names).into_owned(),
        FontId::proportional(11.0),
        style::EVENT_LABEL,
    );
    let spot =
        Rect::from_min_size(at + vec2(15.0, -galley.size().y / 2.0), galley.size()).expand(1.0);
    painter.rect_filled(spot, 2.0, style::EVENT_LABEL_HALO);
    painter.galley(spot.min + vec2(1.0, 1.0), galley, style::EVENT_LABEL);
}

/// Whether the legend is unfolded: as the user left it, or, until they choose, only where the
/// map is large enough (the full legend would hide much of a small one).
fn legend_unfolded(state: &AppState, rect: Rect) -> bool {
    // (a folded legend was always folded by the user)
    if state.view.legend_chosen || state.view.legend_hidden {
        !state.view.legend_hidden
    } else {
        rect.width() >= 700.0 && rect.height() >= 480.0
    }
}

/// A scale bar in the map's bottom-right corner.
fn scale_bar_ui(painter: &egui::Painter, rect: Rect, points_per_degree: f64) {
    let (km, length) = scale_bar(points_per_degree, 120.0);
    let right = rect.right_bottom() + vec2(-14.0, -14.0);
    let left = right - vec2(length, 0.0);
    let text = if km < 1.0 {
        format!("{:.0} m", km * 1000.0)
    } else {
        format!("{km:.0} km")
    };
    let galley = painter.layout_no_wrap(text, FontId::proportional(11.0), style::TOWN);
    let back = Rect::from_min_max(
        pos2(left.x - 6.0, left.y - galley.size().y - 8.0),
        pos2(right.x + 6.0, right.y + 5.0),
    );
    painter.rect_filled(back, 3.0, style::EVENT_LABEL_HALO);
    let stroke = Stroke::new(1.5, style::TOWN);
    painter.line_segment([left, right], stroke);
    for end in [left, right] {
        painter.line_segment([end, end - vec2(0.0, 5.0)], stroke);
    }
    painter.galley(
        pos2(
            (left.x + right.x - galley.size().x) / 2.0,
            left.y - galley.size().y - 3.0,
        ),
        galley,
        style::TOWN,
    );
}

/// How strongly a place's events are drawn: by the newest of them (in Cumulative mode older
/// events fade over a year, to a quarter; see [`highlight`]).
fn fade(events: &[(usize, &Event)], state: &AppState) -> f32 {
    let newest = events
        .iter()
        .filter_map(|(_, e)| e.date)
        .max_by_key(|d| d.end);
    highlight(newest, &state.view.time).unwrap_or(0.0).max(0.25)
}

/// The title, date and count drawn on the map for a saved image.
fn caption_ui(ui: &egui::Ui, rect: Rect, state: &AppState) {
    let t = &state.view.time;
    let date = t.cursor.map(|c| c.format("%-d %B %Y").to_string());
    let when = match (t.mode, date) {
        (_, None) => "no dated events".to_owned(),
        (TimeMode::Day, Some(d)) => d,
        (TimeMode::Window, Some(d)) => format!("{d} ± {} days", t.window_days),
        (TimeMode::Cumulative, Some(d)) => format!("up to {d}"),
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

pub(super) fn plural(n: usize) -> &'static str {
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
