//! The viewer driven like a user, through egui_kittest: keys and slider drags move the
//! highlighted set exactly as the dataset says, folders open through the same path as the
//! dialog and drops, list clicks show evidence, filters change counts, map markers select.

use chrono::{Duration, NaiveDate};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use karabakh_atlas::app::AtlasApp;
use karabakh_atlas::command::Command;
use karabakh_atlas::map::{MapHit, geo_point, map_hit_id};
use karabakh_atlas::state::{Origin, Persisted};
use karabakh_atlas::timeline::{TimeCommand, highlight};
use karabakh_core::corpus::ReadOptions;
use karabakh_core::export::to_json;
use karabakh_core::load::{Progress, load_folder};

/// The app on the bundled seeds, as on a first start.
fn seeds_app() -> AtlasApp {
    AtlasApp::new(
        karabakh_core::seeds::dataset(),
        Origin::Bundled,
        Persisted::default(),
    )
}

fn harness() -> Harness<'static, AtlasApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1360.0, 860.0))
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui_root(ui), seeds_app());
    karabakh_atlas::app::install_fonts(&harness.ctx);
    harness.run_steps(3);
    harness
}

/// The events the app shows at its cursor, in dataset order (the list puts the roughly dated
/// ones last).
fn shown(app: &AtlasApp) -> Vec<usize> {
    let mut shown = app.state.visible.clone();
    shown.sort_unstable();
    shown
}

/// The events the dataset says are highlighted at the app's cursor, in dataset order.
fn expected_visible(app: &AtlasApp) -> Vec<usize> {
    let time = &app.state.view.time;
    app.state
        .dataset
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| highlight(e.date, time).is_some())
        .map(|(i, _)| i)
        .collect()
}

#[track_caller]
fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap_or_else(|| panic!("no such test date: {}-{}-{}", y, m, d))
}

#[test]
fn arrow_keys_move_the_cursor_and_the_highlighted_set() {
    let mut h = harness();
    let start = h.state().state.view.time.cursor.unwrap_or_default();
    assert_eq!(shown(h.state()), expected_visible(h.state()));
    assert!(
        !h.state().state.visible.is_empty(),
        "the first day shown has events"
    );
    h.key_press(egui::Key::ArrowRight);
    h.run_steps(2);
    assert_eq!(
        h.state().state.view.time.cursor,
        Some(start + Duration::days(1))
    );
    assert_eq!(shown(h.state()), expected_visible(h.state()));
    h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::ArrowLeft);
    h.run_steps(2);
    assert_eq!(
        h.state().state.view.time.cursor,
        Some(start - Duration::days(6))
    );
    // a quick Shift+→ on a desktop: the key event carries Shift, though Shift is up again by
    // the time the frame reads the keyboard's state
    h.event(egui::Event::Key {
        key: egui::Key::ArrowRight,
        pressed: true,
        modifiers: egui::Modifiers::SHIFT,
        repeat: false,
        physical_key: None,
    });
    h.run_steps(2);
    assert_eq!(
        h.state().state.view.time.cursor,
        Some(start + Duration::days(1))
    );
    h.key_press(egui::Key::Home);
    h.run_steps(2);
    assert_eq!(
        h.state().state.view.time.cursor,
        h.state().state.dataset.date_range().map(|r| r.0)
    );
}

#[test]
fn next_event_button_lands_on_a_day_with_events() {
    let mut h = harness();
    h.key_press(egui::Key::Home);
    h.run_steps(2);
    h.get_by_label("Next event").click();
    h.run_steps(2);
    let app = h.state();
    assert!(!app.state.visible.is_empty());
    assert_eq!(shown(app), expected_visible(app));
}

#[test]
fn dragging_the_slider_changes_the_highlighted_set() {
    let mut h = harness();
    let before = h.state().state.view.time.cursor;
    let rect = h.get_by_role(Role::Slider).rect();
    // drag the handle to a quarter of the track: late 2020 in the seeds' 2020–2023 range
    let from = h
        .state()
        .state
        .dataset
        .date_range()
        .map(|r| r.0)
        .unwrap_or_default();
    h.drag_at(rect.left_center() + egui::vec2(2.0, 0.0));
    h.run_steps(1);
    h.hover_at(rect.lerp_inside(egui::vec2(0.25, 0.5)));
    h.run_steps(1);
    h.drop_at(rect.lerp_inside(egui::vec2(0.25, 0.5)));
    h.run_steps(2);
    let app = h.state();
    let cursor = app.state.view.time.cursor.unwrap_or_default();
    assert_ne!(Some(cursor), before);
    assert!(
        cursor > from + Duration::days(200) && cursor < from + Duration::days(500),
        "{cursor}"
    );
    assert_eq!(shown(app), expected_visible(app));
}

#[test]
fn opening_a_folder_uses_the_same_path_as_dialog_and_drop() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.path().join("2021-05-12-kapan.txt"),
        "Azerbaijani forces shelled Kapan on 11 May, local officials said.\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("photo.png"), [0x89, b'P', b'N', b'G', 0, 0])
        .unwrap_or_else(|e| panic!("{e}"));
    let mut h = harness();
    h.state_mut()
        .push(Command::OpenFolder(dir.path().to_path_buf()));
    h.run_steps(1);
    assert!(
        h.state().state.loading.is_some(),
        "loading runs in the background"
    );
    assert_eq!(
        h.state().state.origin,
        Origin::Bundled,
        "the previous dataset stays until the new one is ready"
    );
    h.state_mut().wait_for_load();
    h.run_steps(2);
    let app = h.state();
    assert_eq!(app.state.origin, Origin::Folder(dir.path().to_path_buf()));
    assert_eq!(app.state.dataset.articles.len(), 1);
    assert_eq!(
        app.state.dataset.problems.len(),
        1,
        "the image is listed as a problem"
    );
    let kapan = app
        .state
        .dataset
        .events
        .iter()
        .find(|e| e.place.name == "Kapan");
    assert_eq!(
        kapan.and_then(|e| e.date).map(|d| d.start),
        Some(day(2021, 5, 11))
    );
    assert_eq!(app.state.view.time.cursor, Some(day(2021, 5, 11)));
    assert_eq!(
        app.state.view.recent_folders.first(),
        Some(&dir.path().to_path_buf())
    );
    assert_eq!(
        app.state.visible.len(),
        1,
        "the slider moved to a day with events in the new folder"
    );
}

