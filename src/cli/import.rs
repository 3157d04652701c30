//! `funnel import csv FILE` and `funnel import xlsx FILE`: opportunities from a CRM export.

use super::import_profile::{self as profile, pair};
use super::import_table as table;
use super::{Context, Failure};
use crate::i18n::t;
use crate::import::{self, Field, Options, Problem};
use crate::store::{Store, StoreError};
use std::collections::HashMap;
use std::path::Path;

pub struct Args<'a> {
    pub file: &'a Path,
    pub map: &'a [String],
    pub stage_map: &'a [String],
    pub dry_run: bool,
    pub dates: Option<&'a str>,
    pub reading: Reading,
    /// Names the source that qualifies the file's ids (see import/source.rs).
    pub source: Option<&'a str>,
    /// The currency of a workspace the import creates, when the file names none.
    pub currency: Option<&'a str>,
    pub rates: &'a [String],
    /// Start from the options saved under this name (import_profile.rs).
    pub profile: Option<&'a str>,
    /// Store this import's options under this name when it succeeds.
    pub save_profile: Option<&'a str>,
    /// `import xlsx`: the file is a spreadsheet; read this sheet (else the first).
    pub spreadsheet: Option<Option<&'a str>>,
}

/// How to read the file's bytes: encoding, delimiter, header, nulls, bad rows.
#[derive(Debug, Default)]
pub struct Reading {
    pub encoding: Option<String>,
    pub delimiter: Option<String>,
    pub no_header: bool,
    pub nulls: Vec<String>,
    pub skip_bad_rows: bool,
}

pub(super) fn delimiter(s: &str) -> Result<u8, Failure> {
    match s {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        _ if s.len() == 1 && s.is_ascii() && s != "\"" => Ok(s.as_bytes()[0]),
        _ => Err(Failure::usage(crate::tf!(
            "--delimiter {s}: expected one character such as , ; | or the word tab",
            s = format!("{s:?}")
        ))),
    }
}

/// The problems grouped by kind (the message with its values taken out), in
/// the order of their first line: the first few of each in full, then a
/// count and the next lines, so one run shows everything to fix.
pub fn list_problems(file: &Path, problems: &[Problem]) -> String {
    const SHOWN: usize = 3;
    const LINES: usize = 10;
    let mut groups: Vec<(String, Vec<&Problem>)> = Vec::new();
    for p in problems {
        let k = kind(&p.message);
        match groups.iter_mut().find(|(g, _)| *g == k) {
            Some((_, list)) => list.push(p),
            None => groups.push((k, vec![p])),
        }
    }
    let mut out = Vec::new();
    for (_, list) in &groups {
        if list.len() > 1 {
            out.push(crate::tf!("{n} rows with this problem:", n = list.len()));
        }
        for p in list.iter().take(SHOWN) {
            out.push(format!("{}:{}: {}", file.display(), p.line, p.message));
        }
        if list.len() > SHOWN {
            let rest: Vec<String> = list[SHOWN..]
                .iter()
                .take(LINES)
                .map(|p| p.line.to_string())
                .collect();
            out.push(crate::tf!(
                "  … and {n} more like it, on lines {lines}",
                n = list.len() - SHOWN,
                lines = rest.join(", ")
                    + if list.len() > SHOWN + LINES {
                        ", …"
                    } else {
                        ""
                    }
            ));
        }
    }
    out.join("\n")
}

/// A message with its quoted values and numbers taken out: what kind of
/// problem it is.
fn kind(message: &str) -> String {
    let mut k = String::new();
    let mut quoted = false;
    for c in message.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                if quoted {
                    k.push('…');
                }
            }
            _ if quoted => {}
            '0'..='9' => {
                if !k.ends_with('#') {
                    k.push('#');
                }
            }
            c => k.push(c),
        }
    }
    k
}

/// The currency of a workspace created by an import when neither the file
/// nor `--currency` names one: the same default as `funnel init`.
const DEFAULT_CURRENCY: &str = "CNY"; // i18n-exempt: a currency code

fn rates(args: &[String]) -> Result<Vec<(String, f64)>, Failure> {
    args.iter()
        .map(|r| {
            let (c, n) = pair(r, "--rate")?;
            match n.parse::<f64>() {
                Ok(k) if k.is_finite() && k > 0.0 && !c.trim().is_empty() => {
                    Ok((c.trim().to_uppercase(), k))
                }
                _ => Err(Failure::usage(crate::tf!(
                    "--rate {r}: expected CURRENCY=N with N a positive number, e.g. --rate EUR=7.8",
                    r = format!("{r:?}")
                ))),
            }
        })
        .collect()
}

