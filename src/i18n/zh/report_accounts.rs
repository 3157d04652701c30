//! The weekly report's accounts at risk (spec section 11).

pub(super) const TEXTS: &[(&str, &str)] = &[
    ("\n## Accounts at risk\n\n", "\n## 有流失风险的客户\n\n"),
    (
        "- **{account}:** {message} (`{rule}`)\n",
        "- **{account}**：{message}（`{rule}`）\n",
    ),
    (
        "- …and {n} more: `funnel accounts` lists them all.\n",
        "- ……另有 {n} 条：`funnel accounts` 会全部列出。\n",
    ),
];
