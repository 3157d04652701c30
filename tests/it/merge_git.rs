//! `funnel git-setup` and `funnel merge` under real git (spec section 13):
//! two branches edit one workspace.json and `git merge` never leaves
//! conflict markers; git reports a conflict exactly when a field was
//! changed differently on both sides, and once it is resolved the merge
//! commits. Skipped, with a message, where git is not installed.

use crate::common::{Sandbox, english, stderr, stdout};
use funnel::domain::Workspace;
use funnel::domain::merge::resolve::{Pick, resolve};
use std::path::PathBuf;
use std::process::{Command, Output};

/// A git repository in a sandbox, with git isolated from the machine's
/// configuration (no system or user config, a fixed branch name and
/// author), so it behaves the same everywhere.
pub struct Repo {
    pub sb: Sandbox,
    pub root: PathBuf,
}

/// Whether git can be run here; says so when it cannot.
pub fn have_git() -> bool {
    let ok = Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("skipped: git is not on PATH");
    }
    ok
}

impl Repo {
    pub fn new() -> Repo {
        let sb = Sandbox::new();
        let root = sb.path("team");
        std::fs::create_dir(&root).unwrap();
        let repo = Repo { sb, root };
        repo.git_ok(&["init", "-q"]);
        repo.git_ok(&["config", "user.name", "Test Seller"]);
        repo.git_ok(&["config", "user.email", "seller@example.com"]);
        repo.git_ok(&["config", "commit.gpgsign", "false"]);
        repo
    }

    /// A clone of `origin` in a sandbox of its own, as a teammate has.
    pub fn clone_of(origin: &Repo) -> Repo {
        let sb = Sandbox::new();
        let root = sb.path("mine");
        let repo = Repo { sb, root };
        let out = repo
            .git_command()
            .args(["clone", "-q"])
            .arg(&origin.root)
            .arg(&repo.root)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        repo.git_ok(&["config", "user.name", "Mate"]);
        repo.git_ok(&["config", "user.email", "mate@example.com"]);
        repo
    }

    /// git in the repository, its environment isolated.
    pub fn git(&self, args: &[&str]) -> Output {
        self.git_command()
            .arg("-C")
            .arg(&self.root)
            .args(args)
            .output()
            .unwrap()
    }

