//! `funnel actions`: the prioritised action list (spec section 4).

use super::ics::{self, Todo};
use super::table::{Align, Table};
use super::{Context, Failure};
use crate::domain::Workspace;
use crate::domain::priority::{self, Entry};
use crate::i18n::t;
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

/// One entry in `--format json`, fields in the order of spec section 2
/// (`funnel sheet` writes the same without `opportunity`: one deal's).
#[derive(serde::Serialize)]
pub(super) struct JsonEntry<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    opportunity: Option<&'a str>,
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
        (Some(a), _) => format!("{o}.{a}@funnel"), // i18n-exempt: a calendar id
        (None, Some((rule, subject))) => format!(
            "{o}.flag.{rule}.{}@funnel", // i18n-exempt: a calendar id
            subject.as_deref().unwrap_or("-")
        ),
        (None, None) => format!("{o}@funnel"), // i18n-exempt: a calendar id
    }
}

pub fn todos(ws: &Workspace, list: &[Entry]) -> Vec<Todo> {
    list.iter()
        .enumerate()
        .map(|(rank, e)| todo(ws, e, rank, list.len()))
        .collect()
}

/// The calendar entry of `e`, ranked `rank` (from 0) in a list of `len`.
pub fn todo(ws: &Workspace, e: &Entry, rank: usize, len: usize) -> Todo {
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
            "{}\n{}",
            crate::tf!(
                "{title} (score {score}, rank {rank})",
                title = o.title,
                score = format!("{:.2}", e.score),
                rank = rank + 1
            ),
            why.join("\n")
        ),
        due: e.due,
        // 1 (highest) to 9 by rank in the list
        priority: (1 + rank * 9 / len.max(1)).min(9) as u8,
    }
}

pub fn run(ctx: &Context, limit: Option<usize>, format: Format) -> Result<String, Failure> {
    let parsed = ctx.read()?;
    let ws = &parsed.workspace;
    Ok(match format {
        // the texts and reasons are written in English for JSON (spec section 12)
        Format::Json => super::english_if(true, || json(ws, &ranked(ctx, ws, limit))),
        Format::Ics => ics::calendar(&todos(ws, &ranked(ctx, ws, limit)), ctx.today),
        Format::Table => table(ws, &ranked(ctx, ws, limit)),
    })
}

/// The entries shown (`--limit 50` of 46,523 are the only ones written
/// out), in this thread's language.
pub(super) fn ranked(ctx: &Context, ws: &Workspace, limit: Option<usize>) -> Vec<Entry> {
    let flags = priority::ranking_flags(ws, ctx.today);
    let list = priority::ranked(ws, &flags, ctx.today, limit.unwrap_or(usize::MAX));
    // freed by the system when the command exits (see `Context::read`)
    std::mem::forget(flags);
    list
}

fn json(ws: &Workspace, list: &[Entry]) -> String {
    let items: Vec<JsonEntry> = list
        .iter()
        .map(|e| entry_json(Some(&ws.opportunities[e.opportunity].id), e))
        .collect();
    String::from_utf8(to_json_bytes(&items)).expect("serde_json writes UTF-8")
}

/// An entry as the JSON writes it; `opportunity` left out when `None`.
pub(super) fn entry_json<'a>(opportunity: Option<&'a str>, e: &'a Entry) -> JsonEntry<'a> {
    JsonEntry {
        opportunity,
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
    }
}

fn table(ws: &Workspace, list: &[Entry]) -> String {
    let mut tab = Table::new(vec![
        (t("SCORE"), Align::Right, 6),
        (t("DUE"), Align::Left, 10),
        (t("DEAL"), Align::Left, 26),
        (t("ACTION"), Align::Left, 60),
    ]);
    for e in list {
        let o = &ws.opportunities[e.opportunity];
        let due = e.due.map_or(
            if e.suggested() {
                t("suggested").into()
            } else {
                String::new()
            },
            |d| d.to_string(),
        );
        tab.row(vec![
            format!("{:.1}", e.score),
            due,
            o.title.clone(),
            e.text.clone(),
        ]);
    }
    format!(
        "{}{}\n",
        tab.render(),
        crate::tf!(
            "{actions}, highest score first (`--format json` shows why)",
            actions = crate::text::count(list.len() as i64, "action", "actions")
        )
    )
}
