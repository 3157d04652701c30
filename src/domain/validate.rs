//! What a well-formed workspace must also satisfy beyond its types:
//! unique ids, references that point somewhere, a known version.

use super::workspace::{Influence, Opportunity, VERSION, Workspace};
use crate::i18n::t;
use crate::tf;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// One step of a path into the JSON document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(std::borrow::Cow<'static, str>),
    Index(usize),
}

/// A path such as `opportunities[3].influences[0].reports_to`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JsonPath(pub Vec<Seg>);

impl JsonPath {
    fn at(&self, seg: Seg) -> JsonPath {
        let mut p = self.0.clone();
        p.push(seg);
        JsonPath(p)
    }
    pub fn key(&self, k: &'static str) -> JsonPath {
        self.at(Seg::Key(k.into()))
    }
    pub fn index(&self, i: usize) -> JsonPath {
        self.at(Seg::Index(i))
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        for (n, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) if n == 0 => write!(f, "{k}")?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(i) => write!(f, "[{i}]")?,
            }
        }
        Ok(())
    }
}

/// A rule of the format the workspace breaks, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: JsonPath,
    pub message: String,
}

/// Every problem of the workspace, in document order.
///
/// `funnel check` runs this over every record, so the common case (no
/// problem) builds no path and no message, and the small lists of one deal
/// are searched in place instead of hashed: at 10,000 deals this took a
/// third as long as parsing the file.
pub fn problems(ws: &Workspace) -> Vec<Problem> {
    // Each deal's own lists are checked apart from the others, on every
    // core (in order, so problems stay in document order).
    shared_problems(ws, |account_ids| {
        super::parallel::flat_map(&ws.opportunities, |n, o| {
            let mut out: Vec<Problem> =
                account_problem(ws, account_ids, n, o).into_iter().collect();
            out.extend(deal_own_problems(n, o));
            out
        })
    })
}

/// [`problems`] when the parse already ran [`deal_own_problems`] on each
/// deal as it was read (while its bytes were in the cache, on the parse's
/// threads): `flagged` lists, in order, the deals where it found something.
pub fn problems_after_parse(ws: &Workspace, flagged: &[usize]) -> Vec<Problem> {
    shared_problems(ws, |account_ids| {
        let mut out = Vec::new();
        let mut flagged = flagged.iter().peekable();
        for (n, o) in ws.opportunities.iter().enumerate() {
            out.extend(account_problem(ws, account_ids, n, o));
            if flagged.next_if_eq(&&n).is_some() {
                out.extend(deal_own_problems(n, o));
            }
        }
        out
    })
}

/// The checks across records, then `deals`' problems (given the account
/// ids) after the opportunity ids'.
fn shared_problems(
    ws: &Workspace,
    deals: impl FnOnce(&HashSet<&str>) -> Vec<Problem>,
) -> Vec<Problem> {
    let mut out = Vec::new();
    let root = JsonPath::default;
    if ws.version == 0 {
        out.push(Problem {
            path: root().key("version"),
            message: tf!(
                "unknown version 0, expected a version from 1 to {version}",
                version = VERSION
            ),
        });
    }
    check_locale(&mut out, ws);
    check_targets(&mut out, ws);
    check_import_profiles(&mut out, ws);
    let accounts = || root().key("accounts");
    check_ids(
        &mut out,
        &accounts,
        ws.accounts.iter().map(|a| a.id.as_str()),
        "account",
    );
    for (n, a) in ws.accounts.iter().enumerate() {
        check_account_lists(&mut out, n, a);
    }
    let account_ids: HashSet<&str> = ws.accounts.iter().map(|a| a.id.as_str()).collect();

    let opps = || root().key("opportunities");
    check_ids(
        &mut out,
        &opps,
        ws.opportunities.iter().map(|o| o.id.as_str()),
        "opportunity",
    );
    out.extend(deals(&account_ids));
    out
}

