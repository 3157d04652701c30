//! The records of the workspace file (spec section 1, a contract). Field
//! order here is the order in the file.

use super::period::Period;
use super::record::record;
use super::review::ReviewProgress;
use super::values::{Coverage, Date, Days, Money, Percent, Score, TimeOfDay};
use super::words::{
    ActionKind, Attitude, Commitment, CriterionKind, DecisionRole, Focus, ForecastCategory, Level,
    Mode, OutcomeResult, Relationship, Role, Side, SocialStyle, Stage, Standing, Tier,
};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;
use std::result::Result;

/// The `format` tag every workspace file starts with.
pub const FORMAT: &str = "funnel-workspace";
/// The newest format version this program reads and writes.
pub const VERSION: u64 = 1;

/// The `"format": "funnel-workspace"` marker; anything else is not our file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FormatTag;

impl Serialize for FormatTag {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(FORMAT)
    }
}

impl<'de> Deserialize<'de> for FormatTag {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<str>::deserialize(d)?;
        if s == FORMAT {
            Ok(FormatTag)
        } else {
            Err(serde::de::Error::custom(crate::tf!(
                "format {s} is not a funnel workspace, expected \"{format}\"",
                s = format!("{s:?}"),
                format = FORMAT
            )))
        }
    }
}

record! {
    /// The whole file.
    pub struct Workspace ("a funnel workspace (a JSON object with format, version, settings, accounts, opportunities)") {
        format: FormatTag = required,
        version: u64 = required,
        settings: Settings = default,
        accounts: Vec<Account> = default,
        opportunities: Vec<Opportunity> = default,
        reviews: Vec<Review> = default,
        /// The weekly review walk left half-way (view 5).
        review_in_progress: Option<ReviewProgress> = lenient,
        /// What `funnel merge` could not decide (spec section 13): the
        /// field both sides changed, the value kept (ours) and the others.
        /// Written only when there are some.
        conflicts: Vec<Conflict> = skip_empty,
    }
}

record! {
    /// A field (or a whole record) both sides of a merge changed
    /// differently. The workspace holds `ours`; `theirs` and `base` are kept
    /// here until the user picks. `path` names it by ids, not positions:
    /// `opportunities[o1].influences[i2].attitude` (see `domain::merge::path`).
    pub struct Conflict ("a merge conflict (path, ours, theirs, base)") {
        path: String = required,
        /// `null`: the record is not in the workspace (ours deleted it).
        ours: serde_json::Value = default,
        /// `null`: their side deleted it.
        theirs: serde_json::Value = default,
        /// `null`: it was not in the common ancestor.
        base: serde_json::Value = default,
    }
}

record! {
    pub struct Settings ("the settings object") {
        owner: String = default,
        currency: String = default,
        stage_probability: StagePercents = default,
        stall_days: StageDays = default,
        quiet_days: Days = or(Days(14)),
        /// How often a buying influence is to be heard from, by their
        /// influence, when they set no `cadence_days` of their own (spec
        /// section 10).
        cadence_days: CadenceDays = default,
        /// The reason codes a lost or abandoned deal's outcome is given
        /// (spec section 7).
        loss_reasons: Vec<String> = or(words(&LOSS_REASONS)),
        /// The reason codes a won deal's outcome is given.
        win_reasons: Vec<String> = or(words(&WIN_REASONS)),
        /// Options of `funnel import csv` saved by name (spec section 14).
        import_profiles: BTreeMap<String, ImportProfile> = default,
        /// The column each source's deals took their ids from (source →
        /// header; empty: the file had none and rows were matched by title
        /// and account), so that importing that source with ids from another
        /// column is refused instead of adding every deal a second time.
        import_id_columns: BTreeMap<String, String> = default,
        /// View 1's filters saved by name (`:save NAME` in the `/` prompt),
        /// name → the filter as typed.
        saved_filters: BTreeMap<String, String> = default,
        /// `en` or `zh` (spec section 12); empty: `--lang` or the
        /// environment decides.
        language: String = default,
        /// `western` (1.2M) or `chinese` (120万) short amounts; empty:
        /// Chinese with the Chinese language, else western.
        number_style: String = default,
        /// What is to be sold in a quarter or a month, for the whole
        /// workspace (`owner` null) or one seller (spec section 8).
        targets: Vec<Target> = default,
    }
}

