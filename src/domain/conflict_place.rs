//! Where a merge conflict is, in words a seller reads: the deal's title and
//! the field (`ERP rollout · value`), not only the raw path
//! (`opportunities[o1].value`) the merge records (spec section 13).

use super::workspace::{Conflict, Workspace};
use crate::i18n::t;
use serde_json::Value;

/// One step of a conflict's path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A field of an object: `value`, `settings`.
    Key(String),
    /// A list element by its id (a key of several fields joined by a
    /// blank: `2026-Q4 Li Wei`).
    Id(String),
}

/// The steps of `path`: keys joined by `.`, list elements by their id in
/// brackets, an id with `[`, `]`, `.`, `"` or `\` written as a JSON string
/// and a key of several fields as a JSON array. `None` when it does not
/// read (a path written by another tool): the raw path is shown then.
pub fn parse(path: &str) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            let (id, tail) = if after.starts_with(['"', '[']) {
                // a JSON string or array: serde finds where it ends
                let mut values =
                    serde_json::Deserializer::from_str(after).into_iter::<serde_json::Value>();
                let value = values.next()?.ok()?;
                let used = values.byte_offset();
                (joined(&value)?, &after[used..])
            } else {
                let end = after.find(']')?;
                (after[..end].to_owned(), &after[end..])
            };
            steps.push(Step::Id(id));
            rest = tail.strip_prefix(']')?;
        } else {
            let end = rest.find(['.', '[']).unwrap_or(rest.len());
            if end == 0 {
                return None;
            }
            steps.push(Step::Key(rest[..end].to_owned()));
            rest = &rest[end..];
        }
        rest = rest.strip_prefix('.').unwrap_or(rest);
    }
    (!steps.is_empty()).then_some(steps)
}

/// A bracketed id read as JSON: a string as it is, the fields of a
/// several-field key joined by a blank.
fn joined(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Array(parts) => {
            let parts: Option<Vec<String>> = parts
                .iter()
                .map(|p| match p {
                    Value::String(s) => Some(s.clone()),
                    Value::Array(_) | Value::Object(_) => None,
                    other => Some(other.to_string()),
                })
                .collect();
            Some(parts?.join(" "))
        }
        _ => None,
    }
}

/// Where `conflict` is, in words: `ERP rollout · value`,
/// `ERP rollout · Wang Fang · attitude`, `Acme` (a whole account),
/// `settings · stage probability · drive`. A record no longer in the
/// workspace (ours deleted it) is named from their side's copy.
pub fn place(ws: &Workspace, conflict: &Conflict) -> String {
    let Some(steps) = parse(&conflict.path) else {
        return conflict.path.clone();
    };
    let mut parts: Vec<String> = Vec::new();
    // the JSON the next step looks into, where it is known
    let mut here: Option<Value> = None;
    let last = steps.len() - 1;
    for (n, step) in steps.iter().enumerate() {
        match step {
            Step::Key(key) if n == 0 => {
                here = top(ws, key);
                if !matches!(key.as_str(), "opportunities" | "accounts" | "reviews") {
                    parts.push(field(key));
                }
            }
            Step::Key(key) => {
                here = here.and_then(|v| v.get(key).cloned());
                parts.push(field(key));
            }
            Step::Id(id) => {
                let found = match &steps[0] {
                    Step::Key(list) if n == 1 && here.is_none() => record(ws, list, id),
                    _ => here
                        .as_ref()
                        .and_then(Value::as_array)
                        .and_then(|list| list.iter().find(|e| has_id(e, id)))
                        .cloned(),
                };
                // a record ours deleted: their copy (or the base's) names it
                let named = found.clone().or_else(|| {
                    (n == last).then(|| {
                        [&conflict.theirs, &conflict.ours, &conflict.base]
                            .into_iter()
                            .find(|v| v.is_object())
                            .cloned()
                    })?
                });
                let named = named.as_ref().and_then(name_of);
                // a record with a name needs no list's name before it
                // (`Wang Fang`, not `influences · Wang Fang`); an id does
                // (`targets · 2026-Q4 Li Wei`)
                if named.is_some() && n >= 2 {
                    parts.pop();
                }
                let name = crate::text::clean(named.unwrap_or(id.as_str())).into_owned();
                parts.push(match steps.first() {
                    Some(Step::Key(k)) if n == 1 && k == "reviews" => {
                        crate::tf!("review of {date}", date = name)
                    }
                    _ => name,
                });
                here = found;
            }
        }
    }
    parts.join(" · ")
}

/// The JSON of a top-level field, for the steps below it. The deals and
/// the accounts are looked up by id instead ([`record`]): turning 10,000
/// deals into JSON for one line of a list would be slow.
fn top(ws: &Workspace, key: &str) -> Option<Value> {
    match key {
        "settings" => serde_json::to_value(&ws.settings).ok(),
        "reviews" => serde_json::to_value(&ws.reviews).ok(),
        _ => None,
    }
}

