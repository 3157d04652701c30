//! Incremental serialisation: the bytes of every account, opportunity and
//! review as they appear in the file, kept between saves, so a save after
//! an edit serialises the records the edit touched and copies the rest. The output
//! is byte-for-byte what [`super::to_json_bytes`] writes for the whole
//! workspace (tests/it/incremental.rs checks it over random edits).
//!
//! The workbench hands over a [`Delta`] (the touched records, already
//! serialised on the UI thread: microseconds each) rather than a copy of the
//! workspace (tens of milliseconds at 10,000 deals), and the saver thread
//! keeps the [`Records`] and splices.

use super::serialize::write_at_depth;
use crate::domain::change::{Change, Patch, put, travel};
use crate::domain::{Account, Opportunity, Review, ReviewedOpportunity, Workspace};
use std::ops::Range;

/// One record's bytes, as they appear two levels deep (inside the list).
type Bytes = Box<[u8]>;

/// An id no record can have by accident: written as `\u0001…` in the file,
/// which a user's text (where `\` is itself escaped) never produces.
const MARK: &str = "\u{1}funnel-splice";

fn record_bytes<T: serde::Serialize>(record: &T) -> Bytes {
    let mut out = Vec::with_capacity(2048);
    write_at_depth(&mut out, record, 2);
    out.into_boxed_slice()
}

/// The whole file but the three lists: everything else (format, settings,
/// the review walk's progress, unknown fields) serialised, and where the
/// accounts, opportunities and reviews lists go. Reviews are a list of
/// their own because each mark of the walk takes a new shell: a year of
/// weekly snapshots of a big pipeline would otherwise be serialised again
/// on every key.
#[derive(Debug, Clone)]
pub struct Shell {
    bytes: Vec<u8>,
    accounts: Range<usize>,
    opportunities: Range<usize>,
    reviews: Range<usize>,
}

impl Shell {
    /// Serialises `ws` with one marked record in each list and notes where
    /// each list starts and ends, so field order and presence rules stay
    /// those of the full serialiser.
    pub fn of(ws: &Workspace) -> Shell {
        // listing every field: a field added to Workspace fails to compile here
        let Workspace {
            format,
            version,
            settings,
            accounts: _,
            opportunities: _,
            reviews: _,
            review_in_progress,
            conflicts,
            extra,
        } = ws;
        let account = Account {
            id: MARK.into(),
            ..Account::default()
        };
        let opportunity = Opportunity {
            id: MARK.into(),
            ..Opportunity::default()
        };
        let review = Review {
            opportunities: vec![ReviewedOpportunity {
                id: MARK.into(),
                ..ReviewedOpportunity::default()
            }],
            ..Review::default()
        };
        let shell = Workspace {
            format: *format,
            version: *version,
            settings: settings.clone(),
            accounts: vec![account.clone()],
            opportunities: vec![opportunity.clone()],
            reviews: vec![review.clone()],
            review_in_progress: review_in_progress.clone(),
            conflicts: conflicts.clone(),
            extra: extra.clone(),
        };
        let bytes = super::to_json_bytes(&shell);
        let accounts = list_at(&bytes, &record_bytes(&account), 0);
        let opportunities = list_at(&bytes, &record_bytes(&opportunity), accounts.end);
        let reviews = list_at(&bytes, &record_bytes(&review), opportunities.end);
        Shell {
            bytes,
            accounts,
            opportunities,
            reviews,
        }
    }
}

const OPEN: &[u8] = b"[\n    ";
const CLOSE: &[u8] = b"\n  ]";
const BETWEEN: &[u8] = b",\n    ";

/// Where the one-record list holding `record` sits in `bytes`, from `[` to `]`.
fn list_at(bytes: &[u8], record: &[u8], from: usize) -> Range<usize> {
    let at = bytes[from..]
        .windows(record.len())
        .position(|w| w == record)
        .map(|i| i + from)
        .expect("the marked record is in the shell");
    let (start, end) = (at - OPEN.len(), at + record.len() + CLOSE.len());
    assert!(
        bytes[start..at] == *OPEN && bytes[at + record.len()..end] == *CLOSE,
        "a list inside the top object is indented one level"
    );
    start..end
}

/// What the saver keeps between saves.
#[derive(Debug, Clone)]
pub struct Records {
    shell: Shell,
    accounts: Vec<Bytes>,
    opportunities: Vec<Bytes>,
    reviews: Vec<Bytes>,
}

impl Records {
    /// Serialises every record of `ws` (once, at start and after a reload).
    pub fn of(ws: &Workspace) -> Records {
        Records {
            shell: Shell::of(ws),
            accounts: ws.accounts.iter().map(record_bytes).collect(),
            opportunities: ws.opportunities.iter().map(record_bytes).collect(),
            reviews: ws.reviews.iter().map(record_bytes).collect(),
        }
    }

