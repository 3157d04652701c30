//! Where an imported activity lands. By the deal it names (id, else title);
//! else through the account it names, or the account of the person it was
//! with, onto that account's open deal. Many CRMs (the Salesforce sample
//! among them) hang tasks on the account or the contact, not on the deal,
//! and a seller expects to see them on the deal being worked.

use super::activities::{Activities, Activity};
use crate::domain::ids::next_id;
use crate::domain::{Action, ActionKind, Date, Extra, LogEntry, Opportunity, Workspace};
use crate::tf;
use std::collections::{HashMap, HashSet};

const SOURCE_ID: &str = "source_id";
const SOURCE: &str = "source";

/// What adding the activities did.
#[derive(Debug, Clone, Default)]
pub struct ActivitySummary {
    pub actions: usize,
    pub log_entries: usize,
    pub unchanged: usize,
    /// Placed through their account or contact (the file named no deal).
    pub by_account: usize,
    /// Of those, placed on the nearest-closing of several open deals.
    pub nearest_of_several: usize,
    /// The activities that matched no deal, with why (line, subject, why).
    pub unmatched: Vec<(u64, String, String)>,
}

fn fold(s: &str) -> String {
    s.trim().to_lowercase()
}

fn text<'a>(extra: &'a Extra, key: &str) -> Option<&'a str> {
    extra.get(key).and_then(|v| v.as_str())
}

/// The workspace's deals, accounts and contacts by the ids and names an
/// activity file may use, built once (a file of thousands of activities
/// against a pipeline of thousands of deals stays linear).
struct Index {
    deal_ids: HashMap<String, Vec<(usize, Option<String>)>>,
    titles: HashMap<String, Vec<usize>>,
    account_ids: HashMap<String, Vec<(usize, Option<String>)>>,
    account_names: HashMap<String, usize>,
    /// contact id, name or e-mail → (account, source, the contact's name)
    contacts: HashMap<String, Vec<(usize, Option<String>, String)>>,
    /// an account's id → its open deals
    open: HashMap<String, Vec<usize>>,
}

impl Index {
    fn new(ws: &Workspace) -> Index {
        let mut ix = Index {
            deal_ids: HashMap::new(),
            titles: HashMap::new(),
            account_ids: HashMap::new(),
            account_names: HashMap::new(),
            contacts: HashMap::new(),
            open: HashMap::new(),
        };
        for (n, o) in ws.opportunities.iter().enumerate() {
            if let Some(id) = text(&o.extra, SOURCE_ID) {
                let source = text(&o.extra, SOURCE).map(str::to_owned);
                ix.deal_ids
                    .entry(id.to_owned())
                    .or_default()
                    .push((n, source));
            }
            ix.titles.entry(fold(&o.title)).or_default().push(n);
            if o.outcome.is_none() {
                ix.open.entry(o.account.clone()).or_default().push(n);
            }
        }
        for (n, a) in ws.accounts.iter().enumerate().rev() {
            if let Some(id) = text(&a.extra, SOURCE_ID) {
                let source = text(&a.extra, SOURCE).map(str::to_owned);
                ix.account_ids
                    .entry(id.to_owned())
                    .or_default()
                    .push((n, source));
            }
            ix.account_names.insert(fold(&a.name), n);
            for c in &a.contacts {
                let source = text(&c.extra, SOURCE).map(str::to_owned);
                let keys = [
                    text(&c.extra, SOURCE_ID).map(str::to_owned),
                    Some(fold(&c.name)),
                    Some(fold(&c.email)),
                ];
                for key in keys.into_iter().flatten().filter(|k| !k.is_empty()) {
                    let entry = ix.contacts.entry(key).or_default();
                    if !entry.iter().any(|(m, _, _)| *m == n) {
                        entry.push((n, source.clone(), c.name.clone()));
                    }
                }
            }
        }
        ix
    }
}

/// Whether a record of `source` is one the activities may point at.
fn in_source(source: &Option<String>, wanted: Option<&str>) -> bool {
    wanted.is_none_or(|w| source.as_deref() == Some(w))
}

/// Where an activity goes: a deal, and the person it was with when known.
struct Placed {
    deal: usize,
    contact: Option<String>,
}

/// Finds the deal of an activity, or says why there is none.
struct Finder<'a> {
    ws: &'a Workspace,
    ix: &'a Index,
    /// The source of the deals' (and accounts', contacts') ids; None: any.
    source: Option<&'a str>,
    /// Account ids → names, from an Account.csv beside the file.
    account_names: &'a HashMap<String, String>,
}

