//! The workbench's saves, on a thread of their own, so a keypress never
//! waits for the disk.
//!
//! The saver owns the [`Store`] and the bytes of every record as last
//! serialised ([`Records`]). The workbench sends what each edit changed, a
//! [`Delta`] of the touched records already serialised (microseconds; a copy
//! of the workspace would take tens of milliseconds at 10,000 deals). The
//! saver takes every request waiting, applies all their deltas in order and
//! writes once: a burst of edits is one write of the newest state. Anything
//! else that touches the file (the periodic check, a reload) goes through
//! the same queue, so it never runs beside a write.

use super::incremental::{Delta, Records};
use super::{Store, load};
use crate::domain::Workspace;
use crate::i18n::Locale;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;

enum Request {
    Save(Delta),
    Ask(Question),
}

/// What is answered after the saves of a batch are written.
enum Question {
    /// Has the file changed on disk?
    Check,
    /// Read the file again: the workspace goes back, and becomes the base.
    Reload,
}

/// What the saver tells the workbench.
#[derive(Debug)]
pub enum Report {
    /// A write of everything sent so far finished.
    Saved,
    /// A write failed; nothing on disk changed. `conflict` when the file
    /// had changed on disk (ours is then in a conflict copy, named in `why`).
    Failed {
        why: String,
        conflict: bool,
    },
    DiskChanged,
    /// The store was read-only because another funnel held the lock: why it
    /// still is (naming the holder now, never a dead one), or, when `taken`,
    /// the lock is ours and editing may begin (a file changed meanwhile was
    /// reloaded first: [`Report::Reloaded`] comes before this).
    Lock {
        read_only: Option<String>,
        taken: bool,
    },
    /// The file read again, and why it is read-only if it now is.
    Reloaded(Result<(Box<Workspace>, Option<String>), String>),
    /// Every request up to this count has been carried out.
    Done(u64),
}

pub struct Saver {
    /// Each request with the workbench's locale when it was sent, so that
    /// what the saver reports is in the language the user reads now.
    requests: Option<Sender<(Locale, Request)>>,
    reports: Receiver<Report>,
    sent: u64,
    done: u64,
    saves_sent: u64,
    saves_done: u64,
    thread: Option<JoinHandle<()>>,
    unwritten: &'static AtomicUsize,
    /// A `Saved` came in a poll before the `Done` that counts its request:
    /// the loop, which shows "saved" only once every save is counted,
    /// passed it over; the poll that brings that `Done` hands it on again.
    deferred_saved: bool,
}

impl Saver {
    /// Starts the saver with `store`, whose workspace is `ws` as loaded.
    /// `lock` is held while a write runs, so a signal never ends the process
    /// half-way through one; `unwritten` counts saves asked for and not yet
    /// written, so a signal can wait for them too.
    pub fn spawn(store: Store, lock: &'static Mutex<()>, unwritten: &'static AtomicUsize) -> Saver {
        let (requests, inbox) = mpsc::channel();
        let (outbox, reports) = mpsc::channel();
        // each request carries the workbench's language (see `requests`)
        let thread = std::thread::Builder::new()
            .name("saver".into())
            .spawn(move || {
                lower_priority();
                serve(store, &inbox, &outbox, lock, unwritten)
            })
            .expect("a thread can be started");
        Saver::over(requests, reports, Some(thread), unwritten)
    }

    /// A saver with no file behind it: the team view, which reads several
    /// workspaces and writes none. It is always idle and saved; a save
    /// asked of it (the workbench refuses every edit first) is dropped.
    pub fn none(unwritten: &'static AtomicUsize) -> Saver {
        let (_, reports) = mpsc::channel();
        let mut saver = Saver::over(mpsc::channel().0, reports, None, unwritten);
        saver.requests = None;
        saver
    }

    /// The workbench's end of the two channels, nothing sent yet.
    fn over(
        requests: Sender<(Locale, Request)>,
        reports: Receiver<Report>,
        thread: Option<JoinHandle<()>>,
        unwritten: &'static AtomicUsize,
    ) -> Saver {
        Saver {
            requests: Some(requests),
            reports,
            sent: 0,
            done: 0,
            saves_sent: 0,
            saves_done: 0,
            thread,
            unwritten,
            deferred_saved: false,
        }
    }

    fn send(&mut self, r: Request) {
        if let Some(tx) = &self.requests
            && tx.send((crate::i18n::locale(), r)).is_ok()
        {
            self.sent += 1;
        }
    }

