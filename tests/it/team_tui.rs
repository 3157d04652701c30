//! The workbench's team view (spec section 13, issue 22): `funnel
//! --workspace A --workspace B` (or a folder) opens several sellers'
//! workspaces as one, read-only, with an owner column and the `owner:`
//! filter; headless commands refuse several workspaces.

use crate::common::{Sandbox, clean_screen, funnel_on, press, screen, status, stderr, today};
use funnel::cli::workbench::team_workspace;
use funnel::domain::{Money, Workspace};
use funnel::tui::app::App;
use ratatui::crossterm::event::KeyCode;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// The demo file as a seller's workspace: `owner` its settings' owner,
/// `drive` its stage probability of drive, written to `path`.
fn seller(path: &Path, demo: &str, owner: &str, drive: u8) -> PathBuf {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join(demo);
    let mut ws = funnel::store::read(&demo).unwrap().workspace;
    ws.settings.owner = owner.into();
    ws.settings.stage_probability.drive = funnel::domain::Percent(drive);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, funnel::store::to_json_bytes(&ws)).unwrap();
    path.to_owned()
}

/// Two sellers' copies of the demo (every id collides), in `team/`, one
/// in a subfolder.
fn team(sb: &Sandbox) -> (PathBuf, PathBuf) {
    let li = seller(&sb.path("team/li.json"), "data/demo.json", "Li Wei", 35);
    let wang = seller(
        &sb.path("team/east/wang.json"),
        "data/demo.zh.json",
        "Wang Fang",
        60,
    );
    (li, wang)
}

fn team_app(paths: &[PathBuf]) -> App {
    let combined = team_workspace(paths).unwrap_or_else(|f| panic!("{}", f.message));
    let mut app = App::for_team(combined, today());
    app.update(funnel::tui::app::Msg::Resized(100, 30));
    app
}

fn open_deals(ws: &Workspace) -> usize {
    ws.opportunities.iter().filter(|o| o.is_open()).count()
}

fn weighted(ws: &Workspace) -> Money {
    ws.opportunities
        .iter()
        .map(|o| o.weighted(&ws.settings))
        .fold(Money::ZERO, |a, b| a + b)
}

#[test]
fn two_files_open_as_one_read_only_team_view() {
    let sb = Sandbox::new();
    let (li, wang) = team(&sb);
    let app = team_app(&[li.clone(), wang.clone()]);
    let one = funnel::store::read(&li).unwrap().workspace;
    assert_eq!(app.ws.opportunities.len(), 2 * one.opportunities.len());
    assert_eq!(app.screens.pipeline.rows.len(), 2 * open_deals(&one));
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("team view of 2 workspaces"), "{shown}");
    assert!(
        shown.contains("read-only: team view of 2 workspaces"),
        "{shown}"
    );
}

#[test]
fn a_folder_opens_every_workspace_under_it() {
    let sb = Sandbox::new();
    let (li, wang) = team(&sb);
    let by_folder = team_app(&[sb.path("team")]);
    let by_files = team_app(&[li, wang]);
    assert_eq!(
        by_folder.ws.opportunities.len(),
        by_files.ws.opportunities.len()
    );
    assert!(screen(&by_folder, 100, 30).contains("team view of 2 workspaces"));
}

#[test]
fn colliding_ids_are_qualified_with_their_owner_and_accounts_follow() {
    let sb = Sandbox::new();
    let (li, wang) = team(&sb);
    let app = team_app(&[li, wang]);
    let first = &app.ws.opportunities[0];
    assert!(first.id.starts_with("Li Wei/"), "{}", first.id);
    assert!(first.account.starts_with("Li Wei/"), "{}", first.account);
    let theirs = app
        .ws
        .opportunities
        .iter()
        .find(|o| o.id.starts_with("Wang Fang/"))
        .expect("Wang Fang's deals are qualified too");
    assert!(
        theirs.account.starts_with("Wang Fang/"),
        "{}",
        theirs.account
    );
    for o in &app.ws.opportunities {
        assert!(app.ws.account(&o.account).is_some(), "{}", o.account);
    }
}

#[test]
fn the_owner_column_shows_each_deals_seller_and_owner_filters_by_it() {
    let sb = Sandbox::new();
    let (li, wang) = team(&sb);
    let wang_ws = funnel::store::read(&wang).unwrap().workspace;
    let mut app = team_app(&[li, wang]);
    // each row's owner is the seller whose file holds it: the rows under
    // the header are view 1's rows in order
    let shown = screen(&app, 200, 40);
    let lines: Vec<&str> = shown.lines().collect();
    let header = lines
        .iter()
        .position(|l| l.contains("Owner"))
        .unwrap_or_else(|| panic!("no owner column:\n{shown}"));
    let deals = &app.screens.pipeline.rows;
    for (k, &i) in deals.iter().take(20).enumerate() {
        let owner = &app.ws.opportunities[i].owner;
        let member = if app.ws.opportunities[i].id.starts_with("Li Wei/") {
            "Li Wei"
        } else {
            "Wang Fang"
        };
        assert_eq!(owner, member);
        assert!(
            lines[header + 1 + k].contains(member),
            "{}",
            lines[header + 1 + k]
        );
    }
    press(&mut app, KeyCode::Char('/'));
    crate::common::typing(&mut app, "owner:wang");
    press(&mut app, KeyCode::Enter);
    let rows: Vec<&str> = app
        .screens
        .pipeline
        .rows
        .iter()
        .map(|&i| app.ws.opportunities[i].owner.as_str())
        .collect();
    assert_eq!(rows.len(), open_deals(&wang_ws));
    assert!(rows.iter().all(|o| *o == "Wang Fang"), "{rows:?}");
    let shown = screen(&app, 140, 30);
    let table_rows: Vec<&str> = shown
        .lines()
        .filter(|l| l.contains("Wang Fang") || l.contains("Li Wei"))
        .collect();
    assert!(!table_rows.is_empty(), "{shown}");
    assert!(
        table_rows.iter().all(|l| !l.contains("Li Wei ")),
        "only Wang Fang's deals are listed:\n{shown}"
    );
}

