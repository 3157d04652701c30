//! The command line (spec section 2, a contract). Each subcommand is a small
//! module that turns a workspace into text; this file parses the arguments,
//! finds the workspace and today's date, and maps failures to exit statuses.

pub mod accounts;
pub mod actions;
pub mod agenda;
pub mod analysis;
pub mod check;
pub mod csv_out;
pub mod export;
pub mod flags;
pub mod forecast;
pub mod git_setup;
pub mod help_zh;
pub mod ics;
pub mod import;
mod import_activities;
mod import_contacts;
mod import_history;
mod import_profile;
mod import_report;
mod import_table;
pub mod init;
pub mod json_out;
pub mod list;
mod md_doc;
pub mod merge;
pub mod overview;
pub mod plan;
pub mod report;
mod report_accounts;
pub mod sheet;
pub mod table;
pub mod team;
mod team_forecast;
mod team_lists;
mod team_report;
pub mod workbench;

use crate::domain::week::Since;
use crate::domain::{Date, Stage};
use crate::i18n::{self, Lang, Locale};
use crate::store::{self, StoreError};
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "funnel",
    version,
    // i18n-exempt: the Chinese is put in by help_zh (doc comments' table)
    about = "A terminal workbench for the weekly review of complex B2B deals.",
    // i18n-exempt: the Chinese is put in by help_zh
    long_about = "A terminal workbench for the weekly review of complex B2B deals: the pipeline by stage, \
who influences each decision, what puts a deal at risk, and what to do next.\n\n\
With no command, opens the workbench (or, when not run in a terminal, prints an overview of the pipeline)."
)]
pub struct Cli {
    /// The workspace file [default: workspace.json in funnel's data directory]
    #[arg(long, global = true, env = "FUNNEL_WORKSPACE", value_name = "PATH")]
    pub workspace: Vec<PathBuf>,

    /// The date every date rule uses, YYYY-MM-DD [default: the local date]
    #[arg(long, global = true, env = "FUNNEL_TODAY", value_name = "DATE", value_parser = parse_date)]
    pub today: Option<Date>,

