//! `funnel team report|forecast|flags|actions` (spec section 13): the
//! roll-up of several sellers' workspaces. 负责人 for owner, as elsewhere.

pub(super) const TEXTS: &[(&str, &str)] = &[
    (
        "expected one or more workspaces to roll up",
        "应至少给出一个要汇总的工作区",
    ),
    ("no currency", "无币种"),
    (
        "the workspaces are in different currencies and their money cannot be added up: {each}",
        "这些工作区的币种不同，金额无法相加：{each}",
    ),
    ("OWNER", "负责人"),
    ("Owner", "负责人"),
    ("By owner", "按负责人"),
    (
        "# Team pipeline report, {today}\n\n",
        "# 团队商机报告，{today}\n\n",
    ),
    (
        "\n## By owner\n\n| Owner | Open deals | Open value | Weighted | Won | Lost | Win rate | Stalled |\n|---|---:|---:|---:|---:|---:|---:|---:|\n",
        "\n## 按负责人\n\n| 负责人 | 在途商机数 | 在途金额 | 加权 | 赢单 | 丢单 | 赢率 | 停滞 |\n|---|---:|---:|---:|---:|---:|---:|---:|\n",
    ),
];
