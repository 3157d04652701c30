//! Chinese for the texts of `src/domain` (red flags, advice, priorities,
//! checks), see `super`.

pub(super) const TEXTS: &[(&str, &str)] = &[
    // the qualification conditions (seed 002, 合格销售商机应具备的条件)
    ("need", "需求"),
    ("authority", "决策权"),
    ("budget", "预算"),
    ("timeline", "采购时间"),
    // red flags: what each says, and the method's advice
    ("in {stage} with {missing} not confirmed", "已到{stage}，{missing}仍未确认"),
    (
        "Confirm {missing} (确认商机): ask who decides, what the budget is and when they will buy; if it cannot be confirmed, consider disqualifying.",
        "确认{missing}：问清谁来决策、预算多少、何时采购；确认不了，就考虑放弃这个商机。",
    ),
    ("no economic buyer identified", "还没找到经济影响力"),
    (
        "Find out who gives final approval and releases the money (经济影响力); ask your coach, then call high.",
        "找出谁做最终批准、谁掌握资金（经济影响力）：先问教练，再把关系做高。",
    ),
    ("economic buyer {name} never met", "从未会晤经济影响力{name}"),
    (
        "Get a meeting with {name}, the economic buyer, never met: ask your coach or a supporter to introduce you.",
        "争取见到经济影响力{name}（至今未会晤）：请教练或支持者引荐。",
    ),
    ("no coach (内线) to guide the sale", "没有教练（内线）指点这单销售"),
    (
        "Develop a coach: someone credible with the buyer who wants us to win; look among supporters inside, friends outside, or our own people.",
        "发展一位教练：在客户那里有信誉、又希望我们赢的人；可在客户内部的支持者、外部的朋友或我方同事中寻找。",
    ),
    ("{name} never met", "从未会晤{name}"),
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
    ("{name} is a high-influence non-supporter", "{name}影响力高，却不支持我们"),
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
    ("{days} in {stage} (more than {limit})", "在{stage}停留 {days}（超过 {limit} 天）"),
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
    ("close date moved later {slips} times", "成交日期已推迟 {slips} 次"),
    (
        "Test whether the date is real: what must happen before signing, and who makes it happen?",
        "检验日期是否真实：签约前必须发生什么？由谁来推动？",
    ),
    ("no open action", "没有待办行动"),
    (
        "Decide the next step with the customer and put it on the list with a date.",
        "与客户商定下一步，连同日期列入行动清单。",
    ),
    ("“{text}” was due {due} ({late} ago)", "“{text}”应于 {due} 完成（已逾期 {late}）"),
    (
        "Do “{text}” now, or reschedule it to a date you will keep.",
        "马上去做“{text}”，或改到一个你能守住的日期。",
    ),
    ("no contact for {days} (since {last})", "已 {days} 没有联系（自 {last} 起）"),
    (
        "Get back in touch: a visit or a call with a reason that matters to them.",
        "重新联系：带着对方在意的理由去拜访或打电话。",
    ),
    (
        "value proposition without benefits and differentiators",
        "价值主张缺少收益分析和差异化",
    ),
    ("value proposition without benefits", "价值主张缺少收益分析"),
    ("value proposition without differentiators", "价值主张缺少差异化"),
    (
        "Complete the value triangle (价值金三角): the benefits in their numbers, and what sets us apart.",
        "补全价值金三角：用客户自己的数字算清收益，讲明我们的差异化。",
    ),
    (
        "Act on “{text}”, then resolve the flag (x).",
        "处理“{text}”，然后解除这个红旗（x）。",
    ),
    // strengths
    ("{name} is our coach and a champion", "{name}是我们的教练，且力挺我们"),
    (
        "economic buyer {name} is in {mode} mode and we know them well",
        "经济影响力{name}属于{mode}，而且我们与其很熟",
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
        "中立：争取过来：了解其要的组织结果和个人赢，说明我们如何两者兼顾。",
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
    ("above the funnel: qualify (keep it fed)", "漏斗上方：确认商机（保持进货）"),
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
    ("age: {days}", "已建 {days}"),
    ("suggested by the red flag {rule}", "由红旗“{rule}”建议"),
    // accounts and the sales result analysis
    ("key account with no open opportunity", "大客户没有进行中的商机"),
    (
        "won this year {this} is below last year's {last}",
        "今年赢单 {this}，低于去年的 {last}",
    ),
    (
        "the last {lost_in_a_row} closed deals were lost",
        "最近关闭的 {lost_in_a_row} 个商机都丢单了",
    ),
    ("(none named)", "（未填竞争对手）"),
    ("(no product)", "（未填产品）"),
    ("(no tier)", "（未分级）"),
    // the weekly review
    (
        "{reviewed} reviewed, {skipped} skipped, {to_go} to go",
        "已回顾 {reviewed}，跳过 {skipped}，还剩 {to_go}",
    ),
    (
        "{reviewed} reviewed, {skipped} skipped, {to_go} not seen",
        "已回顾 {reviewed}，跳过 {skipped}，未看 {to_go}",
    ),
    ("review of {today} recorded: {tally}", "已记录 {today} 的周回顾：{tally}"),
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
    ("Won", "赢单"),
    ("Lost", "丢单"),
    ("Close date slipped", "成交日期推迟"),
    ("Value changed", "金额变动"),
    // what changed on a deal since the last review
    ("new since the review of {on}", "自 {on} 周回顾后新增"),
    ("stage {from} → {to}", "阶段 {from} → {to}"),
    ("value {from} → {to}", "金额 {from} → {to}"),
    ("none", "无"),
    ("close date {from} → {to}", "成交日期 {from} → {to}"),
    ("flags raised: {rules}", "新增红旗：{rules}"),
    ("flags cleared: {rules}", "解除红旗：{rules}"),
    ("done: {actions}", "已完成：{actions}"),
    ("; ", "；"),
    ("nothing changed", "没有变化"),
];
