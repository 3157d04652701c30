//! The real binary in a real terminal (tmux): create an opportunity, advance
//! it, undo, quit, and read the file; and a SIGTERM that restores the
//! terminal. Skipped, with a message, where tmux is not installed.

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
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("tmux is not installed: skipping the end-to-end test");
            return None;
        }
        let t = Tmux {
            socket: format!("funnel-e2e-{}-{name}", std::process::id()),
            dir: tempfile::tempdir().unwrap(),
        };
        if let Some(ws) = workspace {
            drop(funnel::store::Store::create(&t.workspace(), &ws, &t.path("data")).unwrap());
        }
        // \\$\\$: the inner shell's pid, which `exec` hands to funnel
        let script = format!(
            "echo \\$\\$ > '{pid}'; XDG_DATA_HOME='{data}' exec '{bin}' --workspace '{ws}' --today 2026-11-23",
            pid = t.path("pid").display(),
            data = t.path("data").display(),
            bin = env!("CARGO_BIN_EXE_funnel"),
            ws = t.workspace().display(),
        );
        // `; echo` keeps the exit status after the program ends
        let wrapped = format!(
            "sh -c \"{script}\"; echo $? > '{}'; sleep 30",
            t.path("code").display()
        );
        let ok = t.tmux(&[
            "new-session",
            "-d",
            "-x",
            "100",
            "-y",
            "30",
            "-s",
            "e2e",
            &wrapped,
        ]);
        assert!(ok, "tmux new-session failed");
        Some(t)
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
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
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
    t.wait_for("created o1");
    t.keys(&[">"]);
    t.wait_for("o1: qualify → drive");
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
    assert!(!t.screen().contains("Opportunities ("), "{}", t.screen());
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    let Some(t) = Tmux::start("term") else { return };
    t.wait_for("No opportunities yet");
    let pid = std::fs::read_to_string(t.path("pid")).unwrap();
    let killed = Command::new("kill")
        .args(["-TERM", pid.trim()])
        .status()
        .unwrap();
    assert!(killed.success());
    assert_eq!(t.exit_code(), 143);
    assert!(
        !t.screen().contains("No opportunities yet"),
        "{}",
        t.screen()
    );
    assert!(t.workspace().exists());
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
    t.wait_for("created o1");
    t.keys(&["Tab", "Tab"]);
    t.wait_for("econ  — none identified");
    t.keys(&["a"]);
    t.wait_for("New buying influence");
    t.text("王总");
    t.keys(&["Tab"]);
    t.text("CFO");
    t.keys(&["Tab", "Right", "Enter"]);
    t.wait_for("王总 added to o1");
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
fn review_three_deals_and_the_file_records_it() {
    let today = funnel::domain::Date::parse("2026-11-23").unwrap();
    let demo = funnel::store::demo::workspace(today);
    let before = demo.reviews.len();
    let Some(t) = Tmux::start_on("review", Some(demo)) else {
        return;
    };
    t.wait_for("Opportunities (19)");
    t.keys(&["5"]);
    t.wait_for("Weekly review · 0 of 19");
    t.keys(&["Enter"]);
    t.wait_for("1 of 19 reviewed");
    t.keys(&["Enter"]);
    t.wait_for("2 of 19 reviewed");
    t.keys(&["Enter"]);
    t.wait_for("3 of 19 reviewed");
    let halfway = read(&t.workspace());
    assert_eq!(
        halfway.extra["review_in_progress"]["reviewed"]
            .as_array()
            .unwrap()
            .len(),
        3,
        "progress is saved as it goes"
    );
    t.keys(&["F"]);
    t.wait_for("review of 2026-11-23 recorded (3 of 19 reviewed)");
    t.keys(&["q"]);
    assert_eq!(t.exit_code(), 0);
    let ws = read(&t.workspace());
    assert_eq!(ws.reviews.len(), before + 1);
    assert_eq!(ws.reviews.last().unwrap().on, today);
    assert_eq!(ws.reviews.last().unwrap().opportunities.len(), 19);
    assert!(!ws.extra.contains_key("review_in_progress"));
}
