//! `funnel sheet ID [--format md|json]`: the deal's strategy one-pager (the
//! Blue Sheet, spec section 9) a manager reads before a deal review: where
//! the deal stands, its objective, the buying influences with their modes
//! and coverage, the red flags and strengths, the competition, the decision
//! criteria, the close plan against the expected close date, and the best
//! actions. Markdown to paste (in the reader's language), JSON to script
//! (the same bytes in every language). Read-only.
//!
//! Every section is printed even when empty ("none yet"): a manager must see
//! what is missing, not wonder whether it was left out.

use super::md_doc::{date_or_dash, heading, money, table};
use super::report::md;
use super::{Context, Failure};
use crate::domain::flags::{self, Flag};
use crate::domain::priority::{self, Entry};
use crate::domain::strategy::{self, PlanDates};
use crate::domain::{
    CompellingEvent, Competitor, Criterion, Date, Influence, Money, Opportunity, Percent, PlanStep,
    Role, Score, Standing, Status, TeamMember, ValueProposition, Workspace,
};
use crate::i18n::t;
use crate::store::to_json_bytes;
use serde::Serialize;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Md,
    Json,
}

/// How many of the deal's entries of the prioritised action list it shows.
pub const BEST_ACTIONS: usize = 5;

pub fn run(ctx: &Context, id: &str, format: Format) -> Result<String, Failure> {
    let parsed = ctx.read()?;
    let ws = &parsed.workspace;
    let o = ws
        .opportunity(id)
        .ok_or_else(|| Failure::usage(unknown(id)))?;
    Ok(match format {
        // the same bytes in every language (spec section 12): the messages,
        // strengths, advice and reasons are written in English
        Format::Json => super::english_if(true, || {
            let sheet = Sheet::of(ws, o, ctx.today);
            String::from_utf8(to_json_bytes(&json(ws, &sheet, ctx.today))).expect("UTF-8")
        }),
        Format::Md => markdown(ws, &Sheet::of(ws, o, ctx.today), ctx.today),
    })
}

/// `"o99": no opportunity has this id (…)`.
fn unknown(id: &str) -> String {
    crate::tf!(
        "{id}: no opportunity has this id (`funnel list --all` shows them)",
        id = format!("{id:?}")
    )
}

/// What both formats show, computed once in the language being written.
struct Sheet<'a> {
    o: &'a Opportunity,
    /// The red flags that show, most severe first.
    flags: Vec<Flag>,
    /// The snoozed ones, each with its snooze (until when, and why).
    snoozed: Vec<(Flag, crate::domain::Snooze)>,
    strengths: Vec<String>,
    plan: PlanDates,
    /// This deal's entries of the prioritised action list, best first.
    actions: Vec<Entry>,
    /// The buying roles nobody on the deal holds, in the method's order.
    missing: Vec<Role>,
}

impl<'a> Sheet<'a> {
    fn of(ws: &Workspace, o: &'a Opportunity, today: Date) -> Sheet<'a> {
        let mut flags = Vec::new();
        let mut snoozed = Vec::new();
        for (f, z) in flags::flag_rows(o, &ws.settings, today) {
            match z {
                Some(z) => snoozed.push((f, z.clone())),
                None => flags.push(f),
            }
        }
        Sheet {
            o,
            snoozed,
            flags,
            strengths: flags::strengths(o),
            plan: strategy::plan_dates(o),
            actions: best_actions(ws, o, today),
            missing: Role::ALL
                .iter()
                .copied()
                .filter(|r| !o.influences.iter().any(|p| p.has_role(*r)))
                .collect(),
        }
    }
}

/// The deal's entries of the prioritised action list (spec section 4), the
/// first [`BEST_ACTIONS`]. An entry's score depends on its deal alone (the
/// deal's stage, weighted value and red flags, the action's dates), so the
/// list of a workspace holding only this deal ranks them as the whole
/// list does, without ranking every other deal's actions. A closed deal
/// has none.
fn best_actions(ws: &Workspace, o: &Opportunity, today: Date) -> Vec<Entry> {
    if !o.is_open() {
        return Vec::new();
    }
    let one = Workspace {
        settings: ws.settings.clone(),
        opportunities: vec![o.clone()],
        ..Workspace::default()
    };
    priority::top(&one, today, BEST_ACTIONS)
}

/// The person of the deal with this id.
fn person<'a>(o: &'a Opportunity, id: &str) -> Option<&'a Influence> {
    o.influences.iter().find(|p| p.id == id)
}

