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
    /// The from–to date filter, shaded on the histogram.
    pub limit: Option<(NaiveDate, NaiveDate)>,
}

/// A new from–to date filter asked for on the timeline (Shift+drag on the histogram, or
/// "Limit to these dates"); `None` inside clears it (the side panel's "All dates" does that).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateLimit(pub Option<(NaiveDate, NaiveDate)>);

/// Arrow keys (a day; with Shift a week), Home/End, Page Up/Down (previous/next event) and
/// Space (play), unless a text field has the keyboard.
pub fn keyboard_shortcuts(ctx: &egui::Context, commands: &mut Vec<TimeCommand>) {
    if ctx.egui_wants_keyboard_input() {
        return;
    }
    // each key press carries the modifiers held at that moment: a quick Shift+→ can come and
    // go within one frame, so the frame's modifier state would miss it
    ctx.input(|i| {
        for event in &i.events {
            let egui::Event::Key {
                key,
                pressed: true,
                modifiers,
                ..
            } = event
            else {
                continue;
            };
            let step = if modifiers.shift { 7 } else { 1 };
            commands.push(match key {
                egui::Key::ArrowRight => TimeCommand::StepDays(step),
                egui::Key::ArrowLeft => TimeCommand::StepDays(-step),
                egui::Key::Home => TimeCommand::JumpStart,
                egui::Key::End => TimeCommand::JumpEnd,
                egui::Key::Space => TimeCommand::TogglePlay,
                egui::Key::PageDown => TimeCommand::NeighbourEvent { forward: true },
                egui::Key::PageUp => TimeCommand::NeighbourEvent { forward: false },
                _ => continue,
            });
        }
    });
}

fn day_number(first: NaiveDate, d: NaiveDate) -> f64 {
    (d - first).num_days() as f64
}

