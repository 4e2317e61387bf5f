//! The automata the build script (`core/build.rs`) compiled, as static bytes aligned for
//! loading: dense DFAs serialized for the target, read in place by
//! [`dense::DFA::from_bytes`] without copying or determinizing.

use regex_automata::dfa::dense;

/// `Bytes` at an address aligned for `Align`, as [`dense::DFA::from_bytes`] requires of `u32`.
#[repr(C)]
pub(crate) struct AlignedAs<Align, Bytes: ?Sized> {
    _align: [Align; 0],
    bytes: Bytes,
}

/// Includes `OUT_DIR/$name` aligned for `u32`.
macro_rules! built {
    ($name:literal) => {
        &AlignedAs {
            _align: [],
            bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/", $name)),
        }
    };
}

/// The whole-text automaton: triggers and counted names (`extract::scanner`).
pub(crate) static SCANNER: &AlignedAs<u32, [u8]> = built!("scanner.dfa");
/// The date finder's combined pattern, forward (`dates::patterns`).
pub(crate) static DATES_ANY_FORWARD: &AlignedAs<u32, [u8]> = built!("dates_any_forward.dfa");
/// The date finder's combined pattern, reversed: where a match found forward starts.
pub(crate) static DATES_ANY_REVERSE: &AlignedAs<u32, [u8]> = built!("dates_any_reverse.dfa");
/// The date families as a set: which of them match in a window.
pub(crate) static DATES_SET: &AlignedAs<u32, [u8]> = built!("dates_set.dfa");

/// The DFA serialized in `built`, or `None` if it cannot be read (callers then compile it).
pub(crate) fn load(built: &'static AlignedAs<u32, [u8]>) -> Option<dense::DFA<&'static [u32]>> {
    dense::DFA::from_bytes(&built.bytes)
        .ok()
        .map(|(dfa, _)| dfa)
}