/// Who holds a criterion, by name (the id itself when no influence has it).
fn holder<'a>(o: &'a Opportunity, k: &'a Criterion) -> Option<&'a str> {
    k.held_by
        .as_deref()
        .map(|id| person(o, id).map_or(id, |p| p.name.as_str()))
}

/// The method's advice for a criterion we are behind on.
fn advice(k: &Criterion) -> Option<&'static str> {
    (k.standing == Standing::Behind).then(|| strategy::criterion_advice(k.kind))
}

// ---------------------------------------------------------------------------
// JSON

/// The object `funnel sheet ID --format json` prints, fields in this order
/// (a contract: fields may be added, never renamed or removed; enum words
/// are the workspace's spellings, texts are English in every language):
///
/// - `id`, `title`, `account` (the account's id), `account_name`;
/// - `stage`, `status` (`open`, `won`, `lost`, `abandoned`), `closed_on`
///   (the outcome's date, `null` while open), `days_in_stage` (`null` when
///   closed or not known);
/// - `value`, `currency`, `probability_used`, `weighted` (amounts as the
///   workspace writes them), `forecast_category_used` (`null` when closed,
///   as `list --format json`), `expected_close`, `owner` (the deal's, else
///   the workspace's), `objective`, `today`;
/// - `value_proposition`: `{"needs", "benefits", "differentiators"}`;
///   `compelling_event`: `{"text", "on"}` or `null`; `decision_process`;
///   `team`: `[{"name", "role"}]`;
/// - `influences`: `[{"id", "name", "title", "roles", "attitude", "mode",
///   "influence", "coverage" (0 to 3), "last_contact"}]`; `roles_missing`:
///   the buying roles nobody holds (`economic`, `user`, `technical`,
///   `coach`);
/// - `flags`: the red flags that show, most severe first, `[{"rule",
///   "severity", "subject", "message", "suggestion"}]`; `snoozed`: the
///   snoozed ones, `[{"rule", "severity", "subject", "message", "until",
///   "reason"}]`; `strengths`: `[TEXT]`;
/// - `competition`: `[{"id", "name", "position", "strengths",
///   "weaknesses"}]`;
/// - `decision_criteria`, heaviest first: `[{"id", "text", "kind",
///   "weight", "held_by" (an influence's id), "held_by_name", "standing",
///   "advice" (the method's, when we are behind; else `null`)}]`;
/// - `close_plan`: `{"steps": [{"id", "text", "side", "due", "done"}] (by
///   due date, undated last), "ends" (the latest due date), "ends_after_close",
///   "open", "done"}`;
/// - `actions`: the deal's first five entries of the prioritised action
///   list, as `actions --format json` writes them without `opportunity`:
///   `[{"action", "text", "due", "suggested", "score", "why": [{"factor",
///   "points"}]}]`.
#[derive(Serialize)]
struct Json<'a> {
    id: &'a str,
    title: &'a str,
    account: &'a str,
    account_name: Option<&'a str>,
    stage: &'static str,
    status: &'static str,
    closed_on: Option<Date>,
    days_in_stage: Option<i64>,
    value: Money,
    currency: &'a str,
    probability_used: Percent,
    weighted: Money,
    forecast_category_used: Option<&'static str>,
    expected_close: Option<Date>,
    owner: &'a str,
    objective: &'a str,
    today: Date,
    value_proposition: &'a ValueProposition,
    compelling_event: Option<&'a CompellingEvent>,
    decision_process: &'a str,
    team: &'a [TeamMember],
    influences: Vec<InfluenceJson<'a>>,
    roles_missing: Vec<&'static str>,
    flags: Vec<FlagJson<'a>>,
    snoozed: Vec<SnoozedJson<'a>>,
    strengths: &'a [String],
    competition: &'a [Competitor],
    decision_criteria: Vec<CriterionJson<'a>>,
    close_plan: PlanJson<'a>,
    actions: Vec<super::actions::JsonEntry<'a>>,
}