record! {
    /// A sales target: the amount to win in a period.
    pub struct Target ("a target object (period, amount, owner)") {
        period: Period = required,
        amount: Money = required,
        owner: Option<String> = default,
    }
}

record! {
    /// The options of `funnel import csv` a user repeats, spelt as on the
    /// command line (strings, checked when used and by `check`), so a
    /// profile with a mistake still loads and can be fixed.
    pub struct ImportProfile ("an import profile object") {
        /// Column → field (`--map COLUMN=FIELD`).
        map: BTreeMap<String, String> = default,
        /// Value in the stage column → stage (`--stage-map VALUE=STAGE`).
        stage_map: BTreeMap<String, String> = default,
        dates: Option<String> = default,
        encoding: Option<String> = default,
        delimiter: Option<String> = default,
        no_header: bool = default,
        nulls: Vec<String> = default,
        skip_bad_rows: bool = default,
        source: Option<String> = default,
        currency: Option<String> = default,
        /// Currency → rate (`--rate CURRENCY=N`), the rate as typed.
        rates: BTreeMap<String, String> = default,
    }
}

/// The loss reasons a new workspace offers (spec section 7).
pub const LOSS_REASONS: [&str; 8] = [
    "price",
    "product_fit",
    "competitor",
    "no_decision",
    "timing",
    "relationship",
    "budget_lost",
    "other",
];

/// The win reasons a new workspace offers (spec section 7).
pub const WIN_REASONS: [&str; 6] = [
    "value",
    "relationship",
    "price",
    "product_fit",
    "incumbent",
    "other",
];

fn words(list: &[&str]) -> Vec<String> {
    list.iter().map(|w| (*w).to_owned()).collect()
}

record! {
    /// Days between contacts with a buying influence, by their influence
    /// (one without a level counts as low).
    pub struct CadenceDays ("the contact cadence in days by influence (high, medium, low)") {
        high: Days = or(Days(30)),
        medium: Days = or(Days(60)),
        low: Days = or(Days(60)),
    }
}

record! {
    /// Probability of each stage, used when an opportunity sets none.
    pub struct StagePercents ("a probability for each stage") {
        qualify: Percent = or(Percent(10)),
        drive: Percent = or(Percent(25)),
        propose: Percent = or(Percent(50)),
        negotiate: Percent = or(Percent(75)),
        close: Percent = or(Percent(90)),
    }
}

record! {
    /// Days in a stage after which a deal counts as stalled.
    pub struct StageDays ("a number of days for each stage") {
        qualify: Days = or(Days(21)),
        drive: Days = or(Days(30)),
        propose: Days = or(Days(30)),
        negotiate: Days = or(Days(21)),
        close: Days = or(Days(14)),
    }
}

impl StagePercents {
    pub fn get(&self, stage: Stage) -> Percent {
        match stage {
            Stage::Qualify => self.qualify,
            Stage::Drive => self.drive,
            Stage::Propose => self.propose,
            Stage::Negotiate => self.negotiate,
            Stage::Close => self.close,
        }
    }
}

impl StageDays {
    pub fn get(&self, stage: Stage) -> Days {
        match stage {
            Stage::Qualify => self.qualify,
            Stage::Drive => self.drive,
            Stage::Propose => self.propose,
            Stage::Negotiate => self.negotiate,
            Stage::Close => self.close,
        }
    }
}

record! {
    pub struct Account ("an account object") {
        id: String = required,
        name: String = required,
        industry: String = default,
        tier: Option<Tier> = default,
        attractiveness: Option<Score> = default,
        advantage: Option<Score> = default,
        relationship: Option<Relationship> = default,
        swot: Swot = default,
        notes: String = default,
        /// People at the account (spec section 11; `funnel import contacts`).
        contacts: Vec<Contact> = default,
        /// The account plan (spec section 11, seed 003).
        plan: Option<AccountPlan> = default,
        /// The credit line and its invoices (spec section 11, seed 001).
        credit: Option<Credit> = default,
        complaints: Vec<Complaint> = default,
        /// Satisfaction scores over time, in the order recorded.
        satisfaction: Vec<Satisfaction> = default,
    }
}

