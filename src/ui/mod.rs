//! Panels around the map: menu bar, event list with filters, evidence, undated tray,
//! problems, the full-article window. Drawing functions read `&AppState` and push
//! [`Command`]s; they never change state themselves.

pub mod style;

use std::path::PathBuf;

use chrono::NaiveDate;
use egui::text::LayoutJob;
use egui::{Align, Color32, RichText, TextFormat};

use crate::app::{AppState, Filters};
use crate::map::MapView;
use crate::model::{Event, HighlightRole};
use crate::timeline::TimeMode;

/// Everything the UI can ask for. Applied in one place, `AtlasApp::ui_root`.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Move the cursor to a day.
    SetDate(NaiveDate),
    /// Move the cursor by days (negative: back).
    StepDays(i64),
    /// Cursor to the first day.
    JumpStart,
    /// Cursor to the last day.
    JumpEnd,
    /// Cursor to the next (or previous) day on which an event starts.
    NeighbourEvent {
        /// Next rather than previous.
        forward: bool,
    },
    /// Day, window or cumulative.
    SetMode(TimeMode),
    /// Window half-width.
    SetWindowDays(u32),
    /// Start or stop playback.
    TogglePlay,
    /// Playback speed, days per second.
    SetSpeed(f32),
    /// Playback time passed, seconds.
    Tick(f64),
    /// Select an event (or nothing).
    Select(Option<usize>),
    /// New filters.
    SetFilters(Filters),
    /// New map pan/zoom.
    SetMapView(MapView),
    /// Back to the whole region.
    ResetMapView,
    /// Open or close the problems window.
    ShowProblems(bool),
    /// Show an event's source article in full.
    OpenArticle {
        /// Event index.
        event: usize,
        /// Source index within the event.
        source: usize,
    },
    /// Close the article window.
    CloseArticle,
    /// The article window scrolled to its sentence.
    ArticleScrolled,
    /// Load a folder in the background.
    OpenFolder(PathBuf),
    /// Show the folder dialog.
    PickFolder,
    /// Ask where to save an image of the map.
    PickMapImage,
    /// Save the map as drawn next frame (with legend and date) as a PNG file.
    SaveMapImage(PathBuf),
    /// Stop the load in progress.
    CancelLoad,
    /// Show the bundled seed articles.
    OpenBundled,
    /// Ask where to export events (a save dialog on its own thread).
    PickExport {
        /// Only what the filters and time mode show, else every event.
        visible_only: bool,
    },
    /// Write events to a file: GeoJSON for `.geojson`/`.json`, CSV otherwise.
    ExportTo {
        /// Destination.
        path: PathBuf,
        /// Only what the filters and time mode show, else every event.
        visible_only: bool,
    },
    /// Hide the notice.
    DismissNotice,
}

/// Arrow keys, Home/End and space, unless a text field has the keyboard.
pub fn keyboard(ctx: &egui::Context, commands: &mut Vec<Command>) {
    if ctx.egui_wants_keyboard_input() {
        return;
    }
    ctx.input(|i| {
        let week = i.modifiers.shift;
        if i.key_pressed(egui::Key::ArrowRight) {
            commands.push(Command::StepDays(if week { 7 } else { 1 }));
        }
        if i.key_pressed(egui::Key::ArrowLeft) {
            commands.push(Command::StepDays(if week { -7 } else { -1 }));
        }
        if i.key_pressed(egui::Key::Home) {
            commands.push(Command::JumpStart);
        }
        if i.key_pressed(egui::Key::End) {
            commands.push(Command::JumpEnd);
        }
        if i.key_pressed(egui::Key::Space) {
            commands.push(Command::TogglePlay);
        }
        if i.key_pressed(egui::Key::PageDown) {
            commands.push(Command::NeighbourEvent { forward: true });
        }
        if i.key_pressed(egui::Key::PageUp) {
            commands.push(Command::NeighbourEvent { forward: false });
        }
    });
}

/// The whole window.
pub fn root_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    egui::Panel::top("menu").show(ui, |ui| menu_bar_ui(ui, state, commands));
    egui::Panel::bottom("timeline")
        .resizable(false)
        .show(ui, |ui| crate::timeline::timeline_ui(ui, state, commands));
    egui::Panel::right("events")
        .resizable(true)
        .default_size(380.0)
        .min_size(240.0)
        .show(ui, |ui| side_panel_ui(ui, state, commands));
    egui::CentralPanel::default()
        .frame(egui::Frame::NONE)
        .show(ui, |ui| {
            crate::map::map_ui(ui, state, commands);
        });
    problems_window_ui(ui.ctx(), state, commands);
    article_window_ui(ui.ctx(), state, commands);
}

