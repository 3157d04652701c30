//! Resolving the conflicts a merge recorded, one at a time: keep ours (the
//! value already in the workspace), take theirs, or a value typed by hand.
//! The value is put at the conflict's path in the record's JSON and the
//! record read back, so every field of the format (and unknown ones) can be
//! resolved the same way, with the same checks as a file being loaded.

use super::path::{Path, Step};
use super::value::{key_of, list_key};
use crate::domain::change::{Change, Patch};
use crate::domain::validate;
use crate::domain::values::Date;
use crate::domain::workspace::{Account, CloseMove, Conflict, Opportunity, StageEntry, Workspace};
use crate::i18n::t;
use crate::tf;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// What the user picked for a conflict.
#[derive(Debug, Clone, PartialEq)]
pub enum Pick {
    /// The workspace's value stays; the conflict is dropped.
    Ours,
    /// Their value replaces ours (their `null`: the record is removed).
    Theirs,
    /// This value, typed by hand (see [`parse_edit`]).
    Value(Value),
}

/// The change that resolves conflict `index` with `pick`: the record it is
/// in, replaced, and the conflict removed. `ws` is as it was on return;
/// apply the change. Refused with a message when the result would not be a
/// valid workspace or the path is no longer there. `today` dates the history
/// entry a stage or close date change adds.
pub fn resolve(
    ws: &mut Workspace,
    index: usize,
    pick: Pick,
    today: Date,
) -> Result<Change, String> {
    let Some(conflict) = ws.conflicts.get(index).cloned() else {
        return Err(t("there is no such conflict").into());
    };
    let (label, value) = match pick {
        Pick::Ours => (
            tf!("Conflict at {path}: kept ours", path = conflict.path),
            None,
        ),
        Pick::Theirs => (
            tf!("Conflict at {path}: took theirs", path = conflict.path),
            Some(conflict.theirs.clone()),
        ),
        Pick::Value(v) => {
            refuse_blank(&conflict.path, &v)?;
            (
                tf!("Conflict at {path}: set by hand", path = conflict.path),
                Some(v),
            )
        }
    };
    let mut change = Change::new(label);
    let mut also_resolved = None;
    if let Some(value) = value {
        also_resolved = account_back(ws, &conflict.path, &value, &mut change);
        let path = Path::parse(&conflict.path).ok_or_else(|| {
            tf!(
                "{path}: not a path funnel can follow; keep ours to drop this conflict",
                path = conflict.path
            )
        })?;
        put(ws, &path, value, today, &mut change)
            .map_err(|why| format!("{}: {why}", conflict.path))?;
    }
    let mut after = ws.conflicts.clone();
    after.remove(index);
    if let Some(path) = also_resolved {
        after.retain(|c| c.path != path);
    }
    change.patches.push(Patch::Conflicts {
        before: ws.conflicts.clone(),
        after,
    });
    change.apply(ws);
    let problems = validate::problems(ws);
    change.revert(ws);
    match problems.first() {
        None => Ok(change),
        Some(p) => Err(tf!(
            "{path}: {message}; nothing was changed",
            path = p.path,
            message = p.message
        )),
    }
}

/// A deal taken back whose account ours deleted too brings the account
/// back with it, from the conflict the merge recorded for it: the change
/// inserts it, and its conflict's path is returned to be resolved as well.
fn account_back(ws: &Workspace, path: &str, value: &Value, change: &mut Change) -> Option<String> {
    if !Path::parse(path)?.is_record_of("opportunities") {
        return None;
    }
    let account = value.get("account")?.as_str()?;
    if ws.account(account).is_some() {
        return None;
    }
    let account_path = Path::record("accounts", account).to_string();
    let recorded = ws.conflicts.iter().find(|c| c.path == account_path)?;
    let record: Account = from_json(recorded.theirs.clone()).ok()?;
    change.patches.push(Patch::Account {
        index: ws.accounts.len(),
        before: None,
        after: Some(record),
    });
    Some(account_path)
}

/// The words a record is known by (a deal's title, a person's name, an
/// action's text) are refused empty by every form; typed by hand here they
/// are refused the same.
fn refuse_blank(path: &str, value: &Value) -> Result<(), String> {
    let field = Path::parse(path).and_then(|p| match p.0.last() {
        Some(Step::Key(k)) if matches!(k.as_str(), "title" | "name" | "text") => Some(k.clone()),
        _ => None,
    });
    match (field, value) {
        (Some(field), Value::String(s)) if s.trim().is_empty() => Err(tf!(
            "{path}: the {field} cannot be empty, expected some words",
            path,
            field
        )),
        _ => Ok(()),
    }
}

