//! The timeline panel: the current date large, playback and mode controls, the histogram
//! (egui_plot) with the cursor line, and the slider spanning the same range; and the keyboard
//! shortcuts that move through time. It reads a [`TimelineView`] and pushes [`TimeCommand`]s.

use chrono::{Duration, NaiveDate};
use egui::RichText;
use egui_plot::{Bar, BarChart, Plot, VLine};

use karabakh_core::model::{DateSpan, EventKind};

use super::{BinSize, Histogram, TimeCommand, TimeMode, TimeState};
use crate::style;

/// What the timeline panel draws from.
pub struct TimelineView<'a> {
    /// Cursor, mode and playback.
    pub time: &'a TimeState,
    /// Events per bin (`None` without dated events).
    pub histogram: Option<&'a Histogram>,
    /// Month- and year-precision events as (start, end, kind), drawn as spans.
    pub spans: &'a [(NaiveDate, NaiveDate, EventKind)],
    /// The date of the selected event, marked on the histogram.
    pub selected: Option<DateSpan>,
    /// How many events have no date.
    pub undated: usize,
}

/// Arrow keys (a day; with Shift a week), Home/End, Page Up/Down (previous/next event) and
/// Space (play), unless a text field has the keyboard.
pub fn keyboard_shortcuts(ctx: &egui::Context, commands: &mut Vec<TimeCommand>) {
    if ctx.egui_wants_keyboard_input() {
        return;
    }
    ctx.input(|i| {
        let week = i.modifiers.shift;
        if i.key_pressed(egui::Key::ArrowRight) {
            commands.push(TimeCommand::StepDays(if week { 7 } else { 1 }));
        }
        if i.key_pressed(egui::Key::ArrowLeft) {
            commands.push(TimeCommand::StepDays(if week { -7 } else { -1 }));
        }
        if i.key_pressed(egui::Key::Home) {
            commands.push(TimeCommand::JumpStart);
        }
        if i.key_pressed(egui::Key::End) {
            commands.push(TimeCommand::JumpEnd);
        }
        if i.key_pressed(egui::Key::Space) {
            commands.push(TimeCommand::TogglePlay);
        }
        if i.key_pressed(egui::Key::PageDown) {
            commands.push(TimeCommand::NeighbourEvent { forward: true });
        }
        if i.key_pressed(egui::Key::PageUp) {
            commands.push(TimeCommand::NeighbourEvent { forward: false });
        }
    });
}

fn day_number(first: NaiveDate, d: NaiveDate) -> f64 {
    (d - first).num_days() as f64
}

