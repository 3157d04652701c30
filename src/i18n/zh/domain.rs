//! Chinese for the texts of `src/domain` (red flags, advice, priorities,
//! checks), see `super`.

pub(super) const TEXTS: &[(&str, &str)] = &[
    // the qualification conditions (seed 002, 合格销售商机应具备的条件)
    // red flags: what each says, and the method's advice
    (
        "in {stage} with {missing} not confirmed",
        "已到{stage}，{missing}仍未确认",
    ),
    (
        "Confirm {missing} (确认商机): ask who decides, what the budget is and when they will buy; if it cannot be confirmed, consider disqualifying.",
        "确认{missing}：问清谁来决策、预算多少、何时采购；确认不了，就考虑放弃这个商机。",
    ),
    (
        "Find out who gives final approval and releases the money (经济影响力); ask your coach, then call high.",
        "找出谁做最终批准、谁掌握资金（经济影响力）：先问教练，再把关系做高。",
    ),
    (
        "economic buyer {name} never met",
        "从未会晤经济影响力 {name}",
    ),
    (
        "Get a meeting with {name}, the economic buyer, never met: ask your coach or a supporter to introduce you.",
        "争取见到经济影响力 {name}（至今未会晤）：请教练或支持者引荐。",
    ),
    (
        "no coach (内线) to guide the sale",
        "没有教练（内线）指点这单销售",
    ),
    (
        "Develop a coach: someone credible with the buyer who wants us to win; look among supporters inside, friends outside, or our own people.",
        "发展一位教练：在客户那里有信誉、又希望我们赢的人；可在客户内部的支持者、外部的朋友或我方同事中寻找。",
    ),
    ("{name} never met", "从未会晤 {name}"),
    (
        "Meet {name}: learn the result they need and their personal win.",
        "会晤{name}：了解其要的组织结果和个人赢。",
    ),
    ("response mode of {name} unknown", "{name}的反应模式未知"),
    (
        "Ask {name} how they see the change: growth, trouble, even keel or overconfident?",
        "问问{name}如何看待这次变化：增长型、困难型、保守型，还是盲目乐观型？",
    ),
    ("{name} sees no gap ({mode})", "{name}看不到差距（{mode}）"),
    (
        "Show {name} the gap between results now and results wanted; without one they will not buy.",
        "让{name}看到现状与期望结果之间的差距；没有差距，就不会购买。",
    ),
    ("{name} is hostile", "{name}持敌对态度"),
    (
        "{name} is a high-influence non-supporter",
        "{name}影响力高，却不支持我们",
    ),
    (
        "An opponent is not an enemy: learn what {name} fears or wants, answer it, and work through the supporters they listen to.",
        "反对者不是敌人：弄清{name}担心什么、想要什么，逐一回应，并借助其信任的支持者做工作。",
    ),
    ("only {known} known", "仅掌握 {known}"),
    ("buying influence", "位买方影响力"),
    ("buying influences", "位买方影响力"),
    (
        "Call high and go wide: map the economic buyer, users, technical buyers and a coach (关系要做高).",
        "关系要做高、覆盖要做宽：摸清经济影响力、使用者影响力、技术选型人，并发展教练。",
    ),
    (
        "{days} in {stage} (more than {limit})",
        "在{stage}停留 {days}（超过 {limit} 天）",
    ),
    (
        "Find what blocks the gate out of {stage}: agree the next step with the customer, or requalify.",
        "找出卡在{stage}出口的原因：与客户商定下一步，或重新确认商机。",
    ),
    ("expected close {d} has passed", "预计成交日期 {d} 已过"),
    (
        "Ask the customer for the real date; update it, or close the deal as lost or abandoned.",
        "向客户问清真实日期并更新；否则把商机关闭为丢单或放弃。",
    ),
    ("no expected close date", "没有预计成交日期"),
    (
        "Ask when they plan to buy (有采购时间计划) and set the expected close.",
        "问清客户的采购时间计划，填上预计成交日期。",
    ),
    (
        "close date moved later {slips} times",
        "成交日期已推迟 {slips} 次",
    ),
    (
        "Test whether the date is real: what must happen before signing, and who makes it happen?",
        "检验日期是否真实：签约前必须发生什么？由谁来推动？",
    ),
    ("no open action", "没有待办行动"),
    (
        "Decide the next step with the customer and put it on the list with a date.",
        "与客户商定下一步，连同日期列入行动清单。",
    ),
    (
        "“{text}” was due {due} ({late} ago)",
        "“{text}”应于 {due} 完成（已逾期 {late}）",
    ),
    (
        "Do “{text}” now, or reschedule it to a date you will keep.",
        "马上去做“{text}”，或改到一个你能守住的日期。",
    ),
    (
        "no contact for {days} (since {last})",
        "已 {days}没有联系（自 {last} 起）",
    ),
    (
        "Get back in touch: a visit or a call with a reason that matters to them.",
        "重新联系：带着对方在意的理由去拜访或打电话。",
    ),
    (
        "value proposition without benefits and differentiators",
        "价值主张缺少收益分析和差异化",
    ),
    ("value proposition without benefits", "价值主张缺少收益分析"),
    (
        "value proposition without differentiators",
        "价值主张缺少差异化",
    ),
    (
        "Complete the value triangle (价值金三角): the benefits in their numbers, and what sets us apart.",
        "补全价值金三角：用客户自己的数字算清收益，讲明我们的差异化。",
    ),
    (
        "Act on “{text}”, then resolve the flag (x).",
        "处理“{text}”，然后解除这个红旗（x）。",
    ),
    // strengths
    (
        "{name} is our coach and a champion",
        "{name}是我们的教练，且力挺我们",
    ),
    (
        "economic buyer {name} is in {mode} mode and we know them well",
        "经济影响力 {name} 属于{mode}，而且我们与其很熟",
    ),
    (
        "all four qualification conditions confirmed",
        "商机四个条件均已确认",
    ),
    // advice for one buying influence (seed 004)
    (
        "Analytical (分析型): wants information, precision, data. Bring full material, facts and figures, technical detail, a demo; give them time.",
        "分析型：要信息、要精确、要数据。带齐资料、事实与数字、技术细节，做演示；给对方时间。",
    ),
    (
        "Driver (推动型): wants results. Be brief and to the point, state the purpose and the outcome, do not give too much.",
        "推动型：要结果。简明扼要，直说目的和结果，不要给太多。",
    ),
    (
        "Amiable (亲切型): wants relationship and harmony. Build the relationship, introduce friends and references, invite to user groups, keep in touch.",
        "亲切型：重关系、求和谐。先建立关系，介绍朋友和成功客户，邀请参加用户会，保持联系。",
    ),
    (
        "Expressive (表达型): wants recognition. Let them talk, start high-end, show what is new and advanced, praise their ideas.",
        "表达型：要认可。让对方多说，从高端谈起，展示新颖先进的东西，赞赏其想法。",
    ),
    (
        "Champion (力挺): keep them armed and informed; ask them to open doors higher up and to coach you through the decision.",
        "力挺：给足弹药、及时通报；请其引见更高层，并在决策过程中为你当教练。",
    ),
    (
        "Supporter (支持): develop them, the more the better: find their personal win, give them material to argue for you.",
        "支持：发展支持者，越多越好：找到其个人赢，给其为我们说话的材料。",
    ),
    (
        "Neutral (中立): win them over: learn the result they need and their personal win, and show how we deliver both.",
        "中立：把他争取过来。了解他要的组织结果和个人的赢，说明我们如何两者兼顾。",
    ),
    (
        "Non-supporter (不支持): an opponent is not an enemy. Find out why, answer the concern, and lean on supporters they listen to.",
        "不支持：反对者不是敌人。弄清原因，回应顾虑，借助其信任的支持者。",
    ),
    (
        "Hostile (敌对): limit the damage: never surprise them, cover the people above and around them, raise it with your coach.",
        "敌对：控制损害：别让其措手不及，覆盖其上级和周边的人，与教练商量对策。",
    ),
    (
        "Attitude unknown: meet them and find out where they stand.",
        "状态未知：去会晤，弄清其立场。",
    ),
    (
        "Growth (增长型): sees a gap to the results wanted; likely to act.",
        "增长型：看到与期望结果的差距，很可能采取行动。",
    ),
    (
        "Trouble (困难型): something is going wrong; likely to act, urgently.",
        "困难型：出了问题，很可能马上采取行动。",
    ),
    (
        "Even keel (保守型): sees no gap; will not act unless you show one.",
        "保守型：看不到差距；除非你让其看到，否则不会行动。",
    ),
    (
        "Overconfident (盲目乐观型): thinks all is well; do not push, wait for reality.",
        "盲目乐观型：自认一切都好；不要硬推，等现实说话。",
    ),
    (
        "Mode unknown: ask how they see the change we propose.",
        "反应模式未知：问问其如何看待我们提议的变化。",
    ),
    // why an action ranks where it does
    ("best few: close", "最有把握的几单：销售成交"),
    ("best few: negotiate", "最有把握的几单：商务洽谈"),
    (
        "above the funnel: qualify (keep it fed)",
        "漏斗上方：确认商机（持续补充漏斗）",
    ),
    ("in the funnel: drive", "漏斗中：主导进程"),
    ("in the funnel: propose", "漏斗中：方案论证"),
    ("no due date", "没有到期日"),
    ("overdue by {days}", "已逾期 {days}"),
    ("due today", "今天到期"),
    ("due in {days}", "{days}后到期"),
    ("weighted value {value}", "加权金额 {value}"),
    ("risk: {flags}", "风险：{flags}"),
    ("high-severity red flag", "个高危红旗"),
    ("high-severity red flags", "个高危红旗"),
    ("age: {days}", "已创建 {days}"),
    ("suggested by the red flag {rule}", "由红旗“{rule}”建议"),
    // accounts and the sales result analysis
    (
        "key account with no open opportunity",
        "大客户没有进行中的商机",
    ),
    (
        "won this year {this} is below last year's {last}",
        "今年赢单 {this}，低于去年的 {last}",
    ),
    (
        "the last {lost_in_a_row} closed deals were lost",
        "最近关闭的 {lost_in_a_row} 个商机都丢单了",
    ),
    // the weekly review
    (
        "{reviewed} reviewed, {skipped} skipped, {to_go} to go",
        "已回顾 {reviewed}，跳过 {skipped}，还剩 {to_go}",
    ),
    (
        "{reviewed} reviewed, {skipped} skipped, {to_go} not seen",
        "已回顾 {reviewed}，跳过 {skipped}，未看 {to_go}",
    ),
    (
        "review of {today} recorded: {tally}",
        "已记录 {today} 的周回顾：{tally}",
    ),
    (
        "no review on or before {d} to compare with",
        "{d} 及之前没有可对比的周回顾",
    ),
    (
        "no review before the latest one to compare with",
        "最近一次周回顾之前没有可对比的回顾",
    ),
    (
        "The week to the review of {closed} (since the review of {since})",
        "截至{closed}周回顾的一周（自{since}周回顾以来）",
    ),
    ("Since the review of {since}", "自{since}周回顾以来"),
    ("New", "新增"),
    ("Advanced", "推进"),
    ("Moved back", "后退"),
    ("Lost", "丢单"),
    ("Close date slipped", "成交日期推迟"),
    ("Value changed", "金额变动"),
    // what changed on a deal since the last review
    ("new since the review of {on}", "自 {on} 周回顾后新增"),
    ("stage {from} → {to}", "阶段 {from} → {to}"),
    ("value {from} → {to}", "金额 {from} → {to}"),
    ("close date {from} → {to}", "成交日期 {from} → {to}"),
    ("flags raised: {rules}", "新增红旗：{rules}"),
    ("flags cleared: {rules}", "解除红旗：{rules}"),
    ("done: {actions}", "已完成：{actions}"),
    ("nothing changed", "没有变化"),
    // the workbench's edits: what they did, and why one is refused
    ("the opportunity is gone", "该商机已不存在"),
    ("the action is gone", "该行动已不存在"),
    ("the account is gone", "该客户已不存在"),
    ("the person is gone", "此人已不在名单中"),
    ("the red flag is gone", "该红旗已不存在"),
    (
        "{deal} is {result}: a closed deal is not edited; reopen it first",
        "{deal}已{result}：已关闭的商机不能编辑，请先重新打开",
    ),
    ("an account needs a name", "客户需要名称"),
    (
        "an account named {name} exists already",
        "已有名为 {name} 的客户",
    ),
    ("account {name} edited", "已编辑客户 {name}"),
    ("account {name} added", "已添加客户 {name}"),
    (
        "{name} has {n} opportunities ({ids}{more}): move or delete them first",
        "{name}还有 {n} 个商机（{ids}{more}）：请先移走或删除",
    ),
    ("account {name} deleted", "已删除客户 {name}"),
    ("action {action} added", "已添加行动{action}"),
    ("action {action} edited", "已编辑行动{action}"),
    ("{action}: done", "{action}：已完成"),
    ("{action}: open again", "{action}：重新打开"),
    ("action {action} deleted", "已删除行动{action}"),
    ("{action} due {due}", "{action}改到 {due} 到期"),
    (
        "action {action} added to {deal}",
        "已为{deal}添加行动{action}",
    ),
    ("red flag {flag} raised", "已添加红旗{flag}"),
    ("red flag {flag} edited", "已编辑红旗{flag}"),
    ("red flag {flag} resolved", "已解除红旗{flag}"),
    (
        "a snooze ends today or later; the date given is past",
        "暂缓须到今天或以后结束；所给日期已过",
    ),
    ("{rule} snoozed until {until}", "“{rule}”暂缓到 {until}"),
    ("{rule} no longer snoozed", "“{rule}”不再暂缓"),
    (
        "action {action} added, due tomorrow",
        "已添加行动{action}，明天到期",
    ),
    (
        "{name} cannot report to {boss}: that closes a loop in the power lines",
        "{name}不能汇报给{boss}：权力线会形成环路",
    ),
    ("{name} added to {deal}", "已把{name}加入{deal}"),
    ("{name} edited", "已编辑{name}"),
    ("{name} removed", "已移除{name}"),
    ("attitude {symbol} {attitude}", "状态 {symbol} {attitude}"),
    ("mode {mode}", "反应模式：{mode}"),
    ("coverage {coverage}", "所用时间：{coverage}"),
    ("influence {level}", "影响力：{level}"),
    ("not assessed", "未评估"),
    ("contact recorded today", "已记录今天的联系"),
    ("{name}: {what}", "{name}：{what}"),
    ("{n} closed skipped", "跳过 {n} 个已关闭"),
    ("{n} without it skipped", "跳过 {n} 个没有此红旗的"),
    ("{n} unchanged", "{n} 个没有变化"),
    ("{n} gone", "{n} 个已不存在"),
    ("nothing changed: {skipped}", "没有变化：{skipped}"),
    (
        "nothing changed: {skipped}; a closed deal is not edited, reopen it first",
        "没有变化：{skipped}；已关闭的商机不能编辑，请先重新打开",
    ),
    (
        "none moved: {deals} already in {end}",
        "没有移动：{deals}已在{end}",
    ),
    ("moved {deals} to {stage}", "已把 {deals}移到{stage}"),
    (
        "moved {deals} one stage forward",
        "已把 {deals}推进一个阶段",
    ),
    ("moved {deals} one stage back", "已把 {deals}退回一个阶段"),
    ("deleted {deals}", "已删除 {deals}"),
    ("{actions} done", "已完成 {actions}"),
    ("{actions} deleted", "已删除 {actions}"),
    ("{actions} due {due}", "{actions}改到 {due} 到期"),
    (
        "snoozed {rule} on {deals} until {until}",
        "已将 {deals}的{rule}暂缓到 {until}",
    ),
    ("an opportunity needs a title", "商机需要标题"),
    ("an opportunity needs an account", "商机需要所属客户"),
    ("created {deal}", "已创建{deal}"),
    ("edited {deal}", "已编辑{deal}"),
    ("deleted {deal}", "已删除{deal}"),
    ("{deal}: {from} → {stage}", "{deal}：{from} → {stage}"),
    (
        "reason code {code} is not one of {codes}",
        "原因代码 {code} 不在 {codes} 之中",
    ),
    (
        "the close date {on} is after today ({today})",
        "关闭日期 {on} 晚于今天（{today}）",
    ),
    ("{deal} marked {result}", "{deal}已标记为{result}"),
    ("{deal} reopened in {stage}", "{deal}已在{stage}重新打开"),
    ("{deal} is open already", "{deal}本来就是打开的"),
    ("{condition} {state}", "{condition}{state}"),
    ("confirmed", "已确认"),
    ("denied", "已否定"),
    ("unknown", "未知"),
    (
        "a log entry records what happened: today or before (a plan is an action: a in the actions pane)",
        "日志记录已发生的事：日期须为今天或之前（计划请作为行动：在行动窗格按 a）",
    ),
    ("logged on {deal}", "已为{deal}记日志"),
    ("{name} of {deal} edited", "已编辑{deal}的{name}"),
    // amounts and dates as typed, and as the file holds them
    (
        "expected an amount like 500k, 1.2M, 2万, 1,200,000.50",
        "应为金额，例如 2万、120万、500k、1.2M、1,200,000.50",
    ),
    (
        "{text} is not an amount: {forms}",
        "{text} 不是金额：{forms}",
    ),
    ("{text} is too large", "{text} 太大"),
    (
        "{text} has a fraction of a cent, expected at most two decimals",
        "{text} 不足一分，最多两位小数",
    ),
    (
        "{text} is negative, expected an amount of 0 or more",
        "{text} 是负数，金额应不小于 0",
    ),
    (
        "expected a date like 2027-01-15, today, tomorrow, +30, +2w, -1m, fri, eow, eom, eoq or eoy",
        "应为日期，例如 2027-01-15、今天、明天、周五、下周五、月底、季末、年底、+30、+2w、-1m（也可写 today、fri、eoq 等）",
    ),
    ("{text} is not a date: {forms}", "{text} 不是日期：{forms}"),
    (
        "{text} is not a day of the calendar",
        "{text} 不是日历上的日子",
    ),
    (
        "expected an amount (a non-negative number)",
        "应为金额（不小于 0 的数）",
    ),
    (
        "negative amount {v}, expected a non-negative number",
        "金额 {v} 是负数，应为不小于 0 的数",
    ),
    (
        "amount {v} has a fraction of a cent, expected at most two decimals",
        "金额 {v} 不足一分，最多两位小数",
    ),
    ("amount {v} is too large", "金额 {v} 太大"),
    ("expected an amount", "应为金额"),
    (
        "{s} is not an amount, expected digits like 1,200,000.50",
        "{s} 不是金额，应为 1,200,000.50 这样的数字",
    ),
    ("expected at most two decimals", "最多两位小数"),
    ("amount too large", "金额太大"),
    ("an amount (a non-negative number)", "金额（不小于 0 的数）"),
    (
        "invalid date {v}, expected a date YYYY-MM-DD",
        "无效日期 {v}，应为 YYYY-MM-DD 格式的日期",
    ),
    ("a date YYYY-MM-DD", "YYYY-MM-DD 格式的日期"),
    (
        "{what} {v} is out of range, expected a whole number from {min} to {max}",
        "{what} {v} 超出范围，应为 {min} 到 {max} 的整数",
    ),
    (
        "{what} (a whole number from {min} to {max})",
        "{what}（{min} 到 {max} 的整数）",
    ),
    (
        "a number of days (a whole number from 1 to 3650)",
        "天数（1 到 3650 的整数）",
    ),
    (
        "{v} days is out of range, expected a whole number from 1 to 3650",
        "{v} 天超出范围，应为 1 到 3650 的整数",
    ),
    // what the workspace file must hold, as the parser names it
    ("a field name", "字段名"),
    (
        "unknown {what} {found}, expected one of {all}",
        "未知的{what} {found}，应为以下之一：{all}",
    ),
    ("a {what} (a string)", "{what}（字符串）"),
    ("outcome", "结果"),
    ("relationship stage", "关系阶段"),
    ("role", "角色"),
    ("influence level", "影响力"),
    ("red-flag rule", "红旗规则"),
    (
        "format {s} is not a funnel workspace, expected \"{format}\"",
        "format 为 {s}，不是 funnel 工作区，应为 \"{format}\"",
    ),
    (
        "the review walk's progress (on, reviewed, skipped)",
        "周回顾进度（on、reviewed、skipped）",
    ),
    (
        "a funnel workspace (a JSON object with format, version, settings, accounts, opportunities)",
        "funnel 工作区（含 format、version、settings、accounts、opportunities 的 JSON 对象）",
    ),
    ("the settings object", "settings 对象"),
    ("an import profile object", "导入配置对象"),
    ("a probability for each stage", "每个阶段的概率"),
    ("a number of days for each stage", "每个阶段的天数"),
    ("an account object", "客户对象"),
    (
        "a contact object (id, name, title, email, phone)",
        "联系人对象（id、name、title、email、phone）",
    ),
    ("a SWOT object", "SWOT 对象"),
    ("an opportunity object", "商机对象"),
    (
        "an outcome object (result, on, reason)",
        "结果对象（result、on、reason）",
    ),
    (
        "a reopened entry (on, result, reason)",
        "重新打开记录（on、result、reason）",
    ),
    (
        "a stage history entry (stage, entered)",
        "阶段历史记录（stage、entered）",
    ),
    (
        "a close history entry (on, from, to)",
        "成交日期历史记录（on、from、to）",
    ),
    (
        "a qualification object (need, authority, budget, timeline)",
        "商机条件对象（need、authority、budget、timeline）",
    ),
    ("an influence object", "买方影响力对象"),
    (
        "a flag object (id, text, raised, resolved)",
        "红旗对象（id、text、raised、resolved）",
    ),
    (
        "a snooze object (rule, subject, until, reason)",
        "暂缓对象（rule、subject、until、reason）",
    ),
    (
        "an action object (id, text, due, done, influence, created)",
        "行动对象（id、text、due、done、influence、created）",
    ),
    (
        "a value proposition object (needs, benefits, differentiators)",
        "价值主张对象（needs、benefits、differentiators）",
    ),
    ("a log entry (on, text)", "日志记录（on、text）"),
    (
        "a review object (on, opportunities)",
        "周回顾对象（on、opportunities）",
    ),
    (
        "a reviewed opportunity (id, stage, value, expected_close, flags)",
        "回顾过的商机（id、stage、value、expected_close、flags）",
    ),
    // quick add
    (
        "expected a closing {close} after the name",
        "名称后缺少收尾的 {close}",
    ),
    (
        "a second {what}; {first} was given already",
        "又一个{what}；前面已给过 {first}",
    ),
    ("amount", "金额"),
    (
        "a deal needs a title: type it, then @account, amount, stage…",
        "商机需要标题：先输入标题，再写 @客户、金额、阶段…",
    ),
    (
        "a deal needs an account: add @name (@\"two words\" or @Acme Foods at the end)",
        "商机需要客户：加上 @名称（@\"两个词\"，或放在末尾的 @Acme Foods）",
    ),
    ("expected an account name after @", "@ 后面应是客户名称"),
    ("expected a tag name after #", "# 后面应是标签名"),
    ("expected a probability from 0 to 100", "概率应为 0 到 100"),
    (
        "is not a date: a close date looks like 2027-01-15, +2w, fri or eoq",
        "不是日期：成交日期可写 2027-01-15、+2w、周五或季末",
    ),
    (": ", "："),
    // what a workspace file must satisfy beyond its types (`funnel check`)
    (
        "unknown version 0, expected a version from 1 to {version}",
        "未知版本 0，应为 1 到 {version} 的版本",
    ),
    (
        "unknown language {found}, expected \"en\", \"zh\" or \"\" (the environment's)",
        "未知语言 {found}，应为 \"en\"、\"zh\" 或 \"\"（按环境）",
    ),
    (
        "unknown number style {found}, expected \"western\", \"chinese\" or \"\" (the language's)",
        "未知数字样式 {found}，应为 \"western\"、\"chinese\" 或 \"\"（按语言）",
    ),
    (
        "unknown field {field} for column {column}",
        "列 {column} 的字段 {field} 未知",
    ),
    (
        "unknown stage {stage}, expected one of qualify, drive, propose, negotiate, close, won, lost, abandoned",
        "未知阶段 {stage}，应为以下之一：qualify、drive、propose、negotiate、close、won、lost、abandoned",
    ),
    (
        "account {id} does not exist, expected the id of one of the {n} accounts",
        "客户 {id} 不存在，应为现有 {n} 个客户之一的 id",
    ),
    (
        "influence {id} does not exist in this opportunity, expected the id of one of its influences or null",
        "本商机中没有买方影响力 {id}，应为其买方影响力之一的 id 或 null",
    ),
    (
        "empty account id, expected a non-empty string",
        "客户 id 为空，应为非空字符串",
    ),
    (
        "empty opportunity id, expected a non-empty string",
        "商机 id 为空，应为非空字符串",
    ),
    (
        "empty influence id, expected a non-empty string",
        "买方影响力 id 为空，应为非空字符串",
    ),
    (
        "empty action id, expected a non-empty string",
        "行动 id 为空，应为非空字符串",
    ),
    (
        "empty flag id, expected a non-empty string",
        "红旗 id 为空，应为非空字符串",
    ),
    (
        "duplicate account id {id}, already used at {at}",
        "客户 id {id} 重复，已用于 {at}",
    ),
    (
        "duplicate opportunity id {id}, already used at {at}",
        "商机 id {id} 重复，已用于 {at}",
    ),
    (
        "duplicate influence id {id}, already used at {at}",
        "买方影响力 id {id} 重复，已用于 {at}",
    ),
    (
        "duplicate action id {id}, already used at {at}",
        "行动 id {id} 重复，已用于 {at}",
    ),
    (
        "duplicate flag id {id}, already used at {at}",
        "红旗 id {id} 重复，已用于 {at}",
    ),
    (
        "{id} reports to itself, expected another influence or null",
        "{id} 汇报给自己，应为另一位买方影响力或 null",
    ),
    (
        "{id} reports to {boss}, which closes a loop of reports_to, expected a hierarchy",
        "{id} 汇报给 {boss}，reports_to 形成环路，应为上下级层次",
    ),
    ("{date} ({weekday})", "{date}（{weekday}）"),
];
