//! Windows over the map: the per-file problems list, the list of loaded articles, the full
//! article scrolled to its sentence, the analyst's corrections (each can be taken back, and the
//! file they are kept in changed), and About (version, the data sources and the credits their
//! licences ask for).

use egui::text::LayoutJob;
use egui::{Align, Color32, RichText, TextFormat};

use karabakh_core::model::PublishedFrom;

use crate::command::Command;
use crate::state::AppState;
use crate::style;

pub(super) fn problems_window_ui(
    ctx: &egui::Context,
    state: &AppState,
    commands: &mut Vec<Command>,
) {
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

/// Where an article's publication date came from, in plain words.
pub(super) fn published_from_words(from: Option<PublishedFrom>) -> &'static str {
    match from {
        Some(PublishedFrom::Metadata) => "from articles.csv or the page's metadata",
        Some(PublishedFrom::FrontMatter) => "from the file's front matter",
        Some(PublishedFrom::Dateline) => "from a dateline at the top of the text",
        Some(PublishedFrom::FileName) => "from the file name",
        None => "source not recorded",
    }
}

/// The Articles window's search and switch, and the rows they let through (cached per
/// dataset, search and switch: a folder may hold 100,000 articles).
#[derive(Clone, Default)]
struct ArticleFilter {
    search: String,
    without_events: bool,
    cached: Option<(u64, String, bool, std::sync::Arc<Vec<usize>>)>,
}

/// Every loaded article: title, publication date and where it came from, outlet, how many
/// events it gave, and Open, to read any of them (also those that gave no event).
pub(super) fn articles_window_ui(
    ctx: &egui::Context,
    state: &AppState,
    commands: &mut Vec<Command>,
) {
    if !state.show_articles {
        return;
    }
    let articles = &state.dataset.articles;
    let id = egui::Id::unique("karabakh-atlas-article-filter");
    let mut filter: ArticleFilter = ctx.data_mut(|d| d.get_temp(id).unwrap_or_default());
    let mut open = true;
    egui::Window::new(format!("Articles ({})", articles.len()))
        .open(&mut open)
        .default_size([640.0, 420.0])
        .show(ctx, |ui| {
            let silent = state.events_per_article.iter().filter(|&&n| n == 0).count();
            ui.horizontal_wrapped(|ui| {
                let label = ui.label("Search");
                ui.add(
                    egui::TextEdit::singleline(&mut filter.search)
                        .hint_text("title, file or outlet")
                        .desired_width(180.0),
                )
                .labelled_by(label.id);
                ui.checkbox(
                    &mut filter.without_events,
                    format!("Only the {silent} with no events"),
                );
            });
            let key = (
                state.generation,
                filter.search.clone(),
                filter.without_events,
            );
            let rows = match &filter.cached {
                Some((g, s, w, rows)) if (*g, s.clone(), *w) == key => rows.clone(),
                _ => {
                    let needle = filter.search.trim().to_lowercase();
                    let rows: Vec<usize> = articles
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| {
                            !filter.without_events
                                || state.events_per_article.get(*i).is_some_and(|&n| n == 0)
                        })
                        .filter(|(_, a)| {
                            needle.is_empty()
                                || [Some(&a.path), a.title.as_ref(), a.source.as_ref()]
                                    .into_iter()
                                    .flatten()
                                    .any(|t| t.to_lowercase().contains(&needle))
                        })
                        .map(|(i, _)| i)
                        .collect();
                    let rows = std::sync::Arc::new(rows);
                    filter.cached = Some((key.0, key.1, key.2, rows.clone()));
                    rows
                }
            };
            ui.separator();
            let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.0
                + ui.spacing().item_spacing.y * 2.0
                + 4.0;
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show_rows(ui, row_height, rows.len(), |ui, range| {
                    for &i in rows.get(range).unwrap_or_default() {
                        let Some(a) = articles.get(i) else { continue };
                        let events = state.events_per_article.get(i).copied().unwrap_or(0);
                        ui.horizontal(|ui| {
                            if ui.small_button("Open").clicked() {
                                commands.push(Command::OpenArticleFile(i));
                            }
                            ui.vertical(|ui| {
                                ui.add(
                                    egui::Label::new(
                                        RichText::new(a.title.as_deref().unwrap_or(&a.path))
                                            .strong(),
                                    )
                                    .truncate(),
                                );
                                let date = a.published.map_or_else(
                                    || "no publication date".to_owned(),
                                    |p| {
                                        format!(
                                            "published {p} ({})",
                                            published_from_words(a.published_from)
                                        )
                                    },
                                );
                                let count = match events {
                                    0 => "no events".to_owned(),
                                    1 => "1 event".to_owned(),
                                    n => format!("{n} events"),
                                };
                                let outlet = a
                                    .source
                                    .as_deref()
                                    .map(|s| format!(" · {s}"))
                                    .unwrap_or_default();
                                ui.add(
                                    egui::Label::new(
                                        RichText::new(format!(
                                            "{count} · {date}{outlet} · {}",
                                            a.path
                                        ))
                                        .small()
                                        .weak(),
                                    )
                                    .truncate(),
                                );
                            });
                        });
                        ui.add_space(4.0);
                    }
                });
        });
    ctx.data_mut(|d| d.insert_temp(id, filter));
    if !open {
        commands.push(Command::ShowArticles(false));
    }
}

