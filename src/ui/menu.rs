//! The menu bar: File (open by dialog or typed path, recent, export, save image, frames,
//! corrections), View, Help (About), the dataset's
//! name and size, problems, load progress with Cancel, and the notice.

use egui::RichText;

use karabakh_core::names::NameLanguage;

use crate::command::Command;
use crate::save_location::typed_folder;
use crate::state::AppState;
use crate::style;

/// A field to type a folder's path into (for systems without a folder dialog); Enter or Open
/// opens it.
fn open_path_ui(ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    let id = egui::Id::unique("karabakh-atlas-open-path");
    let mut text: String = ui.data_mut(|d| d.get_temp::<String>(id).unwrap_or_default());
    ui.horizontal(|ui| {
        let label = ui.label("Open path");
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .hint_text("~/articles")
                    .desired_width(200.0),
            )
            .labelled_by(label.id)
            .on_hover_text("Type a folder's path and press Enter");
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let open = ui.add_enabled(!text.trim().is_empty(), egui::Button::new("Open"));
        if (entered || open.clicked())
            && let Some(folder) = typed_folder(&text, dirs::home_dir().as_deref())
        {
            commands.push(Command::OpenFolder(folder));
            text.clear();
            ui.close();
        }
    });
    ui.data_mut(|d| d.insert_temp(id, text));
}

/// File ▸ Corrections: the window listing them, undo and redo, and the file they are kept in.
fn corrections_menu_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let n = state.sidecar.file.corrections.len();
    let (undo, redo) = state.sidecar.can_undo_redo();
    ui.menu_button(format!("Corrections ({n})"), |ui| {
        if ui.button("Corrections…").clicked() {
            commands.push(Command::ShowCorrections(true));
        }
        let shortcut = |modifiers: egui::Modifiers, key: egui::Key| {
            ui.ctx()
                .format_shortcut(&egui::KeyboardShortcut::new(modifiers, key))
        };
        let undo_keys = shortcut(egui::Modifiers::COMMAND, egui::Key::Z);
        let redo_keys = shortcut(
            egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
            egui::Key::Z,
        );
        if ui
            .add_enabled(
                undo,
                egui::Button::new("Undo correction").shortcut_text(undo_keys),
            )
            .clicked()
        {
            commands.push(Command::UndoCorrection);
        }
        if ui
            .add_enabled(
                redo,
                egui::Button::new("Redo correction").shortcut_text(redo_keys),
            )
            .clicked()
        {
            commands.push(Command::RedoCorrection);
        }
        ui.separator();
        if ui.button("Open corrections file…").clicked() {
            commands.push(Command::PickCorrectionsFile { save_as: false });
        }
        if ui.button("Save corrections as…").clicked() {
            commands.push(Command::PickCorrectionsFile { save_as: true });
        }
    });
}

pub(super) fn menu_bar_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui.button("Open folder…").clicked() {
                commands.push(Command::PickFolder);
            }
            open_path_ui(ui, commands);
            ui.menu_button("Recent folders", |ui| {
                if state.view.recent_folders.is_empty() {
                    ui.label("None yet");
                }
                for folder in &state.view.recent_folders {
                    if ui.button(folder.display().to_string()).clicked() {
                        commands.push(Command::OpenFolder(folder.clone()));
                    }
                }
            });
            if ui.button("Open bundled seed articles").clicked() {
                commands.push(Command::OpenBundled);
            }
            ui.separator();
            if ui.button("Export visible events…").clicked() {
                commands.push(Command::PickExport { visible_only: true });
            }
            if ui.button("Export all events…").clicked() {
                commands.push(Command::PickExport {
                    visible_only: false,
                });
            }
            if ui.button("Save map image…").clicked() {
                commands.push(Command::PickMapImage);
            }
            if ui
                .button("Export frames…")
                .on_hover_text(
                    "A PNG of the map with its caption for each day of the range shown (each week over three months), into a folder: for a report or a video",
                )
                .clicked()
            {
                commands.push(Command::PickFramesFolder);
            }
            ui.separator();
            corrections_menu_ui(ui, state, commands);
            ui.separator();
            if ui.button("Quit").clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button("View", |ui| {
            if ui.button("Reset map view").clicked() {
                commands.push(Command::ResetMapView);
            }
            ui.menu_button("Names", |ui| {
                for names in NameLanguage::ALL {
                    if ui.radio(state.view.names == names, names.label()).clicked() {
                        commands.push(Command::SetNames(names));
                        ui.close();
                    }
                }
                ui.label(
                    RichText::new(
                        "Places without a name in that language keep the English one, marked (en).",
                    )
                    .small()
                    .weak(),
                );
            });
            let mut by_side = state.view.colour_by_side;
            if ui
                .checkbox(&mut by_side, "Colour markers by side")
                .on_hover_text("Markers take the colour of the side most of their reports name as the one who struck or deployed; shapes still tell strikes from deployments")
                .changed()
            {
                commands.push(Command::ColourBySide(by_side));
            }
            if ui.button("Events table…").clicked() {
                commands.push(Command::ShowTable(true));
            }
            if ui.button("Articles…").clicked() {
                commands.push(Command::ShowArticles(true));
            }
            if ui.button("Problems…").clicked() {
                commands.push(Command::ShowProblems(true));
            }
        });
        ui.menu_button("Help", |ui| {
            if ui.button("About Karabakh Atlas…").clicked() {
                commands.push(Command::ShowAbout(true));
            }
        });
        ui.separator();
        let d = &state.dataset;
        match &state.loading {
            // what is on screen is the previous folder's, dimmed, until the new one is read
            Some(loading) => {
                ui.label(
                    RichText::new(format!("Loading {}…", loading.folder.display()))
                        .strong()
                        .color(style::LOADING),
                );
                ui.label(
                    RichText::new(format!("still showing {}", state.origin.label()))
                        .small()
                        .weak(),
                );
            }
            None => {
                ui.label(RichText::new(state.origin.label()).strong());
                ui.label(format!(
                    "{} articles · {} events",
                    d.articles.len(),
                    d.events.len()
                ));
            }
        }
        if !d.problems.is_empty()
            && ui
                .button(
                    RichText::new(format!("Problems: {}", d.problems.len())).color(style::WARNING),
                )
                .clicked()
        {
            commands.push(Command::ShowProblems(true));
        }
        if let Some(loading) = &state.loading {
            let done = loading
                .progress
                .done
                .load(std::sync::atomic::Ordering::Relaxed);
            let total = loading
                .progress
                .total
                .load(std::sync::atomic::Ordering::Relaxed);
            let fraction = if total == 0 {
                0.0
            } else {
                done as f32 / total as f32
            };
            ui.add(
                egui::ProgressBar::new(fraction)
                    .desired_width(180.0)
                    .text(format!("Reading {done} / {total} files")),
            );
            if ui.button("Cancel").clicked() {
                commands.push(Command::CancelLoad);
            }
        }
        if let Some((written, total)) = state.frames_progress {
            ui.add(
                egui::ProgressBar::new(written as f32 / total.max(1) as f32)
                    .desired_width(180.0)
                    .text(format!("Exporting frames {written} / {total}")),
            );
            if ui.button("Stop").clicked() {
                commands.push(Command::CancelFrames);
            }
        }
        if state.dialog_open {
            ui.label("Choosing a folder…");
        }
        if let Some(notice) = &state.notice {
            ui.label(RichText::new(notice).color(style::WARNING));
            if ui.small_button("Dismiss").clicked() {
                commands.push(Command::DismissNotice);
            }
        }
    });
}
