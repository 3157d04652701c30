//! `funnel init [--demo]`: a new workspace, empty or the demo pipeline.

use super::{Context, Failure};
use crate::domain::Workspace;
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
            format!(" (at {}, where the link points)", store.path().display())
        }
        _ => String::new(),
    };
    let what = if with_demo {
        format!(
            "the demo pipeline ({} opportunities, {} accounts; its story set on {})",
            ws.opportunities.len(),
            ws.accounts.len(),
            ctx.today
        )
    } else {
        "an empty workspace".to_owned()
    };
    Ok(format!(
        "created {}{through} with {what}\n",
        ctx.workspace.display()
    ))
}
