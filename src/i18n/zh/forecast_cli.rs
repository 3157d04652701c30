//! `funnel forecast` and the weekly report's forecast section (spec
//! section 8): the table, the Markdown and their messages.

pub(super) const TEXTS: &[(&str, &str)] = &[
    (
        "--owner {name}: no deal and no target has an owner in this workspace (set settings.owner or a deal's owner)",
        "--owner {name}：此工作区没有任何商机或目标设有负责人（请设置 settings.owner 或商机的负责人）",
    ),
    (
        "--owner {name}: no deal or target has this owner; the owners are: {owners}",
        "--owner {name}：没有商机或目标属于此负责人；现有负责人：{owners}",
    ),
    ("all owners", "全部负责人"),
    ("Target", "目标"),
    ("Commit", "承诺"),
    ("Best case", "最佳情况"),
    ("Pipeline", "管道"),
    ("Omitted", "不计入"),
    ("Gap", "差距"),
    ("Coverage", "覆盖率"),
    (
        "No target for {period} (settings.targets): no gap and no coverage to measure.",
        "{period}没有目标（settings.targets）：无法计算差距和覆盖率。",
    ),
    (
        "Target reached: {won} won against a target of {target}, nothing left to cover.",
        "已达成目标：赢单 {won}，目标 {target}，没有差距需要覆盖。",
    ),
    (
        "Coverage {ratio} of the gap: healthy ({healthy}× or more, since about one open deal in three is won).",
        "覆盖率为差距的 {ratio}：健康（{healthy} 倍或以上为健康，约三个在谈商机赢一个）。",
    ),
    (
        "Coverage {ratio} of the gap: thin (healthy at {healthy}× or more: about one open deal in three is won).",
        "覆盖率为差距的 {ratio}：偏薄（{healthy} 倍或以上才健康，约三个在谈商机赢一个）。",
    ),
    ("into the period", "移入本期"),
    ("out of the period", "移出本期"),
    ("category changed", "类别变更"),
    ("Moves since the review of {on}", "自{on}回顾以来的变动"),
    ("Moves", "变动"),
    (
        "Nothing moved in or out of the period, and no category changed.",
        "没有商机进出本期间，也没有类别变更。",
    ),
    (
        "No review yet: the moves are measured from the latest review before today.",
        "尚无回顾：变动以今天之前最近一次回顾为基准。",
    ),
    (
        "Forecast {period}, {from} to {to} · {whose}\n\n",
        "预测：{period}，{from} 至 {to} · {whose}\n\n",
    ),
    ("MOVE", "变动"),
    ("CHANGE", "变化"),
    ("{title} ({change})", "{title}（{change}）"),
    (
        "; and {more} more (funnel forecast --format json lists every one)",
        "；另有 {more} 个（funnel forecast --format json 列出全部）",
    ),
    (
        "{level} Forecast, {period}\n\n",
        "{level} 预测：{period}\n\n",
    ),
    ("{from} to {to} · {whose}\n\n", "{from}至{to} · {whose}\n\n"),
];
