//! `cargo bench --bench headless`: the headless commands on the synthetic
//! 10,000-deal workspace, each timed as a user sees it, from spawning the
//! release binary to its exit (output to /dev/null), median of 7 rounds.
//!
//! "Beyond load" is a command's time less `check`'s (read, parse, validate,
//! nothing more) for the same binary. Beside them, in the same rounds: the
//! parse floor (this bench run as a process that reads the file and scans
//! it with serde's `IgnoredAny`, which builds nothing), `store::read` alone
//! in this process for reference and, when taskwarrior is installed,
//! `task next limit:50` on the same open actions (see BENCHMARKS.md; CI
//! does not need it, the comparison is skipped without `task`).
//!
//! `FUNNEL_BENCH_BEFORE=path/to/old/funnel` times an older binary too, in
//! the same rounds, alternating with this one so drift falls on both.
//! `FUNNEL_BENCH_ONLY=forecast` times only the commands whose arguments
//! hold that word (and `check`, the load they are measured beyond).

use funnel::domain::Date;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// `check` stays last: it is the load the others are measured beyond. The
/// Chinese ones show what the catalogue costs (spec section 12).
const COMMANDS: [&[&str]; 23] = [
    &["flags", "--format", "json"],
    &["flags"],
    &["--lang", "zh", "flags"],
    &["actions", "--limit", "50"],
    &["--lang", "zh", "actions", "--limit", "50"],
    &["report", "--format", "md"],
    &["--lang", "zh", "report", "--format", "md"],
    &["analysis", "--format", "json"],
    &["forecast"],
    &["forecast", "--format", "json"],
    &["forecast", "--format", "md"],
    // one deal's Blue Sheet: DEAL is the first open deal in negotiate
    // (competition, criteria, a close plan, a team: every section filled)
    &["sheet", "DEAL"],
    &["sheet", "DEAL", "--format", "json"],
    &["--lang", "zh", "sheet", "DEAL"],
    // the coming week's open actions with their people and plans
    &["agenda"],
    &["--lang", "zh", "agenda"],
    &["agenda", "--format", "ics"],
    // the key accounts with their figures and warnings (spec section 11)
    &["accounts", "--format", "json"],
    &["--lang", "zh", "accounts"],
    // one key account's plan (seed 003): ACCOUNT is the first account with
    // a plan and invoices
    &["plan", "ACCOUNT"],
    &["plan", "ACCOUNT", "--format", "json"],
    &["--lang", "zh", "plan", "ACCOUNT"],
    &["check"],
];

/// The commands timed on the real workspaces (the shared data imported),
/// `check` last again.
const REAL_COMMANDS: [&[&str]; 5] = [
    &["agenda"],
    &["agenda", "--format", "ics"],
    &["agenda", "--format", "json"],
    &["accounts", "--format", "json"],
    &["check"],
];

