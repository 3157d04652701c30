//! `--profile NAME` and `--save-profile NAME` of `funnel import csv`: the
//! options a user repeats, kept under `settings.import_profiles.NAME`.

use super::Failure;
use super::import::Args;
use crate::domain::{ImportProfile, Workspace};
use crate::i18n::t;
use crate::store::StoreError;
use std::path::Path;

/// `COLUMN=FIELD` split at the last `=` (a column name may hold one), the
/// target trimmed and lower-cased as the import reads it.
pub fn pair(s: &str, what: &str) -> Result<(String, String), Failure> {
    s.rsplit_once('=')
        .map(|(a, b)| (a.to_owned(), b.trim().to_lowercase()))
        .ok_or_else(|| {
            Failure::usage(crate::tf!(
                "{what} {s}: expected VALUE=TARGET",
                what,
                s = format!("{s:?}")
            ))
        })
}

/// The options given on the command line, as a profile.
pub fn given(args: &Args) -> Result<ImportProfile, Failure> {
    let mut p = ImportProfile::default();
    for m in args.map {
        let (column, field) = pair(m, "--map")?;
        // a later --map of the same column wins, as the import reads it
        p.map.insert(column, field);
    }
    for m in args.stage_map {
        let (value, stage) = pair(m, "--stage-map")?;
        p.stage_map.insert(value, stage);
    }
    for r in args.rates {
        let (currency, rate) = pair(r, "--rate")?;
        p.rates.insert(currency.trim().to_uppercase(), rate);
    }
    p.dates = args.dates.map(str::to_owned);
    p.encoding = args.reading.encoding.clone();
    p.delimiter = args.reading.delimiter.clone();
    p.no_header = args.reading.no_header;
    p.nulls = args.reading.nulls.clone();
    p.skip_bad_rows = args.reading.skip_bad_rows;
    p.source = args.source.map(str::to_owned);
    p.currency = args.currency.map(str::to_owned);
    Ok(p)
}

/// The saved profile with the command line's options on top: a `--map`
/// replaces the profile's entry for the same column and any other column
/// the profile maps to the same field; `--stage-map` and `--rate` replace
/// the entry for their value or currency; a value option replaces the
/// profile's; `--null` adds; a switch (`--no-header`, `--skip-bad-rows`) is
/// on when either turns it on (a profile's switch cannot be turned off on
/// the command line: save another profile).
pub fn overlay(mut saved: ImportProfile, given: ImportProfile) -> ImportProfile {
    for (column, field) in given.map {
        saved
            .map
            .retain(|c, f| *c != column && f.trim().to_lowercase() != field);
        saved.map.insert(column, field);
    }
    saved.stage_map.extend(given.stage_map);
    saved.rates.extend(given.rates);
    for null in given.nulls {
        if !saved.nulls.contains(&null) {
            saved.nulls.push(null);
        }
    }
    saved.no_header |= given.no_header;
    saved.skip_bad_rows |= given.skip_bad_rows;
    saved.dates = given.dates.or(saved.dates);
    saved.encoding = given.encoding.or(saved.encoding);
    saved.delimiter = given.delimiter.or(saved.delimiter);
    saved.source = given.source.or(saved.source);
    saved.currency = given.currency.or(saved.currency);
    saved
}

/// The profile `name` of the workspace, read before the file so an unknown
/// name stops the import before anything is read or locked.
pub fn load(workspace: &Path, name: &str) -> Result<ImportProfile, Failure> {
    let ws = match crate::store::read(workspace) {
        Ok(parsed) => parsed.workspace,
        Err(StoreError::Missing(_) | StoreError::DanglingLink { .. }) => Workspace::new("", ""),
        Err(e) => return Err(e.into()),
    };
    let profiles = &ws.settings.import_profiles;
    profiles.get(name).cloned().ok_or_else(|| {
        let there = if profiles.is_empty() {
            t("there are none; --save-profile NAME saves this import's options").to_owned()
        } else {
            crate::tf!(
                "the profiles are: {names}",
                names = profiles.keys().cloned().collect::<Vec<_>>().join(", ")
            )
        };
        Failure::usage(crate::tf!(
            "--profile {name}: no such import profile in {path}; {there}\nnothing was imported",
            name = format!("{name:?}"),
            path = workspace.display(),
            there
        ))
    })
}

