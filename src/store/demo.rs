//! The bundled demo workspace. It is a workspace file like any other, only
//! compiled into the program, so it is read by the same parser (and the same
//! format checks) as a file on disk; moving its dates to today is the
//! domain's pure `demo::move_to`.

use super::load;
use crate::domain::{Date, Workspace, demo};
use std::path::Path;

/// The bundled demo pipeline, written for [`demo::demo_today`].
pub const JSON: &str = include_str!("../../data/demo.json");

/// The demo workspace with its dates moved so that its story happens today.
pub fn workspace(today: Date) -> Workspace {
    let parsed = load::parse(JSON.as_bytes(), Path::new("data/demo.json"))
        .expect("the bundled demo is valid: a test checks it");
    let mut ws = parsed.workspace;
    demo::move_to(&mut ws, today);
    ws
}