fn main() {
    if std::env::args().any(|a| a == "--test" || a == "--list") {
        return;
    }
    // the parse floor, run as a process of its own like the commands
    if let Some(file) = std::env::args().skip_while(|a| a != "--floor").nth(1) {
        let bytes = std::fs::read(file).expect("read the workspace");
        let _: serde::de::IgnoredAny = serde_json::from_slice(&bytes).expect("JSON");
        std::mem::forget(bytes);
        return;
    }
    let rounds: usize = std::env::var("FUNNEL_BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(7);
    let today = Date::parse("2026-11-23").unwrap();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("w.json");
    let mut ws = funnel::synth::workspace(10_000, 42, today);
    // last week's review, as a Monday user has one: every fifth deal's
    // close date and every seventh's category have moved since, so the
    // report and the forecast have a week's changes to find and name
    let mut review = funnel::domain::metrics::snapshot(&ws, today.plus_days(-7));
    for (k, seen) in review.opportunities.iter_mut().enumerate() {
        if k % 5 == 0 {
            seen.expected_close = seen.expected_close.map(|d| d.plus_days(100));
        }
        if k % 7 == 0 {
            seen.forecast_category = Some(funnel::domain::ForecastCategory::Omitted);
        }
    }
    ws.reviews.push(review);
    let deal = ws
        .opportunities
        .iter()
        .find(|o| o.is_open() && o.stage == funnel::domain::Stage::Negotiate)
        .map(|o| o.id.clone())
        .expect("a deal in negotiate");
    let account = ws
        .accounts
        .iter()
        .find(|a| a.plan.is_some() && a.credit.as_ref().is_some_and(|c| !c.invoices.is_empty()))
        .map(|a| a.id.clone())
        .expect("an account with a plan and invoices");
    let only = std::env::var("FUNNEL_BENCH_ONLY").ok();
    let commands: Vec<&[&str]> = COMMANDS
        .iter()
        .copied()
        .filter(|args| {
            args[0] == "check" || only.as_ref().is_none_or(|w| args.contains(&w.as_str()))
        })
        .collect();
    std::fs::write(&file, funnel::store::to_json_bytes(&ws)).expect("write the workspace");
    let task = taskwarrior(dir.path(), &ws, today);
    drop(ws);

    let mut bins = vec![("this", PathBuf::from(env!("CARGO_BIN_EXE_funnel")))];
    if let Ok(before) = std::env::var("FUNNEL_BENCH_BEFORE") {
        bins.insert(0, ("before", PathBuf::from(before)));
    }
    // times[bin][command], then the in-process figures
    let mut times = vec![vec![Vec::new(); commands.len()]; bins.len()];
    let (mut load, mut floor, mut task_next) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds {
        for (b, (_, bin)) in bins.iter().enumerate() {
            for (c, args) in commands.iter().enumerate() {
                times[b][c].push(spawn(
                    Command::new(bin)
                        .args(["--workspace".as_ref(), file.as_os_str()])
                        .args(["--today", "2026-11-23"])
                        .args(args.iter().map(|a| match *a {
                            "DEAL" => deal.as_str(),
                            "ACCOUNT" => account.as_str(),
                            a => a,
                        })),
                ));
            }
        }
        let start = Instant::now();
        let parsed = funnel::store::read(&file).expect("the workspace loads");
        load.push(start.elapsed());
        std::mem::forget(parsed); // as the commands do
        floor.push(spawn(
            Command::new(std::env::current_exe().expect("this bench"))
                .arg("--floor")
                .arg(&file),
        ));
        if let Some((rc, data, _)) = &task {
            task_next.push(spawn(
                Command::new("task")
                    .env("TASKRC", rc)
                    .env("TASKDATA", data)
                    .args(["rc.gc=off", "next", "limit:50"]),
            ));
        }
    }

    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let (load, floor) = (median(&mut load), median(&mut floor));
    println!(
        "synthetic 10,000 deals, {}, median of {rounds}",
        human_size(&file)
    );
    println!();
    println!("| binary | command | start to exit | beyond load | against |");
    println!("|---|---|---|---|---|");
    for (b, (name, _)) in bins.iter().enumerate() {
        // `check` is the load (read, parse, validate) and nothing more
        let load = median(&mut times[b][commands.len() - 1]);
        for (c, args) in commands.iter().enumerate() {
            let t = median(&mut times[b][c]);
            let against = match args[0] {
                "check" => format!(
                    "{:.2}× the parse floor",
                    t.as_secs_f64() / floor.as_secs_f64()
                ),
                "actions" if !task_next.is_empty() => {
                    let tw = median(&mut task_next.clone());
                    format!(
                        "{:.2}× `task next limit:50`",
                        t.as_secs_f64() / tw.as_secs_f64()
                    )
                }
                _ => String::new(),
            };
            println!(
                "| {name} | `{}` | {:.0} ms | {:.0} ms | {against} |",
                args.join(" "),
                ms(t),
                ms(t.saturating_sub(load))
            );
        }
    }
    println!();
    println!("beyond load: the command's time less `check`'s, the same binary's");
    println!(
        "load (`store::read` alone, in this process): {:.0} ms",
        ms(load)
    );
    println!(
        "parse floor (a process that reads the file and scans it with `IgnoredAny`): {:.0} ms",
        ms(floor)
    );
    match task_next.is_empty() {
        true => println!("taskwarrior: not installed, comparison skipped"),
        false => println!(
            "`task rc.gc=off next limit:50` ({} open actions): {:.0} ms",
            task.as_ref().map_or(0, |t| t.2),
            ms(median(&mut task_next))
        ),
    }
    real(&bins[bins.len() - 1].1, dir.path(), rounds, only.as_deref());
    team(&bins[bins.len() - 1].1, dir.path(), rounds, only.as_deref());
}

/// The team roll-up (spec section 13): 20 sellers' synthetic workspaces of
/// 1,000 deals each, every one with last week's review, in one folder;
/// each `funnel team` command timed from start to exit.
fn team(bin: &Path, dir: &Path, rounds: usize, only: Option<&str>) {
    const TEAM: &[&[&str]] = &[
        &["team", "report"],
        &["team", "report", "--format", "json"],
        &["team", "forecast"],
        &["team", "flags", "--format", "json"],
        &["team", "actions"],
        &["team", "actions", "--limit", "50"],
    ];
    if only.is_some_and(|o| o != "team") {
        return;
    }
    let today = Date::parse("2026-11-23").unwrap();
    let folder = dir.join("team");
    std::fs::create_dir_all(&folder).expect("the team's folder");
    for n in 0..20u64 {
        let mut ws = funnel::synth::workspace(1_000, 100 + n, today);
        ws.settings.owner = format!("Seller {n:02}");
        let review = funnel::domain::metrics::snapshot(&ws, today.plus_days(-7));
        ws.reviews.push(review);
        let file = folder.join(format!("seller-{n:02}.json"));
        std::fs::write(&file, funnel::store::to_json_bytes(&ws)).expect("write a workspace");
    }
    println!();
    println!("team: 20 synthetic workspaces of 1,000 deals each, one folder, median of {rounds}");
    println!();
    println!("| command | start to exit |");
    println!("|---|---|");
    for args in TEAM {
        let mut times: Vec<Duration> = (0..rounds)
            .map(|_| {
                spawn(
                    Command::new(bin)
                        .args(["--today", "2026-11-23"])
                        .args(*args)
                        .arg(&folder),
                )
            })
            .collect();
        println!(
            "| `funnel {} FOLDER` | {:.0} ms |",
            args.join(" "),
            median(&mut times).as_secs_f64() * 1000.0
        );
    }
}

/// The agenda on real data: the Salesforce sample (deals, contacts, tasks)
/// and the Maven CRM's 8,800 deals, each imported by the binary into a
/// workspace of its own; skipped when the shared data is not there.
fn real(bin: &Path, dir: &Path, rounds: usize, only: Option<&str>) {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    let commands: Vec<&[&str]> = REAL_COMMANDS
        .iter()
        .copied()
        .filter(|args| args[0] == "check" || only.is_none_or(|w| args.contains(&w)))
        .collect();
    if !data.join("maven-crm").is_dir() || commands.len() < 2 {
        return;
    }
    let import = |ws: &Path, args: &[&str], file: PathBuf| {
        let status = Command::new(bin)
            .args(["--workspace".as_ref(), ws.as_os_str()])
            .args(["--today", "2026-11-23", "import"])
            .args(args)
            .arg(file)
            .stdout(Stdio::null())
            .status()
            .expect("funnel runs");
        assert!(status.success(), "import {args:?}");
    };
    let sf = dir.join("salesforce.json");
    let sample = data.join("salesforce-sample");
    import(&sf, &["csv"], sample.join("Opportunity.csv"));
    import(&sf, &["contacts", "--to-deals"], sample.join("Contact.csv"));
    import(&sf, &["activities"], sample.join("Task.csv"));
    let maven = dir.join("maven.json");
    import(&maven, &["csv"], data.join("maven-crm/sales_pipeline.csv"));
    let workspaces = [("Salesforce sample", sf), ("Maven CRM", maven)];
    let mut times = vec![vec![Vec::new(); commands.len()]; workspaces.len()];
    for _ in 0..rounds {
        for (w, (_, file)) in workspaces.iter().enumerate() {
            for (c, args) in commands.iter().enumerate() {
                times[w][c].push(spawn(
                    Command::new(bin)
                        .args(["--workspace".as_ref(), file.as_os_str()])
                        .args(["--today", "2026-11-23"])
                        .args(*args),
                ));
            }
        }
    }
    println!();
    println!("real workspaces, median of {rounds}");
    println!();
    println!("| workspace | command | start to exit | beyond load |");
    println!("|---|---|---|---|");
    for (w, (name, file)) in workspaces.iter().enumerate() {
        let load = median(&mut times[w][commands.len() - 1]);
        for (c, args) in commands.iter().enumerate() {
            let t = median(&mut times[w][c]);
            println!(
                "| {name} ({:.0} KB) | `{}` | {:.1} ms | {:.1} ms |",
                std::fs::metadata(file).map_or(0, |m| m.len()) as f64 / 1e3,
                args.join(" "),
                t.as_secs_f64() * 1000.0,
                t.saturating_sub(load).as_secs_f64() * 1000.0
            );
        }
    }
}

fn spawn(cmd: &mut Command) -> Duration {
    let start = Instant::now();
    // English unless --lang says otherwise, whatever the machine's locale
    let status = cmd
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("the command starts");
    let took = start.elapsed();
    assert!(status.code().is_some_and(|c| c <= 2), "{cmd:?}: {status}");
    took
}

fn median(runs: &mut [Duration]) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn human_size(file: &Path) -> String {
    let len = std::fs::metadata(file).map_or(0, |m| m.len());
    format!("{:.0} MB", len as f64 / 1e6)
}

/// A taskwarrior database holding the open actions of the open deals (as
/// `examples/taskwarrior_export.rs` writes them), or `None` without `task`.
fn taskwarrior(
    dir: &Path,
    ws: &funnel::domain::Workspace,
    today: Date,
) -> Option<(PathBuf, PathBuf, usize)> {
    let installed = Command::new("task")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !installed {
        return None;
    }
    let (rc, data) = (dir.join("taskrc"), dir.join("task"));
    std::fs::create_dir_all(&data).ok()?;
    std::fs::write(&rc, "confirmation=off\nverbose=nothing\n").ok()?;
    let mut tasks = Vec::new();
    for o in ws.opportunities.iter().filter(|o| o.is_open()) {
        for a in o.actions.iter().filter(|a| a.is_open()) {
            let stamp = |d: Date| format!("{}T000000Z", d.0.format("%Y%m%d"));
            let mut t = serde_json::json!({
                "description": format!("{} — {}", a.text, o.title),
                "status": "pending",
                "entry": stamp(a.created.unwrap_or(today)),
                "project": o.id,
            });
            if let Some(d) = a.due {
                t["due"] = stamp(d).into();
            }
            tasks.push(t);
        }
    }
    let json = dir.join("tasks.json");
    std::fs::write(&json, serde_json::to_vec(&tasks).ok()?).ok()?;
    let imported = Command::new("task")
        .env("TASKRC", &rc)
        .env("TASKDATA", &data)
        .arg("import")
        .arg(&json)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    imported.then_some((rc, data, tasks.len()))
}
