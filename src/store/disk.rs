//! Change detection and the one compare-and-swap that puts a save in place.
//!
//! What we last read or wrote is remembered as a [`Fingerprint`]: the file's
//! identity (device, inode, size, mtime, ctime) and a hash of its bytes. A
//! check costs one `stat` while the identity holds and reads and hashes the
//! file only when it moved. ctime is in the identity because anyone can set
//! mtime back (`touch -d`), but only the kernel sets ctime.
//!
//! The hash is XXH3 (64 bits, `xxhash-rust`): about 30 GB/s where SipHash
//! does 2 GB/s, and it only has to tell our own bytes from someone else's,
//! not resist an attacker, who could as well delete the file.

use std::fs::{self, File, Metadata};
use std::io::{self, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

pub fn hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// The hash of the pieces joined, without joining them.
pub fn hash_pieces(pieces: &[&[u8]]) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for p in pieces {
        h.update(p);
    }
    h.digest()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    dev: u64,
    ino: u64,
    len: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
    pub hash: u64,
}

impl Fingerprint {
    pub fn new(meta: &Metadata, hash: u64) -> Fingerprint {
        Fingerprint {
            dev: meta.dev(),
            ino: meta.ino(),
            len: meta.len(),
            mtime: (meta.mtime(), meta.mtime_nsec()),
            ctime: (meta.ctime(), meta.ctime_nsec()),
            hash,
        }
    }

    /// The same file, untouched since we saw it.
    fn same_identity(&self, meta: &Metadata) -> bool {
        *self == Fingerprint::new(meta, self.hash)
    }

    /// The same inode, size and mtime: what a file we swapped out still
    /// has (the rename itself moved its ctime).
    fn same_file(&self, meta: &Metadata) -> bool {
        let now = Fingerprint::new(meta, self.hash);
        (self.dev, self.ino, self.len, self.mtime) == (now.dev, now.ino, now.len, now.mtime)
    }
}

/// What is at the workspace's path compared with what we know.
#[derive(Debug)]
pub enum Disk {
    /// What we know, or (after a touch) the same bytes with a new identity.
    Same(Fingerprint),
    Changed,
    Missing,
}

/// Compares the file at `path` with `known` (None: we never saw a file).
pub fn look(path: &Path, known: Option<&Fingerprint>) -> io::Result<Disk> {
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Disk::Missing),
        Err(e) => return Err(e),
    };
    let Some(known) = known else {
        return Ok(Disk::Changed);
    };
    if known.same_identity(&meta) {
        return Ok(Disk::Same(known.clone()));
    }
    let (meta, bytes) = read_with_meta(path)?;
    Ok(match hash(&bytes) == known.hash {
        true => Disk::Same(Fingerprint::new(&meta, known.hash)),
        false => Disk::Changed,
    })
}

/// The bytes and the metadata of the same open file.
pub fn read_with_meta(path: &Path) -> io::Result<(Metadata, Vec<u8>)> {
    use std::io::Read;
    let mut file = File::open(path)?;
    let meta = file.metadata()?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.read_to_end(&mut bytes)?;
    Ok((meta, bytes))
}

/// Our new version, written and synced under a temporary name beside the target.
#[derive(Debug)]
pub struct Temp {
    pub path: PathBuf,
    file: File,
}

/// Writes `bytes` to `.NAME.XXXXXX` beside `target` (the pattern start-up
/// cleans), with the target's mode or 0600, and syncs it.
#[cfg(test)]
pub fn write_temp(target: &Path, bytes: &[u8]) -> io::Result<Temp> {
    write_temp_pieces(target, &[bytes])
}

/// [`write_temp`] of the pieces joined: written a thousand at a time with
/// `writev`, so twenty thousand records cost a few dozen system calls.
pub fn write_temp_pieces(target: &Path, pieces: &[&[u8]]) -> io::Result<Temp> {
    let dir = parent(target);
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let mode = fs::metadata(target).map_or(0o600, |m| m.permissions().mode() & 0o7777);
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64)
        ^ (u64::from(std::process::id()) << 32);
    for _ in 0..100 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let tag: String = (0..6)
            .map(|i| {
                let c = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
                c[((seed >> (i * 6 + 16)) % 62) as usize] as char
            })
            .collect();
        let path = dir.join(format!(".{name}.{tag}"));
        let file = match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&path)
        {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        };
        let mut temp = Temp { path, file };
        let written = (|| {
            temp.file
                .set_permissions(fs::Permissions::from_mode(mode))?;
            write_all_vectored(&mut temp.file, pieces)?;
            temp.file.sync_all()
        })();
        return match written {
            Ok(()) => Ok(temp),
            Err(e) => {
                let _ = fs::remove_file(&temp.path);
                Err(e)
            }
        };
    }
    Err(io::Error::other(crate::i18n::t("no free temporary name")))
}

