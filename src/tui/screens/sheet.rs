//! View 1's Blue Sheet page (spec section 9): `B` shows it in place of the
//! deal page's lists; its panes (strategy, competition, decision criteria,
//! close plan) take their keys here; and `e` on a red flag goes where the
//! flag is fixed (`domain::strategy::remedy`).

use super::{Pane, PipelineState, deal_items};
use crate::domain::edit;
use crate::domain::flags::Rule;
use crate::domain::strategy::{self, Remedy, criteria_in_order, plan_in_order};
use crate::domain::{
    Competitor, CompetitorId, Criterion, CriterionId, Opportunity, OpportunityId, PlanStep, StepId,
};
use crate::text::clean;
use crate::tui::app::{Effect, FormPurpose, LongText};
use crate::tui::dialog::{Confirm, Dialog};
use crate::tui::form::Form;
use crate::tui::forms::{self, FieldId};
use crate::tui::keymap::Action;
use crate::tui::screens::{Cmd, Cx};

/// The rows of the strategy pane, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StrategyRow {
    Needs,
    Benefits,
    Differentiators,
    Event,
    Process,
    Strengths,
    Team,
    Notes,
}

impl StrategyRow {
    pub const ALL: [StrategyRow; 8] = [
        StrategyRow::Needs,
        StrategyRow::Benefits,
        StrategyRow::Differentiators,
        StrategyRow::Event,
        StrategyRow::Process,
        StrategyRow::Strengths,
        StrategyRow::Team,
        StrategyRow::Notes,
    ];

    /// The strategy form's field the row is written in (the notes are
    /// written in $EDITOR).
    pub fn field(self) -> Option<FieldId> {
        Some(match self {
            StrategyRow::Needs => FieldId::Needs,
            StrategyRow::Benefits => FieldId::Benefits,
            StrategyRow::Differentiators => FieldId::Differentiators,
            StrategyRow::Event => FieldId::CompellingEvent,
            StrategyRow::Process => FieldId::DecisionProcess,
            StrategyRow::Strengths => FieldId::Strengths,
            StrategyRow::Team => FieldId::Team,
            StrategyRow::Notes => return None,
        })
    }
}

/// Rows of the strategy pane.
pub const STRATEGY_ROWS: usize = StrategyRow::ALL.len();

/// The competitor at row `row` of the competition pane (as written).
pub fn competitor_at(o: &Opportunity, row: usize) -> Option<&Competitor> {
    o.competition.get(row)
}

/// The criterion at row `row` of the criteria pane (heaviest first).
pub fn criterion_at(o: &Opportunity, row: usize) -> Option<&Criterion> {
    criteria_in_order(o).get(row).copied()
}

/// The step at row `row` of the close-plan pane (by due date).
pub fn step_at(o: &Opportunity, row: usize) -> Option<&PlanStep> {
    plan_in_order(o).get(row).copied()
}

/// The strategy form with the cursor in `field`.
fn strategy_form_at(o: &Opportunity, today: crate::domain::Date, field: Option<FieldId>) -> Form {
    let mut form = forms::strategy_form(o, today);
    if let Some(at) = field.and_then(|id| form.fields.iter().position(|f| f.id == id)) {
        form.focus = at;
    }
    form
}

fn open(form: Form, purpose: FormPurpose) -> Vec<Cmd> {
    vec![Cmd::Open(Dialog::Form(form, purpose))]
}

/// The question before removing an entry of the Blue Sheet.
fn ask_remove(change: edit::Edit, question: String) -> Vec<Cmd> {
    match change {
        Ok(change) => vec![Cmd::Open(Dialog::Confirm(Confirm {
            title: crate::i18n::t(" Remove "),
            question,
            change,
            kept: crate::i18n::t("not removed"),
        }))],
        Err(why) => Cmd::edit(Err(why)),
    }
}

impl PipelineState {
    /// Whether the deal side shows its Blue Sheet page: the focused pane's
    /// page, or with the table focused the page last shown.
    pub fn sheet_shown(&self) -> bool {
        if self.focus == Pane::Table {
            self.sheet
        } else {
            self.focus.on_sheet()
        }
    }

