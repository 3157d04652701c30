//! `funnel check`: every problem of the workspace, one per line.

use super::{Context, Failure, Output};
use crate::domain::Status;
use crate::store::{self, StoreError, lock};

pub fn run(ctx: &Context) -> Result<Output, Failure> {
    let mut notes = String::new();
    if let Some(pid) = lock::holder(&ctx.workspace) {
        let who = pid.map_or("another funnel".to_owned(), |p| {
            format!("another funnel (process {p})")
        });
        notes.push_str(&format!(
            "note: {who} has this workspace open; checking the file as it is on disk\n"
        ));
    }
    match store::read(&ctx.workspace) {
        Ok(parsed) => {
            let parsed = super::keep(parsed);
            let ws = &parsed.workspace;
            let open = ws
                .opportunities
                .iter()
                .filter(|o| o.status() == Status::Open)
                .count();
            if let Some(found) = parsed.newer_version {
                notes.push_str(&format!(
                    "note: format version {found} is newer than this funnel knows ({}); it opens read-only\n",
                    crate::domain::VERSION
                ));
            }
            Ok(Output::new(
                format!(
                    "{notes}{}: ok, {} opportunities ({open} open), {} accounts, {} reviews\n",
                    ctx.workspace.display(),
                    ws.opportunities.len(),
                    ws.accounts.len(),
                    ws.reviews.len()
                ),
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
            text.push_str(&format!("{n} problem{}\n", if n == 1 { "" } else { "s" }));
            Ok(Output::new(text, 2))
        }
        Err(e) => Err(e.into()),
    }
}
