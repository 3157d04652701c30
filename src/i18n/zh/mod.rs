//! The Chinese catalogue: `(English, 中文)` pairs, one file per part of the
//! product so that each is read (and reviewed) beside the code it serves.
//! Terms follow `shared/docs/methodology.md`: the stages 确认商机 …
//! 销售成交, the roles 经济影响力 / 使用者影响力 / 技术选型人 / 教练, the
//! modes 增长型 / 困难型 / 保守型 / 盲目乐观型, 红旗信号, 政治地图.

mod account_forms;
mod account_plan;
mod account_view;
mod agenda_cli;
mod cli;
pub(super) mod cli_help;
mod common;
mod conflicts_tui;
mod conversation;
mod conversation_forms;
mod domain;
mod forecast;
mod forecast_cli;
mod forecast_edit;
mod forecast_tui;
mod import;
mod merge_cli;
mod people_view;
mod plan_cli;
mod report_accounts;
mod settings_form;
mod sheet_cli;
mod store;
mod strategy;
mod strategy_forms;
mod strategy_tui;
mod team;
mod team_cli;
mod team_tui;
mod tui_app;
mod tui_keys;
mod tui_views;
pub(super) mod words;

/// Every part's pairs.
pub(super) const ALL: &[&[(&str, &str)]] = &[
    common::TEXTS,
    tui_keys::TEXTS,
    tui_app::TEXTS,
    tui_views::TEXTS,
    cli::TEXTS,
    domain::TEXTS,
    forecast::TEXTS,
    forecast_tui::TEXTS,
    forecast_edit::TEXTS,
    forecast_cli::TEXTS,
    store::TEXTS,
    import::TEXTS,
    conversation::TEXTS,
    conversation_forms::TEXTS,
    strategy::TEXTS,
    strategy_forms::TEXTS,
    settings_form::TEXTS,
    sheet_cli::TEXTS,
    strategy_tui::TEXTS,
    agenda_cli::TEXTS,
    people_view::TEXTS,
    account_plan::TEXTS,
    report_accounts::TEXTS,
    plan_cli::TEXTS,
    team_tui::TEXTS,
    team::TEXTS,
    team_cli::TEXTS,
    account_forms::TEXTS,
    account_view::TEXTS,
    merge_cli::TEXTS,
    conflicts_tui::TEXTS,
];
