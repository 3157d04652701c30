//! All integration tests in one binary, a module per former test file, so
//! that a change to the library relinks one test executable, not seventeen.

mod accounts;
mod action_list;
mod actions_cli;
mod analysis;
mod bad_input;
mod closed_deals;
mod commands;
mod common;
mod dialog_screens;
mod flag_rules;
mod flags_pane;
mod headless_top;
mod import_activities;
mod import_contacts;
mod import_export;
mod import_headers;
mod import_merge;
mod import_profiles;
mod import_reading;
mod import_xlsx;
mod incremental;
mod influence_map;
mod keys_in_one_table;
mod priority;
mod process_safety;
mod report;
mod review_walk;
mod review_week;
mod roundtrip;
mod safe_paths;
mod saving;
mod screens;
mod tmux_e2e;
mod workbench;
mod workbench_props;
