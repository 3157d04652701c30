//! `funnel plan`: the account plan of seed 003 (spec section 11) in the
//! course's terms: 客户计划, 客户概况, 采购历史, 需求, 决策流程, 去年与今年,
//! 策略, 资源, 具体目标, 信用, 客户反馈, 进行中的商机, 预警信号, 行动时间表,
//! 工作日志. Headings and table heads are whole lines.

pub(super) const TEXTS: &[(&str, &str)] = &[
    (
        "{account}: no account has this id or name (`funnel accounts` shows the ids)",
        "{account}：没有客户使用此 id 或名称（`funnel accounts` 可列出客户 id）",
    ),
    (
        "{account}: several accounts have this name ({ids}); give the id",
        "{account}：有多个客户使用这个名称（{ids}），请给出客户 id",
    ),
    ("# Account plan: {name}\n\n", "# 客户计划：{name}\n\n"),
    ("{id} · as of {today}\n", "{id} · 截至 {today}\n"),
    ("Not set.", "未设置。"),
    ("no target", "无目标"),
    // `funnel accounts`: the warnings column
    ("{count}: {first}; …", "{count}：{first}；…"),
    ("warning", "条预警"),
    ("warnings", "条预警"),
    ("invoice", "张发票"),
    ("invoices", "张发票"),
    // profile
    ("## Profile", "## 客户概况"),
    ("- **Industry:** {industry}\n", "- **行业：**{industry}\n"),
    ("- **Tier:** {tier}\n", "- **客户级别：**{tier}\n"),
    (
        "- **Screening quadrant:** {quadrant}\n",
        "- **筛选象限：**{quadrant}\n",
    ),
    (
        "- **Relationship stage:** {stage}\n",
        "- **关系阶段：**{stage}\n",
    ),
    ("- **Notes:** {notes}\n", "- **备注：**{notes}\n"),
    (
        "- **SWOT:** strengths: {s}; weaknesses: {w}; opportunities: {o}; threats: {th}\n",
        "- **SWOT：**优势：{s}；劣势：{w}；机会：{o}；威胁：{th}\n",
    ),
    ("\n### Contacts\n\n", "\n### 联系人\n\n"),
    (
        "| Name | Title | Email | Phone |",
        "| 姓名 | 职务 | 邮箱 | 电话 |",
    ),
    // purchase history
    ("## Purchase history", "## 采购历史"),
    ("### This year ({year})\n\n", "### 今年（{year}）\n\n"),
    ("### Last year ({year})\n\n", "### 去年（{year}）\n\n"),
    ("### Earlier\n\n", "### 更早\n\n"),
    ("No deal won.", "没有赢单。"),
    (
        "\nWon: {count}, {total}.\n\n",
        "\n赢单：{count}，共 {total}。\n\n",
    ),
    ("Lost deals: {lost}.\n", "丢单：{lost} 个。\n"),
    // needs and decision process
    ("## Needs", "## 需求"),
    (
        "\nThe buying influences of the open deals, by role:\n\n",
        "\n进行中商机的买方影响力，按角色：\n\n",
    ),
    ("Economic buyers", "经济影响力"),
    ("Users", "使用者影响力"),
    ("Technical buyers", "技术选型人"),
    ("Coaches", "教练"),
    (
        "{name} ({attitude}, {deal})",
        "{name}（{attitude}，{deal}）",
    ),
    (
        "{name}, {title} ({attitude}, {deal})",
        "{name}，{title}（{attitude}，{deal}）",
    ),
    ("- **{role}:** {people}\n", "- **{role}：**{people}\n"),
    // last year against this year
    ("## Last year against this year", "## 去年与今年"),
    (
        "- **Last year's target:** {amount}\n",
        "- **去年目标：**{amount}\n",
    ),
    (
        "- **Last year's result:** {amount}\n",
        "- **去年实绩：**{amount}\n",
    ),
    (
        "- **This year's target:** {amount}\n",
        "- **今年目标：**{amount}\n",
    ),
    (
        "- **Won so far this year:** {amount}\n",
        "- **今年至今赢单：**{amount}\n",
    ),
    (
        "- **Expected by now:** {amount}\n",
        "- **此时应达到：**{amount}\n",
    ),
    (
        "- **Share of target won:** {share}\n",
        "- **目标完成率：**{share}\n",
    ),
    (
        "- **Open pipeline:** {deals}, {value}, weighted {weighted}\n",
        "- **进行中的商机：**{deals}，{value}，加权 {weighted}\n",
    ),
    // strategy, resources, goals
    ("## Strategy", "## 策略"),
    ("## Resources", "## 资源"),
    ("## Goals", "## 具体目标"),
    // credit
    ("## Credit", "## 信用"),
    (
        "- **Credit limit:** {amount}\n",
        "- **信用额度：**{amount}\n",
    ),
    ("- **Terms:** {terms}\n", "- **账期：**{terms}\n"),
    (
        "- **Unpaid:** {amount} ({count})\n",
        "- **未付款：**{amount}（{count}）\n",
    ),
    ("- **Overdue:** none\n", "- **逾期：**无\n"),
    (
        "- **Overdue:** {amount} ({count}), the oldest {days} overdue\n",
        "- **逾期：**{amount}（{count}），最久逾期 {days}\n",
    ),
    ("- **Available:** {amount}\n", "- **可用额度：**{amount}\n"),
    ("\n### Unpaid invoices\n\n", "\n### 未付发票\n\n"),
    (
        "| Invoice | Amount | Issued | Due | Overdue |",
        "| 发票 | 金额 | 开票日 | 到期日 | 逾期 |",
    ),
    // customer feedback
    ("## Customer feedback", "## 客户反馈"),
    ("### Open complaints\n\n", "### 未解决的投诉\n\n"),
    (
        "- {raised} · open {days}: {text}\n",
        "- {raised} · 已 {days}未解决：{text}\n",
    ),
    ("\n### Resolved complaints\n\n", "\n### 已解决的投诉\n\n"),
    (
        "- {raised} · resolved {resolved}: {text}\n",
        "- {raised} · {resolved} 解决：{text}\n",
    ),
    (
        "\n### Satisfaction, oldest first\n\n",
        "\n### 满意度（由早到晚）\n\n",
    ),
    // open deals, warnings
    ("## Open deals", "## 进行中的商机"),
    (
        "| Deal | Stage | Value | Weighted | Expected close | Red flags |",
        "| 商机 | 阶段 | 金额 | 加权金额 | 预计成交 | 红旗信号 |",
    ),
    ("## Warnings", "## 预警信号"),
    // action timeline
    ("## Action timeline", "## 行动时间表"),
    ("### Open, by due date\n\n", "### 未完成（按到期日）\n\n"),
    ("**{due} (overdue)**", "**{due}（已逾期）**"),
    (
        "| Due | Action | Deal | Person |",
        "| 到期日 | 行动 | 商机 | 人员 |",
    ),
    ("\n### Last {n} done\n\n", "\n### 最近完成的 {n} 项\n\n"),
    (
        "| Done | Action | Deal | Person |",
        "| 完成日 | 行动 | 商机 | 人员 |",
    ),
    // work log
    ("## Work log", "## 工作日志"),
    (
        "- {on} · **{deal}:** {text}\n",
        "- {on} · **{deal}：**{text}\n",
    ),
    (
        "The account's deals' log entries of the last {days}, newest first.\n\n",
        "该客户各商机最近 {days}的日志，由新到旧。\n\n",
    ),
];
