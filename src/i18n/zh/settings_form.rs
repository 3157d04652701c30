//! The settings form of the workbench (`S`): every setting of the file
//! that has no form of its own.

pub(super) const TEXTS: &[(&str, &str)] = &[
    ("Settings", "设置"),
    (
        "settings: owner, currency, each stage's probability and stall days, quiet days, win and loss reasons",
        "设置：负责人、币种、各阶段赢率与停滞天数、久无联系天数、赢单与丢单原因",
    ),
    ("settings changed", "设置已更改"),
    ("currency", "币种"),
    ("quiet after days", "久无联系天数"),
    ("probability in qualify", "赢率：确认商机"),
    ("probability in drive", "赢率：主导进程"),
    ("probability in propose", "赢率：方案论证"),
    ("probability in negotiate", "赢率：商务洽谈"),
    ("probability in close", "赢率：销售成交"),
    ("stalled after days in qualify", "停滞天数：确认商机"),
    ("stalled after days in drive", "停滞天数：主导进程"),
    ("stalled after days in propose", "停滞天数：方案论证"),
    ("stalled after days in negotiate", "停滞天数：商务洽谈"),
    ("stalled after days in close", "停滞天数：销售成交"),
    ("loss reasons", "丢单原因"),
    ("win reasons", "赢单原因"),
    ("short amounts", "金额简写"),
    ("western (1.2M, 437k)", "西式（1.2M、437k）"),
    ("chinese (120万, 1.2亿)", "中式（120万、1.2亿）"),
    (
        "unknown number style {style}, expected western, chinese or nothing",
        "未知的金额简写方式 {style}，应为 western、chinese 或留空",
    ),
    (
        "expected a whole number from {min} to {max}",
        "应为 {min} 到 {max} 之间的整数",
    ),
    (
        "the currency cannot be empty, expected a code like CNY or EUR",
        "币种不能为空，应为 CNY 或 EUR 这样的代码",
    ),
    (
        "each list of reasons needs at least one code (other, say)",
        "每个原因列表至少需要一个代码（例如 other）",
    ),
    (
        "days must be 1 or more: a deal cannot stall or go quiet in 0 days",
        "天数至少为 1：商机不会在 0 天内停滞或久无联系",
    ),
];
