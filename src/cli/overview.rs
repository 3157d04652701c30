//! `funnel` with no command: where the workspace is and how the funnel
//! stands, until the terminal workbench arrives.

use super::table::{Align, Table};
use super::{Context, Failure};
use crate::domain::{Money, Stage};
use crate::store::StoreError;
use crate::text::clean;

pub fn run(ctx: &Context) -> Result<String, Failure> {
    let parsed = match ctx.read() {
        Ok(p) => p,
        Err(f) if f.code == 1 && !ctx.workspace.exists() => {
            let _ = StoreError::Missing(ctx.workspace.clone());
            return Ok(format!(
                "No workspace yet at {}.\nStart with `funnel init --demo` for the demo pipeline, or `funnel init` for an empty one.\n",
                ctx.workspace.display()
            ));
        }
        Err(f) => return Err(f),
    };
    let ws = &parsed.workspace;
    let s = &ws.settings;
    let mut t = Table::new(vec![
        ("STAGE", Align::Left, 20),
        ("DEALS", Align::Right, 6),
        ("VALUE", Align::Right, 18),
        ("WEIGHTED", Align::Right, 18),
    ]);
    let open: Vec<_> = ws.opportunities.iter().filter(|o| o.is_open()).collect();
    for stage in Stage::ALL {
        let here: Vec<_> = open.iter().filter(|o| o.stage == *stage).collect();
        let value: Money = here.iter().map(|o| o.value).sum();
        let weighted: Money = here.iter().map(|o| o.weighted(s)).sum();
        t.row(vec![
            format!("{} {}", stage.as_str(), stage.chinese()),
            here.len().to_string(),
            value.grouped(),
            weighted.grouped(),
        ]);
    }
    let value: Money = open.iter().map(|o| o.value).sum();
    let weighted: Money = open.iter().map(|o| o.weighted(s)).sum();
    t.row(vec![
        "open".into(),
        open.len().to_string(),
        value.grouped(),
        weighted.grouped(),
    ]);
    Ok(format!(
        "{} (owner {}, {})\n\n{}\nThe terminal workbench is not built yet; `funnel list` shows the deals, `funnel check` validates the file, `funnel --help` lists every command.\n",
        ctx.workspace.display(),
        clean(if s.owner.is_empty() {
            "not set"
        } else {
            &s.owner
        }),
        clean(if s.currency.is_empty() {
            "no currency set"
        } else {
            &s.currency
        }),
        t.render()
    ))
}