    /// The language of screens, messages and reports: en or zh [default: settings.language, else LC_ALL/LC_MESSAGES/LANG]
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

// `Import` carries every option of `import csv`; the command is parsed once,
// so its size does not matter and boxing would only obscure the match below.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Create the workspace (empty, or a copy of the demo); refuses to overwrite
    Init {
        /// Start from the bundled demo pipeline, its dates moved to today
        #[arg(long)]
        demo: bool,
        /// Your name, the owner of new opportunities (empty workspace only)
        #[arg(long, conflicts_with = "demo")]
        owner: Option<String>,
        /// The workspace currency, e.g. CNY, EUR, USD (empty workspace only)
        #[arg(long, conflicts_with = "demo", default_value = "CNY")]
        currency: String,
    },
    /// Open the workbench on a scratch copy of the demo pipeline (discarded on quit)
    Demo,
    /// Validate the workspace; prints every problem, exit 0 if none, 2 if any
    Check,
    /// The prioritised action list, highest score first
    Actions {
        /// Only the first N entries
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// How to print it
        #[arg(long, value_enum, default_value_t = actions::Format::Table)]
        format: actions::Format,
    },
    /// Import opportunities (csv, xlsx), contacts, activities or stage history from a CRM export
    Import {
        #[command(subcommand)]
        what: ImportKind,
    },
    /// Export the workspace: csv (one row per opportunity), json, md (a readable document), ics (open actions)
    Export {
        /// What to export
        #[arg(value_enum)]
        format: export::Format,
        /// Write to this file instead of standard output
        #[arg(short = 'o', value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Accounts with tier, screening quadrant, open pipeline and warnings
    Accounts {
        /// How to print it
        #[arg(long, value_enum, default_value_t = accounts::Format::Table)]
        format: accounts::Format,
    },
    /// The account plan for a key-account review: profile, purchase history, needs and decision process, last year against this year, strategy, resources, goals, credit, customer feedback, open deals, warnings, action timeline, work log
    Plan {
        /// The account's id or its name (`funnel accounts` shows them)
        account: String,
        /// How to print it: md to paste, json to script
        #[arg(long, value_enum, default_value_t = plan::Format::Md)]
        format: plan::Format,
    },
    /// The weekly pipeline report: the week of the latest review, or since the review you name
    Report {
        /// How to print it
        #[arg(long, value_enum, default_value_t = report::Format::Md)]
        format: report::Format,
        /// Compare with the latest review on or before DATE, or with the one before the latest (`previous`)
        #[arg(long, value_name = "DATE|previous", value_parser = parse_since)]
        since: Option<Since>,
    },
    /// The sales result analysis of the deals closed in a date range: won and lost, why, where, against whom
    Analysis {
        /// The first day of the range, YYYY-MM-DD [default: 364 days before --to]
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        from: Option<Date>,
        /// The last day of the range, YYYY-MM-DD [default: today]
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        to: Option<Date>,
        /// How to print it
        #[arg(long, value_enum, default_value_t = analysis::Format::Table)]
        format: analysis::Format,
    },
    /// The forecast against the target of a quarter or a month: won, commit, best case, pipeline, the gap and the coverage, and what moved since the review
    Forecast {
        /// The period: a quarter like 2026-Q4 or a month like 2026-12 [default: the quarter of today]
        #[arg(long, value_name = "PERIOD", value_parser = parse_period)]
        period: Option<crate::domain::Period>,
        /// Only this owner's deals and target [default: everyone's]
        #[arg(long, value_name = "NAME")]
        owner: Option<String>,
        /// How to print it
        #[arg(long, value_enum, default_value_t = forecast::Format::Table)]
        format: forecast::Format,
    },
    /// The deal's strategy one-pager (the Blue Sheet) for a deal review: position, objective, buying influences, red flags and strengths, competition, decision criteria, close plan, best actions
    Sheet {
        /// The opportunity's id (`funnel list --all` shows them)
        id: String,
        /// How to print it: md to paste, json to script
        #[arg(long, value_enum, default_value_t = sheet::Format::Md)]
        format: sheet::Format,
    },
    /// The agenda: the open actions due in the next days, by day and time, each with its deal, person and call plan; overdue ones first
    Agenda {
        /// How many days, today included: 1 to 366
        #[arg(long, value_name = "N", default_value_t = agenda::DEFAULT_DAYS, value_parser = agenda::parse_days)]
        days: u32,
        /// How to print it: table to read, json to script, ics for a calendar (the coming days only)
        #[arg(long, value_enum, default_value_t = agenda::Format::Table)]
        format: agenda::Format,
    },
    /// Red flags of open opportunities, most severe first (snoozed ones left out)
    Flags {
        /// Only this opportunity
        #[arg(long, value_name = "ID")]
        opportunity: Option<String>,
        /// How to print it
        #[arg(long, value_enum, default_value_t = flags::Format::Table)]
        format: flags::Format,
    },
    /// Git's merge driver for a workspace: merges BASE, OURS and THEIRS record by record into OURS; exit 0, or 1 when a field changed differently on both sides (kept ours, recorded in "conflicts"). Wired by `funnel git-setup`
    Merge {
        /// The common ancestor (git's %O; an empty file when both sides added the workspace)
        base: PathBuf,
        /// Our version (git's %A), replaced by the merge
        ours: PathBuf,
        /// Their version (git's %B)
        theirs: PathBuf,
        /// The workspace's path in the repository (git's %P), for messages
        pathname: Option<String>,
    },
    /// Make git merge the workspace with `funnel merge`: adds its line to the repository's .gitattributes and sets the driver in git config (once in each clone)
    GitSetup {
        /// Wire these files instead of the workspace: a pattern from the repository's root, like sellers/*.json (the repository of the current folder, unless --workspace is given)
        #[arg(long, value_name = "GLOB")]
        pattern: Option<String>,
    },
    /// The report, forecast, red flags or actions of several workspaces at once (a team's), each item with its owner
    Team {
        #[command(subcommand)]
        what: team::TeamKind,
    },
    /// List opportunities (open ones unless --all)
    List {
        /// Only this stage
        #[arg(long, value_name = "STAGE", value_parser = parse_stage)]
        stage: Option<Stage>,
        /// Only this account (its id, or its exact name)
        #[arg(long, value_name = "ID")]
        account: Option<String>,
        /// Include won, lost and abandoned opportunities
        #[arg(long)]
        all: bool,
        /// How to print it
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
}

/// What `import csv` and `import xlsx` share: the file and every option
/// of the deals' import but the reading of bytes (encoding, delimiter).
#[derive(clap::Args, Debug)]
pub struct DealImport {
    /// The exported file to read (CSV, or a spreadsheet by its extension)
    file: PathBuf,
    /// Read column COLUMN as FIELD (id, title, account, stage, status, closed, won, active, reason, reason_code, closed_on, value, currency, probability, expected_close, created, modified, owner, product, notes, next_step, tags, forecast_category, competitors)
    #[arg(long = "map", value_name = "COLUMN=FIELD")]
    map: Vec<String>,
    /// Map the stage value VALUE to STAGE (qualify … close, won, lost, abandoned)
    #[arg(long = "stage-map", value_name = "VALUE=STAGE")]
    stage_map: Vec<String>,
    /// Print what would change, save nothing
    #[arg(long)]
    dry_run: bool,
    /// How to read dates like 03/04/2026: dmy or mdy (only when the file does not show it; spreadsheet date cells need nothing)
    #[arg(long, value_name = "dmy|mdy")]
    dates: Option<String>,
    /// The first line is data: columns are named 1, 2, … for --map
    #[arg(long)]
    no_header: bool,
    /// Read a cell with this text as empty (besides \N and NULL); repeatable
    #[arg(long = "null", value_name = "TEXT")]
    null: Vec<String>,
    /// Leave out rows that cannot be read (listed), import the rest
    #[arg(long)]
    skip_bad_rows: bool,
    /// The system the file comes from; its ids match only deals imported from it [default: the CRM recognised from the header, else the file name]
    #[arg(long, value_name = "NAME")]
    source: Option<String>,
    /// The currency of a workspace this import creates, when the file has no currency column [default: CNY]
    #[arg(long, value_name = "CODE")]
    currency: Option<String>,
    /// Convert rows in CURRENCY to the workspace's at N (1 CURRENCY = N)
    #[arg(long = "rate", value_name = "CURRENCY=N")]
    rate: Vec<String>,
    /// Use the options saved under NAME; options given here add to or replace them
    #[arg(long, value_name = "NAME")]
    profile: Option<String>,
    /// Save this import's options (with --profile's) under NAME, when the import succeeds
    #[arg(long, value_name = "NAME")]
    save_profile: Option<String>,
}

impl DealImport {
    /// Runs the import; `encoding` and `delimiter` only for a CSV, `sheet`
    /// (`Some`, naming a sheet or not) only for a spreadsheet.
    fn run(
        self,
        ctx: &Context,
        (encoding, delimiter): (Option<String>, Option<String>),
        sheet: Option<Option<String>>,
    ) -> Result<Output, Failure> {
        import::run(
            ctx,
            import::Args {
                file: &self.file,
                map: &self.map,
                stage_map: &self.stage_map,
                dry_run: self.dry_run,
                dates: self.dates.as_deref(),
                reading: import::Reading {
                    encoding,
                    delimiter,
                    no_header: self.no_header,
                    nulls: self.null,
                    skip_bad_rows: self.skip_bad_rows,
                },
                source: self.source.as_deref(),
                currency: self.currency.as_deref(),
                rates: &self.rate,
                profile: self.profile.as_deref(),
                save_profile: self.save_profile.as_deref(),
                spreadsheet: sheet.as_ref().map(|s| s.as_deref()),
            },
        )
        .map(Output::from)
    }
}

#[derive(Subcommand, Debug)]
pub enum ImportKind {
    /// Tasks, events, calls (Salesforce Task/Event, HubSpot, Zoho, Dynamics): open ones become actions, done ones log entries, on the matching deals
    Activities {
        #[command(flatten)]
        table: TableImport,
        /// The system the deals were imported from; their ids are matched in it [default: recognised from the header, else any]
        #[arg(long, value_name = "NAME")]
        source: Option<String>,
        /// How to read dates like 03/04/2026: dmy or mdy (spreadsheet date cells need nothing)
        #[arg(long, value_name = "dmy|mdy")]
        dates: Option<String>,
    },
    /// Stage history (Salesforce OpportunityHistory or OpportunityFieldHistory, HubSpot, Pipedrive, Zoho, Dynamics): each matched deal's stage history becomes the file's, ending in its current stage
    History {
        #[command(flatten)]
        table: TableImport,
        /// Read stage VALUE as STAGE (qualify, drive, propose, negotiate, close, won, lost, abandoned); repeatable
        #[arg(long = "stage-map", value_name = "VALUE=STAGE")]
        stage_map: Vec<String>,
        /// The system the deals were imported from; their ids are matched in it [default: recognised from the header, else any]
        #[arg(long, value_name = "NAME")]
        source: Option<String>,
        /// How to read dates like 03/04/2026: dmy or mdy (spreadsheet date cells need nothing)
        #[arg(long, value_name = "dmy|mdy")]
        dates: Option<String>,
    },
    /// A CSV export (Salesforce, HubSpot, the Maven CRM data set, funnel's own export)
    Csv {
        #[command(flatten)]
        deals: DealImport,
        /// Read the file in this encoding (utf-8, utf-16le, gbk, gb18030, windows-1252, latin1, …) [default: detected]
        #[arg(long, value_name = "NAME")]
        encoding: Option<String>,
        /// The separator between cells: a character or `tab` [default: detected among , ; tab |]
        #[arg(long, value_name = "C")]
        delimiter: Option<String>,
    },
    /// A spreadsheet export (xlsx; also xls, xlsb, ods), read like a CSV of one sheet
    Xlsx {
        #[command(flatten)]
        deals: DealImport,
        /// The sheet to read [default: the first]
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
    },
    /// The saved import profiles (--save-profile), each as the options it stands for; --delete NAME removes one
    Profiles {
        /// Remove this profile
        #[arg(long, value_name = "NAME")]
        delete: Option<String>,
    },
    /// People from a contact export (Salesforce Contact, HubSpot, Zoho, Dynamics) onto their accounts
    Contacts {
        #[command(flatten)]
        table: TableImport,
        /// Also add each contact to the open deals of its account, as an influence without a role
        #[arg(long)]
        to_deals: bool,
        /// The system the file comes from; its ids match only contacts imported from it [default: the CRM recognised from the header, else the file name]
        #[arg(long, value_name = "NAME")]
        source: Option<String>,
    },
}

/// What `import contacts`, `import activities` and `import history` share: the file (a CSV,
/// or a spreadsheet by its extension) and how to read it, as the deals'
/// import reads its own (see import_table.rs).
#[derive(clap::Args, Debug)]
pub struct TableImport {
    /// The exported file to read (CSV, or a spreadsheet by its extension)
    file: PathBuf,
    /// Read column COLUMN as FIELD; repeatable. Contacts: id, name, first, last, title, email, phone, account. Activities: id, subject, kind, deal_id, deal, due, completed, status, closed, description, created, account, who. History: deal_id, deal, stage, date, field
    #[arg(long = "map", value_name = "COLUMN=FIELD")]
    map: Vec<String>,
    /// Print what would change, save nothing
    #[arg(long)]
    dry_run: bool,
    /// The first line is data: columns are named 1, 2, … for --map
    #[arg(long)]
    no_header: bool,
    /// Read a cell with this text as empty (besides \N and NULL); repeatable
    #[arg(long = "null", value_name = "TEXT")]
    null: Vec<String>,
    /// Leave out rows that cannot be read (listed), import the rest
    #[arg(long)]
    skip_bad_rows: bool,
    /// Read the file in this encoding [default: detected]
    #[arg(long, value_name = "NAME")]
    encoding: Option<String>,
    /// The separator between cells: a character or `tab` [default: detected]
    #[arg(long, value_name = "C")]
    delimiter: Option<String>,
    /// The sheet to read, when FILE is a spreadsheet (.xlsx, .xlsm, .xls, .xlsb, .ods) [default: the first]
    #[arg(long, value_name = "NAME")]
    sheet: Option<String>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListFormat {
    Table,
    Csv,
    Json,
}

fn parse_date(s: &str) -> Result<Date, String> {
    // the language is set from --lang and the environment before parsing
    Date::parse(s)
        .ok_or_else(|| crate::tf!("expected a date YYYY-MM-DD, got {s}", s = format!("{s:?}")))
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| crate::tf!("expected en or zh, got {s}", s = format!("{s:?}")))
}

fn parse_since(s: &str) -> Result<Since, String> {
    if s == "previous" {
        return Ok(Since::Previous);
    }
    Date::parse(s).map(Since::Date).ok_or_else(|| {
        crate::tf!(
            "expected a date YYYY-MM-DD or `previous`, got {s}",
            s = format!("{s:?}")
        )
    })
}

fn parse_period(s: &str) -> Result<crate::domain::Period, String> {
    crate::domain::Period::parse(s).ok_or_else(|| crate::domain::period::unknown(s))
}

fn parse_stage(s: &str) -> Result<Stage, String> {
    Stage::parse(s).ok_or_else(|| Stage::unknown_message(s))
}

/// What a command prints on standard output, and its exit status (`check`
/// prints the problems it found and still exits 2).
#[derive(Debug)]
pub struct Output {
    pub text: String,
    pub code: u8,
    /// JSON written by `json_out`, printed after `text` as it is: every
    /// character that could fool a terminal is escaped in it already, so
    /// the 21 MB of `flags --format json` at 10,000 deals skip the
    /// cleaning scan and a copy into one string.
    pub escaped: Vec<Vec<u8>>,
}

impl Output {
    pub fn new(text: String, code: u8) -> Output {
        Output {
            text,
            code,
            escaped: Vec::new(),
        }
    }
}

impl From<String> for Output {
    fn from(text: String) -> Output {
        Output::new(text, 0)
    }
}

/// A failure of a command: what to print, and the exit status.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    /// Bad usage or invalid data: exit status 2.
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: 2,
            message: message.into(),
        }
    }
    /// A failure at run time: exit status 1.
    pub fn runtime(message: impl Into<String>) -> Failure {
        Failure {
            code: 1,
            message: message.into(),
        }
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Failure {
        Failure {
            code: e.exit_code(),
            message: e.to_string(),
        }
    }
}