#[test]
fn evidence_says_where_the_date_came_from_and_links_the_source() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.path().join("kapan.txt"),
        "Kapan shelled\n\nAzerbaijani forces shelled Kapan on 11 May 2021, officials said.\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.path().join("articles.csv"),
        "file,published,source,url\nkapan.txt,2021-05-12,Test Wire,https://example.org/kapan\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut h = harness();
    h.state_mut()
        .push(Command::OpenFolder(dir.path().to_path_buf()));
    h.run_steps(1);
    h.state_mut().wait_for_load();
    h.run_steps(2);
    assert_eq!(h.state().state.dataset.events.len(), 1);
    h.state_mut().push(Command::Select(Some(0)));
    h.run_steps(2);
    h.get_by_label("When: 11 May 2021, written in the text");
    h.get_by_label("Test Wire");
    h.get_by_label("https://example.org/kapan");
}

#[test]
fn the_legend_folds_away_and_comes_back() {
    let mut h = harness();
    h.get_by_label("×").click();
    h.run_steps(2);
    assert!(h.state().state.view.legend_hidden);
    assert!(h.query_by_label("×").is_none());
    h.get_by_label("Legend").click();
    h.run_steps(2);
    assert!(!h.state().state.view.legend_hidden);
}

#[test]
fn a_typed_date_moves_the_cursor_and_the_histogram_zooms_under_the_wheel() {
    let mut h = harness();
    let field = || Role::TextInput;
    h.get_by_role_and_label(field(), "Go to").focus();
    h.run_steps(1);
    h.get_by_role_and_label(field(), "Go to")
        .type_text("19 Sep 2023");
    h.key_press(egui::Key::Enter);
    h.run_steps(3);
    assert_eq!(h.state().state.view.time.cursor, Some(day(2023, 9, 19)));
    assert_eq!(h.state().state.view.time.shown, None);
    // the wheel over the histogram zooms in around the pointer
    let slider = h.get_by_role(Role::Slider).rect();
    let over_histogram = slider.center() - egui::vec2(0.0, 60.0);
    h.hover_at(over_histogram);
    h.run_steps(1);
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, 120.0),
        modifiers: egui::Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    });
    h.run_steps(6);
    let shown = h.state().state.view.time.shown;
    let (first, last) = h.state().state.dataset.date_range().unwrap_or_default();
    assert!(
        shown.is_some_and(|(a, b)| first < a && b < last),
        "zoomed in: {shown:?}"
    );
}

#[test]
fn while_a_folder_loads_the_header_names_it_and_the_old_data_is_dimmed() {
    let mut h = harness();
    let folder = std::path::PathBuf::from("/data/reports");
    h.state_mut().state.loading = Some(karabakh_atlas::state::LoadStatus {
        folder: folder.clone(),
        progress: std::sync::Arc::default(),
    });
    h.run_steps(2);
    h.get_by_label(&format!("Loading {}…", folder.display()));
    h.get_by_label("still showing Bundled seed articles");
    assert!(h.query_by_label("Bundled seed articles").is_none());
}

#[test]
fn the_open_folder_is_watched_and_changes_keep_slider_and_selection() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path().join("news");
    std::fs::create_dir_all(&root).unwrap_or_else(|e| panic!("{e}"));
    let write = |name: &str, text: &str| {
        std::fs::write(root.join(name), text).unwrap_or_else(|e| panic!("{e}"));
    };
    write(
        "one.txt",
        "Armenian forces shelled Tartar on 12 October 2020.\n",
    );
    write(
        "two.txt",
        "Azerbaijani drones struck Stepanakert on 4 October 2020.\n",
    );
    write(
        "gone.txt",
        "Azerbaijani forces shelled Martakert on 6 October 2020.\n",
    );
    let mut h = harness();
    h.state_mut().push(Command::OpenFolder(root.clone()));
    h.run_steps(1);
    h.state_mut().wait_for_load();
    h.run_steps(2);
    assert_eq!(h.state().watched_folder(), Some(root.as_path()));
    // the user puts the slider on 4 October and selects the Stepanakert strike
    h.state_mut()
        .push(Command::Time(TimeCommand::SetDate(day(2020, 10, 4))));
    h.run_steps(1);
    let stepanakert = h
        .state()
        .state
        .dataset
        .events
        .iter()
        .position(|e| e.place.name == "Stepanakert");
    h.state_mut().push(Command::Select(stepanakert));
    h.run_steps(1);
    let selected_id = h
        .state()
        .state
        .selected
        .and_then(|i| h.state().state.dataset.events.get(i).map(|e| e.id.clone()));
    assert!(selected_id.is_some());

    // files are added, rewritten and removed while the viewer is open
    write(
        "three.txt",
        "Russian peacekeepers entered Lachin on 1 December 2020.\n",
    );
    write(
        "one.txt",
        "Armenian missiles struck Ganja on 11 October 2020.\n",
    );
    std::fs::remove_file(root.join("gone.txt")).unwrap_or_else(|e| panic!("{e}"));

    let fresh = load_folder(&root, ReadOptions::default(), &Progress::default(), false)
        .map(|d| to_json(&d).unwrap_or_default())
        .unwrap_or_default();
    let started = std::time::Instant::now();
    while to_json(&h.state().state.dataset).unwrap_or_default() != fresh {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "the viewer did not pick up the changes"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
        h.run_steps(1);
    }
    let app = h.state();
    let places: Vec<&str> = app
        .state
        .dataset
        .events
        .iter()
        .map(|e| e.place.name.as_str())
        .collect();
    assert!(places.contains(&"Lachin") && places.contains(&"Ganja"));
    assert!(!places.contains(&"Tartar") && !places.contains(&"Martakert"));
    assert_eq!(
        app.state.view.time.cursor,
        Some(day(2020, 10, 4)),
        "slider kept"
    );
    let still_selected = app
        .state
        .selected
        .and_then(|i| app.state.dataset.events.get(i))
        .map(|e| e.id.clone());
    assert_eq!(still_selected, selected_id, "selection kept");
    assert!(
        app.state
            .notice
            .as_deref()
            .is_some_and(|n| n.contains("changed on disk")),
        "the user is told: {:?}",
        app.state.notice
    );
}

