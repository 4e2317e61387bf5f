//! The evidence of the selected event: when, where, status and sides, the extractor's own
//! reading beside an analyst's correction, the ways to correct it (reject; set kind, status,
//! date, place; merge with another), then every sentence that reported it with the trigger,
//! place and date words highlighted, and the way to its article.

use egui::text::LayoutJob;
use egui::{Color32, RichText, TextFormat};

use karabakh_core::contest::Side;
use karabakh_core::corrections::{Changes, Correction, DateSet};
use karabakh_core::model::{DateSource, Event, EventKind, HighlightRole, Precision, Status};

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
        let name = style::place_name(&event.place.name, state.view.names);
        ui.heading(RichText::new(format!("{symbol} at {name}")).color(color));
        if ui.small_button("Clear selection").clicked() {
            commands.push(Command::Select(None));
        }
    });
    egui::ScrollArea::vertical()
        .id_salt("evidence")
        .auto_shrink([false, false])
        .show(ui, |ui| {
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
            // every name the place goes by, for the reader who knows it by another
            let others: Vec<&str> = karabakh_core::names::all_names(
                &karabakh_core::gazetteer::GAZETTEER,
                &event.place.name,
            )
            .into_iter()
            .skip(1)
            .filter(|n| !n.is_empty() && *n != event.place.name)
            .collect();
            let others = if others.is_empty() {
                String::new()
            } else {
                format!("; also {}", others.join(", "))
            };
            ui.label(format!(
                "Where: {}{others} ({}{within}), {:.3}° N {:.3}° E",
                event.place.name,
                event.place.kind.as_str(),
                event.place.lat,
                event.place.lon
            ));
            let side = Side::of(event.actor.as_deref());
            ui.horizontal_wrapped(|ui| {
                ui.spacing_mut().item_spacing.x = 0.0;
                ui.label(format!(
                    "Status: {} · confidence {:.0}% · actor: ",
                    event.status.as_str(),
                    event.confidence * 100.0,
                ));
                ui.label(RichText::new(side.label()).color(style::side_color(side)));
                ui.label(format!(
                    " · target: {}",
                    event.target.as_deref().unwrap_or("not stated")
                ));
            });
            contest_ui(ui, state, (index, event), commands);
            if let Some(original) = event.original() {
                let date = original
                    .date
                    .map_or_else(|| "no date".to_owned(), style::date_label);
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(format!(
                            "Corrected by you. The extractor read: {} at {}, {date}, {}.",
                            original.kind.as_str(),
                            original.place.name,
                            original.status.as_str()
                        ))
                        .color(style::CORRECTED),
                    );
                    if ui
                        .small_button("Restore")
                        .on_hover_text("Take back every correction of this event")
                        .clicked()
                    {
                        commands.push(Command::RestoreEvent(event.id.clone()));
                    }
                });
            }
            egui::CollapsingHeader::new("Correct this event")
                .id_salt("correct-event")
                .show(ui, |ui| correct_ui(ui, state, (index, event), commands));
            ui.separator();
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
                if s < 10 {
                    alternatives_ui(ui, state, event, source, commands);
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

/// Why the event is contested: a claim denied, or other reports of the same place and days
/// that name another side, each shown beside this event's first sentence.
fn contest_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    (index, event): (usize, &Event),
    commands: &mut Vec<Command>,
) {
    let Some(contest) = state.contested.get(index).and_then(Option::as_ref) else {
        return;
    };
    ui.label(RichText::new("Contested").strong().color(style::CONTESTED));
    if contest.denied {
        ui.label("A claim that another side denied: the sentences below say who.");
    }
    // its own reports disagree: the first sentence naming each side, side by side
    if let [(a, first), (b, second), ..] = contest.split.as_slice() {
        ui.label(format!(
            "Its reports disagree on who {}: {} or {}.",
            match event.kind {
                karabakh_core::model::EventKind::Strike => "struck",
                karabakh_core::model::EventKind::Deployment => "deployed",
            },
            a.label(),
            b.label()
        ));
        ui.columns(2, |columns| {
            for (column, (side, source)) in columns.iter_mut().zip([(a, first), (b, second)]) {
                column.label(
                    RichText::new(side.label())
                        .small()
                        .strong()
                        .color(style::side_color(*side)),
                );
                if let Some(source) = event.sources.get(*source) {
                    let job = sentence_job(column, source);
                    column.label(job);
                    column.label(RichText::new(&*source.article).small().weak());
                }
            }
        });
    }
    let side = Side::of(event.actor.as_deref());
    for &other_index in contest.disputed_by.iter().take(4) {
        let Some(other) = state.dataset.events.get(other_index) else {
            continue;
        };
        let other_side = Side::of(other.actor.as_deref());
        ui.label(format!(
            "Other reports of this {} name {} as the side responsible:",
            event.kind.as_str(),
            other_side.label()
        ));
        ui.columns(2, |columns| {
            for (column, (e, s)) in columns.iter_mut().zip([(event, side), (other, other_side)]) {
                column.label(
                    RichText::new(s.label())
                        .small()
                        .strong()
                        .color(style::side_color(s)),
                );
                if let Some(source) = e.sources.first() {
                    let job = sentence_job(column, source);
                    column.label(job);
                    column.label(RichText::new(&*source.article).small().weak());
                }
            }
            if let Some(column) = columns.get_mut(1)
                && column.small_button("Show this report").clicked()
            {
                commands.push(Command::Select(Some(other_index)));
            }
        });
    }
}

