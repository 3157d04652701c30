//! `funnel` and `funnel demo`: open the terminal workbench.

use super::{Context, Failure, Output};
use crate::domain::Workspace;
use crate::i18n::t;
use crate::store::{Store, StoreError};
use crate::tui::{self, Launch};
use std::io::IsTerminal;

/// Whether both ends are a terminal (otherwise `funnel` prints an overview).
pub fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

pub fn open(ctx: &Context) -> Result<Output, Failure> {
    let (store, workspace, hint) = match Store::open(&ctx.workspace, &ctx.data_dir) {
        Ok((store, ws)) => (store, ws, None),
        Err(StoreError::Missing(_)) => {
            let ws = Workspace::new("", "CNY"); // i18n-exempt: a currency code
            let store = Store::create(&ctx.workspace, &ws, &ctx.data_dir)?;
            let hint = crate::tf!(
                "New empty workspace at {path}. Press n to add your first opportunity, ? for every key.",
                path = ctx.workspace.display()
            );
            (store, ws, Some(hint))
        }
        Err(e) => return Err(e.into()),
    };
    ctx.use_settings(&workspace.settings);
    launch(Launch {
        store,
        workspace,
        today: ctx.today,
        location: ctx.workspace.display().to_string(),
        hint,
        scratch: None,
    })
}

pub fn demo(ctx: &Context) -> Result<Output, Failure> {
    if !interactive() {
        return Err(Failure::usage(t(
            "`funnel demo` opens the workbench and needs a terminal",
        )));
    }
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let dir = std::env::temp_dir().join(format!("funnel-demo-{}-{stamp}", std::process::id()));
    let path = dir.join("workspace.json");
    let ws = crate::store::demo::workspace(ctx.today);
    let store = Store::create(&path, &ws, &dir.join("data"))?;
    ctx.use_settings(&ws.settings);
    launch(Launch {
        store,
        workspace: ws,
        today: ctx.today,
        // translated where it is drawn: the language can change in the session
        location: "DEMO · a scratch copy, discarded on quit".into(),
        hint: Some(
            t("The demo pipeline, its story set today. ? lists every key; q quits (the copy is discarded).")
                .into(),
        ),
        scratch: Some(dir),
    })
}

fn launch(launch: Launch) -> Result<Output, Failure> {
    match tui::run(launch) {
        Ok(code) => Ok(Output::new(String::new(), code)),
        Err(e) => Err(Failure::runtime(crate::tf!("the workbench failed: {e}", e))),
    }
}
