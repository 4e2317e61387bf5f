//! The events table: every event passing the filters (and the date limit), at any date, one
//! row each, drawn only where visible (100,000 rows scroll as fast as ten); sorted by clicking a
//! heading; a click shows the event on the map and moves the slider to its date; Ctrl+click
//! marks rows, which copy to the clipboard as CSV.

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use karabakh_core::model::Event;

use crate::command::Command;
use crate::state::AppState;
use crate::style;
use crate::table::TableColumn;

pub(super) fn table_window_ui(ctx: &egui::Context, state: &AppState, commands: &mut Vec<Command>) {
    let table = &state.table;
    if !table.open {
        return;
    }
    let mut open = true;
    egui::Window::new(format!("Events table ({})", table.rows.len()))
        .id(egui::Id::unique("events-table"))
        .open(&mut open)
        .default_size([780.0, 420.0])
        .resizable(true)
        .show(ctx, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(
                        "Every event passing the side panel's filters, at any date. Click a row to show it; Ctrl+click marks rows to copy.",
                    )
                    .small()
                    .weak(),
                );
            });
            ui.horizontal(|ui| {
                let marked = table.marked.len();
                let (label, rows): (String, Vec<usize>) = if marked > 0 {
                    (
                        format!("Copy {marked} marked rows as CSV"),
                        table.marked.iter().copied().collect(),
                    )
                } else {
                    (
                        format!("Copy all {} rows as CSV", table.rows.len()),
                        table.rows.clone(),
                    )
                };
                if ui.button(label).clicked() {
                    let events: Vec<Event> = rows
                        .iter()
                        .filter_map(|&i| state.dataset.events.get(i).cloned())
                        .collect();
                    match karabakh_core::export::to_csv(&events) {
                        Ok(csv) => ui.ctx().copy_text(csv),
                        Err(e) => {
                            ui.label(format!("Cannot copy: {e}"));
                        }
                    }
                }
                if marked > 0 && ui.button("Clear marks").clicked() {
                    commands.push(Command::ClearTableMarks);
                }
            });
            ui.separator();
            rows_ui(ui, state, commands);
        });
    if !open {
        commands.push(Command::ShowTable(false));
    }
}

fn rows_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let table = &state.table;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 2.0;
    TableBuilder::new(ui)
        .id_salt("events-table-rows")
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(150.0).at_least(60.0).clip(true))
        .column(Column::initial(150.0).at_least(60.0).clip(true))
        .column(Column::initial(90.0).at_least(50.0))
        .column(Column::initial(80.0).at_least(50.0))
        .column(Column::initial(150.0).at_least(50.0).clip(true))
        .column(Column::initial(60.0).at_least(40.0))
        .column(Column::remainder().at_least(60.0))
        .header(row_height + 4.0, |mut header| {
            for column in TableColumn::ALL {
                header.col(|ui| {
                    let arrow = match (table.sort == column, table.descending) {
                        (false, _) => None,
                        (true, false) => Some("▲"),
                        (true, true) => Some("▼"),
                    };
                    let heading = ui
                        .add(egui::Button::new(RichText::new(column.title()).strong()).frame(false))
                        .on_hover_text("Sort by this column (again: the other way)");
                    if let Some(arrow) = arrow {
                        ui.label(arrow);
                    }
                    if heading.clicked() {
                        commands.push(Command::SortTable(column));
                    }
                });
            }
        })
        .body(|body| {
            body.rows(row_height, table.rows.len(), |mut row| {
                let Some((index, event)) = table
                    .rows
                    .get(row.index())
                    .and_then(|&i| state.dataset.events.get(i).map(|e| (i, e)))
                else {
                    return;
                };
                row.set_selected(state.selected == Some(index) || table.marked.contains(&index));
                let (symbol, color) = style::kind_symbol(event.kind);
                let date = event
                    .date
                    .map_or_else(|| "undated".to_owned(), style::date_label);
                row.col(|ui| {
                    cell(ui, date);
                });
                row.col(|ui| {
                    cell(ui, style::place_name(&event.place.name, state.view.names));
                });
                row.col(|ui| {
                    cell(ui, RichText::new(symbol).color(color));
                });
                row.col(|ui| {
                    cell(ui, event.status.as_str());
                });
                row.col(|ui| {
                    cell(ui, event.actor.as_deref().unwrap_or("—"));
                });
                row.col(|ui| {
                    cell(ui, event.sources.len().to_string());
                });
                row.col(|ui| {
                    if event.corrected() {
                        cell(ui, RichText::new("corrected").color(style::CORRECTED));
                    }
                });
                let response = row.response();
                if response.clicked() {
                    if ui_ctrl(&response) {
                        commands.push(Command::MarkTableRow(index));
                    } else {
                        commands.push(Command::ShowEvent(index));
                    }
                }
            });
        });
}

/// A cell's text: not selectable, so that a click anywhere on the row selects the row.
fn cell(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>) {
    ui.add(egui::Label::new(text).selectable(false).truncate());
}

/// Whether Ctrl (Cmd on a Mac) was held at the click.
fn ui_ctrl(response: &egui::Response) -> bool {
    response.ctx.input(|i| i.modifiers.command)
}
