//! View 8: every buying influence across the open pipeline (spec section
//! 10), how long since we last heard from them against how often we
//! should. Enter opens the person in their deal; `T` records a contact
//! today, `e` edits them.

use super::pipeline::movement;
use super::{Cmd, Cx};
use crate::domain::cadence::{self, PersonRow};
use crate::domain::edit::{self, QuickEdit};
use crate::domain::{Date, InfluenceId, OpportunityId, Workspace};
use crate::tui::app::FormPurpose;
use crate::tui::cursor::{List, ListCursor};
use crate::tui::dialog::{Dialog, FilterTarget};
use crate::tui::forms;
use crate::tui::keymap::{Action, Scope};
use crate::tui::text_input::TextInput;

/// The people list's orders, in the order `s` steps through them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PeopleSort {
    /// The longest past their cadence first (as `cadence::people` gives).
    #[default]
    Due,
    Name,
    Deal,
    /// The longest since their last contact first, never contacted first.
    Contact,
}

impl PeopleSort {
    pub fn next(self) -> PeopleSort {
        match self {
            PeopleSort::Due => PeopleSort::Name,
            PeopleSort::Name => PeopleSort::Deal,
            PeopleSort::Deal => PeopleSort::Contact,
            PeopleSort::Contact => PeopleSort::Due,
        }
    }

    /// The list's title part: `sort: past cadence`.
    pub fn label(self) -> &'static str {
        crate::i18n::t(match self {
            PeopleSort::Due => "sort: past cadence",
            PeopleSort::Name => "sort: name",
            PeopleSort::Deal => "sort: deal",
            PeopleSort::Contact => "sort: last contact",
        })
    }
}

#[derive(Debug, Default)]
pub struct PeopleState {
    /// Position in `rows`.
    pub cursor: ListCursor,
    /// The people shown (those the filter lets through), in the order
    /// chosen.
    pub rows: Vec<PersonRow>,
    /// `/`: text in the name, title, email, phone, deal or account.
    pub filter: TextInput,
    pub sort: PeopleSort,
}

