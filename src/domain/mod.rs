//! The selling model, pure: records, rules and figures. No terminal, no
//! file system; `today` is always passed in.

pub mod record;

pub mod account_rows;
pub mod account_warnings;
pub mod accounts;
pub mod advice;
pub mod agenda;
pub mod analysis;
pub mod cadence;
pub mod change;
pub mod conflict_place;
pub mod conversation;
pub mod credit;
pub mod demo;
pub mod edit;
pub mod exact_json;
pub mod flags;
pub mod forecast;
pub mod ids;
pub mod influence;
pub mod merge;
pub mod metrics;
pub mod money;
pub mod opportunity;
pub mod parallel;
pub mod period;
pub mod priority;
pub mod quick_add;
pub mod review;
pub mod strategy;
pub mod team;
pub mod team_rollup;
pub mod team_workspace;
pub mod typed;
pub mod validate;
pub mod values;
pub mod week;
pub mod words;
pub mod workspace;

pub use ids::{
    AccountId, ActionId, CompetitorId, CriterionId, InfluenceId, ManualFlagId, OpportunityId,
    StepId,
};
pub use opportunity::Status;
pub use period::Period;
pub use record::{Augmented, Entries};
pub use review::ReviewProgress;
pub use values::{Coverage, Date, Days, Money, Percent, Score, TimeOfDay};
pub use words::*;
pub use workspace::*;

/// Unknown fields of a record, kept in key order so output is stable.
pub type Extra = std::collections::BTreeMap<String, serde_json::Value>;

/// The red-flag rule ids of spec section 3 (a contract).
pub const RULE_IDS: &[&str] = &[
    "unqualified",
    "no-economic-buyer",
    "economic-buyer-not-met",
    "no-coach",
    "influence-not-met",
    "unknown-mode",
    "no-discrepancy",
    "opponent",
    "single-threaded",
    "stalled",
    "close-date-passed",
    "no-close-date",
    "close-date-slipped",
    "no-next-action",
    "overdue-action",
    "quiet",
    "no-value-proposition",
    "commit-at-risk",
    "no-decision-criteria",
    "behind-on-criterion",
    "competitor-ahead",
    "no-compelling-event",
    "no-close-plan",
    "close-plan-overdue",
    "person-quiet",
    "no-call-plan",
    "manual",
];
