//! The output boundary for plain text: user data never brings control or
//! bidi-override characters to the terminal, and columns line up with
//! Chinese (double-width) text.

use crate::store::serialize::is_unsafe_char;
use std::borrow::Cow;
use unicode_width::UnicodeWidthStr;

/// `s` with line breaks and tabs turned into spaces and every other control
/// or bidi-override character removed.
pub fn clean(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe_char) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter_map(|c| match c {
                '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => Some(' '),
                c if is_unsafe_char(c) => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// Like [`clean`] but keeps line breaks (LF, and CRLF as iCalendar needs).
pub fn clean_lines(s: &str) -> String {
    s.split('\n')
        .map(|line| match line.strip_suffix('\r') {
            Some(body) => format!("{}\r", clean(body)),
            None => clean(line).into_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Display width in terminal columns.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `max` columns, ending with `…` when cut.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    Cow::Owned(out)
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A plain-text table: a header row, a rule, the rows; columns padded by
/// display width.
pub struct Table {
    columns: Vec<(&'static str, Align, usize)>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// Columns as (header, alignment, maximum width).
    pub fn new(columns: Vec<(&'static str, Align, usize)>) -> Table {
        Table {
            columns,
            rows: Vec::new(),
        }
    }

    /// Adds a row; cells are cleaned and cut to their column's maximum.
    pub fn row(&mut self, cells: Vec<String>) {
        let cells = cells
            .iter()
            .zip(&self.columns)
            .map(|(c, (_, _, max))| truncate(&clean(c), *max).into_owned())
            .collect();
        self.rows.push(cells);
    }

    pub fn render(&self) -> String {
        let widths: Vec<usize> = self
            .columns
            .iter()
            .enumerate()
            .map(|(i, (h, _, _))| {
                self.rows
                    .iter()
                    .map(|r| width(&r[i]))
                    .chain([width(h)])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        let header: Vec<String> = self.columns.iter().map(|(h, _, _)| h.to_string()).collect();
        self.line(&mut out, &header, &widths);
        let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
        self.line(&mut out, &rule, &widths);
        for row in &self.rows {
            self.line(&mut out, row, &widths);
        }
        out
    }

    fn line(&self, out: &mut String, cells: &[String], widths: &[usize]) {
        let mut line = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let pad = widths[i].saturating_sub(width(cell));
            if i > 0 {
                line.push_str("  ");
            }
            match self.columns[i].1 {
                Align::Left => {
                    line.push_str(cell);
                    line.push_str(&" ".repeat(pad));
                }
                Align::Right => {
                    line.push_str(&" ".repeat(pad));
                    line.push_str(cell);
                }
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_bidi_characters_never_pass() {
        assert_eq!(
            clean("王总\u{202E}gnp.exe\u{1b}[31m\nnext"),
            "王总gnp.exe[31m next"
        );
        assert!(matches!(clean("plain 文本"), Cow::Borrowed(_)));
    }

    #[test]
    fn wide_characters_are_aligned_and_cut_by_width() {
        let mut t = Table::new(vec![("NAME", Align::Left, 8), ("N", Align::Right, 5)]);
        t.row(vec!["长城润滑油公司".into(), "1".into()]);
        t.row(vec!["Acme".into(), "22".into()]);
        let out = t.render();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[2], "长城润…   1");
        assert_eq!(lines[3], "Acme     22");
        assert_eq!(width(lines[2]), width(lines[3]));
    }
}
