//! `funnel git-setup [--pattern GLOB]` (spec section 13): wires
//! `funnel merge` into the git repository that holds the workspace. Two
//! halves, because git keeps them apart: the `.gitattributes` line (a file
//! in the repository, committed and shared) says which files use the
//! driver; the `merge.funnel.*` config (local to each clone, never pushed)
//! says what the driver runs. Running it again changes nothing.

use super::{Failure, Output};
use crate::i18n::t;
use crate::tf;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The driver's name in `git config`, shown by git in its messages.
const DRIVER_NAME: &str = "funnel: merge workspaces record by record"; // i18n-exempt: git config value, read by git

/// The `.gitattributes` attribute that picks the driver.
const ATTRIBUTE: &str = "merge=funnel"; // i18n-exempt: a .gitattributes word, read by git

/// What to wire: the workspace (its repository, its path in it) and,
/// for a repository of one file per seller, a pattern instead of its path.
pub struct Args<'a> {
    pub workspace: &'a Path,
    /// `--pattern GLOB`, relative to the repository's root.
    pub pattern: Option<&'a str>,
    /// `--workspace` was given: without it a pattern is for the
    /// repository of the current folder, not the default workspace's.
    pub workspace_given: bool,
}

pub fn run(args: &Args) -> Result<Output, Failure> {
    // a folder of workspaces (a team's) is wired by a pattern
    if args.pattern.is_none() && args.workspace.is_dir() {
        return Err(Failure::usage(tf!(
            "{path}: a folder, expected a workspace file; for every workspace in it, give a pattern: funnel git-setup --pattern '{path}/*.json'",
            path = args.workspace.display()
        )));
    }
    let folder = match (args.pattern, args.workspace_given) {
        (Some(_), false) => std::env::current_dir()
            .map_err(|e| Failure::runtime(tf!("cannot find the current folder: {e}", e)))?,
        _ => workspace_folder(args.workspace)?,
    };
    let root = toplevel(&folder)?;
    let pattern = match args.pattern {
        Some(glob) => checked_pattern(glob)?,
        None => pattern_of(&crate::store::real_path(args.workspace), &root)?,
    };
    let mut out = String::new();
    out.push_str(&attributes(&root, &pattern)?);
    out.push_str(&config(&root)?);
    if let Some(problem) = not_applied(&root, args, &pattern) {
        out.push_str(&problem);
    }
    out.push_str(t(
        "git config is not pushed: run `funnel git-setup` once in every clone of this repository (commit .gitattributes so they all merge the same way)\n",
    ));
    Ok(Output::new(out, 0))
}

/// The folder the workspace is in (its link's target's, for a link).
fn workspace_folder(workspace: &Path) -> Result<PathBuf, Failure> {
    let real = crate::store::real_path(workspace);
    let folder = real
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_owned);
    if !folder.is_dir() {
        return Err(Failure::usage(tf!(
            "{path}: the folder of this workspace does not exist, expected a workspace in a git repository",
            path = workspace.display()
        )));
    }
    Ok(folder)
}

/// Runs git with `args` in `dir`: its standard output, trimmed, or its
/// standard error as the failure.
fn git(dir: &Path, args: &[&str]) -> Result<Result<String, String>, Failure> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Failure::runtime(t(
                "git is not installed (or not on PATH); install git, then run `funnel git-setup` again",
            )),
            _ => Failure::runtime(tf!("cannot run git: {e}", e)),
        })?;
    let text = |b: &[u8]| String::from_utf8_lossy(b).trim_end().to_owned();
    Ok(match out.status.success() {
        true => Ok(text(&out.stdout)),
        false => Err(text(&out.stderr)),
    })
}

/// The root of the repository holding `folder`.
fn toplevel(folder: &Path) -> Result<PathBuf, Failure> {
    match git(folder, &["rev-parse", "--show-toplevel"])? {
        Ok(root) if !root.is_empty() => Ok(PathBuf::from(root)),
        // a bare repository or the inside of .git: no working tree
        Ok(_) => Err(Failure::usage(tf!(
            "{path}: not in a git working tree; run `git init` there first",
            path = folder.display()
        ))),
        Err(_) => Err(Failure::usage(tf!(
            "{path}: not in a git repository; run `git init` there first (or pass --workspace PATH of a workspace inside one)",
            path = folder.display()
        ))),
    }
}

