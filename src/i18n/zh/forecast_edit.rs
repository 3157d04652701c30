//! Setting a deal's forecast category in the workbench (spec section 8):
//! the `f` key of view 1, the opportunity form's field, the deal pane's
//! and the review walk's words for it.

pub(super) const TEXTS: &[(&str, &str)] = &[
    (
        "forecast category: from its probability → commit → best case → pipeline → omitted (every marked deal, if any)",
        "预测类别：按赢率推算 → 承诺 → 最佳情况 → 管道 → 不计入（如有标记，则改所有标记的商机）",
    ),
    (
        "{deals}: forecast category from each one's probability",
        "{deals}：预测类别按各自赢率推算",
    ),
    ("from its probability", "按赢率推算"),
    ("from probability ({category})", "按赢率推算（{category}）"),
    (
        "{deal}: forecast {category} · f again: {next}",
        "{deal}：预测{category} · 再按 f：{next}",
    ),
    ("from each one's probability", "按各自赢率推算"),
    ("forecast: {category}", "预测：{category}"),
    (
        "category changed: {from} → {to}",
        "预测类别变化：{from} → {to}",
    ),
    ("{category} (set)", "{category}（手动设定）"),
    (
        "{category} (from {percent}%)",
        "{category}（按赢率 {percent}%）",
    ),
    (
        "{quoted} ({rows}, first on line {line})",
        "{quoted}（{rows}，首次在第 {line} 行）",
    ),
    (
        "warning: forecast category {values} (column {column}) is not a forecast category (commit, best case, pipeline, omitted, as Salesforce, HubSpot or Dynamics name them; closed and won deals need none): left unset, the probability gives it",
        "警告：预测类别 {values}（列 {column}）不是可识别的预测类别（承诺、最佳情况、管道、不计入，按 Salesforce、HubSpot 或 Dynamics 的写法；已关闭和赢单的商机无需类别）：未设置，按赢率推算",
    ),
];
