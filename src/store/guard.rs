//! The checks every path that reads or writes a file goes through: a
//! workspace must be a regular file of a sane size (a FIFO would block for
//! ever, `/dev/zero` would read until memory runs out), and an output file
//! must not be the workspace or one of its backups under another name.

use super::StoreError;
use super::backup::Backups;
use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::os::unix::fs::{FileTypeExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// The largest workspace funnel reads: ten times the 100k-opportunity
/// synthetic workspace (663 MB) would not fit the memory of the machines it
/// runs on anyway, so a bigger file is refused before it is read.
pub const MAX_READ: u64 = 4 << 30;

/// What a file is, in words, when it is not a regular file.
fn kind(meta: &Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        None
    } else if t.is_dir() {
        Some("a folder")
    } else if t.is_fifo() {
        Some("a named pipe (FIFO)")
    } else if t.is_socket() {
        Some("a socket")
    } else if t.is_char_device() {
        Some("a character device")
    } else if t.is_block_device() {
        Some("a block device")
    } else {
        Some("not a regular file")
    }
}

fn refuse_special(path: &Path, meta: &Metadata) -> Result<(), StoreError> {
    match kind(meta) {
        Some(kind) => Err(StoreError::NotAFile {
            path: path.to_owned(),
            kind,
        }),
        None => Ok(()),
    }
}

/// Refuses a path that exists and is not a regular file, by its metadata,
/// before anything opens it. A missing file passes: the caller decides.
pub fn check_regular(path: &Path) -> Result<(), StoreError> {
    match fs::metadata(path) {
        Ok(meta) => refuse_special(path, &meta),
        Err(_) => Ok(()),
    }
}

/// Reads the whole of a regular file of at most [`MAX_READ`] bytes.
/// Opened without blocking (so a FIFO swapped in after the first look does
/// not hang) and checked again on the open file.
pub fn read_regular(path: &Path, doing: &'static str) -> Result<Vec<u8>, StoreError> {
    read_regular_with_meta(path, doing).map(|(_, bytes)| bytes)
}

/// [`read_regular`], with the metadata of the file that was read (the
/// workbench fingerprints what it read from the same open file).
pub fn read_regular_with_meta(
    path: &Path,
    doing: &'static str,
) -> Result<(std::fs::Metadata, Vec<u8>), StoreError> {
    let io_err = |source: io::Error| match source.kind() {
        io::ErrorKind::NotFound => missing(path),
        _ => StoreError::Io {
            path: path.to_owned(),
            doing,
            source,
        },
    };
    check_regular(path)?;
    let file = File::options()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(io_err)?;
    let meta = file.metadata().map_err(io_err)?;
    refuse_special(path, &meta)?;
    if meta.len() > MAX_READ {
        return Err(too_large(path, meta.len()));
    }
    let bytes = read_to_end(&file, meta.len()).map_err(io_err)?;
    if bytes.len() as u64 > MAX_READ {
        return Err(too_large(path, bytes.len() as u64));
    }
    Ok((meta, bytes))
}

/// The whole file, `len` bytes as `stat` said, and whatever it grew by
/// meanwhile (at most one byte past the cap, so growth is caught). Past
/// 8 MB the second half is read on another core at the same time: copying
/// from the page cache into fresh memory is 40 ms at 10,000 deals and
/// 350 ms at 100,000 on one core.
fn read_to_end(file: &File, len: u64) -> io::Result<Vec<u8>> {
    use std::io::{Seek, SeekFrom};
    use std::os::unix::fs::FileExt;
    let mut file = file;
    let size = len as usize;
    if !(8 << 20..=MAX_READ).contains(&len) {
        let mut bytes = Vec::with_capacity(size.min(MAX_READ as usize));
        file.take(MAX_READ + 1).read_to_end(&mut bytes)?;
        return Ok(bytes);
    }
    // zeroed by the system (fresh pages), not by a pass over the buffer
    let mut bytes = vec![0u8; size];
    let (head, tail) = bytes.split_at_mut(size / 2);
    let (first, second) = std::thread::scope(|s| {
        let second = s.spawn(|| file.read_exact_at(tail, (size / 2) as u64));
        let first = file.read_exact_at(head, 0);
        (first, second.join())
    });
    match (first, second) {
        (Ok(()), Ok(Ok(()))) => {
            file.seek(SeekFrom::Start(len))?;
            file.take(MAX_READ + 1 - len).read_to_end(&mut bytes)?;
            Ok(bytes)
        }
        (Err(e), _) | (_, Ok(Err(e))) if e.kind() != io::ErrorKind::UnexpectedEof => Err(e),
        // it shrank while read (or the reader died): read it again, in one go
        _ => {
            bytes.clear();
            file.seek(SeekFrom::Start(0))?;
            file.take(MAX_READ + 1).read_to_end(&mut bytes)?;
            Ok(bytes)
        }
    }
}

fn too_large(path: &Path, len: u64) -> StoreError {
    StoreError::TooLarge {
        path: path.to_owned(),
        len,
    }
}

