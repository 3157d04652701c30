//! View 3, Funnel: the pipeline drawn by stage, the figures of the funnel,
//! and the stalled and slipping deals to look at.

use super::compact;
use crate::domain::Stage;
use crate::domain::metrics::TIME_SHARE;
use crate::i18n;
use crate::text::{clean, truncate};
use crate::tf;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let Some(m) = &app.screens.funnel.metrics else {
        return;
    };
    let [left, right] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(area);
    let [chart, deals] =
        Layout::vertical([Constraint::Length(13), Constraint::Fill(1)]).areas(left);

    let by = if app.screens.funnel.by_value {
        i18n::t("Funnel by value (v)")
    } else {
        i18n::t("Funnel by count (v)")
    };
    let block = Block::new()
        .borders(Borders::TOP | Borders::RIGHT)
        .title(Span::styled(format!(" {by} "), t.focused_heading()));
    let inner = block.inner(chart);
    frame.render_widget(block, chart);
    let amount = |s: &crate::domain::metrics::StageFigures| {
        if app.screens.funnel.by_value {
            s.sum.value.cents() as f64
        } else {
            s.sum.count as f64
        }
    };
    let max = m.stages.iter().map(amount).fold(0.0, f64::max).max(1.0);
    let room = inner.width.saturating_sub(2) as usize;
    let mut lines = Vec::new();
    for s in &m.stages {
        let width = ((amount(s) / max) * room as f64)
            .round()
            .max(if s.sum.count > 0 { 1.0 } else { 0.0 }) as usize;
        let pad = (room - width.min(room)) / 2;
        lines.push(Line::from(vec![
            Span::raw(" ".repeat(pad + 1)),
            Span::styled("█".repeat(width.min(room)), t.stage(s.stage)),
        ]));
        let label = format!(
            "{} · {} · {} · {}{}",
            s.stage.name(),
            crate::text::count(s.sum.count as i64, "deal", "deals"),
            compact(s.sum.value),
            tf!("w {amount}", amount = compact(s.sum.weighted)),
            if s.stalled > 0 {
                format!(
                    " · {}",
                    tf!("{n} stalled", n = crate::text::grouped(s.stalled as i64))
                )
            } else {
                String::new()
            }
        );
        let label = truncate(&label, room).into_owned();
        let pad = (room.saturating_sub(crate::text::width(&label))) / 2;
        lines.push(Line::from(vec![
            Span::raw(" ".repeat(pad + 1)),
            Span::raw(label),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);

    let block = Block::new().borders(Borders::TOP | Borders::RIGHT);
    let list = app.screens.funnel.deals(&app.ws, app.today);
    let title = super::list_title(
        &[
            i18n::t("Stalled and slipping"),
            &super::position(app.screens.funnel.cursor.at(), list.len(), ""),
            i18n::t("Enter jumps"),
        ],
        usize::from(deals.width),
    );
    let block = block.title(Span::styled(title, t.heading()));
    let inner = block.inner(deals);
    frame.render_widget(block, deals);
    let room = inner.height as usize;
    let offset = app.screens.funnel.cursor.offset(room);
    super::record_window(
        app,
        crate::tui::cursor::List::Funnel,
        (deals, inner.y),
        (offset, list.len(), room),
    );
    let lines: Vec<Line> = list
        .iter()
        .enumerate()
        .skip(offset)
        .take(room)
        .map(|(n, (i, why))| {
            let o = &app.ws.opportunities[*i];
            let text = truncate(
                &format!("{} · {why}", clean(&o.title)),
                inner.width as usize,
            )
            .into_owned();
            Line::from(Span::styled(
                text,
                if n == app.screens.funnel.cursor.at() {
                    t.selected()
                } else {
                    t.warning()
                },
            ))
        })
        .collect();
    frame.render_widget(
        if lines.is_empty() {
            Paragraph::new(i18n::t("none"))
        } else {
            Paragraph::new(lines)
        },
        inner,
    );

    let pct = |x: Option<f64>| x.map_or("—".to_owned(), |x| format!("{:.0}%", x * 100.0));
    let mut lines = vec![
        Line::from(Span::styled(i18n::t("Results"), t.heading())),
        Line::raw(format!(
            " {}",
            tf!(
                "win rate {rate} ({won} won, {lost} lost)",
                rate = pct(m.win_rate),
                won = super::grouped(m.won.count),
                lost = super::grouped(m.lost.count)
            )
        )),
        Line::raw(format!(
            " {}",
            tf!(
                "sales velocity {velocity}",
                velocity = m.velocity.map_or("—".into(), |v| tf!(
                    "{amount} {currency} a day",
                    amount = crate::domain::Money((v * 100.0) as i64).grouped(),
                    currency = clean(&app.ws.settings.currency)
                ))
            )
        )),
        Line::raw(""),
        Line::from(Span::styled(
            i18n::t("Conversion and days per stage"),
            t.heading(),
        )),
    ];
    for ((from, to, rate), (_, days)) in m.conversion.iter().zip(&m.days_per_stage) {
        lines.push(Line::raw(format!(
            " {}",
            tf!(
                "{from} → {to}: {rate} · {days} in {from}",
                from = from.label(),
                to = to.label(),
                rate = pct(*rate),
                days = days.map_or(i18n::t("— days").to_owned(), |d| crate::text::days(
                    d.round() as i64
                ))
            )
        )));
    }
    let b = m.balance;
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(i18n::t("Balance"), t.heading())));
    lines.push(Line::raw(format!(
        " {}",
        tf!(
            "best few {best} · in the funnel {in_funnel} · above {above}",
            best = super::grouped(b.best_few),
            in_funnel = super::grouped(b.in_funnel),
            above = super::grouped(b.above)
        )
    )));
    lines.push(Line::from(if b.healthy() {
        Span::styled(format!(" {}", i18n::t("a healthy funnel shape")), t.good())
    } else {
        Span::styled(
            format!(" {}", i18n::t("not a funnel shape: feed it from above")),
            t.warning(),
        )
    }));
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        i18n::t("Time: the course's share vs your open actions"),
        t.heading(),
    )));
    for s in Stage::ALL {
        lines.push(Line::raw(format!(
            " {} {:>3.0}% vs {:>3.0}%", // i18n-exempt: `vs` reads in both languages
            super::pad_right(&s.shown(), 9),
            TIME_SHARE[s.index()] * 100.0,
            m.action_share[s.index()] * 100.0
        )));
    }
    let block = Block::new().borders(Borders::TOP).title(Span::styled(
        format!(" {} ", i18n::t("Figures")),
        t.heading(),
    ));
    let inner = block.inner(right);
    frame.render_widget(block, right);
    let text = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(1),
        ..inner
    };
    let lines = super::wrapped_or_cut(lines, usize::from(text.width), usize::from(text.height));
    frame.render_widget(Paragraph::new(lines), text);
}
