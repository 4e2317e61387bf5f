//! Event markers: strikes as circles and deployments as triangles, filled when reported, hollow
//! when claimed, crossed when denied; several events at one place as one marker with a count;
//! the names of marked places the basemap leaves unnamed; the tooltip listing a place's events.

use egui::{Align2, Color32, FontId, Pos2, Rect, Shape, Stroke, Vec2, vec2};
use karabakh_core::contest::Side;
use karabakh_core::names::NameLanguage;

use karabakh_core::model::{Event, EventKind, Status};

use super::layers::Labelled;
use super::panel::{Cluster, plural};
use crate::style;
use crate::timeline::is_rough;

/// Draws the markers of one place, at `opacity` (older events fade in Cumulative mode), in the
/// colours of their kinds or, `by_side`, of the side most of their sources name; returns the
/// largest radius.
pub(super) fn marker_cluster_ui(
    painter: &egui::Painter,
    cluster: &Cluster<'_>,
    selected: Option<&Event>,
    opacity: f32,
    by_side: bool,
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
        let radius = marker_radius(sources);
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
        // events dated only roughly, and nothing more precise here: a dotted ring around
        let rough = events.iter().all(|e| e.date.as_ref().is_some_and(is_rough));
        let opacity = if rough { opacity * 0.6 } else { opacity };
        let color = by_side.then(|| style::side_color(main_side(&events)));
        draw_faded_marker(painter, center, radius, (kind, status, color), opacity);
        if rough {
            dotted_ring(painter, center, radius + 3.5, style::ROUGH_RING);
        }
        // an analyst corrected one of them: a small mark at the top left
        if events.iter().any(|e| e.corrected()) {
            corrected_mark(painter, center - vec2(radius + 1.5, radius + 1.5) * 0.8);
        }
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
            painter.circle_stroke(center, radius + 4.0, Stroke::new(2.5, style::SELECTED));
        }
    }
    largest
}

