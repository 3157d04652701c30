//! The bundled demo workspace. It is a workspace file like any other, only
//! compiled into the program, so it is read by the same parser (and the same
//! format checks) as a file on disk; moving its dates to today is the
//! domain's pure `demo::move_to`.
//!
//! It comes in two languages. The demo is there to show a seller what the
//! workbench does with a pipeline like theirs, and a seller who reads no
//! English cannot follow a story told in English deal titles, notes and
//! action texts, however Chinese the screens around them are (issue 17).
//! So `data/demo.zh.json` is the same workspace record for record (the
//! same ids, stages, dates, amounts, enum words, tags and settings; a test
//! holds the two together) with only the seller's free texts in Chinese,
//! and the demo is opened in the language of the thread that opens it.

use super::load;
use crate::domain::{Date, Workspace, demo};
use crate::i18n::{self, Lang};
use std::path::Path;

/// The bundled demo pipeline, written for [`demo::demo_today`].
pub const JSON: &str = include_str!("../../data/demo.json");

/// [`JSON`] with its free texts in Chinese: the one `--lang zh` opens.
pub const JSON_ZH: &str = include_str!("../../data/demo.zh.json");

/// The demo workspace, in this thread's language (see [`i18n::lang`]),
/// with its dates moved so that its story happens today.
pub fn workspace(today: Date) -> Workspace {
    let (json, file) = match i18n::lang() {
        Lang::En => (JSON, "data/demo.json"),
        Lang::Zh => (JSON_ZH, "data/demo.zh.json"),
    };
    let parsed = load::parse(json.as_bytes(), Path::new(file))
        .expect("the bundled demo is valid: a test checks it");
    let mut ws = parsed.workspace;
    demo::move_to(&mut ws, today);
    ws
}
