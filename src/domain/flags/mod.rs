//! Red flags (spec section 3, a contract for rule ids and conditions): what
//! puts a deal at risk, computed afresh from what is there and from what is
//! missing. Pure: `today` is passed in. One function per rule in [`rules`];
//! how severe each is, in [`severity`].

mod rules;

use super::record::words;
use super::values::Date;
use super::words::{Attitude, Mode, Role, Stage};
use super::workspace::{Opportunity, Settings, Snooze};
use serde::Serialize;
use std::borrow::Cow;

words! {
    /// A red-flag rule. Its spelling is the rule id of spec section 3, as
    /// `funnel flags` prints it and a snooze names it. Listed in the order
    /// the rules run, which is the order of equally severe flags.
    pub enum Rule ("red-flag rule") {
        Unqualified = "unqualified",
        NoEconomicBuyer = "no-economic-buyer",
        EconomicBuyerNotMet = "economic-buyer-not-met",
        NoCoach = "no-coach",
        InfluenceNotMet = "influence-not-met",
        UnknownMode = "unknown-mode",
        NoDiscrepancy = "no-discrepancy",
        Opponent = "opponent",
        SingleThreaded = "single-threaded",
        Stalled = "stalled",
        CloseDatePassed = "close-date-passed",
        NoCloseDate = "no-close-date",
        CloseDateSlipped = "close-date-slipped",
        NoNextAction = "no-next-action",
        OverdueAction = "overdue-action",
        Quiet = "quiet",
        NoValueProposition = "no-value-proposition",
        CommitAtRisk = "commit-at-risk",
        NoDecisionCriteria = "no-decision-criteria",
        BehindOnCriterion = "behind-on-criterion",
        CompetitorAhead = "competitor-ahead",
        NoCompellingEvent = "no-compelling-event",
        NoClosePlan = "no-close-plan",
        ClosePlanOverdue = "close-plan-overdue",
        PersonQuiet = "person-quiet",
        NoCallPlan = "no-call-plan",
        Manual = "manual",
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Low,
    Medium,
    High,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }
}

/// How severe a flag of `rule` is on a deal in `stage`; `worse` is the
/// rule's aggravating case (the last column), which its function decides.
///
/// Severities are ours to choose. The principle: the later the stage, the
/// more a gap costs, because there is less time left to close it.
///
/// | rule | severity | worse |
/// |---|---|---|
/// | unqualified | medium in drive, high from propose | |
/// | no-economic-buyer | low in qualify, medium in drive, high from propose | |
/// | economic-buyer-not-met | medium in qualify, high later | |
/// | no-coach | medium, high from negotiate | |
/// | influence-not-met | low, medium when worse | a high-influence person |
/// | unknown-mode | low, medium when worse | the economic buyer |
/// | no-discrepancy | medium, high when worse from propose | the economic buyer |
/// | opponent | medium, high when worse | hostile (else a high-influence non-supporter) |
/// | single-threaded | medium, high from propose | |
/// | stalled | medium, high in negotiate and close | |
/// | close-date-passed | high | |
/// | no-close-date | low in qualify, medium later | |
/// | close-date-slipped | medium, high when worse | three slips or more |
/// | no-next-action | high | |
/// | overdue-action | medium, high when worse | more than 14 days overdue |
/// | quiet | medium | |
/// | no-value-proposition | medium, high in negotiate and close | |
/// | commit-at-risk | high: the manager counts on it this period | |
/// | no-decision-criteria | medium, high in negotiate and close | |
/// | behind-on-criterion | medium, high when worse | weight 5 |
/// | competitor-ahead | medium, high in negotiate and close | |
/// | no-compelling-event | low in propose, medium later | |
/// | no-close-plan | medium, high in close | |
/// | close-plan-overdue | medium, high when worse | a customer's step (the paper process has stalled) |
/// | person-quiet | medium, high when worse | the economic buyer, from propose |
/// | no-call-plan | medium, high when worse | the conversation is today or overdue |
/// | manual | medium (the user said it; the user can resolve it) | |
pub fn severity(rule: Rule, stage: Stage, worse: bool) -> Severity {
    use Severity::*;
    let from = |s: Stage, then: Severity, before: Severity| if stage >= s { then } else { before };
    let when_worse = |then: Severity, otherwise: Severity| if worse { then } else { otherwise };
    match rule {
        Rule::Unqualified => from(Stage::Propose, High, Medium),
        Rule::NoEconomicBuyer => match stage {
            Stage::Qualify => Low,
            Stage::Drive => Medium,
            _ => High,
        },
        Rule::EconomicBuyerNotMet => from(Stage::Drive, High, Medium),
        Rule::NoCoach => from(Stage::Negotiate, High, Medium),
        Rule::InfluenceNotMet => when_worse(Medium, Low),
        Rule::UnknownMode => when_worse(Medium, Low),
        Rule::NoDiscrepancy => when_worse(from(Stage::Propose, High, Medium), Medium),
        Rule::Opponent => when_worse(High, Medium),
        Rule::SingleThreaded => from(Stage::Propose, High, Medium),
        Rule::Stalled => from(Stage::Negotiate, High, Medium),
        Rule::CloseDatePassed => High,
        Rule::NoCloseDate => from(Stage::Drive, Medium, Low),
        Rule::CloseDateSlipped => when_worse(High, Medium),
        Rule::NoNextAction => High,
        Rule::OverdueAction => when_worse(High, Medium),
        Rule::Quiet => Medium,
        Rule::NoValueProposition => from(Stage::Negotiate, High, Medium),
        Rule::CommitAtRisk => High,
        Rule::NoDecisionCriteria => from(Stage::Negotiate, High, Medium),
        Rule::BehindOnCriterion => when_worse(High, Medium),
        Rule::CompetitorAhead => from(Stage::Negotiate, High, Medium),
        Rule::NoCompellingEvent => from(Stage::Negotiate, Medium, Low),
        Rule::NoClosePlan => from(Stage::Close, High, Medium),
        Rule::ClosePlanOverdue => when_worse(High, Medium),
        Rule::PersonQuiet => when_worse(High, Medium),
        Rule::NoCallPlan => when_worse(High, Medium),
        Rule::Manual => Medium,
    }
}

