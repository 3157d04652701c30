//! Shared helpers for the command-line tests: the real binary, run in a
//! sandbox whose data directory is a temporary folder.

#![allow(dead_code)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};

pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Copies a fixture from tests/fixtures into the sandbox.
    pub fn fixture(&self, name: &str) -> PathBuf {
        let target = self.path(name);
        std::fs::copy(fixture_path(name), &target).expect("copy fixture");
        target
    }

    /// `funnel` with HOME and XDG_DATA_HOME inside the sandbox, no
    /// FUNNEL_* variables from the environment, and the C locale (English
    /// whatever the machine's LANG: a test of Chinese asks for it).
    pub fn funnel(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_funnel"));
        cmd.env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.path("data"))
            .env_remove("FUNNEL_WORKSPACE")
            .env_remove("FUNNEL_TODAY")
            .env_remove("NO_COLOR");
        english(&mut cmd);
        cmd
    }
}

/// `funnel --workspace PATH --today 2026-11-23 ARGS…`, run.
pub fn funnel_on(sb: &Sandbox, path: &Path, args: &[&str]) -> std::process::Output {
    sb.funnel()
        .arg("--workspace")
        .arg(path)
        .args(["--today", "2026-11-23"])
        .args(args)
        .output()
        .unwrap()
}

/// Standard output of [`funnel_on`], which must succeed.
pub fn run_on(sb: &Sandbox, path: &Path, args: &[&str]) -> String {
    let out = funnel_on(sb, path, args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

/// The C locale for a spawned funnel: LANG=C, and no LC_ALL or
/// LC_MESSAGES from the machine, which would win over it.
pub fn english(cmd: &mut Command) -> &mut Command {
    cmd.env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
}

pub fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn stdout(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(out: &std::process::Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

/// What the status line says, or nothing.
pub fn status(app: &funnel::tui::app::App) -> String {
    app.status.as_ref().map_or(String::new(), |s| s.0.clone())
}

/// A date the test writes as `YYYY-MM-DD`.
pub fn day(s: &str) -> funnel::domain::Date {
    funnel::domain::Date::parse(s).unwrap()
}

/// Simplified Chinese with Chinese numbers, for `funnel::i18n::with`.
pub const CHINESE: funnel::i18n::Locale = funnel::i18n::Locale {
    lang: funnel::i18n::Lang::Zh,
    numbers: funnel::i18n::Numbers::Chinese,
};

/// The "today" of every test: the demo's Monday.
pub fn today() -> funnel::domain::Date {
    funnel::domain::Date::parse("2026-11-23").unwrap()
}

/// One key press on the workbench's update.
pub fn press(
    app: &mut funnel::tui::app::App,
    code: ratatui::crossterm::event::KeyCode,
) -> Vec<funnel::tui::app::Effect> {
    app.update(funnel::tui::app::Msg::Key(
        ratatui::crossterm::event::KeyEvent::new(
            code,
            ratatui::crossterm::event::KeyModifiers::NONE,
        ),
    ))
}

/// Types `text` one character at a time.
pub fn typing(app: &mut funnel::tui::app::App, text: &str) {
    for c in text.chars() {
        press(app, ratatui::crossterm::event::KeyCode::Char(c));
    }
}

/// The workbench on the demo pipeline, as of [`today`].
pub fn demo_app() -> funnel::tui::app::App {
    funnel::tui::app::App::new(
        funnel::store::demo::workspace(today()),
        today(),
        "demo".into(),
        None,
    )
}

/// A file of the real CRM exports in `../shared/data` (read, never edited).
pub fn shared_data(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data")
        .join(rel)
}

/// The workspace at `ws`, which must load.
pub fn read_workspace(ws: &Path) -> funnel::domain::Workspace {
    funnel::store::read(ws).unwrap().workspace
}

/// The screen as text, drawn at `w`×`h` into a TestBackend.
pub fn screen(app: &funnel::tui::app::App, w: u16, h: u16) -> String {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| funnel::tui::views::draw(app, f)).unwrap();
    terminal.backend().to_string()
}

/// The id of the deal selected in view 1.
pub fn selected_id(app: &funnel::tui::app::App) -> String {
    app.current_opportunity().unwrap().id.clone()
}

/// The screen as the terminal shows it, one line per row: a wide
/// character covers the cell after it, which is left out (the snapshots
/// of Chinese screens, without ratatui's "Hidden by multi-width" notes).
pub fn clean_screen(app: &funnel::tui::app::App, w: u16, h: u16) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| funnel::tui::views::draw(app, f)).unwrap();
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..h {
        let mut x = 0;
        while x < w {
            let sym = buf[(x, y)].symbol();
            out.push_str(sym);
            x += (sym.width() as u16).max(1);
        }
        out.push('\n');
    }
    out
}
