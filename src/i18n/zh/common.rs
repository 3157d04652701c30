//! Texts shared by the workbench, the command line and the report.

pub(super) const TEXTS: &[(&str, &str)] = &[
    ("deal", "个商机"),
    ("deals", "个商机"),
    ("day", "天"),
    ("days", "天"),
];
