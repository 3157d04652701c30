//! `funnel import contacts FILE`: people from a CRM's contact export onto
//! their accounts and, with `--to-deals`, onto the open deals of those
//! accounts as influences without a role (spec section 14).

use super::import::{list_problems, sibling_account_names};
use super::{Context, Failure, TableImport};
use crate::import;
use crate::store::Store;

/// How many unmatched rows are listed in full.
const LISTED: usize = 10;

pub fn run(
    ctx: &Context,
    table: &TableImport,
    to_deals: bool,
    source: Option<&str>,
) -> Result<String, Failure> {
    let read = table.read(&import::CONTACT_FIELDS, None, |input, options| {
        import::read_contacts(input, options)
    })?;
    let file = table.file.as_path();
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().trim().to_owned())
        .unwrap_or_default();
    let source = match source {
        Some(s) if !s.trim().is_empty() => s.trim().to_owned(),
        _ => import::contact_source(&read, &stem),
    };
    // contacts go onto accounts: the workspace must exist
    let (mut store, mut ws) = if table.dry_run {
        (None, crate::store::read(&ctx.workspace)?.workspace)
    } else {
        let (store, ws) = Store::open(&ctx.workspace, &ctx.data_dir)?;
        if let Some(r) = store.read_only() {
            return Err(Failure::runtime(format!("{r}: nothing was imported")));
        }
        (Some(store), ws)
    };
    let names = sibling_account_names(file);
    let summary = import::merge_contacts(&mut ws, &read, &source, &names, to_deals);
    let mut out = Vec::new();
    let notes = table.notes(read.encoding.as_deref(), read.delimiter, &read.skipped);
    if !notes.is_empty() {
        out.push(notes.trim_end().to_owned());
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
        file.display(),
        summary.added,
        summary.updated,
        summary.unchanged,
        summary.unmatched.len(),
        match summary.nameless.len() {
            0 => String::new(),
            n => format!(", {n} without a name left out"),
        },
        if to_deals {
            format!(
                "; {} influences added to open deals (no role: to be placed)",
                summary.influences_added
            )
        } else {
            String::new()
        }
    );
    out.push(if table.dry_run {
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
        out.push(list_problems(file, &problems));
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