/// Id → name from an accounts export beside the file (Salesforce's
/// Account.csv), so deals get account names instead of ids.
pub(super) fn sibling_account_names(file: &Path) -> HashMap<String, String> {
    let Some(dir) = file.parent() else {
        return HashMap::new();
    };
    // i18n-exempt: file names
    for name in ["Account.csv", "Accounts.csv", "account.csv"] {
        let Ok(bytes) = std::fs::read(dir.join(name)) else {
            continue;
        };
        // exported by the same CRM as the file: the same encoding and delimiter
        let Ok(decoded) = import::decode(&bytes, None) else {
            continue;
        };
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .delimiter(import::guess_delimiter(&decoded.text))
            .from_reader(decoded.text.as_bytes());
        let Ok(headers) = reader.headers().cloned() else {
            continue;
        };
        let (Some(id), Some(nm)) = (
            headers.iter().position(|h| h == "Id"),
            headers.iter().position(|h| h == "Name"), // i18n-exempt: a column of the file
        ) else {
            continue;
        };
        return reader
            .records()
            .filter_map(|r| r.ok())
            .filter_map(|r| Some((r.get(id)?.to_owned(), r.get(nm)?.to_owned())))
            .collect();
    }
    HashMap::new()
}

/// One `--stage-map VALUE=STAGE`: the value and where it puts a deal.
pub(super) fn stage_place(value: &str, target: &str) -> Result<(String, import::Place), Failure> {
    let place = import::parse_place(&target.trim().to_lowercase()).ok_or_else(|| {
        Failure::usage(crate::tf!(
            "--stage-map \"{value}={target}\": unknown stage {quoted}, expected one of qualify, drive, propose, negotiate, close, won, lost, abandoned",
            value,
            target,
            quoted = format!("{target:?}")
        ))
    })?;
    Ok((value.to_owned(), place))
}