/// Names each marked place that has no basemap label, beside its marker (see [`label_spots`]);
/// a place with no free spot is named in its tooltip only.
pub(super) fn event_labels_ui(
    painter: &egui::Painter,
    labelled: Labelled,
    drawn: &[(&Cluster<'_>, f32)],
    names: NameLanguage,
) {
    let mut order: Vec<&(&Cluster<'_>, f32)> = drawn.iter().collect();
    order.sort_by_key(|(c, _)| std::cmp::Reverse(c.events.len()));
    let galleys: Vec<_> = order
        .iter()
        .map(|(c, _)| {
            let name = c
                .events
                .first()
                .map(|(_, e)| style::place_name(&e.place.name, names).into_owned());
            painter.layout_no_wrap(
                name.unwrap_or_default(),
                FontId::proportional(11.0),
                style::EVENT_LABEL,
            )
        })
        .collect();
    let markers: Vec<MarkerBox> = order
        .iter()
        .zip(&galleys)
        .map(|((c, r), g)| MarkerBox {
            // a marker is as wide as both its symbols side by side
            rect: Rect::from_center_size(c.pos, vec2(r * 3.4, r * 2.4)),
            label: g.size(),
        })
        .collect();
    let spots = label_spots(&labelled, &markers, painter.clip_rect());
    for (spot, galley) in spots.into_iter().zip(galleys) {
        if let Some(spot) = spot {
            painter.rect_filled(spot, 2.0, style::EVENT_LABEL_HALO);
            painter.galley(spot.min + vec2(1.0, 1.0), galley, style::EVENT_LABEL);
        }
    }
}

/// A drawn marker and the size of its place's name.
pub(super) struct MarkerBox {
    pub(super) rect: Rect,
    pub(super) label: Vec2,
}

/// Where each marker's name goes, in the markers' order (the first are served first): nowhere
/// when a basemap town label already names the place; else beside the marker, to the right, the
/// left, above-right, below-right, above or below, the first spot inside `clip` that covers no
/// label placed so far and no other marker.
pub(super) fn label_spots(
    labelled: &Labelled,
    markers: &[MarkerBox],
    clip: Rect,
) -> Vec<Option<Rect>> {
    let mut taken = labelled.rects.clone();
    let mut spots = Vec::with_capacity(markers.len());
    for (k, m) in markers.iter().enumerate() {
        let center = m.rect.center();
        if labelled.towns.iter().any(|t| t.distance(center) < 3.0) {
            spots.push(None);
            continue;
        }
        let (w, h) = (m.rect.width() / 2.0 + 2.0, m.rect.height() / 2.0 + 2.0);
        let candidates = [
            (center + vec2(w, 0.0), Align2::LEFT_CENTER),
            (center - vec2(w, 0.0), Align2::RIGHT_CENTER),
            (center + vec2(w * 0.7, -h * 0.7), Align2::LEFT_BOTTOM),
            (center + vec2(w * 0.7, h * 0.7), Align2::LEFT_TOP),
            (center - vec2(0.0, h), Align2::CENTER_BOTTOM),
            (center + vec2(0.0, h), Align2::CENTER_TOP),
        ];
        let free = candidates
            .into_iter()
            .map(|(at, align)| align.anchor_size(at, m.label).expand(1.0))
            .find(|spot| {
                clip.contains_rect(*spot)
                    && !taken.iter().any(|r| r.intersects(*spot))
                    && !markers
                        .iter()
                        .enumerate()
                        .any(|(j, other)| j != k && other.rect.intersects(*spot))
            });
        if let Some(spot) = free {
            taken.push(spot);
        }
        spots.push(free);
    }
    spots
}

/// A marker's radius: growing with its number of sources, up to a cap.
fn marker_radius(sources: usize) -> f32 {
    (5.0 + 2.2 * (sources as f32).sqrt()).min(16.0)
}

/// The screen area a place's markers take (both symbols side by side when it has strikes and
/// deployments), for labels to keep clear of.
pub(super) fn cluster_rect(cluster: &Cluster<'_>) -> Rect {
    let sources: usize = cluster.events.iter().map(|(_, e)| e.sources.len()).sum();
    let r = marker_radius(sources);
    Rect::from_center_size(cluster.pos, vec2(r * 3.4, r * 2.4))
}

/// The radius of a group's disc.
fn group_radius(members: &[&Cluster<'_>]) -> f32 {
    let events: usize = members.iter().map(|c| c.events.len()).sum();
    (8.0 + 1.6 * (events as f32).sqrt()).min(18.0)
}

/// The screen area of a group's disc.
pub(super) fn group_rect(at: Pos2, members: &[&Cluster<'_>]) -> Rect {
    Rect::from_center_size(at, Vec2::splat(group_radius(members) * 2.0 + 2.0))
}

/// Several places whose markers would overlap: one dark disc with the number of their events
/// (ringed when it holds the selected event); returns its radius.
pub(super) fn group_marker_ui(
    painter: &egui::Painter,
    at: Pos2,
    members: &[&Cluster<'_>],
    selected: Option<&Event>,
) -> f32 {
    let events: usize = members.iter().map(|c| c.events.len()).sum();
    let radius = group_radius(members);
    painter.circle(at, radius, style::GROUP, Stroke::new(1.5, Color32::WHITE));
    painter.text(
        at,
        Align2::CENTER_CENTER,
        events.to_string(),
        FontId::proportional(11.0),
        Color32::WHITE,
    );
    let holds_selected = selected.is_some_and(|s| {
        members
            .iter()
            .any(|c| c.events.iter().any(|(_, e)| std::ptr::eq(*e, s)))
    });
    if holds_selected {
        painter.circle_stroke(at, radius + 4.0, Stroke::new(2.5, style::SELECTED));
    }
    radius
}

/// The places of a group and their events; a click zooms in.
pub(super) fn group_tooltip_ui(ui: &mut egui::Ui, members: &[&Cluster<'_>], names: NameLanguage) {
    ui.label(egui::RichText::new(format!("{} places close together", members.len())).strong());
    for c in members.iter().take(12) {
        if let Some((_, first)) = c.events.first() {
            ui.label(format!(
                "{}: {} event{}",
                style::place_name(&first.place.name, names),
                c.events.len(),
                plural(c.events.len())
            ));
        }
    }
    if members.len() > 12 {
        ui.label(format!("… and {} more", members.len() - 12));
    }
    ui.label(egui::RichText::new("Click to zoom in").small().weak());
}

/// A dotted circle: the mark of roughly dated events.
pub(super) fn dotted_ring(painter: &egui::Painter, center: Pos2, radius: f32, color: Color32) {
    let points: Vec<Pos2> = (0..=32)
        .map(|i| {
            let a = i as f32 / 32.0 * std::f32::consts::TAU;
            center + radius * vec2(a.cos(), a.sin())
        })
        .collect();
    painter.extend(Shape::dotted_line(&points, color, 3.0, 1.0));
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
    draw_faded_marker(painter, center, radius, (kind, status, None), 1.0);
}

/// The mark of a marker with a corrected event: a small disc in the corrections' colour.
pub(super) fn corrected_mark(painter: &egui::Painter, at: Pos2) {
    painter.circle(at, 3.6, style::CORRECTED, Stroke::new(1.0, Color32::WHITE));
}

/// The side of most of these events' sources (a stated side before "not stated"; the first
/// in [`Side::ALL`] order on a tie).
fn main_side(events: &[&Event]) -> Side {
    let mut counts = [0usize; Side::ALL.len()];
    for source in events.iter().flat_map(|e| &e.sources) {
        let side = Side::of(source.actor);
        if let Some(n) = Side::ALL.iter().position(|s| *s == side) {
            counts[n] += 1;
        }
    }
    let stated = Side::ALL
        .iter()
        .zip(counts)
        .filter(|(s, n)| **s != Side::Unknown && *n > 0)
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(s, _)| *s);
    stated.unwrap_or(Side::Unknown)
}

/// [`draw_marker`] (in `color`, else its kind's) at `opacity` (0 invisible, 1 solid).
fn draw_faded_marker(
    painter: &egui::Painter,
    center: Pos2,
    radius: f32,
    (kind, status, color): (EventKind, Status, Option<Color32>),
    opacity: f32,
) {
    let color = color.unwrap_or(match kind {
        EventKind::Strike => style::STRIKE,
        EventKind::Deployment => style::DEPLOYMENT,
    });
    let (fill, stroke) = match status {
        Status::Reported => (color, Stroke::new(1.0, Color32::WHITE)),
        Status::Claimed => (Color32::WHITE, Stroke::new(2.5, color)),
        Status::Denied => (
            Color32::from_gray(235),
            Stroke::new(2.0, color.gamma_multiply(0.6)),
        ),
    };
    let fill = fill.gamma_multiply(opacity);
    let stroke = Stroke::new(stroke.width, stroke.color.gamma_multiply(opacity));
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
            Stroke::new(1.5, Color32::from_gray(90).gamma_multiply(opacity)),
        );
    }
}

pub(super) fn events_tooltip_ui(
    ui: &mut egui::Ui,
    events: &[(usize, &Event)],
    names: NameLanguage,
) {
    if let Some((_, first)) = events.first() {
        ui.label(egui::RichText::new(style::place_name(&first.place.name, names)).strong());
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

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    fn marker(x: f32, y: f32) -> MarkerBox {
        MarkerBox {
            rect: Rect::from_center_size(pos2(x, y), vec2(20.0, 14.0)),
            label: vec2(50.0, 12.0),
        }
    }

    const CLIP: Rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(800.0, 600.0));

    #[test]
    fn a_lone_marker_is_named_to_its_right() {
        let spots = label_spots(&Labelled::default(), &[marker(100.0, 100.0)], CLIP);
        let spot = spots[0].unwrap_or_else(|| panic!("no spot"));
        assert!(spot.left() >= 110.0 && spot.center().y == 100.0, "{spot:?}");
    }

    #[test]
    fn a_place_the_basemap_names_gets_no_second_name() {
        let labelled = Labelled {
            rects: Vec::new(),
            towns: vec![pos2(100.0, 100.0)],
        };
        assert_eq!(
            label_spots(&labelled, &[marker(100.0, 100.0)], CLIP),
            vec![None]
        );
    }

    #[test]
    fn names_cover_no_label_and_no_other_marker() {
        // a town label right of the first marker, a second marker to its left
        let labelled = Labelled {
            rects: vec![Rect::from_min_size(pos2(110.0, 94.0), vec2(80.0, 12.0))],
            towns: Vec::new(),
        };
        let markers = [
            marker(100.0, 100.0),
            marker(60.0, 100.0),
            marker(400.0, 300.0),
        ];
        let spots = label_spots(&labelled, &markers, CLIP);
        let placed: Vec<Rect> = spots.iter().flatten().copied().collect();
        assert_eq!(placed.len(), 3, "{spots:?}");
        for (i, a) in placed.iter().enumerate() {
            assert!(
                !labelled.rects[0].intersects(*a),
                "{a:?} covers the town label"
            );
            for (j, m) in markers.iter().enumerate() {
                assert!(
                    i == j || !m.rect.intersects(*a),
                    "label {i} covers marker {j}"
                );
            }
            for b in placed.iter().skip(i + 1) {
                assert!(!a.intersects(*b), "{a:?} and {b:?} overlap");
            }
        }
    }

    #[test]
    fn a_marker_at_the_edge_is_named_inside_the_map() {
        let spots = label_spots(&Labelled::default(), &[marker(790.0, 300.0)], CLIP);
        let spot = spots[0].unwrap_or_else(|| panic!("no spot"));
        assert!(
            CLIP.contains_rect(spot) && spot.right() <= 780.0,
            "{spot:?}"
        );
    }
}
