//! The weekly review walk's progress (view 5), kept in the workspace under
//! `review_in_progress` so that a review left half-way is resumed the same
//! day. The format does not define the field: other tools keep it as an
//! unknown field, and a value this program cannot read stays in the
//! workspace's `extra`, untouched, while a fresh walk starts.

use super::record::record;
use super::values::Date;

/// The workspace key of the progress; an unreadable value under it stays in
/// the workspace's `extra` until a mark replaces it.
pub const PROGRESS_KEY: &str = "review_in_progress";

/// How far a walk got: reviewed and skipped are counted apart, since a
/// skipped deal was not looked at.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub reviewed: usize,
    pub skipped: usize,
    pub to_go: usize,
}

impl Tally {
    /// "12 reviewed, 3 skipped, 4 to go": while walking.
    pub fn walking(&self) -> String {
        crate::tf!(
            "{reviewed} reviewed, {skipped} skipped, {to_go} to go",
            reviewed = self.reviewed,
            skipped = self.skipped,
            to_go = self.to_go
        )
    }

    /// "12 reviewed, 3 skipped, 4 not seen": what finishing records.
    pub fn as_recorded(&self) -> String {
        crate::tf!(
            "{reviewed} reviewed, {skipped} skipped, {to_go} not seen",
            reviewed = self.reviewed,
            skipped = self.skipped,
            to_go = self.to_go
        )
    }
}

record! {
    /// Which deals were reviewed or skipped in the walk of the day `on`.
    pub struct ReviewProgress ("the review walk's progress (on, reviewed, skipped)") {
        on: Date = required,
        reviewed: Vec<String> = default,
        skipped: Vec<String> = default,
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::Workspace;

    const HEAD: &str = r#"{"format": "funnel-workspace", "version": 1"#;

    fn read(tail: &str) -> Workspace {
        serde_json::from_str(&format!("{HEAD}{tail}}}")).unwrap()
    }

    #[test]
    fn progress_reads_and_writes_under_the_same_key() {
        let ws = read(
            r#", "review_in_progress": {"on": "2026-03-02", "reviewed": ["o1"], "skipped": ["o2"]}"#,
        );
        let p = ws.review_in_progress.clone().unwrap();
        assert_eq!(
            (p.reviewed, p.skipped),
            (vec!["o1".into()], vec!["o2".into()])
        );
        assert!(ws.extra.is_empty());
        let text = serde_json::to_string(&ws).unwrap();
        assert!(
            text.ends_with(
                r#""review_in_progress":{"on":"2026-03-02","reviewed":["o1"],"skipped":["o2"]}}"#
            ),
            "{text}"
        );
    }

    #[test]
    fn no_progress_writes_no_key() {
        let text = serde_json::to_string(&read("")).unwrap();
        assert!(!text.contains("review_in_progress"), "{text}");
        // null reads as absent, like every optional field of the format
        let ws = read(r#", "review_in_progress": null"#);
        assert_eq!((ws.review_in_progress, ws.extra.len()), (None, 0));
    }

    #[test]
    fn unreadable_progress_is_kept_as_it_was_and_not_used() {
        for bad in [
            r#""yesterday""#,
            r#"{"on": "soon"}"#,
            r#"{"on": "2026-03-02", "reviewed": [1]}"#,
        ] {
            let ws = read(&format!(r#", "review_in_progress": {bad}"#));
            assert_eq!(ws.review_in_progress, None, "{bad}");
            let kept: serde_json::Value = serde_json::from_str(bad).unwrap();
            assert_eq!(ws.extra.get("review_in_progress"), Some(&kept), "{bad}");
            let text = serde_json::to_string(&ws).unwrap();
            assert_eq!(text.matches("review_in_progress").count(), 1, "{text}");
        }
    }
}
