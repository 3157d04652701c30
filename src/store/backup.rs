//! Timestamped copies of the workspace as it was before funnel wrote over
//! it, kept in the data directory and pruned so they never pile up.
//!
//! A backup is written like the workspace: to a temporary name that never
//! looks like a backup, synced, read back and parsed, and only then renamed
//! to its `.json` name. A kill at any instant leaves at worst a stale
//! temporary file, never a truncated backup that passes for a good one.

use std::fs::{self, File};
use std::io::{self, BufReader};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Where and how often backups are taken.
#[derive(Debug, Clone)]
pub struct Backups {
    pub dir: PathBuf,
    /// How many to keep; older ones are deleted.
    pub keep: usize,
    /// Together at most this many times the workspace's size (the newest
    /// is always kept): at 100k opportunities 20 copies took 13 GB.
    pub size_factor: u64,
    /// After the first save of a session, a new backup only when the newest
    /// is older than this: an edit every few seconds should not fill the
    /// folder with near-identical copies.
    pub every: Duration,
}

impl Backups {
    /// Backups of `workspace` under `data_dir/backups/`, in a folder of their
    /// own per workspace file so that two workspaces never prune each other.
    pub fn for_workspace(data_dir: &Path, workspace: &Path) -> Backups {
        let full = fs::canonicalize(workspace).unwrap_or_else(|_| workspace.to_owned());
        let stem = workspace
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "workspace".into());
        let folder = format!(
            "{stem}-{:08x}",
            fnv1a(full.as_os_str().as_encoded_bytes()) as u32
        );
        Backups {
            dir: data_dir.join("backups").join(folder),
            keep: 10,
            size_factor: 5,
            every: Duration::from_secs(10 * 60),
        }
    }

    /// Copies `source` into the backup folder if `forced` or the newest
    /// backup is older than `every`; then prunes. Returns the copy made.
    pub fn take(&self, source: &Path, forced: bool) -> io::Result<Option<PathBuf>> {
        if !source.exists() {
            return Ok(None);
        }
        let existing = self.list()?;
        if !forced && let Some(newest) = existing.last() {
            let age = fs::metadata(newest)?
                .modified()
                .ok()
                .and_then(|m| SystemTime::now().duration_since(m).ok())
                .unwrap_or(Duration::MAX);
            if age < self.every {
                return Ok(None);
            }
        }
        fs::create_dir_all(&self.dir)?;
        let _ = fs::set_permissions(&self.dir, fs::Permissions::from_mode(0o700));
        let stamp = stamp();
        // Several backups in one second get -2, -3…, after the highest kept.
        let taken = existing
            .iter()
            .map(|p| sort_key(p))
            .filter(|(s, _)| *s == stamp)
            .map(|(_, n)| n)
            .max();
        let target = match taken {
            None => self.dir.join(format!("{stamp}.json")),
            Some(n) => self.dir.join(format!("{stamp}-{}.json", n + 1)),
        };
        let temp = self.dir.join(format!(
            ".{}.{}{TEMP_SUFFIX}",
            target.file_name().unwrap_or_default().to_string_lossy(),
            std::process::id()
        ));
        let written = copy_verified(source, &temp);
        if let Err(e) = written {
            let _ = fs::remove_file(&temp);
            return Err(e);
        }
        fs::rename(&temp, &target)?;
        File::open(&self.dir)?.sync_all()?;
        self.prune(fs::metadata(&target)?.len())?;
        Ok(Some(target))
    }

    /// Removes temporary files a killed funnel left in the backup folder.
    /// Only called with the workspace's lock held: no one else writes here.
    pub fn remove_stale_temps(&self) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.filter_map(|e| e.ok()) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') && name.ends_with(TEMP_SUFFIX) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    /// The backups, oldest first (names sort by time).
    pub fn list(&self) -> io::Result<Vec<PathBuf>> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort_by_key(|p| sort_key(p));
        Ok(files)
    }

    /// Keeps the newest backups while there are at most `keep` of them and
    /// together at most `size_factor` times `workspace_len`; the newest is
    /// always kept.
    fn prune(&self, workspace_len: u64) -> io::Result<()> {
        let files = self.list()?;
        let budget = workspace_len.saturating_mul(self.size_factor);
        let mut total = 0u64;
        for (n, file) in files.iter().rev().enumerate() {
            total = total.saturating_add(fs::metadata(file).map_or(0, |m| m.len()));
            if n > 0 && (n >= self.keep || total > budget) {
                fs::remove_file(file)?;
            }
        }
        Ok(())
    }
}