impl Finder<'_> {
    fn unique(found: Vec<usize>, what: &str) -> Result<usize, String> {
        match found.len() {
            1 => Ok(found[0]),
            0 => Err(tf!("no deal with {what}", what)),
            n => Err(tf!("{n} deals with {what}", n, what)),
        }
    }

    fn by_id(&self, id: &str) -> Vec<usize> {
        let found = self.ix.deal_ids.get(id).map(Vec::as_slice).unwrap_or(&[]);
        found
            .iter()
            .filter(|(_, s)| in_source(s, self.source))
            .map(|(n, _)| *n)
            .collect()
    }

    fn account(&self, reference: &str) -> Option<usize> {
        if reference.is_empty() {
            return None;
        }
        let by_id = self.ix.account_ids.get(reference).and_then(|found| {
            let mut found = found.iter().filter(|(_, s)| in_source(s, self.source));
            found.next().map(|(n, _)| *n)
        });
        by_id.or_else(|| {
            let name = self
                .account_names
                .get(reference)
                .map_or(reference, String::as_str);
            self.ix.account_names.get(&fold(name)).copied()
        })
    }

    fn contact(&self, who: &str) -> Option<(usize, String)> {
        let exact = self.ix.contacts.get(who.trim());
        let found = exact.or_else(|| self.ix.contacts.get(&fold(who)))?;
        let mut found = found.iter().filter(|(_, s, _)| in_source(s, self.source));
        found.next().map(|(n, _, name)| (*n, name.clone()))
    }

    /// The open deal of an account being worked: the one closing soonest
    /// (then the furthest along), and how many open deals it has.
    fn open_deal(&self, account: usize) -> Result<(usize, usize), String> {
        let a = &self.ws.accounts[account];
        let open = self.ix.open.get(&a.id).map(Vec::as_slice).unwrap_or(&[]);
        let key = |n: &usize| {
            let o: &Opportunity = &self.ws.opportunities[*n];
            (
                o.expected_close.is_none(),
                o.expected_close,
                std::cmp::Reverse(o.stage),
                *n,
            )
        };
        match open.iter().min_by_key(|n| key(n)) {
            Some(n) => Ok((*n, open.len())),
            None => Err(tf!(
                "its account {name} has no open deal",
                name = format!("{:?}", a.name)
            )),
        }
    }

    fn find(&self, a: &Activity) -> Result<(Placed, Option<usize>), String> {
        let contact = || self.contact(&a.who);
        let on_deal = |deal| {
            let contact = contact().map(|(_, name)| name);
            Ok((Placed { deal, contact }, None))
        };
        let mut missed = Vec::new();
        if !a.deal_id.is_empty() {
            let found = self.by_id(&a.deal_id);
            if !found.is_empty() {
                return on_deal(Self::unique(
                    found,
                    &tf!("id {id}", id = format!("{:?}", a.deal_id)),
                )?);
            }
            let id = format!("{:?}", a.deal_id);
            if a.deal_id == a.account {
                missed.push(tf!("no deal or account with id {id}", id));
            } else {
                missed.push(tf!("no deal with id {id}", id));
            }
        }
        if !a.deal_name.is_empty() {
            let mut found = self.by_id(&a.deal_name);
            if found.is_empty() {
                found = self
                    .ix
                    .titles
                    .get(&fold(&a.deal_name))
                    .cloned()
                    .unwrap_or_default();
            }
            if !found.is_empty() {
                return on_deal(Self::unique(
                    found,
                    &tf!("title {title}", title = format!("{:?}", a.deal_name)),
                )?);
            }
            missed.push(tf!(
                "no deal titled {title}",
                title = format!("{:?}", a.deal_name)
            ));
        }
        // a deal id that names no deal may name the account (Salesforce's
        // WhatId points at an account as often as at an opportunity)
        for reference in [&a.account, &a.deal_id] {
            if let Some(account) = self.account(reference) {
                let (deal, open) = self.open_deal(account)?;
                let contact = contact().map(|(_, name)| name);
                return Ok((Placed { deal, contact }, Some(open)));
            }
        }
        if !a.account.is_empty() && a.account != a.deal_id {
            missed.push(tf!("no account {name}", name = format!("{:?}", a.account)));
        }
        if !a.who.is_empty() {
            if let Some((account, name)) = contact() {
                let (deal, open) = self.open_deal(account)?;
                let placed = Placed {
                    deal,
                    contact: Some(name),
                };
                return Ok((placed, Some(open)));
            }
            missed.push(tf!(
                "no contact {name} on an account (import contacts first)",
                name = format!("{:?}", a.who)
            ));
        }
        match missed.is_empty() {
            true => Err(crate::i18n::t("no deal, account or contact given").into()),
            false => Err(missed.join(crate::i18n::t("; "))),
        }
    }
}