record! {
    /// The account plan of seed 003: last year against this year, the
    /// strategy, the resources and the goals; `needs` and
    /// `decision_process` are seed 003's sections the deals do not hold.
    pub struct AccountPlan ("an account plan object (last_year_target, last_year_result, target, strategy, resources, goals)") {
        last_year_target: Option<Money> = default,
        last_year_result: Option<Money> = default,
        /// This calendar year's target of won business with the account.
        target: Option<Money> = default,
        strategy: String = default,
        resources: String = default,
        goals: Vec<String> = default,
        needs: String = default,
        decision_process: String = default,
    }
}

record! {
    /// The account's credit (seed 001, 信用额度): a limit on what may be
    /// owed, the payment terms, and the invoices.
    pub struct Credit ("a credit object (limit, terms_days, invoices)") {
        limit: Option<Money> = default,
        /// Days from issue to due, used when an invoice has no `due`.
        terms_days: Option<Days> = default,
        invoices: Vec<Invoice> = default,
    }
}

record! {
    pub struct Invoice ("an invoice object (id, number, amount, issued, due, paid)") {
        id: String = required,
        number: String = default,
        amount: Money = required,
        issued: Option<Date> = default,
        due: Option<Date> = default,
        /// When it was paid; `null` while it is owed.
        paid: Option<Date> = default,
    }
}

record! {
    pub struct Complaint ("a complaint object (id, text, raised, resolved)") {
        id: String = required,
        text: String = default,
        raised: Date = required,
        resolved: Option<Date> = default,
    }
}

record! {
    /// One satisfaction score (1 very unhappy … 5 delighted).
    pub struct Satisfaction ("a satisfaction object (on, score 1 to 5, note)") {
        on: Date = required,
        score: Score = required,
        note: String = default,
    }
}

record! {
    /// A person at an account; an imported one keeps its source and id in
    /// `extra` (`source`, `source_id`), like an imported deal.
    pub struct Contact ("a contact object (id, name, title, email, phone)") {
        id: String = required,
        name: String = default,
        title: String = default,
        email: String = default,
        phone: String = default,
    }
}

record! {
    /// The customer's SWOT (seed 002).
    pub struct Swot ("a SWOT object") {
        strengths: Vec<String> = default,
        weaknesses: Vec<String> = default,
        opportunities: Vec<String> = default,
        threats: Vec<String> = default,
    }
}

record! {
    pub struct Opportunity ("an opportunity object") finish(Opportunity::absorb_competitors) {
        id: String = required,
        title: String = required,
        account: String = required,
        value: Money = default,
        stage: Stage = required,
        outcome: Option<Outcome> = default,
        /// Outcomes it had before it was reopened, oldest first.
        reopened: Vec<Reopening> = default,
        expected_close: Option<Date> = default,
        probability: Option<Percent> = default,
        /// Set by the seller; `None`: derived from the probability used
        /// (spec section 8, `forecast::category`).
        forecast_category: Option<ForecastCategory> = default,
        created: Option<Date> = default,
        owner: String = default,
        product: String = default,
        tags: Vec<String> = default,
        stage_history: Vec<StageEntry> = default,
        close_history: Vec<CloseMove> = default,
        objective: String = default,
        qualification: Qualification = default,
        influences: Vec<Influence> = default,
        flags: Vec<ManualFlag> = default,
        snoozed: Vec<Snooze> = default,
        strengths: Vec<String> = default,
        actions: Vec<Action> = default,
        /// The version-1 list of competitors' names: read into
        /// `competition` on load (and empty in memory after that: never
        /// write to it), written as the names of `competition` so an older
        /// funnel still sees them.
        competitors: Vec<String> = shadow(Opportunity::competitor_names),
        /// The competitors, with where we stand against each (spec section 9).
        competition: Vec<Competitor> = default,
        value_proposition: ValueProposition = default,
        /// How the customer judges the offers.
        decision_criteria: Vec<Criterion> = default,
        /// How the customer decides and buys: steps, committees, approvals.
        decision_process: String = default,
        /// Why the customer must act by a date.
        compelling_event: Option<CompellingEvent> = default,
        /// The mutual plan to signature, the customer's paper process included.
        close_plan: Vec<PlanStep> = default,
        /// Our selling team on the deal.
        team: Vec<TeamMember> = default,
        log: Vec<LogEntry> = default,
        notes: String = default,
    }
}

