//! The Blue Sheet's domain words (spec section 9): its red-flag rules, the
//! method's advice, its edits and their refusals, its checks.

pub(super) const TEXTS: &[(&str, &str)] = &[
    ("no decision criteria written down", "尚未写下决策标准"),
    (
        "Find out how they will score the offers (技术及商务评分标准): ask your coach and the technical buyer for the criteria and their weights, then write them down.",
        "弄清客户如何给各家方案打分（技术及商务评分标准）：向教练和技术选型人了解标准及权重，并记录下来。",
    ),
    (
        "behind on “{criterion}” (weight {weight})",
        "在“{criterion}”上落后（权重 {weight}）",
    ),
    ("{competitor} is ahead", "{competitor} 领先"),
    ("On “{criterion}”: {advice}", "关于“{criterion}”：{advice}"),
    (
        "Differentiate against {competitor}: what only we offer, product or not (service, the account team, references); reshape the criteria they win on with your coach.",
        "针对 {competitor} 做差异化：只有我们能提供的东西，产品或非产品（服务、客户团队、成功案例）；与教练一起改变对手占优的评分标准。",
    ),
    (
        "no compelling event: nothing makes them buy by a date",
        "没有紧迫事件：没有什么迫使客户在某个日期前购买",
    ),
    (
        "Ask what happens if they do nothing until next year; find the event that makes this date real (a budget year-end, a go-live, a regulation), or expect the date to slip.",
        "问客户：如果到明年都不行动会怎样；找到让这个日期成立的事件（预算年度结束、上线、法规），否则成交日期很可能推迟。",
    ),
    ("no close plan to signature", "没有通往签约的成交计划"),
    (
        "Agree the steps to signature with the customer: their approvals, legal and purchasing (the paper process), and ours, each with a date.",
        "与客户约定通往签约的步骤：客户的审批、法务和采购（签约流程）以及我方的步骤，每一步都有日期。",
    ),
    (
        "close plan step “{step}” overdue since {due}",
        "成交计划步骤“{step}”自 {due} 起逾期",
    ),
    (
        "“{step}” is late on their side: ask your coach what holds it up, and agree a new date with the person who owns it; a stalled paper process is how deals flip at the last moment.",
        "客户方的“{step}”延误了：问教练卡在哪里，并与负责人约定新日期；签约流程停滞，正是订单在最后一刻翻盘的原因。",
    ),
    (
        "Do “{step}” now, or agree a new date with the customer; mark it done when it is.",
        "立即完成“{step}”，或与客户约定新日期；完成后标记为已完成。",
    ),
    (
        "Reshape it with the technical buyer: prove it on their data (a demo, a pilot, a reference site), or move the weight to where we are strong.",
        "与技术选型人一起重塑这条标准：用客户自己的数据证明（演示、试点、参观样板客户），或把权重引向我们的强项。",
    ),
    (
        "Change the terms of the comparison: the total cost and the benefit in their numbers, not the price alone; trade, never just concede.",
        "改变比较的口径：用客户的数字讲总成本和收益，而不只是价格；有取才有予，绝不白白让步。",
    ),
    (
        "Find the person's own win (recognition, safety, career) and show how we deliver it; team selling or an executive visit can help.",
        "找到此人的个人赢点（认可、安全感、职业发展），并说明我们如何帮他实现；团队销售或高层拜访会有帮助。",
    ),
    (
        "Learn the buying steps from your coach and earn a place in them early (a pilot, a site visit, a seat in the evaluation).",
        "向教练了解采购步骤，尽早在其中占据位置（试点、现场参观、参与评估）。",
    ),
    (
        "Find out with your coach why we are behind, then reshape the criterion or its weight, or prove we meet it.",
        "与教练一起弄清我们为何落后，然后重塑这条标准或其权重，或证明我们能满足它。",
    ),
    ("strategy of {deal} changed", "{deal} 的策略已更改"),
    ("a competitor needs a name", "竞争对手需要名称"),
    (
        "{name} is already in the competition",
        "{name} 已在竞争对手中",
    ),
    ("competitor {name} added", "已添加竞争对手 {name}"),
    ("competitor {name} edited", "已修改竞争对手 {name}"),
    ("{name}'s position: {position}", "{name} 的位置：{position}"),
    ("competitor {name} removed", "已移除竞争对手 {name}"),
    ("a criterion needs its words", "决策标准需要内容"),
    ("criterion {text} added", "已添加决策标准 {text}"),
    ("criterion {text} edited", "已修改决策标准 {text}"),
    ("on {text}: {standing}", "在 {text} 上：{standing}"),
    ("criterion {text} removed", "已移除决策标准 {text}"),
    ("a step needs its words", "步骤需要内容"),
    ("a team member needs a name", "团队成员需要姓名"),
    (
        "a team member needs a name (Name: role)",
        "团队成员需要姓名（姓名: 角色）",
    ),
    (
        "a compelling event needs its words: what happens by that date",
        "紧迫事件需要写明内容：到那一天会发生什么",
    ),
    (
        "a step is done today or before, not on {date}: leave done empty until it is",
        "步骤的完成日期只能是今天或之前，不能是 {date}：完成之前请留空",
    ),
    ("close plan step {text} added", "已添加成交计划步骤 {text}"),
    ("close plan step {text} edited", "已修改成交计划步骤 {text}"),
    ("{step}: done", "{step}：已完成"),
    ("{step}: open again", "{step}：重新打开"),
    (
        "close plan step {text} removed",
        "已移除成交计划步骤 {text}",
    ),
    ("the competitor is gone", "该竞争对手已不存在"),
    ("the criterion is gone", "该决策标准已不存在"),
    ("the close plan step is gone", "该成交计划步骤已不存在"),
    (
        "duplicate competitor id {id}, already used at {at}",
        "竞争对手 id {id} 重复，已在 {at} 使用",
    ),
    (
        "duplicate criterion id {id}, already used at {at}",
        "决策标准 id {id} 重复，已在 {at} 使用",
    ),
    (
        "duplicate close plan step id {id}, already used at {at}",
        "成交计划步骤 id {id} 重复，已在 {at} 使用",
    ),
    (
        "empty competitor id, expected a non-empty string",
        "竞争对手 id 为空，应为非空字符串",
    ),
    (
        "empty criterion id, expected a non-empty string",
        "决策标准 id 为空，应为非空字符串",
    ),
    (
        "empty close plan step id, expected a non-empty string",
        "成交计划步骤 id 为空，应为非空字符串",
    ),
    (
        "a competition entry (id, name, position, strengths, weaknesses)",
        "竞争对手条目（id、name、position、strengths、weaknesses）",
    ),
    (
        "a decision criterion (id, text, kind, weight, held_by, standing)",
        "决策标准（id、text、kind、weight、held_by、standing）",
    ),
    ("a compelling event (text, on)", "紧迫事件（text、on）"),
    (
        "a close plan step (id, text, side, due, done)",
        "成交计划步骤（id、text、side、due、done）",
    ),
    ("a team member (name, role)", "团队成员（name、role）"),
    ("standing", "位置"),
    ("criterion kind", "标准类型"),
    ("side", "负责方"),
];