/// The ids of account `n`'s contacts, invoices and complaints, and
/// invoices due before they were issued (spec section 11).
fn check_account_lists(out: &mut Vec<Problem>, n: usize, a: &crate::domain::Account) {
    let at = || JsonPath::default().key("accounts").index(n);
    check_ids(
        out,
        &|| at().key("contacts"),
        a.contacts.iter().map(|c| c.id.as_str()),
        "contact",
    );
    check_ids(
        out,
        &|| at().key("complaints"),
        a.complaints.iter().map(|c| c.id.as_str()),
        "complaint",
    );
    for (k, c) in a.complaints.iter().enumerate() {
        if let Some(resolved) = c.resolved.filter(|r| *r < c.raised) {
            out.push(Problem {
                path: at().key("complaints").index(k).key("resolved"),
                message: tf!(
                    "resolved {resolved} is before the complaint was raised ({raised}), expected a date on or after it",
                    resolved,
                    raised = c.raised
                ),
            });
        }
    }
    let Some(credit) = &a.credit else {
        return;
    };
    let invoices = || at().key("credit").key("invoices");
    check_ids(
        out,
        &invoices,
        credit.invoices.iter().map(|i| i.id.as_str()),
        "invoice",
    );
    for (k, i) in credit.invoices.iter().enumerate() {
        let Some(issued) = i.issued else {
            continue;
        };
        if let Some(due) = i.due.filter(|d| *d < issued) {
            out.push(Problem {
                path: invoices().index(k).key("due"),
                message: tf!(
                    "due {due} is before the invoice was issued ({issued}), expected a date on or after it",
                    due,
                    issued
                ),
            });
        }
        if let Some(paid) = i.paid.filter(|d| *d < issued) {
            out.push(Problem {
                path: invoices().index(k).key("paid"),
                message: tf!(
                    "paid {paid} is before the invoice was issued ({issued}), expected a date on or after it",
                    paid,
                    issued
                ),
            });
        }
    }
}

/// `settings.language` and `settings.number_style` name one of the
/// languages and number styles this program has (empty: the default).
fn check_locale(out: &mut Vec<Problem>, ws: &Workspace) {
    let settings = || JsonPath::default().key("settings");
    let language = ws.settings.language.as_str();
    // what the program reads is what it accepts (`Locale::resolve`)
    if !language.is_empty() && crate::i18n::Lang::parse(language).is_none() {
        out.push(Problem {
            path: settings().key("language"),
            message: tf!(
                "unknown language {found}, expected \"en\", \"zh\" or \"\" (the environment's)",
                found = format!("{language:?}")
            ),
        });
    }
    let style = ws.settings.number_style.as_str();
    if !style.is_empty() && crate::i18n::Numbers::parse(style).is_none() {
        out.push(Problem {
            path: settings().key("number_style"),
            message: tf!(
                "unknown number style {found}, expected \"western\", \"chinese\" or \"\" (the language's)",
                found = format!("{style:?}")
            ),
        });
    }
}

/// Two targets for one period and owner would be added up silently;
/// the second is reported (spec section 8).
fn check_targets(out: &mut Vec<Problem>, ws: &Workspace) {
    let targets = &ws.settings.targets;
    for (i, target) in targets.iter().enumerate() {
        let owner = target.owner_name();
        if targets[..i]
            .iter()
            .any(|u| u.period == target.period && u.owner_name() == owner)
        {
            out.push(Problem {
                path: JsonPath::default().key("settings").key("targets").index(i),
                message: tf!(
                    "a second target for {period} and {owner}, expected one target per period and owner",
                    period = target.period,
                    owner = owner.map_or_else(|| t("the whole workspace").to_owned(), |o| format!("{o:?}"))
                ),
            });
        }
    }
}

