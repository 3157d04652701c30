//! One state per screen (views 1 to 8). Each owns its focus, selection and
//! scroll, names the keymap scopes that apply (`scopes`), and turns an
//! action into commands ([`Cmd`]) for the app to carry out: a screen never
//! changes the workspace itself. All the states live for the whole session,
//! so going back to a view finds it as it was left.

pub mod accounts;
mod action_filter;
pub mod actions;
pub mod analysis;
pub mod deal_items;
pub mod forecast;
pub mod funnel;
pub mod people;
pub mod pipeline;
pub mod review;

use super::app::{Effect, Tone};
use super::dialog::Dialog;
use crate::domain::edit::{Change, Edit, Refusal};
use crate::domain::{Date, Workspace};

pub use accounts::AccountsState;
pub use actions::ActionsState;
pub use analysis::AnalysisState;
pub use forecast::ForecastState;
pub use funnel::FunnelState;
pub use people::PeopleState;
pub use pipeline::{Pane, PipelineState, SortKey, StageSum};
pub use review::ReviewState;

/// The screens, by the number key that shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreenId {
    Pipeline,
    Actions,
    Funnel,
    Accounts,
    Review,
    Analysis,
    Forecast,
    People,
}

impl ScreenId {
    pub const ALL: [ScreenId; 8] = [
        ScreenId::Pipeline,
        ScreenId::Actions,
        ScreenId::Funnel,
        ScreenId::Accounts,
        ScreenId::Review,
        ScreenId::Analysis,
        ScreenId::Forecast,
        ScreenId::People,
    ];

    /// The tab's label in the title bar.
    pub fn tab(self) -> &'static str {
        crate::i18n::t(match self {
            ScreenId::Pipeline => "1 Pipeline",
            ScreenId::Actions => "2 Actions",
            ScreenId::Funnel => "3 Funnel",
            ScreenId::Accounts => "4 Accounts",
            ScreenId::Review => "5 Review",
            ScreenId::Analysis => "6 Analysis",
            ScreenId::Forecast => "7 Forecast",
            ScreenId::People => "8 People",
        })
    }
}

/// What a screen reads to decide: the data as it is now.
pub struct Cx<'a> {
    pub ws: &'a Workspace,
    pub today: Date,
    /// The rows each list showed when last drawn.
    pub pages: &'a crate::tui::cursor::Pages,
    /// A page before a list was ever drawn.
    pub fallback: usize,
}

impl Cx<'_> {
    /// Rows that make a page of `list` for PageUp and PageDown: what it
    /// showed when last drawn.
    pub fn page(&self, list: crate::tui::cursor::List) -> usize {
        self.pages.rows(list).unwrap_or(self.fallback)
    }
}

/// What a screen asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Cmd {
    /// Apply an edit (undoable), save, refresh every screen.
    Commit(Change),
    Open(Dialog),
    Say(String, Tone),
    /// View 1 on the deal at this index of `ws.opportunities`, the actions
    /// pane on this action when there is one.
    Jump {
        opportunity: usize,
        action: Option<String>,
    },
    /// View 1 on the deal at this index of `ws.opportunities`, the
    /// influences pane on the person with this id.
    Person {
        opportunity: usize,
        person: String,
    },
    /// View 1 filtered to one account's deals.
    AccountDeals(String),
    Effect(Effect),
}

impl Cmd {
    pub fn say(text: impl Into<String>) -> Cmd {
        Cmd::Say(text.into(), Tone::Info)
    }

    /// An edit made, or the reason it was not said plainly.
    pub fn edit(edit: Edit) -> Vec<Cmd> {
        vec![match edit {
            Ok(change) => Cmd::Commit(change),
            Err(Refusal::Unchanged) => Cmd::say(crate::i18n::t("unchanged")),
            Err(why) => Cmd::Say(why.to_string(), Tone::Warning),
        }]
    }
}

impl Cmd {
    /// A change made on many records: committed, and the status line says
    /// what was left out (closed deals skipped…).
    pub fn bulk(bulk: Result<crate::domain::edit::Bulk, Refusal>) -> Vec<Cmd> {
        match bulk {
            Ok(bulk) => {
                let skipped = bulk.skipped();
                let label = bulk.change.label.clone();
                let mut cmds = vec![Cmd::Commit(bulk.change)];
                if !skipped.is_empty() {
                    cmds.push(Cmd::say(format!("{label} · {skipped}")));
                }
                cmds
            }
            Err(why) => Cmd::edit(Err(why)),
        }
    }
}

/// The screen states.
#[derive(Debug, Default)]
pub struct Screens {
    pub pipeline: PipelineState,
    pub actions: ActionsState,
    pub funnel: FunnelState,
    pub accounts: AccountsState,
    pub review: ReviewState,
    pub analysis: AnalysisState,
    pub forecast: ForecastState,
    pub people: PeopleState,
}

/// The question before deleting every marked row (`Delete the 12 deals
/// marked and everything in them (1 closed skipped)?`), carrying the one
/// change that deletes them; or why nothing can be deleted.
pub(crate) fn ask_bulk_delete(
    bulk: Result<crate::domain::edit::Bulk, Refusal>,
    (one, many): (&str, &str),
    after: &str,
) -> Vec<Cmd> {
    match bulk {
        Ok(bulk) => {
            let skipped = match bulk.skipped() {
                s if s.is_empty() => String::new(),
                s => crate::tf!(" ({skipped})", skipped = s),
            };
            vec![Cmd::Open(Dialog::Confirm(super::dialog::Confirm {
                title: crate::i18n::t(" Delete "),
                question: crate::tf!(
                    "Delete the {n} marked{after}{skipped}?",
                    n = crate::text::count(bulk.done as i64, one, many),
                    after,
                    skipped
                ),
                change: bulk.change,
                kept: crate::i18n::t("not deleted"),
            }))]
        }
        Err(why) => Cmd::edit(Err(why)),
    }
}
