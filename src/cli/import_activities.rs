//! `funnel import activities FILE`: tasks, events and calls onto the deals
//! they belong to (actions when open, log entries when done).

use super::{Context, Failure};
use crate::import::{self, ActivityOptions, DateOrder};
use crate::store::Store;
use std::path::Path;

pub struct Args<'a> {
    pub file: &'a Path,
    pub dry_run: bool,
    pub source: Option<&'a str>,
    pub encoding: Option<&'a str>,
    pub delimiter: Option<&'a str>,
    pub dates: Option<&'a str>,
}

pub fn run(ctx: &Context, args: Args) -> Result<String, Failure> {
    let mut options = ActivityOptions {
        encoding: args.encoding.map(str::to_owned),
        ..Default::default()
    };
    options.delimiter = args
        .delimiter
        .map(|d| match d {
            "tab" | "\\t" | "\t" => Ok(b'\t'),
            _ if d.len() == 1 && d.is_ascii() && d != "\"" => Ok(d.as_bytes()[0]),
            _ => Err(Failure::usage(format!(
                "--delimiter {d:?}: expected one character such as , ; | or the word tab"
            ))),
        })
        .transpose()?;
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
    let bytes = crate::store::guard::read_regular(args.file, "read the file to import")?;
    let acts = import::read_activities(&bytes, &options).map_err(|problems| {
        Failure::usage(format!(
            "{}\nnothing was imported",
            super::import::list_problems(args.file, &problems)
        ))
    })?;
    // the deals' source: the one their ids were imported from
    let given = args.source.map(str::trim).filter(|s| !s.is_empty());
    let deal_source = given.or(acts.guessed_source());
    let source = match deal_source {
        Some(s) => s.to_owned(),
        None => args
            .file
            .file_stem()
            .map(|s| s.to_string_lossy().trim().to_lowercase())
            .unwrap_or_default(),
    };
    let (mut store, mut ws) = if args.dry_run {
        (None, crate::store::read(&ctx.workspace)?.workspace)
    } else {
        let (store, ws) = Store::open(&ctx.workspace, &ctx.data_dir)?;
        (Some(store), ws)
    };
    if let Some(r) = store.as_ref().and_then(|s| s.read_only()) {
        return Err(Failure::runtime(format!("{r}: nothing was imported")));
    }
    let names = super::import::sibling_account_names(args.file);
    let summary = import::merge_activities(&mut ws, &acts, &source, deal_source, &names, ctx.today);
    let mut out = vec![format!(
        "{} activities from {}: {} actions added, {} log entries added, {} unchanged, {} matched no deal",
        acts.rows.len(),
        args.file.display(),
        summary.actions,
        summary.log_entries,
        summary.unchanged,
        summary.unmatched.len()
    )];
    let used: Vec<String> = acts
        .columns
        .iter()
        .map(|(c, h)| format!("{c:?}={h}"))
        .collect();
    out.push(format!("columns used: {}", used.join(", ")));
    out.push(format!(
        "deals matched by {} ids, else by title; else the open deal of the activity's account or contact",
        deal_source.unwrap_or("any source's")
    ));
    if summary.by_account > 0 {
        out.push(format!(
            "{} placed through their account or contact{}",
            summary.by_account,
            match summary.nearest_of_several {
                0 => String::new(),
                n => format!(" ({n} on the soonest-closing of the account's several open deals)"),
            }
        ));
    }
    if !summary.unmatched.is_empty() {
        let problems: Vec<import::Problem> = summary
            .unmatched
            .iter()
            .map(|(line, subject, why)| import::Problem {
                line: *line,
                message: format!("matched no deal: {why} (activity {subject:?})"),
            })
            .collect();
        out.push(super::import::list_problems(args.file, &problems));
    }
    if args.dry_run {
        return Ok(format!("dry run, nothing saved: {}\n", out.join("\n")));
    }
    if let Some(store) = store
        .as_mut()
        .filter(|_| summary.actions + summary.log_entries > 0)
    {
        store.save(&ws)?;
    }
    Ok(format!("imported {}\n", out.join("\n")))
}
