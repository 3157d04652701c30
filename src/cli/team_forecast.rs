//! `funnel team forecast`: each workspace's forecast of the period, with
//! its own targets and settings, summed into the team's (its target the sum
//! of the members'), and a row per owner. The weekly team report prints
//! the same section and carries the same JSON.

use super::forecast::{self as single, Format, amount, ratio};
use super::report::md;
use super::table::{Align, Table};
use super::team::Team;
use super::{Context, Failure};
use crate::domain::forecast::{self, Forecast};
use crate::domain::{Date, Money, Period, team_rollup};
use crate::i18n::t;
use crate::store::team::Member;
use serde_json::{Value, json};

/// Each member's forecast (those that have `owner`'s deals or target, when
/// one is named), and the team's.
pub struct Rollup {
    pub each: Vec<(&'static Member, Forecast)>,
    pub team: Forecast,
}

impl Rollup {
    pub fn new(team: &Team, each: Vec<(&'static Member, Forecast)>) -> Rollup {
        let named: Vec<(&str, &Forecast)> =
            each.iter().map(|(m, f)| (m.owner.as_str(), f)).collect();
        let sum = team_rollup::forecast(&named, &team.deals);
        Rollup { each, team: sum }
    }
}

pub fn run(
    ctx: &Context,
    team: &Team,
    period: Option<Period>,
    owner: Option<&str>,
    format: Format,
) -> Result<String, Failure> {
    let owner = owner.map(str::trim);
    let period = period.unwrap_or_else(|| Period::quarter_of(ctx.today));
    let mut each = Vec::new();
    for m in team.members {
        let ws = &m.workspace;
        if let Some(name) = owner
            && !forecast::owners(ws).iter().any(|o| o.trim() == name)
        {
            continue;
        }
        let mut f = forecast::compute(ws, period, owner, ctx.today);
        if owner.is_some_and(|name| ws.settings.owner.trim() == name) {
            team_rollup::own_targets(&mut f, &ws.settings.targets);
        }
        each.push((m, f));
    }
    if let Some(name) = owner
        && each.is_empty()
    {
        let mut owners: Vec<String> = team
            .members
            .iter()
            .flat_map(|m| forecast::owners(&m.workspace))
            .collect();
        owners.sort();
        owners.dedup();
        return Err(Failure::usage(single::unknown_owner(name, &owners)));
    }
    let r = Rollup::new(team, each);
    Ok(match format {
        // the same bytes in every language (spec section 12)
        Format::Json => super::english_if(true, || {
            String::from_utf8(crate::store::to_json_bytes(&json_of(team, &r, ctx.today)))
                .expect("UTF-8")
        }),
        Format::Table => single::table_of(
            team.currency(),
            &r.team,
            &titles(team, &r.team),
            &owners_table(&r),
        ),
        Format::Md => markdown(team, &r, "##"),
    })
}

/// The team's forecast as a Markdown section (`level`: its heading's `#`s).
pub fn markdown(team: &Team, r: &Rollup, level: &str) -> String {
    single::markdown_of(
        team.currency(),
        &r.team,
        level,
        &titles(team, &r.team),
        &owners_markdown(r, level),
    )
}

/// The title of each deal the team's moves name, by its id as written.
fn titles(team: &Team, f: &Forecast) -> impl Fn(&str) -> String + use<> {
    let wanted = single::moved_ids(f);
    let mut found = std::collections::HashMap::new();
    if !wanted.is_empty() {
        for m in team.members {
            for o in &m.workspace.opportunities {
                let id = team.deal_id(m, &o.id);
                if wanted.contains(id.as_str()) {
                    found.insert(id, o.title.clone());
                }
            }
        }
    }
    move |id: &str| found.get(id).cloned().unwrap_or_default()
}

/// One owner's cells: target, won, commit, best case, pipeline, weighted,
/// gap, coverage.
fn cells(f: &Forecast) -> Vec<String> {
    let money = |m: Option<Money>| m.map_or("—".into(), amount); // i18n-exempt: a dash for no amount
    let x = &f.figures;
    vec![
        money(f.target),
        amount(x.won),
        amount(x.commit),
        amount(x.best_case),
        amount(x.pipeline),
        amount(f.weighted),
        money(f.gap()),
        ratio(f.coverage()),
    ]
}

fn headers() -> [&'static str; 8] {
    [
        t("Target"),
        t("Won"),
        t("Commit"),
        t("Best case"),
        t("Pipeline"),
        t("Weighted"),
        t("Gap"),
        t("Coverage"),
    ]
}

fn owners_table(r: &Rollup) -> String {
    let mut columns = vec![(t("Owner"), Align::Left, 20)];
    columns.extend(headers().map(|h| (h, Align::Right, 16)));
    let mut tab = Table::new(columns);
    for (m, f) in &r.each {
        let mut row = vec![m.owner.clone()];
        row.extend(cells(f));
        tab.row(row);
    }
    format!("{}\n{}\n", t("By owner"), tab.render())
}

fn owners_markdown(r: &Rollup, level: &str) -> String {
    let mut out = format!("{level}# {}\n\n| {} |", t("By owner"), t("Owner"));
    for h in headers() {
        out.push_str(&format!(" {h} |"));
    }
    out.push_str("\n|---|");
    out.push_str(&"---:|".repeat(headers().len()));
    out.push('\n');
    for (m, f) in &r.each {
        out.push_str(&format!(
            "| {} | {} |\n",
            md(&m.owner),
            cells(f).join(" | ")
        ));
    }
    out.push('\n');
    out
}

/// The JSON of `funnel forecast` for the team: its figures summed, its
/// counts and its deals those of every member (each deal with its owner and
/// its id as the roll-up writes it), and `owners`, each member's figures.
pub fn json_of(team: &Team, r: &Rollup, today: Date) -> Value {
    let first = &team.members[0].workspace;
    let mut top = single::report_json(first, &r.team, today);
    let members: Vec<(&Member, Value)> = r
        .each
        .iter()
        .map(|(m, f)| (*m, single::report_json(&m.workspace, f, today)))
        .collect();
    let mut counts = json!({});
    let mut months: Vec<Value> = r.team.months.iter().map(|_| json!({})).collect();
    let mut deals = Vec::new();
    let mut moved = Vec::new();
    let mut changed = Vec::new();
    for (m, v) in &members {
        add_counts(&mut counts, &v["counts"]);
        for (into, month) in months
            .iter_mut()
            .zip(v["months"].as_array().into_iter().flatten())
        {
            add_counts(into, &month["counts"]);
        }
        let owned = |list: &Value, into: &mut Vec<Value>| {
            for item in list.as_array().into_iter().flatten() {
                let mut item = item.clone();
                if let Some(id) = item["id"].as_str() {
                    item["id"] = json!(team.deal_id(m, id));
                }
                item["owner"] = json!(m.owner);
                into.push(item);
            }
        };
        owned(&v["deals"], &mut deals);
        owned(&v["moves"]["moved"], &mut moved);
        owned(&v["moves"]["category_changed"], &mut changed);
    }
    // a team without members' counts still writes the single one's zeros
    if members.is_empty() {
        counts = top["counts"].clone();
    }
    top["counts"] = counts;
    if let Some(list) = top["months"].as_array_mut() {
        for (month, counts) in list.iter_mut().zip(months) {
            if !members.is_empty() {
                month["counts"] = counts;
            }
        }
    }
    top["deals"] = Value::Array(deals);
    top["moves"]["moved"] = Value::Array(moved);
    top["moves"]["category_changed"] = Value::Array(changed);
    top["owners"] = Value::Array(
        members
            .iter()
            .map(|(m, v)| {
                let mut o = serde_json::Map::new();
                o.insert("owner".into(), json!(m.owner));
                o.insert("path".into(), json!(m.path.display().to_string()));
                for key in [
                    "target",
                    "won",
                    "commit",
                    "best_case",
                    "pipeline",
                    "omitted",
                    "weighted",
                    "gap",
                    "coverage",
                    "counts",
                ] {
                    o.insert(key.into(), v[key].clone());
                }
                o.insert("since".into(), v["moves"]["since"].clone());
                Value::Object(o)
            })
            .collect(),
    );
    top
}

/// Adds each count of `b` to `a`'s (both `{"won": n, …}`).
fn add_counts(a: &mut Value, b: &Value) {
    let (Some(a), Some(b)) = (a.as_object_mut(), b.as_object()) else {
        return;
    };
    for (k, v) in b {
        let sum = a.get(k).and_then(Value::as_u64).unwrap_or(0) + v.as_u64().unwrap_or(0);
        a.insert(k.clone(), json!(sum));
    }
}