/// A log entry's text: the subject and the description's first line, short.
fn log_text(a: &Activity) -> String {
    let first = a.description.lines().find(|l| !l.trim().is_empty());
    match first {
        None => a.subject.clone(),
        Some(d) => {
            let d = d.trim();
            let short: String = d.chars().take(120).collect();
            let more = if short.len() < d.len() { "…" } else { "" };
            format!("{}: {short}{more}", a.subject)
        }
    }
}

/// Adds the activities to their deals. `source` names the activities'
/// own ids; `deal_source` the source of the deals' ids (None: any);
/// `account_names` turns account ids into names (an Account.csv beside the
/// file). An activity on a deal's person is linked to that influence.
pub fn merge_activities(
    ws: &mut Workspace,
    acts: &Activities,
    source: &str,
    deal_source: Option<&str>,
    account_names: &HashMap<String, String>,
    today: Date,
) -> ActivitySummary {
    let mut summary = ActivitySummary::default();
    let ix = Index::new(ws);
    let mut there: HashSet<String> = HashSet::new();
    for o in &ws.opportunities {
        let extras = o.actions.iter().map(|x| &x.extra);
        for extra in extras.chain(o.log.iter().map(|x| &x.extra)) {
            if text(extra, SOURCE) == Some(source)
                && let Some(id) = text(extra, SOURCE_ID)
            {
                there.insert(id.to_owned());
            }
        }
    }
    let mut placed = Vec::new();
    {
        let finder = Finder {
            ws,
            ix: &ix,
            source: deal_source,
            account_names,
        };
        for a in &acts.rows {
            if there.contains(&a.key) {
                summary.unchanged += 1;
                continue;
            }
            match finder.find(a) {
                Ok((p, via_account)) => {
                    if let Some(open) = via_account {
                        summary.by_account += 1;
                        summary.nearest_of_several += usize::from(open > 1);
                    }
                    placed.push((a, p));
                }
                Err(why) => summary.unmatched.push((a.line, a.subject.clone(), why)),
            }
        }
    }
    for (a, p) in placed {
        let o = &mut ws.opportunities[p.deal];
        let mut extra = Extra::new();
        extra.insert(SOURCE.into(), source.into());
        extra.insert(SOURCE_ID.into(), a.key.clone().into());
        if a.done {
            let on = a.completed.or(a.due).or(a.created).unwrap_or(today);
            // a done call, meeting, visit or email with a person of the
            // deal is the last time we heard from them (spec section 10)
            // (a type funnel does not know is no proof of contact, nor a
            // date after today)
            let contact = a.kind.is_some_and(ActionKind::is_contact);
            if let (true, Some(i)) = (contact, person_named(o, &p.contact, &a.who)) {
                o.influences[i].heard_from(on.min(today));
            }
            o.log.push(LogEntry {
                on,
                text: log_text(a),
                extra,
            });
            summary.log_entries += 1;
        } else {
            let influence = person_named(o, &p.contact, &a.who).map(|i| o.influences[i].id.clone());
            let id = next_id("t", o.actions.iter().map(|x| x.id.as_str()));
            o.actions.push(Action {
                id,
                text: a.subject.clone(),
                due: a.due,
                done: None,
                influence,
                created: Some(a.created.unwrap_or(today)),
                kind: a.kind,
                extra,
                ..Action::default()
            });
            summary.actions += 1;
        }
    }
    summary
}

/// The influence of `o` the activity was with: the contact it names (an
/// account's contact, by id or name), else a person of the deal named as
/// the file gives it (a buying influence need not be an account's contact).
fn person_named(o: &Opportunity, contact: &Option<String>, who: &str) -> Option<usize> {
    let named = |name: &str| {
        let name = fold(name);
        (!name.is_empty())
            .then(|| o.influences.iter().position(|i| fold(&i.name) == name))
            .flatten()
    };
    contact.as_deref().and_then(named).or_else(|| named(who))
}