fn menu_bar_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui.button("Open folder…").clicked() {
                commands.push(Command::PickFolder);
            }
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
            ui.separator();
            if ui.button("Quit").clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button("View", |ui| {
            if ui.button("Reset map view").clicked() {
                commands.push(Command::ResetMapView);
            }
            if ui.button("Problems…").clicked() {
                commands.push(Command::ShowProblems(true));
            }
        });
        ui.separator();
        ui.label(RichText::new(state.origin.label()).strong());
        let d = &state.dataset;
        ui.label(format!(
            "{} articles · {} events",
            d.articles.len(),
            d.events.len()
        ));
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

fn side_panel_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
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

fn filters_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
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
    });
    ui.horizontal_wrapped(|ui| {
        ui.checkbox(&mut f.reported, "Reported");
        ui.checkbox(&mut f.claimed, "Claimed");
        ui.checkbox(&mut f.denied, "Denied");
    });
    ui.horizontal(|ui| {
        ui.label("Search");
        ui.add(
            egui::TextEdit::singleline(&mut f.search)
                .hint_text("place, side or words")
                .desired_width(f32::INFINITY),
        );
    });
    if f != state.view.filters {
        commands.push(Command::SetFilters(f));
    }
}

fn event_list_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
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
    ui.label(
        RichText::new(format!(
            "{n} event{} on {when}{mode}",
            if n == 1 { "" } else { "s" }
        ))
        .strong(),
    );
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

fn event_row_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    index: usize,
    event: &Event,
    commands: &mut Vec<Command>,
) {
    let selected = state.selected == Some(index);
    let (symbol, color) = style::kind_symbol(event.kind);
    let date = event
        .date
        .map_or_else(|| "undated".to_owned(), style::date_label);
    let text = format!(
        "{} · {} · {} · {} · {} source{}",
        event.place.name,
        symbol.to_lowercase(),
        date,
        event.status.as_str(),
        event.sources.len(),
        if event.sources.len() == 1 { "" } else { "s" }
    );
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

fn evidence_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    (index, event): (usize, &Event),
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        let (symbol, color) = style::kind_symbol(event.kind);
        ui.heading(RichText::new(format!("{symbol} at {}", event.place.name)).color(color));
        if ui.small_button("Clear selection").clicked() {
            commands.push(Command::Select(None));
        }
    });
    let date = event.date.map_or_else(
        || "undated".to_owned(),
        |d| {
            format!(
                "{} ({} precision; date from {})",
                style::date_label(d),
                format!("{:?}", d.precision).to_lowercase(),
                format!("{:?}", d.source).to_lowercase()
            )
        },
    );
    ui.label(format!("When: {date}"));
    let province = crate::map::basemap::BASEMAP
        .province_at(event.place.lon, event.place.lat)
        .map(|a| a.name.clone());
    let within = province
        .filter(|p| !event.place.kind.is_area() && *p != event.place.name)
        .map(|p| format!(", in {p} by the coarse basemap"))
        .unwrap_or_default();
    ui.label(format!(
        "Where: {} ({}{within}), {:.3}° N {:.3}° E",
        event.place.name,
        event.place.kind.as_str(),
        event.place.lat,
        event.place.lon
    ));
    ui.label(format!(
        "Status: {} · confidence {:.0}% · actor: {} · target: {}",
        event.status.as_str(),
        event.confidence * 100.0,
        event.actor.as_deref().unwrap_or("not stated"),
        event.target.as_deref().unwrap_or("not stated")
    ));
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("evidence")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (s, source) in event.sources.iter().enumerate() {
                let article = state.dataset.article(&source.article);
                let title = article
                    .and_then(|a| a.title.clone())
                    .unwrap_or_else(|| source.article.clone());
                ui.label(RichText::new(title).strong());
                let published = article.and_then(|a| {
                    a.published.map(|p| {
                        format!(
                            "published {p} (from {})",
                            a.published_from.map_or("?", |f| f.as_str())
                        )
                    })
                });
                ui.label(
                    RichText::new(format!(
                        "{} · {}",
                        source.article,
                        published.unwrap_or_else(|| "publication date unknown".to_owned())
                    ))
                    .small()
                    .weak(),
                );
                ui.label(sentence_job(ui, source));
                if ui.small_button("Open article").clicked() {
                    commands.push(Command::OpenArticle {
                        event: index,
                        source: s,
                    });
                }
                ui.add_space(6.0);
            }
        });
}

