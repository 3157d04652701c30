//! Reading a team's workspaces (spec section 13): `funnel team … PATH...`
//! and the workbench over several `--workspace`s. A PATH is a workspace
//! file or a folder searched (with its subfolders) for workspaces, so one
//! repository with a file per seller, in folders or not, is read by naming it.

use super::{Parsed, StoreError};
use crate::domain::Workspace;
use crate::tf;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// One seller's workspace in a roll-up.
#[derive(Debug)]
pub struct Member {
    /// `settings.owner`, else the file's name (its folder's, for a file
    /// named `workspace.json`); made unique in the team with ` (2)`, ` (3)`….
    pub owner: String,
    pub path: PathBuf,
    pub workspace: Workspace,
    /// Written by a newer funnel (shown as far as it is understood).
    pub newer_version: Option<u64>,
}

/// The files `paths` stand for, in the order given (a folder's workspaces
/// sorted by path), each once. A file named is always taken; in a folder, a
/// `.json` file is taken when it says it is a funnel workspace, and hidden
/// files and folders (`.git`) are skipped.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, StoreError> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|_| super::guard::missing(path))?;
        let mut found = Vec::new();
        if meta.is_dir() {
            walk(path, &mut found, 0)?;
            if found.is_empty() {
                return Err(StoreError::Usage(tf!(
                    "{path}: no funnel workspace in this folder, expected .json files that start with \"format\": \"funnel-workspace\"",
                    path = path.display()
                )));
            }
            found.sort();
        } else {
            found.push(path.clone());
        }
        for file in found {
            let key = std::fs::canonicalize(&file).unwrap_or_else(|_| file.clone());
            if seen.insert(key) {
                out.push(file);
            }
        }
    }
    Ok(out)
}

/// Folders deeper than this are not searched (a team repository is shallow;
/// a link loop must end).
const DEPTH: usize = 8;

fn walk(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) -> Result<(), StoreError> {
    let io = |source| StoreError::Io {
        path: dir.to_owned(),
        doing: "read the folder",
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let Ok(meta) = std::fs::metadata(&path) else {
            continue; // a dangling link in a folder is not a workspace
        };
        if meta.is_dir() {
            if depth < DEPTH {
                walk(&path, out, depth + 1)?;
            }
        } else if meta.is_file()
            && path.extension().is_some_and(|e| e == "json")
            && says_workspace(&path)
        {
            out.push(path);
        }
    }
    Ok(())
}

/// Whether the file's first kilobyte holds the format tag (the stable
/// format writes it first; a hand-made file puts it near the top too).
fn says_workspace(path: &Path) -> bool {
    use std::io::Read;
    let mut head = Vec::with_capacity(1024);
    std::fs::File::open(path)
        .and_then(|f| f.take(1024).read_to_end(&mut head))
        .is_ok()
        && head
            .windows(crate::domain::FORMAT.len())
            .any(|w| w == crate::domain::FORMAT.as_bytes())
}

/// Reads every workspace `paths` stand for, on every core; the first file
/// that cannot be read fails the whole (with its own message).
pub fn read(paths: &[PathBuf]) -> Result<Vec<Member>, StoreError> {
    let files = expand(paths)?;
    let parsed: Vec<Result<Parsed, StoreError>> =
        crate::domain::parallel::chunks(&files, 2, |_, part| {
            part.iter().map(|p| super::read(p)).collect::<Vec<_>>()
        })
        .into_iter()
        .flatten()
        .collect();
    let mut members = Vec::with_capacity(files.len());
    let mut owners = HashSet::new();
    for (path, parsed) in files.into_iter().zip(parsed) {
        let parsed = parsed?;
        let owner = unique(&mut owners, owner_of(&path, &parsed.workspace));
        members.push(Member {
            owner,
            path,
            workspace: parsed.workspace,
            newer_version: parsed.newer_version,
        });
    }
    Ok(members)
}

/// The name a workspace goes by in the team.
pub fn owner_of(path: &Path, ws: &Workspace) -> String {
    let owner = ws.settings.owner.trim();
    if !owner.is_empty() {
        return owner.to_owned();
    }
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
    match stem.as_deref() {
        Some("workspace") | None => path
            .parent()
            .and_then(|p| p.file_name())
            .map(|s| s.to_string_lossy().into_owned())
            .or(stem)
            .unwrap_or_else(|| "?".into()),
        Some(s) => s.to_owned(),
    }
}

fn unique(taken: &mut HashSet<String>, name: String) -> String {
    let mut candidate = name.clone();
    let mut n = 2;
    while !taken.insert(candidate.clone()) {
        candidate = format!("{name} ({n})");
        n += 1;
    }
    candidate
}
