use clap::FromArgMatches;
use std::process::ExitCode;

fn main() -> ExitCode {
    // the help speaks the language of --lang or the environment
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = funnel::cli::help_zh::lang_of(&args);
    // the parsers' messages speak it too (the workspace may change it later)
    funnel::i18n::set(funnel::i18n::Locale::resolve(Some(lang), "", ""));
    let parsed = funnel::cli::help_zh::command(lang)
        .try_get_matches_from(args)
        .and_then(|m| funnel::cli::Cli::from_arg_matches(&m));
    match parsed {
        Ok(cli) => funnel::cli::run(cli),
        // clap's messages quote what was typed: print them through the same
        // boundary as everything else (help and --version exit 0, errors 2)
        Err(e) => funnel::cli::usage_error(e),
    }
}
