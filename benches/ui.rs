//! The viewer's CPU time per frame (egui pass and tessellation, no rendering, no window) on a
//! synthetic dataset while the slider moves one day per frame, in Day and Cumulative mode.
//! `cargo bench --bench ui -- --events 100000 --frames 300`.

mod support;

use std::time::Instant;

use karabakh_atlas::app::AtlasApp;
use karabakh_atlas::command::Command;
use karabakh_atlas::state::{Origin, Persisted};
use karabakh_atlas::timeline::{TimeCommand, TimeMode};
use support::{BenchArgs, generator, say};

/// The allocator of the shipped binary (`src/main.rs`), so that the figures are its figures.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    let args = BenchArgs::from_env();
    let (events, frames) = if args.measuring {
        (args.number("events", 100_000), args.number("frames", 300))
    } else {
        (1_000, 3)
    };
    run_ui(events, frames);
}

/// A synthetic dataset: `n` events at gazetteer places over three years (2020–2022), a tenth
/// of them month-precision, a fiftieth undated, with one or two sources each.
fn synthetic_dataset(n: usize, seed: u64) -> karabakh_core::model::Dataset {
    use karabakh_core::gazetteer::GAZETTEER;
    use karabakh_core::model::{DateSource, DateSpan, Event, EventKind, Precision, Source, Status};
    let mut rng = generator::Rng(seed);
    let first = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default();
    let places: Vec<_> = GAZETTEER.entries.iter().collect();
    let mut events: Vec<Event> = (0..n)
        .map(|i| {
            let place = places
                .get(rng.below(places.len() as u64) as usize)
                .map(|e| e.place())
                .unwrap_or_else(|| karabakh_core::model::Place {
                    name: "Ganja".into(),
                    lat: 40.68,
                    lon: 46.36,
                    kind: karabakh_core::model::PlaceKind::City,
                });
            let start = first + chrono::Duration::days(rng.below(3 * 365) as i64);
            let date = match rng.below(50) {
                0 => None,
                1..=5 => Some(DateSpan::range(
                    start,
                    start + chrono::Duration::days(29),
                    Precision::Month,
                    DateSource::Explicit,
                )),
                _ => Some(DateSpan::day(start, DateSource::Explicit)),
            };
            let sentence: std::sync::Arc<str> =
                format!("Synthetic report {i} of shelling near {}.", place.name).into();
            let sources = (0..1 + rng.below(2))
                .map(|_| Source {
                    article: format!("a{}.txt", i % 5000).into(),
                    sentence: sentence.clone(),
                    start: 0,
                    end: sentence.len() as u64,
                    place_note: None,
                    actor: None,
                    date_note: None,
                    highlights: Box::default(),
                })
                .collect();
            Event {
                id: format!("e{i}"),
                kind: if rng.below(3) == 0 {
                    EventKind::Deployment
                } else {
                    EventKind::Strike
                },
                place,
                date,
                actor: None,
                target: None,
                status: [Status::Reported, Status::Claimed, Status::Denied]
                    .get(rng.below(3) as usize)
                    .copied()
                    .unwrap_or(Status::Reported),
                confidence: 0.8,
                sources,
                original: None,
            }
        })
        .collect();
    events.sort_by_key(|e| (e.date.is_none(), e.date.map(|d| d.start)));
    karabakh_core::model::Dataset {
        articles: Vec::new(),
        events,
        problems: Vec::new(),
    }
}

/// Prints the CPU time per frame of the viewer's UI code (egui, no rendering) on a synthetic
/// dataset of `events` events while the slider moves one day per frame.
fn run_ui(events: usize, frames: usize) {
    for mode in [TimeMode::Day, TimeMode::Cumulative] {
        run_ui_mode(events, frames, mode);
    }
}

fn run_ui_mode(events: usize, frames: usize, mode: TimeMode) {
    let dataset = synthetic_dataset(events, 11);
    let mut app = AtlasApp::new(dataset, Origin::Bundled, Persisted::default());
    app.push(Command::Time(TimeCommand::SetMode(mode)));
    let ctx = egui::Context::default();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1360.0, 860.0));
    let mut run_times = Vec::with_capacity(frames);
    let mut tessellate_times = Vec::with_capacity(frames);
    for frame in 0..frames + 10 {
        let input = egui::RawInput {
            screen_rect: Some(screen),
            time: Some(frame as f64 / 60.0),
            ..Default::default()
        };
        if frame > 0 {
            app.push(Command::Time(TimeCommand::StepDays(1)));
        }
        let start = Instant::now();
        let output = ctx.run_ui(input, |ui| app.ui_root(ui));
        let ran = start.elapsed().as_secs_f64() * 1000.0;
        let start = Instant::now();
        let _ = ctx.tessellate(output.shapes, output.pixels_per_point);
        let tessellated = start.elapsed().as_secs_f64() * 1000.0;
        if frame >= 10 {
            run_times.push(ran);
            tessellate_times.push(tessellated);
        }
    }
    let stats = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        let mean = v.iter().sum::<f64>() / v.len().max(1) as f64;
        let p95 = v.get(v.len() * 95 / 100).copied().unwrap_or(0.0);
        (mean, p95)
    };
    let (run_mean, run_p95) = stats(&mut run_times);
    let (tess_mean, tess_p95) = stats(&mut tessellate_times);
    say!(
        "{events} events over 3 years, {frames} frames at 1360x860, slider moving one day per frame, {} mode, default view:",
        mode.label()
    );
    say!("  UI code (egui pass): mean {run_mean:.2} ms, p95 {run_p95:.2} ms per frame");
    say!("  tessellation       : mean {tess_mean:.2} ms, p95 {tess_p95:.2} ms per frame");
    say!(
        "  visible at the last frame: {} events",
        app.state.visible.len()
    );
}
