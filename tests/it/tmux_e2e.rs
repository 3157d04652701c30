//! The real binary in a real terminal (tmux): create an opportunity, advance
//! it, undo, quit, and read the file; every signal that ends the workbench
//! restores the terminal; Ctrl-z suspends and `fg` resumes. Skipped, with a
//! message, where tmux is not installed.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
    dir: tempfile::TempDir,
}

impl Tmux {
    fn start(name: &str) -> Option<Tmux> {
        Tmux::start_on(name, None)
    }

    /// Starts funnel on `workspace` written first (when given).
    fn start_on(name: &str, workspace: Option<funnel::domain::Workspace>) -> Option<Tmux> {
        let t = Tmux::new(name)?;
        if let Some(ws) = workspace {
            drop(funnel::store::Store::create(&t.workspace(), &ws, &t.path("data")).unwrap());
        }
        let args = format!(
            "--workspace '{}' --today 2026-11-23",
            t.workspace().display()
        );
        t.launch(&args);
        Some(t)
    }

    /// Starts `funnel demo`, its scratch copy in this test's folder.
    fn start_demo(name: &str) -> Option<Tmux> {
        let t = Tmux::new(name)?;
        t.launch("demo --today 2026-11-23");
        Some(t)
    }

    fn new(name: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("tmux is not installed: skipping the end-to-end test");
            return None;
        }
        Some(Tmux {
            socket: format!("funnel-e2e-{}-{name}", std::process::id()),
            dir: tempfile::tempdir().unwrap(),
        })
    }

    /// The command line that runs funnel with `args`, its pid written to
    /// `pid` (\\$\\$ is the inner shell's pid, which `exec` hands to funnel).
    fn command(&self, args: &str) -> String {
        format!(
            "sh -c \"echo \\$\\$ > '{pid}'; LANG=C LC_ALL= LC_MESSAGES= XDG_DATA_HOME='{data}' TMPDIR='{tmp}' exec '{bin}' {args}\"",
            pid = self.path("pid").display(),
            data = self.path("data").display(),
            tmp = self.dir.path().display(),
            bin = env!("CARGO_BIN_EXE_funnel"),
        )
    }

    /// Runs funnel in a pane of a shell without job control, which never
    /// touches the terminal's modes itself: what the pane's terminal is
    /// left with after funnel ends is what funnel left. `stty -g` is saved
    /// to `before` first; `; echo` keeps the exit status.
    fn launch(&self, args: &str) {
        let wrapped = format!(
            "stty -g > '{before}'; {command}; echo $? > '{code}'; sleep 30",
            before = self.path("before").display(),
            command = self.command(args),
            code = self.path("code").display()
        );
        self.new_session(&wrapped);
    }

    /// An interactive shell with job control (Ctrl-z, `fg`); `None` (the
    /// test skipped) where bash is missing. Funnel is typed in with
    /// [`Tmux::type_line`].
    fn interactive(name: &str) -> Option<Tmux> {
        if Command::new("bash").arg("--version").output().is_err() {
            eprintln!("bash is not installed: skipping the job-control test");
            return None;
        }
        let t = Tmux::new(name)?;
        t.new_session("exec bash --norc --noprofile -i");
        Some(t)
    }

    fn new_session(&self, command: &str) {
        let ok = self.tmux(&[
            "new-session",
            "-d",
            "-x",
            "100",
            "-y",
            "30",
            "-s",
            "e2e",
            command,
        ]);
        assert!(ok, "tmux new-session failed");
    }

    fn type_line(&self, line: &str) {
        self.text(line);
        self.keys(&["Enter"]);
    }

    /// A tmux format of the pane: `#{alternate_on}` is 1 on the alternate
    /// screen, `#{cursor_flag}` 1 while the cursor is visible.
    fn format(&self, format: &str) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(["display-message", "-p", "-t", "e2e", format])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// `stty` on the pane's terminal, from outside (the pane may be busy).
    fn stty(&self, flag: &str) -> String {
        let out = Command::new("stty")
            .args([flag, "-F", &self.format("#{pane_tty}")])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// Polls `check` (Ok when it holds) for a few seconds; panics with its
    /// last complaint and the screen.
    fn wait_until(&self, check: impl Fn(&Tmux) -> Result<(), String>) {
        let start = Instant::now();
        loop {
            match check(self) {
                Ok(()) => return,
                Err(why) if start.elapsed() > Duration::from_secs(5) => {
                    panic!("{why}; the screen:\n{}", self.screen())
                }
                Err(_) => std::thread::sleep(Duration::from_millis(50)),
            }
        }
    }

    fn pid(&self) -> String {
        std::fs::read_to_string(self.path("pid"))
            .unwrap()
            .trim()
            .to_owned()
    }

    fn kill(&self, signal: &str) {
        let killed = Command::new("kill")
            .args([&format!("-{signal}"), &self.pid()])
            .status()
            .unwrap();
        assert!(killed.success(), "kill -{signal} failed");
    }

    /// The demo's scratch copies still on disk.
    fn scratch_left(&self) -> Vec<String> {
        std::fs::read_dir(self.dir.path())
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.starts_with("funnel-demo-"))
            .collect()
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn workspace(&self) -> PathBuf {
        self.path("w.json")
    }

    fn tmux(&self, args: &[&str]) -> bool {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .status()
            .is_ok_and(|s| s.success())
    }

    fn screen(&self) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(["capture-pane", "-p", "-t", "e2e"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn wait_for(&self, text: &str) {
        self.wait_for_up_to(text, 10);
    }

    /// [`Tmux::wait_for`] for a save's "saved": a debug build saving 8,800
    /// deals at the saver's lower priority while other tests load both
    /// cores takes a while. On a timeout it names where each of funnel's
    /// threads waits: that is how a "saved" the loop passed over (the
    /// saver's `Saved` polled before its `Done`) was found.
    fn wait_for_saved(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(240) {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!(
            "{text:?} never appeared; funnel's threads:\n{}\nthe screen:\n{}",
            self.threads(),
            self.screen()
        );
    }

    /// Each thread of the funnel process: its name, state and where it
    /// waits in the kernel (Linux), for a save that never reports.
    fn threads(&self) -> String {
        let pid = self.pid();
        let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
            return format!("no /proc/{pid}/task");
        };
        tasks
            .filter_map(|t| t.ok())
            .map(|t| {
                let path = t.path();
                let read = |f: &str| {
                    std::fs::read_to_string(path.join(f))
                        .unwrap_or_default()
                        .trim()
                        .to_owned()
                };
                let stat = read("stat");
                let state = stat
                    .split(") ")
                    .nth(1)
                    .unwrap_or("")
                    .split(' ')
                    .next()
                    .unwrap_or("");
                format!(
                    "{} {} state {state} wchan {}",
                    read("comm"),
                    stat.split(' ').next().unwrap_or(""),
                    read("wchan")
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// [`Tmux::wait_for`] with more time: a debug build saving 8,800 deals
    /// while other tests run.
    fn wait_for_up_to(&self, text: &str, seconds: u64) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(seconds) {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("{text:?} never appeared; the screen:\n{}", self.screen());
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend(keys);
        assert!(self.tmux(&args));
    }

    fn text(&self, text: &str) {
        assert!(self.tmux(&["send-keys", "-t", "e2e", "-l", text]));
    }

    fn exit_code(&self) -> i32 {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if let Ok(code) = std::fs::read_to_string(self.path("code")) {
                return code.trim().parse().unwrap();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("funnel did not exit; the screen:\n{}", self.screen());
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

fn read(path: &Path) -> funnel::domain::Workspace {
    funnel::store::read(path).unwrap().workspace
}

#[test]
fn create_advance_undo_quit_and_the_file_says_so() {
    let Some(t) = Tmux::start("edit") else { return };
    t.wait_for("No opportunities yet");
    t.keys(&["n"]);
    t.wait_for("New opportunity");
    t.text("车队试点 e2e");
    t.keys(&["Tab"]);
    t.text("Acme 食品");
    t.keys(&["Tab", "C-u"]);
    t.text("250,000");
    t.keys(&["Enter"]);
    t.wait_for("created \"车队试点 e2e\"");
    t.keys(&[">"]);
    // the save runs behind the frame: the status line says when it is done
    t.wait_for_saved("\"车队试点 e2e\": qualify → drive · saved");
    assert_eq!(
        read(&t.workspace()).opportunities[0].stage,
        funnel::domain::Stage::Drive
    );
    t.keys(&["u"]);
    t.wait_for("undone");
    t.keys(&["q"]);
    assert_eq!(t.exit_code(), 0);
    let ws = read(&t.workspace());
    let o = &ws.opportunities[0];
    assert_eq!(
        (o.id.as_str(), o.title.as_str(), o.stage),
        ("o1", "车队试点 e2e", funnel::domain::Stage::Qualify)
    );
    assert_eq!(o.value, funnel::domain::Money::from_units(250_000));
    assert_eq!(o.stage_history.len(), 1, "the undone move left no history");
    assert_eq!(ws.accounts[0].name, "Acme 食品");
    // the terminal is back to the shell: no alternate screen, no workbench
    assert!(!t.screen().contains("Deals · "), "{}", t.screen());
}

/// The terminal as the shell had it: the same `stty` settings as before
/// funnel started (cooked: `icanon`, `echo`…), the main screen, a visible
/// cursor, no mouse reports.
fn restored(t: &Tmux) -> Result<(), String> {
    let before = std::fs::read_to_string(t.path("before")).unwrap();
    if t.stty("-g") != before.trim() {
        return Err(format!("stty is not as before: {}", t.stty("-a")));
    }
    if t.format("#{alternate_on}") != "0" {
        return Err("still on the alternate screen".into());
    }
    if t.format("#{cursor_flag}") != "1" {
        return Err("the cursor is hidden".into());
    }
    if t.format("#{mouse_any_flag}") != "0" {
        return Err("the terminal still reports the mouse".into());
    }
    Ok(())
}

/// `kill -SIGNAL` ends the workbench with 128 + the signal's number, the
/// terminal restored and the demo's scratch copy deleted.
fn a_signal_ends_the_workbench(signal: &str, status: i32) {
    let Some(t) = Tmux::start_demo(signal) else {
        return;
    };
    t.wait_for("of 19 · sort: stage");
    assert_eq!(t.scratch_left().len(), 1, "the demo makes a scratch copy");
    t.kill(signal);
    assert_eq!(t.exit_code(), status);
    t.wait_until(restored);
    assert!(!t.screen().contains("Deals · "), "{}", t.screen());
    assert_eq!(t.scratch_left(), Vec::<String>::new());
}

#[test]
fn sigint_restores_the_terminal_and_exits_130() {
    a_signal_ends_the_workbench("INT", 130);
}

#[test]
fn sigquit_restores_the_terminal_and_exits_131() {
    a_signal_ends_the_workbench("QUIT", 131);
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    a_signal_ends_the_workbench("TERM", 143);
}

#[test]
fn sighup_restores_the_terminal_and_exits_129() {
    a_signal_ends_the_workbench("HUP", 129);
}

#[test]
fn quitting_restores_the_terminal_and_deletes_the_scratch_copy() {
    let Some(t) = Tmux::start_demo("quit") else {
        return;
    };
    t.wait_for("of 19 · sort: stage");
    t.keys(&["q"]);
    assert_eq!(t.exit_code(), 0);
    t.wait_until(restored);
    assert_eq!(t.scratch_left(), Vec::<String>::new());
}

/// Suspends the workbench with `stop` in an interactive shell, checks the
/// shell has the terminal, then `fg`: the workbench is drawn again and takes
/// single keys (raw mode is back). `caught`: funnel sees the signal and can
/// leave the screen first (not so for SIGSTOP).
fn suspend_and_fg(name: &str, caught: bool, stop: impl Fn(&Tmux)) {
    let Some(t) = Tmux::interactive(name) else {
        return;
    };
    t.type_line(&t.command("demo --today 2026-11-23"));
    t.wait_for("of 19 · sort: stage");
    stop(&t);
    t.wait_until(|t| {
        if caught && t.format("#{alternate_on}") != "0" {
            return Err("still on the alternate screen".into());
        }
        if caught && t.format("#{cursor_flag}") != "1" {
            return Err("the cursor is hidden".into());
        }
        if caught && t.format("#{mouse_any_flag}") != "0" {
            return Err("the shell's terminal still reports the mouse".into());
        }
        if !t.screen().contains("Stopped") {
            return Err("the shell did not report the job stopped".into());
        }
        Ok(())
    });
    t.type_line("fg");
    t.wait_until(|t| {
        if t.format("#{alternate_on}") != "1" {
            return Err("not back on the alternate screen".into());
        }
        if !t.screen().contains("of 19 · sort: stage") {
            return Err("the workbench was not drawn again".into());
        }
        if t.format("#{mouse_any_flag}") != "1" {
            return Err("mouse reports are not back on".into());
        }
        Ok(())
    });
    t.keys(&["2"]);
    // the demo's open actions with the suggestions of its high-severity
    // flags that no action addresses (commit-at-risk on o17, Sarah Chen
    // never met and quiet on o10, …)
    t.wait_for("of 44 · highest score first");
    t.keys(&["q"]);
    t.wait_until(|t| match t.format("#{alternate_on}").as_str() {
        "0" => Ok(()),
        _ => Err("q did not end the workbench".into()),
    });
    t.type_line("echo \"status=$?\"");
    t.wait_for("status=0");
    assert_eq!(t.format("#{cursor_flag}"), "1");
    assert_eq!(t.format("#{mouse_any_flag}"), "0");
    assert_eq!(t.scratch_left(), Vec::<String>::new());
}

#[test]
fn ctrl_z_suspends_and_fg_redraws() {
    suspend_and_fg("ctrl-z", true, |t| t.keys(&["C-z"]));
}

#[test]
fn sigtstp_from_kill_suspends_and_fg_redraws() {
    suspend_and_fg("tstp", true, |t| t.kill("TSTP"));
}

#[test]
fn sigstop_then_fg_takes_the_terminal_back() {
    suspend_and_fg("stop", false, |t| t.kill("STOP"));
}

#[test]
fn ctrl_z_without_job_control_is_refused_not_a_hang() {
    let Some(t) = Tmux::start("no-job-control") else {
        return;
    };
    t.wait_for("No opportunities yet");
    t.keys(&["C-z"]);
    t.wait_for("no shell with job control");
    t.keys(&["q"]);
    assert_eq!(t.exit_code(), 0);
}

#[test]
fn closing_the_terminal_ends_funnel_instead_of_leaving_it_spinning() {
    let Some(t) = Tmux::start("hup") else { return };
    t.wait_for("No opportunities yet");
    let pid = std::fs::read_to_string(t.path("pid"))
        .unwrap()
        .trim()
        .to_owned();
    assert!(t.tmux(&["kill-server"]));
    let start = Instant::now();
    while Path::new(&format!("/proc/{pid}")).exists() {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "funnel {pid} outlived its terminal"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn add_a_buying_influence_and_the_file_has_them() {
    let Some(t) = Tmux::start("influence") else {
        return;
    };
    t.wait_for("No opportunities yet");
    t.keys(&["n"]);
    t.wait_for("New opportunity");
    t.text("MES rollout");
    t.keys(&["Tab"]);
    t.text("苏州恒拓");
    t.keys(&["Enter"]);
    t.wait_for("created \"MES rollout\"");
    t.keys(&["Tab", "Tab"]);
    t.wait_for("econ  — none identified");
    t.keys(&["a"]);
    t.wait_for("New buying influence");
    t.text("王总");
    t.keys(&["Tab"]);
    t.text("CFO");
    t.keys(&["Tab", "Right", "Enter"]);
    t.wait_for("王总 added to \"");
    t.keys(&["c", "c"]);
    t.wait_for("coverage 2 one-to-one");
    t.keys(&["q"]);
    assert_eq!(t.exit_code(), 0);
    let ws = read(&t.workspace());
    let p = &ws.opportunities[0].influences[0];
    assert_eq!(
        (p.id.as_str(), p.name.as_str(), p.title.as_str()),
        ("i1", "王总", "CFO")
    );
    assert_eq!(p.roles, [funnel::domain::Role::Economic]);
    assert_eq!(p.coverage, funnel::domain::Coverage(2));
}

#[test]
fn review_three_deals_finish_and_the_report_lists_the_week() {
    let today = funnel::domain::Date::parse("2026-11-23").unwrap();
    let demo = funnel::store::demo::workspace(today);
    let before = demo.reviews.len();
    let Some(t) = Tmux::start_on("review", Some(demo)) else {
        return;
    };
    t.wait_for("of 19 · sort: stage");
    t.keys(&["5"]);
    t.wait_for("0✓ 0– 19 to go");
    t.keys(&["Enter"]);
    t.wait_for("1 reviewed, 0 skipped, 18 to go");
    t.keys(&["s"]);
    t.wait_for("1 reviewed, 1 skipped, 17 to go");
    t.keys(&["Enter"]);
    t.wait_for("2 reviewed, 1 skipped, 16 to go");
    // saves run behind the screen: the status line says when it is written
    t.wait_for_saved("saved");
    let halfway = read(&t.workspace()).review_in_progress.unwrap();
    assert_eq!(
        (halfway.reviewed.len(), halfway.skipped.len()),
        (2, 1),
        "progress is saved as it goes"
    );
    // F asks first; Esc records nothing
    t.keys(&["F"]);
    // the dialog wraps the question
    t.wait_for("Record the review of 2026-11-23: 2 reviewed, 1 skipped, 16");
    t.wait_for("not seen?");
    t.keys(&["Escape"]);
    t.wait_for("not recorded; the walk goes on");
    t.keys(&["F"]);
    t.wait_for("not seen?");
    t.keys(&["y"]);
    t.wait_for("Weekly review · done today");
    t.wait_for("The week to the review of 2026-11-23 (since the review of 2026-11-16)");
    t.keys(&["q"]);
    assert_eq!(t.exit_code(), 0);
    let ws = read(&t.workspace());
    assert_eq!(ws.reviews.len(), before + 1);
    assert_eq!(ws.reviews.last().unwrap().on, today);
    assert_eq!(ws.reviews.last().unwrap().opportunities.len(), 19);
    assert_eq!(ws.review_in_progress, None);
    // the report right after, on the same file, headless: the week is there
    let out = Command::new(env!("CARGO_BIN_EXE_funnel"))
        .env("XDG_DATA_HOME", t.path("data"))
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .arg("--workspace")
        .arg(t.workspace())
        .args(["--today", "2026-11-23", "report"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{text}");
    for line in [
        "## The week to the review of 2026-11-23 (since the review of 2026-11-16)",
        "- **New:** ",
        "- **Won:** WMS support renewal 2027-2029",
        "- **Lost:** E-commerce order management",
        "- **Close date slipped:** ",
        "- **Value changed:** ",
    ] {
        assert!(text.contains(line), "{line:?} missing from:\n{text}");
    }
    assert!(!text.contains("Nothing moved"), "{text}");
}

#[test]
fn a_read_only_workbench_takes_over_when_the_other_funnel_closes() {
    let today = funnel::domain::Date::parse("2026-11-23").unwrap();
    let ws = funnel::synth::workspace(5, 1, today);
    let Some(t) = Tmux::new("upgrade") else {
        return;
    };
    drop(funnel::store::Store::create(&t.workspace(), &ws, &t.path("data")).unwrap());
    // this test process plays the other funnel, holding the lock. A child
    // another test forks just as `create` lets the lock go still holds it
    // until it execs (flock belongs to the open file, which the fork
    // shares): open again until ours is the writer's store.
    let (mut other, mut theirs) = (0..100)
        .find_map(|_| {
            let (store, ws) = funnel::store::Store::open(&t.workspace(), &t.path("data")).unwrap();
            if store.read_only().is_none() {
                return Some((store, ws));
            }
            drop(store);
            std::thread::sleep(std::time::Duration::from_millis(20));
            None
        })
        .expect("the lock is free within two seconds");
    t.launch(&format!(
        "--workspace '{}' --today 2026-11-23",
        t.workspace().display()
    ));
    t.wait_for(&format!("process {}", std::process::id()));
    theirs.opportunities[0].title = "Renamed by the other".into();
    other.save(&theirs).unwrap();
    drop(other);
    t.wait_for("the other funnel closed; editing enabled");
    t.wait_for("Renamed by the other");
    assert!(!t.screen().contains("read-only"), "{}", t.screen());
}

#[test]
fn view_six_in_a_real_terminal_shows_the_analysis_and_scrolls() {
    let Some(t) = Tmux::start_demo("analysis") else {
        return;
    };
    t.wait_for("of 19 · sort: stage");
    t.keys(&["6"]);
    t.wait_for("Sales result analysis · closed 2025-11-24 – 2026-11-23");
    t.wait_for("budget lost");
    // 30 rows show 27 of the page's 46 lines; G brings up the last product
    t.keys(&["G"]);
    t.wait_for("YMS");
    t.keys(&["q"]);
    assert_eq!(t.exit_code(), 0);
}

/// Issue 16: 8,800 deals of a real CRM export imported by the binary; 50
/// open deals marked with space and moved one stage with one `>`: the file
/// has the 50 moved, and one `u` puts all of them back.
#[test]
fn mark_fifty_imported_deals_move_them_and_undo_in_one_step() {
    let Some(t) = Tmux::new("bulk") else { return };
    let csv = crate::common::shared_data("maven-crm/sales_pipeline.csv");
    let imported = Command::new(env!("CARGO_BIN_EXE_funnel"))
        .arg("--workspace")
        .arg(t.workspace())
        .args(["import", "csv"])
        .arg(&csv)
        .env("XDG_DATA_HOME", t.path("data"))
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    assert!(imported.status.success(), "{imported:?}");
    let before = read(&t.workspace());
    let args = format!(
        "--workspace '{}' --today 2026-11-23",
        t.workspace().display()
    );
    t.launch(&args);
    t.wait_for_up_to("Deals · 1 of ", 60);
    let spaces = vec!["Space"; 50];
    t.keys(&spaces);
    t.wait_for_up_to("50 marked", 60);
    t.keys(&[">"]);
    t.wait_for_saved("moved 50 deals to drive · saved");
    let moved = read(&t.workspace());
    let changed: Vec<_> = before
        .opportunities
        .iter()
        .zip(&moved.opportunities)
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 50);
    for (a, b) in changed {
        assert!(a.is_open(), "{}", a.id);
        assert_eq!(a.stage.next(), Some(b.stage), "{}", a.id);
    }
    t.keys(&["u"]);
    t.wait_for_saved("undone: moved 50 deals to drive · saved");
    assert_eq!(read(&t.workspace()).opportunities, before.opportunities);
    t.keys(&["q"]);
    assert_eq!(t.exit_code(), 0);
}

/// Issue 16: the mouse in a real terminal. Reports are on while the
/// workbench shows; a click (as the terminal sends it, SGR-encoded) on the
/// tab `4` shows the accounts, one on a row selects it; quitting turns the
/// reports off.
#[test]
fn a_click_in_a_real_terminal_switches_views_and_selects_rows() {
    let Some(t) = Tmux::start_demo("mouse") else {
        return;
    };
    t.wait_for("of 19 · sort: stage");
    assert_eq!(t.format("#{mouse_any_flag}"), "1");
    let screen = t.screen();
    let title = screen.lines().next().unwrap();
    let byte = title.find(" 4 ").expect("the tab 4") + 1;
    let column = title[..byte].chars().count() + 1;
    // press and release, 1-based column and row
    t.text(&format!("\x1b[<0;{column};1M\x1b[<0;{column};1m"));
    t.wait_for("Accounts · 1 of");
    // the third account, under the title line and the header (rows are
    // 1-based in the report)
    let title_row = t
        .screen()
        .lines()
        .position(|l| l.contains(" Accounts · "))
        .unwrap();
    let row = title_row + 2 + 2 + 1;
    t.text(&format!("\x1b[<0;4;{row}M\x1b[<0;4;{row}m"));
    t.wait_for("Accounts · 3 of");
    t.keys(&["q"]);
    assert_eq!(t.exit_code(), 0);
    t.wait_until(restored);
}

/// Spec section 13: a workspace git merged with conflicts opens with the
/// banner; M lists them, t takes theirs, o keeps ours, and the file on
/// disk follows each choice until it is clean.
#[test]
fn merge_conflicts_resolved_in_the_workbench_reach_the_file() {
    let mut ws = crate::conflicts_tui::conflicted();
    ws.conflicts.truncate(2);
    let Some(t) = Tmux::start_on("conflicts", Some(ws)) else {
        return;
    };
    t.wait_for("2 merge conflicts from git: press M to resolve them");
    t.keys(&["M"]);
    t.wait_for("Merge conflicts · 1 of 2");
    t.wait_for("opportunities[o1].value");
    t.keys(&["t"]);
    t.wait_for_saved("took theirs · saved");
    let on_disk = read(&t.workspace());
    assert_eq!(
        on_disk.opportunity("o1").unwrap().value,
        funnel::domain::Money::from_units(210_000)
    );
    assert_eq!(on_disk.conflicts.len(), 1);
    t.keys(&["o"]);
    t.wait_for_saved("All merge conflicts resolved: git add the file and commit the merge · saved");
    assert!(
        !t.screen().contains("merge conflict from git"),
        "{}",
        t.screen()
    );
    t.keys(&["q"]);
    assert_eq!(t.exit_code(), 0);
    let text = std::fs::read_to_string(t.workspace()).unwrap();
    assert!(!text.contains("\"conflicts\""), "a clean file has none");
}
