//! View 4's account workspace, its keys and forms (spec section 11): the
//! account plan, credit terms, invoices, complaints, satisfaction scores
//! and contacts.

pub(super) const TEXTS: &[(&str, &str)] = &[
    // the forms
    ("Account plan: {name}", "客户计划：{name}"),
    ("Credit terms: {name}", "信用条款：{name}"),
    ("New invoice", "新建发票"),
    ("Edit invoice", "编辑发票"),
    ("New complaint", "记录投诉"),
    ("Edit complaint", "编辑投诉"),
    ("New satisfaction score", "记录满意度"),
    ("Edit satisfaction score", "编辑满意度"),
    ("New contact", "新建联系人"),
    ("Edit contact", "编辑联系人"),
    // their fields
    ("last year's target", "去年目标"),
    ("last year's result", "去年实际"),
    ("this year's target", "今年目标"),
    ("strategy", "策略"),
    ("resources", "资源"),
    ("goals", "具体目标"),
    ("issued", "开票日"),
    ("date", "日期"),
    ("credit limit", "信用额度"),
    ("payment terms (days)", "账期（天）"),
    ("invoice number", "发票号"),
    ("paid on", "付款日"),
    ("raised on", "提出日"),
    ("resolved on", "解决日"),
    // what an empty field means
    ("empty: not known", "留空：不详"),
    ("empty: no target yet", "留空：尚无目标"),
    ("; between goals", "具体目标之间用 ; 或 ； 分隔"),
    ("empty: no credit limit", "留空：无信用额度"),
    ("empty: no payment terms agreed", "留空：未约定账期"),
    (
        "empty: the issue date plus the account's payment terms",
        "留空：开票日加客户账期",
    ),
    (
        "empty: no due date (the account has no payment terms)",
        "留空：无到期日（客户未设账期）",
    ),
    ("empty: still open", "留空：仍未解决"),
    // satisfaction scores, 1 to 5
    ("very unhappy", "非常不满意"),
    ("unhappy", "不满意"),
    ("neutral", "一般"),
    ("happy", "满意"),
    ("delighted", "非常满意"),
    // the keys
    (
        "edit the account: tier, scores, relationship, SWOT, industry, notes",
        "编辑客户：级别、评分、关系、SWOT、行业、备注",
    ),
    (
        "edit the plan: last year, this year's target, strategy, resources, needs, decision process, goals",
        "编辑客户计划：去年情况、今年目标、策略、资源、需求、决策流程、具体目标",
    ),
    (
        "credit terms: the credit limit and payment terms in days",
        "信用条款：信用额度与账期（天）",
    ),
    (
        "add an invoice (issued today; due: the terms unless typed)",
        "新建发票（今天开票；到期日不填则按账期）",
    ),
    ("edit the invoice", "编辑发票"),
    (
        "mark the invoice paid today (x again: unpaid again)",
        "标记发票今天已付款（再按 x：改回未付）",
    ),
    ("delete the invoice (asks first)", "删除发票（先确认）"),
    ("record a complaint (raised today)", "记录投诉（今天提出）"),
    ("edit the complaint", "编辑投诉"),
    (
        "resolve the complaint today (x again: open it again)",
        "今天解决投诉（再按 x：重新打开）",
    ),
    ("delete the complaint (asks first)", "删除投诉（先确认）"),
    (
        "record a satisfaction score, 1 very unhappy … 5 delighted",
        "记录满意度，1 非常不满意 … 5 非常满意",
    ),
    ("edit the score", "编辑满意度"),
    ("delete the score (asks first)", "删除满意度（先确认）"),
    ("add a contact", "新建联系人"),
    ("edit the contact", "编辑联系人"),
    ("delete the contact (asks first)", "删除联系人（先确认）"),
    // the status line and questions
    (
        "no invoice selected: a adds one, c sets the credit terms",
        "未选中发票：a 新建，c 设置信用条款",
    ),
    ("no complaint selected: a records one", "未选中投诉：a 记录"),
    (
        "no satisfaction score selected: a records one",
        "未选中满意度：a 记录",
    ),
    ("no contact selected: a adds one", "未选中联系人：a 新建"),
    (
        "no action selected: a deal's actions are added in view 1",
        "未选中行动：商机的行动在视图 1 中添加",
    ),
    ("Delete the invoice {name}?", "删除发票 {name}？"),
    ("Delete the complaint “{text}”?", "删除投诉“{text}”？"),
    (
        "Delete the satisfaction score of {on}?",
        "删除 {on} 的满意度？",
    ),
    ("Delete the contact “{name}”?", "删除联系人“{name}”？"),
    (
        "Delete the account “{name}” and {with}?",
        "删除客户“{name}”及{with}？",
    ),
    ("its plan", "其客户计划"),
    ("complaint", "条投诉"),
    ("complaints", "条投诉"),
    ("contact", "位联系人"),
    ("contacts", "位联系人"),
    ("satisfaction score", "条满意度"),
    ("satisfaction scores", "条满意度"),
];