/// Import profiles keep options as strings (so a mistake still loads); a
/// field or stage the import would refuse is reported where it is.
fn check_import_profiles(out: &mut Vec<Problem>, ws: &Workspace) {
    for (name, profile) in &ws.settings.import_profiles {
        let at = |list: &'static str, key: &str| {
            JsonPath::default()
                .key("settings")
                .key("import_profiles")
                .at(Seg::Key(name.clone().into()))
                .key(list)
                .at(Seg::Key(key.to_owned().into()))
        };
        for (column, field) in &profile.map {
            if crate::import::Field::parse(&field.trim().to_lowercase()).is_none() {
                out.push(Problem {
                    path: at("map", column),
                    message: tf!(
                        "unknown field {field} for column {column}",
                        field = format!("{field:?}"),
                        column = format!("{column:?}")
                    ),
                });
            }
        }
        for (value, stage) in &profile.stage_map {
            if crate::import::parse_place(&stage.trim().to_lowercase()).is_none() {
                out.push(Problem {
                    path: at("stage_map", value),
                    message: tf!(
                        "unknown stage {stage}, expected one of qualify, drive, propose, negotiate, close, won, lost, abandoned",
                        stage = format!("{stage:?}")
                    ),
                });
            }
        }
    }
}

/// Deal `n`'s account, if it names none of the workspace's.
fn account_problem(
    ws: &Workspace,
    account_ids: &HashSet<&str>,
    n: usize,
    o: &Opportunity,
) -> Option<Problem> {
    (!account_ids.contains(o.account.as_str())).then(|| Problem {
        path: JsonPath::default()
            .key("opportunities")
            .index(n)
            .key("account"),
        message: tf!(
            "account {id} does not exist, expected the id of one of the {n} accounts",
            id = format!("{:?}", o.account),
            n = ws.accounts.len()
        ),
    })
}

/// The problems within deal `n` alone: the ids of its lists and the
/// references between them (its path says `opportunities[n]`).
pub fn deal_own_problems(n: usize, o: &Opportunity) -> Vec<Problem> {
    let mut out = Vec::new();
    let here = || JsonPath::default().key("opportunities").index(n);
    let influences = || here().key("influences");
    check_ids(
        &mut out,
        &influences,
        o.influences.iter().map(|i| i.id.as_str()),
        "influence",
    );
    check_reports_to(&mut out, &influences, &o.influences);
    let people = Positions::new(o.influences.iter().map(|i| i.id.as_str()));
    let actions = || here().key("actions");
    check_ids(
        &mut out,
        &actions,
        o.actions.iter().map(|a| a.id.as_str()),
        "action",
    );
    for (k, a) in o.actions.iter().enumerate() {
        if let Some(who) = &a.influence
            && people.get(who).is_none()
        {
            out.push(Problem {
                path: actions().index(k).key("influence"),
                message: no_such_influence(who),
            });
        }
        // a time of day is on the due date: without one it is nowhere
        if a.at.is_some() && a.due.is_none() {
            out.push(Problem {
                path: actions().index(k).key("at"),
                message: t("a time needs a date: give the action a due date too").into(),
            });
        }
    }
    let flags = || here().key("flags");
    check_ids(
        &mut out,
        &flags,
        o.flags.iter().map(|f| f.id.as_str()),
        "flag",
    );
    check_strategy(&mut out, &here, o, &people);
    // A snooze of a rule this version does not know is kept, not
    // refused: a newer funnel may have added the rule.
    out
}