/// The bottom panel.
pub fn timeline_ui(
    ui: &mut egui::Ui,
    view: &TimelineView<'_>,
    commands: &mut Vec<TimeCommand>,
) -> Option<DateLimit> {
    let mut limit_change = None;
    let time = view.time;
    let Some(h) = view.histogram else {
        ui.horizontal(|ui| {
            ui.heading("No dated events");
            let undated = view.undated;
            if undated > 0 {
                ui.label(format!("{undated} undated events are listed on the right."));
            }
        });
        return None;
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
    let (from, to) = time.shown_or(h.dense);
    // a cursor outside the default range (an outlier's day) widens it to show the cursor; a
    // zoomed range follows the cursor itself (TimeState::apply)
    if time.shown.is_none() && (cursor < from || cursor > to) {
        commands.push(TimeCommand::Show(Some((from.min(cursor), to.max(cursor)))));
    }
    let (bin, bins) = h.bins(from, to);
    let x = |d: NaiveDate| day_number(from, d);
    let span = x(to) + 1.0;
    let width: f64 = match bin {
        BinSize::Day => 0.9,
        BinSize::Week => 6.3,
        BinSize::Month => 27.0,
    };
    let offset = width / 2.0;
    // bars of days outside the date limit are dimmed
    let outside = |d: NaiveDate| {
        view.limit
            .is_some_and(|(a, b)| d > b || d + Duration::days(width.ceil() as i64) <= a)
    };
    let bar = |d: NaiveDate, n: u32, color: egui::Color32| {
        let bar = Bar::new(x(d) + offset, f64::from(n)).width(width);
        if outside(d) {
            bar.fill(color.linear_multiply(0.04))
                .stroke(egui::Stroke::new(1.0, color.linear_multiply(0.25)))
        } else {
            bar
        }
    };
    let strikes: Vec<Bar> = bins
        .iter()
        .map(|(d, s, _)| bar(*d, *s, style::STRIKE))
        .collect();
    let deployments: Vec<Bar> = bins
        .iter()
        .map(|(d, _, n)| bar(*d, *n, style::DEPLOYMENT))
        .collect();
    let strike_chart = BarChart::new("Strikes", strikes).color(style::STRIKE);
    let deployment_chart = BarChart::new("Deployments", deployments)
        .color(style::DEPLOYMENT)
        .stack_on(&[&strike_chart]);
    let bin_label = match bin {
        BinSize::Day => "per day",
        BinSize::Week => "per week",
        BinSize::Month => "per month",
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!(
                "Events {bin_label}, {} – {} · scroll to zoom, drag to pan, Shift+drag to limit \
                 the dates, click to go to a day",
                from.format("%-d %b %Y"),
                to.format("%-d %b %Y")
            ))
            .small()
            .weak(),
        );
        // events left out of the range shown, at either edge
        let before = h.days.partition_point(|(d, _, _)| *d < from);
        let after = h.days.len() - h.days.partition_point(|(d, _, _)| *d <= to);
        let outside = |n: usize, side: &str| {
            format!(
                "{n} day{} with events {side}",
                if n == 1 { "" } else { "s" }
            )
        };
        if before > 0
            && ui
                .small_button(format!("« {}", outside(before, "earlier")))
                .on_hover_text(format!("from {}", h.first.format("%-d %b %Y")))
                .clicked()
        {
            commands.push(TimeCommand::Show(Some((h.first, to))));
        }
        if after > 0
            && ui
                .small_button(format!("{} »", outside(after, "later")))
                .on_hover_text(format!("to {}", h.last.format("%-d %b %Y")))
                .clicked()
        {
            commands.push(TimeCommand::Show(Some((from, h.last))));
        }
        if time.shown.is_some() && ui.small_button("Reset range").clicked() {
            commands.push(TimeCommand::Show(None));
        }
        if time.shown.is_some()
            && view.limit != Some((from, to))
            && ui
                .small_button("Limit to these dates")
                .on_hover_text("Show only events within the range shown, on map and list")
                .clicked()
        {
            limit_change = Some(DateLimit(Some((from, to))));
        }

        jump_to_date_ui(ui, commands);
    });
    let days_shown = span;
    let brush_id = egui::Id::unique("karabakh-atlas-histogram-brush");
    let brushing: Option<(NaiveDate, NaiveDate)> = ui.data(|d| d.get_temp(brush_id));
    let limit = view.limit;
    let response = Plot::new("histogram")
        .height(90.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_y(false)
        .show_x(false)
        .y_axis_min_width(28.0)
        .include_y(if view.spans.is_empty() { 0.0 } else { -0.6 })
        .set_margin_fraction(egui::vec2(0.0, 0.1))
        .x_axis_formatter(move |mark, _| {
            // days only: a mark inside a day (a few days shown) is left unlabelled
            if (mark.value - mark.value.round()).abs() > 1e-6 {
                return String::new();
            }
            let day = from + Duration::days(mark.value.round() as i64);
            // days when a few months are shown, days with the year up to a year or so (the
            // grid's marks fall every few weeks), else months
            day.format(if days_shown <= 120.0 {
                "%-d %b"
            } else if days_shown <= 500.0 {
                "%-d %b %y"
            } else {
                "%b %Y"
            })
            .to_string()
        })
        .show(ui, |plot| {
            plot.set_plot_bounds_x(-offset.min(0.5)..=span + 0.5);
            plot.bar_chart(strike_chart);
            plot.bar_chart(deployment_chart);
            // month- and year-precision events as spans under the bars
            for (row, (start, end, kind)) in view
                .spans
                .iter()
                .filter(|(start, end, _)| *end >= from && *start <= to)
                .enumerate()
                .take(60)
            {
                let y = -0.15 - 0.12 * (row % 4) as f64;
                let color = style::kind_symbol(*kind).1.gamma_multiply(0.8);
                let points = vec![[x(*start).max(0.0), y], [(x(*end) + 1.0).min(span), y]];
                plot.line(
                    egui_plot::Line::new("Spans", points)
                        .color(color)
                        .width(3.0),
                );
            }
            // the date limit, outlined (its bars are bright, the others dim); a range being
            // brushed, tinted
            if let Some((a, b)) = limit {
                plot.span(
                    egui_plot::Span::new("", x(a)..=x(b) + 1.0)
                        .fill(egui::Color32::from_rgba_unmultiplied(120, 170, 255, 18))
                        .border(egui::Stroke::new(1.0, style::LOADING)),
                );
            }
            if let Some((a, b)) = brushing {
                let (a, b) = (a.min(b), a.max(b));
                plot.span(
                    egui_plot::Span::new("", x(a)..=x(b) + 1.0)
                        .fill(egui::Color32::from_rgba_unmultiplied(250, 180, 0, 40))
                        .border(egui::Stroke::new(1.0, egui::Color32::from_rgb(250, 180, 0))),
                );
            }
            plot.vline(
                VLine::new("Cursor", x(cursor) + 0.5)
                    .color(egui::Color32::from_rgb(250, 180, 0))
                    .width(2.0),
            );
            // the selected event, linked with the map, list and evidence
            if let Some(d) = view.selected {
                let points = vec![[x(d.start), 0.0], [x(d.end) + 1.0, 0.0]];
                plot.line(
                    egui_plot::Line::new("Selected", points)
                        .color(egui::Color32::from_rgb(255, 200, 0))
                        .width(6.0),
                );
            }
            plot.pointer_coordinate()
        });
    // Shift+drag brushes; without Shift the histogram pans, zooms and moves the cursor
    if let Some(brushed) = brush_input(ui, &response, from, brush_id) {
        limit_change = Some(DateLimit(Some(brushed)));
    } else if brushing.is_none() && !ui.input(|i| i.modifiers.shift) {
        histogram_input(ui, &response, (from, to), commands);
    }
    // the slider spans the same days as the histogram, its handle under the cursor line: the
    // handle's centre runs from the middle of the first day's bar to that of the last
    let mut day = (cursor - from).num_days();
    let total = (to - from).num_days();
    let first_day = response.transform.position_from_point_x(0.5);
    let last_day = response.transform.position_from_point_x(total as f64 + 0.5);
    let thickness = ui
        .text_style_height(&egui::TextStyle::Body)
        .max(ui.spacing().interact_size.y);
    let handle = thickness / 2.5;
    let (row, _) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), thickness),
        egui::Sense::hover(),
    );
    let rect = egui::Rect::from_x_y_ranges(first_day - handle..=last_day + handle, row.y_range());
    ui.spacing_mut().slider_width = rect.width();
    let slider = egui::Slider::new(&mut day, 0..=total.max(0))
        .show_value(false)
        .text("");
    let response = ui
        .add_enabled_ui(total > 0, |ui| ui.put(rect, slider))
        .inner
        .on_hover_text("Drag to move through time");
    if response.changed() {
        commands.push(TimeCommand::SetDate(from + Duration::days(day)));
    }
    limit_change
}