/// Adds to `change` the patch that puts `value` at `path`.
fn put(
    ws: &Workspace,
    path: &Path,
    value: Value,
    today: Date,
    change: &mut Change,
) -> Result<(), String> {
    fn key(k: &Step) -> Option<&str> {
        match k {
            Step::Key(k) => Some(k.as_str()),
            Step::Item(_) => None,
        }
    }
    let steps = path.0.as_slice();
    match steps {
        [first, Step::Item(id), rest @ ..] if key(first) == Some("opportunities") => {
            let id = item_id(id)?;
            let at = ws.opportunities.iter().position(|o| o.id == id);
            let before = at.map(|n| &ws.opportunities[n]);
            let after = record(before, rest, "opportunities", value)?.map(|mut o: Opportunity| {
                if let Some(b) = before {
                    keep_histories(b, &mut o, today);
                }
                o
            });
            change.patches.push(Patch::Opportunity {
                index: at.unwrap_or(ws.opportunities.len()),
                before: before.cloned(),
                after,
            });
        }
        [first, Step::Item(id), rest @ ..] if key(first) == Some("accounts") => {
            let id = item_id(id)?;
            let at = ws.accounts.iter().position(|a| a.id == id);
            let before = at.map(|n| &ws.accounts[n]);
            let after: Option<Account> = record(before, rest, "accounts", value)?;
            change.patches.push(Patch::Account {
                index: at.unwrap_or(ws.accounts.len()),
                before: before.cloned(),
                after,
            });
        }
        [first, rest @ ..] if key(first) == Some("reviews") && !rest.is_empty() => {
            let mut json = to_json(&ws.reviews);
            set_at(&mut json, rest, &mut vec!["reviews"], value)?;
            change.patches.push(Patch::Reviews {
                before: ws.reviews.clone(),
                after: from_json(json)?,
            });
        }
        [first, rest @ ..] if key(first) == Some("settings") => {
            let mut json = to_json(&ws.settings);
            set_at(&mut json, rest, &mut vec!["settings"], value)?;
            change.patches.push(Patch::Settings {
                before: Box::new(ws.settings.clone()),
                after: Box::new(from_json(json)?),
            });
        }
        [first, rest @ ..] if key(first) == Some("review_in_progress") => {
            let mut json = to_json(&ws.review_in_progress);
            set_at(&mut json, rest, &mut vec!["review_in_progress"], value)?;
            change.patches.push(Patch::ReviewProgress {
                before: ws.review_in_progress.clone(),
                after: from_json(json)?,
            });
        }
        [Step::Key(name), rest @ ..] if !is_known(name) => {
            let mut extra = ws.extra.clone();
            let mut json = extra.get(name).cloned().unwrap_or(Value::Null);
            set_at(&mut json, rest, &mut vec![name.as_str()], value)?;
            if json.is_null() {
                extra.remove(name);
            } else {
                extra.insert(name.clone(), json);
            }
            change.patches.push(Patch::Extra {
                before: ws.extra.clone(),
                after: extra,
            });
        }
        _ => {
            return Err(
                t("this part of the workspace is not resolved by a value; keep ours").into(),
            );
        }
    }
    Ok(())
}

/// A top-level field of the format (resolved through its own patch, never
/// as an unknown field).
fn is_known(name: &str) -> bool {
    matches!(
        name,
        "format"
            | "version"
            | "settings"
            | "accounts"
            | "opportunities"
            | "reviews"
            | "review_in_progress"
            | "conflicts"
    )
}

fn item_id(key: &[Value]) -> Result<&str, String> {
    match key {
        [Value::String(id)] => Ok(id),
        _ => Err(t("expected a record's id in the path").into()),
    }
}

/// `before` with `value` put at `rest` inside it (`rest` empty: `value` is
/// the whole record, `null` for none).
fn record<T: Serialize + DeserializeOwned>(
    before: Option<&T>,
    rest: &[Step],
    list: &str,
    value: Value,
) -> Result<Option<T>, String> {
    if rest.is_empty() {
        return if value.is_null() {
            Ok(None)
        } else {
            from_json(value).map(Some)
        };
    }
    let Some(before) = before else {
        return Err(
            t("the record is no longer in the workspace; keep ours to drop this conflict").into(),
        );
    };
    let mut json = to_json(before);
    set_at(&mut json, rest, &mut vec![list], value)?;
    from_json(json).map(Some)
}

/// A changed stage or close date gains its history entry, as every edit
/// gives one (spec section 1), unless the history already ends with it
/// (theirs' entry came with the merge).
fn keep_histories(before: &Opportunity, after: &mut Opportunity, today: Date) {
    if after.stage != before.stage
        && after.stage_history.last().map(|e| e.stage) != Some(after.stage)
    {
        after.stage_history.push(StageEntry {
            stage: after.stage,
            entered: today,
            extra: Default::default(),
        });
    }
    if after.expected_close != before.expected_close
        && after.close_history.last().map(|m| m.to) != Some(after.expected_close)
    {
        after.close_history.push(CloseMove {
            on: today,
            from: before.expected_close,
            to: after.expected_close,
            extra: Default::default(),
        });
    }
}