#[derive(Serialize)]
struct InfluenceJson<'a> {
    id: &'a str,
    name: &'a str,
    title: &'a str,
    roles: Vec<&'static str>,
    attitude: &'static str,
    mode: &'static str,
    influence: Option<&'static str>,
    coverage: u8,
    last_contact: Option<Date>,
}

#[derive(Serialize)]
struct FlagJson<'a> {
    rule: &'static str,
    severity: &'static str,
    subject: Option<&'a str>,
    message: &'a str,
    suggestion: &'a str,
}

#[derive(Serialize)]
struct SnoozedJson<'a> {
    rule: &'static str,
    severity: &'static str,
    subject: Option<&'a str>,
    message: &'a str,
    until: Date,
    reason: &'a str,
}

#[derive(Serialize)]
struct CriterionJson<'a> {
    id: &'a str,
    text: &'a str,
    kind: Option<&'static str>,
    weight: Option<Score>,
    held_by: Option<&'a str>,
    held_by_name: Option<&'a str>,
    standing: &'static str,
    advice: Option<&'static str>,
}

#[derive(Serialize)]
struct PlanJson<'a> {
    steps: Vec<&'a PlanStep>,
    ends: Option<Date>,
    ends_after_close: bool,
    open: usize,
    done: usize,
}

fn json<'a>(ws: &'a Workspace, s: &'a Sheet<'a>, today: Date) -> Json<'a> {
    let o = s.o;
    let settings = &ws.settings;
    Json {
        id: &o.id,
        title: &o.title,
        account: &o.account,
        account_name: ws.account(&o.account).map(|a| a.name.as_str()),
        stage: o.stage.as_str(),
        status: o.status().as_str(),
        closed_on: o.outcome.as_ref().map(|x| x.on),
        days_in_stage: o.is_open().then(|| o.days_in_stage(today)).flatten(),
        value: o.value,
        currency: &settings.currency,
        probability_used: o.probability_used(settings),
        weighted: o.weighted(settings),
        forecast_category_used: o
            .is_open()
            .then(|| crate::domain::forecast::category(o, settings).as_str()),
        expected_close: o.expected_close,
        owner: crate::domain::forecast::owner_of(o, settings),
        objective: &o.objective,
        today,
        // the workspace's own records, written as the file writes them
        value_proposition: &o.value_proposition,
        compelling_event: o.compelling_event.as_ref(),
        decision_process: &o.decision_process,
        team: &o.team,
        influences: o
            .influences
            .iter()
            .map(|p| InfluenceJson {
                id: &p.id,
                name: &p.name,
                title: &p.title,
                roles: p.roles.iter().map(|r| r.as_str()).collect(),
                attitude: p.attitude.as_str(),
                mode: p.mode.as_str(),
                influence: p.influence.map(|l| l.as_str()),
                coverage: p.coverage.0,
                last_contact: p.last_contact,
            })
            .collect(),
        roles_missing: s.missing.iter().map(|r| r.as_str()).collect(),
        flags: s
            .flags
            .iter()
            .map(|f| FlagJson {
                rule: f.rule.as_str(),
                severity: f.severity.as_str(),
                subject: f.subject.as_deref(),
                message: &f.message,
                suggestion: &f.suggestion,
            })
            .collect(),
        snoozed: s
            .snoozed
            .iter()
            .map(|(f, z)| SnoozedJson {
                rule: f.rule.as_str(),
                severity: f.severity.as_str(),
                subject: f.subject.as_deref(),
                message: &f.message,
                until: z.until,
                reason: &z.reason,
            })
            .collect(),
        strengths: &s.strengths,
        competition: &o.competition,
        decision_criteria: strategy::criteria_in_order(o)
            .into_iter()
            .map(|k| CriterionJson {
                id: &k.id,
                text: &k.text,
                kind: k.kind.map(|x| x.as_str()),
                weight: k.weight,
                held_by: k.held_by.as_deref(),
                held_by_name: k
                    .held_by
                    .as_deref()
                    .and_then(|id| person(o, id))
                    .map(|p| p.name.as_str()),
                standing: k.standing.as_str(),
                advice: advice(k),
            })
            .collect(),
        close_plan: PlanJson {
            steps: strategy::plan_in_order(o),
            ends: s.plan.ends,
            ends_after_close: s.plan.ends_after_close,
            open: s.plan.open,
            done: s.plan.done,
        },
        actions: s
            .actions
            .iter()
            .map(|e| super::actions::entry_json(None, e))
            .collect(),
    }
}

