//! What only a real terminal needs: the workbench's screen (raw mode, the
//! alternate screen, bracketed paste, mouse capture, a hidden cursor), entered and left the
//! same way on quit, panic, `$EDITOR`, Ctrl-z and every signal.

use ratatui::DefaultTerminal;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::{cursor, execute, terminal as screen};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use std::io::{self, stdout};
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Held while a save runs, so that a signal never ends the process half-way
/// through one.
pub static SAVING: Mutex<()> = Mutex::new(());

/// Held while a frame is drawn: a signal takes it before restoring the
/// terminal, so no frame drawn after the restore hides the cursor again.
pub static DRAWING: Mutex<()> = Mutex::new(());

/// Saves handed to the saver thread and not yet written: a signal waits
/// for them (a few seconds at most) before it ends the process.
pub static UNWRITTEN: AtomicUsize = AtomicUsize::new(0);

/// The workbench is on screen (not before it starts, not while `$EDITOR`
/// has the terminal).
static ON_SCREEN: AtomicBool = AtomicBool::new(false);
/// A SIGTSTP came from outside while the workbench was on screen.
static STOP_ASKED: AtomicBool = AtomicBool::new(false);
/// A SIGCONT came: whoever stopped us may have changed the terminal.
static CONTINUED: AtomicBool = AtomicBool::new(false);

/// Enters the workbench's screen and returns the terminal that draws on it.
/// The first call also sets a panic hook that leaves the screen before the
/// message is printed.
pub fn enter() -> io::Result<DefaultTerminal> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            leave();
            previous(info);
        }));
    });
    enter_screen()?;
    Terminal::new(CrosstermBackend::new(stdout()))
}

fn enter_screen() -> io::Result<()> {
    screen::enable_raw_mode()?;
    execute!(
        stdout(),
        screen::EnterAlternateScreen,
        EnableBracketedPaste,
        EnableMouseCapture
    )?;
    ON_SCREEN.store(true, Ordering::SeqCst);
    Ok(())
}

/// Gives the terminal back as the shell had it: cooked mode, the main
/// screen, no bracketed paste or mouse reports, a visible cursor. Every step is tried even
/// when one fails (after SIGHUP the terminal may be gone), and leaving twice
/// is harmless.
pub fn leave() {
    ON_SCREEN.store(false, Ordering::SeqCst);
    let mut out = stdout();
    // mouse reports first: a shell left with them on prints escape codes
    // at every click
    let _ = execute!(out, DisableMouseCapture);
    let _ = execute!(out, DisableBracketedPaste);
    let _ = screen::disable_raw_mode();
    let _ = execute!(out, screen::LeaveAlternateScreen);
    let _ = execute!(out, cursor::Show);
}

/// Comes back to the workbench's screen after someone else had the
/// terminal, and makes the next draw repaint all of it.
fn resume(terminal: &mut DefaultTerminal) -> io::Result<()> {
    // after a SIGSTOP we could not catch, crossterm believes raw mode is
    // still on, but the shell that took the terminal has reset it
    let _ = screen::disable_raw_mode();
    enter_screen()?;
    terminal.clear()
}

/// Lends the terminal to `f` (`$EDITOR`), then takes it back and repaints.
pub fn lend<T>(terminal: &mut DefaultTerminal, f: impl FnOnce() -> T) -> io::Result<T> {
    leave();
    let result = f();
    resume(terminal)?;
    Ok(result)
}

/// Ctrl-z: leaves the screen, stops the process as the default SIGTSTP
/// would, and once continued (`fg`) comes back and repaints. Returns false,
/// having done nothing, where no shell with job control could continue us.
pub fn suspend(terminal: &mut DefaultTerminal) -> io::Result<bool> {
    if !job_control() {
        return Ok(false);
    }
    leave();
    stop()?;
    resume(terminal)?;
    Ok(true)
}

/// Stops the whole process until SIGCONT. (Our SIGTSTP handler replaced the
/// default action, so this raises SIGSTOP.)
fn stop() -> io::Result<()> {
    signal_hook::low_level::emulate_default_handler(SIGTSTP)
}

/// Whether a stopped process would be continued by someone: a shell with
/// job control runs each job in a process group of its own, so the group is
/// not the session leader's. (Where the session leader's group is ours, the
/// kernel discards SIGTSTP; a SIGSTOP would stop us for good.)
fn job_control() -> bool {
    #[cfg(target_os = "linux")]
    {
        // pid (comm) state ppid pgrp session …; comm may hold spaces
        if let Ok(stat) = std::fs::read_to_string("/proc/self/stat")
            && let Some((_, rest)) = stat.rsplit_once(')')
        {
            let fields: Vec<&str> = rest.split_whitespace().collect();
            if let (Some(pgrp), Some(session)) = (fields.get(2), fields.get(3)) {
                return pgrp != session;
            }
        }
        true
    }
    #[cfg(not(target_os = "linux"))]
    {
        true
    }
}

/// For the loop, once per turn: carries out what signals asked since the
/// last turn (a SIGTSTP sent with `kill`, a SIGCONT after a SIGSTOP).
pub fn after_signals(terminal: &mut DefaultTerminal) -> io::Result<()> {
    if STOP_ASKED.swap(false, Ordering::SeqCst) {
        suspend(terminal)?;
    }
    if CONTINUED.swap(false, Ordering::SeqCst) {
        resume(terminal)?;
    }
    Ok(())
}

/// Signals are read by a thread of their own: the main thread may be blocked
/// reading a terminal that has gone away (crossterm then spins on
/// end-of-file and never returns). SIGINT, SIGQUIT, SIGTERM and SIGHUP end
/// the workbench with the terminal restored and `scratch` deleted, once no
/// save is waiting or running (up to ten seconds); the exit status is 128 + the signal. SIGTSTP and SIGCONT
/// are handed to the loop ([`after_signals`]), which owns the screen.
pub fn watch_signals(scratch: Option<PathBuf>) -> io::Result<()> {
    let mut signals =
        signal_hook::iterator::Signals::new([SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT])?;
    std::thread::spawn(move || {
        for sig in signals.forever() {
            match sig {
                SIGTSTP if ON_SCREEN.load(Ordering::SeqCst) => {
                    STOP_ASKED.store(true, Ordering::SeqCst)
                }
                // before the screen is ours or while `$EDITOR` has it (vi
                // stops its whole process group): stop, as by default
                SIGTSTP => {
                    if job_control() {
                        let _ = stop();
                    }
                }
                SIGCONT => CONTINUED.store(true, Ordering::SeqCst),
                _ => {
                    let start = std::time::Instant::now();
                    while UNWRITTEN.load(Ordering::SeqCst) > 0
                        && start.elapsed() < std::time::Duration::from_secs(10)
                    {
                        std::thread::sleep(std::time::Duration::from_millis(5));
                    }
                    let _saving = SAVING.lock().unwrap_or_else(|e| e.into_inner());
                    let _drawing = DRAWING.lock().unwrap_or_else(|e| e.into_inner());
                    leave();
                    if let Some(dir) = &scratch {
                        let _ = std::fs::remove_dir_all(dir);
                    }
                    std::process::exit(128 + sig);
                }
            }
        }
    });
    Ok(())
}
