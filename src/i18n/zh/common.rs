//! Texts shared by the workbench, the command line and the report.

pub(super) const TEXTS: &[(&str, &str)] = &[
    ("deal", "个商机"),
    ("deals", "个商机"),
    ("day", "天"),
    ("days", "天"),
    // the workbench's language switch (src/tui/app/language.rs)
    ("language: {name}", "界面语言：{name}"),
    (" Language ", " 语言 "),
    (
        "Now in {name}. Save it as this workspace's language (settings.language), for the next start and the reports?",
        "已切换为{name}。要把它保存为本工作区的语言（settings.language），下次启动和报告都使用它吗？",
    ),
    (
        "for this session only; the settings are unchanged",
        "仅本次使用，设置未改动",
    ),
];
