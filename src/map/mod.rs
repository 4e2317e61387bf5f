//! The schematic map: projection (here, pure, tested), view state (pan/zoom, persisted), the
//! basemap built once from the bundled GeoJSON and gazetteer ([`basemap`]), and the drawing:
//! basemap layers, markers, legend and the panel that puts them together ([`panel`]).
//!
//! Coordinates are `geo` points with x = longitude, y = latitude. The projection is
//! equirectangular with longitude scaled by cos(latitude) around the region's middle, so shapes
//! look right at these latitudes.

pub mod basemap;
pub mod groups;
mod layers;
mod legend;
mod markers;
pub mod panel;

pub use markers::draw_marker;
pub use panel::{MapHit, map_hit_id, map_ui};

use egui::{Pos2, Rect, Vec2, pos2};
use geo::Point;
use serde::{Deserialize, Serialize};

/// Latitude whose cosine scales longitudes (the middle of the region).
pub const REFERENCE_LAT: f64 = 40.0;

/// A geographic point, x = longitude and y = latitude in degrees.
pub fn geo_point(lon: f64, lat: f64) -> Point<f64> {
    Point::new(lon, lat)
}

/// Pan and zoom of the map: what is at the centre and how many screen points one degree of
/// latitude takes.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapView {
    /// Longitude at the centre of the map, degrees.
    pub center_lon: f64,
    /// Latitude at the centre of the map, degrees.
    pub center_lat: f64,
    /// Screen points per degree of latitude.
    pub points_per_degree: f64,
}

impl Default for MapView {
    fn default() -> Self {
        Self {
            center_lon: 46.2,
            center_lat: 39.9,
            points_per_degree: 170.0,
        }
    }
}

/// The region a fitted view shows whole: Armenia (with Syunik and Nakhchivan's east) and
/// western Azerbaijan to Mingachevir, longitudes and latitudes in degrees.
pub const REGION: ((f64, f64), (f64, f64)) = ((44.2, 48.4), (38.6, 41.3));

impl MapView {
    /// The view that shows [`REGION`] whole in a map of `size` screen points, centred.
    ///
    /// ```
    /// use karabakh_atlas::map::{MapView, Projection, REGION, geo_point};
    /// let rect = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(560.0, 380.0));
    /// let p = Projection { rect, view: MapView::fitting(rect.size()) };
    /// let ((west, east), (south, north)) = REGION;
    /// assert!(rect.contains(p.screen_from_geo(geo_point(west, south))));
    /// assert!(rect.contains(p.screen_from_geo(geo_point(east, north))));
    /// ```
    pub fn fitting(size: Vec2) -> Self {
        let ((west, east), (south, north)) = REGION;
        let lon_span = (east - west) * REFERENCE_LAT.to_radians().cos();
        let by_width = f64::from(size.x) * 0.96 / lon_span;
        let by_height = f64::from(size.y) * 0.96 / (north - south);
        Self {
            center_lon: (west + east) / 2.0,
            center_lat: (south + north) / 2.0,
            points_per_degree: by_width.min(by_height).clamp(ZOOM_RANGE.0, ZOOM_RANGE.1),
        }
    }
}

/// Smallest and largest zoom, screen points per degree.
pub const ZOOM_RANGE: (f64, f64) = (40.0, 6000.0);

/// Kilometres in a degree of latitude.
const KM_PER_DEGREE: f64 = 111.32;

/// A scale bar for a zoom: the longest round distance (1, 2 or 5 × a power of ten km) that fits
/// in `max_points`, and its length in points. (The projection keeps distances true at 40° N in
/// every direction, so one bar serves the whole region, to within a few per cent.)
pub fn scale_bar(points_per_degree: f64, max_points: f32) -> (f64, f32) {
    let points_per_km = points_per_degree / KM_PER_DEGREE;
    let most = f64::from(max_points) / points_per_km;
    let mut best = 0.1;
    for exponent in -1..5 {
        for step in [1.0, 2.0, 5.0] {
            let km = step * 10f64.powi(exponent);
            if km <= most {
                best = km;
            }
        }
    }
    (best, (best * points_per_km) as f32)
}

/// Maps between geographic and screen coordinates for one frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    /// The map rectangle on screen.
    pub rect: Rect,
    /// The view.
    pub view: MapView,
}

impl Projection {
    fn lon_scale(&self) -> f64 {
        self.view.points_per_degree * REFERENCE_LAT.to_radians().cos()
    }

