//! Where a merge conflict is, in words a seller reads: the deal's title and
//! the field (`ERP rollout · value`), not only the raw path
//! (`opportunities[o1].value`) the merge records (spec section 13).

use super::merge::path::{Path, Step};
use super::merge::resolve::shown;
use super::workspace::{Conflict, Workspace};
use crate::i18n::t;
use serde_json::Value;

/// A bracketed key as words: an id as it is, the fields of a key of
/// several fields joined by a blank (`2026-Q4 Li Wei`).
fn key_words(key: &[Value]) -> String {
    key.iter()
        .map(|v| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where `conflict` is, in words: `ERP rollout · value`,
/// `ERP rollout · Wang Fang · attitude`, `Acme` (a whole account),
/// `settings · stage probability · drive`. A record no longer in the
/// workspace (ours deleted it) is named from their side's copy.
pub fn place(ws: &Workspace, conflict: &Conflict) -> String {
    place_parts(ws, conflict).join(" · ")
}

/// [`place`] in its parts, the field last: a narrow column cuts the
/// deal's title, never the field.
pub fn place_parts(ws: &Workspace, conflict: &Conflict) -> Vec<String> {
    let Some(Path(steps)) = Path::parse(&conflict.path) else {
        return vec![conflict.path.clone()];
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
                    parts.push(field(key, None));
                }
            }
            Step::Key(key) => {
                here = here.and_then(|v| v.get(key).cloned());
                let parent = match n.checked_sub(1).map(|p| &steps[p]) {
                    Some(Step::Key(k)) => Some(k.as_str()),
                    _ => None,
                };
                parts.push(field(key, parent));
            }
            Step::Item(key) => {
                let id = key_words(key);
                let id = id.as_str();
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
                let name = crate::text::clean(named.unwrap_or(id)).into_owned();
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
    parts
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

/// A conflict's value on one line: as [`shown`] gives it, but a whole
/// record (a deal one side deleted) by its name, not as pages of JSON.
pub fn brief(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            match name_of(value).or_else(|| value.get("id").and_then(Value::as_str)) {
                Some(name) => {
                    crate::tf!("{name} (whole record)", name = crate::text::clean(name))
                }
                // a record without a name (an outcome, a target, a review):
                // what tells the two sides apart, its fields
                None => summary(map),
            }
        }
        other => shown(other),
    }
}

/// A nameless record on one line: its set fields, the ones that say what
/// it is first (`result won · on 2026-11-23 · reason great fit`), a list
/// by its length.
fn summary(map: &serde_json::Map<String, Value>) -> String {
    const FIRST: [&str; 7] = [
        "result", "on", "period", "amount", "owner", "stage", "value",
    ];
    let mut keys: Vec<&String> = map.keys().collect();
    keys.sort_by_key(|k| (FIRST.iter().position(|f| f == k).unwrap_or(FIRST.len()), *k));
    let parts: Vec<String> = keys
        .into_iter()
        .filter_map(|k| match &map[k] {
            Value::Null => None,
            Value::String(s) if s.is_empty() => None,
            Value::Array(items) if items.is_empty() => None,
            Value::Array(items) => Some(format!("{k} {}", items.len())),
            Value::Object(_) => None,
            other => Some(format!("{k} {}", crate::text::clean(&shown(other)))),
        })
        .collect();
    parts.join(" · ")
}

/// One of `conflict`'s values on a line for the list: as [`brief`]
/// gives it, an enum word (a stage, an attitude) by its label in the
/// reader's language (`non-supporter`, `主导进程`).
pub fn value_of(conflict: &Conflict, value: &Value) -> String {
    let kind = match conflict.path.rsplit(['.', ']']).next() {
        Some("stage") => "stage",
        Some("attitude") => "attitude",
        Some("mode") => "mode",
        Some("tier") => "tier",
        Some("relationship") => "relationship stage",
        Some("decision_role") => "decision role",
        Some("influence") => "influence level",
        Some("focus") => "focus",
        Some("social_style") => "social style",
        Some("forecast_category") => "forecast category",
        Some("standing" | "position") => "standing",
        Some("side") => "side",
        _ => return brief(value),
    };
    match value {
        Value::String(word) => crate::i18n::word(kind, word),
        other => brief(other),
    }
}

fn has_id(element: &Value, id: &str) -> bool {
    ["id", "on"]
        .iter()
        .any(|k| element.get(k).and_then(Value::as_str) == Some(id))
}

/// What a record is called: its name, title or text.
fn name_of(record: &Value) -> Option<&str> {
    // a person's `title` is their job: their name comes first
    ["name", "title", "text"]
        .iter()
        .filter_map(|k| record.get(k).and_then(Value::as_str))
        .find(|s| !s.trim().is_empty())
}

/// A field's name as the forms call it, or the JSON key with blanks; a
/// stage under the settings' stage tables by its name.
fn field(key: &str, parent: Option<&str>) -> String {
    if matches!(parent, Some("stage_probability" | "stall_days")) {
        return crate::i18n::word("stage", key);
    }
    let known = match key {
        "value" => t("value"),
        "stage" => t("stage"),
        "title" => t("title"),
        "name" => t("name"),
        "account" => t("account"),
        "probability" => t("probability"),
        "expected_close" => t("expected close"),
        "forecast_category" => t("forecast category"),
        "owner" => t("owner"),
        "product" => t("product"),
        "objective" => t("objective"),
        "tags" => t("tags"),
        "notes" => t("notes"),
        "outcome" => t("outcome"),
        "attitude" => t("attitude"),
        "mode" => t("mode"),
        "influence" => t("influence"),
        "coverage" => t("coverage"),
        "decision_role" => t("decision role"),
        "reports_to" => t("reports to"),
        "last_contact" => t("last contact"),
        "focus" => t("focus"),
        "social_style" => t("social style"),
        "text" => t("text"),
        "kind" => t("kind"),
        "due" => t("due"),
        "done" => t("done"),
        "weight" => t("weight"),
        "standing" => t("standing"),
        "position" => t("position"),
        "strengths" => t("strengths"),
        "weaknesses" => t("weaknesses"),
        "amount" => t("amount"),
        "industry" => t("industry"),
        "tier" => t("tier"),
        "email" => t("email"),
        "phone" => t("phone"),
        "currency" => t("currency"),
        "settings" => t("settings"),
        "quiet_days" => t("quiet after days"),
        "stall_days" => t("stalled after days"),
        "stage_probability" => t("probability by stage"),
        "cadence_days" => t("contact cadence in days"),
        "targets" => t("sales targets"),
        "win_reasons" => t("win reasons"),
        "loss_reasons" => t("loss reasons"),
        _ => return key.replace('_', " "),
    };
    known.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(brief(&c.theirs), "Data centre (whole record)");
        // a record without a name shows what tells the sides apart
        let outcome = serde_json::json!({"on": "2026-11-23", "reason": "great fit", "reason_code": null, "result": "won"});
        assert_eq!(
            brief(&outcome),
            "result won · on 2026-11-23 · reason great fit"
        );
        let target = serde_json::json!({"amount": 3000000, "owner": null, "period": "2026-Q4"});
        assert_eq!(brief(&target), "period 2026-Q4 · amount 3000000");
        assert_eq!(brief(&c.ours), "—");
        let c = conflict(
            "settings.stage_probability.drive",
            Value::from(1),
            Value::from(2),
        );
        assert_eq!(place(&ws, &c), "settings · probability by stage · drive");
        let c = conflict(
            r#"settings.targets[["2026-Q4","Li Wei"]].amount"#,
            Value::from(1),
            Value::from(2),
        );
        assert_eq!(
            place(&ws, &c),
            "settings · sales targets · 2026-Q4 Li Wei · amount"
        );
        let c = conflict("what is this[", Value::Null, Value::Null);
        assert_eq!(place(&ws, &c), "what is this[");
    }
}
