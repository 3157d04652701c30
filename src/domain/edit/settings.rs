//! Editing the workspace's settings in the workbench (spec section 9:
//! every field of the format is editable there): the owner, the currency,
//! each stage's probability and stall days, the quiet days and the reason
//! codes. Targets, the language and saved filters have edits of their own.

use super::{Change, Edit, Patch, Refusal};
use crate::domain::{Days, Percent, Stage, Workspace};
use crate::i18n::t;
use crate::tf;

/// The settings the settings form gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsFields {
    pub owner: String,
    pub currency: String,
    pub quiet_days: Days,
    /// By stage, qualify to close.
    pub stage_probability: [Percent; 5],
    pub stall_days: [Days; 5],
    pub loss_reasons: Vec<String>,
    pub win_reasons: Vec<String>,
    /// `western`, `chinese`, or empty (as the language goes).
    pub number_style: String,
    /// Days between contacts for a person of high, medium and low
    /// influence.
    pub cadence_days: [Days; 3],
}

impl SettingsFields {
    pub fn of(ws: &Workspace) -> SettingsFields {
        let s = &ws.settings;
        let stages = [
            Stage::Qualify,
            Stage::Drive,
            Stage::Propose,
            Stage::Negotiate,
            Stage::Close,
        ];
        SettingsFields {
            owner: s.owner.clone(),
            currency: s.currency.clone(),
            quiet_days: s.quiet_days,
            stage_probability: stages.map(|st| s.stage_probability.get(st)),
            stall_days: stages.map(|st| s.stall_days.get(st)),
            loss_reasons: s.loss_reasons.clone(),
            win_reasons: s.win_reasons.clone(),
            number_style: s.number_style.clone(),
            cadence_days: [
                s.cadence_days.high,
                s.cadence_days.medium,
                s.cadence_days.low,
            ],
        }
    }
}

/// A reason code as the file keeps it: `budget lost` → `budget_lost`.
pub fn reason_code(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join("_")
        .to_lowercase()
}

pub fn set_settings(ws: &Workspace, f: SettingsFields) -> Edit {
    let mut s = ws.settings.clone();
    let currency = f.currency.trim().to_uppercase();
    if currency.is_empty() {
        return Err(Refusal::Invalid(
            t("the currency cannot be empty, expected a code like CNY or EUR").into(),
        ));
    }
    // a code the list has is kept as spelt (closed deals use it); only a
    // new one is written as a code
    let codes = |list: Vec<String>, had: &[String]| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for typed in &list {
            let code = match had.iter().find(|h| h.as_str() == typed.trim()) {
                Some(h) => h.clone(),
                None => reason_code(typed),
            };
            if !code.is_empty() && !out.contains(&code) {
                out.push(code);
            }
        }
        out
    };
    let loss = codes(f.loss_reasons, &ws.settings.loss_reasons);
    let win = codes(f.win_reasons, &ws.settings.win_reasons);
    if loss.is_empty() || win.is_empty() {
        return Err(Refusal::Invalid(
            t("each list of reasons needs at least one code (other, say)").into(),
        ));
    }
    if f.quiet_days.0 == 0
        || f.stall_days.iter().any(|d| d.0 == 0)
        || f.cadence_days.iter().any(|d| d.0 == 0)
    {
        return Err(Refusal::Invalid(
            t("days must be 1 or more: a deal cannot stall or go quiet in 0 days").into(),
        ));
    }
    s.owner = f.owner.trim().to_owned();
    s.currency = currency;
    s.quiet_days = f.quiet_days;
    let [q, d, p, n, c] = f.stage_probability;
    (
        s.stage_probability.qualify,
        s.stage_probability.drive,
        s.stage_probability.propose,
        s.stage_probability.negotiate,
        s.stage_probability.close,
    ) = (q, d, p, n, c);
    let [q, d, p, n, c] = f.stall_days;
    (
        s.stall_days.qualify,
        s.stall_days.drive,
        s.stall_days.propose,
        s.stall_days.negotiate,
        s.stall_days.close,
    ) = (q, d, p, n, c);
    s.loss_reasons = loss;
    s.win_reasons = win;
    [
        s.cadence_days.high,
        s.cadence_days.medium,
        s.cadence_days.low,
    ] = f.cadence_days;
    s.number_style = match f.number_style.trim() {
        style @ ("" | "western" | "chinese") => style.to_owned(),
        other => {
            return Err(Refusal::Invalid(tf!(
                "unknown number style {style}, expected western, chinese or nothing",
                style = format!("{other:?}")
            )));
        }
    };
    if s == ws.settings {
        return Err(Refusal::Unchanged);
    }
    let mut change = Change::new(t("settings changed"));
    change.patches.push(Patch::Settings {
        before: Box::new(ws.settings.clone()),
        after: Box::new(s),
    });
    Ok(change)
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{after, ws};
    use super::*;

    #[test]
    fn settings_are_set_checked_and_undone() {
        let ws = ws();
        let mut f = SettingsFields::of(&ws);
        assert_eq!(set_settings(&ws, f.clone()), Err(Refusal::Unchanged));
        f.currency = " cny ".into();
        f.stall_days[1] = Days(45);
        f.loss_reasons.push("Budget lost twice".into());
        let c = set_settings(&ws, f.clone()).unwrap();
        let new = after(&ws, &c);
        assert_eq!(new.settings.currency, "CNY");
        assert_eq!(new.settings.stall_days.drive, Days(45));
        assert_eq!(
            new.settings.loss_reasons.last().unwrap(),
            "budget_lost_twice"
        );
        let mut back = new.clone();
        c.revert(&mut back);
        assert_eq!(back, ws);
        let mut zero = f.clone();
        zero.quiet_days = Days(0);
        assert!(matches!(set_settings(&ws, zero), Err(Refusal::Invalid(_))));
        f.win_reasons.clear();
        assert!(matches!(set_settings(&ws, f), Err(Refusal::Invalid(_))));
    }
}
