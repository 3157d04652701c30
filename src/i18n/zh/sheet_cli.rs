//! `funnel sheet`: the deal's strategy one-pager, the Blue Sheet (spec
//! section 9), in the course's terms: 蓝表（策略单页）, 单一销售目标,
//! 价值主张, 紧迫事件, 买方影响力, 红旗信号, 竞争对手, 决策标准, 成交计划.
//! Headings and table heads are whole lines, so each reads as printed.

pub(super) const TEXTS: &[(&str, &str)] = &[
    (
        "{id}: no opportunity has this id (`funnel list --all` shows them)",
        "{id}：没有商机使用此 id（`funnel list --all` 可列出全部商机）",
    ),
    (
        "# Blue Sheet: {title}\n\n",
        "# 蓝表（策略单页）：{title}\n\n",
    ),
    (
        "{account} · {id} · as of {today}\n",
        "{account} · {id} · 截至 {today}\n",
    ),
    ("None yet.", "尚无。"),
    ("none yet", "尚无"),
    ("None.", "无。"),
    // position
    ("## Position", "## 商机现状"),
    (
        "{stage}, {days} in this stage",
        "{stage}，已在本阶段 {days}",
    ),
    ("- **Stage:** {stage}\n", "- **阶段：**{stage}\n"),
    ("{result} on {on}", "{on} {result}"),
    (
        "- **Outcome:** {outcome}{reason}\n",
        "- **结果：**{outcome}{reason}\n",
    ),
    (
        "- **Value:** {value} · probability used {p}% · weighted {weighted}\n",
        "- **金额：**{value} · 采用赢率 {p}% · 加权 {weighted}\n",
    ),
    ("set on the deal", "在商机上设定"),
    (
        "- **Forecast category:** {category} ({how})\n",
        "- **预测类别：**{category}（{how}）\n",
    ),
    (
        "- **Expected close:** {close}\n",
        "- **预计成交日期：**{close}\n",
    ),
    ("- **Owner:** {owner}\n", "- **负责人：**{owner}\n"),
    (
        "- **Single sales objective:** {objective}\n",
        "- **单一销售目标：**{objective}\n",
    ),
    // strategy
    ("## Value proposition", "## 价值主张"),
    ("- **Needs:** {text}\n", "- **需求：**{text}\n"),
    ("- **Benefits:** {text}\n", "- **收益分析：**{text}\n"),
    ("- **Differentiators:** {text}\n", "- **差异化：**{text}\n"),
    ("## Compelling event", "## 紧迫事件"),
    ("{text} (by {on})\n", "{text}（期限 {on}）\n"),
    ("{text} (no date yet)\n", "{text}（尚无日期）\n"),
    ("## Decision process", "## 决策流程"),
    ("## Our team", "## 我方销售团队"),
    // buying influences
    ("## Buying influences", "## 买方影响力"),
    (
        "| Name | Title | Roles | Attitude | Mode | Influence | Coverage (time with them) | Last contact |",
        "| 姓名 | 职务 | 角色 | 状态 | 反应模式 | 影响力 | 所用时间 | 最近联系 |",
    ),
    (
        "\n**Roles nobody holds:** {roles}.\n",
        "\n**无人担任的角色：**{roles}。\n",
    ),
    // red flags and strengths
    ("## Red flags", "## 红旗信号"),
    (
        "None: a closed deal carries no red flags.",
        "无：已关闭的商机不计红旗信号。",
    ),
    (
        "- **{severity}** · {message}\n  - {suggestion}\n",
        "- **{severity}** · {message}\n  - {suggestion}\n",
    ),
    (
        "\nSnoozed (hidden until the day after the date):\n",
        "\n已暂缓（到该日期的次日再显示）：\n",
    ),
    (
        "- {message} · until {until}: {reason}\n",
        "- {message} · 暂缓至 {until}：{reason}\n",
    ),
    ("no reason given", "未写原因"),
    ("red flags", "条红旗信号"),
    ("## Strengths", "## 优势"),
    // competition and criteria
    ("## Competition", "## 竞争对手"),
    (
        "| Competitor | Their position | Their strengths | Their weaknesses |",
        "| 竞争对手 | 对手位置 | 对手优势 | 对手劣势 |",
    ),
    ("## Decision criteria", "## 决策标准"),
    (
        "| Weight | Criterion | Kind | Held by | Where we stand |",
        "| 权重 | 标准 | 类型 | 持有人 | 我方位置 |",
    ),
    (
        "\nWhere we are behind, the method advises:\n\n",
        "\n我方落后的标准，方法建议：\n\n",
    ),
    (
        "- **{criterion}:** {advice}\n",
        "- **{criterion}：**{advice}\n",
    ),
    // close plan
    ("## Close plan", "## 成交计划"),
    (
        "| Due | Step | Side | Done |",
        "| 到期 | 步骤 | 负责方 | 完成 |",
    ),
    ("not yet", "未完成"),
    (
        "No step has a due date: the plan does not say when it ends.",
        "没有步骤设定到期日：计划没有说明何时结束。",
    ),
    (
        "The plan ends {ends}; the deal has no expected close date.",
        "计划于 {ends} 结束；商机没有预计成交日期。",
    ),
    (
        "**The plan ends {ends}, after the expected close {close}: the date is not real.**",
        "**计划于 {ends} 结束，晚于预计成交日期 {close}：这个日期不现实。**",
    ),
    (
        "The plan ends {ends}, by the expected close {close}.",
        "计划于 {ends} 结束，不晚于预计成交日期 {close}。",
    ),
    (
        "{done} of {total} steps done.",
        "已完成 {done}/{total} 步。",
    ),
    // best actions
    ("## Best actions", "## 最佳行动"),
    ("None: the deal is closed.", "无：商机已关闭。"),
    ("{due} (overdue)", "{due}（已逾期）"),
    (
        "| # | Due | Action | Score | Why |",
        "| # | 到期 | 行动 | 得分 | 原因 |",
    ),
];
