//! The workbench's merge conflicts (spec section 13): the banner, the list
//! to resolve them (保留我方 / 采用对方 / 编辑), and `funnel check`'s notes.
//! 合并冲突 as git's Chinese says it; 我方 / 对方 as the catalogue already
//! says 我方 for our side.

pub(super) const TEXTS: &[(&str, &str)] = &[
    // keys
    (
        "merge conflicts: the list to resolve one by one (keep ours, take theirs, edit)",
        "合并冲突：逐个解决的列表（保留我方、采用对方、编辑）",
    ),
    (
        "keep ours: the value in this workspace stays (u undoes)",
        "保留我方：保留本工作区的值（u 撤销）",
    ),
    (
        "take theirs: their value replaces ours (u undoes)",
        "采用对方：用对方的值替换我方的值（u 撤销）",
    ),
    (
        "edit: type the value, starting from ours",
        "编辑：输入值，初始为我方的值",
    ),
    (
        "undo the last choice (the conflict comes back)",
        "撤销上一次选择（冲突恢复）",
    ),
    ("help: every key of this list", "帮助：此列表的所有按键"),
    (
        "close the list (what is not resolved stays, M opens it again)",
        "关闭列表（未解决的冲突保留，按 M 再次打开）",
    ),
    ("save the value typed (u undoes)", "保存输入的值（u 撤销）"),
    (
        "back to the list (nothing changes)",
        "返回列表（不做任何更改）",
    ),
    (" Keys · merge conflicts ", " 按键 · 合并冲突 "),
    // the banner and the status line
    (
        "1 merge conflict from git: press M to resolve it",
        "git 合并留下 1 个冲突：按 M 解决",
    ),
    (
        "{n} merge conflicts from git: press M to resolve them",
        "git 合并留下 {n} 个冲突：按 M 逐个解决",
    ),
    (
        "no merge conflicts: the workspace is clean",
        "没有合并冲突：工作区已整洁",
    ),
    (
        "All merge conflicts resolved: git add the file and commit the merge",
        "合并冲突已全部解决：请 git add 该文件并提交这次合并",
    ),
    // the list
    ("Merge conflicts", "合并冲突"),
    ("where", "位置"),
    ("ours", "我方"),
    ("theirs", "对方"),
    ("base", "原值"),
    ("path", "路径"),
    ("ours (here)", "我方（本工作区）"),
    ("theirs (merged in)", "对方（合并进来的）"),
    ("base (before both)", "原值（双方修改前）"),
    ("value:", "值："),
    ("settings", "设置"),
    ("stalled after days", "停滞天数"),
    ("probability by stage", "各阶段赢率"),
    ("contact cadence in days", "联系周期（天）"),
    ("sales targets", "销售目标"),
    ("review of {date}", "{date} 的周回顾"),
    ("{name} (whole record)", "{name}（整条记录）"),
    // funnel check
    (
        "note: 1 merge conflict to resolve (valid data, so check still passes): open the workbench and press M\n",
        "提示：有 1 个合并冲突待解决（数据有效，检查仍通过）：打开工作台按 M\n",
    ),
    (
        "note: {n} merge conflicts to resolve (valid data, so check still passes): open the workbench and press M\n",
        "提示：有 {n} 个合并冲突待解决（数据有效，检查仍通过）：打开工作台按 M\n",
    ),
    (
        "  {path}: ours {ours}, theirs {theirs}",
        "  {path}：我方 {ours}，对方 {theirs}",
    ),
];