#[test]
fn save_map_image_writes_a_png_of_the_map_with_its_caption() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("map.png");
    let mut h = harness();
    h.state_mut().push(Command::SaveMapImage(path.clone()));
    h.run_steps(2);
    h.state_mut()
        .wait_for_map_image(std::time::Duration::from_secs(20));
    h.run_steps(1);
    let notice = h.state().state.notice.clone().unwrap_or_default();
    assert!(notice.contains("Saved the map image"), "{notice}");
    let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{e}"));
    let mut reader = png::Decoder::new(std::io::BufReader::new(file))
        .read_info()
        .unwrap_or_else(|e| panic!("{e}"));
    let mut pixels = vec![0; reader.output_buffer_size().unwrap_or_default()];
    let info = reader
        .next_frame(&mut pixels)
        .unwrap_or_else(|e| panic!("{e}"));
    // the map's size (the window less the side panel and the timeline), not the window's
    let map = h
        .state()
        .state
        .capture
        .is_none()
        .then(|| {
            h.ctx
                .data(|d| d.get_temp::<karabakh_atlas::map::MapHit>(map_hit_id()))
        })
        .flatten()
        .map(|hit| hit.projection.rect)
        .unwrap_or(egui::Rect::NOTHING);
    assert_eq!(
        (info.width as f32, info.height as f32),
        (map.width().floor(), map.height().floor())
    );
    assert!(info.width < 1360 && info.height < 860);
    // the picture has the map's colours, markers and caption, not one flat colour
    let distinct: std::collections::HashSet<&[u8]> = pixels.chunks(4).collect();
    assert!(distinct.len() > 50, "{} colours", distinct.len());
    // the caption is only in the image, not left on screen
    assert!(h.state().state.capture.is_none());
}

#[test]
fn a_missing_folder_is_a_notice_not_a_crash() {
    let mut h = harness();
    h.state_mut()
        .push(Command::OpenFolder("/no/such/folder".into()));
    h.run_steps(1);
    h.state_mut().wait_for_load();
    h.run_steps(1);
    let app = h.state();
    assert_eq!(app.state.origin, Origin::Bundled);
    assert!(
        app.state
            .notice
            .as_deref()
            .is_some_and(|n| n.contains("no such folder")),
        "{:?}",
        app.state.notice
    );
}

#[test]
fn clicking_an_event_shows_its_evidence() {
    let mut h = harness();
    h.state_mut()
        .push(Command::Time(TimeCommand::SetDate(day(2020, 10, 3))));
    h.run_steps(2);
    h.get_by_label_contains("Ganja · strike").click();
    h.run_steps(2);
    let app = h.state();
    let selected = app
        .state
        .selected
        .and_then(|i| app.state.dataset.events.get(i));
    assert_eq!(selected.map(|e| e.place.name.as_str()), Some("Ganja"));
    // the evidence sentence and its article are on screen
    h.get_by_label_contains(
        "The Armenians responded with a missile attack on the Azeri city of Ganja.",
    );
    // and where its date came from
    h.get_by_label_contains("Date: from 'Saturday’s' in an earlier sentence");
    h.get_by_label("Open article").click();
    h.run_steps(2);
    let article = h.state().state.article.clone();
    assert!(article.is_some(), "article window open");
    assert!(h.state().state.article.as_ref().is_some_and(|a| {
        a.text.as_ref().is_ok_and(|t| {
            t.starts_with("Escalation In the")
                && t.contains("missile attack on the Azeri city of Ganja")
        })
    }));
}

#[test]
fn filters_change_the_visible_count() {
    let mut h = harness();
    h.state_mut()
        .push(Command::Time(TimeCommand::SetDate(day(2020, 9, 27))));
    h.run_steps(2);
    let both = h.state().state.visible.len();
    assert_eq!(
        both, 3,
        "a strike and a deployment in Nagorno-Karabakh, and the 2020 deployment"
    );
    h.get_by_label("Strikes").click();
    h.run_steps(2);
    assert_eq!(h.state().state.visible.len(), 2);
    h.get_by_role_and_label(Role::TextInput, "Search").focus();
    h.run_steps(1);
    h.get_by_role_and_label(Role::TextInput, "Search")
        .type_text("ganja");
    h.run_steps(2);
    assert_eq!(h.state().state.visible.len(), 0);
    assert!(h.state().state.view.filters.search.contains("ganja"));
}

#[test]
fn clicking_a_map_marker_selects_its_event() {
    let mut h = harness();
    h.state_mut()
        .push(Command::Time(TimeCommand::SetDate(day(2020, 10, 3))));
    h.run_steps(2);
    let hit: Option<MapHit> = h.ctx.data(|d| d.get_temp(map_hit_id()));
    let projection = hit
        .map(|m| m.projection)
        .unwrap_or_else(|| panic!("the map was drawn"));
    let ganja = projection.screen_from_geo(geo_point(46.3606, 40.6828));
    h.hover_at(ganja);
    h.run_steps(1);
    h.drag_at(ganja);
    h.run_steps(1);
    h.drop_at(ganja);
    h.run_steps(2);
    let app = h.state();
    assert_eq!(
        app.state
            .selected
            .and_then(|i| app.state.dataset.events.get(i))
            .map(|e| e.place.name.as_str()),
        Some("Ganja")
    );
}

