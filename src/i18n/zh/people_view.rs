//! The workbench's people list (spec section 10): view 8, its keys, its
//! columns and what it says.

pub(super) const TEXTS: &[(&str, &str)] = &[
    // the title tab and the help
    ("8 People", "8 人员"),
    (" Keys · people ", " 按键 · 人员 "),
    // the keys
    (
        "view 8: every buying influence across the open deals, by contact",
        "视图 8：所有未结商机中的买方影响力，按联系情况",
    ),
    (
        "open the person in their deal (view 1, Influences pane)",
        "在其商机中打开此人（视图 1，买方影响力窗格）",
    ),
    (
        "sort: past cadence, name, deal, last contact",
        "排序：超出联系周期、姓名、商机、上次联系",
    ),
    (
        "filter by text (name, title, email, phone, deal, account)",
        "按文字筛选（姓名、职务、邮箱、电话、商机、客户）",
    ),
    // the orders
    ("sort: past cadence", "排序：超出联系周期"),
    ("sort: name", "排序：姓名"),
    ("sort: deal", "排序：商机"),
    ("sort: last contact", "排序：上次联系"),
    // the status line
    (
        "nobody yet: add buying influences in a deal's Influences pane (view 1, a)",
        "还没有人：在商机的买方影响力窗格中添加（视图 1，按 a）",
    ),
    (
        "nobody matches the filter: / then Esc clears it",
        "没有人符合筛选条件：按 / 再按 Esc 清除",
    ),
    // the list
    ("People", "人员"),
    (
        "Nobody yet: the people of the open deals show here. In view 1, Tab to a deal's Influences pane and press a to add a buying influence.",
        "还没有人：未结商机中的人员会列在这里。在视图 1 中用 Tab 切到商机的买方影响力窗格，按 a 添加一位买方影响力。",
    ),
    (
        "Nobody matches the filter. Press / then Esc to clear it.",
        "没有人符合筛选条件。按 / 再按 Esc 清除。",
    ),
    ("Person", "姓名"),
    ("Job title", "职务"),
    ("Roles", "角色"),
    ("Contact", "联系"),
    ("Email", "邮箱"),
    ("Phone", "电话"),
    ("{days}d / {cadence}d", "{days}天/{cadence}天"),
    ("never / {cadence}d", "从未/{cadence}天"),
    (
        "view 1's filter cleared to show the deal",
        "已清除视图 1 的筛选，以显示该商机",
    ),
];
