//! Guessing the delimiter of an export: Excel in many locales writes `;`,
//! database dumps use tab or `|`. The delimiter whose count is the same on
//! the header line and the first rows wins, quotes respected, so a comma
//! inside `"1,250.00"` does not vote for the comma.

const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];
/// Enough lines to see a pattern, few enough to stay instant on big files.
const LINES: usize = 20;

/// The delimiter of `text`; a comma when nothing else is convincing.
pub fn delimiter(text: &str) -> u8 {
    let mut best = (b',', 0usize, 0usize);
    for c in CANDIDATES {
        let counts = counts(text, c);
        let Some(&first) = counts.first() else {
            continue;
        };
        if first == 0 {
            continue;
        }
        // rows agreeing with the header, then more columns, decide
        let agree = counts.iter().filter(|n| **n == first).count();
        if (agree, first) > (best.1, best.2) {
            best = (c, agree, first);
        }
    }
    best.0
}

/// How many times `c` occurs outside quotes on each of the first lines
/// (a quoted field may span lines: it stays in its record).
fn counts(text: &str, c: u8) -> Vec<usize> {
    let mut out = Vec::new();
    let (mut quoted, mut n) = (false, 0usize);
    for &b in text.as_bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                out.push(n);
                n = 0;
                if out.len() == LINES {
                    return out;
                }
            }
            _ if b == c && !quoted => n += 1,
            _ => {}
        }
    }
    if n > 0 {
        out.push(n);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::delimiter;

    #[test]
    fn the_delimiter_that_agrees_with_the_header_wins() {
        assert_eq!(delimiter("a;b;c\n1;\"2,5\";3\n4;5,5;6\n"), b';');
        assert_eq!(delimiter("a\tb\n1\t2,3\n"), b'\t');
        assert_eq!(delimiter("a|b|c\n1|2|3\n"), b'|');
        assert_eq!(delimiter("a,b\n\"x;y\",2\n"), b',');
        assert_eq!(delimiter("single\nvalue\n"), b',');
    }
}
