//! The side panel's event list: kind, status and text filters, the events at the cursor (drawn
//! only where visible), and the undated events apart.

use egui::{Align, RichText};

use karabakh_core::model::Event;

use super::evidence::evidence_ui;
use crate::command::Command;
use crate::state::AppState;
use crate::style;
use crate::timeline::{TimeMode, is_rough};

pub(super) fn side_panel_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    filters_ui(ui, state, commands);
    ui.separator();
    if let Some(selected) = state
        .selected
        .and_then(|i| state.dataset.events.get(i).map(|e| (i, e)))
    {
        egui::Panel::bottom("evidence")
            .resizable(true)
            .default_size(300.0)
            .show(ui, |ui| evidence_ui(ui, state, selected, commands));
    }
    let undated = &state.undated;
    if !undated.is_empty() {
        egui::Panel::bottom("undated")
            .resizable(false)
            .show(ui, |ui| {
                egui::CollapsingHeader::new(format!("Undated events ({})", undated.len()))
                    .id_salt("undated")
                    .show(ui, |ui| {
                        egui::ScrollArea::vertical()
                            .max_height(140.0)
                            .id_salt("undated-list")
                            .show(ui, |ui| {
                                for &i in undated {
                                    if let Some(e) = state.dataset.events.get(i) {
                                        event_row_ui(ui, state, i, e, commands);
                                    }
                                }
                            });
                    });
            });
    }
    event_list_ui(ui, state, commands);
}

/// The sides present in the data, each a checkbox in its colour, and "Contested only".
fn sides_ui(ui: &mut egui::Ui, state: &AppState, f: &mut crate::state::Filters) {
    let contested = state.contested_count;
    let title = if !f.hidden_sides.is_empty() || f.contested_only {
        "Sides (filtered)"
    } else {
        "Sides"
    };
    egui::CollapsingHeader::new(title)
        .id_salt("sides")
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                for side in &state.sides {
                    let mut shown = !f.hidden_sides.contains(side);
                    if ui
                        .checkbox(
                            &mut shown,
                            RichText::new(side.label()).color(style::side_color(*side)),
                        )
                        .changed()
                    {
                        if shown {
                            f.hidden_sides.retain(|s| s != side);
                        } else {
                            f.hidden_sides.push(*side);
                        }
                    }
                }
            });
            ui.checkbox(
                &mut f.contested_only,
                RichText::new(format!("Contested only ({contested})")).color(style::CONTESTED),
            )
            .on_hover_text(
                "Claims another side denied, and events whose reports name different sides as the one who struck or deployed",
            );
        });
}

pub(super) fn filters_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let mut f = state.view.filters.clone();
    ui.horizontal_wrapped(|ui| {
        ui.checkbox(
            &mut f.strikes,
            RichText::new("Strikes").color(style::STRIKE),
        );
        ui.checkbox(
            &mut f.deployments,
            RichText::new("Deployments").color(style::DEPLOYMENT),
        );
        ui.with_layout(egui::Layout::right_to_left(Align::Center), |ui| {
            if ui
                .small_button("»")
                .on_hover_text("Fold this panel away to give the map room")
                .clicked()
            {
                commands.push(Command::ShowList(false));
            }
        });
    });
    ui.horizontal_wrapped(|ui| {
        ui.checkbox(&mut f.reported, "Reported");
        ui.checkbox(&mut f.claimed, "Claimed");
        ui.checkbox(&mut f.denied, "Denied");
        ui.checkbox(&mut f.rough, "Roughly dated").on_hover_text(
            "Events dated only to a month, a year or a span of over a week, which show on \
             every day they cover (always shown in Cumulative mode)",
        );
    });
    ui.horizontal(|ui| {
        let label = ui.label("Search");
        // a search (perhaps restored from the last session) clears with one click
        let clear = !f.search.is_empty();
        let width = if clear {
            ui.available_width() - 28.0
        } else {
            f32::INFINITY
        };
        ui.add(
            egui::TextEdit::singleline(&mut f.search)
                .hint_text("place, side or words")
                .desired_width(width),
        )
        .labelled_by(label.id);
        if clear
            && ui
                .small_button("×")
                .on_hover_text("Clear the search")
                .clicked()
        {
            f.search.clear();
        }
    });
    sides_ui(ui, state, &mut f);
    if let Some((first, last)) = f.dates {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!(
                    "Only {} – {}",
                    first.format("%-d %b %Y"),
                    last.format("%-d %b %Y")
                ))
                .color(style::LOADING),
            );
            if ui
                .small_button("All dates")
                .on_hover_text("Clear the date limit (set by Shift+drag on the histogram)")
                .clicked()
            {
                f.dates = None;
            }
        });
    }
    if f != state.view.filters {
        commands.push(Command::SetFilters(f));
    }
}

pub(super) fn event_list_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let when = state.view.time.cursor.map_or_else(
        || "no dated events".to_owned(),
        |d| d.format("%-d %b %Y").to_string(),
    );
    let mode = match state.view.time.mode {
        TimeMode::Day => String::new(),
        TimeMode::Window => format!(" ± {} days", state.view.time.window_days),
        TimeMode::Cumulative => " and before".to_owned(),
    };
    let n = state.visible.len();
    let rough = state.visible_rough;
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!(
                "{n} event{} on {when}{mode}",
                if n == 1 { "" } else { "s" }
            ))
            .strong(),
        );
        if rough > 0 {
            ui.label(RichText::new(format!("({rough} of them roughly dated, last)")).weak());
        }
    });
    let row_height = ui.text_style_height(&egui::TextStyle::Body)
        + ui.spacing().button_padding.y * 2.0
        + ui.spacing().item_spacing.y;
    egui::ScrollArea::vertical()
        .id_salt("event-list")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, state.visible.len(), |ui, rows| {
            for &i in state.visible.get(rows).unwrap_or_default() {
                if let Some(e) = state.dataset.events.get(i) {
                    event_row_ui(ui, state, i, e, commands);
                }
            }
        });
}

pub(super) fn event_row_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    index: usize,
    event: &Event,
    commands: &mut Vec<Command>,
) {
    let selected = state.selected == Some(index);
    let (symbol, color) = style::kind_symbol(event.kind);
    let date = event.date.map_or_else(
        || "undated".to_owned(),
        |d| {
            if is_rough(&d) {
                format!("during {}", style::date_label(d))
            } else {
                style::date_label(d)
            }
        },
    );
    let text = format!(
        "{} · {} · {} · {} · {} source{}{}",
        style::place_name(&event.place.name, state.view.names),
        symbol.to_lowercase(),
        date,
        event.status.as_str(),
        event.sources.len(),
        if event.sources.len() == 1 { "" } else { "s" },
        if event.corrected() {
            " · corrected"
        } else {
            ""
        }
    );
    // a denied claim says so already; other contested events are marked
    let disputed = state
        .contested
        .get(index)
        .and_then(Option::as_ref)
        .is_some_and(|c| !c.split.is_empty() || !c.disputed_by.is_empty());
    let text = if disputed {
        format!("{text} · contested")
    } else {
        text
    };
    let response = ui.add(
        egui::Button::selectable(
            selected,
            RichText::new(text).color(if selected {
                ui.visuals().strong_text_color()
            } else {
                color
            }),
        )
        .wrap_mode(egui::TextWrapMode::Truncate),
    );
    if response.clicked() {
        commands.push(Command::Select(if selected { None } else { Some(index) }));
    }
    if selected && response.gained_focus() {
        response.scroll_to_me(Some(Align::Center));
    }
}
