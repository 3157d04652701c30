//! `funnel merge BASE OURS THEIRS [PATHNAME]` (spec section 13): git's
//! merge driver for a workspace (`git-setup` wires it as
//! `funnel merge %O %A %B %P`). Git hands over three temporary files and
//! takes OURS back as the result, so OURS is written only once the merge is
//! known to load, and a refusal leaves it byte for byte as it was: git then
//! reports a conflict and the working copy holds our side, never markers.

use super::{Failure, Output};
use crate::domain::merge::{self, Merged};
use crate::domain::workspace::{Conflict, VERSION, Workspace};
use crate::i18n::{self, Lang, Locale, t};
use crate::store::{self, Parsed, StoreError, guard, load};
use crate::tf;
use std::path::{Path, PathBuf};

/// The three versions git passes, and the name of the file in the
/// repository (git's `%P`), for messages.
pub struct Args<'a> {
    pub base: &'a Path,
    pub ours: &'a Path,
    pub theirs: &'a Path,
    pub pathname: Option<&'a str>,
}

#[derive(Clone, Copy)]
enum Side {
    Base,
    Ours,
    Theirs,
}

/// Merges, writes OURS, prints the summary on standard error; exit 0 with
/// no new conflict, 1 with some.
pub fn run(args: &Args, lang: Option<Lang>) -> Result<Output, Failure> {
    let ours = read(args, Side::Ours)?;
    // the messages speak the language of the workspace being merged
    i18n::set(Locale::resolve(
        lang,
        &ours.settings.language,
        &ours.settings.number_style,
    ));
    let theirs = read(args, Side::Theirs)?;
    let base = read(args, Side::Base)?;
    let merged = merge::merge(&base, &ours, &theirs);
    // the promise to git's users is a file that loads: a merge that would
    // break it is refused, and OURS (our side, whole) stays. The checks a
    // load makes after parsing, on the typed result: what the stable
    // writer writes, the parser reads back (the store's round-trip tests)
    if let Some(p) = crate::domain::validate::problems(&merged.workspace).first() {
        return Err(Failure::runtime(tf!(
            "{file}: the merged workspace would not load ({problem}); this is a bug in funnel merge, please report it. Nothing was written: the file keeps our side and git reports a conflict",
            file = shown_name(args, Side::Ours).display(),
            problem = format!("{}: {}", p.path, p.message)
        )));
    }
    let bytes = store::to_json_bytes(&merged.workspace);
    let target = store::real_path(args.ours);
    store::write_file(&target, &bytes).map_err(|e| {
        Failure::runtime(tf!(
            "{path}: cannot write the merged workspace: {e}",
            path = args.ours.display(),
            e
        ))
    })?;
    super::write_out(&mut std::io::stderr(), &summary(args, &merged));
    let code = if merged.conflicts.is_empty() { 0 } else { 1 };
    // the process ends right after: freeing four workspaces' small
    // allocations would cost more than the merge (see `Context::read`)
    std::mem::forget((base, ours, theirs, merged, bytes));
    Ok(Output::new(String::new(), code))
}

/// One side's workspace. Git gives an empty BASE when both sides added
/// the file: an empty workspace, so everything in either side is an
/// addition.
fn read(args: &Args, side: Side) -> Result<Workspace, Failure> {
    let path = match side {
        Side::Base => args.base,
        Side::Ours => args.ours,
        Side::Theirs => args.theirs,
    };
    let bytes = guard::read_regular(path, "read the workspace").map_err(|e| {
        let message = match e {
            StoreError::Missing(_) | StoreError::DanglingLink { .. } => tf!(
                "{path}: no such file, expected a funnel workspace (git passes BASE OURS THEIRS)",
                path = path.display()
            ),
            other => other.to_string(),
        };
        // a missing or unreadable side is bad usage: git always passes
        // three readable files
        Failure::usage(message + &whose(side, path))
    })?;
    if matches!(side, Side::Base) && bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Workspace {
            version: VERSION,
            ..Workspace::default()
        });
    }
    let name = shown_name(args, side);
    match load::parse(&bytes, &name) {
        Ok(Parsed {
            newer_version: Some(found),
            ..
        }) => Err(Failure::usage(
            tf!(
                "{file}: format version {found}, written by a newer funnel (this one knows up to {known}); upgrade funnel to merge it",
                file = name.display(),
                found,
                known = VERSION
            ) + &whose(side, path),
        )),
        Ok(parsed) => Ok(parsed.workspace),
        Err(problems) => {
            // git's conflict markers are named as such by the loader
            let mut message = problems[0].to_string();
            if problems.len() > 1 {
                message.push_str(&tf!(
                    "\n({n} more problems; `funnel check` lists them all)",
                    n = problems.len() - 1
                ));
            }
            Err(Failure::usage(message + &whose(side, path)))
        }
    }
}

