//! What reaches the app (messages) and what it asks of the loop (effects).

use crate::domain::Workspace;
pub use crate::domain::edit::LongText;
use ratatui::crossterm::event::{KeyEvent, MouseEvent};

/// Everything that can happen to the workbench, through one entry point:
/// [`super::App::update`].
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(KeyEvent),
    /// A click or a turn of the wheel (mouse capture is on).
    Mouse(MouseEvent),
    /// Text pasted in the terminal (bracketed paste).
    Paste(String),
    /// The terminal's size, in columns and rows.
    Resized(u16, u16),
    /// The changes went to the saver thread.
    SaveStarted,
    /// Every change so far is on disk.
    Saved,
    /// A save failed: nothing on disk changed.
    SaveFailed(String),
    /// Something else changed the file on disk.
    DiskChanged,
    /// The workspace was read again from disk (boxed: a workspace is far
    /// bigger than any other message).
    Reloaded(Box<Workspace>),
    ReloadFailed(String),
    /// The text came back from `$EDITOR`.
    TextEdited {
        field: LongText,
        opportunity: String,
        text: String,
    },
    /// The editor could not be run.
    EditorFailed(String),
    /// `q` again, from the loop: a save failed while quitting waited for it.
    Quit,
    /// Something for the status line from the loop (the launch hint, a
    /// refused Ctrl-z).
    Notice(String),
}

/// What the loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Save,
    Quit,
    Reload,
    /// Ctrl-z: give the terminal back to the shell until `fg`.
    Suspend,
    /// Suspend the screen and edit `text` in `$EDITOR`; the result comes
    /// back as [`Msg::TextEdited`].
    EditText {
        field: LongText,
        opportunity: String,
        text: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warning,
    Error,
}