impl PeopleState {
    pub fn scopes(&self) -> &'static [Scope] {
        &[Scope::People, Scope::List, Scope::Global, Scope::Always]
    }

    /// The person selected.
    pub fn selected(&self) -> Option<PersonRow> {
        self.rows.get(self.cursor.at()).copied()
    }

    /// Rebuilds the rows after the data, the filter or the order changed,
    /// keeping the selection on the same person when they are still shown.
    pub fn refresh(&mut self, ws: &Workspace, today: Date) {
        let kept = self.selected().and_then(|r| ids(ws, r));
        // the filter language of the other views: words about the deal
        // (`stage:`, `owner:`, `tag:`, `flag:`, `account:`), the rest text
        // about the person or their deal; a saved filter applies as typed
        let query = crate::tui::filter::Query::parse(self.filter.value());
        // the accounts' names, looked up only when there is a filter
        let names: std::collections::HashMap<&str, String> = if query.is_empty() {
            Default::default()
        } else {
            ws.accounts
                .iter()
                .map(|a| (a.id.as_str(), a.name.to_lowercase()))
                .collect()
        };
        // what the words decide, once per deal (a deal has many people)
        let mut deals: Vec<Option<bool>> = vec![None; ws.opportunities.len()];
        let mut keeps = |r: &PersonRow| {
            *deals[r.deal].get_or_insert_with(|| {
                let o = &ws.opportunities[r.deal];
                let name = names.get(o.account.as_str()).map_or("", |n| n.as_str());
                query.keeps(o, name)
                    && (query.flag.is_empty()
                        || query.keeps_flags(&crate::domain::flags::visible(
                            o,
                            &ws.settings,
                            today,
                        )))
            })
        };
        let mut rows: Vec<PersonRow> = cadence::people(ws, today)
            .into_iter()
            .filter(|r| {
                query.is_empty()
                    || keeps(r) && (query.text.is_empty() || matches(ws, &names, *r, &query.text))
            })
            .collect();
        let person = |r: &PersonRow| &ws.opportunities[r.deal].influences[r.person];
        match self.sort {
            PeopleSort::Due => {}
            PeopleSort::Name => rows.sort_by(|a, b| caseless(&person(a).name, &person(b).name)),
            PeopleSort::Deal => rows.sort_by(|a, b| {
                caseless(
                    &ws.opportunities[a.deal].title,
                    &ws.opportunities[b.deal].title,
                )
            }),
            // never contacted first, then the longest ago
            PeopleSort::Contact => {
                rows.sort_by_key(|r| (r.days.is_some(), std::cmp::Reverse(r.days)))
            }
        }
        self.rows = rows;
        let found = kept.and_then(|(deal, person)| {
            self.rows.iter().position(|r| {
                let o = &ws.opportunities[r.deal];
                o.id == deal && o.influences[r.person].id == person
            })
        });
        self.cursor
            .set(found.unwrap_or(self.cursor.at()), self.rows.len());
    }

    pub fn on_action(&mut self, action: Action, cx: &Cx) -> Vec<Cmd> {
        let ws = cx.ws;
        if let Some(m) = movement(action) {
            self.cursor.apply(m, self.rows.len(), cx.page(List::People));
            return Vec::new();
        }
        match action {
            Action::Filter => return vec![Cmd::Open(Dialog::Filter(FilterTarget::People))],
            Action::Sort => {
                self.sort = self.sort.next();
                self.refresh(ws, cx.today);
                return vec![Cmd::say(self.sort.label())];
            }
            _ => {}
        }
        let Some(row) = self.selected().filter(|r| ids(ws, *r).is_some()) else {
            return vec![Cmd::say(if self.filter.is_empty() {
                crate::i18n::t(
                    "nobody yet: add buying influences in a deal's Influences pane (view 1, a)",
                )
            } else {
                crate::i18n::t("nobody matches the filter: / then Esc clears it")
            })];
        };
        let o = &ws.opportunities[row.deal];
        let p = &o.influences[row.person];
        let (opp, pid) = (OpportunityId::of(o), InfluenceId::of(p));
        match action {
            Action::Open => vec![Cmd::Person {
                opportunity: row.deal,
                person: p.id.clone(),
            }],
            Action::ContactToday => Cmd::edit(edit::quick_edit(
                ws,
                &opp,
                &pid,
                QuickEdit::ContactToday,
                cx.today,
            )),
            Action::Edit => vec![Cmd::Open(Dialog::Form(
                forms::influence_form(o, Some(p), &ws.settings, cx.today),
                FormPurpose::EditInfluence(opp, pid),
            ))],
            _ => Vec::new(),
        }
    }
}

/// `a` against `b` ignoring ASCII case, without copying either (a sort of
/// tens of thousands of people).
fn caseless(a: &str, b: &str) -> std::cmp::Ordering {
    a.chars()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.chars().map(|c| c.to_ascii_lowercase()))
}

/// The deal's and the person's ids: what stays the same person across
/// edits.
fn ids(ws: &Workspace, r: PersonRow) -> Option<(String, String)> {
    let o = ws.opportunities.get(r.deal)?;
    let p = o.influences.get(r.person)?;
    Some((o.id.clone(), p.id.clone()))
}

/// Whether `text` (lower-cased) is in the person's name, title, email or
/// phone, their deal's title or its account's name.
fn matches(
    ws: &Workspace,
    accounts: &std::collections::HashMap<&str, String>,
    r: PersonRow,
    text: &str,
) -> bool {
    let o = &ws.opportunities[r.deal];
    let p = &o.influences[r.person];
    let account = accounts.get(o.account.as_str()).map_or("", |a| a.as_str());
    account.contains(text)
        || [
            p.name.as_str(),
            p.title.as_str(),
            p.email.as_str(),
            p.phone.as_str(),
            o.title.as_str(),
        ]
        .iter()
        .any(|s| s.to_lowercase().contains(text))
}