    fn git_command(&self) -> assert_cmd::Command {
        let mut cmd = assert_cmd::Command::new("git");
        cmd.env("HOME", self.sb.dir.path())
            .env("XDG_CONFIG_HOME", self.sb.path("config"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", self.sb.path("gitconfig"))
            .env("GIT_AUTHOR_DATE", "2026-11-23T09:00:00Z")
            .env("GIT_COMMITTER_DATE", "2026-11-23T09:00:00Z")
            .env("XDG_DATA_HOME", self.sb.path("data"))
            .env_remove("FUNNEL_WORKSPACE")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE");
        english(&mut cmd);
        // the branch `git init` makes, whatever the machine's default
        std::fs::write(
            self.sb.path("gitconfig"),
            "[init]\n\tdefaultBranch = main\n",
        )
        .unwrap();
        cmd
    }

    pub fn git_ok(&self, args: &[&str]) -> String {
        let out = self.git(args);
        assert!(out.status.success(), "git {args:?}: {}", stderr(&out));
        stdout(&out)
    }

    pub fn file(&self) -> PathBuf {
        self.root.join("workspace.json")
    }

    /// `funnel --workspace team/workspace.json ARGS…`, run in the repository.
    pub fn funnel(&self, args: &[&str]) -> Output {
        self.sb
            .funnel()
            .current_dir(&self.root)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", self.sb.path("gitconfig"))
            .arg("--workspace")
            .arg(self.file())
            .args(["--today", "2026-11-23"])
            .args(args)
            .output()
            .unwrap()
    }

    /// The workspace as it is on disk (it must load).
    pub fn read(&self) -> Workspace {
        funnel::store::read(&self.file())
            .expect("the workspace loads")
            .workspace
    }

    /// Saves `ws` as funnel does (the stable format) and commits it.
    pub fn commit(&self, ws: &Workspace, message: &str) {
        std::fs::write(self.file(), funnel::store::to_json_bytes(ws)).unwrap();
        self.git_ok(&["commit", "-qam", message]);
    }

    /// The demo workspace, wired to funnel's driver and committed on main.
    pub fn with_demo() -> Repo {
        let repo = Repo::new();
        let out = repo.funnel(&["init", "--demo"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let out = repo.funnel(&["git-setup"]);
        assert!(out.status.success(), "{}", stderr(&out));
        repo.git_ok(&["add", "-A"]);
        repo.git_ok(&["commit", "-qm", "the team's workspace"]);
        repo
    }

    /// Files git holds as unmerged.
    pub fn unmerged(&self) -> String {
        self.git_ok(&["diff", "--name-only", "--diff-filter=U"])
    }

    /// The working copy has no conflict markers and `funnel check` passes.
    pub fn assert_loads(&self) {
        let text = std::fs::read_to_string(self.file()).unwrap();
        assert!(
            !text
                .lines()
                .any(|l| l.starts_with("<<<<<<<") || l.starts_with(">>>>>>>")),
            "conflict markers in the workspace"
        );
        let check = self.funnel(&["check"]);
        assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    }
}

/// Branch `theirs` edits with `theirs`, main with `ours`, then main merges
/// theirs: git's output.
fn diverge(repo: &Repo, ours: impl Fn(&mut Workspace), theirs: impl Fn(&mut Workspace)) -> Output {
    repo.git_ok(&["checkout", "-qb", "theirs"]);
    let mut ws = repo.read();
    theirs(&mut ws);
    repo.commit(&ws, "their edit");
    repo.git_ok(&["checkout", "-q", "main"]);
    let mut ws = repo.read();
    ours(&mut ws);
    repo.commit(&ws, "our edit");
    let out = repo.git(&["merge", "--no-edit", "theirs"]);
    // funnel's driver did the merge, not git's line merge
    assert!(
        stderr(&out).contains("funnel merge: workspace.json: merged record by record"),
        "{}",
        stderr(&out)
    );
    out
}

fn deal<'a>(ws: &'a mut Workspace, id: &str) -> &'a mut funnel::domain::workspace::Opportunity {
    ws.opportunity_mut(id).unwrap()
}

fn money(n: i64) -> funnel::domain::Money {
    funnel::domain::Money(n * 100)
}

#[test]
fn git_setup_writes_the_attribute_and_the_driver_once() {
    if !have_git() {
        return;
    }
    let repo = Repo::with_demo();
    let attributes = std::fs::read_to_string(repo.root.join(".gitattributes")).unwrap();
    assert_eq!(attributes, "workspace.json merge=funnel\n");
    let driver = repo.git_ok(&["config", "merge.funnel.driver"]);
    assert!(
        driver.trim_end().ends_with(" merge %O %A %B %P"),
        "{driver}"
    );
    assert_eq!(
        repo.git_ok(&["check-attr", "merge", "--", "workspace.json"]),
        "workspace.json: merge: funnel\n"
    );
    // again: nothing added, nothing changed
    let out = repo.funnel(&["git-setup"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("already has"), "{}", stdout(&out));
    assert_eq!(
        std::fs::read_to_string(repo.root.join(".gitattributes")).unwrap(),
        attributes
    );
    assert_eq!(repo.git_ok(&["status", "--porcelain"]), "");
}

#[test]
fn git_setup_keeps_other_lines_and_takes_a_pattern() {
    if !have_git() {
        return;
    }
    let repo = Repo::new();
    std::fs::write(repo.root.join(".gitattributes"), "*.png binary").unwrap();
    let out = repo
        .sb
        .funnel()
        .current_dir(&repo.root)
        .env("GIT_CONFIG_GLOBAL", repo.sb.path("gitconfig"))
        .args(["git-setup", "--pattern", "sellers/*.json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(repo.root.join(".gitattributes")).unwrap(),
        "*.png binary\nsellers/*.json merge=funnel\n"
    );
    assert_eq!(
        repo.git_ok(&["check-attr", "merge", "--", "sellers/li.json"]),
        "sellers/li.json: merge: funnel\n"
    );
    // no file matches yet: said, as a typo would be
    assert!(
        stdout(&out).contains("no file in the repository matches sellers/*.json yet"),
        "{}",
        stdout(&out)
    );
    // a seller's file, then a line that takes the merge away from funnel:
    // the pattern's files are checked as git sees them
    std::fs::create_dir_all(repo.root.join("sellers")).unwrap();
    std::fs::write(repo.root.join("sellers/li.json"), "{}").unwrap();
    let mut lines = std::fs::read_to_string(repo.root.join(".gitattributes")).unwrap();
    lines.push_str("*.json -merge\n");
    std::fs::write(repo.root.join(".gitattributes"), lines).unwrap();
    let setup = |pattern: &str| {
        repo.sb
            .funnel()
            .current_dir(&repo.root)
            .env("GIT_CONFIG_GLOBAL", repo.sb.path("gitconfig"))
            .args(["git-setup", "--pattern", pattern])
            .output()
            .unwrap()
    };
    let out = setup("sellers/*.json");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("warning: git does not merge sellers/li.json with funnel"),
        "{}",
        stdout(&out)
    );
    // a pattern out of the repository never matches: refused
    let out = setup("../other/*.json");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn git_setup_outside_a_repository_says_to_run_git_init() {
    if !have_git() {
        return;
    }
    let sb = Sandbox::new();
    let ws = sb.path("alone/workspace.json");
    std::fs::create_dir_all(ws.parent().unwrap()).unwrap();
    let out = sb
        .funnel()
        .env("GIT_CEILING_DIRECTORIES", sb.dir.path())
        .arg("--workspace")
        .arg(&ws)
        .arg("git-setup")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("run `git init` there first"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn edits_to_different_deals_merge_without_a_conflict() {
    if !have_git() {
        return;
    }
    let repo = Repo::with_demo();
    let out = diverge(
        &repo,
        |ws| deal(ws, "o1").value = money(210000),
        |ws| deal(ws, "o2").product = "Footfall Pro".into(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    repo.assert_loads();
    let ws = repo.read();
    assert_eq!(ws.opportunity("o1").unwrap().value, money(210000));
    assert_eq!(ws.opportunity("o2").unwrap().product, "Footfall Pro");
    assert!(ws.conflicts.is_empty());
    assert_eq!(repo.unmerged(), "");
}

#[test]
fn different_fields_of_one_deal_merge_without_a_conflict() {
    if !have_git() {
        return;
    }
    let repo = Repo::with_demo();
    let out = diverge(
        &repo,
        |ws| deal(ws, "o1").value = money(210000),
        |ws| deal(ws, "o1").product = "Telematics Plus".into(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    repo.assert_loads();
    let ws = repo.read();
    let o1 = ws.opportunity("o1").unwrap();
    assert_eq!(
        (o1.value, o1.product.as_str()),
        (money(210000), "Telematics Plus")
    );
}

#[test]
fn one_field_changed_differently_is_a_conflict_git_reports_and_the_workbench_resolves() {
    if !have_git() {
        return;
    }
    let repo = Repo::with_demo();
    let out = diverge(
        &repo,
        |ws| deal(ws, "o1").value = money(210000),
        |ws| {
            deal(ws, "o1").value = money(150000);
            deal(ws, "o2").product = "Footfall Pro".into();
        },
    );
    assert!(!out.status.success(), "git reports the conflict");
    assert!(stdout(&out).contains("CONFLICT"), "{}", stdout(&out));
    assert_eq!(repo.unmerged(), "workspace.json\n");
    // the file is whole: ours kept, theirs recorded, their other edit in
    repo.assert_loads();
    let mut ws = repo.read();
    assert_eq!(ws.opportunity("o1").unwrap().value, money(210000));
    assert_eq!(ws.opportunity("o2").unwrap().product, "Footfall Pro");
    assert_eq!(ws.conflicts.len(), 1);
    assert_eq!(ws.conflicts[0].path, "opportunities[o1].value");
    // resolved as the workbench does (take theirs), added, committed
    let change = resolve(&mut ws, 0, Pick::Theirs, crate::common::today()).unwrap();
    change.apply(&mut ws);
    std::fs::write(repo.file(), funnel::store::to_json_bytes(&ws)).unwrap();
    repo.assert_loads();
    repo.git_ok(&["add", "workspace.json"]);
    repo.git_ok(&["commit", "-q", "--no-edit"]);
    let ws = repo.read();
    assert_eq!(ws.opportunity("o1").unwrap().value, money(150000));
    assert!(ws.conflicts.is_empty());
    assert_eq!(
        repo.git_ok(&["rev-list", "--count", "--merges", "HEAD"]),
        "1\n"
    );
}

#[test]
fn a_clone_pulls_a_teammates_edits_once_it_ran_git_setup() {
    if !have_git() {
        return;
    }
    let repo = Repo::with_demo();
    // a teammate's clone: the attribute came with the repository, the
    // driver is set by running git-setup there
    let mate = Repo::clone_of(&repo);
    let out = mate.funnel(&["git-setup"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("already has"), "{}", stdout(&out));
    let mut ws = mate.read();
    deal(&mut ws, "o3").product = "MES Connect".into();
    mate.commit(&ws, "mate's edit");
    let mut ws = repo.read();
    deal(&mut ws, "o3").value = money(990000);
    repo.commit(&ws, "my edit");
    let out = mate.git(&["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"]);
    assert!(out.status.success(), "{}", stderr(&out));
    mate.assert_loads();
    let ws = mate.read();
    let o3 = ws.opportunity("o3").unwrap();
    assert_eq!(
        (o3.value, o3.product.as_str()),
        (money(990000), "MES Connect")
    );
}

#[test]
fn git_setup_on_a_folder_asks_for_a_pattern() {
    if !have_git() {
        return;
    }
    let repo = Repo::new();
    std::fs::create_dir(repo.root.join("sellers")).unwrap();
    let out = repo
        .sb
        .funnel()
        .current_dir(&repo.root)
        .env("GIT_CONFIG_GLOBAL", repo.sb.path("gitconfig"))
        .args(["--workspace", "sellers", "git-setup"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("funnel git-setup --pattern 'sellers/*.json'"),
        "{}",
        stderr(&out)
    );
    assert!(!repo.root.join(".gitattributes").exists());
}