/// The other places and dates the sentence names, each a button that makes it the event's
/// place or date (a correction, undone like any other).
fn alternatives_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    event: &Event,
    source: &karabakh_core::model::Source,
    commands: &mut Vec<Command>,
) {
    let published = state
        .dataset
        .article(&source.article)
        .and_then(|a| a.published)
        .and_then(|p| p.span())
        .map(|(first, _)| first);
    let reference = published.or(event.date.map(|d| d.start));
    let found = karabakh_core::alternatives::alternatives(
        &karabakh_core::gazetteer::GAZETTEER,
        event,
        source,
        reference,
    );
    if found.places.is_empty() && found.dates.is_empty() {
        return;
    }
    let set = |changes: Changes| {
        Command::Correct(Correction::Set {
            event: event.id.clone(),
            set: changes,
        })
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new("Also in this sentence (the extractor chose the words highlighted):")
                .small()
                .weak(),
        );
        for place in &found.places {
            if ui
                .small_button(style::place_name(place, state.view.names))
                .on_hover_text(format!("Make {place} this event's place"))
                .clicked()
            {
                commands.push(set(Changes {
                    place: Some(place.clone()),
                    ..Changes::default()
                }));
            }
        }
        for (span, words) in &found.dates {
            let date = if span.start == span.end {
                DateSet::Day(span.start)
            } else {
                DateSet::Range {
                    start: span.start,
                    end: span.end,
                }
            };
            if ui
                .small_button(format!("{} (\"{words}\")", style::date_label(*span)))
                .on_hover_text("Make this the event's date")
                .clicked()
            {
                commands.push(set(Changes {
                    date: Some(date),
                    ..Changes::default()
                }));
            }
        }
    });
}

