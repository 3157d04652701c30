//! `funnel` and `funnel demo`: open the terminal workbench.

use super::{Context, Failure, Output};
use crate::domain::Workspace;
use crate::domain::team_workspace::{self, Combined, Part};
use crate::i18n::t;
use crate::store::{Store, StoreError};
use crate::tui::{self, Backing, Launch};
use std::io::IsTerminal;
use std::path::PathBuf;

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
        backing: Backing::File(store),
        workspace,
        today: ctx.today,
        location: ctx.workspace.display().to_string(),
        hint,
        scratch: None,
    })
}

/// `funnel --workspace A --workspace B` (or a folder): the team view,
/// read-only over every workspace the paths stand for.
pub fn open_team(ctx: &Context) -> Result<Output, Failure> {
    let combined = team_workspace(&ctx.workspaces)?;
    // the first member's language, as its settings are the team view's
    ctx.use_settings(&combined.workspace.settings);
    let team = tui::team::Team::of(&combined);
    let hint = tui::team::unresolved(&combined.unresolved);
    launch(Launch {
        location: tui::team::location(team.workspaces),
        backing: Backing::Team(team),
        workspace: combined.workspace,
        today: ctx.today,
        hint,
        scratch: None,
    })
}

/// Reads the team's workspaces and combines them; mixed currencies and
/// paths that name no workspace are usage errors (exit 2).
pub fn team_workspace(paths: &[PathBuf]) -> Result<Combined, Failure> {
    let members = crate::store::team::read(paths)?;
    let parts = members
        .into_iter()
        .map(|m| Part {
            owner: m.owner,
            file: m.path.display().to_string(),
            workspace: m.workspace,
        })
        .collect();
    team_workspace::combine(parts).map_err(Failure::usage)
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
        backing: Backing::File(store),
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