/// Ends the name of a backup being written; never `.json`, so a half
/// written one is never listed.
const TEMP_SUFFIX: &str = ".partial";

/// Copies `source` to `temp` (mode 0600), syncs it, and reads it back: it
/// must be as long as the source and parse as JSON, or it is no backup.
///
/// The source is opened once and measured on that open file: another
/// program may rename a new version over the workspace while it is copied
/// (an outside writer racing a save), and the copy is then of the version
/// opened, whole, not compared with a length read from the newer one.
fn copy_verified(source: &Path, temp: &Path) -> io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut from = File::open(source)?;
    let expected = from.metadata()?.len();
    let mut to = fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(temp)?;
    // a file left by an earlier attempt keeps its mode: set it again
    to.set_permissions(fs::Permissions::from_mode(0o600))?;
    let len = io::copy(&mut from, &mut to)?;
    to.sync_all()?;
    drop(to);
    let file = File::open(temp)?;
    let bad = |why: String| io::Error::new(io::ErrorKind::InvalidData, why);
    if file.metadata()?.len() != len || len != expected {
        return Err(bad(crate::i18n::t(
            "the copy is not as long as the workspace",
        )
        .into()));
    }
    serde_json::from_reader::<_, serde::de::IgnoredAny>(BufReader::new(file))
        .map_err(|e| bad(crate::tf!("the copy does not parse as JSON: {e}", e)))?;
    Ok(())
}

/// The time now in UTC, `20261125T101500Z`: names sort in time order even
/// across a time-zone or daylight-saving change.
pub fn stamp() -> String {
    chrono::Utc::now().format("%Y%m%dT%H%M%SZ").to_string()
}

/// `20261125T101500Z-2.json` sorts after `20261125T101500Z.json`.
fn sort_key(p: &Path) -> (String, u32) {
    let stem = p.file_stem().unwrap_or_default().to_string_lossy();
    match stem.split_once('-') {
        Some((stamp, n)) => (stamp.to_owned(), n.parse().unwrap_or(0)),
        None => (stem.into_owned(), 1),
    }
}

/// FNV-1a: a hash that is the same in every run and every build, for folder
/// names.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x100000001b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backups_are_throttled_forced_and_pruned() {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path().join("w.json");
        fs::write(&ws, "\"v1\"").unwrap();
        let mut b = Backups::for_workspace(&dir.path().join("data"), &ws);
        b.keep = 3;
        let first = b.take(&ws, false).unwrap().expect("first backup");
        assert_eq!(fs::read_to_string(&first).unwrap(), "\"v1\"");
        assert_eq!(
            fs::metadata(&first).unwrap().permissions().mode() & 0o777,
            0o600
        );
        assert!(b.take(&ws, false).unwrap().is_none(), "throttled");
        for n in 2..=5 {
            fs::write(&ws, format!("\"v{n}\"")).unwrap();
            b.take(&ws, true).unwrap().unwrap();
        }
        let kept = b.list().unwrap();
        assert_eq!(kept.len(), 3);
        assert_eq!(fs::read_to_string(kept.last().unwrap()).unwrap(), "\"v5\"");
        assert_eq!(fs::read_to_string(&kept[0]).unwrap(), "\"v3\"");
    }

    #[test]
    fn pruning_keeps_the_total_within_five_times_the_workspace() {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path().join("w.json");
        let b = Backups::for_workspace(&dir.path().join("data"), &ws);
        // a big old version, then the workspace shrinks to a tenth
        fs::write(&ws, format!("\"{}\"", "x".repeat(998))).unwrap();
        b.take(&ws, true).unwrap().unwrap();
        fs::write(&ws, format!("\"{}\"", "y".repeat(98))).unwrap();
        for _ in 0..4 {
            b.take(&ws, true).unwrap().unwrap();
        }
        let kept = b.list().unwrap();
        let total: u64 = kept.iter().map(|p| fs::metadata(p).unwrap().len()).sum();
        assert_eq!((kept.len(), total), (4, 400), "the 1000-byte one went");
    }

    #[test]
    fn a_copy_that_does_not_parse_is_no_backup() {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path().join("w.json");
        fs::write(&ws, "{\"cut\": [1, 2").unwrap();
        let b = Backups::for_workspace(&dir.path().join("data"), &ws);
        let err = b.take(&ws, true).unwrap_err();
        assert!(err.to_string().contains("does not parse"), "{err}");
        assert!(b.list().unwrap().is_empty());
        assert_eq!(fs::read_dir(&b.dir).unwrap().count(), 0, "no temp left");
    }
}
