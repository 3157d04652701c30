//! `funnel merge` (git's merge driver) and `funnel git-setup` (spec
//! section 13). OURS and THEIRS are git's words for the two sides: 我方 and
//! 对方 here, BASE 共同祖先; the placeholders and git's own words (%O,
//! .gitattributes, git config keys) stay as they are.

pub(super) const TEXTS: &[(&str, &str)] = &[
    // funnel merge: refusals (OURS untouched)
    (
        "{file}: the merged workspace would not load ({problem}); this is a bug in funnel merge, please report it. Nothing was written: the file keeps our side and git reports a conflict",
        "{file}：合并后的工作区无法载入（{problem}）；这是 funnel merge 的缺陷，请报告。未写入任何内容：文件保留我方版本，git 会报告冲突",
    ),
    (
        "{path}: cannot write the merged workspace: {e}",
        "{path}：无法写入合并后的工作区：{e}",
    ),
    (
        "{path}: no such file, expected a funnel workspace (git passes BASE OURS THEIRS)",
        "{path}：文件不存在，应为 funnel 工作区（git 依次传入 BASE OURS THEIRS）",
    ),
    (
        "{file}: format version {found}, written by a newer funnel (this one knows up to {known}); upgrade funnel to merge it",
        "{file}：格式版本 {found}，由更新版本的 funnel 写入（本版本最高支持 {known}）；请升级 funnel 后再合并",
    ),
    ("the common ancestor (BASE)", "共同祖先版本（BASE）"),
    ("our version (OURS)", "我方版本（OURS）"),
    ("their version (THEIRS)", "对方版本（THEIRS）"),
    (
        "\nin {version}, {path}; nothing was merged and OURS is unchanged",
        "\n位于{version}，{path}；未进行合并，OURS 保持不变",
    ),
    // funnel merge: the summary on standard error
    (
        "funnel merge: {file}: merged record by record\n",
        "funnel merge：{file}：已按记录合并\n",
    ),
    (
        "funnel merge: {file}: merged record by record; {count} kept our value, theirs is recorded in the file (resolve them in the workbench: open the file, press M)\n",
        "funnel merge：{file}：已按记录合并；{count}保留了我方的值，对方的值记录在文件中（请在工作台中解决：打开该文件，按 M）\n",
    ),
    ("conflict", "处冲突"),
    ("conflicts", "处冲突"),
    ("  conflict {line}\n", "  冲突 {line}\n"),
    (
        "  both sides added {list}[{from}]: theirs is now {to}\n",
        "  双方都新增了 {list}[{from}]：对方的一条改为 {to}\n",
    ),
    (
        "  ({count} from earlier merges still unresolved)\n",
        "  （之前合并留下的 {count}仍未解决）\n",
    ),
    (
        "{path}: not in ours, changed in theirs (take theirs to keep it)",
        "{path}：我方没有这条记录，对方修改了它（采用对方的即可保留）",
    ),
    (
        "{path}: changed in ours (kept), deleted in theirs",
        "{path}：我方修改了它（已保留），对方删除了它",
    ),
    (
        "{path}: changed differently on both sides (ours kept, theirs recorded)",
        "{path}：双方改得不同（保留我方，记录对方）",
    ),
    (
        "{path}: ours {ours}, theirs {theirs}",
        "{path}：我方 {ours}，对方 {theirs}",
    ),
    // funnel git-setup
    (
        "cannot find the current folder: {e}",
        "无法确定当前文件夹：{e}",
    ),
    (
        "git config is not pushed: run `funnel git-setup` once in every clone of this repository (commit .gitattributes so they all merge the same way)\n",
        "git config 不会随推送共享：请在本仓库的每个克隆中各运行一次 `funnel git-setup`（并提交 .gitattributes，让所有克隆以同样方式合并）\n",
    ),
    (
        "{path}: the folder of this workspace does not exist, expected a workspace in a git repository",
        "{path}：此工作区所在的文件夹不存在，应为 git 仓库中的工作区",
    ),
    (
        "git is not installed (or not on PATH); install git, then run `funnel git-setup` again",
        "未安装 git（或不在 PATH 中）；请安装 git 后再次运行 `funnel git-setup`",
    ),
    ("cannot run git: {e}", "无法运行 git：{e}"),
    (
        "{path}: a folder, expected a workspace file; for every workspace in it, give a pattern: funnel git-setup --pattern '{path}/*.json'",
        "{path}：这是文件夹，应为工作区文件；要对其中每个工作区启用，请给出路径模式：funnel git-setup --pattern '{path}/*.json'",
    ),
    (
        "{path}: not in a git working tree; run `git init` there first",
        "{path}：不在 git 工作区目录中；请先在那里运行 `git init`",
    ),
    (
        "{path}: not in a git repository; run `git init` there first (or pass --workspace PATH of a workspace inside one)",
        "{path}：不在 git 仓库中；请先在那里运行 `git init`（或用 --workspace PATH 指定仓库中的工作区）",
    ),
    (
        "{path}: the workspace is not inside the repository at {root}",
        "{path}：工作区不在位于 {root} 的仓库内",
    ),
    (
        "{path}: .gitattributes cannot name this file (a control character or invalid UTF-8 in its name); rename it or use --pattern",
        "{path}：.gitattributes 无法表示这个文件（文件名中有控制字符或无效的 UTF-8）；请重命名，或使用 --pattern",
    ),
    (
        "--pattern {glob}: expected a path pattern from the repository's root without blanks, like sellers/*.json",
        "--pattern {glob}：应为从仓库根目录起、不含空白的路径模式，例如 sellers/*.json",
    ),
    (
        "{path}: not UTF-8 text, expected .gitattributes lines; fix the file, then run `funnel git-setup` again",
        "{path}：不是 UTF-8 文本，应为 .gitattributes 的若干行；请修正该文件后再次运行 `funnel git-setup`",
    ),
    ("{path}: cannot read: {e}", "{path}：无法读取：{e}"),
    ("{path}: already has \"{line}\"\n", "{path}：已有“{line}”\n"),
    (
        "{path}: added \"{line}\" (commit it: every clone then merges this file with funnel)\n",
        "{path}：已添加“{line}”（请提交它：之后每个克隆都会用 funnel 合并此文件）\n",
    ),
    (
        "cannot find this program's path: {e}",
        "无法确定本程序的路径：{e}",
    ),
    (
        "{path}: this program's path is not valid UTF-8, which git config cannot hold; install funnel elsewhere",
        "{path}：本程序的路径不是有效的 UTF-8，git config 无法保存；请把 funnel 安装到别处",
    ),
    (
        "{root}: git config {key} failed: {e}",
        "{root}：git config {key} 失败：{e}",
    ),
    (
        "{root}: set git config merge.funnel.driver to {driver}\n",
        "{root}：已将 git config merge.funnel.driver 设为 {driver}\n",
    ),
    (
        "{root}: git config merge.funnel.driver is already {driver}\n",
        "{root}：git config merge.funnel.driver 已是 {driver}\n",
    ),
    (
        "warning: git still gives {path} the merge attribute \"{value}\", not funnel: another .gitattributes line overrides \"{pattern} merge=funnel\"; remove it\n",
        "警告：git 仍给 {path} 的 merge 属性为“{value}”而不是 funnel：另一行 .gitattributes 覆盖了“{pattern} merge=funnel”；请删除那一行\n",
    ),
];
