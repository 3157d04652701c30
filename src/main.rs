use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    funnel::cli::run(funnel::cli::Cli::parse())
}
