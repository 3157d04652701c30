//! Where funnel keeps its files by default.

use std::path::PathBuf;

/// The data directory of `ProjectDirs::from("", "", "funnel")`
/// (`~/.local/share/funnel` on Linux).
pub fn data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "funnel").map(|d| d.data_dir().to_owned())
}

/// `workspace.json` in the data directory.
pub fn default_workspace() -> Option<PathBuf> {
    data_dir().map(|d| d.join("workspace.json"))
}