#[test]
fn the_deals_own_owner_shows_beside_its_sellers() {
    let sb = Sandbox::new();
    let (li, wang) = team(&sb);
    let app = team_app(&[li, wang]);
    // the demo has deals of Zhao Lei in Li Wei's file
    let zhao = app
        .team
        .as_ref()
        .unwrap()
        .deal_owners
        .iter()
        .filter(|(_, own)| own.as_str() == "Zhao Lei")
        .count();
    assert!(zhao > 0);
    assert!(screen(&app, 200, 50).contains("Li Wei · Zhao Lei"));
}

#[test]
fn the_team_weighted_total_is_the_sum_of_the_members() {
    let sb = Sandbox::new();
    let (li, wang) = team(&sb);
    let members: Money = [&li, &wang]
        .iter()
        .map(|p| weighted(&funnel::store::read(p).unwrap().workspace))
        .fold(Money::ZERO, |a, b| a + b);
    let app = team_app(&[li, wang]);
    assert_eq!(weighted(&app.ws), members);
    // and what view 1's strip adds up is the same
    let strip: Money = app
        .screens
        .pipeline
        .strip
        .iter()
        .map(|s| s.weighted)
        .fold(Money::ZERO, |a, b| a + b);
    let open: Money = app
        .ws
        .opportunities
        .iter()
        .filter(|o| o.is_open())
        .map(|o| o.weighted(&app.ws.settings))
        .fold(Money::ZERO, |a, b| a + b);
    assert_eq!(strip, open);
}

#[test]
fn an_edit_key_is_refused_with_the_reason() {
    let sb = Sandbox::new();
    let (li, wang) = team(&sb);
    let mut app = team_app(&[li, wang]);
    let before = app.ws.clone();
    for key in ['n', '>', '<', 'u'] {
        assert_eq!(press(&mut app, KeyCode::Char(key)), vec![], "{key}");
        assert!(
            status(&app).contains("read-only: team view of 2 workspaces"),
            "{key}: {}",
            status(&app)
        );
    }
    assert!(app.dialog.is_none());
    assert_eq!(app.ws, before);
}

#[test]
fn a_member_with_merge_conflicts_is_named_at_the_start() {
    let sb = Sandbox::new();
    let (li, wang) = team(&sb);
    let mut ws = funnel::store::read(&wang).unwrap().workspace;
    ws.conflicts.push(funnel::domain::Conflict {
        path: format!("opportunities[{}].stage", ws.opportunities[0].id),
        ours: "drive".into(),
        theirs: "propose".into(),
        base: "qualify".into(),
        ..Default::default()
    });
    std::fs::write(&wang, funnel::store::to_json_bytes(&ws)).unwrap();
    let li_path = li.clone();
    let combined = team_workspace(&[li, wang.clone()]).unwrap_or_else(|f| panic!("{}", f.message));
    let hint = funnel::tui::team::unresolved(&combined.unresolved).unwrap();
    assert!(hint.contains(&format!("{} (1)", wang.display())), "{hint}");
    // every view says so, and M says where to resolve them instead of
    // finding none in the combined view
    let mut app = team_app(&[li_path, wang.clone()]);
    for view in ['1', '2', '4', '7'] {
        press(&mut app, KeyCode::Char(view));
        let shown = screen(&app, 200, 30);
        assert!(
            shown.contains("merge conflicts in"),
            "view {view}:\n{shown}"
        );
    }
    press(&mut app, KeyCode::Char('M'));
    assert!(app.dialog.is_none());
    let said = status(&app);
    assert!(said.contains("press M") && said.contains("(1)"), "{said}");
}

#[test]
fn mixed_currencies_are_refused_naming_the_files() {
    let sb = Sandbox::new();
    let (li, wang) = team(&sb);
    let mut ws: Value = serde_json::from_slice(&std::fs::read(&wang).unwrap()).unwrap();
    ws["settings"]["currency"] = "EUR".into();
    std::fs::write(&wang, serde_json::to_vec(&ws).unwrap()).unwrap();
    let failure = team_workspace(&[li, wang]).unwrap_err();
    assert_eq!(failure.code, 2);
    assert!(
        failure.message.contains("li.json (CNY)") && failure.message.contains("wang.json (EUR)"),
        "{}",
        failure.message
    );
}