/// What every command gets: where the workspace is, and what day it is.
pub struct Context {
    pub workspace: PathBuf,
    /// Every `--workspace` given (the team view when [`Context::is_team`]).
    pub workspaces: Vec<PathBuf>,
    pub data_dir: PathBuf,
    pub today: Date,
    /// `--lang`, which wins over the workspace's `settings.language`.
    pub lang: Option<Lang>,
}

impl Context {
    fn from_cli(cli: &Cli) -> Result<Context, Failure> {
        let data_dir = store::paths::data_dir();
        let workspace = match (cli.workspace.first(), &data_dir) {
            (Some(p), _) => p.clone(),
            (None, Some(d)) => d.join("workspace.json"),
            (None, None) => {
                return Err(Failure::runtime(i18n::t(
                    "cannot find a data directory for funnel (is HOME set?); pass --workspace PATH",
                )));
            }
        };
        // Without a data directory, backups go beside the workspace.
        let data_dir = data_dir.unwrap_or_else(|| {
            workspace
                .parent()
                .map(|p| p.join(".funnel"))
                .unwrap_or_else(|| ".funnel".into())
        });
        let today = cli
            .today
            .unwrap_or_else(|| Date(chrono::Local::now().date_naive()));
        Ok(Context {
            workspace,
            workspaces: distinct(&cli.workspace),
            data_dir,
            today,
            lang: cli.lang,
        })
    }

