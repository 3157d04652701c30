//! The workbench's team view (spec section 13, issue 22): several sellers'
//! workspaces opened read-only as one, with an owner column (负责人).

pub(super) const TEXTS: &[(&str, &str)] = &[
    ("no workspace to combine", "没有可合并的工作区"),
    (
        "these workspaces are in different currencies: {each}; a team view adds their money, so it needs one currency",
        "这些工作区的币种不同：{each}；团队视图要把金额相加，所以只能有一种币种",
    ),
    (
        "read-only: team view of {workspaces} workspaces; to edit, open one with --workspace",
        "只读：{workspaces} 个工作区的团队视图；要编辑，请用 --workspace 单独打开一个",
    ),
    (
        "team view of {workspaces} workspaces",
        "{workspaces} 个工作区的团队视图",
    ),
    (
        "give one --workspace; for a team use `funnel team report|forecast|flags|actions PATH...`",
        "请只给一个 --workspace；团队请用 `funnel team report|forecast|flags|actions 路径...`",
    ),
    (
        "for a team use `funnel team report|forecast|flags|actions PATH...`",
        "团队请用 `funnel team report|forecast|flags|actions 路径...`",
    ),
    ("{what}; {hint}", "{what}；{hint}"),
    ("{file} ({n})", "{file}（{n} 处）"),
    (
        "merge conflicts to resolve in {each}: the team view shows each file as it stands; open a file alone to resolve them",
        "{each} 有待解决的合并冲突：团队视图按各文件现状显示；请单独打开该文件解决",
    ),
];
