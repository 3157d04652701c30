//! `funnel --help` in Chinese, where it is cheap: the summary of each
//! command and of the global options. The rest of clap's help (its
//! headings, the options of each command) stays English; the English help
//! is the doc comments in `mod.rs`, untouched.

use super::Cli;
use crate::i18n::{self, Lang, Locale, t};
use clap::{CommandFactory, FromArgMatches};
use std::ffi::OsString;

/// Parses the command line, its help in the language `--lang` or the
/// environment asks for (the workspace is not read yet).
pub fn parse() -> Result<Cli, clap::Error> {
    let args: Vec<OsString> = std::env::args_os().collect();
    let mut cmd = Cli::command();
    if early_lang(&args) == Lang::Zh {
        cmd = i18n::with(
            Locale {
                lang: Lang::Zh,
                ..Locale::ENGLISH
            },
            || chinese(cmd),
        );
    }
    let mut matches = cmd.try_get_matches_from(args)?;
    Cli::from_arg_matches_mut(&mut matches).map_err(|e| e.format(&mut Cli::command()))
}

/// `--lang zh` or `--lang=zh` among the arguments, else the environment's.
fn early_lang(args: &[OsString]) -> Lang {
    let mut words = args.iter().skip(1).filter_map(|a| a.to_str());
    while let Some(w) = words.next() {
        if w == "--" {
            break;
        }
        let value = match w.strip_prefix("--lang") {
            Some("") => words.next(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        if let Some(lang) = value.and_then(Lang::parse) {
            return lang;
        }
    }
    Lang::from_env()
}

fn chinese(cmd: clap::Command) -> clap::Command {
    let about = |text: &'static str| move |c: clap::Command| c.about(t(text));
    let help = |text: &'static str| move |a: clap::Arg| a.help(t(text));
    cmd.about(t(
        "A terminal workbench for the weekly review of complex B2B deals.",
    ))
    .long_about(None)
    .mut_arg(
        "workspace",
        help("The workspace file [default: workspace.json in funnel's data directory]"),
    )
    .mut_arg(
        "today",
        help("The date every date rule uses, YYYY-MM-DD [default: the local date]"),
    )
    .mut_arg(
        "lang",
        help("The language of screens, messages and reports: en or zh [default: settings.language, else LC_ALL/LC_MESSAGES/LANG]"),
    )
    .mut_subcommand(
        "init",
        about("Create the workspace (empty, or a copy of the demo); refuses to overwrite"),
    )
    .mut_subcommand(
        "demo",
        about("Open the workbench on a scratch copy of the demo pipeline (discarded on quit)"),
    )
    .mut_subcommand(
        "check",
        about("Validate the workspace; prints every problem, exit 0 if none, 2 if any"),
    )
    .mut_subcommand(
        "actions",
        about("The prioritised action list, highest score first"),
    )
    .mut_subcommand("import", |c| {
        c.about(t("Import opportunities (csv, xlsx), contacts, activities or stage history from a CRM export"))
            .mut_subcommand("activities", about("Tasks, events, calls (Salesforce Task/Event, HubSpot, Zoho, Dynamics): open ones become actions, done ones log entries, on the matching deals"))
            .mut_subcommand("history", about("Stage history (Salesforce OpportunityHistory or OpportunityFieldHistory, HubSpot, Pipedrive, Zoho, Dynamics): each matched deal's stage history becomes the file's, ending in its current stage"))
            .mut_subcommand("csv", about("A CSV export (Salesforce, HubSpot, the Maven CRM data set, funnel's own export)"))
            .mut_subcommand("xlsx", about("A spreadsheet export (xlsx; also xls, xlsb, ods), read like a CSV of one sheet"))
            .mut_subcommand("profiles", about("The saved import profiles (--save-profile), each as the options it stands for; --delete NAME removes one"))
            .mut_subcommand("contacts", about("People from a contact export (Salesforce Contact, HubSpot, Zoho, Dynamics) onto their accounts"))
    })
    .mut_subcommand(
        "export",
        about("Export the workspace: csv (one row per opportunity), json, md (a readable document), ics (open actions)"),
    )
    .mut_subcommand(
        "accounts",
        about("Accounts with tier, screening quadrant, open pipeline and warnings"),
    )
    .mut_subcommand(
        "report",
        about("The weekly pipeline report: the week of the latest review, or since the review you name"),
    )
    .mut_subcommand(
        "analysis",
        about("The sales result analysis of the deals closed in a date range: won and lost, why, where, against whom"),
    )
    .mut_subcommand(
        "flags",
        about("Red flags of open opportunities, most severe first (snoozed ones left out)"),
    )
    .mut_subcommand("list", about("List opportunities (open ones unless --all)"))
}
