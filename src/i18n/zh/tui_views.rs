//! Chinese for the texts of `src/tui/views`, see `super`.
//!
//! Column headers and the short words in fixed columns are sized for the
//! English widths: a Chinese character takes two columns, so `Prob` (4)
//! becomes `概率` (4) and the close-date column, five columns on a narrow
//! screen, says `成交`.

pub(super) const TEXTS: &[(&str, &str)] = &[
    // the frame: title bar, banner, small terminal
    (
        "funnel needs a terminal of at least {min_w}×{min_h}; this one is {w}×{h}. Enlarge it (or press q to quit).",
        "funnel 需要至少 {min_w}×{min_h} 的终端，当前只有 {w}×{h}。请放大窗口（或按 q 退出）。",
    ),
    ("today {date}", "今天 {date}"),
    (
        "File changed on disk: R reloads it. Edits made here now go to a conflict copy.",
        "磁盘上的文件已改动：按 R 重新载入。此后在这里的修改会存入冲突副本。",
    ),
    // list titles
    ("none", "无"),
    ("{at} of {len}", "{at}/{len}"),
    (" (filter \"{filter}\")", "（筛选“{filter}”）"),
    ("{n} marked", "已标记 {n}"),
    ("sort: {sort}", "排序：{sort}"),
    ("+{n} more", "还有 {n} 项"),
    // view 1: the stage strip and the table
    ("{v} · w {w}", "{v} · 加权 {w}"),
    ("{v} w {w}", "{v} 加权{w}"),
    (
        "No opportunities yet.\n\nPress n to add your first one (a: typed on one line), ? for every key.\nTo look around first, quit (q) and run `funnel demo`.",
        "还没有商机。\n\n按 n 添加第一个（按 a 可在一行里输入），按 ? 查看所有按键。\n想先看看示例，请退出（q）后运行 `funnel demo`。",
    ),
    (
        "No open opportunities: every one is won, lost or abandoned.\n\nPress n to add a new one.",
        "没有进行中的商机：每个都已赢单、丢单或放弃。\n\n按 n 添加新商机。",
    ),
    (
        "No open opportunity matches the filter. Press / then Esc to clear it.",
        "没有进行中的商机符合筛选条件。按 / 再按 Esc 清除筛选。",
    ),
    ("Deals", "商机"),
    ("Title", "名称"),
    ("Account", "客户"),
    ("Stage", "阶段"),
    ("Value", "金额"),
    ("Prob", "概率"),
    ("Days", "天数"),
    ("Close", "成交"),
    // view 1: the board
    ("Board", "看板"),
    ("no deals", "没有商机"),
    ("↑{n} above", "↑上方 {n} 项"),
    ("↑{a} · +{b} more", "↑{a} · 还有 {b} 项"),
    ("no close", "无成交日"),
    ("{d} d in stage · {owner}", "本阶段 {d} 天 · {owner}"),
    ("{d} d · {owner}", "{d} 天 · {owner}"),
    ("{d} d in stage", "本阶段 {d} 天"),
    // view 1: the closed deals
    ("Closed deals", "已关闭商机"),
    ("newest first", "最新的在前"),
    (
        "No closed deals yet: W marks a deal won, L lost or abandoned.\n\nC lists the open ones.",
        "还没有已关闭的商机：W 标记赢单，L 标记丢单或放弃。\n\nC 列出进行中的商机。",
    ),
    (
        "No closed deal matches the filter. Press / then Esc to clear it.",
        "没有已关闭的商机符合筛选条件。按 / 再按 Esc 清除筛选。",
    ),
    ("Closed", "关闭日期"),
    ("Result", "结果"),
    ("Code", "原因代码"),
    ("Reason", "原因"),
    ("Date", "日期"),
    ("Res", "结果"),
    // view 1: the deal pane
    ("Deal", "商机"),
    ("Select an opportunity.", "请选择一个商机。"),
    ("— (O to write one)", "—（按 O 填写）"),
    ("Objective", "销售目标"),
    (
        "+{more} more lines: N opens them in $EDITOR",
        "还有 {more} 行：按 N 在 $EDITOR 中打开",
    ),
    ("Notes", "备注"),
    ("{d} d", "{d} 天"),
    ("no close date", "无成交日期"),
    ("close {date}", "成交 {date}"),
    (" (set)", "（手动）"),
    ("w {amount}", "加权 {amount}"),
    ("weighted {amount}", "加权 {amount}"),
    ("no reason code", "无原因代码"),
    ("code {code}", "原因代码 {code}"),
    ("{date} · in {stage}", "{date} · 于{stage}阶段"),
    ("Qualification {confirmed}/4", "商机确认 {confirmed}/4"),
    ("need", "需求"),
    ("authority", "决策权"),
    ("budget", "预算"),
    ("timeline", "时间计划"),
    (
        "Buying influences ({n}) · Enter: map",
        "买方影响力（{n}）· Enter：政治地图",
    ),
    (
        "until {date} ({reason}): {message}",
        "暂缓至 {date}（{reason}）：{message}",
    ),
    (
        "Red flags ({shown}) · strengths",
        "红旗信号（{shown}）· 优势",
    ),
    ("Actions ({n} open)", "行动（{n} 项未完成）"),
    ("no date", "无日期"),
    ("Log ({n})", "日志（{n}）"),
    // the influence rows: five columns for the role, four for the mode
    ("econ ", "经济 "),
    ("user ", "使用 "),
    ("tech ", "技术 "),
    ("none ", "待定 "),
    ("no economic buyer identified", "尚未找到经济影响力"),
    ("no user identified", "尚未找到使用者影响力"),
    ("no technical buyer identified", "尚未找到技术选型人"),
    ("no coach identified", "尚未找到教练"),
    ("none identified", "尚未找到"),
    ("grow", "增长"),
    ("trbl", "困难"),
    ("even", "保守"),
    ("over", "乐观"),
    ("{days}d", "{days}天"),
    // the political map
    ("Political map 政治地图 · {title}", "政治地图 · {title}"),
    (
        "Nobody on the map yet: close this (Esc) and press a in the influence pane.",
        "地图上还没有人：按 Esc 关闭，再在买方影响力栏按 a 添加。",
    ),
    (
        "◉ core circle (high influence)  * champion + supporter = neutral - non-supporter X hostile ? unknown  ●●● coverage, ○○○ never met",
        "◉ 核心圈（影响力高）  * 力挺 + 支持 = 中立 - 不支持 X 敌对 ? 未知  ●●● 所用时间，○○○ 没有会晤",
    ),
    (
        "Result for the organisation: {result} · Personal win: {win}",
        "组织结果：{result} · 个人赢：{win}",
    ),
    ("j k move · Esc closes", "j k 移动 · Esc 关闭"),
    ("{n}d ago", "{n} 天前"),
    ("no role", "无角色"),
    ("never met", "没有会晤"),
    ("introduction", "简介"),
    ("one-to-one", "一对一"),
    ("quality time", "高质量时间"),
    // view 2: actions
    ("Actions", "行动"),
    ("highest score first", "得分从高到低"),
    (
        "Nothing to do: no open action on an open deal, and no high-severity red flag.",
        "暂无待办：进行中的商机没有未完成的行动，也没有高严重度的红旗信号。",
    ),
    ("suggested", "建议"),
    ("Score", "得分"),
    ("Due", "到期"),
    ("Action", "行动"),
    ("Why is it here?", "为什么排在这里？"),
    ("score", "得分"),
    // view 3: funnel
    ("Funnel by value (v)", "销售漏斗 · 按金额（v）"),
    ("Funnel by count (v)", "销售漏斗 · 按数量（v）"),
    ("{n} stalled", "{n} 个停滞"),
    ("Stalled and slipping", "停滞与推迟的商机"),
    ("Enter jumps", "Enter 跳转"),
    ("Results", "结果"),
    (
        "win rate {rate} ({won} won, {lost} lost)",
        "赢单率 {rate}（赢单 {won}，丢单 {lost}）",
    ),
    ("sales velocity {velocity}", "销售速度 {velocity}"),
    ("{amount} {currency} a day", "每天 {amount} {currency}"),
    ("Conversion and days per stage", "各阶段转化率与停留天数"),
    (
        "{from} → {to}: {rate} · {days} in {from}",
        "{from}（{days}）→ {to}：{rate}",
    ),
    ("— days", "— 天"),
    ("Balance", "漏斗平衡"),
    (
        "best few {best} · in the funnel {in_funnel} · above {above}",
        "最有把握的几单 {best} · 漏斗中 {in_funnel} · 上方 {above}",
    ),
    ("a healthy funnel shape", "漏斗形状健康"),
    (
        "not a funnel shape: feed it from above",
        "不成漏斗形状：请从漏斗上方补充商机",
    ),
    (
        "Time: the course's share vs your open actions",
        "时间：课程建议比例 vs 你的未完成行动",
    ),
    ("Figures", "数据"),
    // view 4: accounts
    ("Accounts", "客户"),
    ("Won '{yy}", "赢单'{yy}"),
    ("Name", "名称"),
    ("Tier", "分级"),
    ("Quadrant", "象限"),
    ("Relation", "关系"),
    ("Open", "在谈"),
    ("Weighted", "加权"),
    (
        "Screening matrix 客户筛选矩阵 · ↑ attractiveness → our advantage",
        "客户筛选矩阵 ↑吸引力 →我方优势",
    ),
    ("No accounts yet: a adds one.", "还没有客户：按 a 添加。"),
    (
        "No account matches the filter. Press / then Esc to clear it.",
        "没有客户符合筛选条件。按 / 再按 Esc 清除筛选。",
    ),
    ("SWOT · {name}", "SWOT · {name}"),
    ("Strengths 优势", "优势"),
    ("Weaknesses 劣势", "劣势"),
    ("Opportunities 机会", "机会"),
    ("Threats 威胁", "威胁"),
    ("relationship not set", "未设关系阶段"),
    (
        "Deals (Enter shows them in view 1)",
        "商机（Enter 在视图 1 中显示）",
    ),
    // view 5: review
    ("Review", "回顾"),
    (
        "{reviewed}✓ {skipped}– {to_go} to go",
        "{reviewed}✓ {skipped}– 还剩 {to_go}",
    ),
    ("The deal", "本商机"),
    ("No open deal to review.", "没有要回顾的进行中商机。"),
    ("Since the review of {date}", "自 {date}的回顾以来"),
    (
        "First review: nothing to compare with.",
        "第一次回顾：没有可比较的记录。",
    ),
    ("The questions", "要问的问题"),
    (
        "Is the close date still real? {close}",
        "成交日期还靠得住吗？{close}",
    ),
    (
        "Are the four conditions still true? {conditions}",
        "四个条件仍然成立吗？{conditions}",
    ),
    (
        "What is the next action, and when? {next}",
        "下一步行动是什么？何时做？{next}",
    ),
    ("none: a adds one", "没有：按 a 添加"),
    ("{action} ({due})", "{action}（{due}）"),
    ("Red flags ({n})", "红旗信号（{n}）"),
    ("So far: {so_far}", "目前：{so_far}"),
    (
        "Enter reviewed · s skip · e fix the deal · a next action · F finish and record",
        "Enter 已回顾 · s 跳过 · e 修改商机 · a 下一步行动 · F 完成并记录",
    ),
    ("Weekly review · done today", "每周回顾 · 今天已完成"),
    ("The review of {date} is recorded.", "{date}的回顾已记录。"),
    (
        "Open: {deals}, {value} {cur}, weighted {weighted} {cur}",
        "进行中：{deals}，{value} {cur}，加权 {weighted} {cur}",
    ),
    ("Nothing moved.", "没有变化。"),
    (
        "funnel report prints this week, ready to paste into an email · u undoes the recording",
        "funnel report 打印本周情况，可直接贴进邮件 · u 撤销这次记录",
    ),
    // view 6: sales result analysis
    (
        "Sales result analysis · closed {from} – {to}",
        "销售结果分析 · 关闭于 {from} – {to}",
    ),
    // over the figures `{:>4} {:>4} {:>4} {:>5}` and `{:>5} {:>14}`
    ("won lost  ab.  rate", "赢单 丢单 放弃  赢率"),
    ("deals          value", " 单数           金额"),
    ("deals {currency}", " 单数 {currency}"),
    (
        "Why we lose: lost and abandoned, by value",
        "丢单原因：丢单和放弃，按金额",
    ),
    ("Why we win, by value", "赢单原因，按金额"),
    (
        "By stage reached   {won} won {lost} lost {abandoned} abandoned",
        "按到达的阶段   {won} 赢单 {lost} 丢单 {abandoned} 放弃",
    ),
    ("By competitor", "按竞争对手"),
    ("By account tier", "按客户分级"),
    ("By product", "按产品"),
    ("(none named)", "（未写明）"),
    ("(no product)", "（无产品）"),
    ("(no tier)", "（未分级）"),
    (
        "none here; {n} closed {first} – {last}",
        "此期间没有；{first} – {last} 共结束 {n} 个",
    ),
    ("win rate", "赢单率"),
    ("{won} of {decided}", "{won}/{decided}"),
    ("average cycle", "平均周期"),
    (
        "won {won} · lost {lost} (created → closed)",
        "赢单 {won} · 丢单 {lost}（创建 → 关闭）",
    ),
    (
        "People: share of the won and of the lost deals",
        "关键人物：在赢单和丢单中的占比",
    ),
    ("economic buyer met", "见过经济影响力"),
    // quick add
    ("Quick add", "快速添加"),
    (
        "e.g. ERP phase 2 @长城润滑油 1.2M drive close eoq #erp p50",
        "例：ERP 二期 @长城润滑油 120万 主导进程 成交于 季末 #erp p50",
    ),
    ("{account} (new account)", "{account}（新客户）"),
    // dialogs
    (
        "t today · m tomorrow · w in a week · fri, +3, eom, 2027-1-15",
        "t 今天 · m 明天 · w 一周后 · fri、+3、eom、2027-1-15",
    ),
    ("not a date yet", "还不是有效日期"),
    ("Due date:", "到期日："),
    ("Reschedule", "改期"),
    ("Reschedule {n} marked actions", "改期：已标记的 {n} 项行动"),
    (
        "lines {first}–{last} of {total}",
        "第 {first}–{last} 行，共 {total} 行",
    ),
    ("j k PgDn PgUp scroll", "j k PgDn PgUp 滚动"),
    // a form's choices: whether a person holds a buying role
    (
        "Result for the organisation: {result}",
        "组织结果：{result}",
    ),
    ("Personal win: {win}", "个人赢：{win}"),
];