record! {
    /// A competitor on a deal and its position against us (`ahead`: it
    /// leads, and `competitor-ahead` is raised).
    pub struct Competitor ("a competition entry (id, name, position, strengths, weaknesses)") {
        id: String = required,
        name: String = required,
        position: Standing = default,
        strengths: Vec<String> = default,
        weaknesses: Vec<String> = default,
    }
}

record! {
    /// A criterion the customer judges the offers by.
    pub struct Criterion ("a decision criterion (id, text, kind, weight, held_by, standing)") {
        id: String = required,
        text: String = required,
        kind: Option<CriterionKind> = default,
        weight: Option<Score> = default,
        /// The buying influence who holds it.
        held_by: Option<String> = default,
        standing: Standing = default,
    }
}

record! {
    /// The event that makes the customer act by a date.
    pub struct CompellingEvent ("a compelling event (text, on)") {
        text: String = default,
        on: Option<Date> = default,
    }
}

record! {
    /// One step of the mutual close plan.
    pub struct PlanStep ("a close plan step (id, text, side, due, done)") {
        id: String = required,
        text: String = required,
        side: Option<Side> = default,
        due: Option<Date> = default,
        done: Option<Date> = default,
    }
}

record! {
    /// A member of our selling team on the deal.
    pub struct TeamMember ("a team member (name, role)") {
        name: String = required,
        role: String = default,
    }
}

record! {
    /// How a closed opportunity ended.
    pub struct Outcome ("an outcome object (result, on, reason)") {
        result: OutcomeResult = required,
        on: Date = required,
        reason: String = default,
        /// One of `settings.win_reasons` (won) or `settings.loss_reasons`
        /// (lost, abandoned), or none. A code not in the lists loads and is
        /// kept: the lists may change after a deal is closed.
        reason_code: Option<String> = default,
    }
}

record! {
    /// An outcome a deal had until it was reopened.
    pub struct Reopening ("a reopened entry (on, result, reason)") {
        /// When it was reopened.
        on: Date = required,
        result: OutcomeResult = required,
        reason: String = default,
        reason_code: Option<String> = default,
        /// When it had been closed.
        closed: Option<Date> = default,
    }
}

record! {
    pub struct StageEntry ("a stage history entry (stage, entered)") {
        stage: Stage = required,
        entered: Date = required,
    }
}

record! {
    /// One change of the expected close date.
    pub struct CloseMove ("a close history entry (on, from, to)") {
        on: Date = required,
        from: Option<Date> = default,
        to: Option<Date> = default,
    }
}

record! {
    /// The four qualification conditions: `Some(true)` confirmed,
    /// `Some(false)` denied, `None` unknown.
    pub struct Qualification ("a qualification object (need, authority, budget, timeline)") {
        need: Option<bool> = default,
        authority: Option<bool> = default,
        budget: Option<bool> = default,
        timeline: Option<bool> = default,
    }
}

record! {
    /// A buying influence: a person in the buyer's decision.
    pub struct Influence ("an influence object") {
        id: String = required,
        name: String = required,
        title: String = default,
        roles: Vec<Role> = default,
        decision_role: Option<DecisionRole> = default,
        attitude: Attitude = default,
        mode: Mode = default,
        influence: Option<Level> = default,
        coverage: Coverage = default,
        focus: Option<Focus> = default,
        social_style: Option<SocialStyle> = default,
        reports_to: Option<String> = default,
        win: String = default,
        result: String = default,
        last_contact: Option<Date> = default,
        email: String = default,
        phone: String = default,
        /// Days between contacts; `None`: the settings' `cadence_days`.
        cadence_days: Option<Days> = default,
    }
}

record! {
    /// A red flag the user raised by hand.
    pub struct ManualFlag ("a flag object (id, text, raised, resolved)") {
        id: String = required,
        text: String = required,
        raised: Option<Date> = default,
        resolved: Option<Date> = default,
    }
}

record! {
    /// A computed flag hidden until the day after `until`.
    pub struct Snooze ("a snooze object (rule, subject, until, reason)") {
        rule: String = required,
        subject: Option<String> = default,
        until: Date = required,
        reason: String = default,
    }
}

