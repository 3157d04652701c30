//! `funnel export csv|json|md|ics [-o FILE]`.

use super::{Context, Failure};
use crate::domain::{Stage, Workspace};
use crate::i18n::t;
use crate::store::to_json_bytes;
use std::path::Path;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
    Md,
    Ics,
}

pub fn run(ctx: &Context, format: Format, out: Option<&Path>) -> Result<String, Failure> {
    if let Some(out) = out {
        // before any work: an export must never land on the workspace (by
        // any name: a symlink, a hard link, `./`), its lock or a backup
        crate::store::guard::refuse_output(out, &ctx.workspace, &ctx.data_dir)?;
    }
    let parsed = ctx.read()?;
    let ws = &parsed.workspace;
    let text = match format {
        Format::Csv => super::list::run(
            ctx,
            &super::list::Filter {
                stage: None,
                account: None,
                all: true,
            },
            super::ListFormat::Csv,
        )?,
        Format::Json => super::english_if(true, || {
            String::from_utf8(to_json_bytes(ws)).expect("UTF-8")
        }),
        Format::Md => markdown(ws, ctx.today),
        Format::Ics => {
            let list: Vec<_> = crate::domain::priority::list(ws, ctx.today)
                .into_iter()
                .filter(|e| !e.suggested())
                .collect();
            super::ics::calendar(&super::actions::todos(ws, &list), ctx.today)
        }
    };
    match out {
        None => Ok(text),
        Some(path) => {
            crate::store::write_file(path, crate::text::clean_lines(&text).as_bytes()).map_err(
                |e| {
                    Failure::runtime(crate::tf!(
                        "{path}: cannot write: {e}",
                        path = path.display(),
                        e
                    ))
                },
            )?;
            Ok(crate::tf!("wrote {path}\n", path = path.display()))
        }
    }
}

/// The pipeline as a readable document: each stage's open deals with their
/// figures, people and next actions, then the closed ones.
fn markdown(ws: &Workspace, today: crate::domain::Date) -> String {
    use super::report::md;
    let s = &ws.settings;
    let cur = md(&s.currency);
    let mut out = crate::tf!(
        "# Pipeline, {today}\n",
        today = crate::i18n::numbers::long_date(today)
    );
    for stage in Stage::ALL {
        let deals: Vec<_> = ws
            .opportunities
            .iter()
            .filter(|o| o.is_open() && o.stage == *stage)
            .collect();
        let name = stage.name();
        out.push_str(&crate::tf!("\n## {name} ({n})\n", name, n = deals.len()));
        for o in deals {
            let account = ws
                .account(&o.account)
                .map_or(o.account.as_str(), |a| a.name.as_str());
            out.push_str(&format!("\n### {}\n\n", md(&o.title)));
            out.push_str(&crate::tf!(
                "- {account} · {value} {cur} · {p}% · weighted {weighted} {cur} · close {close}\n",
                account = md(account),
                value = o.value.grouped(),
                cur,
                p = o.probability_used(s).0,
                weighted = o.weighted(s).grouped(),
                close = o
                    .expected_close
                    .map_or(t("not set").into(), |d| d.to_string())
            ));
            if !o.objective.is_empty() {
                out.push_str(&crate::tf!(
                    "- Objective: {objective}\n",
                    objective = md(&o.objective)
                ));
            }
            if !o.influences.is_empty() {
                let people: Vec<String> = o
                    .influences
                    .iter()
                    .map(|p| format!("{} {}", p.attitude.symbol(), md(&p.name)))
                    .collect();
                out.push_str(&crate::tf!(
                    "- People: {people}\n",
                    people = people.join(t(", "))
                ));
            }
            // by date, as the deal's actions pane lists them
            let open = crate::domain::opportunity::actions_in_order(o);
            for a in open.into_iter().filter(|a| a.is_open()) {
                // when, what kind, the words, with whom: `2026-11-24 09:30 meeting: …`
                let when = [a.due.map(|d| d.to_string()), a.at.map(|t| t.to_string())];
                let mut line: Vec<String> = when.into_iter().flatten().collect();
                line.extend(a.kind.map(|k| crate::tf!("{label}:", label = k.shown())));
                line.push(md(&a.text));
                let mut text = line.join(" ");
                if let Some(p) = o.person_of(a) {
                    text = crate::tf!("{text} (with {person})", text, person = md(&p.name));
                }
                out.push_str(&format!("- [ ] {text}\n"));
            }
        }
    }
    let closed: Vec<_> = ws.opportunities.iter().filter(|o| !o.is_open()).collect();
    out.push_str(&crate::tf!("\n## Closed ({n})\n\n", n = closed.len()));
    for o in closed {
        let r = o
            .outcome
            .as_ref()
            .map_or(String::new(), |x| x.result.shown());
        out.push_str(&format!(
            "- {} · {r} · {}\n",
            md(&o.title),
            o.value.grouped()
        ));
    }
    out
}
