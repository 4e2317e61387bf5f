//! What the benchmarks share: the article generator, an output macro that survives a closed
//! pipe, and the command line (`cargo bench --bench NAME -- --OPTION VALUE`).

// each benchmark uses part of this
#![allow(dead_code)]

pub mod generator;

/// `println!` that ignores a closed stdout (`cargo bench … | head`) instead of panicking.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}
pub(crate) use say;

/// The benchmark's arguments. `cargo bench` passes `--bench`; `cargo test` (which builds and
/// runs every bench target) does not, and then the benchmark runs once at a tiny size, as a
/// smoke test.
pub struct BenchArgs {
    args: Vec<String>,
    /// Whether this is a real run (`cargo bench`) rather than a smoke test.
    pub measuring: bool,
}

impl BenchArgs {
    /// The process arguments.
    pub fn from_env() -> Self {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let measuring = args.iter().any(|a| a == "--bench");
        Self { args, measuring }
    }

    /// The value after `--name`, parsed, else `default`.
    pub fn number(&self, name: &str, default: usize) -> usize {
        self.value(name)
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    }

    /// The text after `--name`.
    pub fn value(&self, name: &str) -> Option<&str> {
        let flag = format!("--{name}");
        self.args
            .iter()
            .position(|a| *a == flag)
            .and_then(|i| self.args.get(i + 1))
            .map(String::as_str)
    }

    /// The first argument that is not an option or an option's value.
    pub fn positional(&self) -> Option<&str> {
        let mut skip = false;
        for a in &self.args {
            if skip {
                skip = false;
                continue;
            }
            if a == "--bench" {
                continue;
            }
            if a.starts_with("--") {
                skip = true;
                continue;
            }
            return Some(a);
        }
        None
    }
}