record! {
    pub struct Action ("an action object (id, text, due, done, influence, created)") {
        id: String = required,
        text: String = required,
        due: Option<Date> = default,
        done: Option<Date> = default,
        influence: Option<String> = default,
        created: Option<Date> = default,
        /// A call, meeting or visit is a conversation (spec section 10).
        kind: Option<ActionKind> = default,
        /// The time of day it is at, on its `due` date.
        at: Option<TimeOfDay> = default,
        /// Who on our side does it; `None`: the deal's owner.
        owner: Option<String> = default,
        /// The Green Sheet: how the conversation is planned.
        plan: Option<CallPlan> = default,
        /// What the conversation brought, written when it was done.
        debrief: Option<Debrief> = default,
    }
}

record! {
    /// The Green Sheet of a call, meeting or visit (seeds 000 and 004):
    /// why we go, what we ask, what we ask them to commit to, what we give.
    pub struct CallPlan ("a call plan (objective, reason, best, minimum, questions, give)") {
        /// What this conversation is to achieve.
        objective: String = default,
        /// The valid business reason the customer sees for meeting us.
        reason: String = default,
        /// The best commitment we can ask of them.
        best: String = default,
        /// The minimum acceptable commitment: below it the call failed.
        minimum: String = default,
        questions: SpinQuestions = default,
        /// What we bring them: information, a reference, an introduction.
        give: Vec<String> = default,
    }
}

record! {
    /// The SPIN questions planned before the visit (seed 004).
    pub struct SpinQuestions ("the SPIN questions (situation, problem, implication, need_payoff)") {
        situation: Vec<String> = default,
        problem: Vec<String> = default,
        implication: Vec<String> = default,
        need_payoff: Vec<String> = default,
    }
}

record! {
    /// What a conversation brought.
    pub struct Debrief ("a debrief (learned, commitment, next)") {
        learned: String = default,
        commitment: Commitment = default,
        next: String = default,
    }
}

record! {
    /// The value proposition triangle (seed 002).
    pub struct ValueProposition ("a value proposition object (needs, benefits, differentiators)") {
        needs: String = default,
        benefits: String = default,
        differentiators: String = default,
    }
}

record! {
    pub struct LogEntry ("a log entry (on, text)") {
        on: Date = required,
        text: String = default,
    }
}

record! {
    /// A finished weekly review and the pipeline as it stood.
    pub struct Review ("a review object (on, opportunities)") {
        on: Date = required,
        opportunities: Vec<ReviewedOpportunity> = default,
    }
}

record! {
    pub struct ReviewedOpportunity ("a reviewed opportunity (id, stage, value, expected_close, flags)") {
        id: String = required,
        stage: Stage = required,
        value: Money = default,
        expected_close: Option<Date> = default,
        flags: Vec<String> = default,
        /// The forecast category used that day (recorded since spec
        /// section 8; absent in older snapshots).
        forecast_category: Option<ForecastCategory> = default,
    }
}

impl Workspace {
    /// An empty workspace of the current version.
    pub fn new(owner: &str, currency: &str) -> Workspace {
        Workspace {
            version: VERSION,
            settings: Settings {
                owner: owner.to_owned(),
                currency: currency.to_owned(),
                ..Settings::default()
            },
            ..Workspace::default()
        }
    }

    pub fn account(&self, id: &str) -> Option<&Account> {
        self.accounts.iter().find(|a| a.id == id)
    }

    pub fn opportunity(&self, id: &str) -> Option<&Opportunity> {
        self.opportunities.iter().find(|o| o.id == id)
    }

    pub fn opportunity_mut(&mut self, id: &str) -> Option<&mut Opportunity> {
        self.opportunities.iter_mut().find(|o| o.id == id)
    }
}

impl Qualification {
    /// The four conditions with their names, in the method's order.
    pub fn conditions(&self) -> [(&'static str, Option<bool>); 4] {
        [
            ("need", self.need),
            ("authority", self.authority),
            ("budget", self.budget),
            ("timeline", self.timeline),
        ]
    }

    pub fn all_confirmed(&self) -> bool {
        self.conditions().iter().all(|(_, c)| *c == Some(true))
    }
}

impl Opportunity {
    /// Folds the version-1 `competitors` names into `competition`: a name
    /// no entry has (compared as [`super::strategy::name_key`]) becomes
    /// one of position `unknown`, with the next free id after the highest
    /// (`c1`, `c2`…), so a command reading the same file twice names the
    /// same ids.
    pub fn absorb_competitors(&mut self) {
        for name in std::mem::take(&mut self.competitors) {
            let name = name.trim();
            if name.is_empty() || self.has_competitor(name) {
                continue;
            }
            let id = super::ids::next_id("c", self.competition.iter().map(|c| c.id.as_str()));
            self.competition.push(Competitor {
                id,
                name: name.to_owned(),
                ..Competitor::default()
            });
        }
    }