#[test]
fn playback_advances_and_stops_at_the_end() {
    let mut h = harness();
    h.key_press(egui::Key::End);
    h.run_steps(2);
    let end = h.state().state.view.time.cursor;
    h.state_mut().push(Command::Time(TimeCommand::TogglePlay));
    h.run_steps(1);
    assert!(h.state().state.view.time.playing);
    assert_ne!(
        h.state().state.view.time.cursor,
        end,
        "play at the end restarts from the first day"
    );
    for _ in 0..5 {
        h.state_mut().push(Command::Time(TimeCommand::Tick(1.0)));
        h.run_steps(1);
    }
    let app = h.state();
    let (first, last) = app.state.dataset.date_range().unwrap_or_default();
    assert!(app.state.view.time.cursor >= Some(first + Duration::days(18)));
    // on to the end: playback stops on the last day
    for _ in 0..1000 {
        if !h.state().state.view.time.playing {
            break;
        }
        h.state_mut().push(Command::Time(TimeCommand::Tick(10.0)));
        h.run_steps(1);
    }
    let time = h.state().state.view.time;
    assert!(!time.playing, "playback stops at the end");
    assert_eq!(time.cursor, Some(last));
}

#[test]
fn exporting_visible_and_all_events_writes_files() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut h = harness();
    h.state_mut()
        .push(Command::Time(TimeCommand::SetDate(day(2020, 10, 3))));
    h.run_steps(2);
    let visible = h.state().state.visible.len();
    let geo = dir.path().join("visible.geojson");
    h.state_mut().push(Command::ExportTo {
        path: geo.clone(),
        visible_only: true,
    });
    h.run_steps(2);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&geo).unwrap_or_default())
            .unwrap_or_default();
    assert_eq!(json["features"].as_array().map(Vec::len), Some(visible));
    let csv = dir.path().join("all.csv");
    h.state_mut().push(Command::ExportTo {
        path: csv.clone(),
        visible_only: false,
    });
    h.run_steps(2);
    let lines = std::fs::read_to_string(&csv)
        .unwrap_or_default()
        .lines()
        .count();
    assert_eq!(lines, h.state().state.dataset.events.len() + 1);
    assert!(
        h.state()
            .state
            .notice
            .as_deref()
            .is_some_and(|n| n.starts_with("Exported"))
    );
    h.state_mut().push(Command::ExportTo {
        path: dir.path().join("no/such/dir/x.csv"),
        visible_only: false,
    });
    h.run_steps(2);
    assert!(
        h.state()
            .state
            .notice
            .as_deref()
            .is_some_and(|n| n.starts_with("Cannot export"))
    );
}

#[test]
fn a_folder_of_images_lists_every_file_as_a_problem() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for i in 0..3000 {
        std::fs::write(
            dir.path().join(format!("img{i:04}.jpg")),
            [0xFF, 0xD8, 0xFF],
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let mut h = harness();
    h.state_mut()
        .push(Command::OpenFolder(dir.path().to_path_buf()));
    h.run_steps(1);
    h.state_mut().wait_for_load();
    h.run_steps(1);
    assert_eq!(h.state().state.dataset.problems.len(), 3000);
    assert!(
        h.state()
            .state
            .notice
            .as_deref()
            .is_some_and(|n| n.contains("no readable articles"))
    );
    h.get_by_label("Problems: 3000").click();
    h.run_steps(2);
    assert!(h.state().state.show_problems);
    h.run_steps(4);
    h.get_by_label_contains("img0000.jpg");
}

#[test]
fn help_about_shows_the_data_credits_with_their_links() {
    let mut h = harness();
    h.get_by_label("Help").click();
    h.run_steps(2);
    h.get_by_label("About Karabakh Atlas…").click();
    h.run_steps(2);
    assert!(h.state().state.show_about);
    // a new window is laid out invisibly in its first frame
    h.run_steps(4);
    for credit in [
        "Data from Who's On First",
        "Contains GeoNames data, CC BY 4.0",
        "Includes data from foursquare Quattroshapes (CC BY)",
        "Natural Earth (public domain)",
        "countries-states-cities-database (ODbL 1.0)",
    ] {
        h.get_by_label(credit);
    }
}

#[test]
fn smallest_window_keeps_its_controls_and_a_tiny_one_does_not_panic() {
    let mut h = harness();
    // the window's minimum size
    let size = egui::vec2(480.0, 360.0);
    h.set_size(size);
    h.run_steps(3);
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, size);
    for label in ["File", "View", "Help", "Play"] {
        let rect = h.get_by_label(label).rect();
        assert!(
            window.contains_rect(rect),
            "{label} at {rect:?} is outside the {size:?} window"
        );
    }
    // on a small map the legend starts folded (its "Legend" button, no "×"), one click away
    assert!(h.query_by_label("×").is_none());
    h.get_by_label("Legend").click();
    h.run_steps(2);
    h.get_by_label("×");
    assert!(h.query_by_label("Legend").is_none());
    let events = h.state().state.dataset.events.len();
    h.set_size(egui::vec2(1.0, 1.0));
    h.run_steps(3);
    assert_eq!(h.state().state.dataset.events.len(), events);
}

#[test]
fn settings_round_trip_and_corrupt_settings_are_reported() {
    let view = Persisted {
        recent_folders: vec!["/tmp/a".into()],
        ..Persisted::default()
    };
    let text = serde_json::to_string(&view).unwrap_or_default();
    assert_eq!(Persisted::restore(Some(&text)), (view, None));
    assert_eq!(Persisted::restore(None), (Persisted::default(), None));
    let (restored, notice) = Persisted::restore(Some("{not json"));
    assert_eq!(restored, Persisted::default());
    assert!(notice.is_some_and(|n| n.contains("could not be read")));
}

#[test]
fn window_snapshot_on_the_seeds() {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1360.0, 860.0))
        .wgpu()
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui_root(ui), seeds_app());
    karabakh_atlas::app::install_fonts(&h.ctx);
    h.run_steps(3);
    h.snapshot("seeds_window");
}

