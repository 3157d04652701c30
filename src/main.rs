use std::process::ExitCode;

fn main() -> ExitCode {
    match funnel::cli::parse() {
        Ok(cli) => funnel::cli::run(cli),
        // clap's messages quote what was typed: print them through the same
        // boundary as everything else (help and --version exit 0, errors 2)
        Err(e) => funnel::cli::usage_error(e),
    }
}
