//! One writer per workspace: a lock on `<workspace>.lock`, held for as long
//! as the workspace is open. A second instance opens read-only and can say
//! which process holds it. The OS drops the lock when the holder dies, so a
//! crash never leaves a workspace locked.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// A held lock; dropping it releases the lock.
#[derive(Debug)]
pub struct Lock {
    _file: File,
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
            file.set_len(0)?;
            file.rewind()?;
            write!(file, "{}", std::process::id())?;
            file.flush()?;
            Ok(Attempt::Taken(Lock { _file: file }))
        }
        Err(TryLockError::WouldBlock) => {
            let mut pid = String::new();
            let _ = file.read_to_string(&mut pid);
            Ok(Attempt::HeldBy(pid.trim().parse().ok()))
        }
        Err(TryLockError::Error(e)) => Err(e),
    }
}

/// Who holds the lock, without taking it for long. `None` when nobody does
/// (or the lock file cannot be opened, for example in a read-only folder).
pub fn holder(workspace: &Path) -> Option<Option<u32>> {
    if !lock_path(workspace).exists() {
        return None;
    }
    match try_lock(workspace) {
        Ok(Attempt::HeldBy(pid)) => Some(pid),
        _ => None,
    }
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
        drop(first);
        assert_eq!(holder(&ws), None);
    }
}