    /// Applies the edits in `delta`, in order.
    pub fn apply(&mut self, delta: Delta) {
        for step in delta.steps {
            match step {
                Step::Account(at, was, now) => put(&mut self.accounts, at, was, now),
                Step::Opportunity(at, was, now) => put(&mut self.opportunities, at, was, now),
                Step::Reviews(keep, tail) => {
                    self.reviews.truncate(keep);
                    self.reviews.extend(tail);
                }
            }
        }
        if let Some(shell) = delta.shell {
            self.shell = shell;
        }
    }

    /// The whole file as the pieces it is made of, in order: saving writes
    /// them as they are (no 60 MB copy at 10,000 deals).
    pub fn pieces(&self) -> Vec<&[u8]> {
        let s = &self.shell;
        let records = self.accounts.len() + self.opportunities.len() + self.reviews.len();
        let mut out = Vec::with_capacity(2 * records + 13);
        out.push(&s.bytes[..s.accounts.start]);
        pieces_of(&mut out, &self.accounts);
        out.push(&s.bytes[s.accounts.end..s.opportunities.start]);
        pieces_of(&mut out, &self.opportunities);
        out.push(&s.bytes[s.opportunities.end..s.reviews.start]);
        pieces_of(&mut out, &self.reviews);
        out.push(&s.bytes[s.reviews.end..]);
        out
    }

    /// The whole file in one buffer.
    pub fn bytes(&self) -> Vec<u8> {
        self.pieces().concat()
    }
}

/// A list as the pretty formatter writes it one level inside the top
/// object, as pieces.
fn pieces_of<'a>(out: &mut Vec<&'a [u8]>, records: &'a [Bytes]) {
    if records.is_empty() {
        out.push(b"[]");
        return;
    }
    out.push(OPEN);
    for (i, r) in records.iter().enumerate() {
        if i > 0 {
            out.push(BETWEEN);
        }
        out.push(r);
    }
    out.push(CLOSE);
}

/// One record put in place: index, whether one was there, the new bytes.
#[derive(Debug, Clone)]
enum Step {
    Account(usize, bool, Option<Bytes>),
    Opportunity(usize, bool, Option<Bytes>),
    /// The reviews: the first `keep` stay, the rest become these.
    Reviews(usize, Vec<Bytes>),
}

/// What changed since the last delta, serialised: the records edits
/// touched, and the shell if anything outside the three lists changed.
#[derive(Debug, Clone, Default)]
pub struct Delta {
    steps: Vec<Step>,
    shell: Option<Shell>,
    /// Something outside the lists changed: [`Delta::take`] takes the shell.
    shell_stale: bool,
}

impl Delta {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty() && self.shell.is_none() && !self.shell_stale
    }

    /// Notes that something outside the three lists changed (the review
    /// walk's progress, unknown fields).
    pub fn touch_shell(&mut self) {
        self.shell_stale = true;
    }

    /// Adds `change` applied forward (`undo` false) or reverted.
    pub fn record(&mut self, change: &Change, undo: bool) {
        let patches: Box<dyn Iterator<Item = &Patch>> = if undo {
            Box::new(change.patches.iter().rev())
        } else {
            Box::new(change.patches.iter())
        };
        for p in patches {
            match p {
                Patch::Opportunity {
                    index,
                    before,
                    after,
                } => {
                    let (was, now) = travel(before, after, undo);
                    self.steps.push(Step::Opportunity(
                        *index,
                        was.is_some(),
                        now.as_ref().map(record_bytes),
                    ));
                }
                Patch::Account {
                    index,
                    before,
                    after,
                } => {
                    let (was, now) = travel(before, after, undo);
                    self.steps.push(Step::Account(
                        *index,
                        was.is_some(),
                        now.as_ref().map(record_bytes),
                    ));
                }
                Patch::Reviews { before, after } => {
                    let (was, now) = if undo {
                        (after, before)
                    } else {
                        (before, after)
                    };
                    // finishing a review appends one: only it is written
                    let keep = was.iter().zip(now).take_while(|(a, b)| a == b).count();
                    let tail = now[keep..].iter().map(record_bytes).collect();
                    self.steps.push(Step::Reviews(keep, tail));
                }
                // the shell is taken from the workspace when the delta is sent
                Patch::ReviewProgress { .. }
                | Patch::SavedFilters { .. }
                | Patch::Language { .. }
                | Patch::Targets { .. }
                | Patch::Settings { .. }
                | Patch::Conflicts { .. }
                | Patch::Extra { .. } => self.shell_stale = true,
            }
        }
    }

    /// The delta to send, leaving this one empty; `ws` is the workspace
    /// now, from which a stale shell is taken once, however many edits
    /// touched it.
    pub fn take(&mut self, ws: &Workspace) -> Delta {
        let mut delta = std::mem::take(self);
        if std::mem::take(&mut delta.shell_stale) {
            delta.shell = Some(Shell::of(ws));
        }
        delta
    }
}