fn to_json<T: Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

/// Reads a record back from JSON through text, as a file is read (unknown
/// fields keep their exact numbers; the messages are the loader's).
fn from_json<T: DeserializeOwned>(v: Value) -> Result<T, String> {
    let bytes = serde_json::to_vec(&v).map_err(|e| e.to_string())?;
    serde_json::from_slice(&bytes).map_err(|e| {
        // the position is in a one-line text nobody sees: leave it out
        let text = e.to_string();
        match text.rfind(" at line ") {
            Some(at) => text[..at].to_owned(),
            None => text,
        }
    })
}

/// Puts `value` at `steps` inside `root`; `pattern` is the field path so
/// far (it says how the lists on the way are keyed). At an element, `null`
/// removes it and a missing one is added.
fn set_at<'a>(
    root: &mut Value,
    steps: &'a [Step],
    pattern: &mut Vec<&'a str>,
    value: Value,
) -> Result<(), String> {
    let Some((step, rest)) = steps.split_first() else {
        *root = value;
        return Ok(());
    };
    let gone = || -> String {
        t("that part is no longer in the workspace; keep ours to drop this conflict").into()
    };
    match step {
        Step::Key(k) => {
            let Value::Object(map) = root else {
                return Err(gone());
            };
            if rest.is_empty() {
                map.insert(k.clone(), value);
                return Ok(());
            }
            pattern.push(k);
            set_at(map.get_mut(k).ok_or_else(gone)?, rest, pattern, value)
        }
        Step::Item(key) => {
            let Value::Array(items) = root else {
                return Err(gone());
            };
            let fields = list_key(pattern);
            let at = items.iter().position(|v| key_of(v, fields) == *key);
            match (at, rest.is_empty(), value.is_null()) {
                (Some(n), true, true) => {
                    items.remove(n);
                    Ok(())
                }
                (Some(n), true, false) => {
                    items[n] = value;
                    Ok(())
                }
                (None, true, true) => Ok(()),
                (None, true, false) => {
                    items.push(value);
                    Ok(())
                }
                (Some(n), false, _) => set_at(&mut items[n], rest, pattern, value),
                (None, false, _) => Err(gone()),
            }
        }
    }
}

/// Reads what the user typed for a conflict's value as the forms read the
/// field: an amount as every amount field takes it (`200k`, `2万`,
/// `¥80,000`), a date as every date field (`eoq`, `+2w`, `下周五`), other
/// text as it is when ours or theirs is a string (empty text is `null`
/// where a side had none), anything else as JSON (`true`, `["a", "b"]`).
pub fn parse_edit(conflict: &Conflict, text: &str, today: Date) -> Result<Value, String> {
    let sides = [&conflict.ours, &conflict.theirs, &conflict.base];
    let blank = text.trim().is_empty();
    if blank && sides.iter().any(|v| v.is_null()) {
        return Ok(Value::Null);
    }
    let field = Path::parse(&conflict.path).and_then(|p| match p.0.last() {
        Some(Step::Key(k)) => Some(k.clone()),
        _ => None,
    });
    const AMOUNTS: [&str; 6] = [
        "value",
        "amount",
        "limit",
        "target",
        "last_year_target",
        "last_year_result",
    ];
    if sides.iter().any(|v| v.is_number()) && field.as_deref().is_some_and(|f| AMOUNTS.contains(&f))
    {
        let money = crate::domain::typed::parse_amount(text, false)?;
        return Ok(serde_json::to_value(money).unwrap_or(Value::Null));
    }
    let is_date = |v: &&Value| v.as_str().is_some_and(|s| Date::parse(s).is_some());
    if sides.iter().any(is_date) {
        let day = crate::domain::typed::parse_date(text, today)?;
        return Ok(Value::String(day.to_string()));
    }
    if sides.iter().any(|v| v.is_string()) {
        return Ok(Value::String(text.to_owned()));
    }
    serde_json::from_str(text.trim()).map_err(|e| {
        tf!(
            "{text} is not a value funnel can read ({e}), expected JSON such as 12000, true, null or [\"a\", \"b\"]",
            text = format!("{text:?}"),
            e
        )
    })
}

/// A value on one line for the conflict list: a string as it is, anything
/// else as compact JSON, `—` for null.
pub fn shown(value: &Value) -> String {
    match value {
        Value::Null => "—".to_owned(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