/// The workspace's path from the root, as a `.gitattributes` pattern that
/// matches it alone: glob characters escaped and, when it holds a blank
/// (git splits the line at blanks), in C-style double quotes.
fn pattern_of(workspace: &Path, root: &Path) -> Result<String, Failure> {
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_owned());
    let relative = workspace.strip_prefix(&root).map_err(|_| {
        Failure::usage(tf!(
            "{path}: the workspace is not inside the repository at {root}",
            path = workspace.display(),
            root = root.display()
        ))
    })?;
    let cannot = || {
        Failure::usage(tf!(
            "{path}: .gitattributes cannot name this file (a control character or invalid UTF-8 in its name); rename it or use --pattern",
            path = relative.display()
        ))
    };
    let text = relative
        .to_str()
        .filter(|s| !s.is_empty() && !s.chars().any(char::is_control))
        .ok_or_else(cannot)?;
    let mut glob = String::new();
    for (i, c) in text.chars().enumerate() {
        // `#` and `!` mean something only where the pattern starts
        if matches!(c, '*' | '?' | '[' | ']' | '\\') || (i == 0 && matches!(c, '#' | '!')) {
            glob.push('\\');
        }
        glob.push(c);
    }
    if !glob.contains(char::is_whitespace) && !glob.starts_with('"') {
        return Ok(glob);
    }
    let quoted: String = glob
        .chars()
        .flat_map(|c| match c {
            '\\' | '"' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    Ok(format!("\"{quoted}\""))
}

/// A `--pattern` as typed, if `.gitattributes` can hold it.
fn checked_pattern(glob: &str) -> Result<String, Failure> {
    let glob = glob.trim();
    let bad = glob.is_empty()
        || glob.starts_with('#')
        || glob.starts_with('!')
        || glob.starts_with('"')
        || glob.chars().any(|c| c.is_whitespace() || c.is_control())
        // a pattern is read from the repository's root: `..` never matches
        || glob.split('/').any(|part| part == "..");
    if bad {
        return Err(Failure::usage(tf!(
            "--pattern {glob}: expected a path pattern from the repository's root without blanks, like sellers/*.json",
            glob = format!("{glob:?}")
        )));
    }
    Ok(glob.to_owned())
}

/// Adds `PATTERN merge=funnel` to the root's `.gitattributes` unless that
/// very line is there; other lines stay as they are.
fn attributes(root: &Path, pattern: &str) -> Result<String, Failure> {
    let file = root.join(".gitattributes");
    let line = format!("{pattern} {ATTRIBUTE}");
    let old = match std::fs::read(&file) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| {
            Failure::usage(tf!(
                "{path}: not UTF-8 text, expected .gitattributes lines; fix the file, then run `funnel git-setup` again",
                path = file.display()
            ))
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => {
            return Err(Failure::runtime(tf!(
                "{path}: cannot read: {e}",
                path = file.display(),
                e
            )));
        }
    };
    let present = old.lines().any(|l| {
        l.strip_prefix(pattern).is_some_and(|rest| {
            rest.starts_with(char::is_whitespace) && rest.split_whitespace().any(|w| w == ATTRIBUTE)
        })
    });
    if present {
        return Ok(tf!(
            "{path}: already has \"{line}\"\n",
            path = file.display(),
            line
        ));
    }
    let newline = if old.contains("\r\n") { "\r\n" } else { "\n" };
    let mut new = old.clone();
    if !new.is_empty() && !new.ends_with('\n') {
        new.push_str(newline);
    }
    new.push_str(&line);
    new.push_str(newline);
    crate::store::write_file(&file, new.as_bytes()).map_err(|e| {
        Failure::runtime(tf!("{path}: cannot write: {e}", path = file.display(), e))
    })?;
    Ok(tf!(
        "{path}: added \"{line}\" (commit it: every clone then merges this file with funnel)\n",
        path = file.display(),
        line
    ))
}

/// Sets `merge.funnel.name` and `merge.funnel.driver` in the repository's
/// config, to this very program (git runs the driver through the shell).
fn config(root: &Path) -> Result<String, Failure> {
    let exe = std::env::current_exe()
        .map_err(|e| Failure::runtime(tf!("cannot find this program's path: {e}", e)))?;
    let exe = exe.to_str().ok_or_else(|| {
        Failure::runtime(tf!(
            "{path}: this program's path is not valid UTF-8, which git config cannot hold; install funnel elsewhere",
            path = exe.display()
        ))
    })?;
    // i18n-exempt: the command line git runs
    let driver = format!("{} merge %O %A %B %P", shell_quote(exe));
    let mut changed = false;
    for (key, value) in [
        ("merge.funnel.name", DRIVER_NAME),
        ("merge.funnel.driver", driver.as_str()),
    ] {
        if git(root, &["config", "--get", key])?.ok().as_deref() == Some(value) {
            continue;
        }
        if let Err(e) = git(root, &["config", key, value])? {
            return Err(Failure::runtime(tf!(
                "{root}: git config {key} failed: {e}",
                root = root.display(),
                key,
                e
            )));
        }
        changed = true;
    }
    Ok(match changed {
        true => tf!(
            "{root}: set git config merge.funnel.driver to {driver}\n",
            root = root.display(),
            driver
        ),
        false => tf!(
            "{root}: git config merge.funnel.driver is already {driver}\n",
            root = root.display(),
            driver
        ),
    })
}

/// What git itself says for the file: a later line of `.gitattributes`
/// (or one in a subfolder) can still give it another driver.
fn not_applied(root: &Path, args: &Args, pattern: &str) -> Option<String> {
    if args.pattern.is_some() {
        return pattern_not_applied(root, pattern);
    }
    let real = crate::store::real_path(args.workspace);
    // `PATH: merge: VALUE`
    let said = git(root, &["check-attr", "merge", "--", real.to_str()?])
        .ok()?
        .ok()?;
    let value = said.rsplit(": ").next().unwrap_or("");
    (value != "funnel").then(|| {
        tf!(
            "warning: git still gives {path} the merge attribute \"{value}\", not funnel: another .gitattributes line overrides \"{pattern} merge=funnel\"; remove it\n",
            path = real.display(),
            value,
            pattern
        )
    })
}

/// For a pattern: the files it matches now (tracked or not, ignored ones
/// left out), each as git sees it: none matching is said (a typo such as
/// `seller/*.json` would wire nothing), and so is one that another line
/// gives another merge driver.
fn pattern_not_applied(root: &Path, pattern: &str) -> Option<String> {
    let spec = format!(":(glob){pattern}"); // i18n-exempt: a git pathspec
    let listed = git(
        root,
        &[
            "ls-files",
            "--cached",
            "--others",
            "--exclude-standard",
            "--",
            &spec,
        ],
    )
    .ok()?
    .ok()?;
    let files: Vec<&str> = listed.lines().filter(|l| !l.is_empty()).collect();
    if files.is_empty() {
        return Some(tf!(
            "note: no file in the repository matches {pattern} yet; it will apply to files that do (check the spelling)\n",
            pattern
        ));
    }
    let mut args = vec!["check-attr", "merge", "--"];
    args.extend(files.iter().copied());
    let said = git(root, &args).ok()?.ok()?;
    let other: Vec<&str> = said
        .lines()
        .filter(|l| !l.ends_with(": funnel")) // i18n-exempt: git check-attr output
        .filter_map(|l| l.split(": merge: ").next()) // i18n-exempt: git check-attr output
        .collect();
    (!other.is_empty()).then(|| {
        tf!(
            "warning: git does not merge {files} with funnel: another .gitattributes line overrides \"{pattern} merge=funnel\"; remove it\n",
            files = other.join(", "),
            pattern
        )
    })
}

/// `s` as one word for a POSIX shell: as it is when it holds nothing the
/// shell reads, else in single quotes.
pub fn shell_quote(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+:,@%=".contains(c));
    if plain {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_with_blanks_or_quotes_stays_one_shell_word() {
        assert_eq!(shell_quote("/usr/bin/funnel"), "/usr/bin/funnel");
        assert_eq!(shell_quote("/my apps/funnel"), "'/my apps/funnel'");
        assert_eq!(shell_quote("/it's/funnel"), r"'/it'\''s/funnel'");
    }

    #[test]
    fn a_pattern_names_the_file_alone() {
        let root = Path::new("/r");
        let p = |rel: &str| pattern_of(&root.join(rel), root).unwrap();
        assert_eq!(p("workspace.json"), "workspace.json");
        assert_eq!(p("sellers/li wei.json"), r#""sellers/li wei.json""#);
        assert_eq!(p("a*[1].json"), r"a\*\[1\].json");
        assert_eq!(p("a *.json"), r#""a \\*.json""#);
        assert_eq!(p("#x.json"), r"\#x.json");
        assert_eq!(p("s/#x.json"), "s/#x.json");
    }
}