/// The name a side goes by in messages: the file in the repository when
/// git said which (its own files are temporary names like
/// `.merge_file_a1b2c3`), else the path given.
fn shown_name(args: &Args, side: Side) -> PathBuf {
    match (args.pathname, side) {
        (Some(name), _) => PathBuf::from(name),
        (None, Side::Base) => args.base.to_owned(),
        (None, Side::Ours) => args.ours.to_owned(),
        (None, Side::Theirs) => args.theirs.to_owned(),
    }
}

/// Which version of the file a message is about, and that nothing changed.
fn whose(side: Side, path: &Path) -> String {
    let version = match side {
        Side::Base => t("the common ancestor (BASE)"),
        Side::Ours => t("our version (OURS)"),
        Side::Theirs => t("their version (THEIRS)"),
    };
    tf!(
        "\nin {version}, {path}; nothing was merged and OURS is unchanged",
        version,
        path = path.display()
    )
}

/// What standard error says after a merge: each new conflict (path, ours
/// and theirs) and each record of theirs given a new id.
fn summary(args: &Args, merged: &Merged) -> String {
    let file = args
        .pathname
        .map_or_else(|| args.ours.display().to_string(), str::to_owned);
    let mut out = match merged.conflicts.len() {
        0 => tf!("funnel merge: {file}: merged record by record\n", file),
        n => tf!(
            "funnel merge: {file}: merged record by record; {count} kept our value, theirs is recorded in the file (resolve them in the workbench: open the file, press M)\n",
            file,
            count = conflicts(n)
        ),
    };
    for c in &merged.conflicts {
        out.push_str(&tf!("  conflict {line}\n", line = conflict_line(c)));
    }
    for r in &merged.renamed {
        out.push_str(&tf!(
            "  both sides added {list}[{from}]: theirs is now {to}\n",
            list = r.list,
            from = r.from,
            to = r.to
        ));
    }
    let older = merged.workspace.conflicts.len()
        - merged.conflicts.len().min(merged.workspace.conflicts.len());
    if older > 0 {
        out.push_str(&tf!(
            "  ({count} from earlier merges still unresolved)\n",
            count = conflicts(older)
        ));
    }
    out
}

fn conflicts(n: usize) -> String {
    crate::text::plain_count(n as i64, "conflict", "conflicts")
}

/// `path: ours X, theirs Y`; for a whole record, which side deleted it.
fn conflict_line(c: &Conflict) -> String {
    let value = |v: &serde_json::Value| {
        crate::text::truncate(&crate::domain::conflict_place::brief(v), 60).into_owned()
    };
    let record = c.path.ends_with(']');
    if record && c.ours.is_null() {
        return tf!(
            "{path}: not in ours, changed in theirs (take theirs to keep it)",
            path = c.path
        );
    }
    if record && c.theirs.is_null() {
        return tf!(
            "{path}: changed in ours (kept), deleted in theirs",
            path = c.path
        );
    }
    if record {
        return tf!(
            "{path}: changed differently on both sides (ours kept, theirs recorded)",
            path = c.path
        );
    }
    tf!(
        "{path}: ours {ours}, theirs {theirs}",
        path = c.path,
        ours = value(&c.ours),
        theirs = value(&c.theirs)
    )
}