// ---------------------------------------------------------------------------
// Markdown

/// Text in a Markdown table cell or a list item: escaped, on one line.
fn cell(s: &str) -> String {
    md(s.trim())
}

/// A text, or `—` when it is empty.
fn or_dash(s: &str) -> String {
    match s.trim() {
        "" => "—".to_owned(), // i18n-exempt: a dash for nothing
        s => cell(s),
    }
}

/// The section's words when it has nothing yet.
fn none_yet(out: &mut String) {
    out.push_str(t("None yet."));
    out.push('\n');
}

fn markdown(ws: &Workspace, s: &Sheet, today: Date) -> String {
    let o = s.o;
    let mut out = crate::tf!("# Blue Sheet: {title}\n\n", title = cell(&o.title));
    let account = ws
        .account(&o.account)
        .map_or(o.account.as_str(), |a| a.name.as_str());
    out.push_str(&crate::tf!(
        "{account} · {id} · as of {today}\n",
        account = cell(account),
        id = cell(&o.id),
        today = crate::i18n::numbers::long_date(today)
    ));
    position(&mut out, ws, o, today);
    strategy_sections(&mut out, o);
    influences(&mut out, s);
    flags_and_strengths(&mut out, s);
    competition(&mut out, o);
    criteria(&mut out, o);
    close_plan(&mut out, s);
    actions(&mut out, s, today);
    out
}

fn position(out: &mut String, ws: &Workspace, o: &Opportunity, today: Date) {
    let settings = &ws.settings;
    let cur = &settings.currency;
    heading(out, t("## Position"));
    let stage = match (o.status(), o.days_in_stage(today)) {
        (Status::Open, Some(days)) => crate::tf!(
            "{stage}, {days} in this stage",
            stage = o.stage.name(),
            days = crate::text::count(days, "day", "days")
        ),
        _ => o.stage.name(),
    };
    out.push_str(&crate::tf!("- **Stage:** {stage}\n", stage));
    if let Some(x) = &o.outcome {
        let outcome = crate::tf!("{result} on {on}", result = x.result.label(), on = x.on);
        let reason = match x.reason.trim() {
            "" => String::new(),
            r => format!(" · {}", cell(r)), // i18n-exempt: a separator and a text
        };
        out.push_str(&crate::tf!(
            "- **Outcome:** {outcome}{reason}\n",
            outcome,
            reason
        ));
    }
    out.push_str(&crate::tf!(
        "- **Value:** {value} · probability used {p}% · weighted {weighted}\n",
        value = money(o.value, cur),
        p = o.probability_used(settings).0,
        weighted = money(o.weighted(settings), cur)
    ));
    if o.is_open() {
        let category = crate::domain::forecast::category(o, settings);
        let how = match o.forecast_category {
            Some(_) => t("set on the deal"),
            None => t("from its probability"),
        };
        out.push_str(&crate::tf!(
            "- **Forecast category:** {category} ({how})\n",
            category = category.label(),
            how
        ));
    }
    out.push_str(&crate::tf!(
        "- **Expected close:** {close}\n",
        close = o
            .expected_close
            .map_or_else(|| t("not set").to_owned(), |d| d.to_string())
    ));
    out.push_str(&crate::tf!(
        "- **Owner:** {owner}\n",
        owner = or_dash(crate::domain::forecast::owner_of(o, settings))
    ));
    out.push_str(&crate::tf!(
        "- **Single sales objective:** {objective}\n",
        objective = match o.objective.trim() {
            "" => t("none yet").to_owned(),
            x => cell(x),
        }
    ));
}

