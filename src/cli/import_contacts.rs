//! `funnel import contacts FILE`: people from a CRM's contact export onto
//! their accounts and, with `--to-deals`, onto the open deals of those
//! accounts as influences without a role (spec section 14).

use super::import::{delimiter, list_problems, sibling_account_names};
use super::{Context, Failure};
use crate::import;
use crate::store::Store;
use std::path::Path;

pub struct Args<'a> {
    pub file: &'a Path,
    pub to_deals: bool,
    pub dry_run: bool,
    pub source: Option<&'a str>,
    pub encoding: Option<&'a str>,
    pub delimiter: Option<&'a str>,
    pub nulls: &'a [String],
}

/// How many unmatched rows are listed in full.
const LISTED: usize = 10;

pub fn run(ctx: &Context, args: Args) -> Result<String, Failure> {
    let delim = args.delimiter.map(delimiter).transpose()?;
    let bytes = crate::store::guard::read_regular(args.file, "read the file to import")?;
    let read = import::read_contacts(&bytes, args.encoding, delim, args.nulls).map_err(|p| {
        let heading = match p.len() {
            1 => String::new(),
            n => format!("{n} problems:\n"),
        };
        Failure::usage(format!(
            "{heading}{}\nnothing was imported",
            list_problems(args.file, &p)
        ))
    })?;
    let stem = args
        .file
        .file_stem()
        .map(|s| s.to_string_lossy().trim().to_owned())
        .unwrap_or_default();
    let source = match args.source {
        Some(s) if !s.trim().is_empty() => s.trim().to_owned(),
        _ => import::contact_source(&read, &stem),
    };
    // contacts go onto accounts: the workspace must exist
    let (mut store, mut ws) = if args.dry_run {
        (None, crate::store::read(&ctx.workspace)?.workspace)
    } else {
        let (store, ws) = Store::open(&ctx.workspace, &ctx.data_dir)?;
        if let Some(r) = store.read_only() {
            return Err(Failure::runtime(format!("{r}: nothing was imported")));
        }
        (Some(store), ws)
    };
    let names = sibling_account_names(args.file);
    let summary = import::merge_contacts(&mut ws, &read, &source, &names, args.to_deals);
    let mut out = Vec::new();
    if let Some(enc) = &read.encoding {
        out.push(format!(
            "read {} as {enc}; --encoding reads it otherwise",
            args.file.display()
        ));
    }
    let columns: Vec<String> = read
        .columns
        .iter()
        .map(|(f, c)| format!("{f} ← {c:?}"))
        .collect();
    out.push(format!("columns: {}", columns.join(", ")));
    let counts = format!(
        "{} contacts from {} (source {source}): {} added, {} updated, {} unchanged, {} matched no account{}{}",
        read.rows.len(),
        args.file.display(),
        summary.added,
        summary.updated,
        summary.unchanged,
        summary.unmatched.len(),
        match summary.nameless.len() {
            0 => String::new(),
            n => format!(", {n} without a name left out"),
        },
        if args.to_deals {
            format!(
                "; {} influences added to open deals (no role: to be placed)",
                summary.influences_added
            )
        } else {
            String::new()
        }
    );
    out.push(if args.dry_run {
        format!("dry run, nothing saved: {counts}")
    } else {
        format!("imported {counts}")
    });
    if !summary.unmatched.is_empty() {
        out.push(
            "matched no account (by account id through an Account.csv beside the file or a deal import, or by account name):".to_owned(),
        );
        let problems: Vec<import::Problem> = summary
            .unmatched
            .iter()
            .map(|row| import::Problem {
                line: row.line,
                message: match row.account.as_str() {
                    "" => format!("{:?} has no account", row.name),
                    a => format!("{:?}: no account {a:?}", row.name),
                },
            })
            .collect();
        out.push(list_problems(args.file, &problems));
    }
    if !summary.nameless.is_empty() {
        let lines: Vec<String> = summary
            .nameless
            .iter()
            .take(LISTED)
            .map(|l| l.to_string())
            .collect();
        out.push(format!(
            "without a name or e-mail, on lines {}",
            lines.join(", ")
        ));
    }
    if let Some(store) = store.as_mut()
        && summary.added + summary.updated + summary.influences_added > 0
    {
        store.save(&ws)?;
    }
    Ok(out.join("\n") + "\n")
}