/// The Blue Sheet's lists (spec section 9): ids unique in each, and a
/// criterion held by an influence of the same deal.
fn check_strategy(
    out: &mut Vec<Problem>,
    here: &dyn Fn() -> JsonPath,
    o: &Opportunity,
    people: &Positions,
) {
    let competition = || here().key("competition");
    check_ids(
        out,
        &competition,
        o.competition.iter().map(|c| c.id.as_str()),
        "competitor",
    );
    let criteria = || here().key("decision_criteria");
    check_ids(
        out,
        &criteria,
        o.decision_criteria.iter().map(|c| c.id.as_str()),
        "criterion",
    );
    for (k, c) in o.decision_criteria.iter().enumerate() {
        if let Some(who) = &c.held_by
            && people.get(who).is_none()
        {
            out.push(Problem {
                path: criteria().index(k).key("held_by"),
                message: no_such_influence(who),
            });
        }
    }
    let plan = || here().key("close_plan");
    check_ids(
        out,
        &plan,
        o.close_plan.iter().map(|s| s.id.as_str()),
        "close plan step",
    );
    // what the forms refuse empty, the check reports empty
    let blank =
        |list: &dyn Fn() -> JsonPath, n: usize, key: &'static str, why: &'static str| Problem {
            path: list().index(n).key(key),
            message: t(why).into(),
        };
    for (n, c) in o.competition.iter().enumerate() {
        if c.name.trim().is_empty() {
            out.push(blank(&competition, n, "name", "a competitor needs a name"));
        }
    }
    for (n, c) in o.decision_criteria.iter().enumerate() {
        if c.text.trim().is_empty() {
            out.push(blank(&criteria, n, "text", "a criterion needs its words"));
        }
    }
    for (n, st) in o.close_plan.iter().enumerate() {
        if st.text.trim().is_empty() {
            out.push(blank(&plan, n, "text", "a step needs its words"));
        }
    }
    let team = || here().key("team");
    for (n, m) in o.team.iter().enumerate() {
        if m.name.trim().is_empty() {
            out.push(blank(&team, n, "name", "a team member needs a name"));
        }
    }
}

fn no_such_influence(id: &str) -> String {
    tf!(
        "influence {id} does not exist in this opportunity, expected the id of one of its influences or null",
        id = format!("{id:?}")
    )
}

/// Up to this many ids, a list is searched in place rather than hashed.
const SMALL: usize = 32;

