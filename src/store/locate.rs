//! Finds where a value sits in a JSON text, so that problems found after
//! parsing (a duplicate id, a dangling reference) can be reported by line and
//! column like parse errors. Runs only when there is something to report, on
//! text that has already parsed.

use crate::domain::validate::Seg;

/// The byte offset where the value at `path` starts, if it is there.
pub fn offset_of(text: &str, path: &[Seg]) -> Option<usize> {
    let mut s = Scan {
        b: text.as_bytes(),
        i: 0,
    };
    s.space();
    for seg in path {
        match seg {
            Seg::Key(key) => s.enter_member(key)?,
            Seg::Index(n) => s.enter_element(*n)?,
        }
        s.space();
    }
    Some(s.i)
}

/// One-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Converts serde_json's line and byte column (the 1-based column of the
/// last byte it read) into a 1-based column in characters.
pub fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(line_text) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column.max(1);
    };
    if byte_column >= line_text.len() {
        return (line_text.chars().count() + (byte_column - line_text.len())).max(1);
    }
    let mut end = byte_column;
    while !line_text.is_char_boundary(end) {
        end += 1;
    }
    line_text[..end].chars().count().max(1)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

struct Scan<'a> {
    b: &'a [u8],
    i: usize,
}

impl Scan<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        self.space();
        (self.peek()? == c).then(|| self.i += 1)
    }

    /// Positions at the value of member `key` of the object here.
    fn enter_member(&mut self, key: &str) -> Option<()> {
        self.eat(b'{')?;
        loop {
            self.space();
            if self.peek()? == b'}' {
                return None;
            }
            let found = self.string()?;
            self.eat(b':')?;
            self.space();
            if found == key {
                return Some(());
            }
            self.skip_value()?;
            self.space();
            if self.peek()? == b',' {
                self.i += 1;
            }
        }
    }

    /// Positions at element `n` of the array here.
    fn enter_element(&mut self, n: usize) -> Option<()> {
        self.eat(b'[')?;
        for _ in 0..n {
            self.space();
            self.skip_value()?;
            self.eat(b',')?;
        }
        self.space();
        (self.peek()? != b']').then_some(())
    }

    /// Reads a string token and returns its decoded text.
    fn string(&mut self) -> Option<String> {
        let start = self.i;
        if self.peek()? != b'"' {
            return None;
        }
        self.i += 1;
        let mut escaped = false;
        loop {
            match self.peek()? {
                b'\\' => {
                    escaped = true;
                    self.i += 2;
                }
                b'"' => {
                    self.i += 1;
                    break;
                }
                _ => self.i += 1,
            }
        }
        let token = std::str::from_utf8(self.b.get(start..self.i)?).ok()?;
        if escaped {
            serde_json::from_str(token).ok()
        } else {
            Some(token[1..token.len() - 1].to_owned())
        }
    }

    fn skip_value(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => self.string().map(drop),
            open @ (b'{' | b'[') => {
                let close = if open == b'{' { b'}' } else { b']' };
                self.i += 1;
                loop {
                    self.space();
                    match self.peek()? {
                        c if c == close => {
                            self.i += 1;
                            return Some(());
                        }
                        b',' | b':' => self.i += 1,
                        _ => self.skip_value()?,
                    }
                }
            }
            _ => {
                while !matches!(
                    self.peek(),
                    None | Some(b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t')
                ) {
                    self.i += 1;
                }
                Some(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "{\n  \"a\": [1, {\"x\": \"\\\"}\"}, {\"名\": \"王总\", \"id\": \"o2\"}],\n  \"b\": {\"c\": null}\n}\n";

    fn at(path: &[Seg]) -> (usize, usize) {
        line_column(TEXT, offset_of(TEXT, path).unwrap())
    }

    #[test]
    fn finds_members_and_elements_past_tricky_strings() {
        assert_eq!(at(&[Seg::Key("b".into()), Seg::Key("c".into())]), (3, 14));
        assert_eq!(
            at(&[Seg::Key("a".into()), Seg::Index(2), Seg::Key("id".into())]),
            (2, 44)
        );
        assert_eq!(
            offset_of(TEXT, &[Seg::Key("a".into()), Seg::Index(3)]),
            None
        );
        assert_eq!(offset_of(TEXT, &[Seg::Key("zz".into())]), None);
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "\"王总\" x";
        assert_eq!(line_column(text, text.find('x').unwrap()), (1, 6));
        // serde_json's byte column 10 (the x) is character column 6
        assert_eq!(char_column(text, 1, 10), 6);
        // a byte column inside 王 is 王's column
        assert_eq!(char_column(text, 1, 3), 2);
    }
}
