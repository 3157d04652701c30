//! `funnel actions`: the prioritised action list (spec section 4).

use super::ics::{self, Todo};
use super::table::{Align, Table};
use super::{Context, Failure};
use crate::domain::Workspace;
use crate::domain::priority::{self, Entry};
use crate::store::to_json_bytes;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Ics,
}

#[derive(serde::Serialize)]
struct JsonWhy<'a> {
    factor: &'a str,
    points: f64,
}

/// One entry in `--format json`, fields in the order of spec section 2.
#[derive(serde::Serialize)]
struct JsonEntry<'a> {
    opportunity: &'a str,
    action: Option<&'a str>,
    text: &'a str,
    due: Option<crate::domain::Date>,
    suggested: bool,
    score: f64,
    why: Vec<JsonWhy<'a>>,
}

/// The calendar UID of an entry: stable across runs and edits of its text.
pub fn uid(ws: &Workspace, e: &Entry) -> String {
    let o = &ws.opportunities[e.opportunity].id;
    match (&e.action, &e.flag) {
        (Some(a), _) => format!("{o}.{a}@funnel"),
        (None, Some((rule, subject))) => format!(
            "{o}.flag.{rule}.{}@funnel",
            subject.as_deref().unwrap_or("-")
        ),
        (None, None) => format!("{o}@funnel"),
    }
}

pub fn todos(ws: &Workspace, list: &[Entry]) -> Vec<Todo> {
    list.iter()
        .enumerate()
        .map(|(rank, e)| {
            let o = &ws.opportunities[e.opportunity];
            let why: Vec<String> = e
                .why
                .iter()
                .map(|w| format!("{:+.2} {}", w.points, w.factor))
                .collect();
            Todo {
                uid: uid(ws, e),
                summary: format!("{} — {}", e.text, o.title),
                description: format!(
                    "{} (score {:.2}, rank {})\n{}",
                    o.title,
                    e.score,
                    rank + 1,
                    why.join("\n")
                ),
                due: e.due,
                // 1 (highest) to 9 by rank in the list
                priority: (1 + rank * 9 / list.len().max(1)).min(9) as u8,
            }
        })
        .collect()
}

pub fn run(ctx: &Context, limit: Option<usize>, format: Format) -> Result<String, Failure> {
    let parsed = ctx.read()?;
    let ws = &parsed.workspace;
    // only the entries shown are written out (`--limit 50` of 46,523)
    let flags = priority::ranking_flags(ws, ctx.today);
    let list = priority::ranked(ws, &flags, ctx.today, limit.unwrap_or(usize::MAX));
    // freed by the system when the command exits (see `Context::read`)
    std::mem::forget(flags);
    Ok(match format {
        Format::Json => {
            let items: Vec<JsonEntry> = list
                .iter()
                .map(|e| JsonEntry {
                    opportunity: &ws.opportunities[e.opportunity].id,
                    action: e.action.as_deref(),
                    text: &e.text,
                    due: e.due,
                    suggested: e.suggested(),
                    score: e.score,
                    why: e
                        .why
                        .iter()
                        .map(|w| JsonWhy {
                            factor: &w.factor,
                            points: w.points,
                        })
                        .collect(),
                })
                .collect();
            String::from_utf8(to_json_bytes(&items)).expect("serde_json writes UTF-8")
        }
        Format::Ics => ics::calendar(&todos(ws, &list), ctx.today),
        Format::Table => {
            let mut t = Table::new(vec![
                ("SCORE", Align::Right, 6),
                ("DUE", Align::Left, 10),
                ("DEAL", Align::Left, 26),
                ("ACTION", Align::Left, 60),
            ]);
            for e in &list {
                let o = &ws.opportunities[e.opportunity];
                let due = e.due.map_or(
                    if e.suggested() {
                        "suggested".into()
                    } else {
                        String::new()
                    },
                    |d| d.to_string(),
                );
                t.row(vec![
                    format!("{:.1}", e.score),
                    due,
                    o.title.clone(),
                    e.text.clone(),
                ]);
            }
            format!(
                "{}{}, highest score first (`--format json` shows why)\n",
                t.render(),
                crate::text::count(list.len() as i64, "action", "actions")
            )
        }
    })
}
