//! The viewer opening a folder as a user would (background load, headless frames at ~60 fps
//! meanwhile): wall time until the data is on screen, the longest frame and the 99th percentile
//! while it loads, and the same frames with no load running as this machine's baseline.
//! `cargo bench --bench load -- FOLDER` (without a folder: the bundled seeds' folder).

mod support;

use std::path::{Path, PathBuf};
use std::time::Instant;

use karabakh_atlas::app::AtlasApp;
use karabakh_atlas::command::Command;
use karabakh_atlas::state::{Origin, Persisted};
use support::{BenchArgs, say};

/// The allocator of the shipped binary (`src/main.rs`), so that the figures are its figures.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    let args = BenchArgs::from_env();
    let folder = args.positional().map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds"),
        PathBuf::from,
    );
    run_load(&folder);
}

/// Opens `folder` in the viewer exactly as a user would (background load, frames drawn at
/// ~60 fps meanwhile, no window needed) and prints the load's wall time and the longest
/// frame while it ran: the UI must stay responsive.
fn run_load(folder: &Path) {
    let mut app = AtlasApp::new(
        karabakh_core::seeds::dataset(),
        Origin::Bundled,
        Persisted::default(),
    );
    let ctx = egui::Context::default();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1360.0, 860.0));
    // the same frames for 3 s before the load: what this machine gives a frame with no load
    // running (another process may take the core at any moment)
    let idle_started = Instant::now();
    let mut idle: Vec<f64> = Vec::new();
    while idle_started.elapsed().as_secs_f64() < 3.0 {
        idle.push(draw_frame(&ctx, &mut app, screen, idle_started));
        std::thread::sleep(std::time::Duration::from_millis(16));
    }
    app.push(Command::OpenFolder(folder.to_owned()));
    let started = Instant::now();
    let mut frames = 0usize;
    let mut longest = 0.0f64;
    let mut times: Vec<f64> = Vec::new();
    let mut last_report = Instant::now();
    let arrival = loop {
        let ms = draw_frame(&ctx, &mut app, screen, started);
        frames += 1;
        if app.state.loading.is_none() && frames > 1 {
            break ms;
        }
        longest = longest.max(ms);
        times.push(ms);
        if let Some(loading) = &app.state.loading
            && last_report.elapsed().as_secs_f64() >= 1.0
        {
            last_report = Instant::now();
            eprintln!(
                "  {:5.1} s: {}/{} files",
                started.elapsed().as_secs_f64(),
                loading
                    .progress
                    .done
                    .load(std::sync::atomic::Ordering::Relaxed),
                loading
                    .progress
                    .total
                    .load(std::sync::atomic::Ordering::Relaxed)
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(16));
    };
    let wall = started.elapsed().as_secs_f64();
    let d = &app.state.dataset;
    say!(
        "viewer opened {}: {} articles, {} events, {} problems in {wall:.2} s wall",
        folder.display(),
        d.articles.len(),
        d.events.len(),
        d.problems.len()
    );
    say!(
        "  {frames} frames drawn meanwhile, the longest {longest:.1} ms (the load runs in the background); the frame that took the data: {:.1} ms",
        arrival
    );
    let over = times.iter().filter(|&&t| t > 16.0).count();
    // the very first frame lays out the fonts: it is reported apart
    let first = if idle.is_empty() { 0.0 } else { idle.remove(0) };
    say!(
        "  frames while loading: 99th percentile {:.1} ms, {over} of {} over 16 ms; with no load running (3 s before): 99th percentile {:.1} ms, longest {:.1} ms, and the first frame (fonts) {first:.1} ms",
        percentile(&mut times, 0.99),
        times.len(),
        percentile(&mut idle, 0.99),
        idle.iter().copied().fold(0.0, f64::max)
    );
    if let Some(notice) = &app.state.notice {
        say!("  notice: {notice}");
    }
}

/// Draws and tessellates one frame of `app` on `screen` at the time since `since`, as a
/// window would; returns how long it took, in milliseconds.
fn draw_frame(ctx: &egui::Context, app: &mut AtlasApp, screen: egui::Rect, since: Instant) -> f64 {
    let input = egui::RawInput {
        screen_rect: Some(screen),
        time: Some(since.elapsed().as_secs_f64()),
        ..Default::default()
    };
    let frame = Instant::now();
    let output = ctx.run_ui(input, |ui| app.ui_root(ui));
    let _ = ctx.tessellate(output.shapes, output.pixels_per_point);
    frame.elapsed().as_secs_f64() * 1000.0
}

/// The `q` quantile of `values` (sorted in place); 0 when there are none.
fn percentile(values: &mut [f64], q: f64) -> f64 {
    values.sort_by(f64::total_cmp);
    let last = values.len().saturating_sub(1);
    let at = ((last as f64) * q).round() as usize;
    values.get(at.min(last)).copied().unwrap_or(0.0)
}
