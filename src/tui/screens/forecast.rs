//! View 7: the forecast against a target (spec section 8). The state holds
//! the period and owner shown, the forecast computed for them, the cursor
//! in the table of figures (row, column) and, when open, the list of the
//! deals behind one figure. The figures of each column (the period, then
//! its months) are computed here once, for the table and the chart alike.

use super::{Cmd, Cx};
use crate::domain::edit;
use crate::domain::forecast::{self, Bucket, Forecast};
use crate::domain::{Date, Money, OpportunityId, Period, Workspace};
use crate::tui::app::FormPurpose;
use crate::tui::cursor::{ListCursor, Move};
use crate::tui::dialog::Dialog;
use crate::tui::keymap::{Action, Scope};

/// A row of the table of figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Target,
    Bucket(Bucket),
    Weighted,
    Gap,
    Coverage,
}

impl Row {
    pub const ALL: [Row; 9] = [
        Row::Target,
        Row::Bucket(Bucket::Won),
        Row::Bucket(Bucket::Commit),
        Row::Bucket(Bucket::BestCase),
        Row::Bucket(Bucket::Pipeline),
        Row::Bucket(Bucket::Omitted),
        Row::Weighted,
        Row::Gap,
        Row::Coverage,
    ];

    /// The row's name, in the reader's language.
    pub fn label(self) -> String {
        match self {
            Row::Target => crate::i18n::t("target").to_owned(),
            Row::Bucket(b) => b.label(),
            Row::Weighted => crate::i18n::t("weighted").to_owned(),
            Row::Gap => crate::i18n::t("gap").to_owned(),
            // one English word, two things: an influence's coverage (覆盖度)
            // has the key "coverage"
            Row::Coverage => match crate::i18n::lang() {
                crate::i18n::Lang::En => "coverage".to_owned(), // i18n-exempt: the English of the key below
                _ => crate::i18n::t("coverage of the gap").to_owned(),
            },
        }
    }
}

pub use forecast::Column;

/// The figure of `row` in column `c`, as a number (coverage: none).
pub fn amount(c: &Column, row: Row) -> Option<Money> {
    match row {
        Row::Target => c.target,
        Row::Bucket(b) => Some(c.figures.get(b)),
        Row::Weighted => Some(c.weighted),
        Row::Gap => c.gap(),
        Row::Coverage => None,
    }
}

/// The deals behind one figure, listed over the screen.
#[derive(Debug, Clone, PartialEq)]
pub struct DealList {
    pub bucket: Bucket,
    /// The column's period (for the title).
    pub period: Period,
    /// The deals' ids, as they were behind the figure when it was opened:
    /// a deal whose category is cycled stays listed, showing its new one.
    pub ids: Vec<String>,
    pub cursor: ListCursor,
}

#[derive(Debug, Default)]
pub struct ForecastState {
    /// The period shown; `None` until first shown: the quarter of today.
    pub period: Option<Period>,
    /// The owner shown; `None`: everyone.
    pub owner: Option<String>,
    /// The forecast of the period and owner, as of the last change.
    pub forecast: Option<Forecast>,
    /// The figures of each column, as of the last change.
    pub columns: Vec<Column>,
    /// The owners to cycle through, as of the last change.
    pub owners: Vec<String>,
    /// The cursor in the table: a row of [`Row::ALL`], a column.
    pub row: usize,
    pub col: usize,
    /// The deals behind a figure, when listed.
    pub deals: Option<DealList>,
}

