//! The workspace file: the only code that touches the disk.
//!
//! - [`read`] loads a workspace for a headless command (no lock needed: saves
//!   are atomic, so a reader sees a whole old or whole new file);
//! - [`Store`] holds a workspace open for writing: it takes the lock, saves
//!   atomically, keeps backups, and refuses to overwrite a file that changed
//!   on disk since it was read.

pub mod backup;
pub mod demo;
mod disk;
mod error;
pub mod guard;
pub mod incremental;
pub mod load;
pub mod locate;
pub mod lock;
pub mod paths;
pub mod saver;
pub mod serialize;
pub mod split;
pub mod team;

use crate::domain::Workspace;
pub use error::{ReadOnly, StoreError};
pub use load::{Invalid, Parsed};
pub use serialize::to_json_bytes;
use std::fs;
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// Reads and validates the workspace at `path`, without locking it.
pub fn read(path: &Path) -> Result<Parsed, StoreError> {
    let bytes = read_bytes(path)?;
    load::parse(&bytes, path).map_err(StoreError::Invalid)
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, StoreError> {
    guard::read_regular(path, "read the workspace")
}

/// A workspace open for writing.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    _lock: Option<lock::Lock>,
    read_only: Option<ReadOnly>,
    disk: Option<disk::Fingerprint>,
    /// `disk` still lacks the hash of `loaded`: what `open` read is hashed
    /// when first needed, on the saver's thread, not before the first frame
    /// (60–100 ms at 100,000 deals).
    unhashed: bool,
    backups: backup::Backups,
    backed_up: bool,
    /// The bytes read at open, for the saver to build its records from;
    /// dropped at the first save.
    loaded: Option<Vec<u8>>,
    /// The file the last save replaced, removed by [`Store::tidy`].
    replaced: disk::Leftover,
}

impl Store {
    /// Opens the workspace at `path` for writing (read-only if another funnel
    /// holds it or it is of a newer version). Backups go under `data_dir`.
    pub fn open(path: &Path, data_dir: &Path) -> Result<(Store, Workspace), StoreError> {
        // a FIFO or a device is refused before the lock opens it
        guard::check_regular(path)?;
        let path = &real_path(path);
        let (lock, read_only) = take_lock(path);
        let backups = backup::Backups::for_workspace(data_dir, path);
        if lock.is_some() {
            // with the lock held no other funnel is writing: what a crash
            // left behind is stale
            guard::remove_stale_temps(path);
            backups.remove_stale_temps();
        }
        let (meta, bytes) = guard::read_regular_with_meta(path, "read the workspace")?;
        let parsed = load::parse(&bytes, path).map_err(StoreError::Invalid)?;
        let read_only = match parsed.newer_version {
            Some(found) => Some(ReadOnly::NewerVersion { found }),
            None => read_only,
        };
        let store = Store {
            path: path.to_owned(),
            _lock: lock,
            read_only,
            // hashed on first need (`hash_loaded`)
            disk: Some(disk::Fingerprint::new(&meta, 0)),
            unhashed: true,
            backups,
            backed_up: false,
            loaded: Some(bytes),
            replaced: disk::Leftover::default(),
        };
        Ok((store, parsed.workspace))
    }

