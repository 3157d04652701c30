//! CSV for spreadsheets: RFC 4180 quoting, and text cells guarded against
//! formula injection (a cell starting with `=`, `+`, `-` or `@` would run as
//! a formula when the file is opened in a spreadsheet).

use crate::text::clean;

/// One CSV line of already-chosen cells.
pub fn line(cells: &[Cell]) -> String {
    let mut out = String::new();
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let text = match cell {
            Cell::Text(t) => guard(&clean(t)),
            Cell::Number(n) => n.clone(),
        };
        if text.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&text.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&text);
        }
    }
    out.push('\n');
    out
}

/// A cell: user text (guarded) or a number we formatted (left as is).
pub enum Cell {
    Text(String),
    Number(String),
}

fn guard(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_quotes_doubled() {
        let l = line(&[
            Cell::Text("=HYPERLINK(\"x\")".into()),
            Cell::Text("a, b".into()),
            Cell::Number("1234.5".into()),
            Cell::Text("@SUM(A1)".into()),
        ]);
        assert_eq!(l, "\"'=HYPERLINK(\"\"x\"\")\",\"a, b\",1234.5,'@SUM(A1)\n");
    }
}