impl ForecastState {
    pub fn scopes(&self) -> &'static [Scope] {
        if self.deals.is_some() {
            &[Scope::ForecastDeals, Scope::Global, Scope::Always]
        } else if self.owners.len() >= 2 {
            // `o` offered in the hint line only when it has owners to show
            &[
                Scope::ForecastOwners,
                Scope::Forecast,
                Scope::Global,
                Scope::Always,
            ]
        } else {
            &[Scope::Forecast, Scope::Global, Scope::Always]
        }
    }

    /// What the help overlay calls the place with the focus.
    pub fn place(&self) -> &'static str {
        if self.deals.is_some() {
            "forecast deals" // i18n-exempt: a place's name; help::title translates the title
        } else {
            "forecast" // i18n-exempt: a place's name; help::title translates the title
        }
    }

    /// The period shown (the quarter of `today` before one was picked).
    pub fn period(&self, today: Date) -> Period {
        self.period.unwrap_or_else(|| Period::quarter_of(today))
    }

    /// The forecast of the period and owner shown, as the data is now.
    pub fn refresh(&mut self, ws: &Workspace, today: Date) {
        let period = self.period(today);
        if self.forecast.is_none() {
            // first shown: the cursor on what is won, the deals one Enter away
            self.row = 1;
        }
        self.period = Some(period);
        self.owners = forecast::owners(ws);
        if self
            .owner
            .as_ref()
            .is_some_and(|o| !self.owners.contains(o))
        {
            self.owner = None;
        }
        let f = forecast::compute(ws, period, self.owner.as_deref(), today);
        self.columns = f.columns();
        self.forecast = Some(f);
        self.row = self.row.min(Row::ALL.len() - 1);
        self.col = self.col.min(self.columns.len().saturating_sub(1));
        if let Some(list) = &mut self.deals {
            list.ids.retain(|id| ws.opportunity(id).is_some());
            list.cursor.clamp(list.ids.len());
        }
    }

    /// The column under the cursor.
    pub fn column(&self) -> Option<&Column> {
        self.columns.get(self.col)
    }

    pub fn on_action(&mut self, action: Action, cx: &Cx) -> Vec<Cmd> {
        if self.deals.is_some() {
            return self.on_deals_action(action, cx);
        }
        let (ws, today) = (cx.ws, cx.today);
        match action {
            Action::Down | Action::Up => {
                let n = Row::ALL.len();
                self.row = if action == Action::Down {
                    (self.row + 1).min(n - 1)
                } else {
                    self.row.saturating_sub(1)
                };
                Vec::new()
            }
            Action::ColumnNext | Action::ColumnPrev => {
                let n = self.columns.len().max(1);
                self.col = if action == Action::ColumnNext {
                    (self.col + 1).min(n - 1)
                } else {
                    self.col.saturating_sub(1)
                };
                Vec::new()
            }
            Action::Open => self.open(ws),
            Action::PeriodPrev | Action::PeriodNext => {
                let p = self.period(today);
                self.period = Some(if action == Action::PeriodNext {
                    p.next()
                } else {
                    p.previous()
                });
                self.refresh(ws, today);
                Vec::new()
            }
            Action::PeriodKind => {
                let p = self.period(today);
                self.period = Some(if p.is_quarter() {
                    // the month under the cursor, else today's when it is in
                    // the quarter, else the first
                    let months = p.months();
                    let picked = self.column().and_then(|c| c.month);
                    picked
                        .and_then(|m| months.get(m).copied())
                        .or_else(|| months.iter().copied().find(|m| m.contains(today)))
                        .unwrap_or(months[0])
                } else {
                    p.quarter()
                });
                // on a quarter the cursor goes to the month left
                let back_to = (!p.is_quarter())
                    .then(|| p.quarter().months().iter().position(|m| *m == p))
                    .flatten();
                self.col = back_to.map_or(0, |m| m + 1);
                self.refresh(ws, today);
                Vec::new()
            }
            Action::CycleOwner => self.cycle_owner(ws, today),
            Action::Targets => {
                let period = self.period(today);
                let form = crate::tui::forms::targets_form(ws, period, self.owner.as_deref());
                vec![Cmd::Open(Dialog::Form(
                    form,
                    FormPurpose::Targets(period, self.owner.clone()),
                ))]
            }
            _ => Vec::new(),
        }
    }

    fn cycle_owner(&mut self, ws: &Workspace, today: Date) -> Vec<Cmd> {
        if self.owners.len() < 2 {
            let text = match self.owners.first() {
                Some(one) => crate::tf!(
                    "every deal is {owner}'s: no other owner to show",
                    owner = crate::text::clean(one)
                ),
                None => crate::i18n::t("no deal has an owner: nothing to switch").to_owned(),
            };
            return vec![Cmd::say(text)];
        }
        self.owner = match &self.owner {
            None => self.owners.first().cloned(),
            Some(o) => {
                let at = self.owners.iter().position(|x| x == o);
                at.and_then(|i| self.owners.get(i + 1)).cloned()
            }
        };
        self.refresh(ws, today);
        Vec::new()
    }

    /// The figure under the cursor when it has deals behind it (won …
    /// omitted): its bucket, its column's period and the deals' ids.
    pub fn behind(&self, ws: &Workspace) -> Option<(Bucket, Period, Vec<String>)> {
        let (f, col) = (self.forecast.as_ref()?, self.column()?);
        let Row::Bucket(bucket) = Row::ALL[self.row] else {
            return None;
        };
        let ids = f
            .deals_in(bucket, col.month)
            .map(|d| ws.opportunities[d.index].id.clone())
            .collect();
        Some((bucket, col.period, ids))
    }

    /// Enter on a figure: the deals behind it.
    fn open(&mut self, ws: &Workspace) -> Vec<Cmd> {
        let Some((bucket, period, ids)) = self.behind(ws) else {
            return vec![Cmd::say(crate::i18n::t(
                "Enter lists the deals behind won, commit, best case, pipeline and omitted",
            ))];
        };
        if ids.is_empty() {
            return vec![Cmd::say(crate::tf!(
                "no deal behind {figure} of {period}",
                figure = bucket.label(),
                period = period.label()
            ))];
        }
        self.deals = Some(DealList {
            bucket,
            period,
            ids,
            cursor: ListCursor::default(),
        });
        Vec::new()
    }

    /// The deal selected in the list of deals: its index in the workspace.
    pub fn selected_deal(&self, ws: &Workspace) -> Option<usize> {
        let list = self.deals.as_ref()?;
        let id = list.ids.get(list.cursor.at())?;
        ws.opportunities.iter().position(|o| &o.id == id)
    }

    fn on_deals_action(&mut self, action: Action, cx: &Cx) -> Vec<Cmd> {
        let ws = cx.ws;
        let Some(list) = &mut self.deals else {
            return Vec::new();
        };
        let len = list.ids.len();
        let step = match action {
            Action::Down => Some(Move::Down),
            Action::Up => Some(Move::Up),
            Action::Top => Some(Move::Top),
            Action::Bottom => Some(Move::Bottom),
            _ => None,
        };
        if let Some(m) = step {
            list.cursor.apply(m, len, 1);
            return Vec::new();
        }
        match action {
            Action::Cancel => {
                self.deals = None;
                Vec::new()
            }
            Action::Open => match self.selected_deal(ws) {
                Some(opportunity) => vec![Cmd::Jump {
                    opportunity,
                    action: None,
                }],
                None => Vec::new(),
            },
            Action::CycleForecast => {
                let Some(index) = self.selected_deal(ws) else {
                    return Vec::new();
                };
                let o = &ws.opportunities[index];
                if !o.is_open() {
                    return vec![Cmd::say(crate::i18n::t(
                        "a won deal counts as won: its category is for open deals",
                    ))];
                }
                let next = edit::next_category(o.forecast_category);
                Cmd::edit(edit::set_forecast_category(ws, &OpportunityId::of(o), next))
            }
            _ => Vec::new(),
        }
    }
}