/// One red flag on one opportunity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    pub rule: Rule,
    pub severity: Severity,
    /// The influence, action, manual flag, competitor, criterion or
    /// close-plan step it is about, if any.
    pub subject: Option<String>,
    /// Most rules say a fixed sentence somewhere: borrowed, not copied
    /// (74,000 flags at 10,000 deals).
    pub message: Cow<'static, str>,
    pub suggestion: Cow<'static, str>,
}

/// Every flag of `o` on `today`, snoozed ones included, most severe first
/// (equally severe ones in rule order). Won, lost and abandoned deals carry
/// none.
pub fn compute(o: &Opportunity, settings: &Settings, today: Date) -> Vec<Flag> {
    compute_where(o, settings, today, &|_| true)
}

/// Which severities a caller wants: the words of the other flags are never
/// written.
pub type Keep<'a> = &'a (dyn Fn(Severity) -> bool + Sync);

/// [`compute`], only the flags of a severity `keep` accepts.
pub fn compute_where(o: &Opportunity, settings: &Settings, today: Date, keep: Keep) -> Vec<Flag> {
    let mut out = Vec::new();
    if !o.is_open() {
        return out;
    }
    let ctx = rules::Ctx {
        o,
        settings,
        today,
        keep,
    };
    for rule in Rule::ALL {
        rules::check(*rule, &ctx, &mut out);
    }
    out.sort_by_key(|f| std::cmp::Reverse(f.severity));
    out
}

/// The snooze hiding `flag` on `today`, if any: it hides through its
/// `until` date and the flag comes back the day after.
pub fn snoozed_by<'a>(o: &'a Opportunity, flag: &Flag, today: Date) -> Option<&'a Snooze> {
    o.snoozed.iter().find(|s| {
        // the stored rule stays a string: a file from a newer funnel may
        // snooze a rule this one does not know, and that must survive
        s.rule == flag.rule.as_str()
            && s.subject == flag.subject
            && today <= s.until
            && flag.rule != Rule::Manual
    })
}

/// The flags that show on `today`: computed, minus the snoozed.
pub fn visible(o: &Opportunity, settings: &Settings, today: Date) -> Vec<Flag> {
    visible_where(o, settings, today, &|_| true)
}

/// [`visible`], only the flags of a severity `keep` accepts.
pub fn visible_where(o: &Opportunity, settings: &Settings, today: Date, keep: Keep) -> Vec<Flag> {
    compute_where(o, settings, today, keep)
        .into_iter()
        .filter(|f| snoozed_by(o, f, today).is_none())
        .collect()
}

/// The visible flags of every deal of `ws` (empty for closed ones), by the
/// deal's index, computed on every core: for a command that uses them more
/// than once (the report's top flags and its action list).
pub fn all_visible(ws: &super::Workspace, today: Date) -> Vec<Vec<Flag>> {
    all_visible_where(ws, today, &|_| true)
}

