//! What can go wrong with the workspace file, and why it may be open
//! read-only: each error names the file and what was being done.

use super::Invalid;
use crate::i18n::t;
use crate::tf;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// Why a workspace is open read-only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnly {
    /// Another funnel holds the lock.
    Locked { pid: Option<u32> },
    /// The file was written by a newer funnel.
    NewerVersion { found: u64 },
    /// The lock file could not be created (a read-only folder, say).
    NoLock { reason: String },
    /// The team view: several workspaces shown as one, none of them
    /// written (which file an edit belongs to is for its seller to decide).
    Team { workspaces: usize },
}

impl fmt::Display for ReadOnly {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            ReadOnly::Locked { pid: Some(pid) } => f.write_str(&tf!(
                "read-only: another funnel (process {pid}) has it open; close that one to edit here",
                pid
            )),
            ReadOnly::Locked { pid: None } => f.write_str(t(
                "read-only: another funnel has it open; close that one to edit here",
            )),
            ReadOnly::NewerVersion { found } => f.write_str(&tf!(
                "read-only: this workspace is format version {found}, written by a newer funnel (this one knows up to {version}); upgrade funnel to change it",
                found,
                version = crate::domain::VERSION
            )),
            ReadOnly::NoLock { reason } => f.write_str(&tf!(
                "read-only: cannot create the lock file ({reason})",
                reason
            )),
            ReadOnly::Team { workspaces } => f.write_str(&tf!(
                "read-only: team view of {workspaces} workspaces; to edit, open one with --workspace",
                workspaces
            )),
        }
    }
}

/// What can go wrong reading or writing a workspace.
#[derive(Debug)]
pub enum StoreError {
    /// The file is not a valid workspace: every problem, with its position.
    Invalid(Vec<Invalid>),
    /// There is no workspace file there.
    Missing(PathBuf),
    /// The workspace path is a symbolic link to a file that is not there.
    DanglingLink {
        link: PathBuf,
        target: PathBuf,
    },
    /// `init` will not overwrite an existing file.
    Exists(PathBuf),
    /// A FIFO, a device, a folder or a socket where a file was expected.
    NotAFile {
        path: PathBuf,
        kind: &'static str,
    },
    /// Bigger than funnel will read into memory.
    TooLarge {
        path: PathBuf,
        len: u64,
    },
    /// An output path that names the workspace, its lock or a backup.
    WouldOverwrite {
        path: PathBuf,
        what: String,
    },
    Io {
        path: PathBuf,
        doing: &'static str,
        source: io::Error,
    },
    ReadOnly(ReadOnly),
    /// Paths that name no workspace, or workspaces that cannot go
    /// together (a team's): the whole message, exit status 2.
    Usage(String),
    /// The file changed on disk since it was read; our version was written
    /// beside it instead.
    ChangedOnDisk {
        path: PathBuf,
        kept: PathBuf,
    },
}

impl StoreError {
    /// Exit status: 2 for invalid data, 1 for a failure at run time.
    pub fn exit_code(&self) -> u8 {
        match self {
            StoreError::Invalid(_)
            | StoreError::NotAFile { .. }
            | StoreError::TooLarge { .. }
            | StoreError::WouldOverwrite { .. }
            | StoreError::Usage(_) => 2,
            _ => 1,
        }
    }

    pub(super) fn io(path: &Path, doing: &'static str) -> impl FnOnce(io::Error) -> StoreError {
        let path = path.to_owned();
        move |source| StoreError::Io {
            path,
            doing,
            source,
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            StoreError::Invalid(problems) => {
                write!(f, "{}", problems[0])?;
                if problems.len() > 1 {
                    f.write_str(&tf!(
                        "\n({n} more problems; `funnel check` lists them all)",
                        n = problems.len() - 1
                    ))?;
                }
                Ok(())
            }
            StoreError::Missing(p) => f.write_str(&tf!(
                "{path}: no workspace here; create one with `funnel init` (or `funnel init --demo` for the demo pipeline)",
                path = p.display()
            )),
            StoreError::DanglingLink { link, target } => f.write_str(&tf!(
                "{link}: a symbolic link to {target}, which does not exist; `funnel init` creates the workspace there",
                link = link.display(),
                target = target.display()
            )),
            StoreError::NotAFile { path, kind } => f.write_str(&tf!(
                "{path}: is {kind}, expected a regular file holding a funnel workspace",
                path = path.display(),
                kind = t(kind)
            )),
            StoreError::TooLarge { path, len } => f.write_str(&tf!(
                "{path}: the file is {size} MB, more than funnel reads ({max} MB), expected a funnel workspace",
                path = path.display(),
                size = len >> 20,
                max = super::guard::MAX_READ >> 20
            )),
            StoreError::WouldOverwrite { path, what } => f.write_str(&tf!(
                "{path}: is {what}; funnel will not write over it, nothing was written (choose another file)",
                path = path.display(),
                what
            )),
            StoreError::Exists(p) => f.write_str(&tf!(
                "{path}: a workspace already exists here; funnel will not overwrite it",
                path = p.display()
            )),
            StoreError::Io {
                path,
                doing,
                source,
            } => f.write_str(&tf!(
                "{path}: cannot {doing}: {source}",
                path = path.display(),
                doing = t(doing),
                source
            )),
            StoreError::ReadOnly(r) => write!(f, "{r}"),
            StoreError::Usage(message) => f.write_str(message),
            StoreError::ChangedOnDisk { path, kept } => f.write_str(&tf!(
                "{path}: the file changed on disk since funnel read it, so it was not overwritten; your version is saved as {kept}",
                path = path.display(),
                kept = kept.display()
            )),
        }
    }
}

impl std::error::Error for StoreError {}