/// Shift+drag over the histogram brushes a range of days (kept in egui's memory while the drag
/// lasts); returns the range when the drag ends.
fn brush_input(
    ui: &egui::Ui,
    plot: &egui_plot::PlotResponse<Option<egui_plot::PlotPoint>>,
    from: NaiveDate,
    brush_id: egui::Id,
) -> Option<(NaiveDate, NaiveDate)> {
    let response = &plot.response;
    let day_at =
        |point: egui_plot::PlotPoint| from + Duration::days((point.x - 0.5).round() as i64);
    let brushing: Option<(NaiveDate, NaiveDate)> = ui.data(|d| d.get_temp(brush_id));
    let shift = ui.input(|i| i.modifiers.shift);
    match (brushing, plot.inner) {
        (None, Some(point)) if response.drag_started() && shift => {
            let day = day_at(point);
            ui.data_mut(|d| d.insert_temp(brush_id, (day, day)));
            None
        }
        (Some((start, current)), point) if response.drag_stopped() || !response.dragged() => {
            ui.data_mut(|d| d.remove::<(NaiveDate, NaiveDate)>(brush_id));
            let end = point.map_or(current, day_at);
            Some((start.min(end), start.max(end)))
        }
        (Some((start, _)), Some(point)) => {
            ui.data_mut(|d| d.insert_temp(brush_id, (start, day_at(point))));
            None
        }
        _ => None,
    }
}

/// Scroll over the histogram zooms around the pointer, a drag pans, a click moves the cursor to
/// the day clicked.
fn histogram_input(
    ui: &egui::Ui,
    plot: &egui_plot::PlotResponse<Option<egui_plot::PlotPoint>>,
    (from, to): (NaiveDate, NaiveDate),
    commands: &mut Vec<TimeCommand>,
) {
    let response = &plot.response;
    let days = |value: f64| Duration::days(value.round() as i64);
    if response.dragged() {
        let moved = -f64::from(response.drag_delta().x) * plot.transform.dvalue_dpos()[0];
        if moved.abs() >= 0.5 {
            commands.push(TimeCommand::Show(Some((
                from + days(moved),
                to + days(moved),
            ))));
        }
    } else if response.clicked()
        && let Some(point) = plot.inner
    {
        commands.push(TimeCommand::SetDate(from + days(point.x - 0.5)));
    }
    if response.hovered()
        && let Some(point) = plot.inner
    {
        let scroll = ui.input(|i| i.smooth_scroll_delta.y + i.smooth_scroll_delta.x);
        if scroll.abs() > 0.1 {
            let factor = (-f64::from(scroll) / 200.0).exp();
            let anchor = point.x;
            let span = (to - from).num_days() as f64;
            let start = anchor - (anchor * factor);
            let end = anchor + (span - anchor) * factor;
            commands.push(TimeCommand::Show(Some((
                from + days(start),
                from + days(end),
            ))));
        }
    }
}

/// A field that moves the cursor to a typed date ("2022-09-13", "13 Sep 2022") on Enter.
fn jump_to_date_ui(ui: &mut egui::Ui, commands: &mut Vec<TimeCommand>) {
    let id = egui::Id::unique("karabakh-atlas-jump-to-date");
    let mut text: String = ui.data_mut(|d| d.get_temp::<String>(id).unwrap_or_default());
    let label = ui.label(RichText::new("Go to").small());
    let field = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .hint_text("13 Sep 2022")
                .desired_width(110.0),
        )
        .labelled_by(label.id);
    let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if entered {
        match parse_day(&text) {
            Some(day) => {
                commands.push(TimeCommand::SetDate(day));
                text.clear();
            }
            None => {
                field.request_focus();
            }
        }
    }
    field.on_hover_text("Type a date (2022-09-13, 13 Sep 2022) and press Enter");
    ui.data_mut(|d| d.insert_temp(id, text));
}

/// A day typed by a user: ISO ("2022-09-13") or as reporting writes it ("13 Sep 2022",
/// "September 13, 2022").
///
/// ```
/// # use karabakh_atlas::timeline::panel::parse_day;
/// use chrono::NaiveDate;
/// let day = NaiveDate::from_ymd_opt(2022, 9, 13);
/// assert_eq!(parse_day("2022-09-13"), day);
/// assert_eq!(parse_day(" 13 Sep 2022 "), day);
/// assert_eq!(parse_day("September 13, 2022"), day);
/// assert_eq!(parse_day("soon"), None);
/// ```
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .or_else(|| karabakh_core::dates::first_full_date(text))
}
