//! Resolving the conflicts a merge recorded, one at a time: keep ours (the
//! value already in the workspace), take theirs, or a value typed by hand.

use crate::domain::change::Change;
use crate::domain::values::Date;
use crate::domain::workspace::{Conflict, Workspace};
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
    let _ = (ws, index, pick, today);
    todo!("being written")
}

/// Reads what the user typed for a conflict's value: as text when ours or
/// theirs is a string, else as JSON (`12000`, `true`, `null`, `"x"`).
pub fn parse_edit(conflict: &Conflict, text: &str) -> Result<Value, String> {
    let _ = (conflict, text);
    todo!("being written")
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
