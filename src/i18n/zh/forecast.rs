//! The forecast against a target (spec section 8): its words in the
//! domain, the red flag `commit-at-risk`. The CLI's and the workbench's
//! texts of the forecast are in `forecast_cli.rs` and `forecast_tui.rs`.

pub(super) const TEXTS: &[(&str, &str)] = &[
    ("forecast category", "预测类别"),
    (
        "a target object (period, amount, owner)",
        "目标对象（period、amount、owner）",
    ),
    (
        "a period: a quarter like 2026-Q4 or a month like 2026-12",
        "期间：季度如 2026-Q4，或月份如 2026-12",
    ),
    (
        "invalid period {found}, expected a quarter like 2026-Q4 or a month like 2026-12",
        "无效期间 {found}，应为季度（如 2026-Q4）或月份（如 2026-12）",
    ),
    (
        "committed in the forecast, but: {reasons}",
        "预测中列为承诺，但：{reasons}",
    ),
    ("its close date has passed", "预计成交日期已过"),
    ("no economic buyer", "没有经济影响力"),
    ("the economic buyer never met", "从未见过经济影响力"),
    ("not fully qualified", "商机未完全确认"),
    (
        "Fix the cause before the forecast call (meet the economic buyer, confirm the four conditions, get the real date), or move the deal to best case (f) so the number stays true.",
        "在预测会议前解决原因（拜见经济影响力、确认四个条件、问清真实日期），或把商机改为最佳情况（f），让数字保持真实。",
    ),
    (
        "a second target for {period} and {owner}, expected one target per period and owner",
        "{period} 对 {owner} 有第二个目标，每个期间和负责人只应有一个目标",
    ),
    ("the whole workspace", "整个工作区"),
    (
        "{deal}: forecast category {category}",
        "{deal}：预测类别改为{category}",
    ),
    (
        "{deal}: forecast category from its probability ({category})",
        "{deal}：预测类别按赢率推算（{category}）",
    ),
    ("targets of {period} for {who}", "{who}在{period}的目标"),
    (
        "a target is more than 0: leave the field empty for none",
        "目标须大于 0：没有目标请留空",
    ),
];
