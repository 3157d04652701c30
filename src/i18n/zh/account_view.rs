//! View 4's account workspace (spec section 11): the panes' names, the
//! overview beside the SWOT, the plan's gauge, credit and invoices,
//! complaints, satisfaction, contacts, deals and the timeline.

pub(super) const TEXTS: &[(&str, &str)] = &[
    // the panes
    ("Profile", "概况"),
    ("Plan", "客户计划"),
    ("Credit", "信用"),
    ("Complaints", "投诉"),
    ("Satisfaction", "满意度"),
    ("Contacts", "联系人"),
    ("Timeline", "行动时间表"),
    ("! +{n} more warnings", "! 另有 {n} 条预警"),
    ("+{n} more lines", "还有 {n} 行"),
    // the overview and the profile
    ("industry not set", "行业未设置"),
    ("Industry:", "行业："),
    ("Notes:", "备注："),
    (
        "tier {tier} · quadrant {quadrant} · relationship {relationship}",
        "分级 {tier} · 象限 {quadrant} · 关系 {relationship}",
    ),
    ("SWOT: {s}, {w}, {o}, {t}", "SWOT：{s}，{w}，{o}，{t}"),
    ("1 strength", "1 条优势"),
    ("{n} strengths", "{n} 条优势"),
    ("1 weakness", "1 条劣势"),
    ("{n} weaknesses", "{n} 条劣势"),
    ("1 opportunity", "1 个机会"),
    ("{n} opportunities", "{n} 个机会"),
    ("1 threat", "1 个威胁"),
    ("{n} threats", "{n} 个威胁"),
    ("{complaints} · {contacts}", "{complaints} · {contacts}"),
    ("open complaint", "件未解决投诉"),
    ("open complaints", "件未解决投诉"),
    ("no scores yet", "尚无评分"),
    // the plan
    ("no target set", "未设今年目标"),
    ("Plan: {state}", "客户计划：{state}"),
    ("Plan {pct}%", "目标完成 {pct}%"),
    (
        "won {won} of {target} ({pct}%) · expected by now {expected}",
        "已赢单 {won} / 目标 {target}（{pct}%）· 此时应达到 {expected}",
    ),
    (
        "won {won} of {target} · by now {expected}",
        "已赢单 {won} / {target} · 此时应达 {expected}",
    ),
    (
        "won {won} this year, {last} last year",
        "今年赢单 {won}，去年 {last}",
    ),
    ("No account plan yet.", "尚无客户计划。"),
    (
        "Last year: target {target}, result {result} (won in the deals: {won})",
        "去年：目标 {target}，实际 {result}（商机中赢单：{won}）",
    ),
    ("This year: target {target}", "今年：目标 {target}"),
    ("Strategy:", "策略："),
    ("Resources:", "资源："),
    ("Goals:", "具体目标："),
    ("Needs:", "需求："),
    ("Decision process:", "决策流程："),
    // credit
    ("Credit: {state}", "信用：{state}"),
    (
        "Credit: {unpaid} owed of {limit} limit",
        "信用：未付 {unpaid} / 额度 {limit}",
    ),
    (
        "Credit: {unpaid} owed, no limit set",
        "信用：未付 {unpaid}，未设信用额度",
    ),
    ("overdue {amount} · {days}", "逾期 {amount} · 最久 {days}"),
    ("nothing overdue", "无逾期"),
    (
        "No credit line set: no limit, no terms, no invoices.",
        "未设信用：无信用额度、无账期、无发票。",
    ),
    (
        "Limit {limit} · terms {terms} · unpaid {unpaid} ({count})",
        "信用额度 {limit} · 账期 {terms} · 未付 {unpaid}（{count}）",
    ),
    (
        "Overdue {overdue} ({count}, the oldest {days}) · available {available}",
        "逾期 {overdue}（{count}，最久 {days}）· 可用额度 {available}",
    ),
    ("Invoice", "发票"),
    ("Amount", "金额"),
    ("Paid or overdue", "付款或逾期"),
    ("No invoices yet.", "尚无发票。"),
    (
        "Nothing overdue · available {available}",
        "无逾期 · 可用额度 {available}",
    ),
    ("paid {date}", "{date} 已付"),
    ("{days} overdue", "逾期 {days}"),
    ("unpaid, no due date", "未付，无到期日"),
    // complaints
    ("State", "状态"),
    ("Raised", "提出"),
    ("Complaint", "投诉"),
    ("No complaints recorded.", "尚无投诉记录。"),
    ("open {days}", "未解决 {days}"),
    ("resolved {date}", "{date} 已解决"),
    // satisfaction
    (
        "the last {n} of {all} scores, oldest left · 1 to 5",
        "共 {all} 次评分中的最近 {n} 次，左旧右新 · 1 到 5 分",
    ),
    (
        "{scores}, oldest left · 1 to 5",
        "{scores}，左旧右新 · 1 到 5 分",
    ),
    ("scores", "次评分"),
    ("Note", "说明"),
    ("No satisfaction scores yet.", "尚无满意度评分。"),
    // contacts, deals, timeline
    ("No contacts yet.", "尚无联系人。"),
    ("Flags", "红旗信号"),
    ("No deals with this account.", "该客户没有商机。"),
    ("high", "高"),
    ("medium", "中"),
    ("low", "低"),
    ("When", "时间"),
    (
        "No actions on this account's deals.",
        "该客户的商机没有行动。",
    ),
];
