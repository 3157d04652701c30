//! `funnel import activities FILE`: tasks, events and calls onto the deals
//! they belong to (actions when open, log entries when done).

use super::{Context, Failure, TableImport};
use crate::import;
use crate::store::Store;

pub fn run(
    ctx: &Context,
    table: &TableImport,
    source: Option<&str>,
    dates: Option<&str>,
) -> Result<String, Failure> {
    let dates = super::import_table::dates(dates)?;
    let acts = table.read(&import::ACTIVITY_FIELDS, dates, |input, options| {
        import::read_activities(input, options)
    })?;
    let file = table.file.as_path();
    // the deals' source: the one their ids were imported from
    let given = source.map(str::trim).filter(|s| !s.is_empty());
    let deal_source = given.or(acts.guessed_source());
    let source = match deal_source {
        Some(s) => s.to_owned(),
        None => file
            .file_stem()
            .map(|s| s.to_string_lossy().trim().to_lowercase())
            .unwrap_or_default(),
    };
    let (mut store, mut ws) = if table.dry_run {
        (None, crate::store::read(&ctx.workspace)?.workspace)
    } else {
        let (store, ws) = Store::open(&ctx.workspace, &ctx.data_dir)?;
        (Some(store), ws)
    };
    if let Some(r) = store.as_ref().and_then(|s| s.read_only()) {
        return Err(Failure::runtime(format!("{r}: nothing was imported")));
    }
    let names = super::import::sibling_account_names(file);
    let summary = import::merge_activities(&mut ws, &acts, &source, deal_source, &names, ctx.today);
    let mut out = vec![format!(
        "{} activities from {}: {} actions added, {} log entries added, {} unchanged, {} matched no deal",
        acts.rows.len(),
        file.display(),
        summary.actions,
        summary.log_entries,
        summary.unchanged,
        summary.unmatched.len()
    )];
    out.push(super::import_table::columns_used(
        acts.columns.iter().map(|(c, h)| (c.name(), h)),
    ));
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
        out.push(super::import::list_problems(file, &problems));
    }
    let notes = table.notes(acts.encoding.as_deref(), acts.delimiter, &acts.skipped);
    if table.dry_run {
        return Ok(format!(
            "{notes}dry run, nothing saved: {}\n",
            out.join("\n")
        ));
    }
    if let Some(store) = store
        .as_mut()
        .filter(|_| summary.actions + summary.log_entries > 0)
    {
        store.save(&ws)?;
    }
    Ok(format!("{notes}imported {}\n", out.join("\n")))
}