    /// Creates a new workspace file at `path` (and its folders) holding `ws`.
    /// Refuses when a file is already there.
    /// A symbolic link to a missing file creates that file through the link.
    pub fn create(path: &Path, ws: &Workspace, data_dir: &Path) -> Result<Store, StoreError> {
        let target = guard::dangling_target(path);
        let path = target.as_deref().unwrap_or(path);
        if path.exists() || path.is_symlink() {
            return Err(StoreError::Exists(path.to_owned()));
        }
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent).map_err(StoreError::io(parent, "create the folder"))?;
        }
        let path = &real_path(path);
        let (lock, read_only) = take_lock(path);
        if let Some(r) = read_only {
            return Err(StoreError::ReadOnly(r));
        }
        let mut store = Store {
            path: path.to_owned(),
            _lock: lock,
            read_only: None,
            disk: None,
            unhashed: false,
            backups: backup::Backups::for_workspace(data_dir, path),
            backed_up: true,
            loaded: None,
            replaced: disk::Leftover::default(),
        };
        let bytes = to_json_bytes(ws);
        store.save_bytes(&bytes)?;
        store.loaded = Some(bytes);
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// For a store that is read-only only because another funnel held the
    /// lock: takes the lock if that funnel has gone. True when editing is
    /// now possible (the caller reloads if the file changed meanwhile);
    /// otherwise the holder named is brought up to date.
    pub fn try_upgrade(&mut self) -> bool {
        if !matches!(self.read_only, Some(ReadOnly::Locked { .. })) {
            return false;
        }
        match lock::try_lock(&self.path) {
            Ok(lock::Attempt::Taken(l)) => {
                self._lock = Some(l);
                self.read_only = None;
                true
            }
            Ok(lock::Attempt::HeldBy(pid)) => {
                self.read_only = Some(ReadOnly::Locked { pid });
                false
            }
            Err(_) => false,
        }
    }

    /// Why changes cannot be saved, if they cannot.
    pub fn read_only(&self) -> Option<&ReadOnly> {
        self.read_only.as_ref()
    }

    pub fn backups(&self) -> &backup::Backups {
        &self.backups
    }

    /// Reads the file again (after it changed on disk) and makes it the
    /// version later saves compare against.
    pub fn reload(&mut self) -> Result<Workspace, StoreError> {
        let (meta, bytes) = guard::read_regular_with_meta(&self.path, "read the workspace")?;
        let parsed = load::parse(&bytes, &self.path).map_err(StoreError::Invalid)?;
        self.disk = Some(disk::Fingerprint::new(&meta, disk::hash(&bytes)));
        self.unhashed = false;
        if let Some(found) = parsed.newer_version {
            self.read_only = Some(ReadOnly::NewerVersion { found });
        }
        Ok(parsed.workspace)
    }

    /// Whether the file on disk is no longer what we last read or wrote,
    /// by its contents (a same-size edit within the same second counts).
    /// Costs one `stat` while the file's identity holds.
    pub fn changed_on_disk(&mut self) -> Result<bool, StoreError> {
        self.hash_loaded();
        match disk::look(&self.path, self.disk.as_ref()) {
            Ok(disk::Disk::Same(fp)) => {
                // touched but the same bytes: remember the new identity
                self.disk = Some(fp);
                Ok(false)
            }
            Ok(disk::Disk::Changed) => Ok(true),
            Ok(disk::Disk::Missing) => Ok(false),
            Err(e) => Err(StoreError::io(&self.path, "read the workspace")(e)),
        }
    }

    /// Writes `ws` atomically: a whole old or a whole new file is on disk at
    /// every instant, whatever happens to the process or the machine.
    pub fn save(&mut self, ws: &Workspace) -> Result<(), StoreError> {
        self.take_loaded();
        self.save_bytes(&to_json_bytes(ws))
    }

    /// The bytes read at open (or written at create), once.
    pub fn take_loaded(&mut self) -> Option<Vec<u8>> {
        self.hash_loaded();
        self.loaded.take()
    }

    /// Completes `disk` with the hash of what `open` read, if it lacks it.
    fn hash_loaded(&mut self) {
        if std::mem::take(&mut self.unhashed)
            && let (Some(fp), Some(bytes)) = (&mut self.disk, &self.loaded)
        {
            fp.hash = disk::hash(bytes);
        }
    }

    /// Writes `bytes` (a serialised workspace) as [`Store::save`] does: a
    /// temp file, synced, then swapped in only if the file on disk is still
    /// what we last read or wrote ([`disk::swap_in`]); else ours is kept as a
    /// conflict copy beside it and theirs stays.
    pub fn save_bytes(&mut self, bytes: &[u8]) -> Result<(), StoreError> {
        self.save_pieces(&[bytes])
    }

    /// [`Store::save_bytes`] of the pieces joined (the saver's records).
    pub fn save_pieces(&mut self, pieces: &[&[u8]]) -> Result<(), StoreError> {
        let saved = self.save_pieces_leaving_old(pieces);
        self.tidy();
        saved
    }

    /// Removes the file the last save replaced.
    pub fn tidy(&mut self) {
        self.replaced = disk::Leftover::default();
    }

    /// [`Store::save_pieces`] that leaves the replaced file, at a temporary
    /// name, for [`Store::tidy`]: the saver says "saved" first.
    pub fn save_pieces_leaving_old(&mut self, pieces: &[&[u8]]) -> Result<(), StoreError> {
        self.tidy();
        if let Some(r) = &self.read_only {
            return Err(StoreError::ReadOnly(r.clone()));
        }
        let path = self.path.clone();
        let saving = |e| StoreError::io(&path, "save the workspace")(e);
        // fail early and without a backup when the file already moved
        if self.changed_on_disk()? {
            let temp = disk::write_temp_pieces(&self.path, pieces).map_err(saving)?;
            return Err(self.conflict(temp));
        }
        self.backups
            .take(&self.path, !self.backed_up)
            .map_err(StoreError::io(&self.backups.dir, "back up the workspace"))?;
        self.backed_up = true;
        let (temp, ours) = write_and_hash(&self.path, pieces);
        let temp = temp.map_err(saving)?;
        self.hash_loaded();
        match disk::swap_in(&self.path, temp, ours, self.disk.as_ref()) {
            Ok(disk::Swapped::Done(fp, old)) => {
                self.disk = Some(fp);
                self.replaced = old;
                Ok(())
            }
            Ok(disk::Swapped::Conflict(temp)) => Err(self.conflict(temp)),
            Err(e) => Err(saving(e)),
        }
    }

    /// Keeps our version (written to `temp`) as `NAME.conflict-STAMP`.
    fn conflict(&self, temp: disk::Temp) -> StoreError {
        let stamp = backup::stamp();
        let name = self
            .path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let mut n = 1;
        loop {
            let kept = match n {
                1 => self.path.with_file_name(format!("{name}.conflict-{stamp}")),
                _ => self
                    .path
                    .with_file_name(format!("{name}.conflict-{stamp}-{n}")),
            };
            if kept.exists() && n < 1000 {
                n += 1;
                continue;
            }
            let path = temp.path.clone();
            return match disk::keep_as(temp, &kept) {
                Ok(()) => StoreError::ChangedOnDisk {
                    path: self.path.clone(),
                    kept,
                },
                Err(e) => StoreError::io(&path, "save a copy")(e),
            };
        }
    }
}

