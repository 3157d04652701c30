//! The political map of the selected deal (政治地图): the power lines as a
//! tree from `reports_to`, the core circle, and attitude and coverage on
//! every person, with the method's advice for the one selected.

use crate::domain::influence::{in_core_circle, power_tree};
use crate::domain::{Influence, advice};
use crate::i18n;
use crate::text::clean;
use crate::tf;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

pub fn draw(app: &App, selected: usize, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let Some(o) = app.current_opportunity() else {
        return;
    };
    let title = format!(
        " {} ",
        tf!("Political map 政治地图 · {title}", title = clean(&o.title))
    );
    let block = Block::bordered().title(Span::styled(title, t.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let wide = inner.width >= 110;
    let people = o.influences.len().max(1) as u16;
    let [tree_area, side] = if wide {
        Layout::horizontal([Constraint::Fill(3), Constraint::Fill(2)]).areas(inner)
    } else {
        // the tree takes the rows it needs (up to half), the advice the rest
        Layout::vertical([
            Constraint::Length(people.min(inner.height / 2)),
            Constraint::Fill(1),
        ])
        .areas(inner)
    };
    let tree = power_tree(&o.influences);
    let selected = selected.min(tree.len().saturating_sub(1));
    let mut lines = Vec::new();
    if tree.is_empty() {
        lines.push(Line::from(Span::styled(
            i18n::t("Nobody on the map yet: close this (Esc) and press a in the influence pane."),
            t.warning(),
        )));
    }
    // last[k]: whether the ancestor at depth k was the last of its siblings,
    // which decides between a │ rail and blank space under it
    let mut last: Vec<bool> = Vec::new();
    for (row, &(i, depth)) in tree.iter().enumerate() {
        let is_last = tree[row + 1..]
            .iter()
            .find(|(_, d)| *d <= depth)
            .is_none_or(|(_, d)| *d < depth);
        last.truncate(depth);
        last.push(is_last);
        let mut prefix = String::new();
        for ancestor_was_last in last.iter().take(depth).skip(1) {
            prefix.push_str(if *ancestor_was_last { "   " } else { "│  " });
        }
        if depth > 0 {
            prefix.push_str(if is_last { "└─ " } else { "├─ " });
        }
        let p = &o.influences[i];
        let mut spans = vec![Span::styled(prefix, t.dim())];
        spans.extend(node(app, p));
        let line = Line::from(spans);
        lines.push(if row == selected {
            line.style(t.selected())
        } else {
            line
        });
    }
    let room = tree_area.height as usize;
    let offset = selected.saturating_sub(room.saturating_sub(1));
    let place = (tree_area, tree_area.y);
    super::record_window(
        app,
        crate::tui::cursor::List::Map,
        place,
        (offset, tree.len(), room),
    );
    // a row longer than the pane is cut with `…`, never silently
    let shown: Vec<Line> = lines.into_iter().skip(offset).collect();
    frame.render_widget(
        Paragraph::new(super::truncated(shown, usize::from(tree_area.width))),
        tree_area,
    );

    let mut notes = vec![Line::from(Span::styled(
        i18n::t(
            "◉ core circle (high influence)  * champion + supporter = neutral - non-supporter X hostile ? unknown  ●●● coverage, ○○○ never met",
        ),
        t.dim(),
    ))];
    if let Some(&(i, _)) = tree.get(selected) {
        let p = &o.influences[i];
        notes.push(Line::raw(""));
        notes.push(Line::from(Span::styled(
            advice::attitude(p.attitude),
            t.attitude(p.attitude),
        )));
        notes.push(Line::raw(advice::mode(p.mode)));
        if let Some(style) = p.social_style {
            notes.push(Line::raw(advice::social_style(style)));
        }
        // each half only when it is known: an empty "personal win:" reads
        // as a fault
        match (p.result.is_empty(), p.win.is_empty()) {
            (false, false) => notes.push(Line::raw(tf!(
                "Result for the organisation: {result} · Personal win: {win}",
                result = clean(&p.result),
                win = clean(&p.win)
            ))),
            (false, true) => notes.push(Line::raw(tf!(
                "Result for the organisation: {result}",
                result = clean(&p.result)
            ))),
            (true, false) => notes.push(Line::raw(tf!("Personal win: {win}", win = clean(&p.win)))),
            (true, true) => {}
        }
    }
    notes.push(Line::from(Span::styled(
        i18n::t("j k move · Esc closes"),
        t.dim(),
    )));
    let rule = Block::new()
        .borders(if wide { Borders::LEFT } else { Borders::TOP })
        .border_style(t.dim());
    let side_inner = rule.inner(side);
    frame.render_widget(rule, side);
    let side_inner = if wide {
        Rect {
            x: side_inner.x + 1,
            width: side_inner.width.saturating_sub(1),
            ..side_inner
        }
    } else {
        side_inner
    };
    // wrapped as Chinese breaks (between characters, never before ，。)
    let notes = super::wrapped(notes, usize::from(side_inner.width));
    frame.render_widget(Paragraph::new(notes), side_inner);
}

/// One person on the map: core mark, attitude, name, title, roles, coverage.
fn node(app: &App, p: &Influence) -> Vec<Span<'static>> {
    let t = &app.theme;
    let roles: Vec<String> = p.roles.iter().map(|r| r.label()).collect();
    let core = if in_core_circle(p) { "◉ " } else { "  " };
    let coverage_style = if p.coverage.0 == 0 {
        t.warning()
    } else {
        Style::new()
    };
    let days = p.last_contact.map_or(String::new(), |d| {
        format!(" · {}", tf!("{n}d ago", n = d.days_until(app.today)))
    });
    vec![
        Span::styled(core.to_owned(), t.heading()),
        Span::styled(
            format!("{} {}", p.attitude.symbol(), clean(&p.name)),
            t.attitude(p.attitude),
        ),
        Span::raw(format!(" {}", clean(&p.title))),
        Span::styled(
            if roles.is_empty() {
                format!(" · {}", i18n::t("no role"))
            } else {
                format!(" · {}", roles.join("+"))
            },
            t.dim(),
        ),
        Span::styled(
            format!(" · {} {}", gauge(p.coverage.0), coverage_name(p.coverage.0)),
            coverage_style,
        ),
        Span::styled(days, t.dim()),
    ]
}

pub fn gauge(coverage: u8) -> String {
    (0..3)
        .map(|n| if n < coverage { '●' } else { '○' })
        .collect()
}

fn coverage_name(c: u8) -> &'static str {
    i18n::t(match c {
        0 => "never met",
        1 => "introduction",
        2 => "one-to-one",
        _ => "quality time",
    })
}