fn write_all_vectored(file: &mut File, pieces: &[&[u8]]) -> io::Result<()> {
    for batch in pieces.chunks(1024) {
        let mut slices: Vec<io::IoSlice> = batch.iter().map(|p| io::IoSlice::new(p)).collect();
        let mut rest = &mut slices[..];
        while !rest.is_empty() {
            match file.write_vectored(rest) {
                Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
                Ok(n) => io::IoSlice::advance_slices(&mut rest, n),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(())
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// How a swap ended.
#[derive(Debug)]
pub enum Swapped {
    /// Ours is in place; this is what we wrote, and the old file, now at a
    /// temporary name, for the caller to drop (which removes it):
    /// unlinking 66 MB takes ~18 ms, which the saver spends after it has
    /// said "saved".
    Done(Fingerprint, Leftover),
    /// The file was not what we expected: it is in place untouched, ours
    /// is still at the temp's name for the caller to keep.
    Conflict(Temp),
}

/// Puts `temp` (holding bytes hashing to `ours`) at `target` if the file
/// there is still `known`.
///
/// The check and the rename cannot be one system call, so on Linux the
/// rename is `renameat2(RENAME_EXCHANGE)`: it swaps the two names in one
/// step, and the file swapped out is then compared with what we expected.
/// If an outside writer slipped a file in between the check and the swap,
/// that file comes back out and we swap it back: it is never lost, and ours
/// goes to a conflict copy. What remains: a reader may see our version for
/// the microseconds before we swap back, and a program that writes into the
/// old file in place (not by rename) after our swap writes into a file we
/// then delete; two outside renames within those microseconds keep the
/// second one only in the conflict copy. Elsewhere (or a file system
/// without the exchange) it is the plain re-check then rename.
pub fn swap_in(
    target: &Path,
    temp: Temp,
    ours: u64,
    known: Option<&Fingerprint>,
) -> io::Result<Swapped> {
    let expected = match look(target, known)? {
        Disk::Changed => return Ok(Swapped::Conflict(temp)),
        Disk::Same(fp) => Some(fp),
        Disk::Missing => None,
    };
    match expected {
        Some(expected) => match exchange(&temp.path, target) {
            Ok(()) => check_swapped_out(target, temp, ours, &expected),
            Err(e) if e.raw_os_error() == Some(libc::ENOENT) => put_new(target, temp, ours),
            Err(_) => {
                // no exchange here: the re-check just above is as close as it gets
                fs::rename(&temp.path, target)?;
                done(target, temp, ours, Leftover(None))
            }
        },
        None => put_new(target, temp, ours),
    }
}

/// After the exchange `temp.path` holds what was at `target`.
fn check_swapped_out(
    target: &Path,
    temp: Temp,
    ours: u64,
    expected: &Fingerprint,
) -> io::Result<Swapped> {
    let old = fs::symlink_metadata(&temp.path)?;
    let as_expected = expected.same_file(&old)
        || (old.is_file()
            && read_with_meta(&temp.path).is_ok_and(|(_, b)| hash(&b) == expected.hash));
    if as_expected {
        let old = Leftover(Some(temp.path.clone()));
        return done(target, temp, ours, old);
    }
    // theirs came in between: put it back, ours comes out under the temp name
    exchange(&temp.path, target)?;
    sync_dir(target);
    Ok(Swapped::Conflict(temp))
}

/// The target is gone (or never was): rename without replacing anything,
/// so a file created meanwhile is never overwritten.
fn put_new(target: &Path, temp: Temp, ours: u64) -> io::Result<Swapped> {
    match rename_noreplace(&temp.path, target) {
        Ok(()) => done(target, temp, ours, Leftover(None)),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(Swapped::Conflict(temp)),
        Err(e) => Err(e),
    }
}

fn done(target: &Path, temp: Temp, ours: u64, old: Leftover) -> io::Result<Swapped> {
    sync_dir(target);
    // our inode, as it is after the rename (which moved its ctime)
    let meta = temp.file.metadata()?;
    Ok(Swapped::Done(Fingerprint::new(&meta, ours), old))
}

/// The file a save replaced, at the temporary name the swap gave it (the
/// pattern start-up cleans, should we die before removing it); removed
/// when dropped.
#[derive(Debug, Default)]
pub struct Leftover(Option<PathBuf>);

impl Drop for Leftover {
    fn drop(&mut self) {
        if let Some(path) = self.0.take() {
            let _ = fs::remove_file(path);
        }
    }
}

/// Makes the rename durable; a folder that cannot be synced (some network
/// file systems) still has the rename.
fn sync_dir(target: &Path) {
    if let Ok(d) = File::open(parent(target)) {
        let _ = d.sync_all();
    }
}

/// Moves `temp` to a new name beside it, never replacing a file.
pub fn keep_as(temp: Temp, to: &Path) -> io::Result<()> {
    rename_noreplace(&temp.path, to)?;
    sync_dir(to);
    Ok(())
}

#[cfg(target_os = "linux")]
fn renameat2(from: &Path, to: &Path, flags: libc::c_uint) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let from = CString::new(from.as_os_str().as_bytes())?;
    let to = CString::new(to.as_os_str().as_bytes())?;
    // the raw system call: glibc's wrapper is newer than some systems we run on
    let r = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            from.as_ptr(),
            libc::AT_FDCWD,
            to.as_ptr(),
            flags,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    renameat2(a, b, libc::RENAME_EXCHANGE)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// A rename that fails with AlreadyExists rather than replace a file.
fn rename_noreplace(from: &Path, to: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    match renameat2(from, to, libc::RENAME_NOREPLACE) {
        Err(e) if matches!(e.raw_os_error(), Some(libc::EINVAL | libc::ENOSYS)) => {}
        other => return other,
    }
    // a hard link fails if the name is taken; then drop the old name
    fs::hard_link(from, to)?;
    fs::remove_file(from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(path: &Path) -> Fingerprint {
        let (meta, bytes) = read_with_meta(path).unwrap();
        Fingerprint::new(&meta, hash(&bytes))
    }

    #[test]
    fn a_file_slipped_in_between_check_and_swap_is_swapped_back() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("w.json");
        fs::write(&target, "old").unwrap();
        let expected = known(&target);
        let temp = write_temp(&target, b"ours").unwrap();
        // the outside writer's atomic replace lands after our check
        fs::write(dir.path().join("theirs"), "theirs").unwrap();
        fs::rename(dir.path().join("theirs"), &target).unwrap();
        exchange(&temp.path, &target).unwrap();
        let Swapped::Conflict(temp) =
            check_swapped_out(&target, temp, hash(b"ours"), &expected).unwrap()
        else {
            panic!("theirs must not be replaced")
        };
        assert_eq!(fs::read(&target).unwrap(), b"theirs");
        assert_eq!(fs::read(&temp.path).unwrap(), b"ours");
    }

    #[test]
    fn a_swap_over_the_expected_file_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("w.json");
        fs::write(&target, "old").unwrap();
        let k = known(&target);
        let temp = write_temp(&target, b"new").unwrap();
        let Swapped::Done(fp, old) = swap_in(&target, temp, hash(b"new"), Some(&k)).unwrap() else {
            panic!("nothing changed the file")
        };
        assert_eq!(fs::read(&target).unwrap(), b"new");
        // the old file waits, under a name start-up cleans, until dropped
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
        drop(old);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        assert!(matches!(look(&target, Some(&fp)).unwrap(), Disk::Same(_)));
    }

    #[test]
    fn a_file_created_where_none_was_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("w.json");
        let temp = write_temp(&target, b"ours").unwrap();
        fs::write(&target, "theirs").unwrap();
        assert!(matches!(
            put_new(&target, temp, 0).unwrap(),
            Swapped::Conflict(_)
        ));
        assert_eq!(fs::read(&target).unwrap(), b"theirs");
    }
}
