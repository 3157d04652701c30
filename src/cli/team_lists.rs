//! `funnel team flags` and `funnel team actions`: every workspace's list,
//! computed as the single command computes it with the workspace's own
//! settings, then ranked across the team in the single command's order
//! (ties kept in the order the workspaces were named), each item with its
//! owner and its deal's id qualified where it collides.

use super::flags::shown;
use super::table::{Align, Table};
use super::team::Team;
use super::{Context, Failure, Output, actions, flags};
use crate::domain::flags::{Flag, Severity};
use crate::domain::priority::Entry;
use crate::domain::{Opportunity, Stage};
use crate::i18n::t;
use crate::store::team::Member;
use std::cmp::Reverse;

/// One flag of the team's list.
struct TeamFlag {
    member: &'static Member,
    id: String,
    deal: &'static Opportunity,
    flag: &'static Flag,
}

/// Which deals `--opportunity` names in each member: `OWNER/ID` as the
/// roll-up writes it, or a plain id (in every workspace that has it).
fn only(team: &Team, wanted: &str) -> Result<Vec<Option<&'static str>>, Failure> {
    let each: Vec<Option<&'static str>> = team
        .members
        .iter()
        .map(|m| {
            m.workspace
                .opportunities
                .iter()
                .find(|o| o.id == wanted || team.deal_id(m, &o.id) == wanted)
                .map(|o| o.id.as_str())
        })
        .collect();
    if each.iter().all(Option::is_none) {
        return Err(Failure::usage(crate::tf!(
            "--opportunity {id}: no opportunity has this id (`funnel list --all` shows them)",
            id = format!("{wanted:?}")
        )));
    }
    Ok(each)
}

pub fn flags(
    ctx: &Context,
    team: &Team,
    opportunity: Option<&str>,
    format: flags::Format,
) -> Result<Output, Failure> {
    let wanted = match opportunity {
        Some(id) => Some(only(team, id)?),
        None => None,
    };
    // the messages are written in English for JSON (spec section 12)
    Ok(super::english_if(format == flags::Format::Json, || {
        let found = ranked_flags(ctx, team, wanted.as_deref());
        let out = render_flags(&found, format);
        // freed by the system when the command exits (see `Context::read`)
        std::mem::forget(found);
        out
    }))
}

/// Where a flag ranks in the team: most severe first, then the deals
/// closest to signing, then the member's place, then the flag's in it.
type Rank = (Reverse<(Severity, Stage)>, usize, usize);

/// Every member's visible flags in `funnel flags`' order, merged: most
/// severe first, then the deals closest to signing, then the workspaces
/// in the order named, each in its own order.
fn ranked_flags(ctx: &Context, team: &Team, only: Option<&[Option<&str>]>) -> Vec<TeamFlag> {
    let mut keyed: Vec<(Rank, TeamFlag)> = Vec::new();
    for (n, m) in team.members.iter().enumerate() {
        let ws = &m.workspace;
        let all: &'static [Vec<Flag>] = match only {
            None => super::keep(flags::collect(ws, None, ctx.today)),
            Some(ids) => match ids[n] {
                Some(id) => super::keep(flags::collect(ws, Some(id), ctx.today)),
                None => continue,
            },
        };
        for (k, (deal, flag)) in flags::order(ws, all).into_iter().enumerate() {
            let item = TeamFlag {
                member: m,
                id: team.deal_id(m, &deal.id),
                deal,
                flag,
            };
            keyed.push(((Reverse((flag.severity, deal.stage)), n, k), item));
        }
    }
    keyed.sort_unstable_by_key(|(rank, _)| *rank);
    keyed.into_iter().map(|(_, item)| item).collect()
}

fn render_flags(found: &[TeamFlag], format: flags::Format) -> Output {
    match format {
        flags::Format::Json => {
            // the fields of `funnel flags`, then the owner
            let escaped = super::json_out::objects(found, |f| {
                [
                    ("opportunity", Some(f.id.as_str())),
                    ("rule", Some(f.flag.rule.as_str())),
                    ("severity", Some(f.flag.severity.as_str())),
                    ("message", Some(&*f.flag.message)),
                    ("suggestion", Some(&*f.flag.suggestion)),
                    ("subject", f.flag.subject.as_deref()),
                    ("owner", Some(f.member.owner.as_str())),
                ]
            });
            Output {
                escaped,
                ..Output::from(String::new())
            }
        }
        flags::Format::Table => {
            let mut tab = Table::new(vec![
                (t("SEVERITY"), Align::Left, 8),
                (t("OWNER"), Align::Left, 14),
                (t("DEAL"), Align::Left, 20),
                (t("TITLE"), Align::Left, 28),
                (t("RULE"), Align::Left, 22),
                (t("WHAT"), Align::Left, 60),
            ]);
            for f in found {
                let severity = f.flag.severity;
                tab.row(vec![
                    shown(severity.as_str(), || {
                        crate::i18n::word("severity", severity.as_str())
                    }),
                    f.member.owner.clone(),
                    f.id.clone(),
                    f.deal.title.clone(),
                    f.flag.rule.shown(),
                    f.flag.message.to_string(),
                ]);
            }
            let severities: Vec<Severity> = found.iter().map(|f| f.flag.severity).collect();
            let deals = found
                .iter()
                .map(|f| (f.member.owner.as_str(), f.deal.id.as_str()))
                .collect::<std::collections::HashSet<_>>()
                .len();
            Output::from(format!(
                "{}{}\n",
                tab.render(),
                flags::summary(&severities, deals)
            ))
        }
    }
}

