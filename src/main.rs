//! `karabakh-atlas`: parse the arguments, then run `extract` or open the viewer; errors are
//! printed once, here, with their exit status.

use std::process::ExitCode;

use clap::Parser as _;

use karabakh_atlas::cli::{self, Args};

fn main() -> ExitCode {
    let args = Args::parse();
    let Some(command) = args.command else {
        return match karabakh_atlas::app::run(args.folder) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("karabakh-atlas: cannot open a window: {e}");
                ExitCode::from(1)
            }
        };
    };
    match cli::run(command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("karabakh-atlas: {e:#}");
            ExitCode::from(e.exit_code())
        }
    }
}
