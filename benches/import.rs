//! `cargo bench --bench import`: `funnel import csv` timed as the user waits
//! for it, from spawning the release binary to its exit (output to a file),
//! median and range of 5 rounds (`FUNNEL_BENCH_ROUNDS`), beside the child's
//! CPU time (user and system, median; steadier than the wall clock on a busy
//! machine) and peak memory (its maximum resident set), both from `wait4`.
//!
//! Inputs, made in a temporary folder from the Maven CRM file in
//! `../shared/data` (which is only read): the file itself (8,800 rows) and
//! 100,000 rows, the Maven rows repeated with the opportunity id suffixed
//! `-r{n}` so that every row is a deal of its own. Each is imported into a
//! new workspace (no file at the start of each round), then again into the
//! result (all unchanged); the 100,000 rows also as `--dry-run` against an
//! empty workspace. Every run must exit 0 and say what it did, and every
//! saved workspace must hold the expected number of deals, so the bench
//! cannot time a failure.

use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

const BIG: usize = 100_000;

/// One timed case: its label, the input, the workspace, whether the round
/// starts with no workspace file, the extra arguments, and what the output
/// and the workspace must show.
struct Case {
    label: &'static str,
    input: PathBuf,
    rows: usize,
    ws: PathBuf,
    fresh: bool,
    dry_run: bool,
    expect: String,
    times: Vec<Duration>,
    cpu: Vec<Duration>,
    peak_kb: i64,
}

