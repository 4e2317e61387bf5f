//! The map legend: what each marker and tint means, and the Reset view button.

use egui::{Align2, Color32, FontId, Rect, Stroke, pos2, vec2};

use karabakh_core::model::{EventKind, Status};

use super::markers::draw_marker;
use crate::command::Command;
use crate::style;

pub(super) fn legend_ui(
    ui: &mut egui::Ui,
    rect: Rect,
    with_button: bool,
    commands: &mut Vec<Command>,
) {
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
