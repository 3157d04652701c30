//! The loop: read a key, update, carry out the effects, draw. What only a
//! real terminal needs (restoring it on quit, panic and signals, Ctrl-z,
//! lending it to `$EDITOR`) is in [`super::terminal`].

use super::app::{App, Effect, Msg};
use super::{terminal, views};
use crate::domain::{Date, Workspace};
use crate::store::{Store, StoreError};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};
use std::collections::VecDeque;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Everything the workbench starts from.
pub struct Launch {
    pub store: Store,
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
        mut store,
        workspace,
        today,
        location,
        hint,
        scratch,
    } = launch;
    terminal::watch_signals(scratch.clone())?;
    let read_only = store.read_only().map(|r| r.to_string());
    let mut app = App::new(workspace, today, location, read_only);
    if let Some(h) = hint {
        app.update(Msg::Notice(h));
    }
    let mut terminal = terminal::enter()?;
    let size = terminal.size()?;
    app.update(Msg::Resized(size.width, size.height));
    let result = event_loop(&mut terminal, &mut app, &mut store);
    terminal::leave();
    if let Some(dir) = scratch {
        let _ = std::fs::remove_dir_all(dir);
    }
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    store: &mut Store,
) -> anyhow::Result<u8> {
    let mut last_disk_check = Instant::now();
    loop {
        terminal::after_signals(terminal)?;
        terminal.draw(|f| views::draw(app, f))?;
        if event::poll(Duration::from_millis(250))? {
            let msg = match event::read()? {
                Event::Paste(text) => Some(Msg::Paste(text)),
                Event::Resize(w, h) => Some(Msg::Resized(w, h)),
                event => event.as_key_press_event().map(Msg::Key),
            };
            if let Some(msg) = msg {
                let effects = app.update(msg);
                if carry_out(terminal, app, store, effects)? {
                    return Ok(0);
                }
            }
        }
        if last_disk_check.elapsed() > Duration::from_secs(2) {
            last_disk_check = Instant::now();
            // read-only because another funnel held the lock: take it once freed
            if store.try_upgrade() {
                if store.changed_on_disk().unwrap_or(true) {
                    carry_out(terminal, app, store, vec![Effect::Reload])?;
                }
                let done = "the other funnel closed; editing enabled";
                app.update(Msg::Notice(done.to_owned()));
            }
            // also names a new holder, never a dead one
            app.read_only = store.read_only().map(|r| r.to_string());
            // size and time first; the contents only when they moved
            if store.maybe_changed_on_disk() && matches!(store.changed_on_disk(), Ok(true)) {
                app.update(Msg::DiskChanged);
            }
        }
    }
}

/// Carries out effects in order; returns true when the user quit.
fn carry_out(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    store: &mut Store,
    effects: Vec<Effect>,
) -> anyhow::Result<bool> {
    let mut queue: VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        match effect {
            Effect::Quit => return Ok(true),
            Effect::Suspend => {
                if !terminal::suspend(terminal)? {
                    let why = "Ctrl-z: no shell with job control to come back to; q quits";
                    app.update(Msg::Notice(why.to_owned()));
                }
            }
            Effect::Save => match save(store, &app.ws) {
                Ok(()) => queue.extend(app.update(Msg::Saved)),
                Err(e @ StoreError::ChangedOnDisk { .. }) => {
                    app.update(Msg::DiskChanged);
                    app.update(Msg::SaveFailed(e.to_string()));
                }
                Err(e) => queue.extend(app.update(Msg::SaveFailed(e.to_string()))),
            },
            Effect::Reload => match store.reload() {
                Ok(ws) => {
                    app.read_only = store.read_only().map(|r| r.to_string());
                    queue.extend(app.update(Msg::Reloaded(Box::new(ws))));
                }
                Err(e) => queue.extend(app.update(Msg::ReloadFailed(e.to_string()))),
            },
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

/// Saves, holding [`terminal::SAVING`] so that a signal waits for the save to end.
fn save(store: &mut Store, ws: &crate::domain::Workspace) -> Result<(), StoreError> {
    let _saving = terminal::SAVING.lock().unwrap_or_else(|e| e.into_inner());
    store.save(ws)
}

/// Runs `$VISUAL`, else `$EDITOR`, else `vi` on a private temporary file
/// holding `text`, and returns what the user saved.
fn edit_in_editor(text: &str) -> Result<String, String> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let editor = ["VISUAL", "EDITOR"]
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
        .map_err(|e| format!("cannot create a file for the editor: {e}"))?;
    file.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
    drop(file);
    let status = std::process::Command::new(&program)
        .args(words)
        .arg(&path)
        .status();
    let result = match status {
        Ok(s) if s.success() => {
            std::fs::read_to_string(&path).map_err(|e| format!("cannot read back the text: {e}"))
        }
        Ok(s) => Err(format!("{program} exited with {s}; nothing changed")),
        Err(e) => Err(format!(
            "cannot run the editor {program:?} (set VISUAL or EDITOR): {e}"
        )),
    };
    let _ = std::fs::remove_file(&path);
    result
}