/// [`all_visible`], only the flags of a severity `keep` accepts.
pub fn all_visible_where(ws: &super::Workspace, today: Date, keep: Keep) -> Vec<Vec<Flag>> {
    super::parallel::chunks(&ws.opportunities, 1024, |_, deals| {
        deals
            .iter()
            .map(|o| visible_where(o, &ws.settings, today, keep))
            .collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect()
}

/// What is going well, as the Blue Sheet lists beside the red flags: the
/// user's own strengths and the ones the data shows.
pub fn strengths(o: &Opportunity) -> Vec<String> {
    let mut out: Vec<String> = o.strengths.clone();
    for p in &o.influences {
        if p.has_role(Role::Coach) && p.attitude == Attitude::Champion {
            out.push(crate::tf!(
                "{name} is our coach and a champion",
                name = p.name
            ));
        }
        if p.has_role(Role::Economic)
            && matches!(p.mode, Mode::Growth | Mode::Trouble)
            && p.coverage.0 >= 2
        {
            out.push(crate::tf!(
                "economic buyer {name} is in {mode} mode and we know them well",
                name = p.name,
                mode = p.mode.label()
            ));
        }
    }
    if o.qualification.all_confirmed() {
        out.push(crate::i18n::t("all four qualification conditions confirmed").into());
    }
    out
}

/// The flag pane's rows: the flags that show, most severe first, then the
/// snoozed ones with their snooze.
pub fn flag_rows<'a>(
    o: &'a Opportunity,
    settings: &Settings,
    today: Date,
) -> Vec<(Flag, Option<&'a Snooze>)> {
    let (shown, snoozed): (Vec<_>, Vec<_>) = compute(o, settings, today)
        .into_iter()
        .map(|f| {
            let s = snoozed_by(o, &f, today);
            (f, s)
        })
        .partition(|(_, s)| s.is_none());
    shown.into_iter().chain(snoozed).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_the_spec_ids_in_order() {
        let ids: Vec<&str> = Rule::ALL.iter().map(|r| r.as_str()).collect();
        assert_eq!(ids, crate::domain::RULE_IDS);
    }

    /// A deal in drive for 100 days, with nobody known and nothing to do.
    fn stalled_deal() -> (Opportunity, Date) {
        let today = Date::parse("2026-11-30").unwrap();
        let o = Opportunity {
            id: "o1".into(),
            title: "ERP".into(),
            account: "a1".into(),
            stage: Stage::Drive,
            created: Some(today.plus_days(-100)),
            ..Opportunity::default()
        };
        (o, today)
    }

    fn message(o: &Opportunity, today: Date, rule: Rule) -> (String, String) {
        let flags = compute(o, &Settings::default(), today);
        let f = flags.iter().find(|f| f.rule == rule).unwrap();
        (f.message.to_string(), f.suggestion.to_string())
    }

    #[test]
    fn in_chinese_a_stalled_deal_says_its_days_in_the_course_terms() {
        let (o, today) = stalled_deal();
        let zh = crate::i18n::Locale {
            lang: crate::i18n::Lang::Zh,
            numbers: crate::i18n::Numbers::Chinese,
        };
        let (said, advice) = crate::i18n::with(zh, || message(&o, today, Rule::Stalled));
        assert!(said.starts_with("在主导进程停留 100 天（超过 "), "{said}");
        assert!(
            advice.contains("主导进程") && !advice.is_ascii(),
            "{advice}"
        );
        let (said, _) = crate::i18n::with(zh, || message(&o, today, Rule::SingleThreaded));
        assert_eq!(said, "仅掌握 0 位买方影响力");
        // the same deal in English, as the JSON writes it
        let (said, _) = message(&o, today, Rule::Stalled);
        assert!(said.starts_with("100 days in drive (more than "), "{said}");
        assert_eq!(
            message(&o, today, Rule::SingleThreaded).0,
            "only 0 buying influences known"
        );
    }

    #[test]
    fn severity_grows_with_the_stage() {
        use Severity::*;
        let at = |rule, stage| severity(rule, stage, false);
        assert_eq!(at(Rule::NoEconomicBuyer, Stage::Qualify), Low);
        assert_eq!(at(Rule::NoEconomicBuyer, Stage::Drive), Medium);
        assert_eq!(at(Rule::NoEconomicBuyer, Stage::Propose), High);
        assert_eq!(at(Rule::NoCoach, Stage::Propose), Medium);
        assert_eq!(at(Rule::NoCoach, Stage::Negotiate), High);
        assert_eq!(severity(Rule::NoDiscrepancy, Stage::Drive, true), Medium);
        assert_eq!(severity(Rule::NoDiscrepancy, Stage::Propose, true), High);
    }
}