/// The value proposition, the compelling event, the decision process and
/// our team.
fn strategy_sections(out: &mut String, o: &Opportunity) {
    heading(out, t("## Value proposition"));
    let vp = &o.value_proposition;
    let or_none = |s: &str| match s.trim() {
        "" => t("none yet").to_owned(),
        x => cell(x),
    };
    out.push_str(&crate::tf!(
        "- **Needs:** {text}\n",
        text = or_none(&vp.needs)
    ));
    out.push_str(&crate::tf!(
        "- **Benefits:** {text}\n",
        text = or_none(&vp.benefits)
    ));
    out.push_str(&crate::tf!(
        "- **Differentiators:** {text}\n",
        text = or_none(&vp.differentiators)
    ));

    heading(out, t("## Compelling event"));
    match &o.compelling_event {
        Some(e) if !e.text.trim().is_empty() || e.on.is_some() => {
            let text = or_dash(&e.text);
            out.push_str(&match e.on {
                Some(on) => crate::tf!("{text} (by {on})\n", text, on),
                None => crate::tf!("{text} (no date yet)\n", text),
            });
        }
        _ => none_yet(out),
    }

    heading(out, t("## Decision process"));
    match o.decision_process.trim() {
        "" => none_yet(out),
        text => {
            out.push_str(&cell(text));
            out.push('\n');
        }
    }

    heading(out, t("## Our team"));
    if o.team.is_empty() {
        none_yet(out);
    }
    for m in &o.team {
        out.push_str(&match m.role.trim() {
            "" => format!("- {}\n", cell(&m.name)), // i18n-exempt: a list item
            role => format!("- {}: {}\n", cell(&m.name), cell(role)), // i18n-exempt: a name and a role
        });
    }
}

/// `2 one-to-one`: the coverage with the method's words.
fn coverage(c: u8) -> &'static str {
    t(crate::domain::edit::COVERAGE[usize::from(c.min(3))])
}

fn influences(out: &mut String, s: &Sheet) {
    let o = s.o;
    heading(out, t("## Buying influences"));
    if o.influences.is_empty() {
        none_yet(out);
    } else {
        let rows: Vec<Vec<String>> = o
            .influences
            .iter()
            .map(|p| {
                let roles: Vec<String> = p.roles.iter().map(|r| r.label()).collect();
                vec![
                    cell(&p.name),
                    or_dash(&p.title),
                    or_dash(&roles.join(t(", "))),
                    md(&format!("{} {}", p.attitude.symbol(), p.attitude.label())), // i18n-exempt: a mark and its word
                    p.mode.label(),
                    p.influence.map_or_else(|| "—".to_owned(), |l| l.label()), // i18n-exempt: a dash for not known
                    coverage(p.coverage.0).to_owned(),
                    date_or_dash(p.last_contact),
                ]
            })
            .collect();
        table(
            out,
            t(
                "| Name | Title | Roles | Attitude | Mode | Influence | Coverage (time with them) | Last contact |",
            ),
            &rows,
        );
    }
    if !s.missing.is_empty() {
        let roles: Vec<String> = s.missing.iter().map(|r| r.label()).collect();
        out.push_str(&crate::tf!(
            "\n**Roles nobody holds:** {roles}.\n",
            roles = roles.join(t(", "))
        ));
    }
}

