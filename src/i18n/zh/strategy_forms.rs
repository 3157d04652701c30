//! The Blue Sheet's forms in the workbench (spec section 9): their titles
//! and field labels.

pub(super) const TEXTS: &[(&str, &str)] = &[
    ("Strategy (Blue Sheet)", "策略（蓝表）"),
    ("New competitor", "新竞争对手"),
    ("Edit competitor", "修改竞争对手"),
    ("New criterion", "新决策标准"),
    ("Edit criterion", "修改决策标准"),
    ("New close plan step", "新成交计划步骤"),
    ("Edit close plan step", "修改成交计划步骤"),
    ("needs", "需求"),
    ("benefits", "利益"),
    ("differentiators", "差异化"),
    ("compelling event", "紧迫事件"),
    ("event date", "事件日期"),
    ("decision process", "决策流程"),
    ("our team", "我方团队"),
    ("position", "竞争位置"),
    ("kind", "类型"),
    ("weight", "权重"),
    ("held by", "持有人"),
    ("done", "完成"),
    ("Edit log entry", "修改日志"),
    ("created", "创建日期"),
    ("log entry of {deal} edited", "已修改 {deal} 的日志"),
    ("log entry of {deal} deleted", "已删除 {deal} 的日志"),
    ("the log entry is gone", "该日志已不存在"),
    (
        "edit the log entry: its date and words",
        "修改日志：日期和内容",
    ),
    ("delete the log entry (asks first)", "删除日志（先询问）"),
    (
        "Delete the log entry of {on}, “{text}”?",
        "删除 {on} 的日志“{text}”？",
    ),
];
