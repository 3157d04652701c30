//! Chinese for the texts of `src/tui/keymap.rs` (each key's help, shown
//! whole in the `?` overlay and cut at its first `：` or `（` in the hint
//! lines) and of the help overlay, see `super`. Key names (Enter, Esc,
//! PgDn, Ctrl-c), the filter's words (`stage:`) and the quick-add example
//! stay as typed.

pub(super) const TEXTS: &[(&str, &str)] = &[
    ("view 1: the pipeline", "视图 1：商机管道"),
    (
        "view 2: the prioritised action list",
        "视图 2：按优先级排列的行动清单",
    ),
    (
        "view 3: the funnel and its figures",
        "视图 3：销售漏斗及其数据",
    ),
    (
        "view 4: the accounts and the screening matrix",
        "视图 4：客户与客户筛选矩阵",
    ),
    ("view 5: the weekly review", "视图 5：每周回顾"),
    (
        "view 6: the sales result analysis of the last 365 days",
        "视图 6：近 365 天的销售结果分析",
    ),
    (
        "the account's deals in view 1",
        "该客户的商机（在视图 1 中）",
    ),
    ("add an account", "新增客户"),
    (
        "edit: tier, scores, relationship, SWOT, industry, notes",
        "编辑：分级、评分、关系阶段、SWOT、行业、备注",
    ),
    (
        "delete the account (refused while deals use it)",
        "删除客户（仍有商机使用时不可删除）",
    ),
    (
        "filter by name or industry (and words tier:, industry:, relationship:)",
        "按名称或行业筛选（也可用 tier:、industry:、relationship:）",
    ),
    (
        "draw the funnel by value or by count",
        "金额 ⇄ 数量：漏斗按金额或按数量显示",
    ),
    (
        "jump to the stalled or slipping deal",
        "跳到停滞或延期的商机",
    ),
    (
        "reviewed: mark the deal and go to the next",
        "已回顾：标记该商机并转到下一个",
    ),
    (
        "skip the deal for now: counted apart, not as reviewed",
        "暂时跳过：单独计数，不算已回顾",
    ),
    (
        "fix the deal: stage, close date, value…",
        "修改商机：阶段、成交日期、金额…",
    ),
    ("add the next action", "添加下一步行动"),
    (
        "finish: asks, then records the review's snapshot",
        "完成：确认后记录本次回顾的快照",
    ),
    ("scroll down", "向下滚动"),
    ("scroll up", "向上滚动"),
    ("to the top", "到顶部"),
    ("to the end", "到末尾"),
    (
        "a page down (as many rows as the list shows)",
        "下翻一页（列表显示的行数）",
    ),
    ("a page up", "上翻一页"),
    ("half a page down", "下翻半页"),
    ("half a page up", "上翻半页"),
    ("jump to the deal", "跳到该商机"),
    (
        "reschedule: t today, m tomorrow, w next week, or a date (every marked one, if any)",
        "改期：t 今天，m 明天，w 下周，或输入日期（有标记时对所有标记项）",
    ),
    (
        "mark or unmark the action and move down: x, r and d then act on every marked one",
        "标记或取消标记该行动并下移：之后 x、r、d 作用于所有标记项",
    ),
    (
        "mark every action from the one marked last to this one",
        "标记从上次标记的行动到当前行动之间的全部",
    ),
    ("clear the marks", "清除标记"),
    ("edit the action", "编辑行动"),
    (
        "delete the action, after asking (every marked one, if any, in one undo step)",
        "删除行动，先确认（有标记时删除所有标记项，一步即可撤销）",
    ),
    (
        "add a suggestion from a red flag as an action",
        "采纳建议：把红旗的建议添加为行动",
    ),
    (
        "filter by text or deal (the action, the person it is with, its owner, its deal's title, account, owner; words stage:, owner:, tag:, flag:, account: of its deal)",
        "按文字或商机筛选（行动内容、行动涉及的人、行动负责人、所属商机的标题、客户、负责人；以及所属商机的 stage:、owner:、tag:、flag:、account:）",
    ),
    ("help: every key of this view", "帮助：本视图的所有按键"),
    (
        "quit (everything is already saved)",
        "退出（所有内容均已保存）",
    ),
    ("next pane", "下一窗格"),
    ("previous pane", "上一窗格"),
    ("move down", "下移"),
    ("move up", "上移"),
    ("top", "顶部"),
    ("bottom", "底部"),
    (
        "open the deal (focus its details)",
        "打开商机（转到其详情）",
    ),
    (
        "filter by text (title, account, owner, product, tags, people) and words stage:, owner:, tag:, flag:, account:",
        "按文字筛选（标题、客户、负责人、产品、标签、人员），也可用 stage:、owner:、tag:、flag:、account:",
    ),
    (
        "sort: stage, value, close date, days in stage",
        "排序：阶段、金额、成交日期、阶段停留天数",
    ),
    (
        "mark or unmark the deal and move down: > < d then act on every marked one",
        "标记或取消标记该商机并下移：之后 > < d 作用于所有标记项",
    ),
    (
        "mark every deal from the one marked last to this one",
        "标记从上次标记的商机到当前商机之间的全部",
    ),
    (
        "snooze one red-flag rule on the marked deals (or this one) until a date, with a reason",
        "在标记的商机（或当前商机）上暂停一条红旗规则至某日，并注明原因",
    ),
    (
        "board ⇄ list: a column per stage, cards with value, close date and flags",
        "看板 ⇄ 列表：每个阶段一列，卡片显示金额、成交日期和红旗",
    ),
    (
        "previous column: the stage before, at the same height (empty columns are skipped)",
        "上一列：前一阶段，同一高度（跳过空列）",
    ),
    (
        "next column: the stage after, at the same height (empty columns are skipped)",
        "下一列：后一阶段，同一高度（跳过空列）",
    ),
    ("the card below", "下一张卡片"),
    ("the card above", "上一张卡片"),
    ("the column's first card", "本列第一张卡片"),
    ("the column's last card", "本列最后一张卡片"),
    (
        "a page down the column (as many cards as it shows)",
        "本列下翻一页（本列显示的卡片数）",
    ),
    ("a page up the column", "本列上翻一页"),
    ("half a page down the column", "本列下翻半页"),
    ("half a page up the column", "本列上翻半页"),
    (
        "mark or unmark the card and move down the column: > < d then act on every marked one",
        "标记或取消标记该卡片并在本列下移：之后 > < d 作用于所有标记项",
    ),
    (
        "mark every card of the column from the one marked last to this one",
        "标记本列从上次标记的卡片到当前卡片之间的全部",
    ),
    (
        "closed ⇄ open deals: list the won, lost and abandoned deals, or the open ones",
        "已关闭 ⇄ 进行中：列出赢单、丢单和放弃的商机，或进行中的商机",
    ),
    (
        "board: shows the open deals (C lists them first)",
        "看板：显示进行中的商机（先按 C 列出它们）",
    ),
    (
        "reopen the closed deal in its stage (asks first)",
        "重新打开（回到原阶段，先确认）",
    ),
    ("new opportunity", "新建商机"),
    (
        "quick add: a new deal on one line (ERP @Acme 500k drive close eoq #tag p50)",
        "快速添加：一行输入新商机（ERP 二期 @长城润滑油 120万 主导进程 成交于 季末 #erp p50）",
    ),
    ("edit the opportunity", "编辑商机"),
    (
        "delete the opportunity, or every marked one (asks first)",
        "删除商机或所有标记的商机（先确认）",
    ),
    ("move to the next stage", "推进到下一阶段"),
    ("move to the previous stage", "退回上一阶段"),
    (
        "mark won (asks the date, final amount, reason)",
        "标记赢单（询问日期、最终金额、原因）",
    ),
    (
        "mark lost or abandoned (asks the date, reason)",
        "标记丢单或放弃（询问日期、原因）",
    ),
    ("edit the objective in $EDITOR", "在 $EDITOR 中编辑目标"),
    ("edit the notes in $EDITOR", "在 $EDITOR 中编辑备注"),
    (
        "cycle: unknown → confirmed → denied",
        "切换：未知 → 已确认 → 已否定",
    ),
    ("add a log entry", "添加日志"),
    (
        "the entry in full, wrapped (long ones scroll)",
        "完整日志（自动换行，过长可滚动）",
    ),
    (
        "the political map: power lines, core circle, coverage, advice",
        "政治地图：权力线、核心圈、覆盖度、建议",
    ),
    ("add a buying influence", "添加买方影响力"),
    (
        "edit the person (roles, reports to, win, result…)",
        "编辑人员（角色、汇报对象、个人赢、组织结果…）",
    ),
    ("remove the person (asks first)", "移除人员（先确认）"),
    ("attitude: * + = - X ?", "态度：* + = - X ?"),
    (
        "response mode: growth, trouble, even keel, overconfident, unknown",
        "反应模式：增长型、困难型、保守型、盲目乐观型、未知",
    ),
    (
        "coverage: 0 never met … 3 quality time",
        "覆盖度：0 没有会晤 … 3 高质量时间",
    ),
    (
        "influence: high, medium, low, not assessed",
        "影响力：高、中、低、未评估",
    ),
    ("record a contact today", "记录今天的一次接触"),
    (
        "turn the flag's suggestion into an action on the deal",
        "采纳建议：把红旗的建议变为该商机的一项行动",
    ),
    ("raise a flag by hand", "手动添加红旗"),
    ("resolve a flag raised by hand", "解除手动添加的红旗"),
    (
        "reschedule: t today, m tomorrow, w next week, or a date",
        "改期：t 今天，m 明天，w 下周，或输入日期",
    ),
    ("delete the action (asks first)", "删除行动（先确认）"),
    (
        "snooze a computed flag until a date, with a reason (z again: wake it)",
        "暂停自动红旗：至某日，并注明原因（再按 z：恢复）",
    ),
    ("undo", "撤销"),
    ("redo", "重做"),
    (
        "reload the file after it changed on disk",
        "文件在磁盘上改变后重新读取",
    ),
    (
        "quit (in a form or a prompt with text: press it twice, what is typed is dropped)",
        "退出（在表单或有文字的输入行中：按两次，已输入内容将丢弃）",
    ),
    (
        "suspend (fg resumes; a dialog stays open)",
        "挂起（fg 恢复；对话框保持打开）",
    ),
    ("save (once every field is valid)", "保存（所有字段有效时）"),
    ("cancel (nothing changes)", "取消（不做任何修改）"),
    ("next field", "下一字段"),
    ("previous field", "上一字段"),
    ("next value", "下一个值"),
    ("previous value", "上一个值"),
    (
        "next existing name (or type a new one)",
        "下一个已有名称（或输入新名称）",
    ),
    ("previous existing name", "上一个已有名称"),
    (
        "yes, make the change; u undoes it",
        "是，执行修改；u 可撤销",
    ),
    (
        "no, keep everything; so does any other key",
        "否，保持不变；按其他键也一样",
    ),
    (
        "keep the filter (`:save NAME` after it saves it, `:NAME` applies a saved one, `:delete NAME` removes one; one list for views 1, 2 and 4)",
        "保留筛选（其后加 `:save NAME` 保存，`:NAME` 应用已存筛选，`:delete NAME` 删除；视图 1、2、4 共用一个列表）",
    ),
    ("clear the filter", "清除筛选"),
    (
        "the next saved filter (put in the prompt and applied)",
        "下一个已存筛选（填入输入行并应用）",
    ),
    (
        "the previous saved filter (put in the prompt and applied)",
        "上一个已存筛选（填入输入行并应用）",
    ),
    (
        "due on the date typed: t today, m tomorrow, w in a week, fri, +3, eom, 2027-1-15",
        "到期日为输入的日期：t 今天，m 明天，w 一周后，fri、+3、eom、2027-1-15",
    ),
    (
        "create the deal shown below the line (u undoes it)",
        "创建商机（即行下显示的商机；u 可撤销）",
    ),
    (
        "full form: the new-deal form, filled with what was typed",
        "完整表单：新建商机表单，已填入输入内容",
    ),
    ("close the map", "关闭地图"),
    (
        "close the entry (j k PgDn PgUp scroll a long one)",
        "关闭日志（j k PgDn PgUp 滚动长日志）",
    ),
    (
        "close this help (any key but the scroll keys j k PgDn PgUp does)",
        "关闭帮助（除滚动键 j k PgDn PgUp 外任意键均可）",
    ),
    (" Keys · {place} ", " 按键 · {place} "),
    (
        " lines {from}–{to} of {n} · j k PgDn PgUp scroll · any other key closes this help",
        " 第 {from}–{to} 行，共 {n} 行 · j k PgDn PgUp 滚动 · 其他任意键关闭帮助",
    ),
    (" any key closes this help", " 任意键关闭帮助"),
    (" Keys · opportunities ", " 按键 · 商机 "),
    (" Keys · qualification ", " 按键 · 商机确认 "),
    (" Keys · buying influences ", " 按键 · 买方影响力 "),
    (" Keys · red flags ", " 按键 · 红旗信号 "),
    (" Keys · actions ", " 按键 · 行动 "),
    (" Keys · log ", " 按键 · 日志 "),
    (" Keys · closed deals ", " 按键 · 已关闭商机 "),
    (" Keys · board ", " 按键 · 看板 "),
    (" Keys · action list ", " 按键 · 行动清单 "),
    (" Keys · funnel ", " 按键 · 销售漏斗 "),
    (" Keys · accounts ", " 按键 · 客户 "),
    (" Keys · weekly review ", " 按键 · 每周回顾 "),
    (" Keys · sales result analysis ", " 按键 · 销售结果分析 "),
    (
        "language: 中文 ⇄ English for this session, then asks whether to keep it in the settings",
        "语言：中文 ⇄ English，本次生效，随后询问是否保存到设置",
    ),
];