#[test]
fn a_folder_path_typed_in_the_file_menu_opens_it() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.path().join("kapan.txt"),
        "Azerbaijani forces shelled Kapan on 11 May 2021, local officials said.\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut h = harness();
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_role_and_label(Role::TextInput, "Open path")
        .focus();
    h.run_steps(1);
    // typed as people paste paths: with quotes and spaces around
    h.get_by_role_and_label(Role::TextInput, "Open path")
        .type_text(&format!(" '{}' ", dir.path().display()));
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    h.state_mut().wait_for_load();
    h.run_steps(2);
    assert_eq!(
        h.state().state.origin,
        Origin::Folder(dir.path().to_path_buf())
    );
    assert_eq!(h.state().state.dataset.events.len(), 1);
}

#[test]
fn the_articles_window_lists_every_article_and_opens_one_without_events() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let write = |name: &str, text: &str| {
        std::fs::write(dir.path().join(name), text).unwrap_or_else(|e| panic!("{e}"))
    };
    write(
        "2021-05-12-kapan.txt",
        "Shelling in Kapan\n\nAzerbaijani forces shelled Kapan on 11 May, local officials said.\n",
    );
    write(
        "talks.txt",
        "Talks in Brussels\n\nThe foreign ministers met in Brussels and agreed to meet again.\n",
    );
    let mut h = harness();
    h.state_mut()
        .push(Command::OpenFolder(dir.path().to_path_buf()));
    h.run_steps(1);
    h.state_mut().wait_for_load();
    h.run_steps(2);
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label("Articles…").click();
    h.run_steps(3);
    h.get_by_label("Articles (2)");
    h.get_by_label_contains("1 event · published 2021-05-12 (from the file name)");
    h.get_by_label_contains("no events · no publication date · talks.txt");
    // only the article that gave nothing, then open it
    h.get_by_label("Only the 1 with no events").click();
    h.run_steps(2);
    assert!(h.query_by_label_contains("1 event ·").is_none());
    h.get_by_label("Open").click();
    h.run_steps(2);
    let article = h.state().state.article.as_ref().map(|a| a.path.clone());
    assert_eq!(article.as_deref(), Some("talks.txt"));
    h.run_steps(3);
    h.get_by_label_contains("The foreign ministers met in Brussels");
}

#[test]
fn shift_dragging_the_histogram_limits_the_dates_and_all_dates_clears_it() {
    let mut h = harness();
    h.get_by_label("Cumulative").click();
    h.run_steps(2);
    h.key_press(egui::Key::End);
    h.run_steps(2);
    let everything = h.state().state.visible.len();
    let slider = h.get_by_role(Role::Slider).rect();
    let y = slider.center().y - 60.0;
    let at = |f: f32| egui::pos2(slider.left() + slider.width() * f, y);
    h.event(egui::Event::ModifiersChanged(egui::Modifiers::SHIFT));
    h.hover_at(at(0.05));
    h.run_steps(1);
    h.drag_at(at(0.05));
    h.run_steps(1);
    for f in [0.1, 0.2, 0.3, 0.4] {
        h.hover_at(at(f));
        h.run_steps(1);
    }
    h.drop_at(at(0.4));
    h.event(egui::Event::ModifiersChanged(egui::Modifiers::NONE));
    h.run_steps(3);
    let app = h.state();
    let Some((first, last)) = app.state.view.filters.dates else {
        panic!("no date limit after Shift+drag");
    };
    assert!(first < last, "{first} – {last}");
    // only events within the limit show, on the list and the map
    assert!(app.state.visible.len() < everything);
    for &i in &app.state.visible {
        let d = app.state.dataset.events[i].date.expect("dated");
        assert!(d.start <= last && first <= d.end, "{d:?}");
    }
    // the cursor, at the last day, moved into the limit
    let cursor = app.state.view.time.cursor.unwrap_or_default();
    assert!((first..=last).contains(&cursor), "{cursor}");
    h.get_by_label("All dates").click();
    h.run_steps(2);
    assert_eq!(h.state().state.view.filters.dates, None);
    h.key_press(egui::Key::End);
    h.run_steps(2);
    assert_eq!(h.state().state.visible.len(), everything);
}

#[test]
fn places_too_close_to_tell_apart_group_and_a_click_zooms_in_until_they_split() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.path().join("2020-10-04-askeran.txt"),
        "Shelling near Stepanakert\n\n\
         Azerbaijani forces shelled Askeran on 3 October 2020, local officials said.\n\n\
         Azerbaijani forces also shelled Khojaly on 3 October 2020.\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut h = harness();
    h.state_mut()
        .push(Command::OpenFolder(dir.path().to_path_buf()));
    h.run_steps(1);
    h.state_mut().wait_for_load();
    h.run_steps(3);
    let places: Vec<(String, f64, f64)> = h
        .state()
        .state
        .visible
        .iter()
        .map(|&i| &h.state().state.dataset.events[i].place)
        .map(|p| (p.name.clone(), p.lon, p.lat))
        .collect();
    assert_eq!(places.len(), 2, "{places:?}");
    let projection = |h: &Harness<'static, AtlasApp>| {
        let hit: Option<MapHit> = h.ctx.data(|d| d.get_temp(map_hit_id()));
        hit.map(|m| m.projection)
            .unwrap_or_else(|| panic!("the map was drawn"))
    };
    let before = projection(&h);
    let at = |p: &karabakh_atlas::map::Projection, (_, lon, lat): &(String, f64, f64)| {
        p.screen_from_geo(geo_point(*lon, *lat))
    };
    let (a, b) = (at(&before, &places[0]), at(&before, &places[1]));
    assert!(a.distance(b) < 16.0, "close on screen: {a:?} {b:?}");
    // one disc for both (at the busier place): a click between them hits it, zooms in and
    // selects nothing; until they are far enough apart to split
    for _ in 0..4 {
        let p = projection(&h);
        let (a, b) = (at(&p, &places[0]), at(&p, &places[1]));
        if a.distance(b) >= 16.0 {
            break;
        }
        let target = a.lerp(b, 0.5);
        h.hover_at(target);
        h.run_steps(1);
        h.drag_at(target);
        h.run_steps(1);
        h.drop_at(target);
        h.run_steps(2);
        assert_eq!(h.state().state.selected, None);
    }
    let after = projection(&h);
    assert!(after.view.points_per_degree > before.view.points_per_degree * 2.0);
    let (a, b) = (at(&after, &places[0]), at(&after, &places[1]));
    assert!(a.distance(b) >= 16.0, "split: {a:?} {b:?}");
    // now each marker is its own: a click selects its event
    h.hover_at(a);
    h.run_steps(1);
    h.drag_at(a);
    h.run_steps(1);
    h.drop_at(a);
    h.run_steps(2);
    let selected = h
        .state()
        .state
        .selected
        .map(|i| h.state().state.dataset.events[i].place.name.clone());
    assert_eq!(selected.as_deref(), Some(places[0].0.as_str()));
}

