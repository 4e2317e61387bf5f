//! The panels around the map: menu bar (`menu`), event list and filters (`events`), the events
//! table (`table`),
//! evidence (`evidence`), the problems, articles, article, About and corrections windows (`windows`), and [`root_ui`]
//! that lays out the whole window. Drawing functions read `&AppState` and push [`Command`]s;
//! they never change state themselves.

mod events;
mod evidence;
mod menu;
mod table;
mod windows;

use karabakh_core::corrections::{Correction, DateSet};

use crate::command::Command;
use crate::state::AppState;
use crate::timeline::TimeCommand;
use crate::timeline::panel::{DateLimit, TimelineView, keyboard_shortcuts, timeline_ui};

/// The whole window, and the keyboard shortcuts that move through time.
pub fn root_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let mut time_commands = Vec::new();
    keyboard_shortcuts(ui.ctx(), &mut time_commands);
    correction_shortcuts(ui.ctx(), commands);
    egui::Panel::top("menu").show(ui, |ui| menu::menu_bar_ui(ui, state, commands));
    let timeline = TimelineView {
        time: &state.view.time,
        histogram: state.histogram.as_ref(),
        spans: &state.timeline_spans,
        selected: state
            .selected
            .and_then(|i| state.dataset.events.get(i))
            .and_then(|e| e.date),
        undated: state.undated.len(),
        limit: state.view.filters.dates,
    };
    let mut limit = None;
    egui::Panel::bottom("timeline")
        .resizable(false)
        .show(ui, |ui| {
            if state.loading.is_some() {
                ui.disable();
            }
            limit = timeline_ui(ui, &timeline, &mut time_commands);
        });
    commands.extend(time_commands.into_iter().map(Command::Time));
    if let Some(DateLimit(dates)) = limit {
        commands.push(Command::SetFilters(crate::state::Filters {
            dates,
            ..state.view.filters.clone()
        }));
        // a cursor left outside the new limit moves to its first day
        if let (Some((first, last)), Some(cursor)) = (dates, state.view.time.cursor)
            && !(first..=last).contains(&cursor)
        {
            commands.push(Command::Time(TimeCommand::SetDate(first)));
        }
    }
    // the list takes less of a narrow window
    let list_width = (ui.available_width() * 0.3).clamp(240.0, 380.0);
    if state.view.list_hidden {
        egui::Panel::right("events-folded")
            .resizable(false)
            .exact_size(26.0)
            .show(ui, |ui| {
                if ui
                    .button("«")
                    .on_hover_text("Show the filters, event list and evidence")
                    .clicked()
                {
                    commands.push(Command::ShowList(true));
                }
            });
    } else {
        side_panel_shell(ui, state, commands, list_width);
    }
    egui::CentralPanel::default()
        .frame(egui::Frame::NONE)
        .show(ui, |ui| {
            crate::map::map_ui(ui, state, commands);
        });
    windows::problems_window_ui(ui.ctx(), state, commands);
    windows::articles_window_ui(ui.ctx(), state, commands);
    windows::article_window_ui(ui.ctx(), state, commands);
    windows::about_window_ui(ui.ctx(), state, commands);
    windows::corrections_window_ui(ui.ctx(), state, commands);
    table::table_window_ui(ui.ctx(), state, commands);
}

/// Ctrl+Z takes back the last correction, Ctrl+Shift+Z or Ctrl+Y makes it again (not while a
/// text field has the keyboard: there they edit the text).
fn correction_shortcuts(ctx: &egui::Context, commands: &mut Vec<Command>) {
    use egui::{Key, KeyboardShortcut, Modifiers};
    if ctx.egui_wants_keyboard_input() {
        return;
    }
    ctx.input_mut(|i| {
        // the longer shortcut first: Ctrl+Z also matches Ctrl+Shift+Z
        if i.consume_shortcut(&KeyboardShortcut::new(
            Modifiers::COMMAND | Modifiers::SHIFT,
            Key::Z,
        )) || i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Y))
        {
            commands.push(Command::RedoCorrection);
        } else if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Z)) {
            commands.push(Command::UndoCorrection);
        }
    });
}

/// A correction in words, for the corrections window and notices.
///
/// ```
/// use karabakh_core::corrections::Correction;
/// let reject = Correction::Reject { event: "strike-ganja-2020-10-04".into(), reject: true };
/// assert_eq!(
///     karabakh_atlas::ui::describe_correction(&reject),
///     "rejected strike-ganja-2020-10-04"
/// );
/// ```
pub fn describe_correction(correction: &Correction) -> String {
    match correction {
        Correction::Reject { event, .. } => format!("rejected {event}"),
        Correction::Merge { merge } => format!("merged {}", merge.join(" + ")),
        Correction::Set { event, set } => {
            let mut changes = Vec::new();
            if let Some(place) = &set.place {
                changes.push(format!("place → {place}"));
            }
            if let Some(date) = set.date {
                changes.push(match date {
                    DateSet::Day(d) => format!("date → {}", d.format("%-d %b %Y")),
                    DateSet::Range { start, end } => format!(
                        "date → {} to {}",
                        start.format("%-d %b %Y"),
                        end.format("%-d %b %Y")
                    ),
                });
            }
            if let Some(kind) = set.kind {
                changes.push(format!("kind → {}", kind.as_str()));
            }
            if let Some(status) = set.status {
                changes.push(format!("status → {}", status.as_str()));
            }
            format!("{event}: {}", changes.join(", "))
        }
    }
}

/// The side panel: filters, event list and evidence, resizable, with a button to fold it away.
fn side_panel_shell(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>, width: f32) {
    egui::Panel::right("events")
        .resizable(true)
        .default_size(width)
        .min_size(240.0)
        .show(ui, |ui| {
            // the previous folder's events, dimmed, while another folder loads
            if state.loading.is_some() {
                ui.disable();
            }
            events::side_panel_ui(ui, state, commands);
        });
}
