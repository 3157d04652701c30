//! One writer per workspace: a lock on `<workspace>.lock`, held for as long
//! as the workspace is open. A second instance opens read-only and can say
//! which process holds it. The OS drops the lock when the holder dies, so a
//! crash never leaves a workspace locked.
//!
//! The lock file is found by the workspace's canonical path, which a hard
//! link does not share; so the holder also locks the workspace file itself
//! (the inode every name of it opens). A second funnel needs both. The
//! path lock keeps protecting the path after a save renames a new file
//! over it; the file lock catches a hard-linked alias of the file opened.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// A held lock; dropping it releases the lock.
#[derive(Debug)]
pub struct Lock {
    _file: File,
    /// The workspace file itself, locked; `None` before it exists (`init`).
    _identity: Option<File>,
}

/// The outcome of trying to take the lock.
#[derive(Debug)]
pub enum Attempt {
    Taken(Lock),
    /// Another process holds it; its pid if it wrote one.
    HeldBy(Option<u32>),
}

pub fn lock_path(workspace: &Path) -> PathBuf {
    let mut name = workspace.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    workspace.with_file_name(name)
}

/// Tries to take the lock without waiting.
pub fn try_lock(workspace: &Path) -> io::Result<Attempt> {
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(lock_path(workspace))?;
    match file.try_lock() {
        Ok(()) => {
            let identity = match lock_identity(workspace)? {
                Identity::Held => {
                    drop(file);
                    return Ok(Attempt::HeldBy(holder_of(workspace).flatten()));
                }
                Identity::Taken(f) => Some(f),
                Identity::NoFile => None,
            };
            file.set_len(0)?;
            file.rewind()?;
            write!(file, "{}", std::process::id())?;
            file.flush()?;
            Ok(Attempt::Taken(Lock {
                _file: file,
                _identity: identity,
            }))
        }
        Err(TryLockError::WouldBlock) => {
            let mut pid = String::new();
            let _ = file.read_to_string(&mut pid);
            Ok(Attempt::HeldBy(pid.trim().parse().ok()))
        }
        Err(TryLockError::Error(e)) => Err(e),
    }
}

enum Identity {
    Taken(File),
    Held,
    NoFile,
}

/// Locks the workspace file itself. Opened read-only and without blocking,
/// so this never changes the file nor hangs on a FIFO swapped in.
fn lock_identity(workspace: &Path) -> io::Result<Identity> {
    let file = match OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(workspace)
    {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Identity::NoFile),
        Err(e) => return Err(e),
    };
    match file.try_lock() {
        Ok(()) => Ok(Identity::Taken(file)),
        Err(TryLockError::WouldBlock) => Ok(Identity::Held),
        Err(TryLockError::Error(e)) => Err(e),
    }
}

/// Who holds the lock, if anyone, found without touching the lock: taking
/// it even for a moment would make a funnel that opens the workspace just
/// then fall back to read-only. Reads the kernel's table of file locks
/// (`/proc/locks`, Linux); elsewhere it answers `None`. The lock file beside
/// this name first, then the file itself (held through another name).
pub fn holder(workspace: &Path) -> Option<Option<u32>> {
    holder_of(&lock_path(workspace)).or_else(|| holder_of(workspace))
}

/// The pid holding a flock on the file at `path`, from `/proc/locks`.
fn holder_of(path: &Path) -> Option<Option<u32>> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path).ok()?;
    let ours = (libc_major(meta.dev()), libc_minor(meta.dev()), meta.ino());
    let table = std::fs::read_to_string("/proc/locks").ok()?;
    table.lines().find_map(|line| {
        // "1: FLOCK  ADVISORY  WRITE 1234 08:01:123456 0 EOF"
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.get(1) != Some(&"FLOCK") {
            return None;
        }
        let mut id = fields.get(5)?.split(':');
        let major = u64::from_str_radix(id.next()?, 16).ok()?;
        let minor = u64::from_str_radix(id.next()?, 16).ok()?;
        let inode: u64 = id.next()?.parse().ok()?;
        ((major, minor, inode) == ours).then(|| fields.get(4).and_then(|p| p.parse().ok()))
    })
}

/// The major and minor numbers of a Linux device id (glibc's encoding).
fn libc_major(dev: u64) -> u64 {
    ((dev >> 32) & 0xffff_f000) | ((dev >> 8) & 0x0000_0fff)
}

fn libc_minor(dev: u64) -> u64 {
    ((dev >> 12) & 0xffff_ff00) | (dev & 0x0000_00ff)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_open_sees_the_first_holder() {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path().join("w.json");
        let first = try_lock(&ws).unwrap();
        assert!(matches!(first, Attempt::Taken(_)));
        match try_lock(&ws).unwrap() {
            Attempt::HeldBy(pid) => assert_eq!(pid, Some(std::process::id())),
            Attempt::Taken(_) => panic!("second lock taken"),
        }
        assert_eq!(holder(&ws), Some(Some(std::process::id())));
        // looking does not take the lock: the holder keeps it
        assert!(matches!(try_lock(&ws).unwrap(), Attempt::HeldBy(_)));
        drop(first);
        assert_eq!(holder(&ws), None);
        assert!(matches!(try_lock(&ws).unwrap(), Attempt::Taken(_)));
    }

    #[test]
    fn a_hard_link_finds_the_lock_of_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path().join("w.json");
        std::fs::write(&ws, "{}").unwrap();
        std::fs::create_dir(dir.path().join("elsewhere")).unwrap();
        let alias = dir.path().join("elsewhere/alias.json");
        std::fs::hard_link(&ws, &alias).unwrap();
        let first = try_lock(&ws).unwrap();
        assert!(matches!(first, Attempt::Taken(_)));
        match try_lock(&alias).unwrap() {
            Attempt::HeldBy(pid) => assert_eq!(pid, Some(std::process::id())),
            Attempt::Taken(_) => panic!("the alias got a lock of its own"),
        }
        assert_eq!(holder(&alias), Some(Some(std::process::id())));
        drop(first);
        assert!(matches!(try_lock(&alias).unwrap(), Attempt::Taken(_)));
    }
}
