//! The evidence of the selected event: when, where, status and sides, then every sentence that
//! reported it with the trigger, place and date words highlighted, and the way to its article.

use egui::text::LayoutJob;
use egui::{Color32, RichText, TextFormat};

use karabakh_core::model::{DateSource, Event, HighlightRole, Precision};

use crate::command::Command;
use crate::state::AppState;
use crate::style;

pub(super) fn evidence_ui(
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
        || "no date in the text".to_owned(),
        |d| {
            let how = match d.source {
                DateSource::Explicit => "written in the text",
                DateSource::Relative => "counted from a date the text gives",
                DateSource::Section => "the date of the section it is under",
                DateSource::Published => "the article's publication date",
            };
            let within = match d.precision {
                Precision::Day if d.start == d.end => String::new(),
                Precision::Day => " (a span of days)".to_owned(),
                Precision::Month => " (sometime in the month)".to_owned(),
                Precision::Year => " (sometime in the year)".to_owned(),
            };
            format!("{}{within}, {how}", style::date_label(d))
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
                    .unwrap_or_else(|| source.article.to_string());
                ui.label(RichText::new(title).strong());
                let published = article.and_then(|a| {
                    a.published.map(|p| {
                        format!(
                            "published {p} ({})",
                            super::windows::published_from_words(a.published_from)
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
                // the outlet and where it was published, when articles.csv gives them
                let outlet = article.and_then(|a| a.source.as_deref());
                let url = article
                    .and_then(|a| a.url.as_deref())
                    .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
                if outlet.is_some() || url.is_some() {
                    ui.horizontal_wrapped(|ui| {
                        if let Some(outlet) = outlet {
                            ui.label(RichText::new(outlet).small());
                        }
                        if let Some(url) = url {
                            ui.hyperlink_to(RichText::new(url).small(), url);
                        }
                    });
                }
                ui.label(sentence_job(ui, source));
                // how a place of several of that name was chosen, and where the date came from
                for (what, note) in [
                    ("Place", source.place_note.as_deref()),
                    ("Date", source.date_note.as_deref()),
                ] {
                    if let Some(note) = note {
                        ui.label(RichText::new(format!("{what}: {note}")).small().weak());
                    }
                }
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
pub(super) fn sentence_job(ui: &egui::Ui, source: &karabakh_core::model::Source) -> LayoutJob {
    let mut job = LayoutJob::default();
    let base = TextFormat {
        color: ui.visuals().text_color(),
        font_id: egui::TextStyle::Body.resolve(ui.style()),
        ..Default::default()
    };
    let mut at = 0;
    let text = &*source.sentence;
    for h in &source.highlights {
        let range = h.range();
        if range.start < at || range.end > text.len() {
            continue;
        }
        job.append(
            text.get(at..range.start).unwrap_or_default(),
            0.0,
            base.clone(),
        );
        let background = match h.role {
            HighlightRole::Trigger => style::HIGHLIGHT_TRIGGER,
            HighlightRole::Place => style::HIGHLIGHT_PLACE,
            HighlightRole::Date => style::HIGHLIGHT_DATE,
        };
        job.append(
            text.get(range.clone()).unwrap_or_default(),
            0.0,
            TextFormat {
                background,
                color: Color32::BLACK,
                ..base.clone()
            },
        );
        at = range.end;
    }
    job.append(text.get(at..).unwrap_or_default(), 0.0, base);
    job.wrap.max_width = ui.available_width();
    job
}