/// No file at `path`: a plain missing file, or a symbolic link whose target
/// is missing (named, so that `check` and `init` tell the same story).
pub fn missing(path: &Path) -> StoreError {
    match dangling_target(path) {
        Some(target) => StoreError::DanglingLink {
            link: path.to_owned(),
            target,
        },
        None => StoreError::Missing(path.to_owned()),
    }
}

/// Where a chain of symbolic links at `path` ends, when it ends at nothing.
pub fn dangling_target(path: &Path) -> Option<PathBuf> {
    if !path.is_symlink() || path.exists() {
        return None;
    }
    let mut at = path.to_owned();
    // the kernel gives up after 40 links; so do we
    for _ in 0..40 {
        let Ok(next) = fs::read_link(&at) else {
            return Some(at);
        };
        at = match at.parent() {
            Some(dir) => dir.join(next),
            None => next,
        };
        if !at.is_symlink() {
            return Some(at);
        }
    }
    None
}

/// The identity of a file: two names for one file (a hard link, a
/// symbolic link, `..` in the path) have the same device and inode.
pub fn identity(path: &Path) -> Option<(u64, u64)> {
    fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// Refuses to write `out` when it is the workspace, its lock or one of its
/// backups, compared by identity and by canonical path (a file not yet
/// there cannot be any of them unless it is inside the backup folder).
fn the_workspace(path: &Path) -> String {
    crate::tf!("the workspace {path}", path = path.display())
}

pub fn refuse_output(out: &Path, workspace: &Path, data_dir: &Path) -> Result<(), StoreError> {
    let refuse = |what: String| {
        Err(StoreError::WouldOverwrite {
            path: out.to_owned(),
            what,
        })
    };
    let backups = Backups::for_workspace(data_dir, &super::real_path(workspace));
    let out_real = super::real_path(out);
    let ws_real = super::real_path(workspace);
    if let Some(id) = identity(out) {
        if identity(workspace) == Some(id) {
            return refuse(the_workspace(workspace));
        }
        if identity(&super::lock::lock_path(&ws_real)) == Some(id) {
            return refuse(crate::tf!(
                "the lock of the workspace {path}",
                path = workspace.display()
            ));
        }
        for b in backups.list().unwrap_or_default() {
            if identity(&b) == Some(id) {
                return refuse(crate::tf!(
                    "a backup of the workspace ({path})",
                    path = b.display()
                ));
            }
        }
    }
    if out_real == ws_real {
        return refuse(the_workspace(workspace));
    }
    let backup_dir = fs::canonicalize(&backups.dir).unwrap_or(backups.dir.clone());
    if out_real.starts_with(&backup_dir) {
        return refuse(crate::tf!(
            "inside the backup folder of the workspace ({path})",
            path = backups.dir.display()
        ));
    }
    Ok(())
}

/// Removes what a crash leaves beside the workspace: atomic-write-file's
/// temporary files (`.w.json.XXXXXX`, six letters or digits) of the
/// workspace and of its conflict copies. Only called with the lock held, so
/// no other funnel is writing them.
pub fn remove_stale_temps(workspace: &Path) -> usize {
    let (Some(dir), Some(name)) = (workspace.parent(), workspace.file_name()) else {
        return 0;
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.filter_map(|e| e.ok()) {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file.strip_prefix(&prefix) else {
            continue;
        };
        // ".w.json.Ab3xYz" or ".w.json.conflict-20261130T061500Z.Ab3xYz"
        let suffix = rest.rsplit('.').next().unwrap_or_default();
        // random letters and digits; a word of six small letters
        // (`.w.json.backup`) is more likely the user's own file
        let ours = (rest.len() == 6 || rest.starts_with("conflict-"))
            && suffix.len() == 6
            && suffix.bytes().all(|b| b.is_ascii_alphanumeric())
            && !suffix.bytes().all(|b| b.is_ascii_lowercase());
        let regular = entry.file_type().is_ok_and(|t| t.is_file());
        if ours && regular && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_file_read_in_halves_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.json");
        // odd sized, no two halves alike
        let bytes: Vec<u8> = (0..(9 << 20) + 7).map(|n: u32| (n % 251) as u8).collect();
        fs::write(&path, &bytes).unwrap();
        assert!(read_regular(&path, "read").unwrap() == bytes);
    }

    #[test]
    fn only_our_temp_names_are_stale() {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path().join("w.json");
        for name in [
            ".w.json.Ab3xYz",
            ".w.json.conflict-20261130T061500Z.q1W2e3",
            ".w.json.toolong1",
            ".other.json.Ab3xYz",
            "w.json.Ab3xYz",
            ".w.json.notes",
            ".w.json.backup",
        ] {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        assert_eq!(remove_stale_temps(&ws), 2);
        let mut left: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".other.json.Ab3xYz",
                ".w.json.backup",
                ".w.json.notes",
                ".w.json.toolong1",
                "w.json.Ab3xYz"
            ]
        );
    }

    #[test]
    fn a_dangling_chain_names_its_last_target() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        let b = dir.path().join("b");
        std::os::unix::fs::symlink("b", &a).unwrap();
        std::os::unix::fs::symlink("gone.json", &b).unwrap();
        assert_eq!(dangling_target(&a), Some(dir.path().join("gone.json")));
        assert!(matches!(missing(&a), StoreError::DanglingLink { .. }));
    }
}