    /// Remembers the page of the focused pane, for when the table has the
    /// focus again.
    pub(super) fn note_page(&mut self) {
        if self.focus != Pane::Table {
            self.sheet = self.focus.on_sheet();
        }
    }

    /// `B`: the other page of the deal side, its first pane focused.
    pub(super) fn switch_page(&mut self) -> Vec<Cmd> {
        self.focus = if self.sheet_shown() {
            Pane::Qualification
        } else {
            Pane::Strategy
        };
        self.note_page();
        Vec::new()
    }

    /// Focuses `pane` with its selection on row `at` (kept in the list).
    fn focus_at(&mut self, cx: &Cx, pane: Pane, at: usize) {
        self.focus = pane;
        let len = self.pane_len(cx.ws, cx.today, pane);
        self.detail[pane.slot()].set(at, len);
        self.note_page();
    }

    /// A key on one of the Blue Sheet's panes, for the deal at `index`.
    pub(super) fn on_sheet_key(&mut self, action: Action, cx: &Cx, index: usize) -> Vec<Cmd> {
        let (ws, today) = (cx.ws, cx.today);
        let o = &ws.opportunities[index];
        let opp = OpportunityId::of(o);
        let row = self.detail(self.focus);
        match self.focus {
            Pane::Strategy => match (action, StrategyRow::ALL.get(row)) {
                (Action::Edit, Some(StrategyRow::Notes)) => {
                    vec![Cmd::Effect(Effect::EditText {
                        field: LongText::Notes,
                        opportunity: o.id.clone(),
                        text: o.notes.clone(),
                    })]
                }
                (Action::Edit, r) => open(
                    strategy_form_at(o, today, r.and_then(|r| r.field())),
                    FormPurpose::Strategy(opp),
                ),
                _ => Vec::new(),
            },
            Pane::Competition => {
                if action == Action::Add {
                    return open(
                        forms::competitor_form(None),
                        FormPurpose::NewCompetitor(opp),
                    );
                }
                let Some(c) = competitor_at(o, row) else {
                    return vec![Cmd::say(crate::i18n::t("no competitor yet: a adds one"))];
                };
                let id = CompetitorId::of(c);
                match action {
                    Action::Edit => open(
                        forms::competitor_form(Some(c)),
                        FormPurpose::EditCompetitor(opp, id),
                    ),
                    Action::CycleStanding => Cmd::edit(edit::cycle_position(ws, &opp, &id)),
                    Action::Delete => ask_remove(
                        edit::delete_competitor(ws, &opp, &id),
                        crate::tf!(
                            "Remove the competitor “{name}” from this deal?",
                            name = clean(&c.name)
                        ),
                    ),
                    _ => Vec::new(),
                }
            }
            Pane::Criteria => {
                if action == Action::Add {
                    return open(
                        forms::criterion_form(o, None),
                        FormPurpose::NewCriterion(opp),
                    );
                }
                let Some(c) = criterion_at(o, row) else {
                    return vec![Cmd::say(crate::i18n::t(
                        "no decision criterion yet: a adds one",
                    ))];
                };
                let id = CriterionId::of(c);
                match action {
                    Action::Edit => open(
                        forms::criterion_form(o, Some(c)),
                        FormPurpose::EditCriterion(opp, id),
                    ),
                    Action::CycleStanding => Cmd::edit(edit::cycle_standing(ws, &opp, &id)),
                    Action::Delete => ask_remove(
                        edit::delete_criterion(ws, &opp, &id),
                        crate::tf!("Remove the criterion “{text}”?", text = clean(&c.text)),
                    ),
                    _ => Vec::new(),
                }
            }
            Pane::ClosePlan => {
                if action == Action::Add {
                    return open(forms::step_form(None, today), FormPurpose::NewStep(opp));
                }
                let Some(s) = step_at(o, row) else {
                    return vec![Cmd::say(crate::i18n::t(
                        "no close plan step yet: a adds one",
                    ))];
                };
                let id = StepId::of(s);
                match action {
                    Action::Edit => open(
                        forms::step_form(Some(s), today),
                        FormPurpose::EditStep(opp, id),
                    ),
                    Action::Done => Cmd::edit(edit::toggle_step(ws, &opp, &id, today)),
                    Action::Delete => ask_remove(
                        edit::delete_step(ws, &opp, &id),
                        crate::tf!("Remove the step “{text}”?", text = clean(&s.text)),
                    ),
                    _ => Vec::new(),
                }
            }
            _ => Vec::new(),
        }
    }

