//! `funnel init [--demo]`: a new workspace, empty or the demo pipeline.

use super::{Context, Failure};
use crate::domain::{Workspace, demo};
use crate::store::{Store, load};
use std::path::Path;

/// The bundled demo pipeline, written for [`demo::demo_today`].
pub const DEMO_JSON: &str = include_str!("../../data/demo.json");

/// The demo workspace with its dates moved so that its story happens today.
pub fn demo_workspace(today: crate::domain::Date) -> Workspace {
    let parsed = load::parse(DEMO_JSON.as_bytes(), Path::new("data/demo.json"))
        .expect("the bundled demo is valid: a test checks it");
    let mut ws = parsed.workspace;
    demo::move_to(&mut ws, today);
    ws
}

pub fn run(ctx: &Context, with_demo: bool, owner: &str, currency: &str) -> Result<String, Failure> {
    let ws = if with_demo {
        demo_workspace(ctx.today)
    } else {
        Workspace::new(owner, currency)
    };
    Store::create(&ctx.workspace, &ws, &ctx.data_dir)?;
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
    Ok(format!("created {} with {what}\n", ctx.workspace.display()))
}