fn main() {
    if std::env::args().any(|a| a == "--test" || a == "--list") {
        return;
    }
    // the deal count, in a process of its own: loading a large workspace
    // here would raise this process's peak memory, which a child spawned
    // after it inherits in its own figure until it execs
    if let Some(file) = std::env::args().skip_while(|a| a != "--count").nth(1) {
        let parsed = funnel::store::read(Path::new(&file)).expect("the workspace loads");
        println!("{}", parsed.workspace.opportunities.len());
        return;
    }
    let rounds: usize = std::env::var("FUNNEL_BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5)
        .max(1);
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_funnel"));
    let dir = tempfile::tempdir().expect("a temporary folder");
    let maven =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/maven-crm/sales_pipeline.csv");
    let (big, maven_rows) = repeat_rows(&maven, BIG, &dir.path().join("rows-100000.csv"));
    // the dry run's empty workspace: a saved one with no deals
    let empty = dir.path().join("empty.json");
    let new_ws = funnel::domain::Workspace::new("", "");
    std::fs::write(&empty, funnel::store::to_json_bytes(&new_ws)).expect("the empty workspace");

    let case = |label, input: &Path, rows, ws: &str, fresh, dry_run, expect: String| Case {
        label,
        input: input.to_owned(),
        rows,
        ws: dir.path().join(ws),
        fresh,
        dry_run,
        expect,
        times: Vec::new(),
        cpu: Vec::new(),
        peak_kb: 0,
    };
    let added = |n| format!("{n} rows from {{}}: {n} added, 0 updated, 0 unchanged");
    let again = |n| format!("{n} rows from {{}}: 0 added, 0 updated, {n} unchanged");
    let mut cases = [
        case(
            "Maven CRM, 8,800 rows, into a new workspace",
            &maven,
            maven_rows,
            "maven.json",
            true,
            false,
            added(maven_rows),
        ),
        case(
            "Maven CRM again (all unchanged)",
            &maven,
            maven_rows,
            "maven.json",
            false,
            false,
            again(maven_rows),
        ),
        case(
            "100,000 rows into a new workspace",
            &big,
            BIG,
            "big.json",
            true,
            false,
            added(BIG),
        ),
        case(
            "the same 100,000 rows again (all unchanged)",
            &big,
            BIG,
            "big.json",
            false,
            false,
            again(BIG),
        ),
        case(
            "100,000 rows, `--dry-run`, empty workspace",
            &big,
            BIG,
            "empty.json",
            false,
            true,
            format!("plan: {BIG} to add, 0 to update, 0 to skip"),
        ),
    ];
    // each round runs every case in turn, so drift falls on all of them
    for _ in 0..rounds {
        for c in cases.iter_mut() {
            if c.fresh {
                remove_workspace(&c.ws);
            }
            let before = stamp(&c.ws);
            let out = dir.path().join("out.txt");
            let mut cmd = Command::new(&bin);
            cmd.env("HOME", dir.path())
                .env("XDG_DATA_HOME", dir.path().join("data"))
                .env("FUNNEL_TODAY", "2026-11-30")
                .env_remove("FUNNEL_WORKSPACE")
                .arg("--workspace")
                .arg(&c.ws)
                .args(["import", "csv"])
                .arg(&c.input);
            if c.dry_run {
                cmd.arg("--dry-run");
            }
            let (took, cpu, status, peak_kb) = run(&mut cmd, &out);
            let said = std::fs::read_to_string(&out).unwrap_or_default();
            assert!(status.success(), "{cmd:?}: {status}\n{said}");
            let expect = c.expect.replace("{}", &c.input.display().to_string());
            assert!(said.contains(&expect), "{cmd:?} said:\n{said}");
            if c.fresh {
                let count = Command::new(std::env::current_exe().expect("this bench"))
                    .arg("--count")
                    .arg(&c.ws)
                    .output()
                    .expect("count the deals");
                let deals = String::from_utf8_lossy(&count.stdout);
                assert!(count.status.success(), "{}: the workspace loads", c.label);
                assert_eq!(deals.trim(), c.rows.to_string(), "{}: deals", c.label);
            } else {
                // nothing to save: the workspace is left as it was
                assert_eq!(before, stamp(&c.ws), "{}: the workspace changed", c.label);
            }
            c.times.push(took);
            c.cpu.push(cpu);
            c.peak_kb = c.peak_kb.max(peak_kb);
        }
    }

    let s = |d: Duration| format!("{:.2} s", d.as_secs_f64());
    println!(
        "`funnel import csv`, start to exit, {rounds} rounds, `FUNNEL_TODAY=2026-11-30`, {} cores, load average {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        std::fs::read_to_string("/proc/loadavg")
            .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
            .unwrap_or_else(|_| "unknown".to_owned())
    );
    println!();
    println!("| run | median | min–max | CPU, user+sys | input | workspace | peak memory |");
    println!("|---|---|---|---|---|---|---|");
    for c in cases.iter_mut() {
        c.times.sort();
        c.cpu.sort();
        let median = c.times[c.times.len() / 2];
        println!(
            "| {} | {} | {}–{} | {} | {} | {} | {:.0} MB |",
            c.label,
            s(median),
            s(c.times[0]),
            s(c.times[c.times.len() - 1]),
            s(c.cpu[c.cpu.len() / 2]),
            human_size(&c.input),
            human_size(&c.ws),
            c.peak_kb as f64 * 1024.0 / 1e6
        );
    }
    let big_new = &cases[2].times;
    let median = big_new[big_new.len() / 2];
    println!();
    println!(
        "target, 100,000 rows into a new workspace under 2 s: {} ({})",
        if median < Duration::from_secs(2) {
            "met"
        } else {
            "NOT met"
        },
        s(median)
    );
}

/// `rows` rows of the file at `from` (its rows repeated, the first column,
/// the id, suffixed `-r{n}` for the n-th repetition) under its header,
/// written to `to`; also the number of rows in `from`.
fn repeat_rows(from: &Path, rows: usize, to: &Path) -> (PathBuf, usize) {
    let text = std::fs::read_to_string(from).expect("read the Maven CRM file");
    let mut lines = text.lines();
    let header = lines.next().expect("a header");
    let body: Vec<&str> = lines.filter(|l| !l.is_empty()).collect();
    let mut out = String::with_capacity(text.len() * (rows / body.len() + 1));
    out.push_str(header);
    out.push('\n');
    for i in 0..rows {
        let (id, rest) = body[i % body.len()]
            .split_once(',')
            .expect("an id, then the other columns");
        out.push_str(&format!("{id}-r{},{rest}\n", i / body.len()));
    }
    std::fs::write(to, out).expect("write the 100,000 rows");
    (to.to_owned(), body.len())
}

/// The file's inode, size and time of change, which a save (written beside
/// it, then renamed over it) changes; read without loading the file, which
/// would raise this process's peak memory and so its children's figures.
fn stamp(file: &Path) -> Option<(u64, u64, i64, i64)> {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(file).ok()?;
    Some((m.ino(), m.len(), m.mtime(), m.mtime_nsec()))
}

/// Removes the workspace and anything saved beside it (`w.json.*`).
fn remove_workspace(ws: &Path) {
    let name = ws.file_name().unwrap().to_string_lossy().into_owned();
    for entry in std::fs::read_dir(ws.parent().unwrap()).unwrap().flatten() {
        let n = entry.file_name().to_string_lossy().into_owned();
        if n == name || n.starts_with(&format!("{name}.")) {
            std::fs::remove_file(entry.path()).expect("remove the workspace");
        }
    }
}

/// Runs the command, stdout and stderr to `out`, and returns its time from
/// spawn to exit, its CPU time (user and system), its exit status and its
/// peak resident memory in KB.
fn run(cmd: &mut Command, out: &Path) -> (Duration, Duration, ExitStatus, i64) {
    let file = std::fs::File::create(out).expect("the output file");
    cmd.stdout(file.try_clone().unwrap())
        .stderr(file)
        .stdin(Stdio::null());
    let start = Instant::now();
    let child = cmd.spawn().expect("the command starts");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value, and wait4 reaps only our child
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let took = start.elapsed();
    assert_eq!(reaped, pid, "wait4: {}", std::io::Error::last_os_error());
    // `child` is reaped: dropping it neither waits nor kills
    drop(child);
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    let cpu = tv(usage.ru_utime) + tv(usage.ru_stime);
    (took, cpu, ExitStatus::from_raw(status), usage.ru_maxrss)
}

fn human_size(file: &Path) -> String {
    let len = std::fs::metadata(file).map_or(0, |m| m.len());
    format!("{:.1} MB", len as f64 / 1e6)
}
