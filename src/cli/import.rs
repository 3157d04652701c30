//! `funnel import csv FILE`: opportunities from a CRM export.

use super::{Context, Failure};
use crate::import::{self, DateOrder, Field, Options};
use crate::store::{Store, StoreError};
use std::collections::HashMap;
use std::path::Path;

pub struct Args<'a> {
    pub file: &'a Path,
    pub map: &'a [String],
    pub stage_map: &'a [String],
    pub dry_run: bool,
    pub dates: Option<&'a str>,
}

fn pair(s: &str, what: &str) -> Result<(String, String), Failure> {
    s.rsplit_once('=')
        .map(|(a, b)| (a.to_owned(), b.trim().to_lowercase()))
        .ok_or_else(|| Failure::usage(format!("{what} {s:?}: expected VALUE=TARGET")))
}

/// Id → name from an accounts export beside the file (Salesforce's
/// Account.csv), so deals get account names instead of ids.
fn sibling_account_names(file: &Path) -> HashMap<String, String> {
    let Some(dir) = file.parent() else {
        return HashMap::new();
    };
    for name in ["Account.csv", "Accounts.csv", "account.csv"] {
        let Ok(bytes) = std::fs::read(dir.join(name)) else {
            continue;
        };
        let bytes = bytes
            .strip_prefix(&[0xEF, 0xBB, 0xBF])
            .unwrap_or(&bytes)
            .to_vec();
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(bytes.as_slice());
        let Ok(headers) = reader.headers().cloned() else {
            continue;
        };
        let (Some(id), Some(nm)) = (
            headers.iter().position(|h| h == "Id"),
            headers.iter().position(|h| h == "Name"),
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

pub fn run(ctx: &Context, args: Args) -> Result<String, Failure> {
    let mut options = Options::default();
    for m in args.map {
        let (column, field) = pair(m, "--map")?;
        let field = Field::parse(&field).ok_or_else(|| {
            Failure::usage(format!("--map {m:?}: unknown field {field:?}, expected one of id, title, account, stage, status, value, probability, expected_close, created, owner, product, notes, next_step, tags"))
        })?;
        options.map.push((column, field));
    }
    for m in args.stage_map {
        let (value, target) = pair(m, "--stage-map")?;
        let place = import::parse_place(&target).ok_or_else(|| {
            Failure::usage(format!("--stage-map {m:?}: unknown stage {target:?}, expected one of qualify, drive, propose, negotiate, close, won, lost, abandoned"))
        })?;
        options.stage_map.push((value, place));
    }
    options.dates = match args.dates {
        None => None,
        Some("dmy") => Some(DateOrder::DayMonth),
        Some("mdy") => Some(DateOrder::MonthDay),
        Some(other) => {
            return Err(Failure::usage(format!(
                "--dates {other:?}: expected dmy or mdy"
            )));
        }
    };
    options.source = args
        .file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    options.account_names = sibling_account_names(args.file);
    let bytes = crate::store::guard::read_regular(args.file, "read the file to import")?;
    let rows = import::read(&bytes, &options).map_err(|problems| {
        let shown: Vec<String> = problems
            .iter()
            .take(20)
            .map(|p| format!("{}:{}: {}", args.file.display(), p.line, p.message))
            .collect();
        let more = problems.len().saturating_sub(20);
        Failure::usage(format!(
            "{}{}\nnothing was imported",
            shown.join("\n"),
            if more > 0 {
                format!("\n({more} more problems)")
            } else {
                String::new()
            }
        ))
    })?;
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
    if let Some(r) = store.as_ref().and_then(|s| s.read_only()) {
        return Err(Failure::runtime(format!("{r}: nothing was imported")));
    }
    let summary = import::merge(&mut ws, &rows, ctx.today);
    let text = format!(
        "{} rows from {}: {} added, {} updated, {} unchanged; {} accounts created",
        rows.len(),
        args.file.display(),
        summary.added,
        summary.updated,
        summary.unchanged,
        summary.accounts_added
    );
    if args.dry_run {
        return Ok(format!("dry run, nothing saved: {text}\n"));
    }
    if summary.added + summary.updated + summary.accounts_added > 0 {
        match store.as_mut() {
            Some(store) => store.save(&ws)?,
            None => drop(Store::create(&ctx.workspace, &ws, &ctx.data_dir)?),
        }
    }
    Ok(format!("imported {text}\n"))
}