fn severity(f: &Flag) -> String {
    crate::i18n::word("severity", f.severity.as_str())
}

fn flags_and_strengths(out: &mut String, s: &Sheet) {
    heading(out, t("## Red flags"));
    if s.flags.is_empty() {
        out.push_str(if s.o.is_open() {
            t("None.")
        } else {
            t("None: a closed deal carries no red flags.")
        });
        out.push('\n');
    }
    for f in &s.flags {
        out.push_str(&crate::tf!(
            "- **{severity}** · {message}\n  - {suggestion}\n",
            severity = severity(f),
            message = cell(&f.message),
            suggestion = cell(&f.suggestion)
        ));
    }
    if !s.snoozed.is_empty() {
        out.push_str(t("\nSnoozed (hidden until the day after the date):\n"));
    }
    for (f, z) in &s.snoozed {
        out.push_str(&crate::tf!(
            "- {message} · until {until}: {reason}\n",
            message = cell(&f.message),
            until = z.until,
            reason = match z.reason.trim() {
                "" => t("no reason given").to_owned(),
                r => cell(r),
            }
        ));
    }
    heading(out, t("## Strengths"));
    if s.strengths.is_empty() {
        none_yet(out);
    }
    for x in &s.strengths {
        out.push_str(&format!("- {}\n", cell(x))); // i18n-exempt: a list item
    }
}

/// `a; b`, or `—`.
fn list(items: &[String]) -> String {
    let items: Vec<String> = items
        .iter()
        .filter(|x| !x.trim().is_empty())
        .map(|x| cell(x))
        .collect();
    match items.is_empty() {
        true => "—".to_owned(), // i18n-exempt: a dash for nothing
        false => items.join(t("; ")),
    }
}

/// `▲ ahead`.
fn standing(s: Standing) -> String {
    format!("{} {}", s.symbol(), s.label()) // i18n-exempt: a mark and its word
}

fn competition(out: &mut String, o: &Opportunity) {
    heading(out, t("## Competition"));
    if o.competition.is_empty() {
        none_yet(out);
        return;
    }
    let rows: Vec<Vec<String>> = o
        .competition
        .iter()
        .map(|c| {
            vec![
                cell(&c.name),
                standing(c.position),
                list(&c.strengths),
                list(&c.weaknesses),
            ]
        })
        .collect();
    table(
        out,
        t("| Competitor | Their position | Their strengths | Their weaknesses |"),
        &rows,
    );
}

fn criteria(out: &mut String, o: &Opportunity) {
    heading(out, t("## Decision criteria"));
    let list = strategy::criteria_in_order(o);
    if list.is_empty() {
        none_yet(out);
        return;
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|k| {
            vec![
                k.weight.map_or_else(|| "—".to_owned(), |w| w.0.to_string()), // i18n-exempt: a dash for no weight
                cell(&k.text),
                k.kind.map_or_else(|| "—".to_owned(), |x| x.label()), // i18n-exempt: a dash for no kind
                holder(o, k).map_or_else(|| "—".to_owned(), cell), // i18n-exempt: a dash for nobody
                standing(k.standing),
            ]
        })
        .collect();
    table(
        out,
        t("| Weight | Criterion | Kind | Held by | Where we stand |"),
        &rows,
    );
    let behind: Vec<(&Criterion, &str)> = list
        .iter()
        .filter_map(|k| advice(k).map(|a| (*k, a)))
        .collect();
    if !behind.is_empty() {
        out.push_str(t("\nWhere we are behind, the method advises:\n\n"));
        for (k, a) in behind {
            out.push_str(&crate::tf!(
                "- **{criterion}:** {advice}\n",
                criterion = cell(&k.text),
                advice = a
            ));
        }
    }
}

