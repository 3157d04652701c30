//! `funnel team report`: the weekly pipeline report of several workspaces.
//! Each workspace's metrics, week and forecast are computed as `funnel
//! report` computes them, with its own settings and against its own latest
//! review, then summed (see `domain::team_rollup`); the per-owner table
//! shows who holds what.
//!
//! Left out of the single report's: conversion, days per stage and sales
//! velocity (ratios of one workspace's histories that do not add up), and
//! in Markdown the accounts at risk (the JSON lists them with their owner;
//! `funnel accounts` on each workspace shows them).

use super::report::{self, Format, md, pct, round};
use super::team::Team;
use super::team_forecast::{self, Rollup};
use super::{Context, Failure};
use crate::domain::account_warnings::RULE_IDS;
use crate::domain::metrics::{self, Metrics};
use crate::domain::week::{self, Since, Week};
use crate::domain::{Date, team_rollup};
use crate::i18n::t;
use crate::store::team::Member;
use serde_json::{Value, json};

/// One member's part of the report.
struct Part {
    member: &'static Member,
    metrics: Metrics,
    week: Option<Week>,
}

pub fn run(ctx: &Context, team: &Team, format: Format, since: Since) -> Result<String, Failure> {
    let mut parts = Vec::with_capacity(team.members.len());
    for member in team.members {
        let ws = &member.workspace;
        let week = week::week(ws, ctx.today, since).map_err(|e| {
            // i18n-exempt: the option's name, then the file's
            Failure::usage(format!("--since: {}: {e}", member.path.display()))
        })?;
        parts.push(Part {
            member,
            metrics: metrics::compute(ws, ctx.today),
            week,
        });
    }
    let each: Vec<Metrics> = parts.iter().map(|p| p.metrics.clone()).collect();
    let m = team_rollup::metrics(&each);
    let forecast = Rollup::new(
        team,
        parts
            .iter()
            .map(|p| {
                let ws = &p.member.workspace;
                (
                    p.member,
                    super::forecast::of_the_week(ws, p.week.as_ref(), ctx.today),
                )
            })
            .collect(),
    );
    Ok(match format {
        // the same bytes in every language (spec section 12)
        Format::Json => super::english_if(true, || {
            let v = json(team, &parts, &m, &forecast, ctx.today);
            String::from_utf8(crate::store::to_json_bytes(&v)).expect("UTF-8")
        }),
        Format::Md => markdown(team, &parts, &m, &forecast, ctx.today),
    })
}

fn sum_json(s: &metrics::Sum, weighted: bool) -> Value {
    match weighted {
        true => json!({"count": s.count, "value": s.value, "weighted": s.weighted}),
        false => json!({"count": s.count, "value": s.value}),
    }
}

fn json(team: &Team, parts: &[Part], m: &Metrics, forecast: &Rollup, today: Date) -> Value {
    let mut o = serde_json::Map::new();
    o.insert("today".into(), json!(today));
    o.insert("currency".into(), json!(team.currency()));
    o.insert("open".into(), sum_json(&m.open, true));
    o.insert(
        "stages".into(),
        Value::Array(
            m.stages
                .iter()
                .map(|s| json!({"stage": s.stage, "count": s.sum.count, "value": s.sum.value, "weighted": s.sum.weighted, "stalled": s.stalled}))
                .collect(),
        ),
    );
    o.insert("won".into(), sum_json(&m.won, false));
    o.insert("lost".into(), sum_json(&m.lost, false));
    o.insert("win_rate".into(), m.win_rate.map_or(Value::Null, round));
    o.insert("since_review".into(), since_review(team, parts));
    o.insert(
        "balance".into(),
        json!({"best_few": m.balance.best_few, "in_funnel": m.balance.in_funnel, "above": m.balance.above, "healthy": m.balance.healthy()}),
    );
    o.insert(
        "forecast".into(),
        team_forecast::json_of(team, forecast, today),
    );
    o.insert("account_warnings".into(), account_warnings(team, today));
    o.insert(
        "owners".into(),
        Value::Array(
            parts
                .iter()
                .map(|p| {
                    let x = &p.metrics;
                    json!({
                        "owner": p.member.owner,
                        "path": p.member.path.display().to_string(),
                        "open": sum_json(&x.open, true),
                        "won": sum_json(&x.won, false),
                        "lost": sum_json(&x.lost, false),
                        "win_rate": x.win_rate.map_or(Value::Null, round),
                        "stalled": team_rollup::stalled(x),
                        "review": p.week.as_ref().map(|w| w.changes.on),
                    })
                })
                .collect(),
        ),
    );
    Value::Object(o)
}

/// Each workspace's changes since its own review, the lists concatenated
/// in the order the workspaces were named, ids as the roll-up writes them;
/// `on` is the latest of those reviews, and `reviews` names each one.
fn since_review(team: &Team, parts: &[Part]) -> Value {
    let weeks: Vec<(&Member, &Week)> = parts
        .iter()
        .filter_map(|p| Some((p.member, p.week.as_ref()?)))
        .collect();
    if weeks.is_empty() {
        return Value::Null;
    }
    let ids = |pick: fn(&metrics::SinceReview) -> &Vec<String>| -> Value {
        weeks
            .iter()
            .flat_map(|(m, w)| pick(&w.changes).iter().map(|id| team.deal_id(m, id)))
            .collect()
    };
    json!({
        "on": weeks.iter().map(|(_, w)| w.changes.on).max(),
        "closed_by": weeks.iter().filter_map(|(_, w)| w.closed_by).max(),
        "new": ids(|s| &s.new),
        "advanced": ids(|s| &s.advanced),
        "regressed": ids(|s| &s.regressed),
        "won": ids(|s| &s.won),
        "lost": ids(|s| &s.lost),
        "slipped": ids(|s| &s.slipped),
        "value_changed": weeks
            .iter()
            .flat_map(|(m, w)| w.changes.value_changed.iter().map(|(id, from, to)| {
                json!({"id": team.deal_id(m, id), "from": *from, "to": *to, "owner": m.owner})
            }))
            .collect::<Vec<_>>(),
        "reviews": weeks
            .iter()
            .map(|(m, w)| json!({"owner": m.owner, "on": w.changes.on, "closed_by": w.closed_by}))
            .collect::<Vec<_>>(),
    })
}

