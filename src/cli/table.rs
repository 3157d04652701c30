//! Plain-text tables for the CLI's `--format table` output: a header row, a
//! rule, the rows, padded by display width so Chinese text lines up.

use crate::text::{clean, truncate, width};
use std::borrow::Cow;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A plain-text table: a header row, a rule, the rows; columns padded by
/// display width.
pub struct Table {
    columns: Vec<(Cow<'static, str>, Align, usize)>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// Columns as (header, alignment, maximum width).
    pub fn new(columns: Vec<(&'static str, Align, usize)>) -> Table {
        Table::headed(
            columns
                .into_iter()
                .map(|(h, a, w)| (Cow::Borrowed(h), a, w))
                .collect(),
        )
    }

    /// Columns whose headers are made when the table is (a period's name).
    pub fn headed(columns: Vec<(Cow<'static, str>, Align, usize)>) -> Table {
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
                    .chain([width(h.as_ref())])
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