/// Where each id of a list sits, for looking ids up: the last position of
/// an id given twice (the duplicate is reported on its own).
enum Positions<'a> {
    Few(Vec<&'a str>),
    Many(HashMap<&'a str, usize>),
}

impl<'a> Positions<'a> {
    fn new(ids: impl Iterator<Item = &'a str>) -> Positions<'a> {
        let ids: Vec<&str> = ids.collect();
        if ids.len() <= SMALL {
            Positions::Few(ids)
        } else {
            Positions::Many(ids.into_iter().enumerate().map(|(n, id)| (id, n)).collect())
        }
    }
    fn get(&self, id: &str) -> Option<usize> {
        match self {
            Positions::Few(ids) => ids.iter().rposition(|x| *x == id),
            Positions::Many(map) => map.get(id).copied(),
        }
    }
}

/// An id used twice in a list of `what`: `duplicate account id "a1",
/// already used at accounts[0]`.
fn duplicate(what: &str, id: &str, at: String) -> String {
    let id = format!("{id:?}");
    match what {
        "account" => tf!("duplicate account id {id}, already used at {at}", id, at),
        "opportunity" => tf!(
            "duplicate opportunity id {id}, already used at {at}",
            id,
            at
        ),
        "influence" => tf!("duplicate influence id {id}, already used at {at}", id, at),
        "action" => tf!("duplicate action id {id}, already used at {at}", id, at),
        "flag" => tf!("duplicate flag id {id}, already used at {at}", id, at),
        "competitor" => tf!("duplicate competitor id {id}, already used at {at}", id, at),
        "criterion" => tf!("duplicate criterion id {id}, already used at {at}", id, at),
        "contact" => tf!("duplicate contact id {id}, already used at {at}", id, at),
        "invoice" => tf!("duplicate invoice id {id}, already used at {at}", id, at),
        "complaint" => tf!("duplicate complaint id {id}, already used at {at}", id, at),
        "close plan step" => tf!(
            "duplicate close plan step id {id}, already used at {at}",
            id,
            at
        ),
        _ => format!("duplicate {what} id {id}, already used at {at}"),
    }
}

fn check_ids<'a>(
    out: &mut Vec<Problem>,
    list: &dyn Fn() -> JsonPath,
    ids: impl Iterator<Item = &'a str>,
    what: &str,
) {
    let ids: Vec<&str> = ids.collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (n, &id) in ids.iter().enumerate() {
        let first = if id.is_empty() {
            None
        } else if ids.len() <= SMALL {
            // the first earlier use, as the map below remembers it
            ids[..n].iter().position(|x| *x == id)
        } else {
            match seen.insert(id, n) {
                Some(first) => {
                    seen.insert(id, first);
                    Some(first)
                }
                None => None,
            }
        };
        if id.is_empty() {
            out.push(Problem {
                path: list().index(n).key("id"),
                message: match what {
                    "account" => t("empty account id, expected a non-empty string").into(),
                    "opportunity" => t("empty opportunity id, expected a non-empty string").into(),
                    "influence" => t("empty influence id, expected a non-empty string").into(),
                    "action" => t("empty action id, expected a non-empty string").into(),
                    "flag" => t("empty flag id, expected a non-empty string").into(),
                    "competitor" => t("empty competitor id, expected a non-empty string").into(),
                    "criterion" => t("empty criterion id, expected a non-empty string").into(),
                    "close plan step" => {
                        t("empty close plan step id, expected a non-empty string").into()
                    }
                    "contact" => t("empty contact id, expected a non-empty string").into(),
                    "invoice" => t("empty invoice id, expected a non-empty string").into(),
                    "complaint" => t("empty complaint id, expected a non-empty string").into(),
                    _ => format!("empty {what} id, expected a non-empty string"),
                },
            });
        } else if let Some(first) = first {
            let list = list();
            out.push(Problem {
                path: list.index(n).key("id"),
                message: duplicate(what, id, format!("{list}[{first}]")),
            });
        }
    }
}

/// `reports_to` must name another influence of the same deal, and the power
/// lines must not loop.
fn check_reports_to(out: &mut Vec<Problem>, list: &dyn Fn() -> JsonPath, people: &[Influence]) {
    if people.iter().all(|p| p.reports_to.is_none()) {
        return;
    }
    let index = Positions::new(people.iter().map(|p| p.id.as_str()));
    for (n, p) in people.iter().enumerate() {
        let Some(boss) = &p.reports_to else { continue };
        let path = || list().index(n).key("reports_to");
        if boss == &p.id {
            out.push(Problem {
                path: path(),
                message: tf!(
                    "{id} reports to itself, expected another influence or null",
                    id = format!("{:?}", p.id)
                ),
            });
        } else if index.get(boss).is_none() {
            out.push(Problem {
                path: path(),
                message: no_such_influence(boss),
            });
        } else if in_cycle(people, &index, n) {
            out.push(Problem {
                path: path(),
                message: tf!(
                    "{id} reports to {boss}, which closes a loop of reports_to, expected a hierarchy",
                    id = format!("{:?}", p.id),
                    boss = format!("{boss:?}")
                ),
            });
        }
    }
}

fn in_cycle(people: &[Influence], index: &Positions, start: usize) -> bool {
    let mut at = start;
    for _ in 0..people.len() {
        match people[at].reports_to.as_deref().and_then(|b| index.get(b)) {
            Some(next) if next == start => return true,
            Some(next) => at = next,
            None => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ws(text: &str) -> Workspace {
        serde_json::from_str(text).unwrap()
    }

    fn messages(text: &str) -> Vec<String> {
        problems(&ws(text))
            .into_iter()
            .map(|p| format!("{}: {}", p.path, p.message))
            .collect()
    }

    const HEAD: &str =
        r#""format":"funnel-workspace","version":1,"accounts":[{"id":"a1","name":"A"}]"#;

    #[test]
    fn import_profiles_are_checked_where_they_are() {
        let text = format!(
            r#"{{{HEAD},"settings":{{"import_profiles":{{"sf":{{"map":{{"Amt":"value","X":"colour"}},
            "stage_map":{{"Prospecting":"Qualify","Haggle":"bargain"}},"note":1}}}}}}}}"#
        );
        assert_eq!(
            messages(&text),
            [
                r#"settings.import_profiles.sf.map.X: unknown field "colour" for column "X""#,
                r#"settings.import_profiles.sf.stage_map.Haggle: unknown stage "bargain", expected one of qualify, drive, propose, negotiate, close, won, lost, abandoned"#,
            ]
        );
    }

    #[test]
    fn blue_sheet_entries_without_words_are_reported_where_they_are() {
        let text = format!(
            r#"{{{HEAD},"opportunities":[{{"id":"o1","title":"T","account":"a1","stage":"drive",
            "competition":[{{"id":"c1","name":" "}}],
            "decision_criteria":[{{"id":"k1","text":""}}],
            "close_plan":[{{"id":"s1","text":"ok"}},{{"id":"s2","text":""}}],
            "team":[{{"name":""}}]}}]}}"#
        );
        let ws = ws(&text);
        let paths: Vec<String> = problems(&ws).iter().map(|p| p.path.to_string()).collect();
        assert_eq!(
            paths,
            [
                "opportunities[0].competition[0].name",
                "opportunities[0].decision_criteria[0].text",
                "opportunities[0].close_plan[1].text",
                "opportunities[0].team[0].name"
            ]
        );
    }

    #[test]
    fn a_consistent_workspace_has_no_problems() {
        let text = format!(
            r#"{{{HEAD},"opportunities":[{{"id":"o1","title":"T","account":"a1","stage":"drive",
            "influences":[{{"id":"i1","name":"X"}},{{"id":"i2","name":"Y","reports_to":"i1"}}],
            "actions":[{{"id":"t1","text":"call","influence":"i2"}}],
            "snoozed":[{{"rule":"stalled","until":"2026-12-01"}}]}}]}}"#
        );
        assert!(messages(&text).is_empty(), "{:?}", messages(&text));
    }

    #[test]
    fn a_time_without_a_due_date_is_reported_where_it_is() {
        let text = format!(
            r#"{{{HEAD},"opportunities":[{{"id":"o1","title":"T","account":"a1","stage":"drive",
            "actions":[{{"id":"t1","text":"call","due":"2026-11-24","at":"09:30"}},
            {{"id":"t2","text":"visit","at":"14:00","kind":"visit"}}]}}]}}"#
        );
        assert_eq!(
            messages(&text),
            ["opportunities[0].actions[1].at: a time needs a date: give the action a due date too"]
        );
    }

    #[test]
    fn account_lists_are_checked_where_they_are() {
        let m = messages(
            r#"{"format":"funnel-workspace","version":1,"accounts":[{"id":"a1","name":"A",
            "contacts":[{"id":"p1"},{"id":"p1"}],
            "credit":{"invoices":[{"id":"i1","amount":5,"issued":"2026-11-02","due":"2026-11-01"},{"id":"","amount":1}]},
            "complaints":[{"id":"c1","raised":"2026-11-01"},{"id":"c1","raised":"2026-11-02","resolved":"2026-11-01"}]}]}"#,
        );
        assert_eq!(
            m,
            [
                "accounts[0].contacts[1].id: duplicate contact id \"p1\", already used at accounts[0].contacts[0]",
                "accounts[0].complaints[1].id: duplicate complaint id \"c1\", already used at accounts[0].complaints[0]",
                "accounts[0].complaints[1].resolved: resolved 2026-11-01 is before the complaint was raised (2026-11-02), expected a date on or after it",
                "accounts[0].credit.invoices[1].id: empty invoice id, expected a non-empty string",
                "accounts[0].credit.invoices[0].due: due 2026-11-01 is before the invoice was issued (2026-11-02), expected a date on or after it",
            ]
        );
    }

    #[test]
    fn duplicate_ids_are_reported_with_the_first_use() {
        let text = format!(
            r#"{{{HEAD},"opportunities":[{{"id":"o1","title":"T","account":"a1","stage":"drive"}},
            {{"id":"o1","title":"U","account":"a1","stage":"drive"}}]}}"#
        );
        assert_eq!(
            messages(&text),
            [
                "opportunities[1].id: duplicate opportunity id \"o1\", already used at opportunities[0]"
            ]
        );
    }

    #[test]
    fn dangling_references_are_reported() {
        let text = format!(
            r#"{{{HEAD},"opportunities":[{{"id":"o1","title":"T","account":"nope","stage":"drive",
            "influences":[{{"id":"i1","name":"X","reports_to":"ghost"}}],
            "actions":[{{"id":"t1","text":"call","influence":"ghost"}}]}}]}}"#
        );
        let m = messages(&text);
        assert_eq!(m.len(), 3, "{m:?}");
        assert!(m[0].starts_with("opportunities[0].account: account \"nope\" does not exist"));
        assert!(m[1].starts_with("opportunities[0].influences[0].reports_to: influence \"ghost\""));
        assert!(m[2].starts_with("opportunities[0].actions[0].influence: influence \"ghost\""));
    }

    #[test]
    fn reporting_loops_and_self_reports_are_refused() {
        let text = format!(
            r#"{{{HEAD},"opportunities":[{{"id":"o1","title":"T","account":"a1","stage":"drive",
            "influences":[{{"id":"i1","name":"X","reports_to":"i2"}},{{"id":"i2","name":"Y","reports_to":"i1"}},
            {{"id":"i3","name":"Z","reports_to":"i3"}}]}}]}}"#
        );
        let m = messages(&text);
        assert_eq!(m.len(), 3, "{m:?}");
        assert!(m[0].contains("closes a loop"));
        assert!(m[2].contains("reports to itself"));
    }

    #[test]
    fn empty_ids_unknown_rules_and_version_zero_are_reported() {
        let text = r#"{"format":"funnel-workspace","version":0,"accounts":[{"id":"","name":"A"}],
            "opportunities":[{"id":"o1","title":"T","account":"","stage":"drive",
            "snoozed":[{"rule":"stale","until":"2026-12-01"}]}]}"#;
        let m = messages(text);
        assert!(m[0].starts_with("version: unknown version 0"), "{m:?}");
        assert!(
            m[1].starts_with("accounts[0].id: empty account id"),
            "{m:?}"
        );
        assert!(
            !m.iter().any(|p| p.contains("stale")),
            "unknown rules are kept: {m:?}"
        );
    }

    #[test]
    fn one_target_per_period_and_owner() {
        let text = format!(
            r#"{{{HEAD},"settings":{{"targets":[{{"period":"2026-Q4","amount":100}},
            {{"period":"2026-Q4","amount":50,"owner":"Li"}},{{"period":"2026-12","amount":9}},
            {{"period":"2026-Q4","amount":70,"owner":"Li"}},{{"period":"2026-Q4","amount":1,"owner":null}}]}}}}"#
        );
        assert_eq!(
            messages(&text),
            [
                r#"settings.targets[3]: a second target for 2026-Q4 and "Li", expected one target per period and owner"#,
                "settings.targets[4]: a second target for 2026-Q4 and the whole workspace, expected one target per period and owner"
            ]
        );
    }

    #[test]
    fn the_language_must_be_one_this_program_has() {
        for ok in ["", "en", "zh"] {
            let text = format!(r#"{{{HEAD},"settings":{{"language":"{ok}"}}}}"#);
            assert!(messages(&text).is_empty(), "{ok:?}: {:?}", messages(&text));
        }
        let text = format!(r#"{{{HEAD},"settings":{{"language":"fr"}}}}"#);
        assert_eq!(
            messages(&text),
            [
                r#"settings.language: unknown language "fr", expected "en", "zh" or "" (the environment's)"#
            ]
        );
    }

    #[test]
    fn the_number_style_must_be_western_or_chinese() {
        for ok in ["", "western", "chinese"] {
            let text = format!(r#"{{{HEAD},"settings":{{"number_style":"{ok}"}}}}"#);
            assert!(messages(&text).is_empty(), "{ok:?}: {:?}", messages(&text));
        }
        let text = format!(r#"{{{HEAD},"settings":{{"number_style":"indian"}}}}"#);
        assert_eq!(
            messages(&text),
            [
                r#"settings.number_style: unknown number style "indian", expected "western", "chinese" or "" (the language's)"#
            ]
        );
    }

    #[test]
    fn in_chinese_a_problem_still_names_its_field_path() {
        let text = format!(
            r#"{{{HEAD},"settings":{{"number_style":"x"}},"opportunities":[{{"id":"o1","title":"T","account":"nope","stage":"drive"}}]}}"#
        );
        let zh = crate::i18n::Locale {
            lang: crate::i18n::Lang::Zh,
            numbers: crate::i18n::Numbers::Chinese,
        };
        let m = crate::i18n::with(zh, || messages(&text));
        assert_eq!(
            m,
            [
                r#"settings.number_style: 未知数字样式 "x"，应为 "western"、"chinese" 或 ""（按语言）"#,
                r#"opportunities[0].account: 客户 "nope" 不存在，应为现有 1 个客户之一的 id"#,
            ]
        );
    }

    /// Lists searched in place and lists hashed give the same problems.
    #[test]
    fn short_and_long_lists_report_alike() {
        for n in [5, SMALL + 8] {
            // i0 .. i{n-1}, then i1 again; i2 reports to the duplicate i1,
            // the last two report to each other, one action names a ghost
            let mut people: Vec<String> = (0..n)
                .map(|k| match k {
                    2 => r#"{"id":"i2","name":"P","reports_to":"i1"}"#.to_string(),
                    k if k == n - 2 => {
                        format!(r#"{{"id":"i{k}","name":"P","reports_to":"i{}"}}"#, n - 1)
                    }
                    k if k == n - 1 => {
                        format!(r#"{{"id":"i{k}","name":"P","reports_to":"i{}"}}"#, n - 2)
                    }
                    k => format!(r#"{{"id":"i{k}","name":"P"}}"#),
                })
                .collect();
            people.push(r#"{"id":"i1","name":"Q","reports_to":"nobody"}"#.into());
            let text = format!(
                r#"{{{HEAD},"opportunities":[{{"id":"o1","title":"T","account":"a1","stage":"drive",
                "influences":[{}],"actions":[{{"id":"t1","text":"x","influence":"i{}"}},{{"id":"t2","text":"y","influence":"ghost"}}]}}]}}"#,
                people.join(","),
                n - 1
            );
            let m = messages(&text);
            assert_eq!(
                m,
                [
                    format!("opportunities[0].influences[{n}].id: duplicate influence id \"i1\", already used at opportunities[0].influences[1]"),
                    format!("opportunities[0].influences[{}].reports_to: \"i{}\" reports to \"i{}\", which closes a loop of reports_to, expected a hierarchy", n - 2, n - 2, n - 1),
                    format!("opportunities[0].influences[{}].reports_to: \"i{}\" reports to \"i{}\", which closes a loop of reports_to, expected a hierarchy", n - 1, n - 1, n - 2),
                    format!("opportunities[0].influences[{n}].reports_to: influence \"nobody\" does not exist in this opportunity, expected the id of one of its influences or null"),
                    "opportunities[0].actions[1].influence: influence \"ghost\" does not exist in this opportunity, expected the id of one of its influences or null".to_string(),
                ]
                .map(|s| s.to_string()),
                "{n} people"
            );
        }
    }
}