    /// Whether `competition` has an entry of this name (compared as
    /// [`super::strategy::name_key`]: case and extra spaces aside).
    pub fn has_competitor(&self, name: &str) -> bool {
        let key = super::strategy::name_key(name);
        self.competition
            .iter()
            .any(|c| super::strategy::name_key(&c.name) == key)
    }

    /// The buying influence of this deal the action is with, if it names
    /// one.
    pub fn person_of(&self, a: &Action) -> Option<&Influence> {
        let id = a.influence.as_deref()?;
        self.influences.iter().find(|p| p.id == id)
    }

    /// What `competitors` is written as: the names of `competition`.
    /// (`competitors` itself is emptied on load: a name pushed there would
    /// not be saved; add to `competition`.)
    pub fn competitor_names(&self) -> Vec<String> {
        debug_assert!(
            self.competitors.is_empty(),
            "competitors is read into competition on load; add to competition"
        );
        self.competition.iter().map(|c| c.name.clone()).collect()
    }
}

impl PlanStep {
    /// A step is open while it has no `done` date.
    pub fn is_open(&self) -> bool {
        self.done.is_none()
    }
}

impl Influence {
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

impl Target {
    /// Whose target it is, trimmed; `None` (also for a blank name): the
    /// whole workspace's.
    pub fn owner_name(&self) -> Option<&str> {
        self.owner
            .as_deref()
            .map(str::trim)
            .filter(|o| !o.is_empty())
    }
}

impl Action {
    /// An action is open while it has no `done` date.
    pub fn is_open(&self) -> bool {
        self.done.is_none()
    }

    /// A call, a meeting or a visit.
    pub fn is_conversation(&self) -> bool {
        self.kind.is_some_and(ActionKind::is_conversation)
    }

    /// A call, meeting or visit still open, due within
    /// [`super::conversation::PLAN_AHEAD_DAYS`] of `today` (or overdue),
    /// with no plan: the `no-call-plan` red flag's condition.
    pub fn needs_plan(&self, today: Date) -> bool {
        self.is_open()
            && self.is_conversation()
            && self
                .due
                .is_some_and(|d| d <= today.plus_days(super::conversation::PLAN_AHEAD_DAYS))
            && self.written_plan().is_none()
    }

    /// The plan, unless it says nothing (a plan with every field blank is
    /// no plan: `no-call-plan` still stands).
    pub fn written_plan(&self) -> Option<&CallPlan> {
        self.plan.as_ref().filter(|p| !p.is_blank())
    }
}

impl CallPlan {
    /// Whether every field is empty or blank.
    pub fn is_blank(&self) -> bool {
        let blank = |s: &String| s.trim().is_empty();
        let q = &self.questions;
        [&self.objective, &self.reason, &self.best, &self.minimum]
            .into_iter()
            .all(blank)
            && [
                &q.situation,
                &q.problem,
                &q.implication,
                &q.need_payoff,
                &self.give,
            ]
            .into_iter()
            .all(|list| list.iter().all(blank))
            && self.extra.is_empty()
            && q.extra.is_empty()
    }
}

impl Debrief {
    /// Whether nothing was written (the commitment left at `none`).
    pub fn is_blank(&self) -> bool {
        self.learned.trim().is_empty()
            && self.next.trim().is_empty()
            && self.commitment == Commitment::Nothing
            && self.extra.is_empty()
    }
}

impl CadenceDays {
    /// The cadence of a person of this influence.
    pub fn for_level(&self, level: Option<Level>) -> Days {
        match level {
            Some(Level::High) => self.high,
            Some(Level::Medium) => self.medium,
            Some(Level::Low) | None => self.low,
        }
    }
}

impl Influence {
    /// Records that we were in touch on `day`: `last_contact` moves to it,
    /// never back (an older call imported or debriefed late changes
    /// nothing).
    pub fn heard_from(&mut self, day: Date) {
        if self.last_contact.is_none_or(|d| d < day) {
            self.last_contact = Some(day);
        }
    }

