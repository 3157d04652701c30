//! Teams (spec section 13): reading several workspaces and the merge
//! driver's own messages (the foundation's; each part of the work has its
//! own file beside this one).

pub(super) const TEXTS: &[(&str, &str)] = &[
    (
        "{path}: no funnel workspace in this folder, expected .json files that start with \"format\": \"funnel-workspace\"",
        "{path}：此文件夹中没有 funnel 工作区，应为以 \"format\": \"funnel-workspace\" 开头的 .json 文件",
    ),
    ("read the folder", "读取文件夹"),
    (
        "note: no file in the repository matches {pattern} yet; it will apply to files that do (check the spelling)\n",
        "注意：仓库中还没有与 {pattern} 匹配的文件；以后匹配的文件会使用它（请检查拼写）\n",
    ),
    (
        "warning: git does not merge {files} with funnel: another .gitattributes line overrides \"{pattern} merge=funnel\"; remove it\n",
        "警告：git 不会用 funnel 合并 {files}：.gitattributes 中另一行覆盖了 \"{pattern} merge=funnel\"；请删除那一行\n",
    ),
    (
        "funnel: note: {path} has 1 merge conflict not yet resolved; its figures are its own side of it (open it alone and press M)\n",
        "funnel: 注意：{path} 有 1 个合并冲突尚未解决；其数字按该文件一方的值计算（请单独打开它并按 M）\n",
    ),
    (
        "funnel: note: {path} has {n} merge conflicts not yet resolved; its figures are its own side of each (open it alone and press M)\n",
        "funnel: 注意：{path} 有 {n} 个合并冲突尚未解决；其数字按该文件一方的值计算（请单独打开它并按 M）\n",
    ),
    (
        "funnel: note: {path} has the owner {own} of another workspace here, so it is shown as {shown}; if it is a copy, its deals are counted twice\n",
        "funnel: 注意：{path} 的负责人 {own} 与此处另一个工作区相同，因此显示为 {shown}；如果它是副本，其商机会被重复计算\n",
    ),
    (
        "merge conflicts in {each}: open a file alone (--workspace FILE) and press M",
        "{each} 中有合并冲突：请单独打开该文件（--workspace 文件）并按 M",
    ),
    (
        "git conflict markers (<<<<<<<, =======, >>>>>>>) from a line-by-line merge, expected JSON; take one side back with `git checkout --ours FILE` (or --theirs), or `git merge --abort`, then run `funnel git-setup` so that git merges the workspace with funnel merge, record by record",
        "文件中有 git 逐行合并留下的冲突标记（<<<<<<<、=======、>>>>>>>），应为 JSON；请用 `git checkout --ours 文件`（或 --theirs）取回一方，或 `git merge --abort`，然后运行 `funnel git-setup`，让 git 用 funnel merge 按记录合并工作区",
    ),
    (
        "a merge conflict (path, ours, theirs, base)",
        "一个合并冲突（path、ours、theirs、base）",
    ),
    // resolving a conflict (domain/merge/resolve.rs)
    ("there is no such conflict", "没有这个冲突"),
    (
        "{path}: the {field} cannot be empty, expected some words",
        "{path}：{field} 不能为空，请输入内容",
    ),
    ("Conflict at {path}: kept ours", "冲突 {path}：保留我方"),
    ("Conflict at {path}: took theirs", "冲突 {path}：采用对方"),
    ("Conflict at {path}: set by hand", "冲突 {path}：手动设定"),
    (
        "{path}: not a path funnel can follow; keep ours to drop this conflict",
        "{path}：funnel 无法识别此路径；请保留我方以清除此冲突",
    ),
    (
        "{path}: {message}; nothing was changed",
        "{path}：{message}；未做任何更改",
    ),
    (
        "this part of the workspace is not resolved by a value; keep ours",
        "工作区的这一部分不能用一个值来解决；请保留我方",
    ),
    ("expected a record's id in the path", "路径中应为记录的 id"),
    (
        "the record is no longer in the workspace; keep ours to drop this conflict",
        "该记录已不在工作区中；请保留我方以清除此冲突",
    ),
    (
        "that part is no longer in the workspace; keep ours to drop this conflict",
        "这一部分已不在工作区中；请保留我方以清除此冲突",
    ),
    (
        "{text} is not a value funnel can read ({e}), expected JSON such as 12000, true, null or [\"a\", \"b\"]",
        "{text} 不是 funnel 能读取的值（{e}），应为 JSON，例如 12000、true、null 或 [\"a\", \"b\"]",
    ),
];