    /// Screen position of a geographic point.
    ///
    /// ```
    /// use karabakh_atlas::map::{MapView, Projection, geo_point};
    /// let p = Projection { rect: egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(200.0, 100.0)), view: MapView::default() };
    /// let centre = p.screen_from_geo(geo_point(p.view.center_lon, p.view.center_lat));
    /// assert!((centre - egui::pos2(100.0, 50.0)).length() < 1e-3);
    /// ```
    pub fn screen_from_geo(&self, point: Point<f64>) -> Pos2 {
        let c = self.rect.center();
        let x = f64::from(c.x) + (point.x() - self.view.center_lon) * self.lon_scale();
        let y = f64::from(c.y) - (point.y() - self.view.center_lat) * self.view.points_per_degree;
        pos2(x as f32, y as f32)
    }

    /// Geographic point under a screen position.
    pub fn geo_from_screen(&self, pos: Pos2) -> Point<f64> {
        let c = self.rect.center();
        let lon = self.view.center_lon + f64::from(pos.x - c.x) / self.lon_scale();
        let lat = self.view.center_lat - f64::from(pos.y - c.y) / self.view.points_per_degree;
        geo_point(lon, lat)
    }

    /// The view after zooming by `factor` keeping the point under `anchor` in place.
    pub fn zoomed_around(&self, anchor: Pos2, factor: f64) -> MapView {
        let before = self.geo_from_screen(anchor);
        let mut view = self.view;
        view.points_per_degree =
            (view.points_per_degree * factor).clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
        let after = Projection { view, ..*self }.geo_from_screen(anchor);
        view.center_lon += before.x() - after.x();
        view.center_lat += before.y() - after.y();
        view
    }

    /// The view after dragging the map by `delta` screen points.
    pub fn panned(&self, delta: Vec2) -> MapView {
        let mut view = self.view;
        view.center_lon -= f64::from(delta.x) / self.lon_scale();
        view.center_lat += f64::from(delta.y) / self.view.points_per_degree;
        view.center_lon = view.center_lon.clamp(40.0, 55.0);
        view.center_lat = view.center_lat.clamp(35.0, 45.0);
        view
    }

    /// Geographic bounds of the visible rectangle: (min lon, min lat, max lon, max lat).
    pub fn visible_bounds(&self) -> (f64, f64, f64, f64) {
        let a = self.geo_from_screen(self.rect.left_bottom());
        let b = self.geo_from_screen(self.rect.right_top());
        (a.x(), a.y(), b.x(), b.y())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn projection() -> Projection {
        Projection {
            rect: Rect::from_min_size(pos2(10.0, 20.0), egui::vec2(800.0, 600.0)),
            view: MapView::default(),
        }
    }

    #[test]
    fn the_scale_bar_is_a_round_distance_that_fits() {
        // 170 points per degree: 1.53 points per km; 120 points hold 78 km: a 50 km bar
        let (km, points) = scale_bar(170.0, 120.0);
        assert_eq!(km, 50.0);
        assert!((points - 76.4).abs() < 0.5, "{points}");
        // zoomed far in: a 2 km bar; far out: 200 km
        assert_eq!(scale_bar(6000.0, 120.0).0, 2.0);
        assert_eq!(scale_bar(40.0, 120.0).0, 200.0);
    }

    #[test]
    fn round_trip() {
        let p = projection();
        for (lon, lat) in [(46.75, 39.81), (44.51, 40.18), (49.89, 40.38)] {
            let back = p.geo_from_screen(p.screen_from_geo(geo_point(lon, lat)));
            assert!((back.x() - lon).abs() < 1e-4 && (back.y() - lat).abs() < 1e-4);
        }
    }

    #[test]
    fn north_is_up_and_longitude_is_shrunk() {
        let p = projection();
        let a = p.screen_from_geo(geo_point(46.0, 40.0));
        let north = p.screen_from_geo(geo_point(46.0, 41.0));
        let east = p.screen_from_geo(geo_point(47.0, 40.0));
        assert!(north.y < a.y);
        let ratio = f64::from(east.x - a.x) / f64::from(a.y - north.y);
        assert!((ratio - 40f64.to_radians().cos()).abs() < 1e-3);
    }

    #[test]
    fn zoom_keeps_anchor_fixed() {
        let p = projection();
        let anchor = pos2(300.0, 200.0);
        let before = p.geo_from_screen(anchor);
        let view = p.zoomed_around(anchor, 2.0);
        let after = Projection { view, ..p }.geo_from_screen(anchor);
        assert!((before.x() - after.x()).abs() < 1e-9 && (before.y() - after.y()).abs() < 1e-9);
        assert!((view.points_per_degree - 340.0).abs() < 1e-9);
        let far = Projection {
            view: p.zoomed_around(anchor, 1e9),
            ..p
        };
        assert_eq!(far.view.points_per_degree, ZOOM_RANGE.1);
    }
}
