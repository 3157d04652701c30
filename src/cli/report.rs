//! `funnel report`: the weekly pipeline report, as Markdown ready to paste
//! into an email or as JSON (spec section 2).

use super::{Context, Failure};
use crate::domain::flags::{Flag, Severity};
use crate::domain::metrics::{self, Metrics};
use crate::domain::week::{self, Since, Week};
use crate::domain::{Money, Stage, Workspace, priority};
use crate::i18n::t;
use crate::store::to_json_bytes;
use serde_json::{Value, json};

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Md,
    Json,
}

pub fn run(ctx: &Context, format: Format, since: Since) -> Result<String, Failure> {
    let parsed = ctx.read()?;
    let ws = &parsed.workspace;
    let week =
        week::week(ws, ctx.today, since).map_err(|e| Failure::usage(format!("--since: {e}")))?; // i18n-exempt: the option's name
    let m = metrics::compute(ws, ctx.today);
    Ok(match format {
        // the same bytes in every language (spec section 12)
        Format::Json => super::english_if(true, || {
            String::from_utf8(to_json_bytes(&json(ws, &m, week.as_ref(), ctx.today)))
                .expect("UTF-8")
        }),
        Format::Md => markdown(ws, &m, week.as_ref(), ctx.today),
    })
}

pub(super) fn round(x: f64) -> Value {
    json!((x * 10_000.0).round() / 10_000.0)
}

/// The JSON report: the spec's fields, then a few more for scripts.
pub fn json(ws: &Workspace, m: &Metrics, week: Option<&Week>, today: crate::domain::Date) -> Value {
    let mut o = serde_json::Map::new();
    o.insert("today".into(), json!(today));
    o.insert("currency".into(), json!(ws.settings.currency));
    o.insert(
        "open".into(),
        json!({"count": m.open.count, "value": m.open.value, "weighted": m.open.weighted}),
    );
    o.insert(
        "stages".into(),
        Value::Array(
            m.stages
                .iter()
                .map(|s| json!({"stage": s.stage, "count": s.sum.count, "value": s.sum.value, "weighted": s.sum.weighted, "stalled": s.stalled}))
                .collect(),
        ),
    );
    o.insert(
        "won".into(),
        json!({"count": m.won.count, "value": m.won.value}),
    );
    o.insert(
        "lost".into(),
        json!({"count": m.lost.count, "value": m.lost.value}),
    );
    o.insert("win_rate".into(), m.win_rate.map_or(Value::Null, round));
    o.insert(
        "since_review".into(),
        week.map_or(Value::Null, |w| {
            let s = &w.changes;
            json!({
                "on": s.on, "closed_by": w.closed_by, "new": s.new, "advanced": s.advanced, "regressed": s.regressed,
                "won": s.won, "lost": s.lost, "slipped": s.slipped,
                "value_changed": s.value_changed.iter().map(|(id, from, to)| json!({"id": id, "from": *from, "to": *to})).collect::<Vec<_>>(),
            })
        }),
    );
    o.insert(
        "conversion".into(),
        Value::Array(
            m.conversion
                .iter()
                .map(|(a, b, r)| json!({"from": a, "to": b, "rate": r.map_or(Value::Null, round)}))
                .collect(),
        ),
    );
    o.insert(
        "days_per_stage".into(),
        Value::Array(
            m.days_per_stage
                .iter()
                .map(|(s, d)| json!({"stage": s, "days": d.map_or(Value::Null, round)}))
                .collect(),
        ),
    );
    o.insert(
        "velocity_per_day".into(),
        m.velocity.map_or(Value::Null, round),
    );
    o.insert(
        "balance".into(),
        json!({"best_few": m.balance.best_few, "in_funnel": m.balance.in_funnel, "above": m.balance.above, "healthy": m.balance.healthy()}),
    );
    // the current quarter's, as `funnel forecast --format json` prints it
    let f = super::forecast::of_the_week(ws, week, today);
    o.insert(
        "forecast".into(),
        super::forecast::report_json(ws, &f, today),
    );
    o.insert(
        "account_warnings".into(),
        super::report_accounts::json(ws, today),
    );
    Value::Object(o)
}

/// Markdown-escapes user text so a title like `*urgent*` stays text.
pub fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::text::clean(s).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub(super) fn pct(x: Option<f64>) -> String {
    x.map_or("—".into(), |x| format!("{:.0}%", x * 100.0))
}