#[test]
fn headless_commands_refuse_several_workspaces() {
    let sb = Sandbox::new();
    let (li, wang) = team(&sb);
    let before = std::fs::read(&li).unwrap();
    for args in [
        vec!["--workspace", wang.to_str().unwrap(), "list"],
        vec!["--workspace", wang.to_str().unwrap(), "flags"],
        // no command, not a terminal: the overview, of one workspace only
        vec!["--workspace", wang.to_str().unwrap()],
    ] {
        let out = funnel_on(&sb, &li, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains("give one --workspace; for a team use `funnel team"),
            "{}",
            stderr(&out)
        );
    }
    // a folder is a team too: said with what it is
    let folder = sb.path("team");
    let out = funnel_on(&sb, &folder, &["report"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(&format!(
            "{}: is a folder, expected a regular file",
            folder.display()
        )) && stderr(&out).contains("for a team use `funnel team"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&li).unwrap(), before);
    // the same file named twice is one workspace, not a team
    let out = funnel_on(&sb, &li, &["--workspace", li.to_str().unwrap(), "list"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn team_view_at_80_by_24() {
    let sb = Sandbox::new();
    let li = seller(&sb.path("li.json"), "data/demo.json", "Li Wei", 35);
    let wang = seller(&sb.path("wang.json"), "data/demo.zh.json", "Wang Fang", 60);
    let mut app = team_app(&[li, wang]);
    app.update(funnel::tui::app::Msg::Resized(80, 24));
    insta::assert_snapshot!(clean_screen(&app, 80, 24));
}

/// The real binary in tmux over two files: an edit key is refused on
/// screen, quitting writes nothing (bytes, modification times and the
/// folder's files all the same). Skipped where tmux is missing.
#[test]
fn the_real_team_workbench_writes_nothing() {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("tmux is not installed: skipping the team view's end-to-end test");
        return;
    }
    let sb = Sandbox::new();
    let (li, wang) = team(&sb);
    let look = |p: &Path| {
        let meta = std::fs::metadata(p).unwrap();
        (std::fs::read(p).unwrap(), meta.modified().unwrap())
    };
    let listing = || {
        let mut all: Vec<PathBuf> = walk(&sb.path("team"));
        all.sort();
        all
    };
    let before = (look(&li), look(&wang), listing());
    let socket = format!("funnel-team-{}", std::process::id());
    let tmux = |args: &[&str]| {
        Command::new("tmux")
            .arg("-L")
            .arg(&socket)
            .args(args)
            .output()
            .unwrap()
    };
    let code = sb.path("code");
    let command = format!(
        "LANG=C LC_ALL= LC_MESSAGES= XDG_DATA_HOME='{data}' '{bin}' --workspace '{li}' --workspace '{wang}' --today 2026-11-23; echo $? > '{code}'; sleep 30",
        data = sb.path("data").display(),
        bin = env!("CARGO_BIN_EXE_funnel"),
        li = li.display(),
        wang = wang.display(),
        code = code.display(),
    );
    tmux(&[
        "new-session",
        "-d",
        "-x",
        "100",
        "-y",
        "30",
        "-s",
        "t",
        &command,
    ]);
    // the session ends with the test, also when an assertion fails
    let _session = Session(socket.clone());
    let shown =
        || String::from_utf8_lossy(&tmux(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned();
    let wait = |what: &dyn Fn(&str) -> bool| {
        let start = Instant::now();
        while !what(&shown()) {
            assert!(start.elapsed() < Duration::from_secs(10), "{}", shown());
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    wait(&|s| s.contains("team view of 2 workspaces"));
    tmux(&["send-keys", "-t", "t", ">"]);
    wait(&|s| s.contains("nothing was changed"));
    tmux(&["send-keys", "-t", "t", "q"]);
    let start = Instant::now();
    while std::fs::read_to_string(&code).map_or(true, |c| !c.ends_with('\n')) {
        assert!(start.elapsed() < Duration::from_secs(10), "{}", shown());
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(std::fs::read_to_string(&code).unwrap().trim(), "0");
    assert!(
        before == (look(&li), look(&wang), listing()),
        "a file changed"
    );
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        }
        out.push(p);
    }
    out
}

/// A private tmux server's session `t`, ended when dropped.
struct Session(String);

impl Drop for Session {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.0, "kill-session", "-t", "t"])
            .output();
    }
}

#[test]
fn the_action_list_of_the_team_view_says_whose_each_action_is() {
    let sb = Sandbox::new();
    let (li, wang) = team(&sb);
    let mut app = team_app(&[li, wang]);
    press(&mut app, KeyCode::Char('2'));
    let shown = screen(&app, 160, 40);
    let head = shown
        .lines()
        .find(|l| l.contains("Score") && l.contains("Due"))
        .unwrap_or_else(|| panic!("no header:\n{shown}"));
    assert!(head.contains("Owner"), "{head}");
    assert!(
        shown.contains("Li Wei") && shown.contains("Wang Fang"),
        "{shown}"
    );
}
