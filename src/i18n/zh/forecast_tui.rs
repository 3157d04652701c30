//! The workbench's forecast (spec section 8): view 7, its keys, the list
//! of the deals behind a figure and the targets form.

pub(super) const TEXTS: &[(&str, &str)] = &[
    // the title tab and the help
    ("7 Forecast", "7 预测"),
    (" Keys · forecast ", " 按键 · 预测 "),
    (
        " Keys · the deals behind a figure ",
        " 按键 · 数字背后的商机 ",
    ),
    // the keys
    (
        "view 7: the forecast against the target",
        "视图 7：对照目标的预测",
    ),
    (
        "the deals behind the figure (won, commit, best case, pipeline, omitted)",
        "数字背后的商机（赢单、承诺、最佳情况、管道、不计入）",
    ),
    ("the previous period", "上一期间"),
    ("the next period", "下一期间"),
    (
        "quarter ⇄ month: the same time as a quarter or as one month",
        "季度 ⇄ 月份：同一时间按季度或按单月看",
    ),
    (
        "owner: everyone, then each owner in turn",
        "负责人：全部，再依次每位负责人",
    ),
    (
        "owner: everyone, then each owner in turn (once there are two owners)",
        "负责人：全部，再依次每位负责人（有两位及以上负责人时）",
    ),
    (
        "targets of the period and owner shown (and of its months)",
        "设置所示期间和负责人的目标（及各月目标）",
    ),
    ("the figure below", "下一行数字"),
    ("the figure above", "上一行数字"),
    ("the column to the left", "左边一列"),
    ("the column to the right", "右边一列"),
    ("jump to the deal in view 1", "跳到视图 1 中的该商机"),
    (
        "forecast category: commit → best case → pipeline → omitted → from its probability (u undoes)",
        "预测类别：承诺 → 最佳情况 → 管道 → 不计入 → 按赢率推算（u 撤销）",
    ),
    ("close the list of deals", "关闭商机列表"),
    // the screen
    ("Forecast · {period} · {owner}", "预测 · {period} · {owner}"),
    ("everyone", "全部负责人"),
    ("target", "目标"),
    ("weighted", "加权"),
    ("gap", "差距"),
    ("coverage of the gap", "覆盖率"),
    ("{sum} of {target}", "{sum}/{target}"),
    (
        "{period}: no target: T sets one",
        "{period}：没有目标，按 T 设置",
    ),
    (
        "{period}: target met: won {won} of {target}",
        "{period}：已达成目标，赢单 {won}，目标 {target}",
    ),
    (
        "{period}: gap {gap}: won {won} of {target}",
        "{period}：差距 {gap}，赢单 {won}，目标 {target}",
    ),
    (
        "coverage {x}× of the gap: healthy at 3× or more (about one open deal in three is won)",
        "覆盖率为差距的 {x} 倍：健康（3 倍或以上为健康，约三个在谈商机赢一个）",
    ),
    (
        "coverage {x}× of the gap: thin, healthy is 3× or more (about one open deal in three is won)",
        "覆盖率为差距的 {x} 倍：偏薄，3 倍或以上才健康（约三个在谈商机赢一个）",
    ),
    (
        "Moves: no review yet (view 5 records one)",
        "变动：还没有回顾（视图 5 记录一次）",
    ),
    ("Moves since the review of {date}", "自{date}回顾以来的变动"),
    ("nothing moved", "没有变动"),
    ("into the period: {deals}", "移入本期：{deals}"),
    ("out of the period: {deals}", "移出本期：{deals}"),
    ("category", "类别"),
    (
        "… {n} more: Enter lists them all",
        "… 还有 {n} 个：Enter 列出全部",
    ),
    ("set", "手动设置"),
    ("from {p}%", "按赢率 {p}%"),
    (
        "every deal is {owner}'s: no other owner to show",
        "所有商机都属于 {owner}：没有其他负责人可切换",
    ),
    (
        "no deal has an owner: nothing to switch",
        "没有商机有负责人：无可切换",
    ),
    (
        "Enter lists the deals behind won, commit, best case, pipeline and omitted",
        "Enter 列出赢单、承诺、最佳情况、管道和不计入背后的商机",
    ),
    (
        "no deal behind {figure} of {period}",
        "{period}的{figure}背后没有商机",
    ),
    (
        "a won deal counts as won: its category is for open deals",
        "赢单商机计为赢单：预测类别只用于在谈商机",
    ),
    // the targets form
    ("month 1", "第 1 个月"),
    ("month 2", "第 2 个月"),
    ("month 3", "第 3 个月"),
    (
        "{month}: a third of the quarter: {amount}",
        "{month}：季度目标的三分之一：{amount}",
    ),
    ("{month}: no target of its own", "{month}：没有单独的目标"),
    (
        "Targets of {period} ({months}) for {who}",
        "{who}在{period}（{months}）的目标",
    ),
    ("Targets of {period} for {who}", "{who}在{period}的目标"),
    (
        "… {more} more lines: funnel forecast lists them all",
        "… 还有 {more} 行未显示：命令行的预测命令会全部列出",
    ),
    (
        "{period} is over: missed by {gap} (won {won} of {target})",
        "{period}已结束：差 {gap} 未完成（赢单 {won}，目标 {target}）",
    ),
    ("{deal}: {from} → {to}", "{deal}：{from} → {to}"),
    (
        "empty: {amount}, from the months' or the owners' own",
        "留空：{amount}，来自各月或各负责人的目标",
    ),
    ("empty: no target", "留空：没有目标"),
];