    /// Hands over what changed since the last call.
    pub fn save(&mut self, delta: Delta) {
        if self.requests.is_none() {
            return;
        }
        self.saves_sent = self.sent + 1;
        self.unwritten.fetch_add(1, Ordering::SeqCst);
        self.send(Request::Save(delta));
    }

    /// Asks whether the file changed on disk (answered by a report).
    pub fn check(&mut self) {
        if self.idle() {
            self.send(Request::Ask(Question::Check));
        }
    }

    /// Asks for a reload, answered by [`Report::Reloaded`] (wait for it).
    pub fn reload(&mut self) {
        self.send(Request::Ask(Question::Reload));
    }

    /// Nothing asked is still to be done.
    pub fn idle(&self) -> bool {
        self.done >= self.sent
    }

    /// Every save asked for is written (or failed).
    pub fn saved(&self) -> bool {
        self.saves_done >= self.saves_sent
    }

    /// The reports that came in, without waiting. The saver sends `Saved`,
    /// then `Done` once the rest of its batch is answered; a poll can fall
    /// between the two (the saver runs at a lower priority, so under load
    /// it often did), and the workbench then showed "saving…" for good. A
    /// `Saved` that comes before its count is handed on again with the
    /// `Done` that completes it, unless a write failed in between.
    pub fn poll(&mut self) -> Vec<Report> {
        let mut reports: Vec<Report> = self.reports.try_iter().collect();
        let before = self.saved();
        self.count(&reports);
        if reports.iter().any(|r| matches!(r, Report::Failed { .. })) {
            self.deferred_saved = false;
        }
        let saved_here = reports.iter().any(|r| matches!(r, Report::Saved));
        if self.saved() {
            if self.deferred_saved && !before && !saved_here {
                reports.push(Report::Saved);
            }
            self.deferred_saved = false;
        } else if saved_here {
            self.deferred_saved = true;
        }
        reports
    }

    /// Waits for the next report (None once the saver stopped).
    pub fn next_report(&mut self) -> Option<Report> {
        let r = self.reports.recv().ok()?;
        self.count(std::slice::from_ref(&r));
        Some(r)
    }

    /// Waits until everything asked is done; returns the reports.
    pub fn wait(&mut self) -> Vec<Report> {
        let mut all = Vec::new();
        while !self.idle() {
            match self.reports.recv() {
                Ok(r) => {
                    self.count(std::slice::from_ref(&r));
                    all.push(r);
                }
                Err(_) => {
                    all.push(Report::Failed {
                        why: crate::i18n::t("the saver stopped").into(),
                        conflict: false,
                    });
                    self.done = self.sent;
                }
            }
        }
        all
    }

    fn count(&mut self, reports: &[Report]) {
        for r in reports {
            if let Report::Done(n) = r {
                self.done = *n;
                if *n >= self.saves_sent {
                    self.saves_done = self.saves_sent;
                }
            }
        }
    }
}

