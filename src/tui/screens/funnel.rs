//! View 3: the funnel, its figures, and the stalled and slipping deals.

use super::pipeline::movement;
use super::{Cmd, Cx};
use crate::domain::metrics::Metrics;
use crate::domain::{Date, Workspace};
use crate::tui::cursor::{List, ListCursor};
use crate::tui::keymap::{Action, Scope};

#[derive(Debug)]
pub struct FunnelState {
    /// The figures, as of the last change.
    pub metrics: Option<Metrics>,
    /// Drawn by value (else by count).
    pub by_value: bool,
    /// In the stalled and slipping deals.
    pub cursor: ListCursor,
}

impl Default for FunnelState {
    fn default() -> FunnelState {
        FunnelState {
            metrics: None,
            by_value: true,
            cursor: ListCursor::default(),
        }
    }
}

impl FunnelState {
    pub fn scopes(&self) -> &'static [Scope] {
        &[Scope::Funnel, Scope::List, Scope::Global, Scope::Always]
    }

    pub fn refresh(&mut self, ws: &Workspace, today: Date) {
        self.metrics = Some(crate::domain::metrics::compute(ws, today));
        let len = self.deals(ws, today).len();
        self.cursor.clamp(len);
    }

    /// The deals that need a look: stalled, then slipping (index, why).
    pub fn deals(&self, ws: &Workspace, today: Date) -> Vec<(usize, String)> {
        let Some(m) = &self.metrics else {
            return Vec::new();
        };
        let mut out: Vec<(usize, String)> = m
            .stalled
            .iter()
            .map(|i| {
                let o = &ws.opportunities[*i];
                let days = o.days_in_stage(today).unwrap_or(0);
                (
                    *i,
                    crate::tf!(
                        "stalled {days} in {stage}",
                        days = crate::text::days(days),
                        stage = o.stage.label()
                    ),
                )
            })
            .collect();
        out.extend(
            m.slipping
                .iter()
                .map(|(i, n)| (*i, crate::tf!("close date moved later {n}×", n))),
        );
        out
    }

    pub fn on_action(&mut self, action: Action, cx: &Cx) -> Vec<Cmd> {
        let deals = self.deals(cx.ws, cx.today);
        if let Some(m) = movement(action) {
            self.cursor.apply(m, deals.len(), cx.page(List::Funnel));
            return Vec::new();
        }
        match action {
            Action::ByValue => {
                self.by_value = !self.by_value;
                Vec::new()
            }
            Action::Open => match deals.get(self.cursor.at()) {
                Some((index, _)) => vec![Cmd::Jump {
                    opportunity: *index,
                    action: None,
                }],
                None => vec![Cmd::say(crate::i18n::t("no stalled or slipping deal"))],
            },
            _ => Vec::new(),
        }
    }
}