/// The deal or account `id` of the top-level list `list`, as JSON.
fn record(ws: &Workspace, list: &str, id: &str) -> Option<Value> {
    match list {
        "opportunities" => ws
            .opportunity(id)
            .and_then(|o| serde_json::to_value(o).ok()),
        "accounts" => ws
            .accounts
            .iter()
            .find(|a| a.id == id)
            .and_then(|a| serde_json::to_value(a).ok()),
        _ => None,
    }
}

fn has_id(element: &Value, id: &str) -> bool {
    ["id", "on"]
        .iter()
        .any(|k| element.get(k).and_then(Value::as_str) == Some(id))
}

/// What a record is called: its title, name or text.
fn name_of(record: &Value) -> Option<&str> {
    // a person's `title` is their job, often blank: the name follows
    ["title", "name", "text"]
        .iter()
        .filter_map(|k| record.get(k).and_then(Value::as_str))
        .find(|s| !s.trim().is_empty())
}

/// A field's name as the forms call it, or the JSON key with blanks.
fn field(key: &str) -> String {
    let known = match key {
        "value" => t("value"),
        "stage" => t("stage"),
        "title" => t("title"),
        "name" => t("name"),
        "account" => t("account"),
        "probability" => t("probability"),
        "expected_close" => t("expected close"),
        "owner" => t("owner"),
        "notes" => t("notes"),
        "attitude" => t("attitude"),
        "mode" => t("mode"),
        "influence" => t("influence"),
        "coverage" => t("coverage"),
        "text" => t("text"),
        "due" => t("due"),
        "done" => t("done"),
        "amount" => t("amount"),
        "industry" => t("industry"),
        "tier" => t("tier"),
        "email" => t("email"),
        "phone" => t("phone"),
        "settings" => t("settings"),
        _ => return key.replace('_', " "),
    };
    known.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_as_the_merge_writes_them() {
        let k = |s: &str| Step::Key(s.into());
        let i = |s: &str| Step::Id(s.into());
        assert_eq!(
            parse("opportunities[o1].influences[i2].attitude"),
            Some(vec![
                k("opportunities"),
                i("o1"),
                k("influences"),
                i("i2"),
                k("attitude")
            ])
        );
        assert_eq!(
            parse(r#"settings.targets[["2026-Q4","Li Wei"]].amount"#),
            Some(vec![
                k("settings"),
                k("targets"),
                i("2026-Q4 Li Wei"),
                k("amount")
            ])
        );
        assert_eq!(
            parse(r#"opportunities["a.b]"].value"#),
            Some(vec![k("opportunities"), i("a.b]"), k("value")])
        );
        assert_eq!(
            parse("reviews[2026-11-16].opportunities[o4].stage"),
            Some(vec![
                k("reviews"),
                i("2026-11-16"),
                k("opportunities"),
                i("o4"),
                k("stage")
            ])
        );
        assert_eq!(parse("opportunities[o1"), None);
        assert_eq!(parse(""), None);
        assert_eq!(parse("a..b"), None);
    }

    fn conflict(path: &str, ours: Value, theirs: Value) -> Conflict {
        Conflict {
            path: path.into(),
            ours,
            theirs,
            ..Conflict::default()
        }
    }

    #[test]
    fn a_deal_is_named_by_its_title_and_a_person_by_their_name() {
        let mut ws = Workspace::new("", "");
        ws.opportunities.push(crate::domain::Opportunity {
            id: "o1".into(),
            title: "ERP rollout".into(),
            influences: vec![crate::domain::Influence {
                id: "i2".into(),
                name: "Wang Fang".into(),
                ..Default::default()
            }],
            ..Default::default()
        });
        let o = &ws.opportunities[0];
        let c = conflict(
            &format!("opportunities[{}].value", o.id),
            Value::from(1),
            Value::from(2),
        );
        assert_eq!(place(&ws, &c), format!("{} · value", o.title));
        let p = &o.influences[0];
        let c = conflict(
            &format!("opportunities[{}].influences[{}].attitude", o.id, p.id),
            Value::Null,
            Value::Null,
        );
        assert_eq!(
            place(&ws, &c),
            format!("{} · {} · attitude", o.title, p.name)
        );
    }

    #[test]
    fn a_deal_ours_deleted_is_named_from_their_copy() {
        let ws = Workspace::new("", "");
        let c = conflict(
            "opportunities[o9]",
            Value::Null,
            serde_json::json!({"id": "o9", "title": "Data centre"}),
        );
        assert_eq!(place(&ws, &c), "Data centre");
        let c = conflict(
            "settings.stage_probability.drive",
            Value::from(1),
            Value::from(2),
        );
        assert_eq!(place(&ws, &c), "settings · stage probability · drive");
        let c = conflict(
            r#"settings.targets[["2026-Q4","Li Wei"]].amount"#,
            Value::from(1),
            Value::from(2),
        );
        assert_eq!(
            place(&ws, &c),
            "settings · targets · 2026-Q4 Li Wei · amount"
        );
        let c = conflict("what is this[", Value::Null, Value::Null);
        assert_eq!(place(&ws, &c), "what is this[");
    }
}
