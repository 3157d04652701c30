//! The merge conflicts' list: where each conflict is in words, ours,
//! theirs and the base, and the selected one in full with its raw path.

use crate::domain::conflict_place::{place, place_parts, value_of};
use crate::i18n::t;
use crate::text::{clean, width};
use crate::tui::app::App;
use crate::tui::cursor::List;
use crate::tui::dialog::ConflictList;
use ratatui::Frame;
use ratatui::layout::{Constraint, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, Table};

/// The detail of the selected conflict: path, ours, theirs, base, and
/// the value line (typed, or blank), a blank and the keys.
const BELOW: u16 = 8;

pub fn draw(app: &App, list: &ConflictList, keys: &str, frame: &mut Frame, area: Rect) {
    let th = &app.theme;
    let conflicts = &app.ws.conflicts;
    // as tall as the conflicts need, up to the screen less its title and
    // status lines: a few conflicts do not leave a screen of blank rows
    let need = (conflicts.len() as u16).saturating_add(BELOW + 4);
    let rect = Rect {
        y: area.y + 1,
        height: need.min(area.height.saturating_sub(2)),
        ..area
    };
    super::dialogs::clear(frame, rect);
    let at = list.cursor.at().min(conflicts.len().saturating_sub(1));
    let title = super::list_title(
        &[
            t("Merge conflicts"),
            &super::position(at, conflicts.len(), ""),
        ],
        usize::from(rect.width),
    );
    let block = Block::bordered().title(Span::styled(title, th.title()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let rows_h = inner.height.saturating_sub(BELOW + 1);
    let table_area = Rect {
        height: rows_h + 1,
        ..inner
    };
    let detail_area = Rect {
        y: inner.y + rows_h + 1,
        height: inner.height.saturating_sub(rows_h + 1),
        ..inner
    };

    let widths = [
        Constraint::Fill(5),
        Constraint::Fill(3),
        Constraint::Fill(3),
        Constraint::Fill(3),
    ];
    let cols = super::column_widths(&widths, inner.width, 1);
    let cell = |text: &str, w: usize| crate::text::truncate(&clean(text), w).into_owned();
    let header = Row::new(
        [t("where"), t("ours"), t("theirs"), t("base")]
            .iter()
            .zip(&cols)
            .map(|(h, w)| cell(h, *w)),
    )
    .style(th.heading());
    let height = usize::from(rows_h);
    app.pages.drawn(List::Conflicts, height.max(1));
    let offset = list.cursor.offset(height);
    // only the rows shown are built (and only they name their deal)
    let rows: Vec<Row> = conflicts
        .iter()
        .skip(offset)
        .take(height)
        .map(|c| {
            Row::new([
                fit(&place_parts(&app.ws, c), cols[0]),
                cell(&value_of(c, &c.ours), cols[1]),
                cell(&value_of(c, &c.theirs), cols[2]),
                cell(&value_of(c, &c.base), cols[3]),
            ])
        })
        .collect();
    let mut state = list.cursor.window_state(height);
    frame.render_stateful_widget(
        Table::new(rows, widths)
            .header(header)
            .column_spacing(1)
            .row_highlight_style(th.selected()),
        table_area,
        &mut state,
    );

    let Some(c) = conflicts.get(at) else { return };
    let room = usize::from(detail_area.width);
    let labels = [
        t("path"),
        t("ours (here)"),
        t("theirs (merged in)"),
        t("base (before both)"),
        t("value:"),
    ];
    let label_w = labels.iter().map(|l| width(l)).max().unwrap_or(0) + 2;
    let line = |label: &str, value: &str, style| {
        let label = super::pad_right(label, label_w);
        let value = clean(value);
        let value = crate::text::truncate(&value, room.saturating_sub(label_w)).into_owned();
        Line::from(vec![
            Span::styled(label, th.dim()),
            Span::styled(value, style),
        ])
    };
    let plain = ratatui::style::Style::new();
    let mut lines = vec![
        Line::from(Span::styled(
            crate::text::truncate(&clean(&place(&app.ws, c)), room).into_owned(),
            th.heading(),
        )),
        line(labels[0], &c.path, th.dim()),
        line(labels[1], &value_of(c, &c.ours), plain),
        line(labels[2], &value_of(c, &c.theirs), plain),
        line(labels[3], &value_of(c, &c.base), plain),
    ];
    let mut cursor = None;
    if let Some(typed) = &list.edit {
        let value = clean(typed.value());
        lines.push(Line::from(vec![
            Span::styled(super::pad_right(labels[4], label_w), th.key()),
            Span::styled(
                crate::text::truncate_start(&value, room.saturating_sub(label_w + 1)).into_owned(),
                th.selected(),
            ),
        ]));
        let before: String = typed.value().chars().take(typed.cursor()).collect();
        let x = (label_w + width(&clean(&before))).min(room.saturating_sub(1));
        cursor = Some(Position::new(
            detail_area.x + x as u16,
            detail_area.y + lines.len() as u16 - 1,
        ));
    } else {
        lines.push(Line::default());
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        crate::text::truncate(keys, room).into_owned(),
        th.dim(),
    )));
    frame.render_widget(Paragraph::new(lines), detail_area);
    if let Some(p) = cursor.filter(|p| p.y < detail_area.bottom()) {
        frame.set_cursor_position(p);
    }
}

/// `parts` joined with ` · ` in `room` columns: what does not fit is cut
/// from the first part (a long deal title), the rest (the person, the
/// field) kept whole while it takes at most two thirds of the room.
fn fit(parts: &[String], room: usize) -> String {
    let parts: Vec<String> = parts.iter().map(|p| clean(p).into_owned()).collect();
    let whole = parts.join(" · ");
    if width(&whole) <= room {
        return whole;
    }
    if let Some((head, tail)) = parts.split_first()
        && !tail.is_empty()
    {
        // the person and the field, else the field alone
        let field = &tail[tail.len() - 1..];
        for tail in [tail, field] {
            let tail = tail.join(" · ");
            if width(&tail) + 3 <= room * 2 / 3 {
                let head = crate::text::truncate(head, room - width(&tail) - 3);
                return format!("{head} · {tail}");
            }
        }
    }
    crate::text::truncate(&whole, room).into_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_narrow_column_cuts_the_title_and_keeps_the_field() {
        let parts = [
            "Fleet telematics pilot, 40 trucks".to_owned(),
            "value".to_owned(),
        ];
        assert_eq!(super::fit(&parts, 25), "Fleet telematics… · value");
        assert_eq!(
            super::fit(&parts, 60),
            "Fleet telematics pilot, 40 trucks · value"
        );
        let long = ["ERP".to_owned(), "a very long field name indeed".to_owned()];
        assert_eq!(super::fit(&long, 20), "ERP · a very long f…");
        let three = [
            "Fleet telematics pilot".to_owned(),
            "Katrin".to_owned(),
            "attitude".to_owned(),
        ];
        assert_eq!(super::fit(&three, 30), "Fleet tel… · Katrin · attitude");
        assert_eq!(super::fit(&three, 24), "Fleet telema… · attitude");
    }
}
