//! The loop: read a key (or a click), update, carry out the effects, draw. What only a
//! real terminal needs (restoring it on quit, panic and signals, Ctrl-z,
//! lending it to `$EDITOR`) is in [`super::terminal`].

use super::app::{App, Effect, Msg};
use super::{terminal, views};
use crate::domain::{Date, Workspace};
use crate::store::Store;
use crate::store::saver::{Report, Saver};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};
use std::collections::VecDeque;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Where the workbench's workspace comes from.
pub enum Backing {
    /// One file, held open for writing (or read-only, as it says).
    File(Store),
    /// Several workspaces combined: nothing is ever written.
    Team(super::team::Team),
}

/// Everything the workbench starts from.
pub struct Launch {
    pub backing: Backing,
    pub workspace: Workspace,
    pub today: Date,
    /// Shown in the title bar.
    pub location: String,
    /// A first message for the status line.
    pub hint: Option<String>,
    /// A folder to delete on exit (the demo's scratch copy).
    pub scratch: Option<PathBuf>,
}

/// Runs the workbench until the user quits; returns the exit status.
pub fn run(launch: Launch) -> anyhow::Result<u8> {
    let Launch {
        backing,
        workspace,
        today,
        location,
        hint,
        scratch,
    } = launch;
    terminal::watch_signals(scratch.clone())?;
    let (mut saver, read_only, team) = match backing {
        Backing::File(store) => {
            let read_only = store.read_only().map(|r| r.to_string());
            let saver = Saver::spawn(store, &terminal::SAVING, &terminal::UNWRITTEN);
            (saver, read_only, None)
        }
        Backing::Team(team) => {
            let read_only = Some(team.read_only().to_string());
            (Saver::none(&terminal::UNWRITTEN), read_only, Some(team))
        }
    };
    let mut app = App::new(workspace, today, location, read_only);
    app.team = team;
    if let Some(h) = hint {
        app.update(Msg::Notice(h));
    }
    let mut terminal = terminal::enter()?;
    let size = terminal.size()?;
    app.update(Msg::Resized(size.width, size.height));
    let result = event_loop(&mut terminal, &mut app, &mut saver);
    // an error left the loop: the saves asked for still finish
    drop(saver);
    terminal::leave();
    if let Some(dir) = scratch {
        let _ = std::fs::remove_dir_all(dir);
    }
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    saver: &mut Saver,
) -> anyhow::Result<u8> {
    let mut last_disk_check = Instant::now();
    let mut first_frame = true;
    loop {
        terminal::after_signals(terminal)?;
        let got = saver.poll();
        let effects = reports(app, saver, got);
        if carry_out(terminal, app, saver, effects)? {
            return Ok(0);
        }
        {
            let _drawing = terminal::DRAWING.lock().unwrap_or_else(|e| e.into_inner());
            terminal.draw(|f| views::draw(app, f))?;
        }
        if std::mem::take(&mut first_frame) {
            // starts the saver's own parse of the file, now that the
            // screen is up
            saver.check();
        }
        // while a save is unwritten, look again soon to show "saved" (not
        // while the saver only parses the file at start-up: that would
        // redraw fifty times a second against the parse)
        let wait = if saver.saved() { 250 } else { 20 };
        if event::poll(Duration::from_millis(wait))? {
            let msg = match event::read()? {
                Event::Paste(text) => Some(Msg::Paste(text)),
                Event::Resize(w, h) => Some(Msg::Resized(w, h)),
                Event::Mouse(m) => Some(Msg::Mouse(m)),
                event => event.as_key_press_event().map(Msg::Key),
            };
            if let Some(msg) = msg {
                let effects = app.update(msg);
                if carry_out(terminal, app, saver, effects)? {
                    return Ok(0);
                }
            }
        }
        if last_disk_check.elapsed() > Duration::from_secs(2) {
            last_disk_check = Instant::now();
            // one stat while the file is as we left it; answered as a report
            saver.check();
        }
    }
}