/// Stores `profile` under `name`, keeping the fields this version does not
/// know of a profile it replaces. Says whether the workspace changed.
pub fn store(ws: &mut Workspace, name: &str, mut profile: ImportProfile) -> bool {
    let profiles = &mut ws.settings.import_profiles;
    if let Some(old) = profiles.get(name) {
        for (k, v) in &old.extra {
            profile.extra.entry(k.clone()).or_insert_with(|| v.clone());
        }
    }
    if profiles.get(name) == Some(&profile) {
        return false;
    }
    profiles.insert(name.to_owned(), profile);
    true
}

/// A profile as the command-line options it stands for, so it can be read,
/// and typed again to change it.
fn as_options(p: &ImportProfile) -> String {
    let mut out: Vec<String> = Vec::new();
    let quoted = |flag: &str, v: &str| format!("{flag} {v:?}");
    out.extend(
        p.map
            .iter()
            .map(|(c, f)| quoted("--map", &format!("{c}={f}"))),
    );
    out.extend(
        p.stage_map
            .iter()
            .map(|(v, s)| quoted("--stage-map", &format!("{v}={s}"))),
    );
    out.extend(
        p.rates
            .iter()
            .map(|(c, r)| quoted("--rate", &format!("{c}={r}"))),
    );
    for (flag, value) in [
        ("--dates", &p.dates),
        ("--encoding", &p.encoding),
        ("--delimiter", &p.delimiter),
        ("--source", &p.source),
        ("--currency", &p.currency),
    ] {
        if let Some(v) = value {
            out.push(quoted(flag, v));
        }
    }
    out.extend(p.nulls.iter().map(|n| quoted("--null", n)));
    if p.no_header {
        out.push("--no-header".into());
    }
    if p.skip_bad_rows {
        out.push("--skip-bad-rows".into());
    }
    match out.is_empty() {
        true => t("(no options)").into(),
        false => out.join(" "),
    }
}

/// `funnel import profiles [--delete NAME]`: lists the saved profiles, or
/// removes one (saved at once, like any change).
pub fn run(ctx: &super::Context, delete: Option<&str>) -> Result<String, Failure> {
    let Some(name) = delete else {
        let ws = crate::store::read(&ctx.workspace)?.workspace;
        ctx.use_settings(&ws.settings);
        let profiles = &ws.settings.import_profiles;
        if profiles.is_empty() {
            return Ok(crate::tf!(
                "no import profiles in {path}; `funnel import csv FILE … --save-profile NAME` saves one\n",
                path = ctx.workspace.display()
            ));
        }
        let lines: Vec<String> = profiles
            .iter()
            .map(|(name, p)| format!("{name}: {}", as_options(p)))
            .collect();
        return Ok(lines.join("\n") + "\n");
    };
    let (mut store, mut ws) = crate::store::Store::open(&ctx.workspace, &ctx.data_dir)?;
    ctx.use_settings(&ws.settings);
    if let Some(r) = store.read_only() {
        return Err(Failure::runtime(crate::tf!("{r}: nothing was deleted", r)));
    }
    if ws.settings.import_profiles.remove(name).is_none() {
        let names: Vec<&str> = ws
            .settings
            .import_profiles
            .keys()
            .map(String::as_str)
            .collect();
        return Err(Failure::usage(crate::tf!(
            "--delete {name}: no such import profile in {path}; {there}",
            name = format!("{name:?}"),
            path = ctx.workspace.display(),
            there = match names.is_empty() {
                true => t("there are none").to_owned(),
                false => crate::tf!("the profiles are: {names}", names = names.join(", ")),
            }
        )));
    }
    store.save(&ws)?;
    Ok(crate::tf!(
        "deleted import profile {name}\n",
        name = format!("{name:?}")
    ))
}
