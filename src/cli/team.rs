//! `funnel team report|forecast|flags|actions PATH...` (spec section 13):
//! the single commands over several sellers' workspaces at once. This file
//! holds the subcommands' options and what they share: reading the team,
//! refusing to add money in different currencies, and the `OWNER/ID` of an
//! opportunity id found in two workspaces.

use super::{Context, Failure, Output, actions, flags, forecast, report};
use crate::domain::team::Qualifier;
use crate::domain::week::Since;
use crate::store::team::Member;
use std::path::PathBuf;

#[derive(clap::Subcommand, Debug)]
pub enum TeamKind {
    /// The weekly pipeline report of the team: the sums, each owner's figures, and each workspace's week since its own latest review
    Report {
        /// How to print it
        #[arg(long, value_enum, default_value_t = report::Format::Md)]
        format: report::Format,
        /// Compare with the latest review on or before DATE, or with the one before the latest (`previous`)
        #[arg(long, value_name = "DATE|previous", value_parser = super::parse_since)]
        since: Option<Since>,
        /// Workspace files, or folders searched for them
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// The team's forecast against the sum of the workspaces' targets, with each owner's row
    Forecast {
        /// The period: a quarter like 2026-Q4 or a month like 2026-12 [default: the quarter of today]
        #[arg(long, value_name = "PERIOD", value_parser = super::parse_period)]
        period: Option<crate::domain::Period>,
        /// Only this owner's deals and target [default: everyone's]
        #[arg(long, value_name = "NAME")]
        owner: Option<String>,
        /// How to print it
        #[arg(long, value_enum, default_value_t = forecast::Format::Table)]
        format: forecast::Format,
        /// Workspace files, or folders searched for them
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Red flags of the team's open opportunities, most severe first (snoozed ones left out)
    Flags {
        /// Only this opportunity (OWNER/ID where the id is in several workspaces)
        #[arg(long, value_name = "ID")]
        opportunity: Option<String>,
        /// How to print it
        #[arg(long, value_enum, default_value_t = flags::Format::Table)]
        format: flags::Format,
        /// Workspace files, or folders searched for them
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// The team's prioritised action list, highest score first
    Actions {
        /// Only the first N entries
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// How to print it
        #[arg(long, value_enum, default_value_t = actions::Format::Table)]
        format: actions::Format,
        /// Workspace files, or folders searched for them
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
}

pub fn run(ctx: &Context, what: TeamKind) -> Result<Output, Failure> {
    match what {
        TeamKind::Report {
            format,
            since,
            paths,
        } => {
            let team = Team::read(ctx, &paths)?;
            super::team_report::run(ctx, &team, format, since.unwrap_or(Since::Latest))
                .map(Output::from)
        }
        TeamKind::Forecast {
            period,
            owner,
            format,
            paths,
        } => {
            let team = Team::read(ctx, &paths)?;
            super::team_forecast::run(ctx, &team, period, owner.as_deref(), format)
                .map(Output::from)
        }
        TeamKind::Flags {
            opportunity,
            format,
            paths,
        } => {
            let team = Team::read(ctx, &paths)?;
            super::team_lists::flags(ctx, &team, opportunity.as_deref(), format)
        }
        TeamKind::Actions {
            limit,
            format,
            paths,
        } => {
            let team = Team::read(ctx, &paths)?;
            super::team_lists::actions(ctx, &team, limit, format).map(Output::from)
        }
    }
}

/// The workspaces of a team, read once and kept until the command exits
/// (see `Context::read`), with the qualifier of their opportunity ids.
pub struct Team {
    pub members: &'static [Member],
    /// Over the opportunity ids of every member.
    pub deals: Qualifier,
    /// Over the account ids of every member.
    pub accounts: Qualifier,
}

impl Team {
    /// Reads the workspaces `paths` stand for: the store's messages for a
    /// missing or invalid file, a note for each written by a newer funnel,
    /// and a refusal when their currencies differ (their money cannot be
    /// added up). The first workspace's language is the team's.
    pub fn read(ctx: &Context, paths: &[PathBuf]) -> Result<Team, Failure> {
        let members: &'static [Member] =
            Box::leak(crate::store::team::read(paths)?.into_boxed_slice());
        let first = members.first().ok_or_else(|| {
            Failure::usage(crate::i18n::t("expected one or more workspaces to roll up"))
        })?;
        ctx.use_settings(&first.workspace.settings);
        for m in members {
            if let Some(found) = m.newer_version {
                super::newer_note(&m.path, found);
            }
            team_notes(m);
        }
        let currency = |m: &Member| m.workspace.settings.currency.clone();
        if members.iter().any(|m| currency(m) != currency(first)) {
            let each: Vec<String> = members
                .iter()
                .map(|m| {
                    let cur = match currency(m).as_str() {
                        "" => crate::i18n::t("no currency").to_owned(),
                        c => c.to_owned(),
                    };
                    format!("{} {cur}", m.path.display()) // i18n-exempt: a file and its currency code
                })
                .collect();
            return Err(Failure::usage(crate::tf!(
                "the workspaces are in different currencies and their money cannot be added up: {each}",
                each = each.join(crate::i18n::t("; "))
            )));
        }
        let deals = Qualifier::new(
            members
                .iter()
                .map(|m| crate::domain::team::deal_ids(&m.workspace)),
        );
        let accounts = Qualifier::new(
            members
                .iter()
                .map(|m| m.workspace.accounts.iter().map(|a| a.id.as_str())),
        );
        Ok(Team {
            members,
            deals,
            accounts,
        })
    }

    /// The currency every member shares.
    pub fn currency(&self) -> &'static str {
        &self.members[0].workspace.settings.currency
    }

    /// An opportunity id of member `m` as the roll-up writes it.
    pub fn deal_id(&self, m: &Member, id: &str) -> String {
        self.deals.id(&m.owner, id)
    }
}

/// What a manager should know before trusting the roll-up of `m`: merge
/// conflicts left in it (its figures are ours of each), and an owner taken
/// already by another file (a copy would be counted twice).
fn team_notes(m: &Member) {
    let mut notes = String::new();
    let n = m.workspace.conflicts.len();
    if n == 1 {
        notes.push_str(&crate::tf!(
            "funnel: note: {path} has 1 merge conflict not yet resolved; its figures are its own side of it (open it alone and press M)\n",
            path = m.path.display()
        ));
    } else if n > 1 {
        notes.push_str(&crate::tf!(
            "funnel: note: {path} has {n} merge conflicts not yet resolved; its figures are its own side of each (open it alone and press M)\n",
            path = m.path.display(),
            n
        ));
    }
    let own = crate::store::team::owner_of(&m.path, &m.workspace);
    if m.owner != own {
        notes.push_str(&crate::tf!(
            "funnel: note: {path} has the owner {own} of another workspace here, so it is shown as {shown}; if it is a copy, its deals are counted twice\n",
            path = m.path.display(),
            own = format!("{own:?}"),
            shown = format!("{:?}", m.owner)
        ));
    }
    if !notes.is_empty() {
        super::write_out(&mut std::io::stderr(), &notes);
    }
}