/// Every workspace's account warnings, each with its owner and its account
/// id as the roll-up writes it: the most urgent kind first, then the
/// workspaces in the order named.
fn account_warnings(team: &Team, today: Date) -> Value {
    let mut all = Vec::new();
    for m in team.members {
        for mut w in super::report_accounts::json(&m.workspace, today)
            .as_array()
            .cloned()
            .unwrap_or_default()
        {
            if let Some(id) = w["account"].as_str() {
                w["account"] = json!(team.accounts.id(&m.owner, id));
            }
            w["owner"] = json!(m.owner);
            all.push(w);
        }
    }
    let rank = |w: &Value| RULE_IDS.iter().position(|r| w["rule"] == *r);
    // stable: within a rule, the order of the workspaces and their files
    all.sort_by_key(rank);
    Value::Array(all)
}

fn markdown(team: &Team, parts: &[Part], m: &Metrics, forecast: &Rollup, today: Date) -> String {
    let cur = md(team.currency());
    let mut out = crate::tf!(
        "# Team pipeline report, {today}\n\n",
        today = crate::i18n::numbers::long_date(today)
    );
    let owners: Vec<String> = parts.iter().map(|p| md(&p.member.owner)).collect();
    out.push_str(&format!("{} · {cur}\n\n", owners.join(t(", ")))); // i18n-exempt: names and a currency code
    out.push_str(&report::pipeline(m, &cur));
    out.push_str(t(
        "\n## By owner\n\n| Owner | Open deals | Open value | Weighted | Won | Lost | Win rate | Stalled |\n|---|---:|---:|---:|---:|---:|---:|---:|\n",
    ));
    for p in parts {
        let x = &p.metrics;
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |\n",
            md(&p.member.owner),
            x.open.count,
            x.open.value.grouped(),
            x.open.weighted.grouped(),
            x.won.count,
            x.lost.count,
            pct(x.win_rate),
            team_rollup::stalled(x)
        ));
    }
    out.push('\n');
    out.push_str(&team_forecast::markdown(team, forecast, "##"));
    for p in parts {
        let Some(w) = &p.week else { continue };
        let ws = &p.member.workspace;
        let title = |id: &str| ws.opportunity(id).map_or(md(id), |o| md(&o.title));
        out.push_str(&format!(
            "\n## {} · {}\n\n", // i18n-exempt: an owner and a heading
            md(&p.member.owner),
            w.heading()
        ));
        out.push_str(&super::report::moves(w, title));
    }
    out.push_str(&top_of_the_team(parts, today));
    out
}

/// The team's ten most urgent high flags and ten first actions, each
/// member's ranked as `funnel report` ranks them, then merged: the flags by
/// the deals closest to signing, the actions by score (ties: the workspaces
/// in the order named).
fn top_of_the_team(parts: &[Part], today: Date) -> String {
    const TOP: usize = 10;
    let mut flags = Vec::new();
    let mut actions = Vec::new();
    for (n, p) in parts.iter().enumerate() {
        let ws = &p.member.workspace;
        // every deal's flags once, for both lists; kept until the exit
        let all = super::keep(crate::domain::flags::all_visible(ws, today));
        for (k, (o, f)) in report::top_high_flags(ws, all, TOP).into_iter().enumerate() {
            flags.push(((std::cmp::Reverse(o.stage), n, k), p.member, o, f));
        }
        for (k, e) in crate::domain::priority::ranked(ws, all, today, TOP)
            .into_iter()
            .enumerate()
        {
            actions.push((n, k, p.member, e));
        }
    }
    flags.sort_by_key(|(rank, ..)| *rank);
    actions.sort_by(|(an, ak, _, a), (bn, bk, _, b)| {
        b.score
            .total_cmp(&a.score)
            .then(a.due.is_none().cmp(&b.due.is_none()))
            .then(a.due.cmp(&b.due))
            .then(an.cmp(bn))
            .then(ak.cmp(bk))
    });
    // a deal is named with its owner: two sellers may sell the same thing
    let whose = |m: &Member, title: &str| format!("{} · {}", md(&m.owner), md(title)); // i18n-exempt: an owner and a title
    let mut out = String::new();
    if !flags.is_empty() {
        out.push_str(t("\n## Top red flags\n\n"));
        for (n, (_, m, o, f)) in flags.iter().take(TOP).enumerate() {
            out.push_str(&crate::tf!(
                "{n}. **{title}:** {message}. {suggestion}\n",
                n = n + 1,
                title = whose(m, &o.title),
                message = md(&f.message),
                suggestion = md(&f.suggestion)
            ));
        }
    }
    if !actions.is_empty() {
        out.push_str(t("\n## This week's actions\n\n"));
        for (n, (.., m, e)) in actions.iter().take(TOP).enumerate() {
            let due = e.due.map_or(t("suggested").into(), |d| d.to_string());
            out.push_str(&crate::tf!(
                "{n}. {due} · **{title}:** {text}\n",
                n = n + 1,
                due,
                title = whose(m, &m.workspace.opportunities[e.opportunity].title),
                text = md(&e.text)
            ));
        }
    }
    out
}