impl Drop for Saver {
    /// Lets the last write finish: dropping the sender ends the thread's loop.
    fn drop(&mut self) {
        self.requests = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn serve(
    mut store: Store,
    inbox: &Receiver<(Locale, Request)>,
    outbox: &Sender<Report>,
    lock: &Mutex<()>,
    unwritten: &AtomicUsize,
) {
    let mut done = 0u64;
    let mut base = None;
    while let Ok(first) = inbox.recv() {
        crate::i18n::set(first.0);
        // The bytes the workbench parsed, parsed again here into the
        // records every save splices: off the UI thread, and only once the
        // first request comes (the loop sends one after the first frame),
        // so start-up has both cores.
        if base.is_none() {
            base = store.take_loaded().map(|bytes| {
                load::parse(&bytes, store.path())
                    .map(|p| Records::of(&p.workspace))
                    .map_err(|e| super::StoreError::Invalid(e).to_string())
            });
        }
        let batch: Vec<(Locale, Request)> =
            std::iter::once(first).chain(inbox.try_iter()).collect();
        done += batch.len() as u64;
        let mut write = 0;
        let mut rest = Vec::new();
        for (locale, r) in batch {
            crate::i18n::set(locale);
            match r {
                Request::Save(delta) => {
                    if let Some(Ok(records)) = &mut base {
                        records.apply(delta);
                    }
                    write += 1;
                }
                Request::Ask(q) => rest.push(q),
            }
        }
        if write > 0 {
            let report = write_now(&mut store, base.as_ref(), lock);
            unwritten.fetch_sub(write, Ordering::SeqCst);
            let _ = outbox.send(report);
            store.tidy();
        }
        for r in rest {
            let report = match r {
                Question::Check => {
                    if matches!(store.read_only(), Some(super::ReadOnly::Locked { .. })) {
                        let taken = store.try_upgrade();
                        if taken && store.changed_on_disk().unwrap_or(true) {
                            let _ = outbox.send(reload(&mut store, &mut base));
                        }
                        let read_only = store.read_only().map(|r| r.to_string());
                        let _ = outbox.send(Report::Lock { read_only, taken });
                        if taken {
                            continue;
                        }
                    }
                    match store.changed_on_disk() {
                        Ok(true) => Report::DiskChanged,
                        _ => continue,
                    }
                }
                Question::Reload => reload(&mut store, &mut base),
            };
            let _ = outbox.send(report);
        }
        let _ = outbox.send(Report::Done(done));
    }
}

/// Reads the file again; what was read becomes the base later saves splice
/// (a failed reload leaves the workbench, and the base, on what they had).
fn reload(store: &mut Store, base: &mut Option<Result<Records, String>>) -> Report {
    let reloaded = store.reload().map_err(|e| e.to_string());
    let read_only = store.read_only().map(|r| r.to_string());
    if let Ok(ws) = &reloaded {
        *base = Some(Ok(Records::of(ws)));
    }
    Report::Reloaded(reloaded.map(|ws| (Box::new(ws), read_only)))
}

fn write_now(
    store: &mut Store,
    base: Option<&Result<Records, String>>,
    lock: &Mutex<()>,
) -> Report {
    let records = match base {
        Some(Ok(records)) => records,
        Some(Err(why)) => {
            return Report::Failed {
                why: crate::tf!("the workspace could not be read for saving: {why}", why),
                conflict: false,
            };
        }
        None => {
            return Report::Failed {
                why: crate::i18n::t("nothing was loaded to save").into(),
                conflict: false,
            };
        }
    };
    let pieces = records.pieces();
    let _writing = lock.lock().unwrap_or_else(|e| e.into_inner());
    match store.save_pieces_leaving_old(&pieces) {
        Ok(()) => Report::Saved,
        Err(e) => Report::Failed {
            conflict: matches!(e, super::StoreError::ChangedOnDisk { .. }),
            why: e.to_string(),
        },
    }
}

/// The saver yields the cores to the UI thread: on a 2-core machine its
/// minutes-long first parse at 100,000 deals otherwise delays frames.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: plain system calls on this thread's own id
    unsafe {
        let tid = libc::syscall(libc::SYS_gettid) as libc::id_t;
        libc::setpriority(libc::PRIO_PROCESS, tid, 10);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static UNWRITTEN: AtomicUsize = AtomicUsize::new(0);

    /// A saver with no thread: the test plays the thread's side of the
    /// two channels.
    fn detached() -> (Saver, Receiver<(Locale, Request)>, Sender<Report>) {
        let (requests, inbox) = mpsc::channel();
        let (outbox, reports) = mpsc::channel();
        (
            Saver::over(requests, reports, None, &UNWRITTEN),
            inbox,
            outbox,
        )
    }

    fn saved_count(reports: &[Report]) -> usize {
        reports
            .iter()
            .filter(|r| matches!(r, Report::Saved))
            .count()
    }

    #[test]
    fn a_saved_polled_before_its_done_is_handed_on_with_the_done() {
        let (mut saver, _inbox, outbox) = detached();
        saver.save(Delta::default());
        outbox.send(Report::Saved).unwrap();
        // the loop polls here, between the two sends
        let first = saver.poll();
        assert_eq!(saved_count(&first), 1);
        assert!(!saver.saved(), "not counted yet: the loop passes it over");
        outbox.send(Report::Done(1)).unwrap();
        let second = saver.poll();
        assert!(saver.saved());
        assert_eq!(saved_count(&second), 1, "handed on again: {second:?}");
        // and only once
        assert_eq!(saved_count(&saver.poll()), 0);
    }

    #[test]
    fn both_in_one_poll_say_saved_once_and_a_failure_between_says_nothing() {
        let (mut saver, _inbox, outbox) = detached();
        saver.save(Delta::default());
        outbox.send(Report::Saved).unwrap();
        outbox.send(Report::Done(1)).unwrap();
        assert_eq!(saved_count(&saver.poll()), 1);
        // a Saved deferred, then the newer save fails: no "saved"
        saver.save(Delta::default());
        outbox.send(Report::Saved).unwrap();
        saver.poll();
        saver.save(Delta::default());
        outbox
            .send(Report::Failed {
                why: "disk full".into(),
                conflict: false,
            })
            .unwrap();
        outbox.send(Report::Done(3)).unwrap();
        let last = saver.poll();
        assert!(saver.saved());
        assert_eq!(saved_count(&last), 0, "{last:?}");
    }
}
