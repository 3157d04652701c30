//! `funnel agenda` (spec section 10): the coming days' actions by day and
//! time, with the call plan (拜访计划) of each conversation: 拜访目标,
//! 最佳承诺, 最低承诺, the SPIN questions (情境性问题 …), 我方提供.

pub(super) const TEXTS: &[(&str, &str)] = &[
    (
        "expected a number of days from 1 to {max}, got {s}",
        "应为 1 至 {max} 的天数，实际为 {s}",
    ),
    (
        "Agenda: {days} from {today}\n",
        "日程：自 {today} 起 {days}\n",
    ),
    (
        "Nothing due: no open action in the next {days}, none overdue.\n",
        "没有待办：未来 {days}内没有未完成的行动，也没有逾期的。\n",
    ),
    ("all day", "全天"),
    ("Overdue", "已逾期"),
    ("{day} · today", "{day} · 今天"),
    ("{day} · tomorrow", "{day} · 明天"),
    ("{deal} ({account})", "{deal}（{account}）"),
    ("owner {owner}", "负责人 {owner}"),
    ("⚠ no call plan", "⚠ 无拜访计划"),
    ("no plan yet", "尚无计划"),
    ("{actions}.\n", "共 {actions}。\n"),
    (
        "{actions}, {overdue} overdue.\n",
        "共 {actions}，其中 {overdue} 项已逾期。\n",
    ),
    ("Objective: {text}", "拜访目标：{text}"),
    (
        "Best: {best} · minimum: {minimum}",
        "最佳承诺：{best} · 最低承诺：{minimum}",
    ),
    ("Best: {best}", "最佳承诺：{best}"),
    ("Minimum: {minimum}", "最低承诺：{minimum}"),
    ("Deal: {deal}", "商机：{deal}"),
    ("With: {person}", "对象：{person}"),
    ("Owner: {owner}", "负责人：{owner}"),
    ("No call plan yet.", "尚无拜访计划。"),
    ("Call plan", "拜访计划"),
    ("Reason: {text}", "有效的商业理由：{text}"),
    ("Best commitment: {text}", "最佳承诺：{text}"),
    ("Minimum commitment: {text}", "最低承诺：{text}"),
    ("{label}:", "{label}："),
    ("What we give", "我方提供"),
];