    /// Days since we were last in touch, counted from the deal's start
    /// (`deal_created`) when no contact is recorded, as `person-quiet`
    /// counts them; `None` when nothing dates them.
    pub fn days_quiet(&self, deal_created: Option<Date>, today: Date) -> Option<i64> {
        self.last_contact
            .or(deal_created)
            .map(|d| d.days_until(today))
    }

    /// Days between contacts: their own, else the settings' for their
    /// influence.
    pub fn cadence(&self, settings: &Settings) -> Days {
        self.cadence_days
            .unwrap_or_else(|| settings.cadence_days.for_level(self.influence))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{"format": "funnel-workspace", "version": 1}"#;

    #[test]
    fn absent_lists_and_settings_take_the_spec_defaults() {
        let ws: Workspace = serde_json::from_str(MINIMAL).unwrap();
        assert!(ws.opportunities.is_empty());
        assert_eq!(
            ws.settings.stage_probability.get(Stage::Negotiate),
            Percent(75)
        );
        assert_eq!(ws.settings.stall_days.get(Stage::Close), Days(14));
        assert_eq!(ws.settings.quiet_days, Days(14));
    }

    #[test]
    fn null_optional_fields_read_as_absent() {
        let text = r#"{"format": "funnel-workspace", "version": 1, "settings": null,
            "accounts": [{"id": "a", "name": "A", "tier": null, "notes": null, "swot": null}]}"#;
        let ws: Workspace = serde_json::from_str(text).unwrap();
        assert_eq!(ws.accounts[0].tier, None);
        assert_eq!(ws.accounts[0].notes, "");
    }

    #[test]
    fn unknown_fields_survive_at_every_level() {
        let text = r#"{"format":"funnel-workspace","version":1,"zz":{"b":[1,2]},
            "settings":{"theme":"dark"},
            "accounts":[{"id":"a","name":"A","crm_id":7,"swot":{"extra":true}}],
            "opportunities":[{"id":"o","title":"T","account":"a","stage":"drive","x":null,
              "outcome":null,"qualification":{"q":1},
              "influences":[{"id":"i","name":"N","hobby":"golf"}],
              "actions":[{"id":"t","text":"x","prio":3}],
              "stage_history":[{"stage":"drive","entered":"2026-01-01","by":"me"}],
              "value_proposition":{"v":1},"log":[{"on":"2026-01-02","text":"t","who":"me"}]}],
            "reviews":[{"on":"2026-01-03","note":"n","opportunities":[{"id":"o","stage":"drive","k":1}]}]}"#;
        let ws: Workspace = serde_json::from_str(text).unwrap();
        let saved = serde_json::to_string(&ws).unwrap();
        for key in [
            "\"zz\"",
            "\"theme\"",
            "\"crm_id\"",
            "\"extra\"",
            "\"x\":null",
            "\"q\"",
            "\"hobby\"",
            "\"prio\"",
            "\"by\"",
            "\"v\"",
            "\"who\"",
            "\"note\"",
            "\"k\"",
        ] {
            assert!(saved.contains(key), "{key} lost: {saved}");
        }
        let again: Workspace = serde_json::from_str(&saved).unwrap();
        assert_eq!(again, ws);
    }

    #[test]
    fn missing_required_fields_and_duplicates_are_named() {
        let e = serde_json::from_str::<Account>(r#"{"name":"A"}"#)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("missing field `id`"), "{e}");
        let e = serde_json::from_str::<Account>(r#"{"id":"a","id":"b","name":"A"}"#)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("duplicate field \"id\""), "{e}");
    }

    #[test]
    fn another_format_is_refused() {
        let e = serde_json::from_str::<Workspace>(r#"{"format":"kanban","version":1}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("is not a funnel workspace"), "{e}");
    }

    #[test]
    fn known_fields_are_written_in_the_documented_order() {
        let ws = Workspace::new("Li Wei", "CNY");
        let text = serde_json::to_string(&ws).unwrap();
        assert!(text.starts_with(r#"{"format":"funnel-workspace","version":1,"settings":{"owner":"Li Wei","currency":"CNY","stage_probability":{"qualify":10"#), "{text}");
    }
}