pub fn run(ctx: &Context, args: Args) -> Result<String, Failure> {
    // the options of this import: the profile's with the command line's on top
    let given = profile::given(&args)?;
    let used = match args.profile {
        Some(name) => profile::overlay(profile::load(&ctx.workspace, name)?, given),
        None => given,
    };
    let mut options = Options::default();
    for (column, field) in &used.map {
        let m = format!("{column}={field}");
        let field = Field::parse(&field.trim().to_lowercase()).ok_or_else(|| {
            Failure::usage(crate::tf!(
                "--map {m}: unknown field {field}, expected one of id, title, account, stage, status, closed, won, active, reason, reason_code, closed_on, value, currency, probability, expected_close, created, modified, owner, product, notes, next_step, tags, forecast_category, competitors",
                m = format!("{m:?}"),
                field = format!("{field:?}")
            ))
        })?;
        options.map.push((column.clone(), field));
    }
    for (value, target) in &used.stage_map {
        options.stage_map.push(stage_place(value, target)?);
    }
    options.dates = table::dates(used.dates.as_deref())?;
    options.source = args
        .file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    options.account_names = sibling_account_names(args.file);
    options.encoding = used.encoding.clone();
    options.delimiter = used.delimiter.as_deref().map(delimiter).transpose()?;
    options.no_header = used.no_header;
    options.nulls = used.nulls.clone();
    options.skip_bad_rows = used.skip_bad_rows;
    let bytes = crate::store::guard::read_regular(args.file, t("read the file to import"))?;
    let given_rates: Vec<String> = used.rates.iter().map(|(c, n)| format!("{c}={n}")).collect();
    let rates = rates(&given_rates)?;
    let read = match args.spreadsheet {
        None => import::read_all(&bytes, &options),
        Some(sheet) => import::read_cells(table::sheet_cells(args.file, &bytes, sheet)?, &options),
    };
    let mut read = read.map_err(|f| table::failed(args.file, &f))?;
    // say how the file was read when it was a guess, so a wrong guess is seen
    let reading_notes = table::reading_notes(
        args.file,
        (
            read.encoding.as_deref(),
            read.delimiter,
            options.delimiter.is_none(),
        ),
        &read.skipped,
    ) + &match read.footer {
        0 => String::new(),
        n => crate::tf!(
            "left out {n} lines after the last row with one cell each (a report's footer)\n",
            n
        ),
    };
    // a missing workspace is created only when there is something to save;
    // a dry run saves nothing, so it reads without the lock
    let opened = if args.dry_run {
        crate::store::read(&ctx.workspace).map(|p| (None, p.workspace))
    } else {
        Store::open(&ctx.workspace, &ctx.data_dir).map(|(store, ws)| (Some(store), ws))
    };
    let (mut store, mut ws) = match opened {
        Ok(opened) => opened,
        Err(StoreError::Missing(_) | StoreError::DanglingLink { .. }) => {
            (None, crate::domain::Workspace::new("", ""))
        }
        Err(e) => return Err(e.into()),
    };
    ctx.use_settings(&ws.settings);
    if let Some(r) = store.as_ref().and_then(|s| s.read_only()) {
        return Err(Failure::runtime(crate::tf!("{r}: nothing was imported", r)));
    }
    // a workspace without a currency (new, or made by an older import) takes
    // the file's single currency, else --currency, else the stated default
    let mut notes = Vec::new();
    // the default chosen for a file in several currencies: the error about
    // their rates offers --currency too
    let mut defaulted = false;
    if ws.settings.currency.trim().is_empty() {
        let (currency, why) = match (
            import::single_currency(&read.rows),
            used.currency.as_deref(),
        ) {
            (Some(c), _) => (c, t("the file's currency column")),
            (None, Some(c)) => (c.trim().to_uppercase(), "--currency"),
            (None, None) => {
                defaulted = true;
                (
                    DEFAULT_CURRENCY.to_owned(),
                    t("the default; choose with --currency"),
                )
            }
        };
        notes.push(crate::tf!(
            "workspace currency: {currency} ({why})",
            currency,
            why
        ));
        ws.settings.currency = currency;
    }
    import::convert_currency(&mut read.rows, &ws.settings.currency, &rates).map_err(|m| {
        let choose = match defaulted.then(|| import::most_rows_currency(&read.rows)).flatten() {
            Some(c) => crate::tf!(
                "\nor make {c} the new workspace's currency with --currency {c} and give rates for the others",
                c
            ),
            None => String::new(),
        };
        Failure::usage(crate::tf!(
            "{file}: {m}{choose}\nnothing was imported",
            file = args.file.display(),
            m,
            choose
        ))
    })?;
    let source = match used.source.as_deref() {
        Some(s) if !s.trim().is_empty() => s.trim().to_owned(),
        _ => import::guess_source(&read.columns, args.file),
    };
    let record_id_column = import::check_id_column(&ws, &source, &read).map_err(|m| {
        Failure::usage(crate::tf!(
            "{file}: {m}\nnothing was imported",
            file = args.file.display(),
            m
        ))
    })?;
    if record_id_column {
        let column = read.columns.get(&Field::SourceId).cloned();
        let settings = &mut ws.settings.import_id_columns;
        settings.insert(source.clone(), column.unwrap_or_default());
    }
    let summary = import::merge(&mut ws, &read, &source, ctx.today);
    let text = crate::tf!(
        "{rows} rows from {file}: {added} added, {updated} updated, {unchanged} unchanged; {accounts} accounts created",
        rows = read.rows.len(),
        file = args.file.display(),
        added = summary.added,
        updated = summary.updated,
        unchanged = summary.unchanged,
        accounts = summary.accounts_added
    );
    let report = super::import_report::lines(&read, &source, &summary, &notes);
    if args.dry_run {
        // a dry run saves nothing, a profile neither: it is stored with the
        // import it describes, so a stored profile is one that worked
        let unsaved = match args.save_profile {
            Some(name) => crate::tf!(
                "import profile {name} not saved (dry run)\n",
                name = format!("{name:?}")
            ),
            None => String::new(),
        };
        // freed by the system when the command exits (see `Context::read`)
        std::mem::forget((read, ws));
        return Ok(reading_notes
            + &unsaved
            + &crate::tf!(
                "dry run, nothing saved: {text}\nplan: {add} to add, {update} to update, {skip} to skip (unchanged), {collisions} colliding rows kept apart\n",
                text,
                add = summary.added,
                update = summary.updated,
                skip = summary.unchanged,
                collisions = summary.collisions.len()
            )
            + &report);
    }
    // the profile is saved with the import, in the same atomic save
    let (profile_saved, saved_line) = match args.save_profile {
        Some(name) => (
            profile::store(&mut ws, name, used),
            crate::tf!(
                "\nsaved these options as import profile {quoted} (--profile {name})",
                quoted = format!("{name:?}"),
                name
            ),
        ),
        None => (false, String::new()),
    };
    if summary.added + summary.updated + summary.accounts_added > 0
        || !notes.is_empty()
        || profile_saved
        || record_id_column
    {
        match store.as_mut() {
            Some(store) => store.save(&ws)?,
            None => drop(Store::create(&ctx.workspace, &ws, &ctx.data_dir)?),
        }
    }
    // freed by the system when the command exits (see `Context::read`): the
    // rows and deals of a large import are many small allocations
    std::mem::forget((read, ws));
    Ok(reading_notes + &crate::tf!("imported {text}", text) + "\n" + &report + &saved_line)
}
