//! The workbench's team view (spec section 13, issue 22): several sellers'
//! workspaces opened read-only as one, with an owner column (负责人).

pub(super) const TEXTS: &[(&str, &str)] = &[
    ("no workspace to combine", "没有可合并的工作区"),
    (
        "these workspaces are in different currencies: {each}; a team view adds their money, so it needs one currency",
        "这些工作区的币种不同：{each}；团队视图要把金额相加，所以只能有一种币种",
    ),
];