fn markdown(
    ws: &Workspace,
    m: &Metrics,
    week: Option<&Week>,
    today: crate::domain::Date,
) -> String {
    let cur = md(&ws.settings.currency);
    let title = |id: &str| ws.opportunity(id).map_or(md(id), |o| md(&o.title));
    let mut out = crate::tf!(
        "# Pipeline report, {today}\n\n",
        today = crate::i18n::numbers::long_date(today)
    );
    if !ws.settings.owner.is_empty() {
        out.push_str(&format!("{} · {cur}\n\n", md(&ws.settings.owner)));
    }
    out.push_str(&pipeline(m, &cur));
    // the first question of the Monday call: will we make the number?
    let f = super::forecast::of_the_week(ws, week, today);
    out.push('\n');
    out.push_str(&super::forecast::markdown(ws, &f, "##"));
    if let Some(w) = week {
        out.push_str(&format!("\n## {}\n\n", w.heading()));
        out.push_str(&moves(w, title));
    }
    // every deal's flags once, for the top ten and for the action list
    let all_flags = crate::domain::flags::all_visible(ws, today);
    let flags = top_high_flags(ws, &all_flags, 10);
    if !flags.is_empty() {
        out.push_str(t("\n## Top red flags\n\n"));
        for (n, (o, f)) in flags.iter().enumerate() {
            out.push_str(&crate::tf!(
                "{n}. **{title}:** {message}. {suggestion}\n",
                n = n + 1,
                title = md(&o.title),
                message = md(&f.message),
                suggestion = md(&f.suggestion)
            ));
        }
    }
    out.push_str(&super::report_accounts::markdown(ws, today));
    let actions = priority::ranked(ws, &all_flags, today, 10);
    // freed by the system when the command exits (see `Context::read`)
    std::mem::forget(all_flags);
    if !actions.is_empty() {
        out.push_str(t("\n## This week's actions\n\n"));
        for (n, e) in actions.iter().enumerate() {
            let due = e.due.map_or(t("suggested").into(), |d| d.to_string());
            out.push_str(&crate::tf!(
                "{n}. {due} · **{title}:** {text}\n",
                n = n + 1,
                due,
                title = md(&ws.opportunities[e.opportunity].title),
                text = md(&e.text)
            ));
        }
    }
    out
}

/// The pipeline's lines and its funnel by stage (`cur`: the currency,
/// Markdown-escaped): the head of the weekly report, the team's too.
/// The week's moves as a Markdown list, each kind with the deals' titles
/// (`funnel report`, and each seller's week in `funnel team report`).
pub(super) fn moves(w: &Week, title: impl Fn(&str) -> String) -> String {
    let kinds = w.named(title);
    if kinds.is_empty() {
        return t("Nothing moved.\n").to_owned();
    }
    kinds
        .iter()
        .map(|(name, names)| {
            crate::tf!("- **{name}:** {names}\n", name, names = names.join(t("; ")))
        })
        .collect()
}

pub(super) fn pipeline(m: &Metrics, cur: &str) -> String {
    let mut out = String::new();
    out.push_str(&crate::tf!(
        "- **Open:** {deals}, {value} {cur}, weighted {weighted} {cur}\n",
        deals = crate::text::count(m.open.count as i64, "deal", "deals"),
        value = m.open.value.grouped(),
        weighted = m.open.weighted.grouped(),
        cur
    ));
    out.push_str(&crate::tf!(
        "- **Won:** {won} ({won_value} {cur}) · **Lost:** {lost} ({lost_value} {cur}) · **Win rate:** {rate}\n",
        won = crate::text::grouped(m.won.count as i64),
        won_value = m.won.value.grouped(),
        lost = crate::text::grouped(m.lost.count as i64),
        lost_value = m.lost.value.grouped(),
        rate = pct(m.win_rate),
        cur
    ));
    if let Some(v) = m.velocity {
        out.push_str(&crate::tf!(
            "- **Sales velocity:** {value} {cur} a day\n",
            value = Money((v * 100.0) as i64).grouped(),
            cur
        ));
    }
    out.push_str(t(
        "\n## The funnel\n\n| Stage | Deals | Value | Weighted | Stalled |\n|---|---:|---:|---:|---:|\n",
    ));
    for s in &m.stages {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            s.stage.name(),
            s.sum.count,
            s.sum.value.grouped(),
            s.sum.weighted.grouped(),
            s.stalled
        ));
    }
    let b = m.balance;
    out.push_str(&crate::tf!(
        "\nBest few {best} · in the funnel {in_funnel} · above the funnel {above}: {verdict}\n",
        best = b.best_few,
        in_funnel = b.in_funnel,
        above = b.above,
        verdict = if b.healthy() {
            t("a healthy funnel shape.")
        } else {
            t("not a funnel shape; feed it from above.")
        }
    ));
    out
}

/// The first `n` high-severity flags in the order of `funnel flags` (the
/// deals closest to signing first, then file order, then each deal's own
/// order), chosen without sorting all of them: 740,000 at 100,000 deals.
pub(super) fn top_high_flags<'a>(
    ws: &'a Workspace,
    all: &'a [Vec<Flag>],
    n: usize,
) -> Vec<(&'a crate::domain::Opportunity, &'a Flag)> {
    let mut high: Vec<(Stage, usize, usize)> = all
        .iter()
        .enumerate()
        .flat_map(|(deal, flags)| {
            let stage = ws.opportunities[deal].stage;
            flags
                .iter()
                .enumerate()
                .filter(|(_, f)| f.severity == Severity::High)
                .map(move |(k, _)| (stage, deal, k))
        })
        .collect();
    let order = |a: &(Stage, usize, usize), b: &(Stage, usize, usize)| {
        b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2))
    };
    if n < high.len() {
        if n > 0 {
            high.select_nth_unstable_by(n - 1, order);
        }
        high.truncate(n);
    }
    high.sort_unstable_by(order);
    high.into_iter()
        .map(|(_, deal, k)| (&ws.opportunities[deal], &all[deal][k]))
        .collect()
}
