//! `funnel init [--demo]`: a new workspace, empty or the demo pipeline.

use super::{Context, Failure};
use crate::domain::Workspace;
use crate::i18n::t;
use crate::store::{Store, demo};

pub fn run(ctx: &Context, with_demo: bool, owner: &str, currency: &str) -> Result<String, Failure> {
    let ws = if with_demo {
        demo::workspace(ctx.today)
    } else {
        Workspace::new(owner, currency)
    };
    let store = Store::create(&ctx.workspace, &ws, &ctx.data_dir)?;
    // a symbolic link to a missing file: the file was created at its target
    let through = match crate::store::guard::identity(&ctx.workspace) {
        Some(_) if ctx.workspace.is_symlink() => {
            crate::tf!(
                " (at {path}, where the link points)",
                path = store.path().display()
            )
        }
        _ => String::new(),
    };
    let what = if with_demo {
        crate::tf!(
            "the demo pipeline ({deals} opportunities, {accounts} accounts; its story set on {today})",
            deals = ws.opportunities.len(),
            accounts = ws.accounts.len(),
            today = ctx.today
        )
    } else {
        t("an empty workspace").to_owned()
    };
    Ok(crate::tf!(
        "created {path}{through} with {what}\n",
        path = ctx.workspace.display(),
        through,
        what
    ))
}
