//! People and conversations in the workbench (spec section 10): the
//! action's kind, time and owner, a person's email, phone and cadence, the
//! call plan form (the Green Sheet, 绿表) and the debrief (复盘).

pub(super) const TEXTS: &[(&str, &str)] = &[
    ("time", "时间"),
    ("email", "邮箱"),
    ("phone", "电话"),
    ("contact every (days)", "联系周期天数"),
    (
        "contact every (days), high influence",
        "联系周期天数（高影响力）",
    ),
    (
        "contact every (days), medium influence",
        "联系周期天数（中影响力）",
    ),
    (
        "contact every (days), low influence",
        "联系周期天数（低影响力）",
    ),
    ("valid business reason", "有效商业理由"),
    ("best commitment", "最佳承诺"),
    ("minimum commitment", "最低承诺"),
    ("situation questions", "情境性问题"),
    ("problem questions", "探究性问题"),
    ("implication questions", "暗示性问题"),
    ("need-payoff questions", "解决性问题"),
    ("what we give", "我们提供"),
    ("what we learned", "了解到"),
    ("next step", "下一步"),
    ("next step due", "下一步日期"),
    (
        "expected a whole number from {min} to {max}, or empty for the default",
        "应为 {min} 到 {max} 的整数，留空则用默认值",
    ),
    (
        "{field}: expected a time like 9:30, 0930 or 14 (00:00 to 23:59), or empty for none",
        "{field}：应为 9:30、0930 或 14 这样的时间（00:00 至 23:59），留空表示无",
    ),
    (
        "like 9:30, 0930 or 14; empty for none",
        "如 9:30、0930 或 14；留空表示无",
    ),
    ("empty: the deal's owner", "留空：商机负责人"),
    (
        "empty: every {days} days (the settings' default for {influence} influence)",
        "留空：每 {days} 天（设置中{influence}影响力的默认值）",
    ),
    (
        "Call plan (Green Sheet): {action}",
        "拜访计划（绿表）：{action}",
    ),
    ("Debrief: {action}", "复盘：{action}"),
    (
        "mark the action done: a call, meeting or visit asks for its debrief first (every marked one, if any, done at once)",
        "标为完成：电话、会议或拜访先填复盘（有标记时对所有标记项，一次完成）",
    ),
    (
        "call plan (Green Sheet): objective, commitments, SPIN questions",
        "拜访计划（绿表）：目标、承诺、四类提问",
    ),
    (
        "mark the action done: a call, meeting or visit asks for its debrief first (x again: open it again)",
        "标为完成：电话、会议或拜访先填复盘（再按 x：重新打开）",
    ),
    (
        "add an action (text, kind, due date and time, the person it is with, owner)",
        "添加行动（内容、类型、到期日和时间、相关人员、负责人）",
    ),
    (
        "! no call plan yet: p writes it",
        "! 还没有拜访计划：按 p 填写",
    ),
    ("best: {what}", "最佳：{what}"),
    ("minimum: {what}", "最低：{what}"),
    ("a call plan (p shows it)", "有拜访计划（按 p 查看）"),
    ("Plan: {parts}", "计划：{parts}"),
];