/// Turns what the saver reported into messages for the app.
fn reports(app: &mut App, saver: &Saver, reports: Vec<Report>) -> Vec<Effect> {
    let mut effects = Vec::new();
    for r in reports {
        match r {
            // "saved" only once the newest state is written
            Report::Saved if saver.saved() => effects.extend(app.update(Msg::Saved)),
            Report::Saved | Report::Done(_) => {}
            Report::Lock { read_only, taken } => {
                app.read_only = read_only;
                if taken {
                    let done = crate::i18n::t("the other funnel closed; editing enabled");
                    effects.extend(app.update(Msg::Notice(done.to_owned())));
                }
            }
            Report::Failed { why, conflict } => {
                if conflict {
                    app.update(Msg::DiskChanged);
                }
                effects.extend(app.update(Msg::SaveFailed(why)));
            }
            Report::DiskChanged => effects.extend(app.update(Msg::DiskChanged)),
            Report::Reloaded(Ok((ws, read_only))) => {
                app.read_only = read_only;
                effects.extend(app.update(Msg::Reloaded(ws)));
            }
            Report::Reloaded(Err(why)) => effects.extend(app.update(Msg::ReloadFailed(why))),
        }
    }
    effects
}

/// Carries out effects in order; returns true when the user quit.
fn carry_out(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    saver: &mut Saver,
    effects: Vec<Effect>,
) -> anyhow::Result<bool> {
    let mut queue: VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        match effect {
            Effect::Quit => {
                // the last save must be on disk (or have failed) before we go
                let failed_before = app.unsaved.is_some();
                let got = saver.wait();
                queue.extend(reports(app, saver, got));
                if app.unsaved.is_some() && !failed_before {
                    // it failed while we waited: the "press q again" rule
                    queue.extend(app.update(Msg::Quit));
                    continue;
                }
                return Ok(true);
            }
            Effect::Suspend => {
                if !terminal::suspend(terminal)? {
                    let why = crate::i18n::t(
                        "Ctrl-z: no shell with job control to come back to; q quits",
                    );
                    app.update(Msg::Notice(why.to_owned()));
                }
            }
            Effect::Save => {
                let delta = app.pending.take(&app.ws);
                saver.save(delta);
                queue.extend(app.update(Msg::SaveStarted));
            }
            Effect::Reload => {
                // after the saves before it; the app waits, as it did when
                // reloading ran here
                saver.reload();
                let got = saver.wait();
                queue.extend(reports(app, saver, got));
            }
            Effect::EditText {
                field,
                opportunity,
                text,
            } => {
                let edited = terminal::lend(terminal, || edit_in_editor(&text))?;
                let msg = match edited {
                    Ok(text) => Msg::TextEdited {
                        field,
                        opportunity,
                        text,
                    },
                    Err(why) => Msg::EditorFailed(why),
                };
                queue.extend(app.update(msg));
            }
        }
    }
    Ok(false)
}

/// Runs `$VISUAL`, else `$EDITOR`, else `vi` on a private temporary file
/// holding `text`, and returns what the user saved.
fn edit_in_editor(text: &str) -> Result<String, String> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let editor = ["VISUAL", "EDITOR"] // i18n-exempt: environment variables
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|e| !e.trim().is_empty()))
        .unwrap_or_else(|| "vi".into());
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or("vi").to_owned();
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let path = std::env::temp_dir().join(format!("funnel-{}-{stamp}.md", std::process::id()));
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&path)
        .map_err(|e| crate::tf!("cannot create a file for the editor: {e}", e))?;
    file.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
    drop(file);
    let status = std::process::Command::new(&program)
        .args(words)
        .arg(&path)
        .status();
    let result = match status {
        Ok(s) if s.success() => std::fs::read_to_string(&path)
            .map_err(|e| crate::tf!("cannot read back the text: {e}", e)),
        Ok(s) => Err(crate::tf!(
            "{program} exited with {s}; nothing changed",
            program,
            s
        )),
        Err(e) => Err(crate::tf!(
            "cannot run the editor {program} (set VISUAL or EDITOR): {e}",
            program = format!("{program:?}"),
            e
        )),
    };
    let _ = std::fs::remove_file(&path);
    result
}
