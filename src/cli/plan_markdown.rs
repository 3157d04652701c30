//! `funnel plan`'s Markdown: seed 003's sections in the reader's language,
//! user text escaped, every section shown even when empty.

use super::super::md_doc::{date_or_dash, heading, money, table};
use super::*;

/// Text in a Markdown table cell or a list item: escaped, on one line.
fn cell(s: &str) -> String {
    md(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Text that starts a list item: [`cell`], and a leading list marker
/// (`- `, `+ `, `1. `, `1) `) escaped so it does not open a nested list.
fn list_item(s: &str) -> String {
    let c = cell(s);
    let digits = c.bytes().take_while(u8::is_ascii_digit).count();
    let (number, rest) = c.split_at(digits);
    let marker = match digits {
        0 => rest.starts_with(['-', '+']),
        1..=9 => rest.starts_with(['.', ')']),
        _ => false,
    };
    if marker && matches!(rest.chars().nth(1), None | Some(' ')) {
        format!("{number}\\{rest}")
    } else {
        c
    }
}

/// A text, or "not set".
fn or_not_set(s: &str) -> String {
    match s.trim() {
        "" => t("not set").to_owned(),
        s => cell(s),
    }
}

/// A dash for nothing.
fn or_dash(s: &str) -> String {
    match s.trim() {
        "" => "—".to_owned(), // i18n-exempt: a dash for nothing
        s => cell(s),
    }
}

fn money_or_not_set(m: Option<Money>, currency: &str) -> String {
    m.map_or_else(|| t("not set").to_owned(), |m| money(m, currency))
}

fn none(out: &mut String) {
    out.push_str(t("None."));
    out.push('\n');
}

/// A paragraph of user text, or "Not set."; its lines kept as lines.
fn paragraph(out: &mut String, text: &str) {
    let lines: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(cell)
        .collect();
    if lines.is_empty() {
        out.push_str(t("Not set."));
        out.push('\n');
    } else {
        // two spaces: a line break in Markdown
        out.push_str(&lines.join("  \n"));
        out.push('\n');
    }
}

pub(super) fn markdown(ws: &Workspace, p: &Plan) -> String {
    let a = p.a;
    let cur = ws.settings.currency.as_str();
    let mut out = crate::tf!("# Account plan: {name}\n\n", name = cell(&a.name));
    out.push_str(&crate::tf!(
        "{id} · as of {today}\n",
        id = cell(&a.id),
        today = crate::i18n::numbers::long_date(p.today)
    ));
    profile(&mut out, a);
    history(&mut out, p, cur);
    needs_and_decision(&mut out, p);
    year(&mut out, p, cur);
    let plan = a.plan.clone().unwrap_or_default();
    heading(&mut out, t("## Strategy"));
    paragraph(&mut out, &plan.strategy);
    heading(&mut out, t("## Resources"));
    paragraph(&mut out, &plan.resources);
    heading(&mut out, t("## Goals"));
    let goals: Vec<&String> = plan.goals.iter().filter(|g| !g.trim().is_empty()).collect();
    if goals.is_empty() {
        out.push_str(t("Not set."));
        out.push('\n');
    }
    for (n, g) in goals.iter().enumerate() {
        out.push_str(&format!("{}. {}\n", n + 1, list_item(g))); // i18n-exempt: a numbered list item
    }
    credit(&mut out, p, cur);
    feedback(&mut out, p);
    open_deals(&mut out, ws, p, cur);
    heading(&mut out, t("## Warnings"));
    if p.f.warnings.is_empty() {
        none(&mut out);
    }
    for w in &p.f.warnings {
        out.push_str(&format!("- `{}` {}\n", w.rule, cell(&w.message))); // i18n-exempt: a rule id and its message
    }
    timeline(&mut out, p);
    heading(&mut out, t("## Work log"));
    out.push_str(&crate::tf!(
        "The account's deals' log entries of the last {days}, newest first.\n\n",
        days = crate::text::days(LOG_DAYS)
    ));
    if p.log.is_empty() {
        none(&mut out);
    }
    for (o, e) in &p.log {
        out.push_str(&crate::tf!(
            "- {on} · **{deal}:** {text}\n",
            on = e.on,
            deal = cell(&o.title),
            text = or_dash(&e.text)
        ));
    }
    out
}

fn profile(out: &mut String, a: &Account) {
    heading(out, t("## Profile"));
    let not_set = || t("not set").to_owned();
    out.push_str(&crate::tf!(
        "- **Industry:** {industry}\n",
        industry = or_not_set(&a.industry)
    ));
    out.push_str(&crate::tf!(
        "- **Tier:** {tier}\n",
        tier = a.tier.map_or_else(not_set, |x| x.shown())
    ));
    out.push_str(&crate::tf!(
        "- **Screening quadrant:** {quadrant}\n",
        quadrant = accounts::quadrant(a).map_or_else(not_set, |q| q.label().to_owned())
    ));
    out.push_str(&crate::tf!(
        "- **Relationship stage:** {stage}\n",
        stage = a.relationship.map_or_else(not_set, |r| r.label())
    ));
    out.push_str(&crate::tf!(
        "- **Notes:** {notes}\n",
        notes = or_not_set(&a.notes)
    ));
    let list = |items: &[String]| {
        let items: Vec<String> = items
            .iter()
            .filter(|x| !x.trim().is_empty())
            .map(|x| cell(x))
            .collect();
        match items.is_empty() {
            true => t("none").to_owned(),
            false => items.join(t("; ")),
        }
    };
    let s = &a.swot;
    out.push_str(&crate::tf!(
        "- **SWOT:** strengths: {s}; weaknesses: {w}; opportunities: {o}; threats: {th}\n",
        s = list(&s.strengths),
        w = list(&s.weaknesses),
        o = list(&s.opportunities),
        th = list(&s.threats)
    ));
    out.push_str(t("\n### Contacts\n\n"));
    if a.contacts.is_empty() {
        none(out);
        return;
    }
    let rows: Vec<Vec<String>> = a
        .contacts
        .iter()
        .map(|c| {
            vec![
                or_dash(&c.name),
                or_dash(&c.title),
                or_dash(&c.email),
                or_dash(&c.phone),
            ]
        })
        .collect();
    table(out, t("| Name | Title | Email | Phone |"), &rows);
}

fn history(out: &mut String, p: &Plan, cur: &str) {
    heading(out, t("## Purchase history"));
    let year = p.today.0.year();
    let groups = [
        crate::tf!("### This year ({year})\n\n", year),
        crate::tf!("### Last year ({year})\n\n", year = year - 1),
        t("### Earlier\n\n").to_owned(),
    ];
    for (group, won) in groups.iter().zip(&p.won) {
        out.push_str(group);
        if won.is_empty() {
            out.push_str(t("No deal won."));
            out.push_str("\n\n");
            continue;
        }
        let total = won.iter().map(|(o, _)| o.value).sum::<Money>();
        for (o, on) in won {
            out.push_str(&format!(
                "- {on} · {} · {}\n", // i18n-exempt: a date, a title and an amount
                cell(&o.title),
                money(o.value, cur)
            ));
        }
        out.push_str(&crate::tf!(
            "\nWon: {count}, {total}.\n\n",
            count = crate::text::count(won.len() as i64, "deal", "deals"),
            total = money(total, cur)
        ));
    }
    out.push_str(&crate::tf!(
        "Lost deals: {lost}.\n",
        lost = crate::text::grouped(p.lost)
    ));
}

fn needs_and_decision(out: &mut String, p: &Plan) {
    let plan = p.a.plan.clone().unwrap_or_default();
    heading(out, t("## Needs"));
    paragraph(out, &plan.needs);
    heading(out, t("## Decision process"));
    paragraph(out, &plan.decision_process);
    out.push_str(t("\nThe buying influences of the open deals, by role:\n\n"));
    let roles = [
        (Role::Economic, t("Economic buyers")),
        (Role::User, t("Users")),
        (Role::Technical, t("Technical buyers")),
        (Role::Coach, t("Coaches")),
    ];
    for (role, name) in roles {
        let people: Vec<String> = p
            .holding(role)
            .into_iter()
            .map(|(o, x)| {
                // i18n-exempt: a mark and its word
                let attitude = md(&format!("{} {}", x.attitude.symbol(), x.attitude.label()));
                match x.title.trim() {
                    "" => crate::tf!(
                        "{name} ({attitude}, {deal})",
                        name = cell(&x.name),
                        attitude,
                        deal = cell(&o.title)
                    ),
                    title => crate::tf!(
                        "{name}, {title} ({attitude}, {deal})",
                        name = cell(&x.name),
                        title = cell(title),
                        attitude,
                        deal = cell(&o.title)
                    ),
                }
            })
            .collect();
        let people = match people.is_empty() {
            true => t("none").to_owned(),
            false => people.join(t("; ")),
        };
        out.push_str(&crate::tf!("- **{role}:** {people}\n", role = name, people));
    }
}

fn year(out: &mut String, p: &Plan, cur: &str) {
    let f = &p.f;
    let plan = p.a.plan.clone().unwrap_or_default();
    heading(out, t("## Last year against this year"));
    out.push_str(&crate::tf!(
        "- **Last year's target:** {amount}\n",
        amount = money_or_not_set(plan.last_year_target, cur)
    ));
    out.push_str(&crate::tf!(
        "- **Last year's result:** {amount}\n",
        amount = money_or_not_set(plan.last_year_result, cur)
    ));
    out.push_str(&crate::tf!(
        "- **This year's target:** {amount}\n",
        amount = money_or_not_set(plan.target, cur)
    ));
    out.push_str(&crate::tf!(
        "- **Won so far this year:** {amount}\n",
        amount = money(f.won_this_year, cur)
    ));
    out.push_str(&crate::tf!(
        "- **Expected by now:** {amount}\n",
        amount = money_or_not_set(f.expected_by_now, cur)
    ));
    out.push_str(&crate::tf!(
        "- **Share of target won:** {share}\n",
        share = match (plan.target, p.share_of_target()) {
            (_, Some(x)) => format!("{x:.0}%"), // i18n-exempt: a percentage
            // a target of 0: there is nothing to take a share of
            (Some(_), None) => t("no target").to_owned(),
            (None, None) => t("not set").to_owned(),
        }
    ));
    out.push_str(&crate::tf!(
        "- **Open pipeline:** {deals}, {value}, weighted {weighted}\n",
        deals = crate::text::count(f.open_count as i64, "deal", "deals"),
        value = money(f.open_value, cur),
        weighted = money(f.open_weighted, cur)
    ));
}

fn credit(out: &mut String, p: &Plan, cur: &str) {
    let c = &p.f.credit;
    heading(out, t("## Credit"));
    out.push_str(&crate::tf!(
        "- **Credit limit:** {amount}\n",
        amount = money_or_not_set(c.limit, cur)
    ));
    out.push_str(&crate::tf!(
        "- **Terms:** {terms}\n",
        terms = c.terms_days.map_or_else(
            || t("not set").to_owned(),
            |d| crate::text::days(i64::from(d.0))
        )
    ));
    out.push_str(&crate::tf!(
        "- **Unpaid:** {amount} ({count})\n",
        amount = money(c.unpaid, cur),
        count = crate::text::count(c.unpaid_count as i64, "invoice", "invoices")
    ));
    out.push_str(&match c.overdue_count {
        0 => t("- **Overdue:** none\n").to_owned(),
        _ => crate::tf!(
            "- **Overdue:** {amount} ({count}), the oldest {days} overdue\n",
            amount = money(c.overdue, cur),
            count = crate::text::count(c.overdue_count as i64, "invoice", "invoices"),
            days = crate::text::days(c.days_overdue)
        ),
    });
    out.push_str(&crate::tf!(
        "- **Available:** {amount}\n",
        amount = money_or_not_set(c.available(), cur)
    ));
    out.push_str(t("\n### Unpaid invoices\n\n"));
    let rows: Vec<Vec<String>> =
        p.a.credit
            .as_ref()
            .map(|cr| {
                crate::domain::credit::invoice_order(p.a)
                    .into_iter()
                    .map(|n| &cr.invoices[n])
                    .filter(|i| i.paid.is_none())
                    .map(|i| {
                        let late = i.days_overdue(cr.terms_days, p.today);
                        vec![
                            or_dash(i.label()),
                            money(i.amount, cur),
                            date_or_dash(i.issued),
                            date_or_dash(i.due_on(cr.terms_days)),
                            match late {
                                0 => "—".to_owned(), // i18n-exempt: a dash for not overdue
                                n => crate::text::days(n),
                            },
                        ]
                    })
                    .collect()
            })
            .unwrap_or_default();
    if rows.is_empty() {
        none(out);
    } else {
        table(
            out,
            t("| Invoice | Amount | Issued | Due | Overdue |"),
            &rows,
        );
    }
}

fn feedback(out: &mut String, p: &Plan) {
    let a = p.a;
    heading(out, t("## Customer feedback"));
    let (open, resolved) = complaints(a);
    out.push_str(t("### Open complaints\n\n"));
    if open.is_empty() {
        none(out);
    }
    for c in &open {
        out.push_str(&crate::tf!(
            "- {raised} · open {days}: {text}\n",
            raised = c.raised,
            days = crate::text::days(days_open(c, p.today)),
            text = or_dash(&c.text)
        ));
    }
    out.push_str(t("\n### Resolved complaints\n\n"));
    if resolved.is_empty() {
        none(out);
    }
    for c in &resolved {
        out.push_str(&crate::tf!(
            "- {raised} · resolved {resolved}: {text}\n",
            raised = c.raised,
            resolved = date_or_dash(c.resolved),
            text = or_dash(&c.text)
        ));
    }
    out.push_str(t("\n### Satisfaction, oldest first\n\n"));
    if a.satisfaction.is_empty() {
        none(out);
    }
    for n in satisfaction_order(&a.satisfaction) {
        let s = &a.satisfaction[n];
        let note = match s.note.trim() {
            "" => String::new(),
            x => format!(" · {}", cell(x)), // i18n-exempt: a separator and a note
        };
        out.push_str(&format!("- {} · {}/5{note}\n", s.on, s.score.0)); // i18n-exempt: a date and a score
    }
}

fn open_deals(out: &mut String, ws: &Workspace, p: &Plan, cur: &str) {
    heading(out, t("## Open deals"));
    if p.open.is_empty() {
        none(out);
        return;
    }
    let rows: Vec<Vec<String>> = p
        .open
        .iter()
        .map(|(o, fl)| {
            let flags: Vec<String> = fl.iter().map(|x| cell(&x.message)).collect();
            vec![
                cell(&o.title),
                o.stage.name(),
                money(o.value, cur),
                money(o.weighted(&ws.settings), cur),
                date_or_dash(o.expected_close),
                match flags.is_empty() {
                    true => t("none").to_owned(),
                    false => flags.join(t("; ")),
                },
            ]
        })
        .collect();
    table(
        out,
        t("| Deal | Stage | Value | Weighted | Expected close | Red flags |"),
        &rows,
    );
}

fn timeline(out: &mut String, p: &Plan) {
    heading(out, t("## Action timeline"));
    out.push_str(t("### Open, by due date\n\n"));
    let row = |s: &Step, when: String| {
        vec![
            when,
            cell(&s.action.text),
            cell(&s.deal.title),
            s.person().map_or_else(|| "—".to_owned(), cell), // i18n-exempt: a dash for nobody
        ]
    };
    if p.todo.is_empty() {
        none(out);
    } else {
        let rows: Vec<Vec<String>> = p
            .todo
            .iter()
            .map(|s| {
                let when = match s.action.due {
                    Some(d) if d < p.today => crate::tf!("**{due} (overdue)**", due = d),
                    Some(d) => d.to_string(),
                    None => t("no date").to_owned(),
                };
                row(s, when)
            })
            .collect();
        table(out, t("| Due | Action | Deal | Person |"), &rows);
    }
    out.push_str(&crate::tf!("\n### Last {n} done\n\n", n = DONE_SHOWN));
    if p.done.is_empty() {
        none(out);
    } else {
        let rows: Vec<Vec<String>> = p
            .done
            .iter()
            .map(|s| row(s, date_or_dash(s.action.done)))
            .collect();
        table(out, t("| Done | Action | Deal | Person |"), &rows);
    }
}
