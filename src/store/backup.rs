//! Timestamped copies of the workspace as it was before funnel wrote over
//! it, kept in the data directory and pruned so they never pile up.

use std::fs;
use std::io;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Where and how often backups are taken.
#[derive(Debug, Clone)]
pub struct Backups {
    pub dir: PathBuf,
    /// How many to keep; older ones are deleted.
    pub keep: usize,
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
            keep: 20,
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
        fs::copy(source, &target)?;
        fs::set_permissions(&target, fs::Permissions::from_mode(0o600))?;
        self.prune()?;
        Ok(Some(target))
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

    fn prune(&self) -> io::Result<()> {
        let files = self.list()?;
        let excess = files.len().saturating_sub(self.keep);
        for old in &files[..excess] {
            fs::remove_file(old)?;
        }
        Ok(())
    }
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
        fs::write(&ws, "v1").unwrap();
        let mut b = Backups::for_workspace(&dir.path().join("data"), &ws);
        b.keep = 3;
        let first = b.take(&ws, false).unwrap().expect("first backup");
        assert_eq!(fs::read_to_string(&first).unwrap(), "v1");
        assert_eq!(
            fs::metadata(&first).unwrap().permissions().mode() & 0o777,
            0o600
        );
        assert!(b.take(&ws, false).unwrap().is_none(), "throttled");
        for n in 2..=5 {
            fs::write(&ws, format!("v{n}")).unwrap();
            b.take(&ws, true).unwrap().unwrap();
        }
        let kept = b.list().unwrap();
        assert_eq!(kept.len(), 3);
        assert_eq!(fs::read_to_string(kept.last().unwrap()).unwrap(), "v5");
        assert_eq!(fs::read_to_string(&kept[0]).unwrap(), "v3");
    }
}