/// The evidence sentence with trigger, place and date words highlighted.
fn sentence_job(ui: &egui::Ui, source: &crate::model::Source) -> LayoutJob {
    let mut job = LayoutJob::default();
    let base = TextFormat {
        color: ui.visuals().text_color(),
        font_id: egui::TextStyle::Body.resolve(ui.style()),
        ..Default::default()
    };
    let mut at = 0;
    let text = source.sentence.as_str();
    for h in &source.highlights {
        if h.start < at || h.end > text.len() {
            continue;
        }
        job.append(text.get(at..h.start).unwrap_or_default(), 0.0, base.clone());
        let background = match h.role {
            HighlightRole::Trigger => style::HIGHLIGHT_TRIGGER,
            HighlightRole::Place => style::HIGHLIGHT_PLACE,
            HighlightRole::Date => style::HIGHLIGHT_DATE,
        };
        job.append(
            text.get(h.start..h.end).unwrap_or_default(),
            0.0,
            TextFormat {
                background,
                color: Color32::BLACK,
                ..base.clone()
            },
        );
        at = h.end;
    }
    job.append(text.get(at..).unwrap_or_default(), 0.0, base);
    job.wrap.max_width = ui.available_width();
    job
}

fn problems_window_ui(ctx: &egui::Context, state: &AppState, commands: &mut Vec<Command>) {
    if !state.show_problems {
        return;
    }
    let mut open = true;
    egui::Window::new(format!("Problems ({})", state.dataset.problems.len()))
        .open(&mut open)
        .default_size([520.0, 320.0])
        .show(ctx, |ui| {
            if state.dataset.problems.is_empty() {
                ui.label("Every file was read.");
            }
            // one row per file, drawn only where visible: a folder may hold thousands of non-articles
            let problems = &state.dataset.problems;
            let row_height =
                ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
            egui::ScrollArea::both()
                .auto_shrink([false, false])
                .show_rows(ui, row_height, problems.len(), |ui, rows| {
                    for p in problems.get(rows).unwrap_or_default() {
                        ui.horizontal(|ui| {
                            ui.label(RichText::new(&p.path).monospace());
                            ui.label(&p.problem);
                        });
                    }
                });
        });
    if !open {
        commands.push(Command::ShowProblems(false));
    }
}

fn article_window_ui(ctx: &egui::Context, state: &AppState, commands: &mut Vec<Command>) {
    let Some(article) = &state.article else {
        return;
    };
    let mut open = true;
    egui::Window::new(article.title.clone().unwrap_or_else(|| article.path.clone())).id(egui::Id::unique("article-window")).open(&mut open).default_size([620.0, 520.0]).show(ctx, |ui| {
        ui.label(RichText::new(&article.path).small().weak());
        if article.changed {
            ui.label(RichText::new("The file has changed since it was loaded: the highlighted sentence may be out of place.").color(style::WARNING));
        }
        match &article.text {
            Err(e) => {
                ui.label(RichText::new(e).color(style::WARNING));
            }
            Ok(text) => {
                egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
                    let mut offset = 0;
                    for paragraph in text.split_inclusive('\n') {
                        let (start, end) = (offset, offset + paragraph.len());
                        offset = end;
                        if paragraph.trim().is_empty() {
                            continue;
                        }
                        let holds_focus = start <= article.focus.0 && article.focus.0 < end;
                        if holds_focus {
                            let mut job = LayoutJob::default();
                            let base = TextFormat { color: ui.visuals().text_color(), font_id: egui::TextStyle::Body.resolve(ui.style()), ..Default::default() };
                            let (a, b) = (article.focus.0 - start, article.focus.1.min(end) - start);
                            job.append(paragraph.get(..a).unwrap_or_default(), 0.0, base.clone());
                            job.append(paragraph.get(a..b).unwrap_or_default(), 0.0, TextFormat { background: style::HIGHLIGHT_PLACE, color: Color32::BLACK, ..base.clone() });
                            job.append(paragraph.get(b..).unwrap_or_default().trim_end(), 0.0, base);
                            job.wrap.max_width = ui.available_width();
                            let response = ui.label(job);
                            if article.scroll_pending {
                                response.scroll_to_me(Some(Align::Center));
                                commands.push(Command::ArticleScrolled);
                            }
                        } else {
                            ui.label(paragraph.trim_end());
                        }
                        ui.add_space(4.0);
                    }
                });
            }
        }
    });
    if !open {
        commands.push(Command::CloseArticle);
    }
}
