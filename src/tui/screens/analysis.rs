//! View 6: the sales result analysis (spec section 7) of the last 365 days,
//! read-only. The state holds the figures and how far the page is scrolled;
//! it also decides the page's parts and their heights, so scrolling stops
//! where the view's last line is.

use super::pipeline::movement;
use super::{Cmd, Cx};
use crate::domain::analysis::{self, Analysis};
use crate::domain::{Date, Workspace};
use crate::tui::cursor::ListCursor;
use crate::tui::keymap::{Action, Scope};

/// From this width on the parts sit in two columns.
pub const TWO_COLUMNS: u16 = 120;

/// A part of the page: a heading, its lines, a blank line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Results,
    People,
    LossReasons,
    WinReasons,
    Stages,
    Competitors,
    Tiers,
    Products,
}

/// The left column (or the top of the one column): the outcome and why.
pub const LEFT: [Part; 4] = [
    Part::Results,
    Part::People,
    Part::LossReasons,
    Part::WinReasons,
];
/// The right column (or the rest of the one column): where and against whom.
pub const RIGHT: [Part; 4] = [Part::Stages, Part::Competitors, Part::Tiers, Part::Products];

/// Lines of a part between its heading and the blank line after it.
pub fn body_lines(part: Part, a: &Analysis) -> usize {
    let rows = match part {
        // and a line on where the closed deals are, when none is in range
        Part::Results => 5 + usize::from(hint(a).is_some()),
        Part::People => 2,
        Part::LossReasons => a.by_reason.len(),
        Part::WinReasons => a.by_win_reason.len(),
        Part::Stages => a.by_stage_reached.len(),
        Part::Competitors => a.by_competitor.len(),
        Part::Tiers => a.by_tier.len(),
        Part::Products => a.by_product.len(),
    };
    // an empty list still says "none"
    rows.max(1)
}

/// Where the closed deals are when none closed in the range.
pub fn hint(a: &Analysis) -> Option<(usize, Date, Date)> {
    a.outside.filter(|_| a.is_empty())
}

fn height(parts: &[Part], a: &Analysis) -> usize {
    parts.iter().map(|p| body_lines(*p, a) + 2).sum()
}

/// The lines of the page at this width: the taller column, or both.
pub fn content_height(a: &Analysis, width: u16) -> usize {
    if width >= TWO_COLUMNS {
        height(&LEFT, a).max(height(&RIGHT, a))
    } else {
        height(&LEFT, a) + height(&RIGHT, a)
    }
}

/// Rows the page shows on a terminal `rows` high: all but the title, the
/// hint line and the page's own top border.
pub fn visible_rows(rows: u16) -> usize {
    usize::from(rows.saturating_sub(3))
}

/// The furthest the page scrolls: its last line at the bottom.
pub fn max_scroll(a: &Analysis, (width, rows): (u16, u16)) -> usize {
    content_height(a, width).saturating_sub(visible_rows(rows))
}

#[derive(Debug, Default)]
pub struct AnalysisState {
    /// The figures, as of the last change.
    pub analysis: Option<Analysis>,
    /// The first line shown.
    pub scroll: ListCursor,
}

impl AnalysisState {
    pub fn scopes(&self) -> &'static [Scope] {
        // the page scrolls rather than moving a selection: its own keys, so
        // help says "scroll", not "move down"
        &[Scope::Analysis, Scope::Global, Scope::Always]
    }

    /// The figures over the 365 days up to today.
    pub fn refresh(&mut self, ws: &Workspace, today: Date) {
        let (from, to) = analysis::default_range(today);
        self.analysis = Some(analysis::analyse(ws, from, to));
    }

    /// Scrolls; the page has nothing to act on. `size` is the terminal's
    /// (80×24 until it is known).
    pub fn on_action(&mut self, action: Action, _cx: &Cx, size: Option<(u16, u16)>) -> Vec<Cmd> {
        let (Some(m), Some(a)) = (movement(action), &self.analysis) else {
            return Vec::new();
        };
        let size = size.unwrap_or((80, 24));
        let last = max_scroll(a, size);
        self.scroll.apply(m, last + 1, visible_rows(size.1));
        Vec::new()
    }
}
