//! The Blue Sheet's page in the workbench (spec section 9): its panes,
//! their keys, and where `e` on a red flag goes to fix it.

pub(super) const TEXTS: &[(&str, &str)] = &[
    // keys
    (
        "Blue Sheet ⇄ deal: the deal's strategy, competition, criteria and close plan",
        "蓝表 ⇄ 商机：商机的策略、竞争对手、决策标准和成交计划",
    ),
    (
        "fix: go where the flag is fixed (its pane, its form); a flag raised by hand: edit it",
        "处理：转到解决该红旗信号的地方（对应窗格、对应表单）；手动添加的红旗：编辑它",
    ),
    (
        "edit the strategy: value proposition, compelling event, decision process, strengths, team (on the notes: in $EDITOR)",
        "编辑策略：价值主张、紧迫事件、决策流程、优势、团队（在备注上：用 $EDITOR 编辑）",
    ),
    ("add a competitor", "添加竞争对手"),
    (
        "edit the competitor: name, their position, their strengths and weaknesses",
        "编辑竞争对手：名称、对手的竞争位置、对手的优势和劣势",
    ),
    (
        "their position against us: unknown → ahead → even → behind",
        "对手相对我们的位置：未知 → 领先 → 持平 → 落后",
    ),
    (
        "remove the competitor (asks first)",
        "移除竞争对手（先询问）",
    ),
    ("add a decision criterion", "添加决策标准"),
    (
        "edit the criterion: text, kind, weight, who holds it, where we stand",
        "编辑决策标准：内容、类型、权重、持有人、我方位置",
    ),
    (
        "where we stand on it: unknown → ahead → even → behind",
        "我方在这条标准上的位置：未知 → 领先 → 持平 → 落后",
    ),
    (
        "remove the criterion (asks first)",
        "移除决策标准（先询问）",
    ),
    (
        "add a step to the close plan (text, side, due date)",
        "向成交计划添加步骤（内容、负责方、截止日期）",
    ),
    ("edit the step", "编辑步骤"),
    (
        "mark the step done today (x again: open it again)",
        "将步骤标记为今天完成（再按 x：重新打开）",
    ),
    ("remove the step (asks first)", "移除步骤（先询问）"),
    (" Keys · strategy ", " 按键 · 策略 "),
    (" Keys · competition ", " 按键 · 竞争对手 "),
    (" Keys · decision criteria ", " 按键 · 决策标准 "),
    (" Keys · close plan ", " 按键 · 成交计划 "),
    // the flags pane
    (
        "a computed flag: e goes where it is fixed, z snoozes it",
        "自动红旗：按 e 转到解决它的地方，按 z 暂停",
    ),
    // the panes' keys
    ("no competitor yet: a adds one", "还没有竞争对手：按 a 添加"),
    (
        "Remove the competitor “{name}” from this deal?",
        "从这个商机中移除竞争对手“{name}”？",
    ),
    (
        "no decision criterion yet: a adds one",
        "还没有决策标准：按 a 添加",
    ),
    ("Remove the criterion “{text}”?", "移除决策标准“{text}”？"),
    (
        "no close plan step yet: a adds one",
        "还没有成交计划步骤：按 a 添加",
    ),
    ("Remove the step “{text}”?", "移除步骤“{text}”？"),
    // where a flag is fixed
    (
        "the qualification: Enter cycles the condition (unknown → confirmed → denied)",
        "资格确认：Enter 切换条件（未知 → 已确认 → 已否定）",
    ),
    (
        "the overdue action: x marks it done, r reschedules it",
        "逾期的行动：x 标记完成，r 改期",
    ),
    (
        "the method's advice is under the list · t: where we stand · e: edit it",
        "方法的建议在列表下方 · t：我方位置 · e：编辑",
    ),
    (
        "the overdue step: x marks it done, e gives it a new date",
        "逾期的步骤：x 标记完成，e 设定新日期",
    ),
    // the panes
    ("Needs", "需求"),
    ("Benefits", "利益"),
    ("Why us", "差异化"),
    ("Event", "紧迫事件"),
    ("Process", "决策流程"),
    ("Strengths", "优势"),
    ("Our team", "我方团队"),
    ("{date}, today", "{date}，就在今天"),
    ("{date}, in {n} d", "{date}，还有 {n} 天"),
    ("{date}, {n} d ago", "{date}，已过 {n} 天"),
    ("Strategy ({n}/{all})", "策略（{n}/{all}）"),
    ("Competition ({n})", "竞争对手（{n}）"),
    ("Decision criteria ({n})", "决策标准（{n}）"),
    (
        "Close plan ({done}/{n} done)",
        "成交计划（{done}/{n} 已完成）",
    ),
    ("Close plan ({n})", "成交计划（{n}）"),
    ("— (e to write)", "—（按 e 填写）"),
    ("— (a adds one)", "—（按 a 添加）"),
    ("held by {name}", "持有人 {name}"),
    (
        "⚠ the plan ends {ends}, after the expected close {close}: move the date or the steps",
        "⚠ 计划在 {ends} 结束，晚于预计成交日期 {close}：调整日期或步骤",
    ),
    ("expected close {date}", "预计成交 {date}"),
    (
        "⚠ ends {ends}, after the close",
        "⚠ {ends} 结束，晚于成交日期",
    ),
    (
        "the close date's moves are history, no edit undoes them: get the real date from the customer, then snooze the flag with the reason",
        "成交日期的推迟已成历史，任何修改都无法撤销：先向客户问清真实日期，再写明原因暂缓这条红旗",
    ),
];