    /// Reads the workspace for a headless command, with a note on standard
    /// error when it was written by a newer funnel.
    ///
    /// The workspace is leaked on purpose: a headless command reads it once
    /// and exits right after printing, and freeing its hundreds of thousands
    /// of small allocations cost 35 ms at 10,000 deals (and glibc's
    /// consolidation then charged ~50 ms more to the next large allocation),
    /// for memory the system takes back at exit anyway.
    pub fn read(&self) -> Result<&'static store::Parsed, Failure> {
        let parsed = keep(store::read(&self.workspace)?);
        self.use_settings(&parsed.workspace.settings);
        if let Some(found) = parsed.newer_version {
            newer_note(&self.workspace, found);
        }
        Ok(parsed)
    }
}

/// The note on standard error for a workspace written by a newer funnel.
fn newer_note(path: &std::path::Path, found: u64) {
    let note = crate::tf!(
        "funnel: note: {path} is format version {found}, written by a newer funnel (this one knows up to {known}); showing what this version understands, and it opens read-only\n",
        path = path.display(),
        found,
        known = crate::domain::VERSION
    );
    write_out(&mut std::io::stderr(), &note);
}

/// The paths given, each file once (the same file named twice, or through
/// a link, is one workspace, not a team of one).
fn distinct(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut seen = std::collections::HashSet::new();
    paths
        .iter()
        .filter(|p| seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| (*p).clone())))
        .cloned()
        .collect()
}

