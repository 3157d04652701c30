//! Parsing a large workspace on two cores.
//!
//! The `opportunities` array is nearly all of the file, and each deal parses
//! on its own, so its two halves are parsed by two threads. The half-way
//! point is a guess (a line that starts an element with the first element's
//! indent; a raw newline never sits inside a JSON string) which the first
//! thread confirms by reaching it from the array's start: if it does not,
//! the guess is dropped and the first thread parses on alone.
//!
//! This path only ever answers with a workspace it can vouch for, one equal
//! to what the sequential parse gives. On any error, any unusual shape
//! (a compact file, `opportunities` not an array or spelled with escapes),
//! it answers `None` and the caller parses sequentially: errors are rare,
//! and that parse reports them exactly as before (same message, line,
//! column and path, the earliest one first) with no offsets to get wrong.

use crate::domain::validate;
use crate::domain::workspace::{Opportunity, Workspace};

/// Below this many bytes the second thread costs more than it saves, and
/// the file is parsed sequentially.
pub const THRESHOLD: usize = 2 << 20;

/// The workspace in `bytes`, or `None` when the sequential parse must
/// decide (see the module comment). A `Some` also proves `bytes` UTF-8:
/// every string was checked by the parser and everything between is ASCII.
///
/// Each deal's own lists are checked as soon as it is parsed, while it is
/// in the cache (afterwards, on 2 cores, it took 15-25 ms at 10,000 deals
/// for want of memory bandwidth): the second value lists the deals where
/// [`validate::deal_own_problems`] found something, for
/// [`validate::problems_after_parse`].
pub fn parse(bytes: &[u8]) -> Option<(Workspace, Vec<usize>)> {
    let start = opportunities_start(bytes)?;
    let first = skip_space(bytes, start + 1);
    let guess = halfway(bytes, start, first)?;
    let (head, second) = std::thread::scope(|s| {
        let second = s.spawn(|| elements(bytes, guess, None));
        let head = elements(bytes, first, Some(guess));
        let second = second
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (head, second)
    });
    let (mut deals, end) = match head? {
        Run::ArrayEnd(deals, end) => (deals, end),
        Run::ReachedStop(mut deals) => {
            let Run::ArrayEnd(mut rest, end) = second? else {
                return None;
            };
            let before = deals.list.len();
            deals
                .flagged
                .extend(rest.flagged.iter().map(|n| n + before));
            deals.list.append(&mut rest.list);
            (deals, end)
        }
    };
    // Everything but the array, parsed by the real deserializer: the head
    // and tail are checked exactly as in the whole file, and a second
    // `opportunities` key is refused as a duplicate like there.
    let mut rest = Vec::with_capacity(bytes.len() - (end - start) + 2);
    rest.extend_from_slice(&bytes[..start]);
    rest.extend_from_slice(b"[]");
    rest.extend_from_slice(&bytes[end..]);
    let mut ws: Workspace = serde_json::from_slice(&rest).ok()?;
    if !ws.opportunities.is_empty() {
        return None;
    }
    std::mem::swap(&mut ws.opportunities, &mut deals.list);
    Some((ws, deals.flagged))
}

/// Deals parsed, and which of them (counted from the first of these) have
/// problems of their own.
#[derive(Default)]
struct Deals {
    list: Vec<Opportunity>,
    flagged: Vec<usize>,
}

/// How a run of elements ended.
enum Run {
    /// The array closed; the byte after its `]`.
    ArrayEnd(Deals, usize),
    /// The next element starts where the other thread began.
    ReachedStop(Deals),
}

