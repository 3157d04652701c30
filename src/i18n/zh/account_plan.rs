//! Key accounts (spec section 11): the account plan, credit, complaints,
//! satisfaction and contacts; their edits, checks and warning signs.

pub(super) const TEXTS: &[(&str, &str)] = &[
    // records, as a file's error names them
    (
        "an account plan object (last_year_target, last_year_result, target, strategy, resources, goals)",
        "客户计划对象（last_year_target、last_year_result、target、strategy、resources、goals）",
    ),
    (
        "a credit object (limit, terms_days, invoices)",
        "信用对象（limit、terms_days、invoices）",
    ),
    (
        "an invoice object (id, number, amount, issued, due, paid)",
        "发票对象（id、number、amount、issued、due、paid）",
    ),
    (
        "a complaint object (id, text, raised, resolved)",
        "投诉对象（id、text、raised、resolved）",
    ),
    (
        "a satisfaction object (on, score 1 to 5, note)",
        "满意度对象（on、score 1 到 5、note）",
    ),
    // the warning signs
    (
        "invoice {number} of {amount} is {days} overdue (due {due})",
        "发票 {number}（{amount}）已逾期 {days}（到期日 {due}）",
    ),
    (
        "unpaid {unpaid} is over the credit limit of {limit}",
        "未付款 {unpaid} 超出信用额度 {limit}",
    ),
    (
        "complaint unresolved for {days}: {text}",
        "投诉已 {days}未解决：{text}",
    ),
    (
        "satisfaction fell from {before} to {latest} (on {on})",
        "满意度从 {before} 降到 {latest}（{on}）",
    ),
    (
        "won {won} this year, behind the {expected} expected by now ({share}% of the year gone, target {target})",
        "今年已赢单 {won}，落后于此时应达到的 {expected}（全年已过 {share}%，目标 {target}）",
    ),
    // checks of the file
    (
        "due {due} is before the invoice was issued ({issued}), expected a date on or after it",
        "到期日 {due} 早于开票日（{issued}），应为开票日当天或之后",
    ),
    (
        "resolved {resolved} is before the complaint was raised ({raised}), expected a date on or after it",
        "解决日 {resolved} 早于投诉提出日（{raised}），应为提出日当天或之后",
    ),
    (
        "paid {paid} is before the invoice was issued ({issued}), expected a date on or after it",
        "付款日 {paid} 早于开票日（{issued}），应为开票日当天或之后",
    ),
    (
        "duplicate contact id {id}, already used at {at}",
        "联系人 id {id} 重复，已用于 {at}",
    ),
    (
        "duplicate invoice id {id}, already used at {at}",
        "发票 id {id} 重复，已用于 {at}",
    ),
    (
        "duplicate complaint id {id}, already used at {at}",
        "投诉 id {id} 重复，已用于 {at}",
    ),
    (
        "empty contact id, expected a non-empty string",
        "联系人 id 为空，应为非空字符串",
    ),
    (
        "empty invoice id, expected a non-empty string",
        "发票 id 为空，应为非空字符串",
    ),
    (
        "empty complaint id, expected a non-empty string",
        "投诉 id 为空，应为非空字符串",
    ),
    // edits
    ("plan of {name} saved", "{name}的客户计划已保存"),
    (
        "an invoice needs the date it was issued",
        "发票需要填写开票日期",
    ),
    (
        "payment terms of {n} days are out of range, expected 1 to 3650",
        "账期 {n} 天超出范围，应为 1 到 3650 天",
    ),
    ("credit terms of {name} saved", "{name}的信用条件已保存"),
    (
        "an invoice needs an amount above zero",
        "发票金额必须大于零",
    ),
    (
        "{what} {date} is before the invoice was issued ({issued})",
        "{what} {date} 早于开票日（{issued}）",
    ),
    ("paid", "付款日"),
    (
        "paid {date} is before the invoice was issued ({issued})",
        "付款日 {date} 早于开票日（{issued}）",
    ),
    ("invoice {number} added", "已添加发票 {number}"),
    ("invoice {number} edited", "已修改发票 {number}"),
    ("invoice {number} unpaid again", "发票 {number} 改回未付"),
    ("invoice {number} paid", "发票 {number} 已付款"),
    ("invoice {number} deleted", "已删除发票 {number}"),
    ("a complaint needs its text", "投诉需要填写内容"),
    (
        "a complaint needs the date it was raised",
        "投诉需要填写提出日期",
    ),
    (
        "resolved {resolved} is before the complaint was raised ({raised})",
        "解决日 {resolved} 早于投诉提出日（{raised}）",
    ),
    ("complaint {text} recorded", "已记录投诉 {text}"),
    ("complaint {text} edited", "已修改投诉 {text}"),
    ("complaint {text} reopened", "投诉 {text} 已重新打开"),
    ("complaint {text} resolved", "投诉 {text} 已解决"),
    ("complaint {text} deleted", "已删除投诉 {text}"),
    ("a satisfaction score needs its date", "满意度评分需要日期"),
    (
        "a satisfaction score needs a score from 1 to 5",
        "满意度评分需要 1 到 5 的分数",
    ),
    (
        "satisfaction {score} of {on} recorded",
        "已记录 {on} 的满意度 {score}",
    ),
    ("satisfaction of {on} edited", "已修改 {on} 的满意度"),
    ("satisfaction of {on} deleted", "已删除 {on} 的满意度"),
    ("a contact needs a name", "联系人需要姓名"),
    ("contact {name} added", "已添加联系人 {name}"),
    ("contact {name} edited", "已修改联系人 {name}"),
    ("contact {name} deleted", "已删除联系人 {name}"),
    ("the invoice is gone", "该发票已不存在"),
    ("the complaint is gone", "该投诉已不存在"),
    ("the satisfaction score is gone", "该满意度评分已不存在"),
    ("the contact is gone", "该联系人已不存在"),
    // view 4's panes
    (" Keys · account profile ", " 按键 · 客户概况 "),
    (" Keys · account plan ", " 按键 · 客户计划 "),
    (" Keys · credit ", " 按键 · 信用 "),
    (" Keys · complaints ", " 按键 · 投诉 "),
    (" Keys · satisfaction ", " 按键 · 满意度 "),
    (" Keys · contacts ", " 按键 · 联系人 "),
    (" Keys · the account's deals ", " 按键 · 客户的商机 "),
    (
        " Keys · the account's timeline ",
        " 按键 · 客户的行动时间表 ",
    ),
    (
        "jump to the action in its deal (view 1)",
        "跳到该行动所在的商机（视图 1）",
    ),
    ("back to the list of accounts", "回到客户列表"),
    (
        "filter the accounts (the list above; the pane keeps the focus)",
        "筛选客户（上方的列表；窗格保持焦点）",
    ),
];