#[test]
fn the_side_panel_folds_away_for_a_wider_map_and_comes_back() {
    let mut h = harness();
    let map_width = |h: &Harness<'static, AtlasApp>| {
        let hit: Option<MapHit> = h.ctx.data(|d| d.get_temp(map_hit_id()));
        hit.map_or(0.0, |m| m.projection.rect.width())
    };
    let before = map_width(&h);
    h.get_by_label("»").click();
    h.run_steps(3);
    assert!(h.state().state.view.list_hidden);
    assert!(
        map_width(&h) > before + 200.0,
        "{} → {}",
        before,
        map_width(&h)
    );
    assert!(h.query_by_label("Strikes").is_none());
    h.get_by_label("«").click();
    h.run_steps(3);
    assert!(!h.state().state.view.list_hidden);
    h.get_by_label("Strikes");
    // selecting an event on the folded map brings its evidence back
    h.get_by_label("»").click();
    h.run_steps(2);
    h.state_mut().push(Command::Select(Some(0)));
    h.run_steps(2);
    assert!(!h.state().state.view.list_hidden);
}

/// The app on a folder, keeping its corrections under `data` (as under the user's data
/// directory), loaded.
fn folder_app(folder: &std::path::Path, data: &std::path::Path) -> Harness<'static, AtlasApp> {
    let app = AtlasApp::new(
        karabakh_core::seeds::dataset(),
        Origin::Bundled,
        Persisted::default(),
    )
    .with_data_dir(data.to_path_buf());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1360.0, 900.0))
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui_root(ui), app);
    karabakh_atlas::app::install_fonts(&h.ctx);
    h.state_mut()
        .push(Command::OpenFolder(folder.to_path_buf()));
    h.run_steps(1);
    h.state_mut().wait_for_load();
    h.run_steps(3);
    h
}

fn event_at<'a>(app: &'a AtlasApp, place: &str) -> Option<&'a karabakh_core::model::Event> {
    app.state
        .dataset
        .events
        .iter()
        .find(|e| e.place.name == place)
}

