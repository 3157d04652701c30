//! iCalendar (RFC 5545) text for actions: a VTODO per action (`actions`,
//! `export ics`) or a VEVENT per agenda entry (`agenda`), CRLF line ends,
//! lines folded at 75 octets, text escaped. Written by hand: the
//! format is small and exactness (folding, escaping) is the point.

use crate::domain::{Date, TimeOfDay};
use crate::text::clean;

/// Escapes a TEXT value (RFC 5545 3.3.11).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean(s).chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded so no line exceeds 75 octets (never inside a
/// character), ended with CRLF.
pub fn line(out: &mut String, name: &str, value: &str) {
    let full = format!("{name}:{value}"); // i18n-exempt: RFC 5545
    let mut width = 0;
    for c in full.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

pub fn date(d: Date) -> String {
    d.0.format("%Y%m%d").to_string()
}

/// A multi-line TEXT value: each line escaped, joined by `\n`.
pub fn text(s: &str) -> String {
    let lines: Vec<String> = s.split('\n').map(escape).collect();
    lines.join("\\n")
}

/// A calendar's first lines, naming the product that wrote it.
fn begin(product: &str) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN", "VCALENDAR"); // i18n-exempt: RFC 5545
    line(&mut out, "VERSION", "2.0"); // i18n-exempt: RFC 5545
    line(&mut out, "PRODID", product); // i18n-exempt: RFC 5545
    line(&mut out, "CALSCALE", "GREGORIAN"); // i18n-exempt: RFC 5545
    out
}

/// A component's first lines: its kind, its id, the day it was written.
fn component(out: &mut String, kind: &str, uid: &str, today: Date) {
    line(out, "BEGIN", kind); // i18n-exempt: RFC 5545
    line(out, "UID", &escape(uid)); // i18n-exempt: RFC 5545
    line(out, "DTSTAMP", &format!("{}T000000Z", date(today))); // i18n-exempt: RFC 5545
}

/// A to-do for the calendar.
pub struct Todo {
    pub uid: String,
    pub summary: String,
    pub description: String,
    pub due: Option<Date>,
    pub priority: u8,
}

/// The calendar holding `todos`, stamped with `today` (so the output is the
/// same for the same `--today`).
pub fn calendar(todos: &[Todo], today: Date) -> String {
    let mut out = begin("-//funnel//actions//EN"); // i18n-exempt: RFC 5545
    for t in todos {
        component(&mut out, "VTODO", &t.uid, today); // i18n-exempt: RFC 5545
        line(&mut out, "SUMMARY", &escape(&t.summary)); // i18n-exempt: RFC 5545
        if let Some(d) = t.due {
            line(&mut out, "DUE;VALUE=DATE", &date(d)); // i18n-exempt: RFC 5545
        }
        line(&mut out, "PRIORITY", &t.priority.to_string()); // i18n-exempt: RFC 5545
        line(&mut out, "STATUS", "NEEDS-ACTION"); // i18n-exempt: RFC 5545
        line(&mut out, "DESCRIPTION", &text(&t.description)); // i18n-exempt: RFC 5545
        line(&mut out, "END", "VTODO"); // i18n-exempt: RFC 5545
    }
    line(&mut out, "END", "VCALENDAR"); // i18n-exempt: RFC 5545
    out
}

/// An event of the agenda: on a day, at a time or all day.
pub struct Event {
    pub uid: String,
    pub summary: String,
    pub description: String,
    /// The action's kind, as the workspace spells it.
    pub categories: Option<String>,
    pub day: Date,
    /// Floating local time (the seller's own clock) when set; else the
    /// event takes the whole day.
    pub at: Option<TimeOfDay>,
    /// How long a timed event lasts, as RFC 5545 writes it (`PT30M`).
    pub duration: &'static str,
}

/// The calendar holding `events`, stamped with `today` (so the output is
/// the same for the same `--today`).
pub fn events(events: &[Event], today: Date) -> String {
    let mut out = begin("-//funnel//agenda//EN"); // i18n-exempt: RFC 5545
    for e in events {
        component(&mut out, "VEVENT", &e.uid, today); // i18n-exempt: RFC 5545
        match e.at {
            Some(at) => {
                let start = format!("{}T{:02}{:02}00", date(e.day), at.hour(), at.minute()); // i18n-exempt: RFC 5545
                line(&mut out, "DTSTART", &start); // i18n-exempt: RFC 5545
                line(&mut out, "DURATION", e.duration); // i18n-exempt: RFC 5545
            }
            None => {
                line(&mut out, "DTSTART;VALUE=DATE", &date(e.day)); // i18n-exempt: RFC 5545
                line(&mut out, "DTEND;VALUE=DATE", &date(e.day.plus_days(1))); // i18n-exempt: RFC 5545
            }
        }
        line(&mut out, "SUMMARY", &escape(&e.summary)); // i18n-exempt: RFC 5545
        line(&mut out, "DESCRIPTION", &text(&e.description)); // i18n-exempt: RFC 5545
        if let Some(c) = &e.categories {
            line(&mut out, "CATEGORIES", &escape(c)); // i18n-exempt: RFC 5545
        }
        // a timed conversation makes the seller busy; a to-do of the day
        // does not block it for those who book meetings with them
        const BUSY: [&str; 2] = ["TRANSPARENT", "OPAQUE"]; // i18n-exempt: RFC 5545
        let transp = BUSY[usize::from(e.at.is_some())];
        line(&mut out, "TRANSP", transp); // i18n-exempt: RFC 5545
        line(&mut out, "END", "VEVENT"); // i18n-exempt: RFC 5545
    }
    line(&mut out, "END", "VCALENDAR"); // i18n-exempt: RFC 5545
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_character() {
        let mut out = String::new();
        line(&mut out, "SUMMARY", &"长城润滑油".repeat(10)); // i18n-exempt: RFC 5545
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "长城润滑油".repeat(10)));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d"), "a\\,b\\;c\\\\d");
    }
}