impl Context {
    /// Several `--workspace`s, or a folder: the team's workspaces, which
    /// only the workbench (read-only) and `funnel team` read together.
    pub fn is_team(&self) -> bool {
        self.workspaces.len() > 1 || self.workspaces.first().is_some_and(|p| p.is_dir())
    }

    /// Speaks the language spec section 12 picks for this workspace:
    /// `--lang`, else its `settings.language`, else the environment.
    pub fn use_settings(&self, settings: &crate::domain::workspace::Settings) {
        i18n::set(Locale::resolve(
            self.lang,
            &settings.language,
            &settings.number_style,
        ));
    }
}

/// Runs `f` in English when `english` (JSON and CSV: the same bytes in
/// every language, spec section 12), else in the thread's language.
pub(crate) fn english_if<R>(english: bool, f: impl FnOnce() -> R) -> R {
    if english {
        i18n::with(Locale::ENGLISH, f)
    } else {
        f()
    }
}

/// Never frees `value`: for what a headless command reads once and holds
/// until it exits (see [`Context::read`]).
pub(crate) fn keep<T>(value: T) -> &'static T {
    Box::leak(Box::new(value))
}

/// Runs the parsed command line and returns the exit status.
pub fn run(mut cli: Cli) -> ExitCode {
    // until the workspace is read, --lang or the environment decides
    i18n::set(Locale::resolve(cli.lang, "", ""));
    let result = match cli.command.take() {
        // git's driver names its three files: no workspace, no data folder
        Some(Command::Merge {
            base,
            ours,
            theirs,
            pathname,
        }) => merge::run(
            &merge::Args {
                base: &base,
                ours: &ours,
                theirs: &theirs,
                pathname: pathname.as_deref(),
            },
            cli.lang,
        ),
        Some(Command::GitSetup { pattern }) => Context::from_cli(&cli).and_then(|ctx| {
            git_setup::run(&git_setup::Args {
                workspace: &ctx.workspace,
                pattern: pattern.as_deref(),
                workspace_given: !cli.workspace.is_empty(),
            })
        }),
        command => Context::from_cli(&cli).and_then(|ctx| dispatch(&ctx, command)),
    };
    match result {
        Ok(out) => {
            write_out(&mut std::io::stdout(), &out.text);
            write_escaped(&out.escaped);
            ExitCode::from(out.code)
        }
        Err(f) => {
            // i18n-exempt: the program's name before its message
            write_out(&mut std::io::stderr(), &format!("funnel: {}\n", f.message));
            ExitCode::from(f.code)
        }
    }
}