#[test]
fn a_rejected_and_a_redated_event_stay_so_after_a_reload_and_undo_takes_one_back() {
    let articles = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (file, place) in [("kapan.txt", "Kapan"), ("goris.txt", "Goris")] {
        std::fs::write(
            articles.path().join(file),
            format!("Azerbaijani forces shelled {place} on 11 May 2021, officials said.\n"),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let mut h = folder_app(articles.path(), data.path());
    assert!(event_at(h.state(), "Kapan").is_some() && event_at(h.state(), "Goris").is_some());

    // reject Kapan from its evidence
    h.get_by_label_contains("Kapan · strike").click();
    h.run_steps(2);
    h.get_by_label("Correct this event").click();
    h.run_steps(2);
    h.get_by_label("Reject").click();
    h.run_steps(3);
    assert!(event_at(h.state(), "Kapan").is_none(), "rejected");

    // re-date Goris by typing a date
    h.get_by_label_contains("Goris · strike").click();
    h.run_steps(2);
    // "Correct this event" stays unfolded from one event to the next
    h.get_by_role_and_label(Role::TextInput, "Date").focus();
    h.run_steps(1);
    h.get_by_role_and_label(Role::TextInput, "Date")
        .type_text("13 May 2021");
    h.run_steps(1);
    h.get_by_label("Set date").click();
    h.run_steps(3);
    let goris = event_at(h.state(), "Goris");
    assert_eq!(
        goris.and_then(|e| e.date).map(|d| d.start),
        Some(day(2021, 5, 13))
    );
    assert!(goris.is_some_and(karabakh_core::model::Event::corrected));
    assert_eq!(
        h.state().state.view.time.cursor,
        Some(day(2021, 5, 13)),
        "the slider follows the event to its new date"
    );
    // the evidence shows what the extractor read
    h.get_by_label_contains("The extractor read: strike at Goris, 11 May 2021");
    drop(h);

    // a new session on the same folder: both corrections come back
    let mut h = folder_app(articles.path(), data.path());
    assert!(event_at(h.state(), "Kapan").is_none(), "still rejected");
    assert_eq!(
        event_at(h.state(), "Goris")
            .and_then(|e| e.date)
            .map(|d| d.start),
        Some(day(2021, 5, 13))
    );
    // Ctrl+Z takes the last one back, and the file remembers that too
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(3);
    assert_eq!(
        event_at(h.state(), "Goris")
            .and_then(|e| e.date)
            .map(|d| d.start),
        Some(day(2021, 5, 11))
    );
    assert_eq!(h.state().state.sidecar.file.corrections.len(), 1);
    drop(h);
    let h = folder_app(articles.path(), data.path());
    assert!(event_at(h.state(), "Kapan").is_none());
    assert!(event_at(h.state(), "Goris").is_some_and(|e| !e.corrected()));
    // nothing was written into the article folder
    let files = std::fs::read_dir(articles.path())
        .map(|d| d.count())
        .unwrap_or_default();
    assert_eq!(files, 2);
}

#[test]
fn a_broken_corrections_file_is_a_notice_and_stays_untouched() {
    let articles = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        articles.path().join("kapan.txt"),
        "Azerbaijani forces shelled Kapan on 11 May 2021, officials said.\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let sidecar = karabakh_atlas::sidecar::default_path(
        data.path(),
        &Origin::Folder(articles.path().to_path_buf()),
    );
    std::fs::create_dir_all(sidecar.parent().unwrap_or(data.path()))
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        &sidecar,
        "{\"version\": 1, \"corrections\": [{\"event\": 3}]}",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut h = folder_app(articles.path(), data.path());
    let notice = h.state().state.notice.clone().unwrap_or_default();
    assert!(notice.contains("cannot be read"), "{notice}");
    assert!(event_at(h.state(), "Kapan").is_some());
    h.get_by_label_contains("Kapan · strike").click();
    h.run_steps(2);
    h.get_by_label("Correct this event").click();
    h.run_steps(2);
    h.get_by_label("Reject").click();
    h.run_steps(3);
    assert!(event_at(h.state(), "Kapan").is_none(), "applied on screen");
    assert_eq!(
        std::fs::read_to_string(&sidecar).unwrap_or_default(),
        "{\"version\": 1, \"corrections\": [{\"event\": 3}]}",
        "the file is left as it was"
    );
    // saving elsewhere keeps them, and not in the article folder
    let inside = articles.path().join("corrections.json");
    h.state_mut()
        .push(Command::SaveCorrectionsAs(inside.clone()));
    h.run_steps(2);
    assert!(!inside.exists(), "never written into the article folder");
    let elsewhere = data.path().join("mine.json");
    h.state_mut()
        .push(Command::SaveCorrectionsAs(elsewhere.clone()));
    h.run_steps(2);
    assert!(elsewhere.exists());
    assert_eq!(
        h.state()
            .state
            .view
            .corrections_file(articles.path())
            .cloned(),
        Some(elsewhere)
    );
}

#[test]
fn the_events_table_sorts_by_a_heading_and_a_row_click_moves_slider_and_map() {
    let mut h = harness();
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label("Events table…").click();
    h.run_steps(3);
    let rows = h.state().state.table.rows.len();
    assert!(rows > 5);
    assert_eq!(rows, h.state().state.filtered.len());
    // a click on a heading sorts by it, a second the other way
    h.get_by_label("Place").click();
    h.run_steps(2);
    h.get_by_label("Place").click();
    h.run_steps(2);
    let app = h.state();
    let names: Vec<&str> = app
        .state
        .table
        .rows
        .iter()
        .filter_map(|&i| app.state.dataset.events.get(i))
        .map(|e| e.place.name.as_str())
        .collect();
    assert!(names.windows(2).all(|w| w[0] >= w[1]), "{names:?}");
    // the top row: its event is selected, the slider goes to its date, the map centres on it
    let top = app.state.table.rows[0];
    let event = app.state.dataset.events[top].clone();
    h.get_all_by_label(&event.place.name)
        .next()
        .unwrap_or_else(|| panic!("no cell for {}", event.place.name))
        .click();
    h.run_steps(3);
    let app = h.state();
    assert_eq!(app.state.selected, Some(top));
    assert_eq!(app.state.view.time.cursor, event.date.map(|d| d.start));
    assert_eq!(app.state.view.map.center_lon, event.place.lon);
    // filters apply to the table as to the map
    let strikes = app
        .state
        .table
        .rows
        .iter()
        .filter(|&&i| app.state.dataset.events[i].kind == karabakh_core::model::EventKind::Strike)
        .count();
    let filters = karabakh_atlas::state::Filters {
        deployments: false,
        ..app.state.view.filters.clone()
    };
    h.state_mut().push(Command::SetFilters(filters));
    h.run_steps(2);
    assert_eq!(h.state().state.table.rows.len(), strikes);
}

#[test]
fn sides_filter_by_actor_and_contested_events_show_why() {
    let mut h = harness();
    let all = h.state().state.filtered.len();
    let side = |app: &AtlasApp, i: usize| {
        karabakh_core::contest::Side::of(app.state.dataset.events[i].actor.as_deref())
    };
    let azerbaijan = h
        .state()
        .state
        .filtered
        .iter()
        .filter(|&&i| side(h.state(), i) == karabakh_core::contest::Side::Azerbaijan)
        .count();
    assert!(azerbaijan > 0 && azerbaijan < all);
    h.get_by_label("Sides").click();
    h.run_steps(2);
    h.get_by_label("Azerbaijan").click();
    h.run_steps(2);
    let app = h.state();
    assert_eq!(app.state.filtered.len(), all - azerbaijan);
    assert!(
        app.state
            .filtered
            .iter()
            .all(|&i| side(app, i) != karabakh_core::contest::Side::Azerbaijan)
    );
    h.get_by_label("Azerbaijan").click();
    h.run_steps(2);
    // contested only: the seeds' claims that the other side denied
    h.get_by_label_contains("Contested only").click();
    h.run_steps(2);
    let app = h.state();
    assert!(!app.state.filtered.is_empty() && app.state.filtered.len() < all);
    assert!(
        app.state
            .filtered
            .iter()
            .all(|&i| app.state.contested[i].is_some())
    );
    let first = app.state.filtered[0];
    h.state_mut().push(Command::ShowEvent(first));
    h.run_steps(3);
    h.get_by_label("Contested");
    h.get_by_label_contains("A claim that another side denied");
}

#[test]
fn export_frames_writes_a_picture_per_day_of_the_range_and_puts_the_date_back() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let frames = dir.path().join("frames");
    let mut h = harness();
    let cursor = h.state().state.view.time.cursor;
    let filters = karabakh_atlas::state::Filters {
        dates: Some((day(2020, 10, 3), day(2020, 10, 5))),
        ..h.state().state.view.filters.clone()
    };
    h.state_mut().push(Command::SetFilters(filters));
    h.state_mut().push(Command::ExportFrames(frames.clone()));
    h.run_steps(1);
    let mut seen_progress = false;
    for _ in 0..200 {
        if !h.state().frames_running() {
            break;
        }
        seen_progress |= h.state().state.frames_progress.is_some();
        h.run_steps(1);
        h.state_mut()
            .wait_for_map_image(std::time::Duration::from_secs(20));
    }
    assert!(seen_progress, "the menu bar shows the export's progress");
    let mut names: Vec<String> = std::fs::read_dir(&frames)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    assert_eq!(
        names,
        [
            "frame-0001-2020-10-03.png",
            "frame-0002-2020-10-04.png",
            "frame-0003-2020-10-05.png"
        ]
    );
    // each is the map as drawn that day: the frames differ
    let bytes: Vec<Vec<u8>> = names
        .iter()
        .map(|n| std::fs::read(frames.join(n)).unwrap_or_default())
        .collect();
    assert!(bytes.iter().all(|b| b.len() > 1000));
    assert_ne!(bytes[0], bytes[1]);
    let notice = h.state().state.notice.clone().unwrap_or_default();
    assert!(notice.starts_with("Exported 3 of 3 frames"), "{notice}");
    assert_eq!(
        h.state().state.view.time.cursor,
        cursor,
        "the date comes back"
    );
}