/// Reject, change kind, status, date or place, or merge with another event.
fn correct_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    (index, event): (usize, &Event),
    commands: &mut Vec<Command>,
) {
    let set = |changes: Changes| {
        Command::Correct(Correction::Set {
            event: event.id.clone(),
            set: changes,
        })
    };
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Reject")
            .on_hover_text("Not a strike or deployment the articles report: hidden everywhere (Ctrl+Z brings it back)")
            .clicked()
        {
            commands.push(Command::Correct(Correction::Reject {
                event: event.id.clone(),
                reject: true,
            }));
        }
        let other = match event.kind {
            EventKind::Strike => EventKind::Deployment,
            EventKind::Deployment => EventKind::Strike,
        };
        if ui.button(format!("Make it a {}", other.as_str())).clicked() {
            commands.push(set(Changes {
                kind: Some(other),
                ..Changes::default()
            }));
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label("Status");
        for status in [Status::Reported, Status::Claimed, Status::Denied] {
            if ui
                .selectable_label(event.status == status, status.as_str())
                .clicked()
                && status != event.status
            {
                commands.push(set(Changes {
                    status: Some(status),
                    ..Changes::default()
                }));
            }
        }
    });
    // the fields' texts belong to the event: another selection starts empty
    let date_id = egui::Id::unique("correct-date").with(&event.id);
    let mut date_text: String = ui.data_mut(|d| d.get_temp(date_id).unwrap_or_default());
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Date");
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut date_text)
                    .hint_text("5 Oct 2020, Oct 2020, 2020-10-05 to 2020-10-07")
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
        let parsed = DateSet::parse(&date_text);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let button = ui.add_enabled(parsed.is_some(), egui::Button::new("Set date"));
        if let Some(date) = parsed
            && (entered || button.clicked())
        {
            commands.push(set(Changes {
                date: Some(date),
                ..Changes::default()
            }));
            date_text.clear();
        } else if !date_text.trim().is_empty() && parsed.is_none() {
            ui.label(RichText::new("not a date yet").small().weak());
        }
    });
    ui.data_mut(|d| d.insert_temp(date_id, date_text));
    let place_id = egui::Id::unique("correct-place").with(&event.id);
    let mut place_text: String = ui.data_mut(|d| d.get_temp(place_id).unwrap_or_default());
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Place");
        ui.add(
            egui::TextEdit::singleline(&mut place_text)
                .hint_text("search the gazetteer: Ganja, Xankəndi, Шуша…")
                .desired_width(220.0),
        )
        .labelled_by(label.id);
    });
    let gazetteer = &karabakh_core::gazetteer::GAZETTEER;
    let found = gazetteer.search(&place_text, 6);
    if !place_text.trim().is_empty() && found.is_empty() {
        ui.label(RichText::new("no place of that name").small().weak());
    }
    ui.horizontal_wrapped(|ui| {
        for entry in found.iter().filter_map(|&i| gazetteer.entry(i)) {
            let within = [entry.admin.as_deref(), Some(entry.country.as_str())]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
            if ui
                .small_button(format!(
                    "{} ({}, {within})",
                    entry.name,
                    entry.kind.as_str()
                ))
                .clicked()
            {
                commands.push(set(Changes {
                    place: Some(entry.name.clone()),
                    ..Changes::default()
                }));
                place_text.clear();
            }
        }
    });
    ui.data_mut(|d| d.insert_temp(place_id, place_text));
    // events it may be the same as: the same kind at the same place or on overlapping days,
    // both first; found once per selection (a pass over every event), kept for the frames after
    let same_place = |e: &Event| e.place.name == event.place.name;
    let same_days = |e: &Event| match (e.date, event.date) {
        (Some(a), Some(b)) => a.start <= b.end && b.start <= a.end,
        _ => false,
    };
    let cache = egui::Id::unique("merge-candidates");
    let key = (state.generation, index);
    let cached = ui.data(|d| d.get_temp::<((u64, usize), Vec<usize>)>(cache));
    let found: Vec<usize> = match cached {
        Some((k, found)) if k == key => found,
        _ => {
            let mut found: Vec<(bool, bool, usize)> = state
                .dataset
                .events
                .iter()
                .enumerate()
                .filter(|&(i, e)| {
                    i != index && e.kind == event.kind && (same_place(e) || same_days(e))
                })
                .map(|(i, e)| (!(same_place(e) && same_days(e)), !same_days(e), i))
                .collect();
            found.sort_unstable();
            let found: Vec<usize> = found.into_iter().take(8).map(|(_, _, i)| i).collect();
            ui.data_mut(|d| d.insert_temp(cache, (key, found.clone())));
            found
        }
    };
    let candidates: Vec<(usize, &Event)> = found
        .iter()
        .filter_map(|&i| state.dataset.events.get(i).map(|e| (i, e)))
        .collect();
    if !candidates.is_empty() {
        ui.label("Merge with (the same event reported apart)");
        ui.horizontal_wrapped(|ui| {
            for &(_, other) in candidates.iter().take(8) {
                let date = other
                    .date
                    .map_or_else(|| "undated".to_owned(), style::date_label);
                if ui
                    .small_button(format!("{} · {date}", other.place.name))
                    .on_hover_text(format!("Merge into this event: {}", other.id))
                    .clicked()
                {
                    commands.push(Command::Correct(Correction::Merge {
                        merge: vec![event.id.clone(), other.id.clone()],
                    }));
                }
            }
        });
    }
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
