//! The map legend: what each marker, tint, line and badge means (and the sides' colours when
//! markers are coloured by side), folded away on request; and the
//! Reset view button.

use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, pos2, vec2};

use karabakh_core::contest::Side;
use karabakh_core::model::{EventKind, Status};

use super::markers::draw_marker;
use crate::command::Command;
use crate::style;

/// One line of the legend: its symbol, drawn centred on a point, and what it means.
struct Entry {
    symbol: fn(&Painter, Pos2),
    text: &'static str,
}

const ENTRIES: &[Entry] = &[
    Entry {
        symbol: |p, at| draw_marker(p, at, 6.0, EventKind::Strike, Status::Reported),
        text: "Strike (reported)",
    },
    Entry {
        symbol: |p, at| draw_marker(p, at, 6.0, EventKind::Deployment, Status::Reported),
        text: "Deployment (reported)",
    },
    Entry {
        symbol: |p, at| draw_marker(p, at, 6.0, EventKind::Strike, Status::Claimed),
        text: "Claimed by one side",
    },
    Entry {
        symbol: |p, at| draw_marker(p, at, 6.0, EventKind::Strike, Status::Denied),
        text: "Claimed and denied",
    },
    Entry {
        symbol: |p, at| {
            draw_marker(
                p,
                at - vec2(3.0, 0.0),
                4.0,
                EventKind::Strike,
                Status::Reported,
            );
            draw_marker(
                p,
                at + vec2(5.0, 0.0),
                7.0,
                EventKind::Strike,
                Status::Reported,
            );
        },
        text: "Larger: more sources",
    },
    Entry {
        symbol: |p, at| {
            draw_marker(
                p,
                at - vec2(2.0, 0.0),
                5.0,
                EventKind::Strike,
                Status::Reported,
            );
            p.text(
                at + vec2(3.0, -1.0),
                Align2::LEFT_BOTTOM,
                "3",
                FontId::proportional(10.0),
                Color32::BLACK,
            );
        },
        text: "Events at one place",
    },
    Entry {
        symbol: |p, at| {
            p.circle(at, 7.0, style::GROUP, Stroke::new(1.0, Color32::WHITE));
            p.text(
                at,
                Align2::CENTER_CENTER,
                "5",
                FontId::proportional(9.0),
                Color32::WHITE,
            );
        },
        text: "Places close together (click)",
    },
    Entry {
        symbol: |p, at| {
            draw_marker(p, at, 4.0, EventKind::Strike, Status::Reported);
            super::markers::dotted_ring(p, at, 7.5, style::ROUGH_RING);
        },
        text: "Dated only roughly",
    },
    Entry {
        symbol: |p, at| {
            draw_marker(p, at, 5.0, EventKind::Strike, Status::Reported);
            super::markers::corrected_mark(p, at + vec2(-4.5, -4.5));
        },
        text: "Corrected by you",
    },
    Entry {
        symbol: |p, at| {
            p.circle_filled(at, 2.5, Color32::from_gray(150));
        },
        text: "Events on other dates",
    },
    Entry {
        symbol: |p, at| {
            p.rect_filled(
                Rect::from_center_size(at, vec2(12.0, 10.0)),
                2.0,
                style::STRIKE.gamma_multiply(0.3),
            );
        },
        text: "Region-wide report",
    },
    Entry {
        symbol: |p, at| {
            p.line_segment(
                [at - vec2(7.0, 0.0), at + vec2(7.0, 0.0)],
                Stroke::new(1.6, style::KARABAKH),
            );
        },
        text: "Karabakh oblast (approximate)",
    },
    Entry {
        symbol: |p, at| {
            p.extend(Shape::dashed_line(
                &[at - vec2(7.0, 0.0), at + vec2(7.0, 0.0)],
                Stroke::new(1.0, style::KARABAKH.gamma_multiply(0.7)),
                4.0,
                2.0,
            ));
        },
        text: "Armenian-held area, 1994–2020",
    },
    Entry {
        symbol: |p, at| {
            p.line_segment(
                [at - vec2(7.0, 0.0), at + vec2(7.0, 0.0)],
                Stroke::new(3.0, style::CORRIDOR),
            );
        },
        text: "Lachin corridor (schematic)",
    },
];

const ROW: f32 = 19.0;

/// The sides' colours, two to a row, above the rest when markers are coloured by side.
fn sides_ui(painter: &Painter, top_left: Pos2) {
    for (i, side) in Side::ALL.iter().enumerate() {
        let at = top_left + vec2(16.0 + 104.0 * (i % 2) as f32, 16.0 + ROW * (i / 2) as f32);
        painter.circle(
            at,
            5.0,
            style::side_color(*side),
            Stroke::new(1.0, Color32::WHITE),
        );
        let short = match side {
            Side::Karabakh => "Artsakh",
            Side::Russia => "Russia",
            Side::Monitors => "Monitors",
            Side::Other => "Other states",
            Side::Unknown => "Not stated",
            _ => side.label(),
        };
        painter.text(
            at + vec2(10.0, 0.0),
            Align2::LEFT_CENTER,
            short,
            FontId::proportional(12.0),
            Color32::from_gray(40),
        );
    }
}

/// The legend at the map's bottom left, whole when `open`, else a button that unfolds it; the
/// buttons (fold, unfold, Reset view) only `with_buttons`, as a saved image has none; the sides'
/// colours on top `by_side`.
pub(super) fn legend_ui(
    ui: &mut egui::Ui,
    rect: Rect,
    (with_buttons, by_side): (bool, bool),
    open: bool,
    commands: &mut Vec<Command>,
) {
    let painter = ui.painter_at(rect);
    if open {
        let side_rows = if by_side {
            Side::ALL.len().div_ceil(2)
        } else {
            0
        };
        let height = ROW * (ENTRIES.len() + side_rows) as f32 + 14.0;
        let legend = Rect::from_min_size(
            pos2(rect.left() + 10.0, rect.bottom() - height - 10.0),
            vec2(226.0, height),
        );
        painter.rect_filled(legend, 6.0, Color32::from_white_alpha(225));
        if by_side {
            sides_ui(&painter, legend.left_top());
        }
        let x = legend.left() + 16.0;
        for (i, entry) in ENTRIES.iter().enumerate() {
            let y = legend.top() + 16.0 + ROW * (i + side_rows) as f32;
            (entry.symbol)(&painter, pos2(x, y));
            painter.text(
                pos2(x + 16.0, y),
                Align2::LEFT_CENTER,
                entry.text,
                FontId::proportional(12.0),
                Color32::from_gray(40),
            );
        }
        let fold = Rect::from_min_size(legend.right_top() + vec2(-24.0, 4.0), vec2(20.0, 18.0));
        if with_buttons
            && ui
                .put(fold, egui::Button::new("×").small())
                .on_hover_text("Fold the legend away")
                .clicked()
        {
            commands.push(Command::ShowLegend(false));
        }
    } else if with_buttons {
        let unfold = Rect::from_min_size(
            pos2(rect.left() + 10.0, rect.bottom() - 34.0),
            vec2(70.0, 24.0),
        );
        if ui.put(unfold, egui::Button::new("Legend")).clicked() {
            commands.push(Command::ShowLegend(true));
        }
    }
    let button = Rect::from_min_size(
        pos2(rect.right() - 112.0, rect.top() + 8.0),
        vec2(104.0, 24.0),
    );
    if with_buttons && ui.put(button, egui::Button::new("Reset view")).clicked() {
        commands.push(Command::ResetMapView);
    }
}