/// Parses the array's elements from `at` (the start of one) to the array's
/// end, or until the element that starts at `stop`. Elements are parsed one
/// by one, each from its own bytes, which gives the same record as parsing
/// it inside the array.
///
/// The run's bytes are checked as UTF-8 in one pass first (up to `stop`,
/// then the rest if it goes on), so the parser reads them as text and does
/// not check each string on its own: a million short checks cost more.
fn elements(bytes: &[u8], mut at: usize, mut stop: Option<usize>) -> Option<Run> {
    let mut deals = Deals::default();
    if bytes.get(at) == Some(&b']') {
        return Some(Run::ArrayEnd(deals, at + 1));
    }
    // `at` starts an element, a character boundary, as does `stop`
    let mut end = stop.filter(|&s| s > at).unwrap_or(bytes.len());
    let mut text = std::str::from_utf8(&bytes[at..end]).ok()?;
    let mut base = at;
    loop {
        match stop {
            Some(s) if s == at => return Some(Run::ReachedStop(deals)),
            // the guess fell inside an element: not a boundary after all
            Some(s) if s < at => stop = None,
            _ => {}
        }
        let (deal, used) = match one(&text[at - base..]) {
            Some(parsed) => parsed,
            // an element that runs past the guess: the rest of the file,
            // checked once, and this element again
            None if end < bytes.len() => {
                end = bytes.len();
                text = std::str::from_utf8(&bytes[at..]).ok()?;
                base = at;
                one(text)?
            }
            None => return None,
        };
        if !validate::deal_own_problems(0, &deal).is_empty() {
            deals.flagged.push(deals.list.len());
        }
        deals.list.push(deal);
        at = skip_space(bytes, at + used);
        match bytes.get(at)? {
            b',' => at = skip_space(bytes, at + 1),
            b']' => return Some(Run::ArrayEnd(deals, at + 1)),
            _ => return None,
        }
    }
}

/// The deal at the start of `text`, and how many bytes it took.
fn one(text: &str) -> Option<(Opportunity, usize)> {
    let mut one = serde_json::Deserializer::from_str(text).into_iter::<Opportunity>();
    let deal = one.next()?.ok()?;
    Some((deal, one.byte_offset()))
}

/// Where the value of the root object's `opportunities` member starts, if
/// it is an array. Other members are skipped by matching brackets outside
/// strings; if the file is not what this reading assumes, the parse of
/// everything but the array (in [`parse`]) fails and the caller falls back.
fn opportunities_start(b: &[u8]) -> Option<usize> {
    let mut i = skip_space(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    loop {
        i = skip_space(b, i + 1);
        let key_end = string_end(b, i)?;
        let key = &b[i + 1..key_end - 1];
        i = skip_space(b, key_end);
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = skip_space(b, i + 1);
        if key == b"opportunities" {
            return (b.get(i) == Some(&b'[')).then_some(i);
        }
        i = skip_space(b, value_end(b, i)?);
        if b.get(i) != Some(&b',') {
            return None;
        }
    }
}

/// A guess at an element near the middle of what follows `start`: a line
/// holding `{` at the indent of the first element, after a comma.
fn halfway(b: &[u8], start: usize, first: usize) -> Option<usize> {
    let line_start = b[start..first].iter().rposition(|&c| c == b'\n')? + start + 1;
    let indent = &b[line_start..first];
    let mut i = start + (b.len() - start) / 2;
    loop {
        i += b[i..].iter().position(|&c| c == b'\n')? + 1;
        let at = i + indent.len();
        if b[i..].starts_with(indent) && b.get(at) == Some(&b'{') && b[i - 2] == b',' {
            return Some(at);
        }
    }
}

/// JSON's whitespace (narrower than `is_ascii_whitespace`).
fn skip_space(b: &[u8], mut i: usize) -> usize {
    while matches!(b.get(i), Some(b' ' | b'\n' | b'\r' | b'\t')) {
        i += 1;
    }
    i
}

/// The byte after the string that starts at `i`.
fn string_end(b: &[u8], i: usize) -> Option<usize> {
    if b.get(i) != Some(&b'"') {
        return None;
    }
    let mut j = i + 1;
    loop {
        match b.get(j)? {
            b'"' => return Some(j + 1),
            b'\\' => j += 2,
            _ => j += 1,
        }
    }
}

/// The byte after the value that starts at `i`.
fn value_end(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i)? {
        b'"' => string_end(b, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            loop {
                match b.get(j)? {
                    b'"' => j = string_end(b, j)?,
                    b'{' | b'[' => {
                        depth += 1;
                        j += 1;
                    }
                    b'}' | b']' => {
                        depth -= 1;
                        j += 1;
                        if depth == 0 {
                            return Some(j);
                        }
                    }
                    _ => j += 1,
                }
            }
        }
        _ => Some(
            i + b[i..]
                .iter()
                .position(|c| matches!(c, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t'))?,
        ),
    }
}

#[cfg(test)]
#[path = "split_tests.rs"]
mod tests;
