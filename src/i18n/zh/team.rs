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
        "a merge conflict (path, ours, theirs, base)",
        "一个合并冲突（path、ours、theirs、base）",
    ),
];
