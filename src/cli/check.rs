//! `funnel check`: every problem of the workspace, one per line.

use super::{Context, Failure, Output};
use crate::domain::Status;
use crate::domain::conflict_place::brief;
use crate::domain::workspace::Conflict;
use crate::i18n::t;
use crate::store::{self, StoreError, lock};

pub fn run(ctx: &Context) -> Result<Output, Failure> {
    let mut notes = String::new();
    if let Some(pid) = lock::holder(&ctx.workspace) {
        let who = pid.map_or(t("another funnel").to_owned(), |p| {
            crate::tf!("another funnel (process {p})", p)
        });
        notes.push_str(&crate::tf!(
            "note: {who} has this workspace open; checking the file as it is on disk\n",
            who
        ));
    }
    match store::read(&ctx.workspace) {
        Ok(parsed) => {
            let parsed = super::keep(parsed);
            let ws = &parsed.workspace;
            ctx.use_settings(&ws.settings);
            let open = ws
                .opportunities
                .iter()
                .filter(|o| o.status() == Status::Open)
                .count();
            if let Some(found) = parsed.newer_version {
                notes.push_str(&crate::tf!(
                    "note: format version {found} is newer than this funnel knows ({known}); it opens read-only\n",
                    found,
                    known = crate::domain::VERSION
                ));
            }
            let conflicts = conflict_notes(&ws.conflicts);
            Ok(Output::new(
                notes
                    + &crate::tf!(
                        "{path}: ok, {deals} opportunities ({open} open), {accounts} accounts, {reviews} reviews\n",
                        path = ctx.workspace.display(),
                        deals = ws.opportunities.len(),
                        open,
                        accounts = ws.accounts.len(),
                        reviews = ws.reviews.len()
                    )
                    + &conflicts,
                0,
            ))
        }
        Err(StoreError::Invalid(problems)) => {
            let mut text = notes;
            for p in &problems {
                text.push_str(&crate::text::clean_lines(&p.to_string()));
                text.push('\n');
            }
            let n = problems.len();
            text.push_str(&crate::text::plain_count(n as i64, "problem", "problems"));
            text.push('\n');
            text.push_str(&conflict_notes(&raw_conflicts(&ctx.workspace)));
            Ok(Output::new(text, 2))
        }
        Err(e) => Err(e.into()),
    }
}

/// The merge conflicts git left in the workspace (spec section 13), one a
/// line after the rest: they are valid data (the file loads and `check`
/// passes), but someone still has to pick a value for each.
fn conflict_notes(conflicts: &[Conflict]) -> String {
    if conflicts.is_empty() {
        return String::new();
    }
    let mut text = if conflicts.len() == 1 {
        t("note: 1 merge conflict to resolve (valid data, so check still passes): open the workbench and press M\n").to_owned()
    } else {
        crate::tf!(
            "note: {n} merge conflicts to resolve (valid data, so check still passes): open the workbench and press M\n",
            n = conflicts.len()
        )
    };
    for c in conflicts {
        text.push_str(&crate::text::clean_lines(&crate::tf!(
            "  {path}: ours {ours}, theirs {theirs}",
            path = c.path,
            ours = brief(&c.ours),
            theirs = brief(&c.theirs)
        )));
        text.push('\n');
    }
    text
}

/// The conflicts of a workspace that does not load, read as well as they
/// can be: they are listed after its problems, and none when the file is
/// not JSON at all.
fn raw_conflicts(path: &std::path::Path) -> Vec<Conflict> {
    std::fs::read(path)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
        .and_then(|mut v| v.get_mut("conflicts").map(serde_json::Value::take))
        .and_then(|c| serde_json::from_value(c).ok())
        .unwrap_or_default()
}
