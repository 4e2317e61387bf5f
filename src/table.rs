//! The events table's state: which events it lists (every event passing the filters, at any
//! date), in which order, and which rows are marked for copying. The drawing is in
//! `ui::table`; this part has no egui in it.

use std::cmp::Ordering;
use std::collections::BTreeSet;

use karabakh_core::model::Event;

use crate::state::Filters;

/// A column of the events table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TableColumn {
    /// First day (undated last).
    #[default]
    Date,
    /// Place name.
    Place,
    /// Strike or deployment.
    Kind,
    /// Reported, claimed or denied.
    Status,
    /// The side that struck or deployed.
    Actor,
    /// Number of sources.
    Sources,
    /// Whether an analyst corrected it.
    Corrected,
}

impl TableColumn {
    /// Every column, in the table's order.
    pub const ALL: [Self; 7] = [
        Self::Date,
        Self::Place,
        Self::Kind,
        Self::Status,
        Self::Actor,
        Self::Sources,
        Self::Corrected,
    ];

    /// The column's heading.
    pub fn title(self) -> &'static str {
        match self {
            Self::Date => "Date",
            Self::Place => "Place",
            Self::Kind => "Kind",
            Self::Status => "Status",
            Self::Actor => "Actor",
            Self::Sources => "Sources",
            Self::Corrected => "Corrected",
        }
    }

    /// How two events compare in this column; ties keep the dataset's order (date, place,
    /// kind), as the sort is stable.
    fn compare(self, a: &Event, b: &Event) -> Ordering {
        match self {
            // undated events last
            Self::Date => match (a.date, b.date) {
                (Some(x), Some(y)) => (x.start, x.end).cmp(&(y.start, y.end)),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            },
            Self::Place => a.place.name.cmp(&b.place.name),
            Self::Kind => a.kind.as_str().cmp(b.kind.as_str()),
            Self::Status => a.status.as_str().cmp(b.status.as_str()),
            // events with an actor first
            Self::Actor => match (&a.actor, &b.actor) {
                (Some(x), Some(y)) => x.cmp(y),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            },
            Self::Sources => a.sources.len().cmp(&b.sources.len()),
            Self::Corrected => b.corrected().cmp(&a.corrected()),
        }
    }
}

/// The table: open or not, its order, its rows and the rows marked for copying.
#[derive(Debug, Default)]
pub struct EventTable {
    /// Whether the table window is open.
    pub open: bool,
    /// The column it is sorted by.
    pub sort: TableColumn,
    /// Whether that order is reversed.
    pub descending: bool,
    /// The events listed (indices into the dataset's events), in the table's order.
    pub rows: Vec<usize>,
    /// Events marked for copying (Ctrl+click).
    pub marked: BTreeSet<usize>,
    key: Option<(u64, Filters, TableColumn, bool)>,
}

impl EventTable {
    /// Sorts by `column`, or reverses the order when it is sorted by it already.
    pub fn sort_by(&mut self, column: TableColumn) {
        if self.sort == column {
            self.descending = !self.descending;
        } else {
            self.sort = column;
            self.descending = false;
        }
    }

    /// Marks or unmarks the row of event `index`.
    pub fn toggle_mark(&mut self, index: usize) {
        if !self.marked.remove(&index) {
            self.marked.insert(index);
        }
    }

    /// Lists `filtered` (the events passing `filters`) in the table's order, when the data,
    /// the filters or the order changed since the last time (marks are dropped with a new
    /// dataset, whose indices mean other events).
    pub fn refresh(
        &mut self,
        generation: u64,
        filters: &Filters,
        filtered: &[usize],
        events: &[Event],
    ) {
        if !self.open {
            return;
        }
        if self.key.as_ref().is_some_and(|(g, f, c, d)| {
            *g == generation && f == filters && *c == self.sort && *d == self.descending
        }) {
            return;
        }
        if self.key.as_ref().is_some_and(|(g, ..)| *g != generation) {
            self.marked.clear();
        }
        let column = self.sort;
        let mut rows = filtered.to_vec();
        rows.sort_by(|&a, &b| match (events.get(a), events.get(b)) {
            (Some(x), Some(y)) => column.compare(x, y),
            _ => Ordering::Equal,
        });
        if self.descending {
            rows.reverse();
        }
        self.rows = rows;
        self.key = Some((generation, filters.clone(), self.sort, self.descending));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_follow_the_filters_and_every_column_sorts_both_ways() {
        let data = karabakh_core::seeds::dataset();
        let all: Vec<usize> = (0..data.events.len()).collect();
        let mut table = EventTable {
            open: true,
            ..EventTable::default()
        };
        let filters = Filters::default();
        for column in TableColumn::ALL {
            table.sort_by(column);
            if table.descending {
                table.sort_by(column);
            }
            table.refresh(1, &filters, &all, &data.events);
            let ascending = table.rows.clone();
            assert!(ascending.windows(2).all(|w| {
                column.compare(&data.events[w[0]], &data.events[w[1]]) != Ordering::Greater
            }));
            table.sort_by(column);
            assert!(table.descending);
            table.refresh(1, &filters, &all, &data.events);
            assert!(table.rows.windows(2).all(|w| {
                column.compare(&data.events[w[0]], &data.events[w[1]]) != Ordering::Less
            }));
            assert_eq!(table.rows.len(), ascending.len());
        }
        // by place: names in order
        table.sort_by(TableColumn::Place);
        table.descending = false;
        table.refresh(1, &filters, &all, &data.events);
        let names: Vec<&str> = table
            .rows
            .iter()
            .map(|&i| data.events[i].place.name.as_str())
            .collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        assert_eq!(names, sorted);
        // a new dataset drops the marks
        table.toggle_mark(0);
        table.refresh(2, &filters, &all[1..], &data.events);
        assert!(table.marked.is_empty());
        assert_eq!(table.rows.len(), all.len() - 1);
    }
}
