//! `funnel` with no command: where the workspace is and how the funnel
//! stands, until the terminal workbench arrives.

use super::table::{Align, Table};
use super::{Context, Failure};
use crate::domain::{Money, Stage};
use crate::i18n::t;
use crate::store::StoreError;
use crate::text::clean;

pub fn run(ctx: &Context) -> Result<String, Failure> {
    let parsed = match ctx.read() {
        Ok(p) => p,
        Err(f) if f.code == 1 && !ctx.workspace.exists() => {
            let _ = StoreError::Missing(ctx.workspace.clone());
            return Ok(crate::tf!(
                "No workspace yet at {path}.\nStart with `funnel init --demo` for the demo pipeline, or `funnel init` for an empty one.\n",
                path = ctx.workspace.display()
            ));
        }
        Err(f) => return Err(f),
    };
    let ws = &parsed.workspace;
    let s = &ws.settings;
    let mut table = Table::new(vec![
        (t("STAGE"), Align::Left, 20),
        (t("DEALS"), Align::Right, 6),
        (t("VALUE"), Align::Right, 18),
        (t("WEIGHTED"), Align::Right, 18),
    ]);
    let open: Vec<_> = ws.opportunities.iter().filter(|o| o.is_open()).collect();
    for stage in Stage::ALL {
        let here: Vec<_> = open.iter().filter(|o| o.stage == *stage).collect();
        let value: Money = here.iter().map(|o| o.value).sum();
        let weighted: Money = here.iter().map(|o| o.weighted(s)).sum();
        table.row(vec![
            stage.name(),
            here.len().to_string(),
            value.grouped(),
            weighted.grouped(),
        ]);
    }
    let value: Money = open.iter().map(|o| o.value).sum();
    let weighted: Money = open.iter().map(|o| o.weighted(s)).sum();
    table.row(vec![
        t("open").into(),
        open.len().to_string(),
        value.grouped(),
        weighted.grouped(),
    ]);
    Ok(crate::tf!(
        "{path} (owner {owner}, {currency})\n\n{table}\nRun `funnel` in a terminal for the workbench; `funnel list` shows the deals, `funnel check` validates the file, `funnel --help` lists every command.\n",
        path = ctx.workspace.display(),
        owner = clean(if s.owner.is_empty() {
            t("not set")
        } else {
            &s.owner
        }),
        currency = clean(if s.currency.is_empty() {
            t("no currency set")
        } else {
            &s.currency
        }),
        table = table.render()
    ))
}