fn close_plan(out: &mut String, s: &Sheet) {
    let o = s.o;
    heading(out, t("## Close plan"));
    let steps = strategy::plan_in_order(o);
    if steps.is_empty() {
        none_yet(out);
        return;
    }
    let done = |st: &crate::domain::PlanStep| match st.done {
        Some(d) => d.to_string(),
        None => t("not yet").to_owned(),
    };
    let rows: Vec<Vec<String>> = steps
        .iter()
        .map(|st| {
            vec![
                date_or_dash(st.due),
                cell(&st.text),
                st.side.map_or_else(|| "—".to_owned(), |x| x.label()), // i18n-exempt: a dash for no side
                done(st),
            ]
        })
        .collect();
    table(out, t("| Due | Step | Side | Done |"), &rows);
    out.push('\n');
    out.push_str(&plan_line(o, &s.plan));
    out.push('\n');
}

/// The close plan against the expected close date, and how far it is.
fn plan_line(o: &Opportunity, p: &PlanDates) -> String {
    let against = match (p.ends, o.expected_close) {
        (None, _) => t("No step has a due date: the plan does not say when it ends.").to_owned(),
        (Some(ends), None) => crate::tf!(
            "The plan ends {ends}; the deal has no expected close date.",
            ends
        ),
        (Some(ends), Some(close)) if p.ends_after_close => crate::tf!(
            "**The plan ends {ends}, after the expected close {close}: the date is not real.**",
            ends,
            close
        ),
        (Some(ends), Some(close)) => crate::tf!(
            "The plan ends {ends}, by the expected close {close}.",
            ends,
            close
        ),
    };
    let done = crate::tf!(
        "{done} of {total} steps done.",
        done = p.done,
        total = p.done + p.open
    );
    // Chinese sentences follow each other without a space
    match crate::i18n::lang() {
        crate::i18n::Lang::En => format!("{against} {done}"),
        crate::i18n::Lang::Zh => format!("{against}{done}"),
    }
}

/// The action's text, with its kind and time when set (`meeting 11-24
/// 09:30`) and a mark on a call, meeting or visit due within two days
/// without a call plan (the red flag `no-call-plan`).
fn action_cell(o: &Opportunity, e: &Entry, today: Date) -> String {
    let mut text = cell(&e.text);
    let Some(a) = e.action_on(o) else {
        return text;
    };
    let mut when = Vec::new();
    if let Some(kind) = a.kind {
        when.push(kind.shown());
    }
    if let (Some(due), Some(at)) = (a.due, a.at) {
        when.push(format!("{} {at}", due.0.format("%m-%d"))); // i18n-exempt: a day and a time
    }
    if !when.is_empty() {
        text.push_str(&format!(" · {}", when.join(" "))); // i18n-exempt: a separator
    }
    // the mark of the red flag no-call-plan, where it holds
    if a.needs_plan(today) {
        text.push_str(&format!(" · **{}**", t("⚠ no call plan"))); // i18n-exempt: a separator
    }
    text
}

fn actions(out: &mut String, s: &Sheet, today: Date) {
    heading(out, t("## Best actions"));
    if s.actions.is_empty() {
        out.push_str(if s.o.is_open() {
            t("None yet.")
        } else {
            t("None: the deal is closed.")
        });
        out.push('\n');
        return;
    }
    let rows: Vec<Vec<String>> = s
        .actions
        .iter()
        .enumerate()
        .map(|(n, e)| {
            let due = match e.due {
                Some(d) if d < today => crate::tf!("{due} (overdue)", due = d),
                Some(d) => d.to_string(),
                None if e.suggested() => t("suggested").to_owned(),
                None => "—".to_owned(), // i18n-exempt: a dash for no date
            };
            let why: Vec<String> = e
                .why
                .iter()
                .map(|w| format!("{} {:+.1}", cell(&w.factor), w.points)) // i18n-exempt: a reason and its points
                .collect();
            vec![
                (n + 1).to_string(),
                due,
                action_cell(s.o, e, today),
                format!("{:.1}", e.score), // i18n-exempt: a number
                why.join(t("; ")),
            ]
        })
        .collect();
    table(out, t("| # | Due | Action | Score | Why |"), &rows);
}