/// Prints a command-line parsing error (or help, or the version) cleaned,
/// with clap's exit status.
pub fn usage_error(e: clap::Error) -> ExitCode {
    let text = match i18n::lang() {
        Lang::Zh => help_zh::error(&e).unwrap_or_else(|| e.render().to_string()),
        Lang::En => e.render().to_string(),
    };
    if e.use_stderr() {
        write_out(&mut std::io::stderr(), &text);
    } else {
        write_out(&mut std::io::stdout(), &text);
    }
    ExitCode::from(e.exit_code().clamp(0, 255) as u8)
}

/// The last stop before the terminal: control and bidi-override characters
/// are removed from everything printed (JSON is already escaped, so it
/// passes unchanged), and a closed pipe (`funnel list | head`) is not an
/// error worth a panic. Cleaned while written: what needs nothing goes
/// straight through the buffer.
fn write_out(to: &mut dyn std::io::Write, text: &str) {
    use std::io::Write;
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, to);
    let _ = crate::text::write_clean_lines(&mut out, text).and_then(|()| out.flush());
}

/// Prints what `json_out` escaped as it is (a closed pipe ends it quietly).
fn write_escaped(pieces: &[Vec<u8>]) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = pieces
        .iter()
        .try_for_each(|p| out.write_all(p))
        .and_then(|()| out.flush());
}

