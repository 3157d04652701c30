//! People and conversations (spec section 10): the call plan's SPIN words,
//! the debrief's log, their edits and refusals, the two rules.

pub(super) const TEXTS: &[(&str, &str)] = &[
    ("action kind", "行动类型"),
    ("commitment", "承诺"),
    ("Situation questions", "情境性问题"),
    ("Problem questions", "探究性问题"),
    ("Implication questions", "暗示性问题"),
    ("Need-payoff questions", "解决性问题"),
    (
        "Facts and background, asked at the start: only the few you cannot find out before (customers tire of them).",
        "拜访开始时了解事实和背景资料：只问事先查不到的几个（问多了客户会反感）。",
    ),
    (
        "Their difficulties and dissatisfactions: where it hurts today. Ask more of these than situation questions.",
        "发掘客户的困难点和不满之处：今天哪里痛。探究性问题要比情境性问题问得多。",
    ),
    (
        "The consequences of the problem: make it bigger and more urgent, so the solution's cost is justified. Follow with need-payoff questions.",
        "探索问题的后果和影响：让客户感到问题的严重性和迫切性，使解决之道的费用变得合理。之后接着问解决性问题。",
    ),
    (
        "Let them say what solving it is worth to them: why is that important? How would that help you? Never ask one whose answer you do not know.",
        "让客户自己说出解决之道带给他的利益：为什么那么重要？那将会如何帮助你？避免问你不知道答案的解决性问题。",
    ),
    ("{kind} with {person}", "与{person}{kind}"),
    ("{kind} “{text}”", "{kind}“{text}”"),
    ("commitment: best ({what})", "承诺：最佳（{what}）"),
    ("commitment: best", "承诺：最佳"),
    ("commitment: minimum ({what})", "承诺：最低（{what}）"),
    ("commitment: minimum", "承诺：最低"),
    ("no commitment", "无承诺"),
    ("next: {next}", "下一步：{next}"),
    ("{head}: {parts}", "{head}：{parts}"),
    ("{text} (with {person})", "{text}（与{person}）"),
    (
        "a time needs a date: give the action a due date too",
        "时间需要日期：请同时给行动一个到期日",
    ),
    (
        "a next step's date needs the step: say what is to be done",
        "下一步的日期需要下一步本身：请写明要做什么",
    ),
    (
        "the next step cannot be due in the past: give today or a later date",
        "下一步不能定在过去：请给今天或以后的日期",
    ),
    ("call plan of {action} saved", "{action} 的拜访计划已保存"),
    ("call plan of {action} cleared", "{action} 的拜访计划已清除"),
    ("{action} is already done", "{action} 已完成"),
    ("{action}: done and debriefed", "{action}：已完成并复盘"),
    (
        "{person}: no contact for {days} (since {last}; every {cadence} expected)",
        "{person}：{days}未联系（上次 {last}；应每 {cadence}联系一次）",
    ),
    (
        "{person}: no contact recorded since the deal began {days} ago (every {cadence} expected)",
        "{person}：商机开始 {days}以来没有联系记录（应每 {cadence}联系一次）",
    ),
    (
        "Plan a call or a visit with {person} with a reason that matters to them (a valid business reason), and record the contact when it is done.",
        "与{person}约一次电话或拜访，给出对其重要的理由（有效的商业理由），完成后记录这次联系。",
    ),
    (
        "{kind} “{text}” on {due} has no call plan",
        "{due} 的{kind}“{text}”没有拜访计划",
    ),
    (
        "Write the call plan (the Green Sheet): the objective, a valid business reason for them, the best and the minimum commitment to ask for, and the SPIN questions.",
        "写好拜访计划（绿表）：拜访目标、对客户有效的商业理由、要争取的最佳承诺和最低承诺，以及 SPIN 问题。",
    ),
    (
        "a time of day as \"HH:MM\" (00:00 to 23:59)",
        "时刻，写作 \"HH:MM\"（00:00 至 23:59）",
    ),
    (
        "invalid time {v}, expected HH:MM from 00:00 to 23:59",
        "无效的时间 {v}，应为 00:00 至 23:59 的 HH:MM",
    ),
    (
        "the contact cadence in days by influence (high, medium, low)",
        "按影响力划分的联系周期天数（high、medium、low）",
    ),
    (
        "a call plan (objective, reason, best, minimum, questions, give)",
        "拜访计划（objective、reason、best、minimum、questions、give）",
    ),
    (
        "the SPIN questions (situation, problem, implication, need_payoff)",
        "SPIN 问题（situation、problem、implication、need_payoff）",
    ),
    (
        "a debrief (learned, commitment, next)",
        "复盘（learned、commitment、next）",
    ),
];
