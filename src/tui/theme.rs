//! Colours that mean something, in one place. With `NO_COLOR` set every
//! style keeps only its modifiers (bold, reverse, dim), so meaning survives
//! in monochrome.

use crate::domain::forecast::Bucket;
use crate::domain::{Attitude, Stage};
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to anything non-empty.
    pub fn from_env() -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()), // i18n-exempt: an environment variable
        }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn stage(&self, s: Stage) -> Style {
        self.fg(match s {
            Stage::Qualify => Color::Blue,
            Stage::Drive => Color::Cyan,
            Stage::Propose => Color::Green,
            Stage::Negotiate => Color::Yellow,
            Stage::Close => Color::Magenta,
        })
    }

    pub fn attitude(&self, a: Attitude) -> Style {
        match a {
            Attitude::Champion => self.fg(Color::Green).add_modifier(Modifier::BOLD),
            Attitude::Supporter => self.fg(Color::Green),
            Attitude::Neutral => self.fg(Color::Gray),
            Attitude::NonSupporter => self.fg(Color::Yellow),
            Attitude::Hostile => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            Attitude::Unknown => self.fg(Color::DarkGray),
        }
    }

    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn focused_heading(&self) -> Style {
        self.fg(Color::Cyan)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn heading(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn warning(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn good(&self) -> Style {
        self.fg(Color::Green)
    }

    pub fn banner(&self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::Yellow)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn key(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// A part of the forecast's bars (view 7); the glyph tells them apart
    /// without colour.
    pub fn bucket(&self, b: Bucket) -> Style {
        self.fg(match b {
            Bucket::Won => Color::Green,
            Bucket::Commit => Color::Cyan,
            Bucket::BestCase => Color::Yellow,
            Bucket::Pipeline => Color::Blue,
            Bucket::Omitted => Color::DarkGray,
        })
    }

    /// The target's mark on the forecast's bars.
    pub fn target(&self) -> Style {
        self.fg(Color::Magenta).add_modifier(Modifier::BOLD)
    }
}