fn dispatch(ctx: &Context, command: Option<Command>) -> Result<Output, Failure> {
    // `funnel team` names its workspaces itself: a folder (or several) in
    // FUNNEL_WORKSPACE or --workspace does not stand in its way
    if ctx.is_team() && !matches!(command, Some(Command::Team { .. })) {
        return match command {
            None if workbench::interactive() => workbench::open_team(ctx),
            // every other command reads or writes one workspace
            _ if ctx.workspaces.len() > 1 => Err(Failure::usage(i18n::t(
                "give one --workspace; for a team use `funnel team report|forecast|flags|actions PATH...`",
            ))),
            // one folder: what it is (as for any path that is no file),
            // and where a team's folder goes
            _ => {
                let what = StoreError::NotAFile {
                    path: ctx.workspace.clone(),
                    kind: "a folder",
                };
                Err(Failure::usage(crate::tf!(
                    "{what}; {hint}",
                    what,
                    hint = i18n::t(
                        "for a team use `funnel team report|forecast|flags|actions PATH...`"
                    )
                )))
            }
        };
    }
    match command {
        None if workbench::interactive() => workbench::open(ctx),
        None => overview::run(ctx).map(Output::from),
        Some(Command::Demo) => workbench::demo(ctx),
        Some(Command::Init {
            demo,
            owner,
            currency,
        }) => init::run(ctx, demo, owner.as_deref().unwrap_or(""), &currency).map(Output::from),
        Some(Command::Check) => check::run(ctx),
        Some(Command::Accounts { format }) => accounts::run(ctx, format).map(Output::from),
        Some(Command::Import {
            what:
                ImportKind::Activities {
                    table,
                    source,
                    dates,
                },
        }) => import_activities::run(ctx, &table, source.as_deref(), dates.as_deref())
            .map(Output::from),
        Some(Command::Import {
            what:
                ImportKind::History {
                    table,
                    stage_map,
                    source,
                    dates,
                },
        }) => import_history::run(ctx, &table, &stage_map, source.as_deref(), dates.as_deref())
            .map(Output::from),
        Some(Command::Import {
            what:
                ImportKind::Csv {
                    deals,
                    encoding,
                    delimiter,
                },
        }) => deals.run(ctx, (encoding, delimiter), None),
        // a spreadsheet has cells, not bytes: no encoding or delimiter
        Some(Command::Import {
            what: ImportKind::Xlsx { deals, sheet },
        }) => deals.run(ctx, (None, None), Some(sheet)),
        Some(Command::Import {
            what:
                ImportKind::Contacts {
                    table,
                    to_deals,
                    source,
                },
        }) => import_contacts::run(ctx, &table, to_deals, source.as_deref()).map(Output::from),
        Some(Command::Import {
            what: ImportKind::Profiles { delete },
        }) => import_profile::run(ctx, delete.as_deref()).map(Output::from),
        Some(Command::Export { format, out }) => {
            export::run(ctx, format, out.as_deref()).map(Output::from)
        }
        Some(Command::Analysis { from, to, format }) => {
            analysis::run(ctx, from, to, format).map(Output::from)
        }
        Some(Command::Forecast {
            period,
            owner,
            format,
        }) => forecast::run(ctx, period, owner.as_deref(), format).map(Output::from),
        Some(Command::Plan { account, format }) => {
            plan::run(ctx, &account, format).map(Output::from)
        }
        Some(Command::Sheet { id, format }) => sheet::run(ctx, &id, format).map(Output::from),
        Some(Command::Agenda { days, format }) => agenda::run(ctx, days, format).map(Output::from),
        Some(Command::Report { format, since }) => {
            report::run(ctx, format, since.unwrap_or(Since::Latest)).map(Output::from)
        }
        Some(Command::Actions { limit, format }) => {
            actions::run(ctx, limit, format).map(Output::from)
        }
        Some(Command::Flags {
            opportunity,
            format,
        }) => flags::run(ctx, opportunity.as_deref(), format),
        // run by `run` itself, without a context
        Some(Command::Merge { .. } | Command::GitSetup { .. }) => {
            unreachable!("merge and git-setup are run before the context")
        }
        Some(Command::Team { what }) => team::run(ctx, what),
        Some(Command::List {
            stage,
            account,
            all,
            format,
        }) => list::run(
            ctx,
            &list::Filter {
                stage,
                account,
                all,
            },
            format,
        )
        .map(Output::from),
    }
}
