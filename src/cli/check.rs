//! `funnel check`: every problem of the workspace, one per line.

use super::{Context, Failure, Output};
use crate::domain::Status;
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
            Ok(Output::new(
                notes
                    + &crate::tf!(
                        "{path}: ok, {deals} opportunities ({open} open), {accounts} accounts, {reviews} reviews\n",
                        path = ctx.workspace.display(),
                        deals = ws.opportunities.len(),
                        open,
                        accounts = ws.accounts.len(),
                        reviews = ws.reviews.len()
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
            text.push_str(&crate::text::plain_count(n as i64, "problem", "problems"));
            text.push('\n');
            Ok(Output::new(text, 2))
        }
        Err(e) => Err(e.into()),
    }
}