    /// `e` on a red flag: to where it is fixed (`strategy::remedy`), the
    /// pane focused on the flag's subject and, where something is to be
    /// written, its form open. A flag raised by hand is edited.
    pub(super) fn fix_flag(&mut self, cx: &Cx, index: usize) -> Vec<Cmd> {
        let row = self.detail(Pane::Flags);
        let Some(flag) = deal_items::flag_at(cx, index, row) else {
            return deal_items::flag(Action::Edit, cx, index, row);
        };
        let (ws, today) = (cx.ws, cx.today);
        let o = &ws.opportunities[index];
        let opp = OpportunityId::of(o);
        let subject = flag.subject.as_deref();
        let say = |text: &str| vec![Cmd::say(text.to_owned())];
        match strategy::remedy(flag.rule) {
            Remedy::Manual => deal_items::flag(Action::Edit, cx, index, row),
            Remedy::Qualification => {
                // the first condition not confirmed
                let at = o
                    .qualification
                    .conditions()
                    .iter()
                    .position(|(_, c)| *c != Some(true))
                    .unwrap_or(0);
                self.focus_at(cx, Pane::Qualification, at);
                say(crate::i18n::t(
                    "the qualification: Enter cycles the condition (unknown → confirmed → denied)",
                ))
            }
            Remedy::AddPerson => {
                self.focus_at(cx, Pane::Influences, 0);
                let mut form = forms::influence_form(o, None, &ws.settings, today);
                // the person the flag misses comes with the role ticked
                let role = match flag.rule {
                    Rule::NoEconomicBuyer => Some(FieldId::EconomicBuyer),
                    Rule::NoCoach => Some(FieldId::Coach),
                    _ => None,
                };
                if let Some(field) = role.and_then(|r| form.fields.iter_mut().find(|f| f.id == r)) {
                    field.input.set("yes");
                }
                open(form, FormPurpose::NewInfluence(opp))
            }
            Remedy::Person => {
                let rows = crate::domain::influence::map_rows(&o.influences);
                let at = rows
                    .iter()
                    .position(|i| Some(o.influences[*i].id.as_str()) == subject);
                self.focus_at(cx, Pane::Influences, at.unwrap_or(0));
                match at.map(|r| &o.influences[rows[r]]) {
                    Some(p) => {
                        let mut form = forms::influence_form(o, Some(p), &ws.settings, today);
                        let field = match flag.rule {
                            Rule::UnknownMode | Rule::NoDiscrepancy => Some(FieldId::Mode),
                            Rule::Opponent => Some(FieldId::Attitude),
                            Rule::EconomicBuyerNotMet | Rule::InfluenceNotMet => {
                                Some(FieldId::Coverage)
                            }
                            _ => None,
                        };
                        if let Some(at) =
                            field.and_then(|id| form.fields.iter().position(|f| f.id == id))
                        {
                            form.focus = at;
                        }
                        open(
                            form,
                            FormPurpose::EditInfluence(opp, crate::domain::InfluenceId::of(p)),
                        )
                    }
                    None => Vec::new(),
                }
            }
            Remedy::Snooze => {
                // the history cannot change: the snooze form, and why
                let mut cmds = deal_items::flag(Action::Snooze, cx, index, row);
                cmds.push(Cmd::say(crate::i18n::t(
                    "the close date's moves are history, no edit undoes them: get the real date from the customer, then snooze the flag with the reason",
                )));
                cmds
            }
            Remedy::Deal => {
                let mut form = forms::opportunity_form(ws, Some(o), today);
                let field = match flag.rule {
                    Rule::Stalled => FieldId::Stage,
                    Rule::CommitAtRisk => FieldId::ForecastCategory,
                    _ => FieldId::ExpectedClose,
                };
                if let Some(at) = form.fields.iter().position(|f| f.id == field) {
                    form.focus = at;
                }
                open(form, FormPurpose::EditOpportunity(opp))
            }
            Remedy::AddAction => {
                self.focus_at(cx, Pane::Actions, 0);
                open(
                    forms::action_form(o, None, today),
                    FormPurpose::NewAction(opp),
                )
            }
            Remedy::Action => {
                let at = crate::domain::opportunity::actions_in_order(o)
                    .iter()
                    .position(|a| Some(a.id.as_str()) == subject);
                self.focus_at(cx, Pane::Actions, at.unwrap_or(0));
                say(crate::i18n::t(
                    "the overdue action: x marks it done, r reschedules it",
                ))
            }
            Remedy::CallPlan => {
                let at = crate::domain::opportunity::actions_in_order(o)
                    .iter()
                    .position(|a| Some(a.id.as_str()) == subject);
                self.focus_at(cx, Pane::Actions, at.unwrap_or(0));
                match o.actions.iter().find(|a| Some(a.id.as_str()) == subject) {
                    Some(a) => deal_items::call_plan(opp, a),
                    None => Vec::new(),
                }
            }
            Remedy::Log => {
                self.focus_at(cx, Pane::Log, 0);
                open(forms::log_form(today), FormPurpose::LogEntry(opp))
            }
            Remedy::Strategy => {
                // the first missing piece the flag is about
                let vp = &o.value_proposition;
                let row = if flag.rule == Rule::NoCompellingEvent {
                    StrategyRow::Event
                } else if vp.benefits.trim().is_empty() {
                    StrategyRow::Benefits
                } else if vp.differentiators.trim().is_empty() {
                    StrategyRow::Differentiators
                } else {
                    StrategyRow::Needs
                };
                let at = StrategyRow::ALL.iter().position(|r| *r == row);
                self.focus_at(cx, Pane::Strategy, at.unwrap_or(0));
                open(
                    strategy_form_at(o, today, row.field()),
                    FormPurpose::Strategy(opp),
                )
            }
            Remedy::Competitor => {
                let at = o
                    .competition
                    .iter()
                    .position(|c| Some(c.id.as_str()) == subject);
                self.focus_at(cx, Pane::Competition, at.unwrap_or(0));
                match at.map(|n| &o.competition[n]) {
                    Some(c) => {
                        let mut form = forms::competitor_form(Some(c));
                        if let Some(at) = form.fields.iter().position(|f| f.id == FieldId::Position)
                        {
                            form.focus = at;
                        }
                        open(form, FormPurpose::EditCompetitor(opp, CompetitorId::of(c)))
                    }
                    None => Vec::new(),
                }
            }
            Remedy::AddCriterion => {
                self.focus_at(cx, Pane::Criteria, 0);
                open(
                    forms::criterion_form(o, None),
                    FormPurpose::NewCriterion(opp),
                )
            }
            Remedy::Criterion => {
                let at = criteria_in_order(o)
                    .iter()
                    .position(|c| Some(c.id.as_str()) == subject);
                self.focus_at(cx, Pane::Criteria, at.unwrap_or(0));
                say(crate::i18n::t(
                    "the method's advice is under the list · t: where we stand · e: edit it",
                ))
            }
            Remedy::AddStep => {
                self.focus_at(cx, Pane::ClosePlan, 0);
                open(forms::step_form(None, today), FormPurpose::NewStep(opp))
            }
            Remedy::Step => {
                let at = plan_in_order(o)
                    .iter()
                    .position(|s| Some(s.id.as_str()) == subject);
                self.focus_at(cx, Pane::ClosePlan, at.unwrap_or(0));
                say(crate::i18n::t(
                    "the overdue step: x marks it done, e gives it a new date",
                ))
            }
        }
    }
}