/// The bottom panel.
pub fn timeline_ui(ui: &mut egui::Ui, view: &TimelineView<'_>, commands: &mut Vec<TimeCommand>) {
    let time = view.time;
    let Some(h) = view.histogram else {
        ui.horizontal(|ui| {
            ui.heading("No dated events");
            let undated = view.undated;
            if undated > 0 {
                ui.label(format!("{undated} undated events are listed on the right."));
            }
        });
        return;
    };
    let cursor = time.cursor.unwrap_or(h.first);
    // the toolbar wraps onto a second row in a narrow window
    ui.horizontal_wrapped(|ui| {
        // a fixed width, so that the buttons do not move as the date's text changes
        ui.allocate_ui_with_layout(
            egui::vec2(205.0, 30.0),
            egui::Layout::left_to_right(egui::Align::Center),
            |ui| {
                ui.set_min_width(205.0);
                ui.label(
                    RichText::new(cursor.format("%-d %B %Y").to_string())
                        .size(22.0)
                        .strong(),
                );
            },
        );
        if ui
            .button("First")
            .on_hover_text("First day (Home)")
            .clicked()
        {
            commands.push(TimeCommand::JumpStart);
        }
        if ui
            .button("Previous event")
            .on_hover_text("Previous event (Page Up)")
            .clicked()
        {
            commands.push(TimeCommand::NeighbourEvent { forward: false });
        }
        if ui
            .button("−1 day")
            .on_hover_text("One day back (←; Shift+← a week)")
            .clicked()
        {
            commands.push(TimeCommand::StepDays(-1));
        }
        let play = if time.playing { "Pause" } else { "Play" };
        if ui.button(play).on_hover_text("Space").clicked() {
            commands.push(TimeCommand::TogglePlay);
        }
        if ui
            .button("+1 day")
            .on_hover_text("One day forward (→; Shift+→ a week)")
            .clicked()
        {
            commands.push(TimeCommand::StepDays(1));
        }
        if ui
            .button("Next event")
            .on_hover_text("Next event (Page Down)")
            .clicked()
        {
            commands.push(TimeCommand::NeighbourEvent { forward: true });
        }
        if ui.button("Last").on_hover_text("Last day (End)").clicked() {
            commands.push(TimeCommand::JumpEnd);
        }
        ui.separator();
        let mut speed = time.days_per_second;
        if ui
            .add(
                egui::DragValue::new(&mut speed)
                    .range(0.25..=120.0)
                    .speed(0.2)
                    .suffix(" days/s"),
            )
            .on_hover_text("Playback speed")
            .changed()
        {
            commands.push(TimeCommand::SetSpeed(speed));
        }
        ui.separator();
        for mode in [TimeMode::Day, TimeMode::Window, TimeMode::Cumulative] {
            if ui
                .selectable_label(time.mode == mode, mode.label())
                .clicked()
            {
                commands.push(TimeCommand::SetMode(mode));
            }
        }
        if time.mode == TimeMode::Window {
            let mut days = time.window_days;
            if ui
                .add(
                    egui::DragValue::new(&mut days)
                        .range(1..=365)
                        .prefix("± ")
                        .suffix(" days"),
                )
                .changed()
            {
                commands.push(TimeCommand::SetWindowDays(days));
            }
        }
    });
    let span = day_number(h.first, h.last).max(1.0);
    let width = match h.bin {
        BinSize::Day => 0.9,
        BinSize::Week => 6.3,
        BinSize::Month => 27.0,
    };
    let offset = width / 2.0;
    let strikes: Vec<Bar> = h
        .bins
        .iter()
        .map(|(d, s, _)| Bar::new(day_number(h.first, *d) + offset, f64::from(*s)).width(width))
        .collect();
    let deployments: Vec<Bar> = h
        .bins
        .iter()
        .map(|(d, _, n)| Bar::new(day_number(h.first, *d) + offset, f64::from(*n)).width(width))
        .collect();
    let strike_chart = BarChart::new("Strikes", strikes).color(style::STRIKE);
    let deployment_chart = BarChart::new("Deployments", deployments)
        .color(style::DEPLOYMENT)
        .stack_on(&[&strike_chart]);
    let first = h.first;
    let bin_label = match h.bin {
        BinSize::Day => "per day",
        BinSize::Week => "per week",
        BinSize::Month => "per month",
    };
    ui.label(
        RichText::new(format!(
            "Events {bin_label}, {} – {}",
            first.format("%-d %b %Y"),
            h.last.format("%-d %b %Y")
        ))
        .small()
        .weak(),
    );
    Plot::new("histogram")
        .height(90.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_y(false)
        .show_x(false)
        .y_axis_min_width(28.0)
        .include_x(-offset)
        .include_x(span + width)
        .include_y(if view.spans.is_empty() { 0.0 } else { -0.6 })
        .set_margin_fraction(egui::vec2(0.0, 0.1))
        .x_axis_formatter(move |mark, _| {
            (first + Duration::days(mark.value.round() as i64))
                .format("%b %Y")
                .to_string()
        })
        .show(ui, |plot| {
            plot.bar_chart(strike_chart);
            plot.bar_chart(deployment_chart);
            // month- and year-precision events as spans under the bars
            for (row, (start, end, kind)) in view.spans.iter().enumerate().take(60) {
                let y = -0.15 - 0.12 * (row % 4) as f64;
                let color = style::kind_symbol(*kind).1.gamma_multiply(0.8);
                let points = vec![
                    [day_number(first, *start), y],
                    [day_number(first, *end) + 1.0, y],
                ];
                plot.line(
                    egui_plot::Line::new("Spans", points)
                        .color(color)
                        .width(3.0),
                );
            }
            plot.vline(
                VLine::new("Cursor", day_number(first, cursor) + 0.5)
                    .color(egui::Color32::from_rgb(250, 180, 0))
                    .width(2.0),
            );
            // the selected event, linked with the map, list and evidence
            if let Some(d) = view.selected {
                let points = vec![
                    [day_number(first, d.start), 0.0],
                    [day_number(first, d.end) + 1.0, 0.0],
                ];
                plot.line(
                    egui_plot::Line::new("Selected", points)
                        .color(egui::Color32::from_rgb(255, 200, 0))
                        .width(6.0),
                );
            }
        });
    // the slider spans the same days as the histogram
    let mut day = (cursor - first).num_days();
    let total = (h.last - first).num_days();
    ui.spacing_mut().slider_width = ui.available_width() - 12.0;
    let slider = egui::Slider::new(&mut day, 0..=total.max(0))
        .show_value(false)
        .text("");
    let response = ui
        .add_enabled(total > 0, slider)
        .on_hover_text("Drag to move through time");
    if response.changed() {
        commands.push(TimeCommand::SetDate(first + Duration::days(day)));
    }
}