/// One entry of the team's action list.
struct TeamEntry {
    member: &'static Member,
    id: String,
    entry: Entry,
}

pub fn actions(
    ctx: &Context,
    team: &Team,
    limit: Option<usize>,
    format: actions::Format,
) -> Result<String, Failure> {
    // the texts and reasons are written in English for JSON (spec section 12)
    let list = super::english_if(format == actions::Format::Json, || {
        ranked_actions(ctx, team, limit)
    });
    let out = match format {
        actions::Format::Json => actions_json(&list),
        actions::Format::Ics => {
            let todos: Vec<_> = list
                .iter()
                .enumerate()
                .map(|(rank, e)| {
                    let mut todo = actions::todo(&e.member.workspace, &e.entry, rank, list.len());
                    // the owner keeps two sellers' `o1.a1` apart, and stays
                    // the same however the team grows
                    todo.uid = format!("{}/{}", e.member.owner, todo.uid); // i18n-exempt: a calendar id
                    todo
                })
                .collect();
            super::ics::calendar(&todos, ctx.today)
        }
        actions::Format::Table => actions_table(&list),
    };
    // freed by the system when the command exits (see `Context::read`)
    std::mem::forget(list);
    Ok(out)
}

/// Each member's first `limit` entries ranked as `funnel actions` ranks
/// them, merged: highest score first, dated before undated, earlier
/// before later, then the workspaces in the order named; the first
/// `limit` of the team kept.
fn ranked_actions(ctx: &Context, team: &Team, limit: Option<usize>) -> Vec<TeamEntry> {
    let mut all: Vec<(usize, usize, TeamEntry)> = Vec::new();
    for (n, m) in team.members.iter().enumerate() {
        let list = actions::ranked(ctx, &m.workspace, limit);
        for (k, entry) in list.into_iter().enumerate() {
            let id = team.deal_id(m, &m.workspace.opportunities[entry.opportunity].id);
            all.push((
                n,
                k,
                TeamEntry {
                    member: m,
                    id,
                    entry,
                },
            ));
        }
    }
    all.sort_unstable_by(|(an, ak, a), (bn, bk, b)| {
        let (a, b) = (&a.entry, &b.entry);
        b.score
            .total_cmp(&a.score)
            .then(a.due.is_none().cmp(&b.due.is_none()))
            .then(a.due.cmp(&b.due))
            .then(an.cmp(bn))
            .then(ak.cmp(bk))
    });
    all.truncate(limit.unwrap_or(usize::MAX));
    all.into_iter().map(|(.., e)| e).collect()
}

/// `funnel actions --format json`'s entry, then the owner.
#[derive(serde::Serialize)]
struct JsonTeamEntry<'a> {
    #[serde(flatten)]
    entry: actions::JsonEntry<'a>,
    owner: &'a str,
}

fn actions_json(list: &[TeamEntry]) -> String {
    let items: Vec<JsonTeamEntry> = list
        .iter()
        .map(|e| JsonTeamEntry {
            entry: actions::entry_json(Some(&e.id), &e.entry),
            owner: &e.member.owner,
        })
        .collect();
    String::from_utf8(crate::store::to_json_bytes(&items)).expect("serde_json writes UTF-8")
}

fn actions_table(list: &[TeamEntry]) -> String {
    let mut tab = Table::new(vec![
        (t("SCORE"), Align::Right, 6),
        (t("DUE"), Align::Left, 10),
        (t("OWNER"), Align::Left, 14),
        (t("DEAL"), Align::Left, 26),
        (t("ACTION"), Align::Left, 60),
    ]);
    for e in list {
        let o = &e.member.workspace.opportunities[e.entry.opportunity];
        let due = e.entry.due.map_or(
            if e.entry.suggested() {
                t("suggested").into()
            } else {
                String::new()
            },
            |d| d.to_string(),
        );
        tab.row(vec![
            format!("{:.1}", e.entry.score),
            due,
            e.member.owner.clone(),
            o.title.clone(),
            e.entry.text.clone(),
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
