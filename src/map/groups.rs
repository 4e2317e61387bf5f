//! Markers that would overlap on screen drawn as one group with a count, which splits as the
//! map zooms in. Pure: positions in, groups out.

use egui::Pos2;
use rustc_hash::FxHashMap;

/// Groups of marker indices whose positions lie within `distance` screen points of the group's
/// first (heaviest) marker. Heavier markers lead: each marker, from the heaviest, joins the
/// nearest leader within `distance`, else leads a group of its own. Within a group the leader
/// comes first; groups come in order of their leaders' weight.
pub fn group_markers(markers: &[(Pos2, usize)], distance: f32) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..markers.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(markers.get(i).map_or(0, |m| m.1)));
    let cell = |p: Pos2| {
        (
            (p.x / distance).floor() as i64,
            (p.y / distance).floor() as i64,
        )
    };
    let mut leaders: FxHashMap<(i64, i64), Vec<usize>> = FxHashMap::default();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of_leader: FxHashMap<usize, usize> = FxHashMap::default();
    for i in order {
        let Some(&(p, _)) = markers.get(i) else {
            continue;
        };
        let (cx, cy) = cell(p);
        let nearest = (-1..=1)
            .flat_map(|dx| (-1..=1).map(move |dy| (cx + dx, cy + dy)))
            .filter_map(|c| leaders.get(&c))
            .flatten()
            .filter_map(|&l| markers.get(l).map(|m| (l, m.0.distance(p))))
            .filter(|&(_, d)| d <= distance)
            .min_by(|a, b| a.1.total_cmp(&b.1));
        match nearest.and_then(|(l, _)| group_of_leader.get(&l)) {
            Some(&g) => {
                if let Some(group) = groups.get_mut(g) {
                    group.push(i);
                }
            }
            None => {
                leaders.entry((cx, cy)).or_default().push(i);
                group_of_leader.insert(i, groups.len());
                groups.push(vec![i]);
            }
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    #[test]
    fn overlapping_markers_group_and_distant_ones_do_not() {
        let markers = [
            (pos2(100.0, 100.0), 1),
            (pos2(108.0, 104.0), 5),
            (pos2(300.0, 300.0), 2),
            (pos2(126.0, 100.0), 1),
        ];
        let groups = group_markers(&markers, 16.0);
        // the heaviest leads; the one 18 points from it stays apart
        assert_eq!(groups, vec![vec![1, 0], vec![2], vec![3]]);
    }

    #[test]
    fn every_marker_is_in_exactly_one_group() {
        let markers: Vec<(Pos2, usize)> = (0..500)
            .map(|i| {
                let f = i as f32;
                (pos2((f * 7.3) % 400.0, (f * 3.1) % 300.0), i % 7)
            })
            .collect();
        let groups = group_markers(&markers, 16.0);
        let mut seen: Vec<usize> = groups.iter().flatten().copied().collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..500).collect::<Vec<_>>());
        for group in &groups {
            let leader = markers[group[0]].0;
            assert!(group.iter().all(|&i| markers[i].0.distance(leader) <= 16.0));
        }
        // and zoomed in far enough, nothing groups
        let apart: Vec<(Pos2, usize)> = markers
            .iter()
            .enumerate()
            .map(|(i, &(_, w))| (pos2(i as f32 * 40.0, 0.0), w))
            .collect();
        assert_eq!(group_markers(&apart, 16.0).len(), 500);
    }
}
