//! Event markers: strikes as circles and deployments as triangles, filled when reported, hollow
//! when claimed, crossed when denied; several events at one place as one marker with a count;
//! the tooltip listing a place's events.

use egui::{Align2, Color32, FontId, Pos2, Shape, Stroke, Vec2, vec2};

use karabakh_core::model::{Event, EventKind, Status};

use super::panel::{Cluster, plural};
use crate::style;

/// Draws the markers of one place; returns the largest radius.
pub(super) fn marker_cluster_ui(
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

pub(super) fn events_tooltip_ui(ui: &mut egui::Ui, events: &[(usize, &Event)]) {
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
