//! Colours and symbols, defined once: event kinds, statuses, map layers, highlights.

use egui::Color32;
use karabakh_core::contest::Side;
use karabakh_core::names::NameLanguage;

use karabakh_core::model::{DateSpan, EventKind, Precision};

/// Strikes: red.
pub const STRIKE: Color32 = Color32::from_rgb(214, 56, 46);
/// Deployments: blue.
pub const DEPLOYMENT: Color32 = Color32::from_rgb(38, 110, 214);
/// Warnings and problems.
pub const WARNING: Color32 = Color32::from_rgb(214, 140, 20);
/// An analyst's correction: the mark of a corrected event and its original reading.
pub const CORRECTED: Color32 = Color32::from_rgb(90, 150, 230);
/// The colour of a side (the actor that struck or deployed), in filters and evidence.
pub fn side_color(side: Side) -> Color32 {
    match side {
        Side::Azerbaijan => Color32::from_rgb(0, 160, 210),
        Side::Armenia => Color32::from_rgb(230, 150, 0),
        Side::Karabakh => Color32::from_rgb(170, 100, 200),
        Side::Russia => Color32::from_rgb(120, 130, 170),
        Side::Monitors => Color32::from_rgb(60, 165, 95),
        Side::Other => Color32::from_rgb(165, 120, 80),
        Side::Unknown => Color32::from_gray(140),
    }
}

/// The mark of a contested event: a claim denied, or reports naming different sides.
pub const CONTESTED: Color32 = Color32::from_rgb(230, 90, 160);

/// The place called `name` (a gazetteer name) by its name in `names`, an English one marked
/// where the gazetteer has none in that language.
pub fn place_name(name: &str, names: NameLanguage) -> std::borrow::Cow<'_, str> {
    karabakh_core::names::display_name(&karabakh_core::gazetteer::GAZETTEER, name, names)
}

/// Background of the trigger words in evidence.
pub const HIGHLIGHT_TRIGGER: Color32 = Color32::from_rgb(255, 170, 160);
/// Background of the place name in evidence.
pub const HIGHLIGHT_PLACE: Color32 = Color32::from_rgb(255, 226, 120);
/// Background of the date words in evidence.
pub const HIGHLIGHT_DATE: Color32 = Color32::from_rgb(170, 220, 255);

/// Sea and background of the map.
pub const MAP_BACKGROUND: Color32 = Color32::from_rgb(214, 226, 236);
/// Armenia and Azerbaijan.
pub const LAND_FOCUS: Color32 = Color32::from_rgb(246, 243, 235);
/// Neighbouring countries.
pub const LAND_NEIGHBOUR: Color32 = Color32::from_rgb(222, 222, 218);
/// Land beyond the basemap's extent (paler than the neighbours, and unlike the sea).
pub const LAND_BEYOND: Color32 = Color32::from_rgb(234, 234, 230);
/// Country borders.
pub const BORDER: Color32 = Color32::from_rgb(110, 110, 110);
/// Province and district borders.
pub const PROVINCE_BORDER: Color32 = Color32::from_rgb(200, 196, 186);
/// Syunik's tint.
pub const SYUNIK: Color32 = Color32::from_rgba_premultiplied(14, 32, 20, 45);
/// Nagorno-Karabakh outlines.
pub const KARABAKH: Color32 = Color32::from_rgb(150, 60, 150);
/// The Lachin corridor.
pub const CORRIDOR: Color32 = Color32::from_rgb(200, 110, 0);
/// Town dots and labels.
pub const TOWN: Color32 = Color32::from_rgb(60, 60, 60);
/// The ring around the selected event's marker.
pub const SELECTED: Color32 = Color32::from_rgb(255, 200, 0);
/// A group of places whose markers would overlap.
pub const GROUP: Color32 = Color32::from_rgb(70, 70, 80);
/// The dotted ring around events dated only roughly.
pub const ROUGH_RING: Color32 = Color32::from_rgb(90, 90, 90);
/// The header of a folder being loaded.
pub const LOADING: Color32 = Color32::from_rgb(120, 180, 255);
/// The veil over the previous folder's map while another one loads.
pub const LOADING_VEIL: Color32 = Color32::from_rgba_premultiplied(20, 20, 24, 150);
/// The name of a marked place the basemap does not name.
pub const EVENT_LABEL: Color32 = Color32::from_rgb(25, 25, 25);
/// The light band behind such a name, so that it reads over borders and tints.
pub const EVENT_LABEL_HALO: Color32 = Color32::from_rgba_premultiplied(206, 204, 198, 210);

/// The name and colour of an event kind (as in the legend).
pub fn kind_symbol(kind: EventKind) -> (&'static str, Color32) {
    match kind {
        EventKind::Strike => ("Strike", STRIKE),
        EventKind::Deployment => ("Deployment", DEPLOYMENT),
    }
}

/// A date span as people write it: "4 Oct 2020", "Oct 2020", "2020", "3–4 Oct 2020".
pub fn date_label(span: DateSpan) -> String {
    match span.precision {
        Precision::Year => span.start.format("%Y").to_string(),
        Precision::Month
            if span.start.format("%Y-%m").to_string() == span.end.format("%Y-%m").to_string()
                && span.len_days() >= 28 =>
        {
            span.start.format("%b %Y").to_string()
        }
        _ if span.start == span.end => span.start.format("%-d %b %Y").to_string(),
        _ => format!(
            "{} – {}",
            span.start.format("%-d %b"),
            span.end.format("%-d %b %Y")
        ),
    }
}