/// The file's bytes and its fingerprint, both from one open file: a `stat`
/// by name after reading could describe a file that replaced the one read.
/// Writes (and syncs) the temp file while the other core hashes the same
/// bytes: at 10,000 deals the hash is 10 ms of a ~70 ms save.
fn write_and_hash(path: &Path, pieces: &[&[u8]]) -> (std::io::Result<disk::Temp>, u64) {
    let size: usize = pieces.iter().map(|p| p.len()).sum();
    if size < 4 << 20 {
        return (
            disk::write_temp_pieces(path, pieces),
            disk::hash_pieces(pieces),
        );
    }
    std::thread::scope(|s| {
        let hashing = s.spawn(|| disk::hash_pieces(pieces));
        let temp = disk::write_temp_pieces(path, pieces);
        let ours = hashing.join().unwrap_or_else(|_| disk::hash_pieces(pieces));
        (temp, ours)
    })
}

/// The file a path really names: a symlinked workspace is saved (and
/// locked) at its target, so the link keeps working and two links to one
/// file share one lock. A path that does not exist yet resolves its folder.
pub(crate) fn real_path(path: &Path) -> PathBuf {
    if let Ok(real) = fs::canonicalize(path) {
        return real;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) if !parent.as_os_str().is_empty() => {
            fs::canonicalize(parent).map_or_else(|_| path.to_owned(), |p| p.join(name))
        }
        _ => path.to_owned(),
    }
}

fn take_lock(path: &Path) -> (Option<lock::Lock>, Option<ReadOnly>) {
    match lock::try_lock(path) {
        Ok(lock::Attempt::Taken(l)) => (Some(l), None),
        Ok(lock::Attempt::HeldBy(pid)) => (None, Some(ReadOnly::Locked { pid })),
        Err(e) => (
            None,
            Some(ReadOnly::NoLock {
                reason: e.to_string(),
            }),
        ),
    }
}

/// Writes any file the way the workspace is written: atomically, new files
/// 0600 (for `funnel export -o`).
pub fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic(path, bytes)
}

/// Temp file in the same folder, write, fsync, rename, fsync the folder.
/// New files get mode 0600; an existing file keeps its mode.
fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = atomic_write_file::OpenOptions::new()
        .mode(0o600)
        .open(path)?;
    file.write_all(bytes)?;
    file.commit()
}

#[cfg(test)]
mod tests;