pub(super) fn article_window_ui(
    ctx: &egui::Context,
    state: &AppState,
    commands: &mut Vec<Command>,
) {
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

/// The map's and gazetteer's sources, each with the credit its licence asks for and a link
/// (`assets/SOURCES.md` has the details).
const DATA_SOURCES: &[(&str, &str, &str)] = &[
    (
        "Data from Who's On First",
        "every town and village of Armenia and Azerbaijan, with their names in four languages",
        "https://whosonfirst.org/docs/licenses/",
    ),
    (
        "Contains GeoNames data, CC BY 4.0",
        "coordinates and populations of those places",
        "https://www.geonames.org",
    ),
    (
        "Includes data from foursquare Quattroshapes (CC BY)",
        "the points of a few hundred of those places",
        "https://github.com/foursquare/quattroshapes",
    ),
    (
        "Natural Earth (public domain)",
        "countries, provinces and the Karabakh outlines (the former-oblast outline is an approximation)",
        "https://www.naturalearthdata.com",
    ),
    (
        "countries-states-cities-database (ODbL 1.0)",
        "towns and provinces of Armenia and Azerbaijan",
        "https://github.com/dr5hn/countries-states-cities-database",
    ),
    (
        "Wikipedia (CC BY-SA)",
        "infobox coordinates of the curated places and the Murov range",
        "https://www.wikipedia.org",
    ),
    (
        "Noto Sans Armenian and Noto Sans, SIL Open Font License 1.1",
        "the letters of Azerbaijani and Armenian names and articles (assets/fonts/OFL.txt)",
        "https://github.com/notofonts/armenian",
    ),
];

pub(super) fn about_window_ui(ctx: &egui::Context, state: &AppState, commands: &mut Vec<Command>) {
    if !state.show_about {
        return;
    }
    let mut open = true;
    egui::Window::new("About Karabakh Atlas")
        .open(&mut open)
        .collapsible(false)
        .default_width(520.0)
        .show(ctx, |ui| {
            ui.label(
                RichText::new(format!("Karabakh Atlas {}", env!("CARGO_PKG_VERSION"))).strong(),
            );
            ui.label(
                "A map and chronology of the strikes and deployments reported in a folder of \
                 news articles. Every event is read from the text; each marker leads back to its \
                 sentence and article.",
            );
            ui.add_space(8.0);
            ui.label(RichText::new("Map and place names").strong());
            for (credit, what, link) in DATA_SOURCES {
                ui.horizontal_wrapped(|ui| {
                    ui.hyperlink_to(*credit, *link);
                    ui.label(RichText::new(format!("— {what}")).weak());
                });
            }
            ui.add_space(8.0);
            ui.label(
                RichText::new(
                    "Nagorno-Karabakh is drawn inside Azerbaijan, as recognised internationally; \
                     the line of the Armenian-held area of 1994–2020 is dashed. The map is \
                     schematic: borders are simplified and not authoritative.",
                )
                .weak(),
            );
        });
    if !open {
        commands.push(Command::ShowAbout(false));
    }
}

/// The corrections of the data on screen: where they are kept, each in words (those whose
/// event is gone marked, and kept), each with a button to take it back; the file can be
/// changed by dialog or by a typed path.
pub(super) fn corrections_window_ui(
    ctx: &egui::Context,
    state: &AppState,
    commands: &mut Vec<Command>,
) {
    if !state.show_corrections {
        return;
    }
    let sidecar = &state.sidecar;
    let mut open = true;
    egui::Window::new(format!(
        "Corrections ({})",
        sidecar.file.corrections.len()
    ))
    .open(&mut open)
    .default_size([560.0, 340.0])
    .show(ctx, |ui| {
        let kept = match (&sidecar.path, &sidecar.unreadable, &sidecar.write_error) {
            (None, ..) => RichText::new("Kept in memory only: save them to a file to keep them."),
            (Some(path), Some(why), _) => RichText::new(format!(
                "{} cannot be read ({why}). It is left as it is; save these corrections elsewhere to keep them.",
                path.display()
            ))
            .color(style::WARNING),
            (Some(path), None, Some(e)) => {
                RichText::new(format!("Not saved to {}: {e}", path.display())).color(style::WARNING)
            }
            (Some(path), None, None) => RichText::new(format!("Kept in {}", path.display())),
        };
        ui.label(kept);
        let stale = &sidecar.applied.stale;
        if !stale.is_empty() {
            let n = stale.len();
            let (c, m) = if n == 1 {
                ("correction no longer matches", "It is")
            } else {
                ("corrections no longer match", "They are")
            };
            ui.label(
                RichText::new(format!(
                    "{n} {c} an event: the articles no longer give it. {m} kept, and apply again if the event comes back."
                ))
                .color(style::WARNING),
            );
        }
        ui.horizontal(|ui| {
            let (undo, redo) = sidecar.can_undo_redo();
            if ui.add_enabled(undo, egui::Button::new("Undo")).clicked() {
                commands.push(Command::UndoCorrection);
            }
            if ui.add_enabled(redo, egui::Button::new("Redo")).clicked() {
                commands.push(Command::RedoCorrection);
            }
            if ui.button("Open file…").clicked() {
                commands.push(Command::PickCorrectionsFile { save_as: false });
            }
            if ui.button("Save as…").clicked() {
                commands.push(Command::PickCorrectionsFile { save_as: true });
            }
        });
        corrections_path_ui(ui, commands);
        ui.separator();
        if sidecar.file.corrections.is_empty() {
            ui.label("No corrections yet. Select an event and use \"Correct this event\" under its evidence.");
        }
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for (i, correction) in sidecar.file.corrections.iter().enumerate() {
                    ui.horizontal(|ui| {
                        if ui
                            .small_button("×")
                            .on_hover_text("Take this correction back")
                            .clicked()
                        {
                            commands.push(Command::RemoveCorrection(i));
                        }
                        let mut text = RichText::new(format!(
                            "{}. {}",
                            i + 1,
                            super::describe_correction(correction)
                        ));
                        if stale.iter().any(|(n, _)| *n == i + 1) {
                            text = RichText::new(format!(
                                "{}. {} (no longer matches an event)",
                                i + 1,
                                super::describe_correction(correction)
                            ))
                            .weak();
                        }
                        ui.add(egui::Label::new(text).wrap());
                    });
                }
            });
    });
    if !open {
        commands.push(Command::ShowCorrections(false));
    }
}

/// A field to type a corrections file's path into (for systems without a file dialog): Open
/// reads that file's corrections, Save writes these there.
fn corrections_path_ui(ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    let id = egui::Id::unique("karabakh-atlas-corrections-path");
    let mut text: String = ui.data_mut(|d| d.get_temp::<String>(id).unwrap_or_default());
    ui.horizontal(|ui| {
        let label = ui.label("File");
        ui.add(
            egui::TextEdit::singleline(&mut text)
                .hint_text("~/corrections.json")
                .desired_width(260.0),
        )
        .labelled_by(label.id);
        let path = crate::save_location::typed_folder(&text, dirs::home_dir().as_deref());
        if ui
            .add_enabled(path.is_some(), egui::Button::new("Open"))
            .on_hover_text("Use the corrections in this file")
            .clicked()
            && let Some(path) = &path
        {
            commands.push(Command::OpenCorrectionsFile(path.clone()));
        }
        if ui
            .add_enabled(path.is_some(), egui::Button::new("Save here"))
            .on_hover_text("Write these corrections to this file and keep them there")
            .clicked()
            && let Some(path) = path
        {
            commands.push(Command::SaveCorrectionsAs(path));
        }
    });
    ui.data_mut(|d| d.insert_temp(id, text));
}