#[test]
fn view_names_shows_places_in_the_chosen_language_and_both_sides() {
    let mut h = harness();
    h.state_mut()
        .push(Command::Time(TimeCommand::SetDate(day(2020, 10, 3))));
    h.run_steps(2);
    h.get_by_label_contains("Ganja · strike");
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label("Names").hover();
    h.run_steps(2);
    h.get_by_label("Russian").click();
    h.run_steps(2);
    assert_eq!(
        h.state().state.view.names,
        karabakh_core::names::NameLanguage::Russian
    );
    h.get_by_label_contains("Гянджа · strike");
    // the choice is kept with the other settings
    let saved = serde_json::to_string(&h.state().state.view).unwrap_or_default();
    assert!(saved.contains("\"names\":\"Russian\""), "{saved}");
    h.state_mut().push(Command::SetNames(
        karabakh_core::names::NameLanguage::BothSides,
    ));
    h.run_steps(2);
    h.get_by_label_contains("Gandzak / Ganja · strike");
}

#[test]
fn another_place_of_the_sentence_becomes_the_event_s_place_in_one_click() {
    let articles = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        articles.path().join("tartar.txt"),
        "Artillery shelled Tartar on 4 October 2020, officials in Barda said.\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut h = folder_app(articles.path(), data.path());
    assert!(event_at(h.state(), "Tartar").is_some());
    h.get_by_label_contains("Tartar · strike").click();
    h.run_steps(2);
    h.get_by_label_contains("Also in this sentence");
    h.get_by_label("Barda").click();
    h.run_steps(3);
    let barda = event_at(h.state(), "Barda");
    assert!(barda.is_some_and(karabakh_core::model::Event::corrected));
    assert!(event_at(h.state(), "Tartar").is_none());
    // and it is a correction like any other: undone with Ctrl+Z
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(3);
    assert!(event_at(h.state(), "Tartar").is_some());
}

#[test]
fn opening_a_corrections_file_that_is_not_there_changes_nothing() {
    let mut h = harness();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let missing = dir.path().join("typo.json");
    h.state_mut()
        .push(Command::OpenCorrectionsFile(missing.clone()));
    h.run_steps(2);
    let notice = h.state().state.notice.clone().unwrap_or_default();
    assert!(
        notice.starts_with("There is no corrections file"),
        "{notice}"
    );
    assert_eq!(h.state().state.sidecar.path, None);
    assert!(!missing.exists());
}

#[test]
fn the_histogram_counts_what_the_filters_pass_except_the_date_limit() {
    let mut h = harness();
    let total = |app: &AtlasApp| {
        app.state
            .histogram
            .as_ref()
            .map(|hist| hist.days.iter().map(|(_, s, d)| s + d).sum::<u32>())
            .unwrap_or_default()
    };
    let strikes = |app: &AtlasApp| {
        app.state
            .histogram
            .as_ref()
            .map(|hist| hist.days.iter().map(|(_, s, _)| *s).sum::<u32>())
            .unwrap_or_default()
    };
    let all = total(h.state());
    assert!(strikes(h.state()) > 0);
    let filters = karabakh_atlas::state::Filters {
        strikes: false,
        ..h.state().state.view.filters.clone()
    };
    h.state_mut().push(Command::SetFilters(filters.clone()));
    h.run_steps(2);
    assert_eq!(strikes(h.state()), 0, "no strikes counted");
    assert!(total(h.state()) < all);
    // a date limit dims the other days, it does not empty them
    let limited = karabakh_atlas::state::Filters {
        dates: Some((day(2020, 10, 3), day(2020, 10, 4))),
        ..filters
    };
    let before = total(h.state());
    h.state_mut().push(Command::SetFilters(limited));
    h.run_steps(2);
    assert_eq!(total(h.state()), before);
}

#[test]
fn two_reports_of_one_strike_merge_from_the_evidence() {
    let articles = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (file, place) in [("one.txt", "Tartar"), ("two.txt", "Barda")] {
        std::fs::write(
            articles.path().join(file),
            format!("Armenian forces shelled {place} on 4 October 2020, officials said.\n"),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let mut h = folder_app(articles.path(), data.path());
    h.get_by_label_contains("Tartar · strike").click();
    h.run_steps(2);
    h.get_by_label("Correct this event").click();
    h.run_steps(2);
    h.get_by_label_contains("Barda · 4 Oct 2020").click();
    h.run_steps(3);
    let app = h.state();
    assert!(event_at(app, "Barda").is_none(), "merged away");
    let tartar = event_at(app, "Tartar");
    assert_eq!(tartar.map(|e| e.sources.len()), Some(2));
    assert!(tartar.is_some_and(karabakh_core::model::Event::corrected));
}
